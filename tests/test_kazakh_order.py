"""Names in Kazakh alphabetical order (issue 20, item 5), from Qt's collation: Ә after А, Ғ after Г, Қ after К,
Ң after Н, Ө after О, Ұ and Ү after У, Һ after Х, І after Ы; and Kazakh as a language of the interface."""
from __future__ import annotations

from desktop.core.records import Label, pick, pick_marked
from desktop.qt.shell.collation import sorted_by_name


def test_kazakh_names_are_in_the_kazakh_alphabets_order(qapp):
    names = ["Ірі", "ыстық", "Ғалым", "гүл", "Әсем", "Бақыт", "ақ", "Қала", "кітап", "Ңа", "нар", "Үй", "Ұлы",
             "уақыт", "Өзен", "орал", "Һ", "хат"]
    assert sorted_by_name(names, str, "kk") == [
        "ақ", "Әсем", "Бақыт", "гүл", "Ғалым", "кітап", "Қала", "нар", "Ңа", "орал", "Өзен", "уақыт", "Ұлы", "Үй",
        "хат", "Һ", "ыстық", "Ірі"]
    # Russian puts І (a letter it does not have) elsewhere: the order follows the language
    assert sorted_by_name(names, str, "ru").index("Ірі") < sorted_by_name(names, str, "ru").index("ыстық")


def test_the_node_choices_of_a_form_follow_the_kazakh_alphabet(qapp, repo, translator):
    from desktop.core.validation import FIELDS
    from desktop.qt.editing.record_form import RecordForm

    translator.set_language("kk")
    repo.db.conn.execute("UPDATE nodes SET name_kk = 'Ірге' WHERE uid = 'astana'")
    repo.db.conn.execute("UPDATE nodes SET name_kk = 'Ыстықкөл' WHERE uid = 'almaty'")
    form = RecordForm.__new__(RecordForm)  # only the choices are looked at: no window
    form.repo, form.lang = repo, "kk"
    spec = next(s for s in FIELDS["segment"] if s.name == "from_node_id")
    names = [text for _id, text in form._choices(spec)]
    assert names.index("Ыстықкөл") < names.index("Ірге")  # І comes after Ы in the Kazakh alphabet
    assert names == sorted_by_name(names, str, "kk")


def test_a_kazakh_reader_gets_kazakh_then_russian_then_english():
    assert pick("kk", "Port", "Порт", "Порт (kk)") == "Порт (kk)"
    assert pick("kk", "Port", "Порт", None) == "Порт"
    assert pick("kk", "Port", None, None) == "Port"
    assert pick_marked("kk", "Port", "Порт", None) == ("Порт", "ru")
    assert pick_marked("kk", "Port", None, "Порт") == ("Порт", None)
    assert Label("rail", "железная дорога", "темір жол").pick("kk") == "темір жол"
    assert Label("rail", "железная дорога").pick("kk") == "железная дорога"


def test_the_language_menu_offers_kazakh_and_the_window_switches_to_it(qtbot, repo, translator):
    from desktop.app import build_window
    from desktop.qt.i18n import current_language

    window = build_window(repo, translator=translator)
    qtbot.addWidget(window)
    assert window.action_table["lang_kk"].text() == "Қазақша"
    window.action_table["lang_kk"].trigger()
    assert current_language() == "kk" and window.action_table["lang_kk"].isChecked()
    from PySide6.QtCore import QLocale
    assert QLocale().language() == QLocale.Language.Kazakh  # dates and numbers from Qt's Kazakh locale
    window.action_table["lang_en"].trigger()
    assert current_language() == "en"
    window.search.shutdown()


def test_the_agreements_sorted_by_title_in_kazakh_read_an_index(repo):
    """As in English and Russian: at a million agreements a sort without an index takes seconds."""
    from desktop.data.agreements import _sort_expression

    for lang in ("en", "ru", "kk"):
        plan = repo.db.conn.execute(f"EXPLAIN QUERY PLAN SELECT a.id FROM agreements a ORDER BY "
                                    f"{_sort_expression('title', lang)}, a.id LIMIT 200").fetchall()
        assert any("USING INDEX agreements_title_" in row[-1] for row in plan), (lang, plan)

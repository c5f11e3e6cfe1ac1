"""The interface is whole in Russian and in Kazakh: every tr() text of the code has its translation.

A developer who adds or changes a tr() string without translating it gets a failing test that names the
strings (the .ts files are refreshed by lupdate into a temporary copy and compared with the tracked ones);
a translation that drops or changes a placeholder ({name}, %n, %1), an HTML tag or the menu accelerator
fails too, since it would show a wrong or broken text. The Kazakh interface uses no English words other
than proper names, file formats and key names.
"""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.qt import i18n

TRANSLATED = ("ru", "kk")  # English is the source language: its file holds only plural forms

_NAMED = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*\}(?!\})")  # {name}; not the escaped {{ … }}
_QT_ARG = re.compile(r"%(?:n|L?\d+)")  # %n, %1, %L1
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[^>]*>")
_ACCELERATOR = re.compile(r"&(?!&)(?=\S)")  # "&File"; "&&" is a literal ampersand

# Latin-script words a Kazakh text may keep: proper names, file formats, standards and key names.
_KAZAKH_KEEPS_LATIN = {
    "Partnership", "Atlas", "UN", "Comtrade", "Excel", "Windows", "US", "Letter", "A4",
    "CSV", "JSON", "GeoJSON", "PDF", "PNG", "SVG", "UTF", "BOM", "ISO", "URL", "UTC", "NUL", "http", "https",
    "Ctrl", "Shift", "Enter", "Esc", "FY", "H1", "Q1", "M", "port_aktau",
    "uid",  # the name of an import file's column
    "WGS", "EPSG",  # the names of the world's coordinate reference system (WGS 84, EPSG:4326)
    "type", "FeatureCollection", "features",  # the members a GeoJSON file must have, as the file names them
    "PostgreSQL", "postgresql", "service", "pgpass",  # the team server's product, its address scheme, libpq's names
    "host", "dbname", "user",  # the keys of a connection string, typed as libpq reads them
    "partnership", "atlas", "server", "init",  # a command typed as it is: `partnership-atlas server init`
}


def _ts_path(lang: str) -> Path:
    return i18n.translations_dir() / f"atlas_{lang}.ts"


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    """(context name, <message>) for every message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _translations(message: ET.Element) -> list[str | None]:
    """The message's translation, or each of its plural forms."""
    translation = message.find("translation")
    if translation is None:
        return [None]
    if message.get("numerus") == "yes":
        return [form.text for form in translation.findall("numerusform")] or [None]
    return [translation.text]


def _label(context: str, message: ET.Element) -> str:
    return f"{context}: {message.findtext('source')!r}"


def _placeholders(text: str) -> set[str]:
    return set(_NAMED.findall(text)) | set(_QT_ARG.findall(text))


def _tags(text: str) -> set[str]:
    return {match.group(0).lower().replace(" ", "") for match in _TAG.finditer(text)}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_has_a_finished_translation(lang: str):
    ts = _ts_path(lang)
    problems = []
    for context, message in _messages(ts):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("unfinished", "vanished", "obsolete", "missing"):
            problems.append(f"{_label(context, message)} is {kind}")
        elif any(not (text or "").strip() for text in _translations(message)):
            problems.append(f"{_label(context, message)} has an empty translation or plural form")
    assert problems == [], f"{ts.name}: untranslated messages (translate them, then run " \
                           f"`python -m desktop.qt.i18n`):\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders_of_their_source(lang: str):
    problems = []
    for context, message in _messages(_ts_path(lang)):
        source = message.findtext("source") or ""
        for text in _translations(message):
            if text is None:
                continue
            if _placeholders(text) != _placeholders(source):
                problems.append(f"{_label(context, message)}: {sorted(_placeholders(text))} in {text!r}, "
                                f"the source has {sorted(_placeholders(source))}")
            if source.count("{{") != text.count("{{") or source.count("}}") != text.count("}}"):
                problems.append(f"{_label(context, message)}: the escaped braces differ in {text!r}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_html_tags_of_their_source(lang: str):
    problems = []
    for context, message in _messages(_ts_path(lang)):
        source = message.findtext("source") or ""
        for text in _translations(message):
            if text is not None and _tags(text) != _tags(source):
                problems.append(f"{_label(context, message)}: tags {sorted(_tags(text))}, "
                                f"the source has {sorted(_tags(source))}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_menu_texts_keep_one_accelerator(lang: str):
    """"&File" → "&Файл": a menu text keeps exactly one keyboard accelerator, and only where the source has one."""
    problems = []
    for context, message in _messages(_ts_path(lang)):
        source = message.findtext("source") or ""
        for text in _translations(message):
            if text is not None and len(_ACCELERATOR.findall(text)) != len(_ACCELERATOR.findall(source)):
                problems.append(f"{_label(context, message)}: {text!r}")
    assert problems == [], "\n".join(problems)


def test_kazakh_texts_use_no_english_words():
    """Kazakh, in Cyrillic: a Latin-script word is a proper name, a file format or a key name, or a slip."""
    problems = []
    for context, message in _messages(_ts_path("kk")):
        for text in _translations(message):
            if text is None:
                continue
            bare = re.sub(r"\{\{.*\}\}|\{[^{}]*\}|<[^>]+>|\*\.\w+|%n|\+[A-Z]\b", " ", text)
            foreign = [word for word in re.findall(r"[A-Za-z][A-Za-z0-9_]*", bare)
                       if word not in _KAZAKH_KEEPS_LATIN and not re.fullmatch(r"[A-Z]", word)]
            if foreign:
                problems.append(f"{_label(context, message)}: {foreign} in {text!r}")
    assert problems == [], "\n".join(problems)


def test_kazakh_uses_the_required_terms():
    """Issue 20: the unofficial-translation mark, and the map's legend terms, in the chosen Kazakh wording."""
    by_source = {message.findtext("source"): _translations(message)[0]
                 for _, message in _messages(_ts_path("kk"))}
    assert by_source["≈ {title} (unofficial translation)"] == "≈ {title} (ресми емес аударма)"
    assert by_source["Route not recorded: a thin line joining the ends"].startswith("Бағыт тіркелмеген")
    assert by_source["Position unknown ({n})"] == "Орны белгісіз ({n})"
    assert by_source["Transport corridors"] == "Көлік дәліздері"


def test_translation_files_are_in_step_with_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """lupdate over the code, into copies of the .ts files, finds no text the tracked files lack or still hold."""
    if i18n._tool("lupdate") is None:
        pytest.fail("lupdate was not found (it ships with PySide6)")
    before = {}
    for lang in i18n.LANGUAGES:
        shutil.copy(_ts_path(lang), tmp_path / f"atlas_{lang}.ts")
        before[lang] = {(c, m.findtext("source")) for c, m in _messages(tmp_path / f"atlas_{lang}.ts")}
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    i18n.update_sources()
    problems = []
    for lang in i18n.LANGUAGES:
        after = {(c, m.findtext("source")) for c, m in _messages(tmp_path / f"atlas_{lang}.ts")}
        problems += [f"atlas_{lang}.ts lacks {context}: {source!r}" for context, source in sorted(after - before[lang])]
        problems += [f"atlas_{lang}.ts still holds {context}: {source!r}, no longer in the code"
                     for context, source in sorted(before[lang] - after)]
    assert problems == [], ("the code's tr() texts and the .ts files differ: run `python -m desktop.qt.i18n update`, "
                            "translate the new texts, then `python -m desktop.qt.i18n`:\n" + "\n".join(problems))


@pytest.mark.parametrize(("lang", "context", "source", "n", "expected"), [
    ("ru", "Actions", "&File", -1, "&Файл"),
    ("kk", "Actions", "&File", -1, "&Файл"),
    ("kk", "Actions", "&Trade", -1, "&Сауда"),
    ("kk", "AgreementsModel", "≈ {title} (unofficial translation)", -1, "≈ {title} (ресми емес аударма)"),
    ("kk", "CorridorMapView", "Position unknown ({n})", -1, "Орны белгісіз ({n})"),
    ("ru", "PartnerOverview", "%n event(s)", 1, "%n событие"),
    ("ru", "PartnerOverview", "%n event(s)", 3, "%n события"),
    ("ru", "PartnerOverview", "%n event(s)", 5, "%n событий"),
    ("kk", "PartnerOverview", "%n event(s)", 1, "%n оқиға"),
    ("kk", "PartnerOverview", "%n event(s)", 5, "%n оқиға"),
    ("kk", "ExportDialog", "Wrote %n record(s) to {path}.", 21, "{path} файлына %n жазба жазылды."),
])
def test_compiled_translation_translates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp,
                                         lang: str, context: str, source: str, n: int, expected: str):
    """lrelease builds each .ts, and the built file gives the translation (and the plural form for a count;
    QCoreApplication.translate then puts the count in place of %n)."""
    from PySide6.QtCore import QTranslator

    shutil.copy(_ts_path(lang), tmp_path / f"atlas_{lang}.ts")
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    built = i18n.build_translations(force=True)
    assert built == [tmp_path / f"atlas_{lang}.qm"]
    translator = QTranslator()
    assert translator.load(str(built[0]))
    assert translator.translate(context, source, None, n) == expected

"""Text from the database is shown as text. Records whose names, titles, summaries and notes look
like HTML (an image of a local file, bold, a link, an entity) are shown literally in every label,
tooltip, chip, list, legend and hover text of the window: Qt never renders them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex
from PySide6.QtGui import Qt, QTextDocument  # (QtGui's Qt has mightBeRichText)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsTextItem,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QLineEdit,
)

from desktop.app import build_window
from desktop.data.database import open_database
from desktop.data.repository import Repository

IMG = '<img src="file:///etc/passwd">'
REST = '<b>bold</b> <a href="x">link</a> &amp;'


def hostile(tag: str) -> str:
    """The image first, so that a shortened text still holds it whole; a marker word last."""
    return f"{IMG}{REST} Zq{tag}"


def _is_data(text: str) -> bool:
    return "passwd" in text or "Zq" in text


def shown(text: str, rich: bool) -> str:
    """What the user reads: the text itself, or what Qt renders of it as HTML."""
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


class Walk:
    """Every place hostile data was seen, and every place it was not shown literally."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.problems: list[str] = []

    def check(self, where: str, text: str | None, rich: bool) -> None:
        if not text or not _is_data(text):
            return
        self.seen.add(where)
        visible = shown(text, rich)
        if IMG not in visible:
            self.problems.append(f"{where}: shows {visible!r} for {text!r}")
        elif "Zq" in visible and REST not in visible:
            self.problems.append(f"{where}: shows {visible!r} for {text!r}")
        if rich and "<img" in text:
            self.problems.append(f"{where}: an unescaped <img in rich text: {text!r}")

    def tooltip(self, where: str, text: str | None) -> None:
        self.check(where, text, bool(text) and Qt.mightBeRichText(text))

    def widgets(self) -> None:
        for widget in QApplication.allWidgets():
            name = f"{type(widget).__name__}#{widget.objectName()}"
            self.tooltip(f"tooltip of {name}", widget.toolTip())
            if isinstance(widget, QLabel):
                fmt = widget.textFormat()
                rich = fmt == Qt.TextFormat.RichText or (
                    fmt == Qt.TextFormat.AutoText and Qt.mightBeRichText(widget.text()))
                self.check(f"label {name}", widget.text(), rich)
            elif isinstance(widget, QLineEdit):
                self.check(f"line edit {name}", widget.text(), False)
            if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) \
                    and widget.model() is not None:  # (a header shows its table's model: checked there)
                self._model(name, widget.model())
            if isinstance(widget, QGraphicsView) and widget.scene() is not None:
                self._scene(name, widget)

    def _model(self, name: str, model) -> None:
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for row in range(min(model.rowCount(QModelIndex()), 400)):
            for column in range(columns):
                index = model.index(row, column)
                display = model.data(index, Qt.ItemDataRole.DisplayRole)
                if isinstance(display, str):  # the item delegates draw it as plain text
                    self.check(f"cell of {name}", display, False)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    self.tooltip(f"cell tooltip of {name}", tip)

    def _scene(self, name: str, view: QGraphicsView) -> None:
        tooltip_for = getattr(view, "tooltip_for", None)
        for item in view.scene().items():
            self.tooltip(f"item tooltip in {name}", item.toolTip())
            if tooltip_for is not None and item.data(0) in ("node", "segment"):
                self.tooltip(f"hover tooltip in {name}", tooltip_for(item))
            if isinstance(item, QGraphicsTextItem):  # pyqtgraph titles, legends, labels: what they render
                self.check(f"text item in {name}", item.toPlainText(), False)


@pytest.fixture
def hostile_db(db_copy):
    """A copy of the built database where records of Türkiye carry HTML-looking texts."""
    db = open_database(db_copy)
    c = db.conn
    ids: dict[str, int] = {}
    with db.transaction():
        c.execute("UPDATE partners SET name_en = ? WHERE iso3 = 'TUR'", (hostile("partner"),))
        ids["agreement"], ids["event"] = c.execute(
            "SELECT a.id, a.event_id FROM agreements a JOIN agreement_partners ap ON ap.agreement_id = a.id "
            "JOIN partners p ON p.id = ap.partner_id WHERE p.iso3 = 'TUR' AND a.event_id IS NOT NULL "
            "AND a.id IN (SELECT record_id FROM record_sources WHERE record_type = 'agreement') "
            "ORDER BY a.date_signed DESC LIMIT 1").fetchone()
        c.execute("UPDATE agreements SET title_en = ?, summary_en = ? WHERE id = ?",
                  (hostile("title"), hostile("summary"), ids["agreement"]))
        c.execute("UPDATE events SET title_en = ?, summary_en = ?, place_en = ? WHERE id = ?",
                  (hostile("event"), hostile("eventsummary"), hostile("place"), ids["event"]))
        c.execute("UPDATE sources SET title = ?, publisher = ?", (hostile("source"), hostile("publisher")))
        ids["segment"], ids["node"], ids["corridor"] = c.execute(
            "SELECT s.id, n.id, s.corridor_id FROM segments s JOIN nodes n ON n.id = s.from_node_id "
            "JOIN nodes m ON m.id = s.to_node_id WHERE n.country_iso3 = 'TUR' AND n.lat IS NOT NULL "
            "AND m.lat IS NOT NULL ORDER BY s.id LIMIT 1").fetchone()
        c.execute("UPDATE nodes SET name_en = ?, note_en = ? WHERE id = ?",
                  (hostile("node"), hostile("nodenote"), ids["node"]))
        c.execute("UPDATE segments SET note_en = ? WHERE id = ?", (hostile("segment"), ids["segment"]))
        c.execute("UPDATE corridors SET name_en = ? WHERE id = ?", (hostile("corridor"), ids["corridor"]))
        tur = "(SELECT id FROM partners WHERE iso3 = 'TUR')"
        c.execute(f"UPDATE facts SET value = ?, note_en = ? WHERE partner_id = {tur} "
                  "AND metric = 'relationship_level'", (hostile("level"), hostile("levelnote")))
        c.execute(f"UPDATE facts SET note_en = ? WHERE partner_id = {tur}", (hostile("factnote"),))
        c.execute(f"UPDATE mechanisms SET name_en = ?, note_en = ? WHERE partner_id = {tur}",
                  (hostile("mechanism"), hostile("mechanismnote")))
        c.execute(f"UPDATE targets SET stated_by_en = ?, horizon_note_en = ?, horizon_year = NULL "
                  f"WHERE partner_id = {tur}", (hostile("who"), hostile("horizon")))
        ids["trade"] = c.execute(f"SELECT id FROM trade_figures WHERE partner_id = {tur} AND period = 'FY' "
                                 "AND statistics = 'kazakh' ORDER BY year DESC LIMIT 1").fetchone()[0]
    yield db, ids
    db.close()


@pytest.fixture
def window(qtbot, hostile_db, translator):
    db, ids = hostile_db
    w = build_window(Repository(db), translator=translator)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)
    w.complete()
    w.ids = ids
    w.editing.show_message = lambda text: None
    yield w
    w.search.shutdown()


def settle(qtbot, w) -> None:
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)


def test_html_looking_data_is_shown_literally_everywhere(qtbot, window):
    from desktop.qt.editing.record_browser import HistoryDialog
    from desktop.qt.editing.record_form import RecordForm

    w, ids, walk = window, window.ids, Walk()
    s = w.selection
    s.select_partner("TUR")
    settle(qtbot, w)
    s.select_agreement(ids["agreement"])
    s.select_event(ids["event"])
    settle(qtbot, w)
    s.select_agreement(ids["agreement"])
    qtbot.waitUntil(lambda: w.agreements.detail.agreement_id == ids["agreement"])
    walk.widgets()  # the agreements view: table, chips, detail pane; the sidebar: overview, events

    s.select_node(ids["node"])
    settle(qtbot, w)
    w.show_view("map")
    w.map.fit_all()
    walk.widgets()  # the chip of the place, the map's tooltips, legend and lists

    s.select_node(None)
    w.show_view("trade")
    trade = w.trade
    point = trade.plot_data.lines["turnover"][-1]
    walk.check("trade hover", trade.hover_at(point.year, point.value), False)
    walk.widgets()  # the title, legend, target labels and the list of targets

    # a trade figure's note changed through its form, then its history
    form = RecordForm("trade", w.editing, ids["trade"], None, w)
    form.widgets["note_en"].setPlainText(hostile("tradenote"))
    assert form.try_accept()
    history = HistoryDialog(w.editing, "trade", ids["trade"], w)
    history.show()
    # a form that quotes what was typed in its error message
    node_form = RecordForm("node", w.editing, ids["node"], None, w)
    node_form.widgets["country_iso3"].setText(IMG + REST)
    assert not node_form.try_accept()
    node_form.show()
    walk.widgets()

    assert not walk.problems, "\n".join(walk.problems)
    seen = "\n".join(sorted(walk.seen))
    for where in ("label QLabel#overviewTitle", "label QLabel#eventsHeader", "label QLabel#detailTitle",
                  "label QLabel#detailSummary", "label QLabel#overviewRelationship", "tooltip of QLabel#",
                  "tooltip of QToolButton#", "cell tooltip of QListView#eventsList",
                  "cell tooltip of _Table#agreementsTable", "hover tooltip in MapCanvas#",
                  "text item in PlotWidget#", "label QLabel#tradeTargetsText", "trade hover",
                  "cell tooltip of QTableWidget#historyTable", "label QLabel#error_country_iso3",
                  "label QLabel#detailSourceTitle", "label QLabel#chipText"):
        assert where in seen, f"{where} was not checked; checked:\n{seen}"


def test_message_boxes_that_quote_data_show_it_literally(qtbot, window, monkeypatch):
    """The delete question names the record's title, and every other message box may quote a path or a
    file's text: each is plain text, so the title is read as typed and nothing is loaded."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.qt.plaintext import message_box

    w, ids = window, window.ids
    boxes: list[tuple[str, bool]] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append((box.text(), box.textFormat() != Qt.TextFormat.PlainText))
        return 0  # closed: nothing is deleted

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    w.editing.delete("agreement", ids["agreement"], "")
    message_box(w, "Restore from a backup", f"{IMG} could not be read.")
    assert len(boxes) == 2
    walk = Walk()
    for n, (text, rich) in enumerate(boxes):
        walk.check(f"message box {n}", text, rich)
    assert len(walk.seen) == 2 and not walk.problems, "\n".join(walk.problems)
    assert w.repo.agreement_exists(ids["agreement"])

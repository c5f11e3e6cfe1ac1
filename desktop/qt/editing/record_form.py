"""Forms to add and change records of every kind, built from the field table of
desktop.core.validation: each field's widget by its type, each error shown next to its field in
the UI language; OK applies the change as one undoable edit."""
from __future__ import annotations

from operator import itemgetter
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPoint, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.edits import Changes
from desktop.core.records import Label
from desktop.core.validation import FIELDS, FieldError, FieldSpec, validate
from desktop.data.lists import SMALL_LIST, ListQuery, RecordLists
from desktop.qt.editing.editing import EditController
from desktop.qt.editing.record_lists import CheckListModel, IdListModel
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import plain_label
from desktop.qt.shell.collation import sorted_by_name
from desktop.qt.shell.crash import contained
from desktop.qt.shell.source_kinds import source_kind_labels

LABEL_MAX_WIDTH = 230  # pixels: the labels' column of a form

PERIODS = ("FY", "H1", "Q1", "1M", "2M", "3M", "4M", "5M", "6M", "7M", "8M", "9M", "10M", "11M")


class FieldWords(Protocol):
    """What naming a field needs: a translator in the context RecordForm (a form, or the record browser's stand-in
    that names fields with no form open)."""

    def tr(self, sourceText: str, /, disambiguation: str | None = ..., n: int = ...) -> str: ...


class ChecklistField(QWidget):
    """Several choices from a list (partners, sectors, sources), with a filter for long lists."""

    def __init__(self, choices: list[tuple[object, str]], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(130)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for value, text in choices:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.filter.setVisible(len(choices) > 12)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def values(self) -> list:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_values(self, values) -> None:
        wanted = list(values or ())
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)


class GroupField(QComboBox):
    """An alias group: one of the existing groups, shown with a name of each ("country_tur — Türkiye"), or
    a new group id typed in. Typing filters the existing groups by any part of their id or name."""

    SEPARATOR = " — "

    def __init__(self, groups: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        for group, name in groups:
            self.addItem(f"{group}{self.SEPARATOR}{name}", group)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.setEditText("")

    def value(self) -> str:
        """The group id: that of the existing group shown, or the text typed (checked by the form)."""
        text = self.currentText()
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else text

    def set_value(self, group: object) -> None:
        index = self.findData(group)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText("" if group is None else str(group))


class LongChecklistField(QWidget):
    """Several records of a long list (sources by the thousand): a lazy list filtered in SQL as the user types
    (desktop.data.lists), ordered there, ticks kept by id while the filter changes; the records ticked are named
    under the list. (A short list is a :class:`ChecklistField`, in the alphabet of the interface language.)"""

    def __init__(self, lists: RecordLists, kind: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lists, self.kind, self.lang = lists, kind, lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Type to filter"))
        self.model = CheckListModel(lists, ListQuery(kind, lang=lang), self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setMaximumHeight(130)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.chosen = plain_label(QLabel(self, wordWrap=True))  # names from the data
        self.chosen.setStyleSheet("color: #555555;")
        self.filter.textChanged.connect(lambda text: self.model.set_query(self.model.query.with_(text=text)))
        self.model.ticks_changed.connect(self._name_ticked)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        self._name_ticked()

    def _name_ticked(self) -> None:
        labels = self.lists.labels(self.kind, list(self.model.ticked), self.lang)
        names = [labels[i] for i in self.model.ticked if i in labels]
        self.chosen.setText(self.tr("Ticked: {names}").format(names="; ".join(names)) if names
                            else self.tr("None ticked."))

    def values(self) -> list:
        """The ids ticked: those given first, in their order, then those ticked since."""
        return list(self.model.ticked)

    def set_values(self, values) -> None:
        self.model.set_ticked(values)


class RecordChooser(QLineEdit):
    """One record of a long list (events, sources, places by the thousand). It shows the record chosen; typing
    filters the list under it in SQL, as "find anything" matches (desktop.data.lists), Down and Up move through
    the matches, Enter or a click chooses, Esc or leaving the field puts back the record chosen. An emptied field
    chooses nothing. (A short list is a combo box, in the alphabet of the interface language.)"""

    VISIBLE_ROWS = 8

    def __init__(self, lists: RecordLists, kind: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lists, self.kind, self.lang = lists, kind, lang
        self._value: int | None = None
        self._label = ""
        self.setPlaceholderText(self.tr("— (type to find)"))
        self.setClearButtonEnabled(True)
        self.model = IdListModel(lists, ListQuery(kind, lang=lang), self)
        self.popup: QListView | None = None  # made when first shown, laid over the form (it keeps the focus here)
        self.textEdited.connect(self._typed)

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: object) -> None:
        self._value = int(value) if isinstance(value, int) else None
        self._label = self.lists.labels(self.kind, [self._value], self.lang).get(self._value, "") \
            if self._value is not None else ""
        self.setText(self._label)

    def choose(self, row: int) -> None:
        """Take the record of a row of the list."""
        if 0 <= row < self.model.rowCount():
            self._value, self._label = self.model.id_at(row), self.model.text(row)
        self.hide_popup()
        self.setText(self._label)

    # ------------------------------------------------------------------ the list under the field

    def _typed(self, text: str) -> None:
        if not text.strip():
            self._value, self._label = None, ""  # emptied: nothing chosen
        self.model.set_query(self.model.query.with_(text=text))
        self.show_popup()

    def popup_visible(self) -> bool:
        return self.popup is not None and self.popup.isVisible()

    def show_popup(self) -> None:
        if self.popup is None:
            self.popup = QListView(self.window())
            self.popup.setObjectName(f"{self.objectName()}_list")
            self.popup.setModel(self.model)
            self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.popup.setUniformItemSizes(True)
            self.popup.setTextElideMode(Qt.TextElideMode.ElideRight)
            self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            self.popup.clicked.connect(lambda index: self.choose(index.row()))
        window = self.window()
        corner = self.mapTo(window, QPoint(0, self.height()))
        row_height = max(self.popup.sizeHintForRow(0), self.fontMetrics().height() + 4)
        height = min(row_height * self.VISIBLE_ROWS + 4, max(row_height * 3, window.height() - corner.y() - 4))
        self.popup.setGeometry(corner.x(), corner.y(), self.width(), height)
        self.popup.show()
        self.popup.raise_()
        self._set_current(self.model.reveal(self._value) if self._value is not None
                          and not self.model.query.text.strip() else 0)

    def hide_popup(self) -> None:
        if self.popup is not None:
            self.popup.hide()

    def current_row(self) -> int:
        index = self.popup.currentIndex() if self.popup is not None else QModelIndex()
        return index.row() if index.isValid() else -1

    def _set_current(self, row: int) -> None:
        if self.popup is None or not 0 <= row < self.model.rowCount():
            return
        if row >= self.model.rowCount() - 1 and self.model.canFetchMore():
            self.model.fetchMore()
        index = self.model.index(row)
        self.popup.setCurrentIndex(index)
        self.popup.scrollTo(index)

    # ------------------------------------------------------------------ keys and focus

    @contained
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not self.popup_visible():
                if self.text() == self._label:  # (the field shows the record chosen: the whole list)
                    self.model.set_query(self.model.query.with_(text=""))
                self.show_popup()
                return
            step = 1 if key == Qt.Key.Key_Down else -1 if key == Qt.Key.Key_Up else self.VISIBLE_ROWS
            if key == Qt.Key.Key_PageUp:
                step = -self.VISIBLE_ROWS
            row = self.current_row()
            self._set_current(max(0, min(self.model.rowCount() - 1, row + step if row >= 0 else 0)))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.popup_visible():
            self.choose(self.current_row())
            return
        if key == Qt.Key.Key_Escape and self.popup_visible():
            self.hide_popup()
            self.setText(self._label)
            return
        super().keyPressEvent(event)

    @contained
    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.hide_popup()
        if not self.text().strip():
            self._value, self._label = None, ""
        self.setText(self._label)
        super().focusOutEvent(event)


class RecordForm(QDialog):
    """Add (``record_id`` None) or change one record; ``applied`` holds the Changes once OK worked."""

    def __init__(self, kind: str, controller: EditController, record_id: int | None = None,
                 initial: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind, self.controller, self.record_id = kind, controller, record_id
        self.repo = controller.repo
        self.lists = RecordLists(self.repo.db)
        self.lang = current_language()
        self.applied: Changes | None = None
        self.setObjectName(f"form_{kind}")
        self.setWindowTitle(self._title())
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in FIELDS[kind]:
            widget = self._widget(spec)
            widget.setObjectName(f"field_{spec.name}")
            self.widgets[spec.name] = widget
            error = plain_label(QLabel(self))  # may quote what was typed
            error.setObjectName(f"error_{spec.name}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.setVisible(False)
            self.errors[spec.name] = error
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            column.addWidget(error)
            label = QLabel(self.field_label(spec) + (" *" if spec.required else ""), self)
            label.setWordWrap(True)  # a long label (in any language) wraps instead of pushing its field off
            label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(label.text()) + 4, LABEL_MAX_WIDTH))
            label.setMaximumWidth(LABEL_MAX_WIDTH)
            label.setBuddy(widget)
            form.addRow(label, box)
        inner = QWidget(self)
        inner.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.summary = QLabel(self)
        self.summary.setObjectName("formSummary")
        self.summary.setStyleSheet("color: #b00020;")
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(640, 720)
        values = dict(initial or {})
        if record_id is not None:
            values = {**controller.editor.values_of(kind, record_id), **values}
        elif kind == "agreement":
            values.setdefault("doc_count", 1)
        elif kind == "trade":
            values.setdefault("period", "FY")
            values.setdefault("statistics", "kazakh")
            values.setdefault("qualifier", "exact")
        elif kind in ("target", "fact"):
            values.setdefault("qualifier", "exact")
        self.set_values(values)

    # ------------------------------------------------------------------ words

    def _title(self) -> str:
        names = self.kind_names()
        name = names.get(self.kind, self.kind)
        return (self.tr("Edit {kind}").format(kind=name) if self.record_id is not None
                else self.tr("New {kind}").format(kind=name))

    def kind_names(self) -> dict[str, str]:
        return kind_names()

    def field_label(self: FieldWords, spec: FieldSpec) -> str:
        labels = {
            "title_en": self.tr("Title (English)"), "title_ru": self.tr("Title (Russian)"),
            "title_kk": self.tr("Title (Kazakh)"), "date_signed": self.tr("Date signed"),
            "doc_type": self.tr("Document type"), "level": self.tr("Level"), "status": self.tr("Status"),
            "doc_count": self.tr("Documents in it"), "event_id": self.tr("Signed at"),
            "summary_en": self.tr("Summary (English)"), "summary_ru": self.tr("Summary (Russian)"),
            "partners": self.tr("Partners"), "sectors": self.tr("Sectors"), "sources": self.tr("Sources"),
            "kind": self.tr("Kind"), "date_start": self.tr("Start date"), "date_end": self.tr("End date"),
            "place_en": self.tr("Place (English)"), "place_ru": self.tr("Place (Russian)"),
            "documents_signed": self.tr("Documents signed"), "partner_iso3": self.tr("Partner"),
            "year": self.tr("Year"), "period": self.tr("Period"),
            "turnover_usd_m": self.tr("Turnover, USD million"), "exports_usd_m": self.tr("Exports, USD million"),
            "imports_usd_m": self.tr("Imports, USD million"), "statistics": self.tr("Whose statistics"),
            "qualifier": self.tr("Precision"), "note_en": self.tr("Note (English)"),
            "note_ru": self.tr("Note (Russian)"),
            "metric": self.tr("Measure"), "value_usd_m": self.tr("Value, USD million"),
            "multiplier": self.tr("Multiple (×)"), "horizon_year": self.tr("By the year"),
            "horizon_note_en": self.tr("Horizon as stated (English)"),
            "horizon_note_ru": self.tr("Horizon as stated (Russian)"), "stated_on": self.tr("Stated on"),
            "stated_by_en": self.tr("Stated by (English)"), "stated_by_ru": self.tr("Stated by (Russian)"),
            "corridor_id": self.tr("Corridor"), "value": self.tr("Value"), "value_num": self.tr("Value as a number"),
            "unit": self.tr("Unit"), "as_of": self.tr("As of"), "url": self.tr("Address (URL)"),
            "title": self.tr("Title"), "publisher": self.tr("Publisher"), "published": self.tr("Published"),
            "language": self.tr("Language code"), "taken_en": self.tr("What was taken from it"),
            "name_en": self.tr("Name (English)"), "name_ru": self.tr("Name (Russian)"),
            "name_kk": self.tr("Name (Kazakh)"), "country_iso3": self.tr("Country (ISO 3166 code)"),
            "lat": self.tr("Latitude"), "lon": self.tr("Longitude"), "from_node_id": self.tr("From node"),
            "to_node_id": self.tr("To node"), "mode": self.tr("Mode"), "length_km": self.tr("Length, km"),
            "description_en": self.tr("Description (English)"), "description_ru": self.tr("Description (Russian)"),
            "iso3": self.tr("ISO 3166 code"), "is_focus": self.tr("Focus partner"),
            "sort_order": self.tr("Order in lists"), "group_id": self.tr("Group (names of one thing)"),
            "name": self.tr("Name"), "lang": self.tr("Language (ISO 639-1 code)"),
            "title_ru_working": self.tr("Working Russian translation (unofficial)"),
            "base_year": self.tr("Base year (increase, multiple)"), "estimate": self.tr("An estimate, not a target"),
            "stated_role": self.tr("Role of who stated it"), "value_ru": self.tr("Value (Russian words)"),
            "position_approx": self.tr("Approximate position (of the nearest town or district)"),
            "position_from": self.tr("Approximate position taken from"),
            "route": self.tr("Route: the points the line passes (JSON list)"),
            "title_kk_working": self.tr("Working Kazakh translation (unofficial)"),
            "value_kk": self.tr("Value (Kazakh words)"),
            "description_kk": self.tr("Description (Kazakh)"),
        }
        kind = getattr(self, "kind", None)  # (the record browser asks for field names with no form)
        if kind == "target" and spec.name == "kind":
            return self.tr("What the number is")
        if kind == "source" and spec.name == "kind":
            return self.tr("Kind of source")
        return labels.get(spec.name, spec.name)

    def message(self: FieldWords, error: FieldError) -> str:
        p = error.params
        month = p.get("month")  # a bad_date's month, when the calendar has no such day in it
        texts = {
            "required": self.tr("Required."),
            "one_required": self.tr("Fill in at least one of these."),
            "too_long": self.tr("Too long: {length} characters, at most {max}.").format(
                length=p.get("length", "?"), max=p.get("max", "?")),
            "control_chars": self.tr("Contains control characters (such as NUL); remove them."),
            "bad_text": self.tr("Contains characters that cannot be stored."),
            "bad_date": (  # in the right form, but not in the calendar (31.02.2026), or out of the years taken
                self.tr("There is no such day in the calendar: {month} {year} has {days} days.").format(
                    month=QLocale().monthName(month) if isinstance(month, int) else month, year=p["year"],
                    days=p["days"])
                if p.get("problem") == "no_such_day" else
                self.tr("There is no such month in the calendar: a year has 12 months.")
                if p.get("problem") == "no_such_month" else
                self.tr("The year must be between {min} and {max}.").format(min=p.get("min"), max=p.get("max"))
                if p.get("problem") == "year" else
                self.tr("Not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY.")),
            "bad_number": self.tr("Not a number: write for example 1 234,5 or 1234.5."),
            "not_integer": self.tr("A whole number is needed."),
            "out_of_range": self.tr("Must be between {min} and {max}.").format(
                min=_num(p.get("min")), max=_num(p.get("max"))),
            "negative": self.tr("Cannot be negative."),
            "unknown_code": self.tr("Not one of the choices."),
            "unknown_iso3": self.tr("“{value}” is not an ISO 3166 country code.").format(value=p.get("value", "")),
            "unknown_reference": self.tr("Refers to a record that does not exist."),
            "end_before_start": self.tr("The end is before the start."),
            "lat_lon_pair": self.tr("Give both latitude and longitude, or neither."),
            "same_nodes": self.tr("A segment needs two different nodes."),
            "bad_url": self.tr("An address must begin with http:// or https://, without spaces."),
            "bad_period": self.tr("Write FY, H1, Q1 or the months covered, such as 9M."),
            "bad_bool": self.tr("Yes or no."),
            "bad_route": self.tr("Not a route: {detail}. Write a JSON list of points such as "
                                 "[{{\"lat\": 45.3, \"lon\": 55.2, \"name_en\": \"Beyneu\", "
                                 "\"source\": \"src_…\"}}].").format(detail=p.get("detail", "")),
            "approx_needs_position": self.tr("An approximate position needs a latitude and a longitude."),
            "approx_needs_origin": self.tr("Say where the approximate position was taken from."),
            "duplicate": self.tr("A partner with the code {value} exists already.").format(value=p.get("value", "")),
            "bad_identifier": self.tr("Use lowercase Latin letters, digits, “_”, “.” and “-” only, beginning with a "
                                      "letter or digit, at most 80 (for example port_aktau)."),
            "no_words": self.tr("A name needs at least one word that search can find, not only signs."),
            "sources_required": self.tr("A former name is a fact: cite at least one source."),
            "duplicate_name": self.tr("This group has the name “{value}” already.").format(value=p.get("value", "")),
        }
        return texts.get(error.code, self.tr("Not valid ({code}).").format(code=error.code))

    # ------------------------------------------------------------------ widgets

    def _choices(self, spec: FieldSpec) -> list[tuple[object, str]]:
        """Every choice of a short list (see :meth:`_long_list`): names in the alphabet of the interface language
        (Qt's collation, over fewer than SMALL_LIST rows), dated records newest first."""
        if spec.type in ("vocab", "codes"):
            return [(code, label.pick(self.lang)) for code, label in self._vocab(spec.vocab).items()]
        if spec.type == "enum":
            return [(c, self._enum_label(spec.name, c)) for c in spec.choices]
        if spec.ref == "partner":
            return [(p.iso3, f"{p.name(self.lang)} ({p.iso3})") for p in self.repo.partners()]
        if spec.ref in ("event", "source"):  # (the same labels and order as the record browser's)
            return list(self.lists.every_label(ListQuery(spec.ref, lang=self.lang)))
        if spec.ref == "node":  # by name, in the alphabet of the interface language
            return sorted_by_name([(n.id, n.name(self.lang)) for n in self.repo.nodes()], itemgetter(1), self.lang)
        if spec.ref == "corridor":
            return sorted_by_name([(c.id, c.name(self.lang)) for c in self.repo.corridors()], itemgetter(1),
                                  self.lang)
        return []

    def _vocab(self, table: str | None) -> dict[str, Label]:
        if table == "metrics":
            return self.lists.metric_labels()
        return self.repo.labels(table) if table else {}

    def _enum_label(self, field: str, code: str) -> str:
        labels = {"kazakh": self.tr("Kazakhstan's statistics"), "partner": self.tr("the partner's statistics"),
                  "other": self.tr("another source"), "unknown": self.tr("source not stated"),
                  "exact": self.tr("exact"), "approx": self.tr("approximate"), "lower_bound": self.tr("at least"),
                  "upper_bound": self.tr("at most"), "trade_turnover": self.tr("turnover"),
                  "exports": self.tr("exports"), "imports": self.tr("imports"), "name": self.tr("name"),
                  "former_name": self.tr("former name"), "abbreviation": self.tr("abbreviation"),
                  "spelling": self.tr("other spelling"), "synonym": self.tr("synonym"),
                  "level": self.tr("a level to reach"), "increase": self.tr("an increase by the value"),
                  "multiple": self.tr("a multiple of the base year"),
                  "head_of_state": self.tr("head of state"), "head_of_government": self.tr("head of government"),
                  "minister": self.tr("minister"), "official": self.tr("official"), "expert": self.tr("expert"),
                  "analyst": self.tr("analyst"), "agency": self.tr("agency"),
                  **source_kind_labels()}
        return labels.get(code, code)

    def _groups(self) -> list[tuple[str, str]]:
        """The existing alias groups with a name of each: a name (not a former one or a spelling) in the UI
        language, else in English, else the group's first."""
        best: dict[str, tuple[tuple[bool, bool, bool], str]] = {}
        for group, name, lang, kind in self.lists.alias_names():
            rank = (kind != "name", lang != self.lang, lang != "en")
            if group not in best or rank < best[group][0]:
                best[group] = (rank, name)
        return [(group, best[group][1]) for group in sorted(best)]

    def _long_list(self, spec: FieldSpec) -> bool:
        """Whether a field chooses among so many records (SMALL_LIST or more) that its list must be lazy. Partners
        are never that many (one per country)."""
        return spec.type in ("ref", "refs") and spec.ref not in (None, "partner") and \
            self.lists.size(spec.ref) >= SMALL_LIST

    def _widget(self, spec: FieldSpec) -> QWidget:
        if self._long_list(spec):
            lazy = RecordChooser if spec.type == "ref" else LongChecklistField
            return lazy(self.lists, str(spec.ref), self.lang, self)
        if self.kind == "alias" and spec.name == "group_id":
            return GroupField(self._groups(), self)
        if spec.type == "text" and spec.suggestions:
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems(["", *spec.suggestions])
            return combo
        if spec.type == "longtext":
            area = QPlainTextEdit(self)
            area.setTabChangesFocus(True)
            area.setFixedHeight(70)
            return area
        if spec.type == "bool":
            return QCheckBox(self)
        if spec.type in ("refs", "codes"):
            return ChecklistField(self._choices(spec), self)
        if spec.type in ("vocab", "enum", "ref"):
            combo = QComboBox(self)
            # long choices (event titles) must not widen the form: the popup shows them whole
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
            combo.addItem("—", None)  # nothing chosen: a required field must be chosen on purpose
            for value, text in self._choices(spec):
                combo.addItem(text, value)
            return combo
        if spec.type == "period":
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems(PERIODS)
            return combo
        edit = QLineEdit(self)
        if spec.type == "date":
            edit.setPlaceholderText(self.tr("YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY"))
        elif spec.type in ("money", "float", "int", "year", "lat", "lon"):
            edit.setPlaceholderText(self.tr("a number"))
        return edit

    def set_values(self, values: dict) -> None:
        for name, widget in self.widgets.items():
            value = values.get(name)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText("" if value is None else str(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, (ChecklistField, LongChecklistField)):
                widget.set_values(value)
            elif isinstance(widget, (GroupField, RecordChooser)):
                widget.set_value(value)
            elif isinstance(widget, QComboBox) and not widget.isEditable():
                index = widget.findData(value)
                widget.setCurrentIndex(index if index >= 0 else 0)
            elif isinstance(widget, QComboBox):
                widget.setCurrentText("" if value is None else str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else _plain(value))

    def raw_values(self) -> dict:
        out: dict[str, object] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, (ChecklistField, LongChecklistField)):
                out[name] = widget.values()
            elif isinstance(widget, (GroupField, RecordChooser)):
                out[name] = widget.value()
            elif isinstance(widget, QComboBox) and not widget.isEditable():
                out[name] = widget.currentData()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentText()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
        return out

    # ------------------------------------------------------------------ OK

    def show_errors(self, errors: list[FieldError]) -> None:
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.field, []).append(self.message(error))
        for name, label in self.errors.items():
            texts = by_field.get(name)
            label.setText(" ".join(texts) if texts else "")
            label.setVisible(bool(texts))
        self.summary.setText(self.tr("%n field(s) need attention.", "", len(by_field)) if by_field else "")
        self.summary.setVisible(bool(by_field))
        if errors:
            first = self.widgets.get(errors[0].field)
            if first is not None:
                first.setFocus()

    def error_texts(self) -> dict[str, str]:
        return {name: label.text() for name, label in self.errors.items() if not label.isHidden()}

    def _same_name_in_group(self, group: str, name: str) -> list[FieldError]:
        """A name may be once in its group (as the seed build requires), whatever its case."""
        for other_id, other in self.lists.names_in_group(group):
            if other_id != self.record_id and other.casefold() == name.casefold():
                return [FieldError("name", "duplicate_name", {"value": other})]
        return []

    def try_accept(self) -> bool:
        """Check the values; apply them as one edit if they are valid (the form then closes)."""
        context = self.controller.context()
        clean, errors = validate(self.kind, self.raw_values(), context)
        if self.kind == "partner" and clean.get("iso3") in context.ids.get("partner", set()):
            if self.lists.partner_code(self.record_id) != clean["iso3"]:
                errors.append(FieldError("iso3", "duplicate", {"value": clean["iso3"]}))
        if self.kind == "alias" and clean.get("group_id") and clean.get("name"):
            errors.extend(self._same_name_in_group(str(clean["group_id"]), str(clean["name"])))
        self.show_errors(errors)
        if errors:
            return False
        editor = self.controller.editor
        name = self.kind_names()[self.kind]
        if self.record_id is None:
            change_set = editor.build_create(self.kind, clean, label=self.tr("Add {kind}").format(kind=name))
        else:
            change_set = editor.build_update(self.kind, self.record_id, clean,
                                             label=self.tr("Edit {kind}").format(kind=name))
        changes = self.controller.submit(change_set)
        if changes is None:
            return False
        self.applied = changes
        self.accept()
        return True


def kind_names() -> dict[str, str]:
    """The record kinds' names in the UI language (lower case, as in "New agreement")."""
    return {"agreement": QCoreApplication.translate("RecordForm", "agreement"),
            "event": QCoreApplication.translate("RecordForm", "event"),
            "trade": QCoreApplication.translate("RecordForm", "trade figure"),
            "target": QCoreApplication.translate("RecordForm", "target"),
            "fact": QCoreApplication.translate("RecordForm", "fact"),
            "source": QCoreApplication.translate("RecordForm", "source"),
            "node": QCoreApplication.translate("RecordForm", "node"),
            "segment": QCoreApplication.translate("RecordForm", "segment"),
            "corridor": QCoreApplication.translate("RecordForm", "corridor"),
            "partner": QCoreApplication.translate("RecordForm", "partner"),
            "alias": QCoreApplication.translate("RecordForm", "other name")}


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _num(value: object) -> str:
    return _plain(value) if value is not None else "?"

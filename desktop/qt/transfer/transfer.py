"""Files in and out from the window: export (current view or everything; CSV, XLSX, JSON, GeoJSON),
import with a mapping step and a preview (one undoable edit), backup and restore. Long work runs on
a worker thread with its own connection, with progress and cancel."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.edits import Changes
from desktop.core.errors import AtlasError
from desktop.qt.editing.editing import Progress
from desktop.qt.editing.record_form import kind_names
from desktop.qt.plaintext import message_box, plain_label, plain_tooltip

if TYPE_CHECKING:
    from desktop.export.importing import ColumnMatch, Preview
    from desktop.export.readers import Table
    from desktop.qt.shell.main_window import MainWindow

FORMATS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "json": "JSON (*.json)", "geojson": "GeoJSON (*.geojson)"}
# validation codes whose form message does not quote the value: a rejected row's reason quotes it before
VALUE_QUOTED = frozenset({"bad_number", "not_integer", "bad_date", "unknown_code", "bad_bool", "bad_url",
                          "bad_identifier", "no_words"})
KNOWN_SHOWN = 15  # the allowed codes are listed after an unknown code when there are at most this many
PARTNERS_SHOWN = 12  # the countries named in the note about rows left out
NAMES_SHOWN = 12  # the sheets named in a message about a workbook (as desktop.export.readers names them)
VALUE_CHARS = 80  # a value in the list of changes longer than this is cut short (the tooltip shows all of it)


class Job(QThread):
    """``work(progress)`` on a worker thread; ``progress(done, total)`` returns False once cancelled. What the work
    returns is its own to keep (:func:`run_job` keeps it); what it raises is kept in ``error``."""

    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Progress], None], parent: QObject | None = None):
        super().__init__(parent)
        self.work = work
        self.error: BaseException | None = None
        self.cancelled = False

    def run(self) -> None:
        try:
            self.work(self._progress)
        except BaseException as exc:  # handed to the UI thread, which shows it
            self.error = exc

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled


def run_job[T](parent: QWidget | None, label: str, work: Callable[[Progress], T], cancel_text: str) -> T:
    """Run ``work`` off the UI thread behind a progress dialog with Cancel; returns its result or
    raises its error (the UI stays responsive meanwhile)."""
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    results: list[T] = []
    job = Job(lambda progress: results.append(work(progress)))

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    job.progressed.connect(progressed)
    dialog.canceled.connect(lambda: setattr(job, "cancelled", True))
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    job.start()
    loop.exec()
    job.wait()
    dialog.close()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error
    return results[0]


class ExportDialog(QDialog):
    """What to export (kind, the current view or everything), in which format, with CSV options."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        from desktop.export.fileformat import EXPORT_KINDS

        names = kind_names()
        self.kind = QComboBox(self)
        self.kind.setObjectName("exportKind")
        for kind in EXPORT_KINDS:
            self.kind.addItem(names[kind].capitalize(), kind)
        self.scope_view = QRadioButton(self.tr("The current view, with its filters"), self)
        self.scope_all = QRadioButton(self.tr("Everything"), self)
        self.scope_view.setChecked(True)
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.delimiter = QComboBox(self)
        self.delimiter.setObjectName("exportDelimiter")
        self.delimiter.addItem(self.tr("comma ( , )"), ",")
        self.delimiter.addItem(self.tr("semicolon ( ; ), as Excel expects with Russian settings"), ";")
        self.decimal = QComboBox(self)
        self.decimal.setObjectName("exportDecimal")
        self.decimal.addItem(self.tr("point ( 12.5 )"), ".")
        self.decimal.addItem(self.tr("comma ( 12,5 ), as Excel expects with Russian settings"), ",")
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("exportEncoding")
        self.encoding.addItem(self.tr("UTF-8 with BOM (Excel shows Cyrillic)"), "utf-8-sig")
        self.encoding.addItem(self.tr("Windows-1251 for older programs (Kazakh and Turkish letters become the "
                                      "nearest Russian or Latin ones)"), "cp1251")
        form = QFormLayout()
        form.addRow(self.tr("Records:"), self.kind)
        scope = QGroupBox(self.tr("Which"), self)
        scope_layout = QVBoxLayout(scope)
        scope_layout.addWidget(self.scope_view)
        scope_layout.addWidget(self.scope_all)
        form.addRow(scope)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Separator:"), self.delimiter)
        form.addRow(self.tr("Decimal mark:"), self.decimal)
        form.addRow(self.tr("Encoding:"), self.encoding)
        self.unplaced = QCheckBox(self.tr("Include records without coordinates (as features with no geometry)"), self)
        self.unplaced.setObjectName("exportUnplaced")
        form.addRow(self.unplaced)
        self.export_form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.export_dialog)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.delimiter.currentIndexChanged.connect(self._delimiter_changed)
        self._kind_changed()
        self._delimiter_changed()
        self.written: tuple[Path, int] | None = None

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        current = self.format.currentData()
        self.format.clear()
        for fmt in ("csv", "xlsx", "json", "geojson"):
            if fmt != "geojson" or kind in ("node", "segment"):
                self.format.addItem(FORMATS[fmt], fmt)
        self.format.setCurrentIndex(max(0, self.format.findData(current)))
        partner = self.window_.selection.partner
        filtered = kind == "agreement" or (partner is not None and kind in ("event", "trade", "target", "fact"))
        self.scope_view.setEnabled(filtered)
        if not filtered:
            self.scope_all.setChecked(True)
        self._format_changed()

    def _format_changed(self) -> None:
        csv = self.format.currentData() == "csv"
        self.delimiter.setEnabled(csv)
        self.decimal.setEnabled(csv and self.delimiter.currentData() != ",")
        self.encoding.setEnabled(csv)
        self.export_form.setRowVisible(self.unplaced, self.format.currentData() == "geojson")

    def _delimiter_changed(self) -> None:
        """The decimal mark that goes with the separator (desktop.export.writers.decimal_mark): the comma with
        the semicolon, the point with the comma, which cannot also be the decimal mark."""
        from desktop.export.writers import decimal_mark

        self.decimal.setCurrentIndex(self.decimal.findData(decimal_mark(self.delimiter.currentData())))
        self._format_changed()

    def options(self) -> dict:
        kind = self.kind.currentData()
        options = {"kind": kind, "fmt": self.format.currentData(), "delimiter": self.delimiter.currentData(),
                   "decimal": self.decimal.currentData(), "encoding": self.encoding.currentData(), "query": None,
                   "partner": None,
                   "include_unplaced": self.format.currentData() == "geojson" and self.unplaced.isChecked()}
        if self.scope_view.isChecked() and self.scope_view.isEnabled():
            if kind == "agreement":
                options["query"] = self.window_.agreements.query()
            else:
                options["partner"] = self.window_.selection.partner
        return options

    def export_to(self, path: str) -> int:
        """Export with the chosen options to ``path`` (on a worker thread); returns the rows written."""
        from desktop.data.database import open_database
        from desktop.export.writers import export_kind

        o = self.options()
        db_path = self.window_.repo.db.path

        def work(progress):
            db = open_database(db_path, readonly=True, check=False)
            try:
                return export_kind(db, o["kind"], o["fmt"], Path(path), query=o["query"], partner=o["partner"],
                                   delimiter=o["delimiter"], encoding=o["encoding"], decimal=o["decimal"],
                                   errors="replace" if o["encoding"] == "cp1251" else "strict", progress=progress,
                                   include_unplaced=o["include_unplaced"])
            finally:
                db.close()

        rows = run_job(self, self.tr("Exporting…"), work, self.tr("Cancel"))
        self.written = (Path(path), rows)
        return rows

    def export_dialog(self) -> None:
        o = self.options()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"{o['kind']}s.{o['fmt']}", FORMATS[o["fmt"]])
        if not path:
            return
        if not path.lower().endswith("." + o["fmt"]):
            path += "." + o["fmt"]
        try:
            rows = self.export_to(path)
        except (AtlasError, OSError) as exc:
            from desktop.qt.shell.files import error_text

            message_box(self, self.tr("Export"), error_text(exc, path))
            return
        self.window_.statusBar().showMessage(self.tr("Wrote %n record(s) to {path}.", "", rows).format(path=path), 8000)
        self.accept()


class ImportDialog(QDialog):
    """Choose a file and a kind, map its columns when unsure, see what would be added, updated and
    rejected, then apply all of it as one undoable edit (or nothing)."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import"))
        self.table: Table | None = None
        self.match: ColumnMatch | None = None
        self.preview: Preview | None = None
        self.path: Path | None = None
        self.last_error = ""  # what the dialog last said went wrong
        names = kind_names()
        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        for kind in ("agreement", "event", "trade", "target", "fact", "alias", "node", "segment"):
            self.kind.addItem(names[kind].capitalize(), kind)
        self.kind.addItem(self.tr("Trade figures from UN Comtrade"), "comtrade")
        self.file_label = plain_label(QLabel(self.tr("No file chosen."), self))
        self.file_label.setObjectName("importFile")
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose a file…"), self)
        choose.setObjectName("importChoose")
        choose.clicked.connect(self.choose_file)
        self.sheet = QComboBox(self)  # shown for a workbook of several sheets
        self.sheet.setObjectName("importSheet")
        self.sheet.setPlaceholderText(self.tr("Choose the sheet to import"))
        self.sheet.activated.connect(self._sheet_chosen)
        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setObjectName("importMapping")
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.setColumnWidth(0, 260)
        self.mapping.verticalHeader().setVisible(False)
        self.mapping_note = QLabel(self)
        self.mapping_note.setObjectName("importMappingNote")
        self.mapping_note.setWordWrap(True)
        self.summary = plain_label(QLabel(self))  # messages may quote the file
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        # what the import changes: the records to update with each changed field (now -> after), the records to add
        self.changes = QTreeWidget(self)
        self.changes.setObjectName("importChanges")
        self.changes.setHeaderLabels([self.tr("Record / field"), self.tr("Now"), self.tr("After")])
        self.changes.setColumnWidth(0, 280)
        self.changes.setColumnWidth(1, 200)
        self.rejections = QListWidget(self)
        self.rejections.setObjectName("importRejections")
        self.rejections.setWordWrap(True)  # a note or a reason is a sentence: read whole, not scrolled to
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.check = buttons.addButton(self.tr("Check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        self.check.clicked.connect(self.run_preview)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Records:"), self.kind)
        form.addRow(choose, self.file_label)
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.setRowVisible(self.sheet, False)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.mapping, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.rejections, 1)
        layout.addWidget(buttons)
        self.resize(760, 720)
        self.kind.currentIndexChanged.connect(lambda _: self._matched())
        self.applied: Changes | None = None

    @property
    def import_kind(self) -> str:
        return "trade" if self.kind.currentData() == "comtrade" else self.kind.currentData()

    def file_filter(self) -> str:
        """The kinds of file the open dialog offers: tables, and GeoJSON for nodes and segments (places)."""
        if self.import_kind in ("node", "segment"):
            return self.tr("Tables and GeoJSON (*.csv *.txt *.tsv *.xlsx *.json *.geojson);;GeoJSON (*.geojson);;"
                           "All files (*)")
        return self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.json);;All files (*)")

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import"), "", self.file_filter())
        if path:
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> bool:
        """Read a file (off the UI thread) and match its columns. Of a workbook, ``sheet``, or else the sheet whose
        header row fits; when that cannot be told, the sheets are offered to choose from."""
        from desktop.export.importing import read_import_table
        from desktop.export.readers import SheetChoiceNeeded

        file = self.path = Path(path)
        self.file_label.setText(str(file))
        try:
            table = self.table = run_job(self, self.tr("Reading {file}…").format(file=file.name),
                                         lambda progress: read_import_table(file, sheet=sheet), self.tr("Cancel"))
        except AtlasError as exc:
            self.table = None
            self._show_sheets(exc.sheets if isinstance(exc, SheetChoiceNeeded) else [], None)
            self._show_error(self.error_text(exc))
            return False
        self._show_sheets(list(table.sheets), table.sheet)
        if len(table.sheets) > 1:
            self.file_label.setText(self.tr("{file}, sheet \u201c{sheet}\u201d").format(file=file, sheet=table.sheet))
        if self.kind.currentData() != "comtrade":
            from desktop.export.comtrade import is_comtrade

            if is_comtrade(table):
                self.kind.setCurrentIndex(self.kind.findData("comtrade"))
            else:
                self._guess_kind(table)
        self._matched()
        return True

    def _show_sheets(self, sheets: list[str], current: str | None) -> None:
        """Offer a workbook's sheets (none: the choice is hidden); ``current`` is the one read, if any."""
        self.sheet.clear()
        self.sheet.addItems(sheets)
        self.sheet.setCurrentIndex(sheets.index(current) if current in sheets else -1)
        self.form.setRowVisible(self.sheet, len(sheets) > 1)

    def _sheet_chosen(self, index: int) -> None:
        if self.path is not None and index >= 0:
            self.load(str(self.path), self.sheet.itemText(index))

    def _guess_kind(self, table: Table) -> None:
        """Choose the kind whose columns the file's headers match best (the user can change it)."""
        from desktop.export.importing import match_columns

        def score(kind: str) -> tuple[int, int]:
            match = match_columns(kind, table.columns)
            return len(match.mapping) - len(match.missing), -len(match.missing)

        kinds = ["agreement", "event", "trade", "target", "fact", "alias"]
        best = max(kinds, key=score)
        if score(best) > score(self.kind.currentData()):
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self.kind.findData(best))
            self.kind.blockSignals(False)

    def _table_for_kind(self, table: Table) -> Table:
        """The file's table as the chosen kind reads it (a Comtrade download: as trade figures)."""
        if self.kind.currentData() == "comtrade":
            from desktop.export.comtrade import comtrade_table

            return comtrade_table(table, file_name=self.path.name if self.path else "")
        from desktop.export.readers import check_geometry

        check_geometry(self.import_kind, table)  # GeoJSON: a node's features are Points, a segment's LineStrings
        return table

    def _matched(self) -> None:
        self.apply_button.setEnabled(False)
        self.preview = None
        if self.table is None:
            return
        from desktop.export.fileformat import COLUMNS, form_field
        from desktop.export.importing import match_columns
        from desktop.qt.editing.record_browser import field_name

        try:
            table = self._table_for_kind(self.table)
        except AtlasError as exc:
            self._show_error(self.error_text(exc))
            return
        match = self.match = match_columns(self.import_kind, table.columns)
        fields = ["", *COLUMNS[self.import_kind]]
        self.mapping.setRowCount(len(table.columns))
        for row, column in enumerate(table.columns):
            self.mapping.setItem(row, 0, QTableWidgetItem(column))
            combo = QComboBox(self.mapping)
            for field in fields:
                label = f"{field_name(form_field(field))} ({field})" if field and field != "uid" else field
                combo.addItem(label or self.tr("(leave out)"), field or None)
            combo.setCurrentIndex(max(0, combo.findData(match.mapping.get(column))))
            self.mapping.setCellWidget(row, 1, combo)
        missing = ", ".join(match.missing) if match.missing else ""
        self.mapping_note.setText(
            self.tr("Check how the file's columns are read.") if match.sure else
            self.tr("Some columns were not recognised with certainty. Check the fields chosen below{missing}.").format(
                missing=(" " + self.tr("(missing: {fields})").format(fields=missing)) if missing else ""))
        self.summary.setText("")
        self.changes.clear()
        self.rejections.clear()

    def chosen_mapping(self) -> dict[str, str]:
        """File column -> the field chosen for it (the columns left out are not named)."""
        out: dict[str, str] = {}
        for row in range(self.mapping.rowCount()):
            combo, column = self.mapping.cellWidget(row, 1), self.mapping.item(row, 0)
            field = combo.currentData() if isinstance(combo, QComboBox) else None
            if field and column is not None:
                out[column.text()] = field
        return out

    def run_preview(self) -> bool:
        if self.table is None:
            return False
        from desktop.data.database import open_database
        from desktop.export.importing import preview

        table, kind, mapping = self._table_for_kind(self.table), self.import_kind, self.chosen_mapping()
        db_path = self.window_.repo.db.path

        def work(progress):
            db = open_database(db_path, readonly=True, check=False)
            try:
                return preview(db, kind, table, mapping, progress=progress)
            finally:
                db.close()

        try:
            self.preview = run_job(self, self.tr("Checking the rows…"), work, self.tr("Cancel"))
        except AtlasError as exc:
            self._show_error(self.error_text(exc))
            return False
        p = self.preview
        self.summary.setText(self.tr(
            "To add: {add} · to update: {update} · unchanged: {same} · rejected: {reject}").format(
            add=len(p.add), update=len(p.update), same=len(p.unchanged), reject=len(p.rejected)))
        self.show_changes(p)
        self.rejections.clear()
        for note in p.file_notes:
            self.rejections.addItem(note)
        if p.skipped_partners:
            self.rejections.addItem(self.skipped_note(p.skipped_partners))
        for note in self.encoding_notes(p):
            self.rejections.addItem(note)
        for rejection in p.rejected[:1000]:
            self.rejections.addItem(self.tr("Row {row}: {reason}").format(
                row=rejection.row, reason=self.reason_text(p.kind, rejection)))
        if len(p.rejected) > 1000:
            self.rejections.addItem(self.tr("and %n more", "", len(p.rejected) - 1000))
        self.apply_button.setEnabled(bool(p.add or p.update) and not self.window_.repo.db.readonly)
        return True

    def show_changes(self, preview: Preview) -> None:
        """The records to update, each with the fields that change (as the forms name them; value now, value
        after), and the records to add with their values: the first DETAILED of each (their items are made only for
        those: a file of 300,000 rows is shown by its counts), then how many more."""
        from desktop.export.importing import DETAILED
        from desktop.qt.editing.record_browser import field_name

        self.changes.clear()
        groups = ((self.tr("To update: %n record(s)", "", len(preview.update)), preview.update, True),
                  (self.tr("To add: %n record(s)", "", len(preview.add)), preview.add, False))
        for title, rows, updating in groups:
            if not rows:
                continue
            group = QTreeWidgetItem(self.changes, [title])
            for planned in rows[:DETAILED]:
                record = QTreeWidgetItem(group, [
                    self.tr("{uid} (row {row})").format(uid=planned.uid, row=planned.row) if planned.uid else
                    self.tr("Row {row}").format(row=planned.row)])
                for name, old, new in planned.shown:
                    item = QTreeWidgetItem(record)
                    for column, text in enumerate((field_name(name), old, new)):
                        self._set_value(item, column, text)
                record.setExpanded(updating)
            if len(rows) > DETAILED:
                QTreeWidgetItem(group, [self.tr("and %n more", "", len(rows) - DETAILED)])
            group.setExpanded(True)

    def _set_value(self, item: QTreeWidgetItem, column: int, text: str | None) -> None:
        """A value from the file or the database, as plain text: "—" for none; cut short with "…" when long,
        the whole of it in the tooltip."""
        if text is None:
            item.setText(column, "\u2014")
            return
        line = " ".join(text.split())  # on one line
        shown = line if len(line) <= VALUE_CHARS else line[:VALUE_CHARS - 1] + "\u2026"
        item.setText(column, shown)
        if shown != text:
            item.setToolTip(column, plain_tooltip(text))

    # ------------------------------------------------------------------ words

    def encoding_notes(self, preview: Preview) -> list[str]:
        """What a file in an encoding that lacks some letters (cp1251) would have done to them: the values kept as
        stored (the file gives them as that encoding renders them), and the changes that would only remove letters."""
        from desktop.qt.editing.record_browser import field_name

        notes: list[str] = []
        if preview.kept_as_stored:
            uid, name, stored = preview.kept_as_stored[0]
            notes.append(self.tr("Kept as stored: %n value(s) whose letters the file's encoding cannot hold (for "
                                 "example {uid}, {field}: \u201c{text}\u201d).", "", len(preview.kept_as_stored)
                                 ).format(uid=uid, field=field_name(name), text=stored))
        if preview.only_removes_letters:
            uid, name, now, after = preview.only_removes_letters[0]
            notes.append(self.tr("Warning: %n change(s) would only remove letters (for example {uid}, {field}: "
                                 "\u201c{now}\u201d \u2192 \u201c{after}\u201d). Was the file saved in an encoding "
                                 "that lacks them?", "", len(preview.only_removes_letters)
                                 ).format(uid=uid, field=field_name(name), now=now, after=after))
        return notes

    def skipped_note(self, skipped: dict[str, int]) -> str:
        """The note about rows left out because they are about countries that are not partners in the atlas."""
        codes = sorted(skipped)
        shown = ", ".join(codes[:PARTNERS_SHOWN])
        if len(codes) > PARTNERS_SHOWN:
            shown = self.tr("{codes} and {count} more").format(codes=shown, count=len(codes) - PARTNERS_SHOWN)
        return self.tr("Rows about countries that are not partners in the atlas were left out: {count} "
                       "({codes}).").format(count=sum(skipped.values()), codes=shown)

    def natural_key(self, kind: str) -> str:
        """What identifies a record of ``kind`` without a uid (desktop.export.importing.NATURAL_KEYS)."""
        return {"trade": self.tr("partner, year, period and statistics"),
                "target": self.tr("partner, measure, date stated and value"),
                "fact": self.tr("partner or corridor, measure and date"), "event": self.tr("start date and title"),
                "agreement": self.tr("date signed and title"), "alias": self.tr("group and name")}.get(kind, kind)

    def reason_text(self, kind: str, rejection) -> str:
        """Why a row of ``kind`` is rejected, in the interface language, from the rejection's code and parameters
        (desktop.export.importing.REJECTION_CODES). The file reader's own reasons stay as it words them."""
        p, code = rejection.params, rejection.code
        if code == "fields":
            known = p.get("known", {})
            return "; ".join(dict.fromkeys(self.field_error_text(kind, e, known) for e in p.get("errors", ())))
        if code == "row_width":
            return self.tr("The row has {cells} cells but the header has {columns} columns (is the separator "
                           "right?).").format(cells=p["cells"], columns=p["columns"])
        if code == "same_uid":
            return self.tr("The same record as row {first} (the same uid): only the first is imported.").format(
                first=p["first"])
        if code == "same_key":
            return self.tr("The same record as row {first} (the same {key}): only the first is imported.").format(
                first=p["first"], key=self.natural_key(kind))
        if code == "same_record":
            return self.tr("The same record as row {first} (\u201c{uid}\u201d): only the first is imported.").format(
                first=p["first"], uid=p["uid"])
        if code == "ambiguous":
            uids = ", ".join(p["uids"]) + (" \u2026" if p.get("more") else "")
            return self.tr("Matches {count} existing records by {key} ({uids}): add a uid column to say which one to "
                           "update.").format(count=p["count"], key=self.natural_key(kind), uids=uids)
        return self.reader_text(p) or str(p.get("text", rejection.reason))  # "reader"

    def reader_text(self, p) -> str | None:
        """A file reader's reason (desktop.export.readers.READER_CODES) in the interface language; None for a reason
        the reader gives no code for (its English words are shown)."""
        code = p.get("reader")
        if code == "too_many_cells":
            return self.tr("The row has {cells} cells but the header has {columns} columns (is the separator "
                           "right?).").format(cells=p["cells"], columns=p["columns"])
        if code == "too_few_cells":
            return self.tr("The row has {cells} cells but the header has {columns} columns (a separator is missing, "
                           "or a line break outside quotes split the row).").format(cells=p["cells"],
                                                                                     columns=p["columns"])
        if code == "nul_character":
            return self.tr("The cell in column “{column}” holds a NUL character (U+0000), which text never "
                           "holds.").format(column=p["column"])
        if code == "repeated_key":
            return self.tr("The object names the key “{key}” more than once, so its value is unclear.").format(
                key=p["key"])
        if code == "not_comtrade":
            return self.tr("The file is not a UN Comtrade download (its columns are not Comtrade's).")
        if code == "not_a_year":
            return self.tr("Year: “{value}” is not a year.").format(value=p["value"])
        if code == "value_unreadable":
            return self.tr("Trade value: the cell cannot be read ({reason}).").format(reason=p["reason"])
        if code == "value_not_a_number":
            return self.tr("Trade value: “{value}” is not a number.").format(value=p["value"])
        if code == "value_negative":
            return self.tr("Trade value: {value} is negative.").format(value=p["value"])
        if code == "second_figure":
            text = (self.tr("A second import figure of Kazakhstan with {partner} for {year} ({whose}); the one on "
                            "row {kept} is kept.") if p["flow"] == "import" else
                    self.tr("A second export figure of Kazakhstan with {partner} for {year} ({whose}); the one on "
                            "row {kept} is kept."))
            whose = (self.tr("Kazakhstan's statistics") if p["statistics"] == "kazakh"
                     else self.tr("the partner's statistics"))
            return text.format(partner=p["partner"], year=p["year"], whose=whose, kept=p["kept"])
        return None

    def error_text(self, exc: BaseException) -> str:
        """What the dialog shows for an error: a file that cannot be read (desktop.export.readers.FILE_ERROR_CODES)
        in the interface language, from its code and parameters; any other error, or a code without words here, as
        its English message. Counts and sizes are written as the window's locale writes numbers; texts quoted from
        elsewhere (the system's or a parser's reason, a sheet's name) stay as they are."""
        from desktop.export.readers import ImportFileError, SheetChoiceNeeded

        if not isinstance(exc, ImportFileError) or exc.code is None:
            return str(exc)
        loc = self.locale()
        p = dict(exc.params)
        for key in ("columns", "cells", "max", "size", "ratio", "depth", "count", "length"):
            if isinstance(number := p.get(key), int):
                p[key] = loc.toString(number)
        for key in ("sheets", "fitting", "legacy"):  # sheets' names; the legacy Comtrade layout's column names
            if key in p:
                p[key] = self.quoted_list(p[key])
        if isinstance(exc, SheetChoiceNeeded) and "sheets" not in p:
            p["sheets"] = self.quoted_list(exc.sheets)
        if isinstance(new := p.get("new"), list | tuple):  # the newer Comtrade layout's column names, one word each
            p["new"] = ", ".join(map(str, new))
        text = self.file_error_words(exc.code, p)
        if text is None:
            return str(exc)
        try:
            return text.format(**p)
        except (KeyError, IndexError, ValueError):  # words that name a detail the error lacks: its own message
            return str(exc)

    def quoted_list(self, names) -> str:
        """Names (a workbook's sheets, columns) in quotes, separated by commas: the first NAMES_SHOWN and how many
        more."""
        names = list(names)
        shown = ", ".join(self.tr("\u201c{name}\u201d").format(name=n) for n in names[:NAMES_SHOWN])
        if len(names) > NAMES_SHOWN:
            shown = self.tr("{codes} and {count} more").format(
                codes=shown, count=self.locale().toString(len(names) - NAMES_SHOWN))
        return shown

    def file_error_words(self, code: str, p: dict) -> str | None:
        """The words, with {placeholders} for ``p``, for a file that cannot be read; None for an unknown code."""
        return (self._file_words(code, p) or self._text_words(code, p) or self._workbook_words(code, p)
                or self._json_words(code, p) or self._geojson_words(code, p))

    def _file_words(self, code: str, p: dict) -> str | None:
        """Files that cannot be opened at all, or not as a table of this kind."""
        if code == "folder":
            return self.tr("{file} is a folder, not a file.")
        if code == "not_found":
            return self.tr("The file {path} does not exist.")
        if code == "unreadable":
            return self.tr("The file {file} cannot be read: {reason}.")
        if code == "empty":
            return self.tr("The file {file} is empty (0 bytes).")
        if code == "old_excel":
            return self.tr("{file} is in the old Excel format (.xls), which is not read. Save it from Excel as an "
                           "Excel workbook (.xlsx) or as CSV and import that file.")
        if code == "zip_named_text":
            return self.tr("{file} is named as a text file but is a ZIP archive (perhaps an Excel workbook); rename "
                           "it to .xlsx or save it as CSV.")
        if code == "too_many_rows":
            return (self.tr("The sheet \u201c{sheet}\u201d of {file} has more than {max} data rows; split it into "
                            "smaller files and import them one by one.") if p.get("sheet") else
                    self.tr("The file {file} has more than {max} data rows; split it into smaller files and import "
                            "them one by one."))
        if code == "field_too_long":
            if p.get("sheet"):
                return (self.tr("Row {row} of the sheet \u201c{sheet}\u201d of {file} has a field longer than {max} "
                                "characters ({length} characters). Such a file is not read (a quote that is never "
                                "closed can cause this).") if p.get("length") else
                        self.tr("Row {row} of the sheet \u201c{sheet}\u201d of {file} has a field longer than {max} "
                                "characters. Such a file is not read (a quote that is never closed can cause this)."))
            return (self.tr("Row {row} of {file} has a field longer than {max} characters ({length} characters). Such "
                            "a file is not read (a quote that is never closed can cause this).") if p.get("length")
                    else self.tr("Row {row} of {file} has a field longer than {max} characters. Such a file is not "
                                 "read (a quote that is never closed can cause this)."))
        if code == "not_comtrade":
            return self.tr("{file} is not a UN Comtrade download: its header lacks Comtrade's columns (such as "
                           "{legacy}, or {new}).")
        return None

    def _text_words(self, code: str, p: dict) -> str | None:
        """Text files (CSV, tab-separated): their encoding, header and quoting."""
        if code == "bad_start":
            return self.tr("The file {file} starts as {encoding} text but cannot be decoded as such (byte {byte}: "
                           "{reason}). Save it again as UTF-8 and try again.")
        if code == "bad_utf16":
            return self.tr("The file {file} is half NUL bytes, as UTF-16 text without a byte order mark is, but does "
                           "not read as such. Save it as UTF-8 (or as Excel \u201cUnicode text\u201d) and try again.")
        if code == "bad_encoding":
            return self.tr("The file {file} is neither UTF-8 nor Windows-1251 text: it has bytes that do not decode "
                           "(first on line {line}, byte {byte}: {reason}). Save it as UTF-8 and try again.")
        if code == "no_text":
            return self.tr("The file {file} holds no text: it has no header row.")
        if code == "no_header":
            return self.tr("The file {file} has no header row.")
        if code == "too_many_columns":
            return self.tr("The file {file} has {columns} columns; at most {max} are read.")
        if code == "nul_in_header":
            return self.tr("The header row of {file} holds a NUL character (U+0000), so the file is not a text "
                           "table. Save it as UTF-8 CSV and try again.")
        if code == "no_separator":
            return self.tr("No comma, semicolon or tab separates the column names in the header row of {file} "
                           "(\u201c{header}\u201d), so its columns cannot be told apart. Save it as CSV (separated by "
                           "commas or semicolons) or as tab-separated text.")
        if code == "unclosed_quote":
            return self.tr("The file {file} ends inside a quoted field that starts on line {line}: a quote (\") is "
                           "never closed. Nothing was imported.")
        if code == "bad_csv":
            return self.tr("Row {row} of {file} (line {line}) is not valid CSV: {reason}. Nothing was imported.")
        if code == "too_many_cells":
            return self.tr("Row {row} of {file} has {cells} cells; at most {max} columns are read.")
        return None

    def _workbook_words(self, code: str, p: dict) -> str | None:
        """Excel workbooks: the archive, its XML and its sheets."""
        if code == "damaged_zip":
            return self.tr("{file} is not a valid Excel workbook: it is not a complete ZIP archive ({reason}). It may "
                           "be truncated or damaged; save it again from Excel.")
        if code == "zip_bomb":
            return self.tr("{file} is refused: its part {part} would expand {ratio} times (to {size} MB), as a ZIP "
                           "bomb does.")
        if code == "too_large_unzipped":
            return self.tr("{file} is refused: it would expand to {size} MB (at most {max} MB are read). Save the data "
                           "as CSV instead.")
        if code == "zip_not_workbook":
            return self.tr("{file} is a ZIP archive but not an Excel workbook (it has no worksheets).")
        if code == "unsafe_excel":
            return self.tr("Excel files cannot be read safely here ({library} is not using {parser}; is the "
                           "environment variable {variable} set to False?). Save the data as CSV instead.")
        if code == "xml_entities":
            return self.tr("{file} is refused: its XML declares entities, which an Excel workbook never needs (an "
                           "\u201centity expansion\u201d or \u201cbillion laughs\u201d attack).")
        if code == "damaged_workbook":
            return self.tr("{file} cannot be read as an Excel workbook ({reason}). Save it again from Excel, or as "
                           "CSV.")
        if code == "no_worksheets":
            return self.tr("{file} is an Excel workbook without worksheets (it holds charts only).")
        if code == "no_such_sheet":
            return self.tr("{file} has no sheet named \u201c{sheet}\u201d; its sheets are {sheets}.")
        if code == "no_sheet_fits":
            return self.tr("None of the {count} sheets of {file} ({sheets}) has a header row with columns to import. "
                           "Choose the sheet to import.")
        if code == "several_sheets_fit":
            return self.tr("Several sheets of {file} have header rows that fit equally well ({fitting}). Choose the "
                           "sheet to import.")
        if code == "empty_sheet":
            return self.tr("The sheet \u201c{sheet}\u201d of {file} is empty: it has no header row.")
        return None

    def _json_words(self, code: str, p: dict) -> str | None:
        """JSON files: their size, nesting and shape."""
        if code == "json_too_large":
            return self.tr("{file} is {size} MB; JSON files of at most {max} MB are read. Use CSV for larger tables.")
        if code == "json_too_deep":
            return self.tr("{file} is nested {depth} levels deep; a table needs 2 (a list of objects) and more than "
                           "{max} are refused.")
        if code == "bad_json":
            return self.tr("{file} is not valid JSON: {reason} (line {line}, column {column}).")
        if code == "json_unreadable":
            return self.tr("{file} is too deeply nested or too large to read.")
        if code == "json_not_list":
            return {"object": self.tr("{file} holds an object, not a list of objects (one object per record, as "
                                      "{example})."),
                    "bool": self.tr("{file} holds true or false, not a list of objects (one object per record, as "
                                    "{example})."),
                    "null": self.tr("{file} holds null, not a list of objects (one object per record, as {example})."),
                    "string": self.tr("{file} holds a string, not a list of objects (one object per record, as "
                                      "{example})."),
                    "number": self.tr("{file} holds a number, not a list of objects (one object per record, as "
                                      "{example}).")}.get(str(p.get("found")))
        if code == "json_empty":
            return self.tr("{file} holds an empty list: there are no records in it to import.")
        if code == "json_item_not_object":
            return (self.tr("{file} is not a list of objects: item {item} is a list.") if p.get("found") == "list"
                    else self.tr("{file} is not a list of objects: item {item} is not an object."))
        if code == "json_too_many_keys":
            return self.tr("{file} has more than {max} different keys; at most {max} are read.")
        if code == "json_nested":
            return (self.tr("Row {row} of {file}: the value of \u201c{key}\u201d is a nested object; only text, "
                            "numbers, true/false, null and lists of those are read.") if p.get("found") == "object"
                    else self.tr("Row {row} of {file}: the value of \u201c{key}\u201d is a nested list; only text, "
                                 "numbers, true/false, null and lists of those are read."))
        return None

    def _geojson_words(self, code: str, p: dict) -> str | None:
        """GeoJSON files (nodes and segments): their shape, reference system and coordinates."""
        if code == "not_geojson":
            return self.tr("{file} is not a GeoJSON FeatureCollection (an object with \"type\": "
                           "\"FeatureCollection\" and its \"features\"), so no places can be read from it.")
        if code == "geojson_crs":
            return self.tr("{file} gives its coordinates in the reference system {crs}, not in WGS 84 longitude and "
                           "latitude (EPSG:4326), as GeoJSON requires. Save it again from the GIS as GeoJSON in "
                           "EPSG:4326.")
        if code == "geojson_bad_features":
            return self.tr("The \"features\" of {file} are not a list of GeoJSON Feature objects.")
        if code == "geojson_geometry":
            return {"Point": self.tr("Feature {feature} of {file} has a {found} geometry, but a node needs a Point."),
                    "LineString": self.tr("Feature {feature} of {file} has a {found} geometry, but a segment needs a "
                                          "LineString."),
                    }.get(str(p.get("wanted")), self.tr("Feature {feature} of {file} has a {found} geometry, but only "
                                                        "nodes (Point) and segments (LineString) are imported from "
                                                        "GeoJSON."))
        if code == "geojson_bad_coordinates":
            return self.tr("Feature {feature} of {file} has coordinates that are not a pair of numbers [longitude, "
                           "latitude].")
        if code == "geojson_out_of_range":
            return self.tr("Feature {feature} of {file} lies outside the world's longitudes and latitudes (longitude "
                           "{lon}, latitude {lat}); GeoJSON gives longitude first, in WGS 84 degrees.")
        return None

    def field_error_text(self, kind: str, error, known: dict[str, list[str]]) -> str:
        """One refused cell: the field's name as the forms show it, the value when the message does not quote it,
        and the forms' message for the code (record_form.RecordForm.message) or the import's own for a cell."""
        from desktop.qt.editing.record_browser import field_name

        p, code = error.params, error.code
        if code == "one_required":
            return self.tr("One of {fields} is required.").format(
                fields=", ".join(field_name(f) for f in p.get("fields", ())))
        text = self.cell_message(kind, error)
        if code == "unknown_code" and 0 < len(known.get(error.field, ())) <= KNOWN_SHOWN:
            text += " " + self.tr("Known codes: {codes}.").format(codes=", ".join(known[error.field]))
        if code in VALUE_QUOTED and p.get("value") is not None:
            return self.tr("{field}: \u201c{value}\u201d \u2014 {message}").format(
                field=field_name(error.field), value=p["value"], message=text)
        return self.tr("{field}: {message}").format(field=field_name(error.field), message=text)

    def cell_message(self, kind: str, error) -> str:
        """The message for a refused cell: the import's own for what only a file has (CELL_CODES), a reference
        that names no record, a one-sided range; else the forms' message for the code."""
        from desktop.core.validation import FIELDS
        from desktop.qt.editing.record_browser import _FormWords
        from desktop.qt.editing.record_form import RecordForm, _num

        p, code = error.params, error.code
        if code == "unreadable":
            return self.tr("Cannot be read ({reason}).").format(reason=p.get("reason", ""))
        if code == "list_not_value":
            return self.tr("A list (\u201c{value}\u201d) where one value is expected.").format(value=p.get("value", ""))
        if code == "bool_not_value":
            text = (self.tr("{value} (a yes-or-no value) where a number is expected.") if p.get("wanted") == "number"
                    else self.tr("{value} (a yes-or-no value) where text is expected."))
            return text.format(value=p.get("value", ""))
        if code == "unknown_sources":
            uids = ", ".join(str(u) for u in p.get("values", ()))
            if p.get("more"):
                uids = self.tr("{codes} and {count} more").format(codes=uids, count=p["more"])
            return self.tr("No source has the uid {uids}.").format(uids=uids)
        if code == "bad_uid":
            return self.tr("\u201c{value}\u201d holds spaces, separators or control characters.").format(
                value=p.get("value", ""))
        if code == "unknown_reference":
            spec = next((s for s in FIELDS.get(kind, ()) if s.name == error.field), None)
            if spec is not None and spec.ref == "partner":
                return self.tr("No partner in the atlas has the code \u201c{value}\u201d.").format(
                    value=p.get("value", ""))
            return self.tr("No record has the uid \u201c{value}\u201d ({kind}).").format(
                value=p.get("value", ""), kind=kind_names().get(spec.ref or "" if spec else "", ""))
        if code == "out_of_range" and (p.get("min") is None or p.get("max") is None or p.get("min_exclusive")):
            lo, hi = _num(p.get("min")), _num(p.get("max"))
            if p.get("min_exclusive"):
                return (self.tr("Must be more than {min} and at most {max}.").format(min=lo, max=hi)
                        if p.get("max") is not None else self.tr("Must be more than {min}.").format(min=lo))
            if p.get("min") is not None:
                return self.tr("Must be at least {min}.").format(min=lo)
            return self.tr("Must be at most {max}.").format(max=hi)
        return RecordForm.message(_FormWords(), error)  # the forms' words (context RecordForm)

    def apply(self) -> bool:
        """Apply the checked rows as one edit (one transaction, one undo step), with progress and cancel: through the
        edit controller, which writes it, records the undo step and tells the views."""
        if self.preview is None:
            return False
        from desktop.data.fileidentity import DatabaseFileChanged

        if not self.window_.check_database_file():  # deleted, moved or replaced: the user chooses first
            return False
        name = self.path.name if self.path else "?"
        try:
            changes = self.window_.editing.apply_import(
                self.preview, file_name=name, label=self.tr("Import {file}").format(file=name),
                run=lambda work: run_job(self, self.tr("Importing…"), work, self.tr("Cancel")))
        except DatabaseFileChanged as exc:  # the controller has asked the user what to do
            self.last_error = str(exc)
            self.summary.setText(str(exc))
            return False
        except AtlasError as exc:
            self._show_error(self.error_text(exc))
            return False
        self.applied = changes
        self.accept()
        return True

    def _show_error(self, text: str) -> None:
        self.last_error = text
        self.summary.setText(text)
        if self.isVisible():
            message_box(self, self.tr("Import"), text)

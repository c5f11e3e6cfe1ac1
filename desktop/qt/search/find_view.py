"""The Find box: one field in the toolbar that finds any record, as you type (issue 17).

Typing shows a panel under the box with the results grouped by kind — a header line with a count per
kind, then the first hits of each kind: the label in the interface language (another language's,
marked, when it has none), the date, the partners and a snippet with the matched words in bold. Enter
or a click goes to the record where it lives (:class:`_Navigator`). Down/Up move through the hits
across groups, Enter opens, Esc closes the panel (a second Esc clears the box), Tab leaves.

The finding runs on :class:`desktop.qt.search.find_worker.FindService` (its own thread and connection); the
panel, the worker and :mod:`desktop.data.find` are built or imported at the first keystroke, not at
start. Every piece of data in the panel's rich text goes through :func:`escape`.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import pick_marked
from desktop.data.lists import RecordLists
from desktop.qt.agreements.agreements_model import format_partial_date
from desktop.qt.i18n import QT_TRANSLATE_NOOP, current_language
from desktop.qt.plaintext import escape, plain_label, plain_tooltip
from desktop.qt.shell.crash import contained

if TYPE_CHECKING:
    from desktop.data.find import FindGroup, FindResult, Hit
    from desktop.qt.search.find_worker import FindAnswer, FindService
    from desktop.qt.shell.main_window import MainWindow

DEBOUNCE_MS = 60  # a find per pause in typing (each new one interrupts the last anyway)
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
PAD = 6
PANEL_WIDTH = 640
LAYOUT_BATCH = 6  # rows the panel's list lays out per turn of the event loop
_GREY = "#666666"
_OTHER = "#9a5b00"
_BORDER = "#9aa7b8"
# A word of a record's text: a number in groups of three digits ("12 000") is one, as find.py has it.
_WORD = r"\d{1,3}(?:[ \u00a0\u202f\u2009,]\d{3})+(?!\d)|[^\W_]+"
_MARKED = re.compile(r"«([^«»]+)»")
MARK = "<span style='background-color:#ffe680'>{}</span>"  # a matched word, in a title as in a snippet


class _Row(NamedTuple):
    """One row of the panel: a group's heading, a hit, a message or a suggestion."""

    role: str  # "group", "hit", "message", "suggestion"
    plain: str  # what it says, as plain text (the display role)
    html: str  # the same, as the delegate draws it (every data piece escaped)
    payload: Hit | str | None = None  # the Hit, or the suggested word


# kind -> (plural, singular) as the panel and the list of citing records name it
KINDS = {
    "agreement": (QT_TRANSLATE_NOOP("FindView", "Agreements"), QT_TRANSLATE_NOOP("FindView", "Agreement")),
    "event": (QT_TRANSLATE_NOOP("FindView", "Events"), QT_TRANSLATE_NOOP("FindView", "Event")),
    "fact": (QT_TRANSLATE_NOOP("FindView", "Facts"), QT_TRANSLATE_NOOP("FindView", "Fact")),
    "node": (QT_TRANSLATE_NOOP("FindView", "Places"), QT_TRANSLATE_NOOP("FindView", "Place")),
    "corridor": (QT_TRANSLATE_NOOP("FindView", "Corridors"), QT_TRANSLATE_NOOP("FindView", "Corridor")),
    "segment": (QT_TRANSLATE_NOOP("FindView", "Route sections"), QT_TRANSLATE_NOOP("FindView", "Route section")),
    "project": (QT_TRANSLATE_NOOP("FindView", "Projects"), QT_TRANSLATE_NOOP("FindView", "Project")),
    "trade": (QT_TRANSLATE_NOOP("FindView", "Trade figures"), QT_TRANSLATE_NOOP("FindView", "Trade figure")),
    "target": (QT_TRANSLATE_NOOP("FindView", "Targets"), QT_TRANSLATE_NOOP("FindView", "Target")),
    "mechanism": (QT_TRANSLATE_NOOP("FindView", "Mechanisms"), QT_TRANSLATE_NOOP("FindView", "Mechanism")),
    "partner": (QT_TRANSLATE_NOOP("FindView", "Partners"), QT_TRANSLATE_NOOP("FindView", "Partner")),
    "source": (QT_TRANSLATE_NOOP("FindView", "Sources"), QT_TRANSLATE_NOOP("FindView", "Source")),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("FindView", text)


def kind_name(kind: str, plural: bool = True) -> str:
    """A kind's name in the interface language (plural: a group's heading; singular: a citing record)."""
    names = KINDS.get(kind)
    return _t(names[0 if plural else 1]) if names else kind


def highlight(text: str, terms: set[str]) -> str:
    """``text`` as HTML (escaped) with every whole word of ``terms`` marked (:data:`MARK`)."""
    out, pos = [], 0
    for m in re.finditer(_WORD, text):
        if m.group() in terms:
            out.append(escape(text[pos:m.start()]))
            out.append(MARK.format(escape(m.group())))
            pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def unmark(snippet: str, terms: tuple[str, ...]) -> tuple[str, set[str]]:
    """The snippet without find.py's « » marks around matched words, and the words marked. A « » of the
    record's own text (Russian quotes) stays: only a mark around a matched word is taken out (when the list
    of matched words was cut short, around any single word)."""
    known = set(terms)
    marked: set[str] = set()

    def take(m: re.Match) -> str:
        inner = m.group(1)
        if inner in known or (len(known) >= 8 and re.fullmatch(_WORD, inner)):
            marked.add(inner)
            return inner
        return m.group()

    return _MARKED.sub(take, snippet), marked


# ---------------------------------------------------------------------------------------------- the panel


class FindModel(QAbstractListModel):
    """The panel's rows (read-only): group headings, hits, messages, suggestions."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[_Row] = []

    def set_rows(self, rows: list[_Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.plain
        if role == HTML_ROLE:
            return row.html
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()].role in ("hit", "suggestion"):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def selectable(self, row: int) -> bool:
        return 0 <= row < len(self.rows) and self.rows[row].role in ("hit", "suggestion")


class _RichDelegate(QStyledItemDelegate):
    """Draws a row's HTML (our own markup around escaped data) wrapped to the view's width.

    Laying out a QTextDocument is the costly part of a row (a fraction of a millisecond each, dozens of rows
    an answer): each row's document is laid out once per text, width and font and kept, so that its size
    and every paint after it (hover, selection, scrolling) reuse it. A new text (another answer, another
    interface language), width or font is another key, so it is laid out anew."""

    CACHE_ROWS = 600  # documents kept: several answers' rows; the oldest go first

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view
        self._docs: dict[tuple[str, int, str], QTextDocument] = {}

    def document(self, html: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        """The row's document laid out to ``width`` (kept for the next size or paint of the same row)."""
        key = (html, width, option.font.key())
        doc = self._docs.pop(key, None)
        if doc is None:
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setDocumentMargin(0)
            doc.setHtml(html)
            doc.setTextWidth(width)
            if len(self._docs) >= self.CACHE_ROWS:
                del self._docs[next(iter(self._docs))]
        self._docs[key] = doc  # (last in: the most recently used)
        return doc

    def _text_width(self) -> int:
        """The width rows are wrapped to: the view's, less the scroll bar's whether it is shown or not, so a
        row keeps its height (and its lines) when the scroll bar comes or goes. (From the view's own width:
        its viewport's is stale while the panel is hidden.)"""
        reserve = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.view)
        return max(120, self.view.contentsRect().width() - reserve - 2 * PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self._text_width()
        doc = self.document(index.data(HTML_ROLE) or "", width, option)
        return QSize(width + 2 * PAD, int(doc.size().height()) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver) and bool(index.flags()
                                                                               & Qt.ItemFlag.ItemIsSelectable)
        painter.save()
        if selected:
            painter.fillRect(option.rect, QColor("#d4e4fa"))
            painter.fillRect(option.rect.adjusted(0, 0, 3 - option.rect.width(), 0), QColor("#3a78d4"))
        elif hover:
            painter.fillRect(option.rect, QColor("#eef3fb"))
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        doc = self.document(index.data(HTML_ROLE) or "", self._text_width(), option)
        painter.translate(rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class FindPanel(QFrame):
    """The results under the Find box: a header line with the counts, the rows, a line of key hints.
    A child of the window laid over its content (not a pop-up: the box keeps the keyboard focus)."""

    activated = Signal(int)  # a row was clicked

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("findPanel")
        # An opaque background (the palette's, not a style sheet's, which Qt does not count as opaque), so that
        # a repaint of the panel does not repaint the agreements table under it too; a one-pixel border drawn
        # by the frame in the palette's text colour (the labels and the list use their own roles).
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(_BORDER))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setFrameStyle(QFrame.Shape.Box | QFrame.Shadow.Plain)
        self.setLineWidth(1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.header = plain_label(QLabel(self, wordWrap=True))
        self.header.setObjectName("findHeader")
        self.header.setForegroundRole(QPalette.ColorRole.Text)  # (the panel's WindowText is its border's)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.model = FindModel(self)
        self.list = QListView(self)
        self.list.setObjectName("findResults")
        self.list.setModel(self.model)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)  # (a heading is one line, a hit two or three)
        # the rows after the first screenful are laid out a batch per turn of the event loop, not all at once
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(LAYOUT_BATCH)
        self.list.setItemDelegate(_RichDelegate(self.list))
        self.list.clicked.connect(lambda index: self.activated.emit(index.row()))
        self.hint = plain_label(QLabel(self, wordWrap=True))
        self.hint.setObjectName("findHint")
        self.hint.setStyleSheet(f"color: {_GREY};")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(8, 6, 8, 6)
        self.column.setSpacing(4)
        self.column.addWidget(self.header)
        self.column.addWidget(self.list, 1)
        self.column.addWidget(self.hint)
        self.hide()

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() and self.model.selectable(index.row()) else -1

    def set_current(self, row: int) -> None:
        if row < 0:
            self.list.clearSelection()
            self.list.setCurrentIndex(QModelIndex())
            return
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def step(self, step: int) -> None:
        """The next (step 1) or previous (-1) hit or suggestion, across the groups; stays at either end."""
        row = self.current_row()
        n = len(self.model.rows)
        candidate = row + step if row >= 0 else (0 if step > 0 else n - 1)
        while 0 <= candidate < n and not self.model.selectable(candidate):
            candidate += step
        if 0 <= candidate < n:
            self.set_current(candidate)

    def laid_out(self) -> bool:
        """True when the list has placed all its rows (it lays them out in batches)."""
        n = len(self.model.rows)
        return n == 0 or self.list.visualRect(self.model.index(n - 1, 0)).isValid()

    def first_selectable(self) -> int:
        return next((i for i in range(len(self.model.rows)) if self.model.selectable(i)), -1)

    def place_under(self, box: QWidget) -> None:
        """Lay the panel under the box, inside the window, as tall as its rows (up to most of the window)."""
        window = self.parentWidget()
        if window is None:  # (never: the panel is made a child of the window)
            return
        width = min(max(PANEL_WIDTH, box.width()), window.width() - 8)
        corner = box.mapTo(window, QPoint(box.width(), box.height() + 2))
        x = max(4, min(corner.x() - width, window.width() - width - 4))
        y = corner.y()
        available = max(160, window.height() - y - 24)
        self.setFixedWidth(width)
        self.column.activate()
        chrome = (self.header.heightForWidth(width - 16) + self.hint.heightForWidth(width - 16)
                  + self.column.spacing() * 2 + 14)
        # the rows' heights from the delegate itself (the list's sizeHintForRow would lay the whole list out
        # first), only until the panel is as tall as it may be
        delegate, option = self.list.itemDelegate(), QStyleOptionViewItem()
        option.font, option.fontMetrics = self.list.font(), self.list.fontMetrics()
        rows = 0
        for i in range(min(len(self.model.rows), 80)):
            if rows + chrome + 6 >= available:
                break
            rows += delegate.sizeHint(option, self.model.index(i, 0)).height()
        height = min(available, rows + chrome + 6)
        self.setGeometry(x, y, width, height)
        self.raise_()


# ---------------------------------------------------------------------------------------------- the box


class FindBox(QLineEdit):
    """The toolbar's Find field: finds as you type, shows the panel, opens what is chosen."""

    opened = Signal(str, int)  # kind, record id: a hit was opened where it lives
    shown = Signal()  # an answer (results, nothing found or an error) is on the panel

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("findBox")
        self.window_ = window
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.setMaximumWidth(420)
        self._service: FindService | None = None
        self._panel: FindPanel | None = None
        self._generation = 0
        self._answer: FindAnswer | None = None
        self._error: str | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_now)
        self.textEdited.connect(self._text_edited)
        window.installEventFilter(self)  # the panel follows the window's size
        self._retranslate()

    # ------------------------------------------------------------------ built on first use

    @property
    def service(self) -> FindService:
        if self._service is None:
            from desktop.qt.search.find_worker import FindService

            self._service = FindService(self.window_.repo.db.path, self,
                                        ui_idle=getattr(self.window_.search, "ui_idle", None))
            self._service.found.connect(self._found)
            self._service.failed.connect(self._failed)
            self._service.crashed.connect(self._crashed)
        return self._service

    @property
    def panel(self) -> FindPanel:
        if self._panel is None:
            self._panel = FindPanel(self.window_)
            self._panel.activated.connect(self.open_row)
            self._retranslate()
        return self._panel

    def use_service(self, service: FindService) -> None:
        """Find with this service (a test gives one over another file)."""
        self._service = service
        service.setParent(self)
        service.found.connect(self._found)
        service.failed.connect(self._failed)
        service.crashed.connect(self._crashed)

    # ------------------------------------------------------------------ typing

    def prepare(self) -> None:
        """Build the panel and warm the worker up (its imports and connection) while the window is idle, so
        that the first keystroke does not wait for either."""
        self.panel  # noqa: B018 - built on first use
        self.service.warm_up()

    def focus(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def set_query(self, text: str) -> None:
        """Type ``text`` in the box and find it at once."""
        self.setText(text)
        self.run_now()

    def _text_edited(self, _text: str) -> None:
        self._debounce.start()

    def run_now(self) -> None:
        self._debounce.stop()
        text = self.text().strip()
        if not text:
            if self._service is not None:
                self._service.cancel()
            self._answer, self._error = None, None
            self.hide_panel()
            return
        self._generation = self.service.find(text, current_language())

    def is_settled(self) -> bool:
        """True when the answer to the text in the box is on the panel."""
        return (not self._debounce.isActive() and self._service is not None
                and self._service.is_current(self._generation)
                and (self._answer is not None or self._error is not None)
                and self._panel is not None and self._panel.isVisible() and self._panel.laid_out())

    def _found(self, generation: int, answer: FindAnswer) -> None:
        if generation != self._generation or not self.service.is_current(generation):
            return
        self._answer, self._error = answer, None
        self._show()

    def _failed(self, generation: int, message: str) -> None:
        if generation != -1 and generation != self._generation:
            return
        self._answer, self._error = None, message
        self.window_.statusBar().showMessage(self.tr("The search could not read the database file {file}: "
                                                     "{error}").format(file=self.window_.repo.db.path.name,
                                                                       error=message))
        self._show()

    def _crashed(self, exc: BaseException) -> None:
        from desktop.qt.shell.crash import report_exception

        report_exception(exc)

    # ------------------------------------------------------------------ showing

    def _show(self) -> None:
        panel = self.panel
        panel.model.set_rows(self._rows())
        panel.header.setText(self._header())
        panel.set_current(-1)  # nothing is current until the user moves: Enter opens the first hit
        panel.place_under(self)
        panel.show()
        panel.list.scrollToTop()
        self.shown.emit()

    def hide_panel(self) -> None:
        if self._panel is not None:
            self._panel.hide()

    def panel_visible(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    def _header(self) -> str:
        if self._error is not None:
            return self.tr("The search failed")
        result = _result(self._answer) if self._answer else None
        if result is None or not result.groups:
            return self.tr("No results")
        loc = QLocale()
        return " · ".join(f"{kind_name(g.kind)} {self._count_text(g, loc)}" for g in result.groups)

    def _rows(self) -> list[_Row]:
        if self._error is not None:
            text = self.tr("The search failed: {message}").format(message=self._error)
            return [_Row("message", text, escape(text))]
        answer = self._answer
        if answer is None:
            return []
        result = _result(answer)
        if not result.groups:
            return self._nothing(answer)
        lang = current_language()
        loc = QLocale()
        rows: list[_Row] = []
        for group in result.groups:
            name = kind_name(group.kind)
            if group.count > len(group.hits) or group.more:
                heading = self.tr("{kind}: the first {n} of {count}").format(
                    kind=name, n=len(group.hits), count=self._count_text(group, loc))
            else:
                heading = f"{name}: {loc.toString(group.count)}"
            rows.append(_Row("group", heading, f"<span style='color:{_GREY}'><b>{escape(heading)}</b></span>"))
            countries = frozenset(a.country for a in result.plan.aliases if a.country)
            rows += [self._hit_row(hit, lang, answer.partner_names, countries) for hit in group.hits]
        return rows

    def _count_text(self, group: FindGroup, loc: QLocale) -> str:
        """A kind's count: "12", or "10,000+" where counting stopped at the cap."""
        return loc.toString(group.count) + ("+" if group.more else "")

    def _nothing(self, answer: FindAnswer) -> list[_Row]:
        result = _result(answer)
        if result.plan.expression is None:
            text = self.tr("“{text}” holds no word to look for. Type a word in English, Russian or Kazakh.").format(
                text=answer.text)
            return [_Row("message", text, escape(text))]
        text = self.tr("Nothing matches “{text}”.").format(text=answer.text)
        rows = [_Row("message", text, escape(text))]
        if result.suggestions:
            for word in result.suggestions:
                line = self.tr("Did you mean “{word}”?").format(word=word)
                html = self.tr("Did you mean “{word}”?").format(word=f"<a href='#'>{escape(word)}</a>")
                rows.append(_Row("suggestion", line, html, word))
        else:
            tip = self.tr("Try fewer or shorter words, or another spelling.")
            rows.append(_Row("message", tip, f"<span style='color:{_GREY}'>{escape(tip)}</span>"))
        return rows

    def _label(self, hit: Hit, lang: str) -> tuple[str, str | None]:
        """The hit's label in the interface language, else in another (named) language."""
        label, other = pick_marked(lang, hit.label_en, hit.label_ru, hit.label_kk)
        return (label, other) if label else (self.tr("(no name recorded)"), None)

    def _hit_row(self, hit: Hit, lang: str, partner_names: dict[str, tuple[str | None, str | None]],
                 countries: frozenset[str] = frozenset()) -> _Row:
        """``countries``: the ISO3 codes the query named (by any of their names): their names are marked among
        the hit's partners, which says why a record that does not name the country itself was found."""
        label, other_language = self._label(hit, lang)
        snippet, marked = unmark(hit.snippet or "", hit.matched_terms)
        terms = set(hit.matched_terms) | marked
        languages = {"en": self.tr("in English"), "ru": self.tr("in Russian"), "kk": self.tr("in Kazakh")}
        title_plain = label + (f" ({languages[other_language]})" if other_language else "")
        title_html = f"<b>{highlight(label, terms)}</b>" + (
            f" <span style='color:{_GREY}'>({escape(languages[other_language])})</span>" if other_language else "")
        meta: list[str] = []
        if hit.date:
            meta.append(_date(hit.date, QLocale()))  # (the default locale follows the interface language)
        names = [self.tr("Kazakhstan") if code == "KAZ" else (
            partner_names.get(code, (None, None))[1 if lang in ("ru", "kk") else 0]
            or partner_names.get(code, (code, None))[0] or code) for code in hit.partners]
        meta_plain = " · ".join([*meta, ", ".join(names)] if names else meta)
        meta_html = " · ".join([escape(m) for m in meta] + ([", ".join(
            MARK.format(escape(name)) if code in countries else escape(name)
            for code, name in zip(hit.partners, names, strict=True))] if names else []))
        if not hit.preferred:
            other = self.tr("other source's value")
            meta_plain = " · ".join(p for p in (meta_plain, other) if p)
            meta_html = " · ".join(p for p in (meta_html, f"<i style='color:{_OTHER}'>{escape(other)}</i>") if p)
        lines_plain, lines_html = [title_plain], [title_html]
        if meta_plain:
            lines_plain.append(meta_plain)
            lines_html.append(f"<span style='color:{_GREY}'>{meta_html}</span>")
        bare = snippet.strip("… ").strip()
        if bare and bare not in label:
            lines_plain.append(snippet)
            lines_html.append(highlight(snippet, terms))
        return _Row("hit", "\n".join(lines_plain), "<br>".join(lines_html), hit)

    # ------------------------------------------------------------------ keys and focus

    @contained
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if not self.panel_visible():
                if self.text().strip() and (self._answer is not None or self._error is not None):
                    self._show()
                else:
                    self.run_now()
                return
            self.panel.step(1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._debounce.stop()
            if self._answer is not None and self._answer.text != self.text().strip():
                self.run_now()  # typed on: open the first hit of the text in the box once it is found
                return
            if self.panel_visible():
                row = self.panel.current_row()
                self.open_row(row if row >= 0 else self.panel.first_selectable())
            return
        if key == Qt.Key.Key_Escape:
            if self.panel_visible():
                self.hide_panel()
            elif self.text():
                self.clear()
                self.run_now()
            return
        super().keyPressEvent(event)

    @contained
    def focusOutEvent(self, event) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.hide_panel()
        super().focusOutEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.Resize and self.panel_visible():
            QTimer.singleShot(0, self, self._follow_window)
        return super().eventFilter(watched, event)

    def _follow_window(self) -> None:
        """After the window's size changed: a shown panel is laid under the box again."""
        if self.panel_visible():
            self.panel.place_under(self)

    # ------------------------------------------------------------------ opening

    def open_row(self, row: int) -> None:
        panel = self.panel
        if not panel.model.selectable(row):
            return
        entry = panel.model.rows[row]
        if entry.role == "suggestion":
            self.set_query(str(entry.payload))
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        hit = entry.payload
        if hit is None or isinstance(hit, str):  # (a selectable row that is not a suggestion holds its hit)
            return
        self.hide_panel()
        _Navigator(self.window_).open(hit)
        self.opened.emit(hit.kind, hit.preferred_id)

    # ------------------------------------------------------------------ the window's life

    def records_changed(self) -> None:
        """After an edit, undo or redo: an open panel shows the stored records."""
        if self.panel_visible():
            self.run_now()

    def let_go(self) -> None:
        if self._service is not None:
            self._service.let_go()

    def reopen(self, path) -> None:
        if self._service is not None:
            self._service.reopen(path)

    def shutdown(self) -> None:
        if self._service is not None:
            self._service.shutdown()

    @contained
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.panel_visible():
                self._show()
                if self._answer is not None:
                    self.run_now()  # the snippets again, in the new language's texts
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Find anything (Ctrl+F)"))
        self.setToolTip(self.tr("Agreements, events, places, corridors, facts, trade, targets and sources, in "
                                "English, Russian or Kazakh"))
        if self._panel is not None:
            self._panel.hint.setText(self.tr("↑ ↓ choose · Enter opens · Esc closes"))


def _result(answer: FindAnswer) -> FindResult:
    """What the worker found. FindAnswer holds it as an ``object`` (desktop.qt.search.find_worker does not import
    desktop.data.find, which the worker loads on its first find); it is always a FindResult."""
    from desktop.data.find import FindResult

    result = answer.result
    if not isinstance(result, FindResult):
        raise TypeError(f"the find worker answered {type(result).__name__}, not a FindResult")
    return result


def _date(iso: str, locale: QLocale) -> str:
    try:
        return format_partial_date(iso, locale)
    except (ValueError, IndexError):  # a date the data holds in another shape is shown as written
        return iso


# ---------------------------------------------------------------------------------------------- going there


class _Navigator:
    """Goes to a hit's record where it lives in the window (through the shared selection and the views)."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.selection = window.selection
        self.repo = window.repo

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def open(self, hit: Hit | _Target) -> None:
        """Go to a hit of the Find box, or to a record that cites a source."""
        kind, record_id = hit.kind, hit.preferred_id
        partner = hit.partners[0] if hit.partners else None
        if kind == "agreement":
            self.agreement(record_id)
        elif kind == "event":
            self.event(record_id, partner)
        elif kind in ("node", "corridor", "segment"):
            self.on_map(kind, record_id)
        elif kind in ("trade", "target"):
            self.trade(partner)
        elif kind == "project":
            self.project(record_id, partner)
        elif kind == "source":
            CitingRecords(self.window, record_id).show()
        else:  # fact, mechanism, partner: the partner's overview
            self.overview(kind, record_id, partner)
        if not hit.preferred:
            self.say(QCoreApplication.translate(
                "FindView", "This is another source's value: shown is the preferred record of its group."))

    def agreement(self, agreement_id: int) -> None:
        self.window.show_view("agreements")
        view = self.window.agreements
        cleared = view.reveal_agreement(agreement_id)
        if cleared == "search":
            self.say(QCoreApplication.translate("FindView", "The table's search was cleared to show this agreement."))
        elif cleared:
            self.say(QCoreApplication.translate(
                "FindView", "The table's search and filters were cleared to show this agreement."))
        if view.table.currentIndex().isValid() and view.selection.agreement == agreement_id:
            view.table.setFocus(Qt.FocusReason.OtherFocusReason)  # (an empty current row would select the first)

    def event(self, event_id: int, partner: str | None) -> None:
        events = self.window.events
        if not events.lists_event(event_id):
            self.selection.select_node(None)
            self.selection.select_corridor(None)
        if not events.lists_event(event_id):
            self.selection.select_partner(partner)
            self.say(QCoreApplication.translate("FindView", "The events of the partner are listed to show this event."))
        self.window.show_view("agreements")
        self.selection.select_event(event_id)
        events.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_map(self, kind: str, record_id: int) -> None:
        self.window.show_view("map")
        view = self.window.map
        view.show_record(kind, record_id)
        view.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def trade(self, partner: str | None) -> None:
        if partner:
            self.selection.select_partner(partner)
        self.window.show_view("trade")

    def project(self, project_id: int, partner: str | None) -> None:
        row = RecordLists(self.repo.db).project_place(project_id)
        if row is not None and row[0] is not None:
            self.on_map("node", row[0])
        elif row is not None and row[1] is not None:
            self.on_map("corridor", row[1])
        else:
            self.overview("project", project_id, partner)

    def overview(self, kind: str, record_id: int, partner: str | None) -> None:
        if partner:
            self.selection.select_partner(partner)
            self.window.overview.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        corridors, nodes = self.repo.places_of(kind, record_id) if kind != "mechanism" else (set(), set())
        if nodes:
            self.on_map("node", min(nodes))
        elif corridors:
            self.on_map("corridor", min(corridors))
        else:
            self.say(QCoreApplication.translate(
                "FindView", "This record belongs to no partner or place: it is listed in Records…"))
            from desktop.qt.editing.record_browser import RecordBrowser

            browser = RecordBrowser(self.window.editing, kind if kind != "mechanism" else "partner", None, self.window)
            browser.select_id(record_id)
            browser.show()


class CitingModel(QAbstractListModel):
    """The records that cite a source, by kind and id, in pages (a source may be cited by thousands): each row
    "Kind: label (date)", its label read when the row is first shown."""

    def __init__(self, lists: RecordLists, repo, source_id: int, lang: str, parent=None):
        super().__init__(parent)
        self.lists, self.repo, self.source_id, self.lang = lists, repo, source_id, lang
        self._texts: dict[int, str] = {}
        self._rows: list[tuple[str, int]]
        self._next: tuple[str, int] | None
        self._rows, self._next = lists.citing_page(source_id)

    def record(self, row: int) -> tuple[str, int]:
        return self._rows[row]

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._next is None:
            return
        rows, after = self.lists.citing_page(self.source_id, self._next)
        if not rows:
            self._next = None
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows += rows
        self._next = after
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(index.row())
            return text if role == Qt.ItemDataRole.DisplayRole else plain_tooltip(text)
        return None

    def text(self, row: int) -> str:
        if row not in self._texts:
            kind, record_id = self._rows[row]
            self._texts[row] = f"{kind_name(kind, plural=False)}: {self._label(kind, record_id)}"
        return self._texts[row]

    def _label(self, kind: str, record_id: int) -> str:
        if kind in ("project", "mechanism"):
            name = self.lists.name_of(kind, record_id, self.lang)
            found = (name, None) if name is not None else None
        else:
            found = self.repo.record_label(kind, record_id, self.lang)
        if found is None:
            return f"#{record_id}"
        text, date = found
        return f"{text} ({_date(date, QLocale())})" if date else text


class CitingRecords(QDialog):
    """The records that cite a source; Enter or a double click goes to one of them."""

    def __init__(self, window: MainWindow, source_id: int):
        super().__init__(window)
        self.setObjectName("citingRecords")
        self.window_ = window
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        repo = window.repo
        lang = current_language()
        title = repo.record_label("source", source_id, lang)
        self.setWindowTitle(self.tr("Records citing a source"))
        heading = plain_label(QLabel(self, wordWrap=True))
        heading.setObjectName("citingTitle")
        heading.setText(title[0] if title else "")
        self.model = CitingModel(RecordLists(repo.db), repo, source_id, lang, self)
        self.list = QListView(self)
        self.list.setObjectName("citingList")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty = plain_label(QLabel(self.tr("No record cites this source."), self))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.list.activated.connect(self._go)  # Enter, and a double click (or a click where the style says so)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(close)
        self.resize(680, 420)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))

    def texts(self) -> list[str]:
        """What every row says (reads every page: for tests)."""
        while self.model.canFetchMore():
            self.model.fetchMore()
        return [self.model.text(row) for row in range(self.model.rowCount())]

    def _go(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        kind, record_id = self.model.record(index.row())
        _Navigator(self.window_).open(_hit_for(self.window_, kind, record_id))
        self.accept()


class _Target(NamedTuple):
    """What the navigator needs of a record that was not found by a search (a citing record)."""

    kind: str
    record_id: int
    preferred_id: int
    partners: tuple[str, ...]
    preferred: bool = True


def _hit_for(window: MainWindow, kind: str, record_id: int) -> _Target:
    """A citing record as the navigator takes it: its partners, and its group's preferred member."""
    lists = RecordLists(window.repo.db)
    return _Target(kind, record_id, lists.preferred_id(kind, record_id), lists.partners_of(kind, record_id))

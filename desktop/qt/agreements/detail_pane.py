"""The agreement detail pane: everything known about the selected agreement, and where it comes from.

It shows both titles, the summary, the facts, the linked visit or meeting, every source (with a
link the user may copy or open in a browser: the app itself never fetches anything) and, when
sources disagree, all versions with the preferred one marked. It reads ``selection.agreement``
and rebuilds itself when the selection or the interface language changes.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import AgreementRow, Alternative, Source, pick, pick_marked, reads_russian
from desktop.data.repository import Repository
from desktop.qt.agreements.agreements_model import format_partial_date
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import escape, plain_tooltip
from desktop.qt.shell.crash import contained
from desktop.qt.shell.selection import SelectionState
from desktop.qt.shell.source_kinds import source_kind

_VOCABULARIES = ("doc_types", "agreement_levels", "agreement_statuses", "sectors")


def _label(text: str, name: str | None = None, *, bold: bool = False, size_delta: int = 0,
           wrap_anywhere: bool = True, rich: bool = False) -> QLabel:
    """A word-wrapped, selectable label (plain text unless ``rich``) that never forces the pane wider."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if wrap_anywhere:
        # Long unbroken words must not widen the pane: take the width the layout gives.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        label.setSizePolicy(policy)
    if name:
        label.setObjectName(name)
    if bold or size_delta:
        font = QFont(label.font())
        font.setBold(bold)
        if size_delta:
            font.setPointSizeF(font.pointSizeF() + size_delta)
        label.setFont(font)
    return label


def _pick(lang: str, en: str | None, ru: str | None, kk: str | None = None) -> str | None:
    """The text in ``lang``, else the nearest other one marked '[EN] ' / '[RU] ' / '[KK] ', else None."""
    text, other = pick_marked(lang, en, ru, kk)
    if text is None or other is None:
        return text
    return f"[{other.upper()}] {text}"


class SourceRow(QFrame):
    """One source: title, publisher and date, the URL as selectable text, copy and open buttons."""

    def __init__(self, source: Source, title: str, info: str, copy_text: str, open_text: str):
        super().__init__()
        self.setObjectName("detailSource")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.source = source
        self.url = source.url or ""
        layout = QVBoxLayout(self)
        self.title_label = _label(title, "detailSourceTitle", bold=True)
        self.info_label = _label(info, "detailSourceInfo")
        self.url_field = QLineEdit(self.url)
        self.url_field.setObjectName("detailSourceUrl")
        self.url_field.setReadOnly(True)
        self.url_field.setToolTip(plain_tooltip(self.url))
        self.url_field.setCursorPosition(0)
        self.url_field.setMinimumWidth(40)
        self.copy_button = QPushButton(copy_text)
        self.copy_button.setObjectName("detailCopyLink")
        self.open_button = QPushButton(open_text)
        self.open_button.setObjectName("detailOpenLink")
        web = QUrl(self.url)
        self.copy_button.setEnabled(bool(self.url))
        self.open_button.setEnabled(web.isValid() and web.scheme() in ("http", "https"))
        self.copy_button.clicked.connect(self.copy_link)
        self.open_button.clicked.connect(self.open_link)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for widget in (self.title_label, self.info_label, self.url_field):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def text(self) -> str:
        return "\n".join((self.title_label.text(), self.info_label.text(), self.url))

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.url)

    def open_link(self) -> None:
        # The one place the app hands a URL to the browser, and only on the user's click.
        QDesktopServices.openUrl(QUrl(self.url))


class AgreementDetail(QWidget):
    def __init__(self, repo: Repository, selection: SelectionState, parent: QWidget | None = None):
        super().__init__(parent)
        self.repo = repo
        self.selection = selection
        self._labels = {name: repo.labels(name) for name in _VOCABULARIES}
        self._partners = {p.iso3: p for p in repo.partners()}
        self._row: AgreementRow | None = None
        self._event_id: int | None = None
        self._titles: list[QLabel] = []
        self._sources: list[SourceRow] = []
        self._alternatives: list[tuple[QLabel, QLabel]] = []
        self._message: QLabel | None = None
        self._summary: QLabel | None = None
        self._facts: list[str] = []
        self._event_text = ""

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("detailScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.setMinimumWidth(260)
        selection.agreement_selected.connect(self.show_agreement)
        self.show_agreement(selection.agreement)

    # ------------------------------------------------------------------ accessors (for tests and views)

    @property
    def agreement_id(self) -> int | None:
        return self._row.id if self._row else None

    def message_text(self) -> str:
        """The hint shown instead of an agreement ('' while one is shown)."""
        return self._message.text() if self._message else ""

    def title_texts(self) -> list[str]:
        """The headline title first, then the labelled other titles."""
        return [label.text() for label in self._titles]

    def summary_text(self) -> str:
        return self._summary.text() if self._summary else ""

    def fact_texts(self) -> list[str]:
        """'Label: value' for each fact row (signed, partners, type, level, status, sectors, count)."""
        return list(self._facts)

    def event_text(self) -> str:
        """The linked event as plain text ('title\\ndate · place'), or the 'not linked' note."""
        return self._event_text

    def source_rows(self) -> list[SourceRow]:
        return list(self._sources)

    def alternative_texts(self) -> list[str]:
        """Per member of the conflict group: its mark ('★ preferred' …), then title, values and reason."""
        return [f"{head.text()}\n{body.text()}" for head, body in self._alternatives]

    # ------------------------------------------------------------------ building

    def show_agreement(self, agreement_id: int | None) -> None:
        rows = self.repo.agreements.rows([agreement_id], lang=current_language()) if agreement_id else []
        self._row = rows[0] if rows else None
        self._rebuild(missing=agreement_id is not None and not rows)

    @contained
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "scroll"):
            self._rebuild(missing=False)

    def _rebuild(self, missing: bool) -> None:
        self._titles, self._sources, self._alternatives, self._facts = [], [], [], []
        self._message = self._summary = None
        self._event_id, self._event_text = None, ""
        content = QWidget()
        content.setObjectName("detailContent")
        layout = QVBoxLayout(content)
        if self._row is None:
            text = (self.tr("This agreement is no longer in the database.") if missing else
                    self.tr("Select an agreement in the table to see its titles, sources and any conflicting values."))
            self._message = _label(text, "detailEmpty")
            self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addStretch(1)
            layout.addWidget(self._message)
            layout.addStretch(2)
        else:
            self._build(layout, self._row, current_language())
            layout.addStretch(1)
        self.scroll_area.setWidget(content)  # deletes the previous content

    def _build(self, layout: QVBoxLayout, row: AgreementRow, lang: str) -> None:
        self._add_titles(layout, row, lang)
        alternatives = self.repo.alternatives("agreement", row.id)
        if len(alternatives) >= 2:
            layout.addWidget(_label("⚠ " + self.tr("Sources disagree about this agreement: "
                                                  "see “Conflicting values” below."), "detailConflictNote"))
        layout.addWidget(self._heading(self.tr("Summary")))
        summary = _pick(lang, row.summary_en, row.summary_ru) or self.tr("No summary recorded.")
        self._summary = _label(summary, "detailSummary")
        layout.addWidget(self._summary)
        layout.addWidget(self._heading(self.tr("Details")))
        layout.addWidget(self._facts_form(row, lang))
        layout.addWidget(self._heading(self.tr("Visit or meeting")))
        layout.addWidget(self._event_widget(row, lang))
        layout.addWidget(self._heading(self.tr("Sources")))
        self._add_sources(layout, self.repo.sources_of("agreement", row.id))
        if len(alternatives) >= 2:
            self._add_alternatives(layout, alternatives, row.id, lang)

    def _heading(self, text: str) -> QLabel:
        label = _label(text, bold=True, size_delta=1)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _add_titles(self, layout: QVBoxLayout, row: AgreementRow, lang: str) -> None:
        own, other = (row.title_ru, row.title_en) if reads_russian(lang) else (row.title_en, row.title_ru)
        working = row.title_ru_working if lang == "ru" and not row.title_ru else None
        if lang == "kk" and not row.title_kk:
            working = row.title_kk_working
        headline = (row.title_kk if lang == "kk" and row.title_kk else None) or working or _pick(
            lang, row.title_en, row.title_ru, row.title_kk) or ""
        self._titles.append(_label(headline, "detailTitle", bold=True, size_delta=3))
        unknown = self.tr("not recorded")
        if working:
            self._titles.append(_label(self.tr("Unofficial translation: the title was published only in another "
                                               "language (below)."), "detailWorkingTitle"))
        if not own:
            own_caption = (self.tr("Russian title: {title}") if reads_russian(lang)
                           else self.tr("English title: {title}"))
            self._titles.append(_label(own_caption.format(title=unknown), "detailOwnTitle"))
        caption = self.tr("English title: {title}") if reads_russian(lang) else self.tr("Russian title: {title}")
        self._titles.append(_label(caption.format(title=other or unknown), "detailOtherTitle"))
        if row.title_kk:
            kazakh = self.tr("Kazakh title: {title}").format(title=row.title_kk)
            self._titles.append(_label(kazakh, "detailKazakhTitle"))
        for label in self._titles:
            layout.addWidget(label)

    def _vocab(self, vocabulary: str, code: str | None, lang: str) -> str:
        if not code:
            return self.tr("not recorded")
        label = self._labels[vocabulary].get(code)
        return label.pick(lang) if label else code

    def _facts_form(self, row: AgreementRow, lang: str) -> QWidget:
        box = QWidget()
        box.setObjectName("detailFacts")
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        partners = [self._partners[c].name(lang) if c in self._partners else c for c in row.partners]
        facts = [
            (self.tr("Signed"), format_partial_date(row.date_signed, QLocale()) or self.tr("unknown")),
            (self.tr("Partners"), ", ".join(partners) or self.tr("not recorded")),
            (self.tr("Document type"), self._vocab("doc_types", row.doc_type, lang)),
            (self.tr("Level"), self._vocab("agreement_levels", row.level, lang)),
            (self.tr("Status"), self._vocab("agreement_statuses", row.status, lang)),
            (self.tr("Sectors"), ", ".join(self._vocab("sectors", s, lang) for s in row.sectors)
             or self.tr("not recorded")),
        ]
        if row.doc_count > 1:
            facts.append((self.tr("Documents"), self.tr("%n documents", "", row.doc_count)))
        for caption, value in facts:
            self._facts.append(self.tr("{label}: {value}").format(label=caption, value=value))
            caption_label = _label(caption + ":", wrap_anywhere=False)
            caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            form.addRow(caption_label, _label(value))
        return box

    def _event_widget(self, row: AgreementRow, lang: str) -> QLabel:
        event = self.repo.event(row.event_id) if row.event_id else None
        if event is None:
            self._event_text = self.tr("Not linked to a visit or meeting.")
            return _label(self._event_text, "detailNoEvent")
        self._event_id = event.id
        title = _pick(lang, event.title_en, event.title_ru) or self.tr("Untitled visit or meeting")
        when = format_partial_date(event.date_start, QLocale()) or self.tr("date unknown")
        if event.date_end and event.date_end != event.date_start:
            end = format_partial_date(event.date_end, QLocale())
            when = self.tr("{start} – {end}").format(start=when, end=end)
        place = pick(lang, event.place_en, event.place_ru)
        details = " · ".join([when, place or self.tr("place unknown")])
        self._event_text = f"{title}\n{details}"
        link = f'<a href="event:{event.id}">{escape(title)}</a><br>{escape(details)}'
        label = _label(link, "detailEventLink", rich=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label.setToolTip(self.tr("Show this visit or meeting"))
        label.linkActivated.connect(self._open_event)
        return label

    def _open_event(self, _link: str = "") -> None:
        # Queued: a view reacting to the event may select another agreement, which rebuilds
        # this pane and deletes the label whose signal is still being delivered.
        if self._event_id is not None:
            QTimer.singleShot(0, self, partial(self.selection.select_event, self._event_id))

    def _add_sources(self, layout: QVBoxLayout, sources: list[Source]) -> None:
        box = QWidget()
        box.setObjectName("detailSources")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        if not sources:
            warning = _label("⚠ " + self.tr("No source recorded for this agreement"), "detailNoSources",
                             bold=True)
            warning.setStyleSheet("color: #a61b1b;")
            inner.addWidget(warning)
        for source in sources:
            published = format_partial_date(source.published, QLocale()) or self.tr("date unknown")
            info = " · ".join([source.publisher or self.tr("publisher not recorded"), source_kind(source.kind),
                               self.tr("published {date}").format(date=published)])
            row = SourceRow(source, source.title or self.tr("Untitled source"), info,
                            self.tr("Copy link"), self.tr("Open in browser…"))
            row.open_button.setToolTip(
                self.tr("Opens the page in your web browser. The atlas itself never goes online."))
            self._sources.append(row)
            inner.addWidget(row)
        layout.addWidget(box)

    def _add_alternatives(self, layout: QVBoxLayout, members: list[Alternative], current: int, lang: str) -> None:
        box = QWidget()
        box.setObjectName("detailAlternatives")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self._heading(self.tr("Conflicting values")))
        inner.addWidget(_label(self.tr("The sources disagree about this agreement. Every version is listed; "
                                       "the preferred one is used elsewhere in the atlas.")))
        for member in members:
            values = member.summary
            mark = self.tr("★ preferred") if member.is_preferred else self.tr("Alternative version")
            if member.record_id == current:
                mark = self.tr("{mark} (shown above)").format(mark=mark)
            facts = [
                self.tr("Signed: {date}").format(
                    date=format_partial_date(values.get("date_signed"), QLocale()) or self.tr("unknown")),
                self.tr("Type: {type}").format(type=self._vocab("doc_types", values.get("doc_type"), lang)),
                self.tr("Documents: {n}").format(n=values.get("doc_count", "?")),
            ]
            lines = [_pick(lang, values.get("title_en"), values.get("title_ru")) or self.tr("Untitled"),
                     " · ".join(facts),
                     self.tr("Reason: {reason}").format(
                         reason=_pick(lang, member.reason_en, member.reason_ru) or self.tr("not recorded"))]
            frame = QFrame()
            frame.setObjectName("detailAlternativePreferred" if member.is_preferred else "detailAlternative")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame_layout = QVBoxLayout(frame)
            head = _label(mark, "detailAlternativeMark", bold=True)
            body = _label("\n".join(lines), "detailAlternativeText")
            frame_layout.addWidget(head)
            frame_layout.addWidget(body)
            self._alternatives.append((head, body))
            inner.addWidget(frame)
        layout.addWidget(box)

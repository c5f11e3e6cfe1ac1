"""The partner overview in the sidebar: names, level of relations, mechanisms and key facts.

With no partner selected it lists the partners (with their event counts) to pick one from.
Texts come from the database in the interface language; every unknown is said, never left blank.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.edits import Changes, Kind
from desktop.core.records import Fact, Partner, pick, pick_marked
from desktop.data.queries import metric_units
from desktop.data.repository import Repository
from desktop.qt.agreements.agreements_model import format_partial_date
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import escape, plain_label, plain_tooltip, rich_tooltip
from desktop.qt.shell.crash import contained
from desktop.qt.shell.selection import SelectionState
from desktop.qt.shell.source_kinds import source_kind

LEVEL = "relationship_level"
DIPLOMATIC = "diplomatic_relations_established"
COMPACT_FACTS = 8
ISO_ROLE = Qt.ItemDataRole.UserRole + 1
_PLAIN_UNITS = {"label", "list", "date", "year", None, ""}  # values that carry no unit to print
_SMALL = "<span style='color:gray; font-size:small'>{}</span>"


_esc = escape  # every data text in the labels' HTML goes through it


def _small(text: str) -> str:
    return _SMALL.format(text)


def _bold(text: str) -> str:
    return f"<b>{_esc(text)}</b>"


class PartnerOverview(QWidget):
    """The selected partner at a glance; the partner list when none is selected."""

    def __init__(self, repo: Repository, selection: SelectionState, parent: QWidget | None = None):
        super().__init__(parent)
        self.repo = repo
        self.selection = selection
        self._show_all = False
        self._units = metric_units(repo.db)

        self.title = plain_label(QLabel(self, wordWrap=True))  # the partner's name
        self.title.setObjectName("overviewTitle")
        font = self.title.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self, wordWrap=True)
        self.subtitle.setObjectName("overviewNames")
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)

        self.partner_list = QListWidget(self)
        self.partner_list.setObjectName("overviewPartners")
        self.partner_list.setFrameShape(QFrame.Shape.NoFrame)
        self.partner_list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.partner_list.itemClicked.connect(self._partner_clicked)
        self.partner_list.itemActivated.connect(self._partner_clicked)
        self.partner_list.setStyleSheet("QListWidget::item { padding: 3px 2px; }")

        content = QWidget()
        self.relationship = self._rich_label(content, "overviewRelationship")
        self.mechanisms_label = self._rich_label(content, "overviewMechanisms")
        self.facts_box = QWidget(content)
        self.facts_box.setObjectName("overviewFacts")
        self.facts_layout = QVBoxLayout(self.facts_box)
        self.facts_layout.setContentsMargins(0, 0, 0, 0)
        self.facts_layout.setSpacing(6)
        self.toggle = QPushButton(content, flat=True)
        self.toggle.setObjectName("overviewFactsToggle")
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.setStyleSheet("QPushButton { text-align: left; color: palette(link); padding: 2px 0; }")
        self.toggle.clicked.connect(self._toggle_facts)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.setSpacing(10)
        for widget in (self.relationship, self.mechanisms_label, self.facts_box, self.toggle):
            inner.addWidget(widget)
        inner.addStretch(1)
        self.scroll_area = QScrollArea(self, widgetResizable=True)
        self.scroll_area.setObjectName("overviewScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.partner_list)
        layout.addWidget(self.scroll_area, 1)
        layout.addStretch(0)

        selection.partner_selected.connect(self._partner_changed)
        self._rebuild()

    @staticmethod
    def _rich_label(parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent, wordWrap=True)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    # ------------------------------------------------------------------ accessors for tests

    def text(self) -> str:
        """All the text the widget shows (labels, list items, buttons), as plain text."""
        parts: list[str] = []
        doc = QTextDocument()
        for child in self.findChildren(QWidget):
            if not child.isVisibleTo(self):
                continue
            if isinstance(child, QLabel) and child.text():
                if child.textFormat() == Qt.TextFormat.RichText:
                    doc.setHtml(child.text())
                else:
                    doc.setPlainText(child.text())
                parts.append(doc.toPlainText())
            elif isinstance(child, QAbstractButton) and child.text():
                parts.append(child.text())
            elif isinstance(child, QListWidget):
                parts += [child.item(i).text() for i in range(child.count())]
        return "\n".join(parts)

    def fact_tooltips(self) -> list[str]:
        return [label.toolTip() for label in self.facts_box.findChildren(QLabel) if label.toolTip()]

    # ------------------------------------------------------------------ events

    def records_changed(self, changes: Changes) -> None:
        """After an edit: show the stored state."""
        if changes.touches(Kind.PARTNER, Kind.FACT, Kind.SOURCE, Kind.EVENT, Kind.AGREEMENT, Kind.TRADE, Kind.TARGET):
            self._rebuild()

    @contained
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._rebuild()

    def _partner_changed(self, _iso3: object) -> None:
        self._show_all = False
        self.scroll_area.verticalScrollBar().setValue(0)
        self._rebuild()

    def _partner_clicked(self, item: QListWidgetItem) -> None:
        self.selection.select_partner(item.data(ISO_ROLE))

    def _toggle_facts(self) -> None:
        self._show_all = not self._show_all
        self._rebuild()

    # ------------------------------------------------------------------ building

    def _rebuild(self) -> None:
        iso3 = self.selection.partner
        partner = self.repo.partner(iso3) if iso3 else None
        self.partner_list.setVisible(iso3 is None)
        self.scroll_area.setVisible(partner is not None)
        if iso3 is None:
            self._show_partner_list()
        elif partner is None:
            self.title.setText(iso3)
            self.subtitle.setText(_esc(self.tr("This partner is not in the database.")))
        else:
            self._show_partner(partner)

    def _show_partner_list(self) -> None:
        lang = current_language()
        self.title.setText(self.tr("All partners"))
        self.subtitle.setText(_small(_esc(self.tr("Choose a partner to see its overview."))))
        counts = self.repo.event_counts_by_partner()
        self.partner_list.clear()
        for partner in self.repo.partners():
            n = counts.get(partner.iso3, 0)
            events = self.tr("no events recorded") if n == 0 else self.tr("%n event(s)", "", n)
            item = QListWidgetItem(self.tr("{name} — {events}").format(name=partner.name(lang), events=events))
            item.setData(ISO_ROLE, partner.iso3)
            item.setToolTip(plain_tooltip(self.tr("Show the overview of {name}").format(name=partner.name(lang))))
            self.partner_list.addItem(item)
        rows = sum(self.partner_list.sizeHintForRow(i) for i in range(self.partner_list.count()))
        self.partner_list.setMaximumHeight(rows + 2 * self.partner_list.frameWidth() + 4)

    def _show_partner(self, partner: Partner) -> None:
        lang = current_language()
        self.title.setText(partner.name(lang))
        others = [(self.tr("English"), partner.name_en), (self.tr("Russian"), partner.name_ru),
                  (self.tr("Kazakh"), partner.name_kk)]
        self.subtitle.setText(_small(" · ".join(
            self.tr("{language}: {name}").format(language=_esc(language), name=_esc(name or self.tr("not recorded")))
            for language, name in others if name != partner.name(lang))))
        facts = self.repo.facts(partner.iso3)
        by_id = {f.id: f for f in facts}
        self.relationship.setText(self._relationship_html(facts, by_id))
        self.mechanisms_label.setText(self._mechanisms_html(partner.iso3))
        self._fill_facts([f for f in facts if f.metric not in (LEVEL, DIPLOMATIC)], by_id)

    def _metric_name(self, fact: Fact) -> str:
        return fact.metric_in(current_language())

    def _relationship_html(self, facts: list[Fact], by_id: dict[int, Fact]) -> str:
        lang = current_language()
        levels = [f for f in facts if f.metric == LEVEL and f.is_preferred is not False]
        parts = [_bold(self.tr("Level of relations"))]
        self.relationship.setToolTip(rich_tooltip(self._fact_tooltip(levels[0])) if levels else "")
        if levels:
            current, *earlier = levels  # the repository gives them newest first
            parts.append(f"<span style='font-size:large'>{_esc(current.value_in(lang))}</span>"
                         + self._marker(current, lang))
            parts.append(_esc(self.tr("since {year}").format(year=current.as_of[:4]) if current.as_of
                              else self.tr("since: not recorded")))
            if earlier:
                history = "; ".join(self.tr("{value} ({since})").format(
                    value=f.value_in(lang), since=f.as_of[:4] if f.as_of else self.tr("date not recorded"))
                    for f in earlier)
                parts.append(_small(_esc(self.tr("Earlier: {history}").format(history=history))))
        else:
            parts.append(_esc(self.tr("not recorded")))
        established = [f for f in facts if f.metric == DIPLOMATIC and f.is_preferred is not False]
        parts += ["", _bold(self.tr("Diplomatic relations established"))]
        if established:
            fact = established[0]
            parts.append(_esc(self._value(fact)) + self._other_values(fact, by_id))
            parts.append(_small(_esc(self._sources_line(fact.id))))
        else:
            parts.append(_esc(self.tr("not recorded")))
        return "<br>".join(parts)

    def _marker(self, fact: Fact, lang: str) -> str:
        """A worded value with no text recorded in the interface's language: say which language it is shown in."""
        if lang == "en" or fact.value_num is not None or fact.unit not in ("label", "list"):
            return ""
        if lang == "kk" and not fact.value_kk:
            return " " + _small(_esc(self.tr("[RU]") if fact.value_ru else self.tr("[EN]")))
        if lang == "ru" and not fact.value_ru:
            return " " + _small(_esc(self.tr("[EN]")))
        return ""

    def _mechanisms_html(self, iso3: str) -> str:
        lang = current_language()
        heading, items, notes = _bold(self.tr("Mechanisms")), [], []
        mechanisms = self.repo.mechanisms(iso3)
        for m in mechanisms:
            text, other = pick_marked(lang, m.name_en, m.name_ru, m.name_kk)
            name = _esc(text or m.name_en)
            if other is not None:
                marks = {"en": self.tr("[EN]"), "ru": self.tr("[RU]")}
                name += " " + _small(_esc(marks.get(other, f"[{other.upper()}]")))
            established = (self.tr("established {date}").format(date=format_partial_date(m.established, QLocale()))
                           if m.established else self.tr("established: not recorded"))
            note = pick(lang, m.note_en, m.note_ru)
            if note:
                notes.append(f"<b>{name}</b><br>{_esc(note)}")
            items.append(f"<tr><td>•&nbsp;</td><td>{name}<br>{_small(_esc(established))}</td></tr>")
        self.mechanisms_label.setToolTip(rich_tooltip("<br><br>".join(notes)))
        if not mechanisms:
            return heading + "<br>" + _esc(self.tr("not recorded"))
        return heading + "<table cellspacing='0' cellpadding='1'>" + "".join(items) + "</table>"

    # ------------------------------------------------------------------ key facts

    def _fill_facts(self, facts: list[Fact], by_id: dict[int, Fact]) -> None:
        for old in self.facts_box.findChildren(QLabel):
            self.facts_layout.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        shown = [f for f in facts if f.is_preferred is not False]
        shown.sort(key=lambda f: f.as_of or "", reverse=True)  # newest first, undated last
        labels = [(_bold(self.tr("Key facts")) + ("" if shown else "<br>" + _esc(self.tr("none recorded"))), "")]
        labels += [(self._fact_html(f, by_id), self._fact_tooltip(f))
                   for f in (shown if self._show_all else shown[:COMPACT_FACTS])]
        for text, tooltip in labels:
            label = self._rich_label(self.facts_box, "")
            label.setText(text)
            label.setToolTip(rich_tooltip(tooltip))
            self.facts_layout.addWidget(label)
            label.show()  # explicitly: a queued show would not resize the scroll area's content
        self.toggle.setVisible(len(shown) > COMPACT_FACTS)
        self.toggle.setText(self.tr("Show fewer facts") if self._show_all
                            else self.tr("Show all {n} facts").format(n=len(shown)))

    def _fact_html(self, fact: Fact, by_id: dict[int, Fact]) -> str:
        value = _esc(self._value(fact)) + self._marker(fact, current_language())
        as_of = (self.tr("as of {date}").format(date=format_partial_date(fact.as_of, QLocale()))
                 if fact.as_of else self.tr("date not recorded"))
        return (f"{_esc(self._metric_name(fact))}<br><b>{value}</b>{self._other_values(fact, by_id)}"
                f"<br>{_small(_esc(as_of + ' · ' + self._sources_line(fact.id)))}")

    def _other_values(self, fact: Fact, by_id: dict[int, Fact]) -> str:
        """The values the other members of a fact's conflict group give (shown beside the preferred)."""
        others = []
        for alt in self.repo.alternatives("fact", fact.id):
            other = by_id.get(alt.record_id)
            if alt.is_preferred or other is None:
                continue
            text = self._value(other)
            if other.metric != fact.metric:
                text = self.tr("{value} — {metric}").format(value=text, metric=self._metric_name(other))
            others.append(text)
        if not others:
            return ""
        return "<br>" + _small(_esc(self.tr("Other value: {values}").format(values="; ".join(others))))

    def _sources_line(self, fact_id: int) -> str:
        sources = self.repo.sources_of("fact", fact_id)
        if not sources:
            return self.tr("source not recorded")
        first = sources[0]
        line = self.tr("{publisher}, {date}").format(
            publisher=first.publisher or first.title or self.tr("unnamed source"),
            date=format_partial_date(first.published, QLocale()) if first.published else self.tr("undated"))
        if len(sources) > 1:
            line = self.tr("{source} (+{n} more)").format(source=line, n=len(sources) - 1)
        return line

    def _fact_tooltip(self, fact: Fact) -> str:
        note = pick(current_language(), fact.note_en, fact.note_ru)
        lines = [f"<b>{_esc(self._metric_name(fact))}</b>"]
        if note:
            lines.append(_esc(note))
        lines.append(_esc(self.tr("Sources:")))
        for source in self.repo.sources_of("fact", fact.id):
            date = format_partial_date(source.published, QLocale()) if source.published else self.tr("undated")
            lines.append("• " + _esc(self.tr("{publisher} ({kind}), {date}: {title}").format(
                publisher=source.publisher or self.tr("unnamed source"), kind=source_kind(source.kind), date=date,
                title=source.title or self.tr("untitled"))))
        return "<br>".join(lines)

    # ------------------------------------------------------------------ values

    def _value(self, fact: Fact) -> str:
        """A fact's value with its qualifier and unit, numbers and dates in the locale."""
        locale = QLocale()
        if fact.unit == "date":
            return format_partial_date(fact.value, locale)
        if fact.value_num is None or fact.unit == "year":
            number = fact.value_in(current_language())
        else:
            decimals = len(f"{fact.value_num:.6f}".rstrip("0").split(".")[1])
            number = locale.toString(fact.value_num, "f", decimals)
            if fact.value.startswith("+"):
                number = "+" + number
            number = {"lower_bound": self.tr("over {n}"), "approx": self.tr("about {n}"),
                      "upper_bound": self.tr("up to {n}")}.get(fact.qualifier, "{n}").format(n=number)
        if fact.unit in _PLAIN_UNITS or (fact.value_num is None and any(
                token in fact.value for token in (fact.unit or "").replace("/", " ").split())):
            return number  # no unit, or a free text that already names it ("22.8bn KZT (~51 USD m)")
        units = self._units.get(fact.metric)
        unit = (units.pick(current_language()) if units else None) or fact.unit
        return self.tr("{value} {unit}").format(value=number, unit=unit)

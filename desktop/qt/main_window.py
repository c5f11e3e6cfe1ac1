"""The main window.

This first version shows the database that is open: each partner with the number of events,
agreements, trade figures and targets it holds, and the file and record counts in the status bar.
The agreements, map and trade views are added by their own work items.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
)

from desktop import APP_NAME
from desktop.data.repository import Repository


class MainWindow(QMainWindow):
    def __init__(self, repo: Repository, notice: str | None = None):
        super().__init__()
        self.repo = repo
        self.setWindowTitle(f"{APP_NAME} — {repo.db.path.name}")
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu(self.tr("&File")).addAction(quit_action)

        self.table = QTableWidget(self)
        self.table.setObjectName("partnerSummary")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setCentralWidget(self.table)
        self._fill()

        counts = repo.counts()
        self.status_label = QLabel(
            self.tr("{path} · {agreements} agreements · {events} events · {partners} partners").format(
                path=repo.db.path, **counts)
        )
        self.statusBar().addWidget(self.status_label, 1)
        if notice:
            self.statusBar().showMessage(notice)
        self.resize(1100, 700)

    def _fill(self) -> None:
        headers = [self.tr("Partner"), self.tr("Code"), self.tr("Events"), self.tr("Agreements"),
                   self.tr("Trade figures"), self.tr("Targets")]
        rows = self.repo.db.conn.execute(
            """SELECT p.name_en, p.name_ru, p.iso3,
                      (SELECT count(*) FROM event_partners ep WHERE ep.partner_id = p.id),
                      (SELECT count(*) FROM agreement_partners ap WHERE ap.partner_id = p.id),
                      (SELECT count(*) FROM trade_figures t WHERE t.partner_id = p.id),
                      (SELECT count(*) FROM targets t WHERE t.partner_id = p.id)
               FROM partners p ORDER BY p.is_focus DESC, p.sort_order, p.name_en LIMIT 500"""
        ).fetchall()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for i, (name_en, name_ru, iso3, *numbers) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(f"{name_en} / {name_ru}"))
            self.table.setItem(i, 1, QTableWidgetItem(iso3))
            for j, n in enumerate(numbers, start=2):
                item = QTableWidgetItem(str(n))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)

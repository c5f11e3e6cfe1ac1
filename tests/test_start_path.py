"""The window's first frame stays lean: Qt's enum namespace and the style's icons wait until after the
first paint (see desktop/qt/lazyqt.py), and what is left for later is there once the window completes."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.qt import lazyqt

ROOT = Path(__file__).resolve().parents[1]

# A child process (the enums must not exist yet when it starts): records the qualified name of every
# Python enum PySide6 builds, and prints those built before the window's first paint and after it.
CHILD = textwrap.dedent("""
    import enum, gc, os, sys
    built = []
    original = enum.EnumType._create_

    def _create_(cls, *args, **kwargs):
        made = original(cls, *args, **kwargs)
        built.append(made.__qualname__)
        return made

    enum.EnumType._create_ = _create_
    from desktop.startup import prepare_start
    prepare_start()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from tests.benchmarks.bare_window import FirstPaint
    from desktop.app import start

    app = QApplication([])
    window, opened = start(app, sys.argv[1], "en", remember=False)
    before, collecting, first_icons = [], [not gc.isenabled()], {}

    def icon_keys():
        return {s.id: window.action_table[s.id].icon().cacheKey() for s in window.action_table.specs if s.icon}

    def painted():
        before.extend(built)
        first_icons.update(icon_keys())
        QTimer.singleShot(0, later)

    def later():
        window.complete()
        collecting.append(gc.isenabled())
        collecting.append(window.findChild(QTimer, "uiThreadCollector") is not None)
        toolbar = window.action_table.toolbar
        print("BEFORE", " ".join(before))
        print("AFTER", " ".join(built[len(before):]))
        print("GC", *collecting)
        print("STYLE", int(toolbar.toolButtonStyle().value))
        icons = icon_keys()  # the blank stand-ins of the first frame, then the style's icons
        print("ICONS", sum(icons[k] != first_icons[k] and not window.action_table[k].icon().isNull() for k in icons),
              len(icons), len(set(first_icons.values())))
        print("HEADER", window.agreements.table.model() is window.agreements.model,
              window.agreements.table.horizontalHeader().sortIndicatorSection())
        window.search.shutdown()
        sys.stdout.flush()
        os._exit(0)

    FirstPaint(window, painted)
    window.show()
    app.exec()
""")


@pytest.fixture(scope="module")
def child_output(tmp_path_factory):
    from desktop.paths import bundled_database

    home = tmp_path_factory.mktemp("start-path")
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "PARTNERSHIP_ATLAS_DATA_DIR": str(home / "data"), "PARTNERSHIP_ATLAS_CONFIG_DIR": str(home / "config"),
           "HOME": str(home), "LANG": "C.UTF-8"}
    db = home / "atlas.sqlite"
    db.write_bytes(bundled_database().read_bytes())
    out = subprocess.run([sys.executable, "-c", CHILD, str(db)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    lines = dict(line.split(" ", 1) if " " in line else (line, "") for line in out.stdout.splitlines())
    assert "BEFORE" in lines, out.stdout + out.stderr
    return {key: value.split() for key, value in lines.items()}


def test_the_first_frame_builds_no_enum_of_the_qt_namespace(child_output):
    before, after = child_output["BEFORE"], child_output["AFTER"]
    assert before, "the hook saw no enum at all: the check would pass for nothing"
    # (PySide6 names them without their class: these names belong to the Qt namespace and to QStyle only)
    qt_namespace, style = {"GlobalColor", "ItemDataRole", "AlignmentFlag", "ToolButtonStyle"}, {"StandardPixmap"}
    assert not (qt_namespace | style) & set(before)
    # once the window completes, code that needs them builds them as usual
    assert qt_namespace | style <= set(after)


def test_what_the_first_frame_leaves_out_is_there_after_it(child_output):
    # paused during the start; after it, collected by the window's thread only (desktop.startup.UiThreadCollector)
    assert child_output["GC"] == ["True", "False", "True"]
    assert child_output["STYLE"] == ["2"]  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    with_icons, declared, first_frame_icons = map(int, child_output["ICONS"])
    assert declared > 5 and with_icons == declared and first_frame_icons == 1
    assert child_output["HEADER"] == ["True", "0"]  # the real model, sorted by date


def test_the_plain_numbers_match_qts_enums():
    from PySide6.QtCore import Qt

    assert lazyqt.DISPLAY_ROLE == Qt.ItemDataRole.DisplayRole.value
    assert lazyqt.TOOLTIP_ROLE == Qt.ItemDataRole.ToolTipRole.value
    assert lazyqt.TEXT_ALIGNMENT_ROLE == Qt.ItemDataRole.TextAlignmentRole.value
    assert lazyqt.USER_ROLE == Qt.ItemDataRole.UserRole.value
    assert lazyqt.ALIGN_RIGHT_VCENTER == (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
    assert lazyqt.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    assert lazyqt.VERTICAL == Qt.Orientation.Vertical.value
    assert lazyqt.TOOL_BUTTON_TEXT_BESIDE_ICON == Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value
    assert lazyqt.Qt.Orientation is Qt.Orientation  # the stand-in hands out the real thing


def test_splitters_and_the_empty_label_get_their_settings(qtbot, repo, translator):
    from PySide6.QtCore import Qt

    from desktop.app import build_window

    w = build_window(repo, translator=translator)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.is_complete() and w.agreements.is_settled(), timeout=10_000)
    assert w.sidebar.orientation() == Qt.Orientation.Vertical
    assert w.splitter.orientation() == Qt.Orientation.Horizontal
    assert w.agreements.splitter.orientation() == Qt.Orientation.Vertical
    assert w.agreements.empty_label.alignment() == Qt.AlignmentFlag.AlignCenter
    w.agreements.search.shutdown()

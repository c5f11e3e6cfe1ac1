"""Changes announce their kinds by the Kind enum (issue 21, item 9): a change set of an unknown kind is refused
when it is made, and the views ask by the enum's members, never by a word a typo would turn into "nothing
changed" (``touches("agrement")`` is silently false)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.core.edits import Changes, Kind

ROOT = Path(__file__).resolve().parent.parent


def _calls(path: Path) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path)))
            if isinstance(node, ast.Call)]


def _qt_layer() -> list[Path]:
    return sorted((ROOT / "desktop" / "qt").rglob("*.py")) + [ROOT / "desktop" / "app.py"]


def test_changes_of_an_unknown_kind_are_refused():
    with pytest.raises(ValueError, match="agrement"):
        Changes({"agrement": frozenset({1})})  # type: ignore[dict-item]


def test_changes_are_keyed_by_the_enum():
    changes = Changes({Kind.AGREEMENT: frozenset({7})})
    assert changes.touches(Kind.AGREEMENT) and not changes.touches(Kind.EVENT)
    assert all(isinstance(kind, Kind) for kind in changes.ids)
    assert set(Changes.everything().ids) == set(Kind)


def test_the_views_ask_which_kinds_changed_by_the_enum():
    asked, by_word = 0, []
    for path in _qt_layer():
        for call in _calls(path):
            if isinstance(call.func, ast.Attribute) and call.func.attr == "touches":
                asked += 1
                if not all(isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name)
                           and arg.value.id == "Kind" for arg in call.args):
                    by_word.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert asked >= 6  # the agreements, events, map, trade and overview views and the window ask
    assert not by_word, "touches() takes Kind members: " + ", ".join(by_word)


def test_the_qt_layer_makes_no_changes_but_everything():
    """The window announces only what the data layer returned, or that everything changed (a restore)."""
    made = [f"{path.relative_to(ROOT)}:{call.lineno}" for path in _qt_layer() for call in _calls(path)
            if isinstance(call.func, ast.Name) and call.func.id == "Changes"]
    assert not made, "Changes made in the Qt layer (use Changes.everything() or the data layer's): " + ", ".join(made)

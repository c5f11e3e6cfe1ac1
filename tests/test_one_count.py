"""Issue 18, item 7: the status bar, the table, the events list and the partner list count the same
records (those no conflict sets aside), and say how many other sources' versions there are besides."""
from __future__ import annotations

from desktop.data.agreements import AgreementQuery


def _numbers(repo) -> dict[str, int]:
    conn = repo.db.conn

    def other(kind: str) -> int:
        return conn.execute("SELECT count(*) FROM conflict_members WHERE record_type = ? AND is_preferred = 0",
                            (kind,)).fetchone()[0]

    return {"agreements": conn.execute("SELECT count(*) FROM agreements").fetchone()[0] - other("agreement"),
            "agreements_other": other("agreement"),
            "events": conn.execute("SELECT count(*) FROM events").fetchone()[0] - other("event"),
            "events_other": other("event")}


def test_the_counts_are_the_tables_and_the_lists(repo):
    n = _numbers(repo)
    assert n["agreements_other"] > 0 and n["events_other"] > 0, "the bundled data has conflicts of both kinds"
    counts = repo.counts()
    assert counts["agreements"] == n["agreements"] == repo.agreements.count(AgreementQuery())
    assert counts["events"] == n["events"] == repo.event_count()
    assert counts["agreements_other"] == n["agreements_other"] and counts["events_other"] == n["events_other"]
    # a partner's events in the partner list are counted the same way
    assert sum(repo.event_counts_by_partner().values()) >= counts["events"]


def test_status_bar_table_and_events_list_say_the_same_numbers(qtbot, open_window, repo):
    window = open_window(size=(1400, 900))
    n = _numbers(repo)
    qtbot.waitUntil(lambda: " agreements" in window.status_label.text(), timeout=10_000)
    status = window.status_label.text()
    assert f"{n['agreements']} agreements (+{n['agreements_other']} other sources' versions)" in status
    assert f"{n['events']} events (+{n['events_other']} other sources' versions)" in status
    qtbot.waitUntil(lambda: window.agreements.count_label.text() != "", timeout=10_000)
    assert window.agreements.count_label.text() == (
        f"{n['agreements']} of {n['agreements']} agreements (+{n['agreements_other']} other sources' versions)")
    header = window.events.header.text()
    assert header == f"Events of all partners: {n['events']} (+{n['events_other']} other sources' versions)"

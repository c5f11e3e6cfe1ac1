"""A running search can be interrupted from another thread and the connection stays usable."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from desktop.data.agreements import AgreementQuery, AgreementSearch
from desktop.data.database import Cancelled, open_database
from tests.synthetic import generate


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("syn") / "syn.sqlite", 20_000, seed=7)


def test_interrupt_cancels_a_running_query(synthetic_db: Path):
    db = open_database(synthetic_db)
    search = AgreementSearch(db)
    slow = AgreementQuery(sort="partner")  # a correlated sort key over every row: runs a while
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            for _ in range(50):  # long enough to be caught running
                search.page(slow, None, 10_000)
            outcome["result"] = "finished"
        except Cancelled as exc:
            outcome["result"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(0.05)
    started = time.perf_counter()
    while worker.is_alive() and time.perf_counter() - started < 5:
        db.interrupt()
        worker.join(0.002)
    worker.join(5)
    assert isinstance(outcome.get("result"), Cancelled)
    assert "cancelled" in str(outcome["result"])
    # the same connection answers the next query normally
    assert search.count(AgreementQuery()) == 20_000 - db.conn.execute(
        "SELECT count(*) FROM conflict_members WHERE record_type = 'agreement' AND is_preferred = 0").fetchone()[0]
    db.close()

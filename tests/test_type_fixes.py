"""Faults the type checker found (issue 21, item 6): each as the user would meet it."""
from __future__ import annotations


def _add_target(repo, **values) -> None:
    """A Türkiye trade turnover target with ``values``, written into the database copy."""
    conn = repo.db.conn
    partner_id = conn.execute("SELECT id FROM partners WHERE iso3 = 'TUR'").fetchone()[0]
    columns = {"uid": "tg_type_fix", "partner_id": partner_id, "metric": "trade_turnover", "stated_on": "2030-01-01",
               "stated_by_en": "A minister", **values}
    with conn:
        conn.execute(f"INSERT INTO targets ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     tuple(columns.values()))


def test_an_increase_with_a_multiplier_and_no_amount_is_listed_beside_the_chart(trade, repo, selection):
    """An "increase" the form accepts with a multiplier and no amount (one of the two is required) cannot be
    worked out: the list beside the chart says so instead of failing on the missing value."""
    _add_target(repo, kind="increase", multiplier=2.0, base_year=2022)
    selection.select_partner("TUR")
    text = trade.targets_text.text()
    assert "+amount not recorded over 2022 ($6.3 bn → ?)" in text


def test_a_multiple_with_an_amount_and_no_multiplier_is_listed_beside_the_chart(trade, repo, selection):
    _add_target(repo, kind="multiple", value_usd_m=500.0, base_year=2022)
    selection.select_partner("TUR")
    assert "×? of 2022 ($6.3 bn → ?)" in trade.targets_text.text()

"""The derived search structures (FTS5 index, term list, narrow key table) follow every write."""
from __future__ import annotations

from desktop.core.text import COUNTRY_TERM_PREFIX
from desktop.data.agreements import AgreementQuery


def _keys_match(conn) -> None:
    mirror = conn.execute(
        "SELECT id, date_signed, doc_type, level, status, doc_count, event_id, hidden FROM agreement_keys ORDER BY id"
    ).fetchall()
    expected = conn.execute(
        """SELECT a.id, a.date_signed, a.doc_type, a.level, a.status, a.doc_count, a.event_id,
                  EXISTS (SELECT 1 FROM conflict_members cm WHERE cm.record_type = 'agreement'
                          AND cm.record_id = a.id AND cm.is_preferred = 0)
           FROM agreements a ORDER BY a.id"""
    ).fetchall()
    assert mirror == expected
    assert conn.execute("SELECT count(*) FROM agreements_fts").fetchone()[0] == len(expected)
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, agreements_fts, 'row')")
    # (country terms come from the partner links, not from the text: search_terms holds the text's terms)
    index_terms = dict(conn.execute("SELECT term, doc FROM temp.vocab WHERE term NOT LIKE ?",
                                    (COUNTRY_TERM_PREFIX + "%",)).fetchall())
    counted = dict(conn.execute("SELECT term, docs FROM search_terms WHERE docs > 0").fetchall())
    assert counted == index_terms, "search_terms.docs must equal each term's document count"


def test_keys_and_index_follow_writes(repo):
    conn = repo.db.conn
    _keys_match(conn)
    with repo.db.transaction():
        conn.execute("UPDATE agreements SET date_signed = '2001-02-03', status = 'unknown', doc_count = 3, "
                     "title_en = 'Zebrafish aquaculture memorandum' WHERE id = 1")
    _keys_match(conn)
    assert repo.agreements.search(AgreementQuery(text="zebrafish")).ids == [1]
    assert repo.agreements.search(AgreementQuery(text="zebraf")).ids == [1]

    event_id = conn.execute("SELECT event_id FROM agreements WHERE event_id IS NOT NULL LIMIT 1").fetchone()[0]
    with repo.db.transaction():
        conn.execute("DELETE FROM events WHERE id = ?", (event_id,))  # agreements keep existing, event_id -> NULL
    _keys_match(conn)

    group = conn.execute("SELECT group_id, record_id FROM conflict_members WHERE record_type = 'agreement' "
                         "AND is_preferred = 0 LIMIT 1").fetchone()
    hidden_before = repo.agreements.count(AgreementQuery())
    with repo.db.transaction():
        conn.execute("DELETE FROM conflict_groups WHERE id = ?", (group[0],))  # cascades to its members
    _keys_match(conn)
    assert repo.agreements.count(AgreementQuery()) > hidden_before

    with repo.db.transaction():
        conn.execute("DELETE FROM agreements WHERE id = 1")
    _keys_match(conn)
    assert repo.agreements.search(AgreementQuery(text="zebrafish")).total == 0


def test_failed_write_leaves_index_and_keys_unchanged(repo):
    conn = repo.db.conn
    before = conn.execute("SELECT count(*) FROM agreement_keys").fetchone()[0]
    try:
        with repo.db.transaction():
            conn.execute("INSERT INTO agreements (uid, title_en, doc_type, status) VALUES "
                         "('new_one', 'Quokka treaty', 'treaty', 'signed')")
            conn.execute("INSERT INTO agreements (uid, title_en, doc_type, status) VALUES "
                         "('new_one', 'duplicate uid', 'treaty', 'signed')")
    except Exception:
        pass
    assert conn.execute("SELECT count(*) FROM agreement_keys").fetchone()[0] == before
    assert repo.agreements.search(AgreementQuery(text="quokka")).total == 0
    _keys_match(conn)

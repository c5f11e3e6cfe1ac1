"""The team server and the laptops' sync with it (PostgreSQL through psycopg 3): desktop.sync.server holds the
server's schema and SQL, desktop.sync.engine one sync of a laptop (pull, push, conflicts), desktop.sync.cli the
commands. The laptop's own half (its SQLite tables) is desktop.data.syncstate."""

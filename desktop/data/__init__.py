"""The SQLite layer: opening, migrations, the seed build, repositories and search. No Qt."""

"""Fact sheets: a partner's brief drawn as a PDF or printed, the File → Fact Sheet… dialog and the
`partnership-atlas factsheet` command."""

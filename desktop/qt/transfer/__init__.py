"""Files in and out: export, import with its preview, backup and restore (transfer), and the import template
dialog."""

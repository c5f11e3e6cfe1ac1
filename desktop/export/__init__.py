"""Files in and out, in pure Python (no Qt): exports (CSV, XLSX, JSON, GeoJSON), imports with their
preview, UN Comtrade files, and the command-line entry points for them."""

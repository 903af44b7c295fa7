"""One reader per input format. Each takes bytes (and a source name) and returns text plus metadata."""

"""Exports: a Document as JSON, and the human-readable report."""

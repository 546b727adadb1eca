"""Exports: a Document as JSON and the text report; stored claims as JSON,
JSON Lines, CSV, GeoJSON and ClaimReview JSON-LD."""

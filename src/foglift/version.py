"""foglift's version, importable from any layer (the run ledger records it)."""

__version__ = "0.1.0"

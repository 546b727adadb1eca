"""Running a corpus: the per-batch work, the executors that run it, the ledger."""

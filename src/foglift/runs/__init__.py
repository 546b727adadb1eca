"""Running a corpus: read inputs, run the stages, write the store; link; verify.

The one place that joins the stages to the store. ``process`` is the pure
per-document work (no store), ``ingest`` the serial loop that batches inputs,
processes them and writes each batch in one transaction; ``link`` and
``verify`` run those stages over the stored claims; ``track`` reads claimants'
track records from the verdicts. ``plan`` cuts a run into keyed batches that
``executors`` run in this process, on local worker processes or on a Dask
cluster, and ``ledger`` records each finished batch so a rerun skips it. The
CLI, the dashboard and the executors share these functions.
"""

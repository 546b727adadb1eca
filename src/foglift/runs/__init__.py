"""Running a corpus: read inputs, run the stages, write the store; link; verify.

The one place that joins the stages to the store. ``process`` is the pure
per-document work (no store), ``ingest`` the serial loop that batches inputs,
processes them and writes each batch in one transaction; ``link`` and
``verify`` run those stages over the stored claims; ``track`` reads claimants'
track records from the verdicts. The CLI, the dashboard and any executor that
spreads the work over processes or machines share these functions.
"""

"""The Dask worker plugin that loads foglift's reference data once per worker.

Imported only when a run uses Dask (``foglift[dask]``).
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin


class LoadReferenceData(WorkerPlugin):
    """Load what every batch needs when a worker starts: the gazetteer index,
    the lexicons, the pymorphy3 analysers.

    They stay in the worker process's module caches (the index keyed by its
    content fingerprint), so tasks carry only documents.
    """

    name = "foglift-reference-data"
    idempotent = True

    def setup(self, worker: Any) -> None:
        from foglift.runs.executors import warm_reference_data

        warm_reference_data()

"""``verify`` with its checks on Dask workers: the serial run's verdicts, and
the maps read once per worker, never sent with a task."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from sqlalchemy import select

from foglift.runs.executors import local_executor
from foglift.runs.verify import SharedEvidence, evidence_from_paths, verify_store
from foglift.store import Store, open_store
from foglift.store.schema import verdicts
from foglift.verify import MapSettings, read_control_maps
from tests.verify.corpus import ingest_with_maps, write_maps

WHO_RAN_IT = {"id", "run_id", "created_at"}


def _verdicts(store: Store) -> list[tuple[Any, ...]]:
    columns = [c for c in verdicts.columns if c.name not in WHO_RAN_IT]
    with store.engine.connect() as conn:
        return sorted(tuple(map(repr, r)) for r in conn.execute(select(*columns)))


def _corpus(db: str, tmp_path: Path) -> tuple[Store, Path]:
    store = open_store(db)
    return store, ingest_with_maps(store, tmp_path)


def test_verify_on_workers_writes_the_serial_verdicts(
    db_url: str, tmp_path: Path
) -> None:
    store, maps_dir = _corpus(db_url, tmp_path)
    try:
        maps = read_control_maps(maps_dir)
        serial = verify_store(store, maps)
        expected = _verdicts(store)
        assert serial.written > 0
        evidence = SharedEvidence(maps, MapSettings(), None, str(maps_dir))
        executor = local_executor(2, processes=False)
        try:
            again = verify_store(
                store, maps, executor=executor, shared_evidence=evidence
            )
        finally:
            executor.close()
        assert again.counts() == {
            **serial.counts(),
            "verdicts_replaced": serial.written,
        }
        assert _verdicts(store) == expected
    finally:
        store.close()


def test_evidence_travels_as_paths_and_is_read_once_per_process(
    tmp_path: Path,
) -> None:
    maps_dir = write_maps(tmp_path / "maps", {"Toretsk": (48.4, 37.85)})
    maps = read_control_maps(maps_dir)
    evidence = SharedEvidence(maps, MapSettings(), None, str(maps_dir))
    whole = len(pickle.dumps(maps))
    shipped = pickle.dumps(evidence)
    assert len(shipped) < whole  # the polygons stay behind
    first, second = pickle.loads(shipped), pickle.loads(shipped)
    assert first.maps is second.maps is not None  # one read per process
    assert [f.path for f in first.maps.files()] == [f.path for f in maps.files()]
    (maps_dir / "late.txt").write_text("a new file in the folder", "utf-8")
    assert pickle.loads(shipped).maps is not first.maps  # changed: read again
    in_memory = SharedEvidence(maps, MapSettings())
    assert pickle.loads(pickle.dumps(in_memory)).maps is not None  # travels whole
    assert evidence_from_paths(None, None, MapSettings(), None).maps is None

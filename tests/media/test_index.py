"""The near-duplicate index returns exactly the stored hashes within d."""

from __future__ import annotations

import numpy as np

from foglift.media.cluster import judge
from foglift.media.hashing import hamming
from foglift.media.index import HashIndex


def flip(value: bytes, bits: list[int]) -> bytes:
    number = int.from_bytes(value, "big")
    for bit in bits:
        number ^= 1 << bit
    return number.to_bytes(32, "big")


def test_search_agrees_with_brute_force() -> None:
    rng = np.random.default_rng(3)
    stored = [rng.bytes(32) for _ in range(70_000)]  # more than two blocks
    queries = [stored[5], stored[40_000], rng.bytes(32)]
    stored[69_999] = flip(stored[40_000], list(range(0, 200, 10)))  # 20 bits off
    stored[12] = flip(stored[5], list(range(40)))  # 40 bits off: too far
    index = HashIndex()
    index.add(stored, range(len(stored)))
    hits = index.search(queries, 31)
    expected = sorted(
        (q, r, hamming(query, value))
        for q, query in enumerate(queries)
        for r, value in enumerate(stored)
        if hamming(query, value) <= 31
    )
    assert sorted((h.query, h.row, h.distance) for h in hits) == expected
    assert (1, 69_999, 20) in expected and not any(r == 12 for _, r, _ in expected)


def test_every_bit_different_is_distance_256_not_0() -> None:
    index = HashIndex()
    index.add([b"\xff" * 32], [1])
    assert index.search([b"\x00" * 32], 31) == []
    assert index.search([b"\x00" * 32], 256)[0].distance == 256


def test_low_quality_hashes_are_kept_but_never_matched() -> None:
    index = HashIndex()
    value = bytes(range(32))
    index.add([value, value], [1, 2], matchable=[False, True])
    assert [index.payload(h.row) for h in index.search([value], 0)] == [2]
    assert len(index) == 2


def test_a_clip_inside_a_longer_video_matches_but_one_shared_frame_does_not() -> None:
    # query frames 0-3 all find frames of media 7 (40 frames); one of media 9's
    pairs = [(0, 7, 10, 4), (1, 7, 11, 6), (2, 7, 12, 2), (3, 7, 13, 8), (2, 9, 0, 9)]
    found = judge(pairs, 4, {7: 40, 9: 30}, 0.5)
    assert [m.other for m in found] == [7]
    assert found[0].query_matched == 4 and found[0].best_distance == 2
    # a still (one frame) inside a video matches it
    assert [m.other for m in judge([(0, 9, 5, 12)], 1, {9: 30}, 0.5)] == [9]

"""When two media files are one footage, and why.

Two stills match when their PDQ hashes are within ``media_pdq_distance``. A
video is a set of frame hashes: two media match when enough of the shorter
one's distinct frames find a partner in the other (``media_video_match_share``)
— a clip cut from a longer video matches it with nearly all its frames, while
two videos that share one title card do not. A still matches a video that
holds it. Low-quality hashes (flat frames) never count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FramePair:
    query_position: int
    other_position: int
    distance: int


@dataclass(frozen=True, slots=True)
class MediaMatch:
    """Why one media file matches another: frames matched on each side."""

    other: int  # the other media's key
    query_matched: int
    query_frames: int
    other_matched: int
    other_frames: int
    best_distance: int
    pairs: tuple[FramePair, ...]  # the closest pair per query frame

    @property
    def share(self) -> float:
        """The larger of the two sides' shares of frames matched."""
        return max(
            self.query_matched / max(self.query_frames, 1),
            self.other_matched / max(self.other_frames, 1),
        )


def judge(
    pairs: Iterable[tuple[int, int, int, int]],
    query_frames: int,
    frames_of: dict[int, int],
    min_share: float,
) -> list[MediaMatch]:
    """The media matched by frame pairs ``(query_position, other_media,
    other_position, distance)``; ``frames_of`` counts each media's matchable
    frames. Best first."""
    by_media: dict[int, list[FramePair]] = defaultdict(list)
    for q_pos, media, o_pos, distance in pairs:
        by_media[media].append(FramePair(q_pos, o_pos, distance))
    found = []
    for media, found_pairs in by_media.items():
        query_matched = len({p.query_position for p in found_pairs})
        other_matched = len({p.other_position for p in found_pairs})
        best: dict[int, FramePair] = {}
        for p in found_pairs:
            if (
                p.query_position not in best
                or p.distance < best[p.query_position].distance
            ):
                best[p.query_position] = p
        match = MediaMatch(
            other=media,
            query_matched=query_matched,
            query_frames=query_frames,
            other_matched=other_matched,
            other_frames=frames_of.get(media, 1),
            best_distance=min(p.distance for p in found_pairs),
            pairs=tuple(sorted(best.values(), key=lambda p: p.query_position)),
        )
        if match.share >= min_share:
            found.append(match)
    found.sort(key=lambda m: (-m.share, m.best_distance, m.other))
    return found

"""Whether one source can independently confirm another's claim."""

from __future__ import annotations

from foglift.model import Claimant
from foglift.sources import Registry


def owner_of(claimant: Claimant, registry: Registry) -> str | None:
    source = registry.sources.get(claimant.registry_id or "")
    return source.owner if source else None


def same_side(a: Claimant, b: Claimant) -> bool:
    """Both serve the same belligerent (an independent source serves neither)."""
    return a.side == b.side and a.side in ("russia", "ukraine")


def is_independent(confirmer: Claimant, claimant: Claimant, registry: Registry) -> bool:
    """True only when nothing known ties ``confirmer`` to ``claimant``.

    Unknown is not independent: an unidentified channel may well be the
    claimant's own outlet, so it never counts as an independent confirmation.
    """
    if confirmer.registry_id and confirmer.registry_id == claimant.registry_id:
        return False
    owner_a, owner_b = owner_of(confirmer, registry), owner_of(claimant, registry)
    if owner_a and owner_a == owner_b:
        return False
    if same_side(confirmer, claimant):
        return False
    return confirmer.side != "unknown"

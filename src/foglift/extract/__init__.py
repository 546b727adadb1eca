"""Extract stage: sentences, claimants, places, numbers, times, then claims."""

from __future__ import annotations

from dataclasses import replace

from foglift.extract.claimants import find_claimants
from foglift.extract.claims import (
    Context,
    assemble_claims,
    find_author,
    resolve_days,
)
from foglift.extract.lexicon import load_lexicon
from foglift.extract.places import find_place_candidates
from foglift.extract.quantities import find_quantities
from foglift.extract.reactions import attach_reactions
from foglift.extract.sentences import split_sentences
from foglift.extract.times import find_time_expressions
from foglift.model import Document
from foglift.sources import load_registry

__all__ = ["extract"]


def extract(doc: Document, sources_file: str | None = None) -> Document:
    """Requires normalised text; assigns sentences, claimants, places, claims."""
    lex = load_lexicon(doc.lang)
    registry = load_registry(sources_file)
    text = doc.text
    sentences = split_sentences(text, doc.lang)
    claimants = find_claimants(text, lex, registry)
    places = find_place_candidates(text, lex, [(c.start, c.end) for c in claimants])
    paragraph_of: list[int] = []
    paragraph = 0
    for n, s in enumerate(sentences):
        if n and "\n\n" in text[sentences[n - 1].end : s.start]:
            paragraph += 1
        paragraph_of.append(paragraph)
    ctx = Context(
        text=text,
        lex=lex,
        published=doc.published,
        sentences=sentences,
        paragraph_of=paragraph_of,
        claimants=claimants,
        places=places,
        quantities=find_quantities(text, lex),
        times=find_time_expressions(text, lex),
        days={},
    )
    resolve_days(ctx)
    ctx.author = find_author(ctx)
    claims, used_cues = assemble_claims(ctx)
    claims = attach_reactions(ctx, claims, used_cues)
    return replace(
        doc,
        sentences=sentences,
        claimants=claimants,
        places=places,
        claims=tuple(claims),
        stages=(*doc.stages, "extract"),
    )

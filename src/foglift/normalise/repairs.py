"""Text repairs, each recorded so a reader can see and replay what changed.

Two passes: ftfy repairs mojibake line by line, then one regular-expression
pass handles entities, escaped newlines, quotes, spaces and control characters.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from foglift.model import Repair
from foglift.normalise.edits import Edit, apply_edits

# The literal "nn" (or "n", "rn") left where "\n\n" lost its backslashes: only
# between a sentence's closing punctuation and a capital, so "Finnish", "Penn",
# "inn." and "annex" are never touched.
_SENTENCE_END = r"[.!?…\"”’»)\]]"
_CAPITAL = r"[A-ZА-ЯЁІЇЄҐ\"“‘«]"

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("edge_space", r"\A\s+|\s+\Z"),
    ("escape_literal", r"\\r\\n|\\n|\\r"),
    ("escape_lost", rf"(?<={_SENTENCE_END})(?:(?:rn){{1,2}}|nn|n)(?={_CAPITAL})"),
    ("entity", r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
    ("line_end", r"\r\n?"),
    ("trailing", r"[ \t\u00a0]+(?=\n)"),
    ("blank_lines", r"\n{3,}"),
    ("single_quote", r"[‘’‚‛ʼ`´′ʹ]"),
    ("double_quote", r"[“”„‟″]"),
    ("invisible", r"[\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad]"),
    # Joiners bind emoji and Arabic-script letters; beside a Latin or Cyrillic
    # letter they are stray marks that split words and lists ("and \u200dX").
    (
        "stray_joiner",
        r"[\u200c\u200d](?=[A-Za-zА-Яа-яЁёІіЇїЄєҐґ])"
        r"|(?<=[A-Za-zА-Яа-яЁёІіЇїЄєҐґ])[\u200c\u200d]",
    ),
    # A Markdown link in a post ("[ударили](https://t.me/...)") keeps its words;
    # the brackets and the address between a verb and its object go.
    ("link", r"\[(?P<link_text>[^\[\]\n]{1,200})\]\((?:https?|tg)://[^()\s]{1,500}\)"),
    ("control", r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"),
    ("space_run", r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}"),
    ("space_odd", r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"),
)
_REPAIR_RE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS))

_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛ʼ`´′ʹ", "'") | dict.fromkeys("“”„‟″", '"'))


def _is_letter(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and text[pos].isalpha()


def _regex_edits(text: str) -> Iterator[Edit]:
    for m in _REPAIR_RE.finditer(text):
        kind, found = m.lastgroup, m.group()
        if kind == "edge_space":
            yield Edit(m.start(), m.end(), "", "space.trimmed")
        elif kind == "escape_literal":
            yield Edit(m.start(), m.end(), "\n", "escape.literal_newline")
        elif kind == "escape_lost":
            lines = found.count("rn") if "r" in found else found.count("n")
            after = "\n" * lines
            yield Edit(m.start(), m.end(), after, "escape.lost_backslash")
        elif kind == "entity":
            after = html.unescape(found).translate(_QUOTES)
            if after != found:
                yield Edit(m.start(), m.end(), after, "html.entity")
        elif kind == "line_end":
            yield Edit(m.start(), m.end(), "\n", "space.line_end")
        elif kind == "trailing":
            yield Edit(m.start(), m.end(), "", "space.trailing")
        elif kind == "blank_lines":
            yield Edit(m.start(), m.end(), "\n\n", "space.blank_lines")
        elif kind == "single_quote":
            between = _is_letter(text, m.start() - 1) and _is_letter(text, m.end())
            code = "quote.apostrophe" if between else "quote.single"
            yield Edit(m.start(), m.end(), "'", code)
        elif kind == "double_quote":
            yield Edit(m.start(), m.end(), '"', "quote.double")
        elif kind in ("invisible", "stray_joiner"):
            yield Edit(m.start(), m.end(), "", "control.invisible")
        elif kind == "link":
            yield Edit(m.start(), m.start("link_text"), "", "markup.link")
            yield Edit(m.end("link_text"), m.end(), "", "markup.link")
        elif kind == "control":
            yield Edit(m.start(), m.end(), "", "control.removed")
        elif kind in ("space_run", "space_odd") and found != " ":
            yield Edit(m.start(), m.end(), " ", "space.collapsed")


def _unicode_edits(text: str) -> Iterator[Edit]:
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        explain=False,
    )
    if ftfy.fix_text(text, config) == text:
        return
    offset = 0
    for line in text.splitlines(keepends=True):
        fixed = ftfy.fix_text(line, config)
        if fixed != line:
            # Trim the common prefix and suffix so the repair covers only the change.
            head = 0
            while head < min(len(line), len(fixed)) and line[head] == fixed[head]:
                head += 1
            tail = 0
            while (
                tail < min(len(line), len(fixed)) - head
                and line[-1 - tail] == fixed[-1 - tail]
            ):
                tail += 1
            yield Edit(
                offset + head,
                offset + len(line) - tail,
                fixed[head : len(fixed) - tail],
                "unicode.fixed",
            )
        offset += len(line)


def repair_text(raw: str) -> tuple[str, tuple[Repair, ...]]:
    """Return the normalised text and every repair made to reach it."""
    first, first_map = apply_edits(raw, _unicode_edits(raw))
    text, second_map = apply_edits(first, _regex_edits(first))
    repairs = [
        Repair(
            code=a.code,
            start=second_map.forward(a.out_start),
            end=second_map.forward(a.out_end),
            source_start=a.in_start,
            before=a.before,
            after=a.after,
        )
        for a in first_map.applied
    ]
    repairs += [
        Repair(
            code=a.code,
            start=a.out_start,
            end=a.out_end,
            source_start=first_map.back(a.in_start),
            before=a.before,
            after=a.after,
        )
        for a in second_map.applied
    ]
    repairs.sort(key=lambda r: (r.start, r.source_start))
    return text, tuple(repairs)

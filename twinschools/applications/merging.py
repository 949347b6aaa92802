"""Three-way merge of a part's text, line by line (merge3, the algorithm of bzr and Breezy).

Lines are the unit: two people changing different paragraphs merge; two people
changing the same paragraph conflict, and then nothing is merged automatically.
"""

from __future__ import annotations

from typing import Any

import merge3


def normalise(text: str) -> str:
    """Browsers send CRLF from a textarea; history and merges work on LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _lines(text: str) -> list[str]:
    # A last line without its newline would differ from the same line with one.
    return (text if text.endswith("\n") or not text else text + "\n").splitlines(keepends=True)


def merge(base: str, mine: str, theirs: str) -> str | None:
    """The merged text, or None when both changed the same lines differently."""
    merger = merge3.Merge3(_lines(base), _lines(mine), _lines(theirs))
    if any(region[0] == "conflict" for region in merger.merge_regions()):
        return None
    merged = "".join(merger.merge_lines())
    ends_open = not (mine.endswith("\n") or theirs.endswith("\n"))
    return merged[:-1] if ends_open and merged.endswith("\n") else merged


def keep_both(base: str, mine: str, theirs: str) -> str:
    """Both versions in one text: what merges cleanly once, and where both changed the same
    lines, the saved version's lines followed by the other version's, so no words are lost."""
    merger = merge3.Merge3(_lines(base), _lines(mine), _lines(theirs))
    lines: list[str] = []
    for found in merger.merge_regions():
        region: tuple[Any, ...] = tuple(found)
        kind = region[0]
        if kind == "unchanged":
            lines += merger.base[region[1] : region[2]]
        elif kind in ("a", "same"):
            lines += merger.a[region[1] : region[2]]
        elif kind == "b":
            lines += merger.b[region[1] : region[2]]
        else:  # conflict: (kind, base start, base end, mine start, mine end, theirs start, theirs end)
            lines += list(merger.b[region[5] : region[6]]) + list(merger.a[region[3] : region[4]])
    merged = "".join(lines)
    ends_open = not (mine.endswith("\n") or theirs.endswith("\n"))
    return merged[:-1] if ends_open and merged.endswith("\n") else merged

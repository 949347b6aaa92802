"""Where the thing a credential was issued for is managed.

A credential is issued for something another app owns (an award of the evaluation app is
`evaluation.award:<pk>`). Revoking a credential on its own would leave that thing standing,
so this app offers no revocation of its own: the owning app registers the page of the one
action that ends it (withdrawing the label), and the NSO's list of credentials links there.
"""

from __future__ import annotations

from collections.abc import Callable

_PAGES: dict[str, Callable[[str], str]] = {}


def register_source(kind: str, page: Callable[[str], str]) -> None:
    """`page(key)` answers the address of the page that withdraws `<kind>:<key>`."""
    _PAGES[kind] = page


def withdrawal_page(source_label: str) -> str | None:
    kind, _colon, key = source_label.partition(":")
    page = _PAGES.get(kind)
    return page(key) if page is not None and key else None

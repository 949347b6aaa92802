"""The vocabulary of the authorization walk: a Case names a URL and the answer each role gets.

Apps list their cases in tests/authz_cases/<app>.py (a module-level CASES list);
tests/test_authorization.py walks them all. A case's `url` may create the
objects it needs with the factories, so no app has to grow the shared World.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.conftest import ROLES, World

ANYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**dict.fromkeys(ROLES, 200), "anonymous": 302}
SCHOOL_A_STAFF = ("teacher_a", "team_a", "head_a")


def only(allowed: dict[str, int], *, others: int) -> dict[str, int]:
    """`allowed` roles get their status, anonymous is sent to sign in, the rest get `others`."""
    return {**dict.fromkeys(ROLES, others), "anonymous": 302, **allowed}


@dataclass(frozen=True)
class Case:
    name: str
    url: Callable[[World], str]
    expected: dict[str, int]
    method: str = "get"
    # Request headers, as pairs: ("Accept", "application/json") for the JSON a page's script asks for.
    headers: tuple[tuple[str, str], ...] = ()

"""Reads of the heavy public pages from a PostgreSQL read replica (DATABASE_REPLICA_URL).

A replica lags its primary by up to a few seconds. The pages that read from it are chosen
by hand, with `@reads_from_replica`: the public directory and school profiles, the public
map of labelled schools and the national coverage figures, which all tolerate figures a few
seconds old. Everything else, in particular the signed-in workspace that shows people what
they just saved, reads from the primary. Inside one of those pages the router still sends
to the primary:

- every write, and every read inside a transaction (it must see its own writes);
- the sign-in tables (sessions, users, allauth, multi-factor), so that a person who has just
  signed in or out is never seen in the state before;
- migrations, which run on the primary only (the replica copies them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

# Apps whose rows decide who is signed in.
ALWAYS_PRIMARY_APPS = frozenset({"sessions", "auth", "accounts", "account", "mfa", "contenttypes"})

_replica_allowed: ContextVar[bool] = ContextVar("twinschools_replica_allowed", default=False)

View = TypeVar("View", bound=Callable[..., Any])


@contextmanager
def replica_reads() -> Iterator[None]:
    """Within this block, reads that tolerate a few seconds of lag may go to the replica."""
    token = _replica_allowed.set(True)
    try:
        yield
    finally:
        _replica_allowed.reset(token)


def reads_from_replica(view: View) -> View:
    """Marks a read-only page whose figures may be a few seconds old (see the module's doc)."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def replica_alias() -> str:
    """The replica's alias when one is configured (settings: READ_REPLICA_ALIAS), else ""."""
    return str(getattr(settings, "READ_REPLICA_ALIAS", "") or "")


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str:
        replica = replica_alias()
        # Outside a marked page, even an object that was read from the replica reads its
        # relations from the primary (Django would otherwise follow the object's database).
        if not replica or not _replica_allowed.get():
            return DEFAULT_DB_ALIAS
        if model._meta.app_label in ALWAYS_PRIMARY_APPS:  # type: ignore[attr-defined]
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return replica

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the same rows as the primary: objects read from either may relate.
        aliases = {DEFAULT_DB_ALIAS, replica_alias()}
        if obj1._state.db in aliases and obj2._state.db in aliases:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS

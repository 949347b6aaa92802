"""One generation run: check or clear the network, stream the rows, add demo accounts."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connections, transaction
from django.db.models import Max, Model
from django.utils import timezone

from twinschools.network.generation import tables
from twinschools.network.generation.builder import NetworkBuilder, References
from twinschools.network.generation.clearing import clear_network, network_is_empty
from twinschools.network.generation.demo import (
    DemoAccounts,
    create_demo_accounts,
    seed_demo_workspace,
)
from twinschools.network.generation.scales import Scale
from twinschools.network.generation.sinks import bulk_load, sink_for
from twinschools.network.models import Country, Language, Level


class NetworkNotEmpty(Exception):
    pass


@dataclass
class GenerationReport:
    scale: str
    seed: int
    database: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    demo: DemoAccounts | None = None


def _first_free_id(model: type[Model]) -> int:
    return (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1


def _references() -> References:
    return References(
        country_ids=dict(Country.objects.values_list("code", "id")),
        level_ids=dict(Level.objects.values_list("code", "id")),
        language_ids=dict(Language.objects.values_list("code", "id")),
        first_ids={table.key: _first_free_id(table.model) for table in tables.ALL_TABLES},
    )


def generate(
    *,
    scale: Scale,
    seed: int,
    replace: bool,
    demo_accounts: bool,
    using: str = "default",
    progress: Callable[[str], None] = lambda message: None,
) -> GenerationReport:
    """Builds the network in one transaction: all of it or, on any error, nothing."""
    connection = connections[using]
    report = GenerationReport(scale=scale.name, seed=seed, database=connection.vendor)
    started = time.monotonic()
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            # Check pending deferred foreign keys now: PostgreSQL refuses to TRUNCATE or
            # ALTER a table with pending trigger events (a caller's transaction, a test).
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        if not network_is_empty():
            if not replace:
                raise NetworkNotEmpty(
                    "The database already holds a network. Use --replace to delete it first."
                )
            progress("Deleting the existing network...")
            clear_network(connection)
            report.phases["delete"] = time.monotonic() - started
        today = timezone.localdate()
        builder = NetworkBuilder(scale=scale, seed=seed, references=_references(), today=today)
        sink = sink_for(connection)
        load_started = time.monotonic()
        with bulk_load(connection, tables.ALL_TABLES):
            seen: set[str] = set()
            for table, rows in builder.batches():
                if table.key not in seen:
                    seen.add(table.key)
                    progress(f"  {table.key}... ({time.monotonic() - started:.0f} s)")
                sink.write(table, rows)
            report.phases["load"] = time.monotonic() - load_started
            progress(f"Rebuilding indexes and constraints... ({time.monotonic() - started:.0f} s)")
        report.phases["indexes"] = time.monotonic() - load_started - report.phases["load"]
        if demo_accounts:
            report.demo = create_demo_accounts(seed=seed, today=today)
            seed_demo_workspace(report.demo, seed=seed, today=today)
        report.counts = dict(sink.counts)
    if connection.vendor == "postgresql":
        # Fresh statistics, so the first queries get good plans before autovacuum runs.
        analyze_started = time.monotonic()
        with connection.cursor() as cursor:
            for table in tables.ALL_TABLES:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.db_table)}")
        report.phases["analyze"] = time.monotonic() - analyze_started
    report.seconds = time.monotonic() - started
    return report

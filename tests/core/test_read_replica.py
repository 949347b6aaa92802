"""The heavy public pages read from the replica; everything else from the primary (core/routers.py).

The test settings declare the "replica" alias as a MIRROR of the test database: the same rows,
through a connection of its own, so which connection ran a query shows where the router sent it.
The tests are transactional: rows committed by the primary's connection are what the replica's
connection sees, as after replication.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connections, router, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from twinschools.accounts.models import User
from twinschools.core.routers import replica_reads
from twinschools.network.models import School

pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)


@pytest.fixture
def replica(settings: Any) -> None:
    """As with DATABASE_REPLICA_URL set."""
    settings.READ_REPLICA_ALIAS = "replica"


@contextmanager
def queries_by_database() -> Iterator[dict[str, list[str]]]:
    found: dict[str, list[str]] = {}
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as copy,
    ):
        yield found
    found["primary"] = [query["sql"] for query in primary.captured_queries]
    found["replica"] = [query["sql"] for query in copy.captured_queries]


def _touching(queries: list[str], table: str) -> list[str]:
    return [sql for sql in queries if f'"{table}"' in sql]


def test_the_directory_reads_its_schools_from_the_replica(replica: None) -> None:
    factories.SchoolFactory(name="Școala Gimnazială nr. 1 Turda")
    with queries_by_database() as queries:
        response = Client().get(reverse("network:directory"))
    assert response.status_code == 200 and "Școala Gimnazială nr. 1 Turda" in response.content.decode()
    assert _touching(queries["replica"], "network_school")
    assert not _touching(queries["primary"], "network_school")


def test_a_signed_in_visitor_of_the_directory_is_known_from_the_primary(world: World, replica: None) -> None:
    client = signed_in(world.people["teacher_a"])
    with queries_by_database() as queries:
        assert client.get(reverse("network:directory")).status_code == 200
    assert _touching(queries["replica"], "network_school")
    # Who is signed in is never a few seconds old.
    for table in ("django_session", "accounts_user"):
        assert _touching(queries["primary"], table) and not _touching(queries["replica"], table)


def test_the_public_map_and_the_national_figures_read_from_the_replica(world: World, replica: None) -> None:
    pages = [
        (Client(), reverse("evaluation:map")),
        (signed_in(world.people["nso_x"]), reverse("reach:country_reach")),
    ]
    for client, url in pages:
        with queries_by_database() as queries:
            assert client.get(url).status_code == 200
        assert queries["replica"], url


def test_the_workspace_never_reads_from_the_replica(world: World, replica: None) -> None:
    client = signed_in(world.people["head_a"])
    with queries_by_database() as queries:
        assert client.get(reverse("accounts:dashboard")).status_code == 200
        assert client.get(reverse("network:school", args=[world.school_a.pk])).status_code == 200
    assert queries["primary"] and queries["replica"] == []


def test_writes_and_reads_inside_a_transaction_go_to_the_primary_even_on_a_replica_page(
    replica: None,
) -> None:
    with replica_reads():
        assert router.db_for_read(School) == "replica"
        assert router.db_for_write(School) == "default"
        assert router.db_for_read(User) == "default"
        with transaction.atomic():
            factories.SchoolFactory(name="Liceul Teoretic Nou")
            assert router.db_for_read(School) == "default"  # it must see what it just wrote
    assert router.db_for_read(School) == "default"  # outside the marked pages


def test_without_a_replica_every_query_goes_to_the_one_database() -> None:
    factories.SchoolFactory()
    with queries_by_database() as queries:
        assert Client().get(reverse("network:directory")).status_code == 200
    assert queries["primary"] and queries["replica"] == []


def test_migrations_run_on_the_primary_only() -> None:
    assert router.allow_migrate("default", "network")
    assert not router.allow_migrate("replica", "network")

"""Two saves of the same version at the same moment, on real connections: exactly one wins.

Only meaningful with a server database (each thread has its own connection and
transaction); SQLite's in-memory test database is shared by one connection.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from tests import factories
from tests.planning.factories import ActionFactory
from twinschools.accounts.models import Role
from twinschools.planning import services
from twinschools.planning.models import Action, PlanChange

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database server"),
]


def test_two_simultaneous_saves_of_one_version_keep_exactly_one() -> None:
    school = factories.SchoolFactory()
    people = [factories.MembershipFactory(school=school, role=Role.TEACHER).user for _ in range(2)]
    action = ActionFactory(goal__plan__school=school, owners=people[:1])
    start = threading.Barrier(len(people))
    outcomes: list[str] = []

    def save(person: object, resources: str) -> None:
        try:
            start.wait()
            services.update_action(
                action=action,
                by=person,
                expected_version=1,
                title=action.title,
                owners=people[:1],
                starts_on=action.starts_on,
                ends_on=action.ends_on,
                resources=resources,
            )
            outcomes.append("saved")
        except services.EditConflict:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(person, f"by {index}")) for index, person in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused", "saved"]
    saved = Action.objects.get(pk=action.pk)
    assert saved.version == 2
    assert PlanChange.objects.filter(action_id_ref=action.pk).count() == 1

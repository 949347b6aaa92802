"""Two people saving the same part at the same moment, on PostgreSQL (row locks are real there)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from tests import factories
from tests.applications.factories import application_of
from twinschools.accounts.models import Role
from twinschools.applications import services
from twinschools.applications.models import Part, PartRevision

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")


# Serialized rollback, like every transactional test here: its flush then leaves the tables
# empty instead of re-creating content types under new ids, which the browser tests'
# serialized rollback (run after it) would collide with.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_of_the_same_part_at_once_leave_one_revision_each_and_lose_nothing() -> None:
    school = factories.SchoolFactory()
    people = []
    for role in (Role.HEAD, Role.TEACHER):
        person = factories.UserFactory()
        factories.MembershipFactory(user=person, school=school, role=role)
        people.append(person)
    app = application_of(school, people[0])
    part = app.parts.first()
    services.save_part(part=part, text="one\ntwo\nthree\n", base_revision=0, by=people[0])
    texts = ["ONE\ntwo\nthree\n", "one\ntwo\nTHREE\n"]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(person, text) -> None:
        try:
            barrier.wait()
            outcomes.append(services.save_part(part=part, text=text, base_revision=1, by=person).outcome)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(p, t)) for p, t in zip(people, texts, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["merged", "saved"]
    stored = Part.objects.get(pk=part.pk)
    assert stored.text == "ONE\ntwo\nTHREE\n" and stored.revision == 3
    assert list(
        PartRevision.objects.filter(part=part).order_by("revision").values_list("revision", flat=True)
    ) == [
        1,
        2,
        3,
    ]

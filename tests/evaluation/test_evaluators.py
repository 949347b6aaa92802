"""The NSO appoints, invites and deactivates its country's evaluators from its own pages."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests import factories as base
from tests.clients import signed_in
from tests.conftest import World
from tests.evaluation.factories import evaluator, review, submitted
from twinschools.accounts.models import CountryRole, Invitation, Membership, User
from twinschools.core.audit import AuditEvent
from twinschools.evaluation import services
from twinschools.evaluation.models import Assignment
from twinschools.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _appoint(world: World, email: str, *, by: str = "nso_x") -> Client:
    client = signed_in(world.people[by])
    client.post(reverse("evaluation:evaluators", args=["RO"]), {"email": email}, follow=True)
    return client


def test_an_existing_account_of_the_country_becomes_an_evaluator_at_once_and_is_told(world: World) -> None:
    person = base.UserFactory(email="ioana@example.ro", full_name="Ioana Pop")
    _appoint(world, "Ioana@Example.ro")
    held = CountryRole.objects.get(user=person, role="evaluator")
    assert held.country == world.school_a.country and held.is_active
    assert held.appointed_by == world.people["nso_x"]
    assert Notification.objects.filter(recipient=person, kind="evaluation.appointed").exists()
    assert AuditEvent.objects.filter(
        action="accounts.country_role.granted", target_type="accounts.countryrole"
    ).exists()
    assert person in services.evaluators_of(world.school_a.country.pk)


def test_a_new_address_gets_an_invitation_in_the_inviters_language_and_sets_a_password_on_accepting(
    world: World, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SITE_URL = "http://127.0.0.1:8000"
    nso = world.people["nso_x"]
    nso.language = "ro"
    nso.save()
    with django_capture_on_commit_callbacks(execute=True):
        _appoint(world, "nou@example.ro")
    invitation = Invitation.objects.get(email="nou@example.ro")
    assert invitation.country == world.school_a.country and invitation.school is None
    sent = mail.outbox[-1]
    assert sent.to == ["nou@example.ro"] and "evalua" in sent.subject.lower()
    link = re.search(r"http://127\.0\.0\.1:8000/\S+", sent.body)
    assert link is not None and link.group(0).endswith(f"/invitations/accept/{invitation.token}/")
    visitor = Client()
    page = visitor.get(link.group(0).removeprefix("http://127.0.0.1:8000"))
    assert "password" in page.content.decode().lower()
    refused = visitor.post(
        page.request["PATH_INFO"], {"full_name": "Nou", "password": "abc", "password_again": "abd"}
    )
    assert refused.status_code == 400 and not User.objects.filter(email="nou@example.ro").exists()
    accepted = visitor.post(
        page.request["PATH_INFO"],
        {
            "full_name": "Radu Nou",
            "password": "a-long-pass-phrase-7",
            "password_again": "a-long-pass-phrase-7",
        },
    )
    assert accepted.status_code == 302 and accepted["Location"] == reverse("evaluation:assignments")
    person = authenticate(email="nou@example.ro", password="a-long-pass-phrase-7")
    assert person is not None and person.language == "ro"
    assert CountryRole.objects.filter(user=person, role="evaluator", deactivated_at__isnull=True).exists()
    assert visitor.get(reverse("evaluation:assignments")).status_code == 200


def test_someone_working_only_in_another_country_is_refused_with_a_reason(world: World) -> None:
    abroad = base.UserFactory(email="jordi@example.es")
    Membership.objects.create(
        user=abroad, school=base.SchoolFactory(country=world.school_a.country), role="teacher"
    )
    Membership.objects.filter(user=abroad).update(school=base.SchoolFactory(country=base.country("ES")))
    client = signed_in(world.people["nso_x"])
    response = client.post(reverse("evaluation:evaluators", args=["RO"]), {"email": "jordi@example.es"})
    assert response.status_code == 400
    assert "another country" in response.content.decode()
    assert not CountryRole.objects.filter(user=abroad).exists()


def test_a_deactivated_evaluator_loses_open_assignments_can_no_longer_be_assigned_nor_open_them(
    world: World,
) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    nso, leaving = world.people["nso_x"], world.people["evaluator_x"]
    assignment = services.assign(application=app, evaluator=leaving, by=nso)
    page = signed_in(nso).get(reverse("evaluation:evaluators", args=["RO"]))
    row = next(r for r in page.context["page"].active if r.held.user == leaving)
    assert [a.pk for a in row.open_assignments] == [assignment.pk]
    assert "data-confirm=" in page.content.decode()
    response = signed_in(nso).post(
        reverse("evaluation:deactivate_evaluator", args=[row.held.pk]), follow=True
    )
    assert world.school_a.name in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.declined_at is not None
    assert services.conflict_of(application=app, evaluator=leaving) is not None
    assert leaving not in services.evaluators_of(world.school_a.country.pk)
    assert signed_in(leaving).get(reverse("evaluation:review", args=[assignment.pk])).status_code == 404
    listed = signed_in(nso).get(reverse("evaluation:evaluators", args=["RO"])).context["page"]
    assert [r.held.user for r in listed.deactivated] == [leaving]
    assert AuditEvent.objects.filter(action="accounts.country_role.deactivated").exists()
    # appointed again, the same role row comes back to life
    _appoint(world, leaving.email)
    assert CountryRole.objects.get(pk=row.held.pk).is_active


def test_an_evaluator_who_already_reviewed_keeps_that_review_when_deactivated(world: World) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    leaving = world.people["evaluator_x"]
    services.assign(application=app, evaluator=leaving, by=world.people["nso_x"])
    review(app, leaving, 3, 3, 3)
    held = CountryRole.objects.get(user=leaving, role="evaluator")
    assert services.deactivate_evaluator(held=held, by=world.people["nso_x"]) == []
    assert Assignment.objects.get(evaluator=leaving).declined_at is None


def test_the_evaluators_page_is_linked_from_the_nso_evaluation_pages(world: World) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    client = signed_in(world.people["nso_x"])
    link = reverse("evaluation:evaluators", args=["RO"])
    assert link in client.get(reverse("evaluation:application", args=[app.pk])).content.decode()
    assert link in client.get(reverse("evaluation:nso_list")).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_the_evaluators_page_costs_the_same_queries_for_one_or_many(
    world: World, django_assert_num_queries, count: int
) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    for number in range(count):
        person = evaluator(world.school_a.country, f"e{number}@eval.ro")
        if number < 2:
            services.assign(application=app, evaluator=person, by=world.people["nso_x"])
    CountryRole.objects.filter(user__email="e0@eval.ro").update(deactivated_at="2026-01-01T00:00Z")
    client = signed_in(world.people["nso_x"])
    client.get(reverse("evaluation:evaluators", args=["RO"]))
    with django_assert_num_queries(8):
        page = client.get(reverse("evaluation:evaluators", args=["RO"])).context["page"]
    assert len(page.active) + len(page.deactivated) == count + 1  # evaluator X of the standing world

"""Withdrawing a label is one action, and every page and export reads the same status after it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.conftest import World
from tests.evaluation.factories import evaluator, review, submitted
from twinschools.credentials.models import IssuedCredential
from twinschools.evaluation import home, services
from twinschools.evaluation.models import LabelAward, Outcome
from twinschools.notifications.models import Notification

pytestmark = pytest.mark.django_db

REASON = "The school closed in June."


@pytest.fixture
def award(world: World, django_capture_on_commit_callbacks: object) -> LabelAward:
    app = submitted(world.school_a, world.people["head_a"], first_year=timezone.localdate().year)
    ro = world.school_a.country
    for person in (evaluator(ro, "ana@eval.ro"), evaluator(ro, "bogdan@eval.ro")):
        services.assign(application=app, evaluator=person, by=world.people["nso_x"])
        review(app, person, 5, 5, 5)
    services.decide(application=app, outcome=Outcome.AWARDED, by=world.people["nso_x"])
    return LabelAward.objects.get(application=app)


def _surfaces(world: World, award: LabelAward) -> dict[str, bool]:
    """What each page, file and API says: is this school a current eTwinning School?"""
    school, app = world.school_a, award.application
    credential = IssuedCredential.objects.get(source_label=services.award_source(award))
    public = Client()
    profile = public.get(reverse("network:school", args=[school.pk])).content.decode()
    directory = public.get(
        reverse("network:directory"), {"label": "current", "q": school.name}
    ).content.decode()
    map_page = public.get(reverse("evaluation:map"), {"country": school.country.code}).content.decode()
    head = signed_in(world.people["head_a"])
    result = head.get(reverse("evaluation:result", args=[app.pk])).content.decode()
    certificate = head.get(reverse("evaluation:certificate", args=[app.pk]))
    credential_page = public.get(reverse("credentials:credential", args=[credential.uuid])).content.decode()
    api = public.post(
        reverse("credentials:verify_api"), credential.signed_json, content_type="application/json"
    )
    verify_page = public.post(
        reverse("credentials:verify"), {"credential": _json(credential)}
    ).content.decode()
    counts = home._application_counts(app.round, [school.country_id])[school.country_id]
    return {
        "profile badge": "badge-label" in profile,
        "profile label list": f"eTwinning School label {award.first_year}–{award.last_year}" in profile,
        "directory's current filter": f'href="{reverse("network:school", args=[school.pk])}"' in directory,
        "public map": school.name in map_page,
        "result page": "Your school is an eTwinning School" in result,
        "certificate link": reverse("evaluation:certificate", args=[app.pk]) in result,
        "certificate": certificate.status_code == 200 and certificate["Content-Type"] == "application/pdf",
        "credential page": "verdict-valid" in credential_page,
        "verification page": "verdict-valid" in verify_page,
        "verification API": api.json()["verified"] is True,
        "NSO's home (awarded)": counts["awarded"] == 1,
    }


def _json(credential: IssuedCredential) -> str:
    import json

    return json.dumps(credential.signed_json)


def test_every_surface_says_current_before_and_withdrawn_after_the_one_action(
    world: World, award: LabelAward
) -> None:
    before = _surfaces(world, award)
    assert all(before.values()), before

    nso = signed_in(world.people["nso_x"])
    page = nso.get(reverse("evaluation:withdraw", args=[award.pk])).content.decode()
    assert "Its credential is revoked" in page
    response = nso.post(reverse("evaluation:withdraw", args=[award.pk]), {"reason": REASON})
    assert response.status_code == 302

    after = _surfaces(world, award)
    assert not any(after.values()), after
    result = signed_in(world.people["head_a"]).get(reverse("evaluation:result", args=[award.application_id]))
    assert f"Their reason: {REASON}" in result.content.decode()


def test_the_school_is_told_why_its_label_was_withdrawn(
    world: World, award: LabelAward, django_capture_on_commit_callbacks: object
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.withdraw_label(award=award, reason=REASON, by=world.people["nso_x"])
    notice = Notification.objects.get(kind=services.WITHDRAWN)
    assert notice.recipient == world.people["head_a"]
    assert REASON in notice.message
    assert any(REASON in message.body for message in mail.outbox)


def test_the_nso_list_of_credentials_leads_to_the_withdrawal_of_the_label(
    world: World, award: LabelAward
) -> None:
    listing = signed_in(world.people["nso_x"]).get(reverse("credentials:nso_list")).content.decode()
    assert reverse("evaluation:withdraw", args=[award.pk]) in listing


def test_a_withdrawal_needs_a_reason_and_happens_once(world: World, award: LabelAward) -> None:
    nso = signed_in(world.people["nso_x"])
    empty = nso.post(reverse("evaluation:withdraw", args=[award.pk]), {"reason": "  "})
    assert empty.status_code == 400 and "Say why the label is withdrawn." in empty.content.decode()
    nso.post(reverse("evaluation:withdraw", args=[award.pk]), {"reason": REASON})
    again = nso.get(reverse("evaluation:withdraw", args=[award.pk])).content.decode()
    assert "This label was withdrawn on" in again and 'name="reason"' not in again


def test_the_nso_of_another_country_cannot_withdraw(world: World, award: LabelAward) -> None:
    response = signed_in(world.people["nso_y"]).post(
        reverse("evaluation:withdraw", args=[award.pk]), {"reason": "x"}
    )
    assert response.status_code == 404
    award.refresh_from_db()
    assert award.revoked_at is None

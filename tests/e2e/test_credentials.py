"""A label credential's public page shows valid; the NSO withdraws the label; every page then says so."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.credentials.factories import issue
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import confirm

pytestmark = pytest.mark.browser


@pytest.fixture
def award(world: World) -> Any:
    from django.utils import timezone

    from tests.evaluation.factories import evaluator, review, submitted
    from twinschools.evaluation import services
    from twinschools.evaluation.models import LabelAward, Outcome

    app = submitted(world.school_a, world.people["head_a"], first_year=timezone.localdate().year)
    for email in ("ana@eval.ro", "bogdan@eval.ro"):
        person = evaluator(world.school_a.country, email)
        services.assign(application=app, evaluator=person, by=world.people["nso_x"])
        review(app, person, 5, 5, 5)
    services.decide(application=app, outcome=Outcome.AWARDED, by=world.people["nso_x"])
    return LabelAward.objects.get(application=app)


def test_the_nso_withdraws_the_label_from_its_credentials_and_every_page_then_says_so(
    world: World, award: Any, new_page: NewPage, assert_accessible: Any
) -> None:
    from twinschools.credentials.models import IssuedCredential
    from twinschools.evaluation.services import award_source

    credential = IssuedCredential.objects.get(source_label=award_source(award))
    visitor = new_page()
    visitor.goto(reverse("credentials:credential", args=[credential.uuid]))
    expect(visitor.get_by_role("status")).to_contain_text("Valid")
    visitor.goto(reverse("network:school", args=[world.school_a.pk]))
    expect(visitor.get_by_role("main")).to_contain_text("eTwinning School label")

    nso = new_page(user=world.people["nso_x"])
    nso.goto(reverse("credentials:nso_list"))
    assert_accessible(nso, "issued credentials")
    nso.get_by_role("link", name=f"Withdraw the label ({world.school_a.name})").click()
    assert_accessible(nso, "withdraw the label")
    nso.get_by_label("Why is the label withdrawn?").fill("The label was awarded by mistake.")
    confirm(nso, "Withdraw the label", "Withdraw the label")
    expect(nso.get_by_role("status")).to_contain_text("The label was withdrawn and its credential revoked")

    visitor.goto(reverse("credentials:credential", args=[credential.uuid]))
    expect(visitor.get_by_role("status")).to_contain_text("Revoked")
    expect(visitor.get_by_role("status")).to_contain_text("The label was awarded by mistake.")
    visitor.goto(reverse("network:school", args=[world.school_a.pk]))
    expect(visitor.locator(".badge-label")).to_have_count(0)
    head = new_page(user=world.people["head_a"])
    head.goto(reverse("evaluation:result", args=[award.application_id]))
    expect(head.get_by_role("main")).to_contain_text("Their reason: The label was awarded by mistake.")
    expect(head.get_by_role("link", name="Download the certificate (PDF)")).to_have_count(0)
    assert_accessible(head, "result of a withdrawn label")


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_credential_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    credential = issue(world.school_a)
    visitor = new_page(language=language)
    visitor.goto(reverse("credentials:credential", args=[credential.uuid]))
    assert_accessible(visitor, f"credential ({language})")
    visitor.goto(reverse("credentials:verify"))
    assert_accessible(visitor, f"verify, empty ({language})")
    visitor.get_by_role("textbox").fill(json.dumps(credential.signed_json))
    with visitor.expect_navigation():
        visitor.locator("form:not(.language-form) button[type=submit]").click()
    expect(visitor.locator(".verdict-valid")).to_be_visible()
    assert_accessible(visitor, f"verify, verdict ({language})")
    visitor.get_by_role("textbox").fill("{not json")
    with visitor.expect_navigation():
        visitor.locator("form:not(.language-form) button[type=submit]").click()
    expect(visitor.get_by_role("alert")).to_be_visible()
    assert_accessible(visitor, f"verify, bad input ({language})")
    visitor.goto(reverse("network:school", args=[world.school_a.pk]))
    assert_accessible(visitor, f"school profile with credential ({language})")
    visitor.goto(reverse("credentials:achievement", args=[credential.label_years]))
    expect(visitor.locator("main img")).to_be_visible()
    assert_accessible(visitor, f"achievement ({language})")
    nso = new_page(user=world.people["nso_x"], language=language)
    nso.goto(reverse("credentials:nso_list"))
    assert_accessible(nso, f"issued credentials ({language})")

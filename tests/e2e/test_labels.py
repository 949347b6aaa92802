"""The admin configures a round (English) and runs the check; a Romanian head sees the result
and asks for a review; the NSO grants an exception in Romanian. Every page is axe-checked in en, ro, ca."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import confirm
from twinschools.labels.models import EligibilityException, FormVersion, ReviewRequest, Round

pytestmark = pytest.mark.browser


def _configure_round(admin: Any) -> None:
    today = timezone.localdate()
    admin.goto(reverse("labels:round_create"))
    admin.get_by_label("Name").fill(f"{today.year + 1}-{today.year + 2}")
    admin.get_by_label("Applications open").fill(f"{today - timedelta(days=2)}T10:00")
    admin.get_by_label("Applications close").fill(f"{today + timedelta(days=30)}T23:59")
    admin.get_by_label("Registered in eTwinning on or before").fill(str(today - timedelta(days=730)))
    admin.get_by_label("Teachers active on or after").fill(str(today - timedelta(days=730)))
    admin.get_by_label("Minimum number of active teachers").fill("3")
    for kind in ("Project work", "Professional development", "eTwinning group"):
        admin.get_by_label(kind).check()
    admin.get_by_label("National Quality Label granted on or after").fill(str(today - timedelta(days=800)))
    admin.get_by_label("National Quality Label granted on or before").fill(str(today - timedelta(days=3)))
    admin.get_by_label("The National Quality Label must have been earned while at that school").check()
    admin.get_by_label("The National Quality Label must be for a European project").check()
    admin.get_by_label("Label valid from (year)").fill(str(today.year + 1))
    admin.get_by_label("Label valid until (year)").fill(str(today.year + 2))


def test_a_round_is_configured_checked_disputed_and_an_exception_granted(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    admin = new_page(user=world.people["admin"])
    _configure_round(admin)
    # A window that closes before it opens is refused on its field.
    admin.get_by_label("Applications close").fill("2000-01-01T10:00")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Save the rules").click()
    expect(admin.locator("#id_closes_at_error")).to_contain_text("must close after it opens")
    assert_accessible(admin, "round form with errors")
    admin.get_by_label("Applications close").fill(f"{timezone.localdate() + timedelta(days=30)}T23:59")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Save the rules").click()
    expect(admin.get_by_role("status")).to_contain_text("The round was created as a draft.")
    confirm(admin, "Publish the round", "Publish the round")
    expect(admin.get_by_role("status")).to_contain_text("The round is published")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Run the eligibility check").click()
    # The check runs as a background job: its page ends with the counts and a way back.
    expect(admin.locator("#job-state").get_by_role("status")).to_contain_text(
        "The eligibility check has finished."
    )
    assert_accessible(admin, "the eligibility check's job page")
    round = Round.objects.get(label_first_year=timezone.localdate().year + 1)
    with admin.expect_navigation():
        admin.get_by_role("link", name=f"Back to the round {round.name}").click()
    expect(admin.get_by_role("region", name="Eligibility check")).to_contain_text("Schools checked")
    assert_accessible(admin, "round page after the check")
    round = Round.objects.get(label_first_year=timezone.localdate().year + 1)
    assert round.eligibilities.count() == 2

    head = new_page(user=world.people["head_a"], language="ro")
    head.goto(reverse("labels:school", args=[world.school_a.pk]))
    expect(head.get_by_role("main")).to_contain_text(
        "Școala dumneavoastră nu este eligibilă pentru această sesiune."
    )
    expect(head.get_by_role("main")).to_contain_text("0 din 3 profesori activi necesari")
    assert_accessible(head, "school label page (ro)")
    form = head.get_by_role("region", name=f"Sesiunea {round.name}")
    with head.expect_navigation():
        form.get_by_role("button", name="Trimiteți cererea").click()
    expect(head.get_by_role("main")).to_contain_text("Spuneți biroului național de sprijin de ce")
    head.get_by_role("region", name=f"Sesiunea {round.name}").get_by_label(
        "De ce credeți că rezultatul este greșit?"
    ).fill("Al treilea profesor a fost în concediu.")
    with head.expect_navigation():
        head.get_by_role("region", name=f"Sesiunea {round.name}").get_by_role(
            "button", name="Trimiteți cererea"
        ).click()
    expect(head.get_by_role("status")).to_contain_text("Cererea a fost trimisă")
    assert ReviewRequest.objects.get().message == "Al treilea profesor a fost în concediu."

    nso = new_page(user=world.people["nso_x"], language="ro")
    nso.goto(reverse("labels:nso", args=["ro"]) + f"?round={round.pk}")
    review = nso.get_by_role("article", name=world.school_a.name)
    review.get_by_label("Motiv").fill("Concediu de maternitate dovedit.")
    with nso.expect_navigation():
        review.get_by_role("button", name=f"Acordați o excepție pentru {world.school_a.name}").click()
    expect(nso.get_by_role("status")).to_contain_text("Excepția a fost acordată")
    expect(nso.get_by_role("table", name="Excepții acordate")).to_contain_text(
        "Concediu de maternitate dovedit."
    )
    assert_accessible(nso, "NSO page (ro)")
    assert EligibilityException.objects.get().reason == "Concediu de maternitate dovedit."

    head.reload()
    expect(head.get_by_role("main")).to_contain_text(
        "Școala dumneavoastră este eligibilă pentru această sesiune."
    )


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_label_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    round = Round.objects.get(name="2026-2027")
    version = FormVersion.objects.get(code="2023")
    visitor = new_page(language=language)
    for url in (reverse("labels:public_rounds"), reverse("labels:public_round", args=[round.pk])):
        visitor.goto(url)
        assert_accessible(visitor, f"{url} ({language})")
    admin = new_page(user=world.people["admin"], language=language)
    for url in (
        reverse("labels:admin_rounds"),
        reverse("labels:round_create"),
        reverse("labels:round_edit", args=[round.pk]),
        reverse("labels:form_version", args=[version.pk]),
    ):
        admin.goto(url)
        assert_accessible(admin, f"{url} ({language})")
    head = new_page(user=world.people["head_a"], language=language)
    head.goto(reverse("labels:school", args=[world.school_a.pk]))
    assert_accessible(head, f"school label page ({language})")
    nso = new_page(user=world.people["nso_x"], language=language)
    nso.goto(reverse("labels:nso", args=["ro"]))
    assert_accessible(nso, f"NSO page ({language})")

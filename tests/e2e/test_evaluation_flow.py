"""The whole label story in the browser, by clicking: the head (in Romanian) signs and submits
the school's draft; the NSO (in Romanian) appoints an evaluator from its own pages and assigns
two; they disagree; a third evaluator is assigned automatically and gives a second opinion;
the NSO moderates and awards. Each person types one address only: the sign-in page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.applications.factories import application_of, fill, open_round
from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import confirm
from tests.evaluation.factories import evaluator, rubric_for
from twinschools.accounts.models import CountryRole
from twinschools.applications.models import Status
from twinschools.evaluation import services
from twinschools.evaluation.models import Assignment, AssignmentKind, LabelAward

pytestmark = pytest.mark.browser


def sign_in(new_page: NewPage, email: str, language: str) -> Any:
    """A new browser, signed in through the sign-in form: the only address anybody types."""
    page = new_page(language=language)
    page.goto(reverse("account_login"))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(factories.PASSWORD)
    with page.expect_navigation():
        page.get_by_role("main").locator("button[type=submit]").first.click()
    return page


def click_to(page: Any, url: str) -> None:
    """Follow a link to `url` shown on the page (whatever its words after a redesign)."""
    with page.expect_navigation():
        page.locator(f'a[href="{url}"]:visible').first.click()


def score(page: Any, assignment: Assignment, level: str, *, declare: str, submit: str) -> None:
    """From the evaluator's home page: open the assignment, declare no conflict, score, submit."""
    click_to(page, reverse("evaluation:assignments"))
    click_to(page, reverse("evaluation:review", args=[assignment.pk]))
    page.locator("#id_answer_0").check()
    with page.expect_navigation():
        page.get_by_role("button", name=declare).click()
    for criterion in services.criteria_of(assignment.evaluation.application):
        page.locator(f"#level-{criterion.pk}-{level}").check()
        page.locator(f"#comment-{criterion.pk}").fill(f"Punctaj {level} pentru {criterion.code}.")
    with page.expect_navigation():
        page.get_by_role("button", name=submit).click()


def test_a_draft_goes_through_two_disagreeing_evaluators_a_third_moderation_and_award_by_clicking(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    head_a, nso_x = world.people["head_a"], world.people["nso_x"]
    app = application_of(world.school_a, head_a, round=open_round(first_year=timezone.localdate().year))
    fill(app, head_a)
    rubric_for(app.round.form_version)
    country = world.school_a.country
    # Only these evaluators: the NSO appoints Ana, and Dan is free for the second opinion.
    CountryRole.objects.filter(role="evaluator").delete()
    first = evaluator(country, "mihai@eval.ro", "Mihai Stan")
    ana = factories.UserFactory(email="ana@eval.ro", full_name="Ana Pop", language="ro")
    evaluator(country, "dan@eval.ro", "Dan Ionescu")

    # The head signs and submits the draft.
    head = sign_in(new_page, head_a.email, "ro")
    click_to(head, reverse("mission:overview", args=[world.school_a.pk]))
    click_to(head, reverse("applications:school", args=[world.school_a.pk]))
    click_to(head, reverse("applications:detail", args=[app.pk]))
    click_to(head, reverse("applications:sign", args=[app.pk]))
    head.get_by_label("Declar pe propria răspundere").check()
    with head.expect_navigation():
        head.get_by_role("button", name="Semnează și depune candidatura").click()
    expect(head.get_by_role("status")).to_contain_text("Candidatura a fost semnată și depusă.")
    app.refresh_from_db()
    assert app.status == Status.SUBMITTED

    # The NSO appoints Ana from its evaluators page, then assigns Mihai and Ana.
    nso = sign_in(new_page, nso_x.email, "ro")
    click_to(nso, reverse("evaluation:nso_list"))
    click_to(nso, reverse("evaluation:application", args=[app.pk]))
    click_to(nso, reverse("evaluation:evaluators", args=["RO"]))
    assert_accessible(nso, "evaluators (ro)")
    nso.get_by_label("Adresa de e-mail a noului evaluator").fill("ana@eval.ro")
    with nso.expect_navigation():
        nso.get_by_role("button", name="Numiți evaluatorul").click()
    expect(nso.get_by_role("status")).to_contain_text("ana@eval.ro este acum evaluator")
    expect(nso.get_by_role("main")).to_contain_text("Ana Pop")
    assert_accessible(nso, "evaluators after appointing (ro)")
    click_to(nso, reverse("evaluation:nso_list"))
    click_to(nso, reverse("evaluation:application", args=[app.pk]))
    for person in (first, ana):
        nso.get_by_label("Evaluator", exact=True).select_option(value=str(person.pk))
        with nso.expect_navigation():
            nso.get_by_role("button", name="Desemnați evaluatorul").click()
        expect(nso.get_by_role("status")).to_contain_text("Evaluatorul a fost desemnat.")

    # Ana learns of her appointment and assignment on her home page; Mihai and Ana disagree.
    for person, level in ((first, "5"), (ana, "1")):
        page = sign_in(new_page, person.email, "ro")
        assignment = Assignment.objects.get(evaluator=person)
        score(page, assignment, level, declare="Trimiteți răspunsul", submit="Trimiteți evaluarea")
        expect(page.get_by_role("status")).to_contain_text("Evaluarea dumneavoastră a fost trimisă.")

    # A third evaluator was assigned automatically; he gives the second opinion.
    third = Assignment.objects.get(evaluation__application=app, kind=AssignmentKind.SECOND_OPINION)
    assert third.assigned_by is None and third.evaluator.full_name == "Dan Ionescu"
    dan = sign_in(new_page, "dan@eval.ro", "ro")
    score(dan, third, "4", declare="Trimiteți răspunsul", submit="Trimiteți evaluarea")

    # The NSO, still on the application's page, sees it is ready to moderate, moderates and awards.
    nso.reload()
    expect(nso.get_by_text("De moderat")).to_be_visible()
    click_to(nso, reverse("evaluation:moderate", args=[app.pk]))
    nso.get_by_label("Feedback pentru școală").fill("O școală care inspiră.")
    with nso.expect_navigation():
        nso.get_by_role("button", name="Salvați punctajele moderate").click()
    nso.get_by_role("radio", name="Acordată", exact=True).check()
    # A decision cannot be taken back: the dialog asks first.
    confirm(nso, "Înregistrați decizia", "Înregistrați decizia")
    expect(nso.get_by_role("status")).to_contain_text("Decizia a fost înregistrată.")
    assert LabelAward.objects.filter(application=app, revoked_at__isnull=True).exists()


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_evaluators_page_with_active_and_deactivated_evaluators_is_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    leaving = evaluator(world.school_a.country, "leaving@eval.ro", "Ioan Vlad")
    held = CountryRole.objects.get(user=leaving, role="evaluator")
    services.deactivate_evaluator(held=held, by=world.people["nso_x"])
    services.appoint_evaluator(country=world.school_a.country, email="new@eval.ro", by=world.people["nso_x"])
    nso = new_page(user=world.people["nso_x"], language=language)
    nso.goto(reverse("evaluation:evaluators", args=["RO"]))
    expect(nso.get_by_role("main")).to_contain_text("Ioan Vlad")
    expect(nso.get_by_role("main")).to_contain_text("new@eval.ro")
    assert_accessible(nso, f"evaluators ({language})")

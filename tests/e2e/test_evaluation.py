"""NSO X (in Romanian) assigns two evaluators who disagree; a third is assigned automatically;
the NSO moderates and awards; the head of school A (in Romanian) reads the feedback."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import confirm
from tests.evaluation.factories import evaluator, review, submitted
from twinschools.evaluation import services
from twinschools.evaluation.models import Assignment, AssignmentKind, LabelAward, Outcome

pytestmark = pytest.mark.browser


def _score(
    page: Any, assignment: Assignment, values: list[str], *, declare: str, submit: str, comment: str
) -> None:
    page.goto(reverse("evaluation:review", args=[assignment.pk]))
    page.locator("#id_answer_0").check()
    with page.expect_navigation():
        page.get_by_role("button", name=declare).click()
    criteria = services.criteria_of(assignment.evaluation.application)
    for criterion, value in zip(criteria, values, strict=True):
        page.locator(f"#level-{criterion.pk}-{value}").check()
        page.locator(f"#comment-{criterion.pk}").fill(f"{comment} {criterion.code}")
    page.locator("#private_notes").fill("Only for the evaluators.")
    with page.expect_navigation():
        page.get_by_role("button", name=submit).click()


def test_two_evaluators_disagree_a_third_is_assigned_and_the_nso_moderates_and_awards(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    app = submitted(world.school_a, world.people["head_a"], first_year=timezone.localdate().year)
    country = world.school_a.country
    ana = evaluator(country, "ana@eval.ro", "Ana Pop")
    evaluator(country, "dan@eval.ro", "Dan Ionescu")  # free for the second opinion
    nso = new_page(user=world.people["nso_x"], language="ro")
    nso.goto(reverse("evaluation:nso_list"))
    assert_accessible(nso, "NSO list (ro)")
    with nso.expect_navigation():
        nso.get_by_role("link", name=world.school_a.name).click()
    for person in (world.people["evaluator_x"], ana):
        nso.get_by_label("Evaluator", exact=True).select_option(value=str(person.pk))
        with nso.expect_navigation():
            nso.get_by_role("button", name="Desemnați evaluatorul").click()
        expect(nso.get_by_role("status")).to_contain_text("Evaluatorul a fost desemnat.")
    assert_accessible(nso, "NSO application (ro)")

    first = Assignment.objects.get(evaluator=world.people["evaluator_x"])
    english = new_page(user=world.people["evaluator_x"], language="en")
    english.goto(reverse("evaluation:assignments"))
    assert_accessible(english, "my assignments (en)")
    _score(
        english, first, ["5", "5", "5"], declare="Send my answer", submit="Submit review", comment="Excellent"
    )
    expect(english.get_by_role("status")).to_contain_text("Your review was submitted.")
    assert_accessible(english, "review (en)")

    second = Assignment.objects.get(evaluator=ana)
    romanian = new_page(user=ana, language="ro")
    _score(
        romanian,
        second,
        ["1", "1", "na"],
        declare="Trimiteți răspunsul",
        submit="Trimiteți evaluarea",
        comment="Slab",
    )
    expect(romanian.get_by_role("status")).to_contain_text("Evaluarea dumneavoastră a fost trimisă.")
    assert_accessible(romanian, "review (ro)")

    third = Assignment.objects.get(evaluation__application=app, kind=AssignmentKind.SECOND_OPINION)
    assert third.assigned_by is None and third.evaluator.full_name == "Dan Ionescu"
    review(app, third.evaluator, 4, 4, 4)

    nso.goto(reverse("evaluation:application", args=[app.pk]))
    expect(nso.get_by_text("De moderat")).to_be_visible()
    with nso.expect_navigation():
        nso.get_by_role("link", name="Comparați evaluările și moderați").click()
    expect(nso.get_by_role("table", name="Evaluările una lângă alta")).to_contain_text(
        "Only for the evaluators."
    )
    assert_accessible(nso, "moderation (ro)")
    nso.get_by_label("Feedback pentru școală").fill("O școală care inspiră.")
    with nso.expect_navigation():
        nso.get_by_role("button", name="Salvați punctajele moderate").click()
    nso.get_by_role("radio", name="Acordată", exact=True).check()
    # A decision cannot be taken back: the dialog asks first.
    confirm(nso, "Înregistrați decizia", "Înregistrați decizia")
    expect(nso.get_by_role("status")).to_contain_text("Decizia a fost înregistrată.")
    assert LabelAward.objects.filter(application=app).exists()

    head = new_page(user=world.people["head_a"], language="ro")
    head.goto(reverse("evaluation:result", args=[app.pk]))
    expect(head.get_by_role("main")).to_contain_text("O școală care inspiră.")
    expect(head.get_by_role("main")).to_contain_text("Excellent esafety")
    expect(head.get_by_role("main")).not_to_contain_text("Only for the evaluators.")
    expect(head.get_by_role("main")).not_to_contain_text("Ana Pop")
    assert_accessible(head, "school result (ro)")
    head.goto(reverse("network:school", args=[world.school_a.pk]))
    year = timezone.localdate().year
    expect(head.get_by_role("main")).to_contain_text(f"{year}–{year + 1}")


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_evaluation_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    app = submitted(world.school_a, world.people["head_a"], first_year=timezone.localdate().year)
    other = evaluator(world.school_a.country, "ana@eval.ro", "Ana Pop")
    for person in (world.people["evaluator_x"], other):
        services.assign(application=app, evaluator=person, by=world.people["nso_x"])
        review(app, person, 4, 3, None)
    nso = new_page(user=world.people["nso_x"], language=language)
    for url in (
        reverse("evaluation:nso_list"),
        reverse("evaluation:application", args=[app.pk]),
        reverse("evaluation:moderate", args=[app.pk]),
        reverse("evaluation:settings", args=["RO"]) + f"?round={app.round_id}",
    ):
        nso.goto(url)
        assert_accessible(nso, f"{url} ({language})")
    mine = new_page(user=world.people["evaluator_x"], language=language)
    for url in (
        reverse("evaluation:assignments"),
        reverse("evaluation:review", args=[Assignment.objects.get(evaluator=world.people["evaluator_x"]).pk]),
    ):
        mine.goto(url)
        assert_accessible(mine, f"{url} ({language})")
    services.decide(application=app, outcome=Outcome.AWARDED, by=world.people["nso_x"])
    head = new_page(user=world.people["head_a"], language=language)
    head.goto(reverse("evaluation:result", args=[app.pk]))
    assert_accessible(head, f"result ({language})")
    anonymous = new_page(language=language)
    for url in (reverse("evaluation:rubric", args=[app.round_id]), reverse("evaluation:map")):
        anonymous.goto(url)
        assert_accessible(anonymous, f"{url} ({language})")

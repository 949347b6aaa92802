"""Review due dates: fixed when an evaluator is assigned, from the country's days for a review."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from tests.clients import signed_in
from tests.conftest import World
from tests.evaluation.factories import review, submitted
from twinschools.evaluation import services
from twinschools.evaluation.models import Assignment
from twinschools.notifications.kinds import render
from twinschools.notifications.models import Notification


def _assign(world: World) -> Assignment:
    app = submitted(world.school_a, world.people["head_a"])
    return services.assign(application=app, evaluator=world.people["evaluator_x"], by=world.people["nso_x"])


def _set_days(world: World, app_round: object, days: int) -> None:
    services.update_settings(
        round=app_round,  # type: ignore[arg-type]
        country=world.school_a.country,
        threshold=15,
        pass_mark=60,
        review_days=days,
        by=world.people["nso_x"],
    )


def test_an_assignment_is_due_the_countrys_days_for_a_review_after_it_is_made(world: World) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    _set_days(world, app.round, 10)
    assignment = services.assign(
        application=app, evaluator=world.people["evaluator_x"], by=world.people["nso_x"]
    )
    assert assignment.due_on == timezone.localdate() + timedelta(days=10)


def test_without_settings_a_review_is_due_in_three_weeks(world: World) -> None:
    assert _assign(world).due_on == timezone.localdate() + timedelta(days=21)


def test_changing_the_days_later_moves_no_due_date_already_given(world: World) -> None:
    assignment = _assign(world)
    _set_days(world, assignment.evaluation.application.round, 5)
    assignment.refresh_from_db()
    assert assignment.due_on == timezone.localdate() + timedelta(days=21)


@pytest.mark.parametrize("days", [0, 121])
def test_the_days_for_a_review_must_be_between_one_and_a_hundred_and_twenty(world: World, days: int) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    with pytest.raises(ValidationError):
        _set_days(world, app.round, days)


def test_the_settings_page_refuses_zero_days_with_a_message_and_keeps_the_other_values(world: World) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    url = reverse("evaluation:settings", args=[world.school_a.country.code])
    response = signed_in(world.people["nso_x"]).post(
        url, {"round": app.round.pk, "threshold": 20, "pass_mark": 55, "review_days": 0}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "review_days_error" in page
    assert 'value="55"' in page


def test_the_evaluator_is_told_the_due_date_in_their_language(world: World) -> None:
    assignment = _assign(world)
    notification = Notification.objects.get(kind="evaluation.assigned", recipient=world.people["evaluator_x"])
    with translation.override("ro"):
        sentence = render(notification.kind, notification.params)
    day = assignment.due_on
    assert str(day.year) in sentence and str(day.day) in sentence
    assert "până la" in sentence


def test_a_notification_from_before_due_dates_still_reads_as_a_sentence(world: World) -> None:
    sentence = render("evaluation.assigned", {"school": "Școala 1", "round": "2026-2027"})
    assert sentence == "You are asked to evaluate the application of Școala 1 for 2026-2027."


def test_an_overdue_review_is_flagged_on_the_evaluators_home_and_assignments(world: World) -> None:
    assignment = _assign(world)
    Assignment.objects.filter(pk=assignment.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    person = world.people["evaluator_x"]
    home = signed_in(person).get(reverse("accounts:dashboard"))
    panel = next(p for p in home.context["home"].panels if p.group == "evaluator")
    counts = {card.key: card.count for card in panel.cards}
    assert counts["evaluation.overdue"] == 1
    assert counts["evaluation.reviews"] == 0  # counted once, as overdue
    page = signed_in(person).get(reverse("evaluation:assignments")).content.decode()
    assert "Overdue" in page


def test_a_submitted_review_is_never_overdue(world: World) -> None:
    assignment = _assign(world)
    app = assignment.evaluation.application
    review(app, world.people["evaluator_x"], 4, 4, 4)
    Assignment.objects.filter(pk=assignment.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    home = signed_in(world.people["nso_x"]).get(reverse("accounts:dashboard"))
    panel = next(p for p in home.context["home"].panels if p.group == f"country:{world.school_a.country_id}")
    assert {card.key: card.count for card in panel.cards}["evaluation.overdue"] == 0


def test_the_nso_sees_how_many_reviews_of_its_country_are_overdue(world: World) -> None:
    assignment = _assign(world)
    Assignment.objects.filter(pk=assignment.pk).update(due_on=timezone.localdate() - timedelta(days=2))
    home = signed_in(world.people["nso_x"]).get(reverse("accounts:dashboard"))
    panel = next(p for p in home.context["home"].panels if p.group == f"country:{world.school_a.country_id}")
    assert {card.key: card.count for card in panel.cards}["evaluation.overdue"] == 1

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories as base
from tests.applications.factories import open_round
from tests.conftest import World
from tests.evaluation.factories import evaluator, review, submitted
from twinschools.evaluation import services
from twinschools.evaluation.models import Assignment, EvaluationSettings, Outcome
from twinschools.network.models import SchoolLabel


def _client(user) -> Client:
    client = Client()
    client.force_login(user, backend="twinschools.accounts.backends.AccountBackend")
    return client


def _applications(world: World, count: int):
    round = open_round(first_year=timezone.localdate().year)
    apps = []
    for number in range(count):
        school = world.school_a if number == 0 else base.SchoolFactory(country=world.school_a.country)
        head = (
            world.people["head_a"] if number == 0 else base.MembershipFactory(school=school, role="head").user
        )
        apps.append(submitted(school, head, round=round))
    return apps


@pytest.mark.parametrize("count", [1, 6])
def test_the_nso_list_costs_the_same_queries_for_one_or_many_applications(
    world: World, django_assert_num_queries, count: int
) -> None:
    apps = _applications(world, count)
    for app in apps:
        services.assign(application=app, evaluator=world.people["evaluator_x"], by=world.people["nso_x"])
    client = _client(world.people["nso_x"])
    # 13: with the one that finds the round with applications waiting (the page opens on it).
    with django_assert_num_queries(13):
        response = client.get(reverse("evaluation:nso_list"))
    assert len(response.context["page"].rows) == count


@pytest.mark.parametrize("count", [1, 6])
def test_my_assignments_cost_the_same_queries_for_one_or_many(
    world: World, django_assert_num_queries, count: int
) -> None:
    for app in _applications(world, count):
        services.assign(application=app, evaluator=world.people["evaluator_x"], by=world.people["nso_x"])
    client = _client(world.people["evaluator_x"])
    with django_assert_num_queries(9):
        response = client.get(reverse("evaluation:assignments"))
    assert len(response.context["rows"]) == count


@pytest.mark.parametrize("count", [1, 20])
def test_the_map_costs_the_same_queries_for_one_or_many_schools(
    world: World, django_assert_num_queries, count: int
) -> None:
    year = timezone.localdate().year
    for number in range(count):
        school = base.SchoolFactory(
            country=world.school_a.country, latitude=44 + number * 0.5, longitude=22 + number * 0.3
        )
        SchoolLabel.objects.create(school=school, first_year=year, last_year=year + 1)
    # the counts per country, their countries, the country's schools (its markers and table)
    with django_assert_num_queries(3):
        response = Client().get(reverse("evaluation:map"), {"country": "RO"})
    assert response.context["total"] == count
    assert len(response.context["schools"]) == count
    assert len(response.context["map"]["markers"]) == count


@pytest.mark.parametrize("count", [1, 20])
def test_the_map_of_every_country_costs_the_same_queries_for_one_or_many_cells(
    world: World, django_assert_num_queries, count: int
) -> None:
    year = timezone.localdate().year
    for number in range(count):
        school = base.SchoolFactory(
            country=world.school_a.country, latitude=44 + number * 1.5, longitude=22 + number * 1.5
        )
        SchoolLabel.objects.create(school=school, first_year=year, last_year=year + 1)
    # the counts per country, their countries, the cells
    with django_assert_num_queries(3):
        response = Client().get(reverse("evaluation:map"))
    cells = response.context["map"]["cells"]
    assert len(cells) == count and response.context["map"]["markers"] == []
    assert cells[0]["url"].endswith("?country=RO")


def test_a_conflict_of_interest_is_a_field_error_on_the_assignment_form(world: World) -> None:
    app = _applications(world, 1)[0]
    teacher = world.people["teacher_a"]
    base.CountryRoleFactory(user=teacher, country=world.school_a.country, role="evaluator")
    response = _client(world.people["nso_x"]).post(
        reverse("evaluation:assign", args=[app.pk]), {"evaluator": teacher.pk}
    )
    assert response.status_code == 400
    assert (
        "is a member of this school, so cannot evaluate it."
        in response.context["assign"].errors["evaluator"][0]
    )


def test_a_batch_with_a_failing_item_decides_nothing_and_lists_each_problem(world: World) -> None:
    apps = _applications(world, 2)
    response = _client(world.people["nso_x"]).post(
        reverse("evaluation:decide_batch"), {"applications": [a.pk for a in apps], "outcome": Outcome.AWARDED}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was decided" in page
    assert page.count("the evaluation is not finished") == 2


def test_the_evaluator_declares_saves_a_draft_and_submits_through_the_form(world: World) -> None:
    app = _applications(world, 1)[0]
    person = world.people["evaluator_x"]
    assignment = services.assign(application=app, evaluator=person, by=world.people["nso_x"])
    client = _client(person)
    url = reverse("evaluation:review", args=[assignment.pk])
    assert "Before you read the application" in client.get(url).content.decode()
    client.post(reverse("evaluation:declare", args=[assignment.pk]), {"answer": "no_conflict"})
    criteria = services.criteria_of(app)
    data = {f"level-{c.pk}": "3" for c in criteria} | {"private_notes": "Mine only.", "action": "save"}
    assert client.post(url, data).status_code == 302
    missing = {f"level-{criteria[0].pk}": "4", "action": "submit"}
    response = client.post(url, missing)
    assert response.status_code == 400 and "Choose a level" in response.content.decode()
    data["action"] = "submit"
    data[f"level-{criteria[2].pk}"] = "na"
    client.post(url, data)
    assignment.refresh_from_db()
    assert assignment.reviews.get().is_submitted


def test_the_nso_changes_the_threshold_pass_mark_and_days_for_a_review(world: World) -> None:
    app = _applications(world, 1)[0]
    url = reverse("evaluation:settings", args=["RO"])
    response = _client(world.people["nso_x"]).post(
        url, {"round": app.round_id, "threshold": 10, "pass_mark": 70, "review_days": 14}
    )
    assert response.status_code == 302
    saved = EvaluationSettings.objects.get(round=app.round, country=world.school_a.country)
    assert (saved.threshold, saved.pass_mark, saved.review_days) == (10, 70, 14)


def test_the_certificate_is_a_pdf_in_the_schools_language_or_the_one_asked(world: World) -> None:
    app = _applications(world, 1)[0]
    for person in (world.people["evaluator_x"], evaluator(world.school_a.country, "two@eval.ro")):
        services.assign(application=app, evaluator=person, by=world.people["nso_x"])
        review(app, person, 5, 4, 5)
    services.decide(application=app, outcome=Outcome.AWARDED, by=world.people["nso_x"])
    from twinschools.evaluation.certificates import language_for
    from twinschools.evaluation.models import LabelAward

    award = LabelAward.objects.get()
    assert language_for(award) == "ro" and language_for(award, "ca") == "ca"
    response = _client(world.people["head_a"]).get(
        reverse("evaluation:certificate", args=[app.pk]) + "?lang=en"
    )
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_the_public_rubric_shows_every_levels_descriptor(world: World) -> None:
    app = _applications(world, 1)[0]
    page = Client().get(reverse("evaluation:rubric", args=[app.round_id])).content.decode()
    for level in range(6):
        assert f"Level {level} means this." in page


def test_the_real_round_rubric_is_public_in_romanian(db: None) -> None:
    from twinschools.labels.models import Round

    round = Round.objects.filter(form_version__code="2023", status="published").first()
    if round is None:
        pytest.skip("no published round uses the 2023 form")
    with translation.override("en"):  # the middleware activates Romanian in this thread
        response = Client(headers={"accept-language": "ro"}).get(
            reverse("evaluation:rubric", args=[round.pk])
        )
    page = response.content.decode()
    assert "Conducere partajată" in page


def test_evaluator_y_and_nso_y_see_nothing_of_country_x(world: World) -> None:
    app = _applications(world, 1)[0]
    assignment = services.assign(
        application=app, evaluator=world.people["evaluator_x"], by=world.people["nso_x"]
    )
    assert _client(world.people["nso_y"]).get(reverse("evaluation:nso_list")).context["page"].rows == []
    assert _client(world.people["evaluator_y"]).get(reverse("evaluation:assignments")).context["rows"] == []
    assert (
        _client(world.people["evaluator_y"])
        .get(reverse("evaluation:review", args=[assignment.pk]))
        .status_code
        == 404
    )
    assert Assignment.objects.count() == 1


def test_a_batch_decision_goes_back_to_the_list_it_came_from_and_never_to_another_site(world: World) -> None:
    apps = _applications(world, 2)
    ro = world.school_a.country
    ana, bogdan = evaluator(ro, "ana@batch.ro"), evaluator(ro, "bogdan@batch.ro")
    for app in apps:
        for person in (ana, bogdan):
            services.assign(application=app, evaluator=person, by=world.people["nso_x"])
            review(app, person, 2, 2, 2)
    client = _client(world.people["nso_x"])
    url = reverse("evaluation:decide_batch")
    sent = {"applications": [apps[0].pk], "outcome": Outcome.NOT_AWARDED}
    back = reverse("evaluation:nso_list") + "?stage=decided"
    assert client.post(url, {**sent, "next": back})["Location"] == back
    elsewhere = client.post(url, {**sent, "applications": [apps[1].pk], "next": "https://evil.example/"})
    assert elsewhere["Location"] == reverse("evaluation:nso_list")

"""Searching the library: across languages through approach tags, and full text without diacritics."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.practices.factories import PracticeFactory
from twinschools.practices import services
from twinschools.practices.models import Visibility
from twinschools.practices.services import PracticeDraft


def found(client: Client | None = None, **params: str) -> list[str]:
    response = (client or Client()).get(reverse("practices:library"), params)
    assert response.status_code == 200
    return [practice.title for practice in response.context["page"].object_list]


@pytest.fixture
def library(db: None) -> None:
    romania, spain = factories.country("RO"), factories.country("ES")
    cluj = factories.SchoolFactory(name="Școala Gimnazială nr. 1", country=romania)
    lleida = factories.SchoolFactory(name="Institut Màrius Torres", country=spain)
    PracticeFactory(
        school=cluj,
        title="Clasa inversată la științe",
        summary="Elevii urmăresc acasă un film despre apă.",
        description="Măsurători în laborator.",
        language="ro",
        visibility=Visibility.PUBLIC,
        approaches=["flipped"],
        age_min=11,
        age_max=13,
        subjects="science",
    )
    PracticeFactory(
        school=lleida,
        title="Jocs de matemàtiques",
        summary="L'alumnat crea jocs de taula.",
        description="Fraccions i percentatges.",
        language="ca",
        visibility=Visibility.PUBLIC,
        approaches=["game-based"],
        age_min=8,
        age_max=10,
        subjects="maths",
    )


@pytest.mark.parametrize(
    "typed",
    ["aula invertida", "Aula Invertida", "flipped classroom", "clasa inversata", "invertida", "inversată"],
)
def test_an_approach_named_in_any_language_finds_the_practices_tagged_with_it(
    library: None, typed: str
) -> None:
    assert found(q=typed) == ["Clasa inversată la științe"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("stiinte", "Clasa inversată la științe"),
        ("ȘTIINȚE", "Clasa inversată la științe"),
        ("masuratori laborator", "Clasa inversată la științe"),
        ("matematiques", "Jocs de matemàtiques"),
        ("l alumnat", "Jocs de matemàtiques"),
    ],
)
def test_full_text_ignores_diacritics_case_and_word_order(library: None, typed: str, expected: str) -> None:
    assert found(q=typed) == [expected]


def test_every_word_must_match_the_text_or_an_approach(library: None) -> None:
    assert found(q="invertida matematiques") == []
    assert found(q="invertida apa") == ["Clasa inversată la științe"]


def test_subject_and_level_names_are_searchable_in_every_language(world: World) -> None:
    services.share_practice(
        school=world.school_a,
        author=world.people["teacher_a"],
        draft=PracticeDraft(
            title="Fracții cu bomboane",
            summary="Rezumat",
            description="Descriere",
            language="ro",
            visibility=Visibility.PUBLIC,
            subjects=["maths"],
            levels=["primary"],
        ),
    )
    assert found(q="mathematics") == ["Fracții cu bomboane"]
    assert found(q="primària") == ["Fracții cu bomboane"]


def test_filters_narrow_by_approach_subject_age_language_and_country(library: None) -> None:
    assert found(approach="game-based") == ["Jocs de matemàtiques"]
    assert found(subject="science") == ["Clasa inversată la științe"]
    assert found(age="9") == ["Jocs de matemàtiques"]
    assert found(language="ro") == ["Clasa inversată la științe"]
    assert found(country="ES") == ["Jocs de matemàtiques"]


def test_the_level_filter_keeps_practices_for_that_level(world: World) -> None:
    PracticeFactory(
        school=world.school_a, visibility=Visibility.PUBLIC, title="For the little ones", levels=["primary"]
    )
    PracticeFactory(school=world.school_a, visibility=Visibility.PUBLIC, title="For teenagers")
    assert found(level="primary") == ["For the little ones"]


def test_htmx_requests_get_only_the_results(library: None) -> None:
    response = Client().get(
        reverse("practices:library"), {"q": "aula invertida"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "Clasa inversată la științe" in page
    assert "<form" not in page


def test_search_never_reaches_practices_the_reader_may_not_see(world: World) -> None:
    PracticeFactory(
        school=world.school_a, visibility=Visibility.SCHOOL, title="Kept in school", approaches=["flipped"]
    )
    assert found(q="aula invertida") == []
    assert found(signed_in(world.people["teacher_b"]), q="aula invertida") == []
    assert found(signed_in(world.people["teacher_a"]), q="aula invertida") == ["Kept in school"]


def test_past_the_count_cap_the_library_says_more_than_and_still_pages(library: None, settings) -> None:
    settings.PRACTICE_LIBRARY_COUNT_CAP = 1
    response = Client().get(reverse("practices:library"))
    page = response.context["page"]
    assert page.paginator.is_capped
    assert "More than 1 practices found." in response.content.decode()
    assert len(page.object_list) == 2


def test_below_the_count_cap_the_library_gives_the_exact_number(library: None) -> None:
    response = Client().get(reverse("practices:library"))
    assert not response.context["page"].paginator.is_capped
    assert "2 practices found." in response.content.decode()

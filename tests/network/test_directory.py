from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from twinschools.network import queries
from twinschools.network.models import Language


def found(**params: str) -> list[str]:
    response = Client().get(reverse("network:directory"), params)
    assert response.status_code == 200
    return [school.name for school in response.context["page"].object_list]


@pytest.fixture
def schools(db: None) -> None:
    spain, france = factories.country("ES"), factories.country("FR")
    factories.SchoolFactory(name="Școala Gimnazială nr. 1", town="Cluj-Napoca")
    factories.SchoolFactory(
        name="Colegiul Național „Mihai Eminescu”", town="Iași", levels=["upper-secondary"]
    )
    factories.SchoolFactory(name="Institut Màrius Torres", town="Lleida", country=spain)
    factories.SchoolFactory(name="École Jules Ferry", town="Évreux", country=france, levels=["primary"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("scoala", "Școala Gimnazială nr. 1"),
        ("SCOALA gimnaziala", "Școala Gimnazială nr. 1"),
        ("lleida", "Institut Màrius Torres"),
        ("marius", "Institut Màrius Torres"),
        ("ecole", "École Jules Ferry"),
        ("evreux", "École Jules Ferry"),
        ("colegiul national", "Colegiul Național „Mihai Eminescu”"),
        ("national colegiul", "Colegiul Național „Mihai Eminescu”"),
        ("iasi", "Colegiul Național „Mihai Eminescu”"),
    ],
)
def test_search_ignores_accents_case_and_word_order(schools: None, typed: str, expected: str) -> None:
    assert found(q=typed) == [expected]


def test_a_word_that_matches_nothing_finds_no_school_and_says_so(schools: None) -> None:
    response = Client().get(reverse("network:directory"), {"q": "zzzz"})
    assert response.context["page"].paginator.count == 0
    assert "No school matches your search" in response.content.decode()


def test_filters_narrow_by_country_level_and_label(schools: None) -> None:
    assert found(country="ES") == ["Institut Màrius Torres"]
    assert found(level="upper-secondary") == ["Colegiul Național „Mihai Eminescu”"]
    labelled = factories.SchoolFactory(name="Liceul cu Etichetă")
    factories.SchoolLabelFactory(school=labelled)
    assert found(label="current") == ["Liceul cu Etichetă"]
    assert "Liceul cu Etichetă" not in found(label="never")


def test_filters_narrow_by_region_and_language(schools: None) -> None:
    school = factories.SchoolFactory(name="Liceul Bilingv")
    school.languages.set(Language.objects.filter(code="fr"))
    assert found(language="fr") == ["Liceul Bilingv"]
    assert found(country="RO", region=str(school.region_id)) == ["Liceul Bilingv"]


def test_an_unknown_filter_value_is_ignored_with_a_message_not_an_error(schools: None) -> None:
    response = Client().get(reverse("network:directory"), {"country": "XX", "q": "scoala"})
    assert response.status_code == 200
    assert [s.name for s in response.context["page"].object_list] == ["Școala Gimnazială nr. 1"]
    assert "country" in response.context["form"].errors


def test_results_are_paginated_and_keep_the_search(db: None) -> None:
    factories.SchoolFactory.create_batch(25, town="Turda")
    response = Client().get(reverse("network:directory"), {"q": "turda", "page": "2"})
    assert response.context["page"].number == 2
    assert len(response.context["page"].object_list) == 5
    assert "q=turda&amp;page=1" in response.content.decode()


def test_htmx_requests_get_only_the_results(schools: None) -> None:
    response = Client().get(reverse("network:directory"), {"q": "lleida"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page
    assert "Institut Màrius Torres" in page


@pytest.mark.parametrize("count", [1, 30])
def test_the_directory_costs_the_same_queries_for_one_school_as_for_thirty(
    db: None, count: int, django_assert_num_queries
) -> None:
    factories.SchoolFactory.create_batch(count, town="Sibiu")
    labelled = factories.SchoolFactory(town="Sibiu")
    factories.SchoolLabelFactory(school=labelled)
    with django_assert_num_queries(6):
        Client().get(reverse("network:directory"), {"q": "sibiu"})


def test_choosing_a_country_refreshes_the_region_filter_with_its_regions(schools: None) -> None:
    region = factories.RegionFactory(country=factories.country("ES"), name="Lleida")
    response = Client().get(reverse("network:directory"), {"country": "ES"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert 'id="id_region-row" hx-swap-oob="true"' in page
    assert f'<option value="{region.pk}">Lleida</option>' in page


def test_past_the_cap_the_directory_says_more_than_instead_of_counting(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "DIRECTORY_COUNT_CAP", 3)
    factories.SchoolFactory.create_batch(5, town="Arad")
    response = Client().get(reverse("network:directory"), {"q": "arad"})
    page = response.content.decode()
    assert "More than 3 schools found. Add words or filters to narrow the search." in page
    assert [school.town for school in response.context["page"].object_list] == ["Arad"] * 5


def test_results_are_sorted_by_name_below_and_above_the_cap(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("Școala Zorilor", "Liceul Alba", "Colegiul Mureș", "Școala Ana"):
        factories.SchoolFactory(name=name, town="Deva")
    expected = ["Colegiul Mureș", "Liceul Alba", "Școala Ana", "Școala Zorilor"]
    assert found(q="deva") == expected
    monkeypatch.setattr(queries, "DIRECTORY_COUNT_CAP", 2)
    assert found(q="deva") == expected


def test_short_words_match_whole_words_only(db: None) -> None:
    for name in ("Școala Gimnazială nr. 3", "Școala Gimnazială nr. 13", "Liceul nr 3"):
        factories.SchoolFactory(name=name, town="Brașov")
    assert found(q="nr 3") == ["Liceul nr 3", "Școala Gimnazială nr. 3"]
    assert found(q="3 brasov") == ["Liceul nr 3", "Școala Gimnazială nr. 3"]

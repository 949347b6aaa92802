from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.conftest import World
from tests.events.factories import SessionFactory
from tests.factories import RegionFactory
from tests.mentoring.factories import MentorOfferFactory
from tests.reach.factories import came_to_event_of, labelled, mentored_by, placed_school
from twinschools.core.models import Job
from twinschools.network.models import Country
from twinschools.reach import queries

pytestmark = pytest.mark.django_db


def _streamed(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_the_school_page_lists_schools_reached_by_events_and_mentoring_with_a_map_of_linked_markers(
    world: World,
) -> None:
    ro = world.school_a.country
    by_event = placed_school(ro, 46.77, 23.59, name="Liceul Cluj")
    by_mentoring = placed_school(ro, 47.13, 24.49, name="Școala Bistrița Nord")
    came_to_event_of(world.school_a, by_event, role="teacher")
    came_to_event_of(world.school_a, None, school_name="Școala din Sat", status="confirmed")
    came_to_event_of(
        world.school_a, placed_school(ro, 45.0, 25.0, name="Absent"), status="cancelled", came=False
    )
    came_to_event_of(world.school_a, placed_school(ro, 45.1, 25.1, name="Registered only"), came=False)
    mentored_by(world.school_a, by_mentoring)
    world.school_a.latitude, world.school_a.longitude = 46.5, 23.0
    world.school_a.save(update_fields=["latitude", "longitude"])
    response = signed_in(world.people["teacher_a"]).get(
        reverse("reach:school_reach", args=[world.school_a.pk])
    )
    html = response.content.decode()
    names = [item.name for item in response.context["reach"].schools]
    assert names == ["Liceul Cluj", "Școala Bistrița Nord", "Școala din Sat"]
    assert response.context["reach"].teacher_count == 2
    markers = response.context["map"]["markers"]
    assert [m["name"] for m in markers] == [world.school_a.name, "Liceul Cluj", "Școala Bistrița Nord"]
    assert [m["kind"] for m in markers] == ["home", "reached", "reached"]
    assert markers[1]["url"] == reverse("network:school", args=[by_event.pk])
    assert 'id="reach-map-data"' in html and 'data-map="reach-map-data"' in html and "Absent" not in html
    assert "Registered only" not in html  # a registration alone reaches nobody
    assert "style=" not in html


def test_another_schools_outreach_does_not_show_on_the_page(world: World) -> None:
    came_to_event_of(world.school_b, placed_school(world.school_a.country, 46.0, 23.0, name="Alta"))
    reach = queries.school_reach(world.school_a)
    assert reach.schools == []


def _anchored_country(world: World) -> tuple[Country, object, object]:
    ro = world.school_a.country
    north, south = RegionFactory(country=ro, name="Nord"), RegionFactory(country=ro, name="Sud")
    labelled(placed_school(ro, 46.77, 23.60, region=north, name="Ancora"))
    MentorOfferFactory(school=placed_school(ro, 44.43, 26.10, region=south, name="Mentor București"))
    placed_school(ro, 46.80, 23.65, region=north, name="Aproape de Cluj")  # ~5 km
    placed_school(ro, 47.65, 23.58, region=north, name="Departe Baia Mare")  # ~98 km
    placed_school(ro, 44.45, 26.15, region=south, name="Aproape de București")  # ~5 km
    return ro, north, south


def test_coverage_gaps_are_the_schools_farther_than_the_distance_from_every_anchor(world: World) -> None:
    ro, _north, _south = _anchored_country(world)
    countries = Country.objects.filter(pk=ro.pk)
    year = timezone.localdate().year
    assert [s.name for s in queries.gaps(countries, km=30, year=year)] == ["Departe Baia Mare"]
    assert [s.name for s in queries.gaps(countries, km=120, year=year)] == []
    assert list(queries.gaps(countries, km=30, year=year + 5)) != []  # the label has lapsed by then
    table = {row.region.name: row for row in queries.region_table(countries, km=30, year=year)}
    assert (table["Nord"].etwinning_schools, table["Nord"].gaps) == (1, 1)
    assert (table["Sud"].etwinning_schools, table["Sud"].gaps) == (0, 0)


def _exported(client: Any, url: str, query: str, capture: Any) -> str:
    """Press the page's export button, let the worker write the file, download it from the job's page."""
    with capture(execute=True):
        response = client.post(url, {"query": query})
    job = Job.objects.latest("created_at")
    assert response.url == reverse("core:job", args=[job.pk])
    page = client.get(response.url).content.decode()
    download = reverse("core:job_download", args=[job.pk])
    assert f'href="{download}"' in page
    return _streamed(client.get(download))


def test_the_nso_page_shows_regions_and_gaps_and_exports_them_as_csv_in_the_background(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    _anchored_country(world)
    client = signed_in(world.people["nso_x"])
    response = client.get(reverse("reach:country_reach"), {"km": 30})
    assert response.status_code == 200
    assert [s.name for s in response.context["gap_schools"]] == ["Departe Baia Mare"]
    assert 'name="query" value="km=30"' in response.content.decode()
    capture = django_capture_on_commit_callbacks
    regions = _exported(client, reverse("reach:regions_csv"), "km=30", capture)
    assert "Nord,1,0,1" in regions
    gaps = _exported(client, reverse("reach:gaps_csv"), "km=30", capture)
    assert "Departe Baia Mare" in gaps and "Aproape de Cluj" not in gaps
    # The file is its owner's: other NSO staff, even of the same country, get nothing.
    other = signed_in(world.people["nso_y"])
    job = Job.objects.latest("created_at")
    assert other.get(reverse("core:job_download", args=[job.pk])).status_code == 404


def test_nso_staff_of_another_country_see_none_of_its_regions(world: World) -> None:
    _anchored_country(world)
    response = signed_in(world.people["nso_y"]).get(reverse("reach:country_reach"))
    assert all(row.region.country.code != "RO" for row in response.context["rows"])
    assert response.context["gap_total"] == 0


def test_a_bad_distance_comes_back_with_the_error_in_romanian(world: World) -> None:
    client = signed_in(world.people["nso_x"])
    response = client.get(reverse("reach:country_reach"), {"km": "0"}, HTTP_ACCEPT_LANGUAGE="ro")
    assert response.status_code == 400
    assert 'value="0"' in response.content.decode()
    assert "mai mare sau egală cu 1" in response.context["form"].errors["km"][0]


def test_the_mission_overview_counts_the_schools_reached(world: World) -> None:
    came_to_event_of(world.school_a, placed_school(world.school_a.country, 46.0, 23.0))
    mentored_by(world.school_a, placed_school(world.school_a.country, 46.1, 23.1))
    start = timezone.now() - timedelta(days=365)
    assert queries.reached_count(world.school_a, start=start, end=timezone.now()) == 2


def test_the_mission_overview_counts_a_school_reached_only_when_its_people_were_checked_in(
    world: World,
) -> None:
    start, end = timezone.now() - timedelta(days=365), timezone.now()
    registered = came_to_event_of(
        world.school_a, placed_school(world.school_a.country, 46.0, 23.0), came=False
    )
    past = SessionFactory(event=registered.event, starts_at=timezone.now() - timedelta(days=3))
    assert queries.reached_count(world.school_a, start=start, end=end) == 0  # registered, never came
    last_year = SessionFactory(event=registered.event, starts_at=timezone.now() - timedelta(days=400))
    registered.attended.add(last_year)
    assert queries.reached_count(world.school_a, start=start, end=end) == 0  # came before the period
    registered.attended.add(past)
    assert queries.reached_count(world.school_a, start=start, end=end) == 1


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_school_page_costs_the_same_queries_for_one_school_reached_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    for n in range(how_many):
        came_to_event_of(world.school_a, placed_school(world.school_a.country, 46 + n / 10, 23.0))
        mentored_by(world.school_a, placed_school(world.school_a.country, 45 + n / 10, 24.0))
    client = signed_in(world.people["teacher_a"])
    with django_assert_num_queries(7):  # type: ignore[operator]
        assert client.get(reverse("reach:school_reach", args=[world.school_a.pk])).status_code == 200


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_nso_page_costs_the_same_queries_for_one_region_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    ro = world.school_a.country
    for n in range(how_many):
        region = RegionFactory(country=ro, name=f"Județul {n}")
        placed_school(ro, 44 + n / 5, 22.0, region=region)
    client = signed_in(world.people["nso_x"])
    # the regions, the gaps once (per region and map cell) and their first rows, the region
    # table, the map's anchors and reached schools, and the page's frame (session, roles...)
    with django_assert_num_queries(10):  # type: ignore[operator]
        assert client.get(reverse("reach:country_reach")).status_code == 200


def test_the_nso_map_groups_anchors_and_gaps_into_cells_and_says_how_many(world: World) -> None:
    _anchored_country(world)
    response = signed_in(world.people["nso_x"]).get(reverse("reach:country_reach"), {"km": 30})
    cells = response.context["map"]["cells"]
    assert {cell["kind"] for cell in cells} == {"anchor", "gap"}
    assert response.context["map_totals"]["gap"] == 1
    gap = next(cell for cell in cells if cell["kind"] == "gap")
    assert (gap["name"], gap["lines"]) == ("1 school in a coverage gap", ["Region: Nord"])
    assert response.context["map"]["markers"] == []  # a whole country's gaps stay in cells
    html = response.content.decode()
    assert 'data-map="coverage-map-data"' in html and 'class="map-cell map-cell-gap"' in html
    assert "2 eTwinning Schools and mentor schools" in html
    assert "1 school farther than 30 km from any eTwinning School or mentor school" in html


def test_a_regions_map_adds_a_marker_linking_to_each_listed_gap_school(world: World) -> None:
    _ro, north, _south = _anchored_country(world)
    response = signed_in(world.people["nso_x"]).get(
        reverse("reach:country_reach"), {"km": 30, "region": north.pk}
    )
    [marker] = response.context["map"]["markers"]
    gap = response.context["gap_schools"][0]
    assert (marker["name"], marker["kind"], marker["lines"][-1]) == ("Departe Baia Mare", "gap", "Nord")
    assert marker["url"] == reverse("network:school", args=[gap.pk])


def test_cells_are_drawn_gaps_first_and_anchors_last_with_their_counts_and_regions(world: World) -> None:
    from twinschools.reach.mapping import coverage_map
    from twinschools.reach.queries import Cell

    cells = [
        Cell("anchor", 46.5, 23.5, 2, (1,)),
        Cell("gap", 46.0, 23.0, 40, (1, 2)),
        Cell("gap", 47.0, 24.0, 1),
    ]
    drawn = coverage_map(cells, {1: "Cluj", 2: "Alba"}, [])["cells"]
    assert [c["kind"] for c in drawn] == ["gap", "gap", "anchor"]  # anchors drawn last, on top
    assert drawn[0]["count"] == 40 and drawn[0]["lines"] == ["Region: Alba, Cluj"]
    assert drawn[1]["lines"] == []


def test_schools_of_one_cell_in_two_regions_make_one_cell_that_names_both(world: World) -> None:
    ro = world.school_a.country
    north, south = RegionFactory(country=ro, name="Nord"), RegionFactory(country=ro, name="Sud")
    placed_school(ro, 46.01, 23.01, region=north)
    placed_school(ro, 46.02, 23.02, region=south)
    countries = Country.objects.filter(pk=ro.pk)
    year = timezone.localdate().year
    summary = queries.gap_summary(countries, km=30, year=year)
    assert [(c.schools, set(c.regions)) for c in summary.cells] == [(2, {north.pk, south.pk})]
    assert summary.by_region == {north.pk: 1, south.pk: 1} and summary.total == 2


def test_a_school_near_an_anchor_across_a_cell_border_is_covered_and_one_just_too_far_is_not(
    world: World,
) -> None:
    ro = world.school_a.country
    labelled(placed_school(ro, 46.000, 23.000, name="Ancora"))
    placed_school(ro, 46.001, 23.001, name="Vecina")  # the anchor's own small cell
    placed_school(ro, 46.070, 23.000, name="Peste granita celulei")  # 7.8 km, in the next cell
    placed_school(ro, 46.100, 23.000, name="Prea departe")  # 11.1 km
    countries = Country.objects.filter(pk=ro.pk)
    year = timezone.localdate().year
    assert [s.name for s in queries.gaps(countries, km=10, year=year)] == ["Prea departe"]
    summary = queries.gap_summary(countries, km=10, year=year)
    assert summary.total == 1 and sum(cell.schools for cell in summary.cells) == 1

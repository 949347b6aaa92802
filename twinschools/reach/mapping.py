"""The reach maps as data for static/js/maps.js: a school's reached schools, the NSO's coverage.

The coverage map gets grid cells counted in SQL (queries.map_cells, gap_summary), never one
point per school of the country; only the gap schools already listed in the page's table
(at most a few hundred) are drawn as markers of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinschools.core import maps
from twinschools.network.models import School
from twinschools.reach.queries import Cell, ReachedSchool

# Gaps are drawn first and anchors last (the script stacks them the same way).
CELL_ORDER = {"gap": 0, "reached": 1, "anchor": 2}


def _through(item: ReachedSchool) -> str:
    if item.through_events and item.through_mentoring:
        return _("Reached through events and mentoring")
    if item.through_mentoring:
        return _("Reached through mentoring")
    return _("Reached through events")


def _school_link(pk: int | None) -> dict[str, str]:
    if pk is None:
        return {}
    return {"url": reverse("network:school", args=[pk]), "link": _("Open the school's page")}


def school_map(school: School, schools: list[ReachedSchool]) -> maps.MapContent:
    """The school itself and every reached school with a location, each with a link."""
    markers = [
        maps.marker(
            lat=item.latitude,
            lon=item.longitude,
            name=item.name,
            kind="reached",
            lines=[line for line in (item.town, _through(item)) if line],
            **_school_link(item.pk),
        )
        for item in schools
        if item.latitude is not None and item.longitude is not None
    ]
    if markers and school.latitude is not None and school.longitude is not None:
        home = maps.marker(
            lat=school.latitude,
            lon=school.longitude,
            name=school.name,
            kind="home",
            lines=[_("This school")],
            **_school_link(school.pk),
        )
        markers.insert(0, home)
    return maps.content(markers=markers)


def _cell_name(cell: Cell) -> str:
    if cell.kind == "anchor":
        text = ngettext(
            "%(count)s eTwinning School or mentor school",
            "%(count)s eTwinning Schools and mentor schools",
            cell.schools,
        )
    elif cell.kind == "reached":
        text = ngettext(
            "%(count)s other school reached by outreach",
            "%(count)s other schools reached by outreach",
            cell.schools,
        )
    else:
        text = ngettext(
            "%(count)s school in a coverage gap", "%(count)s schools in a coverage gap", cell.schools
        )
    return text % {"count": cell.schools}


def _region_line(cell: Cell, region_names: Mapping[int, str]) -> list[str]:
    names = sorted(region_names[pk] for pk in cell.regions if pk in region_names)
    if not names:
        return []
    return [_("Region: %(regions)s") % {"regions": ", ".join(names)}]


def coverage_map(
    cells: list[Cell], region_names: Mapping[int, str], gap_schools: Iterable[School]
) -> maps.MapContent:
    """Cells of anchors, reached schools and gaps (circles sized by count), plus the listed gaps."""
    drawn = [
        maps.cell(
            lat=cell.latitude,
            lon=cell.longitude,
            count=cell.schools,
            kind=cell.kind,
            name=_cell_name(cell),
            lines=_region_line(cell, region_names),
        )
        for cell in sorted(cells, key=lambda cell: CELL_ORDER[cell.kind])
    ]
    points = [
        maps.marker(
            lat=school.latitude,
            lon=school.longitude,
            name=school.name,
            kind="gap",
            lines=[line for line in (school.town, school.region.name if school.region else "") if line],
            **_school_link(school.pk),
        )
        for school in gap_schools
        if school.latitude is not None and school.longitude is not None
    ]
    return maps.content(markers=points, cells=drawn)

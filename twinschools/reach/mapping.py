"""The reach maps as data for static/js/maps.js: a school's reached schools, the NSO's coverage.

The coverage map gets grid cells counted in SQL (queries.map_cells, gap_summary), never one
point per school of the country; only the gap schools already listed in the page's table
(at most a few hundred) are drawn as markers of their own. Under them each region with a bundled
shape is shaded by its share of schools in a gap (GAP_SHADES), from the region table's rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinschools.core import maps
from twinschools.network.models import Region, School
from twinschools.reach.queries import Cell, ReachedSchool, RegionRow

# Gaps are drawn first and anchors last (the script stacks them the same way).
CELL_ORDER = {"gap": 0, "reached": 1, "anchor": 2}


def _through(item: ReachedSchool) -> str:
    if item.through_events and item.through_mentoring:
        return _("Reached through events and mentoring")
    if item.through_mentoring:
        return _("Reached through mentoring")
    return _("Reached through events")


def _school_link(item: ReachedSchool | School) -> tuple[str, str]:
    if item.pk is None:
        return ("", "")
    return (reverse("network:school", args=[item.pk]), _("Open the school's page"))


def _present(*lines: str) -> list[str]:
    return [line for line in lines if line]


def school_map(school: School, schools: list[ReachedSchool]) -> maps.MapContent:
    """The school itself and every reached school with a location, each with a link."""
    markers = maps.markers_of(
        schools,
        name=lambda item: item.name,
        kind=lambda item: "reached",
        lines=lambda item: _present(item.town, _through(item)),
        link=_school_link,
    )
    if markers:
        markers[:0] = maps.markers_of(
            [school],
            name=lambda home: home.name,
            kind=lambda home: "home",
            lines=lambda home: [_("This school")],
            link=_school_link,
        )
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


# A region's shade by its share of schools in a gap: none (no school in a gap), low (under 10%),
# medium (10% to under 30%), high (30% or more). The legend names the same buckets in words.
GAP_SHADES = ("none", "low", "medium", "high")
LOW_SHARE, HIGH_SHARE = 0.10, 0.30


def gap_shade(gaps: int, schools: int) -> str:
    if gaps <= 0 or schools <= 0:
        return "none"
    share = gaps / schools
    if share < LOW_SHARE:
        return "low"
    return "medium" if share < HIGH_SHARE else "high"


def gap_shade_labels() -> dict[str, str]:
    """The legend's words for each shade, in GAP_SHADES order."""
    low, high = round(100 * LOW_SHARE), round(100 * HIGH_SHARE)
    return {
        "none": _("No school in a gap"),
        "low": _("Under %(high)s%% of the schools in a gap") % {"high": low},
        "medium": _("%(low)s%% to under %(high)s%% of the schools in a gap") % {"low": low, "high": high},
        "high": _("%(low)s%% or more of the schools in a gap") % {"low": high},
    }


def _region_shade(row: RegionRow, selected: Region | None) -> maps.MapItem:
    return maps.region_shade(
        name=row.region.name,
        shade=gap_shade(row.gaps, row.schools),
        lines=[
            _("eTwinning Schools: %(count)s") % {"count": row.etwinning_schools},
            _("Schools reached: %(count)s") % {"count": row.reached},
            _("Schools in a gap: %(gaps)s of %(schools)s (%(percent)s%%)")
            % {"gaps": row.gaps, "schools": row.schools, "percent": row.gap_percent},
        ],
        selected=selected is not None and row.region.pk == selected.pk,
    )


def region_layers(rows: Sequence[RegionRow], selected: Region | None = None) -> list[maps.MapItem | None]:
    """One layer of region shapes per country of the rows, each region shaded by its gaps."""
    by_country = sorted(rows, key=lambda row: row.region.country.code)
    return [
        maps.region_layer(code, {row.region.code: _region_shade(row, selected) for row in country_rows})
        for code, country_rows in groupby(by_country, key=lambda row: row.region.country.code)
    ]


def coverage_map(
    cells: list[Cell],
    region_names: Mapping[int, str],
    gap_schools: Iterable[School],
    regions: Sequence[maps.MapItem | None] = (),
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
    points = maps.markers_of(
        gap_schools,
        name=lambda school: school.name,
        kind=lambda school: "gap",
        lines=lambda school: _present(school.town, school.region.name if school.region else ""),
        link=_school_link,
    )
    return maps.content(markers=points, cells=drawn, regions=regions)

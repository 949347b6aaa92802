from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from twinschools.accounts import queries as accounts_queries
from twinschools.core.permissions import requires
from twinschools.core.routers import reads_from_replica
from twinschools.network.models import Country, Region, School
from twinschools.reach import charts, exports, mapping, queries
from twinschools.reach.forms import CoverageForm, coverage_choice

SECTION = "reach"
GAP_ROWS_SHOWN = 50  # the page lists the first ones; the CSV has them all


@requires("workspace.view", load=accounts_queries.school)
def school_reach(request: HttpRequest, obj: School) -> HttpResponse:
    reach = queries.school_reach(obj)
    context = {
        "school": obj,
        "section": SECTION,
        "reach": reach,
        "map": mapping.school_map(obj, reach.schools),
        "placed_count": len(reach.placed),
    }
    return render(request, "reach/school_reach.html", context)


def _coverage(request: HttpRequest) -> tuple[CoverageForm, int, Region | None, QuerySet[Country], int]:
    countries = queries.countries_for(request.user)
    form, km, region = coverage_choice(request.GET, queries.regions_of(countries))
    return form, km, region, countries, timezone.localdate().year


def _map(
    countries: QuerySet[Country],
    *,
    year: int,
    region: Region | None,
    gap_cells: list[queries.Cell],
    rows: list[queries.RegionRow],
    gap_schools: list[School],
) -> dict[str, object]:
    cells = queries.map_cells(countries, year=year, region=region, gap_cells=gap_cells)
    totals = {kind: sum(c.schools for c in cells if c.kind == kind) for kind in ("anchor", "reached", "gap")}
    region_names = {row.region.pk: row.region.name for row in rows}
    regions = mapping.region_layers(rows, region)
    return {
        "map": mapping.coverage_map(cells, region_names, gap_schools, regions),
        "map_cell_count": len(cells),
        "map_totals": totals,
        "map_shades": mapping.gap_shade_labels(),
    }


@requires("reach.view_country")
@reads_from_replica
def country_reach(request: HttpRequest) -> HttpResponse:
    form, km, region, countries, year = _coverage(request)
    gap_schools = queries.gaps(countries, km=km, year=year, region=region)
    summary = queries.gap_summary(countries, km=km, year=year, region=region)
    rows = queries.region_table(countries, km=km, year=year, gap_counts=summary.by_region)
    shown = list(gap_schools[:GAP_ROWS_SHOWN])
    context = {
        "form": form,
        "km": km,
        "region": region,
        "rows": rows,
        "coverage_chart": charts.coverage_by_region(rows, km=km),
        "gap_schools": shown,
        "gap_total": summary.total,
        "query": request.GET.urlencode(),
        # A region's gap schools get markers of their own; a whole country's stay in cells.
        **_map(
            countries,
            year=year,
            region=region,
            gap_cells=summary.cells,
            rows=rows,
            gap_schools=shown if region is not None else [],
        ),
    }
    return render(request, "reach/country_reach.html", context, status=400 if form.errors else 200)


def _export(request: HttpRequest, which: str) -> HttpResponse:
    """Starts the export as a background job with the page's query; its page offers the file."""
    job = exports.start_export(by=request.user, which=which, query=request.POST.get("query", "")[:500])
    return redirect("core:job", job.pk)


@requires("reach.view_country")
@require_POST
def regions_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "regions")


@requires("reach.view_country")
@require_POST
def gaps_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "gaps")

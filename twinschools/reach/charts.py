"""The NSO's coverage page drawn as a chart (core.charts): per region, schools reached and in a gap."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from twinschools.core.charts import Chart, Series, bars
from twinschools.reach.queries import RegionRow


def coverage_by_region(rows: Sequence[RegionRow], *, km: float) -> Chart:
    return bars(
        id="chart-coverage",
        caption=_("Schools reached and schools in a gap per region"),
        summary=_(
            "Paired bars: for each of the %(count)s regions, the schools that the outreach of eTwinning "
            "Schools reached and the schools farther than %(km)s km from any eTwinning School or mentor "
            "school; the numbers are printed after the bars and given in the table after the chart."
        )
        % {"count": len(rows), "km": f"{km:g}"},
        category_heading=_("Region"),
        categories=[row.region.name for row in rows],
        series=[
            Series(_("Schools reached"), tuple(row.reached for row in rows)),
            Series(_("Schools in a gap"), tuple(row.gaps for row in rows)),
        ],
        stacked=False,
    )

"""The NSO's eligibility page drawn as a chart (core.charts): eligible and not eligible per region."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from twinschools.core.charts import Chart, Series, bars
from twinschools.labels.queries import RegionCount


def eligibility_by_region(counts: Sequence[RegionCount], *, round_name: str) -> Chart:
    return bars(
        id="chart-eligibility",
        caption=_("Eligible and not eligible schools per region, round %(name)s") % {"name": round_name},
        summary=_(
            "Stacked bars: for each of the %(count)s regions, the schools that are eligible and those "
            "that are not; the numbers are printed on the bars and given in the table after the chart."
        )
        % {"count": len(counts)},
        category_heading=_("Region"),
        categories=[row.name for row in counts],
        series=[
            Series(_("Eligible"), tuple(row.eligible for row in counts)),
            Series(_("Not eligible"), tuple(row.checked - row.eligible for row in counts)),
        ],
    )

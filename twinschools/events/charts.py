"""The school's events overview drawn as a chart (core.charts): registered and attended per event."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from twinschools.core.charts import Chart, Series, bars
from twinschools.events.queries import Attendance


def attendance(rows: Sequence[Attendance]) -> Chart:
    return bars(
        id="chart-attendance",
        caption=_("People registered and people who came, per event"),
        summary=_(
            "Paired bars: for each of the school's %(count)s latest events that have begun, the people "
            "whose registration was confirmed and the people checked in at one session at least; the "
            "numbers are printed after the bars and given in the table after the chart."
        )
        % {"count": len(rows)},
        category_heading=_("Event"),
        categories=[row.title for row in rows],
        series=[
            Series(_("Registered"), tuple(row.registered for row in rows)),
            Series(_("Attended"), tuple(row.attended for row in rows)),
        ],
        stacked=False,
    )

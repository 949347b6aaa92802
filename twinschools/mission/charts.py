"""The mission overview's two charts (core.charts): activity per commitment over time, and
the action plan's actions per commitment by status (planned versus done)."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from twinschools.core.charts import Chart, Series, bars, columns
from twinschools.core.mission import COMMITMENTS
from twinschools.mission.queries import Activity, PlanProgress


def commitment_label(number: int, title: str) -> str:
    return _("%(number)s. %(title)s") % {"number": number, "title": title}


def activity_over_time(activity: Activity) -> Chart:
    quarters = activity.quarters
    spans = [
        _("%(first)s to %(last)s")
        % {"first": date_format(q.first, "F Y"), "last": date_format(q.last, "F Y")}
        for q in quarters
    ]
    # The year goes under the first column and under each one that starts a new year.
    axis = [
        (
            date_format(q.first, "M"),
            date_format(q.first, "Y") if i == 0 or q.first.year != quarters[i - 1].first.year else "",
        )
        for i, q in enumerate(quarters)
    ]
    return columns(
        id="chart-activity",
        caption=_("Records per commitment, every three months over the last two years"),
        summary=_(
            "Stacked columns: for each three-month period from %(first)s to %(last)s, the records the "
            "school kept for each of the five commitments; the totals are printed above the columns "
            "and every number is given in the table after the chart."
        )
        % {"first": spans[0], "last": spans[-1]},
        category_heading=_("Period"),
        categories=spans,
        axis_labels=axis,
        series=[
            Series(commitment_label(c.number, str(c.title)), tuple(activity.counts[c.number]))
            for c in COMMITMENTS
        ],
    )


def planned_versus_done(progress: PlanProgress) -> Chart:
    return bars(
        id="chart-plan",
        caption=_("The action plan's actions per commitment, by status"),
        summary=_(
            "Stacked bars: for each of the five commitments, the actions of the current action plan "
            "that are done, in progress, planned, postponed or dropped; the numbers are printed on the "
            "bars and given in the table after the chart."
        ),
        category_heading=_("Commitment"),
        categories=[commitment_label(c.number, str(c.title)) for c in COMMITMENTS],
        series=[Series(status.label, status.counts) for status in progress.statuses],
    )

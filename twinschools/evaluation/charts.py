"""The NSO's evaluation page drawn as a chart (core.charts): applications per stage."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from twinschools.core.charts import Chart, Series, bars
from twinschools.evaluation.stages import Stage


def progress_by_stage(stages: Sequence[tuple[Stage, int]], *, round_name: str) -> Chart:
    return bars(
        id="chart-evaluation",
        caption=_("Applications per stage of the evaluation, %(name)s") % {"name": round_name},
        summary=_(
            "Bars: how many applications stand at each of the %(count)s stages of the evaluation, in the "
            "order they pass them; the numbers are printed after the bars and given in the table after "
            "the chart."
        )
        % {"count": len(stages)},
        category_heading=_("Stage"),
        categories=[str(stage.label) for stage, _count in stages],
        series=[Series(_("Applications"), tuple(count for _stage, count in stages))],
    )

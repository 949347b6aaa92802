"""The chart component: series to coordinates (core/charts.py) and its figure ({% chart %})."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template

from twinschools.core import charts
from twinschools.core.charts import Rect, Series, Text, bars, columns


def two_regions(stacked: bool = True) -> charts.Chart:
    return bars(
        id="chart-test",
        summary="Eligible and not eligible per region.",
        caption="Eligibility per region",
        category_heading="Region",
        categories=["Cluj", "Bihor"],
        series=[Series("Eligible", (10, 2)), Series("Not eligible", (0, 5))],
        stacked=stacked,
    )


def render(chart: charts.Chart) -> str:
    return Template("{% load charts %}{% chart chart %}").render(Context({"chart": chart}))


def test_a_value_is_scaled_to_its_share_of_the_axis() -> None:
    assert charts.scale(5, 10, 356) == 178
    assert charts.scale(0, 10, 356) == 0
    assert charts.scale(3, 0, 356) == 0


def test_coordinates_are_written_with_a_dot_and_at_most_one_decimal() -> None:
    assert charts.fmt(12.0) == "12"
    assert charts.fmt(71.24) == "71.2"
    assert charts.fmt(0.05) == "0.1"


def test_a_stacked_bar_puts_each_series_after_the_other_and_prints_the_total() -> None:
    chart = two_regions()
    plot = charts.WIDTH - charts.VALUE_ROOM  # 316: the largest total (10) fills it
    assert chart.rects == [
        Rect(0, 18, plot, 19, 0, "Cluj: Eligible: 10"),
        Rect(0, 64, plot * 2 / 10, 19, 0, "Bihor: Eligible: 2"),
        Rect(plot * 2 / 10, 64, plot * 5 / 10, 19, 1, "Bihor: Not eligible: 5"),
    ]
    printed = [text.text for text in chart.texts]
    assert printed == ["Cluj", "10", "10", "Bihor", "2", "5", "7"]
    assert chart.height == 85
    assert chart.view_box == "0 0 360 85"


def test_grouped_bars_give_each_series_its_own_bar_and_value() -> None:
    chart = two_regions(stacked=False)
    assert [(r.y, r.series, round(r.width, 1)) for r in chart.rects] == [
        (18, 0, 316.0),
        (85, 0, 63.2),
        (106, 1, 158.0),
    ]
    # A zero draws no bar but still prints its 0.
    assert [t.text for t in chart.texts] == ["Cluj", "10", "0", "Bihor", "2", "5"]
    assert not chart.show_total


def test_an_empty_series_draws_nothing_and_says_so() -> None:
    chart = bars(
        id="chart-empty",
        summary="s",
        caption="c",
        category_heading="Region",
        categories=["Cluj"],
        series=[Series("Eligible", (0,))],
    )
    assert chart.empty
    assert chart.rects == []
    html = render(chart)
    assert "There is nothing to draw yet: every figure is zero." in html
    assert '<svg class="chart-svg' not in html


def test_no_category_at_all_gives_an_empty_chart_without_a_table() -> None:
    chart = columns(id="c", summary="s", caption="c", category_heading="Month", categories=[], series=[])
    assert chart.empty and chart.rows == [] and chart.rects == []
    assert "<table" not in render(chart)


def test_a_single_value_fills_the_axis() -> None:
    chart = columns(
        id="c",
        summary="s",
        caption="c",
        category_heading="Month",
        categories=["September"],
        series=[Series("Records", (4,))],
    )
    (rect,) = chart.rects
    assert (rect.height, rect.y) == (charts.COLUMN_HEIGHT, charts.TOP)
    assert Text(rect.x + rect.width / 2, charts.TOP - 5, "4", "middle") in chart.texts


def test_a_long_label_is_cut_with_an_ellipsis_on_the_chart_and_kept_whole_in_the_table() -> None:
    long = "Regiunea de dezvoltare Nord-Vest și județele ei, cu un nume foarte lung"
    chart = bars(
        id="c",
        summary="s",
        caption="c",
        category_heading="Region",
        categories=[long],
        series=[Series("Eligible", (1,))],
    )
    drawn = chart.texts[0].text
    assert drawn.endswith("…")
    assert len(drawn) <= int(charts.WIDTH // charts.CHAR) == 46
    assert long.startswith(drawn[:-1])
    assert f'<th scope="row">{long}</th>' in render(chart)


def test_column_labels_thin_out_rather_than_overlap() -> None:
    assert charts.label_every(["Sep"], 100) == 1
    assert charts.label_every(["September 2025"], 49) == 3


def test_a_series_with_the_wrong_number_of_values_is_refused() -> None:
    with pytest.raises(ValueError):
        bars(
            id="c",
            summary="s",
            caption="c",
            category_heading="Region",
            categories=["Cluj", "Bihor"],
            series=[Series("Eligible", (1,))],
        )


def test_every_series_has_its_own_colour_and_pattern() -> None:
    styles = charts.styles([Series(str(n), (n,)) for n in range(6)])
    assert len({s.colour for s in styles}) == 6
    assert len({s.pattern for s in styles}) == 6


def test_the_figure_has_a_caption_a_labelled_svg_a_legend_and_a_data_table_and_no_inline_style() -> None:
    html = render(two_regions())
    assert '<figure class="chart" id="chart-test">' in html
    assert '<figcaption class="chart-caption">Eligibility per region</figcaption>' in html
    assert 'role="img" aria-label="Eligible and not eligible per region."' in html
    assert 'viewBox="0 0 360 85" width="100%"' in html
    assert '<pattern id="chart-test-p1"' in html
    assert html.count('fill="url(#chart-test-p') == 3 + 2  # three bars, two legend swatches
    assert "<summary>Show the data as a table</summary>" in html
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    assert rows[1] == (
        '<th scope="row">Cluj</th><td class="text-end">10</td><td class="text-end">0</td>'
        '<td class="text-end">10</td>'
    )
    assert "style=" not in html and "<style" not in html

"""Charts drawn on the server as SVG: pure functions from series to drawing coordinates.

A page's query hands over categories (regions, months, stages...) and one or more
series of counts; `bars` (one row per category, for long labels and phones) or
`columns` (one column per category, for time) turn them into a `Chart` of
rectangles and texts that `includes/charts/figure.html` draws (`{% chart %}` of
`{% load charts %}`). No JavaScript and no `style=` attribute: colours, patterns
and sizes are SVG presentation attributes, the sizing classes are in
`static/css/charts.css`.

Colour is never the only cue: every series also has its own pattern, values are
printed on the chart, and every chart comes with its data as a table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

# Okabe-Ito colours, darkened where needed so that each reaches 3:1 against white;
# every bar also gets a dark outline.
PALETTE = ("#0072b2", "#b35900", "#007a5a", "#a8458a", "#4d4d4d", "#6a51a3")
OUTLINE = "#1f2937"
TEXT = "#111827"
HALO = "#ffffff"

# White strokes drawn over the series colour, one pattern per series (the first is solid).
PATTERNS = (
    "",
    "M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6",  # diagonal lines
    "M1,1 h2 v2 h-2 z M5,5 h2 v2 h-2 z",  # dots
    "M0,4 H8 M4,0 V8",  # cross-hatch
    "M0,2 H8 M0,6 H8",  # horizontal lines
    "M2,0 V8 M6,0 V8",  # vertical lines
)

WIDTH = 360  # viewBox units; CSS scales the drawing to its container (see charts.css)
FONT = 14  # the size of category labels and printed values, in viewBox units
CHAR = 7.8  # the width of one character at FONT, for fitting (a generous average)
VALUE_ROOM = 44  # room right of the longest bar for its printed value


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class SeriesStyle:
    index: int
    label: str
    colour: str
    pattern: str  # SVG path of the pattern's strokes, "" for solid


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    series: int
    title: str  # the tooltip: category, series and value


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"  # start, middle or end
    halo: bool = False  # drawn over a bar: a white outline keeps it readable


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass
class Chart:
    id: str
    summary: str  # the SVG's aria-label: what the chart shows, in one sentence
    caption: str
    kind: str  # "bars" or "columns"
    stacked: bool
    series: list[SeriesStyle]
    rows: list[Row]  # the data table
    category_heading: str
    height: float = 0
    width: float = WIDTH
    rects: list[Rect] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    baseline: tuple[float, float, float, float] | None = None  # x1, y1, x2, y2

    @property
    def empty(self) -> bool:
        return all(row.total == 0 for row in self.rows)

    @property
    def show_total(self) -> bool:
        return self.stacked and len(self.series) > 1

    @property
    def font(self) -> int:
        return FONT

    @property
    def view_box(self) -> str:
        return f"0 0 {fmt(self.width)} {fmt(self.height)}"


def fmt(number: float) -> str:
    """Coordinates with at most one decimal, without a trailing .0 (and never a comma)."""
    rounded = round(number, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def scale(value: int, maximum: int, length: float) -> float:
    """`value` on an axis from 0 to `maximum` drawn `length` long."""
    return length * value / maximum if maximum else 0.0


def fit(label: str, room: float) -> str:
    """The label cut with an ellipsis to fit `room` units (the table has it whole)."""
    chars = max(int(room // CHAR), 2)
    return label if len(label) <= chars else label[: chars - 1].rstrip() + "…"


def styles(series: Sequence[Series]) -> list[SeriesStyle]:
    return [
        SeriesStyle(i, s.label, PALETTE[i % len(PALETTE)], PATTERNS[i % len(PATTERNS)])
        for i, s in enumerate(series)
    ]


def _rows(categories: Sequence[str], series: Sequence[Series]) -> list[Row]:
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(
                f"series {s.label!r} has {len(s.values)} values for {len(categories)} categories"
            )
    return [Row(label, tuple(s.values[i] for s in series)) for i, label in enumerate(categories)]


# Bars: one block per category, its label on a line of its own above its bar(s) ---------

LABEL_LINE = 18
BAR = 19  # the thickness of a stacked bar, or of each bar of a group
GROUP_GAP = 2
BLOCK_GAP = 9


def bars(
    *,
    id: str,
    summary: str,
    caption: str,
    category_heading: str,
    categories: Sequence[str],
    series: Sequence[Series],
    stacked: bool = True,
) -> Chart:
    """Horizontal bars: stacked (parts of a whole) or grouped (one bar per series)."""
    rows = _rows(categories, series)
    chart = Chart(id, summary, caption, "bars", stacked, styles(series), rows, category_heading)
    plot = WIDTH - VALUE_ROOM
    largest = max((row.total if stacked else max(row.values, default=0) for row in rows), default=0)
    maximum = max(largest, 1)
    y = 0.0
    for row in rows:
        chart.texts.append(Text(0, y + FONT, fit(row.label, WIDTH)))
        y += LABEL_LINE
        if stacked:
            _stacked_bar(chart, row, y, plot, maximum)
            y += BAR
        else:
            for i, value in enumerate(row.values):
                _single_bar(chart, row, i, value, y, plot, maximum)
                y += BAR + GROUP_GAP
            y -= GROUP_GAP
        y += BLOCK_GAP
    chart.height = max(y - BLOCK_GAP + 2, LABEL_LINE)
    chart.baseline = (0.5, 0, 0.5, chart.height)
    return chart


def _title(row: Row, style: SeriesStyle, value: int) -> str:
    return f"{row.label}: {style.label}: {value}"


def _stacked_bar(chart: Chart, row: Row, y: float, plot: float, maximum: int) -> None:
    x = 0.0
    for style, value in zip(chart.series, row.values, strict=True):
        length = scale(value, maximum, plot)
        if value:
            chart.rects.append(Rect(x, y, length, BAR, style.index, _title(row, style, value)))
            if len(chart.series) > 1 and length >= len(str(value)) * CHAR + 8:
                chart.texts.append(Text(x + length / 2, y + BAR / 2 + FONT / 3, str(value), "middle", True))
        x += length
    chart.texts.append(Text(x + 4, y + BAR / 2 + FONT / 3, str(row.total)))


def _single_bar(chart: Chart, row: Row, index: int, value: int, y: float, plot: float, maximum: int) -> None:
    style = chart.series[index]
    length = scale(value, maximum, plot)
    if value:
        chart.rects.append(Rect(0, y, length, BAR, index, _title(row, style, value)))
    chart.texts.append(Text(length + 4, y + BAR / 2 + FONT / 3, str(value)))


# Columns: one stacked column per category, for counts over time ----------------------

COLUMN_HEIGHT = 180
TOP = 20  # room above the tallest column for its total
LINE = FONT + 3
BOTTOM = 2 * LINE + 4  # room below the baseline for two lines of category labels
SIDE = 4


def columns(
    *,
    id: str,
    summary: str,
    caption: str,
    category_heading: str,
    categories: Sequence[str],
    series: Sequence[Series],
    axis_labels: Sequence[Sequence[str]] | None = None,
) -> Chart:
    """Stacked columns, left to right in the order given (oldest first for time).

    `axis_labels` gives shorter labels under the columns, in lines (e.g. the month,
    then the year where it changes); the table and the tooltips keep `categories`.
    """
    rows = _rows(categories, series)
    chart = Chart(id, summary, caption, "columns", True, styles(series), rows, category_heading)
    chart.height = TOP + COLUMN_HEIGHT + BOTTOM
    base = TOP + COLUMN_HEIGHT
    chart.baseline = (0, base + 0.5, WIDTH, base + 0.5)
    if not rows:
        return chart
    band = (WIDTH - 2 * SIDE) / len(rows)
    width = band * 0.64
    maximum = max(max(row.total for row in rows), 1)
    lines = [list(label) for label in axis_labels] if axis_labels else [[label] for label in categories]
    every = label_every([line for label in lines for line in label], band)
    for i, row in enumerate(rows):
        left = SIDE + i * band + (band - width) / 2
        _column(chart, row, left, width, base, maximum)
        if i % every == 0:
            for n, line in enumerate(lines[i][:2]):
                y = base + FONT + 4 + n * LINE
                chart.texts.append(Text(left + width / 2, y, fit(line, band * every), "middle"))
    return chart


def label_every(labels: Sequence[str], band: float) -> int:
    """Label every n-th column so that the labels never overlap (n = 1 when they fit)."""
    longest = max((len(label) for label in labels), default=0) * CHAR + 6
    return max(1, math.ceil(longest / band)) if band else 1


def _column(chart: Chart, row: Row, left: float, width: float, base: float, maximum: int) -> None:
    top = base
    for style, value in zip(chart.series, row.values, strict=True):
        length = scale(value, maximum, COLUMN_HEIGHT)
        if value:
            top -= length
            chart.rects.append(Rect(left, top, width, length, style.index, _title(row, style, value)))
            fits = length >= FONT + 2 and width >= len(str(value)) * CHAR + 2
            if len(chart.series) > 1 and fits:
                chart.texts.append(
                    Text(left + width / 2, top + length / 2 + FONT / 3, str(value), "middle", True)
                )
    chart.texts.append(Text(left + width / 2, top - 5, str(row.total), "middle"))

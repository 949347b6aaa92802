"""`{% load charts %}` then `{% chart some_chart %}`: a Chart of core.charts as a figure
with its caption, legend, SVG drawing and data table."""

from __future__ import annotations

from typing import Any

from django import template

from twinschools.core.charts import Chart, fmt

register = template.Library()


@register.inclusion_tag("includes/charts/figure.html")
def chart(chart: Chart) -> dict[str, Any]:
    return {"chart": chart}


@register.filter
def coordinate(value: float) -> str:
    """A number for an SVG attribute: a dot for decimals whatever the language."""
    return fmt(value)

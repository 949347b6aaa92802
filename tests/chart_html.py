"""Reading a rendered chart ({% chart %}) back out of a page, for the pages' tests."""

from __future__ import annotations

import re


def figure(html: str, chart_id: str) -> str:
    """The chart's <figure>, which must be on the page and free of inline style."""
    match = re.search(rf'<figure class="chart" id="{chart_id}">(.*?)</figure>', html, re.S)
    assert match, f"no chart {chart_id} on the page"
    body = match.group(1)
    assert "style=" not in body and "<style" not in body
    assert 'role="img" aria-label="' in body
    return body


def table(html: str, chart_id: str) -> list[list[str]]:
    """The chart's data table as rows of cell texts, the header row first."""
    rows = re.findall(r"<tr>(.*?)</tr>", figure(html, chart_id), re.S)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in rows
    ]

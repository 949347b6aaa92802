"""What a map shows, as plain data for `json_script` (static/js/maps.js draws it).

A marker is one place (a school, an event) with a link; a cell is a grid cell of many schools
counted in SQL, drawn as a circle sized by its count; a region layer names a bundled file of
region shapes (static/maps/regions/<country>.json, built by tools/build_regions.mjs) and the
shading class and texts of each region code, drawn under the cells and markers. Texts arrive
translated: the script only places them, with textContent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

from django.templatetags.static import static
from django.utils.translation import gettext as _

MapItem = dict[str, Any]
MapContent = dict[str, Any]

REGION_SHAPES = Path(__file__).resolve().parent.parent / "static" / "maps" / "regions"


def marker(
    *, lat: float, lon: float, name: str, kind: str, url: str = "", link: str = "", lines: Sequence[str] = ()
) -> MapItem:
    return {
        "lat": round(float(lat), 5),
        "lon": round(float(lon), 5),
        "name": name,
        "kind": kind,
        "url": url,
        "link": link,
        "lines": list(lines),
    }


class Placed(Protocol):
    """Anything with a place on the map: a school, a reached school, an event's map point."""

    @property
    def latitude(self) -> float | None: ...

    @property
    def longitude(self) -> float | None: ...


P = TypeVar("P", bound=Placed)


def markers_of(
    items: Iterable[P],
    *,
    name: Callable[[P], str],
    kind: Callable[[P], str],
    lines: Callable[[P], Sequence[str]],
    link: Callable[[P], tuple[str, str]] = lambda item: ("", ""),
) -> list[MapItem]:
    """One marker per item that has a place (both coordinates), in order; the others are left off.

    `link` gives the marker's (url, link text); `lines` its text under the name.
    """
    drawn = []
    for item in items:
        if item.latitude is None or item.longitude is None:
            continue
        url, text = link(item)
        drawn.append(
            marker(
                lat=item.latitude,
                lon=item.longitude,
                name=name(item),
                kind=kind(item),
                url=url,
                link=text,
                lines=lines(item),
            )
        )
    return drawn


def cell(
    *,
    lat: float,
    lon: float,
    count: int,
    kind: str,
    name: str,
    lines: Sequence[str] = (),
    url: str = "",
    link: str = "",
) -> MapItem:
    return {**marker(lat=lat, lon=lon, name=name, kind=kind, url=url, link=link, lines=lines), "count": count}


def region_shade(*, name: str, shade: str, lines: Sequence[str] = (), selected: bool = False) -> MapItem:
    """One region's look on the map: its CSS class suffix (`map-region-<shade>`) and its tooltip."""
    return {"name": name, "shade": shade, "lines": list(lines), "selected": selected}


@cache
def region_shapes_countries() -> frozenset[str]:
    """The countries whose region shapes are bundled (one file each)."""
    return frozenset(path.stem for path in REGION_SHAPES.glob("*.json"))


def region_layer(country_code: str, shades: Mapping[str, MapItem]) -> MapItem | None:
    """A country's region shapes with their shading by region code; None without a bundled file.

    The script fetches the file (same origin) and draws the features whose `properties.code`
    has a shade; regions without a shape are not drawn (the page's table still lists them).
    """
    if country_code not in region_shapes_countries() or not shades:
        return None
    return {
        "url": static(f"maps/regions/{country_code}.json"),
        "attribution": _("Regions: Natural Earth"),
        "shades": dict(shades),
    }


def content(
    *,
    markers: Sequence[MapItem] = (),
    cells: Sequence[MapItem] = (),
    regions: Sequence[MapItem | None] = (),
) -> MapContent:
    return {
        "markers": list(markers),
        "cells": list(cells),
        "regions": [layer for layer in regions if layer is not None],
    }

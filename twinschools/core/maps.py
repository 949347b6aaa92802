"""What a map shows, as plain data for `json_script` (static/js/maps.js draws it).

A marker is one place (a school, an event) with a link; a cell is a grid cell of many schools
counted in SQL, drawn as a circle sized by its count. Texts arrive translated: the script only
places them, with textContent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MapItem = dict[str, Any]
MapContent = dict[str, list[MapItem]]


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


def content(*, markers: Sequence[MapItem] = (), cells: Sequence[MapItem] = ()) -> MapContent:
    return {"markers": list(markers), "cells": list(cells)}

"""The offline map: reached schools projected onto an SVG viewBox (no tiles, no scripts)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from twinschools.reach.queries import Cell, ReachedSchool

WIDTH, HEIGHT, MARGIN = 600, 400, 40


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    name: str


def points(schools: list[ReachedSchool], home: tuple[float, float] | None) -> list[Point]:
    """Equirectangular projection scaled to fit every point, the home school included."""
    coords = [
        (s.latitude, s.longitude, s.name)
        for s in schools
        if s.latitude is not None and s.longitude is not None
    ]
    lats = [lat for lat, _, _ in coords] + ([home[0]] if home else [])
    lons = [lon for _, lon, _ in coords] + ([home[1]] if home else [])
    if not lats:
        return []
    squeeze = math.cos(math.radians(sum(lats) / len(lats)))  # degrees of longitude are shorter
    span_x = max((max(lons) - min(lons)) * squeeze, 0.01)
    span_y = max(max(lats) - min(lats), 0.01)
    scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)

    def place(lat: float, lon: float, name: str) -> Point:
        x = MARGIN + (lon - min(lons)) * squeeze * scale
        y = HEIGHT - MARGIN - (lat - min(lats)) * scale
        return Point(round(x, 1), round(y, 1), name)

    return [place(lat, lon, name) for lat, lon, name in coords]


def home_point(schools: list[ReachedSchool], home: tuple[float, float] | None) -> Point | None:
    if home is None:
        return None
    return points([ReachedSchool(name="", latitude=home[0], longitude=home[1]), *schools], home)[0]


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    kind: str
    schools: int


def circles(cells: list[Cell]) -> list[Circle]:
    """Grid cells on the same projection; the area of a circle grows with its schools.

    Gaps are drawn first and anchors last, so an anchor is never hidden under a gap.
    """
    if not cells:
        return []
    placed = points([ReachedSchool(name="", latitude=c.latitude, longitude=c.longitude) for c in cells], None)
    biggest = max(cell.schools for cell in cells)
    order = {"gap": 0, "reached": 1, "anchor": 2}
    drawn = [
        Circle(
            point.x, point.y, round(3 + 11 * math.sqrt(cell.schools / biggest), 1), cell.kind, cell.schools
        )
        for point, cell in zip(placed, cells, strict=True)
    ]
    return sorted(drawn, key=lambda circle: order[circle.kind])

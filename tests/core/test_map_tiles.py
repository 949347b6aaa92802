"""The maps' optional tile server: its CSP source is derived from the setting, bad values stop start-up."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.test import override_settings

from twinschools.core.tiles import tile_source


def test_a_tile_url_template_gives_its_host_with_subdomains_as_a_wildcard() -> None:
    assert (
        tile_source("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")
        == "https://*.tile.openstreetmap.org"
    )
    assert tile_source("https://tiles.example.eu/osm/{z}/{x}/{y}.png") == "https://tiles.example.eu"


@pytest.mark.parametrize(
    "url",
    [
        "http://tile.example.org/{z}/{x}/{y}.png",  # not https
        "https://tile.example.org/tiles.png",  # no {z}/{x}/{y}
        "tile.example.org/{z}/{x}/{y}.png",  # no scheme
        "https://{z}.example.org/{z}/{x}/{y}.png",  # a placeholder in the host other than {s}
    ],
)
def test_a_tile_url_that_is_not_an_https_template_stops_start_up(url: str) -> None:
    with pytest.raises(ImproperlyConfigured):
        tile_source(url)


def _rendered_map() -> str:
    return Template('{% load maps %}{% map "data" "A map" %}').render(Context())


def test_without_a_tile_server_the_map_gets_only_the_bundled_borders() -> None:
    html = _rendered_map()
    assert 'data-tile-url=""' in html and "maps/europe-borders.json" in html
    assert 'role="region" aria-label="A map"' in html and "style=" not in html


@override_settings(
    MAP_TILE_URL="https://{s}.tile.example.org/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION="© Example contributors"
)
def test_a_tile_server_set_by_the_operator_reaches_the_map() -> None:
    html = _rendered_map()
    assert 'data-tile-url="https://{s}.tile.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-tile-attribution="© Example contributors"' in html

"""{% map_assets %} and {% map %}: the markup every map shares (static/js/maps.js draws it)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("includes/map_assets.html")
def map_assets() -> dict[str, object]:
    """Leaflet, markercluster and the map module, for {% block extra_head %} of base.html."""
    return {}


@register.inclusion_tag("includes/map.html", name="map")
def map_container(data_id: str, label: str) -> dict[str, object]:
    """The map container: `data_id` names the json_script element with its markers and cells."""
    return {
        "data_id": data_id,
        "label": label,
        "borders_url": static("maps/europe-borders.json"),
        "borders_attribution": _("Borders: Natural Earth"),
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }

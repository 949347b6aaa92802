"""The design system's template tags: icons and breadcrumbs (templates/includes/ for the rest)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

register = template.Library()

ICONS_DIR = settings.BASE_DIR / "node_modules" / "bootstrap-icons" / "icons"
ICON_NAME = re.compile(r"^[a-z0-9-]+$")


@cache
def _svg_body(name: str) -> str:
    """The inner markup of a Bootstrap Icons SVG, read once per process."""
    if not ICON_NAME.match(name):
        raise template.TemplateSyntaxError(f"Not an icon name: {name!r}")
    source = (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")
    return source[source.index(">") + 1 : source.rindex("</svg>")].strip()


@register.simple_tag
def icon(name: str, label: str = "", css: str = "") -> SafeString:
    """An inline SVG icon: decorative unless it has a label, which becomes its text alternative.

    Inline SVG needs no extra request and no inline style, so it holds under the CSP.
    """
    classes = f"bi bi-{name} {css}".strip()
    body = mark_safe(_svg_body(name))  # the markup of the bundled icon set, never user input
    if label:
        return format_html(
            '<svg class="{}" viewBox="0 0 16 16" fill="currentColor" role="img" aria-label="{}" '
            'focusable="false"><title>{}</title>{}</svg>',
            classes,
            label,
            label,
            body,
        )
    return format_html(
        '<svg class="{}" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false">{}</svg>',
        classes,
        body,
    )


# The area each URL namespace belongs to, as the breadcrumb after "Home": (label, URL name).
AREAS: dict[str, tuple[Any, str]] = {
    "network": (_("Directory of schools"), "network:directory"),
    "practices": (pgettext_lazy("navigation", "Practices"), "practices:library"),
    "events": (pgettext_lazy("navigation", "Events"), "events:calendar"),
    "labels": (_("eTwinning School label"), "labels:public_rounds"),
    "notifications": (_("Notifications"), "notifications:inbox"),
}
# Namespaces whose pages belong to a signed-in person's own work: their trail starts at the dashboard.
PERSONAL = {"accounts", "evaluation", "credentials", "reach", "mentoring", "applications", "notifications"}


def _crumb(label: Any, url: str) -> dict[str, Any]:
    return {"label": label, "url": url}


def _area_crumbs(namespace: str, user: Any, here: str) -> list[dict[str, Any]]:
    crumbs: list[dict[str, Any]] = []
    if user.is_authenticated and namespace in PERSONAL:
        crumbs.append(_crumb(_("My dashboard"), reverse("accounts:dashboard")))
    if namespace in AREAS:
        label, url_name = AREAS[namespace]
        crumbs.append(_crumb(label, reverse(url_name)))
    return [crumb for crumb in crumbs if crumb["url"] != here]


def _workspace_crumbs(user: Any, school: Any, section: str, here: str) -> list[dict[str, Any]]:
    from twinschools.mission.registry import sections_for

    crumbs = []
    if user.is_authenticated:
        crumbs.append(_crumb(_("My dashboard"), reverse("accounts:dashboard")))
    crumbs.append(_crumb(school.name, reverse("mission:overview", args=[school.pk])))
    for known, url in sections_for(user, school):
        if known.key == section and known.key != "overview":
            crumbs.append(_crumb(known.label, url))
    return [crumb for crumb in crumbs if crumb["url"] != here]


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: Any) -> dict[str, Any]:
    """Home, area, then school and section: the parents of this page, derived from where it lives."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or match.view_name == "core:home":
        return {"crumbs": []}
    here = request.path
    school, section = context.get("school"), context.get("section")
    if school is not None and isinstance(section, str) and section:
        trail = _workspace_crumbs(request.user, school, section, here)
    else:
        trail = _area_crumbs(match.namespace.split(":")[0], request.user, here)
    return {"crumbs": [_crumb(_("Home"), reverse("core:home")), *trail]}

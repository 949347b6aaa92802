"""Pages that exist only under DEBUG: the development outbox. twinschools/urls.py mounts
`patterns(settings.DEBUG)`; with DEBUG off the addresses do not exist at all (404)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

from twinschools.core import views_dev

app_name = "dev"
urlpatterns = [
    path("", views_dev.outbox, name="outbox"),
    path("<str:message_id>/", views_dev.outbox_message, name="outbox_message"),
]


def patterns(debug: bool) -> list[URLPattern | URLResolver]:
    if not debug:
        return []
    return [path("dev/mail/", include("twinschools.core.urls_dev"))]

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def development(request: HttpRequest) -> dict[str, str]:
    """`dev_outbox_url`: the footer's link to the development outbox, mounted only under DEBUG."""
    try:
        return {"dev_outbox_url": reverse("dev:outbox")}
    except NoReverseMatch:
        return {"dev_outbox_url": ""}

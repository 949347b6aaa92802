"""The site's own address, for every link that leaves a page: e-mails, calendar files,
credentials. Requests are not asked (a background job has none, and a proxy may hide
the port), so one setting, TWINSCHOOLS_SITE_URL, names it everywhere."""

from __future__ import annotations

from django.conf import settings


def site_url() -> str:
    """The site's address without a trailing slash, e.g. `http://127.0.0.1:8000`."""
    return str(settings.SITE_URL).rstrip("/")


def absolute(path: str) -> str:
    """The absolute address of a path of this site (`/notifications/` → `https://…/notifications/`)."""
    return site_url() + path

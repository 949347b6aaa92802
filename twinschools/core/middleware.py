"""Input no view can read: refused with a translated 400 before any view runs.

A NUL byte is never part of a name, a search or a number, and PostgreSQL refuses it in
any string, so a query, a form field, a cookie or a path carrying one would fail deep in
a query. Forms already refuse it field by field; this refuses it everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

NUL = "\x00"


def _has_nul(pairs: object) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in pairs)  # type: ignore[attr-defined]


class RejectUnreadableInput:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path or _has_nul(request.GET.lists()) or self._bad_cookie(request):
            return self._refuse(request)
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        # The form fields are read where CsrfViewMiddleware reads them anyway; views exempt
        # from it read their body themselves (a JSON API, a streamed upload) and are left alone.
        if (
            request.method == "POST"
            and not getattr(view, "csrf_exempt", False)
            and _has_nul(request.POST.lists())
        ):
            return self._refuse(request)
        return None

    def _refuse(self, request: HttpRequest) -> HttpResponse:
        if self._bad_cookie(request):  # the session cookie is not even read
            request.user = AnonymousUser()
        problem = _(
            "The address or the form you sent contains a character no page accepts (a NUL byte). "
            "Remove it and try again."
        )
        return render(request, "core/bad_request.html", {"problem": problem}, status=400)

    def _bad_cookie(self, request: HttpRequest) -> bool:
        return any(NUL in name or NUL in value for name, value in request.COOKIES.items())

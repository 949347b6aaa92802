"""Input no view can read: refused with a translated 400 before any view runs.

A NUL byte is never part of a name, a search or a number, and PostgreSQL refuses it in
any string, so a query, a form field, a cookie or a path carrying one would fail deep in
a query. Forms already refuse it field by field; this refuses it everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


def _has_nul(pairs: object) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in pairs)  # type: ignore[attr-defined]


class RejectUnreadableInput:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._unreadable(request):
            if self._bad_cookie(request):  # the session cookie is not even read
                request.user = AnonymousUser()
            return render(
                request,
                "core/bad_request.html",
                {
                    "problem": _(
                        "The address or the form you sent contains a character no page accepts (a NUL "
                        "byte). Remove it and try again."
                    )
                },
                status=400,
            )
        return self.get_response(request)

    def _unreadable(self, request: HttpRequest) -> bool:
        if NUL in request.path or _has_nul(request.GET.lists()):
            return True
        if self._bad_cookie(request):
            return True
        # Only a URL-encoded body is read here: it is kept, so the view can still read
        # request.body. A multipart body is streamed once, by the view's form.
        if request.method == "POST" and request.content_type == FORM_CONTENT_TYPE:
            return _has_nul(request.POST.lists())
        return False

    def _bad_cookie(self, request: HttpRequest) -> bool:
        return any(NUL in name or NUL in value for name, value in request.COOKIES.items())

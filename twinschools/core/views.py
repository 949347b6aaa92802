from __future__ import annotations

from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults

from twinschools.core.mission import COMMITMENTS
from twinschools.core.permissions import public


@public
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"commitments": COMMITMENTS})


@public
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's answer to a request it refuses (too many fields, too large a body): translated."""
    if isinstance(exception, DisallowedHost):  # nothing about this request can be trusted: Django's own page
        return defaults.bad_request(request, exception)
    problem = _(
        "The page cannot read what was sent: it is too large, has too many fields, or is not "
        "in a form the page accepts. Go back and try again."
    )
    return render(request, "core/bad_request.html", {"problem": problem}, status=400)

"""The admin's sign-in page is allauth's: one sign-in, with one set of limits.

Django's admin has a login form of its own that counts nothing, so guesses there would
get round allauth's limits per address and per account. `admin.site.login` is replaced
(twinschools/urls.py): the admin's login address sends people to allauth's sign-in,
coming back to where they were going; a password posted to it is never checked.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from twinschools.core.permissions import public


@public
def login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    if request.user.is_authenticated:
        # Signed in without the admin's rights: allauth would send them straight back here.
        raise PermissionDenied
    wanted = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        wanted = reverse("admin:index")
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: wanted})}")

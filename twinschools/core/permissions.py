"""Every view declares its permission with one of these decorators.

`public` and `signed_in` say so explicitly; `requires` checks a django-rules
permission, optionally against an object the view's URL names. The object is
loaded by a scoped query function, and a person without the permission gets a
404 for objects (so nobody learns what another school holds) or a 403 for
capabilities. A test walks every URL and fails on any view without a declaration.

A view given an object runs in the time zone of the object's school (core/zones.py), so
a school's workspace reads and shows times as the school lives them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from twinschools.core import zones

View = TypeVar("View", bound=Callable[..., HttpResponse])


def public(view: View) -> View:
    view.permission = "public"  # type: ignore[attr-defined]
    return view


def signed_in(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.permission = "signed-in"  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def requires(
    permission: str,
    *,
    load: Callable[..., Any] | None = None,
    anonymous: bool = False,
    superusers: bool = True,
) -> Callable[[View], View]:
    """Check `permission` for the signed-in person.

    With `load`, the object is loaded from the URL's keyword arguments and passed
    to the view as `obj`; refusals then answer 404. Without it, refusals are 403.
    With `anonymous=True` (and `load`), visitors who are not signed in are checked
    too, for objects anyone may read when public (a public practice); a refusal
    sends them to sign in rather than answering 404.
    With `superusers=False`, platform admins get no pass: the rule itself decides
    (a school's own acts, such as signing its application, or an evaluator's own
    pages with their private notes).
    """
    allowed = rules.has_perm if not superusers else _user_has_perm

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if anonymous and load is not None:
                return _readable_by_anyone(request, view, permission, load(**kwargs))
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if load is None:
                if not allowed(permission, request.user):
                    raise PermissionDenied
                return view(request, *args, **kwargs)
            obj = load(**kwargs)
            if not allowed(permission, request.user, obj):
                raise Http404
            with zones.local_to(obj):
                return view(request, obj=obj)

        wrapper.permission = permission  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def _user_has_perm(permission: str, user: Any, obj: Any = None) -> bool:
    """Django's check: superusers pass every permission."""
    return bool(user.has_perm(permission, obj))


def _readable_by_anyone(
    request: HttpRequest, view: Callable[..., HttpResponse], permission: str, obj: Any
) -> HttpResponse:
    if request.user.has_perm(permission, obj):
        with zones.local_to(obj):
            return view(request, obj=obj)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404

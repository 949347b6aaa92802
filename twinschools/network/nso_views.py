"""An NSO's own profile (names, address, logo, signatory) and its public logo."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinschools.core.authz import roles_of
from twinschools.core.permissions import public, requires
from twinschools.network import nso, services
from twinschools.network.forms import NSOProfileForm
from twinschools.network.models import Country, NationalSupportOrganisation


@requires("network.view_nso_profiles")
def nso_profiles(request: HttpRequest) -> HttpResponse:
    """The countries whose profile the person edits; straight to it when there is one."""
    roles = roles_of(request.user)
    countries = Country.objects.order_by("code")
    if not roles.is_admin:
        countries = countries.filter(pk__in=roles.nso_countries)
    found = list(countries)
    if len(found) == 1:
        return redirect("network:nso_profile", found[0].code.lower())
    return render(request, "network/nso_profiles.html", {"countries": found})


@requires("network.edit_nso_profile", load=nso.profile)
def nso_profile(request: HttpRequest, obj: NationalSupportOrganisation) -> HttpResponse:
    posted = request.method == "POST"
    form = NSOProfileForm(request.POST if posted else None, request.FILES if posted else None, instance=obj)
    if posted and form.is_valid():
        services.update_nso_profile(
            country=obj.country,
            values=form.cleaned_data,
            logo=request.FILES.get("logo"),
            remove_logo=form.cleaned_data.get("remove_logo", False),
            by=request.user,
        )
        messages.success(
            request, _("The profile is saved. Certificates and credentials issued from now on use it.")
        )
        return redirect("network:nso_profile", obj.country.code.lower())
    identity = nso.identity_of(obj.country)
    context = {"form": form, "profile": obj, "identity": identity}
    return render(request, "network/nso_profile.html", context, status=400 if form.errors else 200)


@public
def nso_logo(request: HttpRequest, code: str) -> HttpResponse:
    """The logo credentials name as their issuer's image; 404 when none is set."""
    found = nso.profile(code)
    if not found.logo:
        raise Http404
    try:
        handle = found.logo.open("rb")
    except OSError as error:
        raise Http404 from error
    kind = next((mime for magic, mime in nso.LOGO_TYPES.items() if handle.read(4).startswith(magic)), "")
    handle.seek(0)
    if not kind:
        raise Http404
    return FileResponse(handle, content_type=kind)

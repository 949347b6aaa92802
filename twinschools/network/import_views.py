"""The import page: NSO staff and platform admins upload CSV files of the network."""

from __future__ import annotations

from typing import BinaryIO, cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twinschools.accounts.models import User
from twinschools.core.authz import roles_of
from twinschools.core.permissions import requires
from twinschools.network.importing.formats import KINDS
from twinschools.network.importing.forms import ImportForm
from twinschools.network.importing.services import import_network_files


@requires("network.import_network")
def import_network(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        # Big uploads arrive spooled to temporary files; the service streams them.
        report = import_network_files(
            files=[(upload.name or "", cast(BinaryIO, upload)) for upload in form.cleaned_data["csv_files"]],
            by=cast(User, request.user),  # requires() lets only signed-in people in
            country_scope=country_scope_of(request.user),
            dry_run=form.cleaned_data["dry_run"],
        )
        if report.imported:
            form = ImportForm()  # the files are in; offer a fresh form
    context = {"form": form, "report": report, "kinds": KINDS}
    return render(request, "network/import.html", context, status=400 if form.errors else 200)


def country_scope_of(user: object) -> set[int] | None:
    """Platform admins import anywhere; NSO staff only in their own countries."""
    if getattr(user, "is_superuser", False):
        return None
    return set(roles_of(user).nso_countries)

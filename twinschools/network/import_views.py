"""The import page: NSO staff and platform admins upload CSV files of the network.

The request only stores the files and starts a background job (network/importing/jobs.py);
the person follows its progress and reads its report on the job's page.
"""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from twinschools.accounts.models import User
from twinschools.core.authz import roles_of
from twinschools.core.permissions import requires
from twinschools.network.importing.formats import KINDS
from twinschools.network.importing.forms import ImportForm
from twinschools.network.importing.jobs import start_import


@requires("network.import_network")
def import_network(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_import(
            by=cast(User, request.user),  # requires() lets only signed-in people in
            uploads=form.cleaned_data["csv_files"],
            country_scope=country_scope_of(request.user),
            dry_run=form.cleaned_data["dry_run"],
        )
        return redirect("core:job", job.pk)
    context = {"form": form, "kinds": KINDS}
    return render(request, "network/import.html", context, status=400 if form.errors else 200)


def country_scope_of(user: object) -> set[int] | None:
    """Platform admins import anywhere; NSO staff only in their own countries."""
    if getattr(user, "is_superuser", False):
        return None
    return set(roles_of(user).nso_countries)

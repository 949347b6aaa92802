from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinschools.accounts import queries as people
from twinschools.core import zones
from twinschools.core.forms import show_service_errors
from twinschools.core.permissions import public, requires
from twinschools.core.routers import reads_from_replica
from twinschools.network import queries, services
from twinschools.network.forms import DirectoryForm, TimeZoneForm
from twinschools.network.models import School


@public
@reads_from_replica
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryForm(request.GET or None)
    page = queries.directory_page(form.filters(), request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    context = {"form": form, "page": page, "query_string": query_string.urlencode()}
    template = "network/_results.html" if request.htmx else "network/directory.html"
    return render(request, template, context)


@public
def school_profile(request: HttpRequest, pk: int) -> HttpResponse:
    school = queries.school_profile(pk)
    can_see_people = request.user.has_perm("network.view_school_people", school)
    context = {
        "school": school,
        "participations": queries.projects_of_school(school),
        "projects_shown": queries.PROFILE_PROJECTS_SHOWN,
        "quality_labels": queries.quality_label_counts(school),
        "staff": people.staff_of(school) if can_see_people else None,
        "classes": people.classes_of(school) if can_see_people else None,
        "can_manage_staff": request.user.has_perm("accounts.manage_staff", school),
    }
    return render(request, "network/school_profile.html", context)


@requires("network.set_time_zone", load=people.school)
def school_time_zone(request: HttpRequest, obj: School) -> HttpResponse:
    """The head chooses the zone the school's times live in (its country's at first)."""
    form = TimeZoneForm(
        request.POST if request.method == "POST" else None, initial={"time_zone": obj.time_zone}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_time_zone(school=obj, time_zone=form.cleaned_data["time_zone"], by=request.user)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The school's times are now in %(zone)s.") % {"zone": zones.label(obj.time_zone)},
            )
            return redirect("accounts:team", obj.pk)
    context = {"school": obj, "form": form, "zone_label": zones.label(obj.time_zone)}
    return render(request, "network/time_zone.html", context, status=400 if form.errors else 200)

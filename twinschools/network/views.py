from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twinschools.accounts import queries as people
from twinschools.core.permissions import public
from twinschools.network import queries
from twinschools.network.forms import DirectoryForm


@public
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

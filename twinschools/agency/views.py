from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from twinschools.accounts import queries as accounts_queries
from twinschools.agency import queries, services
from twinschools.agency.forms import (
    HeldForm,
    InitiativeForm,
    ModerationForm,
    SuggestionForm,
    SuggestionModerationForm,
    TeamForm,
)
from twinschools.agency.models import Initiative, StudentTeam, Suggestion
from twinschools.core.forms import show_service_errors
from twinschools.core.permissions import requires
from twinschools.network.models import School

SECTION = "students"


def _status(form: forms.Form) -> int:
    return 400 if form.errors else 200


# Staff ------------------------------------------------------------------------


@requires("workspace.view", load=accounts_queries.school)
def school_students(request: HttpRequest, obj: School) -> HttpResponse:
    can_moderate = request.user.has_perm("agency.moderate", obj)
    context = {
        "school": obj,
        "section": SECTION,
        "page": queries.staff_page(obj, shows_pupils=can_moderate),
        "can_moderate": can_moderate,
        "can_manage_teams": request.user.has_perm("agency.manage_teams", obj),
    }
    return render(request, "agency/school_students.html", context)


def _team_form_page(request: HttpRequest, school: School, team: StudentTeam | None) -> HttpResponse:
    initial = {}
    if team is not None:
        initial = {
            "name": team.name,
            "description": team.description,
            "coordinators": list(team.coordinators.all()),
            "members": list(team.members.all()),
        }
    form = TeamForm(request.POST or None, initial=initial, school=school)
    if request.method == "POST" and form.is_valid():
        fields = form.cleaned_data
        try:
            if team is None:
                services.create_team(school=school, by=request.user, **fields)
            else:
                services.update_team(team=team, by=request.user, **fields)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The student team %(name)s was saved.") % {"name": fields["name"]})
            return redirect("agency:school_students", school.pk)
    context = {"school": school, "section": SECTION, "form": form, "team": team}
    return render(request, "agency/team_form.html", context, status=_status(form))


@requires("agency.manage_teams", load=accounts_queries.school)
def team_create(request: HttpRequest, obj: School) -> HttpResponse:
    return _team_form_page(request, obj, None)


@requires("agency.manage_teams", load=queries.team)
def team_edit(request: HttpRequest, obj: StudentTeam) -> HttpResponse:
    return _team_form_page(request, obj.school, obj)


@requires("agency.moderate", load=queries.initiative)
def moderate_initiative(request: HttpRequest, obj: Initiative) -> HttpResponse:
    form = ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.moderate_initiative(
                initiative=obj,
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Your decision about %(title)s was recorded.") % {"title": obj.title})
            return redirect("agency:school_students", obj.school_id)
    context = {
        "school": obj.school,
        "section": SECTION,
        "initiative": obj,
        "form": form,
        "can_record_held": request.user.has_perm("agency.record_held", obj),
    }
    return render(request, "agency/moderate_initiative.html", context, status=_status(form))


@requires("agency.moderate", load=queries.suggestion)
def moderate_suggestion(request: HttpRequest, obj: Suggestion) -> HttpResponse:
    initial = {
        "decision": "hide" if obj.status == "hidden" else "publish",
        "reason": obj.hidden_reason,
        "response": obj.response,
    }
    form = SuggestionModerationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.moderate_suggestion(suggestion=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The suggestion was moderated."))
            return redirect("agency:school_students", obj.school_id)
    context = {"school": obj.school, "section": SECTION, "suggestion": obj, "form": form}
    return render(request, "agency/moderate_suggestion.html", context, status=_status(form))


@requires("agency.record_held", load=queries.initiative)
def record_held(request: HttpRequest, obj: Initiative) -> HttpResponse:
    initial = {
        "held_on": obj.held_on or min(obj.planned_on, timezone.localdate()),
        "teachers_reached": obj.teachers_reached,
        "parents_reached": obj.parents_reached,
        "others_reached": obj.others_reached,
        "report": obj.report,
    }
    form = HeldForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_held(initiative=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("%(title)s was recorded as held. Thank you!") % {"title": obj.title})
            if request.user.has_perm("agency.moderate", obj):
                return redirect("agency:school_students", obj.school_id)
            return redirect("agency:student_home")
    context = {"initiative": obj, "form": form, "is_staff": request.user.has_perm("agency.moderate", obj)}
    return render(request, "agency/record_held.html", context, status=_status(form))


# Pupils -----------------------------------------------------------------------


@requires("agency.student_page")
def student_home(request: HttpRequest) -> HttpResponse:
    home = queries.student_home(request.user)
    context = {"home": home, "suggestion_form": SuggestionForm()}
    return render(request, "agency/student_home.html", context)


@requires("agency.propose")
def propose_initiative(request: HttpRequest) -> HttpResponse:
    profile = queries.student_profile(request.user)
    form = InitiativeForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_initiative(pupil=request.user, **_initiative_fields(form))
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Your idea was sent to your teachers."))
            return redirect("agency:student_home")
    return render(request, "agency/initiative_form.html", {"form": form}, status=_status(form))


@requires("agency.edit_initiative", load=queries.initiative)
def edit_initiative(request: HttpRequest, obj: Initiative) -> HttpResponse:
    profile = queries.student_profile(request.user)
    initial = {
        "title": obj.title,
        "plan": obj.plan,
        "audiences": obj.audiences,
        "planned_on": obj.planned_on,
        "team": obj.team_id,
    }
    form = InitiativeForm(request.POST or None, initial=initial, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.resubmit_initiative(initiative=obj, pupil=request.user, **_initiative_fields(form))
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Your idea was sent to your teachers again."))
            return redirect("agency:student_home")
    return render(
        request, "agency/initiative_form.html", {"form": form, "initiative": obj}, status=_status(form)
    )


def _initiative_fields(form: InitiativeForm) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "plan": data["plan"],
        "audiences": data["audiences"],
        "planned_on": data["planned_on"],
        "team": data.get("team"),
    }


@requires("agency.suggest", load=accounts_queries.school)
def suggest(request: HttpRequest, obj: School) -> HttpResponse:
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_suggestion(school=obj, author=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! Your suggestion is in the box."))
            if request.user.has_perm("agency.student_page"):
                return redirect("agency:student_home")
            return redirect("agency:parent_home")
    return render(request, "agency/suggest.html", {"school": obj, "form": form}, status=_status(form))


# Parents ----------------------------------------------------------------------


@requires("agency.parent_page")
def parent_home(request: HttpRequest) -> HttpResponse:
    home = queries.parent_home(request.user)
    schools = queries.schools_for_suggestions(request.user)
    return render(request, "agency/parent_home.html", {"home": home, "schools": schools})

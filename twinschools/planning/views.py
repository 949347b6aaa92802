from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.core.permissions import public, requires
from twinschools.core.site import site_url
from twinschools.network.models import School
from twinschools.planning import ical, printing, queries, services
from twinschools.planning.forms import (
    ActionForm,
    ActivityForm,
    CalendarFilterForm,
    GoalForm,
    NoteForm,
    PlanForm,
)
from twinschools.planning.models import Action, ActionStatus, CalendarActivity, Goal, Plan

# The action plan --------------------------------------------------------------


@requires("planning.view", load=queries.school)
def plan(request: HttpRequest, obj: School) -> HttpResponse:
    plans = queries.plans_of(obj)
    return _plan_page(request, obj, plans[0] if plans else None, plans)


@requires("planning.view", load=queries.plan)
def plan_detail(request: HttpRequest, obj: Plan) -> HttpResponse:
    return _plan_page(request, obj.school, obj, queries.plans_of(obj.school))


def _plan_page(
    request: HttpRequest,
    school: School,
    shown: Plan | None,
    plans: list[Plan],
    plan_form: PlanForm | None = None,
) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in ActionStatus.values:
        status = ""
    goals = queries.goals_of(shown, status=status or None) if shown else []
    context = {
        "school": school,
        "section": "plan",
        "plan": shown,
        "plans": plans,
        "commitments": queries.goals_by_commitment(goals),
        "can_edit": request.user.has_perm("planning.edit_plan", school),
        "plan_form": plan_form or PlanForm(),
        "status": status,
        "statuses": ActionStatus.choices,
    }
    return render(request, "planning/plan.html", context, status=400 if plan_form else 200)


@require_POST
@requires("planning.edit_plan", load=queries.school)
def create_plan(request: HttpRequest, obj: School) -> HttpResponse:
    form = PlanForm(request.POST)
    if form.is_valid():
        try:
            created = services.create_plan(school=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The action plan “%(title)s” was created.") % {"title": created.title}
            )
            return redirect("planning:plan", obj.pk)
    plans = queries.plans_of(obj)
    return _plan_page(request, obj, plans[0] if plans else None, plans, plan_form=form)


@requires("planning.edit_plan", load=queries.plan)
def add_goal(request: HttpRequest, obj: Plan) -> HttpResponse:
    form = GoalForm(request.POST or None, initial={"version": 1, "commitment": request.GET.get("commitment")})
    if request.method == "POST" and form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if key != "version"}
        try:
            services.add_goal(plan=obj, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The goal was added to the plan."))
            return redirect("planning:plan_detail", obj.pk)
    return _form_page(request, "planning/goal_form.html", obj.school, form, plan=obj)


@requires("planning.edit_plan", load=queries.goal)
def edit_goal(request: HttpRequest, obj: Goal) -> HttpResponse:
    initial = GoalForm.initial_for(obj)
    form = GoalForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if key != "version"}
        try:
            services.update_goal(
                goal=obj, by=request.user, expected_version=form.cleaned_data["version"], **data
            )
        except services.EditConflict as refused:
            form, conflict = _conflict(request, GoalForm, refused.current)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The goal was saved."))
            return redirect("planning:plan_detail", obj.plan_id)
    return _form_page(
        request, "planning/goal_form.html", obj.school, form, plan=obj.plan, goal=obj, conflict=conflict
    )


@require_POST
@requires("planning.edit_plan", load=queries.goal)
def delete_goal(request: HttpRequest, obj: Goal) -> HttpResponse:
    try:
        services.delete_goal(goal=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The goal was deleted."))
    return redirect("planning:plan_detail", obj.plan_id)


@requires("planning.edit_plan", load=queries.goal)
def add_action(request: HttpRequest, obj: Goal) -> HttpResponse:
    initial = {"version": 1, "owners": [request.user.pk], "status": ActionStatus.PLANNED}
    form = ActionForm(request.POST or None, initial=initial, school=obj.school)
    if request.method == "POST" and form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if key != "version"}
        try:
            created = services.add_action(goal=obj, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The action was added to the plan."))
            return redirect("planning:action", created.pk)
    return _form_page(request, "planning/action_form.html", obj.school, form, plan=obj.plan, goal=obj)


@requires("planning.view", load=queries.action)
def action_detail(request: HttpRequest, obj: Action) -> HttpResponse:
    return _action_page(request, obj, NoteForm())


def _action_page(
    request: HttpRequest, action: Action, note_form: NoteForm, status: int = 200
) -> HttpResponse:
    context = {
        "school": action.school,
        "section": "plan",
        "action": action,
        "plan": action.goal.plan,
        "note_form": note_form,
        "can_edit": request.user.has_perm("planning.edit_plan", action),
    }
    return render(request, "planning/action.html", context, status=status)


@requires("planning.edit_plan", load=queries.action)
def edit_action(request: HttpRequest, obj: Action) -> HttpResponse:
    form = ActionForm(request.POST or None, initial=ActionForm.initial_for(obj), school=obj.school)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if key != "version"}
        try:
            services.update_action(
                action=obj, by=request.user, expected_version=form.cleaned_data["version"], **data
            )
        except services.EditConflict as refused:
            form, conflict = _conflict(
                request,
                ActionForm,
                refused.current,
                school=obj.school,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The action was saved."))
            return redirect("planning:action", obj.pk)
    return _form_page(
        request,
        "planning/action_form.html",
        obj.school,
        form,
        plan=obj.goal.plan,
        goal=obj.goal,
        action=obj,
        conflict=conflict,
    )


@require_POST
@requires("planning.edit_plan", load=queries.action)
def delete_action(request: HttpRequest, obj: Action) -> HttpResponse:
    services.delete_action(action=obj, by=request.user)
    messages.success(request, _("The action was deleted."))
    return redirect("planning:plan_detail", obj.goal.plan_id)


@require_POST
@requires("planning.edit_plan", load=queries.action)
def add_note(request: HttpRequest, obj: Action) -> HttpResponse:
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_note(action=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("The progress note was added."))
            return redirect("planning:action", obj.pk)
    return _action_page(request, obj, form, status=400)


@requires("planning.view", load=queries.plan)
def plan_history(request: HttpRequest, obj: Plan) -> HttpResponse:
    context = {"school": obj.school, "section": "plan", "plan": obj, "entries": queries.plan_history(obj)}
    return render(request, "planning/history.html", context)


@requires("planning.view", load=queries.action)
def action_history(request: HttpRequest, obj: Action) -> HttpResponse:
    context = {
        "school": obj.school,
        "section": "plan",
        "plan": obj.goal.plan,
        "action": obj,
        "entries": queries.action_history(obj),
    }
    return render(request, "planning/history.html", context)


@requires("planning.view", load=queries.plan)
def plan_print(request: HttpRequest, obj: Plan) -> HttpResponse:
    language = _plan_language(request, obj)
    with translation.override(language):
        context = printing.printed_context(obj, language=language)
        return render(request, "planning/plan_print.html", context)


@requires("planning.view", load=queries.plan)
def plan_pdf(request: HttpRequest, obj: Plan) -> HttpResponse:
    language = _plan_language(request, obj)
    pdf = printing.plan_pdf(obj, language=language, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"{obj.school.name} {obj.starts_on.year}-{obj.ends_on.year}") or "action-plan"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


def _plan_language(request: HttpRequest, plan: Plan) -> str:
    return queries.plan_language(
        plan.school, requested=request.GET.get("lang"), fallback=translation.get_language() or "en"
    )


# Edit pages and conflicts ---------------------------------------------------------


def _form_page(
    request: HttpRequest, template: str, school: School, form: Any, **context: Any
) -> HttpResponse:
    status = 409 if context.get("conflict") else 400 if form.is_bound else 200
    return render(request, template, {"school": school, "form": form, **context}, status=status)


def _conflict(
    request: HttpRequest, form_class: Any, current: Any, **form_kwargs: Any
) -> tuple[Any, dict[str, Any]]:
    """My input kept, based now on the newer version; their values next to mine, field by field."""
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = form_class(data, **form_kwargs)
    form.is_valid()
    return form, {
        "by": current.updated_by,
        "at": current.updated_at,
        "rows": form.compare(form_class.initial_for(current)),
    }


# The calendar -------------------------------------------------------------------


@requires("planning.view", load=queries.school)
def calendar(request: HttpRequest, obj: School) -> HttpResponse:
    today = timezone.localdate()
    form = CalendarFilterForm(request.GET or None, initial={"month": today.strftime("%Y-%m")}, school=obj)
    filters = form.filters(today)
    activities = queries.calendar_month(obj, filters, request.user)
    previous_month, next_month = _neighbour_months(filters.month)
    context = {
        "school": obj,
        "section": "calendar",
        "form": form,
        "filters": filters,
        "days": queries.agenda_days(activities),
        "previous_query": _query_with_month(request, previous_month),
        "next_query": _query_with_month(request, next_month),
        "can_add": request.user.has_perm("planning.add_activity", obj),
    }
    return render(request, "planning/calendar.html", context)


def _neighbour_months(month: date) -> tuple[str, str]:
    previous = (month.replace(day=1) - timedelta(days=1)).replace(day=1)
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return previous.strftime("%Y-%m"), following.strftime("%Y-%m")


def _query_with_month(request: HttpRequest, month: str) -> str:
    query = request.GET.copy()
    query["month"] = month
    query.pop("since", None)
    return query.urlencode()


@requires("planning.add_activity", load=queries.school)
def add_activity(request: HttpRequest, obj: School) -> HttpResponse:
    initial = {"version": 1, "co_planners": [request.user.pk]}
    form = ActivityForm(request.POST or None, initial=initial, school=obj)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_activity(school=obj, by=request.user, **_activity_data(form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The activity was added to the calendar."))
            return redirect("planning:activity", created.pk)
    return _form_page(request, "planning/activity_form.html", obj, form, section="calendar")


def _activity_data(form: ActivityForm) -> dict[str, Any]:
    keep = (
        "title",
        "description",
        "all_day",
        "place",
        "project",
        "classes",
        "co_planners",
        "approaches",
        "status",
        "starts_at",
        "ends_at",
    )
    return {key: form.cleaned_data[key] for key in keep}


@requires("planning.view", load=queries.activity)
def activity_detail(request: HttpRequest, obj: CalendarActivity) -> HttpResponse:
    context = {
        "school": obj.school,
        "section": "calendar",
        "activity": obj,
        "can_edit": request.user.has_perm("planning.edit_activity", obj),
    }
    return render(request, "planning/activity.html", context)


@requires("planning.edit_activity", load=queries.activity)
def edit_activity(request: HttpRequest, obj: CalendarActivity) -> HttpResponse:
    form = ActivityForm(request.POST or None, initial=ActivityForm.initial_for(obj), school=obj.school)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_activity(
                activity=obj,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **_activity_data(form),
            )
        except services.EditConflict as refused:
            form, conflict = _conflict(request, ActivityForm, refused.current, school=obj.school)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect("planning:activity", obj.pk)
    return _form_page(
        request,
        "planning/activity_form.html",
        obj.school,
        form,
        section="calendar",
        activity=obj,
        conflict=conflict,
    )


# Calendar feeds -----------------------------------------------------------------


@requires("planning.view", load=queries.school)
def feeds(request: HttpRequest, obj: School) -> HttpResponse:
    # The addresses are made on the first visit (once; later visits only read them),
    # so subscribing is one copy and paste.
    tokens = {
        "school": services.feed_token(user=request.user, school=obj),
        "personal": services.feed_token(user=request.user),
    }
    context = {"school": obj, "section": "calendar", "tokens": tokens}
    return render(request, "planning/feeds.html", context)


@require_POST
@requires("planning.view", load=queries.school)
def reset_feed(request: HttpRequest, obj: School) -> HttpResponse:
    personal = request.POST.get("feed") == "personal"
    services.reset_feed_token(user=request.user, school=None if personal else obj)
    messages.success(request, _("The address of the feed was changed. Subscribe again with the new address."))
    return redirect("planning:feeds", obj.pk)


@public
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """An iCalendar feed, read with its owner's rights: the token stands for the person."""
    subscription = queries.feed_by_token(token)
    owner = subscription.user
    if not owner.is_active:
        raise Http404
    if subscription.school is not None and not owner.has_perm("planning.view", subscription.school):
        raise Http404
    activities = queries.feed_activities(subscription)
    with translation.override(owner.language or settings.LANGUAGE_CODE):
        name = subscription.school.name if subscription.school else _("My co-planned activities")
        body = ical.calendar(activities, name=name, base_url=site_url())
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")

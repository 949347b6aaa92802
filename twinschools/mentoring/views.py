from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinschools.accounts import queries as accounts_queries
from twinschools.accounts.rules import is_staff_of
from twinschools.core.forms import show_service_errors
from twinschools.core.permissions import requires
from twinschools.mentoring import queries, services
from twinschools.mentoring.explanations import explain
from twinschools.mentoring.forms import (
    FeedbackForm,
    GoalsForm,
    MatchingForm,
    MeetingForm,
    OfferForm,
    RequestForm,
)
from twinschools.mentoring.models import MentoringRequest, MentorOffer, Pairing, PairingStatus
from twinschools.network.models import School

SECTION = "mentoring"


def _status(*forms_shown: forms.Form) -> int:
    return 400 if any(form.errors for form in forms_shown) else 200


def _profile_initial(item: MentorOffer | MentoringRequest | None) -> dict[str, Any]:
    if item is None:
        return {}
    return {"languages": list(item.languages.all()), "levels": list(item.levels.all()), "topics": item.topics}


# The school's page --------------------------------------------------------------


@requires("workspace.view", load=accounts_queries.school)
def school_mentoring(request: HttpRequest, obj: School) -> HttpResponse:
    page = queries.school_page(obj)
    offer_initial = {**_profile_initial(page.offer), "capacity": page.offer.capacity if page.offer else 2}
    offer_initial["active"] = page.offer.active if page.offer else True
    offer_form = OfferForm(initial=offer_initial)
    ask_form = RequestForm(initial=_profile_initial(page.request))
    if request.method == "POST":
        if not request.user.has_perm("workspace.contribute", obj):
            raise PermissionDenied
        if "offer-capacity" in request.POST:
            offer_form = OfferForm(request.POST)
            if _saved(request, offer_form, services.save_offer, obj, _("Your mentoring offer was saved.")):
                return redirect("mentoring:school_mentoring", obj.pk)
        else:
            ask_form = RequestForm(request.POST)
            if _saved(
                request, ask_form, services.ask_for_mentor, obj, _("Your request for a mentor was saved.")
            ):
                return redirect("mentoring:school_mentoring", obj.pk)
    context = {
        "school": obj,
        "section": SECTION,
        "page": page,
        "offer_form": offer_form,
        "ask_form": ask_form,
        "can_write": request.user.has_perm("workspace.contribute", obj),
    }
    return render(request, "mentoring/school_mentoring.html", context, status=_status(offer_form, ask_form))


def _saved(request: HttpRequest, form: forms.Form, save: Any, school: School, done: str) -> bool:
    if not form.is_valid():
        return False
    try:
        save(actor=request.user, school=school, **form.cleaned_data)
    except ValidationError as error:
        show_service_errors(form, error)
        return False
    messages.success(request, done)
    return True


# The NSO's matching page --------------------------------------------------------


@requires("mentoring.run")
def nso_matching(request: HttpRequest) -> HttpResponse:
    countries = queries.nso_countries(request.user)
    form = MatchingForm(request.POST or None, countries=countries, regions=queries.regions_of(countries))
    if request.method == "POST" and form.is_valid():
        try:
            job = services.request_matching_run(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:  # a large country takes a while: the job's page follows it, then links back here
            return redirect("core:job", job.pk)
    runs = queries.latest_runs(countries)
    for run in runs:
        for pair in run.pairings.all():  # the prefetched list, so the attribute stays
            pair.explanation = explain(pair)  # type: ignore[attr-defined]
    context = {"form": form, "runs": runs}
    return render(request, "mentoring/nso_matching.html", context, status=_status(form))


# One pair -----------------------------------------------------------------------


def _acting_school(request: HttpRequest, pairing: Pairing) -> School | None:
    """The school of the pair the signed-in teacher works for; None for NSO staff and admins."""
    for school in (pairing.mentor, pairing.mentee):
        if is_staff_of(request.user, school):
            return school
    return None


@requires("mentoring.view_pair", load=queries.pairing)
def pair_detail(request: HttpRequest, obj: Pairing) -> HttpResponse:
    school = _acting_school(request, obj)
    goals_form = GoalsForm(initial={"goals": obj.goals})
    meeting_form, feedback_form = MeetingForm(), FeedbackForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in (services.ACCEPT, services.DECLINE):
            return _decide(request, obj, school, action)
        if not request.user.has_perm("mentoring.work_pair", obj):
            raise PermissionDenied
        goals_form, meeting_form, feedback_form, done = _work(request, obj, school, action)
        if done:
            return redirect("mentoring:pair_detail", obj.pk)
    context = {
        "pair": obj,
        "explanation": explain(obj),
        "progress": queries.progress(obj.mentee),
        "meetings": list(obj.meetings.select_related("logged_by")),
        "goals_form": goals_form,
        "meeting_form": meeting_form,
        "feedback_form": feedback_form,
        "can_decide": obj.status == PairingStatus.PROPOSED
        and request.user.has_perm("mentoring.decide_pair", obj),
        "can_work": obj.status == PairingStatus.ACCEPTED
        and request.user.has_perm("mentoring.work_pair", obj),
        "school": school,
    }
    return render(
        request,
        "mentoring/pair_detail.html",
        context,
        status=_status(goals_form, meeting_form, feedback_form),
    )


def _decide(request: HttpRequest, pairing: Pairing, school: School | None, decision: str) -> HttpResponse:
    if not request.user.has_perm("mentoring.decide_pair", pairing):
        raise PermissionDenied
    try:
        services.decide(
            actor=request.user, pairing=pairing, decision=decision, as_nso=school is None, school=school
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your decision about the pair was recorded."))
    if request.POST.get("next") == "nso":
        return redirect("mentoring:nso_matching")
    return redirect("mentoring:pair_detail", pairing.pk)


def _work(
    request: HttpRequest, pairing: Pairing, school: School | None, action: str
) -> tuple[GoalsForm, MeetingForm, FeedbackForm, bool]:
    goals_form = GoalsForm(request.POST if action == "goals" else None, initial={"goals": pairing.goals})
    meeting_form = MeetingForm(request.POST if action == "meeting" else None)
    feedback_form = FeedbackForm(request.POST if action == "feedback" else None)
    form, save, done = {
        "goals": (goals_form, services.set_goals, _("The goals were saved.")),
        "meeting": (meeting_form, services.log_meeting, _("The meeting was logged.")),
        "feedback": (feedback_form, services.give_feedback, _("Thank you for your feedback.")),
    }.get(action, (None, None, ""))
    if form is None or not form.is_valid():
        return goals_form, meeting_form, feedback_form, False
    extra = {"school": school} if action == "feedback" else {}
    try:
        save(actor=request.user, pairing=pairing, **form.cleaned_data, **extra)
    except ValidationError as error:
        show_service_errors(form, error)
        return goals_form, meeting_form, feedback_form, False
    messages.success(request, done)
    return goals_form, meeting_form, feedback_form, True

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.accounts import queries as accounts_queries
from twinschools.core.permissions import requires
from twinschools.leadership import queries, services
from twinschools.leadership.forms import (
    OutcomeForm,
    PositionForm,
    ProposalForm,
    ResponsibilityForm,
    TeamMemberForm,
)
from twinschools.leadership.models import Proposal, Responsibility, TeamMember
from twinschools.network.models import School


def _apply_errors(form: Form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on its field when it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# The team and its responsibilities.


def _team_context(request: HttpRequest, school: School, **forms: Any) -> dict[str, Any]:
    can_lead = request.user.has_perm("workspace.lead", school)
    heads = list(queries.heads_of(school))
    context: dict[str, Any] = {
        "school": school,
        "section": "team",
        "heads": heads,
        "head_ids": {head.pk for head in heads},
        "members": list(queries.team_members(school)),
        "responsibilities": list(queries.responsibilities_of(school)),
        "can_lead": can_lead,
        "can_delegate": request.user.has_perm("leadership.delegate", school),
    }
    if can_lead:
        context["member_form"] = forms.get("member_form") or TeamMemberForm(
            candidates=queries.staff_not_on_team(school)
        )
    return context


@requires("workspace.view", load=accounts_queries.school)
def team(request: HttpRequest, obj: School) -> HttpResponse:
    return render(request, "leadership/team.html", _team_context(request, obj))


@require_POST
@requires("workspace.lead", load=accounts_queries.school)
def add_member(request: HttpRequest, obj: School) -> HttpResponse:
    form = TeamMemberForm(request.POST, candidates=queries.staff_not_on_team(obj))
    if form.is_valid():
        try:
            services.add_team_member(school=obj, user=form.cleaned_data["user"], by=request.user)
        except ValidationError as error:
            form.add_error("user", error)
        else:
            name = form.cleaned_data["user"].public_name
            messages.success(request, _("%(name)s joined the team.") % {"name": name})
            return redirect("leadership:team", obj.pk)
    return render(request, "leadership/team.html", _team_context(request, obj, member_form=form), status=400)


@require_POST
@requires("workspace.lead", load=queries.team_member)
def remove_member(request: HttpRequest, obj: TeamMember) -> HttpResponse:
    try:
        services.remove_team_member(member=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s left the team.") % {"name": obj.user.public_name})
    return redirect("leadership:team", obj.school_id)


@require_POST
@requires("leadership.delegate", load=queries.team_member)
def delegate(request: HttpRequest, obj: TeamMember) -> HttpResponse:
    leads = request.POST.get("leads") == "1"
    services.set_delegation(member=obj, leads=leads, by=request.user)
    if leads:
        message = _("%(name)s now runs the workspace with you.")
    else:
        message = _("%(name)s no longer runs the workspace.")
    messages.success(request, message % {"name": obj.user.public_name})
    return redirect("leadership:team", obj.school_id)


def _responsibility_page(
    request: HttpRequest, school: School, form: ResponsibilityForm, responsibility: Responsibility | None
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_responsibility(
                school=school,
                responsibility=responsibility,
                kind=data["kind"],
                title=data["title"],
                description=data["description"],
                owner=data["owner"],
                deputies=data["deputies"],
                by=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The responsibility is saved."))
            return redirect("leadership:team", school.pk)
    context = {"school": school, "section": "team", "form": form, "responsibility": responsibility}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "leadership/responsibility_form.html", context, status=status)


@requires("workspace.lead", load=accounts_queries.school)
def new_responsibility(request: HttpRequest, obj: School) -> HttpResponse:
    form = ResponsibilityForm(request.POST or None, team=queries.team_queryset(obj))
    return _responsibility_page(request, obj, form, None)


@requires("workspace.lead", load=queries.responsibility)
def edit_responsibility(request: HttpRequest, obj: Responsibility) -> HttpResponse:
    initial = {
        "kind": obj.kind,
        "title": obj.title,
        "description": obj.description,
        "owner": obj.owner_id,
        "deputies": [deputy.pk for deputy in obj.deputies.all()],
    }
    form = ResponsibilityForm(request.POST or None, initial=initial, team=queries.team_queryset(obj.school))
    return _responsibility_page(request, obj.school, form, obj)


@require_POST
@requires("workspace.lead", load=queries.responsibility)
def delete_responsibility(request: HttpRequest, obj: Responsibility) -> HttpResponse:
    services.delete_responsibility(responsibility=obj, by=request.user)
    messages.success(request, _("The responsibility “%(name)s” was removed.") % {"name": obj.name})
    return redirect("leadership:team", obj.school_id)


# Proposals and decisions.


@requires("workspace.view", load=accounts_queries.school)
def decisions(request: HttpRequest, obj: School) -> HttpResponse:
    status_filter = request.GET.get("filter", "all")
    if status_filter not in queries.FILTERS:
        status_filter = "all"
    context = {
        "school": obj,
        "section": "decisions",
        "open_proposals": list(queries.open_proposals(obj)) if status_filter == "all" else [],
        "page": queries.decision_log_page(obj, status_filter, request.GET.get("page"), timezone.localdate()),
        "filter": status_filter,
        "can_propose": request.user.has_perm("workspace.decide", obj),
        "today": timezone.localdate(),
    }
    return render(request, "leadership/decisions.html", context)


@requires("workspace.decide", load=accounts_queries.school)
def new_proposal(request: HttpRequest, obj: School) -> HttpResponse:
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.open_proposal(
                school=obj,
                proposer=request.user,
                title=data["title"],
                details=data["details"],
                process=data["process"],
                closes_at=data["closes_at"],
                quorum_percent=data["quorum_percent"],
                anonymous=data["anonymous"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Your proposal is open. The team has been told."))
            return redirect("leadership:proposal", proposal.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "leadership/proposal_form.html",
        {"school": obj, "section": "decisions", "form": form},
        status=status,
    )


def _proposal_page(
    request: HttpRequest, proposal: Proposal, position_form: PositionForm | None = None, status: int = 200
) -> HttpResponse:
    view = queries.proposal_view(proposal, request.user)
    if position_form is None and view.may_take_position:
        initial = {"choice": view.mine.choice, "reason": view.mine.reason} if view.mine else None
        position_form = PositionForm(initial=initial, proposal=proposal)
    context = {
        "school": proposal.school,
        "section": "decisions",
        "view": view,
        "proposal": proposal,
        "position_form": position_form if view.may_take_position else None,
        "can_manage": request.user.has_perm("leadership.manage_proposal", proposal),
    }
    return render(request, "leadership/proposal.html", context, status=status)


@requires("workspace.view", load=queries.proposal)
def proposal(request: HttpRequest, obj: Proposal) -> HttpResponse:
    return _proposal_page(request, obj)


@require_POST
@requires("workspace.decide", load=queries.proposal)
def take_position(request: HttpRequest, obj: Proposal) -> HttpResponse:
    form = PositionForm(request.POST, proposal=obj)
    if form.is_valid():
        try:
            services.take_position(
                proposal=obj,
                voter=request.user,
                choice=form.cleaned_data["choice"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                messages.error(request, " ".join(error.messages))
                return redirect("leadership:proposal", obj.pk)
            _apply_errors(form, error)
        else:
            messages.success(
                request, _("Your position is recorded. You can change it until the proposal closes.")
            )
            return redirect("leadership:proposal", obj.pk)
    return _proposal_page(request, obj, position_form=form, status=400)


@require_POST
@requires("leadership.manage_proposal", load=queries.proposal)
def close_proposal(request: HttpRequest, obj: Proposal) -> HttpResponse:
    try:
        closed = services.close_proposal(proposal=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The proposal is closed. Result: %(result)s.") % {"result": closed.get_result_display()},
        )
    return redirect("leadership:proposal", obj.pk)


@require_POST
@requires("leadership.manage_proposal", load=queries.proposal)
def withdraw_proposal(request: HttpRequest, obj: Proposal) -> HttpResponse:
    try:
        services.withdraw_proposal(proposal=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The proposal was withdrawn."))
    return redirect("leadership:proposal", obj.pk)


@requires("leadership.manage_proposal", load=queries.proposal)
def record_outcome(request: HttpRequest, obj: Proposal) -> HttpResponse:
    existing = queries.proposal_view(obj, request.user).outcome
    initial = None
    if existing is not None:
        initial = {
            "statement": existing.statement,
            "responsible": [person.pk for person in existing.responsible.all()],
            "review_on": existing.review_on,
        }
    form = OutcomeForm(request.POST or None, initial=initial, staff=queries.staff_people(obj.school))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_outcome(
                proposal=obj,
                statement=data["statement"],
                responsible=data["responsible"],
                review_on=data["review_on"],
                by=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The outcome is recorded in the decision log."))
            return redirect("leadership:proposal", obj.pk)
    context = {"school": obj.school, "section": "decisions", "proposal": obj, "form": form}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "leadership/outcome_form.html", context, status=status)

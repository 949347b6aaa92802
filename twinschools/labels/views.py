from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.core.forms import show_service_errors
from twinschools.core.permissions import public, requires
from twinschools.labels import charts, queries, reasons, services
from twinschools.labels.forms import AnswerForm, ResultsFilterForm, ReviewRequestForm, RoundForm
from twinschools.labels.models import FormVersion, ReviewRequest, Round
from twinschools.network.models import Country, School

# Public: the rules in plain words ---------------------------------------------------------


@public
def public_rounds(request: HttpRequest) -> HttpResponse:
    context = {
        "rounds": queries.published_rounds(),
        # Where NSO staff and admins go next: their countries' results, the rounds' set-up.
        "nso_countries": queries.nso_countries(request.user),
        "can_manage": request.user.has_perm("labels.manage_rounds"),
    }
    return render(request, "labels/public_rounds.html", context)


@public
def public_round(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "labels/public_round.html", {"round": queries.public_round(pk)})


# Platform admins: rounds and form versions --------------------------------------------------


@requires("labels.manage_rounds")
def admin_rounds(request: HttpRequest) -> HttpResponse:
    context = {"rounds": queries.rounds(), "form_versions": queries.form_versions()}
    return render(request, "labels/admin_rounds.html", context)


def _save_round(request: HttpRequest, form: RoundForm, instance: Round | None) -> Round | None:
    if not form.is_valid():
        return None
    try:
        return services.save_round(actor=request.user, values=form.cleaned_data, instance=instance)  # type: ignore[arg-type]
    except ValidationError as error:
        show_service_errors(form, error)
        return None


@requires("labels.manage_rounds")
def round_create(request: HttpRequest) -> HttpResponse:
    form = RoundForm(request.POST or None)
    if request.method == "POST":
        saved = _save_round(request, form, None)
        if saved is not None:
            messages.success(request, _("The round was created as a draft."))
            return redirect("labels:round_edit", saved.pk)
    status = 400 if form.errors else 200
    return render(request, "labels/round_form.html", {"form": form, "round": None}, status=status)


@requires("labels.manage_rounds", load=queries.round)
def round_edit(request: HttpRequest, obj: Round) -> HttpResponse:
    form = RoundForm(request.POST or None, initial=RoundForm.initial_from(obj))
    if request.method == "POST":
        saved = _save_round(request, form, obj)
        if saved is not None:
            messages.success(request, _("The round's rules were saved."))
            return redirect("labels:round_edit", saved.pk)
    context = {"form": form, "round": obj, "counts": services.counts(obj)}
    return render(request, "labels/round_form.html", context, status=400 if form.errors else 200)


@requires("labels.manage_rounds", load=queries.round)
@require_POST
def round_action(request: HttpRequest, obj: Round) -> HttpResponse:
    action = request.POST.get("action")
    try:
        if action == "publish":
            services.publish_round(actor=request.user, round=obj)  # type: ignore[arg-type]
            messages.success(request, _("The round is published: its rules are public."))
        elif action == "duplicate":
            copy = services.duplicate_round(actor=request.user, round=obj)  # type: ignore[arg-type]
            messages.success(request, _("A draft for the next year was created from this round."))
            return redirect("labels:round_edit", copy.pk)
        elif action == "delete":
            services.delete_draft_round(actor=request.user, round=obj)  # type: ignore[arg-type]
            messages.success(request, _("The draft round %(name)s was deleted.") % {"name": obj.name})
            return redirect("labels:admin_rounds")
        elif action == "run":
            job = services.request_eligibility_run(actor=request.user, round=obj)  # type: ignore[arg-type]
            return redirect("core:job", job.pk)
        else:
            messages.error(request, _("Choose an action."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("labels:round_edit", obj.pk)


@requires("labels.manage_rounds", load=queries.form_version)
def form_version(request: HttpRequest, obj: FormVersion) -> HttpResponse:
    return render(request, "labels/form_version.html", {"version": obj})


# A school's results -------------------------------------------------------------------------


@requires("labels.view_school", load=queries.school)
def school_page(request: HttpRequest, obj: School) -> HttpResponse:
    rounds = queries.school_rounds(obj)
    forms_by_round = {item.round.pk: ReviewRequestForm(prefix=f"round-{item.round.pk}") for item in rounds}
    status = 200
    if request.method == "POST":
        if not request.user.has_perm("labels.ask_review", obj):
            raise PermissionDenied
        chosen = next((item for item in rounds if str(item.round.pk) == request.POST.get("round")), None)
        if chosen is None:
            messages.error(request, _("Choose a round."))
            return redirect("labels:school", obj.pk)
        form = ReviewRequestForm(request.POST, prefix=f"round-{chosen.round.pk}")
        forms_by_round[chosen.round.pk] = form
        if form.is_valid():
            try:
                services.ask_for_review(
                    actor=request.user,  # type: ignore[arg-type]
                    round=chosen.round,
                    school=obj,
                    message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("Your request was sent to your NSO."))
                return redirect("labels:school", obj.pk)
        status = 400
    for item in rounds:
        item.reasons = reasons.render(item.result) if item.result else []  # type: ignore[attr-defined]
        item.form = forms_by_round[item.round.pk]  # type: ignore[attr-defined]
    context = {
        "school": obj,
        "section": "label",
        "rounds": rounds,
        "can_ask": request.user.has_perm("labels.ask_review", obj),
        "can_grant": request.user.has_perm("labels.handle_reviews", obj),
        "exception_form": AnswerForm(prefix="exception"),
    }
    return render(request, "labels/school.html", context, status=status)


@requires("labels.handle_reviews", load=queries.school)
@require_POST
def grant_exception(request: HttpRequest, obj: School) -> HttpResponse:
    """The NSO lets a school apply although the check left it out, without waiting to be asked."""
    chosen = next(
        (item for item in queries.school_rounds(obj) if str(item.round.pk) == request.POST.get("round")), None
    )
    form = AnswerForm(request.POST, prefix="exception")
    if chosen is None:
        messages.error(request, _("Choose a round."))
    elif not form.is_valid():
        messages.error(request, _("Give the reason for your decision."))
    else:
        try:
            services.grant_exception(
                actor=request.user,  # type: ignore[arg-type]
                round=chosen.round,
                school=obj,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The exception was granted and logged; the school will be invited."))
    return redirect("labels:school", obj.pk)


# The NSO's country page ---------------------------------------------------------------------


@requires("labels.view_country", load=queries.country)
def nso_page(request: HttpRequest, obj: Country) -> HttpResponse:
    round = queries.nso_round(obj, request.GET.get("round"))
    regions = queries.regions(obj)
    filters = ResultsFilterForm(
        request.GET or None, rounds=queries.published_rounds(), regions=regions, initial={"round": round}
    )
    region, result = None, ""
    if filters.is_valid():
        region, result = filters.cleaned_data["region"], filters.cleaned_data["result"]
    context: dict[str, object] = {"country": obj, "round": round, "filters": filters}
    if round is not None:
        page = queries.results_page(
            round, obj, region=region, result=result, page_number=request.GET.get("page")
        )
        counts = queries.region_counts(round, obj)
        context.update(
            counts=counts,
            # Summed from the region rows already read: a country has a few dozen regions at most.
            totals={
                "checked": sum(row.checked for row in counts),
                "eligible": sum(row.eligible for row in counts),
            },
            eligibility_chart=charts.eligibility_by_region(counts, round_name=round.name),
            reviews=[
                (item, AnswerForm(prefix=f"review-{item.pk}")) for item in queries.open_reviews(round, obj)
            ],
            exceptions=queries.exceptions_log(round, obj),
            page=page,
            query=_query_without_page(request),
        )
    return render(request, "labels/nso.html", context)


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@requires("labels.handle_reviews", load=queries.review)
@require_POST
def review_answer(request: HttpRequest, obj: ReviewRequest) -> HttpResponse:
    form = AnswerForm(request.POST, prefix=f"review-{obj.pk}")
    back = redirect("labels:nso", obj.school.country.code.lower())
    if not form.is_valid():
        messages.error(request, _("Give the reason for your decision."))
        return back
    try:
        if request.POST.get("action") == "grant":
            services.grant_exception(
                actor=request.user,  # type: ignore[arg-type]
                round=obj.round,
                school=obj.school,
                reason=form.cleaned_data["reason"],
                review=obj,
            )
            messages.success(request, _("The exception was granted and logged; the school will be invited."))
        elif request.POST.get("action") == "refuse":
            services.refuse_review(actor=request.user, review=obj, reason=form.cleaned_data["reason"])  # type: ignore[arg-type]
            messages.success(request, _("The request was refused; the school sees your reason."))
        else:
            messages.error(request, _("Choose an action."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return back

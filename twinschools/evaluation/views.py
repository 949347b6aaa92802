from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from twinschools.accounts.models import CountryRole, Invitation
from twinschools.applications.models import Application
from twinschools.core import maps
from twinschools.core.permissions import public, requires
from twinschools.core.routers import reads_from_replica
from twinschools.credentials import queries as credential_queries
from twinschools.evaluation import certificates, charts, queries, services
from twinschools.evaluation.forms import (
    AppointForm,
    AssignForm,
    BatchForm,
    DecisionForm,
    DeclareForm,
    ListFilterForm,
    SettingsForm,
    WithdrawForm,
    given_from,
    posted_values,
    rows_for,
)
from twinschools.evaluation.models import Assignment, LabelAward, Outcome, Review
from twinschools.evaluation.stages import Stage
from twinschools.network.models import Country, School

SECTION = "applications"


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


# The NSO ---------------------------------------------------------------------------


@requires("evaluation.manage")
def nso_list(request: HttpRequest) -> HttpResponse:
    from twinschools.labels.models import Round, RoundStatus

    rounds = list(Round.objects.filter(status=RoundStatus.PUBLISHED).order_by("-opens_at"))
    filters = ListFilterForm(request.GET or None, rounds=rounds)
    data = filters.cleaned_data if filters.is_valid() else {}
    page = queries.nso_page(
        request.user, round_id=data.get("round"), stage=data.get("stage") or "", query=data.get("q") or ""
    )
    if page.chosen is not None and not data.get("round"):
        # The page opened on the round with work: the round filter shows it.
        filters.fields["round"].initial = page.chosen.pk
    return _nso_list(request, page, filters, BatchForm(choices=[]))


def _nso_list(
    request: HttpRequest, page: queries.NsoPage, filters: ListFilterForm, batch: BatchForm, status: int = 200
) -> HttpResponse:
    context = {"page": page, "filters": filters, "batch": batch, "outcomes": Outcome.choices}
    if page.chosen is not None:
        context["progress_chart"] = charts.progress_by_stage(page.stages, round_name=page.chosen.name)
    return render(request, "evaluation/nso_list.html", context, status=status)


@require_POST
@requires("evaluation.manage")
def decide_batch(request: HttpRequest) -> HttpResponse:
    ids = [int(v) for v in request.POST.getlist("applications") if v.isdigit()]
    chosen = queries.nso_applications(request.user, ids)
    form = BatchForm(request.POST, choices=[(a.pk, a.school.name) for a in chosen])
    if form.is_valid():
        try:
            services.decide_batch(
                applications=chosen,
                outcome=form.cleaned_data["outcome"],
                by=request.user,
                message=form.cleaned_data["message"],
                until=form.cleaned_data["until"],
            )
        except ValidationError as error:
            for sentence in error.messages:
                form.add_error(None, sentence)
        else:
            messages.success(
                request,
                ngettext(
                    "The decision was recorded for %(count)s application.",
                    "The decision was recorded for %(count)s applications.",
                    len(chosen),
                )
                % {"count": len(chosen)},
            )
            return redirect(_back_to_list(request))
    round_id = chosen[0].round_id if chosen else None
    page = queries.nso_page(request.user, round_id=round_id)
    return _nso_list(request, page, ListFilterForm(rounds=page.rounds), form, status=400)


def _back_to_list(request: HttpRequest) -> str:
    """Back to the filtered list the batch came from: only a path on this site, never elsewhere."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("evaluation:nso_list")


def _application_page(
    request: HttpRequest,
    app: Application,
    *,
    assign: AssignForm | None = None,
    decision: DecisionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    progress = queries.progress(app)
    evaluators = queries.evaluators_for(app)
    context = {
        "app": app,
        "progress": progress,
        "assign": assign or AssignForm(evaluators=evaluators),
        "decision": decision or DecisionForm(),
        "settings": services.settings_for(app.round, app.school.country_id),
        "criteria": queries.criteria_for(app),
        "award": getattr(app, "award", None),
    }
    return render(request, "evaluation/application.html", context, status=status)


@requires("evaluation.manage_application", load=queries.application)
def application(request: HttpRequest, obj: Application) -> HttpResponse:
    return _application_page(request, obj)


@require_POST
@requires("evaluation.manage_application", load=queries.application)
def assign(request: HttpRequest, obj: Application) -> HttpResponse:
    form = AssignForm(request.POST, evaluators=queries.evaluators_for(obj))
    if form.is_valid():
        try:
            services.assign(application=obj, evaluator=form.cleaned_data["evaluator"], by=request.user)
        except ValidationError as error:
            form.add_error("evaluator", error)
        else:
            messages.success(request, _("The evaluator was assigned."))
            return redirect("evaluation:application", obj.pk)
    return _application_page(request, queries.application(obj.pk), assign=form, status=400)


@require_POST
@requires("evaluation.manage_application", load=queries.application)
def decide(request: HttpRequest, obj: Application) -> HttpResponse:
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide(
                application=obj,
                outcome=form.cleaned_data["outcome"],
                by=request.user,
                message=form.cleaned_data["message"],
                until=form.cleaned_data["until"],
            )
        except ValidationError as error:
            for sentence in error.messages:
                form.add_error(None, sentence)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("evaluation:application", obj.pk)
    return _application_page(request, queries.application(obj.pk), decision=form, status=400)


@requires("evaluation.manage_application", load=queries.application)
def moderate(request: HttpRequest, obj: Application) -> HttpResponse:
    progress = queries.progress(obj)
    criteria = queries.criteria_for(obj)
    status = 200
    if request.method == "POST":
        given = given_from(request.POST, criteria)
        try:
            services.moderate(
                application=obj,
                given=given,
                feedback=request.POST.get("feedback", ""),
                show_evaluator_names=request.POST.get("show_names") == "on",
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
            values, status = posted_values(request.POST, criteria), 400
        else:
            messages.success(request, _("The moderated scores were saved. You can now decide."))
            return redirect("evaluation:application", obj.pk)
    else:
        values = _moderation_start(progress, criteria)
    columns = _columns(progress, criteria)
    context = {
        "app": obj,
        "progress": progress,
        "rows": rows_for(criteria, values),
        "columns": columns,
        # each cell with its column, so that a phone can label it when the table reflows
        "matrix": [(c, [(column, column["cells"][i]) for column in columns]) for i, c in enumerate(criteria)],
        "evaluation": progress.evaluation,
    }
    return render(request, "evaluation/moderate.html", context, status=status)


def _moderation_start(progress: Any, criteria: list[Any]) -> dict[int, tuple[str, str]]:
    """Saved moderated scores when there are, else the reviews' rounded mean to start from."""
    if progress.moderated:
        final = {f.criterion_id: f for f in progress.evaluation.final_scores.all()}
        return {
            c.pk: (("na" if final[c.pk].value is None else str(final[c.pk].value)), final[c.pk].comment)
            for c in criteria
            if c.pk in final
        }
    agreed = services.agreed_scores(progress, criteria)
    return {c.pk: ("na" if agreed[c.pk].value is None else str(agreed[c.pk].value), "") for c in criteria}


def _columns(progress: Any, criteria: list[Any]) -> list[dict[str, Any]]:
    """Each submitted review as a column: its evaluator, total, scores per criterion and private notes."""
    columns = []
    for assignment in progress.active:
        review = progress.review_of(assignment)
        if review is None or not review.is_submitted:
            continue
        scores = {s.criterion_id: s for s in review.scores.all()}
        columns.append(
            {
                "assignment": assignment,
                "review": review,
                "cells": [scores.get(c.pk) for c in criteria],
            }
        )
    return columns


def _review(pk: int) -> Review:
    from django.shortcuts import get_object_or_404

    found = get_object_or_404(Review.objects.select_related("assignment__evaluation"), pk=pk)
    found.application = queries.application(found.assignment.evaluation.application_id)  # type: ignore[attr-defined]
    return found


@require_POST
@requires("evaluation.manage_application", load=_review)
def reopen(request: HttpRequest, obj: Review) -> HttpResponse:
    try:
        services.reopen_review(review=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("The review was reopened; its evaluator can change it."))
    return redirect("evaluation:application", obj.application.pk)  # type: ignore[attr-defined]


@requires("evaluation.manage_application", load=queries.award)
def withdraw(request: HttpRequest, obj: LabelAward) -> HttpResponse:
    """The one way a label ends early: the school's label, credential and certificate go together."""
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_label(award=obj, reason=form.cleaned_data["reason"], by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The label was withdrawn and its credential revoked; the school was told why.")
            )
            return redirect("evaluation:application", obj.application_id)
    context = {
        "award": obj,
        "app": obj.application,
        "form": form,
        "credential": credential_queries.credential_issued_for(services.award_source(obj)),
    }
    return render(request, "evaluation/withdraw.html", context, status=400 if form.errors else 200)


@requires("evaluation.settings", load=queries.country)
def round_settings(request: HttpRequest, obj: Country) -> HttpResponse:
    round_ = queries.published_round(int(request.GET.get("round") or request.POST.get("round") or 0))
    current = services.settings_for(round_, obj.pk)
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_settings(
                round=round_,
                country=obj,
                threshold=form.cleaned_data["threshold"],
                pass_mark=form.cleaned_data["pass_mark"],
                review_days=form.cleaned_data["review_days"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The evaluation settings were saved."))
            return redirect(f"{request.path}?round={round_.pk}")
    status = 400 if request.method == "POST" else 200
    context = {"country": obj, "round": round_, "form": form}
    return render(request, "evaluation/settings.html", context, status=status)


# The country's evaluators -------------------------------------------------------------


def _evaluators_page(
    request: HttpRequest, country: Country, form: AppointForm, status: int = 200
) -> HttpResponse:
    context = {"page": queries.evaluators_page(country), "form": form}
    return render(request, "evaluation/evaluators.html", context, status=status)


@requires("evaluation.manage_evaluators", load=queries.country)
def evaluators(request: HttpRequest, obj: Country) -> HttpResponse:
    form = AppointForm(request.POST or None)
    if request.method != "POST":
        return _evaluators_page(request, obj, form)
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            appointed = services.appoint_evaluator(country=obj, email=email, by=request.user)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            if isinstance(appointed, Invitation):
                text = _(
                    "%(email)s has no account yet: an invitation is queued and will be e-mailed in a few moments."
                )
            else:
                text = _("%(email)s is now an evaluator and was told so.")
            messages.success(request, text % {"email": email})
            return redirect("evaluation:evaluators", obj.code)
    return _evaluators_page(request, obj, form, status=400)


@require_POST
@requires("evaluation.manage_evaluator", load=queries.evaluator_role)
def deactivate_evaluator(request: HttpRequest, obj: CountryRole) -> HttpResponse:
    name = obj.user.full_name or obj.user.email
    try:
        withdrawn = services.deactivate_evaluator(held=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("%(name)s is no longer an evaluator.") % {"name": name})
        if withdrawn:
            messages.warning(
                request,
                ngettext(
                    "%(count)d application lost its evaluator: %(schools)s. Assign another evaluator to it.",
                    "%(count)d applications lost their evaluator: %(schools)s. Assign another evaluator to each.",
                    len(withdrawn),
                )
                % {"count": len(withdrawn), "schools": ", ".join(app.school.name for app in withdrawn)},
            )
    return redirect("evaluation:evaluators", obj.country.code)


# The evaluator ---------------------------------------------------------------------


@requires("evaluation.assignments")
def assignments(request: HttpRequest) -> HttpResponse:
    return render(request, "evaluation/assignments.html", {"rows": queries.my_assignments(request.user)})


def _review_page(
    request: HttpRequest,
    assignment: Assignment,
    *,
    values: dict[int, tuple[str, str]] | None = None,
    status: int = 200,
) -> HttpResponse:
    app = queries.application(assignment.evaluation.application_id)
    progress = queries.progress(app)
    mine = next((a for a in progress.active if a.pk == assignment.pk), assignment)
    review = progress.review_of(mine)
    criteria = queries.criteria_for(app)
    if values is None:
        scores = {s.criterion_id: s for s in review.scores.all()} if review else {}
        values = {pk: ("na" if s.value is None else str(s.value), s.comment) for pk, s in scores.items()}
    both_in = (
        review is not None
        and review.is_submitted
        and progress.stage not in (Stage.IN_REVIEW, Stage.TO_ASSIGN)
    )
    context = {
        "assignment": assignment,
        "app": app,
        "progress": progress,
        "review": review,
        "rows": rows_for(criteria, values),
        "declare": DeclareForm(),
        "others": [c for c in _columns(progress, criteria) if c["assignment"].pk != assignment.pk]
        if both_in
        else [],
        "criteria": criteria,
        "can_write": (
            assignment.no_conflict_declared_at is not None
            and assignment.declined_at is None
            and progress.stage in (Stage.IN_REVIEW, Stage.SECOND_OPINION, Stage.MODERATION, Stage.READY)
            and not (review and review.is_submitted)
        ),
    }
    return render(request, "evaluation/review.html", context, status=status)


@requires("evaluation.review", load=queries.assignment, superusers=False)
def review(request: HttpRequest, obj: Assignment) -> HttpResponse:
    if request.method != "POST":
        return _review_page(request, obj)
    app = obj.evaluation.application
    criteria = queries.criteria_for(app)
    submit = request.POST.get("action") == "submit"
    try:
        services.save_review(
            assignment=obj,
            by=request.user,
            given=given_from(request.POST, criteria),
            private_notes=request.POST.get("private_notes", ""),
            submit=submit,
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return _review_page(request, obj, values=posted_values(request.POST, criteria), status=400)
    messages.success(request, _("Your review was submitted.") if submit else _("Your draft was saved."))
    return redirect("evaluation:review", obj.pk)


@require_POST
@requires("evaluation.review", load=queries.assignment, superusers=False)
def declare(request: HttpRequest, obj: Assignment) -> HttpResponse:
    form = DeclareForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether you have no conflict of interest or decline."))
        return redirect("evaluation:review", obj.pk)
    try:
        services.declare(
            assignment=obj,
            by=request.user,
            no_conflict=form.cleaned_data["answer"] == "no_conflict",
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("evaluation:review", obj.pk)
    if form.cleaned_data["answer"] == "no_conflict":
        messages.success(request, _("Thank you. You can now review the application."))
        return redirect("evaluation:review", obj.pk)
    messages.success(request, _("You declined the assignment; the NSO will assign someone else."))
    return redirect("evaluation:assignments")


# The school ------------------------------------------------------------------------


@requires("evaluation.view_result", load=queries.application)
def result(request: HttpRequest, obj: Application) -> HttpResponse:
    found = queries.result(obj)
    names = _evaluator_names(found)
    rows = []
    for criterion in found.criteria:
        comments = []
        for number, review in enumerate(found.reviews, start=1):
            score = next((s for s in review.scores.all() if s.criterion_id == criterion.pk), None)
            if score is not None and score.comment.strip():
                who = names.get(review.pk) or _("Evaluator %(number)s") % {"number": number}
                comments.append((who, score.comment))
        rows.append({"criterion": criterion, "final": found.final.get(criterion.pk), "comments": comments})
    context = {
        "school": obj.school,
        "section": SECTION,
        "app": obj,
        "result": found,
        "rows": rows,
        "credential": _credential(found),
    }
    return render(request, "evaluation/result.html", context)


def _credential(found: queries.Result) -> credential_queries.CredentialState | None:
    award = found.award
    return credential_queries.credential_issued_for(services.award_source(award)) if award else None


def _evaluator_names(found: queries.Result) -> dict[int, str]:
    evaluation = found.progress.evaluation
    if evaluation is None or not evaluation.show_evaluator_names:
        return {}
    return {
        review.pk: (a.evaluator.full_name or a.evaluator.email or "")
        for a in found.progress.active
        for review in found.reviews
        if review.assignment_id == a.pk
    }


@requires("evaluation.view_result", load=queries.application)
def certificate(request: HttpRequest, obj: Application) -> HttpResponse:
    award = queries.award_of(obj)
    language = certificates.language_for(award, request.GET.get("lang", ""))
    body = certificates.pdf(award, language=language, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="etwinning-school-{award.first_year}-{award.last_year}.pdf"'
    )
    return response


# Public pages ----------------------------------------------------------------------


@public
def rubric(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = queries.published_round(pk)
    context = {"round": round_, "rubric": queries.rubric_of(round_)}
    return render(request, "evaluation/rubric.html", context)


@public
@reads_from_replica
def label_map(request: HttpRequest) -> HttpResponse:
    counts = queries.counts_by_country()
    codes = {c.code for c, _n in counts}
    chosen = (request.GET.get("country") or "").upper()
    chosen = chosen if chosen in codes else ""
    schools = queries.labelled_schools(chosen)
    context = {
        "counts": counts,
        "chosen": chosen,
        "chosen_country": next((c for c, _n in counts if c.code == chosen), None),
        "map": _label_map_content(schools) if chosen else _label_map_cells(counts),
        "schools": schools,
        "total": sum(n for _c, n in counts),
    }
    return render(request, "evaluation/map.html", context)


def _label_map_content(schools: list[School]) -> maps.MapContent:
    """A chosen country: one marker per school (the same schools as the table)."""
    return maps.content(
        markers=maps.markers_of(
            schools,
            name=lambda school: school.name,
            kind=lambda school: "school",
            lines=lambda school: [school.town],
            link=lambda school: (reverse("network:school", args=[school.pk]), _("Open the school's page")),
        )
    )


def _label_map_cells(counts: list[tuple[Country, int]]) -> maps.MapContent:
    """Every country: the schools counted per one-degree cell (and country) in SQL."""
    countries = {country.pk: country for country, _n in counts}
    cells = []
    for found in queries.map_cells():
        country = countries[found.country_id]
        name = ngettext(
            "%(count)s eTwinning School in %(country)s",
            "%(count)s eTwinning Schools in %(country)s",
            found.count,
        ) % {"count": found.count, "country": country.name}
        cells.append(
            maps.cell(
                lat=found.latitude,
                lon=found.longitude,
                count=found.count,
                kind="anchor",
                name=name,
                url=f"{reverse('evaluation:map')}?country={country.code}",
                link=_("Show the eTwinning Schools of %(country)s") % {"country": country.name},
            )
        )
    return maps.content(cells=cells)

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.core.permissions import requires
from twinschools.mission import charts, queries, services
from twinschools.mission.forms import InclusionMeasureForm, PeriodForm
from twinschools.mission.models import InclusionMeasure
from twinschools.network.models import School


def _period_form(request: HttpRequest, *, with_records_list: bool = False) -> PeriodForm:
    return PeriodForm(request.GET or None, today=timezone.localdate(), with_records_list=with_records_list)


def _status(form: PeriodForm) -> int:
    return 400 if form.is_bound and not form.is_valid() else 200


@requires("workspace.view", load=queries.school)
def overview(request: HttpRequest, obj: School) -> HttpResponse:
    form = _period_form(request)
    period = form.chosen()
    context = {
        "school": obj,
        "section": "overview",
        "period_form": form,
        "period": period,
        "commitments": queries.overview(obj, period=period, user=request.user),
        "can_act": request.user.has_perm("workspace.contribute", obj),
        "activity_chart": charts.activity_over_time(queries.activity(obj, today=timezone.localdate())),
        "plan_chart": charts.planned_versus_done(queries.plan_progress(obj)),
    }
    return render(request, "mission/overview.html", context, status=_status(form))


@requires("workspace.view", load=queries.school)
def inclusion(request: HttpRequest, obj: School) -> HttpResponse:
    form = _period_form(request, with_records_list=True)
    period = form.chosen()
    today = timezone.localdate()
    context = {
        "school": obj,
        "section": "inclusion",
        "period_form": form,
        "period": period,
        "data": queries.inclusion_page(obj, period=period, today=today, page_number=request.GET.get("page")),
        "can_record": request.user.has_perm("mission.record_inclusion", obj),
        "can_lead": request.user.has_perm("workspace.lead", obj),
    }
    return render(request, "mission/inclusion.html", context, status=_status(form))


@requires("mission.record_inclusion", load=queries.school)
def new_inclusion_measure(request: HttpRequest, obj: School) -> HttpResponse:
    form = InclusionMeasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_inclusion_measure(school=obj, by=request.user, **form.measure_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The inclusion measure was recorded."))
            return redirect("mission:inclusion", obj.pk)
    status = 400 if form.errors else 200
    context = {"school": obj, "section": "inclusion", "form": form, "measure": None}
    return render(request, "mission/inclusion_form.html", context, status=status)


@requires("mission.change_inclusion", load=queries.inclusion_measure)
def edit_inclusion_measure(request: HttpRequest, obj: InclusionMeasure) -> HttpResponse:
    form = InclusionMeasureForm(request.POST or None, instance=obj, initial={"version": obj.version})
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_inclusion_measure(
                measure=obj, by=request.user, version=form.cleaned_data["version"], **form.measure_fields()
            )
        except ValidationError as error:
            form.add_error(None, error)
            if error.code == "stale":
                stale = queries.inclusion_measure(obj.pk)
                # Saving again now overwrites knowingly: the person has seen the other version.
                form.data = form.data.copy()
                form.data["version"] = str(stale.version)
        else:
            messages.success(request, _("The inclusion measure was saved."))
            return redirect("mission:inclusion", obj.school_id)
    status = 409 if stale else 400 if form.errors else 200
    context = {"school": obj.school, "section": "inclusion", "form": form, "measure": obj, "stale": stale}
    return render(request, "mission/inclusion_form.html", context, status=status)


@require_POST
@requires("mission.change_inclusion", load=queries.inclusion_measure)
def delete_inclusion_measure(request: HttpRequest, obj: InclusionMeasure) -> HttpResponse:
    services.delete_inclusion_measure(measure=obj, by=request.user)
    messages.success(request, _("The inclusion measure was deleted."))
    return redirect("mission:inclusion", obj.school_id)


@requires("workspace.view", load=queries.school)
def innovation(request: HttpRequest, obj: School) -> HttpResponse:
    form = _period_form(request)
    period = form.chosen()
    context = {
        "school": obj,
        "section": "innovation",
        "period_form": form,
        "period": period,
        "record": queries.innovation_record(obj, period=period),
    }
    return render(request, "mission/innovation.html", context, status=_status(form))


@requires("workspace.view", load=queries.school)
def learning_organisation(request: HttpRequest, obj: School) -> HttpResponse:
    form = _period_form(request)
    period = form.chosen()
    context = {
        "school": obj,
        "section": "oecd",
        "period_form": form,
        "period": period,
        "dimensions": queries.learning_organisation(obj, period=period),
        "innovation_url": queries.innovation_url(obj, period),
    }
    return render(request, "mission/learning_organisation.html", context, status=_status(form))

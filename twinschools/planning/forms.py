from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.models import ClassGroup, User
from twinschools.mission.approaches import ApproachCode
from twinschools.mission.models import Approach
from twinschools.network.models import Project, School
from twinschools.planning import queries
from twinschools.planning.models import COMMITMENT_CHOICES, ActionStatus, ActivityStatus


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.public_name


class VersionedForm(forms.Form):
    """Carries the version the editor started from, so a concurrent save is detected."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def compare(self, theirs: dict[str, Any]) -> list[dict[str, Any]]:
        """Field by field, their saved value next to what I typed, as the page shows them."""
        rows = []
        for name, field in self.fields.items():
            if name == "version" or name not in theirs:
                continue
            mine, their = _shown(field, self[name].value()), _shown(field, theirs[name])
            rows.append({"label": field.label, "mine": mine, "theirs": their, "differs": mine != their})
        return rows


def _shown(field: forms.Field, value: Any) -> str:
    """A form value (typed text, ids or objects) as the reader sees it."""
    if isinstance(field, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
        values = value if isinstance(value, list | tuple | set) else [value]
        chosen = {str(getattr(item, "pk", item)) for item in values if item not in (None, "")}
        return ", ".join(field.label_from_instance(obj) for obj in field.queryset if str(obj.pk) in chosen)
    if isinstance(field, forms.BooleanField):
        return str(_("Yes") if value in (True, "on", "true", "True") else _("No"))
    if isinstance(field, forms.ChoiceField):
        return str(dict((str(key), label) for key, label in field.choices).get(str(value), ""))
    if isinstance(field, forms.DateField):
        day = value if isinstance(value, date) else parse_date(str(value or ""))
        return date_format(day, "DATE_FORMAT") if day else str(value or "")
    if isinstance(field, forms.TimeField):
        return value.strftime("%H:%M") if isinstance(value, time) else str(value or "")
    return str(value or "").strip()


class PeriodMixin:
    """End on or after start, said next to the end field."""

    start_field = "starts_on"
    end_field = "ends_on"

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        starts, ends = cleaned.get(self.start_field), cleaned.get(self.end_field)
        if starts and ends and ends < starts:
            self.add_error(self.end_field, _("The end cannot come before the start."))  # type: ignore[attr-defined]
        return cleaned


class PlanForm(PeriodMixin, forms.Form):
    title = forms.CharField(label=_("Title of the plan"), max_length=200, initial=_("eTwinning action plan"))
    starts_on = forms.DateField(label=_("Start of the period"), widget=DateInput())
    ends_on = forms.DateField(label=_("End of the period"), widget=DateInput())


class GoalForm(VersionedForm):
    commitment = forms.TypedChoiceField(label=_("Commitment"), choices=COMMITMENT_CHOICES, coerce=int)
    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    field_order = ["commitment", "title", "description", "version"]

    @staticmethod
    def initial_for(goal: Any) -> dict[str, Any]:
        return {
            "commitment": goal.commitment,
            "title": goal.title,
            "description": goal.description,
            "version": goal.version,
        }


class ActionForm(PeriodMixin, VersionedForm):
    title = forms.CharField(label=_("Action"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    owners = PersonChoiceField(
        label=_("Owners"),
        queryset=User.objects.none(),
        help_text=_("Members of staff who carry the action out."),
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    ends_on = forms.DateField(label=_("End"), widget=DateInput())
    resources = forms.CharField(
        label=_("Resources"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    success_criteria = forms.CharField(
        label=_("Success criteria or indicator"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("How the team will know the action worked, and how it is monitored."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices, initial=ActionStatus.PLANNED)

    field_order = [
        "title",
        "description",
        "owners",
        "starts_on",
        "ends_on",
        "resources",
        "success_criteria",
        "status",
        "version",
    ]

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = queries.staff_users(school)  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(action: Any) -> dict[str, Any]:
        return {
            "title": action.title,
            "description": action.description,
            "owners": [person.pk for person in action.owners.all()],
            "starts_on": action.starts_on,
            "ends_on": action.ends_on,
            "resources": action.resources,
            "success_criteria": action.success_criteria,
            "status": action.status,
            "version": action.version,
        }


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Progress note"), widget=forms.Textarea(attrs={"rows": 3}))
    written_on = forms.DateField(label=_("Date"), widget=DateInput(), required=False)


class ApproachChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Approach) -> str:
        return str(ApproachCode(obj.code).label)


class ActivityForm(VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    all_day = forms.BooleanField(label=_("All day"), required=False)
    start_date = forms.DateField(label=_("Start date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput(), required=False)
    end_date = forms.DateField(label=_("End date"), widget=DateInput())
    end_time = forms.TimeField(label=_("End time"), widget=TimeInput(), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    project = forms.ModelChoiceField(
        label=_("eTwinning project"), queryset=Project.objects.none(), required=False
    )
    classes = forms.ModelMultipleChoiceField(
        label=_("Classes"),
        queryset=ClassGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    co_planners = PersonChoiceField(
        label=_("Co-planning teachers"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    approaches = ApproachChoiceField(
        label=_("Pedagogical approaches"),
        queryset=Approach.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ActivityStatus.choices, initial=ActivityStatus.PLANNED
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = queries.projects_of(school)  # type: ignore[attr-defined]
        self.fields["classes"].queryset = queries.classes_of(school)  # type: ignore[attr-defined]
        self.fields["co_planners"].queryset = queries.staff_users(school)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        all_day = cleaned.get("all_day")
        for day, moment in (("start_date", "start_time"), ("end_date", "end_time")):
            if not all_day and cleaned.get(day) and cleaned.get(moment) is None and moment not in self.errors:
                self.add_error(moment, _("Give a time, or tick “All day”."))
        if self.errors:
            return cleaned
        cleaned["starts_at"] = _moment(cleaned["start_date"], None if all_day else cleaned["start_time"])
        cleaned["ends_at"] = _moment(cleaned["end_date"], None if all_day else cleaned["end_time"])
        if cleaned["ends_at"] < cleaned["starts_at"]:
            self.add_error("end_date", _("The end cannot come before the start."))
        return cleaned

    @staticmethod
    def initial_for(activity: Any) -> dict[str, Any]:
        starts, ends = timezone.localtime(activity.starts_at), timezone.localtime(activity.ends_at)
        return {
            "title": activity.title,
            "description": activity.description,
            "all_day": activity.all_day,
            "start_date": starts.date(),
            "start_time": None if activity.all_day else starts.time(),
            "end_date": ends.date(),
            "end_time": None if activity.all_day else ends.time(),
            "place": activity.place,
            "project": activity.project_id,
            "classes": [class_group.pk for class_group in activity.classes.all()],
            "co_planners": [person.pk for person in activity.co_planners.all()],
            "approaches": [approach.pk for approach in activity.approaches.all()],
            "status": activity.status,
            "version": activity.version,
        }


def _moment(day: date, at: time | None) -> datetime:
    return timezone.make_aware(datetime.combine(day, at or time.min))


class CalendarFilterForm(forms.Form):
    month = forms.CharField(label=_("Month"), required=False, widget=forms.TextInput(attrs={"type": "month"}))
    mine = forms.BooleanField(label=_("Only activities I co-plan"), required=False)
    project = forms.ModelChoiceField(
        label=_("eTwinning project"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("All projects"),
    )
    class_group = forms.ModelChoiceField(
        label=_("Class"), queryset=ClassGroup.objects.none(), required=False, empty_label=_("All classes")
    )
    approach = forms.ChoiceField(label=_("Pedagogical approach"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    since = forms.DateField(widget=forms.HiddenInput, required=False)
    coplanned = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = queries.projects_of(school)  # type: ignore[attr-defined]
        self.fields["class_group"].queryset = queries.classes_of(school)  # type: ignore[attr-defined]
        self.fields["approach"].choices = [("", _("All approaches")), *ApproachCode.choices]  # type: ignore[attr-defined]
        self.fields["status"].choices = [("", _("Any status")), *ActivityStatus.choices]  # type: ignore[attr-defined]

    def filters(self, today: date) -> queries.CalendarFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return queries.CalendarFilters(
            month=_month(data.get("month") or "", today),
            mine=bool(data.get("mine")),
            project=data["project"].pk if data.get("project") else None,
            class_group=data["class_group"].pk if data.get("class_group") else None,
            approach=data.get("approach") or None,
            status=data.get("status") or None,
            since=data.get("since"),
            coplanned=bool(data.get("coplanned")),
        )


def _month(text: str, today: date) -> date:
    """ "2026-11" as its first day; anything else is this month."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        return today.replace(day=1)

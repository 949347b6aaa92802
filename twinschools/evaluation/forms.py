from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.evaluation.models import MAX_REVIEW_DAYS, Criterion, EvaluationSettings, Outcome
from twinschools.evaluation.services import Given
from twinschools.evaluation.stages import Stage

NOT_APPLICABLE = "na"


def given_from(data: QueryDict, criteria: list[Criterion]) -> dict[int, Given]:
    """The levels and comments posted for each criterion (`level-<pk>`: "0".."5" or "na")."""
    given: dict[int, Given] = {}
    for criterion in criteria:
        raw = (data.get(f"level-{criterion.pk}") or "").strip()
        comment = data.get(f"comment-{criterion.pk}") or ""
        if raw == NOT_APPLICABLE:
            given[criterion.pk] = Given(None, True, comment)
        elif raw.isdigit() and 0 <= int(raw) <= 5:
            given[criterion.pk] = Given(int(raw), True, comment)
        else:
            given[criterion.pk] = Given(None, False, comment)
    return given


def rows_for(criteria: list[Criterion], values: dict[int, tuple[str, str]]) -> list[dict[str, Any]]:
    """What the scoring template needs per criterion: its levels and the value and comment to show."""
    rows = []
    for criterion in criteria:
        value, comment = values.get(criterion.pk, ("", ""))
        rows.append(
            {
                "criterion": criterion,
                "levels": [(str(level), text) for level, text in criterion.descriptors()],
                "value": value,
                "comment": comment,
            }
        )
    return rows


def posted_values(data: QueryDict, criteria: list[Criterion]) -> dict[int, tuple[str, str]]:
    return {c.pk: (data.get(f"level-{c.pk}") or "", data.get(f"comment-{c.pk}") or "") for c in criteria}


class AppointForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the new evaluator"),
        help_text=_(
            "A person with an account becomes an evaluator at once; any other address gets an invitation by e-mail."
        ),
    )


class AssignForm(forms.Form):
    evaluator = forms.ModelChoiceField(queryset=None, label=_("Evaluator"))  # type: ignore[arg-type]

    def __init__(self, *args: Any, evaluators: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from twinschools.accounts.models import User

        field = self.fields["evaluator"]
        field.queryset = User.objects.filter(pk__in=[e.pk for e in evaluators]).order_by("full_name", "email")  # type: ignore[attr-defined]
        field.label_from_instance = lambda user: user.full_name or user.email  # type: ignore[attr-defined]


class DeclareForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Conflict of interest"),
        widget=forms.RadioSelect,
        choices=[
            ("no_conflict", _("I declare that I have no conflict of interest with this school.")),
            ("decline", _("I decline this assignment.")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason for declining"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Message to the school (required when you return the application)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    until = forms.DateTimeField(
        label=_("Resubmission possible until (when you return it after the deadline)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class BatchForm(DecisionForm):
    applications = forms.TypedMultipleChoiceField(coerce=int, choices=(), label=_("Applications"))

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applications"].choices = choices  # type: ignore[attr-defined]


class ListFilterForm(forms.Form):
    round = forms.TypedChoiceField(label=_("Round"), coerce=int, required=False, choices=())
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=[("", pgettext_lazy("evaluation stage", "Any")), *Stage.choices],
    )
    q = forms.CharField(label=_("School name"), required=False, max_length=100)

    def __init__(self, *args: Any, rounds: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["round"].choices = [(r.pk, r.name) for r in rounds]  # type: ignore[attr-defined]


class SettingsForm(forms.ModelForm):
    class Meta:
        model = EvaluationSettings
        fields = ["threshold", "pass_mark", "review_days"]
        widgets = {
            "threshold": forms.NumberInput(attrs={"min": 0, "max": 100}),
            "pass_mark": forms.NumberInput(attrs={"min": 0, "max": 100}),
            "review_days": forms.NumberInput(attrs={"min": 1, "max": MAX_REVIEW_DAYS}),
        }


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the label withdrawn?"),
        help_text=_("The school's head reads this reason, and everyone who checks the credential sees it."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the label is withdrawn.")},
    )

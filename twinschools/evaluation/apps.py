from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _appointed_sentence(params: dict[str, Any]) -> str:
    from django_countries import countries

    country = countries.name(params.get("country", "")) or params.get("country", "")
    return gettext("You are now an evaluator of eTwinning School label applications for %(country)s.") % {
        "country": country
    }


def _assigned_sentence(params: dict[str, Any]) -> str:
    """With the due date in the reader's language; notifications from before due dates have none."""
    from datetime import date

    from django.utils.formats import date_format

    if not params.get("due"):
        return gettext("You are asked to evaluate the application of %(school)s for %(round)s.") % params
    due = date_format(date.fromisoformat(params["due"]), "DATE_FORMAT")
    return gettext("You are asked to evaluate the application of %(school)s for %(round)s by %(due)s.") % {
        **params,
        "due": due,
    }


def _withdrawal_page(award_pk: str) -> str:
    from django.urls import reverse

    return reverse("evaluation:withdraw", args=[int(award_pk)])


class EvaluationConfig(AppConfig):
    """National evaluation of label applications: rubric, reviews, moderation, decision and award."""

    name = "twinschools.evaluation"
    label = "evaluation"

    def ready(self) -> None:
        from twinschools.evaluation.demo import seed_evaluation
        from twinschools.mission.registry import register_demo_seeder
        from twinschools.notifications.kinds import Group, register_kind

        register_kind(
            "evaluation.assigned",
            _assigned_sentence,
            label=_("A label application is assigned to you"),
            group=Group.NATIONAL,
        )
        register_kind(
            "evaluation.no_second_opinion",
            _(
                "The evaluators of %(school)s disagree and no other evaluator is free: assign a second opinion."
            ),
            label=_("No evaluator is free for a second opinion"),
            group=Group.NATIONAL,
        )
        register_kind(
            "evaluation.appointed",
            _appointed_sentence,
            label=_("You are appointed as an evaluator"),
            group=Group.NATIONAL,
        )
        register_kind(
            "evaluation.decided",
            _("The decision on your label application for %(round)s is ready."),
            label=_("The decision on your label application"),
            group=Group.LABEL,
        )
        register_kind(
            "evaluation.label_withdrawn",
            _("Your school's eTwinning School label %(years)s was withdrawn. The reason: %(reason)s"),
            label=_("Your school's label is withdrawn"),
            group=Group.LABEL,
        )
        from twinschools.credentials.sources import register_source

        register_source("evaluation.award", _withdrawal_page)
        # After the applications seeder (90), which writes the demo school's application.
        register_demo_seeder(seed_evaluation, order=95)
        from twinschools.accounts.home import register_todos
        from twinschools.evaluation.home import todos as home_todos

        register_todos(home_todos)

"""The label's notification sentences, registered with the notifications app."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from twinschools.notifications.kinds import Group, register_kind


def register() -> None:
    register_kind(
        "labels.invited",
        _(
            "Your school is eligible for the eTwinning School label, round %(round)s: "
            "open its page to see the rules it meets and the application dates."
        ),
        label=_("Your school is eligible for the eTwinning School label"),
        group=Group.LABEL,
    )
    register_kind(
        "labels.review_asked",
        _("%(school)s asks for a review of its eligibility for the eTwinning School label, round %(round)s."),
        label=_("A school asks for a review of its eligibility"),
        group=Group.NATIONAL,
    )
    register_kind(
        "labels.review_answered",
        _("Your NSO answered your school's review request for the eTwinning School label, round %(round)s."),
        label=_("Your NSO answered your school's review request"),
        group=Group.LABEL,
    )

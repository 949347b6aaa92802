"""The label application on a person's home page: what they are writing, and for the head its readiness."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.accounts.home import SUCCESS, WARNING, Contribution, Fact, Todo
from twinschools.accounts.models import STAFF_ROLES
from twinschools.applications.models import EDITABLE, Application, Comment, Part, PartConflict, Status
from twinschools.core.authz import Roles
from twinschools.labels.models import Eligibility, FormSection, RoundStatus


def current_applications(school_ids: list[int], now: datetime) -> list[Application]:
    """Each school's applications still being written or just signed: the round (or the time
    the NSO gave to answer) has not closed yet."""
    open_now = Q(round__closes_at__gt=now) | Q(resubmit_until__gt=now)
    return list(
        Application.objects.filter(school_id__in=school_ids, status__in=(*EDITABLE, Status.SUBMITTED))
        .filter(open_now)
        .select_related("round")
        .order_by("school_id", "-round__opens_at", "-pk")
    )


def not_started(school_ids: list[int], now: datetime) -> dict[int, int]:
    """Per school: the rounds open now for which it is eligible and has no application yet."""
    applied = Application.objects.filter(round_id=OuterRef("round_id"), school_id=OuterRef("school_id"))
    return dict(
        Eligibility.objects.filter(
            school_id__in=school_ids,
            eligible=True,
            round__status=RoundStatus.PUBLISHED,
            round__opens_at__lte=now,
            round__closes_at__gt=now,
        )
        .exclude(Exists(applied))
        .values("school_id")
        .annotate(n=Count("pk"))
        .values_list("school_id", "n")
        .order_by()
    )


def _latest_per_school(applications: list[Application]) -> dict[int, Application]:
    latest: dict[int, Application] = {}
    for app in applications:
        latest.setdefault(app.school_id, app)
    return latest


def _readiness(apps: list[Application]) -> dict[int, tuple[int, int, int]]:
    """Per application: (sections complete, sections, unresolved comments), in three queries."""
    if not apps:
        return {}
    ids = [a.pk for a in apps]
    sections = dict(
        FormSection.objects.filter(form_version_id__in={a.round.form_version_id for a in apps})
        .values("form_version_id")
        .annotate(n=Count("pk"))
        .values_list("form_version_id", "n")
        .order_by()
    )
    unfinished = dict(
        Part.objects.filter(application_id__in=ids, text="")
        .values("application_id")
        .annotate(n=Count("section_id", distinct=True))
        .values_list("application_id", "n")
        .order_by()
    )
    comments = dict(
        Comment.objects.filter(application_id__in=ids, resolved_at__isnull=True)
        .values("application_id")
        .annotate(n=Count("pk"))
        .values_list("application_id", "n")
        .order_by()
    )
    found = {}
    for app in apps:
        total = sections.get(app.round.form_version_id, 0)
        found[app.pk] = (total - unfinished.get(app.pk, 0), total, comments.get(app.pk, 0))
    return found


def _writing(user: Any, apps: list[Application]) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Per application being written: parts this person last saved, comments others left unresolved,
    and parts with versions in conflict (nobody signs until someone resolves them)."""
    editable = [a.pk for a in apps if a.status in EDITABLE]
    if not editable:
        return {}, {}, {}
    parts = dict(
        Part.objects.filter(application_id__in=editable, updated_by=user)
        .values("application_id")
        .annotate(n=Count("pk"))
        .values_list("application_id", "n")
        .order_by()
    )
    comments = dict(
        Comment.objects.filter(application_id__in=editable, resolved_at__isnull=True)
        .exclude(author=user)
        .values("application_id")
        .annotate(n=Count("pk"))
        .values_list("application_id", "n")
        .order_by()
    )
    conflicts = dict(
        PartConflict.objects.filter(part__application_id__in=editable, resolved_at__isnull=True)
        .values("part__application_id")
        .annotate(n=Count("part_id", distinct=True))
        .values_list("part__application_id", "n")
        .order_by()
    )
    return parts, comments, conflicts


def todos(*, user: Any, roles: Roles, now: datetime) -> list[Contribution]:
    staff = roles.schools_with(*STAFF_ROLES)
    if not staff:
        return []
    latest = _latest_per_school(current_applications(staff, now))
    to_start = not_started(staff, now)
    found = [
        Contribution(
            f"school:{school_id}",
            cards=(
                Todo(
                    "applications.start",
                    _("Label applications you can start"),
                    count,
                    reverse("applications:school", args=[school_id]),
                    "patch-plus",
                    SUCCESS,
                    39,
                ),
            ),
        )
        for school_id, count in to_start.items()
    ]
    if not latest:
        return found
    apps = list(latest.values())
    parts, comments, conflicts = _writing(user, apps)
    heads = set(roles.schools_with("head"))
    readiness = _readiness([a for a in apps if a.school_id in heads])
    contributions = found
    for school_id, app in latest.items():
        url = reverse("applications:detail", args=[app.pk])
        cards = (
            Todo(
                "applications.parts",
                _("Application parts you are writing"),
                parts.get(app.pk, 0),
                url,
                "pencil-square",
                order=40,
            ),
            Todo(
                "applications.conflicts",
                _("Application parts with versions in conflict, waiting for someone to choose"),
                conflicts.get(app.pk, 0),
                url,
                "exclamation-triangle",
                WARNING,
                41,
            ),
            Todo(
                "applications.comments",
                _("Comments on the application waiting for an answer"),
                comments.get(app.pk, 0),
                url,
                "chat-left-text",
                WARNING,
                41,
            ),
        )
        facts: tuple[Fact, ...] = ()
        if app.pk in readiness:
            done, total, unresolved = readiness[app.pk]
            signed = app.status == Status.SUBMITTED
            facts = (
                Fact(
                    _("Sections complete"),
                    _("%(done)s of %(total)s") % {"done": done, "total": total},
                    url,
                    SUCCESS if done == total else WARNING,
                    "list-check",
                ),
                Fact(
                    _("Comments unresolved"),
                    unresolved,
                    url,
                    WARNING if unresolved else SUCCESS,
                    "chat-left-text",
                ),
                Fact(
                    _("Signature"),
                    pgettext_lazy("signature", "Done") if signed else pgettext_lazy("signature", "Waiting"),
                    url,
                    SUCCESS if signed else WARNING,
                    "pen",
                ),
            )
        title = _("Label application for %(round)s") % {"round": app.round.name}
        contributions.append(
            Contribution(f"school:{school_id}", cards=cards, facts=facts, facts_title=title if facts else "")
        )
    return contributions

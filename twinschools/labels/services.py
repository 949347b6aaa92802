"""Writes about label rounds: configure, publish, duplicate, run the check, invite, disputes.

Every function is keyword-only, owns its transaction and leaves an audit event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from twinschools.accounts.models import User
from twinschools.core import audit, jobs
from twinschools.core.models import Job
from twinschools.labels import eligibility, tasks
from twinschools.labels.models import (
    Eligibility,
    EligibilityException,
    ReviewRequest,
    ReviewStatus,
    Round,
    RoundStatus,
)
from twinschools.network.models import ActivityKind, School
from twinschools.notifications.models import Notification
from twinschools.notifications.services import notify

INVITED = "labels.invited"
REVIEW_ASKED = "labels.review_asked"
REVIEW_ANSWERED = "labels.review_answered"

RULE_FIELDS = (
    "name",
    "opens_at",
    "closes_at",
    "registered_by",
    "active_since",
    "min_active_teachers",
    "activity_kinds",
    "nql_from",
    "nql_to",
    "nql_at_this_school",
    "nql_european_project",
    "label_first_year",
    "label_last_year",
    "form_version",
)


# The dates the eligibility check looks back to: each must lie on or before the opening day.
LOOK_BACK_FIELDS = ("registered_by", "active_since", "nql_from", "nql_to")


def _name_years(name: str) -> tuple[int, int] | None:
    first, _dash, last = name.partition("-")
    return (int(first), int(last)) if first.isdigit() and last.isdigit() else None


def _check_years(values: dict[str, Any], errors: dict[str, list[str]]) -> None:
    """The name says which two years the label covers; the label years and the window follow it."""
    years = _name_years(values["name"])
    if years is None:
        return
    first, last = years
    if last != first + 1:
        errors["name"] = [_("The second year of the name must follow the first, for example 2027-2028.")]
        last = first + 1  # what the name should say: the label years are checked against it
    if values["label_first_year"] != first:
        errors["label_first_year"] = [
            _("The label's first year must be the first year of the round's name (%(year)s).")
            % {"year": first}
        ]
    if values["label_last_year"] != last:
        errors["label_last_year"] = [
            _("The label's last year must be the second year of the round's name (%(year)s).")
            % {"year": last}
        ]
    opening_year = timezone.localtime(values["opens_at"]).year
    if opening_year not in (first - 1, first):
        errors.setdefault("opens_at", []).append(
            _("Applications for the %(name)s label must open in %(before)s or %(first)s.")
            % {"name": values["name"], "before": first - 1, "first": first}
        )


def _check_look_back(values: dict[str, Any], errors: dict[str, list[str]]) -> None:
    """The check looks back from the opening day, so its reference dates cannot lie after it."""
    opening_day = timezone.localdate(values["opens_at"])
    shown = date_format(opening_day, "DATE_FORMAT")
    for field in LOOK_BACK_FIELDS:
        if values[field] > opening_day:
            errors.setdefault(field, []).append(
                _("This date must be on or before the day applications open (%(day)s).") % {"day": shown}
            )


def check_rules(values: dict[str, Any], *, instance: Round | None = None) -> None:
    """Raises a ValidationError naming each field whose value breaks the round's rules."""
    errors: dict[str, list[str]] = {}
    if values["closes_at"] <= values["opens_at"]:
        errors["closes_at"] = [_("The application window must close after it opens.")]
    if values["nql_to"] < values["nql_from"]:
        errors["nql_to"] = [_("The National Quality Label window must end on or after its first day.")]
    if values["label_last_year"] < values["label_first_year"]:
        errors["label_last_year"] = [_("The label cannot end before the year it starts.")]
    else:
        _check_years(values, errors)
    _check_look_back(values, errors)
    if not 1 <= values["min_active_teachers"] <= 50:
        errors["min_active_teachers"] = [_("Ask for between 1 and 50 active teachers.")]
    kinds = list(values["activity_kinds"])
    if not kinds or any(kind not in ActivityKind.values for kind in kinds):
        errors["activity_kinds"] = [_("Choose at least one kind of activity from the list.")]
    clash = Round.objects.filter(name=values["name"])
    if instance is not None:
        clash = clash.exclude(pk=instance.pk)
    if clash.exists():
        errors["name"] = [_("Another round already has this name.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_round(*, actor: User, values: dict[str, Any], instance: Round | None = None) -> Round:
    """Creates a draft round or changes one (a published round's rules may still be corrected)."""
    check_rules(values, instance=instance)
    round = instance or Round()
    for field in RULE_FIELDS:
        setattr(round, field, values[field])
    round.activity_kinds = list(dict.fromkeys(values["activity_kinds"]))
    round.save()
    audit.record(
        actor=actor,
        action="labels.round.saved" if instance else "labels.round.created",
        target=round,
        data={"name": round.name},
    )
    return round


def _shift(value: Any, years: int) -> Any:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def next_year_values(round: Round) -> dict[str, Any]:
    """The round's rules moved one year on: the starting point for next year's round."""
    values: dict[str, Any] = {field: getattr(round, field) for field in RULE_FIELDS}
    for field in ("opens_at", "closes_at", "registered_by", "active_since", "nql_from", "nql_to"):
        values[field] = _shift(values[field], 1)
    values["label_first_year"] += 1
    values["label_last_year"] += 1
    values["name"] = f"{values['label_first_year']}-{values['label_last_year']}"
    return values


@transaction.atomic
def duplicate_round(*, actor: User, round: Round) -> Round:
    values = next_year_values(round)
    copy = save_round(actor=actor, values=values)
    audit.record(actor=actor, action="labels.round.duplicated", target=copy, data={"from": round.pk})
    return copy


@transaction.atomic
def publish_round(*, actor: User, round: Round) -> Round:
    """Publishes the round; schools already found eligible are invited."""
    if round.is_published:
        raise ValidationError(_("This round is already published."))
    round.status = RoundStatus.PUBLISHED
    round.save(update_fields=["status"])
    audit.record(actor=actor, action="labels.round.published", target=round)
    transaction.on_commit(lambda: tasks.send_invitations.delay(round_id=round.pk))
    return round


@transaction.atomic
def delete_draft_round(*, actor: User, round: Round) -> None:
    """Deletes a round nobody was invited to or applied in: a draft set up by mistake."""
    locked = Round.objects.select_for_update().get(pk=round.pk)
    if locked.is_published:
        raise ValidationError(_("A published round cannot be deleted: schools were told its rules."))
    if locked.applications.exists():
        raise ValidationError(_("This round cannot be deleted: schools have applied in it."))
    audit.record(actor=actor, action="labels.round.deleted", target=locked, data={"name": locked.name})
    # The check's results go first, in one statement each, not row by row through the collector.
    Eligibility.objects.filter(round=locked).delete()
    EligibilityException.objects.filter(round=locked).delete()
    locked.delete()


@transaction.atomic
def request_eligibility_run(*, actor: User, round: Round) -> Job:
    """Queues the check as a background job (core/jobs.py; eager without a broker)."""
    audit.record(actor=actor, action="labels.eligibility.requested", target=round)
    return jobs.start(kind=ELIGIBILITY_JOB, owner=actor, params={"round_id": round.pk})


ELIGIBILITY_JOB = "labels.eligibility"


def eligibility_job(job: Job, progress: jobs.Progress) -> dict[str, Any]:
    """The worker's side of the check: one statement, so the bar waits, then the counts."""
    round = Round.objects.filter(pk=job.params["round_id"]).first()
    if round is None:
        raise ValidationError(_("This round no longer exists."))
    progress.advance(0, None)
    done = run_eligibility(round=round, run_by=job.owner, progress=progress)
    # A published round's invitations go out after this commits: the round's page counts them.
    return {"round_id": round.pk, "checked": done.checked, "eligible": done.eligible}


def eligibility_job_context(job: Job) -> dict[str, Any]:
    return {"round": Round.objects.filter(pk=job.params.get("round_id")).first()}


@dataclass(frozen=True)
class RunCounts:
    checked: int
    eligible: int
    invited: int


def counts(round: Round) -> RunCounts:
    totals = Eligibility.objects.filter(round=round).aggregate(
        checked=Count("pk"),
        eligible=Count("pk", filter=Q(eligible=True)),
        invited=Count("pk", filter=Q(invited_at__isnull=False)),
    )
    return RunCounts(totals["checked"], totals["eligible"], totals["invited"])


@transaction.atomic
def run_eligibility(
    *,
    round: Round,
    run_by: User | None,
    today: date | None = None,
    now: datetime | None = None,
    progress: jobs.Progress | None = None,
) -> RunCounts:
    """Checks every school of the network in one statement; a published round then invites.

    Run as a job (`progress`), a cancel request made while the statement ran rolls it back.
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    # One run at a time per round: the row lock makes a second run wait.
    round = Round.objects.select_for_update().get(pk=round.pk)
    round.eligibility_started_at = now
    changed = eligibility.compute(round, today=today, now=now)
    if progress is not None:
        progress.check_cancelled()
    round.eligibility_finished_at = timezone.now()
    round.eligibility_run_by = run_by
    round.save(update_fields=["eligibility_started_at", "eligibility_finished_at", "eligibility_run_by"])
    result = counts(round)
    audit.record(
        actor=run_by,
        action="labels.eligibility.checked",
        target=round,
        data={"checked": result.checked, "eligible": result.eligible, "changed": changed},
    )
    if round.is_published:
        transaction.on_commit(lambda: tasks.send_invitations.delay(round_id=round.pk))
    return result


def _school_url_sql() -> tuple[str, str]:
    """The school's eligibility page as a prefix and suffix around its id, to build it in SQL."""
    marker = 987654321
    url = reverse("labels:school", args=[marker])
    prefix, suffix = url.split(str(marker))
    return prefix, suffix


@transaction.atomic
def send_invitations(*, round: Round, now: datetime | None = None, mail: bool = True) -> int:
    """Notifies the head and every teacher of each newly eligible school, once per school and round.

    Bulk SQL: one INSERT ... SELECT writes the in-app notifications, one UPDATE
    marks the schools invited; the e-mails go out in the recipients' languages
    through the outbox, queued in this transaction (`mail=False`: the demo's
    generated addresses get none).
    """
    round = Round.objects.select_for_update().get(pk=round.pk)
    if not round.is_published:
        return 0
    now = now or timezone.now()
    stamp = connection.ops.adapt_datetimefield_value(now)
    today = connection.ops.adapt_datefield_value(timezone.localdate(now))
    prefix, suffix = _school_url_sql()
    params_json = json.dumps({"round": round.name})
    params_sql = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    target = f"label-round:{round.pk}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO notifications_notification (recipient_id, kind, params, school_id, target, url, created_at)
            SELECT people.user_id, %s, {params_sql}, people.school_id, %s,
                   %s || CAST(people.school_id AS TEXT) || %s, %s
            FROM (
                SELECT DISTINCT m.user_id, m.school_id
                FROM labels_eligibility e
                JOIN accounts_membership m ON m.school_id = e.school_id
                JOIN accounts_user u ON u.id = m.user_id
                WHERE e.round_id = %s AND e.eligible AND e.invited_at IS NULL
                  AND m.role IN ('head', 'teacher') AND (m.ended_on IS NULL OR m.ended_on >= %s)
                  AND u.is_active
            ) people
            """,
            [INVITED, params_json, target, prefix, suffix, stamp, round.pk, today],
        )
        cursor.execute(
            "UPDATE labels_eligibility SET invited_at = %s WHERE round_id = %s AND eligible AND invited_at IS NULL",
            [stamp, round.pk],
        )
        schools = cursor.rowcount
    mailed = list(
        Notification.objects.filter(
            kind=INVITED, target=target, created_at=now, recipient__email__isnull=False
        )
        .values_list("pk", flat=True)
        .order_by("pk")
    )
    audit.record(
        actor=None,
        action="labels.invitation.sent",
        target=round,
        data={"schools": schools, "notifications": len(mailed)},
    )
    if mailed and mail:
        from twinschools.notifications.services import route_emails

        route_emails(notification_ids=mailed)  # into the outbox, in this transaction
    return schools


@transaction.atomic
def ask_for_review(*, actor: User, round: Round, school: School, message: str) -> ReviewRequest:
    message = message.strip()
    if not message:
        raise ValidationError({"message": [_("Tell your NSO why you think the result is wrong.")]})
    if ReviewRequest.objects.filter(round=round, school=school, status=ReviewStatus.OPEN).exists():
        raise ValidationError(_("Your school already has an open review request for this round."))
    if Eligibility.objects.filter(round=round, school=school, eligible=True).exists():
        raise ValidationError(_("Your school is already eligible for this round."))
    review = ReviewRequest.objects.create(round=round, school=school, requested_by=actor, message=message)
    audit.record(actor=actor, action="labels.review.requested", school=school, target=review)
    nso = User.objects.filter(
        country_roles__country_id=school.country_id, country_roles__role="nso", is_active=True
    ).distinct()
    notify(
        recipients=nso,
        kind=REVIEW_ASKED,
        params={"round": round.name, "school": school.name},
        url=reverse("labels:nso", args=[school.country.code.lower()]),
        school=school,
        target=f"review:{review.pk}",
    )
    return review


def _answer(*, review: ReviewRequest, actor: User, status: str, answer: str) -> None:
    review.status = status
    review.answer = answer
    review.answered_by = actor
    review.answered_at = timezone.now()
    review.save(update_fields=["status", "answer", "answered_by", "answered_at"])
    notify(
        recipients=[review.requested_by],
        kind=REVIEW_ANSWERED,
        params={"round": review.round.name},
        url=reverse("labels:school", args=[review.school_id]),
        school=review.school,
        target=f"review:{review.pk}",
    )


def _locked_open(review: ReviewRequest) -> ReviewRequest:
    review = ReviewRequest.objects.select_for_update().select_related("round", "school").get(pk=review.pk)
    if review.status != ReviewStatus.OPEN:
        raise ValidationError(_("This review request has already been answered."))
    return review


@transaction.atomic
def grant_exception(
    *, actor: User, round: Round, school: School, reason: str, review: ReviewRequest | None = None
) -> EligibilityException:
    """The NSO lets a school apply although the check left it out; kept when the check runs again."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the reason for the exception.")]})
    if review is not None:
        review = _locked_open(review)
    if EligibilityException.objects.filter(round=round, school=school).exists():
        raise ValidationError(_("This school already has an exception for this round."))
    exception = EligibilityException.objects.create(
        round=round, school=school, granted_by=actor, reason=reason
    )
    Eligibility.objects.filter(round=round, school=school).update(eligible=True)
    if review is not None:
        _answer(review=review, actor=actor, status=ReviewStatus.GRANTED, answer=reason)
    audit.record(
        actor=actor,
        action="labels.exception.granted",
        school=school,
        target=exception,
        data={"round": round.pk, "review": review.pk if review else None},
    )
    if round.is_published:
        transaction.on_commit(lambda: tasks.send_invitations.delay(round_id=round.pk))
    return exception


@transaction.atomic
def refuse_review(*, actor: User, review: ReviewRequest, reason: str) -> ReviewRequest:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Tell the school why its request is refused.")]})
    review = _locked_open(review)
    _answer(review=review, actor=actor, status=ReviewStatus.REFUSED, answer=reason)
    audit.record(actor=actor, action="labels.review.refused", school=review.school, target=review)
    return review

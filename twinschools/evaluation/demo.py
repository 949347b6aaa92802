"""The demo's evaluation: applications of Romanian schools in every stage after the Cluj
school's draft (applications/demo.py):

- earlier round: one awarded (with its credential and certificate), one awarded then revoked;
- the open round: one in evaluation whose two first reviews disagree, so a third evaluator
  (the demo evaluator, the least loaded) was assigned automatically for a second opinion, and
  one submitted and waiting for evaluators.

The demo accounts come from network/generation/demo.py; when they or the label rounds
are absent (a bare test database), nothing is seeded. Applications of a past round
cannot go through the applications services (its window is closed), so the seeder
writes their rows and signed snapshot directly; everything after the signature goes
through this app's services, as in real use.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from twinschools.accounts.models import User
from twinschools.applications import services as applications
from twinschools.applications.models import Application, Part, Status, Submission
from twinschools.evaluation import services
from twinschools.evaluation.models import Assignment, LabelAward, Outcome
from twinschools.evaluation.services import Given
from twinschools.labels.models import Round, RoundStatus
from twinschools.network.generation import application_texts as texts
from twinschools.network.generation.demo import school_language
from twinschools.network.models import School

DOMAIN = "demo.twinschools.eu"


def _user(email_name: str) -> User | None:
    return User.objects.filter(email=f"{email_name}@{DOMAIN}").first()


def _signed(school: School, round: Round, *, by: User, when: datetime) -> Application:
    """A signed application written as its rows (the round's window may be closed)."""
    app, _created = Application.objects.get_or_create(round=round, school=school, defaults={"created_by": by})
    if app.status == Status.SUBMITTED or app.submissions.exists():
        return app
    language = school_language(school)
    for section in round.form_version.sections.prefetch_related("statements"):
        kind = str(section.kind)
        for statement in section.statements.all():
            text = texts.answer(language, kind, statement.order, variant=school.pk)
            Part.objects.get_or_create(
                application=app, section=section, statement=statement, defaults={"text": text}
            )
        if section.asks_two_year_plan:
            Part.objects.get_or_create(
                application=app,
                section=section,
                statement=None,
                defaults={"text": texts.plan(language, kind)},
            )
    snapshot = applications.snapshot_of(app)
    Submission.objects.create(
        application=app,
        number=1,
        snapshot=snapshot,
        content_hash=applications.content_hash(snapshot),
        declaration_version=applications.DECLARATION_VERSION,
        signed_by=by,
        signed_at=when,
    )
    Application.objects.filter(pk=app.pk).update(status=Status.SUBMITTED)
    app.refresh_from_db()
    return app


def _review(app: Application, person: User, level: int) -> None:
    assignment = Assignment.objects.get(evaluation__application=app, evaluator=person)
    services.declare(assignment=assignment, by=person, no_conflict=True)
    language = school_language(app.school)
    given = {c.pk: Given(level, True, texts.phrase(language, "review")) for c in services.criteria_of(app)}
    services.save_review(
        assignment=assignment,
        by=person,
        given=given,
        private_notes=texts.phrase(language, "private_note"),
        submit=True,
    )


def _award(app: Application, evaluators: tuple[User, User], nso: User) -> None:
    if app.status != Status.SUBMITTED:
        return
    for person in evaluators:
        services.assign(application=app, evaluator=person, by=nso)
    for person in evaluators:
        _review(app, person, 4)
    services.decide(application=app, outcome=Outcome.AWARDED, by=nso)


def _disagree(app: Application, evaluators: tuple[User, User], nso: User) -> None:
    """Two first reviews far apart: submitting the second assigns a third evaluator at once."""
    if app.status != Status.SUBMITTED or Assignment.objects.filter(evaluation__application=app).exists():
        return
    for person in evaluators:
        services.assign(application=app, evaluator=person, by=nso)
    _review(app, evaluators[0], 5)
    _review(app, evaluators[1], 2)


def seed_evaluation(*, school: Any, people: dict[str, Any], rng: Any, today: date) -> None:
    evaluator, second, third, nso = (
        _user(name) for name in ("evaluator.ro", "evaluator2.ro", "evaluator3.ro", "nso.ro")
    )
    rounds = list(Round.objects.filter(status=RoundStatus.PUBLISHED, form_version__rubric__isnull=False))
    if evaluator is None or second is None or third is None or nso is None:
        return
    if len(rounds) < 2 or school.country.code != "RO":
        return
    rounds.sort(key=lambda r: r.label_first_year)
    earlier, current = rounds[-2], rounds[-1]
    others = list(School.objects.filter(country=school.country).exclude(pk=school.pk).order_by("pk")[:4])
    if len(others) < 4:
        return
    head = people["head"]
    when = timezone.make_aware(datetime.combine(earlier.closes_at.date() - timedelta(days=3), time(10)))
    _award(_signed(others[0], earlier, by=head, when=when), (evaluator, second), nso)
    revoked = _signed(others[1], earlier, by=head, when=when)
    _award(revoked, (second, third), nso)
    award = LabelAward.objects.filter(application=revoked, revoked_at__isnull=True).first()
    if award is not None:
        services.withdraw_label(
            award=award,
            reason="The school closed its eTwinning team and asked for the label to be withdrawn.",
            by=nso,
        )
    recent = timezone.now() - timedelta(days=2)
    _disagree(_signed(others[2], current, by=head, when=recent), (second, third), nso)
    _signed(others[3], current, by=head, when=recent)

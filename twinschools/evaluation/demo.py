"""The demo's evaluation: an earlier round's application of a Romanian school evaluated and
awarded, and a submitted application of the current round waiting, with the demo evaluator assigned.

The demo accounts come from network/generation/demo.py; when they or the label rounds
are absent (a bare test database), nothing is seeded. Applications of a past round
cannot go through the applications services (its window is closed), so the seeder
writes their rows and signed snapshot directly; everything after the signature goes
through this app's services, as in real use.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from twinschools.accounts.models import CountryRole, CountryRoleKind, User
from twinschools.applications import services as applications
from twinschools.applications.models import Application, Part, Status, Submission
from twinschools.evaluation import services
from twinschools.evaluation.models import Assignment, Outcome
from twinschools.evaluation.services import Given
from twinschools.labels.models import Round, RoundStatus
from twinschools.network.generation import application_texts as texts
from twinschools.network.generation.demo import school_language
from twinschools.network.models import School

DOMAIN = "demo.twinschools.eu"


def _user(email_name: str) -> User | None:
    return User.objects.filter(email=f"{email_name}@{DOMAIN}").first()


def _second_evaluator(country: Any) -> User:
    # A colleague for the second review; she does not sign in to the demo (no usable password).
    person, _created = User.objects.get_or_create(
        email=f"evaluator2.ro@{DOMAIN}",
        defaults={"full_name": "Raluca Ene", "language": "ro", "password": make_password(None)},
    )
    CountryRole.objects.get_or_create(user=person, country=country, role=CountryRoleKind.EVALUATOR)
    return person


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


def seed_evaluation(*, school: Any, people: dict[str, Any], rng: Any, today: date) -> None:
    evaluator, nso = _user("evaluator.ro"), _user("nso.ro")
    rounds = list(Round.objects.filter(status=RoundStatus.PUBLISHED, form_version__rubric__isnull=False))
    if evaluator is None or nso is None or len(rounds) < 2 or school.country.code != "RO":
        return
    rounds.sort(key=lambda r: r.label_first_year)
    earlier, current = rounds[-2], rounds[-1]
    others = list(School.objects.filter(country=school.country).exclude(pk=school.pk).order_by("pk")[:2])
    if len(others) < 2:
        return
    head = people["head"]
    second = _second_evaluator(school.country)
    when = timezone.make_aware(datetime.combine(earlier.closes_at.date() - timedelta(days=3), time(10)))
    awarded = _signed(others[0], earlier, by=head, when=when)
    if awarded.status == Status.SUBMITTED:
        for person in (evaluator, second):
            services.assign(application=awarded, evaluator=person, by=nso)
        _review(awarded, evaluator, 4)
        _review(awarded, second, 4)
        services.decide(application=awarded, outcome=Outcome.AWARDED, by=nso)
    waiting = _signed(others[1], current, by=head, when=timezone.now() - timedelta(days=2))
    if (
        waiting.status == Status.SUBMITTED
        and not Assignment.objects.filter(evaluation__application=waiting).exists()
    ):
        services.assign(application=waiting, evaluator=evaluator, by=nso)

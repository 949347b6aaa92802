"""The demo school's team: seats, responsibilities and a lived-in decision log."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from twinschools.leadership.models import (
    Choice,
    Outcome,
    Position,
    Process,
    Proposal,
    Responsibility,
    ResponsibilityKind,
    Result,
    Status,
    TeamMember,
)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def seed(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    head, teacher = people["head"], people["teacher"]
    TeamMember.objects.bulk_create(
        [
            TeamMember(school=school, user=head, joined_on=today - timedelta(days=400), added_by=head),
            TeamMember(
                school=school,
                user=teacher,
                leads_workspace=True,
                joined_on=today - timedelta(days=380),
                added_by=head,
            ),
        ],
        ignore_conflicts=True,
    )
    _seed_responsibilities(school, head, teacher)
    _seed_decisions(school, head, teacher, today)
    catalan_school, profesora = people.get("catalan_school"), people.get("profesora")
    if catalan_school is not None and profesora is not None:
        _seed_catalan_team(catalan_school, profesora, today)


def _seed_responsibilities(school: Any, head: Any, teacher: Any) -> None:
    rows = [
        (
            ResponsibilityKind.COORDINATION,
            "",
            "Coordonează echipa eTwinning și planul de acțiune.",
            teacher,
            [head],
        ),
        (
            ResponsibilityKind.ESAFETY,
            "",
            "Politica de siguranță online și lecțiile de eSafety Day.",
            head,
            [teacher],
        ),
        (ResponsibilityKind.COMMUNICATION, "", "Pagina școlii, newsletterul pentru părinți.", teacher, []),
        (ResponsibilityKind.AMBASSADORS, "", "Îndrumă echipa de elevi ambasadori din 7B.", teacher, [head]),
        (
            ResponsibilityKind.OWN,
            "Grădina de științe",
            "Proiectul de grădină folosit la orele de biologie.",
            head,
            [],
        ),
    ]
    made = Responsibility.objects.bulk_create(
        [
            Responsibility(school=school, kind=kind, title=title, description=description, owner=owner)
            for kind, title, description, owner, _deputies in rows
        ]
    )
    through = Responsibility.deputies.through
    through.objects.bulk_create(
        [
            through(responsibility_id=responsibility.pk, user_id=deputy.pk)
            for responsibility, row in zip(made, rows, strict=True)
            for deputy in row[4]
        ]
    )


def _seed_decisions(school: Any, head: Any, teacher: Any, today: date) -> None:
    voters = [head, teacher]
    decided = [
        Proposal(
            school=school,
            title="Adoptăm politica de siguranță online a școlii",
            details="Propun să adoptăm politica de eSafety discutată în consiliul profesoral din septembrie.",
            process=Process.CONSENT,
            proposer=head,
            opened_at=_at(today - timedelta(days=60), 9),
            closes_at=_at(today - timedelta(days=53), 18),
            closed_at=_at(today - timedelta(days=53), 18),
            status=Status.CLOSED,
            result=Result.PASSED,
        ),
        Proposal(
            school=school,
            title="Ziua porților deschise eTwinning pentru părinți",
            details="Organizăm în aprilie o după-amiază în care elevii le arată părinților proiectele lor.",
            process=Process.VOTE,
            proposer=teacher,
            opened_at=_at(today - timedelta(days=30), 10),
            closes_at=_at(today - timedelta(days=23), 18),
            closed_at=_at(today - timedelta(days=23), 18),
            status=Status.CLOSED,
            result=Result.PASSED,
            quorum_percent=50,
        ),
    ]
    open_one = Proposal(
        school=school,
        title="Două ore pe lună pentru mentorat între colegi",
        details="Cer sfatul echipei: cum putem găsi două ore pe lună pentru observare la clasă între colegi?",
        process=Process.ADVICE,
        proposer=teacher,
        opened_at=_at(today - timedelta(days=2), 11),
        closes_at=_at(today + timedelta(days=5), 18),
    )
    proposals = Proposal.objects.bulk_create([*decided, open_one])
    Proposal.voters.through.objects.bulk_create(
        [Proposal.voters.through(proposal_id=p.pk, user_id=v.pk) for p in proposals for v in voters]
    )
    Position.objects.bulk_create(
        [
            Position(proposal=decided[0], voter=head, choice=Choice.CONSENT),
            Position(
                proposal=decided[0], voter=teacher, choice=Choice.CONSENT, reason="Cu lecțiile din februarie."
            ),
            Position(proposal=decided[1], voter=head, choice=Choice.YES),
            Position(proposal=decided[1], voter=teacher, choice=Choice.YES),
            Position(
                proposal=open_one,
                voter=head,
                choice=Choice.ADVICE,
                reason="Putem folosi ora de consiliere din ultima joi a lunii.",
            ),
        ]
    )
    outcomes = Outcome.objects.bulk_create(
        [
            Outcome(
                proposal=decided[0],
                school=school,
                statement="Politica de siguranță online intră în vigoare; o prezentăm elevilor și părinților.",
                review_on=today + timedelta(days=3),
                recorded_by=head,
                recorded_at=_at(today - timedelta(days=52), 12),
            ),
            Outcome(
                proposal=decided[1],
                school=school,
                statement="Ziua porților deschise are loc în ultima vineri din aprilie, în sala festivă.",
                review_on=today + timedelta(days=120),
                recorded_by=teacher,
                recorded_at=_at(today - timedelta(days=22), 12),
            ),
        ]
    )
    Outcome.responsible.through.objects.bulk_create(
        [
            Outcome.responsible.through(outcome_id=outcomes[0].pk, user_id=head.pk),
            Outcome.responsible.through(outcome_id=outcomes[1].pk, user_id=teacher.pk),
            Outcome.responsible.through(outcome_id=outcomes[1].pk, user_id=head.pk),
        ]
    )


def _seed_catalan_team(school: Any, profesora: Any, today: date) -> None:
    TeamMember.objects.get_or_create(school=school, user=profesora, defaults={"added_by": profesora})
    Responsibility.objects.create(
        school=school,
        kind=ResponsibilityKind.COORDINATION,
        description="Coordina l'equip eTwinning i els projectes amb les escoles sòcies.",
        owner=profesora,
    )
    proposal = Proposal.objects.create(
        school=school,
        title="Participem al Dia de la Internet Segura",
        details="Proposo que totes les classes de cinquè facin una activitat el Dia de la Internet Segura.",
        process=Process.CONSENT,
        proposer=profesora,
        opened_at=_at(today - timedelta(days=20), 9),
        closes_at=_at(today - timedelta(days=13), 18),
        closed_at=_at(today - timedelta(days=13), 18),
        status=Status.CLOSED,
        result=Result.PASSED,
    )
    proposal.voters.add(profesora)
    Position.objects.create(proposal=proposal, voter=profesora, choice=Choice.CONSENT)
    outcome = Outcome.objects.create(
        proposal=proposal,
        school=school,
        statement="Les classes de cinquè preparen un taller sobre contrasenyes segures.",
        review_on=today + timedelta(days=60),
        recorded_by=profesora,
    )
    outcome.responsible.add(profesora)

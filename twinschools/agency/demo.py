"""The demo school's student agency: an ambassador team, its initiatives, the suggestion box."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from twinschools.accounts.models import StudentProfile
from twinschools.agency.models import (
    Audience,
    Initiative,
    InitiativeStatus,
    StudentTeam,
    Suggestion,
    SuggestionStatus,
)

CLASS_CODE = "DEMO7B"


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def seed_demo_agency(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    ana, teacher, parent = people["pupil"], people["teacher"], people["parent"]
    pupils = list(
        StudentProfile.objects.filter(class_group__code=CLASS_CODE).select_related("user").order_by("user_id")
    )
    others = [profile for profile in pupils if profile.user_id != ana.pk]
    members = [profile for profile in pupils if profile.user_id == ana.pk] + rng.sample(
        others, k=min(3, len(others))
    )
    team = StudentTeam.objects.create(
        school=school,
        name="Ambasadorii eTwinning",
        description=(
            "Elevii care le arată colegilor, profesorilor și părinților ce facem în proiectele eTwinning "
            "și cum învățăm altfel: prin proiecte, în echipă, cu parteneri din Europa."
        ),
    )
    team.coordinators.add(teacher)
    team.members.add(*members)
    by_name = {profile.user.display_name: profile.user for profile in members}
    second = next(user for name, user in by_name.items() if user.pk != ana.pk)
    _seed_initiatives(school=school, team=team, ana=ana, second=second, teacher=teacher, today=today)
    _seed_suggestions(school=school, ana=ana, parent=parent, second=second, teacher=teacher, today=today)


def _seed_initiatives(
    *, school: Any, team: StudentTeam, ana: Any, second: Any, teacher: Any, today: date
) -> None:
    rows = [
        Initiative(
            school=school,
            team=team,
            proposed_by=ana,
            title="Atelier de jocuri digitale pentru clasa a V-a",
            plan="Le arătăm colegilor mai mici cum am construit quiz-uri împreună cu partenerii din Italia.",
            audiences=[Audience.PUPILS],
            planned_on=today + timedelta(days=21),
        ),
        Initiative(
            school=school,
            team=team,
            proposed_by=second,
            title="Expoziția proiectului „Apa care ne unește”",
            plan="Pregătim panouri și un film scurt despre proiect, pentru holul școlii și pentru comunitate.",
            audiences=[Audience.COMMUNITY, Audience.PARENTS],
            planned_on=today + timedelta(days=35),
            status=InitiativeStatus.APPROVED,
            moderated_by=teacher,
            moderated_at=_moment(today - timedelta(days=3)),
            moderation_note="Foarte bine! Vorbiți cu doamna directoare pentru hol.",
        ),
        Initiative(
            school=school,
            team=team,
            proposed_by=ana,
            title="Demonstrație eTwinning pentru profesorii școlii",
            plan="În consiliul profesoral le arătăm profesorilor TwinSpace-ul și cum lucrăm cu partenerii.",
            audiences=[Audience.TEACHERS],
            planned_on=today - timedelta(days=40),
            status=InitiativeStatus.HELD,
            moderated_by=teacher,
            moderated_at=_moment(today - timedelta(days=60)),
            held_on=today - timedelta(days=40),
            teachers_reached=14,
            parents_reached=0,
            others_reached=2,
            report="Patru profesori au cerut să intre într-un proiect anul acesta.",
        ),
        Initiative(
            school=school,
            team=team,
            proposed_by=second,
            title="Seara părinților: învățăm prin proiecte",
            plan="Părinții lucrează 30 de minute ca noi, pe echipe, la o sarcină din proiectul nostru.",
            audiences=[Audience.PARENTS, Audience.TEACHERS],
            planned_on=today - timedelta(days=15),
            status=InitiativeStatus.HELD,
            moderated_by=teacher,
            moderated_at=_moment(today - timedelta(days=30)),
            held_on=today - timedelta(days=15),
            teachers_reached=5,
            parents_reached=38,
            others_reached=6,
            report="Părinții au propus să ne ajute la vizita partenerilor din Spania.",
        ),
    ]
    Initiative.objects.bulk_create(rows)


def _seed_suggestions(*, school: Any, ana: Any, parent: Any, second: Any, teacher: Any, today: date) -> None:
    answered = SuggestionStatus.PUBLISHED
    rows = [
        Suggestion(
            school=school,
            author=ana,
            text="Am putea face orele de științe o dată pe lună în laborator cu partenerii, online.",
            status=answered,
            moderated_by=teacher,
            response="Da! Începem din luna viitoare, joia, ora a treia.",
            responded_at=_moment(today - timedelta(days=10)),
        ),
        Suggestion(
            school=school,
            author=second,
            text="Vrem un colț de lectură în hol, cu pufuri.",
            status=answered,
            moderated_by=teacher,
            response="Consiliul școlii a aprobat. Ne ajutați să alegem cărțile?",
            responded_at=_moment(today - timedelta(days=20)),
        ),
        Suggestion(
            school=school,
            author=parent,
            text="Ar fi util un calendar al activităților eTwinning pentru părinți.",
            status=answered,
            moderated_by=teacher,
            response="Îl publicăm lunar pe pagina școlii, începând cu luna aceasta.",
            responded_at=_moment(today - timedelta(days=5)),
        ),
        Suggestion(
            school=school,
            author=second,
            text="Putem folosi tabletele și în pauze, pentru proiect?",
            status=SuggestionStatus.PUBLISHED,
            moderated_by=teacher,
        ),
        Suggestion(
            school=school, author=ana, text="Aș vrea să învățăm și puțină spaniolă înainte de vizită."
        ),
    ]
    Suggestion.objects.bulk_create(rows)

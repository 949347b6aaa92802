"""The demo school's inclusion measures: five, over the last two school years."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from twinschools.mission.models import InclusionMeasure, TargetGroup

# (group, other group's name, action, how it worked, starts days ago, lasts days, pupils, families, staff)
MEASURES = (
    (
        TargetGroup.NEWCOMERS,
        "",
        "Clubul de limba română pentru elevii sosiți recent",
        "De două ori pe săptămână, după ore, elevii ambasadori eTwinning îi ajută pe colegii sosiți "
        "din Ucraina și din Republica Moldova să exerseze limba română prin jocuri și proiecte scurte.",
        300,
        240,
        14,
        9,
        3,
    ),
    (
        TargetGroup.SPECIAL_NEEDS,
        "",
        "Materiale adaptate pentru proiectul „Povești fără granițe”",
        "Profesorul de sprijin și echipa eTwinning au pregătit fișe cu imagini și texte audio, "
        "astfel încât toți elevii clasei a VII-a să poată lucra în echipele internaționale.",
        200,
        90,
        6,
        0,
        4,
    ),
    (
        TargetGroup.FAMILIES,
        "",
        "Seara părinților: ce înseamnă o școală eTwinning",
        "Elevii au prezentat proiectele anului, iar părinții au încercat o activitate în TwinSpace. "
        "Am oferit traducere în limba maghiară pentru familiile care au cerut-o.",
        120,
        1,
        35,
        41,
        7,
    ),
    (
        TargetGroup.FEWER_OPPORTUNITIES,
        "",
        "Tablete împrumutate pentru lucrul la proiect acasă",
        "Școala a împrumutat tablete și abonamente de date pentru elevii fără calculator acasă, "
        "ca să poată participa la întâlnirile online cu școlile partenere.",
        400,
        270,
        18,
        0,
        2,
    ),
    (
        TargetGroup.OTHER,
        "Elevi din satele navetiste",
        "Ore de proiect în timpul programului, nu după ore",
        "Activitățile eTwinning au fost mutate în ora de dirigenție, ca elevii care pleacă cu "
        "microbuzul școlar imediat după ore să nu rateze întâlnirile cu partenerii.",
        -20,
        150,
        0,
        0,
        3,
    ),
)


def seed_inclusion(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    recorders = [people["head"], people["teacher"]]
    InclusionMeasure.objects.bulk_create(
        [
            InclusionMeasure(
                school=school,
                target_group=group,
                other_group=other,
                title=title,
                description=description,
                started_on=today - timedelta(days=ago),
                ended_on=today - timedelta(days=ago) + timedelta(days=lasts),
                pupils_reached=pupils,
                families_reached=families,
                staff_involved=staff,
                recorded_by=rng.choice(recorders),
            )
            for group, other, title, description, ago, lasts, pupils, families, staff in MEASURES
        ]
    )

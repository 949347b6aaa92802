"""The demo school's practice library: practices its teachers shared, with a Catalan colleague's
comments, "I tried it" marks and one adaptation at her school in Lleida."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from twinschools.network.models import Level
from twinschools.practices.models import Comment, Link, Practice, Tried, Visibility
from twinschools.practices.search import search_text_for

# (author key, language, visibility, title, summary, description, ages, levels, subjects, approaches, days ago)
PRACTICES: tuple[tuple[Any, ...], ...] = (
    (
        "teacher",
        "ro",
        Visibility.PUBLIC,
        "Clasa inversată la științe: apa din orașul nostru",
        "Elevii urmăresc acasă un film scurt despre circuitul apei, iar la oră fac măsurători pe probe de apă.",
        "Cu o săptămână înainte, elevii primesc un film de 6 minute și trei întrebări. În clasă lucrează în "
        "grupe de câte patru: fiecare grupă analizează o probă de apă (robinet, Someș, fântână) și compară "
        "rezultatele cu partenerii din proiectul eTwinning. La final, fiecare grupă prezintă o recomandare "
        "pentru primărie.",
        (11, 13),
        ("lower-secondary",),
        ("science", "environment"),
        ("flipped", "collaborative", "inquiry-based"),
        200,
    ),
    (
        "teacher",
        "ro",
        Visibility.NETWORK,
        "Cafeneaua lecturii cu partenerii din Lleida",
        "O dată pe lună, elevii discută online cu colegii din Catalonia despre o carte citită în ambele clase.",
        "Alegem împreună cu partenerii o carte tradusă în română și catalană. Elevii pregătesc întrebări, "
        "discuția are loc pe videoconferință, în engleză, cu roluri stabilite: moderator, cronometror, "
        "reporter. După sesiune, reporterii scriu o recenzie comună în TwinSpace.",
        (12, 14),
        ("lower-secondary",),
        ("mother-tongue", "languages"),
        ("peer-learning", "collaborative"),
        160,
    ),
    (
        "head",
        "ro",
        Visibility.SCHOOL,
        "Orarul flexibil în săptămâna proiectelor",
        "În ultima săptămână a semestrului, orele se comasează în blocuri de trei ore pentru proiecte.",
        "Consiliul profesoral aprobă orarul cu o lună înainte. Fiecare bloc are doi profesori de discipline "
        "diferite. Elevii aleg proiectul, iar părinții sunt invitați la prezentarea finală de vineri.",
        (10, 15),
        ("primary", "lower-secondary"),
        ("cross-curricular",),
        ("flexible-time", "project-based"),
        120,
    ),
    (
        "teacher",
        "en",
        Visibility.PUBLIC,
        "Escape room on European capitals",
        "Pupils solve puzzles made by their partner class to 'escape' from a virtual museum.",
        "Each partner class builds five puzzles about its own country in a shared slide deck. The other class "
        "plays it in teams of three, with a 40-minute limit. We debrief with a short survey about what they "
        "learned about the other country.",
        (10, 12),
        ("primary", "lower-secondary"),
        ("geography", "languages"),
        ("game-based", "digital-creation"),
        95,
    ),
    (
        "teacher",
        "ro",
        Visibility.NETWORK,
        "Laboratorul în curtea școlii",
        "Lecțiile de biologie despre ecosisteme se țin în grădina școlii, cu fișe de observație.",
        "Elevii au parcele marcate și notează săptămânal ce observă: insecte, plante, temperatura solului. "
        "Datele se încarcă într-un tabel comun cu școlile partenere, iar la final comparăm anotimpurile.",
        (10, 14),
        ("lower-secondary",),
        ("science", "environment"),
        ("outdoor", "inquiry-based", "flexible-spaces"),
        70,
    ),
    (
        "head",
        "ro",
        Visibility.SCHOOL,
        "Evaluarea colegială a proiectelor eTwinning",
        "Elevii folosesc o grilă simplă pentru a da feedback proiectelor colegilor din alte clase.",
        "Grila are trei criterii (claritate, colaborare, creativitate) și se completează în perechi. Profesorii "
        "discută apoi în ședința echipei eTwinning ce au învățat din feedback-ul elevilor.",
        (11, 15),
        ("lower-secondary",),
        ("cross-curricular",),
        ("assessment-for-learning", "peer-learning"),
        45,
    ),
    (
        "teacher",
        "en",
        Visibility.NETWORK,
        "Podcasts about our town's history",
        "Pupils interview older neighbours and edit a short podcast episode in English.",
        "We spend two lessons on interview technique and consent, then pupils record in pairs. Editing happens "
        "in the ICT lab; partner schools listen and send questions back.",
        (13, 15),
        ("lower-secondary",),
        ("history", "languages", "ict"),
        ("digital-creation", "student-centred"),
        30,
    ),
    (
        "teacher",
        "ro",
        Visibility.PUBLIC,
        "Matematica prin jocuri de societate",
        "Elevii creează jocuri de societate în care se exersează fracțiile și procentele.",
        "Fiecare grupă proiectează un joc, scrie regulile și îl testează cu altă grupă. Cele mai bune jocuri "
        "sunt trimise partenerilor din proiect, care le traduc și le joacă.",
        (10, 12),
        ("primary", "lower-secondary"),
        ("maths",),
        ("game-based", "differentiated"),
        12,
    ),
    (
        "head",
        "ro",
        Visibility.NETWORK,
        "Săptămâna voluntariatului",
        "Clasele a VIII-a organizează activități pentru comunitate și le documentează în proiect.",
        "Elevii identifică o nevoie a cartierului (un parc, o bibliotecă, vârstnicii singuri), planifică o "
        "activitate și o evaluează. Partenerii din proiect fac același lucru și comparăm experiențele.",
        (13, 15),
        ("lower-secondary",),
        ("citizenship",),
        ("service-learning", "project-based"),
        5,
    ),
)

COMMENTS_CA = (
    (
        0,
        "L'hem provat amb segon d'ESO i ha funcionat molt bé. Els alumnes van arribar a classe amb preguntes!",
    ),
    (1, "Ens encanta la idea. Podríem triar el proper llibre junts al gener?"),
    (4, "Quines fitxes d'observació feu servir? Ens les podríeu compartir?"),
)
TRIED_CA = ((0, "Adaptat amb mostres d'aigua del Segre."), (3, "Molt divertit; ho repetirem."))


def _practice(spec: tuple[Any, ...], *, school: Any, people: dict[str, Any]) -> Practice:
    author, language, visibility, title, summary, description, ages, _levels, subjects, _appr, _days = spec
    return Practice(
        school=school,
        author=people[author],
        title=title,
        summary=summary,
        description=description,
        language=language,
        visibility=visibility,
        age_min=ages[0],
        age_max=ages[1],
        subjects=" ".join(subjects),
        search_text=search_text_for(
            title=title,
            summary=summary,
            description=description,
            subjects=subjects,
            levels=spec[7],
            approaches=spec[9],
            language=language,
        ),
    )


def _at(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(8, 18), rng.randint(0, 59))))


def seed_practices(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    practices = Practice.objects.bulk_create(
        [_practice(spec, school=school, people=people) for spec in PRACTICES]
    )
    levels = {level.code: level for level in Level.objects.all()}
    level_rows, approach_rows = [], []
    for practice, spec in zip(practices, PRACTICES, strict=True):
        level_rows += [Practice.levels.through(practice=practice, level=levels[code]) for code in spec[7]]
        approach_rows += [
            Practice.approaches.through(practice=practice, approach_id=code) for code in spec[9]
        ]
        # auto_now_add stamps today; the demo needs a history.
        Practice.objects.filter(pk=practice.pk).update(
            created_at=_at(today - timedelta(days=spec[10]), rng),
            updated_at=_at(today - timedelta(days=spec[10]), rng),
        )
    Practice.levels.through.objects.bulk_create(level_rows)
    Practice.approaches.through.objects.bulk_create(approach_rows)
    Link.objects.bulk_create(
        [
            Link(
                practice=practices[0], title="Circuitul apei în natură (film)", url="https://www.youtube.com/"
            ),
            Link(
                practice=practices[0],
                title="Proiectul eTwinning",
                url="https://school-education.ec.europa.eu/",
            ),
        ]
    )
    _responses_from_lleida(practices, people=people)
    _adaptation_in_lleida(practices[0], people=people, rng=rng, today=today)


def _responses_from_lleida(practices: list[Practice], *, people: dict[str, Any]) -> None:
    profesora, lleida = people["profesora"], people["catalan_school"]
    Comment.objects.bulk_create(
        [
            Comment(practice=practices[i], author=profesora, school=lleida, body=body)
            for i, body in COMMENTS_CA
        ]
        + [
            Comment(
                practice=practices[1],
                author=people["teacher"],
                school=practices[1].school,
                body="Da, sigur! Vă trimitem lista noastră până la sfârșitul lunii.",
            )
        ]
    )
    Tried.objects.bulk_create(
        [Tried(practice=practices[i], user=profesora, school=lleida, note=note) for i, note in TRIED_CA]
        + [Tried(practice=practices[4], user=people["head"], school=practices[4].school, note="Foarte util.")]
    )


def _adaptation_in_lleida(
    original: Practice, *, people: dict[str, Any], rng: random.Random, today: date
) -> None:
    profesora, lleida = people["profesora"], people["catalan_school"]
    title = "L'aigua de la nostra ciutat: classe inversa"
    summary = "Adaptació de la pràctica de Cluj: l'alumnat mira un vídeo a casa i a classe analitza l'aigua del Segre."
    description = (
        "Hem traduït les preguntes al català i hem substituït el Someș pel Segre. Treballem en grups de quatre "
        "i compartim els resultats amb l'escola de Cluj."
    )
    copy = Practice.objects.create(
        school=lleida,
        author=profesora,
        title=title,
        summary=summary,
        description=description,
        language="ca",
        visibility=Visibility.NETWORK,
        age_min=12,
        age_max=14,
        subjects=original.subjects,
        adapted_from=original,
        credit_title=original.title,
        credit_school_id=original.school_id,
        credit_author_id=original.author_id,
        search_text=search_text_for(
            title=title,
            summary=summary,
            description=description,
            subjects=original.subject_codes,
            levels=["lower-secondary"],
            approaches=["flipped", "collaborative"],
            language="ca",
        ),
    )
    copy.approaches.set(["flipped", "collaborative"])
    copy.levels.set(Level.objects.filter(code="lower-secondary"))
    Practice.objects.filter(pk=copy.pk).update(created_at=_at(today - timedelta(days=150), rng))

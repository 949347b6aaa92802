"""What demo schools write in their label applications, and what evaluators write back.

One answer per statement of the 2023 form (by section kind and statement
order, from 1), one two-year plan per section, in Romanian, Catalan and
English. An answer ends with one of several sentences about its evidence,
picked by `variant` (the seeders pass the school's id), so two demo
applications do not read the same. Romanian uses ș and ț with the comma below.
"""

from __future__ import annotations

Key = tuple[str, int]

ANSWERS: dict[str, dict[Key, str]] = {
    "ro": {
        (
            "esafety",
            1,
        ): "Politica de siguranță online a fost adoptată de consiliul profesoral în 2023 și este "
        "revizuită în fiecare toamnă împreună cu consiliul elevilor. Diriginții o discută la ora de "
        "dirigenție, iar părinții o primesc la prima ședință a anului.",
        ("commitment-1", 1): "Echipa eTwinning se întâlnește lunar, iar directoarea participă ca membru, nu "
        "ca președinte. Propunerile se discută în echipă, iar deciziile și termenele se notează în "
        "procesul-verbal.",
        (
            "commitment-1",
            2,
        ): "Colegii noi primesc un mentor din echipă în primul semestru. Anul acesta, șapte "
        "profesori au intrat pentru prima dată într-un proiect, sprijiniți de cei care au mai lucrat în "
        "eTwinning.",
        ("commitment-1", 3): "Proiectul de dezvoltare instituțională 2024-2028 are un obiectiv dedicat "
        "colaborării europene, cu acțiuni, responsabili și indicatori pentru fiecare an școlar.",
        ("commitment-2", 1): "La începutul fiecărui semestru, profesorii de limba română, istorie și "
        "informatică planifică împreună un proiect comun, astfel încât orele lor se leagă prin aceeași temă.",
        ("commitment-2", 2): "Profesorii își prezintă activitățile la cercurile pedagogice din județ și în "
        "consiliul profesoral; trei lecții au fost publicate în biblioteca de practici a rețelei.",
        ("commitment-2", 3): "Planul de acțiune eTwinning are obiective pe doi ani, acțiuni cu responsabili "
        "și termene, iar progresul este discutat în ședința echipei de la sfârșitul fiecărei luni.",
        ("commitment-3", 1): "Elevii ambasadori prezintă proiectele la ședințele cu părinții și în consiliul "
        "profesoral; anul trecut au condus un atelier pentru profesorii din alte trei școli.",
        ("commitment-3", 2): "Elevii aleg prin vot tema proiectului și își împart rolurile în echipele "
        "internaționale; la final completează o autoevaluare de care ținem seama în planul anului următor.",
        (
            "commitment-4",
            1,
        ): "În fiecare primăvară organizăm o zi a porților deschise eTwinning pentru școlile "
        "din județ, cu lecții deschise și prezentări susținute de elevi.",
        ("commitment-4", 2): "Două profesoare sunt ambasadoare eTwinning și țin cursuri la Casa Corpului "
        "Didactic; școala noastră este mentor pentru două școli gimnaziale din județ.",
        ("commitment-5", 1): "Elevii cu cerințe educaționale speciale și elevii sosiți recent lucrează în "
        "echipe mixte; materialele proiectelor au variante cu imagini și înregistrări audio.",
        ("commitment-5", 2): "În săptămâna proiectelor, orarul se reorganizează în blocuri de câte două ore, "
        "iar clasele lucrează în laborator, la bibliotecă și în curtea școlii.",
        (
            "commitment-5",
            3,
        ): "La sfârșitul anului, echipa analizează împreună cu toți colegii ce a funcționat, "
        "pe baza unui chestionar pentru elevi și părinți, și ajustează planul de acțiune.",
    },
    "ca": {
        (
            "esafety",
            1,
        ): "El claustre va aprovar la política de seguretat a internet el 2023 i la revisem cada "
        "tardor amb el consell de delegats. Les tutories la treballen a l'inici de curs i les famílies la "
        "reben a la primera reunió.",
        ("commitment-1", 1): "L'equip eTwinning es reuneix cada mes i la directora hi participa com una "
        "membre més. Les propostes es debaten en equip i les decisions queden recollides a l'acta.",
        ("commitment-1", 2): "El professorat nou té un company de l'equip com a mentor durant el primer "
        "trimestre. Aquest curs, set docents han participat per primera vegada en un projecte.",
        ("commitment-1", 3): "El projecte educatiu de centre inclou un objectiu d'internacionalització, amb "
        "accions, responsables i indicadors per a cada curs.",
        ("commitment-2", 1): "A l'inici de cada trimestre, el professorat de català, socials i tecnologia "
        "planifica conjuntament un projecte que connecta les tres matèries.",
        ("commitment-2", 2): "Compartim la nostra pràctica als seminaris de zona i al claustre; tres "
        "activitats s'han publicat a la biblioteca de pràctiques de la xarxa.",
        ("commitment-2", 3): "El pla d'acció eTwinning té objectius per a dos cursos i accions amb "
        "responsables i terminis; en revisem el progrés a la reunió d'equip de final de mes.",
        (
            "commitment-3",
            1,
        ): "Els alumnes ambaixadors presenten els projectes a les reunions de famílies i al "
        "claustre; l'any passat van conduir un taller per a docents de tres escoles.",
        ("commitment-3", 2): "L'alumnat tria per votació el tema del projecte i es reparteix els rols als "
        "equips internacionals; al final fa una autoavaluació que orienta el curs següent.",
        ("commitment-4", 1): "Cada primavera organitzem una jornada de portes obertes eTwinning per a les "
        "escoles de la comarca, amb classes obertes i presentacions de l'alumnat.",
        ("commitment-4", 2): "Dues mestres són ambaixadores eTwinning i fan formacions al centre de recursos "
        "pedagògics; l'escola fa de mentora de dues escoles de la zona que comencen.",
        ("commitment-5", 1): "L'alumnat amb necessitats educatives específiques i el nouvingut treballen en "
        "equips mixtos; els materials tenen versions amb imatges i àudio.",
        (
            "commitment-5",
            2,
        ): "Durant la setmana de projectes, l'horari s'organitza en blocs de dues hores i els "
        "grups treballen al laboratori, a la biblioteca i a l'hort.",
        ("commitment-5", 3): "A final de curs, l'equip revisa amb tot el claustre què ha funcionat, a partir "
        "d'una enquesta a l'alumnat i a les famílies, i ajusta el pla d'acció.",
    },
    "en": {
        (
            "esafety",
            1,
        ): "Our eSafety policy was agreed by the teachers' council in 2023 and is reviewed every "
        "autumn with the pupils' council. Class teachers discuss it in the first weeks and parents receive it "
        "at the first meeting.",
        ("commitment-1", 1): "The eTwinning team meets every month and the head takes part as a member, not "
        "as chair. Proposals are discussed openly and decisions are recorded in the minutes.",
        ("commitment-1", 2): "New colleagues get a mentor from the team in their first term. This year seven "
        "teachers joined a project for the first time.",
        (
            "commitment-1",
            3,
        ): "The school development plan 2024-2028 has a goal for European collaboration, with "
        "actions, owners and indicators for each year.",
        ("commitment-2", 1): "At the start of each term, teachers of language, history and ICT plan one "
        "project together, so their lessons share a theme.",
        ("commitment-2", 2): "Teachers present their work at regional teacher meetings and in the staff "
        "council; three lessons are published in the network's practice library.",
        ("commitment-2", 3): "The eTwinning action plan sets two-year goals and actions with owners and "
        "deadlines; the team reviews progress at its monthly meeting.",
        ("commitment-3", 1): "Pupil ambassadors present the projects at parents' evenings and to the staff; "
        "last year they ran a workshop for teachers of three other schools.",
        ("commitment-3", 2): "Pupils vote on the project topic and share the roles in the international "
        "teams; their self-assessment at the end shapes next year's plan.",
        ("commitment-4", 1): "Every spring we hold an eTwinning open day for schools of the area, with open "
        "lessons and presentations by pupils.",
        ("commitment-4", 2): "Two teachers are eTwinning ambassadors and give training sessions; the school "
        "mentors two schools of the area that are starting out.",
        ("commitment-5", 1): "Pupils with special educational needs and newly arrived pupils work in mixed "
        "teams; project materials come with pictures and audio versions.",
        ("commitment-5", 2): "During project week the timetable runs in two-hour blocks, and classes work in "
        "the lab, the library and the school garden.",
        ("commitment-5", 3): "At the end of each year the whole staff reviews what worked, using a survey of "
        "pupils and parents, and adjusts the action plan.",
    },
}

EVIDENCE_SENTENCES: dict[str, tuple[str, ...]] = {
    "ro": (
        "Dovezi: procesele-verbale ale ședințelor și TwinSpace-ul proiectului.",
        "Am atașat fotografii, planul de acțiune și chestionarele completate de elevi.",
        "Ca dovadă am adăugat raportul prezentat în consiliul profesoral.",
        "Detaliile se găsesc pe site-ul școlii și în TwinSpace.",
        "Lista activităților și rezultatele lor sunt în planul de acțiune.",
    ),
    "ca": (
        "Evidències: les actes de les reunions i el TwinSpace del projecte.",
        "Hi adjuntem fotografies, el pla d'acció i les enquestes a l'alumnat.",
        "Hem afegit com a evidència l'informe presentat al claustre.",
        "Els detalls són al web de l'escola i al TwinSpace.",
        "La llista d'activitats i els resultats figuren al pla d'acció.",
    ),
    "en": (
        "Evidence: the minutes of the team meetings and the project's TwinSpace.",
        "We attach photos, the action plan and the pupils' survey.",
        "As evidence we added the report presented to the teachers' council.",
        "Details are on the school website and in the TwinSpace.",
        "The list of activities and their results is in the action plan.",
    ),
}

PLANS: dict[str, dict[str, str]] = {
    "ro": {
        "commitment-1": "Deschidem ședințele echipei pentru doi reprezentanți ai elevilor.\n"
        "Conducerea ședințelor se rotește în fiecare semestru.",
        "commitment-2": "Fiecare catedră planifică împreună un proiect interdisciplinar pe an.\n"
        "Publicăm cel puțin patru practici în biblioteca rețelei.",
        "commitment-3": "Formăm o nouă echipă de elevi ambasadori din clasele a V-a.\n"
        "Elevii propun în fiecare an tema unui proiect.",
        "commitment-4": "Organizăm două sesiuni de informare pentru școlile din județ.\n"
        "Devenim mentor pentru încă o școală care începe eTwinning.",
        "commitment-5": "Adaptăm materialele proiectelor pentru elevii cu cerințe educaționale speciale.\n"
        "Amenajăm un spațiu flexibil de învățare în fosta sală de lectură.",
    },
    "ca": {
        "commitment-1": "Obrim les reunions de l'equip a dos representants de l'alumnat.\n"
        "La coordinació de les reunions canvia cada trimestre.",
        "commitment-2": "Cada departament planifica un projecte interdisciplinari l'any.\n"
        "Publiquem almenys quatre pràctiques a la biblioteca de la xarxa.",
        "commitment-3": "Formem un nou equip d'alumnes ambaixadors de cinquè.\n"
        "L'alumnat proposa cada curs el tema d'un projecte.",
        "commitment-4": "Organitzem dues sessions informatives per a les escoles de la comarca.\n"
        "Fem de mentors d'una altra escola que comença a l'eTwinning.",
        "commitment-5": "Adaptem els materials dels projectes per a l'alumnat amb necessitats específiques.\n"
        "Habilitem un espai d'aprenentatge flexible a l'antiga aula de lectura.",
    },
    "en": {
        "commitment-1": "Open the team's meetings to two pupil representatives.\nRotate the chair each term.",
        "commitment-2": "Each department co-plans one cross-curricular project a year.\n"
        "Publish at least four practices in the network's library.",
        "commitment-3": "Form a new team of pupil ambassadors from year 5.\n"
        "Pupils propose one project topic each year.",
        "commitment-4": "Hold two information sessions for schools of the area.\n"
        "Mentor one more school that starts eTwinning.",
        "commitment-5": "Adapt project materials for pupils with special educational needs.\n"
        "Turn the old reading room into a flexible learning space.",
    },
}

# Short texts around an application: a comment, an evidence title, an evaluator's words.
PHRASES: dict[str, dict[str, str]] = {
    "ro": {
        "comment": "Putem adăuga și decizia despre consiliul elevilor?",
        "esafety_evidence": "Politica de siguranță online a școlii (2025)",
        "review": "Bine documentat: procesele-verbale ale echipei arată decizii luate împreună.",
        "review_short": "Dovezile susțin afirmația; exemplele sunt concrete.",
        "private_note": "Am parcurs TwinSpace-ul proiectului și procesele-verbale.",
        "label_webinar": "Webinar de informare: eticheta Școală eTwinning",
        "withdrawal": "Școala și-a desființat echipa eTwinning și a cerut retragerea etichetei.",
    },
    "ca": {
        "comment": "Hi podríem afegir la decisió sobre el consell de delegats?",
        "esafety_evidence": "Política de seguretat a internet de l'escola (2025)",
        "review": "Ben documentat: les actes de l'equip mostren decisions preses conjuntament.",
        "review_short": "Les evidències avalen l'afirmació; els exemples són concrets.",
        "private_note": "He revisat el TwinSpace del projecte i les actes.",
        "label_webinar": "Webinar informatiu: el segell Escola eTwinning",
        "withdrawal": "L'escola ha dissolt el seu equip eTwinning i ha demanat que se li retiri el segell.",
    },
    "en": {
        "comment": "Could we add the decision about the pupils' council?",
        "esafety_evidence": "The school's eSafety policy (2025)",
        "review": "Well evidenced: the team's minutes show shared decisions.",
        "review_short": "The evidence supports the statement; the examples are concrete.",
        "private_note": "Visited the project's TwinSpace and read the minutes.",
        "label_webinar": "eTwinning School label: information webinar",
        "withdrawal": "The school closed its eTwinning team and asked for the label to be withdrawn.",
    },
}


def _language(language: str) -> str:
    return language if language in ANSWERS else "en"


def answer(language: str, kind: str, order: int, *, variant: int = 0) -> str:
    """A school's answer to one statement (order from 1), ending on its evidence."""
    language = _language(language)
    answers = ANSWERS[language]
    text = answers.get((kind, order)) or answers.get((kind, 1)) or answers[("commitment-1", 1)]
    sentences = EVIDENCE_SENTENCES[language]
    return f"{text} {sentences[(variant + order) % len(sentences)]}"


def plan(language: str, kind: str) -> str:
    """A school's plan for the next two years in one section."""
    plans = PLANS[_language(language)]
    return plans.get(kind, plans["commitment-1"])


def phrase(language: str, key: str) -> str:
    return PHRASES[_language(language)][key]

"""What generated schools write, in their own language: project and activity titles.

A Romanian school (or a Moldovan one) writes in Romanian, a Catalan school in
Catalan, any other Spanish school in Spanish; every other school writes in
English, the working language of most international eTwinning projects.
Romanian uses the comma-below ș and ț and quotes „…”; Catalan and Spanish quote
«…», and Catalan writes l·l. The lists are long enough that a
school's activity log does not read like a template; which item a school gets
is drawn from the generator's seeded random streams, so a seed still gives one
network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from twinschools.network.generation.vocabulary import (
    ACTIVITY_TITLES,
    PROJECT_SUBTITLES,
    PROJECT_THEMES,
    _words,
)

TEXT_LANGUAGES = ("en", "ro", "ca", "es")
# A school style (vocabulary.SCHOOL_STYLES) that writes in another language than English.
LANGUAGE_OF_STYLE = {"ro": "ro", "ca": "ca", "es": "es"}
CATALAN_REGIONS = ("ES51",)
ROMANIAN_COUNTRIES = ("RO", "MD")
SPANISH_COUNTRIES = ("ES",)


@dataclass(frozen=True)
class Texts:
    """One language's words for generated records."""

    project_themes: tuple[str, ...]
    project_subtitles: tuple[str, ...]
    activity_titles: dict[str, tuple[str, ...]]  # by activity kind
    # How a project activity names its project: {what} happened, in {project}.
    project_activity: str
    # What the class did in a project (a log entry), for projects named in another language.
    project_details: tuple[str, ...]

    def project_title(self, theme: str, subtitle: str) -> str:
        return f"{theme}: {subtitle}"

    @cached_property
    def _themes(self) -> frozenset[str]:
        return frozenset(self.project_themes)

    def names(self, project_title: str) -> bool:
        """Whether a project of this title was named in this language."""
        return project_title.partition(": ")[0] in self._themes

    def project_work(self, what: str, *, project_title: str, detail: str) -> str:
        """A project activity's title: the project's name when it is in the school's language,
        else what the class did (a Romanian log does not quote a Catalan title)."""
        if self.names(project_title):
            return self.project_activity.format(what=what, project=project_title)[:255]
        return detail[:255]


def language_of_style(style: str) -> str:
    return LANGUAGE_OF_STYLE.get(style, "en")


def language_of_school(*, country_code: str, region_code: str | None) -> str:
    """The language a school of this country and region writes its records in."""
    if region_code and region_code.startswith(CATALAN_REGIONS):
        return "ca"
    if country_code in ROMANIAN_COUNTRIES:
        return "ro"
    if country_code in SPANISH_COUNTRIES:
        return "es"
    return "en"


ENGLISH = Texts(
    project_themes=PROJECT_THEMES,
    project_subtitles=PROJECT_SUBTITLES,
    activity_titles=ACTIVITY_TITLES,
    project_activity="{what}: {project}",
    project_details=_words(
        "We agreed on the calendar of activities with our partners; Pupils introduced themselves to their "
        "partners; We voted for the project logo; We wrote our chapter of the shared e-book; "
        "Mixed teams worked on the final product; We discussed the results of the pupils' survey; "
        "Pupils presented their town to the partner classes; We prepared the final exhibition; "
        "We made a quiz for our partners; We evaluated the final products together; "
        "Pupils recorded a podcast episode for the project; We shared photos of our work in the TwinSpace"
    ),
)

ROMANIAN = Texts(
    project_themes=_words(
        "Școli verzi, planetă albastră; Povești fără granițe; Orașele noastre, în cod; "
        "Multe voci, o singură Europă; Apa, izvor de viață; Eroii orașelor noastre; "
        "Minte sănătoasă, corp sănătos; Rețetele bunicii; Matematica din jurul nostru; "
        "Patrimoniul nostru cultural; Cetățeni digitali; Albinele și noi; A fost odată în Europa; "
        "Detectivii climei; Poduri prin artă; Hai să ne jucăm împreună; Povești de pe țărmul mării; "
        "Tineri antreprenori; Cântă cu mine; Joc cinstit; Ferestre spre Europa; Viitorul pe care ni-l dorim; "
        "Cuvinte care zidesc; Exploratorii STEAM; Prietenie fără frontiere; Ferma inteligentă; "
        "Prieteni de lectură; Limbile Europei; Eroii internetului sigur; Păsările nu au granițe; "
        "Jocuri de-altădată; Magia numerelor; Orașul meu, orașul tău; Clase pentru toți; Roboți în clasă; "
        "Tradiții de iarnă în Europa; Legendele locului; Pădurea, plămânul orașului"
    ),
    project_subtitles=_words(
        "o carte digitală de povești; ne împărtășim tradițiile; o călătorie eTwinning; învățăm făcând; "
        "o hartă europeană; o carte electronică scrisă împreună; din grădina școlii pe masă; "
        "de-a lungul anotimpurilor; o serie de podcasturi; o expoziție online; un calendar european; "
        "de la elev la elev; un ghid pentru colegii noștri; un joc creat împreună"
    ),
    activity_titles={
        "pd": _words(
            "Seminar online: Învățarea bazată pe proiect; Seminar online: Educația media la clasă; "
            "Eveniment de învățare: Educația incluzivă; Eveniment de învățare: Educația pentru climă; "
            "Curs în ritm propriu: Inteligența artificială pentru profesori; "
            "Seminar online: Evaluarea în proiecte; Formare națională: Primul tău proiect eTwinning; "
            "Webinar: Instrumente digitale pentru colaborare; Eveniment de învățare: Starea de bine la școală; "
            "Seminar online: Predarea prin joc; Atelier județean: TwinSpace pas cu pas; "
            "Curs la Casa Corpului Didactic: Competențe digitale la clasă; "
            "Webinar: Siguranța online a elevilor; Eveniment de învățare: Gândirea critică și dezinformarea"
        ),
        "group": _words(
            "Discuție în grup: Profesori de științe; Discuție în grup: Educație timpurie; "
            "Discuție în grup: Profesori de limbi străine; Discuție în grup: Învățământ profesional; "
            "Discuție în grup: Directori de școală; Discuție în grup: Cerințe educaționale speciale; "
            "Discuție în grup: Profesori de matematică; Discuție în grup: Școli eTwinning din România"
        ),
        "event": _words(
            "Sărbătorirea Zilei eTwinning; Conferința națională eTwinning; "
            "Săptămâna europeană a programării (Code Week); Ziua europeană a limbilor; "
            "Ziua siguranței pe internet; Erasmus Days la școală; Conferința anuală eTwinning; "
            "Atelier de dezvoltare profesională; Întâlnirea ambasadorilor eTwinning din județ; "
            "Ziua porților deschise eTwinning; Târgul de proiecte al școlii; Săptămâna „Școala altfel”"
        ),
        "project": _words(
            "Întâlnire de proiect; Am prezentat un rezultat al proiectului; "
            "Schimb online cu clasele partenere; Evaluarea proiectului; Activitate comună cu partenerii; "
            "Publicat în TwinSpace-ul proiectului; Videoconferință cu partenerii; Sondaj pentru elevi; "
            "Jurnalul proiectului"
        ),
    },
    project_activity="{what}: „{project}”",
    project_details=_words(
        "Am stabilit cu partenerii calendarul activităților; Elevii s-au prezentat colegilor din școlile "
        "partenere; Am votat logoul proiectului; Am scris capitolul nostru din cartea comună; "
        "Echipele mixte au lucrat la produsul final; Am discutat rezultatele chestionarului pentru elevi; "
        "Elevii și-au prezentat orașul claselor partenere; Am pregătit expoziția finală a proiectului; "
        "Am creat un quiz pentru partenerii din proiect; Am evaluat împreună cu partenerii produsele finale; "
        "Elevii au înregistrat un episod de podcast pentru proiect; "
        "Am încărcat în TwinSpace fotografii cu lucrările elevilor; "
        "Videoconferință cu partenerii: elevii au cântat colinde; Lecție comună online cu școala parteneră"
    ),
)

CATALAN = Texts(
    project_themes=_words(
        "Escoles verdes, planeta blau; Contes sense fronteres; Programem les nostres ciutats; "
        "Moltes veus, una sola Europa; L'aigua és vida; Herois dels nostres pobles; Ment sana, cos sa; "
        "Les receptes de l'àvia; Les matemàtiques que ens envolten; El nostre patrimoni cultural; "
        "Ciutadania digital; El projecte de les abelles; Hi havia una vegada a Europa; Detectius del clima; "
        "Ponts d'art; Juguem junts; Històries del mar; Joves emprenedors; Canta amb mi; Joc net; "
        "Finestres a Europa; El futur que volem; Paraules amables; Exploradors STEAM; "
        "Amistat sense fronteres; Agricultura intel·ligent; Padrins de lectura; Les llengües d'Europa; "
        "Herois de la xarxa segura; Els ocells no tenen fronteres; Jocs tradicionals; La màgia dels nombres; "
        "El meu poble, el teu poble; Aules inclusives; Robots a l'aula; Llegendes de Sant Jordi; "
        "Tradicions d'hivern a Europa; El bosc, el pulmó de la ciutat"
    ),
    project_subtitles=_words(
        "un llibre digital de contes; compartim les nostres tradicions; un viatge eTwinning; aprendre fent; "
        "un mapa europeu; un llibre electrònic compartit; de l'hort escolar a la taula; "
        "al llarg de les estacions; una sèrie de pòdcasts; una exposició en línia; un calendari europeu; "
        "d'alumne a alumne; una guia per als companys; un joc creat entre tots"
    ),
    activity_titles={
        "pd": _words(
            "Seminari en línia: Aprenentatge basat en projectes; "
            "Seminari en línia: Alfabetització mediàtica a l'aula; "
            "Esdeveniment d'aprenentatge: Educació inclusiva; Esdeveniment d'aprenentatge: Educació per al clima; "
            "Curs autoformatiu: Intel·ligència artificial per al professorat; "
            "Seminari en línia: L'avaluació en els projectes; "
            "Formació del Departament d'Educació: Com començar un projecte eTwinning; "
            "Webinar: Eines digitals per col·laborar; Esdeveniment d'aprenentatge: El benestar a l'escola; "
            "Seminari en línia: Ensenyar amb jocs; Taller: El TwinSpace pas a pas; "
            "Curs: Competència digital docent; Webinar: Seguretat a internet per a l'alumnat; "
            "Esdeveniment d'aprenentatge: Pensament crític i desinformació"
        ),
        "group": _words(
            "Grup de debat: Professorat de ciències; Grup de debat: Educació infantil; "
            "Grup de debat: Professorat de llengües; Grup de debat: Formació professional; "
            "Grup de debat: Equips directius; Grup de debat: Necessitats educatives especials; "
            "Grup de debat: Professorat de matemàtiques; Grup de debat: Escoles eTwinning de Catalunya"
        ),
        "event": _words(
            "Celebració del Dia eTwinning; Trobada eTwinning de Catalunya; "
            "Setmana Europea de la Programació (Code Week); Dia Europeu de les Llengües; "
            "Dia de la Internet Segura; Erasmus Days a l'escola; Conferència anual eTwinning; "
            "Taller de formació del professorat; Trobada d'ambaixadors eTwinning; "
            "Jornada de portes obertes eTwinning; Fira de projectes de l'escola; "
            "Sant Jordi: lectura compartida amb les escoles sòcies"
        ),
        "project": _words(
            "Reunió de projecte; Hem compartit un resultat del projecte; "
            "Intercanvi en línia amb les classes sòcies; Avaluació del projecte; "
            "Activitat conjunta amb les escoles sòcies; Publicat al TwinSpace del projecte; "
            "Videotrucada amb les escoles sòcies; Enquesta a l'alumnat; Diari del projecte"
        ),
    },
    project_activity="{what}: «{project}»",
    project_details=_words(
        "Hem acordat el calendari d'activitats amb les escoles sòcies; "
        "L'alumnat s'ha presentat als companys de les escoles sòcies; Hem votat el logotip del projecte; "
        "Hem escrit el nostre capítol del llibre compartit; Els equips mixtos han treballat en el producte final; "
        "Hem comentat els resultats de l'enquesta a l'alumnat; "
        "L'alumnat ha presentat el seu poble a les classes sòcies; Hem preparat l'exposició final del projecte; "
        "Hem creat un qüestionari per a les escoles sòcies; "
        "Hem avaluat conjuntament amb les escoles sòcies els productes finals; "
        "L'alumnat ha enregistrat un episodi de pòdcast per al projecte; "
        "Hem penjat al TwinSpace fotografies dels treballs de l'alumnat; "
        "Videotrucada amb les escoles sòcies: hem cantat nadales; Classe conjunta en línia amb l'escola sòcia"
    ),
)

SPANISH = Texts(
    project_themes=_words(
        "Escuelas verdes, planeta azul; Cuentos sin fronteras; Programamos nuestras ciudades; "
        "Muchas voces, una sola Europa; El agua es vida; Héroes de nuestros pueblos; Mente sana, cuerpo sano; "
        "Las recetas de la abuela; Las matemáticas que nos rodean; Nuestro patrimonio cultural; "
        "Ciudadanía digital; El proyecto de las abejas; Érase una vez en Europa; Detectives del clima; "
        "Puentes de arte; Jugamos juntos; Historias del mar; Jóvenes emprendedores; Canta conmigo; "
        "Juego limpio; Ventanas a Europa; El futuro que queremos; Palabras amables; Exploradores STEAM; "
        "Amistad sin fronteras; Agricultura inteligente; Padrinos de lectura; Las lenguas de Europa; "
        "Héroes de la red segura; Las aves no tienen fronteras; Juegos tradicionales; La magia de los números; "
        "Mi pueblo, tu pueblo; Aulas inclusivas; Robots en el aula; Tradiciones de invierno en Europa; "
        "Leyendas de nuestra tierra; El bosque, pulmón de la ciudad"
    ),
    project_subtitles=_words(
        "un libro digital de cuentos; compartimos nuestras tradiciones; un viaje eTwinning; aprender haciendo; "
        "un mapa europeo; un libro electrónico compartido; del huerto escolar a la mesa; "
        "a lo largo de las estaciones; una serie de pódcasts; una exposición en línea; un calendario europeo; "
        "de alumno a alumno; una guía para los compañeros; un juego creado entre todos"
    ),
    activity_titles={
        "pd": _words(
            "Seminario en línea: Aprendizaje basado en proyectos; "
            "Seminario en línea: Alfabetización mediática en el aula; "
            "Evento de aprendizaje: Educación inclusiva; Evento de aprendizaje: Educación para el clima; "
            "Curso de autoformación: Inteligencia artificial para docentes; "
            "Seminario en línea: La evaluación en los proyectos; "
            "Formación del INTEF: Cómo empezar un proyecto eTwinning; "
            "Webinario: Herramientas digitales para colaborar; Evento de aprendizaje: El bienestar en la escuela; "
            "Seminario en línea: Enseñar con juegos; Taller: El TwinSpace paso a paso; "
            "Curso del centro de profesorado: Competencia digital docente; "
            "Webinario: Seguridad en internet para el alumnado; "
            "Evento de aprendizaje: Pensamiento crítico y desinformación"
        ),
        "group": _words(
            "Grupo de debate: Profesorado de ciencias; Grupo de debate: Educación infantil; "
            "Grupo de debate: Profesorado de idiomas; Grupo de debate: Formación profesional; "
            "Grupo de debate: Equipos directivos; Grupo de debate: Necesidades educativas especiales; "
            "Grupo de debate: Profesorado de matemáticas; Grupo de debate: Centros eTwinning de España"
        ),
        "event": _words(
            "Celebración del Día eTwinning; Congreso nacional eTwinning; "
            "Semana Europea de la Programación (Code Week); Día Europeo de las Lenguas; "
            "Día de Internet Segura; Erasmus Days en el centro; Conferencia anual eTwinning; "
            "Taller de formación del profesorado; Encuentro de embajadores eTwinning; "
            "Jornada de puertas abiertas eTwinning; Feria de proyectos del centro; "
            "Día del Libro: lectura compartida con los centros socios"
        ),
        "project": _words(
            "Reunión de proyecto; Hemos compartido un resultado del proyecto; "
            "Intercambio en línea con las clases socias; Evaluación del proyecto; "
            "Actividad conjunta con los centros socios; Publicado en el TwinSpace del proyecto; "
            "Videollamada con los centros socios; Encuesta al alumnado; Diario del proyecto"
        ),
    },
    project_activity="{what}: «{project}»",
    project_details=_words(
        "Hemos acordado el calendario de actividades con los centros socios; "
        "El alumnado se ha presentado a los compañeros de los centros socios; "
        "Hemos votado el logotipo del proyecto; Hemos escrito nuestro capítulo del libro compartido; "
        "Los equipos mixtos han trabajado en el producto final; "
        "Hemos comentado los resultados de la encuesta al alumnado; "
        "El alumnado ha presentado su pueblo a las clases socias; Hemos preparado la exposición final del proyecto; "
        "Hemos creado un cuestionario para los centros socios; "
        "Hemos evaluado con los centros socios los productos finales; "
        "El alumnado ha grabado un episodio de pódcast para el proyecto; "
        "Hemos subido al TwinSpace fotografías de los trabajos del alumnado; "
        "Videollamada con los centros socios: hemos cantado villancicos; Clase conjunta en línea con el centro socio"
    ),
)

TEXTS: dict[str, Texts] = {"en": ENGLISH, "ro": ROMANIAN, "ca": CATALAN, "es": SPANISH}


def texts_for(language: str) -> Texts:
    return TEXTS.get(language, ENGLISH)

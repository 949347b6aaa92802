"""Words the generated network is made of: school names, streets, titles.

School names follow each language's real patterns, with the right diacritics
and quotation marks: Romanian and Polish „…”, Bulgarian and Lithuanian „…“,
Italian and Albanian «…»; Catalan and Spanish names need none ("Escola Joan Miró").
A pattern's placeholders: {patron} a person or saint the school is named after,
{n} a school number, {town} and {town_gen} the town (nominative and genitive),
{nature} a kindergarten-like name. Each pattern carries the education levels a
school of that kind teaches.
"""

# ruff: noqa: RUF001 - real names in Cyrillic, Greek, Turkish... look like Latin letters on purpose.

from __future__ import annotations

from dataclasses import dataclass

PRE = "pre-primary"
PRI = "primary"
LOW = "lower-secondary"
UPP = "upper-secondary"
VOC = "vocational"


@dataclass(frozen=True)
class Pattern:
    template: str
    levels: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class SchoolStyle:
    patterns: tuple[Pattern, ...]
    patrons: tuple[str, ...]
    natures: tuple[str, ...]
    streets: tuple[str, ...]
    address: str  # format with {street} and {number}


def P(template: str, levels: str, weight: float = 1.0) -> Pattern:
    codes = {"pre": PRE, "pri": PRI, "low": LOW, "upp": UPP, "voc": VOC}
    return Pattern(template=template, levels=tuple(codes[code] for code in levels.split()), weight=weight)


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(";") if word.strip())


def _style(
    patterns: tuple[Pattern, ...], patrons: str, natures: str, streets: str, address: str
) -> SchoolStyle:
    return SchoolStyle(
        patterns=patterns,
        patrons=_words(patrons),
        natures=_words(natures),
        streets=_words(streets),
        address=address,
    )


SCHOOL_STYLES: dict[str, SchoolStyle] = {
    "ro": _style(
        (
            P("Școala Gimnazială nr. {n}", "pri low", 4),
            P("Școala Gimnazială „{patron}”", "pri low", 4),
            P("Colegiul Național „{patron}”", "low upp", 2),
            P("Liceul Teoretic „{patron}”", "low upp", 2),
            P("Liceul Tehnologic nr. {n}", "upp voc", 1.5),
            P("Colegiul Tehnic „{patron}”", "upp voc", 1),
            P("Grădinița cu Program Prelungit nr. {n}", "pre", 2),
            P("Școala Profesională „{patron}”", "voc", 0.5),
        ),
        "Mihai Eminescu; Ion Creangă; Lucian Blaga; George Coșbuc; Nicolae Bălcescu; Avram Iancu; "
        "Mihai Viteazul; Ștefan cel Mare; Octavian Goga; Tudor Vladimirescu; Vasile Alecsandri; "
        "Liviu Rebreanu; George Enescu; Spiru Haret; Alexandru Ioan Cuza; Emil Racoviță; "
        "Ion Luca Caragiale; Nichita Stănescu; Constantin Brâncoveanu; Grigore Moisil; Gheorghe Lazăr; "
        "Petru Maior; Andrei Mureșanu; Iuliu Hațieganu; Ana Ipătescu; Mihail Sadoveanu; Onisifor Ghibu",
        "Căsuța cu Povești; Albinuța; Piticot; Rază de Soare; Dumbrava Minunată",
        "Strada Mihai Eminescu; Strada Republicii; Strada Unirii; Strada Libertății; Strada Avram Iancu; "
        "Strada Horea; Bulevardul 1 Decembrie 1918; Strada Independenței; Strada Școlii; Strada Florilor",
        "{street} nr. {number}",
    ),
    "ca": _style(
        (
            P("Escola {patron}", "pre pri", 5),
            P("Institut {patron}", "low upp", 3),
            P("Institut Escola {patron}", "pri low", 1),
            P("Escola Bressol {nature}", "pre", 1),
            P("Institut de Formació Professional {patron}", "voc", 0.5),
            P("Escola Pública {patron}", "pre pri", 1),
        ),
        "Joan Oró; Sant Jordi; Jaume I; Mercè Rodoreda; Pompeu Fabra; Antoni Gaudí; Joan Miró; "
        "Salvador Espriu; Verge de Montserrat; Marià Fortuny; Ramon Llull; Pau Casals; Montserrat Roig; "
        "Josep Pla; Jacint Verdaguer; Martí i Franquès; La Mercè; Rosa Sensat; Guillem de Montrodon; "
        "Francesc Macià; Maria Aurèlia Capmany; Els Pins; L'Olivera; Lluís Companys; Joan Fuster",
        "El Niu; Els Follets; La Baldufa; El Cargol; Patufet",
        "Carrer Major; Carrer de Sant Pere; Avinguda de Catalunya; Plaça de l'Ajuntament; Carrer del Carme; "
        "Rambla de Ferran; Carrer de l'Escola; Passeig de la Pau",
        "{street}, {number}",
    ),
    "es": _style(
        (
            P("CEIP {patron}", "pre pri", 5),
            P("IES {patron}", "low upp", 3),
            P("Colegio {patron}", "pre pri low", 1.5),
            P("Colegio de Educación Infantil y Primaria {patron}", "pre pri", 1),
            P("Instituto de Educación Secundaria {patron}", "low upp", 1),
            P("Centro Integrado de Formación Profesional {patron}", "voc", 0.5),
        ),
        "San José; Miguel de Cervantes; Antonio Machado; Federico García Lorca; Santa Teresa; "
        "Ramón y Cajal; Clara Campoamor; Rosalía de Castro; Gloria Fuertes; Juan Ramón Jiménez; "
        "Nuestra Señora del Carmen; Severo Ochoa; Isaac Albéniz; Miguel Hernández; Virgen del Rosario; "
        "Emilia Pardo Bazán; Los Olivos; Benito Pérez Galdós; María Moliner; Concepción Arenal",
        "Los Pinos; El Olivo; Pequeñines; La Colmena",
        "Calle Mayor; Avenida de la Constitución; Calle Real; Plaza de España; Calle San Juan; "
        "Avenida de Andalucía; Calle de la Escuela",
        "{street}, {number}",
    ),
    "fr": _style(
        (
            P("École élémentaire {patron}", "pri", 4),
            P("École maternelle {nature}", "pre", 2),
            P("École primaire {patron}", "pre pri", 2),
            P("Collège {patron}", "low", 3),
            P("Lycée {patron}", "upp", 2),
            P("Lycée professionnel {patron}", "upp voc", 1),
        ),
        "Jules Ferry; Jean Moulin; Victor Hugo; Marie Curie; Jean Jaurès; Louis Pasteur; Jacques Prévert; "
        "Simone Veil; Albert Camus; Paul Éluard; Jean de La Fontaine; Émile Zola; Anatole France; Colette; "
        "Joliot-Curie; Antoine de Saint-Exupéry; Condorcet; Voltaire; Georges Brassens; Olympe de Gouges",
        "Les Tilleuls; Les Coquelicots; Le Petit Prince; Les Lilas; La Farandole",
        "rue de la République; avenue Jean Jaurès; rue Pasteur; boulevard Gambetta; rue des Écoles; "
        "place de la Mairie; chemin des Vignes",
        "{number}, {street}",
    ),
    "it": _style(
        (
            P("Istituto Comprensivo «{patron}»", "pre pri low", 5),
            P("Liceo Scientifico «{patron}»", "upp", 2),
            P("Liceo Classico «{patron}»", "upp", 1),
            P("Istituto Tecnico «{patron}»", "upp voc", 1.5),
            P("Scuola dell'Infanzia «{nature}»", "pre", 1),
            P("Istituto Professionale «{patron}»", "voc", 0.7),
        ),
        "Galileo Galilei; Leonardo da Vinci; Alessandro Manzoni; Dante Alighieri; Giuseppe Garibaldi; "
        "Enrico Fermi; Maria Montessori; Giacomo Leopardi; Guglielmo Marconi; Italo Calvino; "
        "Giovanni Pascoli; Luigi Pirandello; Rita Levi-Montalcini; Giovanni Verga; Don Lorenzo Milani; "
        "Gianni Rodari; Grazia Deledda; Ugo Foscolo",
        "Il Girasole; L'Arcobaleno; Il Piccolo Principe; Peter Pan",
        "Via Roma; Via Giuseppe Garibaldi; Viale della Repubblica; Piazza Dante; Via Manzoni; Via della Scuola",
        "{street}, {number}",
    ),
    "de": _style(
        (
            P("Grundschule {nature}", "pri", 4),
            P("{patron}-Gymnasium", "low upp", 3),
            P("{patron}-Realschule", "low", 1.5),
            P("Gesamtschule {town}", "low upp", 1),
            P("Berufsbildende Schule {town}", "voc", 0.8),
            P("Kita {nature}", "pre", 1),
        ),
        "Goethe; Schiller; Albert-Einstein; Sophie-Scholl; Anne-Frank; Heinrich-Heine; "
        "Alexander-von-Humboldt; Gebrüder-Grimm; Erich-Kästner; Käthe-Kollwitz; Max-Planck; "
        "Johannes-Kepler; Friedrich-Fröbel; Lessing; Astrid-Lindgren",
        "am Sonnenhang; am Lindenplatz; an der Burg; am Park; Regenbogen; Pusteblume",
        "Schulstraße; Hauptstraße; Goethestraße; Bahnhofstraße; Am Sportplatz; Lindenallee",
        "{street} {number}",
    ),
    "pl": _style(
        (
            P("Szkoła Podstawowa nr {n} im. {patron}", "pri low", 5),
            P("Liceum Ogólnokształcące im. {patron}", "upp", 2),
            P("Zespół Szkół nr {n}", "upp voc", 1.5),
            P("Technikum nr {n} im. {patron}", "upp voc", 1),
            P("Przedszkole nr {n} „{nature}”", "pre", 1.5),
        ),
        "Marii Skłodowskiej-Curie; Mikołaja Kopernika; Adama Mickiewicza; Jana Pawła II; "
        "Henryka Sienkiewicza; Juliusza Słowackiego; Marii Konopnickiej; Tadeusza Kościuszki; "
        "Janusza Korczaka; Fryderyka Chopina; Stefana Żeromskiego; Bolesława Prusa; Kornela Makuszyńskiego",
        "Słoneczko; Bajka; Krasnoludki; Promyczek",
        "ul. Szkolna; ul. Mickiewicza; ul. Kościuszki; ul. Słoneczna; ul. Ogrodowa; ul. Lipowa",
        "{street} {number}",
    ),
    "pt": _style(
        (
            P("Agrupamento de Escolas {patron}", "pre pri low", 4),
            P("Escola Básica n.º {n} de {town}", "pri", 2),
            P("Escola Secundária {patron}", "upp", 2),
            P("Escola Profissional de {town}", "voc", 0.8),
            P("Jardim de Infância de {town}", "pre", 1),
        ),
        "Camões; Eça de Queirós; Fernando Pessoa; Padre António Vieira; Sophia de Mello Breyner; "
        "D. Dinis; Infante D. Henrique; José Saramago; Almeida Garrett; Marquês de Pombal; "
        "Alexandre Herculano; Gil Vicente",
        "O Principezinho; Os Traquinas",
        "Rua da Escola; Rua Dom Afonso Henriques; Avenida 25 de Abril; Rua de Santo António; "
        "Avenida da Liberdade",
        "{street}, {number}",
    ),
    "el": _style(
        (
            P("{n}ο Δημοτικό Σχολείο {town_gen}", "pri", 4),
            P("{n}ο Γυμνάσιο {town_gen}", "low", 3),
            P("{n}ο Γενικό Λύκειο {town_gen}", "upp", 2),
            P("{n}ο Νηπιαγωγείο {town_gen}", "pre", 2),
            P("{n}ο ΕΠΑΛ {town_gen}", "upp voc", 1),
        ),
        "",
        "",
        "Ελευθερίου Βενιζέλου; Αγίου Δημητρίου; Παπαφλέσσα; Ερμού; Εθνικής Αντιστάσεως",
        "{street} {number}",
    ),
    "tr": _style(
        (
            P("{patron} İlkokulu", "pri", 4),
            P("{patron} Ortaokulu", "low", 4),
            P("{patron} Anadolu Lisesi", "upp", 2.5),
            P("{town} Fen Lisesi", "upp", 0.5),
            P("{patron} Mesleki ve Teknik Anadolu Lisesi", "upp voc", 1.5),
            P("{patron} Anaokulu", "pre", 1),
        ),
        "Atatürk; Cumhuriyet; Gazi; Fatih; Mehmet Akif Ersoy; Yunus Emre; Mimar Sinan; Namık Kemal; "
        "Ziya Gökalp; Barbaros; Kâzım Karabekir; 15 Temmuz Şehitler; İstiklal; Hacı Bektaş Veli; "
        "Cahit Sıtkı Tarancı; Şehit Öğretmen Ayşe Yılmaz; Necip Fazıl Kısakürek",
        "",
        "Atatürk Caddesi; İnönü Caddesi; Gazi Bulvarı; Okul Sokak; Cumhuriyet Caddesi",
        "{street} No: {number}",
    ),
    "bg": _style(
        (
            P("ОУ „{patron}“", "pri low", 4),
            P("СУ „{patron}“", "pri low upp", 3),
            P("ПГ по икономика „{patron}“", "upp voc", 1),
            P("ДГ „{nature}“", "pre", 1.5),
            P("Езикова гимназия „{patron}“", "upp", 0.7),
        ),
        "Христо Ботев; Васил Левски; Иван Вазов; Св. св. Кирил и Методий; Паисий Хилендарски; "
        "Христо Смирненски; Елин Пелин; Йордан Йовков; Пейо Яворов; Неофит Рилски; Димчо Дебелянов",
        "Слънце; Звездица; Детелина; Мечо Пух",
        "ул. „Васил Левски“; бул. „България“; ул. „Христо Ботев“; ул. „Цар Симеон“",
        "{street} {number}",
    ),
    "mk": _style(
        (
            P("ООУ „{patron}“", "pri low", 4),
            P("СОУ „{patron}“", "upp", 2),
            P("Гимназија „{patron}“", "upp", 1),
            P("Детска градинка „{nature}“", "pre", 1),
        ),
        "Кочо Рацин; Гоце Делчев; Браќа Миладиновци; Св. Климент Охридски; Кирил Пејчиновиќ; "
        "Блаже Конески; Никола Карев; Јосип Броз Тито",
        "Снежана; Весели цветови; Детска радост",
        "ул. „Македонија“; бул. „Илинден“; ул. „Гоце Делчев“",
        "{street} бр. {number}",
    ),
    "uk": _style(
        (
            P("Ліцей № {n}", "pri low upp", 4),
            P("Гімназія № {n}", "pri low", 3),
            P("Спеціалізована школа № {n} з поглибленим вивченням іноземних мов", "pri low upp", 1),
            P("Ліцей імені {patron}", "low upp", 1.5),
            P("Заклад дошкільної освіти № {n}", "pre", 1),
            P("Професійний ліцей № {n}", "voc", 0.7),
        ),
        "Тараса Шевченка; Лесі Українки; Івана Франка; Григорія Сковороди; Василя Стуса; Михайла Грушевського",
        "",
        "вул. Шевченка; вул. Франка; просп. Незалежності; вул. Шкільна",
        "{street}, {number}",
    ),
    "hr": _style(
        (
            P("Osnovna škola {patron}", "pri low", 5),
            P("Gimnazija {patron}", "upp", 2),
            P("Srednja škola {town}", "upp voc", 1.5),
            P("Dječji vrtić {nature}", "pre", 1),
            P("Tehnička škola {town}", "voc", 0.8),
        ),
        "Ivana Gorana Kovačića; Antuna Gustava Matoša; Ivana Mažuranića; Augusta Šenoe; Vladimira Nazora; "
        "Marina Držića; Ante Starčevića; Dragutina Tadijanovića; Frana Galovića; Mate Lovraka",
        "Maslačak; Radost; Vrapčić; Sunce",
        "Ulica Ivana Gundulića; Školska ulica; Ulica kralja Tomislava; Trg bana Jelačića",
        "{street} {number}",
    ),
    "sr": _style(
        (
            P("Osnovna škola „{patron}“", "pri low", 5),
            P("Gimnazija „{patron}“", "upp", 2),
            P("Srednja stručna škola „{patron}“", "upp voc", 1.5),
            P("Predškolska ustanova „{nature}“", "pre", 1),
        ),
        "Vuk Karadžić; Jovan Jovanović Zmaj; Desanka Maksimović; Branko Radičević; Nikola Tesla; "
        "Dositej Obradović; Sveti Sava; Petar Petrović Njegoš; Mihajlo Pupin; Ivo Andrić",
        "Radost; Poletarac; Naša radost",
        "Ulica Njegoševa; Bulevar oslobođenja; Školska ulica; Ulica kralja Petra",
        "{street} {number}",
    ),
    "cs": _style(
        (
            P("Základní škola {patron}", "pri low", 5),
            P("Gymnázium {patron}", "low upp", 2),
            P("Střední průmyslová škola {town}", "upp voc", 1),
            P("Mateřská škola {nature}", "pre", 1.5),
            P("Střední odborná škola {town}", "voc", 0.8),
        ),
        "T. G. Masaryka; Jana Ámose Komenského; Jana Nerudy; Karla Čapka; Boženy Němcové; "
        "Christiana Dopplera; Jana Husa; Václava Havla",
        "Sluníčko; Pohádka; Beruška; Kopretina",
        "Školní; Husova; Masarykova; Nádražní; Palackého",
        "{street} {number}",
    ),
    "sk": _style(
        (
            P("Základná škola {patron}", "pri low", 5),
            P("Gymnázium {patron}", "low upp", 2),
            P("Stredná odborná škola technická {town}", "upp voc", 1),
            P("Materská škola {nature}", "pre", 1.5),
        ),
        "Ľudovíta Štúra; Jána Amosa Komenského; Pavla Országha Hviezdoslava; Janka Kráľa; "
        "Andreja Sládkoviča; Milana Rastislava Štefánika; Jozefa Gregora Tajovského",
        "Slniečko; Lienka; Rozprávka",
        "Školská; Hlavná; Štúrova; Hviezdoslavova; Nám. SNP",
        "{street} {number}",
    ),
    "sl": _style(
        (
            P("Osnovna šola {patron}", "pri low", 5),
            P("Gimnazija {town}", "upp", 2),
            P("Srednja šola {town}", "upp voc", 1.5),
            P("Vrtec {nature}", "pre", 1),
        ),
        "Franceta Prešerna; Ivana Cankarja; Toneta Čufarja; Simona Gregorčiča; Prežihovega Voranca; "
        "Otona Župančiča; Janka Modra; Antona Martina Slomška",
        "Mavrica; Ringaraja; Pedenjped; Sonček",
        "Šolska ulica; Prešernova cesta; Cankarjeva ulica; Trg svobode",
        "{street} {number}",
    ),
    "hu": _style(
        (
            P("{patron} Általános Iskola", "pri low", 5),
            P("{patron} Gimnázium", "low upp", 2),
            P("{patron} Technikum", "upp voc", 1),
            P("{patron} Óvoda", "pre", 1.5),
        ),
        "Petőfi Sándor; Arany János; Kossuth Lajos; Széchenyi István; Bolyai János; Móra Ferenc; "
        "Kodály Zoltán; József Attila; Kölcsey Ferenc; Szent István; Radnóti Miklós; Szent-Györgyi Albert",
        "",
        "Petőfi utca; Kossuth Lajos utca; Iskola utca; Fő utca; Rákóczi út",
        "{street} {number}.",
    ),
    "nl": _style(
        (
            P("Basisschool {nature}", "pri", 5),
            P("{patron} College", "low upp", 2),
            P("Openbare Basisschool {nature}", "pri", 1.5),
            P("Stedelijk Lyceum {town}", "low upp", 1),
            P("{patron} Vakcollege", "voc", 0.8),
        ),
        "Erasmus; Spinoza; Montessori; Christelijk; Sint-Jozef; Vincent van Gogh; Comenius; Da Vinci",
        "De Regenboog; De Klimop; Wereldwijs; De Vlinder; De Kameleon; De Zonnewijzer; Het Kompas",
        "Schoolstraat; Kerkstraat; Dorpsstraat; Stationsweg; Molenweg",
        "{street} {number}",
    ),
    "da": _style(
        (
            P("{nature} Skole", "pri low", 5),
            P("{town} Gymnasium", "upp", 2),
            P("{town} Tekniske Skole", "voc", 0.8),
            P("Børnehaven {patron}", "pre", 1),
        ),
        "Mælkebøtten; Solsikken; Regnbuen; Troldehøj",
        "Nørre; Østre; Vestre; Søndre; Skovvang; Engvang; Rosenvang",
        "Skolevej; Hovedgaden; Kirkevej; Stationsvej",
        "{street} {number}",
    ),
    "sv": _style(
        (
            P("{nature}skolan", "pri low", 5),
            P("{patron}gymnasiet", "upp", 2),
            P("{nature}s förskola", "pre", 1),
            P("{town} yrkesgymnasium", "voc", 0.8),
        ),
        "Katedral; Polhems; Rudbecks; Thorildsplans; Spyken; Procivitas",
        "Ek; Björk; Sol; Lind; Tallbacka; Central; Väster; Ängs",
        "Skolgatan; Storgatan; Kyrkogatan; Drottninggatan",
        "{street} {number}",
    ),
    "no": _style(
        (
            P("{nature} skole", "pri low", 5),
            P("{town} videregående skole", "upp voc", 2),
            P("{nature} barnehage", "pre", 1),
        ),
        "",
        "Bjerke; Lunden; Sagene; Holmlia; Nordstrand; Haugen; Fjellvoll",
        "Skoleveien; Storgata; Kirkegata; Kongens gate",
        "{street} {number}",
    ),
    "fi": _style(
        (
            P("{patron} koulu", "pri low", 5),
            P("{town_gen} lyseon lukio", "upp", 2),
            P("{patron} päiväkoti", "pre", 1),
            P("{town_gen} ammattiopisto", "voc", 0.8),
        ),
        "Kalevan; Mäntymäen; Koivukylän; Ristinummen; Puistolan; Tapiolan; Kirkkojärven; Keskuskoulun",
        "",
        "Koulukatu; Kauppakatu; Kirkkokatu; Rantatie",
        "{street} {number}",
    ),
    "et": _style(
        (
            P("{town_gen} {patron} Kool", "pri low", 4),
            P("{town_gen} {patron} Gümnaasium", "low upp", 2),
            P("{town_gen} Lasteaed {nature}", "pre", 1),
            P("{town_gen} Kutsehariduskeskus", "voc", 0.7),
        ),
        "Kesklinna; Kadrioru; Pelgulinna; Mustamäe; Annelinna; Karlova; Vanalinna",
        "Mesimumm; Rukkilill; Pääsuke; Päikesejänku",
        "Kooli tänav; Pikk tänav; Tartu maantee; Vabaduse puiestee",
        "{street} {number}",
    ),
    "lv": _style(
        (
            P("{town_gen} {n}. vidusskola", "pri low upp", 4),
            P("{town_gen} {n}. pamatskola", "pri low", 2),
            P("{town_gen} Valsts ģimnāzija", "upp", 1),
            P("{town_gen} pirmsskolas izglītības iestāde «{nature}»", "pre", 1),
            P("{town_gen} tehnikums", "voc", 0.7),
        ),
        "",
        "Saulīte; Pasaciņa; Zīļuks",
        "Skolas iela; Brīvības iela; Rīgas iela; Dzirnavu iela",
        "{street} {number}",
    ),
    "lt": _style(
        (
            P("{town_gen} {patron} gimnazija", "low upp", 3),
            P("{town_gen} {patron} progimnazija", "pri low", 3),
            P("{town_gen} lopšelis-darželis „{nature}“", "pre", 1),
            P("{town_gen} technologijų mokymo centras", "voc", 0.7),
        ),
        "Vytauto Didžiojo; Simono Daukanto; Maironio; Žemynos; Vaižganto; Salomėjos Nėries; Martyno Mažvydo",
        "Pasaka; Žiogelis; Bitutė",
        "Mokyklos g.; Vilniaus g.; Laisvės al.; Gedimino pr.",
        "{street} {number}",
    ),
    "en-ie": _style(
        (
            P("Scoil {patron}", "pri", 3),
            P("St. {patron}'s National School", "pri", 3),
            P("{town} Community College", "low upp", 2),
            P("Coláiste {patron}", "low upp", 1.5),
            P("Gaelscoil {nature}", "pri", 1),
        ),
        "Mhuire; Bhríde; Phádraig; Iósaf; Colmcille; Éanna; Brendan; Patrick; Brigid",
        "an Ghleanna; na Mara; Bhaile Átha Cliath",
        "Main Street; Church Road; School Lane; Station Road",
        "{number} {street}",
    ),
    "en-mt": _style(
        (
            P("St {patron} College, {town} Primary", "pri", 3),
            P("St {patron} College, Middle School", "low", 2),
            P("{town} Secondary School", "low upp", 1.5),
            P("MCAST Institute of {nature}", "voc", 0.5),
        ),
        "Benedict; Clare; Ignatius; Margaret; Nicholas; Theresa; Thomas More",
        "Applied Sciences; Creative Arts; Information and Communication Technology",
        "Triq il-Kbira; Triq l-Iskola; Triq il-Knisja; Triq San Pawl",
        "{street}, {number}",
    ),
    "is": _style(
        (
            P("{patron}skóli", "pri low", 5),
            P("Menntaskólinn í {town}", "upp", 1.5),
            P("Leikskólinn {nature}", "pre", 1),
        ),
        "Mela; Haga; Langholts; Árbæjar; Fossvogs; Hlíða; Lunda; Brekku",
        "Sólborg; Álfaborg; Lundur",
        "Skólavegur; Aðalstræti; Laugavegur",
        "{street} {number}",
    ),
    "sq": _style(
        (
            P("Shkolla 9-vjeçare «{patron}»", "pri low", 5),
            P("Shkolla e Mesme «{patron}»", "upp", 2),
            P("Gjimnazi «{patron}»", "upp", 1),
            P("Kopshti nr. {n}", "pre", 1),
            P("Shkolla Profesionale «{patron}»", "voc", 0.7),
        ),
        "Naim Frashëri; Sami Frashëri; Ismail Qemali; Gjergj Kastrioti Skënderbeu; Nënë Tereza; "
        "Çajupi; Migjeni; Asdreni",
        "",
        "Rruga e Shkollës; Rruga Skënderbeu; Bulevardi Dëshmorët e Kombit",
        "{street}, nr. {number}",
    ),
    "az": _style(
        (
            P("{town} şəhəri {n} nömrəli tam orta məktəb", "pri low upp", 5),
            P("{town} şəhəri {n} nömrəli məktəb-lisey", "low upp", 1.5),
            P("{town} şəhəri {n} nömrəli uşaq bağçası", "pre", 1),
            P("{town} Peşə Liseyi", "voc", 0.5),
        ),
        "",
        "",
        "Nizami küçəsi; Füzuli küçəsi; Azadlıq prospekti; Məktəb küçəsi",
        "{street} {number}",
    ),
    "en": _style(
        (
            P("{town} Secondary School No. {n}", "pri low upp", 5),
            P("Basic School No. {n}, {town}", "pri low", 2),
            P("{town} Kindergarten No. {n}", "pre", 1),
            P("{town} State College of {nature}", "voc", 0.7),
            P("{patron} High School No. {n}", "upp", 1),
        ),
        "Physics and Mathematics; Humanitarian; Ilia Chavchavadze; Mesrop Mashtots; Shota Rustaveli",
        "Technology; Arts; Economics",
        "School Street; Freedom Avenue; Central Street; Independence Street",
        "{number} {street}",
    ),
    "en-ar": _style(
        (
            P("{patron} Secondary School for Girls", "upp", 2),
            P("{patron} Secondary School for Boys", "upp", 2),
            P("{patron} Basic School", "pri low", 4),
            P("{town} Experimental Language School", "pri low upp", 1),
            P("{town} STEM School", "upp", 0.5),
            P("{town} Kindergarten No. {n}", "pre", 0.7),
            P("{town} Vocational Training Centre", "voc", 0.5),
        ),
        "Al-Hussein; Al-Quds; Al-Andalus; Ibn Sina; Ibn Khaldun; Al-Razi; Taha Hussein; Al-Nahda; "
        "Al-Farabi; Queen Rania; Al-Azhar; Omar Ibn Al-Khattab",
        "",
        "King Abdullah II Street; Al-Jamaa Street; Tahrir Street; School Street",
        "{number} {street}",
    ),
}


# Project titles: a theme, then what the pupils do with it.
PROJECT_THEMES = _words(
    "Green Schools, Blue Planet; Stories Without Borders; Coding Our Cities; Many Voices, One Europe; "
    "Water for Life; Heroes of Our Towns; Healthy Minds, Healthy Bodies; Recipes from Grandma; "
    "Maths Around Us; Our Cultural Heritage; Digital Citizens; The Bee Project; Once Upon a Time in Europe; "
    "Climate Detectives; Art Bridges; Let's Play Together; Tales of the Sea; Young Entrepreneurs; "
    "Sing with Me; Fair Play; Windows on Europe; The Future We Want; Kind Words; STEAM Explorers; "
    "Friendship Across Borders; Smart Farming; Reading Buddies; European Day of Languages; "
    "Safer Internet Heroes; Birds Know No Borders; Traditional Games; The Magic of Numbers; "
    "My Town, Your Town; Inclusive Classrooms; Robots in the Classroom"
)
PROJECT_SUBTITLES = _words(
    "a digital storybook; sharing our traditions; an eTwinning journey; learning by doing; "
    "a European map; a shared e-book; from school garden to table; through the seasons; "
    "a podcast series; an online exhibition; a European calendar; peer to peer"
)

ACTIVITY_TITLES = {
    "pd": _words(
        "Online seminar: Project-based learning; Online seminar: Media literacy in the classroom; "
        "Learning event: Inclusive education; Learning event: Climate education; "
        "Self-paced course: Artificial intelligence for teachers; Online seminar: Assessment in projects; "
        "National training: Starting an eTwinning project; Webinar: Digital tools for collaboration; "
        "Learning event: Well-being at school; Online seminar: Teaching with games"
    ),
    "group": _words(
        "Group discussion: Science teachers; Group discussion: Early childhood; "
        "Group discussion: Language teachers; Group discussion: Vocational education; "
        "Group discussion: School leaders; Group discussion: Special needs education"
    ),
    "event": _words(
        "eTwinning Day celebration; National eTwinning conference; European Code Week; "
        "European Day of Languages; Safer Internet Day; Erasmus Days; Annual eTwinning conference; "
        "Professional development workshop"
    ),
    "project": _words(
        "Project meeting; Shared a project outcome; Online exchange with partner classes; "
        "Project evaluation; Joint activity with partners; Published on the project's TwinSpace"
    ),
}

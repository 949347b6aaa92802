# ruff: noqa: RUF001 - real names in Cyrillic, Greek, Turkish... look like Latin letters on purpose.
"""The real National Support Organisations (NSOs) of eTwinning, loaded by migration 0005.

Per country code: (official name in its language, name in English, short name, website,
postal address). Only what is public and was checked is filled in; a country left out (or a
field left empty) gets the generic wording and a monogram until its NSO fills in its own
profile. Signatories are never filled in here: each NSO names the person who signs.

Checked on public pages (December 2026 session): Romania (ANPCDEFP since 1 April 2022,
before that the Institute of Educational Sciences), Denmark (STUK since 1 August 2022),
Moldova (Technical University of Moldova since 2019), Greece (CTI "Diophantus"), Austria
(OeAD). The others are the long-standing national agencies named on each country's eTwinning
pages; an NSO corrects its own row on its profile page.
"""

NSOS: dict[str, tuple[str, str, str, str, str]] = {
    "AT": (
        "OeAD – Agentur für Bildung und Internationalisierung",
        "OeAD – Austria's Agency for Education and Internationalisation",
        "OeAD",
        "https://oead.at/",
        "Ebendorferstraße 7, 1010 Wien",
    ),
    "BG": (
        "Център за развитие на човешките ресурси",
        "Human Resource Development Centre",
        "ЦРЧР",
        "https://hrdc.bg/",
        "",
    ),
    "HR": (
        "Agencija za mobilnost i programe Europske unije",
        "Agency for Mobility and EU Programmes",
        "AMPEU",
        "https://www.ampeu.hr/",
        "",
    ),
    "CZ": (
        "Dům zahraniční spolupráce",
        "Czech National Agency for International Education and Research",
        "DZS",
        "https://www.dzs.cz/",
        "",
    ),
    "DK": (
        "Styrelsen for Undervisning og Kvalitet",
        "Danish Agency for Education and Quality",
        "STUK",
        "https://www.stukuvm.dk/",
        "Tidemannsvej 1, 4300 Holbæk",
    ),
    "EE": ("Haridus- ja Noorteamet", "Education and Youth Board", "HARNO", "https://harno.ee/", ""),
    "FI": ("Opetushallitus", "Finnish National Agency for Education", "EDUFI", "https://www.oph.fi/", ""),
    "FR": ("Réseau Canopé", "Réseau Canopé", "Canopé", "https://www.reseau-canope.fr/", ""),
    "DE": (
        "Pädagogischer Austauschdienst (PAD) des Sekretariats der Kultusministerkonferenz",
        "Educational Exchange Service (PAD) of the Standing Conference of the Ministers of Education",
        "PAD",
        "https://www.kmk-pad.org/",
        "",
    ),
    "GR": (
        "Ινστιτούτο Τεχνολογίας Υπολογιστών και Εκδόσεων «Διόφαντος»",
        "Computer Technology Institute and Press “Diophantus”",
        "ΙΤΥΕ",
        "https://www.cti.gr/",
        "",
    ),
    "HU": ("Tempus Közalapítvány", "Tempus Public Foundation", "TPF", "https://tka.hu/", ""),
    "IE": ("Léargas", "Léargas", "Léargas", "https://www.leargas.ie/", ""),
    "IT": (
        "Istituto Nazionale di Documentazione, Innovazione e Ricerca Educativa",
        "National Institute for Documentation, Innovation and Educational Research",
        "INDIRE",
        "https://www.indire.it/",
        "",
    ),
    "LV": (
        "Valsts izglītības attīstības aģentūra",
        "State Education Development Agency",
        "VIAA",
        "https://www.viaa.gov.lv/",
        "",
    ),
    "LT": (
        "Švietimo mainų paramos fondas",
        "Education Exchanges Support Foundation",
        "ŠMPF",
        "https://www.smpf.lt/",
        "",
    ),
    "LU": ("Anefore", "Anefore", "Anefore", "https://www.anefore.lu/", ""),
    "NL": ("Nuffic", "Nuffic", "Nuffic", "https://www.nuffic.nl/", ""),
    "PL": (
        "Fundacja Rozwoju Systemu Edukacji",
        "Foundation for the Development of the Education System",
        "FRSE",
        "https://www.frse.org.pl/",
        "",
    ),
    "PT": (
        "Direção-Geral da Educação",
        "Directorate-General for Education",
        "DGE",
        "https://www.dge.mec.pt/",
        "",
    ),
    "RO": (
        "Agenția Națională pentru Programe Comunitare în Domeniul Educației și Formării Profesionale",
        "National Agency for Community Programmes in the Field of Education and Vocational Training",
        "ANPCDEFP",
        "https://www.anpcdefp.ro/",
        "",
    ),
    "SK": ("Žilinská univerzita v Žiline", "University of Žilina", "UNIZA", "https://www.uniza.sk/", ""),
    "SI": (
        "Center RS za mobilnost in evropske programe izobraževanja in usposabljanja",
        "Centre of the Republic of Slovenia for Mobility and European Educational and Training Programmes",
        "CMEPIUS",
        "https://www.cmepius.si/",
        "",
    ),
    "ES": (
        "Servicio Nacional de Apoyo eTwinning – Instituto Nacional de Tecnologías Educativas "
        "y de Formación del Profesorado",
        "eTwinning National Support Service – National Institute of Educational Technologies "
        "and Teacher Training",
        "INTEF",
        "https://intef.es/",
        "Calle de Torrelaguna, 58, 28027 Madrid",
    ),
    "SE": (
        "Universitets- och högskolerådet",
        "Swedish Council for Higher Education",
        "UHR",
        "https://www.uhr.se/",
        "",
    ),
    "IS": (
        "Rannís – Rannsóknamiðstöð Íslands",
        "The Icelandic Centre for Research",
        "Rannís",
        "https://www.rannis.is/",
        "",
    ),
    "LI": (
        "Agentur für Internationale Bildungsangelegenheiten",
        "Agency for International Education Affairs",
        "AIBA",
        "https://www.aiba.llv.li/",
        "",
    ),
    "NO": (
        "Direktoratet for høgare utdanning og kompetanse",
        "Norwegian Directorate for Higher Education and Skills",
        "HK-dir",
        "https://hkdir.no/",
        "",
    ),
    "MK": (
        "Национална агенција за европски образовни програми и мобилност",
        "National Agency for European Educational Programmes and Mobility",
        "НА",
        "https://na.org.mk/",
        "",
    ),
    "RS": ("Fondacija Tempus", "Tempus Foundation", "Tempus", "https://tempus.ac.rs/", ""),
    "TR": (
        "Millî Eğitim Bakanlığı Yenilik ve Eğitim Teknolojileri Genel Müdürlüğü",
        "Ministry of National Education, Directorate General for Innovation and Educational Technologies",
        "YEĞİTEK",
        "https://yegitek.meb.gov.tr/",
        "",
    ),
    "MD": (
        "Universitatea Tehnică a Moldovei",
        "Technical University of Moldova",
        "UTM",
        "https://utm.md/",
        "",
    ),
}

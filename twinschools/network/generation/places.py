"""Real regions and towns of the 46 eTwinning countries: region centroids, towns where they are.

Romania (all 41 counties and Bucharest) and Spain (every NUTS-2 region, with
Catalonia split into its four provinces) are given in depth; every other country
has a handful of real NUTS-2-like regions. Codes follow NUTS where NUTS exists
and are NUTS-like elsewhere. Weights are rough populations in thousands: they
share a country's schools among its regions. Each town's real latitude and
longitude come from `town_points`.

A town written "Name/Genitive" carries the genitive form some school names need
(Greek "Γυμνάσιο Λάρισας", Latvian "Rīgas 1. vidusskola").
"""

# ruff: noqa: RUF001 - real names in Cyrillic, Greek, Turkish... look like Latin letters on purpose.

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from twinschools.network.generation.town_points import TOWN_POINTS


@dataclass(frozen=True)
class Town:
    name: str
    genitive: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class RegionPlace:
    code: str
    name: str
    latitude: float
    longitude: float
    weight: float
    towns: tuple[Town, ...]
    # Overrides of the country's defaults, for regions with their own language.
    style: str | None = None
    locale: str | None = None
    languages: tuple[str, ...] | None = None


@dataclass(frozen=True)
class CountryPlace:
    code: str
    style: str  # key of vocabulary.SCHOOL_STYLES
    locale: str  # key of vocabulary name pools
    languages: tuple[str, ...]  # local teaching languages, codes of reference.LANGUAGES
    share: float  # rough share of the eTwinning network's schools, in percent
    regions: tuple[RegionPlace, ...]

    def style_of(self, region: RegionPlace) -> str:
        return region.style or self.style

    def locale_of(self, region: RegionPlace) -> str:
        return region.locale or self.locale

    def languages_of(self, region: RegionPlace) -> tuple[str, ...]:
        return region.languages or self.languages


def _towns(region_code: str, text: str) -> tuple[Town, ...]:
    points = TOWN_POINTS[region_code]
    towns = []
    for item in text.split(","):
        name, _, genitive = item.strip().partition("/")
        latitude, longitude = points[name]
        towns.append(Town(name=name, genitive=genitive or name, latitude=latitude, longitude=longitude))
    return tuple(towns)


def R(
    code: str,
    name: str,
    latitude: float,
    longitude: float,
    weight: float,
    towns: str,
    *,
    style: str | None = None,
    locale: str | None = None,
    languages: str | None = None,
) -> RegionPlace:
    return RegionPlace(
        code=code,
        name=name,
        latitude=latitude,
        longitude=longitude,
        weight=weight,
        towns=_towns(code, towns),
        style=style,
        locale=locale,
        languages=tuple(languages.split()) if languages else None,
    )


def C(
    code: str,
    style: str,
    locale: str,
    languages: str,
    share: float,
    *regions: RegionPlace,
) -> CountryPlace:
    return CountryPlace(
        code=code,
        style=style,
        locale=locale,
        languages=tuple(languages.split()),
        share=share,
        regions=regions,
    )


_COUNTRIES = (
    C(
        "RO", "ro", "ro_RO", "ro", 6.5,
        R("RO111", "Bihor", 47.05, 21.93, 551, "Oradea, Salonta, Marghita, Beiuș, Aleșd"),
        R("RO112", "Bistrița-Năsăud", 47.13, 24.50, 295, "Bistrița, Năsăud, Beclean, Sângeorz-Băi"),
        R("RO113", "Cluj", 46.77, 23.60, 679, "Cluj-Napoca, Turda, Dej, Câmpia Turzii, Gherla, Huedin"),
        R("RO114", "Maramureș", 47.66, 23.58, 452, "Baia Mare, Sighetu Marmației, Borșa, Vișeu de Sus"),
        R("RO115", "Satu Mare", 47.79, 22.89, 330, "Satu Mare, Carei, Negrești-Oaș, Tășnad"),
        R("RO116", "Sălaj", 47.18, 23.06, 212, "Zalău, Șimleu Silvaniei, Jibou, Cehu Silvaniei"),
        R("RO121", "Alba", 46.07, 23.58, 325, "Alba Iulia, Sebeș, Aiud, Blaj, Cugir"),
        R("RO122", "Brașov", 45.65, 25.60, 546, "Brașov, Făgăraș, Săcele, Codlea, Râșnov"),
        R("RO123", "Covasna", 45.86, 25.79, 200, "Sfântu Gheorghe, Târgu Secuiesc, Covasna, Baraolt",
          languages="ro hu"),
        R("RO124", "Harghita", 46.36, 25.80, 291, "Miercurea Ciuc, Odorheiu Secuiesc, Gheorgheni, Toplița",
          languages="ro hu"),
        R("RO125", "Mureș", 46.54, 24.56, 518, "Târgu Mureș, Reghin, Sighișoara, Târnăveni, Luduș"),
        R("RO126", "Sibiu", 45.79, 24.15, 388, "Sibiu, Mediaș, Cisnădie, Agnita"),
        R("RO211", "Bacău", 46.57, 26.91, 580, "Bacău, Onești, Moinești, Comănești, Buhuși"),
        R("RO212", "Botoșani", 47.75, 26.67, 392, "Botoșani, Dorohoi, Darabani, Săveni"),
        R("RO213", "Iași", 47.16, 27.59, 760, "Iași, Pașcani, Hârlău, Târgu Frumos"),
        R("RO214", "Neamț", 46.93, 26.37, 455, "Piatra Neamț, Roman, Târgu Neamț, Bicaz"),
        R("RO215", "Suceava", 47.65, 26.26, 642,
          "Suceava, Fălticeni, Rădăuți, Câmpulung Moldovenesc, Vatra Dornei"),
        R("RO216", "Vaslui", 46.64, 27.73, 375, "Vaslui, Bârlad, Huși, Negrești"),
        R("RO221", "Brăila", 45.27, 27.96, 281, "Brăila, Ianca, Însurăței"),
        R("RO222", "Buzău", 45.15, 26.82, 404, "Buzău, Râmnicu Sărat, Nehoiu, Pogoanele"),
        R("RO223", "Constanța", 44.18, 28.63, 655, "Constanța, Mangalia, Medgidia, Năvodari, Cernavodă"),
        R("RO224", "Galați", 45.43, 28.01, 497, "Galați, Tecuci, Târgu Bujor, Berești"),
        R("RO225", "Tulcea", 45.18, 28.80, 193, "Tulcea, Babadag, Măcin, Isaccea, Sulina"),
        R("RO226", "Vrancea", 45.70, 27.18, 335, "Focșani, Adjud, Mărășești, Panciu"),
        R("RO311", "Argeș", 44.86, 24.87, 569, "Pitești, Câmpulung, Curtea de Argeș, Mioveni, Costești"),
        R("RO312", "Călărași", 44.20, 27.33, 284, "Călărași, Oltenița, Lehliu Gară, Budești"),
        R("RO313", "Dâmbovița", 44.93, 25.46, 479, "Târgoviște, Moreni, Pucioasa, Găești, Titu"),
        R("RO314", "Giurgiu", 43.90, 25.97, 262, "Giurgiu, Bolintin-Vale, Mihăilești"),
        R("RO315", "Ialomița", 44.56, 27.38, 250, "Slobozia, Fetești, Urziceni, Țăndărei"),
        R("RO316", "Prahova", 44.94, 26.02, 696, "Ploiești, Câmpina, Sinaia, Mizil, Breaza, Vălenii de Munte"),
        R("RO317", "Teleorman", 43.97, 25.33, 323, "Alexandria, Roșiorii de Vede, Turnu Măgurele, Zimnicea"),
        R("RO321", "București", 44.43, 26.10, 1716, "București"),
        R("RO322", "Ilfov", 44.53, 26.17, 542,
          "Voluntari, Buftea, Pantelimon, Popești-Leordeni, Otopeni, Chitila"),
        R("RO411", "Dolj", 44.32, 23.80, 599, "Craiova, Băilești, Calafat, Filiași, Segarcea"),
        R("RO412", "Gorj", 45.04, 23.27, 314, "Târgu Jiu, Motru, Rovinari, Bumbești-Jiu, Novaci"),
        R("RO413", "Mehedinți", 44.63, 22.66, 234, "Drobeta-Turnu Severin, Orșova, Strehaia, Vânju Mare"),
        R("RO414", "Olt", 44.43, 24.36, 389, "Slatina, Caracal, Balș, Corabia, Scornicești"),
        R("RO415", "Vâlcea", 45.10, 24.37, 341, "Râmnicu Vâlcea, Drăgășani, Horezu, Călimănești, Brezoi"),
        R("RO421", "Arad", 46.18, 21.31, 410, "Arad, Lipova, Ineu, Chișineu-Criș, Pecica"),
        R("RO422", "Caraș-Severin", 45.30, 21.89, 246, "Reșița, Caransebeș, Oravița, Bocșa, Moldova Nouă"),
        R("RO423", "Hunedoara", 45.75, 22.90, 361, "Deva, Hunedoara, Petroșani, Orăștie, Brad, Lupeni"),
        R("RO424", "Timiș", 45.75, 21.23, 650, "Timișoara, Lugoj, Sânnicolau Mare, Jimbolia, Făget"),
    ),
    C(
        "ES", "es", "es_ES", "es", 8.0,
        R("ES11", "Galicia", 42.75, -7.90, 2700,
          "Santiago de Compostela, A Coruña, Vigo, Ourense, Lugo, Pontevedra, Ferrol", languages="gl es"),
        R("ES12", "Principado de Asturias", 43.36, -5.85, 1010, "Oviedo, Gijón, Avilés, Mieres, Langreo"),
        R("ES13", "Cantabria", 43.20, -4.03, 585, "Santander, Torrelavega, Castro Urdiales, Laredo"),
        R("ES21", "País Vasco", 43.00, -2.60, 2210,
          "Bilbao, Vitoria-Gasteiz, Donostia-San Sebastián, Barakaldo, Getxo, Irun", languages="eu es"),
        R("ES22", "Comunidad Foral de Navarra", 42.70, -1.65, 665, "Pamplona, Tudela, Barañáin, Estella-Lizarra"),
        R("ES23", "La Rioja", 42.29, -2.52, 320, "Logroño, Calahorra, Arnedo, Haro"),
        R("ES24", "Aragón", 41.50, -0.90, 1330, "Zaragoza, Huesca, Teruel, Calatayud, Jaca"),
        R("ES30", "Comunidad de Madrid", 40.42, -3.70, 6750,
          "Madrid, Móstoles, Alcalá de Henares, Fuenlabrada, Leganés, Getafe, Alcorcón"),
        R("ES41", "Castilla y León", 41.75, -4.75, 2380,
          "Valladolid, Burgos, Salamanca, León, Palencia, Zamora, Ávila, Segovia, Soria, Ponferrada"),
        R("ES42", "Castilla-La Mancha", 39.50, -3.00, 2050,
          "Toledo, Albacete, Guadalajara, Talavera de la Reina, Ciudad Real, Cuenca, Puertollano"),
        R("ES43", "Extremadura", 39.20, -6.15, 1055, "Badajoz, Cáceres, Mérida, Plasencia, Don Benito"),
        R("ES511", "Barcelona", 41.60, 2.05, 5740,
          "Barcelona, L'Hospitalet de Llobregat, Badalona, Terrassa, Sabadell, Mataró, Granollers, "
          "Manresa, Vic, Vilanova i la Geltrú, Sant Cugat del Vallès, Igualada",
          style="ca", locale="es_CA", languages="ca es"),
        R("ES512", "Girona", 42.05, 2.75, 790,
          "Girona, Figueres, Blanes, Lloret de Mar, Olot, Salt, Palafrugell, Banyoles, Ripoll",
          style="ca", locale="es_CA", languages="ca es"),
        R("ES513", "Lleida", 41.80, 1.05, 440,
          "Lleida, Tàrrega, Balaguer, Mollerussa, La Seu d'Urgell, Cervera, Solsona, Tremp, Vielha",
          style="ca", locale="es_CA", languages="ca es"),
        R("ES514", "Tarragona", 41.10, 0.95, 820,
          "Tarragona, Reus, Tortosa, El Vendrell, Cambrils, Salou, Valls, Amposta",
          style="ca", locale="es_CA", languages="ca es"),
        R("ES52", "Comunitat Valenciana", 39.40, -0.50, 5060,
          "València, Alacant, Elx, Castelló de la Plana, Torrevieja, Gandia, Benidorm, Sagunt",
          languages="ca es"),
        R("ES53", "Illes Balears", 39.60, 2.90, 1180, "Palma, Calvià, Manacor, Eivissa, Maó, Inca, Llucmajor",
          languages="ca es"),
        R("ES61", "Andalucía", 37.40, -4.60, 8470,
          "Sevilla, Málaga, Córdoba, Granada, Almería, Huelva, Cádiz, Jaén, Jerez de la Frontera, "
          "Marbella, Algeciras"),
        R("ES62", "Región de Murcia", 38.00, -1.50, 1520, "Murcia, Cartagena, Lorca, Molina de Segura"),
        R("ES63", "Ciudad de Ceuta", 35.89, -5.32, 84, "Ceuta"),
        R("ES64", "Ciudad de Melilla", 35.29, -2.94, 86, "Melilla"),
        R("ES70", "Canarias", 28.30, -15.60, 2180,
          "Las Palmas de Gran Canaria, Santa Cruz de Tenerife, San Cristóbal de La Laguna, Telde, Arona"),
    ),
    C(
        "FR", "fr", "fr_FR", "fr", 7.0,
        R("FR10", "Île-de-France", 48.85, 2.35, 12300,
          "Paris, Boulogne-Billancourt, Saint-Denis, Versailles, Créteil, Nanterre, Montreuil"),
        R("FRK2", "Rhône-Alpes", 45.50, 5.40, 6900, "Lyon, Grenoble, Saint-Étienne, Annecy, Villeurbanne, Chambéry"),
        R("FRL0", "Provence-Alpes-Côte d'Azur", 43.90, 6.00, 5100, "Marseille, Nice, Toulon, Aix-en-Provence, Avignon"),
        R("FRI1", "Aquitaine", 44.70, -0.50, 3500, "Bordeaux, Pau, Bayonne, Mérignac, Périgueux"),
        R("FRJ2", "Midi-Pyrénées", 43.70, 1.50, 3000, "Toulouse, Montauban, Albi, Tarbes, Rodez"),
        R("FRE1", "Nord-Pas-de-Calais", 50.50, 2.80, 4050, "Lille, Roubaix, Tourcoing, Calais, Arras, Dunkerque"),
        R("FRG0", "Pays de la Loire", 47.50, -0.80, 3800, "Nantes, Angers, Le Mans, Saint-Nazaire, La Roche-sur-Yon"),
        R("FRH0", "Bretagne", 48.10, -2.90, 3350, "Rennes, Brest, Quimper, Lorient, Vannes, Saint-Brieuc"),
        R("FRF1", "Alsace", 48.30, 7.50, 1900, "Strasbourg, Mulhouse, Colmar, Haguenau"),
        R("FRJ1", "Languedoc-Roussillon", 43.60, 3.50, 2800, "Montpellier, Nîmes, Perpignan, Béziers, Narbonne"),
    ),
    C(
        "IT", "it", "it_IT", "it", 10.0,
        R("ITC4", "Lombardia", 45.60, 9.80, 10000, "Milano, Brescia, Bergamo, Monza, Como, Varese, Pavia"),
        R("ITI4", "Lazio", 41.90, 12.70, 5700, "Roma, Latina, Frosinone, Viterbo, Rieti"),
        R("ITF3", "Campania", 40.90, 14.80, 5600, "Napoli, Salerno, Caserta, Avellino, Benevento, Torre del Greco"),
        R("ITG1", "Sicilia", 37.50, 14.10, 4800, "Palermo, Catania, Messina, Siracusa, Agrigento, Trapani"),
        R("ITH3", "Veneto", 45.60, 11.90, 4850, "Venezia, Verona, Padova, Vicenza, Treviso"),
        R("ITH5", "Emilia-Romagna", 44.50, 11.00, 4450, "Bologna, Modena, Parma, Reggio Emilia, Ravenna, Rimini"),
        R("ITC1", "Piemonte", 45.05, 7.90, 4250, "Torino, Novara, Alessandria, Asti, Cuneo"),
        R("ITF4", "Puglia", 41.00, 16.60, 3900, "Bari, Taranto, Foggia, Lecce, Brindisi"),
        R("ITI1", "Toscana", 43.40, 11.10, 3660, "Firenze, Pisa, Livorno, Prato, Arezzo, Siena"),
        R("ITF6", "Calabria", 39.00, 16.40, 1850, "Reggio Calabria, Catanzaro, Cosenza, Crotone"),
        R("ITG2", "Sardegna", 40.10, 9.00, 1580, "Cagliari, Sassari, Olbia, Nuoro"),
    ),
    C(
        "DE", "de", "de_DE", "de", 4.0,
        R("DE1", "Baden-Württemberg", 48.60, 9.00, 11100,
          "Stuttgart, Mannheim, Karlsruhe, Freiburg im Breisgau, Heidelberg, Ulm"),
        R("DE2", "Bayern", 48.90, 11.40, 13100, "München, Nürnberg, Augsburg, Regensburg, Würzburg, Ingolstadt"),
        R("DE3", "Berlin", 52.52, 13.40, 3700, "Berlin"),
        R("DE6", "Hamburg", 53.55, 10.00, 1850, "Hamburg"),
        R("DEA", "Nordrhein-Westfalen", 51.45, 7.60, 17900,
          "Köln, Düsseldorf, Dortmund, Essen, Münster, Bonn, Bielefeld"),
        R("DE9", "Niedersachsen", 52.60, 9.40, 8000, "Hannover, Braunschweig, Oldenburg, Osnabrück, Göttingen"),
        R("DE7", "Hessen", 50.60, 9.00, 6300, "Frankfurt am Main, Wiesbaden, Kassel, Darmstadt, Marburg"),
        R("DED", "Sachsen", 51.00, 13.20, 4050, "Dresden, Leipzig, Chemnitz, Zwickau"),
        R("DEB", "Rheinland-Pfalz", 49.90, 7.40, 4100, "Mainz, Koblenz, Trier, Kaiserslautern"),
        R("DEF", "Schleswig-Holstein", 54.20, 9.80, 2900, "Kiel, Lübeck, Flensburg"),
    ),
    C(
        "PL", "pl", "pl_PL", "pl", 8.0,
        R("PL91", "Warszawski stołeczny", 52.23, 21.01, 3100, "Warszawa, Pruszków, Legionowo, Otwock"),
        R("PL21", "Małopolskie", 49.90, 20.30, 3400, "Kraków, Tarnów, Nowy Sącz, Oświęcim, Zakopane"),
        R("PL22", "Śląskie", 50.30, 19.00, 4400, "Katowice, Częstochowa, Sosnowiec, Gliwice, Bielsko-Biała, Rybnik"),
        R("PL41", "Wielkopolskie", 52.30, 17.20, 3500, "Poznań, Kalisz, Konin, Piła, Leszno"),
        R("PL51", "Dolnośląskie", 51.10, 16.40, 2900, "Wrocław, Wałbrzych, Legnica, Jelenia Góra"),
        R("PL63", "Pomorskie", 54.20, 18.00, 2340, "Gdańsk, Gdynia, Słupsk, Sopot"),
        R("PL71", "Łódzkie", 51.60, 19.40, 2400, "Łódź, Piotrków Trybunalski, Pabianice, Skierniewice"),
        R("PL81", "Lubelskie", 51.20, 22.90, 2050, "Lublin, Zamość, Chełm, Biała Podlaska"),
        R("PL82", "Podkarpackie", 50.00, 22.20, 2100, "Rzeszów, Przemyśl, Stalowa Wola, Krosno"),
    ),
    C(
        "PT", "pt", "pt_PT", "pt", 4.0,
        R("PT11", "Norte", 41.40, -8.00, 3590, "Porto, Braga, Guimarães, Vila Nova de Gaia, Viana do Castelo, Bragança"),
        R("PT16", "Centro", 40.20, -8.10, 2230, "Coimbra, Aveiro, Viseu, Leiria, Guarda"),
        R("PT17", "Área Metropolitana de Lisboa", 38.75, -9.10, 2870, "Lisboa, Sintra, Amadora, Almada, Setúbal, Cascais"),
        R("PT18", "Alentejo", 38.50, -7.90, 700, "Évora, Beja, Portalegre, Sines"),
        R("PT15", "Algarve", 37.10, -8.10, 470, "Faro, Portimão, Loulé, Lagos"),
        R("PT20", "Região Autónoma dos Açores", 37.75, -25.67, 240, "Ponta Delgada, Angra do Heroísmo"),
        R("PT30", "Região Autónoma da Madeira", 32.65, -16.90, 250, "Funchal, Câmara de Lobos"),
    ),
    C(
        "GR", "el", "el_GR", "el", 5.0,
        R("EL30", "Αττική", 38.00, 23.75, 3800,
          "Αθήνα/Αθηνών, Πειραιάς/Πειραιά, Περιστέρι/Περιστερίου, Καλλιθέα/Καλλιθέας, Γλυφάδα/Γλυφάδας"),
        R("EL52", "Κεντρική Μακεδονία", 40.70, 22.90, 1800,
          "Θεσσαλονίκη/Θεσσαλονίκης, Σέρρες/Σερρών, Κατερίνη/Κατερίνης, Βέροια/Βέροιας, Κιλκίς/Κιλκίς"),
        R("EL61", "Θεσσαλία", 39.50, 22.30, 690, "Λάρισα/Λάρισας, Βόλος/Βόλου, Τρίκαλα/Τρικάλων, Καρδίτσα/Καρδίτσας"),
        R("EL43", "Κρήτη", 35.20, 24.90, 620,
          "Ηράκλειο/Ηρακλείου, Χανιά/Χανίων, Ρέθυμνο/Ρεθύμνου, Άγιος Νικόλαος/Αγίου Νικολάου"),
        R("EL63", "Δυτική Ελλάδα", 38.20, 21.60, 650, "Πάτρα/Πάτρας, Αγρίνιο/Αγρινίου, Πύργος/Πύργου, Μεσολόγγι/Μεσολογγίου"),
        R("EL54", "Ήπειρος", 39.60, 20.80, 320, "Ιωάννινα/Ιωαννίνων, Άρτα/Άρτας, Πρέβεζα/Πρέβεζας"),
        R("EL65", "Πελοπόννησος", 37.50, 22.40, 560, "Τρίπολη/Τρίπολης, Καλαμάτα/Καλαμάτας, Κόρινθος/Κορίνθου, Σπάρτη/Σπάρτης"),
        R("EL51", "Ανατολική Μακεδονία και Θράκη", 41.10, 25.00, 560,
          "Καβάλα/Καβάλας, Κομοτηνή/Κομοτηνής, Ξάνθη/Ξάνθης, Αλεξανδρούπολη/Αλεξανδρούπολης, Δράμα/Δράμας"),
    ),
    C(
        "CY", "el", "el_GR", "el", 0.4,
        R("CY001", "Λευκωσία", 35.17, 33.36, 340, "Λευκωσία/Λευκωσίας, Στρόβολος/Στροβόλου, Λακατάμια/Λακατάμιας"),
        R("CY002", "Λεμεσός", 34.68, 33.04, 250, "Λεμεσός/Λεμεσού, Ύψωνας/Ύψωνα"),
        R("CY003", "Λάρνακα", 34.92, 33.63, 150, "Λάρνακα/Λάρνακας, Αραδίππου/Αραδίππου"),
        R("CY004", "Πάφος", 34.77, 32.42, 95, "Πάφος/Πάφου, Πόλη Χρυσοχούς/Πόλης Χρυσοχούς"),
        R("CY005", "Αμμόχωστος", 35.03, 33.98, 50, "Παραλίμνι/Παραλιμνίου, Αγία Νάπα/Αγίας Νάπας"),
    ),
    C(
        "TR", "tr", "tr_TR", "tr", 14.0,
        R("TR10", "İstanbul", 41.01, 28.97, 15600, "İstanbul"),
        R("TR51", "Ankara", 39.93, 32.86, 5700, "Ankara, Polatlı"),
        R("TR31", "İzmir", 38.42, 27.14, 4400, "İzmir, Ödemiş, Bergama"),
        R("TR41", "Bursa, Eskişehir, Bilecik", 40.00, 29.50, 4200, "Bursa, Eskişehir, İnegöl, Bilecik"),
        R("TR42", "Kocaeli, Sakarya, Düzce, Bolu, Yalova", 40.80, 30.40, 4100, "İzmit, Adapazarı, Düzce, Bolu, Yalova"),
        R("TR61", "Antalya, Isparta, Burdur", 37.30, 30.70, 3300, "Antalya, Isparta, Alanya, Burdur"),
        R("TR62", "Adana, Mersin", 37.00, 35.00, 4200, "Adana, Mersin, Tarsus, Ceyhan"),
        R("TR52", "Konya, Karaman", 37.90, 32.90, 2500, "Konya, Karaman, Ereğli"),
        R("TR83", "Samsun, Tokat, Çorum, Amasya", 40.80, 35.80, 2800, "Samsun, Tokat, Çorum, Amasya"),
        R("TR90", "Trabzon, Ordu, Giresun, Rize, Artvin, Gümüşhane", 40.80, 39.50, 2700, "Trabzon, Ordu, Giresun, Rize"),
        R("TRC1", "Gaziantep, Adıyaman, Kilis", 37.20, 37.50, 2800, "Gaziantep, Adıyaman, Kilis"),
        R("TRB1", "Malatya, Elazığ, Bingöl, Tunceli", 38.60, 38.80, 1800, "Malatya, Elazığ, Bingöl"),
        R("TR32", "Aydın, Denizli, Muğla", 37.60, 28.30, 3100, "Aydın, Denizli, Muğla, Bodrum, Fethiye"),
        R("TRA1", "Erzurum, Erzincan, Bayburt", 39.90, 41.30, 1000, "Erzurum, Erzincan, Bayburt"),
    ),
    C(
        "BG", "bg", "bg_BG", "bg", 2.5,
        R("BG41", "Югозападен", 42.70, 23.30, 2100, "София, Перник, Благоевград, Кюстендил"),
        R("BG42", "Южен централен", 42.10, 24.90, 1400, "Пловдив, Хасково, Кърджали, Пазарджик, Смолян"),
        R("BG33", "Североизточен", 43.20, 27.50, 900, "Варна, Шумен, Добрич, Търговище"),
        R("BG34", "Югоизточен", 42.50, 26.90, 1000, "Бургас, Стара Загора, Сливен, Ямбол"),
        R("BG32", "Северен централен", 43.40, 25.80, 780, "Русе, Велико Търново, Габрово, Разград, Силистра"),
        R("BG31", "Северозападен", 43.40, 23.50, 700, "Плевен, Враца, Видин, Монтана, Ловеч"),
    ),
    C(
        "HR", "hr", "hr_HR", "hr", 2.0,
        R("HR05", "Grad Zagreb", 45.81, 15.98, 770, "Zagreb"),
        R("HR06", "Sjeverna Hrvatska", 46.10, 16.30, 800, "Varaždin, Čakovec, Koprivnica, Krapina"),
        R("HR02", "Panonska Hrvatska", 45.50, 17.50, 1000, "Osijek, Slavonski Brod, Vukovar, Sisak, Bjelovar, Požega"),
        R("HR03", "Jadranska Hrvatska", 44.00, 15.80, 1300, "Split, Rijeka, Zadar, Pula, Šibenik, Dubrovnik"),
    ),
    C(
        "CZ", "cs", "cs_CZ", "cs", 2.0,
        R("CZ01", "Praha", 50.08, 14.44, 1300, "Praha"),
        R("CZ02", "Střední Čechy", 50.00, 14.50, 1400, "Kladno, Mladá Boleslav, Kolín, Příbram"),
        R("CZ03", "Jihozápad", 49.30, 13.90, 1200, "Plzeň, České Budějovice, Klatovy, Tábor"),
        R("CZ04", "Severozápad", 50.40, 13.40, 1100, "Ústí nad Labem, Karlovy Vary, Teplice, Most, Chomutov"),
        R("CZ05", "Severovýchod", 50.40, 15.80, 1500, "Liberec, Hradec Králové, Pardubice, Jablonec nad Nisou"),
        R("CZ06", "Jihovýchod", 49.30, 16.40, 1700, "Brno, Jihlava, Znojmo, Třebíč"),
        R("CZ07", "Střední Morava", 49.40, 17.40, 1200, "Olomouc, Zlín, Prostějov, Přerov"),
        R("CZ08", "Moravskoslezsko", 49.80, 18.20, 1200, "Ostrava, Opava, Karviná, Frýdek-Místek"),
    ),
    C(
        "SK", "sk", "sk_SK", "sk", 1.5,
        R("SK01", "Bratislavský kraj", 48.15, 17.10, 720, "Bratislava, Pezinok, Malacky, Senec"),
        R("SK02", "Západné Slovensko", 48.30, 17.90, 1800, "Trnava, Nitra, Trenčín, Komárno, Nové Zámky"),
        R("SK03", "Stredné Slovensko", 48.80, 19.30, 1330, "Žilina, Banská Bystrica, Martin, Zvolen, Lučenec"),
        R("SK04", "Východné Slovensko", 48.80, 21.30, 1600, "Košice, Prešov, Poprad, Michalovce, Spišská Nová Ves"),
    ),
    C(
        "SI", "sl", "sl_SI", "sl", 0.6,
        R("SI041", "Osrednjeslovenska", 46.05, 14.50, 550, "Ljubljana, Domžale, Kamnik, Vrhnika"),
        R("SI032", "Podravska", 46.50, 15.80, 325, "Maribor, Ptuj, Slovenska Bistrica"),
        R("SI034", "Savinjska", 46.25, 15.25, 260, "Celje, Velenje, Žalec"),
        R("SI042", "Gorenjska", 46.30, 14.20, 210, "Kranj, Škofja Loka, Jesenice, Radovljica"),
        R("SI044", "Obalno-kraška", 45.60, 13.80, 115, "Koper, Izola, Piran, Sežana"),
        R("SI037", "Jugovzhodna Slovenija", 45.80, 15.20, 145, "Novo mesto, Črnomelj, Metlika"),
        R("SI031", "Pomurska", 46.65, 16.15, 115, "Murska Sobota, Lendava, Ljutomer"),
    ),
    C(
        "HU", "hu", "hu_HU", "hu", 1.5,
        R("HU11", "Budapest", 47.50, 19.05, 1700, "Budapest"),
        R("HU12", "Pest", 47.40, 19.30, 1300, "Érd, Gödöllő, Vác, Cegléd, Szentendre"),
        R("HU21", "Közép-Dunántúl", 47.20, 18.20, 1050, "Székesfehérvár, Tatabánya, Veszprém, Dunaújváros"),
        R("HU22", "Nyugat-Dunántúl", 47.20, 16.90, 990, "Győr, Szombathely, Sopron, Zalaegerszeg"),
        R("HU23", "Dél-Dunántúl", 46.20, 18.00, 880, "Pécs, Kaposvár, Szekszárd"),
        R("HU31", "Észak-Magyarország", 48.10, 20.70, 1100, "Miskolc, Eger, Salgótarján"),
        R("HU32", "Észak-Alföld", 47.50, 21.60, 1450, "Debrecen, Nyíregyháza, Szolnok"),
        R("HU33", "Dél-Alföld", 46.40, 20.20, 1230, "Szeged, Kecskemét, Békéscsaba, Hódmezővásárhely"),
    ),
    C(
        "AT", "de", "de_AT", "de", 1.0,
        R("AT13", "Wien", 48.21, 16.37, 1930, "Wien"),
        R("AT12", "Niederösterreich", 48.20, 15.60, 1700, "St. Pölten, Wiener Neustadt, Baden, Krems an der Donau"),
        R("AT31", "Oberösterreich", 48.20, 14.00, 1500, "Linz, Wels, Steyr, Braunau am Inn"),
        R("AT22", "Steiermark", 47.20, 15.00, 1250, "Graz, Leoben, Kapfenberg, Bruck an der Mur"),
        R("AT33", "Tirol", 47.25, 11.40, 770, "Innsbruck, Kufstein, Schwaz, Lienz"),
        R("AT32", "Salzburg", 47.80, 13.05, 560, "Salzburg, Hallein, Saalfelden"),
        R("AT21", "Kärnten", 46.70, 14.00, 565, "Klagenfurt am Wörthersee, Villach, Wolfsberg"),
        R("AT34", "Vorarlberg", 47.30, 9.80, 400, "Bregenz, Dornbirn, Feldkirch"),
        R("AT11", "Burgenland", 47.50, 16.50, 300, "Eisenstadt, Oberwart, Neusiedl am See"),
    ),
    C(
        "BE", "nl", "nl_BE", "nl", 1.2,
        R("BE10", "Région de Bruxelles-Capitale", 50.85, 4.35, 1220, "Bruxelles, Schaerbeek, Anderlecht, Ixelles",
          style="fr", locale="fr_BE", languages="fr nl"),
        R("BE21", "Provincie Antwerpen", 51.20, 4.60, 1880, "Antwerpen, Mechelen, Turnhout, Lier"),
        R("BE23", "Provincie Oost-Vlaanderen", 51.00, 3.80, 1540, "Gent, Aalst, Sint-Niklaas"),
        R("BE25", "Provincie West-Vlaanderen", 51.00, 3.10, 1200, "Brugge, Kortrijk, Oostende, Roeselare"),
        R("BE24", "Provincie Vlaams-Brabant", 50.90, 4.60, 1160, "Leuven, Vilvoorde, Tienen"),
        R("BE22", "Provincie Limburg", 51.00, 5.35, 880, "Hasselt, Genk, Sint-Truiden"),
        R("BE32", "Province de Hainaut", 50.45, 4.00, 1350, "Charleroi, Mons, Tournai, La Louvière",
          style="fr", locale="fr_BE", languages="fr"),
        R("BE33", "Province de Liège", 50.55, 5.70, 1110, "Liège, Seraing, Verviers, Eupen",
          style="fr", locale="fr_BE", languages="fr de"),
        R("BE35", "Province de Namur", 50.35, 4.85, 500, "Namur, Dinant, Gembloux",
          style="fr", locale="fr_BE", languages="fr"),
    ),
    C(
        "NL", "nl", "nl_NL", "nl", 1.0,
        R("NL32", "Noord-Holland", 52.50, 4.85, 2950, "Amsterdam, Haarlem, Zaandam, Alkmaar, Hilversum"),
        R("NL33", "Zuid-Holland", 52.00, 4.50, 3800, "Rotterdam, Den Haag, Leiden, Dordrecht, Delft, Zoetermeer"),
        R("NL31", "Utrecht", 52.09, 5.12, 1380, "Utrecht, Amersfoort, Nieuwegein, Zeist"),
        R("NL41", "Noord-Brabant", 51.55, 5.10, 2600, "Eindhoven, Tilburg, Breda, 's-Hertogenbosch, Helmond"),
        R("NL22", "Gelderland", 52.05, 5.90, 2100, "Arnhem, Nijmegen, Apeldoorn, Ede"),
        R("NL11", "Groningen", 53.20, 6.60, 590, "Groningen, Delfzijl, Veendam"),
        R("NL42", "Limburg", 51.20, 5.90, 1110, "Maastricht, Venlo, Heerlen, Sittard"),
    ),
    C(
        "LU", "fr", "de_LU", "fr de", 0.1,
        R("LU01", "Luxembourg", 49.61, 6.13, 190, "Luxembourg, Strassen, Hesperange"),
        R("LU02", "Esch-sur-Alzette", 49.50, 5.98, 180, "Esch-sur-Alzette, Differdange, Dudelange"),
        R("LU03", "Diekirch", 49.87, 6.16, 80, "Diekirch, Ettelbruck, Wiltz"),
        R("LU04", "Grevenmacher", 49.68, 6.44, 70, "Grevenmacher, Echternach, Remich"),
    ),
    C(
        "DK", "da", "da_DK", "da", 0.6,
        R("DK01", "Hovedstaden", 55.70, 12.40, 1850, "København, Frederiksberg, Hillerød, Helsingør"),
        R("DK02", "Sjælland", 55.40, 11.70, 840, "Roskilde, Næstved, Slagelse, Holbæk"),
        R("DK03", "Syddanmark", 55.40, 9.50, 1220, "Odense, Esbjerg, Kolding, Vejle, Sønderborg"),
        R("DK04", "Midtjylland", 56.20, 9.30, 1340, "Aarhus, Randers, Horsens, Herning, Silkeborg"),
        R("DK05", "Nordjylland", 57.00, 9.90, 590, "Aalborg, Hjørring, Frederikshavn"),
    ),
    C(
        "SE", "sv", "sv_SE", "sv", 1.0,
        R("SE11", "Stockholm", 59.33, 18.07, 2400, "Stockholm, Södertälje, Solna, Täby"),
        R("SE12", "Östra Mellansverige", 59.40, 16.50, 1700, "Uppsala, Västerås, Örebro, Linköping, Norrköping"),
        R("SE21", "Småland med öarna", 57.20, 15.00, 900, "Jönköping, Växjö, Kalmar, Visby"),
        R("SE22", "Sydsverige", 55.80, 13.60, 1550, "Malmö, Lund, Helsingborg, Kristianstad, Karlskrona"),
        R("SE23", "Västsverige", 57.90, 12.50, 2000, "Göteborg, Borås, Trollhättan, Halmstad"),
        R("SE31", "Norra Mellansverige", 60.70, 15.00, 850, "Gävle, Karlstad, Falun, Borlänge"),
        R("SE32", "Mellersta Norrland", 62.80, 16.50, 370, "Sundsvall, Östersund, Härnösand"),
        R("SE33", "Övre Norrland", 65.50, 20.00, 520, "Umeå, Luleå, Skellefteå, Kiruna"),
    ),
    C(
        "FI", "fi", "fi_FI", "fi sv", 1.0,
        R("FI1B", "Helsinki-Uusimaa", 60.30, 24.90, 1700, "Helsinki/Helsingin, Espoo/Espoon, Vantaa/Vantaan, Porvoo/Porvoon"),
        R("FI19", "Länsi-Suomi", 61.90, 23.50, 1380,
          "Tampere/Tampereen, Jyväskylä/Jyväskylän, Pori/Porin, Vaasa/Vaasan, Seinäjoki/Seinäjoen"),
        R("FI1C", "Etelä-Suomi", 60.90, 26.00, 1160,
          "Turku/Turun, Lahti/Lahden, Kouvola/Kouvolan, Lappeenranta/Lappeenrannan, Hämeenlinna/Hämeenlinnan"),
        R("FI1D", "Pohjois- ja Itä-Suomi", 64.50, 27.50, 1280,
          "Oulu/Oulun, Kuopio/Kuopion, Joensuu/Joensuun, Rovaniemi/Rovaniemen, Kajaani/Kajaanin"),
        R("FI20", "Åland", 60.20, 20.00, 30, "Mariehamn/Maarianhaminan", languages="sv"),
    ),
    C(
        "EE", "et", "et_EE", "et", 0.4,
        R("EE001", "Põhja-Eesti", 59.40, 24.75, 610, "Tallinn/Tallinna, Maardu/Maardu, Keila/Keila"),
        R("EE004", "Lääne-Eesti", 58.40, 23.50, 150, "Pärnu/Pärnu, Haapsalu/Haapsalu, Kuressaare/Kuressaare"),
        R("EE008", "Lõuna-Eesti", 58.20, 26.60, 320, "Tartu/Tartu, Viljandi/Viljandi, Võru/Võru, Valga/Valga"),
        R("EE009", "Kesk-Eesti", 58.90, 25.60, 130, "Paide/Paide, Rakvere/Rakvere, Türi/Türi"),
        R("EE00A", "Kirde-Eesti", 59.30, 27.40, 130,
          "Narva/Narva, Kohtla-Järve/Kohtla-Järve, Jõhvi/Jõhvi, Sillamäe/Sillamäe"),
    ),
    C(
        "LV", "lv", "lv_LV", "lv", 0.6,
        R("LV006", "Rīga", 56.95, 24.10, 610, "Rīga/Rīgas"),
        R("LV007", "Pierīga", 56.90, 24.30, 380, "Jūrmala/Jūrmalas, Ogre/Ogres, Salaspils/Salaspils, Sigulda/Siguldas"),
        R("LV003", "Kurzeme", 56.80, 21.80, 230, "Liepāja/Liepājas, Ventspils/Ventspils, Kuldīga/Kuldīgas"),
        R("LV008", "Vidzeme", 57.40, 25.90, 180, "Valmiera/Valmieras, Cēsis/Cēsu, Gulbene/Gulbenes"),
        R("LV009", "Zemgale", 56.60, 23.90, 220, "Jelgava/Jelgavas, Bauska/Bauskas, Dobele/Dobeles"),
        R("LV005", "Latgale", 56.30, 27.00, 250, "Daugavpils/Daugavpils, Rēzekne/Rēzeknes, Ludza/Ludzas"),
    ),
    C(
        "LT", "lt", "lt_LT", "lt", 1.0,
        R("LT011", "Vilniaus apskritis", 54.70, 25.30, 830,
          "Vilnius/Vilniaus, Trakai/Trakų, Ukmergė/Ukmergės, Elektrėnai/Elektrėnų"),
        R("LT022", "Kauno apskritis", 54.90, 23.90, 570, "Kaunas/Kauno, Jonava/Jonavos, Kėdainiai/Kėdainių"),
        R("LT023", "Klaipėdos apskritis", 55.70, 21.30, 320, "Klaipėda/Klaipėdos, Palanga/Palangos, Kretinga/Kretingos"),
        R("LT025", "Šiaulių apskritis", 55.93, 23.30, 260, "Šiauliai/Šiaulių, Radviliškis/Radviliškio, Joniškis/Joniškio"),
        R("LT027", "Panevėžio apskritis", 55.73, 24.35, 220, "Panevėžys/Panevėžio, Biržai/Biržų, Rokiškis/Rokiškio"),
        R("LT029", "Utenos apskritis", 55.50, 25.60, 130, "Utena/Utenos, Visaginas/Visagino, Anykščiai/Anykščių"),
        R("LT021", "Alytaus apskritis", 54.40, 24.05, 135, "Alytus/Alytaus, Druskininkai/Druskininkų, Varėna/Varėnos"),
    ),
    C(
        "IE", "en-ie", "en_IE", "en ga", 0.8,
        R("IE06", "Eastern and Midland", 53.35, -6.50, 2450, "Dublin, Drogheda, Dundalk, Navan, Swords"),
        R("IE05", "Southern", 52.20, -8.30, 1650, "Cork, Limerick, Waterford, Kilkenny, Tralee"),
        R("IE04", "Northern and Western", 53.90, -8.60, 900, "Galway, Sligo, Letterkenny, Castlebar, Athlone"),
    ),
    C(
        "MT", "en-mt", "mt", "mt en", 0.2,
        R("MT001", "Malta", 35.90, 14.48, 470, "Valletta, Birkirkara, Mosta, Qormi, Sliema, Żabbar"),
        R("MT002", "Għawdex u Kemmuna", 36.04, 14.24, 33, "Victoria, Xagħra, Nadur"),
    ),
    C(
        "IS", "is", "is_IS", "is", 0.1,
        R("IS001", "Höfuðborgarsvæðið", 64.13, -21.90, 240, "Reykjavík, Kópavogur, Hafnarfjörður, Garðabær"),
        R("IS002", "Landsbyggðin", 64.90, -18.50, 140,
          "Akureyri, Reykjanesbær, Selfoss, Akranes, Ísafjörður, Egilsstaðir"),
    ),
    C(
        "LI", "de", "de_LI", "de", 0.02,
        R("LI01", "Oberland", 47.12, 9.52, 25, "Vaduz, Schaan, Triesen, Balzers"),
        R("LI02", "Unterland", 47.22, 9.54, 15, "Eschen, Mauren, Ruggell"),
    ),
    C(
        "NO", "no", "no_NO", "nb", 0.5,
        R("NO08", "Oslo og Viken", 59.90, 10.75, 2000, "Oslo, Drammen, Fredrikstad, Sarpsborg, Lillestrøm"),
        R("NO09", "Agder og Sør-Østlandet", 59.00, 8.50, 900, "Kristiansand, Skien, Tønsberg, Sandefjord, Arendal"),
        R("NO0A", "Vestlandet", 60.50, 6.00, 1100, "Bergen, Stavanger, Ålesund, Haugesund, Førde"),
        R("NO06", "Trøndelag", 63.40, 10.40, 470, "Trondheim, Steinkjer, Levanger"),
        R("NO07", "Nord-Norge", 68.50, 16.00, 480, "Tromsø, Bodø, Harstad, Alta"),
        R("NO02", "Innlandet", 61.00, 10.50, 370, "Hamar, Lillehammer, Gjøvik"),
    ),
    C(
        "MK", "mk", "mk_MK", "mk", 0.6,
        R("MK008", "Скопски", 42.00, 21.43, 600, "Скопје"),
        R("MK006", "Полошки", 41.95, 20.95, 300, "Тетово, Гостивар", languages="mk sq"),
        R("MK005", "Пелагониски", 41.10, 21.40, 230, "Битола, Прилеп, Ресен"),
        R("MK003", "Југозападен", 41.20, 20.80, 220, "Охрид, Струга, Кичево, Дебар"),
        R("MK002", "Источен", 41.90, 22.40, 180, "Штип, Кочани, Пробиштип"),
        R("MK007", "Североисточен", 42.15, 21.90, 175, "Куманово, Крива Паланка, Кратово"),
        R("MK004", "Југоисточен", 41.40, 22.60, 170, "Струмица, Гевгелија, Радовиш"),
        R("MK001", "Вардарски", 41.70, 21.80, 150, "Велес, Кавадарци, Неготино"),
    ),
    C(
        "RS", "sr", "hr_HR", "sr", 1.5,
        R("RS11", "Beograd", 44.80, 20.46, 1680, "Beograd"),
        R("RS12", "Vojvodina", 45.30, 19.80, 1740, "Novi Sad, Subotica, Zrenjanin, Pančevo, Sombor"),
        R("RS21", "Šumadija i Zapadna Srbija", 43.90, 20.60, 1900,
          "Kragujevac, Čačak, Kraljevo, Novi Pazar, Užice, Šabac"),
        R("RS22", "Južna i Istočna Srbija", 43.30, 21.90, 1450, "Niš, Leskovac, Vranje, Zaječar, Pirot"),
    ),
    C(
        "AL", "sq", "sq", "sq", 0.6,
        R("AL01", "Veri", 41.90, 19.80, 800, "Shkodër, Lezhë, Kukës, Peshkopi"),
        R("AL02", "Qendër", 41.20, 19.80, 1250, "Tiranë, Durrës, Elbasan, Kavajë"),
        R("AL03", "Jug", 40.40, 20.00, 800, "Vlorë, Fier, Korçë, Berat, Gjirokastër, Sarandë"),
    ),
    C(
        "BA", "hr", "hr_HR", "hr sr", 0.5,
        R("BA01", "Federacija Bosne i Hercegovine", 43.90, 17.90, 2200, "Sarajevo, Tuzla, Zenica, Mostar, Bihać"),
        R("BA02", "Republika Srpska", 44.60, 17.80, 1150, "Banja Luka, Bijeljina, Prijedor, Doboj, Trebinje",
          style="sr", languages="sr"),
        R("BA03", "Brčko distrikt", 44.87, 18.81, 85, "Brčko"),
    ),
    C(
        "ME", "sr", "hr_HR", "sr", 0.15,
        R("ME001", "Primorje", 42.30, 18.90, 150, "Bar, Budva, Kotor, Herceg Novi, Ulcinj"),
        R("ME002", "Središnji region", 42.50, 19.25, 290, "Podgorica, Nikšić, Cetinje, Danilovgrad"),
        R("ME003", "Sjeverni region", 42.95, 19.50, 180, "Bijelo Polje, Pljevlja, Berane, Rožaje"),
    ),
    C(
        "AM", "en", "hy_AM", "hy", 0.5,
        R("AM01", "Yerevan", 40.18, 44.51, 1090, "Yerevan"),
        R("AM02", "Shirak", 40.80, 43.85, 230, "Gyumri, Artik"),
        R("AM03", "Lori", 40.90, 44.45, 210, "Vanadzor, Spitak, Alaverdi"),
        R("AM04", "Kotayk", 40.40, 44.70, 250, "Abovyan, Hrazdan, Charentsavan"),
        R("AM05", "Ararat", 39.95, 44.70, 250, "Artashat, Masis, Ararat"),
        R("AM06", "Armavir", 40.10, 44.05, 260, "Armavir, Vagharshapat, Metsamor"),
        R("AM07", "Syunik", 39.40, 46.20, 140, "Kapan, Goris, Meghri"),
    ),
    C(
        "AZ", "az", "az_AZ", "az", 0.9,
        R("AZ01", "Bakı", 40.41, 49.87, 2300, "Bakı"),
        R("AZ02", "Abşeron-Xızı", 40.50, 49.70, 600, "Sumqayıt, Xırdalan"),
        R("AZ03", "Gəncə-Daşkəsən", 40.68, 46.36, 600, "Gəncə, Naftalan, Göygöl"),
        R("AZ04", "Lənkəran-Astara", 38.75, 48.85, 950, "Lənkəran, Astara, Masallı"),
        R("AZ05", "Şəki-Zaqatala", 41.20, 47.17, 630, "Şəki, Zaqatala, Qax"),
        R("AZ06", "Mərkəzi Aran", 40.40, 47.30, 700, "Mingəçevir, Yevlax, Ağdaş"),
    ),
    C(
        "GE", "en", "ka_GE", "ka", 0.9,
        R("GE01", "Tbilisi", 41.72, 44.79, 1200, "Tbilisi"),
        R("GE02", "Imereti", 42.25, 42.70, 480, "Kutaisi, Zestaponi, Samtredia"),
        R("GE03", "Adjara", 41.65, 41.64, 350, "Batumi, Kobuleti"),
        R("GE04", "Kakheti", 41.65, 45.70, 310, "Telavi, Gurjaani, Sighnaghi"),
        R("GE05", "Samegrelo-Zemo Svaneti", 42.50, 41.87, 310, "Zugdidi, Poti, Senaki"),
        R("GE06", "Kvemo Kartli", 41.45, 44.60, 430, "Rustavi, Marneuli, Bolnisi"),
        R("GE07", "Shida Kartli", 42.00, 43.90, 260, "Gori, Kareli, Khashuri"),
    ),
    C(
        "MD", "ro", "ro_RO", "ro", 0.5,
        R("MD01", "Chișinău", 47.01, 28.86, 700, "Chișinău, Durlești, Codru"),
        R("MD02", "Nord", 47.75, 27.90, 900, "Bălți, Soroca, Edineț, Drochia"),
        R("MD03", "Centru", 47.10, 28.50, 950, "Orhei, Ungheni, Hîncești, Strășeni"),
        R("MD04", "Sud", 46.20, 28.60, 500, "Cahul, Cimișlia, Căușeni, Comrat"),
    ),
    C(
        "UA", "uk", "uk_UA", "uk", 4.0,
        R("UA80", "Київ", 50.45, 30.52, 2950, "Київ"),
        R("UA32", "Київська область", 50.30, 30.50, 1780, "Бровари, Біла Церква, Бориспіль, Ірпінь"),
        R("UA46", "Львівська область", 49.84, 24.03, 2490, "Львів, Дрогобич, Шептицький, Стрий"),
        R("UA63", "Харківська область", 49.99, 36.23, 2600, "Харків, Лозова, Ізюм"),
        R("UA51", "Одеська область", 46.48, 30.72, 2350, "Одеса, Ізмаїл, Чорноморськ"),
        R("UA12", "Дніпропетровська область", 48.46, 35.05, 3100, "Дніпро, Кривий Ріг, Кам'янське, Павлоград"),
        R("UA05", "Вінницька область", 49.23, 28.47, 1520, "Вінниця, Жмеринка, Могилів-Подільський"),
        R("UA21", "Закарпатська область", 48.62, 22.29, 1250, "Ужгород, Мукачево, Хуст"),
    ),
    C(
        "JO", "en-ar", "ar-latn", "ar", 0.8,
        R("JO01", "Amman", 31.95, 35.93, 4600, "Amman, Wadi as-Seer"),
        R("JO02", "Irbid", 32.55, 35.85, 2000, "Irbid, Ramtha"),
        R("JO03", "Zarqa", 32.07, 36.09, 1600, "Zarqa, Russeifa"),
        R("JO04", "Aqaba", 29.53, 35.00, 220, "Aqaba"),
        R("JO05", "Karak", 31.18, 35.70, 350, "Al-Karak, Al-Mazar al-Janubi"),
    ),
    C(
        "LB", "fr", "ar-latn", "ar fr", 0.4,
        R("LB01", "Beyrouth", 33.89, 35.50, 400, "Beyrouth"),
        R("LB02", "Mont-Liban", 33.85, 35.65, 1800, "Jounieh, Baabda, Jbeil, Aley"),
        R("LB03", "Liban-Nord", 34.43, 35.84, 800, "Tripoli, Zgharta, Batroun"),
        R("LB04", "Liban-Sud", 33.40, 35.40, 550, "Saïda, Tyr, Nabatieh"),
        R("LB05", "Béqaa", 33.85, 35.90, 500, "Zahlé, Baalbek"),
    ),
    C(
        "TN", "fr", "fr_DZ", "ar fr", 0.8,
        R("TN01", "Grand Tunis", 36.80, 10.18, 2800, "Tunis, Ariana, Ben Arous, La Marsa"),
        R("TN02", "Nord-Est", 36.60, 10.60, 1600, "Nabeul, Bizerte, Hammamet"),
        R("TN03", "Centre-Est", 35.60, 10.70, 2600, "Sousse, Monastir, Sfax, Mahdia"),
        R("TN04", "Nord-Ouest", 36.40, 9.00, 1200, "Béja, Jendouba, Le Kef"),
        R("TN05", "Sud", 33.50, 9.90, 1500, "Gabès, Médenine, Tozeur, Houmt Souk"),
    ),
    C(
        "MA", "fr", "fr_DZ", "ar fr", 1.0,
        R("MA06", "Casablanca-Settat", 33.30, -7.60, 7000, "Casablanca, Settat, El Jadida, Mohammedia"),
        R("MA04", "Rabat-Salé-Kénitra", 34.00, -6.50, 4600, "Rabat, Salé, Kénitra, Témara"),
        R("MA03", "Fès-Meknès", 34.00, -4.90, 4200, "Fès, Meknès, Taza, Ifrane"),
        R("MA07", "Marrakech-Safi", 31.70, -8.30, 4500, "Marrakech, Safi, Essaouira"),
        R("MA01", "Tanger-Tétouan-Al Hoceïma", 35.50, -5.60, 3600, "Tanger, Tétouan, Al Hoceïma, Larache"),
        R("MA09", "Souss-Massa", 30.30, -9.00, 2700, "Agadir, Taroudant, Tiznit"),
        R("MA02", "L'Oriental", 34.30, -2.40, 2300, "Oujda, Nador, Berkane"),
    ),
    C(
        "EG", "en-ar", "ar-latn", "ar", 1.0,
        R("EG01", "Cairo", 30.04, 31.24, 10000, "Cairo, Helwan"),
        R("EG02", "Giza", 30.00, 31.20, 9000, "Giza, 6th of October City"),
        R("EG03", "Alexandria", 31.20, 29.92, 5400, "Alexandria, Borg El Arab"),
        R("EG04", "Dakahlia", 31.04, 31.38, 6800, "Mansoura, Talkha"),
        R("EG05", "Qalyubia", 30.30, 31.20, 5900, "Banha, Shubra El Kheima"),
        R("EG06", "Sharqia", 30.58, 31.50, 7500, "Zagazig, 10th of Ramadan City"),
        R("EG07", "Asyut", 27.18, 31.18, 4800, "Asyut, Dairut"),
        R("EG08", "Aswan", 24.09, 32.90, 1600, "Aswan, Kom Ombo"),
    ),
)  # fmt: skip


@cache
def countries() -> dict[str, CountryPlace]:
    """Every country with its regions, by ISO code."""
    return {country.code: country for country in _COUNTRIES}

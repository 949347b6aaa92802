"""Reference vocabularies loaded into every database by a data migration.

Thresholds and lists like these are data, not code: an operator can add a
country or language row without a release.
"""

# The 46 countries of the eTwinning network (2025): EU member states, the other
# Erasmus+ programme countries, and eTwinning partner countries.
ETWINNING_COUNTRIES = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "IS LI NO MK RS TR "
    "AL BA ME "
    "AM AZ GE MD UA "
    "JO LB TN MA EG"
).split()

# Teaching languages offered in the directory's language filter.
LANGUAGES = (
    "bg ca cs da de el en es et eu fi fr ga gl hr hu is it lt lv mk mt nb nl pl pt ro "
    "sk sl sq sr sv tr uk ar hy az ka"
).split()

EDUCATION_LEVELS = ("pre-primary", "primary", "lower-secondary", "upper-secondary", "vocational")

# The time zone of each eTwinning country (its capital's, where a country has several),
# for times shown to people who will be there: an event's sessions on a visitor's pass.
TIME_ZONES = {
    "AT": "Europe/Vienna", "BE": "Europe/Brussels", "BG": "Europe/Sofia", "HR": "Europe/Zagreb",
    "CY": "Asia/Nicosia", "CZ": "Europe/Prague", "DK": "Europe/Copenhagen", "EE": "Europe/Tallinn",
    "FI": "Europe/Helsinki", "FR": "Europe/Paris", "DE": "Europe/Berlin", "GR": "Europe/Athens",
    "HU": "Europe/Budapest", "IE": "Europe/Dublin", "IT": "Europe/Rome", "LV": "Europe/Riga",
    "LT": "Europe/Vilnius", "LU": "Europe/Luxembourg", "MT": "Europe/Malta", "NL": "Europe/Amsterdam",
    "PL": "Europe/Warsaw", "PT": "Europe/Lisbon", "RO": "Europe/Bucharest", "SK": "Europe/Bratislava",
    "SI": "Europe/Ljubljana", "ES": "Europe/Madrid", "SE": "Europe/Stockholm", "IS": "Atlantic/Reykjavik",
    "LI": "Europe/Vaduz", "NO": "Europe/Oslo", "MK": "Europe/Skopje", "RS": "Europe/Belgrade",
    "TR": "Europe/Istanbul", "AL": "Europe/Tirane", "BA": "Europe/Sarajevo", "ME": "Europe/Podgorica",
    "AM": "Asia/Yerevan", "AZ": "Asia/Baku", "GE": "Asia/Tbilisi", "MD": "Europe/Chisinau",
    "UA": "Europe/Kyiv", "JO": "Asia/Amman", "LB": "Asia/Beirut", "TN": "Africa/Tunis",
    "MA": "Africa/Casablanca", "EG": "Africa/Cairo",
}  # fmt: skip


def time_zone_for(country_code: str) -> str:
    """A new school's time zone: its country's (the head may change it), else the site's."""
    from django.conf import settings

    return TIME_ZONES.get(country_code.upper(), settings.TIME_ZONE)

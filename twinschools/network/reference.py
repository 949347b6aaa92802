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

"""Person names per locale, read once from Faker's providers, and e-mail local parts.

Faker is only a word list here: calling it per row would cost minutes at Europe
scale, so the lists are loaded once and drawn from with the generator's own
`random.Random`. A few languages Faker lacks (Albanian, Maltese, Arabic names
in Latin script) have short lists of their own, and Romanian surnames are
completed because Faker's list is short.
"""

# ruff: noqa: RUF001 - real names in Cyrillic, Greek, Turkish... look like Latin letters on purpose.

from __future__ import annotations

import importlib
import random
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from twinschools.core.text import fold

_EXTRA_LAST_NAMES = {
    "ro_RO": "Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu "
    "Moldovan Lazăr Ene Florea Constantin Marin Dinu Mihai Tudor Ilie Barbu Cristea Toma Sârbu Nistor "
    "Vasile Neagu Oprea Dobre Petrescu Mureșan Sălăjan Bălan Cozma Tănase Georgescu Dumitrescu",
}

# Lists of our own for languages Faker does not cover: first names (female, then
# male) and surnames.
_OWN_NAMES = {
    "sq": (
        "Alketa Blerina Elira Eriona Fatjona Jonida Ledia Lindita Mirela Ornela Valbona Xhesika",
        "Arben Besnik Dritan Erion Gentian Ilir Klajdi Sokol Agron Fatos Genci Luan",
        "Hoxha Shehu Leka Daci Krasniqi Gashi Berisha Kola Marku Prifti Çela Dervishi Hysa Basha Muça "
        "Kapllani Lika Meta Zeneli Bregu",
    ),
    "mt": (
        "Maria Carmen Rita Sarah Rebecca Christine Doris Josianne Marija Claire Roberta Nicole",
        "Joseph John Paul Anthony Mark Daniel Kurt Ryan Matthew Clint Jean Pierre",
        "Borg Camilleri Vella Farrugia Zammit Galea Micallef Grech Attard Spiteri Azzopardi Mifsud "
        "Cassar Agius Pace Caruana Sammut Debono Fenech Schembri",
    ),
    "ar-latn": (
        "Lina Rania Dina Sara Nour Hana Layla Maha Huda Rana Yasmin Salma Amal Reem",
        "Ahmad Mohammad Omar Khaled Yousef Rami Tariq Faris Samir Ziad Hamza Karim Nabil Walid",
        "Al-Masri Haddad Khoury Nassar Saleh Hamdan Abu-Zeid Darwish Mansour Khalil Yassin Haddadin "
        "Al-Zoubi Qasem Barakat Aoun Hassan Ibrahim Farouk Said",
    ),
}


def _pairs(text: str) -> dict[str, str]:
    return dict(pair.split(":") for pair in text.split())


# Cyrillic, Greek, Armenian and Georgian letters in Latin, for e-mail addresses.
_TRANSLITERATION = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфхцы", "abvgdezijklmnoprstufhcy", strict=True)),
        "ж": "zh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "", "ю": "yu", "я": "ya",
        "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ё": "yo", "э": "e",
        "ј": "j", "љ": "lj", "њ": "nj", "ќ": "kj", "ѓ": "gj", "џ": "dz", "ѕ": "dz",
        **dict(zip("αβγδεζηικλμνξοπρστυφχω", "avgdeziiklmnxoprstyfho", strict=True)),
        "θ": "th", "ψ": "ps",
        **_pairs(
            "ա:a բ:b գ:g դ:d ե:e զ:z է:e ը:y թ:t ժ:zh ի:i լ:l խ:kh ծ:ts կ:k հ:h ձ:dz ղ:gh ճ:ch մ:m յ:y "
            "ն:n շ:sh ո:o չ:ch պ:p ջ:j ռ:r ս:s վ:v տ:t ր:r ց:ts ւ:v փ:p ք:k օ:o ֆ:f"
        ),
        **_pairs(
            "ა:a ბ:b გ:g დ:d ე:e ვ:v ზ:z თ:t ი:i კ:k ლ:l მ:m ნ:n ო:o პ:p ჟ:zh რ:r ს:s ტ:t უ:u ფ:p ქ:k "
            "ღ:gh ყ:q შ:sh ჩ:ch ც:ts ძ:dz წ:ts ჭ:ch ხ:kh ჯ:j ჰ:h"
        ),
        "ə": "e", "ß": "ss", "'": "", "’": "",
    }
)  # fmt: skip
_NOT_LOCAL_PART = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class NamePool:
    female_first: tuple[str, ...]
    male_first: tuple[str, ...]
    female_last: tuple[str, ...]
    male_last: tuple[str, ...]

    def draw(self, rng: random.Random) -> tuple[str, str]:
        """A (first name, last name) pair, of one gender so gendered surnames agree."""
        if rng.random() < 0.72:  # most teachers in Europe are women
            return rng.choice(self.female_first), rng.choice(self.female_last)
        return rng.choice(self.male_first), rng.choice(self.male_last)


def _names(provider: type, *attributes: str) -> tuple[str, ...]:
    for attribute in attributes:
        values = getattr(provider, attribute, None)
        if values and len(values) > 2:
            return tuple(values)  # an OrderedDict of weights gives its keys
    return ()


def _feminine_polish(surname: str) -> str:
    for ending in ("ski", "cki", "dzki"):
        if surname.endswith(ending):
            return surname[:-1] + "a"
    return surname


def _faker_pool(locale: str) -> NamePool:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    female = _names(provider, "first_names_female", "first_names")
    male = _names(provider, "first_names_male", "first_names")
    last = _names(provider, "last_names", "last_names_male") + tuple(
        _EXTRA_LAST_NAMES.get(locale, "").split()
    )
    female_last = _names(provider, "last_names_female") or last
    male_last = _names(provider, "last_names_male") or last
    if locale == "pl_PL":
        male_last = _names(provider, "male_last_names") + _names(provider, "unisex_last_names")
        female_last = tuple(_feminine_polish(name) for name in male_last)
    elif locale == "is_IS":
        fathers = _names(provider, "last_names_without_suffix")
        male_last = tuple(f"{name}son" for name in fathers)  # "Jóns" + "son"
        female_last = tuple(f"{name}dóttir" for name in fathers)
    return NamePool(female, male, female_last, male_last)


@cache
def name_pool(locale: str) -> NamePool:
    if locale in _OWN_NAMES:
        female, male, last = (tuple(words.split()) for words in _OWN_NAMES[locale])
        return NamePool(female, male, last, last)
    return _faker_pool(locale)


@lru_cache(maxsize=1 << 16)  # names repeat: a cache hit is much cheaper than folding again
def email_word(name: str) -> str:
    """A name as the ASCII word of an e-mail address ("Ștefan-Ioan" -> "stefanioan")."""
    latin = unicodedata.normalize("NFC", fold(name)).translate(_TRANSLITERATION)
    return _NOT_LOCAL_PART.sub("", fold(latin)) or "teacher"

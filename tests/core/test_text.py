import pytest

from twinschools.core.text import fold, search_patterns, search_terms, searchable_text


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Școala Gimnazială", "scoala gimnaziala"),
        ("Şcoala (old cedilla)", "scoala old cedilla"),
        ("Colegiul Național „Mihai Eminescu”", "colegiul national mihai eminescu"),
        ("Institut de Lleida", "institut de lleida"),
        ("École Jules-Ferry", "ecole jules ferry"),
        ("Łódź", "lodz"),
        ("Gymnasium Straße", "gymnasium strasse"),
        ("L’Escola d’Olot", "l escola d olot"),
        ("Liceul „Ștefan cel Mare”", "liceul stefan cel mare"),
    ],
)
def test_folding_removes_case_diacritics_and_punctuation(written: str, typed: str) -> None:
    assert fold(written) == typed


def test_search_terms_are_folded_unique_and_longest_first() -> None:
    assert search_terms("  Școala scoala  NR 3 ") == ["scoala", "nr", "3"]


def test_short_words_are_searched_as_whole_words_in_padded_text() -> None:
    assert searchable_text("Școala nr. 3") == " scoala nr 3 "
    assert search_patterns("Școala nr. 3") == ["scoala", " nr ", " 3 "]

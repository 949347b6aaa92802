"""The mission pages come in Romanian and Catalan with none of our English sentences left."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from tests.core.test_languages import visible_text
from tests.mission.factories import InclusionMeasureFactory

MISSION_LOCALE = Path(settings.BASE_DIR) / "twinschools" / "mission" / "locale"


def english_sentences(language: str) -> set[str]:
    with (MISSION_LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    sentences = set()
    for key, translation in catalogue.items():
        msgid = (key[0] if isinstance(key, tuple) else key).split("\x04")[-1]
        if msgid and "%" not in msgid and " " in msgid and msgid != translation:
            sentences.add(msgid)
    return sentences


@pytest.mark.parametrize("language", ["ro", "ca"])
@pytest.mark.parametrize(
    "name",
    [
        "mission:overview",
        "mission:inclusion",
        "mission:inclusion_new",
        "mission:innovation",
        "mission:learning_organisation",
    ],
)
def test_mission_pages_have_no_untranslated_sentence(world: World, language: str, name: str) -> None:
    InclusionMeasureFactory(school=world.school_a, recorded_by=world.people["head_a"])
    client = signed_in(world.people["head_a"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse(name, args=[world.school_a.pk]))
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert [sentence for sentence in english_sentences(language) if sentence in text] == []

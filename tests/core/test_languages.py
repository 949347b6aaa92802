"""Pages come in the visitor's language, with no English left in ro and ca."""

from __future__ import annotations

import gettext
import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import World

TAGS = re.compile(r"<[^>]+>")


def english_sentences(language: str) -> set[str]:
    """Our English sentences that the language's catalogue translates differently."""
    mo_file = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.mo"
    assert mo_file.exists(), f"{mo_file} is missing: run `make messages`."
    with mo_file.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    sentences = set()
    for key, translation in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04")[-1]  # drop the pgettext context
        if msgid and "%" not in msgid and " " in msgid and msgid != translation:
            sentences.add(msgid)
    return sentences


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(TAGS.sub(" ", page)).split())


def pages(world: World) -> dict[str, tuple[str, str | None]]:
    return {
        "home": (reverse("core:home"), None),
        "directory": (reverse("network:directory") + "?q=scoala", None),
        "profile": (reverse("network:school", args=[world.school_a.pk]), "head_a"),
        "dashboard": (reverse("accounts:dashboard"), "teacher_a"),
        "team": (reverse("accounts:team", args=[world.school_a.pk]), "head_a"),
    }


@pytest.mark.parametrize("language", ["ro", "ca"])
@pytest.mark.parametrize("page_name", ["home", "directory", "profile", "dashboard", "team"])
def test_pages_have_no_untranslated_sentence(world: World, language: str, page_name: str) -> None:
    url, persona = pages(world)[page_name]
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if persona:
        client.force_login(world.people[persona], backend="twinschools.accounts.backends.AccountBackend")
    response = client.get(url)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert f'lang="{language}"' in response.content.decode()
    left_in_english = sorted(sentence for sentence in english_sentences(language) if sentence in text)
    assert left_in_english == []


@pytest.mark.parametrize(
    ("header", "language"), [("ro-RO,ro;q=0.9", "ro"), ("ca,es;q=0.8", "ca"), ("fr", "en")]
)
def test_the_language_comes_from_the_browser_when_none_was_chosen(
    db: None, header: str, language: str
) -> None:
    response = Client().get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE=header)
    assert f'<html lang="{language}">' in response.content.decode()


def test_a_chosen_language_is_remembered(db: None) -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": "ca", "next": "/"})
    response = client.get(reverse("network:directory"), HTTP_ACCEPT_LANGUAGE="ro")
    assert '<html lang="ca">' in response.content.decode()

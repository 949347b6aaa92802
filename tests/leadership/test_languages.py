"""The team, decision and inbox pages come in Romanian and Catalan with none of our English sentences left."""

from __future__ import annotations

import gettext
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.conftest import World
from tests.core.test_languages import visible_text
from tests.leadership.factories import ResponsibilityFactory, closed_proposal, open_proposal
from twinschools.leadership import services
from twinschools.leadership.models import Proposal

APPS = ("leadership", "notifications")


def english_sentences(language: str) -> set[str]:
    sentences = set()
    for app in APPS:
        path = (
            Path(settings.BASE_DIR) / "twinschools" / app / "locale" / language / "LC_MESSAGES" / "django.mo"
        )
        with path.open("rb") as handle:
            catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        for key, translation in catalogue.items():
            msgid = (key[0] if isinstance(key, tuple) else key).split("\x04")[-1]
            if msgid and "%" not in msgid and " " in msgid and msgid != translation:
                sentences.add(msgid)
    return sentences


@pytest.mark.parametrize("language", ["ro", "ca"])
def test_leadership_pages_have_no_untranslated_sentence(world: World, language: str) -> None:
    school, head = world.school_a, world.people["head_a"]
    ResponsibilityFactory(school=school, owner=world.people["team_a"])
    opened = open_proposal(school, world.people["team_a"], anonymous=True)
    decided = closed_proposal(school, world.people["team_a"])
    # Decided a month ago, so a review date yesterday is due (and not before the decision).
    Proposal.objects.filter(pk=decided.pk).update(closed_at=timezone.now() - timedelta(days=30))
    decided.refresh_from_db()
    services.record_outcome(
        proposal=decided,
        statement="x",
        responsible=[head],
        review_on=timezone.localdate() - timedelta(days=1),
        by=head,
    )
    client = signed_in(head)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    urls = [
        reverse("leadership:team", args=[school.pk]),
        reverse("leadership:decisions", args=[school.pk]),
        reverse("leadership:decisions", args=[school.pk]) + "?filter=review",
        reverse("leadership:new_proposal", args=[school.pk]),
        reverse("leadership:new_responsibility", args=[school.pk]),
        reverse("leadership:proposal", args=[opened.pk]),
        reverse("leadership:proposal", args=[decided.pk]),
        reverse("leadership:record_outcome", args=[decided.pk]),
        reverse("notifications:inbox"),
    ]
    english = english_sentences(language)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        assert [sentence for sentence in english if sentence in text] == [], url

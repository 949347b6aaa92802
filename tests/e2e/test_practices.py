"""A practice shared with the network, found through a Catalan approach term, adapted with credit;
and every page of the library checked with axe in English, Romanian and Catalan."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import at
from tests.practices.factories import CommentFactory, PracticeFactory, TriedFactory
from twinschools.practices.models import Practice, Visibility

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TITLE = "Apa din orașul nostru"


def share_practice(page: Any, school_pk: int) -> None:
    page.goto(reverse("practices:create", args=[school_pk]))
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Summary").fill("Elevii urmăresc acasă un film și măsoară apa la oră.")
    page.get_by_label("Full description").fill("Lucru pe grupe, cu partenerii din Lleida.")
    page.get_by_label("Language of the text").select_option("ro")
    page.get_by_label("Flipped classroom").check()
    page.get_by_label("Everyone signed in to TwinSchools").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save the practice").click()


def search_live(page: Any, words: str) -> None:
    """Type into the search box and wait for HTMX's answer."""

    def is_live_search(response: Any) -> bool:
        return response.request.headers.get("hx-request") == "true" and "q=" in response.request.url

    with page.expect_response(is_live_search) as answer:
        page.get_by_label("Words or approach").fill(words)
    assert answer.value.ok


def test_a_practice_shared_with_the_network_is_found_in_catalan_adapted_and_credited(
    world: World, new_page: NewPage
) -> None:
    author = new_page(user=world.people["teacher_a"])
    share_practice(author, world.school_a.pk)
    expect(author.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(author.get_by_role("status")).to_contain_text("Your practice was saved.")
    original = Practice.objects.get(title=TITLE)

    colleague = new_page(user=world.people["teacher_b"])
    colleague.goto(reverse("practices:library"))
    search_live(colleague, "aula invertida")
    results = colleague.locator("#results")
    expect(results.get_by_role("link")).to_have_text([TITLE])
    expect(results).to_contain_text("Flipped classroom")

    with colleague.expect_navigation():
        results.get_by_role("link", name=TITLE).click()
    with colleague.expect_navigation():
        colleague.get_by_role("link", name="Adapt it for my school").click()
    colleague.get_by_label("Adapt it for").select_option(label="Liceul Teoretic Bistrița")
    with colleague.expect_navigation():
        colleague.get_by_role("button", name="Create my adaptation").click()

    copy = Practice.objects.get(adapted_from=original)
    expect(colleague).to_have_url(at(reverse("practices:edit", args=[copy.pk])))
    expect(colleague.locator(".credit")).to_contain_text(
        f"Adapted from “{TITLE}” by Teacher A, Școala Gimnazială „Avram Iancu”."
    )
    colleague.get_by_label("Title", exact=True).fill("Apa din Bistrița")
    colleague.get_by_label("Everyone signed in to TwinSchools").check()
    with colleague.expect_navigation():
        colleague.get_by_role("button", name="Save the changes").click()

    expect(colleague.get_by_role("heading", level=1)).to_have_text("Apa din Bistrița")
    credit = colleague.locator(".credit")
    expect(credit).to_contain_text("Adapted from")
    expect(credit.get_by_role("link", name=f"“{TITLE}”")).to_have_attribute(
        "href", reverse("practices:detail", args=[original.pk])
    )

    author.reload()
    adaptations = author.get_by_role("region", name="Adaptations")
    expect(adaptations.get_by_role("link", name="Apa din Bistrița")).to_be_visible()


def test_the_library_works_without_javascript(world: World, new_page: NewPage) -> None:
    PracticeFactory(
        school=world.school_a, visibility=Visibility.PUBLIC, title="Outdoor maths", approaches=["outdoor"]
    )
    PracticeFactory(school=world.school_a, visibility=Visibility.PUBLIC, title="Quiet reading")
    page = new_page(java_script_enabled=False)
    page.goto(reverse("practices:library"))
    page.get_by_label("Words or approach").fill("aprenentatge a l'aire lliure")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    expect(page.locator("#results").get_by_role("link")).to_have_text(["Outdoor maths"])
    expect(page).to_have_url(re.compile(r"q=aprenentatge"))


def lived_in_practice(world: World) -> Practice:
    practice = PracticeFactory(
        school=world.school_a,
        author=world.people["teacher_a"],
        visibility=Visibility.NETWORK,
        title="Clasa inversată",
        language="ro",
        approaches=["flipped", "collaborative"],
    )
    PracticeFactory(
        school=world.school_b, adapted_from=practice, visibility=Visibility.NETWORK, title="Adaptare"
    )
    CommentFactory(practice=practice, author=world.people["teacher_b"], school=world.school_b)
    TriedFactory(practice=practice, user=world.people["head_a"], school=world.school_a, note="Bine")
    return practice


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_library_pages_have_no_accessibility_violations(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    practice = lived_in_practice(world)
    page = new_page(user=world.people["teacher_b"], language=language)

    page.goto(reverse("practices:library") + "?q=inversata")
    expect(page.locator("#results .practice-card")).to_have_count(1)
    assert_accessible(page, f"network library ({language})")

    page.goto(reverse("practices:detail", args=[practice.pk]))
    assert_accessible(page, f"practice page ({language})")

    page.goto(reverse("practices:adapt", args=[practice.pk]))
    assert_accessible(page, f"adapt page ({language})")

    head = new_page(user=world.people["head_a"], language=language)
    head.goto(reverse("practices:school_library", args=[world.school_a.pk]))
    expect(head.locator(".practice-card")).to_have_count(1)
    assert_accessible(head, f"school library ({language})")

    head.goto(reverse("practices:create", args=[world.school_a.pk]))
    head.locator("#id_age_min").fill("14")
    head.locator("#id_age_max").fill("9")
    with head.expect_navigation():
        head.locator("form.practice-form [type=submit]").click()
    expect(head.locator(".errorlist").first).to_be_visible()
    assert_accessible(head, f"practice form with errors ({language})")

    head.goto(reverse("practices:delete", args=[practice.pk]))
    assert_accessible(head, f"delete page ({language})")

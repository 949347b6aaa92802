"""The application, one section at a time: the section list, autosave on a later section, and the
warning before leaving with unsaved text; the page fits a phone."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.applications.factories import application_of
from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import at
from twinschools.applications.models import Part

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# Whether leaving now would ask: the page's beforeunload handlers cancel the event. (Chromium
# shows its own prompt only after a real gesture, so the test asks the handlers directly.)
WOULD_ASK = """() => {
  const event = new Event("beforeunload", {cancelable: true});
  window.dispatchEvent(event);
  return event.defaultPrevented;
}"""


def test_a_teacher_moves_through_the_sections_and_the_list_counts_her_answers(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.filter(section__kind="commitment-2", statement__isnull=False).get()
    ana = new_page(user=world.people["teacher_a"])
    ana.goto(reverse("applications:detail", args=[app.pk]))
    sections = ana.get_by_role("navigation", name="Sections of the application")
    expect(sections).to_contain_text("0 of 3 parts answered")
    with ana.expect_navigation():
        ana.get_by_role("link", name="Next: Shared leadership").click()
    with ana.expect_navigation():
        ana.get_by_role("link", name="Next: Collaboration").click()
    expect(ana).to_have_url(at(reverse("applications:section", args=[app.pk, 3])))
    assert_accessible(ana, "section 3 (teacher, en)")

    ana.locator(f"#part-{part.pk}-text").fill("We plan our projects together.")
    expect(ana.locator(f"#part-{part.pk}-status")).to_have_text("Saved.", timeout=10_000)
    assert Part.objects.get(pk=part.pk).text == "We plan our projects together."
    ana.reload()
    expect(sections.get_by_role("listitem").nth(2)).to_contain_text("1 of 2 parts answered")
    with ana.expect_navigation():
        sections.get_by_role("link", name="eSafety policy").click()
    expect(ana).to_have_url(at(reverse("applications:detail", args=[app.pk])))


def test_leaving_with_unsaved_text_asks_first_and_saved_text_leaves_quietly(
    world: World, new_page: NewPage
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    ana = new_page(user=world.people["teacher_a"])
    ana.goto(reverse("applications:detail", args=[app.pk]))
    assert not ana.evaluate(WOULD_ASK)  # nothing typed yet

    box = ana.locator(f"#part-{part.pk}-text")
    box.click()
    box.press_sequentially("Not saved yet")
    assert ana.evaluate(WOULD_ASK)  # before the autosave's pause is over

    expect(ana.locator(f"#part-{part.pk}-status")).to_have_text("Saved.", timeout=10_000)
    assert not ana.evaluate(WOULD_ASK)


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_a_section_page_fits_a_phone_and_is_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    head = new_page(user=world.people["head_a"], language=language, viewport=PHONE)
    head.goto(reverse("applications:section", args=[app.pk, 2]))
    assert head.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(head, f"section 2 on a phone ({language})")

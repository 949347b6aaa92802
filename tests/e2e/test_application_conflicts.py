"""Issue 11 §1 in the browser: co-written text is never lost.

The head and a teacher type into the same answer in two browser contexts; the teacher gets the
conflict, then leaves through a header link or a reload. A save that fails keeps the text in the
browser and offers it back.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.applications.factories import application_of
from tests.conftest import World
from tests.e2e.conftest import NewPage
from twinschools.applications import services
from twinschools.applications.models import Part, PartConflict

pytestmark = pytest.mark.browser

HEAD = "The head says: we meet every month."
TEACHER = "The teacher says: we meet every week."


def _kept(part: Part, *sentences: str) -> None:
    """Each sentence is in the part's text or in an open conflict: never silently gone."""
    part.refresh_from_db()
    pending = " ".join(
        PartConflict.objects.filter(part=part, resolved_at__isnull=True).values_list("text", flat=True)
    )
    for sentence in sentences:
        assert sentence in part.text or sentence in pending, f"lost: {sentence!r}"


def _type(page: Any, selector: str, text: str) -> None:
    """Type like a person (key by key, which is also what lets the page ask before leaving)."""
    box = page.locator(selector)
    box.click()
    box.press("Control+A")
    box.press("Delete")
    box.press_sequentially(text, delay=5)


def test_a_conflict_survives_leaving_by_a_header_link_and_a_reload(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    services.save_part(part=part, text="We meet.", base_revision=0, by=world.people["head_a"])
    url = reverse("applications:detail", args=[app.pk])
    box, status, other = f"#part-{part.pk}-text", f"#part-{part.pk}-status", f"#part-{part.pk}-other"

    head = new_page(user=world.people["head_a"], language="en")
    head.goto(url)
    teacher = new_page(user=world.people["teacher_a"], language="en")
    teacher.goto(url)

    _type(head, box, HEAD)
    expect(head.locator(status)).to_have_text("Saved.")
    _type(teacher, box, TEACHER)
    expect(teacher.locator(status)).to_contain_text("Not saved: someone else changed the same lines.")
    expect(teacher.locator(other)).to_contain_text(HEAD)
    expect(teacher.get_by_role("button", name="Keep both versions")).to_be_visible()
    assert_accessible(teacher, "conflict shown (teacher, en)")

    # She only clicks a link in the header: leaving the box fires the autosave, and the page asks.
    asked: list[str] = []

    def stay(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    teacher.on("dialog", stay)
    teacher.locator(box).press("End")
    teacher.locator(box).press_sequentially(" Or every fortnight.", delay=5)
    teacher.get_by_role("banner").get_by_role("link", name="Directory of schools").click()
    teacher.wait_for_timeout(2_000)
    assert asked == ["beforeunload"]
    assert teacher.url.endswith(url)
    part.refresh_from_db()
    assert part.text == HEAD, "the autosave on leaving the box replaced the head's text"
    _kept(part, HEAD, TEACHER + " Or every fortnight.")

    # A reload asks too, while the box is in conflict.
    asked.clear()
    teacher.evaluate("() => { setTimeout(() => window.location.reload(), 0); }")  # like pressing F5
    teacher.wait_for_timeout(1_000)
    assert asked == ["beforeunload"]
    assert teacher.locator(box).input_value() == TEACHER + " Or every fortnight."
    # She leaves anyway: her version waits on the server and comes back in her box.
    teacher.remove_listener("dialog", stay)
    teacher.on("dialog", lambda dialog: dialog.accept())
    teacher.reload()
    expect(teacher.locator(box)).to_have_value(TEACHER + " Or every fortnight.")
    expect(teacher.locator(other)).to_contain_text(HEAD)
    _kept(part, HEAD, TEACHER + " Or every fortnight.")

    # The head cannot sign over the open conflict: the page says which part.
    head.goto(reverse("applications:sign", args=[app.pk]))
    expect(head.get_by_role("main")).to_contain_text("has versions in conflict (by Teacher A)")

    # The teacher keeps both: the part holds both sentences, and the head is told.
    with teacher.expect_navigation():
        teacher.get_by_role("button", name="Keep both versions").click()
    expect(teacher.get_by_role("status").first).to_contain_text("both versions were kept")
    part.refresh_from_db()
    assert HEAD in part.text and TEACHER + " Or every fortnight." in part.text
    assert not PartConflict.objects.filter(part=part, resolved_at__isnull=True).exists()
    assert world.people["head_a"].notifications.filter(kind=services.CONFLICT_RESOLVED).exists()


def test_a_failed_save_keeps_the_text_in_the_browser_and_offers_it_back(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    url = reverse("applications:detail", args=[app.pk])
    box, status = f"#part-{part.pk}-text", f"#part-{part.pk}-status"
    teacher = new_page(user=world.people["teacher_a"], language="en")
    teacher.on("dialog", lambda dialog: dialog.accept())
    teacher.goto(url)

    # The network fails.
    teacher.route(f"**/applications/parts/{part.pk}/", lambda route: route.abort())
    _type(teacher, box, "Written while the network was down.")
    expect(teacher.locator(status)).to_contain_text("Not saved: the connection failed.")
    teacher.unroute(f"**/applications/parts/{part.pk}/")
    teacher.reload()
    offer = teacher.locator(f"#part-{part.pk}-draft")
    expect(offer).to_contain_text("You have unsaved text from")
    assert_accessible(teacher, "unsaved text offered back (teacher, en)")
    teacher.get_by_role("button", name="Restore the unsaved text").click()
    expect(teacher.locator(box)).to_have_value("Written while the network was down.")
    expect(teacher.locator(status)).to_have_text("Saved.")
    assert Part.objects.get(pk=part.pk).text == "Written while the network was down."

    # The session expires: the save is sent on to the sign-in page, and the text stays here.
    teacher.context.clear_cookies()
    _type(teacher, box, "Written after the session ended.")
    expect(teacher.locator(status)).to_contain_text("Not saved: you are no longer signed in.")
    assert Part.objects.get(pk=part.pk).text == "Written while the network was down."
    stored = teacher.evaluate("() => JSON.stringify(Object.assign({}, window.localStorage))")
    assert "Written after the session ended." in stored


def test_the_conflict_offer_and_its_buttons_are_translated(world: World, new_page: NewPage) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    services.save_part(part=part, text="Head.", base_revision=0, by=world.people["head_a"])
    services.save_part(part=part, text="Teacher.", base_revision=0, by=world.people["teacher_a"])
    teacher = new_page(user=world.people["teacher_a"], language="ro")
    teacher.goto(reverse("applications:detail", args=[app.pk]))
    expect(teacher.locator(f"#part-{part.pk}-other")).to_contain_text("Head.")
    expect(teacher.locator(f"#part-{part.pk}-text")).to_have_value("Teacher.")
    assert "Keep both versions" not in teacher.locator(f"#part-{part.pk}-other").inner_text()

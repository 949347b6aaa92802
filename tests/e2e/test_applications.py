"""Two teachers co-write a part in two browser contexts; the head signs and submits in Romanian."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.applications.factories import application_of, fill
from tests.conftest import World
from tests.e2e.conftest import NewPage
from twinschools.applications import services
from twinschools.applications.models import Part, PartRevision, Status

pytestmark = pytest.mark.browser


def test_two_teachers_co_write_a_part_and_the_head_signs_and_submits(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    fill(app, world.people["head_a"])
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    services.save_part(
        part=part,
        text="First line.\nMiddle line.\nLast line.",
        base_revision=part.revision,
        by=world.people["head_a"],
    )
    url = reverse("applications:detail", args=[app.pk])
    box = f"#part-{part.pk}-text"

    ana = new_page(user=world.people["teacher_a"], language="en")
    ana.goto(url)
    assert_accessible(ana, "application (teacher, en)")
    bogdan = new_page(user=world.people["team_a"], language="ro")
    bogdan.goto(url)
    assert_accessible(bogdan, "application (team, ro)")

    # Both opened the same revision; Ana changes the first line, Bogdan the last one.
    ana.locator(box).fill("First line, by Ana.\nMiddle line.\nLast line.")
    expect(ana.locator(f"#part-{part.pk}-status")).to_have_text("Saved.", timeout=10_000)
    bogdan.locator(box).fill("First line.\nMiddle line.\nLast line, by Bogdan.")
    expect(bogdan.locator(f"#part-{part.pk}-status")).to_contain_text("îmbinat", timeout=10_000)
    merged = "First line, by Ana.\nMiddle line.\nLast line, by Bogdan."
    expect(bogdan.locator(box)).to_have_value(merged)
    assert Part.objects.get(pk=part.pk).text == merged

    # Ana, still on her old revision, rewrites the last line too: a conflict shows both, nothing is lost.
    ana.locator(box).fill("First line, by Ana.\nMiddle line.\nLast line, rewritten by Ana.")
    expect(ana.locator(f"#part-{part.pk}-other")).to_contain_text("Last line, by Bogdan.", timeout=10_000)
    expect(ana.locator(box)).to_have_value("First line, by Ana.\nMiddle line.\nLast line, rewritten by Ana.")
    assert Part.objects.get(pk=part.pk).text == merged
    assert_accessible(ana, "conflict shown (teacher, en)")
    assert PartRevision.objects.filter(part=part, text=merged).exists()

    # The head cannot sign over the open conflict; the sign page names the part.
    head = new_page(user=world.people["head_a"], language="ro")
    head.goto(reverse("applications:sign", args=[app.pk]))
    expect(head.get_by_role("main")).to_contain_text("are versiuni în conflict (de la Teacher A)")
    # Ana combines the two in her box and saves that as the resolution.
    combined = "First line, by Ana.\nMiddle line.\nLast line, by Bogdan, rewritten by Ana."
    ana.locator(box).fill(combined)
    with ana.expect_navigation():
        ana.get_by_role("button", name="Save my box as the combined text").click()
    expect(ana.locator(box)).to_have_value(combined)
    assert Part.objects.get(pk=part.pk).text == combined
    head.reload()
    expect(head.get_by_role("main")).not_to_contain_text("în conflict")
    assert_accessible(head, "sign (head, ro)")
    head.get_by_label("Declar pe propria răspundere").check()
    with head.expect_navigation():
        head.get_by_role("button", name="Semnează și depune candidatura").click()
    expect(head.get_by_role("status")).to_contain_text("Candidatura a fost semnată și depusă.")
    assert_accessible(head, "receipt (head, ro)")
    app.refresh_from_db()
    assert app.status == Status.SUBMITTED
    expect(head.locator("code.hash")).to_have_text(app.submissions.get().content_hash)


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_application_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    head = new_page(user=world.people["head_a"], language=language)
    for url in (
        reverse("applications:school", args=[world.school_a.pk]),
        reverse("applications:detail", args=[app.pk]),
        reverse("applications:sign", args=[app.pk]),
        reverse("applications:designate", args=[app.pk]),
    ):
        head.goto(url)
        assert_accessible(head, f"{url} ({language})")
    fill(app, world.people["head_a"])
    submission = services.sign_and_submit(application=app, by=world.people["head_a"], declaration=True)
    head.goto(reverse("applications:receipt", args=[submission.pk]))
    assert_accessible(head, f"receipt ({language})")
    nso = new_page(user=world.people["nso_x"], language=language)
    nso.goto(reverse("applications:nso_list"))
    assert_accessible(nso, f"NSO list ({language})")


def test_words_typed_while_a_merged_save_is_on_its_way_are_never_overwritten(
    world: World, new_page: NewPage
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    services.save_part(
        part=part, text="One.\nTwo.\nThree.", base_revision=part.revision, by=world.people["head_a"]
    )
    box = f"#part-{part.pk}-text"
    ana = new_page(user=world.people["teacher_a"], language="en")
    ana.goto(reverse("applications:detail", args=[app.pk]))
    # Bogdan saves the last line while Ana's page still holds the revision she opened.
    part.refresh_from_db()
    services.save_part(part=part, text="One.\nTwo.\nThree, by Bogdan.", base_revision=part.revision,
                       by=world.people["team_a"])  # fmt: skip

    held = []
    ana.route(
        f"**/applications/parts/{part.pk}/", lambda route: held.append(route)
    )  # hold Ana's save on its way
    ana.locator(box).fill("One, by Ana.\nTwo.\nThree.")
    ana.wait_for_timeout(2_500)  # the autosave fires after 1.5 s of quiet
    assert held, "the autosave did not fire"
    ana.locator(box).press("End")
    ana.locator(box).type(" More words.")  # typed while the save is on its way
    held.pop().continue_()

    # The reply merged Bogdan's line, but Ana's box keeps every word she typed; her next save
    # merges them, or shows both versions: nothing is lost.
    ana.unroute(f"**/applications/parts/{part.pk}/")
    expect(ana.locator(box)).to_have_value("One, by Ana.\nTwo.\nThree. More words.", timeout=1_000)
    ana.wait_for_timeout(3_000)
    stored = Part.objects.get(pk=part.pk).text
    other = ana.locator(f"#part-{part.pk}-other").inner_text()
    assert "More words." in stored + ana.locator(box).input_value()
    assert "Three, by Bogdan." in stored + other

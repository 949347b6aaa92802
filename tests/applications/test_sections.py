"""The application is written one section at a time, with every section's progress beside it."""

from __future__ import annotations

from django.urls import reverse

from tests.applications.factories import application_of, fill
from tests.clients import signed_in
from tests.conftest import World
from twinschools.applications import services
from twinschools.applications.models import Part


def _section_url(app, number: int) -> str:
    return reverse("applications:section", args=[app.pk, number])


def _parts_of(app, kind: str):
    return list(app.parts.filter(section__kind=kind).order_by("statement__order", "pk"))


def test_the_section_list_counts_the_parts_answered_and_the_open_comments(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    leadership = _parts_of(app, "commitment-1")  # two statements and the plan
    services.save_part(part=leadership[0], text="Shared.", base_revision=0, by=world.people["teacher_a"])
    services.save_part(part=leadership[1], text="   ", base_revision=0, by=world.people["teacher_a"])
    services.add_comment(
        application=app, section_id=leadership[0].section_id, text="More?", by=world.people["team_a"]
    )
    body = signed_in(world.people["teacher_a"]).get(_section_url(app, 2)).content.decode()
    assert "1 of 3 parts answered" in body and "1 open comment" in body
    assert "0 of 1 part answered" in body  # the eSafety section
    assert "Complete" not in body


def test_a_section_whose_parts_are_all_answered_is_marked_complete(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    fill(app, world.people["teacher_a"])
    body = signed_in(world.people["teacher_a"]).get(reverse("applications:detail", args=[app.pk])).content
    # four sections; the list is drawn twice: beside the form on a desktop, folded on a phone
    assert body.decode().count("Complete") == 8


def test_a_section_page_shows_only_its_own_parts_with_a_full_editor_and_its_limit(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    body = signed_in(world.people["teacher_a"]).get(_section_url(app, 2)).content.decode()
    for part in _parts_of(app, "commitment-1"):
        assert f'id="part-{part.pk}-text"' in body
    for part in _parts_of(app, "esafety"):
        assert f'id="part-{part.pk}-text"' not in body
    assert 'maxlength="20000"' in body and "At most 20,000 characters." in body
    assert "Section 2 of 4" in body


def test_previous_and_next_lead_through_the_sections_and_the_first_is_the_application_itself(
    world: World,
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    client = signed_in(world.people["head_a"])
    first = reverse("applications:detail", args=[app.pk])
    body = client.get(_section_url(app, 2)).content.decode()
    assert f'rel="prev" href="{first}"' in body and f'rel="next" href="{_section_url(app, 3)}"' in body
    last = client.get(_section_url(app, 4)).content.decode()
    assert 'rel="next"' not in last and "Sign and submit" in last
    assert client.get(_section_url(app, 1)).url == first
    assert client.get(_section_url(app, 5)).status_code == 404
    assert client.get(_section_url(app, 0)).status_code == 404


def test_saving_a_part_without_javascript_goes_back_to_its_section(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = _parts_of(app, "commitment-2")[0]
    response = signed_in(world.people["teacher_a"]).post(
        reverse("applications:save_part", args=[part.pk]), {"text": "We plan together.", "base_revision": 0}
    )
    assert response.status_code == 302
    assert response.url == _section_url(app, 3) + f"#part-{part.pk}"


def test_a_save_on_a_section_page_still_merges_with_a_save_made_at_the_same_time(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = _parts_of(app, "commitment-2")[0]
    services.save_part(part=part, text="One.\nTwo.\nThree.", base_revision=0, by=world.people["head_a"])
    part.refresh_from_db()
    services.save_part(part=part, text="One.\nTwo.\nThree, by the team.", base_revision=1,
                       by=world.people["team_a"])  # fmt: skip
    response = signed_in(world.people["teacher_a"]).post(
        reverse("applications:save_part", args=[part.pk]),
        {"text": "One, by the teacher.\nTwo.\nThree.", "base_revision": 1},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "merged with the changes of" in response.content.decode()
    assert Part.objects.get(pk=part.pk).text == "One, by the teacher.\nTwo.\nThree, by the team."


def test_a_conflict_without_javascript_is_shown_on_the_parts_own_section(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = _parts_of(app, "commitment-2")[0]
    services.save_part(part=part, text="Ana wrote this.", base_revision=0, by=world.people["teacher_a"])
    response = signed_in(world.people["team_a"]).post(
        reverse("applications:save_part", args=[part.pk]), {"text": "Team wrote that.", "base_revision": 0}
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Section 3 of 4" in body and "Team wrote that.</textarea>" in body and "Ana wrote this." in body


def test_evidence_and_comments_go_back_to_the_section_they_were_given_for(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    section = app.round.form_version.sections.get(kind="commitment-2")
    client = signed_in(world.people["teacher_a"])
    response = client.post(
        reverse("applications:add_evidence", args=[app.pk]),
        {"section": section.pk, "title": "Minutes", "url": "https://example.org/minutes"},
    )
    assert response.url == _section_url(app, 3) + "#evidence"
    response = client.post(
        reverse("applications:comment", args=[app.pk]), {"section": section.pk, "text": "Add the dates."}
    )
    assert response.url == _section_url(app, 3) + "#comments"
    body = client.get(_section_url(app, 3)).content.decode()
    assert "Minutes" in body and "Add the dates." in body

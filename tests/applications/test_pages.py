from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.applications.factories import application_of, fill
from tests.clients import signed_in
from tests.conftest import World
from twinschools.applications import services
from twinschools.applications.models import Evidence, Part, PartConflict


def _esafety(app):
    return app.round.form_version.sections.get(kind="esafety")


def test_a_file_is_type_checked_and_served_only_to_those_who_read_the_application(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    client = signed_in(world.people["teacher_a"])
    url = reverse("applications:add_evidence", args=[app.pk])
    fake = SimpleUploadedFile("policy.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url, {"section": _esafety(app).pk, "file": fake}, follow=True)
    assert "does not look like the kind of file" in response.content.decode()
    script = SimpleUploadedFile("run.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post(url, {"section": _esafety(app).pk, "file": script}, follow=True)
    assert "is not a file type we keep" in response.content.decode()
    pdf = SimpleUploadedFile("policy.pdf", b"%PDF-1.4 our policy", content_type="application/pdf")
    client.post(url, {"section": _esafety(app).pk, "file": pdf})
    evidence = Evidence.objects.get()
    file_url = reverse("applications:evidence_file", args=[evidence.pk])
    response = client.get(file_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 our policy"
    assert response["Cache-Control"] == "private, no-store"
    assert signed_in(world.people["teacher_b"]).get(file_url).status_code == 404
    from django.test import Client

    assert Client().get(file_url).status_code == 302


def test_files_over_the_size_setting_are_refused(world: World, settings) -> None:
    settings.EVIDENCE_MAX_MB = 1
    app = application_of(world.school_a, world.people["head_a"])
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (1024 * 1024 + 1), content_type="application/pdf")
    response = signed_in(world.people["teacher_a"]).post(
        reverse("applications:add_evidence", args=[app.pk]),
        {"section": _esafety(app).pk, "file": big},
        follow=True,
    )
    assert "is larger than 1 MB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_an_autosave_answers_htmx_with_the_new_revision_and_a_status(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.first()
    client = signed_in(world.people["teacher_a"])
    response = client.post(
        reverse("applications:save_part", args=[part.pk]),
        {"text": "Written by Teacher A.", "base_revision": 0},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Saved." in body
    assert f'id="part-{part.pk}-base" value="1" hx-swap-oob="true"' in body


def test_without_javascript_a_conflicting_save_shows_both_versions_and_keeps_the_writers_text(
    world: World,
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.first()
    services.save_part(part=part, text="Ana wrote this.", base_revision=0, by=world.people["teacher_a"])
    response = signed_in(world.people["team_a"]).post(
        reverse("applications:save_part", args=[part.pk]), {"text": "Team wrote that.", "base_revision": 0}
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Team wrote that.</textarea>" in body
    assert "The saved text, by Teacher A on" in body and "Ana wrote this." in body
    assert "Your version, not saved over it" in body and "Keep both versions" in body
    assert Part.objects.get(pk=part.pk).text == "Ana wrote this."
    conflict = PartConflict.objects.get(part=part)
    assert f'name="conflict" id="part-{part.pk}-conflict" value="{conflict.pk}"' in body
    # The buttons beside the versions work without JavaScript too.
    response = signed_in(world.people["team_a"]).post(
        reverse("applications:resolve_conflict", args=[part.pk]),
        {
            "resolve": f"{conflict.pk}:both",
            "revision": 1,
            "text": "Team wrote that.",
            "conflict": conflict.pk,
        },
        follow=True,
    )
    assert "both versions were kept" in response.content.decode()
    assert Part.objects.get(pk=part.pk).text == "Ana wrote this.\nTeam wrote that."


def test_an_autosave_while_a_conflict_is_open_answers_with_the_conflict_and_keeps_the_text(
    world: World,
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.first()
    services.save_part(part=part, text="Ana wrote this.", base_revision=0, by=world.people["teacher_a"])
    client = signed_in(world.people["team_a"])
    url = reverse("applications:save_part", args=[part.pk])
    first = client.post(url, {"text": "Team wrote that.", "base_revision": 0}, HTTP_HX_REQUEST="true")
    conflict = PartConflict.objects.get(part=part)
    body = first.content.decode()
    assert "Not saved: someone else changed the same lines." in body
    assert f'id="part-{part.pk}-conflict" value="{conflict.pk}" hx-swap-oob="true"' in body
    # The base stays the revision the writer started from; the reply never refreshes it.
    assert f'id="part-{part.pk}-base" value="0" hx-swap-oob="true"' in body
    again = client.post(
        url,
        {"text": "Team wrote that, and more.", "base_revision": 1, "conflict": conflict.pk},
        HTTP_HX_REQUEST="true",
    )
    assert "Not saved over the other text" in again.content.decode()
    assert Part.objects.get(pk=part.pk).text == "Ana wrote this."
    conflict.refresh_from_db()
    assert conflict.text == "Team wrote that, and more." and conflict.is_open


def test_the_sign_page_lists_the_open_conflicts_and_comments(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    fill(app, world.people["teacher_a"])
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    services.save_part(part=part, text="Other words.", base_revision=0, by=world.people["team_a"])
    services.add_comment(
        application=app, section_id=part.section_id, text="Is this right?", by=world.people["teacher_a"]
    )
    client = signed_in(world.people["head_a"])
    body = client.get(reverse("applications:sign", args=[app.pk])).content.decode()
    assert "has versions in conflict (by Team A)" in body
    assert "1 comment is not resolved: “Is this right?”" in body
    response = client.post(reverse("applications:sign", args=[app.pk]), {"declaration": "on"})
    assert response.status_code == 400 and not app.submissions.exists()


def test_the_head_signs_through_the_page_and_gets_a_receipt(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    client = signed_in(world.people["head_a"])
    response = client.post(reverse("applications:sign", args=[app.pk]), {"declaration": "on"})
    assert response.status_code == 400
    assert "has no plan for the next two years yet" in response.content.decode()
    fill(app, world.people["teacher_a"])
    response = client.post(reverse("applications:sign", args=[app.pk]), {"declaration": "on"}, follow=True)
    body = response.content.decode()
    assert "The application was signed and submitted." in body
    assert app.submissions.get().content_hash in body


def test_a_teacher_sees_no_sign_link_and_pupils_see_nothing(world: World) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    body = (
        signed_in(world.people["teacher_a"])
        .get(reverse("applications:detail", args=[app.pk]))
        .content.decode()
    )
    assert reverse("applications:sign", args=[app.pk]) not in body
    assert (
        signed_in(world.people["student_a"]).get(reverse("applications:detail", args=[app.pk])).status_code
        == 404
    )


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_application_page_costs_the_same_queries_for_one_or_many_items(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    section = _esafety(app)
    for number in range(how_many):
        for part in app.parts.all():
            part.refresh_from_db()
            services.save_part(
                part=part, text=f"v{number}", base_revision=part.revision, by=world.people["teacher_a"]
            )
        services.add_evidence(
            application=app,
            section_id=section.pk,
            by=world.people["teacher_a"],
            url=f"https://example.org/{number}",
        )
        services.add_comment(
            application=app, section_id=section.pk, text=f"Note {number}", by=world.people["team_a"]
        )
    client = signed_in(world.people["teacher_a"])
    # one query per evidence provider (six workspace apps) among them, and two for conflicts
    # (the section's parts' conflicts, and the sections with parts in conflict)
    with django_assert_num_queries(25):  # type: ignore[operator]
        assert client.get(reverse("applications:detail", args=[app.pk])).status_code == 200


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_nso_list_costs_the_same_queries_for_one_or_many_applications(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    from tests import factories
    from tests.applications.factories import eligible, open_round

    round = open_round()
    for number in range(how_many):
        school = world.school_a if number == 0 else factories.SchoolFactory(country=world.school_a.country)
        eligible(round, school)
        services.start_application(school=school, round=round, by=world.people["head_a"])
    client = signed_in(world.people["nso_x"])
    with django_assert_num_queries(6):  # type: ignore[operator]
        response = client.get(reverse("applications:nso_list") + f"?round={round.pk}")
    assert response.content.decode().count("/applications/") >= how_many


def test_the_conflict_reply_writes_times_in_the_schools_zone(world: World) -> None:
    """A part belongs to the applying school, so its replies read Bucharest time, not the server's."""
    import datetime

    from django.utils import timezone
    from django.utils.formats import date_format

    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.first()
    services.save_part(part=part, text="Ana wrote this.", base_revision=0, by=world.people["teacher_a"])
    saved_at = Part.objects.get(pk=part.pk).updated_at
    reply = signed_in(world.people["team_a"]).post(
        reverse("applications:save_part", args=[part.pk]),
        {"text": "Team wrote that.", "base_revision": 0},
        HTTP_HX_REQUEST="true",
    )
    bucharest = timezone.localtime(saved_at, datetime.timezone(datetime.timedelta(hours=2)))
    assert date_format(bucharest, "DATETIME_FORMAT") in reply.content.decode()

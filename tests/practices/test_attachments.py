"""Attachments: kept in private storage, checked for size and type, downloaded only by readers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from tests.practices.factories import PracticeFactory
from tests.practices.test_writes import FORM
from twinschools.practices import services
from twinschools.practices.models import Attachment, Practice, Visibility

PDF = b"%PDF-1.4\n% a small plan\n"


def pdf(name: str = "plan.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def share_with_file(world: World, upload: SimpleUploadedFile, **changes: str) -> object:
    client = signed_in(world.people["teacher_a"])
    return client.post(
        reverse("practices:create", args=[world.school_a.pk]), {**FORM, **changes, "files": [upload]}
    )


def test_a_pdf_is_stored_under_the_private_media_root_and_downloaded_by_a_reader(
    world: World, private_media: Path
) -> None:
    response = share_with_file(world, pdf(), visibility="school")
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert Path(attachment.file.path).is_relative_to(private_media)
    assert (attachment.name, attachment.size) == ("plan.pdf", len(PDF))

    download = signed_in(world.people["head_a"]).get(reverse("practices:attachment", args=[attachment.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize("role", ["teacher_b", "nso_y", "student_a", "parent_a"])
def test_nobody_outside_the_practices_readers_downloads_its_files(world: World, role: str) -> None:
    share_with_file(world, pdf(), visibility="school")
    attachment = Attachment.objects.get()
    response = signed_in(world.people[role]).get(reverse("practices:attachment", args=[attachment.pk]))
    assert response.status_code == 404


def test_anonymous_visitors_download_the_files_of_a_public_practice_only(world: World) -> None:
    share_with_file(world, pdf(), visibility="public")
    share_with_file(world, pdf("kept.pdf"), visibility="network")
    public, kept = Attachment.objects.order_by("practice_id")
    assert Client().get(reverse("practices:attachment", args=[public.pk])).status_code == 200
    assert Client().get(reverse("practices:attachment", args=[kept.pk])).status_code == 302


def test_a_file_over_10_mb_is_refused_with_a_clear_error_and_the_draft_kept(world: World) -> None:
    big = pdf("huge.pdf", PDF + b"0" * (10 * 1024 * 1024))
    response = share_with_file(world, big)
    assert response.status_code == 400
    assert "“huge.pdf” is larger than 10 MB." in response.content.decode()
    assert response.context["form"]["title"].value() == FORM["title"]
    assert not Practice.objects.exists()


@pytest.mark.parametrize(
    ("upload", "problem"),
    [
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "“run.exe” is not a file type we keep."),
        (
            SimpleUploadedFile("fake.pdf", b"MZ\x90\x00"),
            "“fake.pdf” does not look like the kind of file its name says.",
        ),
        (SimpleUploadedFile("page.html", b"<html>"), "“page.html” is not a file type we keep."),
    ],
)
def test_files_of_other_types_are_refused_with_a_clear_error(
    world: World, upload: SimpleUploadedFile, problem: str
) -> None:
    response = share_with_file(world, upload)
    assert response.status_code == 400
    assert problem in response.content.decode()


def test_the_error_is_translated(world: World) -> None:
    client = signed_in(world.people["teacher_a"])
    client.cookies["django_language"] = "ca"
    response = client.post(
        reverse("practices:create", args=[world.school_a.pk]),
        {**FORM, "files": [SimpleUploadedFile("run.exe", b"MZ")]},
    )
    assert "no és un tipus de fitxer" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("photo.png", b"\x89PNG\r\n"),
        ("photo.jpg", b"\xff\xd8\xff\xe0"),
        ("plan.odt", b"PK\x03\x04"),
        ("old.doc", b"\xd0\xcf\x11\xe0"),
    ],
)
def test_images_office_and_opendocument_files_are_accepted(name: str, start: bytes) -> None:
    services.check_attachment(SimpleUploadedFile(name, start + b"rest"))


def test_removing_a_file_while_editing_deletes_it_from_storage(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    share_with_file(world, pdf())
    attachment = Attachment.objects.get()
    path = Path(attachment.file.path)
    practice = attachment.practice
    client = signed_in(world.people["teacher_a"])
    with_links = {**FORM, "remove_attachments": [attachment.pk]}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("practices:edit", args=[practice.pk]), with_links)
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not path.exists()


def test_an_adaptation_gets_its_own_copy_of_the_files(world: World) -> None:
    share_with_file(world, pdf(), visibility="network")
    original = Practice.objects.get()
    copy = services.adapt_practice(practice=original, school=world.school_b, by=world.people["teacher_b"])
    copied = copy.attachments.get()
    assert copied.file.name != original.attachments.get().file.name
    assert copied.file.read() == PDF


def test_a_practice_page_links_its_files_to_the_checked_download(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.PUBLIC)
    services.update_practice(
        practice=practice,
        by=world.people["head_a"],
        draft=services.PracticeDraft(
            title="T", summary="S", description="D", language="en", visibility="public"
        ),
        files=[pdf()],
    )
    page = Client().get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert reverse("practices:attachment", args=[practice.attachments.get().pk]) in page

"""The one upload check: a file is kept only when its name and its first bytes agree on an allowed kind."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext_lazy

from twinschools.core import uploads

REFUSALS = uploads.Refusals(
    too_large=gettext_lazy("“%(name)s” is larger than %(limit)s MB. Make it smaller, or give a link to it."),
    wrong_type=gettext_lazy(
        "“%(name)s” is not a file type we keep. Give PDF, images, office or OpenDocument files."
    ),
)
PDF = b"%PDF-1.4\n% a small plan\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00 a program"


def refusal_of(upload: SimpleUploadedFile, max_bytes: int = uploads.megabytes(1)) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        uploads.check_upload(upload, allowed=uploads.DOCUMENTS, max_bytes=max_bytes, refusals=REFUSALS)
    return refused.value


def test_a_pdf_is_kept_by_its_content_and_left_ready_to_be_read_from_the_start() -> None:
    upload = SimpleUploadedFile("plan.PDF", PDF)
    uploads.check_upload(upload, allowed=uploads.DOCUMENTS, max_bytes=len(PDF), refusals=REFUSALS)
    assert upload.read() == PDF


def test_an_executable_renamed_to_pdf_is_refused_because_of_what_it_contains() -> None:
    refused = refusal_of(SimpleUploadedFile("plan.pdf", EXECUTABLE))
    assert refused.code == "content"
    assert refused.messages == [
        "“plan.pdf” does not look like the kind of file its name says. Check the file."
    ]


def test_a_file_over_the_limit_is_refused_with_the_callers_sentence_and_the_limit_in_mb() -> None:
    refused = refusal_of(SimpleUploadedFile("big.pdf", PDF + b"x" * uploads.megabytes(1)))
    assert refused.code == "too_large"
    assert refused.messages == ["“big.pdf” is larger than 1 MB. Make it smaller, or give a link to it."]


def test_a_kind_not_allowed_is_refused_with_the_callers_sentence() -> None:
    refused = refusal_of(SimpleUploadedFile("tool.exe", EXECUTABLE))
    assert refused.code == "type"
    assert refused.messages == [
        "“tool.exe” is not a file type we keep. Give PDF, images, office or OpenDocument files."
    ]


def test_a_kind_allowed_elsewhere_is_refused_when_the_caller_does_not_allow_it() -> None:
    with pytest.raises(ValidationError) as refused:
        uploads.check_upload(
            SimpleUploadedFile("photo.png", b"\x89PNG\r\n"),
            allowed=uploads.PDF,
            max_bytes=100,
            refusals=REFUSALS,
        )
    assert refused.value.code == "type"


def test_the_refusals_are_in_the_readers_language() -> None:
    with translation.override("ca"):
        refused = refusal_of(SimpleUploadedFile("tool.exe", EXECUTABLE))
    assert "no és un tipus de fitxer" in refused.messages[0]

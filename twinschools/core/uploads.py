"""One check for uploaded files: size, type by extension, and type by how the file begins.

A file is kept only when its extension is an allowed kind and its first bytes match that kind:
a renamed executable is refused even when its name ends in .pdf. Each caller passes its own
kinds, limit and sentences (an application's evidence and a practice's attachments word the
size and type refusals differently); the content refusal is shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.functional import Promise
from django.utils.translation import gettext as _

# How files of each kind begin, by extension (lower case, without the dot).
Kinds = Mapping[str, tuple[bytes, ...]]

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0",)
PDF: Kinds = {"pdf": (b"%PDF",)}
IMAGES: Kinds = {
    "png": (b"\x89PNG",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
}
OFFICE: Kinds = {
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "odp": _ZIP,
    "doc": _OLE,
    "xls": _OLE,
    "ppt": _OLE,
}
DOCUMENTS: Kinds = {**PDF, **IMAGES, **OFFICE}

# Enough bytes for the longest signature above.
_HEAD = 8


@dataclass(frozen=True)
class Refusals:
    """The caller's sentences for a file too large and one of a kind not kept.

    Both are formatted with %(name)s (the file's name) and %(limit)s (the limit in MB).
    """

    too_large: str | Promise
    wrong_type: str | Promise


def megabytes(count: int) -> int:
    return count * 1024 * 1024


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload(upload: UploadedFile, *, allowed: Kinds, max_bytes: int, refusals: Refusals) -> None:
    """Refuse a file over max_bytes, of a kind not in allowed, or whose content is not that kind."""
    name = upload.name or ""
    params = {"name": name, "limit": max_bytes // megabytes(1)}
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(str(refusals.too_large) % params, code="too_large")
    signatures = allowed.get(extension_of(name))
    if signatures is None:
        raise ValidationError(str(refusals.wrong_type) % params, code="type")
    if not _head(upload).startswith(signatures):
        raise ValidationError(
            _("“%(name)s” does not look like the kind of file its name says. Check the file.")
            % {"name": name},
            code="content",
        )


def _head(upload: UploadedFile) -> bytes:
    """The file's first bytes, leaving it ready to be read (and saved) from the start."""
    upload.seek(0)
    start = upload.read(_HEAD)
    upload.seek(0)
    return start

"""Writes of the practice library: share, edit, delete, comment, "I tried it", adapt.

Every function is keyword-only, owns its transaction and leaves an audit event.
Bad input raises ValidationError keyed by the form field it concerns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinschools.accounts.models import STAFF_ROLES, User
from twinschools.core import audit, uploads
from twinschools.core.authz import roles_of
from twinschools.mission.approaches import ApproachCode
from twinschools.mission.models import Approach
from twinschools.network.models import EducationLevel, Level, School, Subject
from twinschools.network.reference import LANGUAGES as TEXT_LANGUAGES
from twinschools.practices.models import Attachment, Comment, Link, Practice, Tried, Visibility
from twinschools.practices.search import search_text_for

MAX_ATTACHMENT_BYTES = uploads.megabytes(10)
MAX_ATTACHMENTS = 10
MAX_LINKS = 10
OLDEST_AGE = 99

ADAPTED_KIND = "practices.adapted"
ADAPTED_SENTENCE = gettext_lazy("%(adapter)s from %(school)s adapted your practice “%(title)s”.")


@dataclass(frozen=True)
class PracticeDraft:
    """What the author writes; the form turns its fields into one."""

    title: str
    summary: str
    description: str
    language: str
    visibility: str = Visibility.SCHOOL
    age_min: int | None = None
    age_max: int | None = None
    levels: Sequence[str] = ()  # network.EducationLevel codes
    subjects: Sequence[str] = ()  # network.Subject codes
    approaches: Sequence[str] = ()  # mission.approaches.ApproachCode codes
    links: Sequence[tuple[str, str]] = ()  # (title, url)


ATTACHMENT_REFUSALS = uploads.Refusals(
    too_large=gettext_lazy("“%(name)s” is larger than 10 MB. Make it smaller, or share it as a link."),
    wrong_type=gettext_lazy(
        "“%(name)s” is not a file type we keep. Attach PDF, images (PNG, JPEG, GIF, WebP), "
        "office or OpenDocument files."
    ),
)


def check_attachment(upload: UploadedFile) -> None:
    """Refuse files over the size limit or of a type we do not keep, with a sentence saying which."""
    uploads.check_upload(
        upload, allowed=uploads.DOCUMENTS, max_bytes=MAX_ATTACHMENT_BYTES, refusals=ATTACHMENT_REFUSALS
    )


def _check_draft(draft: PracticeDraft) -> None:
    errors: dict[str, list[str]] = {}
    for field in ("title", "summary", "description"):
        if not getattr(draft, field).strip():
            errors.setdefault(field, []).append(_("This field cannot be left empty."))
    for field in ("age_min", "age_max"):
        age = getattr(draft, field)
        if age is not None and not 0 <= age <= OLDEST_AGE:
            errors.setdefault(field, []).append(_("Give an age between 0 and 99."))
    if draft.age_min is not None and draft.age_max is not None and draft.age_max < draft.age_min:
        errors.setdefault("age_max", []).append(_("The oldest age cannot be below the youngest."))
    if draft.visibility not in Visibility.values:
        errors.setdefault("visibility", []).append(_("Choose who the practice is shared with."))
    if draft.language not in TEXT_LANGUAGES:
        errors.setdefault("language", []).append(_("Choose the language the practice is written in."))
    if set(draft.subjects) - set(Subject.values):
        errors.setdefault("subjects", []).append(_("Choose subjects from the list."))
    if set(draft.levels) - set(EducationLevel.values):
        errors.setdefault("levels", []).append(_("Choose education levels from the list."))
    if set(draft.approaches) - set(ApproachCode.values):
        errors.setdefault("approaches", []).append(_("Choose approaches from the list."))
    if len(draft.links) > MAX_LINKS:
        errors.setdefault("__all__", []).append(_("A practice can carry at most 10 links."))
    if errors:
        raise ValidationError(errors)


def _apply(practice: Practice, draft: PracticeDraft) -> None:
    practice.title = draft.title.strip()
    practice.summary = draft.summary.strip()
    practice.description = draft.description.strip()
    practice.language = draft.language
    practice.visibility = draft.visibility
    practice.age_min = draft.age_min
    practice.age_max = draft.age_max
    practice.subjects = " ".join(code for code in Subject.values if code in draft.subjects)
    practice.search_text = search_text_for(
        title=draft.title,
        summary=draft.summary,
        description=draft.description,
        subjects=draft.subjects,
        levels=draft.levels,
        approaches=draft.approaches,
        language=draft.language,
    )


def _set_relations(practice: Practice, draft: PracticeDraft) -> None:
    practice.levels.set(Level.objects.filter(code__in=draft.levels))
    practice.approaches.set(Approach.objects.filter(code__in=draft.approaches))
    practice.links.all().delete()
    Link.objects.bulk_create(
        [
            Link(practice=practice, title=title.strip(), url=url.strip(), position=position)
            for position, (title, url) in enumerate(draft.links)
        ]
    )


def _attach(practice: Practice, files: Iterable[UploadedFile], by: User) -> None:
    files = list(files)
    for upload in files:
        try:
            check_attachment(upload)
        except ValidationError as error:
            raise ValidationError({"files": error.messages}) from error
    if practice.attachments.count() + len(files) > MAX_ATTACHMENTS:
        raise ValidationError({"files": [_("A practice can carry at most 10 files.")]})
    for upload in files:
        Attachment.objects.create(
            practice=practice,
            file=upload,
            name=(upload.name or "")[:200],
            size=upload.size or 0,
            uploaded_by=by,
        )


def _delete_files_after_commit(names: list[str]) -> None:
    def delete() -> None:
        from django.core.files.storage import default_storage

        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def share_practice(
    *, school: School, author: User, draft: PracticeDraft, files: Iterable[UploadedFile] = ()
) -> Practice:
    _check_draft(draft)
    practice = Practice(school=school, author=author)
    _apply(practice, draft)
    practice.save()
    _set_relations(practice, draft)
    _attach(practice, files, author)
    audit.record(
        actor=author,
        action="practices.practice.shared",
        school=school,
        target=practice,
        data={"visibility": practice.visibility},
    )
    return practice


@transaction.atomic
def update_practice(
    *,
    practice: Practice,
    by: User,
    draft: PracticeDraft,
    files: Iterable[UploadedFile] = (),
    remove_attachments: Sequence[int] = (),
) -> Practice:
    _check_draft(draft)
    _apply(practice, draft)
    practice.save()
    _set_relations(practice, draft)
    removed = list(practice.attachments.filter(pk__in=remove_attachments))
    if removed:
        Attachment.objects.filter(pk__in=[attachment.pk for attachment in removed]).delete()
        _delete_files_after_commit([name for attachment in removed if (name := attachment.file.name)])
    _attach(practice, files, by)
    audit.record(
        actor=by,
        action="practices.practice.updated",
        school=practice.school,
        target=practice,
        data={"visibility": practice.visibility, "files_removed": len(removed)},
    )
    return practice


@transaction.atomic
def delete_practice(*, practice: Practice, by: User) -> None:
    names = list(practice.attachments.values_list("file", flat=True))
    audit.record(
        actor=by,
        action="practices.practice.deleted",
        school=practice.school,
        target=practice,
    )
    practice.delete()
    _delete_files_after_commit(names)


def _staff_school_of(user: User, practice: Practice) -> School | None:
    """The school a colleague speaks for: the practice's own if they work there, else their first."""
    school_ids = roles_of(user).schools_with(*STAFF_ROLES)
    if practice.school_id in school_ids:
        return practice.school
    return School.objects.filter(pk__in=school_ids).order_by("name").first()


@transaction.atomic
def add_comment(*, practice: Practice, author: User, body: str) -> Comment:
    body = body.strip()
    if not body:
        raise ValidationError({"body": [_("Write your comment before sending it.")]})
    comment = Comment.objects.create(
        practice=practice, author=author, school=_staff_school_of(author, practice), body=body
    )
    audit.record(actor=author, action="practices.comment.posted", school=practice.school, target=comment)
    return comment


@transaction.atomic
def mark_tried(*, practice: Practice, user: User, tried_on: date | None = None, note: str = "") -> Tried:
    if practice.author_id == user.pk:
        raise ValidationError(_("You wrote this practice: “I tried it” is for your colleagues."))
    if tried_on is not None and tried_on > timezone.localdate():
        raise ValidationError({"tried_on": [_("The date cannot be in the future.")]})
    if Tried.objects.filter(practice=practice, user=user).exists():
        raise ValidationError(_("You already marked this practice as tried."))
    tried = Tried.objects.create(
        practice=practice,
        user=user,
        school=_staff_school_of(user, practice),
        tried_on=tried_on,
        note=note.strip(),
    )
    audit.record(actor=user, action="practices.practice.tried", school=practice.school, target=practice)
    return tried


@transaction.atomic
def withdraw_tried(*, practice: Practice, user: User) -> None:
    deleted, _rows = Tried.objects.filter(practice=practice, user=user).delete()
    if deleted:
        audit.record(
            actor=user,
            action="practices.practice.tried_withdrawn",
            school=practice.school,
            target=practice,
        )


def _copy_attachments(original: Practice, copy: Practice, by: User) -> None:
    for attachment in original.attachments.all():
        with attachment.file.open("rb") as source:
            content = ContentFile(source.read(), name=attachment.name)
        Attachment.objects.create(
            practice=copy, file=content, name=attachment.name, size=attachment.size, uploaded_by=by
        )


@transaction.atomic
def adapt_practice(*, practice: Practice, school: School, by: User) -> Practice:
    """A copy for `school`, crediting the original, kept to the school until its author shares it."""
    if school.pk not in roles_of(by).schools_with(*STAFF_ROLES):
        raise ValidationError({"school": [_("You can adapt a practice only for a school where you teach.")]})
    copy = Practice.objects.create(
        school=school,
        author=by,
        title=practice.title,
        summary=practice.summary,
        description=practice.description,
        age_min=practice.age_min,
        age_max=practice.age_max,
        subjects=practice.subjects,
        language=practice.language,
        visibility=Visibility.SCHOOL,
        adapted_from=practice,
        credit_title=practice.title,
        credit_school_id=practice.school_id,
        credit_author_id=practice.author_id,
        search_text=practice.search_text,
    )
    copy.levels.set(practice.levels.all())
    copy.approaches.set(practice.approaches.all())
    Link.objects.bulk_create(
        [
            Link(practice=copy, title=link.title, url=link.url, position=link.position)
            for link in practice.links.all()
        ]
    )
    _copy_attachments(practice, copy, by)
    audit.record(
        actor=by,
        action="practices.practice.adapted",
        school=school,
        target=copy,
        data={"original": practice.pk, "original_school": practice.school_id},
    )
    _tell_the_author(practice, copy, by, school)
    return copy


def _tell_the_author(original: Practice, copy: Practice, by: User, school: School) -> None:
    try:
        from twinschools.notifications.services import notify
    except ImportError:  # Without the notifications app the author is simply not told.
        return
    author = original.author
    if author is None or author.pk == by.pk:
        return
    notify(
        recipients=[author],
        kind=ADAPTED_KIND,
        params={"adapter": by.public_name, "school": school.name, "title": original.title},
        url=reverse("practices:detail", args=[original.pk]),
        school=original.school,
        target=f"practice:{original.pk}",
    )

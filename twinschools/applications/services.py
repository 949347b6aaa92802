"""Writes of the label application. Keyword-only, each owns its transaction and audits state changes.

Parts are saved without locks (see save_part); signing freezes the text into a
Submission whose snapshot and hash evaluators read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from twinschools.accounts.models import STAFF_ROLES, Membership, User
from twinschools.applications.merging import keep_both, merge, normalise
from twinschools.applications.models import (
    EDITABLE,
    Application,
    Comment,
    Evidence,
    EvidenceKind,
    Part,
    PartConflict,
    PartRevision,
    Resolution,
    Signatory,
    Status,
    Submission,
)
from twinschools.core import audit, uploads
from twinschools.labels.models import Eligibility, FormSection, Round, SectionKind, in_language
from twinschools.network.models import School
from twinschools.notifications.services import notify

DECLARATION_VERSION = "2025-1"
MAX_TEXT = 20_000


def _record(
    application: Application, *, by: User | None, action: str, was: str, now: str, **data: Any
) -> None:
    audit.record(
        actor=by,
        action=f"applications.application.{action}",
        school=application.school,
        target=application,
        data={"from": was, "to": now, **data},
    )


def _set_status(application: Application, status: str, *, by: User | None, action: str, **data: Any) -> None:
    was = application.status
    application.status = status
    application.save(update_fields=["status", "resubmit_until", "updated_at"])
    _record(application, by=by, action=action, was=was, now=status, **data)


def _refuse_unless_editable(application: Application) -> None:
    if application.status not in EDITABLE:
        raise ValidationError(
            _("The application was signed and submitted, so its text can no longer change."), code="frozen"
        )


# Starting --------------------------------------------------------------------------


def start_application(*, school: School, round: Round, by: User) -> Application:
    """Open the school's application for a round: one empty part per statement and per plan."""
    now = timezone.now()
    if not Eligibility.objects.filter(round=round, school=school, eligible=True).exists():
        raise ValidationError(
            _("The school is not eligible for this round, so it cannot apply."), code="ineligible"
        )
    if not (round.is_published and round.opens_at <= now < round.closes_at):
        raise ValidationError(_("Applications for this round are not open."), code="closed")
    with transaction.atomic():
        application, created = Application.objects.get_or_create(
            round=round, school=school, defaults={"created_by": by}
        )
        if created:
            parts = []
            for section in round.form_version.sections.prefetch_related("statements"):
                parts += [
                    Part(application=application, section=section, statement=s)
                    for s in section.statements.all()
                ]
                if section.asks_two_year_plan:
                    parts.append(Part(application=application, section=section, statement=None))
            Part.objects.bulk_create(parts)
            _record(application, by=by, action="started", was="", now=Status.DRAFT)
    return application


# Co-writing ------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveResult:
    """What became of a save.

    "saved", "merged" or "unchanged"; "conflict" when it could not be merged (a conflict opens);
    "held" when the part already had an open conflict (the text waits as the writer's version);
    "resolved" when the conflict the box was in has been resolved meanwhile. Only the first
    two write the part's text.
    """

    outcome: str
    part: Part
    text: str  # what the writer's box should now hold
    others: tuple[PartRevision, ...] = field(default=())  # the saves merged with, or the one in conflict
    conflict: PartConflict | None = None  # the writer's open conflict (conflict, held) or the resolved one

    @property
    def in_conflict(self) -> bool:
        return self.outcome in ("conflict", "held")


def _text_at(part: Part, revision: int) -> str:
    if revision == 0:
        return ""
    row = PartRevision.objects.filter(part=part, revision=revision).only("text").first()
    return row.text if row is not None else ""


def _between(part: Part, base_revision: int) -> tuple[PartRevision, ...]:
    return tuple(
        PartRevision.objects.filter(part=part, revision__gt=base_revision)
        .select_related("author")
        .order_by("revision")
    )


def _latest(part: Part) -> tuple[PartRevision, ...]:
    return _between(part, part.revision - 1) if part.revision else ()


def _write(part: Part, text: str, *, by: User, now: datetime, merged_from: int | None = None) -> None:
    """The part takes a new text: one more revision, kept in the history with its author."""
    part.text, part.revision, part.updated_by, part.updated_at = text, part.revision + 1, by, now
    part.save(update_fields=["text", "revision", "updated_by", "updated_at"])
    PartRevision.objects.create(
        part=part, revision=part.revision, text=text, author=by, saved_at=now, merged_from=merged_from
    )


def _hold(
    part: Part, *, text: str, by: User, base_revision: int, own: PartConflict | None, now: datetime
) -> PartConflict:
    """Keep a save that may not change the part as its writer's pending version."""
    if own is None:
        own = PartConflict.objects.filter(part=part, author=by, text=text, resolved_at__isnull=True).first()
    if own is None:
        own = PartConflict.objects.create(
            part=part,
            author=by,
            text=text,
            base_revision=base_revision,
            against_revision=part.revision,
            opened_at=now,
            updated_at=now,
        )
        audit.record(
            actor=by,
            action="applications.part_conflict.opened",
            school=part.application.school,
            target=own,
            data={"part": part.pk, "conflict": own.pk, "against": part.revision},
        )
    elif own.text != text:
        own.text, own.updated_at = text, now
        own.save(update_fields=["text", "updated_at"])
    return own


def save_part(
    *, part: Part, text: str, base_revision: int, by: User, conflict_id: int | None = None
) -> SaveResult:
    """Save one part without a lock.

    The writer sends the revision they started from (and, while their box is in a conflict,
    that conflict). If another save came in between, the three texts are merged (base from
    the history); when both changed the same lines, a conflict opens: nothing is written and
    the writer's text is kept as a pending version. While a part has an open conflict, no
    save changes its text, whatever revision it carries: each is kept as its writer's pending
    version until a person resolves the conflict (resolve_conflict).
    """
    mine = normalise(text)
    if len(mine) > MAX_TEXT:
        raise ValidationError(_("A part can hold at most 20,000 characters."), code="too_long")
    with transaction.atomic():
        # The row lock makes concurrent saves of one part take turns: one revision per save.
        locked = Part.objects.select_for_update().select_related("application__school").get(pk=part.pk)
        _refuse_unless_editable(locked.application)
        now = timezone.now()
        own = None
        if conflict_id:
            own = PartConflict.objects.filter(pk=conflict_id, part=locked, author=by).first()
        if own is not None and not own.is_open:
            # Someone resolved the conflict this box was in. The same text again changes nothing;
            # new words are merged from where the writer started, or conflict again.
            if mine in (own.text, locked.text):
                return SaveResult("resolved", locked, locked.text, _latest(locked), own)
            base_revision, own = own.base_revision, None
        elif own is not None:
            base_revision = own.base_revision
        if not 0 <= base_revision <= locked.revision:
            base_revision = locked.revision if mine == locked.text else 0
        if own is not None or locked.conflicts.filter(resolved_at__isnull=True).exists():
            if mine == locked.text:
                if own is not None:
                    _close(own, by=by, resolution=Resolution.SAME, now=now)
                return SaveResult("unchanged", locked, mine, ())
            held = _hold(locked, text=mine, by=by, base_revision=base_revision, own=own, now=now)
            return SaveResult("held", locked, mine, _latest(locked), held)
        others: tuple[PartRevision, ...] = ()
        outcome = "saved"
        if base_revision != locked.revision:
            others = _between(locked, base_revision)
            merged = merge(_text_at(locked, base_revision), mine, locked.text)
            if merged is None:
                opened = _hold(locked, text=mine, by=by, base_revision=base_revision, own=None, now=now)
                return SaveResult("conflict", locked, mine, others[-1:], opened)
            mine, outcome = merged, "merged"
        if mine == locked.text:
            return SaveResult("unchanged", locked, mine, others)
        _write(locked, mine, by=by, now=now, merged_from=base_revision if outcome == "merged" else None)
        if locked.application.status == Status.WITHDRAWN:
            _set_status(locked.application, Status.DRAFT, by=by, action="reopened")
    return SaveResult(outcome, locked, mine, others)


def _close(conflict: PartConflict, *, by: User, resolution: str, now: datetime) -> None:
    conflict.resolved_at, conflict.resolved_by, conflict.resolution = now, by, resolution
    conflict.save(update_fields=["resolved_at", "resolved_by", "resolution"])


RESOLUTIONS = (Resolution.MINE, Resolution.THEIRS, Resolution.BOTH, Resolution.MERGED)


def resolve_conflict(
    *,
    conflict: PartConflict,
    resolution: str,
    revision: int,
    by: User,
    text: str | None = None,
    box_conflict_id: int | None = None,
) -> Part:
    """A person resolves an open conflict: keep the pending version ("mine"), keep the saved one
    ("theirs"), keep both (merge3, with both sides of the lines changed by both), or save a
    combined text written in their box ("merged").

    `revision` is the part's revision the person saw beside the two versions: if the saved text
    changed since (another conflict was resolved), nothing is decided. The conflict's author,
    resolving with their box, resolves with what the box holds now. Whoever's text is replaced
    or not kept is told.
    """
    if resolution not in RESOLUTIONS:
        raise ValidationError(_("Choose how to resolve the conflict."), code="resolution")
    box = normalise(text) if text is not None else None
    if box is not None and len(box) > MAX_TEXT:
        raise ValidationError(_("A part can hold at most 20,000 characters."), code="too_long")
    if resolution == Resolution.MERGED and box is None:
        raise ValidationError(_("Write the combined text in the box first."), code="text")
    with transaction.atomic():
        locked = (
            Part.objects.select_for_update(of=("self",))
            .select_related("application__school", "section", "statement", "updated_by")
            .get(pk=conflict.part_id)
        )
        _refuse_unless_editable(locked.application)
        current = PartConflict.objects.select_related("author").get(pk=conflict.pk)
        if not current.is_open:
            raise ValidationError(_("Someone has already resolved this conflict."), code="resolved")
        if revision != locked.revision:
            raise ValidationError(
                _("The saved text changed while you were deciding. Read both versions again, then choose."),
                code="stale",
            )
        now = timezone.now()
        if box is not None and current.author_id == by.pk and resolution != Resolution.MERGED:
            current.text = box
            current.save(update_fields=["text"])
        saved_by = locked.updated_by
        if resolution == Resolution.MINE:
            new = current.text
        elif resolution == Resolution.THEIRS:
            new = locked.text
        elif resolution == Resolution.BOTH:
            new = keep_both(_text_at(locked, current.base_revision), current.text, locked.text)
        else:
            new = box or ""
        changed = new != locked.text
        if changed:
            _write(locked, new, by=by, now=now, merged_from=current.base_revision)
        _close(current, by=by, resolution=resolution, now=now)
        # The resolver's own pending version was what their box held: the resolution took it in.
        if box_conflict_id and resolution == Resolution.MERGED:
            mine = PartConflict.objects.filter(
                pk=box_conflict_id, part=locked, author=by, resolved_at__isnull=True
            ).first()
            if mine is not None:
                _close(mine, by=by, resolution=Resolution.MERGED, now=now)
        for same in PartConflict.objects.filter(part=locked, resolved_at__isnull=True, text=locked.text):
            _close(same, by=by, resolution=Resolution.SAME, now=now)
        audit.record(
            actor=by,
            action="applications.part_conflict.resolved",
            school=locked.application.school,
            target=current,
            data={
                "part": locked.pk,
                "conflict": current.pk,
                "resolution": resolution,
                "revision": locked.revision,
            },
        )
        _tell_resolved(locked, current, resolution=resolution, by=by, saved_by=saved_by)
        if locked.application.status == Status.WITHDRAWN and changed:
            _set_status(locked.application, Status.DRAFT, by=by, action="reopened")
    return locked


def part_names(part: Part) -> dict[str, Any]:
    """What a notification needs to name a part in its reader's language: section and statement texts."""
    return {
        "section": part.section.title or {"en": str(part.section.get_kind_display())},
        "statement": part.statement.text if part.statement is not None else None,
    }


def part_url(part: Part) -> str:
    position = FormSection.objects.filter(
        form_version_id=part.section.form_version_id, order__lt=part.section.order
    ).count()
    if position == 0:
        address = reverse("applications:detail", args=[part.application_id])
    else:
        address = reverse("applications:section", args=[part.application_id, position + 1])
    return f"{address}#part-{part.pk}"


CONFLICT_RESOLVED = "applications.conflict_resolved"


def _tell_resolved(
    part: Part, conflict: PartConflict, *, resolution: str, by: User, saved_by: User | None
) -> None:
    """Tell the authors of the two versions, but not the person who chose, what became of their text."""
    if resolution == Resolution.MINE:
        told = [saved_by]  # the saved text was replaced
    elif resolution == Resolution.THEIRS:
        told = [conflict.author]  # the pending version was not used
    else:
        told = [saved_by, conflict.author]
    recipients = [person for person in told if person is not None and person.pk != by.pk]
    if not recipients:
        return
    notify(
        recipients=recipients,
        kind=CONFLICT_RESOLVED,
        params={"person": by.full_name or by.email or "", "resolution": resolution, **part_names(part)},
        url=part_url(part),
        school=part.application.school,
        target=f"application:{part.application_id}",
    )


# Evidence --------------------------------------------------------------------------


def max_evidence_bytes() -> int:
    return uploads.megabytes(int(settings.EVIDENCE_MAX_MB))


EVIDENCE_REFUSALS = uploads.Refusals(
    too_large=gettext_lazy("“%(name)s” is larger than %(limit)s MB. Make it smaller, or give a link to it."),
    wrong_type=gettext_lazy(
        "“%(name)s” is not a file type we keep. Give PDF, images, office or OpenDocument files."
    ),
)


def check_evidence_file(upload: UploadedFile) -> None:
    """Refuse files over the size limit or of a type we do not keep, with a sentence saying which."""
    uploads.check_upload(
        upload, allowed=uploads.DOCUMENTS, max_bytes=max_evidence_bytes(), refusals=EVIDENCE_REFUSALS
    )


def _section_of(application: Application, section_id: int) -> FormSection:
    section = FormSection.objects.filter(
        pk=section_id, form_version_id=application.round.form_version_id
    ).first()
    if section is None:
        raise ValidationError(_("Choose a section of this application's form."), code="section")
    return section


def add_evidence(
    *,
    application: Application,
    section_id: int,
    by: User,
    title: str = "",
    url: str = "",
    upload: UploadedFile | None = None,
    record_key: str = "",
    on: date | None = None,
) -> Evidence:
    """Add a file, a link or (with record_key) a record of the school picked from the candidates."""
    _refuse_unless_editable(application)
    section = _section_of(application, section_id)
    evidence = Evidence(
        application=application, section=section, added_by=by, title=title.strip()[:300], on=on
    )
    if upload is not None:
        check_evidence_file(upload)
        evidence.kind, evidence.file, evidence.size = EvidenceKind.FILE, upload, upload.size
        evidence.title = evidence.title or (upload.name or "")[:300]
    else:
        # A record of the school is a page of this site, kept as its path.
        local = bool(record_key) and url.startswith("/") and not url.startswith("//")
        try:
            if not local:
                URLValidator(schemes=["http", "https"])(url)
        except ValidationError as invalid:
            raise ValidationError(
                _("Give a full web address, starting with https://."), code="url"
            ) from invalid
        evidence.url = url
        if record_key:
            evidence.kind, evidence.record_key = EvidenceKind.RECORD, record_key[:120]
        else:
            evidence.kind = EvidenceKind.LINK
        evidence.title = evidence.title or url[:300]
    try:
        with transaction.atomic():
            evidence.save()
            audit.record(
                actor=by,
                action="applications.evidence.added",
                school=application.school,
                target=evidence,
                data={"application": application.pk, "kind": evidence.kind},
            )
    except IntegrityError as twice:
        raise ValidationError(_("This record is already evidence for this section."), code="twice") from twice
    return evidence


def remove_evidence(*, evidence: Evidence, by: User) -> None:
    application = evidence.application
    _refuse_unless_editable(application)
    name = evidence.file.name if evidence.file else ""
    with transaction.atomic():
        audit.record(
            actor=by,
            action="applications.evidence.removed",
            school=application.school,
            target=evidence,
            data={"application": application.pk, "kind": evidence.kind},
        )
        evidence.delete()
        if name:
            from django.core.files.storage import default_storage

            transaction.on_commit(lambda: default_storage.delete(name))


# Comments --------------------------------------------------------------------------


@transaction.atomic
def add_comment(*, application: Application, section_id: int, text: str, by: User) -> Comment:
    if not text.strip():
        raise ValidationError(_("Write a comment before sending it."), code="empty")
    section = _section_of(application, section_id)
    comment = Comment.objects.create(application=application, section=section, author=by, text=text.strip())
    # The section, never the text: a comment may name people.
    audit.record(
        actor=by,
        action="applications.comment.added",
        school=application.school,
        target=comment,
        data={"section": section.pk},
    )
    return comment


@transaction.atomic
def resolve_comment(*, comment: Comment, by: User) -> Comment:
    if comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), by
        comment.save(update_fields=["resolved_at", "resolved_by"])
        audit.record(
            actor=by,
            action="applications.comment.resolved",
            school=comment.application.school,
            target=comment,
        )
    return comment


# Signing ---------------------------------------------------------------------------


def designate_signatory(*, application: Application, deputy: User | None, by: User) -> Signatory | None:
    """The head names the deputy who may sign instead (None takes the designation back)."""
    with transaction.atomic():
        if deputy is None:
            Signatory.objects.filter(application=application).delete()
            audit.record(
                actor=by,
                action="applications.signatory.removed",
                school=application.school,
                target=application,
            )
            return None
        today = timezone.localdate()
        on_staff = (
            Membership.objects.filter(
                user=deputy, school_id=application.school_id, role__in=STAFF_ROLES, started_on__lte=today
            )
            .exclude(ended_on__lt=today)
            .exists()
        )
        if not on_staff:
            raise ValidationError(_("Choose a member of the school's staff as deputy."), code="deputy")
        signatory, _created = Signatory.objects.update_or_create(
            application=application, defaults={"deputy": deputy, "designated_by": by}
        )
        audit.record(
            actor=by,
            action="applications.signatory.designated",
            school=application.school,
            target=signatory,
            data={"deputy": deputy.pk},
        )
    return signatory


def missing_sentences(application: Application) -> list[str]:
    """What keeps the application from being signed, one whole sentence per section."""
    parts = list(application.parts.select_related("section", "statement"))
    with_evidence = set(application.evidence.values_list("section_id", flat=True))
    missing: list[str] = []
    for section in application.round.form_version.sections.prefetch_related("statements").order_by("order"):
        if not section.required:
            continue
        title = section.display_title
        own = [part for part in parts if part.section_id == section.pk]
        unanswered = [p for p in own if not p.is_plan and not p.text.strip()]
        if unanswered:
            missing.append(
                ngettext(
                    "In “%(section)s”, %(count)s statement has no answer yet.",
                    "In “%(section)s”, %(count)s statements have no answer yet.",
                    len(unanswered),
                )
                % {"section": title, "count": len(unanswered)}
            )
        if section.asks_two_year_plan and not any(p.is_plan and p.text.strip() for p in own):
            missing.append(_("“%(section)s” has no plan for the next two years yet.") % {"section": title})
        asks = section.kind == SectionKind.ESAFETY and any(s.asks_evidence for s in section.statements.all())
        if asks and section.pk not in with_evidence:
            missing.append(
                _("“%(section)s” needs evidence: add a file, a link or a record.") % {"section": title}
            )
    return missing


def open_questions(application: Application) -> list[str]:
    """What the team has not settled yet, one sentence per part in conflict and per section with
    comments not resolved: the application is not signed over them."""
    sentences: list[str] = []
    conflicts = (
        PartConflict.objects.filter(part__application=application, resolved_at__isnull=True)
        .select_related("part__section", "part__statement", "author")
        .order_by("part__section__order", "part__statement__order", "part_id", "opened_at")
    )
    by_part: dict[int, list[PartConflict]] = {}
    for conflict in conflicts:
        by_part.setdefault(conflict.part_id, []).append(conflict)
    for found in by_part.values():
        part = found[0].part
        people = ", ".join(sorted({c.author.full_name or c.author.email or "" for c in found if c.author}))
        names = {"section": part.section.display_title, "people": people}
        if part.statement is not None:
            sentences.append(
                _(
                    "In “%(section)s”, the answer to “%(statement)s” has versions in conflict (by %(people)s): "
                    "keep one, keep both or combine them."
                )
                % {**names, "statement": part.statement.display_text}
            )
        else:
            sentences.append(
                _(
                    "In “%(section)s”, the two-year plan has versions in conflict (by %(people)s): "
                    "keep one, keep both or combine them."
                )
                % names
            )
    comments = (
        application.comments.filter(resolved_at__isnull=True)
        .select_related("section")
        .order_by("section__order", "created_at", "pk")
    )
    by_section: dict[int, list[Comment]] = {}
    for note in comments:
        by_section.setdefault(note.section_id, []).append(note)
    for notes in by_section.values():
        quoted = "; ".join(
            pgettext("a comment quoted in a sentence", "“%(comment)s”")
            % {"comment": Truncator(n.text).chars(60)}
            for n in notes
        )
        sentences.append(
            ngettext(
                "In “%(section)s”, %(count)s comment is not resolved: %(comments)s.",
                "In “%(section)s”, %(count)s comments are not resolved: %(comments)s.",
                len(notes),
            )
            % {"section": notes[0].section.display_title, "count": len(notes), "comments": quoted}
        )
    return sentences


def reasons_not_to_sign(application: Application) -> list[str]:
    """Everything that keeps the application from being signed: missing answers, conflicts, comments."""
    return missing_sentences(application) + open_questions(application)


def snapshot_of(application: Application) -> dict[str, Any]:
    """Every answer and every piece of evidence, as evaluators will read them."""
    parts = list(application.parts.select_related("section", "statement", "updated_by"))
    evidence = list(application.evidence.all())
    sections = []
    for section in application.round.form_version.sections.order_by("order"):
        own = [p for p in parts if p.section_id == section.pk]
        sections.append(
            {
                "section": section.pk,
                "kind": section.kind,
                "title": section.title,
                "statements": [
                    {
                        "statement": p.statement_id,
                        "text": p.statement.text,
                        "answer": p.text,
                        "revision": p.revision,
                    }
                    for p in own
                    if p.statement is not None
                ],
                "plan": next((p.text for p in own if p.is_plan), None),
                "evidence": [
                    {
                        "evidence": e.pk,
                        "kind": e.kind,
                        "title": e.title,
                        "url": e.url,
                        "file": e.file.name or "",
                        "record": e.record_key,
                        "on": e.on.isoformat() if e.on else None,
                    }
                    for e in evidence
                    if e.section_id == section.pk
                ],
            }
        )
    return {
        "application": application.pk,
        "round": application.round.name,
        "school": application.school_id,
        "sections": sections,
    }


def content_hash(snapshot: dict[str, Any]) -> str:
    canonical = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def may_sign(application: Application, user: User) -> bool:
    from twinschools.applications.rules import signs

    return bool(signs.test(user, application))


def sign_and_submit(*, application: Application, by: User, declaration: bool) -> Submission:
    """The head or the designated deputy signs the declaration of honour; the text is frozen."""
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update().select_related("round", "school").get(pk=application.pk)
        )
        if not may_sign(locked, by):
            raise ValidationError(
                _("Only the head of the school, or the deputy the head designated, can sign."), code="signer"
            )
        _refuse_unless_editable(locked)
        if locked.deadline_passed:
            raise ValidationError(
                _(
                    "The deadline has passed, so the application can no longer be submitted. Your draft is kept."
                ),
                code="deadline",
            )
        errors = reasons_not_to_sign(locked)
        if errors:
            raise ValidationError(errors, code="missing")
        if not declaration:
            raise ValidationError(_("Tick the declaration of honour to sign it."), code="declaration")
        snapshot = snapshot_of(locked)
        number = (locked.submissions.aggregate(top=Max("number"))["top"] or 0) + 1
        submission = Submission.objects.create(
            application=locked,
            number=number,
            snapshot=snapshot,
            content_hash=content_hash(snapshot),
            declaration_version=DECLARATION_VERSION,
            signed_by=by,
            signed_at=timezone.now(),
        )
        locked.resubmit_until = None if locked.status != Status.RETURNED else locked.resubmit_until
        _set_status(
            locked,
            Status.SUBMITTED,
            by=by,
            action="submitted",
            submission=submission.pk,
            hash=submission.content_hash,
        )
    application.status = locked.status
    return submission


def current_submission(application: Application) -> Submission | None:
    return application.submissions.filter(withdrawn_at__isnull=True).order_by("-number").first()


def withdraw(*, application: Application, by: User) -> Application:
    """Until the deadline, the signer takes the submission back; it stays in the history."""
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update().select_related("round", "school").get(pk=application.pk)
        )
        if not may_sign(locked, by):
            raise ValidationError(
                _("Only the head of the school, or the deputy the head designated, can withdraw."),
                code="signer",
            )
        if locked.status != Status.SUBMITTED:
            raise ValidationError(_("Only a submitted application can be withdrawn."), code="status")
        if locked.deadline_passed:
            raise ValidationError(
                _("The deadline has passed, so the application can no longer be withdrawn."), code="deadline"
            )
        Submission.objects.filter(application=locked, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now(), withdrawn_by=by
        )
        _set_status(locked, Status.WITHDRAWN, by=by, action="withdrawn")
    return locked


def return_for_information(
    *, application: Application, message: str, by: User, until: datetime | None = None
) -> Application:
    """The NSO sends a submitted application back for more information; it is editable again.

    It can be resubmitted until the round's deadline, or until `until` when the NSO gives a later date.
    """
    if not message.strip():
        raise ValidationError(_("Say what information the school should add."), code="message")
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update().select_related("round", "school").get(pk=application.pk)
        )
        if locked.status != Status.SUBMITTED:
            raise ValidationError(_("Only a submitted application can be returned."), code="status")
        Submission.objects.filter(application=locked, withdrawn_at__isnull=True).update(
            returned_at=timezone.now(), return_message=message.strip()
        )
        locked.resubmit_until = until
        _set_status(locked, Status.RETURNED, by=by, action="returned")
    return locked


def section_title(section: FormSection) -> str:
    return in_language(section.title) or str(section.get_kind_display())

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests import factories as base
from tests.applications.factories import application_of, eligible, fill, open_round
from tests.conftest import World
from twinschools.applications import queries, services
from twinschools.applications.models import Part, PartRevision, Status
from twinschools.core.models import AuditEvent


def _part(application, *, plan: bool = False) -> Part:
    return application.parts.filter(statement__isnull=plan).order_by("pk").first()


def test_only_an_eligible_school_can_start_while_the_round_is_open(world: World) -> None:
    round = open_round()
    with pytest.raises(ValidationError, match="not eligible"):
        services.start_application(school=world.school_a, round=round, by=world.people["head_a"])
    closed = open_round(days_left=-1, opens_at=timezone.now() - timedelta(days=20))
    eligible(closed, world.school_a)
    with pytest.raises(ValidationError, match="not open"):
        services.start_application(school=world.school_a, round=closed, by=world.people["head_a"])


def test_starting_creates_one_part_per_statement_and_per_plan(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    assert application.parts.filter(statement__isnull=False).count() == 5
    assert application.parts.filter(statement__isnull=True).count() == 3
    assert AuditEvent.objects.filter(action="applications.application.started", data__to="draft").exists()


def test_saves_from_different_lines_merge_and_tell_whose_changes_were_merged(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    part = _part(application)
    ana, bogdan = world.people["teacher_a"], world.people["team_a"]
    services.save_part(part=part, text="one\ntwo\nthree", base_revision=0, by=ana)
    services.save_part(part=part, text="ONE\ntwo\nthree", base_revision=1, by=ana)
    result = services.save_part(part=part, text="one\ntwo\nTHREE", base_revision=1, by=bogdan)
    assert result.outcome == "merged"
    assert [r.author for r in result.others] == [ana]
    part.refresh_from_db()
    assert part.text == "ONE\ntwo\nTHREE"
    assert part.revision == 3
    assert PartRevision.objects.get(part=part, revision=3).merged_from == 1


def test_saves_of_the_same_line_conflict_save_nothing_and_show_both(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    part = _part(application)
    ana, bogdan = world.people["teacher_a"], world.people["team_a"]
    services.save_part(part=part, text="We share leadership.", base_revision=0, by=ana)
    services.save_part(part=part, text="Ana's version.", base_revision=1, by=ana)
    result = services.save_part(part=part, text="Bogdan's version.", base_revision=1, by=bogdan)
    assert result.outcome == "conflict"
    assert result.text == "Bogdan's version."
    assert result.others[0].text == "Ana's version." and result.others[0].author == ana
    part.refresh_from_db()
    assert part.text == "Ana's version." and part.revision == 2
    # Bogdan combines both and saves that as the resolution: every text written is in the history.
    services.resolve_conflict(
        conflict=result.conflict,
        resolution="merged",
        revision=2,
        text="Ana's version.\nBogdan's version.",
        by=bogdan,
    )
    texts = set(PartRevision.objects.filter(part=part).values_list("text", flat=True))
    assert {"Ana's version.", "Ana's version.\nBogdan's version."} <= texts


def test_crlf_from_the_browser_is_saved_as_plain_newlines(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    part = _part(application)
    services.save_part(part=part, text="a\r\nb", base_revision=0, by=world.people["teacher_a"])
    part.refresh_from_db()
    assert part.text == "a\nb"


def test_the_missing_list_names_each_incomplete_required_section(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    missing = services.missing_sentences(application)
    assert missing == [
        "In “eSafety policy”, 1 statement has no answer yet.",
        "“eSafety policy” needs evidence: add a file, a link or a record.",
        "In “Shared leadership”, 2 statements have no answer yet.",
        "“Shared leadership” has no plan for the next two years yet.",
        "In “Collaboration”, 1 statement has no answer yet.",
        "“Collaboration” has no plan for the next two years yet.",
    ]
    with pytest.raises(ValidationError) as refused:
        services.sign_and_submit(application=application, by=world.people["head_a"], declaration=True)
    assert refused.value.messages == missing


def test_only_the_head_or_the_designated_deputy_signs(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    fill(application, world.people["teacher_a"])
    with pytest.raises(ValidationError, match="Only the head"):
        services.sign_and_submit(application=application, by=world.people["teacher_a"], declaration=True)
    services.designate_signatory(
        application=application, deputy=world.people["teacher_a"], by=world.people["head_a"]
    )
    application = queries.application(application.pk)
    submission = services.sign_and_submit(
        application=application, by=world.people["teacher_a"], declaration=True
    )
    assert submission.signed_by == world.people["teacher_a"]


def test_a_deputy_must_be_on_the_schools_staff(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    with pytest.raises(ValidationError, match="staff"):
        services.designate_signatory(
            application=application, deputy=world.people["teacher_b"], by=world.people["head_a"]
        )


def test_the_declaration_must_be_ticked(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    fill(application, world.people["teacher_a"])
    with pytest.raises(ValidationError, match="Tick the declaration"):
        services.sign_and_submit(application=application, by=world.people["head_a"], declaration=False)


def test_signing_freezes_the_text_with_a_snapshot_and_its_hash(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    fill(application, world.people["teacher_a"])
    submission = services.sign_and_submit(
        application=application, by=world.people["head_a"], declaration=True
    )
    assert submission.content_hash == services.content_hash(submission.snapshot)
    answers = [s["answer"] for section in submission.snapshot["sections"] for s in section["statements"]]
    assert all(answer.startswith("Answer for part") for answer in answers)
    part = _part(application)
    with pytest.raises(ValidationError, match="can no longer change"):
        services.save_part(
            part=part, text="late change", base_revision=part.revision, by=world.people["teacher_a"]
        )
    assert AuditEvent.objects.filter(
        action="applications.application.submitted", data__from="draft", data__to="submitted"
    ).exists()


def test_a_withdrawn_application_is_edited_and_resubmitted_before_the_deadline(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    fill(application, world.people["teacher_a"])
    first = services.sign_and_submit(application=application, by=world.people["head_a"], declaration=True)
    services.withdraw(application=application, by=world.people["head_a"])
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    part = _part(application)
    services.save_part(
        part=part, text="Better answer.", base_revision=part.revision, by=world.people["teacher_a"]
    )
    application.refresh_from_db()
    assert application.status == Status.DRAFT
    second = services.sign_and_submit(application=application, by=world.people["head_a"], declaration=True)
    first.refresh_from_db()
    assert first.withdrawn_at is not None and second.number == 2
    assert second.content_hash != first.content_hash
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", "data__from", "data__to"))
    assert ("applications.application.withdrawn", "submitted", "withdrawn") in actions
    assert ("applications.application.reopened", "withdrawn", "draft") in actions


def test_when_the_deadline_passes_while_editing_the_draft_is_kept_and_submission_refused(
    world: World,
) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    fill(application, world.people["teacher_a"])
    round = application.round
    round.opens_at, round.closes_at = (
        timezone.now() - timedelta(days=5),
        timezone.now() - timedelta(minutes=1),
    )
    round.save()
    application = queries.application(application.pk)
    part = _part(application)
    services.save_part(
        part=part, text="Typed after the deadline.", base_revision=part.revision, by=world.people["teacher_a"]
    )
    part.refresh_from_db()
    assert part.text == "Typed after the deadline."
    with pytest.raises(ValidationError, match="deadline has passed"):
        services.sign_and_submit(application=application, by=world.people["head_a"], declaration=True)
    application.refresh_from_db()
    assert application.status == Status.DRAFT


def test_a_returned_application_is_editable_again_and_can_be_resubmitted(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    fill(application, world.people["teacher_a"])
    services.sign_and_submit(application=application, by=world.people["head_a"], declaration=True)
    services.return_for_information(
        application=application, message="Add your eSafety policy.", by=world.people["nso_x"]
    )
    application = queries.application(application.pk)
    assert application.status == Status.RETURNED and application.is_editable
    part = _part(application)
    services.save_part(
        part=part, text="More detail.", base_revision=part.revision, by=world.people["teacher_a"]
    )
    services.sign_and_submit(application=application, by=world.people["head_a"], declaration=True)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert AuditEvent.objects.filter(action="applications.application.returned", data__to="returned").exists()


def test_a_renewal_shows_the_previous_applications_plan(world: World) -> None:
    earlier_round = open_round(first_year=2024)
    earlier = application_of(world.school_a, world.people["head_a"], round=earlier_round)
    fill(earlier, world.people["teacher_a"])
    plan = earlier.parts.filter(statement__isnull=True, section__kind="commitment-1").get()
    services.save_part(
        part=plan,
        text="We will open the team to pupils.",
        base_revision=plan.revision,
        by=world.people["head_a"],
    )
    services.sign_and_submit(application=earlier, by=world.people["head_a"], declaration=True)
    base.SchoolLabelFactory(school=world.school_a, first_year=2024, last_year=2025)
    later_round = open_round(first_year=2026, opens_at=timezone.now() - timedelta(days=1))
    later = application_of(world.school_a, world.people["head_a"], round=later_round)
    later = queries.application(later.pk)
    assert queries.is_renewal(later)
    pages = [
        queries.application_page(later, number=n, with_candidates=False)
        for n in range(1, later.round.form_version.sections.count() + 1)
    ]
    shown = {str(page.current.section.kind): page.current.previous_plan for page in pages if page}
    assert shown["commitment-1"] == "We will open the team to pupils."
    assert shown["esafety"] is None


def test_a_record_picked_as_evidence_is_kept_once_per_section(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    section = application.round.form_version.sections.get(kind="commitment-1")
    kwargs = {
        "application": application,
        "section_id": section.pk,
        "by": world.people["teacher_a"],
        "title": "Decision",
        "url": "https://example.org/d/1",
        "record_key": "leadership.decision:1",
    }
    services.add_evidence(**kwargs)
    with pytest.raises(ValidationError, match="already evidence"):
        services.add_evidence(**kwargs)


def test_links_must_be_web_addresses(world: World) -> None:
    application = application_of(world.school_a, world.people["head_a"])
    section = application.round.form_version.sections.get(kind="esafety")
    with pytest.raises(ValidationError, match="full web address"):
        services.add_evidence(
            application=application,
            section_id=section.pk,
            by=world.people["teacher_a"],
            url="javascript:alert(1)",
        )

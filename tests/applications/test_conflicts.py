"""Issue 11 §1: a conflict between two versions of a part stays open until a person resolves it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.applications.factories import application_of, fill
from tests.conftest import World
from twinschools.applications import services
from twinschools.applications.models import Part, PartConflict, PartRevision, Resolution
from twinschools.core.models import AuditEvent
from twinschools.notifications.models import Notification

HEAD = "The head wrote this sentence."
TEACHER = "The teacher wrote that sentence."


def _conflict(world: World) -> tuple[Part, PartConflict]:
    """The head saves first; the teacher, who opened the same revision, saves the same line."""
    app = application_of(world.school_a, world.people["head_a"])
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    services.save_part(part=part, text=HEAD, base_revision=0, by=world.people["head_a"])
    result = services.save_part(part=part, text=TEACHER, base_revision=0, by=world.people["teacher_a"])
    assert result.outcome == "conflict" and result.conflict is not None
    part.refresh_from_db()
    return part, result.conflict


def test_after_a_conflict_a_save_with_the_refreshed_revision_does_not_replace_the_other_text(
    world: World,
) -> None:
    part, conflict = _conflict(world)
    # What the page did on leaving the field: the box carried the part's new revision.
    result = services.save_part(
        part=part, text=TEACHER + " More.", base_revision=part.revision, by=world.people["teacher_a"]
    )
    assert result.outcome == "held"
    part.refresh_from_db()
    assert part.text == HEAD and part.revision == 1
    conflict.refresh_from_db()
    assert conflict.is_open and conflict.text == TEACHER
    assert result.conflict.is_open and result.conflict.text == TEACHER + " More."


def test_no_save_of_anyone_changes_a_part_while_its_conflict_is_open(world: World) -> None:
    part, conflict = _conflict(world)
    by_conflict = services.save_part(
        part=part,
        text="Teacher again.",
        base_revision=0,
        by=world.people["teacher_a"],
        conflict_id=conflict.pk,
    )
    assert by_conflict.outcome == "held" and by_conflict.conflict == conflict
    by_head = services.save_part(
        part=part, text=HEAD + "\nAnd more.", base_revision=part.revision, by=world.people["head_a"]
    )
    assert by_head.outcome == "held" and by_head.conflict != conflict
    part.refresh_from_db()
    assert part.text == HEAD
    assert set(PartConflict.objects.filter(resolved_at__isnull=True).values_list("text", flat=True)) == {
        "Teacher again.",
        HEAD + "\nAnd more.",
    }
    # The same text sent twice (a reload, a blur) is one pending version, not two.
    services.save_part(part=part, text="Teacher again.", base_revision=0, by=world.people["teacher_a"])
    assert PartConflict.objects.filter(resolved_at__isnull=True).count() == 2


@pytest.mark.parametrize(
    ("resolution", "expected"),
    [
        (Resolution.MINE, TEACHER),
        (Resolution.THEIRS, HEAD),
        (Resolution.BOTH, HEAD + "\n" + TEACHER),
        (Resolution.MERGED, "Both of us wrote this."),
    ],
)
def test_a_person_resolves_a_conflict_by_choosing_one_keeping_both_or_combining(
    world: World, resolution: str, expected: str
) -> None:
    part, conflict = _conflict(world)
    services.resolve_conflict(
        conflict=conflict,
        resolution=resolution,
        revision=part.revision,
        by=world.people["teacher_a"],
        text="Both of us wrote this." if resolution == Resolution.MERGED else None,
    )
    part.refresh_from_db()
    conflict.refresh_from_db()
    assert part.text == expected
    assert not conflict.is_open and conflict.resolution == resolution
    assert conflict.resolved_by == world.people["teacher_a"]
    # Every version written stays readable: the history, and the conflict with its text.
    assert PartRevision.objects.filter(part=part, text=HEAD).exists() and conflict.text == TEACHER
    # Once resolved, the part saves as before.
    result = services.save_part(
        part=part, text=expected + "\nLater.", base_revision=part.revision, by=world.people["head_a"]
    )
    assert result.outcome == "saved"


def test_a_resolution_on_a_text_that_changed_meanwhile_decides_nothing(world: World) -> None:
    part, conflict = _conflict(world)
    second = services.save_part(
        part=part, text="The team's idea.", base_revision=0, by=world.people["team_a"]
    ).conflict
    services.resolve_conflict(
        conflict=second, resolution=Resolution.MINE, revision=part.revision, by=world.people["team_a"]
    )
    with pytest.raises(ValidationError, match="changed while you were deciding"):
        services.resolve_conflict(
            conflict=conflict, resolution=Resolution.MINE, revision=part.revision, by=world.people["head_a"]
        )
    with pytest.raises(ValidationError, match="already resolved"):
        services.resolve_conflict(
            conflict=second,
            resolution=Resolution.THEIRS,
            revision=part.revision + 1,
            by=world.people["head_a"],
        )
    conflict.refresh_from_db()
    assert conflict.is_open


def test_a_late_save_of_a_resolved_conflicts_text_changes_nothing(world: World) -> None:
    part, conflict = _conflict(world)
    services.resolve_conflict(
        conflict=conflict, resolution=Resolution.BOTH, revision=part.revision, by=world.people["head_a"]
    )
    late = services.save_part(
        part=part, text=TEACHER, base_revision=1, by=world.people["teacher_a"], conflict_id=conflict.pk
    )
    assert late.outcome == "resolved"
    part.refresh_from_db()
    assert part.text == HEAD + "\n" + TEACHER and late.text == part.text


def test_the_author_whose_text_was_replaced_is_told_in_their_language(world: World) -> None:
    part, conflict = _conflict(world)
    head = world.people["head_a"]
    head.language = "ro"
    head.save(update_fields=["language"])
    services.resolve_conflict(
        conflict=conflict, resolution=Resolution.MINE, revision=part.revision, by=world.people["teacher_a"]
    )
    notice = Notification.objects.get(recipient=head)
    assert notice.kind == services.CONFLICT_RESOLVED
    assert notice.url.endswith(f"#part-{part.pk}")
    assert not Notification.objects.filter(recipient=world.people["teacher_a"]).exists()
    from twinschools.notifications.kinds import render

    with translation.override("en"):
        english = render(notice.kind, notice.params)
    assert "replaced your text" in english and "Our school has an eSafety policy." in english
    with translation.override("ro"):
        assert render(notice.kind, notice.params) != english


def test_keeping_the_saved_version_tells_the_author_of_the_other_one(world: World) -> None:
    part, conflict = _conflict(world)
    services.resolve_conflict(
        conflict=conflict, resolution=Resolution.THEIRS, revision=part.revision, by=world.people["head_a"]
    )
    assert list(Notification.objects.values_list("recipient", flat=True)) == [world.people["teacher_a"].pk]


def test_signing_is_refused_while_a_conflict_or_a_comment_is_open_and_says_which(world: World) -> None:
    head = world.people["head_a"]
    app = application_of(world.school_a, head)
    fill(app, head)
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    services.save_part(part=part, text="Mine.", base_revision=part.revision - 1, by=world.people["teacher_a"])
    section = part.section
    services.add_comment(application=app, section_id=section.pk, text="Check the dates.", by=head)
    with pytest.raises(ValidationError) as refused:
        services.sign_and_submit(application=app, by=head, declaration=True)
    sentences = refused.value.messages
    assert any(
        "eSafety policy" in s
        and "Our school has an eSafety policy." in s
        and "in conflict" in s
        and "Teacher A" in s
        for s in sentences
    )
    assert any("1 comment is not resolved" in s and "Check the dates." in s for s in sentences)
    conflict = PartConflict.objects.get()
    part.refresh_from_db()
    services.resolve_conflict(conflict=conflict, resolution=Resolution.BOTH, revision=part.revision, by=head)
    for note in app.comments.all():
        services.resolve_comment(comment=note, by=head)
    assert services.sign_and_submit(application=app, by=head, declaration=True).number == 1


def test_the_home_page_shows_the_staff_the_parts_waiting_for_a_choice(world: World) -> None:
    from django.urls import reverse

    from tests.clients import signed_in

    _conflict(world)
    response = signed_in(world.people["head_a"]).get(reverse("accounts:dashboard"))
    panel = next(p for p in response.context["home"].panels if p.group == f"school:{world.school_a.pk}")
    assert {card.key: card.count for card in panel.cards}["applications.conflicts"] == 1
    assert "Application parts with versions in conflict" in response.content.decode()


def test_a_comment_added_and_resolved_is_audited_by_section_never_by_its_text(world: World) -> None:
    head = world.people["head_a"]
    app = application_of(world.school_a, head)
    section = app.parts.filter(statement__isnull=False).order_by("pk").first().section
    note = services.add_comment(application=app, section_id=section.pk, text="Ask ana@example.org.", by=head)
    services.resolve_comment(comment=note, by=head)
    services.resolve_comment(comment=note, by=head)
    events = list(AuditEvent.objects.filter(target_type="applications.comment").order_by("pk"))
    assert [(e.action, e.target_id, e.school_id) for e in events] == [
        ("applications.comment.added", str(note.pk), world.school_a.pk),
        ("applications.comment.resolved", str(note.pk), world.school_a.pk),
    ]
    assert events[0].data == {"section": section.pk}

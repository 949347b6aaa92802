"""The audit trail: one vocabulary of actions, objects named by kind and id."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from tests.conftest import World
from twinschools.core import audit

SOURCE = Path(__file__).resolve().parents[2] / "twinschools"
PLACEHOLDER = "x"


def _shapes(node: ast.expr) -> list[str]:
    """The action strings a call can write; an f-string's placeholders read as one word."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _shapes(node.body) + _shapes(node.orelse)
    if isinstance(node, ast.JoinedStr):
        return [
            "".join(part.value if isinstance(part, ast.Constant) else PLACEHOLDER for part in node.values)
        ]
    raise AssertionError(f"an audit action must be written out where it is recorded: {ast.dump(node)}")


def _audit_calls() -> list[tuple[Path, ast.Call]]:
    calls = []
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        calls.extend(
            (path, node)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "record"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "audit"
        )
    return calls


def test_every_audited_action_is_named_app_object_verb() -> None:
    calls = _audit_calls()
    assert len(calls) > 80
    for path, call in calls:
        action = next(keyword.value for keyword in call.keywords if keyword.arg == "action")
        for shape in _shapes(action):
            assert audit.ACTION.match(shape), f"{path.name}:{call.lineno}: {shape!r}"
            assert shape.split(".")[0] == path.relative_to(SOURCE).parts[0] or shape.startswith(
                "applications."
            ), f"{path.name}:{call.lineno}: {shape!r} is not named after its app"


def test_no_audit_call_describes_its_object_in_free_text() -> None:
    for path, call in _audit_calls():
        for keyword in call.keywords:
            if keyword.arg == "target":
                assert not isinstance(keyword.value, ast.Constant | ast.JoinedStr | ast.BinOp), (
                    f"{path.name}:{call.lineno}"
                )


def test_an_action_outside_the_vocabulary_is_refused(world: World) -> None:
    with pytest.raises(ValueError):
        audit.record(actor=None, action="invitation.sent")
    with pytest.raises(TypeError):
        audit.record(actor=None, action="accounts.invitation.sent", target="someone@example.org")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        audit.record(actor=None, action="accounts.invitation.sent", data={"to": "someone@example.org"})


def test_an_event_names_its_object_by_kind_and_id(world: World) -> None:
    event = audit.record(actor=world.people["head_a"], action="accounts.student.added", target=world.pupil_a)
    assert (event.target_type, event.target_id) == ("accounts.studentprofile", str(world.pupil_a.pk))


OLD_ACTIONS = """
credentials.key_created credentials.key_rotated credentials.issued credentials.revoked
planning.plan.created planning.goal.created planning.action.deleted planning.note.created
planning.activity.created planning.activity.updated planning.feed.created planning.feed.reset
evaluation.withdrawn evaluation.assigned evaluation.declined evaluation.submitted_review
evaluation.saved_review evaluation.reopened_review evaluation.moderated evaluation.decided
evaluation.settings_changed evaluation.no_conflict_declared applications.decided
evaluation.awarded evaluation.revoked network.nso_profile_updated network.import
labels.round_saved labels.round_created labels.round_duplicated labels.round_published
labels.eligibility_requested labels.eligibility_run labels.invitations_sent
labels.review_requested labels.exception_granted labels.review_refused
inclusion.recorded inclusion.changed inclusion.deleted
notification.sent notification.read notification.read_all
event.saved event.session_added event.published event.cancelled event.draft
registration.created registration.confirmed registration.waiting_list registration.awaiting_approval
registration.declined registration.cancelled registration.offer_accepted registration.attended
registration.absent event.registrations_purged
mentoring.offer_saved mentoring.requested mentoring.matched mentoring.pair_accept
mentoring.pair_decline mentoring.goals_set mentoring.meeting_logged mentoring.feedback
team.member_added team.member_removed team.delegated team.delegation_ended
responsibility.created responsibility.changed responsibility.deleted
proposal.opened proposal.position_taken proposal.position_changed proposal.closed
proposal.withdrawn outcome.recorded outcome.changed proposal.reminded outcome.review_due
student_team.created student_team.changed initiative.proposed initiative.resubmitted
initiative.approved initiative.changes initiative.declined initiative.held
suggestion.submitted suggestion.published suggestion.hidden
invitation.sent country_role.granted country_role.deactivated invitation.revoked
invitation.accepted account.created_by_invitation class.created student.added
student.consent student.consent_withdrawn person.exported person.erased
practice.shared practice.updated practice.deleted practice.commented practice.tried
practice.tried_withdrawn practice.adapted
applications.started applications.reopened applications.submitted applications.withdrawn
applications.returned applications.evidence_added applications.evidence_removed
applications.signatory_removed applications.signatory_designated
""".split()


def test_the_migration_renames_every_old_action_into_the_vocabulary() -> None:
    migration = importlib.import_module("twinschools.core.migrations.0002_audit_targets_by_kind")
    for old in OLD_ACTIONS:
        assert audit.ACTION.match(migration.new_action(old)), old
    assert migration.new_action("invitation.sent") == "accounts.invitation.sent"
    assert migration.new_action("proposal.closed") == "leadership.proposal.closed"
    assert migration.new_action("registration.created") == "events.registration.created"


def test_the_migration_keeps_kinds_and_ids_and_clears_free_text() -> None:
    migration = importlib.import_module("twinschools.core.migrations.0002_audit_targets_by_kind")
    assert migration.TARGET.match("proposal:12")["kind"] == "proposal"
    assert migration.TARGET.match("round:3:RO")["pk"] == "3"
    assert migration.TARGET.match("activity 7")["kind"] == "activity"
    assert migration.TARGET.match("someone@example.org") is None
    assert migration.TARGET.match("Tablets to borrow") is None

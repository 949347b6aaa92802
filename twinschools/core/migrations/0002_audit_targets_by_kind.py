"""Audit events name their object by kind and id, and their actions follow `app.object.verb`.

Existing rows are renamed to the new vocabulary; their free-text targets become a kind and an
id where they were "kind:pk" (or the calendar's "kind pk"), and are cleared otherwise: those
held e-mail addresses, titles and file names. Details that copied a title or a free-text reason
lose that key.
"""

import re

from django.db import migrations, models

# Old action -> new action, where the rule by prefix below would not say it right.
RENAMED = {
    "credentials.key_created": "credentials.signing_key.created",
    "credentials.key_rotated": "credentials.signing_key.rotated",
    "credentials.issued": "credentials.credential.issued",
    "credentials.revoked": "credentials.credential.revoked",
    "credentials.reissued": "credentials.credential.reissued",
    "credentials.key_reencrypted": "credentials.signing_key.reencrypted",
    "evaluation.settings_changed": "evaluation.settings.changed",
    "evaluation.no_conflict_declared": "evaluation.assignment.no_conflict_declared",
    "evaluation.awarded": "evaluation.award.granted",
    "evaluation.revoked": "evaluation.award.revoked",
    "applications.decided": "applications.application.decided",
    "applications.evidence_added": "applications.evidence.added",
    "applications.evidence_removed": "applications.evidence.removed",
    "applications.signatory_removed": "applications.signatory.removed",
    "applications.signatory_designated": "applications.signatory.designated",
    "network.nso_profile_updated": "network.nso_profile.updated",
    "network.import": "network.registry.imported",
    "labels.round_saved": "labels.round.saved",
    "labels.round_created": "labels.round.created",
    "labels.round_duplicated": "labels.round.duplicated",
    "labels.round_published": "labels.round.published",
    "labels.eligibility_requested": "labels.eligibility.requested",
    "labels.eligibility_run": "labels.eligibility.checked",
    "labels.invitations_sent": "labels.invitation.sent",
    "labels.review_requested": "labels.review.requested",
    "labels.exception_granted": "labels.exception.granted",
    "labels.review_refused": "labels.review.refused",
    "labels.round_deleted": "labels.round.deleted",
    "event.session_added": "events.session.added",
    "event.session_changed": "events.session.changed",
    "event.session_cancelled": "events.session.cancelled",
    "mentoring.offer_saved": "mentoring.offer.saved",
    "mentoring.requested": "mentoring.request.saved",
    "mentoring.matched": "mentoring.matching_run.completed",
    "mentoring.pair_accept": "mentoring.pairing.accept",
    "mentoring.pair_decline": "mentoring.pairing.decline",
    "mentoring.goals_set": "mentoring.pairing.goals_set",
    "mentoring.meeting_logged": "mentoring.meeting.logged",
    "mentoring.feedback": "mentoring.pairing.feedback_given",
    "team.member_added": "leadership.team_member.added",
    "team.member_removed": "leadership.team_member.removed",
    "team.delegated": "leadership.team_member.delegated",
    "team.delegation_ended": "leadership.team_member.delegation_ended",
    "practice.commented": "practices.comment.posted",
    "account.created_by_invitation": "accounts.user.created_by_invitation",
    "class.created": "accounts.class_group.created",
    "student.consent": "accounts.student.consent_given",
    "inclusion.recorded": "mission.inclusion_measure.recorded",
    "inclusion.changed": "mission.inclusion_measure.changed",
    "inclusion.deleted": "mission.inclusion_measure.deleted",
}

# Old first part -> new first two parts.
PREFIXES = {
    "evaluation": "evaluation.application",
    "applications": "applications.application",
    "event": "events.event",
    "registration": "events.registration",
    "student_team": "agency.student_team",
    "initiative": "agency.initiative",
    "suggestion": "agency.suggestion",
    "responsibility": "leadership.responsibility",
    "proposal": "leadership.proposal",
    "outcome": "leadership.outcome",
    "practice": "practices.practice",
    "invitation": "accounts.invitation",
    "country_role": "accounts.country_role",
    "student": "accounts.student",
    "person": "accounts.person",
    "notification": "notifications.notification",
}

ACTION = re.compile(r"^[a-z_]+\.[a-z_]+\.[a-z_]+$")


def new_action(old):
    if old in RENAMED:
        return RENAMED[old]
    if ACTION.match(old):
        return old
    head, _dot, verb = old.partition(".")
    if head in PREFIXES and verb and "." not in verb:
        return f"{PREFIXES[head]}.{verb}"
    return old


# "kind:pk" and "kind pk" -> model label
KINDS = {
    "event": "events.event",
    "offer": "mentoring.mentoroffer",
    "request": "mentoring.mentoringrequest",
    "run": "mentoring.matchingrun",
    "pairing": "mentoring.pairing",
    "user": "accounts.user",
    "responsibility": "leadership.responsibility",
    "proposal": "leadership.proposal",
    "student_team": "agency.studentteam",
    "initiative": "agency.initiative",
    "suggestion": "agency.suggestion",
    "practice": "practices.practice",
    "application": "applications.application",
    "award": "evaluation.labelaward",
    "round": "labels.round",
    "review": "labels.reviewrequest",
    "notification": "notifications.notification",
    "goal": "planning.goal",
    "action": "planning.action",
    "activity": "planning.calendaractivity",
}
TARGET = re.compile(r"^(?P<kind>[a-z_]+)[: ](?P<pk>\d+)(:[A-Z]{2})?$")
FREE_TEXT_DETAILS = ("title", "name", "reason", "message")


def forwards(apps, schema_editor):
    AuditEvent = apps.get_model("core", "AuditEvent")
    for old in list(AuditEvent.objects.values_list("action", flat=True).distinct()):
        new = new_action(old)
        if new != old:
            AuditEvent.objects.filter(action=old).update(action=new)
    changed = []
    for event in AuditEvent.objects.exclude(target="").only("pk", "target", "data").iterator(chunk_size=2000):
        found = TARGET.match(event.target)
        if found and found["kind"] in KINDS:
            event.target_type, event.target_id = KINDS[found["kind"]], found["pk"]
        event.target = ""
        changed.append(event)
        if len(changed) >= 2000:
            AuditEvent.objects.bulk_update(changed, ["target", "target_type", "target_id"])
            changed = []
    AuditEvent.objects.bulk_update(changed, ["target", "target_type", "target_id"])
    for event in AuditEvent.objects.filter(
        models.Q(data__has_key="title")
        | models.Q(data__has_key="name")
        | models.Q(data__has_key="reason")
        | models.Q(data__has_key="message")
    ).iterator(chunk_size=2000):
        event.data = {key: value for key, value in event.data.items() if key not in FREE_TEXT_DETAILS}
        event.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="target_id",
            field=models.CharField(blank=True, max_length=64, verbose_name="object id"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="target_type",
            field=models.CharField(blank=True, max_length=100, verbose_name="kind of object"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="auditevent",
            name="target",
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["target_type", "target_id"], name="core_audit_target"),
        ),
    ]

"""Label applications: who may open each page (see tests/authz.py).

School A is eligible for an open round and has an application with a part,
a file, a comment and a submission; teacher B's school is in the same country.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.applications.factories import application_of, fill
from tests.authz import Case, only
from tests.conftest import World
from twinschools.applications import services
from twinschools.applications.models import Application, Comment, Evidence, EvidenceKind

STAFF_A = {"teacher_a": 200, "team_a": 200, "head_a": 200}
READERS = {**STAFF_A, "nso_x": 200, "admin": 200}


def _application(w: World) -> Application:
    found = Application.objects.filter(school=w.school_a).first()
    return found or application_of(w.school_a, w.people["head_a"])


def _evidence(w: World) -> Evidence:
    app = _application(w)
    section = app.round.form_version.sections.first()
    return Evidence.objects.create(
        application=app,
        section=section,
        kind=EvidenceKind.FILE,
        title="policy.pdf",
        file=ContentFile(b"%PDF-1.4 test", name="policy.pdf"),
        size=13,
    )


def _comment(w: World) -> Comment:
    app = _application(w)
    return services.add_comment(
        application=app,
        section_id=app.round.form_version.sections.first().pk,
        text="Check this.",
        by=w.people["teacher_a"],
    )


def _receipt(w: World) -> str:
    app = _application(w)
    fill(app, w.people["teacher_a"])
    submission = services.sign_and_submit(application=app, by=w.people["head_a"], declaration=True)
    return reverse("applications:receipt", args=[submission.pk])


def _url(name: str, obj) -> str:
    return reverse(name, args=[obj.pk])


CASES = [
    Case(
        "applications:school",
        lambda w: (_application(w), reverse("applications:school", args=[w.school_a.pk]))[1],
        only({**READERS}, others=404),
    ),
    Case(
        "applications:start",
        lambda w: reverse("applications:start", args=[w.school_a.pk]),
        only({"teacher_a": 404, "team_a": 404, "head_a": 404}, others=404),  # no round posted
        method="post",
    ),
    Case(
        "applications:nso_list",
        lambda w: reverse("applications:nso_list"),
        only({"nso_x": 200, "nso_y": 200, "admin": 200}, others=403),
    ),
    Case(
        "applications:detail",
        lambda w: _url("applications:detail", _application(w)),
        only(READERS, others=404),
    ),
    Case(
        "applications:section",
        lambda w: reverse("applications:section", args=[_application(w).pk, 2]),
        only(READERS, others=404),
    ),
    Case(
        "applications:add_evidence",
        lambda w: _url("applications:add_evidence", _application(w)),
        only(dict.fromkeys(STAFF_A, 302), others=404),
        method="post",
    ),
    Case(
        "applications:comment",
        lambda w: _url("applications:comment", _application(w)),
        only(dict.fromkeys(STAFF_A, 302), others=404),
        method="post",
    ),
    Case(
        "applications:designate",
        lambda w: _url("applications:designate", _application(w)),
        only({"head_a": 200}, others=404),
    ),
    Case(
        "applications:sign",
        lambda w: _url("applications:sign", _application(w)),
        only({"head_a": 200}, others=404),
    ),
    Case(
        "applications:withdraw",
        lambda w: _url("applications:withdraw", _application(w)),
        only({"head_a": 302}, others=404),
        method="post",
    ),
    Case(
        "applications:save_part",
        lambda w: _url("applications:save_part", _application(w).parts.first()),
        only(dict.fromkeys(STAFF_A, 400), others=404),  # no text posted
        method="post",
    ),
    Case(
        "applications:resolve_conflict",
        lambda w: _url("applications:resolve_conflict", _application(w).parts.first()),
        only(dict.fromkeys(STAFF_A, 302), others=404),  # no conflict posted: back to the part
        method="post",
    ),
    Case(
        "applications:evidence_file",
        lambda w: _url("applications:evidence_file", _evidence(w)),
        only(READERS, others=404),
    ),
    Case(
        "applications:remove_evidence",
        lambda w: _url("applications:remove_evidence", _evidence(w)),
        only(dict.fromkeys(STAFF_A, 302), others=404),
        method="post",
    ),
    Case(
        "applications:resolve_comment",
        lambda w: _url("applications:resolve_comment", _comment(w)),
        only(dict.fromkeys(STAFF_A, 302), others=404),
        method="post",
    ),
    Case("applications:receipt", _receipt, only(READERS, others=404)),
]

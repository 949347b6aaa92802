from __future__ import annotations

from typing import Any

import rules
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.accounts import queries as accounts_queries
from twinschools.applications import queries, services
from twinschools.applications.forms import CommentForm, FileForm, LinkForm, PartForm, SignatoryForm, SignForm
from twinschools.applications.models import Application, Comment, Evidence, Part, Status, Submission
from twinschools.core.permissions import requires
from twinschools.labels.models import Round
from twinschools.network.models import School

SECTION = "applications"


def _people(names: list[Any]) -> str:
    return ", ".join(sorted({(p.full_name or p.email) for p in names if p is not None}))


# The school's entry page ----------------------------------------------------------


@requires("applications.view_school", load=accounts_queries.school)
def school(request: HttpRequest, obj: School) -> HttpResponse:
    context = {
        "school": obj,
        "section": SECTION,
        "page": queries.school_page(obj),
        "can_start": request.user.has_perm("applications.start", obj),
    }
    return render(request, "applications/school.html", context)


@require_POST
@requires("applications.start", load=accounts_queries.school)
def start(request: HttpRequest, obj: School) -> HttpResponse:
    round_ = Round.objects.filter(pk=request.POST.get("round") or 0).first()
    if round_ is None:
        raise Http404
    try:
        application = services.start_application(school=obj, round=round_, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("applications:school", obj.pk)
    return redirect("applications:detail", application.pk)


# The application page -------------------------------------------------------------


def _detail(
    request: HttpRequest,
    app: Application,
    *,
    number: int = 1,
    conflict: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    can_write = rules.has_perm("applications.write", request.user, app) and app.is_editable
    page = queries.application_page(app, number=number, with_candidates=can_write, viewer=request.user)
    if page is None:
        raise Http404
    submissions = queries.submissions_of(app)
    context = {
        "school": app.school,
        "section": SECTION,
        "app": app,
        "page": page,
        "view": page.current,
        "can_write": can_write,
        "can_sign": rules.has_perm("applications.sign", request.user, app),
        "can_designate": rules.has_perm("applications.designate", request.user, app),
        "submissions": submissions,
        "current": next((s for s in submissions if s.withdrawn_at is None), None),
        "renewal": queries.is_renewal(app),
        "conflict": conflict or {},
        "max_text": services.MAX_TEXT,
        "link_form": LinkForm(),
        "file_form": FileForm(),
        "comment_form": CommentForm(),
    }
    return render(request, "applications/detail.html", context, status=status)


@requires("applications.view", load=queries.application)
def detail(request: HttpRequest, obj: Application) -> HttpResponse:
    """The application's first section, with the status, the actions and every section's progress."""
    return _detail(request, obj)


@requires("applications.view", load=queries.application_section)
def section(request: HttpRequest, obj: Application) -> HttpResponse:
    number = obj.requested_section  # type: ignore[attr-defined]
    if number == 1:
        return redirect("applications:detail", obj.pk)
    return _detail(request, obj, number=number)


def section_url(app: Application, section_id: Any = None, anchor: str = "") -> str:
    """The page of one section of the application (the application's own address for the first)."""
    try:
        number = queries.section_number(app, int(section_id or 0))
    except (TypeError, ValueError):
        number = 1
    if number == 1:
        return reverse("applications:detail", args=[app.pk]) + anchor
    return reverse("applications:section", args=[app.pk, number]) + anchor


def _saved_sentence(result: services.SaveResult) -> str:
    if result.outcome == "merged":
        return _("Saved, merged with the changes of %(people)s.") % {
            "people": _people([r.author for r in result.others])
        }
    if result.outcome == "conflict":
        return _(
            "Not saved: someone else changed the same lines. Both versions are shown below; "
            "yours is kept until someone chooses."
        )
    if result.outcome == "held":
        return _(
            "Not saved over the other text: this part has versions in conflict. "
            "Your text is kept as your version until someone chooses below."
        )
    if result.outcome == "resolved":
        conflict = result.conflict
        who = conflict.resolved_by if conflict is not None else None
        return _("%(person)s has resolved the conflict: the box now shows the saved text.") % {
            "person": _people([who]) or _("Someone")
        }
    if result.outcome == "unchanged":
        return _("Nothing changed since the last save.")
    return _("Saved.")


@require_POST
@requires("applications.write", load=queries.part, superusers=False)
def save_part(request: HttpRequest, obj: Part) -> HttpResponse:
    form = PartForm(request.POST)
    if not form.is_valid():
        return HttpResponse(
            _("The save could not be read. Reload the page; your text is still in the box."), status=400
        )
    try:
        result = services.save_part(
            part=obj,
            text=form.cleaned_data["text"],
            base_revision=form.cleaned_data["base_revision"],
            by=request.user,
            conflict_id=form.cleaned_data["conflict"],
        )
    except ValidationError as error:
        if request.htmx:
            return render(
                request, "applications/_part_error.html", {"part": obj, "error": " ".join(error.messages)}
            )
        messages.error(request, " ".join(error.messages))
        return redirect(section_url(obj.application, obj.section_id, f"#part-{obj.pk}"))
    if request.htmx and result.outcome == "unchanged":
        # Keep the status the last real save left (a save also fires when a merged box is replaced).
        return HttpResponse(status=204)
    if request.htmx:
        part = queries.with_conflicts([result.part], request.user)[0]
        context = {
            "part": part,
            "result": result,
            "sentence": _saved_sentence(result),
            "can_write": True,
        }
        return render(request, "applications/_part_saved.html", context)
    if result.in_conflict and result.conflict is not None:
        conflict = {
            "part": obj.pk,
            "mine": result.text,
            "id": result.conflict.pk,
            "base": result.conflict.base_revision,
            "sentence": _saved_sentence(result),
        }
        number = queries.section_number(obj.application, obj.section_id)
        return _detail(request, obj.application, number=number, conflict=conflict, status=409)
    messages.success(request, _saved_sentence(result))
    return redirect(section_url(obj.application, obj.section_id, f"#part-{obj.pk}"))


def _resolved_sentence(resolution: str) -> str:
    return {
        "mine": _("The conflict is resolved: the other version replaced the saved text."),
        "theirs": _("The conflict is resolved: the saved text was kept."),
        "both": _("The conflict is resolved: both versions were kept, one after the other."),
        "merged": _("The conflict is resolved: the combined text from your box was saved."),
    }.get(resolution, _("The conflict is resolved."))


@require_POST
@requires("applications.write", load=queries.part, superusers=False)
def resolve_conflict(request: HttpRequest, obj: Part) -> HttpResponse:
    """One of the buttons beside two versions in conflict: keep one, keep both, or the box's text."""
    chosen, _sep, resolution = request.POST.get("resolve", "").partition(":")
    back = redirect(section_url(obj.application, obj.section_id, f"#part-{obj.pk}"))
    conflict = queries.open_conflict(obj, chosen)
    if conflict is None:
        messages.error(request, _("This conflict is no longer open: someone has resolved it."))
        return back
    try:
        services.resolve_conflict(
            conflict=conflict,
            resolution=resolution,
            revision=int(request.POST.get("revision", "")),
            by=request.user,
            text=request.POST.get("text"),
            box_conflict_id=int(request.POST.get("conflict") or 0) or None,
        )
    except ValueError:
        messages.error(request, _("The choice could not be read. Reload the page and choose again."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _resolved_sentence(resolution))
    return back


def _back(app: Application, section_id: Any, anchor: str) -> HttpResponse:
    return redirect(section_url(app, section_id, anchor))


@require_POST
@requires("applications.write", load=queries.application, superusers=False)
def add_evidence(request: HttpRequest, obj: Application) -> HttpResponse:
    section_id = request.POST.get("section")
    try:
        if request.POST.get("record"):
            found = queries.candidate(obj, request.POST["record"])
            if found is None:
                raise ValidationError(_("This record is no longer among the school's records."))
            services.add_evidence(
                application=obj,
                section_id=int(section_id or 0),
                by=request.user,
                title=found.title,
                url=found.url,
                record_key=found.key,
                on=found.on,
            )
        elif request.FILES:
            form = FileForm(request.POST, request.FILES)
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            services.add_evidence(
                application=obj,
                section_id=form.cleaned_data["section"],
                by=request.user,
                upload=form.cleaned_data["file"],
            )
        else:
            form = LinkForm(request.POST)
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            services.add_evidence(
                application=obj,
                section_id=form.cleaned_data["section"],
                by=request.user,
                title=form.cleaned_data["title"],
                url=form.cleaned_data["url"],
            )
    except (ValidationError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("The evidence was added."))
    return _back(obj, section_id, "#evidence")


@require_POST
@requires("applications.write", load=queries.evidence, superusers=False)
def remove_evidence(request: HttpRequest, obj: Evidence) -> HttpResponse:
    try:
        services.remove_evidence(evidence=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The evidence was removed."))
    return _back(obj.application, obj.section_id, "#evidence")


@requires("applications.download", load=queries.evidence)
def evidence_file(request: HttpRequest, obj: Evidence) -> HttpResponse:
    if not obj.file:
        raise Http404
    try:
        stream = obj.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(stream, as_attachment=True, filename=obj.title)
    # Evidence is private to the school and its NSO: never kept in shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@requires("applications.write", load=queries.application, superusers=False)
def comment(request: HttpRequest, obj: Application) -> HttpResponse:
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(
                application=obj,
                section_id=form.cleaned_data["section"],
                text=form.cleaned_data["text"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your comment was added."))
    else:
        messages.error(request, _("Write a comment before sending it."))
    return _back(obj, request.POST.get("section"), "#comments")


@require_POST
@requires("applications.write", load=queries.comment, superusers=False)
def resolve_comment(request: HttpRequest, obj: Comment) -> HttpResponse:
    services.resolve_comment(comment=obj, by=request.user)
    messages.success(request, _("The comment was marked as resolved."))
    return _back(obj.application, obj.section_id, "#comments")


# Signing ---------------------------------------------------------------------------


@requires("applications.designate", load=queries.application, superusers=False)
def designate(request: HttpRequest, obj: Application) -> HttpResponse:
    staff = [person for person in queries.staff_of(obj) if person.pk != request.user.pk]
    current = getattr(obj, "signatory", None)
    form = SignatoryForm(
        request.POST or None, staff=staff, initial={"deputy": current.deputy_id if current else ""}
    )
    if request.method == "POST" and form.is_valid():
        deputy = next((p for p in staff if p.pk == form.cleaned_data["deputy"]), None)
        try:
            services.designate_signatory(application=obj, deputy=deputy, by=request.user)
        except ValidationError as error:
            form.add_error("deputy", error)
        else:
            messages.success(request, _("The signatory was saved."))
            return redirect("applications:detail", obj.pk)
    context = {"school": obj.school, "section": SECTION, "app": obj, "form": form}
    return render(request, "applications/designate.html", context, status=400 if form.errors else 200)


@requires("applications.sign", load=queries.application, superusers=False)
def sign(request: HttpRequest, obj: Application) -> HttpResponse:
    form = SignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.sign_and_submit(
                application=obj, by=request.user, declaration=form.cleaned_data["declaration"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The application was signed and submitted."))
            return redirect("applications:receipt", submission.pk)
    context = {
        "school": obj.school,
        "section": SECTION,
        "app": obj,
        "form": form,
        "missing": services.reasons_not_to_sign(obj) if obj.is_editable else [],
    }
    return render(request, "applications/sign.html", context, status=400 if form.errors else 200)


@require_POST
@requires("applications.sign", load=queries.application, superusers=False)
def withdraw(request: HttpRequest, obj: Application) -> HttpResponse:
    try:
        services.withdraw(application=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The application was withdrawn. You can change it and submit it again before the deadline."),
        )
    return redirect("applications:detail", obj.pk)


@requires("applications.view", load=queries.submission)
def receipt(request: HttpRequest, obj: Submission) -> HttpResponse:
    app = obj.application
    context = {
        "school": app.school,
        "section": SECTION,
        "app": app,
        "submission": obj,
        "can_withdraw": (
            rules.has_perm("applications.sign", request.user, app)
            and app.status == Status.SUBMITTED
            and obj.withdrawn_at is None
            and not app.deadline_passed
        ),
    }
    return render(request, "applications/receipt.html", context)


# The NSO's list -------------------------------------------------------------------


@requires("applications.review")
def nso_list(request: HttpRequest) -> HttpResponse:
    try:
        round_id = int(request.GET.get("round", "0"))
    except ValueError:
        round_id = 0
    rounds, chosen, applications = queries.nso_applications(request.user, round_id or None)
    context = {"rounds": rounds, "chosen": chosen, "applications": applications}
    return render(request, "applications/nso_list.html", context)

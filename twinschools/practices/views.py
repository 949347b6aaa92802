from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.accounts import queries as people
from twinschools.core.permissions import public, requires
from twinschools.network.models import School
from twinschools.practices import queries, services
from twinschools.practices.forms import (
    AdaptForm,
    CommentForm,
    LibraryForm,
    LinkFormSet,
    PracticeForm,
    SchoolLibraryForm,
    TriedForm,
    link_initial,
    links_of,
)
from twinschools.practices.models import Attachment, Practice

SECTION = "practices"


def _query_string(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@public
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryForm(request.GET or None)
    page = queries.library_page(request.user, form.filters(), request.GET.get("page"))
    context = {"form": form, "page": page, "query_string": _query_string(request)}
    template = "practices/_results.html" if request.htmx else "practices/library.html"
    return render(request, template, context)


@requires("workspace.view", load=people.school)
def school_library(request: HttpRequest, obj: School) -> HttpResponse:
    form = SchoolLibraryForm(request.GET or None)
    shown, approach = form.values()
    context = {
        "school": obj,
        "section": SECTION,
        "form": form,
        "page": queries.school_library_page(
            obj, shown=shown, approach=approach, page_number=request.GET.get("page")
        ),
        "query_string": _query_string(request),
        "can_share": request.user.has_perm("practices.share", obj),
    }
    return render(request, "practices/school_library.html", context)


def _form_page(
    request: HttpRequest,
    *,
    school: School,
    form: PracticeForm,
    links: Any,
    practice: Practice | None,
    status: int,
) -> HttpResponse:
    context = {"school": school, "section": SECTION, "form": form, "links": links, "practice": practice}
    return render(request, "practices/form.html", context, status=status)


def _save_failed(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error)


@requires("practices.share", load=people.school)
def create(request: HttpRequest, obj: School) -> HttpResponse:
    form = PracticeForm(
        request.POST or None, request.FILES or None, initial={"language": _author_language(request)}
    )
    links = LinkFormSet(request.POST or None, prefix="links")
    if request.method == "POST" and form.is_valid() and links.is_valid():
        try:
            practice = services.share_practice(
                school=obj,
                author=request.user,
                draft=form.draft(links_of(links)),
                files=form.cleaned_data["files"],
            )
        except ValidationError as error:
            _save_failed(form, error)
        else:
            messages.success(request, _("Your practice was saved."))
            return redirect("practices:detail", practice.pk)
    status = 400 if request.method == "POST" else 200
    return _form_page(request, school=obj, form=form, links=links, practice=None, status=status)


def _author_language(request: HttpRequest) -> str:
    return getattr(request.user, "language", "") or request.LANGUAGE_CODE


@requires("practices.change_practice", load=queries.practice)
def edit(request: HttpRequest, obj: Practice) -> HttpResponse:
    attachments = obj.attachments.all()
    if request.method == "POST":
        form = PracticeForm(request.POST, request.FILES, attachments=attachments)
        links = LinkFormSet(request.POST, prefix="links")
    else:
        form = PracticeForm(initial=_initial(obj), attachments=attachments)
        links = LinkFormSet(initial=link_initial(obj), prefix="links")
    if request.method == "POST" and form.is_valid() and links.is_valid():
        try:
            services.update_practice(
                practice=obj,
                by=request.user,
                draft=form.draft(links_of(links)),
                files=form.cleaned_data["files"],
                remove_attachments=[a.pk for a in form.cleaned_data.get("remove_attachments", [])],
            )
        except ValidationError as error:
            _save_failed(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("practices:detail", obj.pk)
    status = 400 if request.method == "POST" else 200
    return _form_page(request, school=obj.school, form=form, links=links, practice=obj, status=status)


def _initial(practice: Practice) -> dict[str, Any]:
    return {
        "title": practice.title,
        "summary": practice.summary,
        "description": practice.description,
        "age_min": practice.age_min,
        "age_max": practice.age_max,
        "levels": [level.code for level in practice.levels.all()],
        "subjects": practice.subject_codes,
        "approaches": [approach.code for approach in practice.approaches.all()],
        "language": practice.language,
        "visibility": practice.visibility,
    }


@requires("practices.delete_practice", load=queries.practice)
def delete(request: HttpRequest, obj: Practice) -> HttpResponse:
    if request.method == "POST":
        services.delete_practice(practice=obj, by=request.user)
        messages.success(request, _("The practice “%(title)s” was deleted.") % {"title": obj.title})
        return redirect("practices:school_library", obj.school_id)
    return render(
        request, "practices/delete.html", {"practice": obj, "school": obj.school, "section": SECTION}
    )


def _detail_page(
    request: HttpRequest,
    practice: Practice,
    *,
    comment_form: CommentForm | None = None,
    tried_form: TriedForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    original = practice.adapted_from
    context = {
        "practice": practice,
        "original_visible": original is not None and user.has_perm("practices.view_practice", original),
        "adaptations": queries.adaptations_of(practice, user),
        "comments": queries.comments_of(practice),
        "tried_marks": queries.tried_marks_of(practice),
        "my_tried": queries.tried_by(practice, user),
        "can_edit": user.has_perm("practices.change_practice", practice),
        "can_delete": user.has_perm("practices.delete_practice", practice),
        "can_respond": user.has_perm("practices.respond", practice),
        "is_author": practice.author_id is not None and practice.author_id == user.pk,
        "comment_form": comment_form or CommentForm(),
        "tried_form": tried_form or TriedForm(),
    }
    return render(request, "practices/detail.html", context, status=status)


@requires("practices.view_practice", load=queries.practice, anonymous=True)
def detail(request: HttpRequest, obj: Practice) -> HttpResponse:
    return _detail_page(request, obj)


@require_POST
@requires("practices.respond", load=queries.practice)
def comment(request: HttpRequest, obj: Practice) -> HttpResponse:
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(practice=obj, author=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            _save_failed(form, error)
        else:
            messages.success(request, _("Your comment was added."))
            return redirect("practices:detail", obj.pk)
    return _detail_page(request, obj, comment_form=form, status=400)


@require_POST
@requires("practices.respond", load=queries.practice)
def tried(request: HttpRequest, obj: Practice) -> HttpResponse:
    form = TriedForm(request.POST)
    if form.is_valid():
        try:
            services.mark_tried(
                practice=obj,
                user=request.user,
                tried_on=form.cleaned_data["tried_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _save_failed(form, error)
        else:
            messages.success(request, _("Thank you: your colleagues now see that you tried it."))
            return redirect("practices:detail", obj.pk)
    return _detail_page(request, obj, tried_form=form, status=400)


@require_POST
@requires("practices.respond", load=queries.practice)
def withdraw_tried(request: HttpRequest, obj: Practice) -> HttpResponse:
    services.withdraw_tried(practice=obj, user=request.user)
    messages.success(request, _("Your “I tried it” was withdrawn."))
    return redirect("practices:detail", obj.pk)


@requires("practices.adapt", load=queries.practice)
def adapt(request: HttpRequest, obj: Practice) -> HttpResponse:
    schools = queries.schools_to_adapt_into(request.user)
    form = AdaptForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.adapt_practice(practice=obj, school=form.cleaned_data["school"], by=request.user)
        except ValidationError as error:
            _save_failed(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your adaptation was created for your school only. Change it to fit your pupils, then share it."
                ),
            )
            return redirect("practices:edit", copy.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "practices/adapt.html", {"practice": obj, "form": form}, status=status)


@requires("practices.download", load=queries.attachment, anonymous=True)
def attachment(request: HttpRequest, obj: Attachment) -> HttpResponse:
    try:
        stream = obj.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(stream, as_attachment=True, filename=obj.name)
    # Files of school-only and network practices must not linger in shared caches.
    response["Cache-Control"] = "private, no-store"
    return response

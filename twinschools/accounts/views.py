from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.accounts import home, mfa, personal_data, queries, services
from twinschools.accounts.forms import (
    ClassForm,
    InvitationForm,
    NewAccountForm,
    StudentForm,
    StudentLoginForm,
)
from twinschools.accounts.models import ClassGroup, Invitation, StudentProfile, User
from twinschools.core.clients import client_address
from twinschools.core.permissions import public, requires, signed_in
from twinschools.network.models import School


@signed_in
def dashboard(request: HttpRequest) -> HttpResponse:
    """The home page: what needs this person now, in each of their roles, then what changed."""
    now = timezone.now()
    last_visit = services.note_home_visit(user=request.user, now=now)
    context = {
        "home": home.home_page(request.user, now=now, last_visit=last_visit),
        "dashboard": queries.dashboard(request.user),
        # Multi-factor sign-in: asked of national roles, offered to school staff (accounts/mfa.py).
        "sign_in": {"required": mfa.is_required(request.user), "offered": mfa.is_offered(request.user)},
    }
    return render(request, "accounts/dashboard.html", context)


def _team_context(
    school: School, form: InvitationForm | None = None, class_form: ClassForm | None = None
) -> dict:
    return {
        "school": school,
        "staff": queries.staff_people(school),
        "invitations": queries.invitations_of(school)[:50],
        "classes": queries.classes_of(school),
        "form": form or InvitationForm(),
        "class_form": class_form or ClassForm(),
    }


@requires("accounts.manage_staff", load=queries.school)
def team(request: HttpRequest, obj: School) -> HttpResponse:
    return render(request, "accounts/team.html", _team_context(obj))


@require_POST
@requires("accounts.manage_staff", load=queries.school)
def invite(request: HttpRequest, obj: School) -> HttpResponse:
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invite_staff(
                school=obj,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("The invitation to %(email)s is queued: it will be e-mailed in a few moments.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("accounts:team", obj.pk)
    return render(request, "accounts/team.html", _team_context(obj, form=form), status=400)


@require_POST
@requires("accounts.manage_invitation", load=queries.invitation)
def revoke_invitation(request: HttpRequest, obj: Invitation) -> HttpResponse:
    try:
        services.revoke_invitation(invitation=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": obj.email})
    return redirect("accounts:team", obj.school_id)


def _welcome(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    if invitation.school_id is None:
        messages.success(
            request,
            _("Welcome: you are now an evaluator for %(country)s.") % {"country": invitation.place_name},
        )
        return redirect("evaluation:assignments")
    messages.success(request, _("Welcome to %(school)s.") % {"school": invitation.place_name})
    return redirect("network:school", invitation.school_id)


@public
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = queries.invitation_by_token(token)
    new_account = not request.user.is_authenticated and not queries.has_account(invitation.email)
    form = NewAccountForm(request.POST or None) if new_account else None
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                services.accept_invitation(invitation=invitation, user=request.user)
            elif form is not None and form.is_valid():
                user = services.accept_invitation_with_new_account(
                    invitation=invitation,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password"],
                )
                login(request, user, backend="twinschools.accounts.backends.AccountBackend")
            else:
                return _invitation_page(request, invitation, form, status=400)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return _welcome(request, invitation)
    return _invitation_page(request, invitation, form)


def _invitation_page(
    request: HttpRequest, invitation: Invitation, form: NewAccountForm | None, status: int = 200
) -> HttpResponse:
    context = {"invitation": invitation, "form": form}
    return render(request, "accounts/accept_invitation.html", context, status=status)


@require_POST
@requires("accounts.manage_classes", load=queries.school)
def create_class(request: HttpRequest, obj: School) -> HttpResponse:
    form = ClassForm(request.POST)
    if form.is_valid():
        try:
            class_group = services.create_class(school=obj, name=form.cleaned_data["name"], by=request.user)
        except ValidationError as error:
            form.add_error("name", error)
        else:
            return redirect("accounts:class", class_group.pk)
    return render(request, "accounts/team.html", _team_context(obj, class_form=form), status=400)


@requires("accounts.manage_classes", load=queries.class_group)
def class_detail(request: HttpRequest, obj: ClassGroup) -> HttpResponse:
    form = StudentForm(request.POST or None)
    new_pin = None
    if request.method == "POST" and form.is_valid():
        try:
            student, new_pin = services.add_student(
                class_group=obj,
                display_name=form.cleaned_data["display_name"],
                parental_consent=form.cleaned_data["parental_consent"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("display_name", error)
        else:
            form = StudentForm()
            new_pin = {
                "name": student.display_name,
                "pin": new_pin,
                "consent": student.student.parental_consent,
            }
    status = 400 if request.method == "POST" and form.errors else 200
    return _class_page(request, obj, form=form, new_pin=new_pin, status=status)


def _class_page(
    request: HttpRequest,
    class_group: ClassGroup,
    *,
    form: StudentForm,
    new_pin: dict | None,
    status: int = 200,
) -> HttpResponse:
    students = list(queries.students_of(class_group))
    context = {
        "class_group": class_group,
        "students": students,
        "waiting": [student for student in students if not student.parental_consent],
        "form": form,
        "new_pin": new_pin,
        "can_manage_people": request.user.has_perm("accounts.manage_staff", class_group.school),
    }
    response = render(request, "accounts/class_detail.html", context, status=status)
    if new_pin:
        response["Cache-Control"] = "no-store"  # a PIN is shown once, and never kept by the browser
    return response


@require_POST
@requires("accounts.reset_pin", load=queries.student)
def reset_pin(request: HttpRequest, obj: StudentProfile) -> HttpResponse:
    """A new PIN for a pupil who lost theirs, shown once on the class page."""
    pin = services.reset_pin(student=obj, by=request.user)
    new_pin = {"name": obj.user.display_name, "pin": pin, "reset": True, "consent": obj.parental_consent}
    return _class_page(request, obj.class_group, form=StudentForm(), new_pin=new_pin)


@require_POST
@requires("accounts.record_consent", load=queries.student)
def record_consent(request: HttpRequest, obj: StudentProfile) -> HttpResponse:
    """A parent gives (or withdraws) consent for their child, or the head records it."""
    given = request.POST.get("given") == "yes"
    services.set_parental_consent(student=obj, given=given, by=request.user)
    name = obj.user.display_name
    if given:
        messages.success(request, _("Consent recorded: %(name)s can now sign in.") % {"name": name})
    else:
        messages.success(request, _("Consent withdrawn: %(name)s can no longer sign in.") % {"name": name})
    if obj.guardians.filter(pk=request.user.pk).exists():
        return redirect("agency:parent_home")
    return redirect("accounts:class", obj.class_group_id)


@public
def student_login(request: HttpRequest) -> HttpResponse:
    form = StudentLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.authenticate_student(
                code=form.cleaned_data["code"],
                display_name=form.cleaned_data["display_name"],
                pin=form.cleaned_data["pin"],
                client=client_address(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if user is not None:
                login(request, user, backend="twinschools.accounts.backends.AccountBackend")
                # Pupils land on their own simple page, not on the staff dashboard.
                return redirect("agency:student_home")
            form.add_error(None, _("The class code, name or PIN is not right. Check them and try again."))
    return render(request, "accounts/student_login.html", {"form": form}, status=400 if form.errors else 200)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


@requires("accounts.manage_person_data", load=queries.person)
def export_person(request: HttpRequest, obj: User) -> HttpResponse:
    """Everything held about a person: a page to print and hand over, or (?format=json) the file."""
    data = services.export_person_data(person=obj, by=request.user)
    if request.GET.get("format") != "json":
        sections = [
            {
                "title": section.title,
                "fields": section.fields,
                "rows": [
                    [_cell(row.get(key)) for key, _label in section.fields] for row in data[section.key]
                ],
                "note": section.note,
            }
            for section in personal_data.sections()
            if section.fields
        ]
        context = {"person": obj, "data": data, "sections": sections, "today": timezone.localdate()}
        response = render(request, "accounts/person_data.html", context)
        response["Cache-Control"] = "no-store"
        return response
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="twinschools-person-{obj.pk}.json"'
    return response


@requires("accounts.manage_person_data", load=queries.person)
def erase_person(request: HttpRequest, obj: User) -> HttpResponse:
    if request.method == "POST":
        school_id = obj.current_memberships[0].school_id if obj.current_memberships else None
        try:
            services.erase_person(person=obj, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The person's data was erased."))
            if school_id:
                return redirect("network:school", school_id)
            return redirect("accounts:dashboard")
    return render(request, "accounts/erase_person.html", {"person": obj})

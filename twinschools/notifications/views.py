from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from twinschools.core.forms import show_service_errors
from twinschools.core.permissions import requires, signed_in
from twinschools.notifications import queries, services
from twinschools.notifications.forms import PreferencesForm
from twinschools.notifications.models import Notification


@signed_in
def inbox(request: HttpRequest) -> HttpResponse:
    context = {
        "page": queries.inbox_page(request.user, request.GET.get("page")),
        "unread": queries.unread_count(request.user),
    }
    return render(request, "notifications/inbox.html", context)


@signed_in
def unread_badge(request: HttpRequest) -> HttpResponse:
    """The header's unread count, fetched after the page loads so no page pays a query for it."""
    return render(request, "notifications/_unread_badge.html", {"unread": queries.unread_count(request.user)})


@require_POST
@requires("notifications.mark_read", load=queries.notification)
def mark_read(request: HttpRequest, obj: Notification) -> HttpResponse:
    # Superusers pass every permission check, but a notification stays its recipient's own.
    if obj.recipient_id != request.user.pk:
        raise Http404
    services.mark_read(notification=obj, by=request.user)
    # "Open" marks the notice read on the way to what it is about.
    if request.POST.get("open") and url_has_allowed_host_and_scheme(obj.url, allowed_hosts=None):
        return redirect(obj.url)
    messages.success(request, _("The notification is marked as read."))
    return redirect("notifications:inbox")


@require_POST
@signed_in
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d notification is marked as read.",
            "%(count)d notifications are marked as read.",
            count,
        )
        % {"count": count},
    )
    return redirect("notifications:inbox")


@signed_in
def preferences(request: HttpRequest) -> HttpResponse:
    """Each person chooses, per kind of notification: at once, a daily or weekly digest, or the app only."""
    user = request.user
    if not user.email:  # pupils: no e-mail, so nothing to choose
        return render(request, "notifications/settings.html", {"form": None})
    form = PreferencesForm(
        request.POST or None, groups=queries.groups_for(user), initial_choices=queries.preferences(user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_preferences(user=user, choices=form.choices())
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form}, status=400 if form.errors else 200)

"""Reads about notifications: a person sees only their own."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.shortcuts import get_object_or_404

from twinschools.accounts.models import User
from twinschools.core.authz import roles_of
from twinschools.notifications.kinds import Group, known_kinds
from twinschools.notifications.models import Delivery, Notification, NotificationPreference

INBOX_PAGE_SIZE = getattr(settings, "NOTIFICATIONS_PAGE_SIZE", 20)


def inbox_page(user: User, page_number: str | int | None) -> Page[Notification]:
    notifications = (
        Notification.objects.filter(recipient=user).select_related("school").order_by("-created_at", "-pk")
    )
    return Paginator(notifications, INBOX_PAGE_SIZE).get_page(page_number)


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification(pk: int) -> Notification:
    return get_object_or_404(Notification, pk=pk)


def groups_for(user: User) -> list[Group]:
    """The groups of notifications a person can receive, by their roles: a school's people get
    their team's and their label's, national staff and evaluators theirs, an admin all."""
    roles = roles_of(user)
    national = roles.is_admin or bool(roles.nso_countries or roles.evaluator_countries)
    school = roles.is_admin or bool(roles.school_roles) or not national
    shown = [Group.TEAM, Group.LABEL] if school else []
    return [*shown, Group.NATIONAL] if national else shown


def preferences(user: User) -> dict[str, str]:
    """How `user` receives each kind of notification (kinds without a choice: at once)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, Delivery.AT_ONCE) for kind in known_kinds()}

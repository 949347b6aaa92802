"""The home page: what needs each person now, whatever roles they hold.

The apps know what needs doing in their own domain (a proposal waiting for a
position, an action due, an application without an evaluator); accounts knows
only people and their roles. So, as the workspace does with `mission.registry`,
each app registers a **to-do provider** from its `AppConfig.ready()`, and this
module composes what the providers return into the page. Imports point one way:
the apps import this module, never the reverse.

A provider is called as `provider(user=..., roles=..., now=...)` and returns a list
of `Contribution`. It looks at `roles` first and returns `[]` without a query when
the person holds no role it serves. It must cost a fixed number of queries however
many schools, countries or records the person has: one set-based query per kind of
work, grouped by school or country, never a query per school.

Contributions are grouped into panels by `group`:
- `school:<pk>`: one panel per school where the person is on the staff (the head
  appears once per school, whatever memberships they hold there);
- `country:<pk>`: the national support organisation's panel for a country;
- `evaluator`, `admin`, `pupil`, `parent`: one panel each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from twinschools.core.authz import Roles, roles_of

# Tones of the design system's stat cards.
PRIMARY, SUCCESS, WARNING, DANGER, SECONDARY = "primary", "success", "warning", "danger", "secondary"
# Where each kind of panel sits on the page: the person's own things first.
GROUP_ORDER = {"pupil": 10, "parent": 20, "school": 30, "country": 40, "evaluator": 50, "admin": 60}
CHANGES_SHOWN = 8


@dataclass(frozen=True)
class Todo:
    """A count that links to the work behind it, shown as a stat card."""

    key: str  # stable, e.g. "leadership.positions"
    label: Any  # translated
    count: int
    url: str
    icon: str = "check2-circle"
    tone: str = PRIMARY
    order: int = 100
    always: bool = False  # shown even at zero (a statistic rather than a to-do)


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    when: date | datetime | None = None
    note: Any = ""  # a short translated phrase: "overdue", "3 of 9 criteria scored"
    tone: str = ""  # a chip's tone when the note is a status
    when_label: Any = ""  # what the date is, e.g. "assigned on", when the list does not say


@dataclass(frozen=True)
class ItemList:
    key: str
    title: Any
    items: tuple[Item, ...]
    order: int = 100
    more_url: str = ""


@dataclass(frozen=True)
class Fact:
    """One line of a summary, e.g. "Sections complete: 4 of 6"."""

    label: Any
    value: Any
    url: str = ""
    tone: str = ""
    icon: str = ""


@dataclass(frozen=True)
class Contribution:
    group: str
    title: Any = ""  # the panel's heading; the first contribution that gives one names it
    order: int = 100
    cards: tuple[Todo, ...] = ()
    lists: tuple[ItemList, ...] = ()
    facts: tuple[Fact, ...] = ()
    facts_title: Any = ""
    template: str = ""  # an extra partial, e.g. the NSO's funnel; given `extra`
    extra: Any = None


@dataclass
class Panel:
    group: str
    title: Any = ""
    subtitle: Any = ""
    school_id: int | None = None
    is_head: bool = False
    cards: list[Todo] = field(default_factory=list)
    lists: list[ItemList] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    facts_title: Any = ""
    extras: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def todo_cards(self) -> list[Todo]:
        return [card for card in self.cards if card.count or card.always]

    @property
    def open_count(self) -> int:
        return sum(card.count for card in self.cards if not card.always)

    @property
    def is_empty(self) -> bool:
        return not (self.todo_cards or any(lst.items for lst in self.lists) or self.facts or self.extras)


@dataclass(frozen=True)
class Change:
    """Something that happened for this person since their last visit (e.g. a notification)."""

    at: datetime
    message: str
    url: str = ""
    school: str = ""
    unread: bool = False


TodoProvider = Callable[..., list[Contribution]]  # (*, user, roles, now) -> contributions
# (*, user, since, limit) -> (the latest changes, how many there are); since None: the unread ones
ChangesProvider = Callable[..., tuple[list[Change], int]]

_PROVIDERS: list[TodoProvider] = []
_CHANGES: list[ChangesProvider] = []


def register_changes(provider: ChangesProvider) -> None:
    if provider not in _CHANGES:
        _CHANGES.append(provider)


def register_todos(provider: TodoProvider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def unregister_todos(provider: TodoProvider) -> None:
    if provider in _PROVIDERS:
        _PROVIDERS.remove(provider)


def providers() -> tuple[TodoProvider, ...]:
    return tuple(_PROVIDERS)


def contributions_for(user: Any, *, now: datetime) -> list[Contribution]:
    roles = roles_of(user)
    found: list[Contribution] = []
    for provider in _PROVIDERS:
        found += provider(user=user, roles=roles, now=now)
    return found


def _group_rank(group: str) -> int:
    return GROUP_ORDER.get(group.split(":", 1)[0], 90)


def compose(panels: list[Panel], contributions: list[Contribution]) -> list[Panel]:
    """Fold the contributions into the panels (made in the page's order), adding any new group."""
    by_group = {panel.group: panel for panel in panels}
    for contribution in sorted(contributions, key=lambda c: c.order):
        panel = by_group.get(contribution.group)
        if panel is None:
            panel = by_group[contribution.group] = Panel(contribution.group)
            panels.append(panel)
        panel.title = panel.title or contribution.title
        panel.cards += contribution.cards
        panel.lists += contribution.lists
        panel.facts += contribution.facts
        panel.facts_title = panel.facts_title or contribution.facts_title
        if contribution.template:
            panel.extras.append((contribution.template, contribution.extra))
    for panel in panels:
        panel.cards.sort(key=lambda card: card.order)
        panel.lists.sort(key=lambda lst: lst.order)
    return sorted(panels, key=lambda panel: _group_rank(panel.group))


@dataclass
class HomePage:
    roles: Roles
    panels: list[Panel]
    changes: list[Change]  # since the last visit, newest first
    change_count: int
    last_visit: datetime | None

    @property
    def has_national_role(self) -> bool:
        return bool(self.roles.nso_countries or self.roles.evaluator_countries or self.roles.is_admin)

    @property
    def has_school(self) -> bool:
        return bool(self.roles.school_roles)

    @property
    def open_count(self) -> int:
        return sum(panel.open_count for panel in self.panels)

    @property
    def nothing_to_do(self) -> bool:
        return all(panel.is_empty for panel in self.panels)


SCHOOL_ROLE_ORDER = ("head", "teacher", "parent", "student")


def school_panels(user: Any) -> list[Panel]:
    """One panel per school where the person is on the staff, named once, with all their roles there."""
    from twinschools.accounts.models import STAFF_ROLES, Role
    from twinschools.accounts.queries import current_memberships

    held: dict[int, list[Any]] = {}
    schools: dict[int, Any] = {}
    for membership in (
        current_memberships()
        .filter(user=user, role__in=STAFF_ROLES)
        .select_related("school__country")
        .order_by("school__name", "school_id")
    ):
        schools[membership.school_id] = membership.school
        held.setdefault(membership.school_id, []).append(membership.role)
    panels = []
    for school_id, school in schools.items():
        roles = sorted(set(held[school_id]), key=SCHOOL_ROLE_ORDER.index)
        panels.append(
            Panel(
                f"school:{school_id}",
                title=school.name,
                subtitle=", ".join(str(Role(role).label) for role in roles),
                school_id=school_id,
                is_head=Role.HEAD in roles,
            )
        )
    return panels


def home_page(user: Any, *, now: datetime, last_visit: datetime | None) -> HomePage:
    roles = roles_of(user)
    panels = compose(school_panels(user), contributions_for(user, now=now))
    changes: list[Change] = []
    change_count = 0
    for provider in _CHANGES:
        found, count = provider(user=user, since=last_visit, limit=CHANGES_SHOWN)
        changes += found
        change_count += count
    changes.sort(key=lambda change: change.at, reverse=True)
    return HomePage(roles, panels, changes[:CHANGES_SHOWN], change_count, last_visit)


def invitation_todos(*, user: Any, roles: Roles, now: datetime) -> list[Contribution]:
    """The head's pending invitations, per school: people who have not joined yet."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from twinschools.accounts.models import Invitation, Role

    heads = roles.schools_with(Role.HEAD)
    if not heads:
        return []
    pending = dict(
        Invitation.objects.filter(
            school_id__in=heads, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        )
        .values("school_id")
        .annotate(n=Count("pk"))
        .values_list("school_id", "n")
        .order_by()
    )
    return [
        Contribution(
            f"school:{school_id}",
            cards=(
                Todo(
                    "accounts.invitations",
                    _("Invitations not accepted yet"),
                    pending.get(school_id, 0),
                    reverse("accounts:team", args=[school_id]),
                    "envelope",
                    SECONDARY,
                    order=70,
                ),
            ),
        )
        for school_id in heads
    ]

"""Walk every URL pattern with every role and check the expected answer.

A new URL without an entry here or in tests/authz_cases/ fails
`test_every_url_pattern_is_walked`, so nobody can add a page without deciding
who may see it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests import authz_cases
from tests.authz import ANYONE, SIGNED_IN, Case, only
from tests.conftest import ROLES, World

CORE_CASES = [
    Case("core:home", lambda w: reverse("core:home"), ANYONE),
    Case("core:health", lambda w: reverse("core:health"), ANYONE),
    Case("network:directory", lambda w: reverse("network:directory"), ANYONE),
    Case("network:school", lambda w: reverse("network:school", args=[w.school_a.pk]), ANYONE),
    Case(
        "network:import",
        lambda w: reverse("network:import"),
        only({"nso_x": 200, "nso_y": 200, "admin": 200}, others=403),
    ),
    Case("accounts:dashboard", lambda w: reverse("accounts:dashboard"), SIGNED_IN),
    Case(
        "accounts:team",
        lambda w: reverse("accounts:team", args=[w.school_a.pk]),
        only({"head_a": 200, "admin": 200}, others=404),
    ),
    Case(
        "accounts:invite",
        lambda w: reverse("accounts:invite", args=[w.school_a.pk]),
        only({"head_a": 400, "admin": 400}, others=404),
        method="post",
    ),
    Case(
        "accounts:create_class",
        lambda w: reverse("accounts:create_class", args=[w.school_a.pk]),
        only({"head_a": 400, "teacher_a": 400, "team_a": 400, "admin": 400}, others=404),
        method="post",
    ),
    Case(
        "accounts:class",
        lambda w: reverse("accounts:class", args=[w.class_a.pk]),
        only({"head_a": 200, "teacher_a": 200, "team_a": 200, "admin": 200}, others=404),
    ),
    Case(
        "accounts:revoke_invitation",
        lambda w: reverse("accounts:revoke_invitation", args=[w.invitation_a.pk]),
        only({"head_a": 302, "admin": 302}, others=404),
        method="post",
    ),
    Case(
        "accounts:accept_invitation",
        lambda w: reverse("accounts:accept_invitation", args=[w.invitation_a.token]),
        ANYONE,
    ),
    Case("accounts:student_login", lambda w: reverse("accounts:student_login"), ANYONE),
    Case(
        "accounts:record_consent",
        lambda w: reverse("accounts:record_consent", args=[w.pupil_a.pk]),
        only({"parent_a": 302, "head_a": 302, "admin": 302}, others=404),
        method="post",
    ),
    Case(
        "accounts:reset_pin",
        lambda w: reverse("accounts:reset_pin", args=[w.pupil_a.pk]),
        only({"teacher_a": 200, "team_a": 200, "head_a": 200, "admin": 200}, others=404),
        method="post",
    ),
    Case(
        "accounts:export_person",
        lambda w: reverse("accounts:export_person", args=[w.people["teacher_a"].pk]),
        only({"head_a": 200, "admin": 200}, others=404),
    ),
    Case(
        "accounts:erase_person",
        lambda w: reverse("accounts:erase_person", args=[w.people["teacher_a"].pk]),
        only({"head_a": 200, "admin": 200}, others=404),
    ),
    Case(
        "admin:index",
        lambda w: reverse("admin:index"),
        {**dict.fromkeys(ROLES, 302), "admin": 200},
    ),
    Case("set_language", lambda w: reverse("set_language"), dict.fromkeys(ROLES, 302), method="post"),
]


def _app_cases() -> list[Case]:
    """Every tests/authz_cases/<app>.py contributes its CASES."""
    found: list[Case] = []
    for module in pkgutil.iter_modules(authz_cases.__path__):
        found += importlib.import_module(f"{authz_cases.__name__}.{module.name}").CASES
    return found


CASES = CORE_CASES + _app_cases()

# Third-party URL sets, walked below by name with their own expectations.
THIRD_PARTY_NAMESPACES = {"admin"}


def _named_patterns(resolver: URLResolver, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def _allauth_names() -> set[str]:
    return {
        name for name in _named_patterns(get_resolver()) if name.startswith("account_") and ":" not in name
    }


def _client_for(world: World, role: str) -> Client:
    client = Client()
    user = world.user(role)
    if user is not None:
        client.force_login(user, backend="twinschools.accounts.backends.AccountBackend")
    return client


def test_every_url_pattern_is_walked() -> None:
    ours = _named_patterns(get_resolver()) - _allauth_names()
    ours = {name for name in ours if name.split(":")[0] not in THIRD_PARTY_NAMESPACES}
    walked = {case.name for case in CASES}
    assert ours - walked == set(), "Add these URLs to CASES with the status each role gets."


def test_every_view_of_ours_declares_its_permission() -> None:
    undeclared = []
    for pattern in _walk_patterns(get_resolver()):
        module = getattr(pattern.callback, "__module__", "")
        if module.startswith("twinschools.") and not hasattr(pattern.callback, "permission"):
            undeclared.append(f"{module}.{pattern.callback.__name__}")
    assert undeclared == []


def _walk_patterns(resolver: URLResolver) -> list[URLPattern]:
    found: list[URLPattern] = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            found += _walk_patterns(pattern)
        else:
            found.append(pattern)
    return found


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_role_gets_the_expected_answer_on_each_url(world: World, case: Case, role: str) -> None:
    client = _client_for(world, role)
    response = getattr(client, case.method)(case.url(world), headers=dict(case.headers))
    assert response.status_code == case.expected[role], f"{role} on {case.name}"


@pytest.mark.parametrize("role", ["anonymous", "teacher_a", "admin"])
def test_account_pages_answer_every_role_without_error(world: World, role: str) -> None:
    client = _client_for(world, role)
    for name in sorted(_allauth_names()):
        try:
            url = reverse(name)
        except NoReverseMatch:  # Pages that need a key are reached from their e-mails.
            continue
        response = client.get(url)
        assert response.status_code in {200, 302, 405}, f"{role} on {name}"


PRIVATE_MARKERS = ("Teacher A", "Head A", "SEVENB", "Zorella", "teacher_a@example.org")


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_national_staff_and_admins_see_the_people_of_a_school(world: World, role: str) -> None:
    response = _client_for(world, role).get(reverse("network:school", args=[world.school_a.pk]))
    page = response.content.decode()
    sees_people = "Teacher A" in page
    assert sees_people == (role in {"teacher_a", "team_a", "head_a", "nso_x", "admin"}), role


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("core:home"),
        lambda w: reverse("network:directory"),
        lambda w: reverse("network:directory") + "?country=RO",
        lambda w: reverse("network:school", args=[w.school_a.pk]),
        lambda w: reverse("accounts:accept_invitation", args=[w.invitation_a.token]),
    ],
    ids=["home", "directory", "directory-filtered", "profile", "invitation"],
)
def test_no_private_data_and_no_pupil_appears_on_public_pages(
    world: World, url: Callable[[World], str]
) -> None:
    page = Client().get(url(world)).content.decode()
    assert [marker for marker in PRIVATE_MARKERS if marker in page] == []


def test_searching_the_directory_for_a_pupils_name_finds_nothing(world: World) -> None:
    response = Client().get(reverse("network:directory"), {"q": "Zorella"})
    assert response.context["page"].paginator.count == 0


# Minors and visitors: national staff need counts and outcomes, not names or addresses.
PUPIL_MARKERS = ("Zorella", "SEVENB")
PUPIL_READERS = {"student_a", "parent_a", "teacher_a", "team_a", "head_a", "admin"}
# Registrants are created by the events cases' factories: "Guest 12" <guest12@example.org>.
REGISTRANT = re.compile(r"guest\d+@example\.org|Guest \d+")
ORGANISERS = {"teacher_a", "team_a", "head_a"}
# A registrant's own pages, reached with the token of their e-mail, show them their own details.
REGISTRANTS_OWN_PAGES = {
    "events:confirm",
    "events:registration",
    "events:pass",
    "events:certificate",
    "events:certificate_verify",
}
READ_CASES = [case for case in CASES if case.method == "get"]


def _lived_in(world: World) -> None:
    """School A's pupil Zorella on a team, with initiatives in every state and a suggestion, and
    an event of school A whose registrant was checked in: every page then has them to leak."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.agency.factories import InitiativeFactory, StudentTeamFactory, SuggestionFactory
    from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
    from twinschools.agency.models import InitiativeStatus

    team = StudentTeamFactory(
        school=world.school_a, coordinators=[world.people["teacher_a"]], members=[world.pupil_a]
    )
    for status in InitiativeStatus.values:
        InitiativeFactory(proposed_by=world.pupil_a.user, team=team, status=status)
    SuggestionFactory(author=world.pupil_a.user)
    event = EventFactory(school=world.school_a)
    past = timezone.now() - timedelta(days=3)
    session = SessionFactory(event=event, starts_at=past, ends_at=past + timedelta(hours=2))
    SessionFactory(event=event)
    RegistrationFactory(event=event).attended.add(session)
    RegistrationFactory(event=event)


def _text(response: object) -> str:
    content_type = response.get("Content-Type", "")  # type: ignore[attr-defined]
    if not any(kind in content_type for kind in ("text/", "json", "calendar", "csv", "xml")):
        return ""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")  # type: ignore[attr-defined]
    return response.content.decode(errors="replace")  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", READ_CASES, ids=lambda case: case.name)
def test_no_page_shows_a_pupils_name_or_a_registrants_contact_to_those_who_must_not_see_them(
    world: World, case: Case
) -> None:
    _lived_in(world)
    url = case.url(world)
    for role in ROLES:
        watch_pupils = role not in PUPIL_READERS
        watch_registrants = role not in ORGANISERS and case.name not in REGISTRANTS_OWN_PAGES
        if not (watch_pupils or watch_registrants):
            continue
        response = _client_for(world, role).get(url, headers=dict(case.headers))
        if response.status_code != 200:
            continue
        page = _text(response)
        if watch_pupils:
            assert [marker for marker in PUPIL_MARKERS if marker in page] == [], f"{role} on {case.name}"
        if watch_registrants:
            assert REGISTRANT.findall(page) == [], f"{role} on {case.name}"


def test_the_markers_are_there_for_those_who_may_see_them(world: World) -> None:
    """The check above is not vacuous: the organisers and the pupil's teachers do see them."""
    from twinschools.events.models import Event

    _lived_in(world)
    head = _client_for(world, "head_a")
    assert "Zorella" in head.get(reverse("agency:school_students", args=[world.school_a.pk])).content.decode()
    event = Event.objects.get(school=world.school_a)
    assert REGISTRANT.search(head.get(reverse("events:event_manage", args=[event.pk])).content.decode())
    session = event.sessions.order_by("starts_at").first()
    assert REGISTRANT.search(head.get(reverse("events:checkin", args=[session.pk])).content.decode())
    national = (
        _client_for(world, "nso_x").get(reverse("events:event_manage", args=[event.pk])).content.decode()
    )
    assert "Registrations confirmed: 2. People checked in: 1." in national

"""Walk every URL pattern with every role and check the expected answer.

A new URL without an entry here or in tests/authz_cases/ fails
`test_every_url_pattern_is_walked`, so nobody can add a page without deciding
who may see it.
"""

from __future__ import annotations

import importlib
import pkgutil
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
    response = getattr(client, case.method)(case.url(world))
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

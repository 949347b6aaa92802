"""Every throttle keys on the real client address and counts atomically.

The concurrency tests send 100 attempts from threads, released together 25 at a time (a
wave of 100 database connections would exceed PostgreSQL's default max_connections while
other test workers hold theirs), each thread with its own database connection (run them on PostgreSQL with DATABASE_URL=postgres://...); the local-memory
cache is shared by the threads of a process, as Redis is by every process in production.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.conftest import World, build_world
from tests.events.factories import EventFactory, SessionFactory
from twinschools import settings as production
from twinschools.accounts import services as accounts_services
from twinschools.core import throttle
from twinschools.core.clients import trusted_proxies
from twinschools.events.models import Registration

ATTEMPTS = 100
AT_ONCE = 25  # divides ATTEMPTS, so every wave fills its barrier


def _at_once(count: int, attempt: Callable[[int], Any]) -> list[Any]:
    """Run `attempt(n)` for n < count in waves of AT_ONCE threads released together.

    The barrier resets after each wave; every thread closes its connections after its attempt.
    """
    barrier = threading.Barrier(AT_ONCE)

    def run(n: int) -> Any:
        barrier.wait()
        try:
            return attempt(n)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        return list(pool.map(run, range(count)))


def test_a_hundred_simultaneous_attempts_pass_exactly_the_limit() -> None:
    limit = throttle.Limit("test-at-once", 10, 60)
    allowed = _at_once(ATTEMPTS, lambda n: throttle.take(limit, "198.51.100.7"))
    assert allowed.count(True) == 10


def test_an_attempt_that_was_right_gives_its_count_back() -> None:
    limit = throttle.Limit("test-give-back", 2, 60)
    assert throttle.take(limit, "a") and throttle.take(limit, "a")
    throttle.give_back(limit, "a")
    assert throttle.take(limit, "a")
    assert not throttle.take(limit, "a")


def test_ipv6_addresses_of_one_network_count_together() -> None:
    assert throttle.address_key("2001:db8::1") == throttle.address_key("2001:db8::ffff") == "2001:db8::"
    assert throttle.address_key("198.51.100.7") == "198.51.100.7"


# Pupils' sign-in ------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_hundred_simultaneous_pin_guesses_check_at_most_ten() -> None:
    world = build_world()

    def guess(n: int) -> str:
        try:
            found = accounts_services.authenticate_student(
                code="SEVENB", display_name="Zorella", pin=f"{n:06d}9"[:6], client="198.51.100.7"
            )
        except ValidationError:
            return "throttled"
        return "checked" if found is None else "signed in"

    outcomes = Counter(_at_once(ATTEMPTS, guess))
    assert outcomes["checked"] + outcomes["signed in"] <= accounts_services.STUDENT_LOGIN_ATTEMPTS
    assert outcomes["throttled"] >= ATTEMPTS - accounts_services.STUDENT_LOGIN_ATTEMPTS
    assert world.pupil_a.user.is_active


def _pupil(world: World, name: str) -> None:
    """A pupil of class SEVENB whose PIN is 123456."""
    user = factories.StudentFactory(class_group=world.class_a, user__display_name=name).user
    user.set_password("123456")
    user.save(update_fields=["password"])


def _pupil_sign_in(client: Client, name: str, pin: str, address: str):
    return client.post(
        reverse("accounts:student_login"),
        {"code": "SEVENB", "display_name": name, "pin": pin},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=address,
    )


def test_behind_the_proxy_ten_wrong_pins_from_one_address_do_not_lock_out_another_pupil(
    world: World, settings
) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["10.0.0.0/8"])
    _pupil(world, "Mihai")
    for _ in range(10):
        _pupil_sign_in(Client(), "Zorella", "000000", "198.51.100.7")
    assert "Too many attempts" in _pupil_sign_in(Client(), "Mihai", "123456", "198.51.100.7").content.decode()
    assert _pupil_sign_in(Client(), "Mihai", "123456", "203.0.113.9").status_code == 302


def test_wrong_pins_for_one_pupil_from_many_addresses_are_counted_for_that_pupil(
    world: World, settings
) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["1"])
    _pupil(world, "Mihai")
    for n in range(10):
        _pupil_sign_in(Client(), "Mihai", "000000", f"198.51.100.{n + 1}")
    response = _pupil_sign_in(Client(), "Mihai", "123456", "203.0.113.9")
    assert "Too many attempts" in response.content.decode()


# Sign-in with a password (allauth) ----------------------------------------------------


@pytest.fixture
def sign_in_limits(settings) -> None:
    """The production limits (the test settings switch allauth's off)."""
    settings.ACCOUNT_RATE_LIMITS = production.ACCOUNT_RATE_LIMITS


def _sign_in(client: Client, email: str, password: str, address: str, path: str | None = None):
    return client.post(
        path or reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=address,
    )


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_behind_the_proxy_thirty_failed_sign_ins_do_not_refuse_another_persons_password(
    world: World, settings, sign_in_limits
) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["1"])
    for n in range(30):
        _sign_in(Client(), f"nobody{n}@example.org", "wrong password", "198.51.100.7")
    refused = _sign_in(Client(), "teacher_a@example.org", factories.PASSWORD, "198.51.100.7")
    assert refused.status_code == 429
    other = Client()
    response = _sign_in(other, "teacher_a@example.org", factories.PASSWORD, "203.0.113.9")
    assert response.status_code == 302
    assert _signed_in(other)


def test_wrong_passwords_for_one_account_from_many_addresses_lock_that_account(
    world: World, settings, sign_in_limits
) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["1"])
    for n in range(5):
        _sign_in(Client(), "teacher_a@example.org", "wrong password", f"198.51.100.{n + 1}")
    client = Client()
    response = _sign_in(client, "teacher_a@example.org", factories.PASSWORD, "203.0.113.9")
    assert "Too many failed login attempts" in response.content.decode()
    assert not _signed_in(client)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_hundred_simultaneous_password_guesses_check_at_most_the_accounts_limit(sign_in_limits) -> None:
    build_world()

    def guess(n: int) -> str:
        response = _sign_in(Client(), "teacher_a@example.org", f"wrong {n}", f"198.51.{n}.7")
        page = response.content.decode()
        if response.status_code == 200 and "are not correct" in page:
            return "checked"
        return "refused"

    outcomes = Counter(_at_once(ATTEMPTS, guess))
    assert outcomes["checked"] <= 5
    assert outcomes["refused"] >= ATTEMPTS - 5


# The admin's sign-in ------------------------------------------------------------------


def test_thirty_wrong_passwords_at_the_admin_sign_in_then_the_right_one_is_refused(
    world: World, sign_in_limits
) -> None:
    client = Client()
    admin_login = reverse("admin:login")
    for _ in range(30):
        response = _sign_in(client, "admin@example.org", "wrong password", "198.51.100.7", admin_login)
        assert response.status_code == 302
    response = _sign_in(client, "admin@example.org", factories.PASSWORD, "198.51.100.7", admin_login)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not _signed_in(client)


def test_the_admin_is_reached_through_allauths_sign_in(world: World) -> None:
    client = Client()
    to_login = client.get(reverse("admin:index"))
    to_allauth = client.get(to_login["Location"])
    assert to_allauth["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"
    client.post(to_allauth["Location"], {"login": "admin@example.org", "password": factories.PASSWORD})
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_sign_in_refuses_a_foreign_next_address(world: World) -> None:
    response = Client().get(reverse("admin:login"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"


def test_a_signed_in_person_without_the_admins_rights_is_refused_not_sent_round(world: World) -> None:
    client = Client()
    client.force_login(world.people["teacher_a"], backend="twinschools.accounts.backends.AccountBackend")
    assert client.get(reverse("admin:login")).status_code == 403


# Event registration ---------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="simultaneous writers need a database server")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_hundred_simultaneous_registrations_from_one_address_make_at_most_ten() -> None:
    event = SessionFactory(event=EventFactory(capacity=500)).event
    url = reverse("events:event_detail", args=[event.pk])

    def register(n: int) -> int:
        data = {"name": f"Guest {n}", "email": f"guest{n}@example.org", "role": "teacher", "school_name": ""}
        return Client().post(url, data, REMOTE_ADDR="198.51.100.7").status_code

    _at_once(ATTEMPTS, register)
    assert Registration.objects.filter(event=event).count() == 10


def test_behind_the_proxy_ten_registrations_from_one_address_do_not_refuse_the_next_visitor(
    db: None, settings
) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["1"])
    event = SessionFactory(event=EventFactory(capacity=500)).event
    url = reverse("events:event_detail", args=[event.pk])

    def register(n: int, address: str) -> int:
        data = {"name": f"Guest {n}", "email": f"guest{n}@example.org", "role": "teacher", "school_name": ""}
        return Client().post(url, data, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address).status_code

    for n in range(10):
        register(n, "198.51.100.7")
    assert register(10, "198.51.100.7") == 400
    assert register(11, "203.0.113.9") == 302

"""Issue 11 §1 over HTTP: 20 concurrent autosaves of one part, and their follow-up saves, lose nothing.

Each writer is a signed-in session against the live server (stdlib HTTP, one thread each). All
start from the same revision and write their own marker; each follow-up carries what its first
save got back (the new revision, or its conflict). Every marker must end in the part's text or in
an open conflict. On PostgreSQL the saves reach the server at once and the part's row lock makes
them take turns; the test database of SQLite (in memory, shared between the live server's threads)
locks whole tables instead, so there the writers send one at a time, still all from the same
revision.
"""

from __future__ import annotations

import contextlib
import re
import threading
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.applications.factories import application_of
from twinschools.accounts.models import Role
from twinschools.applications import services
from twinschools.applications.models import Part, PartConflict

WRITERS = 20


class Session:
    """A browser's worth of HTTP: its own cookies, signed in as one person."""

    def __init__(self, base: str, user: Any) -> None:
        client = Client()
        client.force_login(user, backend="twinschools.accounts.backends.AccountBackend")
        self.base = base
        self.cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        with urllib.request.urlopen(request, timeout=60) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                jar: SimpleCookie = SimpleCookie(header)
                self.cookies.update({name: morsel.value for name, morsel in jar.items()})
            return response.status, response.read().decode()

    def get(self, path: str) -> str:
        return self._open(urllib.request.Request(self.base + path))[1]

    def post(self, path: str, data: dict[str, Any]) -> tuple[int, str]:
        request = urllib.request.Request(
            self.base + path,
            data=urllib.parse.urlencode(data).encode(),
            headers={
                "X-CSRFToken": self.cookies.get(settings.CSRF_COOKIE_NAME, ""),
                "HX-Request": "true",
                "Referer": self.base + path,
            },
        )
        return self._open(request)


def _hidden(body: str, part: Part, name: str) -> str:
    found = re.search(rf'id="part-{part.pk}-{name}" value="(\d*)"', body)
    assert found, body
    return found.group(1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_autosaves_and_their_follow_ups_keep_every_marker(live_server: Any) -> None:
    school = factories.SchoolFactory()
    head = factories.UserFactory()
    factories.MembershipFactory(user=head, school=school, role=Role.HEAD)
    writers = [head]
    for _number in range(WRITERS - 1):
        teacher = factories.UserFactory()
        factories.MembershipFactory(user=teacher, school=school, role=Role.TEACHER)
        writers.append(teacher)
    app = application_of(school, head)
    part = app.parts.filter(statement__isnull=False).order_by("pk").first()
    services.save_part(part=part, text="Our answer.", base_revision=0, by=head)
    page = reverse("applications:detail", args=[app.pk])
    save = reverse("applications:save_part", args=[part.pk])
    sessions = [Session(live_server.url, person) for person in writers]
    for session in sessions:
        body = session.get(page)
        assert f'id="part-{part.pk}-base" value="1"' in body, re.findall(r"<title>.*</title>", body)

    barrier = threading.Barrier(WRITERS)
    turns: Any = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def write(number: int, session: Session) -> None:
        try:
            first = f"Our answer, by writer {number}: marker-{number}-a."
            barrier.wait(timeout=60)
            with turns:
                status, body = session.post(save, {"text": first, "base_revision": 1})
            assert status in (200, 204), body
            outcomes.append(body.split("\n", 1)[0])
            follow = {
                "text": first + f"\nAnd later: marker-{number}-b.",
                "base_revision": _hidden(body, part, "base"),
                "conflict": _hidden(body, part, "conflict"),
            }
            with turns:
                status, body = session.post(save, follow)
            assert status in (200, 204), body
        except BaseException as error:  # reported below, with the thread's own failure
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n, s)) for n, s in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    part.refresh_from_db()
    pending = [c.text for c in PartConflict.objects.filter(part=part, resolved_at__isnull=True)]
    everything = part.text + "\n" + "\n".join(pending)
    lost = [
        marker
        for number in range(WRITERS)
        for marker in (f"marker-{number}-a", f"marker-{number}-b")
        if marker not in everything
    ]
    assert not lost, f"lost {lost}; text {part.text!r}; {len(pending)} open conflicts"
    assert sum(line.startswith("Saved.") for line in outcomes) == 1

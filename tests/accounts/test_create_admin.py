"""manage.py create_admin: the first platform admin, ready to sign in and sent to enrol a second factor."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from twinschools.accounts.models import User
from twinschools.core.authz import roles_of
from twinschools.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase for an admin"


def create_admin(monkeypatch: pytest.MonkeyPatch, password: str, *arguments: str) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    out = io.StringIO()
    call_command("create_admin", *arguments, stdout=out)
    return out.getvalue()


def test_the_new_admin_signs_in_at_once_and_is_sent_to_enrol_a_second_factor(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    settings.MFA_REQUIRED_ROLES = frozenset({"admin", "nso", "evaluator"})
    said = create_admin(monkeypatch, PASSWORD, "--email", "Ops@Example.EU", "--name", "Ana Ops")
    assert "Created the admin ops@example.eu" in said
    admin = User.objects.get(email="ops@example.eu")
    assert (admin.full_name, admin.is_staff, roles_of(admin).is_admin) == ("Ana Ops", True, True)
    assert AuditEvent.objects.filter(action="accounts.admin.created", target_id=str(admin.pk)).exists()
    client = Client()
    signed_in = client.post(reverse("account_login"), {"login": "ops@example.eu", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert client.get(reverse("accounts:dashboard"))["Location"] == reverse("mfa_index")


def test_an_address_already_in_use_and_a_weak_password_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    UserFactory(email="taken@example.eu")
    with pytest.raises(CommandError, match="already exists"):
        create_admin(monkeypatch, PASSWORD, "--email", "TAKEN@example.eu")
    with pytest.raises(CommandError, match="too common"):
        create_admin(monkeypatch, "password", "--email", "new@example.eu")
    assert not User.objects.filter(email="new@example.eu").exists()

from __future__ import annotations

from django.test import Client

from twinschools.accounts.models import User

BACKEND = "twinschools.accounts.backends.AccountBackend"


def signed_in(user: User) -> Client:
    """A test client with `user` signed in."""
    client = Client()
    client.force_login(user, backend=BACKEND)
    return client

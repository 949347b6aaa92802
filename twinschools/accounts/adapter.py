"""allauth's account adapter: what TwinSchools changes in allauth's behaviour."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from twinschools.core.clients import client_address


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        """The address allauth's sign-in limits count per: the real client's (core/clients.py),
        found through the trusted proxies only, never a shared proxy's or a forged header's."""
        return client_address(request)

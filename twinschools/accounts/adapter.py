"""allauth's account adapter: what TwinSchools changes in allauth's behaviour."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest

from twinschools.core import mail
from twinschools.core.clients import client_address


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        """The address allauth's sign-in limits count per: the real client's (core/clients.py),
        found through the trusted proxies only, never a shared proxy's or a forged header's."""
        return client_address(request)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's e-mails (address confirmation, password reset...) as allauth renders them,
        but queued in the outbox with everything else instead of sent inside the request."""
        request = allauth_context.request
        full = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        mail.queue_message(self.render_mail(template_prefix, email, full))

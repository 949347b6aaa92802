"""allauth's e-mails (address confirmation, password reset...) go through the outbox too."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from twinschools.core import mail


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """As allauth renders it, but queued in the outbox instead of sent in the request."""
        request = allauth_context.request
        full = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        mail.queue_message(self.render_mail(template_prefix, email, full))

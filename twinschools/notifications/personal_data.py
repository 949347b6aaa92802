"""Notices that name a person (the proposer of a proposal, who adapted a practice...).

A notice keeps its parameters to be rendered in the reader's language; when the person they
name is erased, the name is taken out (None) and the sentence shows a translated placeholder
at display time (kinds.render).
"""

from __future__ import annotations

import json
from typing import Any

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.personal_data import PersonalData, register
from twinschools.core import mail
from twinschools.notifications.models import Notification


def names_of(person: Any) -> set[str]:
    names = {person.full_name, person.display_name}
    if person.email:
        names |= {person.email, person.email.split("@")[0]}
    return {name for name in names if name}


def _erase(person: Any) -> None:
    names = names_of(person)
    if not names:
        return
    mentions = Q()
    for name in names:
        # JSON text as stored: plain on PostgreSQL, \\u-escaped on SQLite
        mentions |= Q(text__contains=name) | Q(text__contains=json.dumps(name)[1:-1])
    found = Notification.objects.annotate(text=Cast("params", TextField())).filter(mentions)
    for notification in found.only("pk", "params"):
        params = {key: None if value in names else value for key, value in notification.params.items()}
        if params != notification.params:
            notification.params = params
            notification.save(update_fields=["params"])


def _erase_emails(person: Any) -> None:
    """The outbox's e-mails to the person or naming them (core.mail.forget)."""
    mail.forget(texts=names_of(person))


def register_personal_data() -> None:
    register(
        PersonalData(
            key="notifications.mentions",
            title=_("Notices that name the person"),
            fields=(),
            export=lambda person: [],
            erase=_erase,
            order=90,
        )
    )
    register(
        PersonalData(
            key="notifications.outgoing_email",
            title=_("E-mails to or about the person"),
            fields=(),
            export=lambda person: [],
            erase=_erase_emails,
            order=91,
        )
    )

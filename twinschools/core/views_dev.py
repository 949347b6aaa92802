"""The development outbox's pages (mounted only under DEBUG, see urls_dev.py).

Anyone may read them there: a visitor trying the demo has no account yet and must be
able to confirm a registration. A banner on every page says this exists only in the demo."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twinschools.core import outbox as outbox_store
from twinschools.core.permissions import public


@public
def outbox(request: HttpRequest) -> HttpResponse:
    return render(request, "core/outbox/list.html", {"messages_sent": outbox_store.latest_messages()})


@public
def outbox_message(request: HttpRequest, message_id: str) -> HttpResponse:
    return render(request, "core/outbox/message.html", {"sent": outbox_store.message(message_id)})

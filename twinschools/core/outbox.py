"""The development outbox: under DEBUG every e-mail the site sends is kept as a JSON file
under var/outbox/ (and still printed on the console), so that someone trying the demo
can read it at /dev/mail/ and follow its links: confirm a registration, accept an
invitation. Files rather than a table: nothing to migrate, nothing in a production
database, and `rm -r var/outbox` empties it."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.http import Http404
from django.utils import timezone

# Names are "<UTC time>-<uuid>.json": sorting them sorts by time, and an id never names a path.
ID_PATTERN = re.compile(r"^\d{8}T\d{6}\d{6}-[0-9a-f]{32}$")
LINK = re.compile(r"""href=["']([^"']+)["']""")
LISTED = 200


@dataclass(frozen=True)
class StoredMessage:
    id: str
    subject: str
    sender: str
    to: list[str]
    body: str
    html: str
    sent_at: datetime

    @property
    def html_links(self) -> list[str]:
        """The links of the HTML part, for messages whose text part does not show them."""
        return list(dict.fromkeys(LINK.findall(self.html)))


def outbox_dir() -> Path:
    return Path(settings.OUTBOX_DIR)


def _html_of(message: EmailMessage) -> str:
    if isinstance(message, EmailMultiAlternatives):
        for content, mimetype in message.alternatives:
            if mimetype == "text/html":
                return str(content)
    return str(message.body) if message.content_subtype == "html" else ""


def store(message: EmailMessage) -> str:
    """Write one message to the outbox; returns its id."""
    now = timezone.now()
    message_id = f"{now.strftime('%Y%m%dT%H%M%S%f')}-{uuid.uuid4().hex}"
    record = {
        "subject": str(message.subject),
        "sender": str(message.from_email),
        "to": [str(address) for address in message.to],
        "body": "" if message.content_subtype == "html" else str(message.body),
        "html": _html_of(message),
        "sent_at": now.isoformat(),
    }
    folder = outbox_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{message_id}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return message_id


class OutboxBackend(ConsoleBackend):
    """Prints every message like the console backend, and keeps it in the outbox."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            store(message)
        return int(super().send_messages(email_messages) or 0)


def _read(path: Path) -> StoredMessage:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return StoredMessage(
        id=path.stem,
        subject=data["subject"],
        sender=data["sender"],
        to=list(data["to"]),
        body=data["body"],
        html=data["html"],
        sent_at=datetime.fromisoformat(data["sent_at"]),
    )


def latest_messages(limit: int = LISTED) -> list[StoredMessage]:
    """The newest messages first."""
    folder = outbox_dir()
    if not folder.is_dir():
        return []
    paths = sorted(folder.glob("*.json"), reverse=True)[:limit]
    return [_read(path) for path in paths]


def message(message_id: str) -> StoredMessage:
    path = outbox_dir() / f"{message_id}.json"
    if not ID_PATTERN.match(message_id) or not path.is_file():
        raise Http404
    return _read(path)

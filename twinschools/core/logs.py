"""Logging filters named in settings.LOGGING."""

from __future__ import annotations

import logging


class OneLine(logging.Filter):
    """Keep the message, drop the traceback.

    A request for a host the site does not serve is a bot's or a misconfigured proxy's, not a
    bug: Django logs it with its whole traceback, which buries real errors in the log.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True

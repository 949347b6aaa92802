"""{% load certificates %}: `{{ day|long_date }}` writes a date as the document's language does."""

from __future__ import annotations

from datetime import date, datetime

from django import template

from twinschools.core import certificates

register = template.Library()


@register.filter
def long_date(day: date | datetime | None) -> str:
    return certificates.long_date(day) if day else ""

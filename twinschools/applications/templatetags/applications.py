from typing import Any

from django import template

from twinschools.labels.models import in_language as _in_language

register = template.Library()


@register.filter
def in_language(texts: Any) -> str:
    """A {"en": ..., "ro": ...} text of the frozen snapshot in the reader's language."""
    return _in_language(texts)

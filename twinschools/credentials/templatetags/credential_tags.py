"""`{% load credential_tags %}{% school_credentials school %}`: a school's label credentials
and their state, for its public page (other apps use the tag, never the models)."""

from __future__ import annotations

from typing import Any

from django import template

from twinschools.credentials.queries import current_credentials_for_school

register = template.Library()


@register.inclusion_tag("credentials/_school_credentials.html")
def school_credentials(school: Any) -> dict[str, Any]:
    return {"states": current_credentials_for_school(school)}

"""The rule of multi-factor sign-in for the person reading the page (accounts/mfa.py decides)."""

from __future__ import annotations

from typing import Any

from django import template

from twinschools.accounts import mfa

register = template.Library()


@register.simple_tag
def second_step_rule(user: Any) -> str:
    """The rule for `user`: "required", "offered" or "" (allauth's two-step page says which)."""
    if mfa.is_required(user):
        return "required"
    return "offered" if mfa.is_offered(user) else ""

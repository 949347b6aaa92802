"""Typed readers for settings that come from the environment.

They fail loudly: a misspelt boolean or a missing production secret stops the
process at start-up instead of running with a surprising default.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str:
    """The value exactly as given (a secret may start or end with anything); unset or empty
    gives the default, and is an error when there is none. "" makes a setting optional."""
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "")
    if value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"Unexpected value {name}={value!r}: use true or false.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from error


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    if value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_url(name: str, default: str | None = None) -> str:
    """An absolute http(s) address without its trailing slash; required when default is None."""
    value = env_str(name, default).strip().rstrip("/")
    if not value.startswith(("http://", "https://")) or value.endswith("://"):
        raise ImproperlyConfigured(
            f"{name} must be an absolute address such as https://twinschools.example.eu, not {value!r}."
        )
    return value

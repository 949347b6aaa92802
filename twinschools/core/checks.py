"""Start-up checks of the deployment (`manage.py check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Caches whose increment is one atomic step shared by every process (core/throttle.py).
SHARED_ATOMIC_CACHES = (
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
)


@register(Tags.caches, deploy=True)
def throttles_share_their_counters(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in SHARED_ATOMIC_CACHES:
        return []
    return [
        Warning(
            f"The default cache ({backend}) is not shared by every process with an atomic increment, so "
            "each gunicorn worker counts sign-in and registration limits on its own.",
            hint="Set REDIS_URL (README, Settings).",
            id="twinschools.W001",
        )
    ]

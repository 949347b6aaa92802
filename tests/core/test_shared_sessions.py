"""Sessions and throttle counters in Redis, shared by every web host (REDIS_URL).

Two test clients stand for two hosts behind the proxy: each has its own middleware and nothing
in common but the cookie and the stores, so a session the second host reads can only come
from the shared store. The tests use the local Redis (database 13, a key prefix per test,
deleted afterwards); without one they are skipped, except on CI, where they must run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import redis
from django.conf import settings as django_settings
from django.contrib.sessions.backends.cache import KEY_PREFIX as CACHE_SESSION_PREFIX
from django.contrib.sessions.backends.cached_db import KEY_PREFIX as CACHED_DB_SESSION_PREFIX
from django.contrib.sessions.models import Session
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.conftest import World
from twinschools.core import throttle
from twinschools.core.tasks import clear_expired_sessions

REDIS_URL = "redis://127.0.0.1:6379/13"


class SharedRedis:
    def __init__(self, url: str, prefix: str) -> None:
        self.url, self.prefix = url, prefix
        self.server = redis.Redis.from_url(url)

    def key(self, key: str) -> str:
        """The key Django's cache stores `key` under (prefix and version 1)."""
        return f"{self.prefix}:1:{key}"

    def restart(self) -> None:
        """What a restart of Redis without persistence does to our keys: forgets them."""
        for key in self.server.scan_iter(match=f"{self.prefix}:*"):
            self.server.delete(key)


@pytest.fixture
def shared_redis(settings: Any) -> Iterator[SharedRedis]:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs Redis at {REDIS_URL}, but it does not answer")
        pytest.skip(f"no Redis at {REDIS_URL}")
    store = SharedRedis(REDIS_URL, f"tests-{uuid.uuid4().hex[:12]}")
    settings.REDIS_URL = REDIS_URL
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": store.prefix,
        }
    }
    try:
        yield store
    finally:
        store.restart()


def _signed_in_on_another_host(session_key: str) -> bool:
    host_b = Client()
    host_b.cookies[django_settings.SESSION_COOKIE_NAME] = session_key
    return host_b.get(reverse("accounts:dashboard")).status_code == 200


def _signed_in_on_host_a(world: World, settings: Any, store: str) -> str:
    """Teacher A signs in on the first host, with sessions kept in `store`; their session key."""
    settings.SESSION_ENGINE = f"django.contrib.sessions.backends.{store}"
    host_a = signed_in(world.people["teacher_a"])
    return str(host_a.cookies[settings.SESSION_COOKIE_NAME].value)


def test_a_session_begun_on_one_host_is_found_on_another_in_redis(
    world: World, shared_redis: SharedRedis, settings: Any
) -> None:
    session_key = _signed_in_on_host_a(world, settings, "cache")

    assert shared_redis.server.exists(shared_redis.key(CACHE_SESSION_PREFIX + session_key))
    assert _signed_in_on_another_host(session_key)
    # Kept in Redis alone, the session does not outlive Redis's memory.
    shared_redis.restart()
    assert not _signed_in_on_another_host(session_key)


def test_with_cached_db_sessions_a_restart_of_redis_signs_nobody_out(
    world: World, shared_redis: SharedRedis, settings: Any
) -> None:
    session_key = _signed_in_on_host_a(world, settings, "cached_db")
    in_redis = shared_redis.key(CACHED_DB_SESSION_PREFIX + session_key)
    assert shared_redis.server.exists(in_redis)

    shared_redis.restart()

    assert _signed_in_on_another_host(session_key)  # read back from the database
    assert shared_redis.server.exists(in_redis)  # and kept in Redis again


def test_throttle_counters_are_one_redis_counter_for_every_host(shared_redis: SharedRedis) -> None:
    limit = throttle.Limit("tests-shared", 3, 60)
    # Host A counts two attempts through the app's cache...
    assert throttle.take(limit, "198.51.100.7") and throttle.take(limit, "198.51.100.7")
    # ...host B, with a connection of its own to the same Redis, counts the third and the fourth.
    host_b = RedisCache(REDIS_URL, {"KEY_PREFIX": shared_redis.prefix})
    key = limit.key("198.51.100.7")
    assert host_b.incr(key) == 3
    assert not throttle.take(limit, "198.51.100.7")  # the fourth is over the limit on host A too
    assert int(shared_redis.server.get(shared_redis.key(key)) or 0) == 4
    assert 0 < shared_redis.server.ttl(shared_redis.key(key)) <= 60  # INCR on a counter that expires


def test_beat_deletes_expired_sessions_from_the_database_every_day(world: World, settings: Any) -> None:
    assert settings.CELERY_BEAT_SCHEDULE["core-clear-expired-sessions"]["schedule"] == 86400.0
    signed_in(world.people["teacher_a"])
    signed_in(world.people["head_a"])
    Session.objects.filter(pk=Session.objects.earliest("expire_date").pk).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    clear_expired_sessions.delay()
    assert Session.objects.count() == 1

"""Throttles count in a cache every process shares: Redis's INCR, checked against a real server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.core.cache import caches

from twinschools.core import throttle
from twinschools.core.checks import throttles_share_their_counters


def test_the_deploy_check_warns_when_the_cache_counts_per_process(settings) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [warning.id for warning in throttles_share_their_counters()] == ["twinschools.W001"]
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}
    }
    assert throttles_share_their_counters() == []


@pytest.fixture
def redis_url(tmp_path) -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as attempt:
                if attempt.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_hundred_simultaneous_attempts_pass_exactly_the_limit_on_redis(settings, redis_url: str) -> None:
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    try:
        limit = throttle.Limit("test-redis", 10, 60)
        with ThreadPoolExecutor(max_workers=20) as pool:
            allowed = list(pool.map(lambda n: throttle.take(limit, "198.51.100.7"), range(100)))
        assert allowed.count(True) == 10
        key = caches["default"].make_key(limit.key("198.51.100.7"))
        assert 0 < redis.Redis.from_url(redis_url).ttl(key) <= 60  # the counter expires with its window
    finally:
        caches["default"].clear()

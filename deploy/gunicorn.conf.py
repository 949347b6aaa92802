"""gunicorn's configuration for TwinSchools: `gunicorn -c deploy/gunicorn.conf.py twinschools.wsgi`.

Each value can be changed from the environment (the systemd unit reads /etc/twinschools/env)
without editing this file, so that an upgrade never conflicts with a local change.
"""

from __future__ import annotations

import os

# Only the reverse proxy on this machine talks to gunicorn; listening on every address would
# let visitors skip the proxy's TLS and limits. Another host's proxy: e.g. 10.0.0.5:8001.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")

# Synchronous workers: each serves one request at a time, and our requests are short (imports,
# exports, the eligibility check and matching are background jobs). gunicorn's rule of thumb,
# two per core plus one, keeps the cores busy while some workers wait on the database.
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1) + 1))

# No request should take long now that long work runs in the worker; one that does is stuck
# (a lock, a runaway query) and is killed instead of holding a worker for ever.
timeout = 30
# On a restart or reload, a worker gets this long to finish its request in flight.
graceful_timeout = 30

# Each worker is replaced after about this many requests, so that slow memory growth (caches,
# fragmentation) never accumulates; the jitter spreads the restarts so they never coincide.
max_requests = 1000
max_requests_jitter = 100

# Seconds a kept-alive connection waits for its next request. Sync workers ignore it: they
# close each connection after its response (nginx speaks HTTP/1.0 to the upstream by default,
# which expects that), so that an idle connection never holds a worker. It matters only if
# GUNICORN_CMD_ARGS switches to threaded workers (--threads), where 5 s lets the proxy reuse them.
keepalive = 5

# Whose X-Forwarded-Proto and X-Forwarded-For gunicorn believes (for wsgi.url_scheme and the
# access log). The proxy on this machine by default; the address of a proxy on another host
# otherwise. TwinSchools itself decides from TWINSCHOOLS_TRUSTED_PROXIES and DJANGO_BEHIND_PROXY.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs go to standard output and error, where journald (or a container runtime) keeps them.
accesslog = "-"
errorlog = "-"
# The proxy's address comes first, then the chain it forwarded, and the time taken in ms.
access_log_format = '%(h)s "%({x-forwarded-for}i)s" %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# The workers' heartbeat files: in memory, since a slow or full disk under /tmp would make
# gunicorn think healthy workers are stuck and kill them.
worker_tmp_dir = "/dev/shm"

# gunicorn's control socket (for gunicornc) would be made under $HOME, which the systemd unit
# makes read-only; systemd's signals (reload: HUP, stop: TERM) are all we use.
control_socket_disable = True

"""TwinSchools settings. Every value an operator may set is read from the
environment (see README.md, "Settings"); nothing else needs editing."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from twinschools.core import storage as private_storage
from twinschools.core.clients import trusted_proxies
from twinschools.core.env import env_bool, env_int, env_list, env_str, env_url
from twinschools.core.tiles import tile_source

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TWINSCHOOLS_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DJANGO_DEBUG", False)
# A development key is only acceptable while debugging; production must set one.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production" if DEBUG else None)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "twinschools.core",
    "twinschools.network",
    "twinschools.accounts",
    "twinschools.notifications",
    "twinschools.leadership",
    "twinschools.planning",
    "twinschools.practices",
    "twinschools.agency",
    "twinschools.mentoring",
    "twinschools.events",
    "twinschools.reach",
    "twinschools.credentials",
    "twinschools.labels",
    "twinschools.applications",
    "twinschools.evaluation",
    "twinschools.mission",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "twinschools.accounts.mfa.MfaEnrolmentMiddleware",
]

ROOT_URLCONF = "twinschools.urls"
WSGI_APPLICATION = "twinschools.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "twinschools" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "twinschools.core.context_processors.development",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'twinschools.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server read while a command writes. IMMEDIATE transactions take the
    # write lock when they begin, so two saves at once queue (up to the timeout) instead of one
    # failing with "database is locked" when it tries to upgrade a read lock mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Page queries are short: JIT compilation (tens of ms) costs more than it saves, and
    # kicks in on cost estimates of searches over the whole network. Off for our sessions.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "twinschools.accounts.backends.AccountBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"

# django-allauth: sign-in by e-mail, with verification and password reset.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[TwinSchools] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG else "http"

# Multi-factor sign-in (allauth.mfa; policy in accounts/mfa.py): an authenticator app (TOTP),
# security keys and passkeys (WebAuthn, bound to TWINSCHOOLS_SITE_URL's host) and recovery codes.
# Required for these roles, who are sent to enrol before anything else; offered to school staff.
MFA_REQUIRED_ROLES = frozenset({"admin", "nso", "evaluator"})
MFA_ADAPTER = "twinschools.accounts.mfa.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "TwinSchools"
# The key forms with our labels (the name field has none of its own in allauth).
MFA_FORMS = {
    "add_webauthn": "twinschools.accounts.mfa.AddKeyForm",
    "edit_webauthn": "twinschools.accounts.mfa.EditKeyForm",
}
# Only the development server is plain http (http://localhost:8000 for a passkey).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ro", _("Romanian")), ("ca", _("Catalan"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "Europe/Brussels")

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [
    BASE_DIR / "twinschools" / "static",
    ("vendor", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/leaflet.markercluster", BASE_DIR / "node_modules" / "leaflet.markercluster" / "dist"),
]
# Every form renders through one Bootstrap template pair (core/forms.py).
FORM_RENDERER = "twinschools.core.forms.FormRenderer"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Private files (imports, exports, evidence...) never sit under a public URL; in a bucket
# instead when TWINSCHOOLS_S3_BUCKET is set (below, with the other multi-machine settings).
MEDIA_ROOT = Path(env_str("TWINSCHOOLS_PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "twinschools.core.outbox.OutboxBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "TwinSchools <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the development outbox keeps the e-mails sent under DEBUG (read at /dev/mail/).
OUTBOX_DIR = VAR_DIR / "outbox"

# Celery: with no broker configured, tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "") or None
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_BEAT_SCHEDULE = {
    # Closes due proposals, sends reminders and review notices; idempotent (cron alternative:
    # `manage.py send_due_notifications`).
    "leadership-due-notifications": {
        "task": "twinschools.leadership.tasks.send_due_notifications",
        "schedule": 3600.0,
    },
    # Day-before reminders and the purge of old registrations (twinschools/events/retention.py).
    "events-daily-care": {"task": "twinschools.events.tasks.daily_care", "schedule": 86400.0},
    # A seat offered from the waiting list passes to the next person once its offer expires.
    "events-expire-seat-offers": {"task": "twinschools.events.tasks.expire_seat_offers", "schedule": 900.0},
}
# The e-mail outbox and notification digests (issue 12 §4): every e-mail is a row first
# (core/mail.py), sent by the drain: kicked after each commit, and every minute by beat in
# case the broker was down. Digests go out at TWINSCHOOLS_DIGEST_HOUR (UTC): daily, and on
# Mondays the weekly ones.
from celery.schedules import crontab  # noqa: E402

DIGEST_HOUR = env_int("TWINSCHOOLS_DIGEST_HOUR", 6)
CELERY_BEAT_SCHEDULE |= {
    "core-send-queued-email": {"task": "twinschools.core.tasks.send_queued_email", "schedule": 60.0},
    "core-purge-sent-email": {"task": "twinschools.core.tasks.purge_sent_email", "schedule": 86400.0},
    # Background jobs (core/jobs.py): fail those whose worker died, queue again the lost ones;
    # daily, forget finished jobs and their files after TWINSCHOOLS_JOB_RETENTION_DAYS.
    "core-sweep-jobs": {"task": "twinschools.core.tasks.sweep_jobs", "schedule": 60.0},
    "core-purge-finished-jobs": {"task": "twinschools.core.tasks.purge_finished_jobs", "schedule": 86400.0},
    "notifications-daily-digests": {
        "task": "twinschools.notifications.tasks.send_digests",
        "schedule": crontab(hour=DIGEST_HOUR, minute=0),
        "kwargs": {"period": "daily"},
    },
    "notifications-weekly-digests": {
        "task": "twinschools.notifications.tasks.send_digests",
        "schedule": crontab(hour=DIGEST_HOUR, minute=0, day_of_week=1),
        "kwargs": {"period": "weekly"},
    },
}
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
ACCOUNT_ADAPTER = "twinschools.accounts.adapter.AccountAdapter"
REDIS_URL = env_str("REDIS_URL", "")
# Background jobs (core/jobs.py). A running job's progress and cancel request: in Redis when
# REDIS_URL is set (workers on other hosts), else small files here, shared by the web and the
# worker of one machine. `make demo` runs a worker with Celery's filesystem broker, under var/.
JOBS_PROGRESS_DIR = VAR_DIR / "jobs"
TWINSCHOOLS_JOB_RETENTION_DAYS = env_int("TWINSCHOOLS_JOB_RETENTION_DAYS", 30)
if CELERY_BROKER_URL and CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(VAR_DIR / "celery" / "queue"),
        "data_folder_out": str(VAR_DIR / "celery" / "queue"),
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }
    for _folder in ("queue", "control"):
        (VAR_DIR / "celery" / _folder).mkdir(parents=True, exist_ok=True)
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Running on more than one machine (docs/operations.md ("Running on more than one machine")). Each is off by default, so the
# embedded default stays one machine with its files on the local disk.
# Private files in an S3-compatible bucket when TWINSCHOOLS_S3_BUCKET is set (core/storage.py);
# otherwise under MEDIA_ROOT (TWINSCHOOLS_PRIVATE_MEDIA_ROOT).
S3_BUCKET = env_str("TWINSCHOOLS_S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = private_storage.s3(
        bucket=S3_BUCKET,
        endpoint_url=env_str("TWINSCHOOLS_S3_ENDPOINT_URL", ""),
        region=env_str("TWINSCHOOLS_S3_REGION", ""),
        access_key=env_str("TWINSCHOOLS_S3_ACCESS_KEY_ID", ""),
        secret_key=env_str("TWINSCHOOLS_S3_SECRET_ACCESS_KEY", ""),
        addressing_style=env_str("TWINSCHOOLS_S3_ADDRESSING_STYLE", ""),
    )
# Sessions: in the database alone without Redis; with Redis, "cached_db" by default: read from
# Redis, written through to the database, so a restart or failover of Redis signs nobody out.
# "cache" keeps them in Redis only (no database write at sign-in; lost with Redis's memory).
SESSION_STORE = env_str("TWINSCHOOLS_SESSION_STORE", "cached_db" if REDIS_URL else "db")
if SESSION_STORE not in {"db", "cached_db", "cache"}:
    raise ImproperlyConfigured("TWINSCHOOLS_SESSION_STORE must be db, cached_db or cache.")
if SESSION_STORE != "db" and not REDIS_URL:
    # A per-process cache would let one gunicorn worker still see a session another ended.
    raise ImproperlyConfigured(f"TWINSCHOOLS_SESSION_STORE={SESSION_STORE} needs REDIS_URL.")
SESSION_ENGINE = f"django.contrib.sessions.backends.{SESSION_STORE}"
CELERY_BEAT_SCHEDULE["core-clear-expired-sessions"] = {
    "task": "twinschools.core.tasks.clear_expired_sessions",
    "schedule": 86400.0,
}
# A PostgreSQL streaming replica for the heavy public pages (core/routers.py says which, and
# why the signed-in workspace never reads from it).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")
READ_REPLICA_ALIAS = "replica" if DATABASE_REPLICA_URL else ""
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
DATABASE_ROUTERS = ["twinschools.core.routers.ReplicaRouter"]

# The real client address and the throttles (core/clients.py, core/throttle.py): the proxies
# in front, as a count ("1") or their addresses and networks ("10.0.0.0/8, 192.0.2.7"); none
# by default, so X-Forwarded-For is ignored. Every limit keys on the address found through them.
TRUSTED_PROXIES = trusted_proxies(env_list("TWINSCHOOLS_TRUSTED_PROXIES", []))
# Sign-in counts per address and per account (allauth's "key" is the e-mail address).
ACCOUNT_RATE_LIMITS: dict[str, str] | bool = {"login": "30/m/ip", "login_failed": "10/m/ip,5/5m/key"}
# A NUL byte in a query, form, cookie or path gets a translated 400 before any view reads it
# (after the language is chosen, so the page is in the reader's language).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "twinschools.core.middleware.RejectUnreadableInput",
)

# Security. TWINSCHOOLS_HTTPS=true is the production setting behind TLS.
HTTPS = env_bool("TWINSCHOOLS_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS and env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY", False) else None
)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Maps: with no tile server (the default) they draw only the bundled country borders; an
# OpenStreetMap-compatible tile URL template adds tiles, and its host to the CSP's img-src.
MAP_TILE_URL = env_str("TWINSCHOOLS_MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("TWINSCHOOLS_MAP_TILE_ATTRIBUTION", "")
MAP_TILE_SOURCES = [tile_source(MAP_TILE_URL)] if MAP_TILE_URL else []

# Content-Security-Policy: no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MAP_TILE_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Product settings.
INVITATION_VALID_DAYS = env_int("TWINSCHOOLS_INVITATION_VALID_DAYS", 14)
DIRECTORY_PAGE_SIZE = 20
# The network's practice library counts matches up to this ("more than 200 practices").
PRACTICE_LIBRARY_COUNT_CAP = 200
# The address every e-mail, calendar file and credential links to (core/site.py). Required in
# production; in DEBUG it is what `make demo` serves.
SITE_URL = env_url("TWINSCHOOLS_SITE_URL", "http://127.0.0.1:8000" if DEBUG else None)
IMPORT_MAX_UPLOAD_MB = env_int("TWINSCHOOLS_IMPORT_MAX_UPLOAD_MB", 200)
# Encrypts the NSOs' credential signing keys at rest (credentials/keys.py): its own secret, so
# that rotating SECRET_KEY leaves the signing keys readable. Required in production.
CREDENTIAL_KEY = env_str(
    "TWINSCHOOLS_CREDENTIAL_KEY", "dev-only-credential-key-never-use-in-production" if DEBUG else None
)
# Largest evidence file a label application accepts.
EVIDENCE_MAX_MB = env_int("TWINSCHOOLS_EVIDENCE_MAX_MB", 20)
TWINSCHOOLS_EVENT_RETENTION_DAYS = env_int("TWINSCHOOLS_EVENT_RETENTION_DAYS", 365)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "twinschools.core.logs.OneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
    # A foreign Host header gets its 400 and one line in the log, not a traceback.
    "loggers": {
        "django.security.DisallowedHost": {"filters": ["one_line"]},
    },
}

"""Test settings: the production settings module, with fast hashing and local mail."""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-with-enough-length-and-variety-0123456789")
os.environ.setdefault("TWINSCHOOLS_HTTPS", "false")
os.environ.setdefault("TWINSCHOOLS_SITE_URL", "http://127.0.0.1")
os.environ.setdefault("TWINSCHOOLS_CREDENTIAL_KEY", "tests-only-credential-key-0123456789")

from twinschools.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_RATE_LIMITS = False
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The suite signs national staff and admins in by the hundred with force_login; the tests of
# multi-factor sign-in (tests/accounts/test_mfa.py, tests/e2e/test_mfa.py) turn the requirement on.
MFA_REQUIRED_ROLES = frozenset[str]()
# A read replica (core/routers.py) that is the test database itself: Django points a MIRROR at
# its primary, so the router's choice shows in which connection ran a query. Off unless a test
# turns READ_REPLICA_ALIAS on (tests/core/test_read_replica.py), as without DATABASE_REPLICA_URL.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
READ_REPLICA_ALIAS = ""

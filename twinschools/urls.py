from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from twinschools.accounts import admin_login
from twinschools.core import urls_dev

# The admin signs in through allauth: its limits and the second step of sign-in
# (accounts/admin_login.py; a password posted to /admin/login/ is never checked).
admin.site.login = admin_login.login  # type: ignore[method-assign]
handler400 = "twinschools.core.views.bad_request"

urlpatterns = [
    path("", include("twinschools.core.urls")),
    path("", include("twinschools.network.urls")),
    path("", include("twinschools.accounts.urls")),
    path("", include("twinschools.notifications.urls")),
    path("", include("twinschools.leadership.urls")),
    path("", include("twinschools.planning.urls")),
    path("", include("twinschools.practices.urls")),
    path("", include("twinschools.agency.urls")),
    path("", include("twinschools.mentoring.urls")),
    path("", include("twinschools.reach.urls")),
    path("", include("twinschools.labels.urls")),
    path("", include("twinschools.events.urls")),
    path("", include("twinschools.applications.urls")),
    path("", include("twinschools.evaluation.urls")),
    path("", include("twinschools.mission.urls")),
    path("", include("twinschools.credentials.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    *urls_dev.patterns(settings.DEBUG),
]

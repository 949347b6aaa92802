from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("twinschools.core.urls")),
    path("", include("twinschools.network.urls")),
    path("", include("twinschools.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

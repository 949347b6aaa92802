from django.urls import path

from twinschools.network import import_views, nso_views, views

app_name = "network"
urlpatterns = [
    path("schools/", views.directory, name="directory"),
    path("schools/<int:pk>/", views.school_profile, name="school"),
    path("schools/<int:pk>/time-zone/", views.school_time_zone, name="school_time_zone"),
    path("import/", import_views.import_network, name="import"),
    path("nso/profile/", nso_views.nso_profiles, name="nso_profiles"),
    path("nso/<str:code>/profile/", nso_views.nso_profile, name="nso_profile"),
    path("nso/<str:code>/logo/", nso_views.nso_logo, name="nso_logo"),
]

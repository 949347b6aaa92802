from django.urls import path

from twinschools.core import job_views, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("jobs/<uuid:pk>/", job_views.job_page, name="job"),
    path("jobs/<uuid:pk>/state/", job_views.job_state, name="job_state"),
    path("jobs/<uuid:pk>/cancel/", job_views.job_cancel, name="job_cancel"),
    path("jobs/<uuid:pk>/download/", job_views.job_download, name="job_download"),
]

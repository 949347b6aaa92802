from django.urls import path

from twinschools.labels import views

app_name = "labels"

urlpatterns = [
    path("label/", views.public_rounds, name="public_rounds"),
    path("label/rounds/<int:pk>/", views.public_round, name="public_round"),
    path("label/admin/rounds/", views.admin_rounds, name="admin_rounds"),
    path("label/admin/rounds/new/", views.round_create, name="round_create"),
    path("label/admin/rounds/<int:pk>/", views.round_edit, name="round_edit"),
    path("label/admin/rounds/<int:pk>/actions/", views.round_action, name="round_action"),
    path("label/admin/forms/<int:pk>/", views.form_version, name="form_version"),
    path("schools/<int:pk>/label/", views.school_page, name="school"),
    path("schools/<int:pk>/label/exception/", views.grant_exception, name="grant_exception"),
    path("label/nso/<str:code>/", views.nso_page, name="nso"),
    path("label/reviews/<int:pk>/", views.review_answer, name="review_answer"),
]

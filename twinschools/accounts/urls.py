from django.urls import path

from twinschools.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("schools/<int:pk>/team/", views.team, name="team"),
    path("schools/<int:pk>/invitations/", views.invite, name="invite"),
    path("schools/<int:pk>/classes/", views.create_class, name="create_class"),
    path("classes/<int:pk>/", views.class_detail, name="class"),
    path("invitations/<int:pk>/revoke/", views.revoke_invitation, name="revoke_invitation"),
    path("invitations/accept/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("pupils/sign-in/", views.student_login, name="student_login"),
    path("pupils/<int:pk>/consent/", views.record_consent, name="record_consent"),
    path("pupils/<int:pk>/pin/", views.reset_pin, name="reset_pin"),
    path("people/<int:pk>/export/", views.export_person, name="export_person"),
    path("people/<int:pk>/erase/", views.erase_person, name="erase_person"),
]

from django.urls import path

from twinschools.credentials import views

app_name = "credentials"

urlpatterns = [
    path("credentials/verify/", views.verify, name="verify"),
    path("credentials/verify.json", views.verify_api, name="verify_api"),
    path("credentials/issued/", views.nso_list, name="nso_list"),
    path("credentials/issuers/<str:code>/", views.issuer_document, name="issuer"),
    path("credentials/status/<str:code>/<int:number>/", views.status_list, name="status_list"),
    path("credentials/<uuid:uuid>/", views.credential_page, name="credential"),
    path("credentials/<uuid:uuid>.json", views.credential_json, name="credential_json"),
]

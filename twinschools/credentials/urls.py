from django.urls import path, re_path

from twinschools.credentials import views

app_name = "credentials"

urlpatterns = [
    path("credentials/verify/", views.verify, name="verify"),
    path("credentials/verify.json", views.verify_api, name="verify_api"),
    path("credentials/issued/", views.nso_list, name="nso_list"),
    path("credentials/issuers/<str:code>/", views.issuer_document, name="issuer"),
    path("credentials/issuers/<str:code>/did.json", views.issuer_did_document, name="issuer_did"),
    # no trailing slash: credentials issued before name the achievement exactly so
    re_path(
        r"^credentials/achievements/etwinning-school-label-(?P<years>\d{4}-\d{4})$",
        views.achievement,
        name="achievement",
    ),
    path("credentials/images/<slug:name>.svg", views.image, name="image"),
    path("credentials/status/<str:code>/<int:number>/", views.status_list, name="status_list"),
    path("credentials/<uuid:uuid>/", views.credential_page, name="credential"),
    path("credentials/<uuid:uuid>.json", views.credential_json, name="credential_json"),
]

"""The public verification pages, the machine API, and the NSO's list of issued credentials."""

from __future__ import annotations

import copy
import json
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from tests.credentials.factories import as_issued_before_did_web, issue
from tests.factories import SchoolFactory, country
from twinschools.credentials import services


def _page(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


def test_the_credential_page_shows_school_issuer_validity_and_valid(world: World) -> None:
    credential = issue(world.school_a, years=(2026, 2027))
    response = Client().get(reverse("credentials:credential", args=[credential.uuid]))
    page = _page(response)
    assert response.status_code == 200
    assert world.school_a.name in page
    assert "Agenția Națională pentru Programe Comunitare" in page  # the NSO of Romania, from its profile
    assert "Valid" in page and "verdict-valid" in page
    assert reverse("credentials:credential_json", args=[credential.uuid]) in page


def test_the_credential_page_shows_revoked_with_date_and_reason(world: World) -> None:
    credential = issue(world.school_a)
    services.revoke_credential(credential=credential, reason="The school closed.", revoked_by=None)
    page = _page(Client().get(reverse("credentials:credential", args=[credential.uuid])))
    assert "verdict-revoked" in page
    assert "The school closed." in page


def test_the_credential_page_shows_expired(world: World) -> None:
    credential = issue(world.school_a, years=(2020, 2021))
    page = _page(Client().get(reverse("credentials:credential", args=[credential.uuid])))
    assert "verdict-expired" in page


def test_the_credential_page_shows_a_signature_that_no_longer_matches(world: World) -> None:
    credential = issue(world.school_a)
    credential.signed_json["validUntil"] = "2040-12-31T23:59:59Z"
    credential.save()
    page = _page(Client().get(reverse("credentials:credential", args=[credential.uuid])))
    assert "verdict-invalid" in page


def test_the_credential_page_is_translated(world: World) -> None:
    credential = issue(world.school_a)
    page = _page(
        Client(HTTP_ACCEPT_LANGUAGE="ro").get(reverse("credentials:credential", args=[credential.uuid]))
    )
    assert "Descarcă" in page or "descarcă" in page


def test_the_json_is_the_credential_as_issued_with_a_credential_content_type(world: World) -> None:
    credential = issue(world.school_a)
    response = Client().get(reverse("credentials:credential_json", args=[credential.uuid]))
    assert response["Content-Type"] == "application/vc+ld+json"
    assert json.loads(response.content) == credential.signed_json


def test_the_did_document_lists_every_key_as_a_multikey_and_the_status_list_is_signed(world: World) -> None:
    credential = issue(world.school_a)
    services.rotate_issuer_key(country=world.school_a.country, rotated_by=None)
    response = Client().get(reverse("credentials:issuer_did", args=["ro"]))
    assert response["Content-Type"] == "application/did+ld+json"
    did = json.loads(response.content)
    assert did["id"] == credential.signed_json["issuer"]["id"] == "did:web:127.0.0.1:credentials:issuers:ro"
    assert did["@context"][0] == "https://www.w3.org/ns/did/v1"
    assert len(did["verificationMethod"]) == 2  # the retired key stays, for old credentials
    assert {method["type"] for method in did["verificationMethod"]} == {"Multikey"}
    assert {method["controller"] for method in did["verificationMethod"]} == {did["id"]}
    assert credential.signed_json["proof"][0]["verificationMethod"] in did["assertionMethod"]
    assert all(method["publicKeyMultibase"].startswith("z6Mk") for method in did["verificationMethod"])
    listed = json.loads(Client().get(reverse("credentials:status_list", args=["ro", 1])).content)
    assert listed["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert listed["issuer"] == did["id"]
    assert listed["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"


def test_the_https_issuer_profile_of_earlier_credentials_is_still_served(world: World) -> None:
    old = as_issued_before_did_web(issue(world.school_a))
    profile = json.loads(Client().get(reverse("credentials:issuer", args=["ro"])).content)
    assert profile["id"] == old.signed_json["issuer"]["id"] == "http://127.0.0.1/credentials/issuers/ro/"
    assert profile["type"] == ["Profile"]
    assert old.signed_json["proof"]["verificationMethod"] in profile["assertionMethod"]
    page = _page(Client().get(reverse("credentials:credential", args=[old.uuid])))
    assert "verdict-valid" in page


def test_the_achievement_resolves_as_json_ld_for_machines_and_as_a_page_for_people(world: World) -> None:
    achievement = issue(world.school_a, years=(2026, 2027)).signed_json["credentialSubject"]["achievement"]
    path = urlsplit(achievement["id"]).path
    assert path == "/credentials/achievements/etwinning-school-label-2026-2027"

    answer = Client().get(path, HTTP_ACCEPT="application/ld+json")
    assert answer.status_code == 200
    document = json.loads(answer.content)
    assert document["id"] == achievement["id"]
    assert {key: value for key, value in document.items() if key != "@context"} == achievement

    page = Client(HTTP_ACCEPT_LANGUAGE="ro").get(path)
    assert page.status_code == 200
    assert "Eticheta Școală eTwinning 2026-2027" in _page(page)
    assert Client().get("/credentials/achievements/etwinning-school-label-2026-2031").status_code == 404


def test_the_badge_and_issuer_images_are_served_at_their_stable_addresses(world: World) -> None:
    document = issue(world.school_a).signed_json
    for url in (
        document["credentialSubject"]["achievement"]["image"]["id"],
        document["issuer"]["image"]["id"],
    ):
        response = Client().get(urlsplit(url).path)
        assert response.status_code == 200, url
        assert response["Content-Type"] in {"image/svg+xml", "image/png", "image/jpeg"}
    assert Client().get(reverse("credentials:image", args=["nothing"])).status_code == 404


def _verify(client: Client, **data: object):  # type: ignore[no-untyped-def]
    return client.post(reverse("credentials:verify"), data)


def test_pasting_a_credential_gives_the_verdict_with_reasons(world: World) -> None:
    credential = issue(world.school_a)
    response = _verify(Client(), credential=json.dumps(credential.signed_json))
    page = _page(response)
    assert response.status_code == 200
    assert "verdict-valid" in page
    assert "The signature is valid" in page


def test_uploading_a_tampered_credential_file_says_the_signature_is_invalid(world: World) -> None:
    document = copy.deepcopy(issue(world.school_a).signed_json)
    document["credentialSubject"]["achievement"]["name"] = "Something else"
    upload = SimpleUploadedFile("c.json", json.dumps(document).encode(), content_type="application/json")
    page = _page(_verify(Client(), file=upload))
    assert "verdict-invalid" in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "This is not valid JSON."),
        ("[1, 2, 3]", "A credential is a JSON object"),
        ('"just a string"', "A credential is a JSON object"),
        ("{}", "This is not an Open Badges 3.0 credential."),
        (
            '{"@context": [], "type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": 7}',
            "not issued by an NSO",
        ),
        ("", "Paste a credential or choose its file."),
    ],
)
def test_bad_input_on_the_verification_page_gets_a_clear_message(db: None, text: str, message: str) -> None:
    response = _verify(Client(), credential=text)
    assert response.status_code in {200, 400}
    assert message in _page(response)


def test_too_large_input_is_refused_before_parsing(db: None) -> None:
    big = SimpleUploadedFile("c.json", b"{" + b" " * 70_000 + b"}", content_type="application/json")
    response = _verify(Client(), file=big)
    assert response.status_code == 400
    assert "too large" in _page(response)
    response = Client().post(
        reverse("credentials:verify_api"), b"x" * 70_000, content_type="application/json"
    )
    assert response.status_code == 400


def test_machines_get_json_from_the_page_and_the_api(world: World) -> None:
    credential = issue(world.school_a)
    services.revoke_credential(credential=credential, reason="Withdrawn.", revoked_by=None)
    answer = (
        Client()
        .post(
            reverse("credentials:verify"),
            {"credential": json.dumps(credential.signed_json)},
            HTTP_ACCEPT="application/json",
        )
        .json()
    )
    assert answer["status"] == "revoked" and answer["verified"] is False
    api = Client(enforce_csrf_checks=True).post(
        reverse("credentials:verify_api"), credential.signed_json, content_type="application/json"
    )
    assert api.status_code == 200
    assert api.json()["revocationReason"] == "Withdrawn."
    broken = Client().post(reverse("credentials:verify_api"), b"{oops", content_type="application/json")
    assert broken.status_code == 400 and broken.json()["status"] == "unreadable"


def test_the_nso_list_offers_no_revocation_of_its_own_for_a_credential_without_an_award(world: World) -> None:
    """Revoking a credential alone would leave the label standing: only withdrawing the label revokes."""
    issue(world.school_a)
    listing = _page(signed_in(world.people["nso_x"]).get(reverse("credentials:nso_list")))
    assert world.school_a.name in listing
    assert "Withdraw the label" not in listing and 'name="reason"' not in listing


def test_the_nso_of_another_country_does_not_see_the_credential(world: World) -> None:
    issue(world.school_a)
    assert world.school_a.name not in _page(
        signed_in(world.people["nso_y"]).get(reverse("credentials:nso_list"))
    )


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_nso_list_costs_the_same_queries_for_one_credential_as_for_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    for _ in range(how_many):
        issue(SchoolFactory(country=country("RO")))
    services.revoke_credential(credential=issue(world.school_a), reason="x", revoked_by=world.people["nso_x"])
    client = signed_in(world.people["nso_x"])
    with django_assert_num_queries(6):  # type: ignore[operator]
        client.get(reverse("credentials:nso_list"))


def test_the_school_profile_shows_its_label_credential_state(world: World) -> None:
    valid = issue(world.school_a, years=(2026, 2027))
    page = _page(Client().get(reverse("network:school", args=[world.school_a.pk])))
    assert reverse("credentials:credential", args=[valid.uuid]) in page
    assert "Valid until" in page
    services.revoke_credential(credential=valid, reason="x", revoked_by=None)
    page = _page(Client().get(reverse("network:school", args=[world.school_a.pk])))
    assert "credential-revoked" in page

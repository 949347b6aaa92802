from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from twinschools.core.permissions import public, requires
from twinschools.credentials import addresses, documents, queries, services, texts, verification
from twinschools.credentials.forms import VerifyForm

VC_CONTENT_TYPE = "application/vc+ld+json"
LD_CONTENT_TYPE = "application/ld+json"
DID_CONTENT_TYPE = "application/did+ld+json"
IMAGES_DIR = Path(__file__).resolve().parent / "images"
PAGE_SIZE = 50


def _json(document: dict[str, Any], content_type: str) -> HttpResponse:
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2), content_type=content_type)
    # anyone's verifier may read these from a browser
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def _wants_linked_data(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return ("application/ld+json" in accept or "application/json" in accept) and "text/html" not in accept


@public
def credential_page(request: HttpRequest, uuid: Any) -> HttpResponse:
    record = queries.credential(uuid)
    verdict = verification.verify(record.signed_json)
    context = {
        "record": record,
        "verdict": verdict,
        "title": texts.credential_name(record.label_years),
        "issuer_name": texts.issuer_name(record.country),
    }
    return render(request, "credentials/credential.html", context)


@public
def credential_json(request: HttpRequest, uuid: Any) -> HttpResponse:
    record = queries.credential(uuid)
    response = _json(record.signed_json, VC_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="etwinning-school-label-{record.uuid}.json"'
    return response


@public
def issuer_document(request: HttpRequest, code: str) -> HttpResponse:
    """The https profile and controller document named by credentials issued before did:web."""
    return _json(queries.controller_document(code), LD_CONTENT_TYPE)


@public
def issuer_did_document(request: HttpRequest, code: str) -> HttpResponse:
    """The DID document of the NSO's did:web identifier."""
    return _json(queries.did_document(code), DID_CONTENT_TYPE)


@public
def status_list(request: HttpRequest, code: str, number: int) -> HttpResponse:
    found = services.fresh_status_list(status_list=queries.status_list(code, number))
    response = _json(dict(found.signed_json), VC_CONTENT_TYPE)
    response["Cache-Control"] = f"public, max-age={documents.STATUS_LIST_TTL_MS // 1000}"
    return response


@public
def achievement(request: HttpRequest, years: str) -> HttpResponse:
    """The label of some years as an OB 3.0 Achievement: JSON-LD for machines, a page for people."""
    first, last = (int(year) for year in years.split("-"))
    if last != first + 1:
        raise Http404
    if _wants_linked_data(request):
        with translation.override("en"):
            english = texts.achievement_text(years)
        document = documents.achievement(
            addresses.achievement_id(years), english, image=addresses.image(texts.LABEL_BADGE_IMAGE)
        )
        return _json({"@context": documents.CREDENTIAL_CONTEXT, **document}, LD_CONTENT_TYPE)
    context = {
        "title": texts.credential_name(years),
        "description": texts.achievement_description(),
        "criteria": texts.achievement_criteria(),
        "image_name": texts.LABEL_BADGE_IMAGE,
    }
    return render(request, "credentials/achievement.html", context)


@public
def image(request: HttpRequest, name: str) -> HttpResponse:
    """The images credentials name (the label's badge, the generic NSO emblem)."""
    if name not in texts.IMAGES:
        raise Http404
    response = HttpResponse((IMAGES_DIR / f"{name}.svg").read_bytes(), content_type="image/svg+xml")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _verdict_of(raw: bytes | str) -> tuple[verification.Verdict | None, str]:
    document, problem = verification.parse(raw)
    if document is None:
        return None, problem
    return verification.verify(document), ""


@public
def verify(request: HttpRequest) -> HttpResponse:
    form = VerifyForm()
    verdict, problem = None, ""
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            verdict, problem = _verdict_of(form.text())
        else:
            problem = " ".join(str(error) for errors in form.errors.values() for error in errors)
        if _wants_json(request):
            return _api_answer(verdict, problem)
    status = 400 if problem else 200
    return render(
        request,
        "credentials/verify.html",
        {"form": form, "verdict": verdict, "problem": problem},
        status=status,
    )


def _api_answer(verdict: verification.Verdict | None, problem: str) -> JsonResponse:
    if verdict is None:
        return JsonResponse({"verified": False, "status": "unreadable", "reasons": [problem]}, status=400)
    return JsonResponse(verdict.as_json())


@public
@csrf_exempt  # a machine API: no session, nothing changes, the body is the credential
@require_POST
def verify_api(request: HttpRequest) -> HttpResponse:
    if len(request.body) > verification.MAX_INPUT_BYTES:
        return _api_answer(None, _("The credential is too large: at most 64 KB are accepted."))
    return _api_answer(*_verdict_of(request.body))


@requires("credentials.view_issued")
def nso_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.issued_for_nso(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    states = [queries.state_of(item) for item in page.object_list]
    context = {"page": page, "states": states}
    return render(request, "credentials/nso_list.html", context)

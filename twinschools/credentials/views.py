from __future__ import annotations

import json
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from twinschools.core.permissions import public, requires
from twinschools.credentials import queries, texts, verification
from twinschools.credentials.forms import VerifyForm

VC_CONTENT_TYPE = "application/vc+ld+json"
LD_CONTENT_TYPE = "application/ld+json"
PAGE_SIZE = 50


def _json(document: dict[str, Any], content_type: str) -> HttpResponse:
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2), content_type=content_type)
    # anyone's verifier may read these from a browser
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


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
    return _json(queries.controller_document(code), LD_CONTENT_TYPE)


@public
def status_list(request: HttpRequest, code: str, number: int) -> HttpResponse:
    return _json(queries.status_list_document(code, number), VC_CONTENT_TYPE)


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

"""JSON-LD processing that never touches the network.

Every context a credential of ours uses is bundled in `contexts/` (see its README); the
document loader serves only those and refuses any other URL, so signing and verifying
work offline and nobody can make the server fetch an address by pasting a credential.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
STATUS_LIST_V1 = "https://www.w3.org/ns/credentials/status/v1"
# The DID documents we serve name it; we never process them as JSON-LD ourselves.
DID_V1 = "https://www.w3.org/ns/did/v1"

BUNDLED = {
    VC_V2: "credentials-v2.json",
    OB_V3: "ob-v3p0-context-3.0.3.json",
    DATA_INTEGRITY_V2: "data-integrity-v2.json",
    MULTIKEY_V1: "multikey-v1.json",
    STATUS_LIST_V1: "vc-bitstring-status-list-v1.json",
}


class UnknownDocument(Exception):
    """A JSON-LD document asked for a URL we do not bundle."""


@cache
def _bundled(url: str) -> dict[str, Any]:
    return json.loads((CONTEXTS_DIR / BUNDLED[url]).read_text(encoding="utf-8"))


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader: the bundled contexts, nothing else."""
    if url not in BUNDLED:
        raise UnknownDocument(f"Refusing to load {url!r}: only bundled JSON-LD contexts are used.")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": copy.deepcopy(_bundled(url)),
    }


def canonize(document: dict[str, Any]) -> str:
    """RDF Dataset Canonicalization (RDFC-1.0, which pyld calls URDNA2015) as N-Quads."""
    return jsonld.normalize(
        document,
        {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": offline_loader},
    )

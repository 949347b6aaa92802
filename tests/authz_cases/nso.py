"""An NSO's own profile: NSO staff of that country and platform admins edit it; the logo
that credentials name as their issuer's image is public (see tests/authz.py)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.authz import ANYONE, Case, only
from tests.conftest import ROLES, World
from tests.images import png
from twinschools.network.models import NationalSupportOrganisation


def _with_logo(w: World) -> str:
    profile = NationalSupportOrganisation.objects.get(country__code="RO")
    if not profile.logo:
        profile.logo.save("logo.png", ContentFile(png()))
    return reverse("network:nso_logo", args=["ro"])


CASES = [
    Case(
        "network:nso_profiles",
        lambda w: reverse("network:nso_profiles"),
        only({"nso_x": 302, "nso_y": 302, "admin": 200}, others=403),
    ),
    Case(
        "network:nso_profile",
        lambda w: reverse("network:nso_profile", args=["ro"]),
        only({"nso_x": 200, "admin": 200}, others=404),
    ),
    Case(
        "network:nso_profile (empty post)",
        lambda w: reverse("network:nso_profile", args=["ro"]),
        only({"nso_x": 302, "admin": 302}, others=404),
        method="post",
    ),
    Case("network:nso_logo", _with_logo, ANYONE),
    Case(
        "network:nso_logo (no logo)",
        lambda w: reverse("network:nso_logo", args=["es"]),
        dict.fromkeys(ROLES, 404),
    ),
]

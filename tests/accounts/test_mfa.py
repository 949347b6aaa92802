"""Multi-factor sign-in: required for admins, NSO staff and evaluators, offered to heads and
teachers, never asked of pupils (twinschools/accounts/mfa.py over allauth.mfa)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time
import uuid
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.factories import PASSWORD
from twinschools.accounts import mfa
from twinschools.core.models import AuditEvent
from twinschools.network.generation.demo import DEMO_TOTP_SECRET

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238 with SHA-1, 30 s steps and 6 digits, written out so the test checks allauth."""
    counter = int(at if at is not None else time.time()) // 30
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


@pytest.fixture
def required(settings: Any) -> None:
    """The production policy (tests/settings.py turns it off for the rest of the suite)."""
    settings.MFA_REQUIRED_ROLES = frozenset({"admin", "nso", "evaluator"})


def enrol(user: Any, secret: str = SECRET) -> None:
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("role", ["admin", "nso_x", "evaluator_x", "nso_y", "evaluator_y"])
def test_platform_admins_nso_staff_and_evaluators_must_sign_in_with_a_second_step(
    world: World, role: str
) -> None:
    person = world.people[role]
    assert mfa.is_required(person) and not mfa.is_offered(person)
    assert mfa.must_enrol(person)
    enrol(person)
    assert not mfa.must_enrol(person)


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("role", ["head_a", "teacher_a", "team_a", "teacher_b"])
def test_heads_and_teachers_are_offered_a_second_step_without_having_to(world: World, role: str) -> None:
    person = world.people[role]
    assert mfa.is_offered(person) and not mfa.is_required(person) and not mfa.must_enrol(person)


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("role", ["student_a", "parent_a"])
def test_pupils_and_parents_are_neither_asked_nor_offered(world: World, role: str) -> None:
    person = world.people[role]
    assert not mfa.is_required(person) and not mfa.is_offered(person)


@pytest.mark.usefixtures("required")
def test_a_head_who_is_also_an_evaluator_must_enrol(world: World) -> None:
    head = world.people["head_a"]
    factories.CountryRoleFactory(user=head, country=world.school_a.country, role="evaluator")
    assert mfa.is_required(head) and not mfa.is_offered(head)


def _every_page_of_ours() -> list[str]:
    """A path for each named URL of the site outside allauth and the admin: the middleware
    answers before the view, so arguments need only match the URL's converters."""
    paths = []

    def walk(resolver: Any, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}{pattern.name}"
                if name.startswith(("mfa_", "account_", "admin:", "dev:")) or name in OPEN_NAMES:
                    continue
                converters = getattr(pattern.pattern, "converters", {})
                kwargs = {
                    key: 1
                    if isinstance(c, IntConverter)
                    else uuid.UUID(int=1)
                    if isinstance(c, UUIDConverter)
                    else "x"
                    for key, c in converters.items()
                }
                try:
                    paths.append(reverse(name, kwargs=kwargs or None))
                except NoReverseMatch:  # a regular expression's argument (a few pages)
                    continue

    walk(get_resolver(), "")
    return paths


OPEN_NAMES = {"set_language", "core:health"}


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("role", ["nso_x", "evaluator_y", "admin"])
def test_national_roles_without_a_second_step_are_sent_to_enrol_from_every_page(
    world: World, role: str
) -> None:
    client = signed_in(world.people[role])
    pages = _every_page_of_ours()
    assert len(pages) > 150
    for path in pages:
        response = client.get(path)
        assert (response.status_code, response.get("Location")) == (302, reverse("mfa_index")), path
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    assert "Your roles ask for a second step at sign-in" in page.content.decode()


@pytest.mark.usefixtures("required")
def test_while_enrolment_is_due_sign_out_and_the_language_switch_still_work(world: World) -> None:
    client = signed_in(world.people["evaluator_x"])
    assert client.post(reverse("set_language"), {"language": "ro", "next": "/"}).status_code == 302
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(reverse("accounts:dashboard"))["Location"].startswith(reverse("account_login"))


@pytest.mark.usefixtures("required")
def test_a_page_fragment_answers_no_content_while_enrolment_is_due(world: World) -> None:
    client = signed_in(world.people["admin"])
    response = client.get(reverse("notifications:unread_badge"), headers={"HX-Request": "true"})
    assert response.status_code == 204


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("role", ["admin", "nso_x", "evaluator_x"])
def test_once_enrolled_national_roles_reach_their_pages(world: World, role: str) -> None:
    enrol(world.people[role])
    client = signed_in(world.people[role])
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    assert client.get(reverse("network:directory")).status_code == 200


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("role", ["head_a", "teacher_a", "parent_a"])
def test_school_staff_and_parents_are_never_sent_to_enrol(world: World, role: str) -> None:
    client = signed_in(world.people[role])
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.usefixtures("required")
def test_the_home_page_offers_a_head_the_second_step(world: World) -> None:
    page = signed_in(world.people["head_a"]).get(reverse("accounts:dashboard")).content.decode()
    assert "Sign-in security" in page and "the declarations you sign" in page
    assert reverse("mfa_index") in page


@pytest.mark.usefixtures("required")
def test_the_home_page_of_a_pupil_offers_no_second_step(world: World) -> None:
    page = signed_in(world.people["student_a"]).get(reverse("accounts:dashboard")).content.decode()
    assert "Sign-in security" not in page and reverse("mfa_index") not in page


@pytest.mark.usefixtures("required")
def test_a_pupil_still_signs_in_with_class_code_name_and_pin_and_no_second_step(world: World) -> None:
    from twinschools.accounts import services

    pin = services.reset_pin(student=world.pupil_a, by=world.people["head_a"])
    client = Client()
    response = client.post(
        reverse("accounts:student_login"), {"code": "SEVENB", "display_name": "Zorella", "pin": pin}
    )
    assert response.status_code == 302 and "2fa" not in response["Location"]
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.parametrize("name", ["mfa_index", "mfa_activate_totp", "mfa_list_webauthn"])
def test_pupils_are_refused_the_second_step_pages(world: World, name: str) -> None:
    assert signed_in(world.people["student_a"]).get(reverse(name)).status_code == 403


def _sign_in_with_password(client: Client, email: str) -> Any:
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def _with_time_to_spare() -> None:
    """Waits for a fresh 30 s step when this one is about to end, so a code stays valid."""
    left = 30 - time.time() % 30
    if left < 4:
        time.sleep(left + 0.1)


@pytest.mark.usefixtures("required")
def test_an_nso_member_enrols_an_authenticator_app_then_signs_in_with_a_code(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    nso = world.people["nso_x"]
    client = Client()
    assert _sign_in_with_password(client, nso.email).status_code == 302
    assert client.get(reverse("accounts:dashboard"))["Location"] == reverse("mfa_index")
    # Changing one's second step asks for the password again (allauth's reauthentication).
    assert client.get(reverse("mfa_activate_totp"))["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    svg = base64.b64decode(page.context["totp_svg_data_uri"].split(",", 1)[1]).decode()
    assert svg.startswith("<svg")
    secret = client.session["mfa.totp.secret"]
    _with_time_to_spare()
    code = totp_code(secret)
    wrong = "000000" if code != "000000" else "111111"
    assert client.post(reverse("mfa_activate_totp"), {"code": wrong}).status_code == 200
    assert not mfa.is_enrolled(nso)
    with django_capture_on_commit_callbacks(execute=True):  # allauth announces it after the commit
        assert client.post(reverse("mfa_activate_totp"), {"code": code}).status_code == 302
    assert mfa.is_enrolled(nso)
    added = AuditEvent.objects.filter(action="accounts.second_factor.added", actor=nso, target_id=str(nso.pk))
    assert {"kind": "totp"} in [event.data for event in added]
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    client.post(reverse("account_logout"))

    again = Client()
    assert _sign_in_with_password(again, nso.email)["Location"] == reverse("mfa_authenticate")
    assert again.get(reverse("accounts:dashboard")).status_code == 302  # not signed in yet
    assert again.post(reverse("mfa_authenticate"), {"code": wrong}).status_code == 200
    assert again.get(reverse("accounts:dashboard")).status_code == 302
    assert again.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    assert again.get(reverse("accounts:dashboard")).status_code == 200

    # A code lets in once: the same code is refused to the next sign-in.
    third = Client()
    _sign_in_with_password(third, nso.email)
    assert third.post(reverse("mfa_authenticate"), {"code": code}).status_code == 200
    # A recovery code lets in when the phone is lost.
    recovery = RecoveryCodes(Authenticator.objects.get(user=nso, type=Authenticator.Type.RECOVERY_CODES))
    assert (
        third.post(reverse("mfa_authenticate"), {"code": recovery.get_unused_codes()[0]}).status_code == 302
    )
    assert third.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.usefixtures("required")
def test_nobody_edits_or_removes_another_persons_key(world: World) -> None:
    key = Authenticator.objects.create(
        user=world.people["teacher_a"], type=Authenticator.Type.WEBAUTHN, data={"name": "Key"}
    )
    client = Client()
    _sign_in_with_password(client, "teacher_b@example.org")
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_edit_webauthn", args=[key.pk])).status_code == 404
    assert client.post(reverse("mfa_remove_webauthn", args=[key.pk])).status_code == 404
    assert Authenticator.objects.filter(pk=key.pk).exists()


@pytest.mark.usefixtures("required")
def test_the_admin_signs_in_at_admin_through_allauth_and_its_second_step(world: World) -> None:
    response = Client().get(reverse("admin:login"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    admin = world.people["admin"]
    enrol(admin)
    client = Client()
    assert _sign_in_with_password(client, admin.email)["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_authenticator_qr_code_is_drawn_as_svg() -> None:
    svg = mfa.MFAAdapter().build_totp_svg("otpauth://totp/TwinSchools:a?secret=" + SECRET)
    assert svg.startswith("<svg") and "</svg>" in svg


def test_passkeys_are_bound_to_the_host_of_the_site_address(rf: Any, settings: Any) -> None:
    from allauth.core import context

    settings.SITE_URL = "https://twinschools.example.eu"
    with context.request_context(rf.get("/", HTTP_HOST="127.0.0.1")):
        entity = mfa.MFAAdapter().get_public_key_credential_rp_entity()
    assert entity == {"id": "twinschools.example.eu", "name": "TwinSchools"}


def test_the_demo_code_command_prints_the_code_of_the_published_secret(capsys: Any) -> None:
    before = totp_code(DEMO_TOTP_SECRET)
    call_command("demo_code")
    printed = capsys.readouterr().out
    assert printed.split()[0] in {before, totp_code(DEMO_TOTP_SECRET)}


def test_the_passkey_challenge_asks_any_key_of_the_site_to_verify_its_user(settings: Any, db: None) -> None:
    """What "Sign in with a passkey" fetches: no list of keys (the browser offers the site's
    discoverable credentials), the site's host as relying party, and user verification required,
    which is what makes the passkey count as both steps."""
    settings.SITE_URL = "https://twinschools.example.eu"
    response = Client().get(reverse("mfa_login_webauthn"), headers={"Accept": "application/json"})
    options = response.json()["request_options"]["publicKey"]
    assert options["rpId"] == "twinschools.example.eu"
    assert options["userVerification"] == "required"
    assert not options.get("allowCredentials")


def test_the_sign_in_page_offers_a_passkey_with_its_script_under_the_csp(client: Client, db: None) -> None:
    page = client.get(reverse("account_login")).content.decode()
    assert 'id="passkey_login"' in page and 'form="mfa_login"' in page
    assert f'id="mfa_login" action="{reverse("mfa_login_webauthn")}"' in page
    # Script files only (the CSP allows no inline code): the JSON block is data, never run.
    assert "/static/mfa/js/webauthn.js" in page and "/static/account/js/onload.js" in page
    assert 'data-allauth-onload="allauth.webauthn.forms.loginForm" type="application/json"' in page


def test_a_persons_list_of_keys_shows_only_their_own(world: World) -> None:
    Authenticator.objects.create(
        user=world.people["teacher_a"], type=Authenticator.Type.WEBAUTHN, data={"name": "Phone of Teacher A"}
    )
    assert (
        "Phone of Teacher A"
        in signed_in(world.people["teacher_a"]).get(reverse("mfa_list_webauthn")).content.decode()
    )
    assert (
        "Phone of Teacher A"
        not in signed_in(world.people["teacher_b"]).get(reverse("mfa_list_webauthn")).content.decode()
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ro", ["Conectați-vă cu o cheie de acces", "Țineți-mă minte", "Ați uitat parola?"]),
        ("ca", ["Inicia la sessió amb una clau d’accés", "Recorda’m"]),
    ],
)
def test_the_passkey_button_and_the_sign_in_page_speak_the_readers_language(
    client: Client, settings: Any, db: None, language: str, expected: list[str]
) -> None:
    """allauth's own Romanian leaves out the diacritics and speaks familiarly: ours is used."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("account_login")).content.decode()
    assert [text for text in expected if text not in page] == []


def test_an_unused_key_says_so_in_romanian(world: World, settings: Any) -> None:
    Authenticator.objects.create(
        user=world.people["teacher_a"], type=Authenticator.Type.WEBAUTHN, data={"name": "Telefon"}
    )
    client = signed_in(world.people["teacher_a"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ro"
    page = client.get(reverse("mfa_list_webauthn")).content.decode()
    assert "Nefolosită încă." in page and "Not used" not in page


def _section(page: str, title_id: str) -> str:
    """The card of the two-step page whose heading has id `title_id`, as HTML."""
    start = page.index(f'aria-labelledby="{title_id}"')
    return page[start : page.index("</section>", start)]


def test_the_two_step_page_offers_each_method_to_set_up_to_a_person_without_any(world: World) -> None:
    page = signed_in(world.people["teacher_a"]).get(reverse("mfa_index")).content.decode()
    app, keys, codes = (_section(page, f"mfa-{kind}-title") for kind in ("totp", "keys", "codes"))
    assert "Not set up" in app and f'class="btn btn-primary" href="{reverse("mfa_activate_totp")}"' in app
    assert "Not set up" in keys and f'class="btn btn-primary" href="{reverse("mfa_add_webauthn")}"' in keys
    assert "Not set up" in codes and reverse("mfa_generate_recovery_codes") not in codes
    assert "Two-factor authentication is off for your account." in page
    assert "For you it is optional, and recommended." in page
    assert reverse("accounts:dashboard") in page


@pytest.mark.usefixtures("required")
def test_the_two_step_page_shows_an_enrolled_person_what_is_active_and_how_to_change_it(
    world: World,
) -> None:
    person = world.people["nso_x"]
    enrol(person)
    page = signed_in(person).get(reverse("mfa_index")).content.decode()
    app, keys, codes = (_section(page, f"mfa-{kind}-title") for kind in ("totp", "keys", "codes"))
    assert "Active" in app and reverse("mfa_deactivate_totp") in app
    assert reverse("mfa_activate_totp") not in app
    assert "Not set up" in keys and reverse("mfa_add_webauthn") in keys
    assert "Active" in codes and "10 of 10 codes left." in codes
    for name in ("mfa_view_recovery_codes", "mfa_download_recovery_codes", "mfa_generate_recovery_codes"):
        assert f'class="btn btn-outline-secondary" href="{reverse(name)}"' in codes, name
    assert "Two-factor authentication is on for your account." in page
    assert "Your roles require it." in page


def test_the_two_step_page_counts_a_persons_keys_and_sends_them_to_manage_them(world: World) -> None:
    person = world.people["head_a"]
    Authenticator.objects.create(user=person, type=Authenticator.Type.WEBAUTHN, data={"name": "Phone"})
    keys = _section(signed_in(person).get(reverse("mfa_index")).content.decode(), "mfa-keys-title")
    assert "Active" in keys and "You have added 1 key." in keys
    assert reverse("mfa_list_webauthn") in keys and reverse("mfa_add_webauthn") not in keys


def test_the_two_step_page_speaks_romanian_with_diacritics(world: World, settings: Any) -> None:
    client = signed_in(world.people["teacher_a"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ro"
    page = client.get(reverse("mfa_index")).content.decode()
    assert "Autentificare cu doi factori" in page and "Neconfigurat" in page
    assert "Pentru dumneavoastră este opțională, dar recomandată." in page


@pytest.mark.usefixtures("required")
def test_the_two_step_page_tells_a_person_who_must_enrol_to_do_so_and_offers_no_way_round(
    world: World,
) -> None:
    page = signed_in(world.people["evaluator_x"]).get(reverse("mfa_index")).content.decode()
    assert "Your roles require it: set up an authenticator app or a passkey below" in page
    assert "Two-factor authentication is off" not in page  # the warning that sent them here says it
    assert reverse("accounts:dashboard") not in page.split('id="main"')[1]

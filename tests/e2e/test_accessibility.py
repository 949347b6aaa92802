"""Every page, in every language, has no WCAG 2.1 A or AA violation that axe-core can find.

Each scene opens one page in the state worth checking (with results, with form
errors, as a given role) and returns it; the test id names the scene and the
language, so a failure says where to look.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.data import give_school_a_record, upload_files_with_bad_rows
from tests.e2e.helpers import add_passkey, with_virtual_authenticator
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
Scene = Callable[[World, NewPage, str], Any]
SCENES: dict[str, Scene] = {}


def scene(name: str) -> Callable[[Scene], Scene]:
    def register(function: Scene) -> Scene:
        SCENES[name] = function
        return function

    return register


def visit(new_page: NewPage, url: str, language: str, user: Any = None) -> Any:
    page = new_page(user=user, language=language)
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    return page


def submit(page: Any, form: str = "main form") -> None:
    with page.expect_navigation():
        page.locator(f"{form} [type=submit]").first.click()


@scene("home")
def home(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("core:home"), language)


@scene("directory-with-results")
def directory(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("network:directory") + "?q=scoala", language)


@scene("directory-without-results")
def directory_empty(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("network:directory") + "?q=zzzz", language)


@scene("school-profile-anonymous")
def profile_anonymous(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("network:school", args=[world.school_a.pk]), language)


@scene("school-profile-staff")
def profile_staff(world: World, new_page: NewPage, language: str) -> Any:
    page = visit(
        new_page, reverse("network:school", args=[world.school_a.pk]), language, world.people["head_a"]
    )
    assert page.locator("#people-title").count() == 1
    return page


@scene("dashboard-teacher")
def dashboard_teacher(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("accounts:dashboard"), language, world.people["teacher_a"])


@scene("dashboard-pupil")
def dashboard_pupil(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("accounts:dashboard"), language, world.people["student_a"])


@scene("dashboard-parent")
def dashboard_parent(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("accounts:dashboard"), language, world.people["parent_a"])


@scene("dashboard-nso")
def dashboard_nso(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("accounts:dashboard"), language, world.people["nso_x"])


@scene("dashboard-head")
def dashboard_head(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("accounts:dashboard"), language, world.people["head_a"])


@scene("dashboard-evaluator")
def dashboard_evaluator(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("accounts:dashboard"), language, world.people["evaluator_x"])


@scene("dashboard-admin")
def dashboard_admin(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("accounts:dashboard"), language, world.people["admin"])


@scene("team-head")
def team(world: World, new_page: NewPage, language: str) -> Any:
    return visit(
        new_page, reverse("accounts:team", args=[world.school_a.pk]), language, world.people["head_a"]
    )


@scene("class-teacher")
def class_page(world: World, new_page: NewPage, language: str) -> Any:
    return visit(
        new_page, reverse("accounts:class", args=[world.class_a.pk]), language, world.people["teacher_a"]
    )


@scene("class-head-consent-waiting")
def class_page_waiting(world: World, new_page: NewPage, language: str) -> Any:
    """A pupil waits for consent: the list, the head's button and the PIN buttons."""
    from tests.factories import StudentFactory

    StudentFactory(class_group=world.class_a, user__display_name="Mihai", parental_consent=False)
    return visit(
        new_page, reverse("accounts:class", args=[world.class_a.pk]), language, world.people["head_a"]
    )


@scene("parent-consent")
def parent_consent(world: World, new_page: NewPage, language: str) -> Any:
    world.pupil_a.parental_consent = False
    world.pupil_a.save(update_fields=["parental_consent"])
    return visit(new_page, reverse("agency:parent_home"), language, world.people["parent_a"])


@scene("person-data-export")
def person_data_export(world: World, new_page: NewPage, language: str) -> Any:
    url = reverse("accounts:export_person", args=[world.pupil_a.user.pk])
    return visit(new_page, url, language, world.people["head_a"])


@scene("invitation-accept-anonymous")
def invitation_anonymous(world: World, new_page: NewPage, language: str) -> Any:
    url = reverse("accounts:accept_invitation", args=[world.invitation_a.token])
    return visit(new_page, url, language)


@scene("invitation-accept-signed-in")
def invitation_signed_in(world: World, new_page: NewPage, language: str) -> Any:
    url = reverse("accounts:accept_invitation", args=[world.invitation_a.token])
    return visit(new_page, url, language, world.people["teacher_b"])


@scene("pupil-sign-in")
def pupil_sign_in(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("accounts:student_login"), language)


@scene("pupil-sign-in-failed")
def pupil_sign_in_failed(world: World, new_page: NewPage, language: str) -> Any:
    page = visit(new_page, reverse("accounts:student_login"), language)
    page.fill("#id_code", world.class_a.code)
    page.fill("#id_display_name", "Zorella")
    page.fill("#id_pin", "000000")
    submit(page)
    assert page.locator("[role=alert]").count() == 1
    return page


@scene("sign-in")
def sign_in(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("account_login"), language)


@scene("sign-in-failed")
def sign_in_failed(world: World, new_page: NewPage, language: str) -> Any:
    page = visit(new_page, reverse("account_login"), language)
    page.fill("#id_login", "teacher_a@example.org")
    page.fill("#id_password", "not the password")
    submit(page)
    assert page.locator(".errorlist").count() >= 1
    return page


@scene("sign-up")
def sign_up(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("account_signup"), language)


@scene("password-reset")
def password_reset(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("account_reset_password"), language)


def _enrolled(user: Any) -> Any:
    """`user` with an authenticator app and recovery codes (allauth.mfa)."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DP")
    RecoveryCodes.activate(user)
    return user


def _after_password_again(page: Any) -> Any:
    """Pages that change a second step first ask for the password again (allauth)."""
    if "/reauthenticate/" in page.url:
        page.fill("#id_password", PASSWORD)
        submit(page)
    return page


@scene("mfa-index")
def mfa_index(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("mfa_index"), language, world.people["head_a"])


@scene("mfa-index-enrolled")
def mfa_index_enrolled(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("mfa_index"), language, _enrolled(world.people["nso_x"]))


@scene("mfa-index-must-enrol")
def mfa_index_must_enrol(world: World, new_page: NewPage, language: str) -> Any:
    """An evaluator without a second step, under the production rule (tests/settings.py lifts it)."""
    with override_settings(MFA_REQUIRED_ROLES=frozenset({"admin", "nso", "evaluator"})):
        page = visit(new_page, reverse("accounts:dashboard"), language, world.people["evaluator_x"])
    assert page.url.endswith(reverse("mfa_index"))
    return page


@scene("mfa-activate-totp")
def mfa_activate_totp(world: World, new_page: NewPage, language: str) -> Any:
    page = visit(new_page, reverse("mfa_activate_totp"), language, world.people["teacher_a"])
    _after_password_again(page)
    assert page.locator("#authenticator_secret").count() == 1
    return page


@scene("mfa-activate-totp-wrong-code")
def mfa_activate_totp_wrong(world: World, new_page: NewPage, language: str) -> Any:
    page = mfa_activate_totp(world, new_page, language)
    page.fill("#id_code", "12")
    submit(page)
    assert page.locator("#id_code[aria-invalid=true], .errorlist").count() >= 1
    return page


@scene("mfa-recovery-codes")
def mfa_recovery_codes(world: World, new_page: NewPage, language: str) -> Any:
    person = _enrolled(world.people["evaluator_x"])
    return _after_password_again(visit(new_page, reverse("mfa_view_recovery_codes"), language, person))


@scene("mfa-add-security-key")
def mfa_add_webauthn(world: World, new_page: NewPage, language: str) -> Any:
    page = visit(new_page, reverse("mfa_add_webauthn"), language, world.people["head_a"])
    return _after_password_again(page)


@scene("mfa-security-keys")
def mfa_list_webauthn(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("mfa_list_webauthn"), language, world.people["head_a"])


@scene("mfa-sign-in-code")
def mfa_authenticate(world: World, new_page: NewPage, language: str) -> Any:
    _enrolled(world.people["admin"])
    page = visit(new_page, reverse("account_login"), language)
    page.fill("#id_login", "admin@example.org")
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert "/2fa/authenticate/" in page.url
    return page


def _with_a_passkey(new_page: NewPage, language: str, person: Any) -> Any:
    """`person` signed in, who has just added a passkey through the virtual authenticator."""
    page = new_page(user=person, language=language)
    with_virtual_authenticator(page)
    add_passkey(page, PASSWORD)
    assert person.authenticator_set.filter(type="webauthn").count() == 1
    return page


def _teachers_passkey_page(
    world: World, new_page: NewPage, language: str, name: str, *, of_the_key: bool
) -> Any:
    """Teacher A, who has just added a passkey, opens the page `name` (of that key, if asked)."""
    person = world.people["teacher_a"]
    page = _with_a_passkey(new_page, language, person)
    args = [person.authenticator_set.get(type="webauthn").pk] if of_the_key else []
    page.goto(reverse(name, args=args))
    return page


@scene("passkey-security-keys")
def passkey_list(world: World, new_page: NewPage, language: str) -> Any:
    return _teachers_passkey_page(world, new_page, language, "mfa_list_webauthn", of_the_key=False)


@scene("passkey-two-step-page")
def passkey_index(world: World, new_page: NewPage, language: str) -> Any:
    return _teachers_passkey_page(world, new_page, language, "mfa_index", of_the_key=False)


@scene("passkey-rename")
def passkey_edit(world: World, new_page: NewPage, language: str) -> Any:
    return _teachers_passkey_page(world, new_page, language, "mfa_edit_webauthn", of_the_key=True)


@scene("passkey-remove")
def passkey_remove(world: World, new_page: NewPage, language: str) -> Any:
    return _teachers_passkey_page(world, new_page, language, "mfa_remove_webauthn", of_the_key=True)


@scene("passkey-confirm-access")
def passkey_reauthenticate(world: World, new_page: NewPage, language: str) -> Any:
    """A person with a key confirms who they are with it (a new session: no recent sign-in)."""
    person = world.people["teacher_a"]
    _with_a_passkey(new_page, language, person)
    page = visit(new_page, reverse("mfa_reauthenticate_webauthn"), language, person)
    return page


@scene("passkey-second-step")
def passkey_second_step(world: World, new_page: NewPage, language: str) -> Any:
    """The second step of a password sign-in, for a person whose only second step is a key."""
    _with_a_passkey(new_page, language, world.people["nso_x"])
    page = visit(new_page, reverse("account_login"), language)
    page.fill("#id_login", "nso_x@example.org")
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert "/2fa/authenticate/" in page.url
    return page


@scene("import-empty")
def import_empty(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("network:import"), language, world.people["nso_x"])


@scene("import-with-problems")
def import_with_problems(world: World, new_page: NewPage, language: str) -> Any:
    page = visit(new_page, reverse("network:import"), language, world.people["nso_x"])
    upload_files_with_bad_rows(page)
    assert page.locator("[role=alert] tbody tr").count() > 0
    return page


@scene("erase-person")
def erase_person(world: World, new_page: NewPage, language: str) -> Any:
    url = reverse("accounts:erase_person", args=[world.people["teacher_a"].pk])
    return visit(new_page, url, language, world.people["head_a"])


@scene("notification-settings")
def notification_settings(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("notifications:settings"), language, world.people["head_a"])


@scene("notification-settings-saved")
def notification_settings_saved(world: World, new_page: NewPage, language: str) -> Any:
    page = visit(new_page, reverse("notifications:settings"), language, world.people["teacher_a"])
    weekly = page.locator("main input[type=radio][value=weekly]").first.get_attribute("id")
    # The choices are shown as buttons: their labels are what one clicks.
    page.locator(f"main label[for='{weekly}']").click()
    submit(page)
    assert page.locator("main input[type=radio][value=weekly]:checked").count() == 1
    return page


@scene("notification-settings-of-a-pupil")
def notification_settings_pupil(world: World, new_page: NewPage, language: str) -> Any:
    return visit(new_page, reverse("notifications:settings"), language, world.people["student_a"])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_the_page_has_no_wcag_21_aa_violation(
    name: str,
    language: str,
    world: World,
    new_page: NewPage,
    assert_accessible: Callable[..., None],
    settings: Any,
    site: Any,
) -> None:
    settings.SITE_URL = site.url  # a passkey is bound to the host the browser sees (accounts/mfa.py)
    give_school_a_record(world)
    page = SCENES[name](world, new_page, language)
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page, f"{name} in {language}")

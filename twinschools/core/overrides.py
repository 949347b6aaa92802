"""Messages of django-allauth as Romanian writes them, with its diacritics and the polite form.

allauth's own Romanian catalogue leaves out ș, ț, ă and â ("Esti conectat(a)") and speaks in
the familiar form. Marking the same messages here puts them in our catalogue, which Django
reads before allauth's (LOCALE_PATHS). This module is never imported: it exists for makemessages.
"""

from django.utils.translation import gettext_noop

SIGN_IN_AND_OUT = [
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("Sign In"),
    gettext_noop("Sign Out"),
]

"""Labels of django-axes (the sign-in lockout) that no catalogue carries, marked here so that
makemessages puts them in ours: axes ships no Swedish, and these are newer than its English
catalogue. The rest of its labels are in locale_django/. Admin shows them in permission lists.
"""

from django.utils.translation import gettext_noop

LABELS = (
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Expires At"),
    gettext_noop("Access Attempt"),
)

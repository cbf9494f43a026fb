import re
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

# The project's one catalogue holds the partnership strings too.
PO = Path(__file__).resolve().parents[2] / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def test_swedish_catalogue_is_complete_without_fuzzy_entries():
    text = PO.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    entries = text.split("\n\n")[1:]
    assert len(entries) > 200
    for entry in entries:
        assert not re.search(r'^msgstr(\[\d\])? ""$', entry, re.MULTILINE) or re.search(
            r'^msgstr(\[\d\])? ""\n"', entry, re.MULTILINE
        ), entry


def test_a_swedish_string_is_translated():
    with translation.override("sv"):
        assert gettext("All partnerships") == "Alla partnerskap"
    with translation.override("en"):
        assert gettext("All partnerships") == "All partnerships"


def test_swedish_catalogue_compiles():
    import shutil
    import subprocess

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:  # gettext is needed by compilemessages anyway
        raise AssertionError("msgfmt (GNU gettext) is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(PO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr

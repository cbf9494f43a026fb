"""Every Swedish catalogue is complete: no empty and no fuzzy entries, placeholders kept."""

import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(
    path
    for path in BASE_DIR.glob("**/locale*/sv/LC_MESSAGES/*.po")
    if ".venv" not in path.parts and "var" not in path.parts
)


def entries(path: Path):
    """(msgid, msgid_plural, msgstrs, flags) for each entry, with continuation lines joined."""
    text = path.read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text):
        if block.lstrip().startswith("#~"):
            continue  # obsolete
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        fields: dict[str, str] = {}
        current = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            msgstrs = [v for k, v in fields.items() if k.startswith("msgstr")]
            yield fields["msgid"], fields.get("msgid_plural", ""), msgstrs, flags


def test_there_are_catalogues():
    assert BASE_DIR / "locale/sv/LC_MESSAGES/django.po" in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_swedish_catalogue_is_complete(path):
    problems = []
    for msgid, plural, msgstrs, flags in entries(path):
        if "fuzzy" in flags:
            problems.append(f"fuzzy: {msgid}")
        elif not msgstrs or not all(msgstrs):
            problems.append(f"untranslated: {msgid}")
        else:
            names = set(re.findall(r"%\(\w+\)[sd]", msgid))
            plural_names = set(re.findall(r"%\(\w+\)[sd]", plural))
            for number, msgstr in enumerate(msgstrs):
                found = set(re.findall(r"%\(\w+\)[sd]", msgstr))
                if not plural:
                    kept = found == names
                elif number:
                    kept = found == plural_names
                else:  # a singular may leave out the count ("your alert") but add nothing
                    kept = found <= names | plural_names
                if not kept:
                    problems.append(f"placeholders differ: {msgid}")
    assert not problems, "\n".join(problems)

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
    """(msgid, msgstrs, flags) for each entry, with continuation lines joined."""
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
            yield fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")], flags


def test_there_are_catalogues():
    assert BASE_DIR / "locale/sv/LC_MESSAGES/django.po" in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_swedish_catalogue_is_complete(path):
    problems = []
    for msgid, msgstrs, flags in entries(path):
        if "fuzzy" in flags:
            problems.append(f"fuzzy: {msgid}")
        elif not msgstrs or not all(msgstrs):
            problems.append(f"untranslated: {msgid}")
        else:
            wanted = sorted(set(re.findall(r"%\(\w+\)[sd]", msgid)))
            for msgstr in msgstrs:
                if sorted(set(re.findall(r"%\(\w+\)[sd]", msgstr))) != wanted:
                    problems.append(f"placeholders differ: {msgid}")
    assert not problems, "\n".join(problems)

"""Refresh the translations: collect every tr() string of lifecrm_gui/ui/*.py into the
.ts sources (pyside6-lupdate), give each English message its source text, and compile
both languages to .qm (pyside6-lrelease).

    python resources/translations/update.py          # update and compile
    python resources/translations/update.py --check  # also fail if a Chinese text is missing

Chinese translations are written by people, in lifecrm_zh_CN.ts (Qt Linguist or any
editor); this script keeps the ones whose English source is unchanged.
"""

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ROOT / "lifecrm_gui" / "ui"
CATALOGUES = {"zh_CN": HERE / "lifecrm_zh_CN.ts", "en": HERE / "lifecrm_en.ts"}
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"pyside6-{name} not found: install PySide6 (pip install -e .)")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.glob("*.py") if p.name != "__init__.py")


def lupdate(files: list[Path]) -> None:
    for language, catalogue in CATALOGUES.items():
        relative = [os.path.relpath(p, HERE) for p in files]
        subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
                        "-source-language", "en", "-target-language", language, *relative, "-ts", catalogue.name],
                       cwd=HERE, check=True)


def messages(catalogue: Path):
    tree = ET.parse(catalogue)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield tree, name, message


def fill_english(catalogue: Path) -> int:
    """English is the source language: each translation is its source text (every plural
    form of a %n message too)."""
    tree = ET.parse(catalogue)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        source = message.findtext("source")
        forms = translation.findall("numerusform")
        if message.get("numerus") == "yes":
            if not forms:
                forms = [ET.SubElement(translation, "numerusform")]
            stale = [form for form in forms if form.text != source]
            translation.text = None
            for form in forms:
                form.text = source
        else:
            stale = [translation] if translation.text != source else []
            translation.text = source
        if stale or translation.get("type") == "unfinished":
            translation.attrib.pop("type", None)
            filled += 1
    write(tree, catalogue)
    return filled


def translated_texts(message) -> list[str]:
    """What a message is translated as: its text, or each plural form's."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def write(tree: ET.ElementTree, catalogue: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    catalogue.write_text(HEADER + body + "\n", encoding="utf-8")


def unfinished(catalogue: Path) -> list[tuple[str, str]]:
    out = []
    for _tree, context, message in messages(catalogue):
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        texts = translated_texts(message)
        if translation.get("type") == "unfinished" or not texts or not all(t.strip() for t in texts):
            out.append((context, message.findtext("source")))
    return out


def lrelease() -> None:
    for catalogue in CATALOGUES.values():
        subprocess.run([tool("lrelease"), "-silent", catalogue.name, "-qm", catalogue.with_suffix(".qm").name],
                       cwd=HERE, check=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any Chinese translation is missing")
    args = parser.parse_args(argv)
    files = source_files()
    lupdate(files)
    filled = fill_english(CATALOGUES["en"])
    lrelease()
    missing = unfinished(CATALOGUES["zh_CN"])
    print(f"{len(files)} modules; {filled} English messages filled; {len(missing)} Chinese translations missing")
    for context, source in missing:
        print(f"  [{context}] {source}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())

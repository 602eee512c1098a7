"""A small TrueType copy of the Chinese font for the printed report, made once and cached.

matplotlib's PDF backend embeds a subset of every font a report uses, and fontTools
reads the whole source file to cut it: about 0.7 s for each weight of Noto Sans CJK
(20 MB), on every report. Worse, Noto Sans CJK has PostScript (CFF) outlines, which
matplotlib embeds as if they were TrueType: viewers such as MuPDF and Adobe Reader then
draw the wrong glyphs (matplotlib issue #20870).

The print font holds what a report nearly always shows (the symbols and the 3,755
common characters of GB2312 level 1, Latin, punctuation, every word of the charts and
the vocabulary) with TrueType outlines, in about 1.3 MB and without the layout tables
(GSUB/GPOS), so cutting it for a report takes a few hundredths of a second. The
source's kerning between Latin letters comes along as a plain 'kern' table, so English
text is set exactly as the window sets it.

Characters of a report that the print font lacks (a rare one in a studio or campaign
name) get a small font of their own, cut the same way and cached (`extra_family`); the
full Chinese fonts stay last in the list for anything else, as matplotlib falls back
per glyph.

A print font is named after its source's path, face, size and modification time, so
a changed or replaced source font is cut again. Cutting both weights takes about 6 s:
the window has it done by a child process once the dashboard has been drawn
(`prepare_in_background`), and a report that finds none does it first.
"""

import hashlib
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from matplotlib import font_manager

from lifecrm_gui import paths

from .style import installed_cjk_fonts

FAMILY = "LifeCRM Print Sans"
RECIPE = 2  # bump when the characters or the way of cutting change: old files are cut again
WEIGHTS = (("Regular", 400), ("Bold", 700))
FALLBACK = "DejaVu Sans"
KERN_PAIRS_MAX = 10_900  # a 'kern' subtable's length is 16 bits: 6 bytes a pair (Noto Sans CJK has 4,956)

_lock = threading.Lock()
_registered: set[str] = set()
_background: threading.Thread | None = None


def cache_dir() -> Path:
    return paths.cache_dir() / "print-fonts"


def sources() -> list[tuple[str, font_manager.FontPath]]:
    """(weight name, source file) of the installed Chinese font, regular and bold (one
    entry when the font has a single weight)."""
    installed = installed_cjk_fonts()
    if not installed:
        return []
    found, seen = [], set()
    for name, weight in WEIGHTS:
        path = font_manager.findfont(font_manager.FontProperties(family=installed[0], weight=weight),
                                     fallback_to_default=False)
        where = (str(path), getattr(path, "face_index", 0))
        if where not in seen:
            seen.add(where)
            found.append((name, path))
    return found


def _identity(source) -> str:
    stat = os.stat(source)
    return f"{RECIPE}|{os.fsdecode(source)}|{getattr(source, 'face_index', 0)}|{stat.st_size}|{stat.st_mtime_ns}"


def target(weight: str, source) -> Path:
    """Where the print font cut from `source` lives (its name says which source it came from)."""
    digest = hashlib.sha1(_identity(source).encode()).hexdigest()[:16]
    return cache_dir() / f"{weight.lower()}-{digest}.ttf"


def characters() -> set[int]:
    """What the print font holds."""
    from lifecrm_gui.domain import vocab

    from .texts import TEXTS

    codes = set(range(0x20, 0x7F)) | set(range(0xA0, 0x250))  # Latin-1, Latin Extended-A and B
    for first, last in ((0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x21FF), (0x2200, 0x22FF),
                        (0x2460, 0x24FF), (0x2500, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F),
                        (0xFF00, 0xFFEF)):
        codes.update(range(first, last + 1))
    # GB2312 rows 1-9 (symbols, full-width forms) and 16-55 (level 1: the common characters)
    for row in (*range(0xA1, 0xAA), *range(0xB0, 0xD8)):
        for cell in range(0xA1, 0xFF):
            try:
                codes.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    words = [text for pair in TEXTS.values() for text in pair]
    for table in vars(vocab).values():
        if hasattr(table, "values") and not isinstance(table, type):
            for value in table.values():
                words.extend(value.values() if isinstance(value, dict) else [value])
        elif isinstance(table, tuple) and all(isinstance(item, str) for item in table):
            words.extend(table)
    codes.update(ord(c) for word in words if isinstance(word, str) for c in word)
    return codes


def _latin_kerning(font, glyphs: set[str]) -> dict[tuple[str, str], int]:
    """The horizontal kerning the source's GPOS 'kern' feature gives between `glyphs`
    (pair adjustments: the first subtable of a lookup covering a pair decides it)."""
    if "GPOS" not in font:
        return {}
    gpos = font["GPOS"].table
    if not gpos.FeatureList or not gpos.LookupList:
        return {}
    lookups = sorted({i for record in gpos.FeatureList.FeatureRecord if record.FeatureTag == "kern"
                      for i in record.Feature.LookupListIndex})
    ordered = sorted(glyphs)
    pairs: dict[tuple[str, str], int] = {}
    for index in lookups:
        lookup = gpos.LookupList.Lookup[index]
        subtables = [s.ExtSubTable if lookup.LookupType == 9 else s for s in lookup.SubTable]
        decided: set[tuple[str, str]] = set()
        for sub in subtables:
            if getattr(sub, "LookupType", 2) != 2:
                continue
            covered = sub.Coverage.glyphs
            if sub.Format == 1:
                for at, first in enumerate(covered):
                    if first not in glyphs:
                        continue
                    for record in sub.PairSet[at].PairValueRecord:
                        pair = (first, record.SecondGlyph)
                        if record.SecondGlyph in glyphs and pair not in decided:
                            decided.add(pair)
                            value = getattr(record.Value1, "XAdvance", 0) if record.Value1 else 0
                            if value:
                                pairs[pair] = pairs.get(pair, 0) + value
            elif sub.Format == 2:
                first_classes, second_classes = sub.ClassDef1.classDefs, sub.ClassDef2.classDefs
                for first in covered:
                    if first not in glyphs:
                        continue
                    row = sub.Class1Record[first_classes.get(first, 0)].Class2Record
                    for second in ordered:
                        pair = (first, second)
                        if pair in decided:
                            continue
                        decided.add(pair)
                        record = row[second_classes.get(second, 0)].Value1
                        value = getattr(record, "XAdvance", 0) if record else 0
                        if value:
                            pairs[pair] = pairs.get(pair, 0) + value
    return {pair: value for pair, value in pairs.items() if value}


def cut(source, weight: str, path: Path, codes: set[int] | None = None, family: str = FAMILY) -> Path:
    """Write to `path` a TrueType font named `family` holding the characters `codes`
    (default: characters()) of `source` (a matplotlib FontPath or a file).

    TrueType outlines, whatever the source's: a PDF embeds a TrueType font as such
    (FontFile2), and viewers (MuPDF, Adobe Reader) draw the wrong glyphs from an
    OpenType/CFF font embedded that way, which is what matplotlib does with Noto Sans
    CJK (matplotlib issue #20870). The outlines are converted to quadratic curves
    within 1/1000 em."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._k_e_r_n import KernTable_format_0

    src = TTFont(os.fsdecode(source), fontNumber=getattr(source, "face_index", 0), lazy=True)
    try:
        cmap = src.getBestCmap()
        mapping = {code: cmap[code] for code in (characters() if codes is None else codes) if code in cmap}
        names = [".notdef", *sorted(set(mapping.values()) - {".notdef"}, key=src.getGlyphID)]
        outlines, glyph_set = {}, src.getGlyphSet()
        units = src["head"].unitsPerEm
        # on a worker (the window's background cut), let the GUI thread take the GIL
        # between glyphs rather than wait out the interpreter's switch interval
        polite = threading.current_thread() is not threading.main_thread()
        for name in names:
            if polite:
                time.sleep(0)
            pen = TTGlyphPen(None)
            glyph_set[name].draw(Cu2QuPen(pen, units / 1000, reverse_direction=src.sfntVersion == "OTTO"))
            outlines[name] = pen.glyph()
        latin = {cmap[c] for c in (*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2000, 0x2070))
                 if c in cmap and cmap[c] in outlines}
        kerning = _latin_kerning(src, latin)
        metrics = src["hmtx"].metrics
        old_os2, hhea, post = src["OS/2"], src["hhea"], src["post"]
        style = "Bold" if weight == "Bold" else "Regular"
        postscript = f"{family.replace(' ', '')}-{style}"
        build = FontBuilder(units, isTTF=True)
        build.setupGlyphOrder(names)
        build.setupCharacterMap(mapping)
        build.setupGlyf(outlines)
        glyf = build.font["glyf"]
        build.setupHorizontalMetrics({n: (metrics[n][0], getattr(glyf[n], "xMin", 0)) for n in names})
        build.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
        source_names = src["name"]
        strings = {"familyName": family, "styleName": style, "uniqueFontIdentifier": f"{postscript};{RECIPE}",
                   "fullName": f"{family} {style}", "psName": postscript,
                   "description": f"Characters of {source_names.getDebugName(4)} for LifeCRM's printed reports"}
        for key, name_id in (("copyright", 0), ("licenseDescription", 13), ("licenseInfoURL", 14)):
            if source_names.getDebugName(name_id):
                strings[key] = source_names.getDebugName(name_id)
        build.setupNameTable(strings)
        build.setupOS2(**{key: getattr(old_os2, key) for key in (
            "usWeightClass", "usWidthClass", "fsType", "sTypoAscender", "sTypoDescender", "sTypoLineGap",
            "usWinAscent", "usWinDescent", "sxHeight", "sCapHeight", "panose", "ulCodePageRange1",
            "ulCodePageRange2", "ulUnicodeRange1", "ulUnicodeRange2", "ulUnicodeRange3", "ulUnicodeRange4")
            if hasattr(old_os2, key)}, fsSelection=0x20 if style == "Bold" else 0x40, achVendID="LCRM")
        build.setupPost(underlinePosition=post.underlinePosition, underlineThickness=post.underlineThickness)
        build.font["head"].macStyle = 1 if style == "Bold" else 0
        kerning = {pair: value for pair, value in kerning.items() if pair[0] in outlines and pair[1] in outlines}
        if len(kerning) > KERN_PAIRS_MAX:  # the strongest pairs, as many as one subtable's length allows
            kerning = dict(sorted(kerning.items(), key=lambda item: -abs(item[1]))[:KERN_PAIRS_MAX])
        if kerning:
            table = KernTable_format_0()
            table.version, table.coverage, table.format, table.apple = 0, 1, 0, False
            table.kernTable = kerning
            kern = newTable("kern")
            kern.version, kern.kernTables = 0, [table]
            build.font["kern"] = kern
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")
        try:
            build.save(part)
            os.replace(part, path)  # another process cutting the same font wrote the same bytes
        finally:
            part.unlink(missing_ok=True)
    finally:
        src.close()
    return path


def print_fonts(build: bool = True) -> list[Path]:
    """The print fonts of the installed Chinese font, registered with matplotlib; cut
    first (when `build`) if missing. Empty without a Chinese font, or when a print font
    is missing and `build` is false."""
    wanted = [(weight, source, target(weight, source)) for weight, source in sources()]
    if not wanted:
        return []
    if build and _background is not None and not all(p.exists() for _, _, p in wanted):
        _wait_for_background()
    with _lock:
        missing = [(w, s, p) for w, s, p in wanted if not p.exists()]
        if missing and not build:
            return []
        for weight, source, path in missing:
            cut(source, weight, path)
        if missing:
            _drop_stale({p for _, _, p in wanted})
        _forget_others({str(p) for _, _, p in wanted})
        for _, _, path in wanted:
            _register(path)
    return [p for _, _, p in wanted]


def _register(path: Path) -> None:
    if str(path) not in _registered:
        font_manager.fontManager.addfont(path)
        _registered.add(str(path))


def _forget_others(current: set[str]) -> None:
    """Unregister print fonts of an earlier source (or cache folder), so that the family
    names only the current files."""
    manager = font_manager.fontManager
    stale = {entry.fname for entry in manager.ttflist if entry.name == FAMILY and entry.fname not in current}
    if stale:
        manager.ttflist = [entry for entry in manager.ttflist if entry.fname not in stale]
        _registered.difference_update(stale)
        manager._findfont_cached.cache_clear()  # as addfont() does: lookups made before are stale


def _drop_stale(keep: set[Path]) -> None:
    for old in cache_dir().glob("*.[ot]tf"):
        if old not in keep and not old.name.startswith(EXTRA_PREFIX):
            old.unlink(missing_ok=True)


EXTRA_PREFIX = "extra-"
EXTRA_KEEP = 8  # the extra fonts of the last few sets of rare characters stay cached


def covered(path: Path) -> frozenset[int]:
    """The characters a font file holds."""
    found = _covered.get(str(path))
    if found is None:
        from matplotlib.ft2font import FT2Font

        found = _covered[str(path)] = frozenset(FT2Font(os.fsdecode(path)).get_charmap())
    return found


_covered: dict[str, frozenset[int]] = {}


def extra_family(text: str, fonts: list[Path]) -> str | None:
    """The family of a small font holding the characters of `text` that the print fonts
    lack but the installed Chinese font has (a rare character in a studio or campaign
    name), cut and cached on first need; None when there are none."""
    if not fonts:
        return None
    held = covered(fonts[0])
    rare = {ord(c) for c in text if c.isprintable() and not c.isspace()} - held
    rare &= covered_by_sources()
    if not rare:
        return None
    codes = sorted(rare)
    digest = hashlib.sha1("|".join([*(_identity(s) for _, s in sources()),
                                    ",".join(map(str, codes))]).encode()).hexdigest()[:12]
    family = f"{FAMILY} {digest}"
    with _lock:
        for weight, source in sources():
            path = cache_dir() / f"{EXTRA_PREFIX}{weight.lower()}-{digest}.ttf"
            if not path.exists():
                cut(source, weight, path, set(codes), family)
                extras = sorted(cache_dir().glob(f"{EXTRA_PREFIX}*.ttf"), key=lambda p: p.stat().st_mtime,
                                reverse=True)
                for old in extras[EXTRA_KEEP * len(WEIGHTS):]:
                    old.unlink(missing_ok=True)
            _register(path)
    return family


def covered_by_sources() -> frozenset[int]:
    found = sources()
    if not found:
        return frozenset()
    key = f"source|{found[0][1]}|{getattr(found[0][1], 'face_index', 0)}"
    if key not in _covered:
        from matplotlib.ft2font import FT2Font

        _covered[key] = frozenset(FT2Font(os.fsdecode(found[0][1]),
                                          face_index=getattr(found[0][1], "face_index", 0)).get_charmap())
    return _covered[key]


def families(build: bool = True, text: str = "") -> list[str]:
    """`font.family` for printing (the families a text falls back along, glyph by
    glyph): the print font first, then a font of the rare
    characters of `text` if it has any, then the full Chinese fonts (for any glyph the
    print fonts lack), then DejaVu Sans."""
    rest = [*installed_cjk_fonts(), FALLBACK]
    try:
        fonts = print_fonts(build)
        if not fonts:
            return rest
        extra = extra_family(text, fonts)
        return [FAMILY, *([extra] if extra else []), *rest]
    except Exception:  # an unreadable cache, a font fontTools cannot cut...: the full fonts print
        logging.getLogger(__name__).warning("no print font; printing with the full fonts", exc_info=True)
        return rest


def prepare_in_background():
    """Cut any missing print font away from this process's work: in a child process (a
    thread would hold the interpreter's lock for seconds, halving the window's speed
    meanwhile), or on a thread in a frozen bundle, which cannot start a Python of its
    own. None when there is nothing to do; else the process or thread, once per process."""
    global _background
    if _background is not None or all(target(w, s).exists() for w, s in sources()):
        return None
    if getattr(sys, "frozen", False):
        _background = threading.Thread(target=families, name="print-font", daemon=True)
        _background.start()
    else:
        _background = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _background


def _wait_for_background(seconds: float = 60) -> None:
    """A report asked while the background cut runs waits for it rather than cut twice."""
    running = _background
    if isinstance(running, subprocess.Popen):
        try:
            running.wait(seconds)
        except subprocess.TimeoutExpired:
            pass
    elif running is not None:
        running.join(seconds)


if __name__ == "__main__":
    if hasattr(os, "nice"):
        os.nice(10)  # behind whatever the person is doing
    sys.exit(0 if print_fonts() else 1)

"""The report's print font (charts.print_font): TrueType glyphs a PDF viewer draws
right, characters it lacks still printed, and cut again when its source changes."""

import io
import os
import re
import shutil
import warnings
import zlib

import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from lifecrm_gui.charts import print_font, style

pytestmark = pytest.mark.skipif(not style.installed_cjk_fonts(), reason="no Chinese font installed")

RARE = "璟"  # U+749F: neither GB2312 nor the charts' words


def embedded_glyphs(pdf_path) -> dict[str, list[tuple[str, int]]]:
    """character -> [(PostScript name of an embedded font, contours of its glyph)]."""
    data = pdf_path.read_bytes()
    found: dict[str, list[tuple[str, int]]] = {}
    for match in re.finditer(rb"<< /Length1 \d+ /Length (\d+) /Filter /FlateDecode >>\nstream\n", data):
        start = match.end()
        font = TTFont(io.BytesIO(zlib.decompress(data[start:start + int(match.group(1))])))
        name = font["name"].getDebugName(6)
        for code, glyph in font.getBestCmap().items():
            contours = font["glyf"][glyph].numberOfContours if "glyf" in font else -1
            found.setdefault(chr(code), []).append((name, contours))
    return found


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LIFECRM_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "print-fonts"


@pytest.fixture
def few_characters(monkeypatch):
    """Cutting every common character takes seconds: these tests cut a handful."""
    monkeypatch.setattr(print_font, "characters", lambda: {ord(c) for c in "客户收入 AVATR Wave 0123456789%"})


def test_the_rare_character_is_outside_the_print_font():
    assert ord(RARE) not in print_font.characters()
    assert {ord(c) for c in "摄影工作室客户收入流失"} <= print_font.characters()


def test_a_print_font_is_truetype_named_for_printing_and_kerns_as_its_source(cache, few_characters):
    from matplotlib import _text_helpers
    from matplotlib.ft2font import FT2Font

    fonts = print_font.print_fonts()
    assert [p.name.split("-")[0] for p in fonts] == ["regular", "bold"] and all(p.exists() for p in fonts)
    cut = TTFont(fonts[0])
    assert "glyf" in cut and "CFF " not in cut  # TrueType outlines: what a PDF's FontFile2 must hold
    assert cut["name"].getDebugName(1) == print_font.FAMILY
    assert font_manager.findfont(font_manager.FontProperties(family=print_font.FAMILY, weight="bold"),
                                 fallback_to_default=False) == str(fonts[1])
    source = print_font.sources()[0][1]
    original, copy = FT2Font(source, face_index=source.face_index), FT2Font(str(fonts[0]))
    for font in (original, copy):
        font.set_size(10, 72)
    text = "AVATAR Wave"
    assert ([round(g.x, 2) for g in _text_helpers.layout(text, copy)]
            == [round(g.x, 2) for g in _text_helpers.layout(text, original)])


def test_the_print_font_is_cut_again_when_its_source_changes(cache, tmp_path, monkeypatch, few_characters):
    source = tmp_path / "Source.ttf"
    shutil.copy(font_manager.findfont("DejaVu Sans"), source)
    monkeypatch.setattr(print_font, "sources", lambda: [("Regular", source)])
    first = print_font.print_fonts()
    made = first[0].stat().st_mtime_ns
    assert print_font.print_fonts() == first and first[0].stat().st_mtime_ns == made  # kept, not cut again
    stamp = source.stat().st_mtime_ns + 5_000_000_000
    os.utime(source, ns=(stamp, stamp))  # the font was updated
    second = print_font.print_fonts()
    assert second != first and second[0].exists()
    assert not first[0].exists()  # the stale copy is dropped


def test_without_a_print_font_and_not_allowed_to_cut_the_full_fonts_print(cache):
    assert print_font.families(build=False)[0] == style.installed_cjk_fonts()[0]


def test_a_character_the_print_font_lacks_still_prints_in_both_weights(cache, few_characters, tmp_path):
    text = f"客户{RARE}A"
    families = print_font.families(text=text)
    assert families[0] == print_font.FAMILY and families[1].startswith(print_font.FAMILY + " ")
    path = tmp_path / "rare.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns of a glyph missing from every font
        with rc_context({"font.family": families, "pdf.fonttype": 42}), PdfPages(path) as pdf:
            fig = Figure(figsize=(4, 2))
            fig.text(0.1, 0.6, text)
            fig.text(0.1, 0.2, text, fontweight="bold")
            pdf.savefig(fig)
    glyphs = embedded_glyphs(path)
    for character in text:
        assert glyphs.get(character), character
        assert all(contours > 0 for _, contours in glyphs[character]), (character, glyphs[character])
    weights = {name.rsplit("-", 1)[1] for name, _ in glyphs[RARE]}
    assert weights == {"Regular", "Bold"}
    # the common characters come from the print font, the rare one from its own small font
    assert {name for name, _ in glyphs["客"]} == {"LifeCRMPrintSans-Regular", "LifeCRMPrintSans-Bold"}
    assert all(name.startswith("LifeCRMPrintSans") and name.split("-")[0] != "LifeCRMPrintSans"
               for name, _ in glyphs[RARE])


def test_the_window_cuts_the_print_fonts_in_a_process_of_its_own(cache, monkeypatch):
    monkeypatch.setattr(print_font, "_background", None)
    assert not any(print_font.target(w, s).exists() for w, s in print_font.sources())
    child = print_font.prepare_in_background()
    assert child.wait(120) == 0
    assert all(print_font.target(w, s).exists() for w, s in print_font.sources())
    assert print_font.prepare_in_background() is None  # once per process
    monkeypatch.setattr(print_font, "_background", None)
    assert print_font.prepare_in_background() is None  # nothing left to cut

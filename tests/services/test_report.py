"""The PDF report: its pages, and the headline figures in its text."""

import re
import zlib
from datetime import date

import pytest

from lifecrm_gui import charts
from lifecrm_gui.services import clients, dashboard, timeline
from lifecrm_gui.services.dashboard import DashboardFilter
from lifecrm_gui.services.report import page_count, write_report
from lifecrm_gui.services.settings import set_setting
from tests.conftest import AS_OF

PERIOD = DashboardFilter(first=date(2026, 1, 1), last=date(2026, 6, 30), as_of=AS_OF)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(raw):
        c = raw[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = raw[i + 1:i + 2]
        octal = re.match(rb"[0-7]{1,3}", raw[i + 1:i + 4])
        if octal:
            out.append(int(octal.group(), 8))
            i += 1 + len(octal.group())
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def pdf_text(path) -> str:
    """The text the PDF shows: matplotlib writes each run as TJ strings of two-byte
    codes inside zlib-compressed content streams."""
    data = path.read_bytes()
    runs = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        for block in re.findall(rb"BT(.*?)ET", content, re.S):
            pieces = re.findall(rb"\(((?:\\.|[^\\)])*)\)", block, re.S)
            raw = b"".join(_unescape(p) for p in pieces)
            runs.append(raw.decode("utf-16-be", errors="replace") if len(raw) % 2 == 0 else raw.decode("latin-1"))
    return "\n".join(runs)


def pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


@pytest.fixture
def studio(db):
    dashboard.forget()
    set_setting("studio_name", "Moment Studio")
    a = clients.create_client({"name": "安然", "source": "social"}, as_of=date(2025, 1, 10))
    timeline.add_order(a, {"ordered_on": date(2025, 2, 1), "amount": 5000, "paid": 5000}, as_of=date(2025, 2, 1))
    timeline.add_order(a, {"ordered_on": date(2026, 3, 1), "amount": 3000, "paid": 3000}, as_of=date(2026, 3, 1))
    b = clients.create_client({"name": "白雪", "source": "referral", "referred_by": a}, as_of=date(2026, 2, 1))
    timeline.add_order(b, {"ordered_on": date(2026, 2, 10), "amount": 19877, "paid": 19877},
                       as_of=date(2026, 2, 10))
    clients.create_client({"name": "方舟"}, as_of=date(2026, 4, 1))
    yield
    dashboard.forget()


def test_the_report_has_a_cover_and_a_page_per_chart(studio, tmp_path):
    result = write_report(tmp_path / "report.pdf", PERIOD, "en", today=AS_OF)
    assert result.path.exists() and result.pages == 1 + len(charts.CHARTS) == page_count()
    assert pdf_pages(result.path) == result.pages
    assert not (tmp_path / "report.pdf.part").exists()


def test_the_cover_carries_the_headline_figures(studio, tmp_path):
    dash = dashboard.build(PERIOD)
    assert (dash.headline.clients, dash.headline.revenue, dash.headline.new_clients) == (3, 2_287_700, 1)
    path = write_report(tmp_path / "report.pdf", PERIOD, "en", dash=dash, today=AS_OF).path
    text = pdf_text(path)
    assert "Moment Studio" in text
    assert "Period 2026-01-01 to 2026-06-30" in text
    assert "¥22,877" in text  # revenue: 19,877 + 3,000 paid in the period
    assert "Clients" in text and "\n3\n" in text
    assert "New clients" in text and "Win-backs" in text
    assert "0.0%" in text  # churn rate: A bought before 2026 and is still active
    assert "71%" in text  # 80/20: the top client (B, ¥19,877) of ¥27,877 spend
    assert "Page 10 of 10" in text


def test_a_chinese_report_and_an_empty_studio_still_make_every_page(db, tmp_path):
    dashboard.forget()
    result = write_report(tmp_path / "空.pdf", PERIOD, "zh", today=AS_OF)
    assert pdf_pages(result.path) == page_count()
    assert "¥0" in pdf_text(result.path)


def test_the_report_command(studio, db_path, tmp_path, monkeypatch, capsys):
    from lifecrm_gui import cli

    out = tmp_path / "monthly.pdf"
    code = cli.main(["report", "--db", str(db_path), "--from", "2026-01-01", "--to", "2026-06-30",
                     "--as-of", "2026-06-30", "--lang", "en", str(out)])
    assert code == 0 and pdf_pages(out) == page_count()
    assert "¥22,877" in pdf_text(out)
    assert "10 pages" in capsys.readouterr().out
    code = cli.main(["report", "--db", str(db_path), "--from", "2026-07-01", "--to", "2026-06-30",
                     "--as-of", "2026-06-30", str(tmp_path / "bad.pdf")])
    assert code == 2 and "from" in capsys.readouterr().err


def test_playbooks_are_named_in_the_reader_s_language():
    from lifecrm_gui.charts.campaigns import playbook_label
    from lifecrm_gui.domain.playbooks import PLAYBOOKS

    key, playbook = next(iter(PLAYBOOKS.items()))
    assert playbook_label(key, "zh") == playbook.zh and playbook_label(key, "en") == playbook.en
    assert playbook.zh != key and playbook.en != key
    assert playbook_label(None, "en") and playbook_label(None, "en") != playbook_label(None, "zh")


def test_chinese_prints_from_truetype_fonts_a_viewer_draws_right(studio, tmp_path):
    """Every glyph of the report comes from an embedded TrueType font with an outline,
    in both weights, and a rare character of the studio's name (outside the print
    font) too."""
    from tests.services.test_print_font import RARE, embedded_glyphs

    set_setting("studio_name", f"{RARE}影工作室")
    path = write_report(tmp_path / "report.pdf", PERIOD, "zh", today=AS_OF).path
    text = pdf_text(path)
    assert f"{RARE}影工作室" in text and "客户数" in text
    glyphs = embedded_glyphs(path)
    for character in set(text) - set("\n "):
        assert glyphs.get(character), character
        assert all(contours > 0 for _, contours in glyphs[character]), (character, glyphs[character])
    weights = {name.rsplit("-", 1)[1] for name, _ in glyphs["客"]}  # tiles' names, and bold chart titles
    assert weights == {"Regular", "Bold"}
    assert all(name.startswith("LifeCRMPrintSans") for names in glyphs.values() for name, _ in names)

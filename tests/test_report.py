"""The corpus report: its figures against the reference, and the page in a real browser.

The browser (the ``browser`` fixture of conftest.py) is Debian's headless Chromium
driven through Debian's chromedriver; nothing is downloaded at run time, and the
page is opened with the network switched off.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import stemline
from conftest import DATA, STEMLINE_BIN
from stemline import reference
from stemline.report import CorpusStats, render_html


def test_stats_equal_the_reference(bbc_texts):
    docs = bbc_texts[::40]
    stats = CorpusStats.from_texts([docs[:30], docs[30:]], workers=2)
    words, stems, lengths = set(), set(), []
    for doc in docs:
        words.update(t.lower() for t in reference.treebank_tokens(doc))
        tokens = reference.tokens(doc)
        stems.update(tokens)
        lengths.append(len(tokens))
    assert stats.lengths.counts == Counter(lengths)
    assert (stats.documents, stats.tokens) == (len(docs), sum(lengths))
    assert (stats.distinct_words, stats.distinct_stems) == (len(words), len(stems))
    assert stats.reduction == pytest.approx(1 - len(stems) / len(words))
    merging = stats.merging_stems(3)
    assert [len(e.surfaces) for e in merging] == sorted(
        (len(e.surfaces) for e in stats.vocabulary), reverse=True
    )[:3]


def test_page_is_self_contained_and_escaped():
    stats = CorpusStats.from_texts([["<script>alert(1)</script> & \"quotes\" 'n' <b>"]])
    page = render_html(stats, title="<Title & co>")
    assert "<script" not in page.lower()  # no script at all: the tokens are escaped
    assert "<code>&lt;</code>" in page and "<code>&amp;</code>" in page
    assert "<title>&lt;Title &amp; co&gt;</title>" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert page.count("<svg") == 2


@pytest.fixture(scope="module")
def bbc_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "bbc-report.html"
    result = subprocess.run(
        [
            STEMLINE_BIN,
            "report",
            str(DATA / "bbc"),
            "--glob",
            "*.txt",
            "--on-decode-error",
            "latin-1",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    # The one Latin-1 file is named, not silently changed.
    assert "sport/199.txt" in result.stderr and "decoded as Latin-1" in result.stderr
    return out


@pytest.mark.needs("browser")
def test_report_in_a_browser(bbc_report, browser, bbc_texts, tmp_path):
    from PIL import Image
    from selenium.webdriver.common.by import By

    browser.get(bbc_report.as_uri())
    assert browser.title == "Corpus report"
    # Nothing was fetched: every resource is inline.
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0

    # The summary shows the corpus's figures.
    vocab = stemline.Vocabulary.from_texts(bbc_texts)
    summary = browser.find_element(By.ID, "summary").text
    for figure in (len(bbc_texts), vocab.tokens, len(vocab)):
        assert f"{figure:,}" in summary

    # Each plot is drawn: a large SVG holding visible marks of its kind.
    marks = {"zipf": "g[id^=line2d] path", "lengths": "g[id^=patch] path"}
    for figure_id, selector in marks.items():
        svg = browser.find_element(By.CSS_SELECTOR, f"#{figure_id} svg")
        assert svg.rect["width"] > 300 and svg.rect["height"] > 200, svg.rect
        boxes = browser.execute_script(
            "return Array.from(arguments[0].querySelectorAll(arguments[1]))"
            ".map(e => e.getBBox()).map(b => [b.width, b.height]);",
            svg,
            selector,
        )
        visible = [b for b in boxes if b[0] > 0 and b[1] > 0]
        assert len(visible) >= (2 if figure_id == "zipf" else 10), (figure_id, len(visible))
        if figure_id == "zipf":
            # The two series span most of the plot's width.
            assert sum(1 for w, _ in visible if w > 0.5 * svg.rect["width"]) >= 2
        # And the plot is not blank on screen.
        png = tmp_path / f"{figure_id}.png"
        png.write_bytes(svg.screenshot_as_png)
        assert _ink(png) > 0.02, figure_id

    # The tables hold the top stems with their words.
    rows = browser.find_elements(By.CSS_SELECTOR, "#top-stems tbody tr")
    assert len(rows) == 50
    top = vocab.most_common(1)[0]
    assert top.stem in rows[0].text and f"{top.count:,}" in rows[0].text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#merging-stems tbody tr")) == 50

    page = tmp_path / "page.png"
    browser.save_screenshot(str(page))
    assert _ink(page) > 0.05
    with Image.open(page) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
    assert len(colours) > 50  # text, plots, colours


def _ink(png: Path) -> float:
    """The share of pixels that are not white."""
    from PIL import Image

    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[:240]) / sum(histogram)

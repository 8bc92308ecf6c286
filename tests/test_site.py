"""The documentation site as a reader meets it: built with ``mkdocs build --strict``
once for the module, every internal link of every page checked, its generated
lists equal to the code's, and the pages opened in headless Chromium from the
built folder (``file://``), as someone opens ``site/index.html``. The 404 page is
served as GitHub Pages serves it, under the site's path, for a page that does not
exist. Screenshots go to the test's temporary folder."""

from __future__ import annotations

import doctest
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

import stemline
from conftest import ROOT

sys.path.insert(0, str(ROOT / "docs" / "tooling"))
import generated  # noqa: E402  (the site's hook)

#: Where the site is published: the 404 page's links start with its path.
SITE_URL = re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)
SITE_PATH = urllib.parse.urlsplit(SITE_URL).path


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    # --strict turns every warning (a broken link or anchor, a page missing from the
    # navigation, an unresolved API reference, an unknown placeholder) into a failure.
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return out


def test_site_builds_strictly(site: Path) -> None:
    api = (site / "api.html").read_text(encoding="utf-8")
    for name in ("Normalizer", "normalize_many", "PorterStemmer", "Vocabulary", "analyzer"):
        assert 'id="stemline.' in api and name in api, name
    assert (site / "report.html").exists()


LINKS = {("href", "a"), ("href", "link"), ("src", "img"), ("src", "script")}


class Links(HTMLParser):
    """The links (href, src) and the element ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif (name, tag) in {
                ("href", "a"),
                ("href", "link"),
                ("src", "img"),
                ("src", "script"),
            }:
                self.links.append(value)


def parsed(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def internal_target(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to; None for an external one."""
    parts = urllib.parse.urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
        return None
    path = urllib.parse.unquote(parts.path)
    if path.startswith("/"):  # the 404 page's links: absolute, under the site's path
        assert path.startswith(SITE_PATH), (page.name, link)
        target = site / path[len(SITE_PATH) :]
    else:
        target = (page.parent / path) if path else page
    return target.resolve(), parts.fragment


def test_every_internal_link_resolves(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    ids = {page.resolve(): parsed(page).ids for page in pages}
    checked = 0
    broken = []
    for page in pages:
        for link in parsed(page).links:
            target = internal_target(site, page, link)
            if target is None:
                continue
            checked += 1
            path, fragment = target
            # A folder would be a directory listing from file://: links name files.
            if not path.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
            elif fragment and path.suffix == ".html" and fragment not in ids[path]:
                broken.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    assert not broken, broken
    assert len(pages) >= 15 and checked > 500, (len(pages), checked)
    print(f"{checked} internal links in {len(pages)} pages resolve")


def text_of(page: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_lists_are_the_codes(site: Path) -> None:
    stemmers = ", ".join(stemline.STEMMERS)
    assert f"--stemmer NAME the stemmer, one of {stemmers} " in text_of(site / "command-line.html")
    assert f"one of {stemmers} (see stemmers)" in text_of(site / "integrations.html")
    assert f"The stemmer is one of {stemmers} " in text_of(site / "python-api.html")
    # The API reference shows the names, not the expression that reads them.
    api = text_of(site / "api.html")
    assert f"STEMMERS = {stemline.STEMMERS!r}" in api.replace("&#39;", "'")
    assert "_native.STEMMER_NAMES" not in api
    assert "The stemmer's name, one of STEMMERS." in api
    # One column per stemmer in the table of stems, each row what the code gives.
    stems = text_of(site / "stemmers.html")
    header = " ".join(["word", *stemline.STEMMERS])
    assert header in stems
    for word in ("running", "Generously"):
        row = [word] + [" ".join(stemline.Normalizer(n).tokens(word)) for n in stemline.STEMMERS]
        assert " ".join(row) in stems, word
    jobs = text_of(site / "corpus-jobs.html")
    from stemline.corpus.formats import INPUT_FORMATS

    assert f"--format NAME, one of {', '.join(INPUT_FORMATS)}, overrides" in jobs
    # No placeholder is left on any page, but where it is shown as code.
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"(?<!<code>)\{\{ *\w+", html), page.name


def test_placeholders_and_the_hook() -> None:
    failures, tried = doctest.testmod(generated)
    assert tried > 0 and failures == 0
    with pytest.raises(ValueError, match=r"unknown placeholder \{\{ stemmerz \}\}"):
        generated.expand("{{ stemmerz }}")
    names = {f.name for f in generated.formats()}
    assert {"text", "lines", "jsonl", "csv", "tsv", "parquet"} <= names


def test_the_stemmers_page_describes_every_stemmer() -> None:
    # Its first table is prose, one row per name: a new stemmer needs its row.
    page = (ROOT / "docs" / "stemmers.md").read_text(encoding="utf-8")
    table = page[page.index("| name |") :].split("\n\n")[0].splitlines()[2:]
    names = [re.match(r"\| `(\w+)`", row).group(1) for row in table]
    assert names == list(stemline.STEMMERS)


# ---------------------------------------------------------------- in a browser


def ink(png: Path) -> float:
    """The share of pixels that are not white."""
    from PIL import Image

    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[:240]) / sum(histogram)


def header_colour(browser) -> str:
    from selenium.webdriver.common.by import By

    header = browser.find_element(By.CSS_SELECTOR, "header.md-header")
    return header.value_of_css_property("background-color")


@pytest.fixture
def wide(browser):
    """The browser, wide enough for the navigation sidebar (the theme shows it from
    1220 pixels on)."""
    browser.set_window_size(1400, 1000)
    yield browser
    browser.set_window_size(1200, 1000)


@pytest.mark.needs("browser")
def test_pages_open_from_the_folder(site: Path, wide, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser = wide
    browser.get((site / "index.html").as_uri())
    assert browser.title == "stemline"
    styled = header_colour(browser)
    assert styled not in ("rgba(0, 0, 0, 0)", "transparent"), styled  # the theme's CSS
    browser.save_screenshot(str(tmp_path / "home.png"))

    # Following the navigation opens the page itself, not a folder's listing.
    browser.find_element(By.CSS_SELECTOR, "nav a.md-nav__link[href='command-line.html']").click()
    assert browser.current_url == (site / "command-line.html").as_uri()
    assert browser.title == "The command line - stemline"
    assert header_colour(browser) == styled
    row = browser.find_element(By.XPATH, "//td[code='--stemmer NAME']/..")
    assert ", ".join(stemline.STEMMERS) in row.text and "\\" not in row.text
    browser.save_screenshot(str(tmp_path / "command-line.png"))

    browser.get((site / "api.html").as_uri())
    assert browser.title == "API reference - stemline"
    heading = browser.find_element(By.ID, "stemline.settings.STEMMERS")
    assert repr(stemline.STEMMERS) in heading.text
    browser.save_screenshot(str(tmp_path / "api.png"))

    for name in ("home", "command-line", "api"):
        assert ink(tmp_path / f"{name}.png") > 0.05, name


class Pages(http.server.SimpleHTTPRequestHandler):
    """The built site as GitHub Pages serves it: under the site's path, with 404.html
    for any page that does not exist."""

    def __init__(self, *args, site: Path, **kwargs) -> None:
        self.site = site
        super().__init__(*args, directory=str(site), **kwargs)

    def translate_path(self, path: str) -> str:
        path = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if not path.startswith(SITE_PATH):
            return str(self.site / "not-under-the-site-path")
        return str(self.site / path[len(SITE_PATH) :])

    def send_head(self):
        if not Path(self.translate_path(self.path)).is_file():
            body = (self.site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def served(site: Path, browser) -> Iterator[str]:
    """The site's address on a local server. The browser, otherwise offline, may
    reach it: its own flag makes every other host name unresolvable."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Pages, site=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    browser.set_network_conditions(offline=False, latency=0, throughput=0)
    try:
        yield f"http://127.0.0.1:{server.server_port}{SITE_PATH}"
    finally:
        browser.set_network_conditions(offline=True, latency=0, throughput=0)
        server.shutdown()
        thread.join()


@pytest.mark.needs("browser")
def test_not_found_page_is_styled(served: str, wide, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser = wide
    browser.get(served + "no/such/page.html")
    assert "404" in browser.find_element(By.TAG_NAME, "article").text
    assert header_colour(browser) not in ("rgba(0, 0, 0, 0)", "transparent")
    browser.save_screenshot(str(tmp_path / "404.png"))
    assert ink(tmp_path / "404.png") > 0.05
    # From a page in no folder of the site, its navigation still leads to the pages.
    browser.find_element(By.CSS_SELECTOR, "nav a.md-nav__link[href$='command-line.html']").click()
    assert browser.current_url == served + "command-line.html"
    assert browser.title == "The command line - stemline"

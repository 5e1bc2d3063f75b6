"""Reading the archive in Chromium: a session's point near the top, and every page on a phone.

The five bundled documents are imported (tests/browser/test_pages.py lists them).
"""

from pathlib import Path

import bibtexparser
import pytest
import rispy

from tests.browser.test_pages import OF9_URL, PUBLIC_PAGES, SESSION_URLS

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCIO_URL = SESSION_URLS[3]
WSIS_URL = SESSION_URLS[4]
# Every kind of public page: those test_pages.py checks with axe-core, and the pages it does
# not visit (the about page, a transcript, a meeting without an IGF number).
EVERY_PUBLIC_PAGE = [
    *(url for url, _status in PUBLIC_PAGES if not url.startswith("/admin/")),
    "/about/",
    SCIO_URL + "transcript/",
    "/meetings/scio-press-conference-2022-11-15/",
    "/sessions/?q=BRICS",
    "/people/?region=asia_pacific",
]


def top_of(page, selector):
    """Where an element starts, in CSS pixels from the top of the document."""
    return page.locator(selector).evaluate("e => e.getBoundingClientRect().top + window.scrollY")


def test_key_takeaways_of_open_forum_9_start_within_the_first_screens(page):
    page.set_viewport_size(DESKTOP)
    page.goto(OF9_URL)

    takeaways = top_of(page, "#takeaways")

    assert takeaways < 1500
    # The reader's order: the point, then the people, then what the session set out to do,
    # then the report.
    order = [top_of(page, f"#{name}") for name in ("takeaways", "people", "about", "report")]
    assert order == sorted(order)


def test_a_long_report_and_the_analysis_are_folded_into_sections(page):
    page.set_viewport_size(DESKTOP)
    page.goto(WSIS_URL)
    report = page.get_by_role("region", name="Session report (machine-generated)")
    summaries = report.locator("details > summary")

    assert summaries.count() == 13
    assert report.locator("details[open]").count() == 0
    summaries.nth(8).click()  # "Global South Leadership and BRICS Cooperation"
    assert report.locator("details[open] p").first.is_visible()
    assert top_of(page, "#summary") < top_of(page, "#takeaways") < top_of(page, "#report")
    assert top_of(page, "#speech") < 8000


def test_no_public_page_scrolls_sideways_on_a_phone(page):
    page.set_viewport_size(PHONE)
    too_wide = []
    for url in EVERY_PUBLIC_PAGE:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append(f"{url}: {width} px")

    assert too_wide == []


# What every page's footer links to, by the link's name.
FOOTER_LINKS = {
    "About the archive": "/about/",
    "the API": "/api/",
    "documentation": "/api/docs/",
    "the feed of sessions most recently added": "/feed/",
    "The whole archive as a dataset": "/data/",
}


def test_every_public_page_links_the_about_page_and_the_open_data(page):
    missing = []
    for url in EVERY_PUBLIC_PAGE:
        page.goto(url)
        footer = page.get_by_role("contentinfo")
        for name, href in FOOTER_LINKS.items():
            links = footer.get_by_role("link", name=name, exact=True)
            if links.count() != 1 or links.get_attribute("href") != href:
                missing.append(f"{url}: {name}")

    assert missing == []


def test_the_sdg_grid_scrolls_inside_its_labelled_region_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    grid = page.get_by_role("region", name="Sessions by SDG and year")

    scroll = grid.evaluate("e => [e.scrollWidth > e.clientWidth, getComputedStyle(e).overflowX]")

    assert scroll == [True, "auto"]


def test_a_reader_downloads_the_reference_and_a_parser_reads_it_back(page):
    page.goto(OF9_URL)
    cite = page.get_by_role("region", name="Where this record comes from")

    with page.expect_download() as bib:
        cite.get_by_role("link", name="BibTeX").click()
    with page.expect_download() as ris:
        cite.get_by_role("link", name="RIS").click()

    (entry,) = bibtexparser.parse_string(Path(bib.value.path()).read_text()).entries
    (record,) = rispy.loads(Path(ris.value.path()).read_text())
    title = "Digital Technology Empowers Green and Low-carbon Development"
    organizers = [
        "Cyberspace Administration of China",
        "Bureau of Information Technology Development, CAC",
    ]
    assert (bib.value.suggested_filename, ris.value.suggested_filename) == (
        "igf-2024-open-forum-9.bib",
        "igf-2024-open-forum-9.ris",
    )
    assert (entry["title"], entry["year"], entry["author"]) == (
        "{" + title + "}",
        "2024",
        " and ".join("{" + name + "}" for name in organizers),
    )
    assert (record["title"], record["year"], record["authors"]) == (title, "2024", organizers)

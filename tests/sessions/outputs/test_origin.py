"""A session's original page: given by the editors' source, or implied by the publisher's rule
for its addresses, measured against the real pages' addresses (sources.json)."""

import json
from urllib.parse import urlsplit

import pytest

from sessions.models import Session
from sessions.outputs.origin import drupal_alias, origin, wordpress_slug
from tests.bundled import import_bundled_and_real, wipe_archive
from tests.sessions.importers.real_pages import REAL_DOCUMENTS

pytestmark = pytest.mark.django_db

IGF = "https://www.intgovforum.org/en/content/"


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield import_bundled_and_real()
        wipe_archive()


def origin_of(outcome):
    session = Session.objects.for_detail().get(pk=outcome.session.pk)
    found = origin(session, session.curated_facts.all())
    return (found.url, found.basis) if found else None


def test_the_bundled_sessions_original_pages(archive):
    origins = {
        name: origin_of(archive[name])
        for name in [
            "igf2021-ws-125-workshop-page.txt",
            "igf2023-ws-377-workshop-page.txt",
            "igf2024-open-forum-9-session-page.txt",
            "scio2022-cyberspace-white-paper-press-conference.txt",
            "wsis2025-digital-governance-diploai-report.txt",
        ]
    }

    assert origins == {
        # The page the editors read its title from (fixtures/curated_facts.json).
        "igf2021-ws-125-workshop-page.txt": (
            IGF + "igf-2021-ws-125-big-data-for-environmental-sustainability",
            "given",
        ),
        "igf2023-ws-377-workshop-page.txt": (
            IGF + "igf-2023-ws-377-enhance-digital-governance-for-less-co2-future-ap-practice",
            "implied",
        ),
        "igf2024-open-forum-9-session-page.txt": (
            IGF + "igf-2024-open-forum-9-digital-technology-empowers-green-and-low-carbon-"
            "development",
            "implied",
        ),
        # china.org.cn numbers its pages; nothing in the text says the number.
        "scio2022-cyberspace-white-paper-press-conference.txt": None,
        "wsis2025-digital-governance-diploai-report.txt": (
            "https://dig.watch/event/wsis20-high-level-event-2025/strengthen-digital-governance-"
            "and-international-cooperation-to-build-an-inclusive-digital-future",
            "implied",
        ),
    }


def site_and_page(url):
    """("intgovforum.org", "igf-2019-ws-170-...") of an address: its site without a "www." or
    another subdomain, and its last segment (the sites answer one page at several hosts and
    paths: whm.intgovforum.org, /multilingual/content/)."""
    parts = urlsplit(url)
    return ".".join(parts.hostname.split(".")[-2:]), parts.path.rstrip("/").rsplit("/", 1)[-1]


def test_implied_addresses_against_the_real_pages_addresses(archive):
    real = {
        entry["file"]: entry["url"]
        for entry in json.loads((REAL_DOCUMENTS / "sources.json").read_text())
    }
    implied = {
        name: origin_of(outcome)
        for name, outcome in archive.items()
        if name in real and getattr(outcome, "session", None)
    }
    right = sorted(
        name
        for name, found in implied.items()
        if found and site_and_page(found[0]) == site_and_page(real[name])
    )
    wrong = sorted(name for name, found in implied.items() if found and name not in right)
    none = sorted(name for name, found in implied.items() if not found)

    assert right == [
        "digwatch_igf2023_open-mic-taking-stock.txt",
        "digwatch_igf2023_parliamentarians-trusted-internet.txt",
        "digwatch_igf2025_of20_wsis20-ocp-briefing.txt",
        "digwatch_igf2025_welcome-to-norway.txt",
        "digwatch_wsis2025_high-level-track-facilitators-summary.txt",
        "igf2019_ws170_childrens-privacy.txt",
        "igf2019_ws225_ai-trustworthiness.txt",
        "igf2019_ws414_human-centric-ai.txt",
        "igf2020_ws229_a-changin-times-data-governance.txt",
        "igf2021_ws222_cybernorms-irl.txt",
        "igf2022_ws482_internet-shutdowns.txt",
        "igf2023_ws385_icts-sdgs-international-practice.txt",
        "igf2024_of19_first-international-treaty-on-ai.txt",
        "igf2024_ws124_untold-stories-of-techies.txt",
    ]
    # dig.watch added the session's label to this page's address, which its title lacks.
    assert wrong == ["digwatch_igf2023_of23_bottom-up-approach.txt"]
    assert none == [
        # dig.watch's 2019 and WSIS 2024 events have addresses of their own kind.
        "digwatch_igf2019_childrens-privacy-event-report.txt",
        "digwatch_wsis2024_moon-shot.txt",
        # A main session and a day-0 event: types whose heading word is not known.
        "igf2021_main-session_bpf-cybersecurity.txt",
        "igf2023_day0-event95_isoc-clx.txt",
        # Press pages numbered by their publisher.
        "scio2019_6th-world-internet-conference.txt",
        "scio2020_3rd-digital-china-summit.txt",
        "scio2022_cyberspace-white-paper_page9.txt",
        "scio2023_law-based-cyberspace-governance_page12.txt",
    ]


def test_the_session_page_shows_the_original_page_marked(client, archive):
    page = client.get("/sessions/igf-2024/open-forum-9/").content.decode()
    url = IGF + "igf-2024-open-forum-9-digital-technology-empowers-green-and-low-carbon-development"

    assert (
        f'<dt>Original page</dt><dd><a href="{url}">On www.intgovforum.org</a> '
        '<span class="tag tag--inferred">implied</span> (<a href="#source">how</a>)</dd>'
    ) in page
    assert (
        f'<dt>Original page</dt><dd><a class="address" href="{url}">{url}</a> '
        '<span class="tag tag--inferred">implied</span> <span class="small muted">(by '
        "intgovforum.org&#x27;s rule for its session pages&#x27; addresses, not checked)"
        "</span></dd>"
    ) in page


def test_a_given_address_and_none_on_the_session_pages(client, archive):
    given = client.get("/sessions/igf-2021/workshop-125/").content.decode()
    press = client.get(
        archive["scio2022-cyberspace-white-paper-press-conference.txt"].session.get_absolute_url()
    ).content.decode()

    assert (
        '<dt>Original page</dt><dd><a href="https://www.intgovforum.org/en/content/igf-2021-ws-125-'
        'big-data-for-environmental-sustainability">On www.intgovforum.org</a> '
        '<span class="tag">given</span> (<a href="#source">how</a>)</dd>'
    ) in given
    assert (
        "<dt>Original page</dt><dd>The source does not give its address, and it cannot be told "
        "from the record</dd>"
    ) in press


@pytest.mark.parametrize(
    ("heading", "alias"),
    [
        ("IGF 2023 WS #385 ICTs & SDGs: an overview", "igf-2023-ws-385-icts-sdgs-an-overview"),
        ("IGF 2019 WS #170 Children's Privacy", "igf-2019-ws-170-childrens-privacy"),
        (
            "IGF 2021 WS #222 Cybernorms - do they (in real-life)?",
            "igf-2021-ws-222-cybernorms-do-they-in-real-life",
        ),
        ("IGF 2020 WS #229 A-changin’ times", "igf-2020-ws-229-a-changin’-times"),
        ("IGF 2019 WS #414 a human-centric A.I.", "igf-2019-ws-414-a-human-centric-ai"),
        ("word " * 30, "-".join(["word"] * 20)),
    ],
)
def test_drupal_alias(heading, alias):
    assert drupal_alias(heading) == alias


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Welcome to Norway! – Building Digital Governance",
            "welcome-to-norway-building-digital-governance",
        ),
        ("Open Forum #20 WSis+20 High Level Event", "open-forum-20-wsis20-high-level-event"),
        ("Café Société", "cafe-societe"),
    ],
)
def test_wordpress_slug(title, slug):
    assert wordpress_slug(title) == slug

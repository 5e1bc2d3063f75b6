"""The archive in a real browser: filters, search, people, an editor's correction, accessibility.

Each test gets the five bundled documents, imported into the live server's database:

       title                                               meeting · label · date         SDGs
WS125  Big Data for Environmental Sustainability           IGF 2021 · Workshop #125 ·     6, 7, 11,
                                                           10 December 2021               13-15, 17
SCIO   SCIO press conference on white paper ...            SCIO press conference, 2022    -
WS377  Enhance Digital Governance for Less CO2 future ...  IGF 2023 · Workshop #377       -
OF9    Digital Technology Empowers Green and Low-carbon    IGF 2024 · Open Forum #9 ·     7
       Development                                         19 December 2024
WSIS   Strengthen Digital Governance and International     WSIS+20 High-Level Event       -
       Cooperation ... (the only one naming BRICS)         2025 · Session (type not stated) ·
                                                           11 July 2025

Gong Ke speaks in WS125, OF9 and WSIS.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User

from sessions.models import Session
from speakers.models import Person

pytestmark = pytest.mark.browser

WS125 = (
    "Big Data for Environmental Sustainability",
    "IGF 2021 · Workshop #125 · 10 December 2021",
)
WS377 = ("Enhance Digital Governance for Less CO2 future: AP' Practice", "IGF 2023 · Workshop #377")
OF9 = (
    "Digital Technology Empowers Green and Low-carbon Development",
    "IGF 2024 · Open Forum #9 · 19 December 2024",
)
WSIS = (
    "Strengthen Digital Governance and International Cooperation to Build an Inclusive Digital "
    "Future",
    "WSIS+20 High-Level Event 2025 · Session (type not stated) · 11 July 2025",
)
OF9_URL = "/sessions/igf-2024/open-forum-9/"
SESSION_URLS = [
    "/sessions/igf-2021/workshop-125/",
    "/sessions/igf-2023/workshop-377/",
    OF9_URL,
    "/sessions/scio-press-conference-2022-11-15/scio-press-conference-on-white-paper-jointly-"
    "build-a-community-with-a-shared-future-in-cyberspace/",
    "/sessions/wsis-2025/strengthen-digital-governance-and-international-cooperation-to-build-an-"
    "inclusive-digital-future/",
]
SEARCH_LABEL = "Search titles, descriptions, policy questions, takeaways, reports and transcripts"


def results(page):
    """The sessions a list shows, in order: each one's title and its meeting, label and date."""
    return [
        tuple(item)
        for item in page.locator(".results > li").evaluate_all(
            """items => items.map(item => [
                item.querySelector('.result-title').innerText,
                item.querySelector('.result-meta').innerText,
            ])"""
        )
    ]


def result_count(page):
    return page.locator("#results-heading").inner_text()


def choose_facet_option(page, facet, option):
    """Choose an option in the session list's filters, as a reader does: by its label."""
    page.get_by_role("region", name=facet).get_by_role("link", name=option).click()


def test_sdg_7_filter_lists_its_two_sessions(page):
    page.goto("/sessions/")

    choose_facet_option(page, "SDG goals", "SDG 7: Affordable and Clean Energy")

    page.wait_for_url(re.compile(r"/sessions/\?sdg=7$"))
    assert result_count(page) == "2 sessions match"
    assert results(page) == [OF9, WS125]


def test_year_filter_lists_the_sessions_of_that_year(page):
    page.goto("/sessions/")

    choose_facet_option(page, "Year", re.compile(r"^2023 "))

    page.wait_for_url(re.compile(r"/sessions/\?year=2023$"))
    assert result_count(page) == "1 session matches"
    assert results(page) == [WS377]


def test_a_person_beyond_the_first_ten_is_chosen_from_all_the_lists_people(page):
    # Open Forum #9, the one session of 2024, has 15 people; the facet shows 10.
    page.goto("/sessions/?year=2024")
    people = page.get_by_role("region", name="Person")
    assert people.get_by_role("listitem").count() == 10
    assert people.get_by_role("link", name="Xu Jin").count() == 0

    people.get_by_role("link", name="All people of these sessions").click()
    page.wait_for_url(re.compile(r"/sessions/people/\?year=2024$"))
    assert page.get_by_role("heading", level=2).first.inner_text() == "15 values"
    page.get_by_role("link", name=re.compile(r"^Xu Jin ")).click()

    page.wait_for_url(re.compile(r"/sessions/\?year=2024&speaker=xu-jin$"))
    assert results(page) == [OF9]


def test_a_value_that_would_empty_the_list_says_why_in_visible_text(page):
    page.goto("/sessions/?year=2024")
    goals = page.get_by_role("region", name="SDG goals")

    reason = (
        goals.get_by_role("listitem").filter(has_text="No Poverty").locator(".facet-option__reason")
    )

    assert (reason.inner_text(), reason.is_visible()) == ("(none in this list)", True)
    assert goals.get_by_role("link", name=re.compile("No Poverty")).count() == 0


def test_search_typed_into_the_search_box(page):
    page.goto("/sessions/")
    search_box = page.get_by_role("searchbox", name=SEARCH_LABEL)

    search_box.press_sequentially("BRICS")
    search_box.press("Enter")

    page.wait_for_url(re.compile(r"[?&]q=BRICS(&|$)"))
    assert result_count(page) == "1 session matches"
    assert results(page) == [WSIS]


def test_person_page_reached_from_a_session_lists_their_sessions(page):
    page.goto("/sessions/")
    page.get_by_role("link", name=OF9[0], exact=True).click()
    people = page.get_by_role("region", name="Organizers and people")

    people.get_by_role("link", name="Gong Ke", exact=True).click()

    page.wait_for_url(re.compile(r"/people/gong-ke/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Gong Ke"
    assert results(page) == [WSIS, OF9, WS125]


def test_editor_corrects_a_title_in_the_admin_and_the_public_page_shows_it(page):
    editor = User.objects.create_user("editor", password="correct horse battery", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    corrected = "Digital Technology Empowers Green and Low-Carbon Development"

    page.goto("/admin/")
    page.get_by_label("Username:").fill("editor")
    page.get_by_label("Password:").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    sessions_row = page.get_by_role("row", name=re.compile(r"^Sessions "))
    sessions_row.get_by_role("link", name="Sessions").click()
    page.get_by_role("link", name=OF9[0], exact=True).click()
    page.get_by_label("Title:", exact=True).fill(corrected)
    page.get_by_role("button", name="Save", exact=True).click()

    page.wait_for_url(re.compile(r"/admin/archive/session/$"))
    assert page.locator(".messagelist").inner_text() == (
        f"The session “IGF 2024 Open Forum #9: {corrected}” was changed successfully."
    )
    page.goto(OF9_URL)
    assert page.get_by_role("heading", level=1).inner_text() == corrected


PUBLIC_PAGES = [
    ("/", 200),
    ("/sessions/", 200),
    ("/sessions/?q=digital&sdg=7&year=2024&sort=oldest", 200),
    # An empty result, and a value the list leaves out with a notice.
    ("/sessions/?q=nowhere-to-be-found&year=abc", 200),
    # Every person of a list's sessions (a long facet's own page).
    ("/sessions/people/?year=2024", 200),
    *[(url, 200) for url in SESSION_URLS],
    ("/people/", 200),
    ("/people/gong-ke/", 200),
    ("/organizations/", 200),
    ("/organizations/china-association-for-science-and-technology/", 200),
    # An organization with units, and one of the units.
    ("/organizations/cyberspace-administration-of-china/", 200),
    (
        "/organizations/cyber-information-development-bureau-cyberspace-administration-of-china/",
        200,
    ),
    ("/sdgs/", 200),
    ("/sdgs/7/", 200),
    ("/meetings/", 200),
    ("/meetings/igf-2024/", 200),
    ("/data/", 200),
    ("/no-such-page/", 404),
    ("/admin/login/", 200),
]
# What axe-core may report: its "minor" and "moderate" findings (such as the admin login page
# having no <h1>, which is Django's own template) are advice, not barriers.
BARRIER_IMPACTS = {"serious", "critical"}


def visit_problems(page, events, url, expected_status, axe):
    events.clear()
    response = page.goto(url)
    problems = []
    if response.status != expected_status:
        problems.append(f"status {response.status}, expected {expected_status}")
    # Without axe (axe=None): what the page did (console errors, other hosts) only.
    violations = axe.run(page).response["violations"] if axe else []
    for violation in violations:
        if violation["impact"] in BARRIER_IMPACTS:
            targets = [" >>> ".join(node["target"]) for node in violation["nodes"]]
            problems.append(
                f"axe {violation['id']} ({violation['impact']}): {violation['help']}; "
                f"at {', '.join(targets)}"
            )
    for text, source in events.console_errors:
        # Chromium logs the status of an error page: not something the page did. (A missing
        # icon would show here as a failed load of its address.)
        expected_failure = source == page.url and response.status == expected_status
        if text.startswith("Failed to load resource") and expected_failure:
            continue
        problems.append(f"console error: {text} ({source})")
    problems.extend(f"request to another host: {request}" for request in events.foreign_requests)
    return [f"{url}: {problem}" for problem in problems]


def test_public_pages_pass_axe_and_stay_on_the_site(page, page_events):
    axe = Axe()

    problems = [
        problem
        for url, status in PUBLIC_PAGES
        for problem in visit_problems(page, page_events, url, status, axe)
    ]

    assert problems == [], "\n" + "\n".join(problems)


def test_admin_and_api_docs_run_under_the_content_security_policy(page, page_events):
    """Console errors are where the browser reports what the Content-Security-Policy blocked.

    Django's admin and Swagger UI (/api/docs/, drf-spectacular-sidecar) are other projects'
    pages: checked for what they did, not with axe-core.
    """
    docs_problems = visit_problems(page, page_events, "/api/docs/", 200, axe=None)
    # Swagger UI fetches the schema and renders it: wait for that, then look again.
    page_events.clear()
    page.get_by_role("heading", name=re.compile("IGF session archive API")).wait_for()
    docs_problems += [
        f"/api/docs/: console error: {text}" for text, _source in page_events.console_errors
    ]
    editor = User.objects.create_user("editor", password="correct horse battery", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    page.goto("/admin/login/")
    page.get_by_label("Username:").fill("editor")
    page.get_by_label("Password:").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    session = Session.objects.get(meeting__slug="igf-2024", slug="open-forum-9")
    person = Person.objects.get(slug="gong-ke")
    admin_pages = [
        "/admin/",
        "/admin/archive/session/",
        "/admin/archive/session/?q=digital",
        f"/admin/archive/session/{session.pk}/change/",
        "/admin/archive/session/add/",
        f"/admin/speakers/person/{person.pk}/change/",
        "/admin/speakers/duplicatesuggestion/",
        "/admin/speakers/organizationduplicatesuggestion/",
        "/admin/desk/",
        f"/admin/archive/session/{session.pk}/history/",
    ]

    problems = [
        problem
        for url in admin_pages
        for problem in visit_problems(page, page_events, url, 200, axe=None)
    ]

    assert docs_problems + problems == [], "\n" + "\n".join(docs_problems + problems)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(page):
    page.goto("/sessions/")
    focused = "() => [document.activeElement.id, document.activeElement.textContent.trim()]"

    page.keyboard.press("Tab")
    assert page.evaluate(focused) == ["", "Skip to content"]
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown once it has focus

    page.keyboard.press("Enter")
    assert page.evaluate(focused)[0] == "main"

    page.keyboard.press("Tab")  # on into the content, not back to the header
    assert page.evaluate(focused) == ["q", ""]

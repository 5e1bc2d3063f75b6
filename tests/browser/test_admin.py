"""The admin in a real browser at 1,280 px: change forms fit the window, and the editors' desk
resolves one waiting item of each kind."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from sessions.models import Participation, Session, SourceDocument, WaitingDocument
from speakers.models import (
    DuplicateSuggestion,
    Organization,
    OrganizationDuplicateSuggestion,
    Person,
)
from tests.factories import (
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.browser

WINDOW = {"width": 1280, "height": 900}
PASSWORD = "correct horse battery"


def log_in(page):
    editor = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    page.set_viewport_size(WINDOW)
    page.goto("/admin/login/")
    page.get_by_label("Username:").fill("editor")
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


@pytest.fixture
def editor_page(page):
    """An editor's page on the archive of the five bundled documents."""
    return log_in(page)


@pytest.fixture
def desk_page(browser, live_server, django_db_serialized_rollback):
    """An editor's page on an archive holding one waiting item of each kind, and nothing else."""
    SessionFactory(
        title="Marked session",
        needs_review=True,
        import_snapshot={"review": ["12: stakeholder group 'Academia' is no known group"]},
    )
    SessionFactory(title="Session with leftovers", unplaced_text="Share this page")
    DuplicateSuggestion.objects.create(
        person=PersonFactory(name="DU Guimei"),
        other=PersonFactory(name="Dou Guimei"),
        reason="one letter apart",
    )
    OrganizationDuplicateSuggestion.objects.create(
        organization=OrganizationFactory(name="Chinese Academy of Cyberspace Studies"),
        other=OrganizationFactory(name="Chinese Academy of Cyber Studies"),
        reason="close names",
    )
    ParticipationFactory(
        session=SessionFactory(title="Session with an inferred role"),
        person=PersonFactory(name="XIAODONG LI"),
        role=Participation.Role.MODERATOR,
        inferred_by="role_from_layout",
    )
    SessionFactory(title="Session with an inferred date", inferred={"date": "date_from_report"})
    WaitingDocument.objects.create(
        file_name="untitled-workshop.txt",
        format=SourceDocument.Format.IGF_WORKSHOP_PAGE,
        sha256="0" * 64,
        text="A page without its title",
        problems="untitled-workshop.txt:1: no title",
        received_at=timezone.now(),
    )
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    yield log_in(context.new_page())
    context.close()


def change_forms():
    for model, path in [
        (Session, "archive/session"),
        (Person, "speakers/person"),
        (Organization, "speakers/organization"),
    ]:
        for pk in model.objects.order_by("pk").values_list("pk", flat=True):
            yield f"/admin/{path}/{pk}/change/"


CHANGELISTS = [
    "/admin/archive/session/",
    "/admin/archive/argument/",
    "/admin/speakers/person/",
    "/admin/speakers/organization/",
    "/admin/speakers/duplicatesuggestion/",
]


def test_no_change_form_or_list_scrolls_sideways_at_1280_px(editor_page):
    urls = [*change_forms(), *CHANGELISTS]
    too_wide = {}
    for url in urls:
        editor_page.goto(url)
        width = editor_page.evaluate("document.documentElement.scrollWidth")
        if width > WINDOW["width"]:
            too_wide[url] = width

    assert len(urls) == 5 + Person.objects.count() + Organization.objects.count() + 5
    assert too_wide == {}


def test_every_changelist_shows_all_its_columns_at_1280_px(editor_page):
    """The list's table is no wider than its box: no column is cut off behind a scroll bar."""
    cut_off = {}
    for url in CHANGELISTS:
        editor_page.goto(url)
        table, box = editor_page.evaluate(
            "[document.querySelector('#result_list').scrollWidth,"
            " document.querySelector('.results').clientWidth]"
        )
        if table > box:
            cut_off[url] = (table, box)

    assert cut_off == {}


def desk_counts(page):
    counts = page.locator(".desk-count")
    return {
        counts.nth(i).get_attribute("data-section"): counts.nth(i).inner_text()
        for i in range(counts.count())
    }


def test_the_desk_lists_one_item_of_each_kind_and_resolving_each_clears_it(desk_page):
    page = desk_page
    page.get_by_role("link", name=re.compile("Editors' desk")).click()
    page.wait_for_url(re.compile(r"/admin/desk/$"))
    one_of_each = {
        "waiting": "1",
        "review": "1",
        "unplaced": "1",
        "duplicates": "1",
        "organization_duplicates": "1",
        "inferred_roles": "1",
        "inferred_values": "1",
    }
    assert desk_counts(page) == one_of_each
    assert page.locator(".desk-item").count() == 7
    assert page.evaluate("document.documentElement.scrollWidth") <= WINDOW["width"]

    resolutions = [
        ("review", "Mark reviewed", "is marked reviewed."),
        ("unplaced", "Set the text aside", "is set aside."),
        ("duplicates", "Keep apart", "are kept apart."),
        (
            "organization_duplicates",
            "Merge",
            "is merged into “Chinese Academy of Cyberspace Studies”.",
        ),
        ("inferred_roles", "Confirm", "is confirmed."),
        ("inferred_values", "Confirm", "are confirmed."),
    ]
    left = dict(one_of_each)
    for section, button, message in resolutions:
        page.locator(f"#{section}").get_by_role("button", name=button).click()
        page.wait_for_load_state()
        assert page.locator(".messagelist").inner_text().endswith(message)
        left[section] = "0"
        assert desk_counts(page) == left
    # The waiting document is completed on its own form, which the desk links to.
    assert desk_counts(page) == {**left, "waiting": "1"}
    assert page.locator(".desk-item").count() == 1
    assert page.locator("#waiting").get_by_role("link", name="Complete it").count() == 1

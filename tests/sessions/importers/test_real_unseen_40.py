"""A fortieth set of real pages (fixtures/documents/real_unseen_40/, each page's address in its
sources.json): dig.watch reports and listing pages of 2023-2025 and press pages of 2012-2022,
scored once with the code of its hour before any rule was written for it (docs/real-pages.md
gives that score). No rule was written for it: it found the people it lists but one."""

import pytest

from sessions.importers.documents import BUNDLED_DOCUMENTS
from tests.sessions.importers.real_pages import second_import

FOLDER = BUNDLED_DOCUMENTS / "real_unseen_40"


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_fortieth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(FOLDER)

    # Two listing pages and a news report are no session page; two pages wait for an editor
    # (a listing page's first item, undated; a press page without its title and dateline).
    assert not_imported == {
        "digwatch_igf2024_tag-listing_pnif-main-session.txt": "queued",
        "digwatch_wsis-forum_action-line-facilitators-meeting-report.txt": "refused",
        "digwatch_wsis-hle_category-page_space-sdgs-panel.txt": "refused",
        "scio2012_press-conference-report_greater-openness.txt": "refused",
        "scio2022_minors-online-question_no-header_page9.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 9)

"""A twenty-seventh set of real pages (fixtures/documents/real_unseen_27/, each page's address in
its sources.json): dig.watch reports of 2020-2025 and press pages of 2017-2024, scored once
with the code of its hour before any rule was written for it (the README gives that score)."""

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import TWENTY_SEVENTH_UNSEEN_REAL_DOCUMENTS, second_import


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_seventh_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_SEVENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "digwatch2020_igf2020-final-report.txt": "refused",
        "digwatch2022_igf_hl-session-1_meaningful-connectivity.txt": "queued",
        "digwatch_category-uncategorized-page8_listing.txt": "refused",
        "press_scio_2022_20th-congress-press-center-5th.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11

"""A thirty-sixth set of real pages (fixtures/documents/real_unseen_36/, each page's address in
its sources.json; eight pages, all the search could still find of its mix): a dig.watch report
of 2023, IGF pages and transcripts of 2020-2023 and press pages of 2019-2024, scored once with
the code of its hour before any rule was written for it (the README gives that score). Its
roles were brought in line with the 25 pages of ../real as test_real_unseen_37.py says."""

import pytest

from sessions.importers.documents import BUNDLED_DOCUMENTS
from sessions.models import Session
from tests.sessions.importers.real_pages import second_import

FOLDER = BUNDLED_DOCUMENTS / "real_unseen_36"


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirty_sixth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(FOLDER)

    assert not_imported == {}
    assert (changed, unchanged) == ({}, 8)
    assert Session.objects.count() == 8

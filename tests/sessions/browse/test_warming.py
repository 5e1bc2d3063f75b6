"""An import renders the popular pages after its commit, so that their first reader does not."""

import pytest
from django.core.management import call_command

from sessions.browse.warming import popular_paths, site_host
from sessions.importers.documents import BUNDLED_DOCUMENTS

# The import commits: not the test's usual transaction.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migration_data_put_back"),
]


@pytest.fixture(autouse=True)
def pages_kept(settings):
    settings.PAGE_SECONDS = 60
    settings.PAGE_PART_SECONDS = 60


def test_the_first_reader_after_an_import_gets_pages_already_rendered(
    client, django_assert_num_queries, capsys
):
    document = BUNDLED_DOCUMENTS / "igf2024-open-forum-9-session-page.txt"
    call_command("import_documents", str(document), verbosity=2)

    assert capsys.readouterr().out.splitlines()[-1].startswith("Pages rendered afresh: 7 in ")

    assert popular_paths() == [
        "/",
        "/sessions/",
        "/meetings/",
        "/sdgs/",
        "/people/",
        "/organizations/",
        "/sessions/?year=2024",
    ]
    for path in popular_paths():
        with django_assert_num_queries(0):
            assert client.get(path, HTTP_HOST=site_host()).status_code == 200


def test_the_site_is_its_first_named_host(settings):
    settings.ALLOWED_HOSTS = ["*", ".archive.example.org", "www.example.org"]
    assert site_host() == "archive.example.org"
    settings.ALLOWED_HOSTS = ["*"]
    assert site_host() == "localhost"

"""A session as a reference: the formats a reference manager imports, and the texts to quote.

The BibTeX and RIS are read back by parsers from the package index (bibtexparser, rispy), the
CSL-JSON by json; each must give the session's title, year and authors (its organizers).
"""

import datetime
import json

import bibtexparser
import pytest
import rispy

from sessions.models import Participation
from sessions.outputs.citation import apa, bibtex, chicago, reference
from tests.bundled import import_bundled
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

OF9 = "/sessions/igf-2024/open-forum-9/"
OF9_TITLE = "Digital Technology Empowers Green and Low-carbon Development"
OF9_ORGANIZERS = [
    "Cyberspace Administration of China",
    "Bureau of Information Technology Development, CAC",
]


@pytest.fixture
def bundled():
    import_bundled()


def test_bibtex_is_read_back_with_title_year_and_authors(client, bundled):
    response = client.get(OF9 + "cite.bib")

    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="igf-2024-open-forum-9.bib"'
    library = bibtexparser.parse_string(response.content.decode())
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert (entry.entry_type, entry.key) == ("misc", "igf-2024-open-forum-9")
    assert entry["title"] == "{" + OF9_TITLE + "}"
    assert entry["year"] == "2024"
    assert entry["author"] == " and ".join("{" + name + "}" for name in OF9_ORGANIZERS)
    assert entry["url"] == "http://testserver" + OF9
    assert entry["howpublished"] == r"Open Forum \#9, IGF 2024, Riyadh, Saudi Arabia"


def test_ris_is_read_back_with_title_year_and_authors(client, bundled):
    response = client.get(OF9 + "cite.ris")

    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    (entry,) = rispy.loads(response.content.decode())
    assert entry == {
        "type_of_reference": "CPAPER",
        "title": OF9_TITLE,
        "authors": OF9_ORGANIZERS,
        "year": "2024",
        "date": "2024/12/19",
        "secondary_title": "IGF 2024",
        "note": "Open Forum #9",
        "place_published": "Riyadh, Saudi Arabia",
        "urls": ["http://testserver" + OF9],
        "name_of_database": "IGF session archive",
    }


def test_csl_json_is_read_back_with_title_year_and_authors(client, bundled):
    response = client.get(OF9 + "cite.json")

    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json"
    assert json.loads(response.content) == [
        {
            "id": "igf-2024-open-forum-9",
            "type": "speech",
            "title": OF9_TITLE,
            "author": [{"literal": name} for name in OF9_ORGANIZERS],
            "issued": {"date-parts": [[2024, 12, 19]]},
            "genre": "Open Forum #9",
            "event-title": "IGF 2024",
            "event-place": "Riyadh, Saudi Arabia",
            "URL": "http://testserver" + OF9,
            "source": "IGF session archive",
        }
    ]


def test_the_session_page_gives_apa_and_chicago_and_links_the_formats(client, bundled):
    page = client.get(OF9).content.decode()

    assert (
        '<dt>APA</dt><dd class="citation">Cyberspace Administration of China &amp; Bureau of '
        "Information Technology Development, CAC. (2024, December 19). Digital Technology "
        "Empowers Green and Low-carbon Development [Open Forum #9]. IGF 2024, Riyadh, Saudi "
        f"Arabia. http://testserver{OF9}</dd>"
    ) in page
    assert (
        '<dt>Chicago</dt><dd class="citation">Cyberspace Administration of China and Bureau of '
        "Information Technology Development, CAC. “Digital Technology Empowers Green and "
        "Low-carbon Development.” Open Forum #9, IGF 2024, Riyadh, Saudi Arabia, December 19, "
        f"2024. http://testserver{OF9}.</dd>"
    ) in page
    assert f'<a href="{OF9}cite.ris" type="application/x-research-info-systems" download>' in page


def test_a_session_without_organizers_is_cited_by_its_hosts_then_its_publisher():
    meeting = MeetingFactory(slug="scio", name="SCIO press conference", year=2022)
    session = SessionFactory(
        meeting=meeting, slug="white-paper", title="White paper", number=None, date=None
    )
    session.publisher = "China.org.cn"
    by_publisher = reference(session, "https://archive.example/s/")
    ParticipationFactory(
        session=session, person=PersonFactory(name="Cao Shumin"), role=Participation.Role.HOST
    )
    by_host = reference(session, "https://archive.example/s/")

    assert (by_publisher.authors, by_host.authors) == (["China.org.cn"], ["Cao Shumin"])
    assert by_host.year == 2022
    assert chicago(by_host) == (
        "Cao Shumin. “White paper.” Workshop, SCIO press conference, 2022. https://archive.example/s/."
    )


def test_bibtex_escapes_what_bibtex_reads_as_syntax():
    meeting = MeetingFactory(slug="m", name="Forum 100% {open}", year=2025)
    session = SessionFactory(
        meeting=meeting, slug="s", title="Data & AI_for #all {now}", date=datetime.date(2025, 1, 2)
    )
    OrganizerFactory(session=session, organization=OrganizationFactory(name="R&D $ Lab"))

    text = bibtex(reference(session, "https://archive.example/s/"))

    (entry,) = bibtexparser.parse_string(text).entries
    assert entry["title"] == r"{Data \& AI\_for \#all \{now\}}"
    assert entry["author"] == r"{R\&D \$ Lab}"
    assert apa(reference(session, "u")).startswith("R&D $ Lab. (2025, January 2). Data & AI_for")

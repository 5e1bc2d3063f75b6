"""Real SCIO / China.org.cn press pages of 2019-2023 (fixtures/documents/real, sources.json
gives each page's address), read by the press-transcript parser. Values are those of
expected.json, written by hand from each text; where the parser departs from it, the test says
why. expected.json's role "chairperson" is the archive's "host": the chair gives the floor."""

import datetime

import pytest

from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, DocumentRefused, import_file
from sessions.importers.parsed import ParseError
from sessions.importers.press import parse
from tests.sessions.importers.real_pages import REAL_DOCUMENTS


def parsed(file_name):
    return parse((REAL_DOCUMENTS / file_name).read_text(encoding="utf-8"))


def people(session):
    return [(person.role, person.name, person.affiliation) for person in session.people]


def dates(session):
    return (session.meeting_year, session.date, session.published_on, session.publisher)


def test_page_opening_with_its_speakers_and_chairperson_and_no_title():
    session = parsed("scio2019_6th-world-internet-conference.txt")

    # No title on the page: none is made up here (the loader titles it after its conference).
    assert (session.title, session.title_line) == ("", None)
    # Its chair is the State Council Information Office's spokesperson: the SCIO's own page.
    assert dates(session) == (2019, datetime.date(2019, 9, 18), None, "SCIO")
    assert people(session) == [
        ("speaker", "Liu Liehong", "vice minister of the Cyberspace Administration of China"),
        (
            "speaker",
            "Zhu Guoxian",
            "member of the Standing Committee of the Communist Party of China (CPC) Zhejiang "
            "Provincial Committee, head of the Publicity Department of the CPC Zhejiang "
            "Provincial Committee",
        ),
        (
            "speaker",
            "Sheng Yongjun",
            "secretary of the CPC Tongxiang Municipal Committee in Zhejiang province",
        ),
        ("host", "Xi Yanchun", "spokesperson of the State Council Information Office"),
    ]
    assert [turn.speaker for turn in session.transcript] == ["Xi Yanchun", "Liu Liehong"]


def test_scio_briefing_with_its_date_in_the_title_line_and_its_list_headings_lost():
    session = parsed("scio2020_3rd-digital-china-summit.txt")

    assert (session.title, session.session_type) == (
        "SCIO Briefing on 3rd Digital China Summit",
        "Press conference",
    )
    # The title line's date is the page's; the date alone on a line is the conference's.
    assert dates(session) == (2020, datetime.date(2020, 9, 17), datetime.date(2020, 9, 22), "")
    assert people(session) == [
        ("speaker", "Yang Xiaowei", "vice minister of the Cyberspace Administration of China"),
        (
            "speaker",
            "Zhao Long",
            "member of the Standing Committee of the CPC Fujian Provincial Committee, vice "
            "governor of Fujian province",
        ),
        (
            "speaker",
            "You Mengjun",
            "deputy secretary of the CPC Fuzhou Municipal Committee, mayor of Fuzhou Municipal "
            "People's Government",
        ),
        (
            "speaker",
            "Shen Zhulin",
            "deputy director general of the Department of High-Tech Industry of the National "
            "Development and Reform Commission (NDRC)",
        ),
        (
            "speaker",
            "Xie Shaofeng",
            "spokesperson for the Ministry of Industry and Information Technology (MIIT), "
            "director of MIIT's Department of Information Technology Development",
        ),
        # Her "Chairperson" heading is lost; she opens the conference, as its host does.
        (
            "host",
            "Shou Xiaoli",
            "deputy head of the Press Bureau of the State Council Information Office",
        ),
    ]
    assert session.furniture == ["Press Room", "Read in Chinese"]
    # Listed last after a wider gap (the lost "Chairperson:" heading), as well as the first
    # to speak: the layout, tried first, names her.
    assert [(p.name, p.inferred_by) for p in session.people if p.inferred_by] == [
        ("Shou Xiaoli", "role_from_layout")
    ]


def test_later_page_with_the_publisher_glued_to_its_dateline():
    session = parsed("scio2022_cyberspace-white-paper_page9.txt")

    assert session.title == (
        "SCIO press conference on white paper 'Jointly Build a Community with a Shared Future "
        "in Cyberspace'"
    )
    # expected.json dates it 2022-11-07, from "held a press conference on Nov. 7" in the
    # introduction: a day without its year, so the page's dateline is the only date read.
    assert dates(session) == (2022, None, datetime.date(2022, 11, 15), "China.org.cn")
    assert people(session) == [("host", "Cao Shumin", ""), ("speaker", "Yang Shuzhen", "")]
    assert [turn.speaker for turn in session.transcript] == [
        "Kyodo News",
        "Cao Shumin",
        "Yang Shuzhen",
    ]
    assert session.unplaced == [
        "The State Council Information Office (SCIO) held a press conference on Nov. 7 in "
        'Beijing to brief the media on a white paper titled "Jointly Build a Community with a '
        'Shared Future in Cyberspace."'
    ]


def test_mobile_page_with_a_breadcrumb_and_its_date_ending_the_introduction():
    session = parsed("scio2023_law-based-cyberspace-governance_page12.txt")

    assert session.title == (
        "SCIO press conference on white paper 'China's Law-Based Cyberspace Governance in the "
        "New Era'"
    )
    assert dates(session) == (2023, None, datetime.date(2023, 3, 31), "")
    # The answer is Cao Shumin's own ("I will answer it"): a speaker, as expected.json says.
    assert people(session) == [("speaker", "Cao Shumin", "")]
    assert session.furniture[:2] == [
        "ㄑ Press Room ㄑ Press Conference Transcripts ㄑ Press Conferences of the State Council "
        "Information Office",
        "White Paper",
    ]
    assert session.unplaced == [
        "The State Council Information Office held a press conference on March 16 in Beijing "
        "to brief the media on a white paper titled \"China's Law-Based Cyberspace Governance "
        'in the New Era."'
    ]


@pytest.mark.parametrize(
    ("dateline", "published_on", "publisher", "unplaced"),
    [
        (
            "China.org.cn | Updated: November 15, 2022",
            datetime.date(2022, 11, 15),
            "China.org.cn",
            [],
        ),
        ("Updated: 2006-02-17 19:45", datetime.date(2006, 2, 17), "", []),
        ("Beijing | 10 a.m. March 19, 2021", datetime.date(2021, 3, 19), "", ["Beijing"]),
    ],
)
def test_datelines_of_other_pages_of_the_family(dateline, published_on, publisher, unplaced):
    page = (REAL_DOCUMENTS / "scio2022_cyberspace-white-paper_page9.txt").read_text(
        encoding="utf-8"
    )
    session = parse(page.replace("China.org.cnUpdated:  November 15, 2022", dateline))

    assert (session.published_on, session.publisher) == (published_on, publisher)
    assert session.unplaced[1:] == unplaced


def test_photo_page_is_refused_as_a_photo_page():
    with pytest.raises(ParseError) as refused:
        parsed("scio2021_photo-page_sheng-ronghua.txt")

    assert (refused.value.line, refused.value.reason) == (
        1,
        "a photo page: a photo and its caption, with no press-conference transcript or list "
        "of speakers on it",
    )


@pytest.mark.django_db
def test_photo_page_import_is_refused_with_file_and_line():
    path = REAL_DOCUMENTS / "scio2021_photo-page_sheng-ronghua.txt"

    with pytest.raises(DocumentRefused) as refused:
        import_file(path, Curated())

    assert refused.value.lines == [
        f"{path}:1: a photo page: a photo and its caption, with no press-conference transcript "
        "or list of speakers on it"
    ]


@pytest.mark.django_db
def test_page_without_a_title_is_imported_under_its_conference_with_its_people():
    # A press conference is one session, told by its date: the page needs no title to be
    # placed. Titled after the conference and marked for an editor, it loses none of its people.
    path = REAL_DOCUMENTS / "scio2019_6th-world-internet-conference.txt"
    outcome = import_file(path, Curated())
    session = outcome.session

    assert (session.meeting.slug, session.title, session.needs_review) == (
        "scio-press-conference-2019-09-18",
        "SCIO press conference, September 2019",
        True,
    )
    assert outcome.review == ["1: no title on the page, titled after its press conference"]
    assert outcome.summary().endswith(
        "; needs review: 1: no title on the page, titled after its press conference"
    )
    assert list(session.participations.values_list("role", "published_name")) == [
        ("speaker", "Liu Liehong"),
        ("speaker", "Zhu Guoxian"),
        ("speaker", "Sheng Yongjun"),
        ("host", "Xi Yanchun"),
    ]


BUNDLED_PRESS = BUNDLED_DOCUMENTS / "scio2022-cyberspace-white-paper-press-conference.txt"
PAGE_9 = REAL_DOCUMENTS / "scio2022_cyberspace-white-paper_page9.txt"


def turns(session):
    return list(session.transcript_turns.values_list("position", "speaker_label"))


@pytest.mark.django_db
def test_pages_of_one_transcript_add_up_in_one_session():
    first = import_file(BUNDLED_PRESS, Curated()).session
    assert turns(first) == [(1, "Tianmu News"), (2, "Cao Shumin"), (3, "Wang Song")]

    page_9 = import_file(PAGE_9, Curated())

    assert (page_9.created, page_9.session.pk) == (False, first.pk)
    # Page 9's turns after the first page's, its new speaker added: nothing replaced.
    assert turns(page_9.session) == [
        (1, "Tianmu News"),
        (2, "Cao Shumin"),
        (3, "Wang Song"),
        (4, "Kyodo News"),
        (5, "Cao Shumin"),
        (6, "Yang Shuzhen"),
    ]
    assert list(page_9.session.participations.values_list("role", "published_name")) == [
        ("host", "Cao Shumin"),
        ("speaker", "Wang Song"),
        ("speaker", "Yang Shuzhen"),
    ]
    # The first page stays the session's source; the title is the first page's.
    session = page_9.session
    assert (session.source_document.file_name, session.title) == (BUNDLED_PRESS.name, first.title)


@pytest.mark.django_db
@pytest.mark.parametrize("again", [PAGE_9, BUNDLED_PRESS], ids=["page-9", "first-page"])
def test_either_page_imported_again_changes_nothing(again):
    import_file(BUNDLED_PRESS, Curated())
    import_file(PAGE_9, Curated())

    outcome = import_file(again, Curated())

    assert (outcome.created, outcome.changes, outcome.conflicts) == (False, [], [])
    assert len(turns(outcome.session)) == 6

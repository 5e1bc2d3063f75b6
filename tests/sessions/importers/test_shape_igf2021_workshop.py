"""IGF 2021 WS #125, an IGF workshop page (2021 layout), imported as ARCHIVE.md says."""

import datetime

import pytest

from speakers.models import Organization, Person
from tests.sessions.importers.shapes import (
    Kind,
    Role,
    between,
    imported_session,
    index_of,
    nonempty_lines,
    parsed_document,
    participation_rows,
    published_long_texts,
    read_document,
    takeaway_counts,
    texts_of,
    written_long_texts,
)

pytestmark = pytest.mark.django_db


ADDITIONAL_POLICY_QUESTIONS_002 = [
    "How can emerging digital technologies, especially Big Data and AI, contribute to addressing "
    "environment issues such as carbon emission, pollution and energy waste?",
    "What practices could different stakeholder groups take to promote regional environmental "
    "data sharing and cooperation?",
    "What policy framework should be established to maximize the benefits of Big Data on "
    "environmental sustainability?",
]
WS_125_ADDRESS = "https://www.intgovforum.org/en/content/igf-2021-ws-125-big-data-for-environmental-sustainability"
IGF_2021_ADDRESS = (
    "https://intgovforum.org/en/content/invitation-to-the-sixteenth-annual-meeting-of-the-"
    "internet-%E2%80%8Egovernance-forum-igf-%E2%80%8E"
)


def test_igf2021_workshop_import_matches_its_shape(imported):
    lines = nonempty_lines(read_document("igf2021-ws-125-workshop-page.txt"))
    policy_questions = [
        lines[index_of(lines, "Measuring impact: ")],
        lines[index_of(lines, "Reducing impact: ")],
        *ADDITIONAL_POLICY_QUESTIONS_002,
    ]
    description = lines[index_of(lines, "This workshop will focus")]
    sdg_rationale = lines[index_of(lines, "Targets:")]
    background = between(lines, "Human social and economic", "1. Present good application")
    expected_outcomes = lines[index_of(lines, "1. Present good application")]
    online_participation = lines[index_of(lines, "All experts and audience")]
    key_takeaways = between(lines, "Facing severe environmental", "We need")
    calls_to_action = between(lines, "We need", "•")
    report_bullets = [line.removeprefix("• ") for line in lines if line.startswith("• ")]

    session = imported_session("igf2021-ws-125-workshop-page.txt")
    # Long texts whole, to the last character: what the parser read is what was written.
    assert written_long_texts(session) == published_long_texts(
        parsed_document("igf2021-ws-125-workshop-page.txt")
    )
    cast = Organization.objects.get(aliases__name="China Association for Science and Technology")

    assert (session.meeting.name, session.meeting.city) == ("IGF 2021", "Katowice")
    assert [(fact.field, fact.value, fact.source) for fact in session.curated_facts.all()] == [
        ("number", "125", WS_125_ADDRESS),
        ("session_type", "workshop", WS_125_ADDRESS),
        ("title", "Big Data for Environmental Sustainability", WS_125_ADDRESS),
    ]
    assert list(session.meeting.curated_facts.values_list("field", "value", "source")) == [
        ("city", "Katowice", IGF_2021_ADDRESS),
        ("country", "Poland", IGF_2021_ADDRESS),
        ("end_date", "2021-12-10", IGF_2021_ADDRESS),
        ("name", "IGF 2021", IGF_2021_ADDRESS),
        ("start_date", "2021-12-06", IGF_2021_ADDRESS),
        ("venue", "Katowice, Poland, and online", IGF_2021_ADDRESS),
    ]
    assert (session.label, session.title) == (
        "Workshop #125",
        "Big Data for Environmental Sustainability",
    )
    assert (
        session.date,
        session.start_time,
        session.end_time,
        session.time_zone,
        session.room,
        session.format,
        session.duration_minutes,
    ) == (
        datetime.date(2021, 12, 10),
        datetime.time(10, 15),
        datetime.time(11, 45),
        "UTC",
        "Conference Room 3",
        "Round Table - Circle",
        90,
    )
    assert participation_rows(session) == [
        (1, "organizer", "Xiang Zhou", "Xiang Zhou"),
        (2, "organizer", "Chuang Liu", "Chuang Liu"),
        (3, "organizer", "Jieyao Wang", "Jieyao Wang"),
        (4, "organizer", "Jing MA", "Jing MA"),
        (5, "organizer", "Rui ZHONG", "Rui ZHONG"),
        (6, "speaker", "Chuang Liu", "Chuang Liu"),
        (7, "speaker", "Horst Kremers", "Horst Kremers"),
        (8, "speaker", "Ricardo Israel Robles Pelayo", "Ricardo Israel Robles Pelayo"),
        (9, "speaker", "Gong Ke", "Gong Ke"),
        (10, "speaker", "Daisy Selematsela", "Daisy Selematsela"),
        (11, "onsite_moderator", "Jing MA", "Jing MA"),
        (12, "online_moderator", "Xiang Zhou", "Xiang Zhou"),
        (13, "rapporteur", "Jieyao Wang", "Jieyao Wang"),
        # Named in the report only, as published ("Dr." is a spelling too); the position is
        # that of the report's bullet among the page's people.
        (20, "presenter", "Dr. Tomoko Doko", "Tomoko Doko"),
    ]
    assert [
        (p.affiliation, p.organization.name)
        for p in session.participations.all()
        if p.role == Role.ORGANIZER
    ] == [
        ("China Association for Science and Technology (CAST)", cast.name),
        ("Chinese Association for Sciences and Technology", cast.name),
        ("China Association for Science and Technology", cast.name),
        ("China Association for Science and Technology", cast.name),
        ("Internet Society of China", "Internet Society of China"),
    ]
    assert [
        (p.published_name, p.get_stakeholder_group_display(), p.get_regional_group_display())
        for p in session.participations.all()
        if p.role == Role.SPEAKER
    ] == [
        ("Chuang Liu", "Civil Society", "Asia-Pacific Group"),
        ("Horst Kremers", "Technical Community", "Western European and Others Group (WEOG)"),
        (
            "Ricardo Israel Robles Pelayo",
            "Private Sector",
            "Latin American and Caribbean Group (GRULAC)",
        ),
        ("Gong Ke", "Intergovernmental Organization", "Intergovernmental Organization"),
        ("Daisy Selematsela", "Civil Society", "African Group"),
    ]
    assert [
        (p.published_name, p.affiliation)
        for p in session.participations.all()
        if p.role == Role.PRESENTER
    ] == [("Dr. Tomoko Doko", "president and CEO, Nature & Science Consulting Co. Ltd., Japan")]
    assert list(cast.aliases.values_list("name", "key")) == [
        ("CAST", "cast"),
        (
            "China Association for Science and Technology",
            "china association for science and technology",
        ),
        (
            "China Association for Science and Technology (CAST)",
            "china association for science and technology",
        ),
        (
            "Chinese Association for Sciences and Technology",
            "chinese association for sciences and technology",
        ),
    ]
    # The report's "Prof. ..." spellings are aliases too; Gong Ke is also "GONG Ke" in the IGF
    # 2024 page and "Ke Gong" in the DiploAI report, all imported into the same archive.
    assert {
        person.name: list(person.aliases.values_list("name", "key"))
        for person in Person.objects.filter(name__in=["Gong Ke", "Xiang Zhou", "Chuang Liu"])
    } == {
        "Chuang Liu": [
            ("Chuang Liu", "chuang liu"),
            ("LIU Chuang", "chuang liu"),
            ("Prof. LIU Chuang", "chuang liu"),
        ],
        "Gong Ke": [
            ("GONG Ke", "gong ke"),
            ("Gong Ke", "gong ke"),
            ("Ke Gong", "gong ke"),
            ("Prof. GONG Ke", "gong ke"),
        ],
        "Xiang Zhou": [
            ("Prof. ZHOU Xiang", "xiang zhou"),
            ("Xiang Zhou", "xiang zhou"),
            ("ZHOU Xiang", "xiang zhou"),
        ],
    }
    assert [(q.position, q.text) for q in session.policy_questions.all()] == list(
        enumerate(policy_questions, start=1)
    )
    assert [q.text.split(":")[0] for q in session.policy_questions.all()][:2] == [
        "Measuring impact",
        "Reducing impact",
    ]
    assert [goal.number for goal in session.sdg_goals.all()] == [6, 7, 11, 13, 14, 15, 17]
    assert session.sdg_rationale == sdg_rationale
    assert session.sdg_rationale.startswith("Targets: The main objective of this workshop")
    assert session.description == description
    assert session.background.split("\n\n") == background
    assert session.expected_outcomes == expected_outcomes
    assert session.expected_outcomes.startswith("1. Present good application cases ")
    assert session.online_participation == online_participation
    assert takeaway_counts(session) == {"call_to_action": 2, "key_takeaway": 2}
    assert texts_of(session.takeaways.all(), Kind.KEY_TAKEAWAY) == key_takeaways
    # The source cuts the second takeaway off mid-word; the archive keeps it so.
    assert key_takeaways[1].endswith("the great potential of big data in promoting enviro")
    assert texts_of(session.takeaways.all(), Kind.CALL_TO_ACTION) == calls_to_action
    assert [text[:8] for text in calls_to_action] == ["We need ", "We need "]
    assert session.report.split("\n\n") == report_bullets
    assert len(report_bullets) == 7
    assert report_bullets[-1].startswith("Dr. Tomoko Doko, president and CEO")

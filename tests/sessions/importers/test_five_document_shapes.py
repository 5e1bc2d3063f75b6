"""The models hold every fact that each of the five source documents yields.

Each test builds one session by hand, in the shape ARCHIVE.md gives for its
document, then reads it back from a fresh query and compares exact values. Long
texts are taken from the bundled documents themselves (the importer does not
exist yet); short facts are written out.
"""

import datetime
import hashlib
from itertools import takewhile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.text import slugify

from sessions.models import (
    Argument,
    CuratedFact,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    RegionalGroup,
    Session,
    SourceDocument,
    StakeholderGroup,
    Takeaway,
    TranscriptTurn,
)
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias

DOCUMENTS = Path(settings.BASE_DIR) / "fixtures" / "documents"
IMPORTED_AT = datetime.datetime(2025, 8, 1, 12, 0, tzinfo=datetime.UTC)

Role = Participation.Role
Kind = Takeaway.Kind


def read_document(file_name):
    return (DOCUMENTS / file_name).read_text(encoding="utf-8")


def nonempty_lines(text):
    """The document's lines, stripped, blank ones left out: one paragraph each."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def index_of(lines, prefix, start=0):
    return next(i for i in range(start, len(lines)) if lines[i].startswith(prefix))


def between(lines, first, stop):
    """The lines from the one starting with `first` to the next one starting with `stop`."""
    start = index_of(lines, first)
    return lines[start : index_of(lines, stop, start + 1)]


def after(lines, anchor, label):
    """The line that follows the first line `label` after the line starting with `anchor`."""
    return lines[lines.index(label, index_of(lines, anchor)) + 1]


def make_source_document(file_name, document_format):
    text = read_document(file_name)
    return SourceDocument.objects.create(
        file_name=file_name,
        format=document_format,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        imported_at=IMPORTED_AT,
    )


def make_person(name, *other_spellings):
    person = Person.objects.create(name=name, slug=slugify(name))
    for spelling in (name, *other_spellings):
        PersonAlias.objects.create(person=person, name=spelling)
    return person


def make_organization(name, *other_spellings, is_media_outlet=False):
    organization = Organization.objects.create(
        name=name, slug=slugify(name), is_media_outlet=is_media_outlet
    )
    for spelling in (name, *other_spellings):
        OrganizationAlias.objects.create(organization=organization, name=spelling)
    return organization


def participate(session, person, role, position, **published):
    published.setdefault("published_name", person.name)
    return Participation.objects.create(
        session=session, person=person, role=role, position=position, **published
    )


def add_takeaways(session, kind, texts, **fields):
    for position, text in enumerate(texts, start=1):
        Takeaway.objects.create(session=session, kind=kind, position=position, text=text, **fields)


def takeaway_counts(session):
    return dict(
        Takeaway.objects.filter(session=session)
        .values_list("kind")
        .annotate(count=Count("id"))
        .order_by("kind")
    )


def texts_of(takeaways, kind):
    return [takeaway.text for takeaway in takeaways if takeaway.kind == kind]


def participation_rows(session):
    return [
        (p.position, p.role, p.published_name, p.person.name) for p in session.participations.all()
    ]


SPEAKERS_000 = [
    # (published name, affiliation as published, "(TBD)" in the source)
    (
        "LONG Kai",
        "Deputy Director, Cyber Information Development Bureau, Cyberspace Administration of China",
        False,
    ),
    ("PENG Gang", "Vice President, Tsinghua University", False),
    (
        "GONG Ke",
        "Former President of the World Federation of Engineering Organizations; Executive "
        "Director, Chinese Institute of New Generation Artificial Intelligence Development "
        "Strategies; Former President of Nankai University",
        True,
    ),
    (
        "Torbjorn Fredriksson",
        "Director, Office of Information and Communication Technology Policy, United Nations "
        "Conference on Trade and Development (UNCTAD)",
        False,
    ),
    (
        "SU Jun",
        "Dean, Institute for Intelligent Social Governance, Tsinghua University; Director, "
        "Center for Science, Technology & Education Policy, Tsinghua University; Director of "
        "Think Tank Center and Professor, Tsinghua University",
        False,
    ),
    (
        "Kevin C. Desouza",
        "Professor of Business, Technology, and Strategy, School of Business, Queensland "
        "University of Technology",
        False,
    ),
    (
        "Eduardo Araral",
        "Professor, Lee Kuan Yew School of Public Policy, National University of Singapore",
        False,
    ),
    ("ZHOU Chaonan", "Range IDC", False),
    (
        "XUE Lan",
        "Senior Professor, Tsinghua University; Dean, Schwarzman College; Member of the "
        "Leadership Group, UN Internet Governance Forum (IGF)",
        True,
    ),
    ("DU Guimei", "", False),
]


@pytest.mark.django_db
def test_igf2024_open_forum_shape_reads_back():
    lines = nonempty_lines(read_document("igf2024-open-forum-9-session-page.txt"))
    format_description = lines[index_of(lines, "Format description: ")].removeprefix(
        "Format description: "
    )
    description = after(lines, "Roundtable", "Description")
    online_participation = lines[index_of(lines, "1. To facilitate interaction")]
    sdg_rationale = lines[index_of(lines, "Targets:")]
    key_takeaways = between(lines, "Key Takeaways (", "Call to Action (")[1:]
    calls_to_action = between(lines, "Call to Action (", "Session Report (")[1:]
    report_paragraphs = lines[index_of(lines, "Session Report (") + 1 :]

    meeting = Meeting.objects.create(
        slug="igf-2024",
        name="IGF 2024",
        kind=Meeting.Kind.IGF,
        year=2024,
        city="Riyadh",
        country="Saudi Arabia",
        start_date=datetime.date(2024, 12, 15),
        end_date=datetime.date(2024, 12, 19),
    )
    created = Session.objects.create(
        meeting=meeting,
        session_type=Session.Type.OPEN_FORUM,
        number=9,
        title="Digital Technology Empowers Green and Low-carbon Development",
        slug="digital-technology-empowers-green-and-low-carbon-development",
        date=datetime.date(2024, 12, 19),
        format="Roundtable",
        duration_minutes=60,
        format_description=format_description,
        description=description,
        online_participation=online_participation,
        sdg_rationale=sdg_rationale,
        report="\n\n".join(report_paragraphs),
        source_document=make_source_document(
            "igf2024-open-forum-9-session-page.txt", SourceDocument.Format.IGF_PAGE_2024
        ),
    )
    created.sdg_goals.add(7)
    created.sdg_targets.add("7.a")
    for position, name in enumerate(
        ["Cyberspace Administration of China", "Bureau of Information Technology Development, CAC"],
        start=1,
    ):
        Organizer.objects.create(
            session=created,
            organization=make_organization(name),
            position=position,
            published_name=name,
        )
    for position, (name, affiliation, is_tbd) in enumerate(SPEAKERS_000, start=1):
        participate(
            created,
            make_person(name),
            Role.SPEAKER,
            position,
            affiliation=affiliation,
            is_tbd=is_tbd,
        )
    participate(created, make_person("Li Xiaoli"), Role.ONSITE_MODERATOR, 11)
    participate(created, make_person("Lu Changbin"), Role.ONLINE_MODERATOR, 12)
    participate(created, make_person("Xu Jin"), Role.RAPPORTEUR, 13)
    add_takeaways(created, Kind.KEY_TAKEAWAY, key_takeaways)
    add_takeaways(created, Kind.CALL_TO_ACTION, calls_to_action)

    session = Session.objects.for_detail().get(pk=created.pk)

    assert (session.meeting.name, session.meeting.year) == ("IGF 2024", 2024)
    assert session.label == "Open Forum #9"
    assert session.title == "Digital Technology Empowers Green and Low-carbon Development"
    assert (session.format, session.duration_minutes) == ("Roundtable", 60)
    assert session.date == datetime.date(2024, 12, 19)
    assert session.format_description.startswith("1. Complexity and Depth of Topics:")
    assert session.format_description == format_description
    assert session.description.startswith("In recent years,\xa0 confronted with the dual")
    assert session.description == description
    assert session.online_participation == online_participation
    assert [
        (o.position, o.role, o.published_name, o.organization.name)
        for o in session.organizers.all()
    ] == [
        (
            1,
            "organizer",
            "Cyberspace Administration of China",
            "Cyberspace Administration of China",
        ),
        (
            2,
            "organizer",
            "Bureau of Information Technology Development, CAC",
            "Bureau of Information Technology Development, CAC",
        ),
    ]
    speakers = [p for p in session.participations.all() if p.role == Role.SPEAKER]
    assert [(p.published_name, p.affiliation, p.is_tbd) for p in speakers] == SPEAKERS_000
    assert [p.published_name for p in speakers if p.is_tbd] == ["GONG Ke", "XUE Lan"]
    assert [
        (p.role, p.published_name) for p in session.participations.all() if p.role != Role.SPEAKER
    ] == [
        ("onsite_moderator", "Li Xiaoli"),
        ("online_moderator", "Lu Changbin"),
        ("rapporteur", "Xu Jin"),
    ]
    assert [(goal.number, goal.short) for goal in session.sdg_goals.all()] == [
        (7, "Affordable and Clean Energy")
    ]
    assert [(target.code, target.goal_id) for target in session.sdg_targets.all()] == [("7.a", 7)]
    assert session.sdg_rationale.startswith("Targets: Promotion of Sustainable Energy Solutions:")
    assert session.sdg_rationale == sdg_rationale
    assert takeaway_counts(session) == {"call_to_action": 2, "key_takeaway": 3}
    assert texts_of(session.takeaways.all(), Kind.KEY_TAKEAWAY) == key_takeaways
    assert texts_of(session.takeaways.all(), Kind.CALL_TO_ACTION) == calls_to_action
    assert key_takeaways[0] == (
        "Digital technology is both a driver and enabler of sustainable, low-carbon development, "
        "but coordinated capacity building is essential for synergy."
    )
    assert session.report.split("\n\n") == report_paragraphs
    assert len(report_paragraphs) == 12
    assert report_paragraphs[0].startswith("On December 19, the Open Forum on\xa0Digital")
    assert session.source_document.file_name == "igf2024-open-forum-9-session-page.txt"
    assert session.source_document.sha256 == (
        "a8220111b44509ce97acca0f1c0cf010b17865a7aca874590c6afe3f30cf60f9"
    )


@pytest.mark.django_db
def test_igf2023_workshop_shape_reads_back():
    lines = nonempty_lines(read_document("igf2023-ws-377-workshop-page.txt"))
    policy_questions = [
        line[len("1) ") :] for line in between(lines, "Policy Question(s)", "What will")[1:]
    ]
    gains = between(lines, "What will participants gain", "Global climate change")
    gains[0] = gains[0].removeprefix("What will participants gain from attending this session? ")
    description = between(lines, "Global climate change", "Expected Outcomes")
    expected_outcomes = between(lines, "Expected Outcomes", "Hybrid Format:")[1:]
    agenda = between(lines, "Hybrid Format:", "The organizers will use Tencent Meeting")
    online_participation = lines[index_of(lines, "The organizers will use Tencent Meeting")]

    meeting = Meeting.objects.create(
        slug="igf-2023",
        name="IGF 2023",
        kind=Meeting.Kind.IGF,
        year=2023,
        city="Kyoto",
        country="Japan",
        start_date=datetime.date(2023, 10, 8),
        end_date=datetime.date(2023, 10, 12),
    )
    created = Session.objects.create(
        meeting=meeting,
        session_type=Session.Type.WORKSHOP,
        number=377,
        title="Enhance Digital Governance for Less CO2 future: AP' Practice",
        slug="enhance-digital-governance-for-less-co2-future-ap-practice",
        format="Panel",
        duration_minutes=90,
        theme="Sustainability & Environment",
        sub_themes=[
            "Digital Technologies to Achieve Sustainable Development Goals",
            "Existing and New Technologies as Climate Solutions",
        ],
        participant_gains="\n\n".join(gains),
        description="\n\n".join(description),
        expected_outcomes="\n\n".join(expected_outcomes),
        agenda="\n\n".join(agenda),
        online_participation=online_participation,
        source_document=make_source_document(
            "igf2023-ws-377-workshop-page.txt", SourceDocument.Format.IGF_WORKSHOP_PAGE
        ),
    )
    for position, text in enumerate(policy_questions, start=1):
        PolicyQuestion.objects.create(session=created, position=position, text=text)

    cidf = make_organization("China Internet Development Foundation")
    fuxi = make_organization("Fuxi Institution")
    acef = make_organization("All-China Environment Federation")
    xiao_yang = make_person("XIAO YANG")
    xiaobo_yang = make_person("Xiaobo YANG")
    jingzhe_ren = make_person("Jingzhe REN")
    li_zhang = make_person("Li ZHANG")
    xiaodong_li = make_person("XIAODONG LI")
    shaozhong_du = make_person("Shaozhong DU")
    yijie_peng = make_person("Yijie Peng")
    for position, (person, organization) in enumerate(
        [(xiao_yang, cidf), (xiaobo_yang, fuxi), (jingzhe_ren, acef), (li_zhang, acef)], start=1
    ):
        participate(
            created,
            person,
            Role.ORGANIZER,
            position,
            affiliation=organization.name,
            organization=organization,
        )
    asia_pacific_civil_society = {
        "stakeholder_group": StakeholderGroup.CIVIL_SOCIETY,
        "regional_group": RegionalGroup.ASIA_PACIFIC,
    }
    participate(created, xiaodong_li, Role.SPEAKER, 5, **asia_pacific_civil_society)
    participate(created, shaozhong_du, Role.SPEAKER, 6, **asia_pacific_civil_society)
    participate(
        created,
        yijie_peng,
        Role.SPEAKER,
        7,
        stakeholder_group=StakeholderGroup.PRIVATE_SECTOR,
        regional_group=RegionalGroup.ASIA_PACIFIC,
    )
    participate(created, xiaodong_li, Role.ONSITE_MODERATOR, 8, **asia_pacific_civil_society)
    participate(created, li_zhang, Role.ONLINE_MODERATOR, 9, **asia_pacific_civil_society)
    participate(created, xiaobo_yang, Role.RAPPORTEUR, 10, **asia_pacific_civil_society)

    session = Session.objects.for_detail().get(pk=created.pk)

    assert (session.meeting.name, session.label) == ("IGF 2023", "Workshop #377")
    assert session.title == "Enhance Digital Governance for Less CO2 future: AP' Practice"
    assert (session.format, session.duration_minutes) == ("Panel", 90)
    assert session.theme == "Sustainability & Environment"
    assert session.sub_themes == [
        "Digital Technologies to Achieve Sustainable Development Goals",
        "Existing and New Technologies as Climate Solutions",
    ]
    assert [
        (p.position, p.role, p.published_name, p.affiliation, p.organization.name)
        for p in session.participations.all()
        if p.role == Role.ORGANIZER
    ] == [
        (
            1,
            "organizer",
            "XIAO YANG",
            "China Internet Development Foundation",
            "China Internet Development Foundation",
        ),
        (2, "organizer", "Xiaobo YANG", "Fuxi Institution", "Fuxi Institution"),
        (
            3,
            "organizer",
            "Jingzhe REN",
            "All-China Environment Federation",
            "All-China Environment Federation",
        ),
        (
            4,
            "organizer",
            "Li ZHANG",
            "All-China Environment Federation",
            "All-China Environment Federation",
        ),
    ]
    assert [
        (p.position, p.role, p.published_name, p.stakeholder_group, p.regional_group)
        for p in session.participations.all()
        if p.role != Role.ORGANIZER
    ] == [
        (5, "speaker", "XIAODONG LI", "civil_society", "asia_pacific"),
        (6, "speaker", "Shaozhong DU", "civil_society", "asia_pacific"),
        (7, "speaker", "Yijie Peng", "private_sector", "asia_pacific"),
        (8, "onsite_moderator", "XIAODONG LI", "civil_society", "asia_pacific"),
        (9, "online_moderator", "Li ZHANG", "civil_society", "asia_pacific"),
        (10, "rapporteur", "Xiaobo YANG", "civil_society", "asia_pacific"),
    ]
    assert list(
        Participation.objects.filter(session=session, person__name="Li ZHANG")
        .order_by("position")
        .values_list("person_id", "role")
    ) == [(li_zhang.pk, "organizer"), (li_zhang.pk, "online_moderator")]
    assert Person.objects.filter(participations__session=session).distinct().count() == 7
    # Similar names that are different people keep apart keys.
    assert [
        list(PersonAlias.objects.filter(person=person).values_list("key", flat=True))
        for person in (xiao_yang, xiaobo_yang)
    ] == [["xiao yang"], ["xiaobo yang"]]
    assert [(q.position, q.text) for q in session.policy_questions.all()] == list(
        enumerate(policy_questions, start=1)
    )
    assert session.policy_questions.all()[0].text.startswith(
        "What aspects should be focused on for the regulatory authority"
    )
    assert session.participant_gains.split("\n\n") == gains
    assert session.participant_gains.startswith("First, a comprehensive understanding")
    assert session.description.split("\n\n") == description
    assert session.expected_outcomes.split("\n\n") == expected_outcomes
    assert [outcome[:3] for outcome in expected_outcomes] == ["The", "1) ", "2) ", "3) "]
    assert session.agenda.split("\n\n") == agenda
    assert session.agenda.startswith("Hybrid Format: Some organizers and speakers")
    assert session.online_participation == online_participation
    assert list(session.sdg_goals.all()) == []
    assert list(session.sdg_targets.all()) == []
    assert list(session.takeaways.all()) == []
    assert (session.date, session.start_time, session.room) == (None, None, "")


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


@pytest.mark.django_db
def test_igf2021_workshop_shape_reads_back():
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

    meeting = Meeting.objects.create(
        slug="igf-2021",
        name="IGF 2021",
        kind=Meeting.Kind.IGF,
        year=2021,
        city="Katowice",
        country="Poland",
        start_date=datetime.date(2021, 12, 6),
        end_date=datetime.date(2021, 12, 10),
    )
    CuratedFact.objects.create(
        meeting=meeting, field="city", value="Katowice", source=IGF_2021_ADDRESS
    )
    created = Session.objects.create(
        meeting=meeting,
        session_type=Session.Type.WORKSHOP,
        number=125,
        title="Big Data for Environmental Sustainability",
        slug="big-data-for-environmental-sustainability",
        date=datetime.date(2021, 12, 10),
        start_time=datetime.time(10, 15),
        end_time=datetime.time(11, 45),
        time_zone="UTC",
        room="Conference Room 3",
        format="Round Table - Circle",
        duration_minutes=90,
        description=description,
        background="\n\n".join(background),
        expected_outcomes=expected_outcomes,
        online_participation=online_participation,
        sdg_rationale=sdg_rationale,
        report="\n\n".join(report_bullets),
        source_document=make_source_document(
            "igf2021-ws-125-workshop-page.txt", SourceDocument.Format.IGF_WORKSHOP_PAGE
        ),
    )
    # The page has no title line: title and number come from the session's IGF address.
    CuratedFact.objects.create(
        session=created,
        field="title",
        value="Big Data for Environmental Sustainability",
        source=WS_125_ADDRESS,
    )
    CuratedFact.objects.create(session=created, field="number", value="125", source=WS_125_ADDRESS)
    created.sdg_goals.add(6, 7, 11, 13, 14, 15, 17)
    for position, text in enumerate(policy_questions, start=1):
        PolicyQuestion.objects.create(session=created, position=position, text=text)
    add_takeaways(created, Kind.KEY_TAKEAWAY, key_takeaways)
    add_takeaways(created, Kind.CALL_TO_ACTION, calls_to_action)

    cast = make_organization(
        "China Association for Science and Technology",
        "China Association for Science and Technology (CAST)",
        "Chinese Association for Sciences and Technology",
    )
    isc = make_organization("Internet Society of China")
    xiang_zhou = make_person("Xiang Zhou", "ZHOU Xiang")
    chuang_liu = make_person("Chuang Liu", "LIU Chuang")
    jieyao_wang = make_person("Jieyao Wang")
    jing_ma = make_person("Jing MA")
    organizers = [
        (xiang_zhou, "China Association for Science and Technology (CAST)", cast),
        (chuang_liu, "Chinese Association for Sciences and Technology", cast),
        (jieyao_wang, "China Association for Science and Technology", cast),
        (jing_ma, "China Association for Science and Technology", cast),
        (make_person("Rui ZHONG"), "Internet Society of China", isc),
    ]
    for position, (person, affiliation, organization) in enumerate(organizers, start=1):
        participate(
            created,
            person,
            Role.ORGANIZER,
            position,
            affiliation=affiliation,
            organization=organization,
        )
    speakers = [
        (chuang_liu, StakeholderGroup.CIVIL_SOCIETY, RegionalGroup.ASIA_PACIFIC),
        (make_person("Horst Kremers"), StakeholderGroup.TECHNICAL_COMMUNITY, RegionalGroup.WEOG),
        (
            make_person("Ricardo Israel Robles Pelayo"),
            StakeholderGroup.PRIVATE_SECTOR,
            RegionalGroup.GRULAC,
        ),
        (
            make_person("Gong Ke", "Prof. GONG Ke"),
            StakeholderGroup.INTERGOVERNMENTAL,
            RegionalGroup.INTERGOVERNMENTAL,
        ),
        (make_person("Daisy Selematsela"), StakeholderGroup.CIVIL_SOCIETY, RegionalGroup.AFRICAN),
    ]
    for position, (person, stakeholder_group, regional_group) in enumerate(speakers, start=6):
        participate(
            created,
            person,
            Role.SPEAKER,
            position,
            stakeholder_group=stakeholder_group,
            regional_group=regional_group,
        )
    for position, (person, role) in enumerate(
        [
            (jing_ma, Role.ONSITE_MODERATOR),
            (xiang_zhou, Role.ONLINE_MODERATOR),
            (jieyao_wang, Role.RAPPORTEUR),
        ],
        start=11,
    ):
        participate(
            created,
            person,
            role,
            position,
            stakeholder_group=StakeholderGroup.CIVIL_SOCIETY,
            regional_group=RegionalGroup.ASIA_PACIFIC,
        )
    participate(
        created,
        make_person("Tomoko Doko"),
        Role.PRESENTER,
        14,
        affiliation="president and CEO, Nature & Science Consulting Co. Ltd., Japan",
    )

    session = Session.objects.for_detail().get(pk=created.pk)

    assert (session.meeting.name, session.meeting.city) == ("IGF 2021", "Katowice")
    assert [(fact.field, fact.value, fact.source) for fact in session.curated_facts.all()] == [
        ("number", "125", WS_125_ADDRESS),
        ("title", "Big Data for Environmental Sustainability", WS_125_ADDRESS),
    ]
    assert list(session.meeting.curated_facts.values_list("field", "value", "source")) == [
        ("city", "Katowice", IGF_2021_ADDRESS)
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
        (14, "presenter", "Tomoko Doko", "Tomoko Doko"),
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
    ] == [("Tomoko Doko", "president and CEO, Nature & Science Consulting Co. Ltd., Japan")]
    assert list(cast.aliases.values_list("name", "key")) == [
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
    assert {
        person.name: list(person.aliases.values_list("key", flat=True))
        for person in Person.objects.filter(name__in=["Gong Ke", "Xiang Zhou", "Chuang Liu"])
    } == {
        "Chuang Liu": ["chuang liu", "chuang liu"],
        "Gong Ke": ["gong ke", "gong ke"],
        "Xiang Zhou": ["xiang zhou", "xiang zhou"],
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


SPEAKERS_003 = [
    # (name, role, affiliation, role text, remote, words per minute, words, seconds)
    (
        "Zhiqiang Lin",
        Role.MODERATOR,
        "From the Data and Technical Support Center of Cyberspace Administration of China",
        "Forum moderator/host",
        False,
        82,
        518,
        377,
    ),
    (
        "Jiang Bai",
        Role.SPEAKER,
        "Deputy Director General of Chinese Academy of Cyberspace Studies, representative of "
        "the forum organizers",
        "",
        False,
        97,
        547,
        338,
    ),
    (
        "Francis Gurry",
        Role.SPEAKER,
        "Vice Chair of the World Internet Conference, former Director-General of WIPO",
        "",
        False,
        142,
        844,
        355,
    ),
    (
        "Thomas Basikolo",
        Role.SPEAKER,
        "Program Coordinator of the ITU Telecom Communication Standardization Bureau, works in "
        "the AI for Good team",
        "",
        False,
        140,
        1370,
        586,
    ),
    (
        "Yuhong Huang",
        Role.SPEAKER,
        "General Manager of China Mobile Research Institute",
        "",
        False,
        87,
        844,
        577,
    ),
    (
        "Ke Gong",
        Role.SPEAKER,
        "Executive Director of Chinese Institute of New Generation Artificial Intelligence "
        "Development Strategy, former President of World Federal of Engineering Organization",
        "",
        False,
        117,
        458,
        233,
    ),
    (
        "Torbjorn Fredriksson",
        Role.SPEAKER,
        "Head of the Economical and Digital Economy branch at the UN Trade and Development",
        "",
        False,
        146,
        717,
        293,
    ),
    (
        "Wolfgang Kleinwaechter",
        Role.SPEAKER,
        "Professor Emeritus of University of Aarhus, Denmark",
        "",
        False,
        135,
        665,
        294,
    ),
    (
        "Luca Belli",
        Role.SPEAKER,
        "Director of the CyberBRICS Project at FGV Law School, Professor at FGV Law School "
        "where he directs the Center for Technology and Society",
        "participated via video",
        True,
        120,
        605,
        300,
    ),
]
OTHER_SPELLINGS_003 = {
    "Zhiqiang Lin": ["Lin Zhiqiang"],
    "Jiang Bai": ["Bai Jiang"],
    "Yuhong Huang": ["Huang Yuhong"],
    "Torbjorn Fredriksson": ["Torbjörn Fredriksson"],
}
GURRY_FIRST_CLAIM = (
    "Speed and complexity of technology are creating governance challenges, with traditional "
    "institutions struggling to keep pace with rapid innovation"
)
GURRY_THIRD_CLAIM = (
    "International cooperation crucial when governments avoid disadvantaging their own "
    "economic actors through regulation"
)
KLEINWAECHTER_SECOND_CLAIM = (
    "Preference for political frameworks like AI declarations over legally binding instruments "
    "at global level"
)
TRANSCRIPT_LABELS_003 = [
    "Zhiqiang Lin",
    "Jiang Bai",
    "Zhiqiang Lin",
    "Francis Gurry",
    "Zhiqiang Lin",
    "Thomas Basikolo",
    "Zhiqiang Lin",
    "Yuhong Huang",
    "Zhiqiang Lin",
    "Ke Gong",
    "Zhiqiang Lin",
    "Torbjorn Fredriksson",
    "Zhiqiang Lin",
    "Wolfgang Kleinwaechter",
    "Zhiqiang Lin",
    "Luca Belli",
    "Zhiqiang Lin",
]


@pytest.mark.django_db
def test_diploai_report_shape_reads_back():
    lines = nonempty_lines(read_document("wsis2025-digital-governance-diploai-report.txt"))
    summary = between(lines, "Summary", "Keypoints")[1:]
    discussion_points = [
        line.removeprefix("– ")
        for line in between(lines, "## Major Discussion Points:", "## Overall Purpose:")[1:]
    ]
    overall_purpose = after(lines, "Keypoints", "## Overall Purpose:")
    overall_tone = after(lines, "Keypoints", "## Overall Tone:")
    report = between(lines, "Full session report", "Session transcript")[1:]
    turns = [
        line.split(": ", 1)
        for line in takewhile(
            lambda line: ": " in line, lines[index_of(lines, "Session transcript") + 1 :]
        )
    ]
    key_takeaways = between(lines, "Key takeaways", "Resolutions and action items")[1:]
    action_items = between(lines, "Resolutions and action items", "Unresolved issues")[1:]
    unresolved_issues = between(lines, "Unresolved issues", "Suggested compromises")[1:]
    compromises = between(lines, "Suggested compromises", "Thought provoking comments")[1:]
    # Each comment is seven lines: text, "Speaker", who, "Reason", why, "Impact", effect.
    comment_lines = between(lines, "Thought provoking comments", "Overall assessment")[1:]
    comments = [
        (text, speaker, {"Reason": reason, "Impact": impact})
        for text, _, speaker, _, reason, _, impact in zip(*[iter(comment_lines)] * 7, strict=True)
    ]
    # Each question is five lines: text, "Speaker", who, "Explanation", why.
    question_lines = between(lines, "Follow-up questions", "Disclaimer:")[1:]
    questions = [
        (text, speaker, {"Explanation": explanation})
        for text, _, speaker, _, explanation in zip(*[iter(question_lines)] * 5, strict=True)
    ]
    disclaimer = lines[index_of(lines, "Disclaimer:")]

    meeting = Meeting.objects.create(
        slug="wsis-20-2025",
        name="WSIS+20 High-Level Event 2025",
        kind=Meeting.Kind.WSIS,
        year=2025,
        city="Geneva",
        country="Switzerland",
        venue="Palexpo",
        start_date=datetime.date(2025, 7, 7),
        end_date=datetime.date(2025, 7, 11),
    )
    created = Session.objects.create(
        meeting=meeting,
        session_type=Session.Type.OTHER,
        title="Strengthen Digital Governance and International Cooperation to Build an Inclusive "
        "Digital Future",
        slug="strengthen-digital-governance-and-international-cooperation-to-build-an-inclusive-"
        "digital-future",
        date=datetime.date(2025, 7, 11),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(9, 45),
        summary="\n\n".join(summary),
        overall_purpose=overall_purpose,
        overall_tone=overall_tone,
        report="\n\n".join(report),
        is_machine_generated=True,
        disclaimer=disclaimer,
        source_document=make_source_document(
            "wsis2025-digital-governance-diploai-report.txt",
            SourceDocument.Format.DIPLOAI_REPORT,
        ),
    )
    Organizer.objects.create(
        session=created,
        organization=make_organization("Chinese Academy of Cyberspace Studies"),
        role=Organizer.Role.HOST,
        position=1,
        published_name="Chinese Academy of Cyberspace Studies",
    )
    people = {}
    for position, (name, role, affiliation, role_text, remote, wpm, words, seconds) in enumerate(
        SPEAKERS_003, start=1
    ):
        people[name] = make_person(name, *OTHER_SPELLINGS_003.get(name, []))
        participate(
            created,
            people[name],
            role,
            position,
            affiliation=affiliation,
            role_text=role_text,
            is_remote=remote,
            words_per_minute=wpm,
            words=words,
            speech_seconds=seconds,
        )
    arguments = [
        # (position among the report's 26 arguments, speaker, claim, agreed, disagreed)
        (
            1,
            "Francis Gurry",
            GURRY_FIRST_CLAIM,
            ["Wolfgang Kleinwaechter", "Torbjorn Fredriksson"],
            [],
        ),
        (
            3,
            "Francis Gurry",
            GURRY_THIRD_CLAIM,
            [
                "Wolfgang Kleinwaechter",
                "Luca Belli",
                "Thomas Basikolo",
                "Jiang Bai",
                "Zhiqiang Lin",
            ],
            ["Wolfgang Kleinwaechter"],
        ),
        (5, "Wolfgang Kleinwaechter", KLEINWAECHTER_SECOND_CLAIM, [], ["Francis Gurry"]),
    ]
    for position, speaker, claim, agreed, disagreed in arguments:
        argument = Argument.objects.create(
            session=created,
            person=people[speaker],
            position=position,
            claim=claim,
            explanation=after(lines, claim, "Explanation"),
            evidence=after(lines, claim, "Evidence"),
            major_discussion_point=after(lines, claim, "Major discussion point"),
            topics=after(lines, claim, "Topics").split(" | "),
            agreed_on=after(lines, claim, "Agreed on") if agreed else "",
            disagreed_on=after(lines, claim, "Disagreed on") if disagreed else "",
        )
        argument.agreed_with.set([people[name] for name in agreed])
        argument.disagreed_with.set([people[name] for name in disagreed])
    add_takeaways(created, Kind.KEY_DISCUSSION_POINT, discussion_points)
    add_takeaways(created, Kind.KEY_TAKEAWAY, key_takeaways)
    add_takeaways(created, Kind.ACTION_ITEM, action_items)
    add_takeaways(created, Kind.UNRESOLVED_ISSUE, unresolved_issues)
    add_takeaways(created, Kind.SUGGESTED_COMPROMISE, compromises)
    for kind, items in [
        (Kind.THOUGHT_PROVOKING_COMMENT, comments),
        (Kind.FOLLOW_UP_QUESTION, questions),
    ]:
        for position, (text, speaker, details) in enumerate(items, start=1):
            Takeaway.objects.create(
                session=created,
                kind=kind,
                position=position,
                text=text,
                speaker=speaker,
                details=details,
            )
    for position, (label, text) in enumerate(turns, start=1):
        TranscriptTurn.objects.create(
            session=created,
            position=position,
            speaker_label=label,
            person=people[label],
            text=text,
        )

    session = Session.objects.for_detail().get(pk=created.pk)

    assert (session.meeting.name, session.meeting.kind) == ("WSIS+20 High-Level Event 2025", "wsis")
    assert session.title == (
        "Strengthen Digital Governance and International Cooperation to Build an Inclusive "
        "Digital Future"
    )
    assert (session.date, session.start_time, session.end_time, session.time_zone) == (
        datetime.date(2025, 7, 11),
        datetime.time(9, 0),
        datetime.time(9, 45),
        "",
    )
    assert session.is_machine_generated is True
    assert session.disclaimer == disclaimer
    assert session.disclaimer.startswith("Disclaimer: This is not an official session record.")
    assert session.summary.split("\n\n") == summary
    assert len(summary) == 3
    assert session.overall_purpose == overall_purpose
    assert session.overall_purpose.startswith("The discussion aimed to strengthen global digital")
    assert session.overall_tone == overall_tone
    assert session.overall_tone.startswith("The discussion maintained a consistently collaborative")
    assert session.report.split("\n\n") == report
    assert [paragraph for paragraph in report if paragraph.startswith("#")][:2] == [
        "# WSIS Plus 20 Forum: Strengthening Digital Governance and International Cooperation "
        "for an Inclusive Digital Future",
        "## Executive Summary",
    ]
    assert [(o.role, o.published_name, o.organization.name) for o in session.organizers.all()] == [
        ("host", "Chinese Academy of Cyberspace Studies", "Chinese Academy of Cyberspace Studies")
    ]
    assert [
        (
            p.published_name,
            p.role,
            p.affiliation,
            p.role_text,
            p.is_remote,
            p.words_per_minute,
            p.words,
            p.speech_seconds,
        )
        for p in session.participations.all()
    ] == SPEAKERS_003
    assert {
        person.name: sorted({alias.key for alias in person.aliases.all()})
        for person in Person.objects.filter(name__in=OTHER_SPELLINGS_003)
    } == {
        "Jiang Bai": ["bai jiang"],
        "Torbjorn Fredriksson": ["fredriksson torbjorn"],
        "Yuhong Huang": ["huang yuhong"],
        "Zhiqiang Lin": ["lin zhiqiang"],
    }
    assert [
        (
            a.position,
            a.person.name,
            a.claim,
            [p.name for p in a.agreed_with.all()],
            [p.name for p in a.disagreed_with.all()],
        )
        for a in session.arguments.all()
    ] == [
        # Agreed/disagreed people come back in name order, not the report's order.
        (
            1,
            "Francis Gurry",
            GURRY_FIRST_CLAIM,
            ["Torbjorn Fredriksson", "Wolfgang Kleinwaechter"],
            [],
        ),
        (
            3,
            "Francis Gurry",
            GURRY_THIRD_CLAIM,
            [
                "Jiang Bai",
                "Luca Belli",
                "Thomas Basikolo",
                "Wolfgang Kleinwaechter",
                "Zhiqiang Lin",
            ],
            ["Wolfgang Kleinwaechter"],
        ),
        (5, "Wolfgang Kleinwaechter", KLEINWAECHTER_SECOND_CLAIM, [], ["Francis Gurry"]),
    ]
    first = session.arguments.all()[0]
    assert first.evidence == (
        "Netflix took 3.5 years to reach 1 million users in 1999, Facebook took 13 months in 2004, "
        "and ChatGPT took only 3 days in 2022. Complex technologies include AI, quantum "
        "computing, 5G, 6G, nanotechnology, and bioengineering."
    )
    assert first.explanation.startswith("Gurry argues that the accelerating pace")
    assert first.major_discussion_point == "Digital Governance Challenges and Frameworks"
    assert first.topics == ["Legal and regulatory", "Infrastructure", "Development"]
    assert first.agreed_on == (
        "Speed and complexity of technological change create significant governance challenges"
    )
    assert [(a.agreed_on, a.disagreed_on) for a in session.arguments.all()][1:] == [
        (
            "International cooperation is essential for effective digital governance",
            "Approach to AI regulation – legally binding vs political frameworks",
        ),
        ("", "Approach to AI regulation – legally binding vs political frameworks"),
    ]
    assert takeaway_counts(session) == {
        "action_item": 6,
        "follow_up_question": 10,
        "key_discussion_point": 5,
        "key_takeaway": 7,
        "suggested_compromise": 6,
        "thought_provoking_comment": 5,
        "unresolved_issue": 7,
    }
    takeaways = session.takeaways.all()
    assert texts_of(takeaways, Kind.KEY_DISCUSSION_POINT) == discussion_points
    assert discussion_points[0].startswith("**Speed and Complexity Challenges in Digital")
    assert texts_of(takeaways, Kind.KEY_TAKEAWAY) == key_takeaways
    assert texts_of(takeaways, Kind.ACTION_ITEM) == action_items
    assert texts_of(takeaways, Kind.UNRESOLVED_ISSUE) == unresolved_issues
    assert texts_of(takeaways, Kind.SUGGESTED_COMPROMISE) == compromises
    assert [
        (t.text, t.speaker, t.details)
        for t in takeaways
        if t.kind == Kind.THOUGHT_PROVOKING_COMMENT
    ] == comments
    assert [speaker for _, speaker, _ in comments] == [
        "Francis Gurry",
        "Torbjörn Fredriksson",
        "Torbjörn Fredriksson",
        "Wolfgang Kleinwaechter",
        "Yuhong Huang",
    ]
    assert [
        (t.text, t.speaker, t.details) for t in takeaways if t.kind == Kind.FOLLOW_UP_QUESTION
    ] == questions
    assert questions[-1][:2] == (
        "How can we better integrate AI capabilities with traditional vertical industries?",
        "Yuhong Huang",
    )
    assert [
        (t.position, t.speaker_label, t.person.name, t.organization)
        for t in session.transcript_turns.all()
    ] == [
        (position, label, label, None)
        for position, label in enumerate(TRANSCRIPT_LABELS_003, start=1)
    ]
    assert [t.text for t in session.transcript_turns.all()] == [text for _, text in turns]
    assert session.transcript_turns.all()[0].text.startswith("Okay, it’s time.")


@pytest.mark.django_db
def test_press_conference_shape_reads_back():
    text = read_document("scio2022-cyberspace-white-paper-press-conference.txt")
    lines = nonempty_lines(text)
    question = between(lines, "Tianmu News:", "Cao Shumin:")[1:]
    handover = between(lines, "Cao Shumin:", "Wang Song:")[1:]
    answer = between(lines, "Wang Song:", "<")[1:]

    meeting = Meeting.objects.create(
        slug="scio-2022-cyberspace-white-paper",
        name="SCIO press conference on the white paper on cyberspace",
        kind=Meeting.Kind.PRESS,
        year=2022,
        city="Beijing",
        country="China",
    )
    created = Session.objects.create(
        meeting=meeting,
        session_type=Session.Type.PRESS_CONFERENCE,
        title="SCIO press conference on white paper 'Jointly Build a Community with a Shared "
        "Future in Cyberspace'",
        slug="scio-press-conference-on-white-paper-jointly-build-a-community-with-a-shared-"
        "future-in-cyberspace",
        source_document=make_source_document(
            "scio2022-cyberspace-white-paper-press-conference.txt",
            SourceDocument.Format.PRESS_TRANSCRIPT,
        ),
    )
    tianmu_news = make_organization("Tianmu News", is_media_outlet=True)
    cao_shumin = make_person("Cao Shumin")
    wang_song = make_person("Wang Song")
    participate(created, cao_shumin, Role.HOST, 1)
    participate(created, wang_song, Role.SPEAKER, 2)
    for position, (label, person, organization, paragraphs) in enumerate(
        [
            ("Tianmu News", None, tianmu_news, question),
            ("Cao Shumin", cao_shumin, None, handover),
            ("Wang Song", wang_song, None, answer),
        ],
        start=1,
    ):
        TranscriptTurn.objects.create(
            session=created,
            position=position,
            speaker_label=label,
            person=person,
            organization=organization,
            text="\n\n".join(paragraphs),
        )

    session = Session.objects.for_detail().get(pk=created.pk)

    assert (session.meeting.kind, session.get_session_type_display()) == (
        "press",
        "Press conference",
    )
    assert session.title == (
        "SCIO press conference on white paper 'Jointly Build a Community with a Shared Future "
        "in Cyberspace'"
    )
    assert session.label == ""
    document = session.source_document
    assert (document.file_name, document.format, document.imported_at) == (
        "scio2022-cyberspace-white-paper-press-conference.txt",
        "press_transcript",
        IMPORTED_AT,
    )
    assert document.text == text
    assert document.sha256 == "9cd6e53ac4c3a533b657ed5968f68b2776b83adc422e2a63a85799c2ef4bc243"
    assert document.sha256 == hashlib.sha256(document.text.encode()).hexdigest()
    assert [
        (
            t.position,
            t.speaker_label,
            t.person and t.person.name,
            t.organization and (t.organization.name, t.organization.is_media_outlet),
        )
        for t in session.transcript_turns.all()
    ] == [
        (1, "Tianmu News", None, ("Tianmu News", True)),
        (2, "Cao Shumin", "Cao Shumin", None),
        (3, "Wang Song", "Wang Song", None),
    ]
    assert [t.text.split("\n\n") for t in session.transcript_turns.all()] == [
        question,
        handover,
        answer,
    ]
    assert handover == ["Thank you for your question. Mr. Wang Song will answer it."]
    assert len(answer) == 5
    assert answer[-1].endswith("bilateral and multilateral cooperation mechanisms. Thank you.")
    assert participation_rows(session) == [
        (1, "host", "Cao Shumin", "Cao Shumin"),
        (2, "speaker", "Wang Song", "Wang Song"),
    ]


@pytest.mark.django_db
def test_participation_unique_role_refuses_the_same_person_role_twice():
    session = Session.objects.create(
        meeting=Meeting.objects.create(slug="m", name="M", kind=Meeting.Kind.IGF, year=2023),
        session_type=Session.Type.WORKSHOP,
        number=377,
        title="T",
        slug="t",
    )
    li_zhang = make_person("Li ZHANG")
    participate(session, li_zhang, Role.ORGANIZER, 1)
    participate(session, li_zhang, Role.ONLINE_MODERATOR, 2)

    with pytest.raises(IntegrityError), transaction.atomic():
        participate(session, li_zhang, Role.ORGANIZER, 3)

    assert list(Participation.objects.filter(session=session).values_list("role", flat=True)) == [
        "organizer",
        "online_moderator",
    ]


@pytest.mark.django_db
def test_session_unique_number_refuses_a_second_number_in_meeting_and_type():
    meeting = Meeting.objects.create(slug="igf-2024", name="IGF 2024", kind="igf", year=2024)
    Session.objects.create(
        meeting=meeting, session_type=Session.Type.OPEN_FORUM, number=9, title="A", slug="a"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            meeting=meeting, session_type=Session.Type.OPEN_FORUM, number=9, title="B", slug="b"
        )

    # The same number is free in another type of the same meeting.
    Session.objects.create(
        meeting=meeting, session_type=Session.Type.WORKSHOP, number=9, title="C", slug="c"
    )
    assert list(Session.objects.order_by("slug").values_list("slug", flat=True)) == ["a", "c"]


@pytest.mark.django_db
def test_session_unique_number_allows_many_sessions_without_number():
    meeting = Meeting.objects.create(slug="scio-2022", name="SCIO", kind="press", year=2022)
    for slug in ("first", "second"):
        Session.objects.create(
            meeting=meeting,
            session_type=Session.Type.PRESS_CONFERENCE,
            number=None,
            title=slug,
            slug=slug,
        )

    assert list(Session.objects.order_by("slug").values_list("slug", "number")) == [
        ("first", None),
        ("second", None),
    ]


@pytest.mark.django_db
def test_session_unique_slug_refuses_a_slug_twice_in_one_meeting():
    igf_2023 = Meeting.objects.create(slug="igf-2023", name="IGF 2023", kind="igf", year=2023)
    igf_2024 = Meeting.objects.create(slug="igf-2024", name="IGF 2024", kind="igf", year=2024)
    Session.objects.create(
        meeting=igf_2023, session_type=Session.Type.WORKSHOP, number=1, title="A", slug="same"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            meeting=igf_2023, session_type=Session.Type.WORKSHOP, number=2, title="B", slug="same"
        )

    Session.objects.create(
        meeting=igf_2024, session_type=Session.Type.WORKSHOP, number=1, title="A", slug="same"
    )
    assert list(Session.objects.order_by("meeting__year").values_list("meeting__slug", "slug")) == [
        ("igf-2023", "same"),
        ("igf-2024", "same"),
    ]


@pytest.mark.django_db
def test_curated_fact_one_record_refuses_a_fact_about_nothing():
    with pytest.raises(IntegrityError), transaction.atomic():
        CuratedFact.objects.create(field="title", value="T", source="https://example.org/")

    assert CuratedFact.objects.count() == 0

"""The five bundled documents, imported into a fresh archive, hold the facts ARCHIVE.md lists."""

import datetime
from collections import Counter

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.documents import DocumentRefused, import_file
from sessions.models import CuratedFact, Meeting, Participation, Session, SourceDocument
from speakers.models import DuplicateSuggestion, Organization, Person
from tests.sessions.importers.real_pages import REAL_DOCUMENTS

pytestmark = pytest.mark.django_db

CURATED_2021_SOURCE = "https://www.intgovforum.org/en/content/igf-2021-ws-125-big-data-for-environmental-sustainability"


def session(meeting, slug):
    return Session.objects.for_detail().get(meeting__slug=meeting, slug=slug)


def people(session, role):
    return [p.published_name for p in session.participations.all() if p.role == role]


def takeaways(session, kind):
    return [t.text for t in session.takeaways.order_by("position") if t.kind == kind]


def ends(text):
    """Long texts are compared by their first and last 40 characters and their length."""
    return text[:40], text[-40:], len(text)


def person_named(alias):
    return Person.objects.get(aliases__name=alias)


def test_import_outcomes_name_format_and_session(imported):
    summary = {
        name: (outcome.format, outcome.session.meeting.slug, outcome.session.slug, outcome.created)
        for name, outcome in imported.items()
    }
    assert summary == {
        "igf2021-ws-125-workshop-page.txt": ("igf_workshop_page", "igf-2021", "workshop-125", True),
        "igf2023-ws-377-workshop-page.txt": ("igf_workshop_page", "igf-2023", "workshop-377", True),
        "igf2024-open-forum-9-session-page.txt": (
            "igf_page_2024",
            "igf-2024",
            "open-forum-9",
            True,
        ),
        "scio2022-cyberspace-white-paper-press-conference.txt": (
            "press_transcript",
            "scio-press-conference-2022-11-15",
            "scio-press-conference-on-white-paper-jointly-build-a-community-with-a-shared-future-in-cyberspace",
            True,
        ),
        "wsis2025-digital-governance-diploai-report.txt": (
            "diploai_report",
            "wsis-2025",
            "strengthen-digital-governance-and-international-cooperation-to-build-an-inclusive-digital-future",
            True,
        ),
    }


def test_source_documents_kept_verbatim_with_sha256(imported):
    for name, outcome in imported.items():
        document = SourceDocument.objects.get(file_name=name)
        assert document.text == outcome.path.read_text(encoding="utf-8")
        assert outcome.session.source_document_id == document.pk
    assert SourceDocument.objects.count() == 5


def test_igf2024_open_forum_facts(imported):
    s = session("igf-2024", "open-forum-9")
    assert (s.meeting.name, s.session_type, s.number, s.label) == (
        "IGF 2024",
        "open_forum",
        9,
        "Open Forum #9",
    )
    assert s.title == "Digital Technology Empowers Green and Low-carbon Development"
    assert (s.format, s.duration_minutes, s.date) == ("Roundtable", 60, datetime.date(2024, 12, 19))
    assert ends(s.format_description) == (
        "1. Complexity and Depth of Topics: The t",
        " of areas for international cooperation.",
        1031,
    )
    assert ends(s.description) == (
        "In recent years,\xa0 confronted with the du",
        "g green economic and social development.",
        2363,
    )
    assert ends(s.online_participation) == (
        "1. To facilitate interaction between ons",
        " will lead to a successful hybrid event.",
        2490,
    )
    assert [(o.published_name, o.role) for o in s.organizers.all()] == [
        ("Cyberspace Administration of China", "organizer"),
        ("Bureau of Information Technology Development, CAC", "organizer"),
    ]
    speakers = [(p.published_name, p.is_tbd) for p in s.participations.all() if p.role == "speaker"]
    assert speakers == [
        ("LONG Kai", False),
        ("PENG Gang", False),
        ("GONG Ke", True),
        ("Torbjorn Fredriksson", False),
        ("SU Jun", False),
        ("Kevin C. Desouza", False),
        ("Eduardo Araral", False),
        ("ZHOU Chaonan", False),
        ("XUE Lan", True),
        ("DU Guimei", False),
    ]
    affiliations = {p.published_name: p.affiliation for p in s.participations.all()}
    assert affiliations["LONG Kai"] == (
        "Deputy Director, Cyber Information Development Bureau, Cyberspace Administration of China"
    )
    assert affiliations["ZHOU Chaonan"] == "Range IDC"
    assert affiliations["DU Guimei"] == ""
    assert people(s, "onsite_moderator") == ["Li Xiaoli"]
    assert people(s, "online_moderator") == ["Lu Changbin"]
    assert people(s, "rapporteur") == ["Xu Jin"]
    assert [g.number for g in s.sdg_goals.all()] == [7]
    assert [t.code for t in s.sdg_targets.all()] == ["7.a"]
    assert ends(s.sdg_rationale) == (
        "Targets: Promotion of Sustainable Energy",
        "essible and beneficial to all countries.",
        1070,
    )
    assert len(s.sdg_rationale) == 1070
    assert takeaways(s, "key_takeaway") == [
        "Digital technology is both a driver and enabler of sustainable, low-carbon development, "
        "but coordinated capacity building is essential for synergy.",
        "Collaborative research and industry partnerships are critical for developing "
        "sustainable digital infrastructure.",
        "Education plays a vital role in nurturing digital literacy and environmental "
        "consciousness among future generations.",
    ]
    assert takeaways(s, "call_to_action") == [
        "We called for a stronger focus on coherent domestic policies and international "
        "cooperation, while also recognizing the pivotal role of developing countries.",
        "We hope strengthened collaboration across sectors to harness digital technologies "
        "responsibly, ensuring a sustainable, human-centered future.",
    ]
    paragraphs = s.report.split("\n\n")
    assert len(paragraphs) == 12
    assert ends(paragraphs[0]) == (
        "On December 19, the Open Forum on\xa0Digita",
        "Range Institute for Intelligent Society.",
        412,
    )
    assert paragraphs[-1].endswith("to collectively advance this vital endeavor.")
    assert s.unplaced_text == ""


def test_igf2023_workshop_facts(imported):
    s = session("igf-2023", "workshop-377")
    assert s.title == "Enhance Digital Governance for Less CO2 future: AP' Practice"
    assert (s.meeting.name, s.label, s.format, s.duration_minutes, s.date) == (
        "IGF 2023",
        "Workshop #377",
        "Panel",
        90,
        None,
    )
    assert s.theme == "Sustainability & Environment"
    assert s.sub_themes == [
        "Digital Technologies to Achieve Sustainable Development Goals",
        "Existing and New Technologies as Climate Solutions",
    ]
    organizers = [
        (p.published_name, p.organization.name)
        for p in s.participations.all()
        if p.role == "organizer"
    ]
    assert organizers == [
        ("XIAO YANG", "China Internet Development Foundation"),
        ("Xiaobo YANG", "Fuxi Institution"),
        ("Jingzhe REN", "All-China Environment Federation"),
        ("Li ZHANG", "All-China Environment Federation"),
    ]
    assert [o.published_name for o in s.organizers.all()] == [
        "China Internet Development Foundation",
        "Fuxi Institution",
        "All-China Environment Federation",
    ]
    speakers = [
        (p.published_name, p.get_stakeholder_group_display(), p.get_regional_group_display())
        for p in s.participations.all()
        if p.role == "speaker"
    ]
    assert speakers == [
        ("XIAODONG LI", "Civil Society", "Asia-Pacific Group"),
        ("Shaozhong DU", "Civil Society", "Asia-Pacific Group"),
        ("Yijie Peng", "Private Sector", "Asia-Pacific Group"),
    ]
    assert people(s, "onsite_moderator") == ["XIAODONG LI"]
    assert people(s, "online_moderator") == ["Li ZHANG"]
    assert people(s, "rapporteur") == ["Xiaobo YANG"]
    assert [q.text[:40] for q in s.policy_questions.all()] == [
        "What aspects should be focused on for th",
        "How to scientifically evaluate the impac",
        "What roles should multi-stakeholders suc",
    ]
    assert ends(s.participant_gains) == (
        "What will participants gain from attendi",
        "duction as a guiding principle for SDGs.",
        1074,
    )
    assert (
        s.expected_outcomes.split("\n\n")[0] == "The outcomes and outputs of this workshop include:"
    )
    assert len(s.expected_outcomes.split("\n\n")) == 4
    assert ends(s.description) == (
        "Global climate change and carbon dioxide",
        "an multi-stakeholders make a difference.",
        2041,
    )
    assert ends(s.agenda) == (
        "Hybrid Format: Some organizers and speak",
        "to feedback and questions from audience.",
        1002,
    )
    assert list(s.sdg_goals.all()) == []
    assert list(s.takeaways.all()) == []


def test_igf2023_person_with_two_roles_is_one_person_with_two_participations(imported):
    li_zhang = person_named("Li ZHANG")
    roles = list(
        li_zhang.participations.filter(session__slug="workshop-377").values_list("role", flat=True)
    )
    assert sorted(roles) == ["online_moderator", "organizer"]


def test_igf2021_workshop_facts(imported):
    s = session("igf-2021", "workshop-125")
    assert (s.title, s.label) == ("Big Data for Environmental Sustainability", "Workshop #125")
    assert (s.date, s.start_time, s.end_time, s.time_zone, s.room) == (
        datetime.date(2021, 12, 10),
        datetime.time(10, 15),
        datetime.time(11, 45),
        "UTC",
        "Conference Room 3",
    )
    assert (s.format, s.duration_minutes) == ("Round Table - Circle", 90)
    organizers = [
        (p.published_name, p.affiliation) for p in s.participations.all() if p.role == "organizer"
    ]
    assert organizers == [
        ("Xiang Zhou", "China Association for Science and Technology (CAST)"),
        ("Chuang Liu", "Chinese Association for Sciences and Technology"),
        ("Jieyao Wang", "China Association for Science and Technology"),
        ("Jing MA", "China Association for Science and Technology"),
        ("Rui ZHONG", "Internet Society of China"),
    ]
    # Three spellings of one organization: one record (named without its acronym, which is a
    # spelling of it), one organizer row.
    assert [o.organization.name for o in s.organizers.all()] == [
        "China Association for Science and Technology",
        "Internet Society of China",
    ]
    speakers = [
        (p.published_name, p.stakeholder_group, p.regional_group)
        for p in s.participations.all()
        if p.role == "speaker"
    ]
    assert speakers == [
        ("Chuang Liu", "civil_society", "asia_pacific"),
        ("Horst Kremers", "technical_community", "weog"),
        ("Ricardo Israel Robles Pelayo", "private_sector", "grulac"),
        ("Gong Ke", "intergovernmental", "intergovernmental"),
        ("Daisy Selematsela", "civil_society", "african"),
    ]
    assert people(s, "onsite_moderator") == ["Jing MA"]
    assert people(s, "online_moderator") == ["Xiang Zhou"]
    assert people(s, "rapporteur") == ["Jieyao Wang"]
    # Tomoko Doko presented (the report) but is not a listed speaker.
    assert people(s, "presenter") == ["Dr. Tomoko Doko"]
    questions = [q.text for q in s.policy_questions.all()]
    assert len(questions) == 5
    assert ends(questions[0]) == (
        "Measuring impact: How can we improve the",
        "pact of digitalisation and the Internet?",
        143,
    )
    assert ends(questions[1]) == (
        "Reducing impact: How can we achieve a ne",
        "nd manage the impacts of climate change?",
        548,
    )
    assert [g.number for g in s.sdg_goals.all()] == [6, 7, 11, 13, 14, 15, 17]
    assert ends(s.sdg_rationale) == (
        "Targets: The main objective of this work",
        "related to the SDG Targets listed above.",
        591,
    )
    assert ends(s.background) == (
        "Human social and economic activities hav",
        "ly advance environmental sustainability.",
        1453,
    )
    assert ends(s.expected_outcomes) == (
        "1. Present good application cases of Big",
        "Policy framework for Environmental Data.",
        525,
    )
    assert ends(s.online_participation) == (
        "All experts and audience will make comme",
        "hose native language may not be English.",
        1018,
    )
    key_takeaways = takeaways(s, "key_takeaway")
    assert len(key_takeaways) == 2
    # Cut off mid-word in the source, and kept so.
    assert key_takeaways[1].endswith("the great potential of big data in promoting enviro")
    assert [t[:8] for t in takeaways(s, "call_to_action")] == ["We need ", "We need "]
    bullets = s.report.split("\n\n")
    assert len(bullets) == 7
    assert ends(bullets[-1]) == (
        "Dr. Tomoko Doko, president and CEO, Natu",
        "especially environmental sustainability.",
        410,
    )


def test_igf2021_title_and_number_are_curated_with_their_source(imported):
    s = session("igf-2021", "workshop-125")
    assert sorted(s.curated_facts.values_list("field", "value", "source")) == [
        ("number", "125", CURATED_2021_SOURCE),
        ("session_type", "workshop", CURATED_2021_SOURCE),
        ("title", "Big Data for Environmental Sustainability", CURATED_2021_SOURCE),
    ]


def test_meeting_places_and_dates_are_curated(imported):
    meetings = Meeting.objects.order_by("slug").values_list(
        "slug", "name", "city", "country", "start_date", "end_date"
    )
    assert list(meetings) == [
        (
            "igf-2021",
            "IGF 2021",
            "Katowice",
            "Poland",
            datetime.date(2021, 12, 6),
            datetime.date(2021, 12, 10),
        ),
        (
            "igf-2023",
            "IGF 2023",
            "Kyoto",
            "Japan",
            datetime.date(2023, 10, 8),
            datetime.date(2023, 10, 12),
        ),
        (
            "igf-2024",
            "IGF 2024",
            "Riyadh",
            "Saudi Arabia",
            datetime.date(2024, 12, 15),
            datetime.date(2024, 12, 19),
        ),
        (
            "scio-press-conference-2022-11-15",
            "SCIO press conference, November 2022",
            "",
            "",
            None,
            None,
        ),
        (
            "wsis-2025",
            "WSIS+20 High-Level Event 2025",
            "Geneva",
            "Switzerland",
            datetime.date(2025, 7, 7),
            datetime.date(2025, 7, 11),
        ),
    ]
    sources = set(
        CuratedFact.objects.filter(meeting__slug="igf-2024").values_list("source", flat=True)
    )
    assert sources == {"https://intgovforum.org/en/node?page=7"}


def test_diploai_report_facts(imported):
    s = Session.objects.for_detail().get(meeting__slug="wsis-2025")
    assert s.title == (
        "Strengthen Digital Governance and International Cooperation to Build an Inclusive "
        "Digital Future"
    )
    assert (s.date, s.start_time, s.end_time, s.time_zone) == (
        datetime.date(2025, 7, 11),
        datetime.time(9, 0),
        datetime.time(9, 45),
        "",
    )
    assert s.meeting.name == "WSIS+20 High-Level Event 2025"
    assert [(o.published_name, o.role) for o in s.organizers.all()] == [
        ("Chinese Academy of Cyberspace Studies", "host")
    ]
    assert s.is_machine_generated is True
    assert ends(s.disclaimer) == (
        "Disclaimer: This is not an official sess",
        "for accuracy to the best of our ability.",
        331,
    )
    assert ends(s.summary) == (
        "The WSIS Plus 20 Forum focused on streng",
        "ft behind in the digital transformation.",
        2065,
    )
    assert ends(s.overall_purpose) == (
        "The discussion aimed to strengthen globa",
        "cess across all nations and communities.",
        345,
    )
    assert ends(s.overall_tone) == (
        "The discussion maintained a consistently",
        "to working together toward common goals.",
        479,
    )
    assert ends(s.report) == (
        "# WSIS Plus 20 Forum: Strengthening Digi",
        "ansformation in an interconnected world.",
        14918,
    )
    statistics = {
        p.published_name: (p.role, p.words_per_minute, p.words, p.speech_seconds)
        for p in s.participations.all()
    }
    assert statistics == {
        "Zhiqiang Lin": ("moderator", 82, 518, 377),
        "Jiang Bai": ("speaker", 97, 547, 338),
        "Francis Gurry": ("speaker", 142, 844, 355),
        "Thomas Basikolo": ("speaker", 140, 1370, 586),
        "Yuhong Huang": ("speaker", 87, 844, 577),
        "Ke Gong": ("speaker", 117, 458, 233),
        "Torbjorn Fredriksson": ("speaker", 146, 717, 293),
        "Wolfgang Kleinwaechter": ("speaker", 135, 665, 294),
        "Luca Belli": ("speaker", 120, 605, 300),
    }
    belli = s.participations.get(published_name="Luca Belli")
    assert (belli.is_remote, belli.role_text) == (True, "participated via video")
    kinds = Counter(t.kind for t in s.takeaways.all())
    assert {kind: kinds[kind] for kind in kinds if kind not in {"agreement", "disagreement"}} == {
        "key_discussion_point": 5,
        "key_takeaway": 7,
        "action_item": 6,
        "unresolved_issue": 7,
        "suggested_compromise": 6,
        "thought_provoking_comment": 5,
        "follow_up_question": 10,
    }
    comment = s.takeaways.filter(kind="thought_provoking_comment").order_by("position").first()
    assert comment.speaker == "Francis Gurry"
    assert sorted(comment.details) == ["Impact", "Reason"]
    arguments = list(s.arguments.order_by("position"))
    assert len(arguments) == 26
    assert sum(1 for a in arguments if a.evidence) == 25
    third = arguments[2]
    assert third.person.name == "Francis Gurry"
    assert third.claim == (
        "International cooperation crucial when governments avoid disadvantaging their own "
        "economic actors through regulation"
    )
    assert sorted(p.name for p in third.agreed_with.all()) == [
        "Jiang Bai",
        "Luca Belli",
        "Thomas Basikolo",
        "Wolfgang Kleinwaechter",
        "Zhiqiang Lin",
    ]
    assert [p.name for p in third.disagreed_with.all()] == ["Wolfgang Kleinwaechter"]
    turns = [(t.speaker_label, t.person.name) for t in s.transcript_turns.all()]
    assert len(turns) == 17
    assert turns[:4] == [
        ("Zhiqiang Lin", "Zhiqiang Lin"),
        ("Jiang Bai", "Jiang Bai"),
        ("Zhiqiang Lin", "Zhiqiang Lin"),
        ("Francis Gurry", "Francis Gurry"),
    ]


def test_press_conference_facts(imported):
    s = Session.objects.for_detail().get(meeting__kind="press")
    assert s.title == (
        "SCIO press conference on white paper 'Jointly Build a Community with a Shared Future "
        "in Cyberspace'"
    )
    assert (s.session_type, s.date, s.publisher, s.published_on) == (
        "press_conference",
        None,
        "China.org.cn",
        datetime.date(2022, 11, 15),
    )
    turns = [
        (
            t.speaker_label,
            t.person.name if t.person else None,
            t.organization.name if t.organization else None,
            len(t.text.split("\n\n")),
        )
        for t in s.transcript_turns.all()
    ]
    assert turns == [
        ("Tianmu News", None, "Tianmu News", 1),
        ("Cao Shumin", "Cao Shumin", None, 1),
        ("Wang Song", "Wang Song", None, 5),
    ]
    assert Organization.objects.get(name="Tianmu News").is_media_outlet is True
    assert [(p.published_name, p.role) for p in s.participations.all()] == [
        ("Cao Shumin", "host"),
        ("Wang Song", "speaker"),
    ]
    furniture = ["Comment(s)", "Adjust font size", "Follow China.org.cn", "User Name Required"]
    text = " ".join([s.title, s.unplaced_text] + [t.text for t in s.transcript_turns.all()])
    assert [word for word in furniture if word in text] == []


def test_one_person_many_spellings(imported):
    gong = person_named("Ke Gong")
    assert sorted(a.name for a in gong.aliases.all()) == [
        "GONG Ke",
        "Gong Ke",
        "Ke Gong",
        "Prof. GONG Ke",
    ]
    years = sorted(gong.participations.values_list("session__meeting__year", flat=True))
    assert years == [2021, 2024, 2025]
    expected_aliases = {
        "Torbjorn Fredriksson": ["Torbjorn Fredriksson", "Torbjörn Fredriksson"],
        "Jiang Bai": ["Bai Jiang", "Jiang Bai"],
        "Zhiqiang Lin": ["Lin Zhiqiang", "Zhiqiang Lin"],
        "Yuhong Huang": ["Huang Yuhong", "Yuhong Huang"],
        "Chuang Liu": ["Chuang Liu", "LIU Chuang", "Prof. LIU Chuang"],
        "Xiang Zhou": ["Prof. ZHOU Xiang", "Xiang Zhou", "ZHOU Xiang"],
        "PENG Gang": ["PENG Gang", "Peng Gang"],
    }
    for alias, spellings in expected_aliases.items():
        assert sorted(a.name for a in person_named(alias).aliases.all()) == spellings


@pytest.mark.parametrize(
    "first, second",
    [
        ("XIAO YANG", "Xiaobo YANG"),
        ("Yijie Peng", "PENG Gang"),
        ("Shaozhong DU", "DU Guimei"),
        ("Li ZHANG", "Zhang Fang"),
    ],
)
def test_different_people_stay_apart(imported, first, second):
    assert person_named(first).pk != person_named(second).pk


def test_unsure_pair_is_suggested_not_merged(imported):
    du, dou = person_named("DU Guimei"), person_named("Dou Guimei")
    assert du.pk != dou.pk
    suggestions = list(
        DuplicateSuggestion.objects.values_list("person__name", "other__name", "status")
    )
    assert suggestions == [("DU Guimei", "Dou Guimei", "open")]


def test_report_named_people_recorded_in_their_role(imported):
    s = session("igf-2024", "open-forum-9")
    assert people(s, "moderator") == ["Zhang Fang"]
    assert people(s, "presenter") == ["Dou Guimei"]


def test_each_person_has_one_record(imported):
    assert Person.objects.count() == 40
    # 000: 10 speakers, 3 moderators/rapporteur, the report's moderator and 1 new presenter;
    # 001: 4 organizers, 3 speakers, 3; 002: 5, 5, 3 and 1 presenter; 003: 9; 004: 2.
    assert Participation.objects.count() == 15 + 10 + 14 + 9 + 2


REAL = REAL_DOCUMENTS


@pytest.mark.parametrize(
    ("file_name", "family"),
    [
        ("digwatch_igf2019_childrens-privacy-event-report.txt", "diploai_report"),
        ("digwatch_igf2023_of23_bottom-up-approach.txt", "diploai_report"),
        ("digwatch_igf2023_open-mic-taking-stock.txt", "diploai_report"),
        # Its "Speakers" list made it an IGF session page.
        ("digwatch_igf2023_parliamentarians-trusted-internet.txt", "diploai_report"),
        # No date line and no disclaimer at the top: its headings tell it.
        ("digwatch_igf2024_of33_wsis-forum-2025-consultation.txt", "diploai_report"),
        ("digwatch_igf2025_of20_wsis20-ocp-briefing.txt", "diploai_report"),
        ("digwatch_wsis2024_moon-shot.txt", "diploai_report"),
        ("scio2019_6th-world-internet-conference.txt", "press_transcript"),
        ("scio2020_3rd-digital-china-summit.txt", "press_transcript"),
        ("scio2021_photo-page_sheng-ronghua.txt", "press_transcript"),
        ("scio2022_cyberspace-white-paper_page9.txt", "press_transcript"),
        ("scio2023_law-based-cyberspace-governance_page12.txt", "press_transcript"),
        ("igf2019_ws414_human-centric-ai.txt", "igf_workshop_page"),
        ("igf2024_ws124_untold-stories-of-techies.txt", "igf_workshop_page"),
        ("igf2024_of19_first-international-treaty-on-ai.txt", "igf_page_2024"),
    ],
)
def test_real_pages_are_told_by_their_family_markers(file_name, family):
    assert detect_format((REAL / file_name).read_text(encoding="utf-8")) == family


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (
            "A title\n\nChina.org.cn | Updated: November 15, 2022\n\nCao Shumin:\n",
            "press_transcript",
        ),
        ("A title\nUpdated: 2006-02-17 19:45\nLi Zhaoxing:\nText.\n", "press_transcript"),
        ("A title\nBeijing | 10 a.m. March 19, 2021\nXu Lin:\nText.\n", "press_transcript"),
        ("A title\n\n9 Oct 2023 06:15h - 07:45h UTC\n\nSession report\n", "diploai_report"),
    ],
)
def test_datelines_and_headings_of_other_pages_of_the_families(text, family):
    assert detect_format(text) == family


def test_unknown_page_refusal_names_the_closest_family_and_what_it_lacks(tmp_path):
    path = tmp_path / "half.txt"
    path.write_text("Some title\n\nSession at a glance\n\nSummary\n\nText.\n", encoding="utf-8")

    with pytest.raises(DocumentRefused) as refused:
        import_file(path, None)

    assert refused.value.lines == [
        f"{path}:1: unknown format: not an IGF session page, workshop page or transcript, a "
        "DiploAI report, a press-conference transcript or a WSIS Forum session page; closest: "
        "a dig.watch / DiploAI "
        "report, with a 'Session at a glance' heading, but without a date line such as "
        "'11 Jul 2025 09:00h - 09:45h'; a DiploAI or DiploGPT disclaimer; speech statistics "
        "('Speech speed'); a title that opens with an IGF session's type and number ('Open "
        "Forum #12 …'); a report heading ('Event report', 'Session report', 'Full session "
        "report'); an early report's banner ('[Read more session reports and updates from the "
        "14th Internet Governance Forum]'); "
        "a 'Table of contents' or 'Keypoints' heading"
    ]


def test_marks_of_what_the_sources_do_not_publish_as_such(imported):
    sessions = {
        s.label or s.meeting.kind: s
        for s in Session.objects.select_related("meeting").prefetch_related(
            "participations", "takeaways"
        )
    }
    inferred_roles = {
        (label, p.published_name, p.role, p.inferred_by)
        for label, s in sessions.items()
        for p in s.participations.all()
        if p.inferred_by
    }
    cut_off = [
        (label, t.text[-30:])
        for label, s in sessions.items()
        for t in s.takeaways.all()
        if t.is_cut_off
    ]

    # WS #377's page lost the labels of its onsite moderator and rapporteur; WS #125's too.
    assert inferred_roles == {
        ("Workshop #377", "XIAODONG LI", "onsite_moderator", "role_from_layout"),
        ("Workshop #377", "Xiaobo YANG", "rapporteur", "role_from_layout"),
        ("Workshop #125", "Jing MA", "onsite_moderator", "role_from_layout"),
        ("Workshop #125", "Jieyao Wang", "rapporteur", "role_from_layout"),
        ("press", "Cao Shumin", "host", "host_hands_over"),
    }
    assert cut_off == [("Workshop #125", "f big data in promoting enviro")]
    assert {label: s.inferred for label, s in sessions.items()} == {
        "Workshop #125": {},
        "Workshop #377": {},
        "Open Forum #9": {"date": "date_from_report"},
        "press": {},
        "wsis": {},
    }
    assert {label: s.source_page_count for label, s in sessions.items()} == {
        "Workshop #125": None,
        "Workshop #377": None,
        "Open Forum #9": None,
        "press": 13,
        "wsis": None,
    }
    # The DiploAI report names no type of session: not stated, rather than "Other".
    assert sessions["wsis"].get_session_type_display() == "Session (type not stated)"

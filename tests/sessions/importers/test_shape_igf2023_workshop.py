"""IGF 2023 WS #377, an IGF workshop page (2023 layout), imported as ARCHIVE.md says."""

import pytest

from sessions.models import (
    Participation,
)
from speakers.models import Person, PersonAlias
from tests.sessions.importers.shapes import (
    Role,
    between,
    imported_session,
    index_of,
    lines_of,
    nonempty_lines,
    parsed_document,
    published_long_texts,
    read_document,
    written_long_texts,
)

pytestmark = pytest.mark.django_db


def test_igf2023_workshop_import_matches_its_shape(imported):
    lines = nonempty_lines(read_document("igf2023-ws-377-workshop-page.txt"))
    policy_questions = [
        line[len("1) ") :] for line in between(lines, "Policy Question(s)", "What will")[1:]
    ]
    gains = between(lines, "What will participants gain", "Global climate change")
    description = between(lines, "Global climate change", "Expected Outcomes")
    expected_outcomes = between(lines, "Expected Outcomes", "Hybrid Format:")[1:]
    # The page prints no label between the agenda and the streaming plan after it, and ARCHIVE.md
    # lists no online-participation plan for this session: both are the agenda.
    agenda = lines[index_of(lines, "Hybrid Format:") :]

    session = imported_session("igf2023-ws-377-workshop-page.txt")
    # Long texts whole, to the last character: what the parser read is what was written.
    assert written_long_texts(session) == published_long_texts(
        parsed_document("igf2023-ws-377-workshop-page.txt")
    )
    xiao_yang, xiaobo_yang, li_zhang = (
        Person.objects.get(aliases__name=name) for name in ("XIAO YANG", "Xiaobo YANG", "Li ZHANG")
    )

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
    # The template's question is part of the published text, as "Hybrid Format: " is.
    assert session.participant_gains.startswith(
        "What will participants gain from attending this session? First, a comprehensive"
    )
    assert session.description.split("\n\n") == description
    assert session.expected_outcomes.split("\n\n") == expected_outcomes
    assert [outcome[:3] for outcome in expected_outcomes] == ["The", "1) ", "2) ", "3) "]
    assert lines_of(session.agenda) == agenda
    assert session.agenda.startswith("Hybrid Format: Some organizers and speakers")
    assert session.online_participation == ""
    assert list(session.sdg_goals.all()) == []
    assert list(session.sdg_targets.all()) == []
    assert list(session.takeaways.all()) == []
    assert (session.date, session.start_time, session.room) == (None, None, "")

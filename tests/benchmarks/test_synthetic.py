"""The synthetic archive for benchmarks (benchmarks/synthetic/, manage.py generate_synthetic).

The expected numbers are what seed 1 gives for 200 sessions: the same on SQLite and on
PostgreSQL, since the rows come from the seed alone.

The command belongs to the `benchmarks` app, which only benchmarks/settings.py installs: the
tests run it as an instance of its class, under the archive's own settings.
"""

import re
from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, Q

from benchmarks.management.commands import generate_synthetic
from benchmarks.synthetic import (
    COMMON_WORD,
    RARE_WORD,
    VOCABULARY,
    SyntheticRefused,
    generate,
    writing,
)
from sessions.backup import export_archive
from sessions.derived import refresh_derived
from sessions.models import (
    Argument,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    Session,
    Takeaway,
    TranscriptTurn,
)
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

SESSIONS, SEED = 200, 1
LARGEST = "igf-2025/opening-ceremony-and-high-level-leaders-session"
BUSIEST = "tamar-sato"
COUNTS = {
    "meetings": 113,
    "sessions": 200,
    "people": 198,
    "person aliases": 198,
    "organizations": 50,
    "organization aliases": 50,
    "participations": 2107,
    "organizers": 375,
    "SDG goal links": 338,
    "SDG target links": 121,
    "policy questions": 258,
    "takeaways": 309,
    "arguments": 64,
    "agreements": 57,
    "disagreements": 18,
    "transcript turns": 5333,
}
MODELS = {
    "meetings": Meeting,
    "sessions": Session,
    "people": Person,
    "person aliases": PersonAlias,
    "organizations": Organization,
    "organization aliases": OrganizationAlias,
    "participations": Participation,
    "organizers": Organizer,
    "SDG goal links": Session.sdg_goals.through,
    "SDG target links": Session.sdg_targets.through,
    "policy questions": PolicyQuestion,
    "takeaways": Takeaway,
    "arguments": Argument,
    "agreements": Argument.agreed_with.through,
    "disagreements": Argument.disagreed_with.through,
    "transcript turns": TranscriptTurn,
}


@pytest.fixture
def summary():
    return generate(SESSIONS, SEED)


def largest_session():
    meeting, slug = LARGEST.split("/")
    return Session.objects.get(meeting__slug=meeting, slug=slug)


def archive():
    """Everything generated: the export (every row but the search columns) and the search text."""
    documents = Session.objects.order_by("pk").values_list("pk", "search_document")
    return export_archive(), list(documents)


def test_counts_are_those_of_the_seed(summary):
    assert summary.counts == COUNTS
    assert {name: model.objects.count() for name, model in MODELS.items()} == COUNTS


def test_summary_names_the_largest_session_and_the_busiest_person(summary):
    assert summary.largest_session == LARGEST
    assert summary.largest_session_rows == {
        "participations": 40,
        "transcript turns": 2000,
        "takeaways": 24,
    }
    assert (summary.busiest_person, summary.busiest_person_sessions) == (BUSIEST, 179)
    assert summary.rare_word_sessions == 3


def test_same_seed_gives_the_same_archive_whatever_the_chunk_size():
    with transaction.atomic():
        generate(SESSIONS, SEED)
        first = archive()
        transaction.set_rollback(True)
    generate(SESSIONS, SEED, chunk_size=37)

    assert archive() == first


def test_another_seed_gives_another_archive():
    with transaction.atomic():
        generate(SESSIONS, SEED)
        first = archive()
        transaction.set_rollback(True)
    generate(SESSIONS, SEED + 1)

    assert archive() != first


def test_sessions_have_5_to_15_people_and_the_largest_more(summary):
    people = dict(
        Session.objects.annotate(people=Count("participations__person", distinct=True))
        .order_by("pk")
        .values_list("pk", "people")
    )
    largest = people.pop(largest_session().pk)
    assert (min(people.values()), max(people.values()), largest) == (5, 15, 40)


def test_sessions_have_up_to_4_goals_and_targets_of_those_goals_only(summary):
    goals = Session.objects.annotate(goals=Count("sdg_goals")).values_list("goals", flat=True)
    assert (min(goals), max(goals)) == (0, 4)
    session_goals = set(Session.sdg_goals.through.objects.values_list("session", "sdggoal"))
    target_goals = set(
        Session.sdg_targets.through.objects.values_list("session", "sdgtarget__goal")
    )
    assert len(target_goals) == 84
    assert target_goals - session_goals == set()


def test_sessions_have_up_to_8_takeaways_but_the_largest(summary):
    takeaways = dict(Session.objects.annotate(rows=Count("takeaways")).values_list("pk", "rows"))
    largest = takeaways.pop(largest_session().pk)
    assert (min(takeaways.values()), max(takeaways.values()), largest) == (0, 8, 24)
    assert set(Takeaway.objects.values_list("kind", flat=True)) == set(Takeaway.Kind.values)


def test_largest_session_has_the_most_rows_of_each_kind(summary):
    largest = largest_session()
    for relation in ["participations", "transcript_turns", "takeaways", "arguments"]:
        top_two = list(
            Session.objects.annotate(rows=Count(relation))
            .order_by("-rows", "pk")
            .values_list("pk", "rows")[:2]
        )
        assert top_two[0][0] == largest.pk, relation
        assert top_two[0][1] > top_two[1][1], relation


def test_busiest_person_is_in_the_most_sessions(summary):
    top_two = list(
        Person.objects.annotate(sessions=Count("participations__session", distinct=True))
        .order_by("-sessions", "pk")
        .values_list("slug", "sessions")[:2]
    )
    assert top_two[0] == (BUSIEST, 179)
    assert top_two[1][1] < 179


def test_about_a_tenth_of_the_sessions_have_a_transcript(summary):
    assert TranscriptTurn.objects.values("session").distinct().count() == 19


def test_derived_columns_are_what_refresh_derived_and_migration_0009_write(summary):
    columns = ("pk", "search_document", "search_vector", "year", "has_takeaways", "has_transcript")
    generated = list(Session.objects.order_by("pk").values_list(*columns))
    assert sum(row[4] for row in generated) == 89
    assert sum(row[5] for row in generated) == 19

    refresh_derived([row[0] for row in generated])
    assert list(Session.objects.order_by("pk").values_list(*columns)) == generated

    Session.objects.update(year=0, has_takeaways=False, has_transcript=False)
    import_module("sessions.migrations.0009_session_list_columns").fill(django_apps, None)
    assert list(Session.objects.order_by("pk").values_list(*columns)) == generated


def test_list_by_sdg_counts_sessions_on_the_goal_or_its_targets(client, summary):
    response = client.get("/sessions/?sdg=7")

    on_goal_7 = Session.objects.filter(Q(sdg_goals=7) | Q(sdg_targets__goal=7)).values("pk")
    assert response.context["page"].paginator.count == on_goal_7.distinct().count() == 10


def test_search_finds_the_rare_word_in_its_sessions_only(client, summary):
    response = client.get("/sessions/", {"q": RARE_WORD})

    in_description = Session.objects.filter(description__contains=RARE_WORD)
    assert response.context["page"].paginator.count == in_description.count() == 3


def test_search_finds_the_common_word_in_most_sessions(client, summary):
    response = client.get("/sessions/", {"q": COMMON_WORD})

    with_word = Session.objects.filter(
        Q(title__icontains=COMMON_WORD) | Q(search_document__icontains=COMMON_WORD)
    )
    assert response.context["page"].paginator.count == with_word.count() == 194


def test_no_other_word_holds_the_search_words():
    others = [word for word in VOCABULARY if word != COMMON_WORD]
    assert [word for word in others if COMMON_WORD in word or RARE_WORD in word] == []
    assert VOCABULARY.count(COMMON_WORD) == 1
    assert RARE_WORD not in VOCABULARY


@pytest.mark.postgres
def test_postgres_stems_no_other_word_like_the_search_words():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM unnest(%s::text[]) AS word "
            "WHERE to_tsvector('english', word) @@ plainto_tsquery('english', %s) "
            "OR to_tsvector('english', word) @@ plainto_tsquery('english', %s)",
            [VOCABULARY, COMMON_WORD, RARE_WORD],
        )
        assert cursor.fetchall() == [(COMMON_WORD,)]


def test_a_failed_run_leaves_the_archive_empty(monkeypatch):
    def fail(table, rows):
        if table.model is Participation:
            raise RuntimeError("disk full")
        insert(table, rows)

    insert = writing.insert
    monkeypatch.setattr(writing, "insert", fail)

    with pytest.raises(RuntimeError, match="disk full"):
        generate(SESSIONS, SEED)
    assert [model.objects.count() for model in MODELS.values()] == [0] * len(MODELS)


def test_generate_refuses_an_archive_with_records():
    PersonFactory()

    with pytest.raises(SyntheticRefused) as refused:
        generate(SESSIONS, SEED)
    assert str(refused.value) == (
        "the archive is not empty (it has speakers.person rows): "
        "generate into a new, migrated database"
    )
    assert Session.objects.count() == 0


def test_command_refuses_an_archive_with_records():
    Meeting.objects.create(slug="igf-2024", name="IGF 2024", kind="igf", year=2024)

    with pytest.raises(CommandError) as refused:
        call_command(generate_synthetic.Command(), "--sessions", "10")
    assert str(refused.value) == (
        "generate_synthetic: the archive is not empty (it has archive.meeting rows): "
        "generate into a new, migrated database"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--sessions", "0"], "generate_synthetic: the number of sessions must be at least 1"),
        (["--sessions", "10", "--chunk", "0"], "--chunk must be at least 1"),
    ],
)
def test_command_refuses_bad_numbers(arguments, message):
    with pytest.raises(CommandError) as refused:
        call_command(generate_synthetic.Command(), *arguments)
    assert str(refused.value) == message


def test_command_prints_progress_counts_and_names():
    output = StringIO()

    call_command(generate_synthetic.Command(), "--sessions", "200", "--chunk", "150", stdout=output)

    # Seconds vary from run to run.
    lines = [re.sub(r"\d+\.\d s", "N s", line) for line in output.getvalue().splitlines()]
    lines = [re.sub(r"\(\d+ s\)", "(N s)", line) for line in lines]
    counts = ", ".join(f"{count:,} {name}" for name, count in COUNTS.items())
    assert lines == [
        "150 of 200 sessions (N s)",
        "200 of 200 sessions (N s)",
        f"Generated 200 sessions (seed 1) on {connection.vendor} in N s, statistics in N s: "
        f"{counts}.",
        f"Largest session: {LARGEST} (40 participations, 2,000 transcript turns, 24 takeaways).",
        f"Busiest person: {BUSIEST} (179 sessions).",
        f'Search words: "{COMMON_WORD}" (common), "{RARE_WORD}" (rare, in 3 sessions).',
    ]

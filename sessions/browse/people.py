"""Public pages of people and organizations: who they are, and their sessions.

They live here, not in `speakers`, because their queries are over sessions (participations,
organizers, transcript turns); `speakers` holds the records and the rules of names.
"""

from operator import itemgetter

from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, Length, Substr
from django.shortcuts import get_object_or_404, render

from sessions.browse import lines, organization_record
from sessions.browse.caching import by_archive_version
from sessions.browse.pagination import (
    TRANSCRIPT_TURNS_PER_PAGE,
    ByYear,
    KeysFirst,
    paginate,
)
from sessions.browse.people_filters import (
    BY_NAME,
    OrganizationFilter,
    PersonFilter,
)
from sessions.models import Argument, TranscriptTurn
from speakers.models import DuplicateSuggestion, Organization, Person

PER_PAGE = 50
# What a person said: transcript turns and arguments, this many a page, each cut to an excerpt
# of this many characters with a link to the whole.
SAID_PER_PAGE = 20
EXCERPT_LENGTH = 300

# A person's or an organization's sessions, newest first, the rows of one session together.
NEWEST_SESSION_FIRST = [
    organization_record.newest("session__year"),
    "-session__date",
    "-session_id",
    "position",
]
# What a person's or an organization's lists show of a session (sessions.browse.lines),
# through the row that names it. A list sorts all of its rows (thousands for a large
# organization) before it takes a page of them: the session's long texts (description, report,
# search text: kilobytes each) are left out of those rows.
SESSION_COLUMNS = [f"session__{column}" for column in lines.SESSION_COLUMNS]
# What a person's page shows of each of their participations, with the session's columns
# above (SESSION_COLUMNS): the session's texts and search columns are left out.
PARTICIPATION_COLUMNS = [
    "person",
    "role",
    "role_text",
    "published_name",
    "affiliation",
    "stakeholder_group",
    "regional_group",
    "speech_seconds",
    "words",
    "words_per_minute",
    "is_tbd",
    "is_remote",
]

# What an organization's page shows of each participation of its people, with the session's.
AFFILIATION_COLUMNS = [
    "role",
    "affiliation",
    "person__name",
    "person__slug",
    "organization",
    "organization__name",
    "organization__slug",
    "session",
    *SESSION_COLUMNS,
]


def ignored(filterset):
    """One message per parameter the FilterSet could not use; it is left out, not an error."""
    return [
        f"Ignored {name}={filterset.data.get(name)}: {' '.join(errors)}"
        for name, errors in filterset.form.errors.items()
    ]


def listed_people(request):
    """The people list's FilterSet at these parameters, in the list's order."""
    people = Person.objects.order_by(*BY_NAME).prefetch_related("aliases")
    return PersonFilter(request.GET, queryset=people)


def listed_organizations(request):
    """The organization list's FilterSet at these parameters, in the list's order."""
    organizations = Organization.objects.order_by(*BY_NAME).prefetch_related("aliases")
    return OrganizationFilter(request.GET, queryset=organizations)


def list_count(request, name, filterset):
    """The number of rows of a list at its filters, kept per archive version: a filter on
    participations (a year, a stakeholder group) counts over a million of them."""
    filterset.is_valid()  # cleaned_data: the parameters the list applies, those left out not
    data = filterset.form.cleaned_data
    used = [f"{key}={data[key]}" for key in sorted(data) if key != "sort" and data[key]]
    return by_archive_version(request, f"{name}-count:{'&'.join(used)}", filterset.qs.count)


def person_list(request):
    filterset = listed_people(request)
    count = list_count(request, "people", filterset)
    page, page_ignored = paginate(request, filterset.qs, PER_PAGE, count=count)
    context = {
        "filter": filterset,
        "page": page,
        "ignored": [*ignored(filterset), *([page_ignored] if page_ignored else [])],
    }
    return render(request, "sessions/people/person_list.html", context)


def person_detail(request, slug):
    person = get_object_or_404(
        Person.objects.prefetch_related("aliases").annotate(
            turn_count=count_of(TranscriptTurn), argument_count=count_of(Argument)
        ),
        slug=slug,
    )
    years = person_years(person)
    session_count = sum(year["sessions"] for year in years)
    # A page holds PER_PAGE sessions, each with every role the person had in it, so that
    # a session's roles are never split over two pages.
    sessions = (
        person.participations.order_by(*NEWEST_SESSION_FIRST[:-1])
        .values_list("session", flat=True)
        .distinct()
    )
    page, page_ignored = paginate(request, sessions, PER_PAGE, count=session_count)
    participations = participation_rows(person, list(page.object_list))
    # What they said: each list bounded by its own page parameter, each text cut to an excerpt.
    turns, turns_ignored = paginate(
        request,
        KeysFirst(
            person.transcript_turns.annotate(
                transcript_page=transcript_page(),
                excerpt=Substr("text", 1, EXCERPT_LENGTH),
                length=Length("text"),
            ).order_by(*NEWEST_SESSION_FIRST),
            ["position", "speaker_label", "transcript_page", "excerpt", "length", *SESSION_COLUMNS],
        ),
        SAID_PER_PAGE,
        parameter="turns_page",
        count=person.turn_count,
    )
    arguments, arguments_ignored = paginate(
        request,
        person.arguments.annotate(
            excerpt=Substr("claim", 1, EXCERPT_LENGTH), length=Length("claim")
        )
        .order_by(*NEWEST_SESSION_FIRST)
        .values("position", "major_discussion_point", "excerpt", "length", *SESSION_COLUMNS),
        SAID_PER_PAGE,
        parameter="arguments_page",
        count=person.argument_count,
    )
    # The pages' rows, read as values, as the template shows them (sessions.browse.lines).
    turns.object_list = [lines.turn_line(row) for row in turns.object_list]
    arguments.object_list = [lines.with_session(row) for row in arguments.object_list]
    context = {
        "person": person,
        "page": page,
        "participations": participations,
        "years_on_page": lines.grouped(
            participations, lambda row: row["session"]["year"], itemgetter("session")
        ),
        "years": years,
        "session_count": session_count,
        "speech_seconds": sum(year["seconds"] or 0 for year in years),
        "words": sum(year["words"] or 0 for year in years),
        "turns": turns,
        "arguments": arguments,
        "see_also": see_also(person),
        "excerpt_length": EXCERPT_LENGTH,
        "ignored": [
            message for message in [page_ignored, turns_ignored, arguments_ignored] if message
        ],
    }
    return render(request, "sessions/people/person_detail.html", context)


def count_of(model):
    """The number of a person's rows of `model` (turns, arguments), as a column of people."""
    rows = (
        model.objects.filter(person=OuterRef("pk"))
        .order_by()
        .values("person")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(rows), 0)


def participation_rows(person, sessions):
    """The person's participations in `sessions` (ids), newest session first, as lines
    (sessions.browse.lines)."""
    rows = (
        person.participations.filter(session__in=sessions)
        .order_by(*NEWEST_SESSION_FIRST)
        .values(
            *PARTICIPATION_COLUMNS,
            *SESSION_COLUMNS,
            "session",
            "organization",
            "organization__name",
            "organization__slug",
        )
    )
    return [lines.participation_line(row) for row in rows]


def person_years(person):
    """A person's years, newest first: sessions, and speaking time and words where the sources
    measured them (one query)."""
    return list(
        person.participations.order_by("-session__year")
        .values(year=F("session__year"))
        .annotate(
            sessions=Count("session", distinct=True),
            seconds=Sum("speech_seconds"),
            words=Sum("words"),
        )
    )


def see_also(person):
    """The other people an editor's open suggestion says may be this one (a decision: both
    pages of the pair say the same neutral thing, and only while an editor has not decided;
    see the README, "One person, one record")."""
    open_pairs = DuplicateSuggestion.objects.filter(
        Q(person=person) | Q(other=person), status=DuplicateSuggestion.Status.OPEN
    ).select_related("person", "other")
    others = [pair.other if pair.person_id == person.pk else pair.person for pair in open_pairs]
    return sorted(others, key=lambda other: (other.name.casefold(), other.pk))


def organization_list(request):
    filterset = listed_organizations(request)
    count = list_count(request, "organizations", filterset)
    page, page_ignored = paginate(request, filterset.qs, PER_PAGE, count=count)
    context = {
        "filter": filterset,
        "page": page,
        "ignored": [*ignored(filterset), *([page_ignored] if page_ignored else [])],
    }
    return render(request, "sessions/people/organization_list.html", context)


def organization_detail(request, slug):
    organization = get_object_or_404(
        Organization.objects.select_related("parent").prefetch_related("aliases"), slug=slug
    )
    # Its units' people and sessions are its own (sessions.browse.organization_record). The
    # page's lists each run to thousands of rows for a large organization, and a reader may
    # want any row of any of them: each is paginated with its own parameter (`page`,
    # `people_page`, `turns_page`), and a list's links keep the others' pages. The counts by
    # year, kept per archive version, give the lists' sizes and let a page read only the
    # years it shows (pagination.ByYear), not sort every row of the organization.
    ids, years = by_archive_version(
        request,
        f"organization-years:{organization.pk}",
        lambda: organization_record.family_years(organization),
    )
    sessions, sessions_ignored = paginate(
        request,
        ByYear(
            KeysFirst(
                organization_record.sessions_by_year(ids),
                [*lines.SESSION_COLUMNS, "organized", "people_affiliated"],
            ),
            [(year["year"], year["sessions"]) for year in years],
            "year",
        ),
        PER_PAGE,
    )
    affiliations, affiliations_ignored = paginate(
        request,
        ByYear(
            KeysFirst(organization_record.people_by_year(ids), AFFILIATION_COLUMNS),
            [(year["year"], year["participations"]) for year in years],
            "session__year",
        ),
        PER_PAGE,
        parameter="people_page",
    )
    turns, turns_ignored = paginate(
        request,
        ByYear(
            organization.transcript_turns.select_related("session__meeting")
            .only("organization", "position", "speaker_label", *SESSION_COLUMNS)
            .annotate(transcript_page=transcript_page())
            .order_by(*NEWEST_SESSION_FIRST),
            [(year["year"], year["turns"]) for year in years],
            "session__year",
        ),
        PER_PAGE,
        parameter="turns_page",
    )
    # The two pages' rows, read as values, as the template shows them (sessions.browse.lines).
    sessions.object_list = [{**row, **lines.session_line(row)} for row in sessions.object_list]
    affiliations.object_list = [lines.affiliation_line(row) for row in affiliations.object_list]
    context = {
        "organization": organization,
        "units": organization.units.only("name", "slug", "parent"),
        "years": years,
        "sessions": sessions,
        "affiliations": affiliations,
        "people_years": lines.grouped(
            affiliations.object_list, lambda row: row["session"]["year"], itemgetter("person")
        ),
        "turns": turns,
        "ignored": [
            message
            for message in [sessions_ignored, affiliations_ignored, turns_ignored]
            if message
        ],
    }
    return render(request, "sessions/people/organization_detail.html", context)


def transcript_page():
    """The page of its session's transcript page that shows a turn, as a column of the turns.

    It counts the session's turns up to this one, so that the page is right even where an
    editor has left a gap in the positions.
    """
    turns_so_far = (
        TranscriptTurn.objects.filter(
            session=OuterRef("session"), position__lte=OuterRef("position")
        )
        .order_by()
        .values("session")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return ExpressionWrapper(
        (Subquery(turns_so_far) - 1) / TRANSCRIPT_TURNS_PER_PAGE + 1, output_field=IntegerField()
    )

"""Public pages of people and organizations: who they are, and their sessions.

They live here, not in `speakers`, because their queries are over sessions (participations,
organizers, transcript turns); `speakers` holds the records and the rules of names.
"""

from django.db.models import (
    Count,
    ExpressionWrapper,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Subquery,
    Sum,
)
from django.shortcuts import get_object_or_404, render

from sessions.browse import organization_record
from sessions.browse.pagination import TRANSCRIPT_TURNS_PER_PAGE, paginate
from sessions.browse.people_filters import OrganizationFilter, PersonFilter
from sessions.models import TranscriptTurn
from speakers.models import Organization, Person

PER_PAGE = 50

# A person's or an organization's sessions, newest first, the rows of one session together.
NEWEST_SESSION_FIRST = ["-session__year", "-session__date", "-session_id", "position"]
# What an organization's lists show of a session. A list sorts all of its rows (thousands for
# a large organization) before it takes a page of them: the session's long texts (description,
# report, search text: kilobytes each) are left out of those rows.
SESSION_COLUMNS = [
    "session__title",
    "session__slug",
    "session__session_type",
    "session__number",
    "session__date",
    "session__meeting__slug",
    "session__meeting__name",
]
# The same columns, read from the session itself.
SESSION_COLUMNS_OWN = [column.removeprefix("session__") for column in SESSION_COLUMNS]


def ignored(filterset):
    """One message per parameter the FilterSet could not use; it is left out, not an error."""
    return [
        f"Ignored {name}={filterset.data.get(name)}: {' '.join(errors)}"
        for name, errors in filterset.form.errors.items()
    ]


def person_list(request):
    people = (
        Person.objects.annotate(
            session_count=Count("participations__session", distinct=True),
            first_year=Min("participations__session__year"),
            last_year=Max("participations__session__year"),
        )
        .order_by("name", "pk")
        .prefetch_related("aliases")
    )
    filterset = PersonFilter(request.GET, queryset=people)
    page, page_ignored = paginate(request, filterset.qs, PER_PAGE)
    context = {
        "filter": filterset,
        "page": page,
        "ignored": [*ignored(filterset), *([page_ignored] if page_ignored else [])],
    }
    return render(request, "sessions/people/person_list.html", context)


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.prefetch_related("aliases"), slug=slug)
    totals = person.participations.aggregate(
        session_count=Count("session", distinct=True), speech_seconds=Sum("speech_seconds")
    )
    # A page holds PER_PAGE sessions, each with every role the person had in it, so that
    # a session's roles are never split over two pages.
    sessions = (
        person.participations.order_by(*NEWEST_SESSION_FIRST[:-1])
        .values_list("session", flat=True)
        .distinct()
    )
    page, page_ignored = paginate(request, sessions, PER_PAGE)
    participations = person.participations.filter(session__in=list(page.object_list))
    context = {
        "person": person,
        "page": page,
        "participations": participations.select_related(
            "session__meeting", "organization"
        ).order_by(*NEWEST_SESSION_FIRST),
        "session_count": totals["session_count"],
        "speech_seconds": totals["speech_seconds"] or 0,
        "ignored": [page_ignored] if page_ignored else [],
    }
    return render(request, "sessions/people/person_detail.html", context)


def organization_list(request):
    organizations = (
        Organization.objects.annotate(
            organized_count=Count("organized__session", distinct=True),
            people_count=Count("participations__person", distinct=True),
        )
        .order_by("name", "pk")
        .prefetch_related("aliases")
    )
    filterset = OrganizationFilter(request.GET, queryset=organizations)
    page, page_ignored = paginate(request, filterset.qs, PER_PAGE)
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
    # year give the lists' sizes, which spares their paginators a count.
    ids = organization_record.family_ids(organization)
    years = organization_record.years(ids)
    sessions, sessions_ignored = paginate(
        request,
        organization_record.sessions_by_year(ids, SESSION_COLUMNS_OWN),
        PER_PAGE,
        count=sum(year["sessions"] for year in years),
    )
    affiliations, affiliations_ignored = paginate(
        request,
        organization_record.people_by_year(ids, SESSION_COLUMNS),
        PER_PAGE,
        parameter="people_page",
        count=sum(year["participations"] for year in years),
    )
    turns, turns_ignored = paginate(
        request,
        organization.transcript_turns.select_related("session__meeting")
        .only("organization", "position", "speaker_label", *SESSION_COLUMNS)
        .annotate(transcript_page=transcript_page())
        .order_by(*NEWEST_SESSION_FIRST),
        PER_PAGE,
        parameter="turns_page",
    )
    context = {
        "organization": organization,
        "units": organization.units.only("name", "slug", "parent"),
        "years": years,
        "sessions": sessions,
        "affiliations": affiliations,
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

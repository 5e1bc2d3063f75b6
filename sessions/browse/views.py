"""The public pages of the archive: home, sessions, meetings and SDGs.

Every page runs a fixed number of queries whatever the data size
(tests/sessions/browse/test_views_query_counts.py lists them). Public pages set no cookie:
no CSRF token (their forms are GET), no session, no messages framework.
"""

from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F, Max, Min, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

from sessions.browse import session_record
from sessions.browse.caching import by_archive_version
from sessions.browse.filters import SessionFilter
from sessions.browse.pagination import TRANSCRIPT_TURNS_PER_PAGE, page_number, paginate
from sessions.browse.warming import note_list_read
from sessions.models import (
    NEWEST_FIRST,
    Meeting,
    Participation,
    SdgGoal,
    SdgTarget,
    Session,
    SessionGoal,
    Takeaway,
)
from sessions.models.expressions import SubqueryCount
from sessions.outputs import citation
from sessions.outputs.origin import origin
from sessions.outputs.structured_data import json_ld, session_event
from speakers.models import Organization, Person

SESSIONS_PER_PAGE = 25
# The SDG page lists this many sessions per target, and per goal for sessions on no target.
SDG_PAGE_SESSIONS = 10
LATEST_SESSIONS = 5
# A session page shows this many turns of its transcript, the transcript page all of them
# (TRANSCRIPT_TURNS_PER_PAGE a page): a page's size stays bounded however long the session.
TRANSCRIPT_PREVIEW = 20

# People on a session page, in this order, under these headings.
ROLE_HEADINGS = [
    (Participation.Role.ORGANIZER, "Organizers"),
    (Participation.Role.HOST, "Hosts"),
    (Participation.Role.SPEAKER, "Speakers"),
    (Participation.Role.PRESENTER, "Presenters"),
    (Participation.Role.MODERATOR, "Moderators"),
    (Participation.Role.ONSITE_MODERATOR, "Onsite moderators"),
    (Participation.Role.ONLINE_MODERATOR, "Online moderators"),
    (Participation.Role.RAPPORTEUR, "Rapporteurs"),
    (Participation.Role.QUESTIONER, "Questioners"),
]

# The DiploAI report's statements, in the report's order, under these headings.
ANALYSIS_HEADINGS = [
    (Takeaway.Kind.KEY_DISCUSSION_POINT, "Key discussion points"),
    (Takeaway.Kind.AGREEMENT, "Agreements"),
    (Takeaway.Kind.DISAGREEMENT, "Differences"),
    (Takeaway.Kind.ACTION_ITEM, "Resolutions and action items"),
    (Takeaway.Kind.UNRESOLVED_ISSUE, "Unresolved issues"),
    (Takeaway.Kind.SUGGESTED_COMPROMISE, "Suggested compromises"),
    (Takeaway.Kind.THOUGHT_PROVOKING_COMMENT, "Thought-provoking comments"),
    (Takeaway.Kind.FOLLOW_UP_QUESTION, "Follow-up questions"),
]


def home(request):
    return render(request, "sessions/home.html", by_archive_version(request, "home", overview))


def overview():
    """The home page's figures: the archive's size, the SDG x year grid, the latest sessions."""
    # Years that have sessions, oldest first: the columns of the SDG grid.
    years = list(Session.objects.order_by("year").values_list("year", flat=True).distinct())
    # One grouped query for the whole grid: sessions per (goal, year).
    cells = {
        (goal, year): count
        for goal, year, count in SessionGoal.objects.order_by()
        .values_list("goal", "session__year")
        .annotate(Count("session", distinct=True))
    }
    grid = []
    for goal in SdgGoal.objects.order_by("number"):
        row = [(year, cells.get((goal.number, year), 0)) for year in years]
        goal.total = sum(count for _year, count in row)
        grid.append((goal, row))
    return {
        "counts": {
            "sessions": Session.objects.count(),
            "people": Person.objects.count(),
            "organizations": Organization.objects.count(),
            **Meeting.objects.aggregate(
                meetings=Count("pk"), first_year=Min("year"), last_year=Max("year")
            ),
        },
        "years": years,
        "grid": grid,
        "latest": list(Session.objects.for_list().order_by(*NEWEST_FIRST)[:LATEST_SESSIONS]),
    }


def session_list(request):
    filterset = SessionFilter(request.GET, queryset=Session.objects.all())
    query = filterset.query.urlencode()
    total, facets, facets_html = by_archive_version(
        request, f"list?{query}", lambda: size_and_facets(request, filterset)
    )
    paginator = Paginator(
        filterset.pages(total, prepare=lambda qs: qs.for_list()), SESSIONS_PER_PAGE
    )
    paginator.count = total
    number, page_ignored = page_number(request, paginator)
    # Kept by what the list shows, not by its URL: URLs that differ only in what was ignored
    # (a bad value, an unknown parameter, a page past the end) share one rendering.
    results_html = by_archive_version(
        request,
        f"list-results?{query}&page={number}",
        lambda: session_results(filterset, paginator.page(number)),
    )
    context = {
        "filter": filterset,
        "total": total,
        "page_number": number,
        "results_html": results_html,
        "facets": facets,
        "facets_html": facets_html,
        "ignored": [*filterset.ignored, *([page_ignored] if page_ignored else [])],
    }
    return render(request, "sessions/session_list.html", context)


def session_results(filterset, page):
    """The HTML of one page of the list's results: its rows, with their snippets for a
    search, and the links to the other pages."""
    filterset.add_snippets(page.object_list)
    return render_to_string("includes/session_results.html", {"filter": filterset, "page": page})


def size_and_facets(request, filterset):
    """How many sessions the list holds, and its facets, also as HTML: what a list's pages
    share, and what costs most at scale (rendering the facets took a quarter of a warm list's
    time). The facets' links are those of `filterset.query`, the key they are kept under."""
    note_list_read(filterset.query.urlencode())
    total = filterset.matching().count()
    facets = filterset.facets(keep=lambda name, compute: by_archive_version(request, name, compute))
    return total, facets, render_to_string("includes/facets.html", {"facets": facets})


def session_detail(request, meeting, slug):
    session = get_object_or_404(Session.objects.for_page(), meeting__slug=meeting, slug=slug)
    rows = session_record.page_rows(session)
    takeaway_rows = rows.pop("takeaways")
    transcript = session.transcript_turns.select_related("person", "organization")
    participations = session_record.participation_lines(session.participations.all())
    by_role = {role: [] for role, _heading in ROLE_HEADINGS}
    for participation in participations:
        by_role[participation["role"]].append(participation)
    takeaways = {kind: [] for kind in Takeaway.Kind.values}
    for takeaway in takeaway_rows:
        takeaways[takeaway.kind].append(takeaway)
    timed = sorted(
        (p for p in participations if p["speech_seconds"]),
        key=lambda p: p["speech_seconds"],
        reverse=True,
    )
    context = {
        **rows,
        "session": session,
        # The prefetched rows, read once each: every `session.<relation>` in a template makes
        # a new manager, and the page reads each of these up to four times.
        "organizers": session.organizers.all(),
        "goals": session.sdg_goals.all(),
        "people": [(heading, by_role[role]) for role, heading in ROLE_HEADINGS if by_role[role]],
        "takeaways": takeaways,
        "analysis": [
            (heading, takeaways[kind]) for kind, heading in ANALYSIS_HEADINGS if takeaways[kind]
        ],
        "speech": timed,
        "longest_speech": timed[0]["speech_seconds"] if timed else 0,
        "origin": origin(session, rows["curated"]),
        "inferred_roles": [p for p in participations if p["inferred_by"]],
        "cut_off": [t for t in takeaway_rows if t.is_cut_off],
        "transcript": list(transcript[:TRANSCRIPT_PREVIEW]),
        "json_ld": json_ld(session_event(session, request.build_absolute_uri)),
        "reference": citation.reference(
            session, request.build_absolute_uri(session.get_absolute_url())
        ),
    }
    return render(request, "sessions/session_detail.html", context)


def session_source(request, meeting, slug):
    """The source document a session was imported from, verbatim, as plain text (one query)."""
    session = get_object_or_404(
        Session.objects.select_related("source_document").only(
            "source_document__file_name", "source_document__text"
        ),
        meeting__slug=meeting,
        slug=slug,
        source_document__isnull=False,
    )
    document = session.source_document
    response = HttpResponse(document.text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(False, document.file_name)
    return response


def session_transcript(request, meeting, slug):
    """A session's whole transcript, TRANSCRIPT_TURNS_PER_PAGE turns a page."""
    session = get_object_or_404(
        Session.objects.select_related("meeting").only(
            "title", "slug", "session_type", "number", "meeting__slug", "meeting__name"
        ),
        meeting__slug=meeting,
        slug=slug,
    )
    page, page_ignored = paginate(
        request,
        session.transcript_turns.select_related("person", "organization"),
        TRANSCRIPT_TURNS_PER_PAGE,
    )
    if not page.paginator.count:
        raise Http404("This session has no transcript.")
    context = {
        "session": session,
        "page": page,
        # The pages' links keep nothing but the page: the transcript has no other parameter.
        "query": QueryDict(),
        "ignored": [page_ignored] if page_ignored else [],
    }
    return render(request, "sessions/session_transcript.html", context)


def meeting_list(request):
    meetings = Meeting.objects.annotate(session_count=Count("sessions")).order_by("-year", "name")
    return render(request, "sessions/meeting_list.html", {"meetings": meetings})


def meeting_detail(request, slug):
    meeting = get_object_or_404(Meeting.objects.prefetch_related("curated_facts"), slug=slug)
    page, page_ignored = paginate(
        request,
        Session.objects.filter(meeting=meeting)
        .for_list()
        .order_by("date", "start_time", "session_type", "number", "title", "pk"),
        SESSIONS_PER_PAGE,
    )
    context = {
        "meeting": meeting,
        "page": page,
        "ignored": [page_ignored] if page_ignored else [],
    }
    return render(request, "sessions/meeting_detail.html", context)


def about(request):
    """What the archive is, how its records are made, its licence, where to send corrections."""
    return render(request, "about.html", {"corrections_email": settings.CORRECTIONS_EMAIL})


def sdg_list(request):
    goals = (
        SdgGoal.objects.with_session_count()
        .annotate(target_count=Count("targets", distinct=True))
        .order_by("number")
    )
    return render(request, "sessions/sdg_list.html", {"goals": goals})


def sdg_detail(request, number):
    goal = get_object_or_404(
        SdgGoal.objects.with_session_count().annotate(
            goal_only_count=SubqueryCount(Session.objects.on_sdg_goal_only(number).values("pk"))
        ),
        number=number,
    )
    newest = Session.objects.for_list().order_by(*NEWEST_FIRST)
    # The newest sessions of each target, in one query: a session on two targets is listed
    # under both.
    on_targets = (
        newest.filter(sdg_targets__goal=goal)
        .annotate(
            target_code=F("sdg_targets__code"),
            row=Window(RowNumber(), partition_by=F("sdg_targets__code"), order_by=NEWEST_FIRST),
        )
        .filter(row__lte=SDG_PAGE_SESSIONS)
    )
    sessions_by_target = defaultdict(list)
    for session in on_targets:
        sessions_by_target[session.target_code].append(session)
    targets = list(
        SdgTarget.objects.filter(goal=goal)
        .annotate(session_count=Count("sessions"))
        .order_by("position")
    )
    for target in targets:
        target.newest_sessions = sessions_by_target[target.code]
    goal_only = newest.on_sdg_goal_only(goal.number)[:SDG_PAGE_SESSIONS]
    context = {"goal": goal, "targets": targets, "goal_only": goal_only}
    return render(request, "sessions/sdg_detail.html", context)

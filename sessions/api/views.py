"""The read-only JSON API: lists with the HTML lists' own FilterSets, and single objects.

The session list filters with sessions.browse.filters.SessionFilter, the FilterSet of the HTML
list, so that the same parameters give the same sessions in the same order. Where the
HTML list leaves a bad value out with a message, the API answers 400 and names the
parameter: a program should not get a wider list than it asked for. Unknown parameters
are refused the same way, so that a misspelt filter is not silently ignored.

No authentication, no session, no CSRF: the API is public, read-only, and sets no cookie.
"""

import re

from django.core.paginator import InvalidPage
from django.db.models import Prefetch
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.generics import get_object_or_404
from rest_framework.pagination import PageNumberPagination

from sessions.api import serializers as api_serializers
from sessions.api.parameters import PAGE, filterset_parameters
from sessions.browse.downloads import download, exported_sessions, refusing_bad_parameters
from sessions.browse.filters import SessionFilter
from sessions.browse.pagination import TRANSCRIPT_TURNS_PER_PAGE
from sessions.browse.parameters import problems_of
from sessions.browse.people_filters import BY_NAME, OrganizationFilter, PersonFilter
from sessions.models import Meeting, Organizer, Participation, SdgGoal, Session
from sessions.outputs.exports import stream_jsonl
from speakers.models import Organization, Person

PAGE_SIZE = 25
# As the transcript's HTML pages, so that page n of one is page n of the other.
TRANSCRIPT_PAGE_SIZE = TRANSCRIPT_TURNS_PER_PAGE
MAX_PAGE_DIGITS = 12
VERSION_NAME = re.compile(r"[\w.-]{1,32}", re.ASCII)


class BadParameters(APIException):
    status_code = 400
    default_code = "bad_parameters"

    def __init__(self, problems):
        """`problems`: parameter -> list of messages."""
        names = ", ".join(sorted(problems))
        self.detail = {"detail": f"Bad query parameter(s): {names}.", "parameters": problems}


ERROR_RESPONSE = inline_serializer(
    "BadParameters",
    fields={
        "detail": serializers.CharField(),
        "parameters": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField())
        ),
    },
)
NOT_FOUND_RESPONSE = inline_serializer("NotFound", fields={"detail": serializers.CharField()})


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema. The API has one version; a `version` that could not be a version
    name is refused, since the schema's file name repeats it in a header."""

    @extend_schema(exclude=True)  # the schema does not describe itself (SERVE_INCLUDE_SCHEMA)
    def get(self, request, *args, **kwargs):
        version = request.query_params.get("version")
        if version is not None and not VERSION_NAME.fullmatch(version):
            raise BadParameters({"version": [f"{version}: not a version name"]})
        return super().get(request, *args, **kwargs)


class Pagination(PageNumberPagination):
    """Pages of PAGE_SIZE; a page that does not exist is a bad parameter (400), not a 404."""

    page_size = PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param, "1")
        if not raw.isascii() or not raw.isdigit() or int(raw[:MAX_PAGE_DIGITS]) < 1:
            raise BadParameters({"page": [f"{raw}: expected a page number (1, 2, …)"]})
        paginator = self.django_paginator_class(queryset, self.page_size)
        try:
            # Past MAX_PAGE_DIGITS, a number is past every page (and int() would refuse it).
            self.page = paginator.page(int(raw) if len(raw) <= MAX_PAGE_DIGITS else 0)
        except InvalidPage:
            raise BadParameters(
                {"page": [f"{raw}: no such page (the list has {paginator.num_pages})"]}
            ) from None
        self.request = request
        return list(self.page)


class TranscriptPagination(Pagination):
    page_size = TRANSCRIPT_PAGE_SIZE


class FilterSetBackend:
    """Filters a list with its view's FilterSet; any parameter it cannot use is a 400."""

    def filter_queryset(self, request, queryset, view):
        filterset = view.filterset_class(request.query_params, queryset=queryset)
        problems = problems_of(filterset)
        if problems:
            raise BadParameters(problems)
        # The session list reads a page of Best match as the HTML list does (SessionFilter.pages).
        pages = getattr(filterset, "pages", None)
        return pages() if pages else filterset.qs


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = None
    pagination_class = Pagination
    # Any path segment reaches the view, so that a malformed id is a JSON 404 like a missing
    # one (the router's default leaves ids with a dot to the HTML 404 page).
    lookup_value_regex = "[^/]+"
    # Every object is found by its id: /api/sdgs/{id}/ as /api/sessions/{id}/.
    lookup_url_kwarg = "id"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # A method the view does not serve has no action: it gets its 405 first.
        if self.action is not None:
            self.check_parameters(request)

    def check_parameters(self, request):
        known = {"page"} if self.action in ("list", "transcript") else set()
        if self.action == "list" and self.filterset_class is not None:
            known |= set(self.filterset_class().form.fields)
        problems = {}
        for name, values in request.query_params.lists():
            if name not in known:
                expected = ", ".join(sorted(known)) or "no parameters"
                problems[name] = [f"unknown parameter (expected {expected})"]
            elif any("\x00" in value for value in values):
                # PostgreSQL cannot hold a NUL character in a text value.
                problems[name] = ["contains a NUL character"]
            elif name != "q" and not all(value.strip() for value in values):
                # An empty search is no search; any other empty value names nothing.
                problems[name] = ["empty value"]
        if problems:
            raise BadParameters(problems)

    def filter_queryset(self, queryset):
        if self.action == "list" and self.filterset_class is not None:
            return FilterSetBackend().filter_queryset(self.request, queryset, self)
        return queryset


LIST_RESPONSES = {400: OpenApiResponse(ERROR_RESPONSE, description="A parameter is bad.")}
DETAIL_RESPONSES = {404: OpenApiResponse(NOT_FOUND_RESPONSE, description="No such object.")}

SESSION_PARAMETERS = filterset_parameters(SessionFilter)
PERSON_PARAMETERS = filterset_parameters(PersonFilter)
ORGANIZATION_PARAMETERS = filterset_parameters(OrganizationFilter)


def documented(serializer, list_parameters, detail_serializer=None):
    """The schema of a list (with its parameters and 400) and of a detail (with its 404),
    which may say more than a list item (`detail_serializer`)."""
    return extend_schema_view(
        list=extend_schema(
            parameters=list_parameters,
            responses={200: serializer(many=True), **LIST_RESPONSES},
        ),
        retrieve=extend_schema(
            responses={200: detail_serializer or serializer, **DETAIL_RESPONSES}
        ),
    )


@extend_schema_view(
    list=extend_schema(
        parameters=SESSION_PARAMETERS,
        responses={200: api_serializers.SessionSerializer(many=True), **LIST_RESPONSES},
    ),
    retrieve=extend_schema(
        responses={200: api_serializers.SessionDetailSerializer, **DETAIL_RESPONSES}
    ),
    transcript=extend_schema(
        parameters=[PAGE],
        responses={
            200: api_serializers.TranscriptTurnSerializer(many=True),
            **LIST_RESPONSES,
            **DETAIL_RESPONSES,
        },
    ),
)
class SessionViewSet(ReadOnlyViewSet):
    """Sessions, filtered and ordered as the HTML list at /sessions/."""

    filterset_class = SessionFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return Session.objects.for_record()
        return Session.objects.for_export()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return api_serializers.SessionDetailSerializer
        if self.action == "transcript":
            return api_serializers.TranscriptTurnSerializer
        return api_serializers.SessionSerializer

    @action(detail=True, pagination_class=TranscriptPagination)
    def transcript(self, request, id=None):
        """A session's transcript, turn by turn in order, paged as its HTML transcript (page n
        of one is page n of the other); an empty list when the session has no transcript."""
        # DRF's get_object_or_404: an id that is not a number is a 404, as a missing one.
        session = get_object_or_404(Session.objects.only("pk"), pk=id)
        turns = session.transcript_turns.select_related("person", "organization")
        page = self.paginate_queryset(turns)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


# A session as a person's or an organization's record names it: its short form's columns.
SESSION_SHORT = Session.objects.select_related("meeting").only(
    "title", "slug", "session_type", "number", "date", "meeting__slug"
)


@documented(
    api_serializers.PersonSerializer, PERSON_PARAMETERS, api_serializers.PersonDetailSerializer
)
class PersonViewSet(ReadOnlyViewSet):
    """People, one record each however the sources spell the name."""

    filterset_class = PersonFilter
    queryset = Person.objects.prefetch_related("aliases").order_by(*BY_NAME)

    def get_queryset(self):
        if self.action == "retrieve":
            return self.queryset.prefetch_related(
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("organization")
                    .prefetch_related(Prefetch("session", queryset=SESSION_SHORT))
                    .order_by("-session__year", "-session__date", "session_id", "position"),
                )
            )
        return self.queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return api_serializers.PersonDetailSerializer
        return api_serializers.PersonSerializer


@documented(
    api_serializers.OrganizationSerializer,
    ORGANIZATION_PARAMETERS,
    api_serializers.OrganizationDetailSerializer,
)
class OrganizationViewSet(ReadOnlyViewSet):
    """Organizations: organizers, hosts and affiliations."""

    filterset_class = OrganizationFilter
    queryset = (
        Organization.objects.select_related("parent")
        .prefetch_related(
            "aliases", Prefetch("units", queryset=Organization.objects.order_by(*BY_NAME))
        )
        .order_by(*BY_NAME)
    )

    def get_queryset(self):
        if self.action == "retrieve":
            return self.queryset.prefetch_related(
                Prefetch(
                    "organized",
                    queryset=Organizer.objects.prefetch_related(
                        Prefetch("session", queryset=SESSION_SHORT)
                    ).order_by("-session__year", "-session__date", "session_id", "position"),
                ),
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("person")
                    .prefetch_related(Prefetch("session", queryset=SESSION_SHORT))
                    .order_by("-session__year", "-session__date", "session_id", "position"),
                ),
            )
        return self.queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return api_serializers.OrganizationDetailSerializer
        return api_serializers.OrganizationSerializer


@documented(api_serializers.MeetingSerializer, [PAGE])
class MeetingViewSet(ReadOnlyViewSet):
    """Meetings: an annual IGF, a WSIS event, a press conference."""

    serializer_class = api_serializers.MeetingSerializer
    queryset = Meeting.objects.order_by("-year", "name", "pk")


@documented(api_serializers.SdgGoalSerializer, [PAGE])
class SdgGoalViewSet(ReadOnlyViewSet):
    """The 17 Sustainable Development Goals with their targets; the id is the goal's number."""

    serializer_class = api_serializers.SdgGoalSerializer
    queryset = SdgGoal.objects.prefetch_related("targets").order_by("number")


@refusing_bad_parameters
def records_jsonl(request):
    """The list's sessions at these parameters as JSON Lines, each line the session's whole
    record as the API's detail gives it. The transcript's turns stay at the record's
    `transcript_url`: a transcript can run to thousands of turns, more than the rest of its
    record many times over."""
    sessions = exported_sessions(request, Session.objects.for_record())
    # One serializer for every record: DRF builds a serializer's fields (and its nested
    # serializers' fields) once an instance, which costs more than writing a record.
    serializer = api_serializers.SessionDetailSerializer(context={"request": request})
    stream = stream_jsonl(sessions, serializer.to_representation)
    return download(stream, "application/jsonl", "sessions.jsonl")

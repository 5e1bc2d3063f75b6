"""A session, the queries that read sessions, and the view linking sessions to goals."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from igfarchive.links import link
from sessions.models import shape
from sessions.models.expressions import SubqueryCount
from sessions.models.meetings import Meeting, SourceDocument
from sessions.models.rows import Argument, Organizer, Participation, TranscriptTurn
from sessions.models.sdgs import SdgGoal, SdgTarget
from speakers.history import ArchiveHistory

# A session's columns computed from the rest of the archive: never edited, never exported
# (an archive import computes them again), left out of history.
DERIVED_FIELDS = [
    "search_document",
    "search_vector",
    "year",
    "has_takeaways",
    "has_transcript",
    "has_report",
]

# Sessions newest first, undated ones last in their year: the default order of sessions and
# of the session list, held by the index archive_session_newest (migration 0009).
NEWEST_FIRST = [
    models.F("year").desc(),
    models.F("date").desc(nulls_last=True),
    models.F("start_time").desc(nulls_last=True),
    models.F("pk").desc(),
]

# The columns that exports, calendars and API lists read (SessionQuerySet.for_export): a list's
# line, with the short columns a spreadsheet sorts and filters on (the theme, the record marks
# and whether the record is machine-generated), and when the row was written.
EXPORT_FIELDS = [
    *shape.LIST_FIELDS,
    "theme",
    "has_takeaways",
    "has_transcript",
    "is_machine_generated",
    *shape.TIMESTAMPS,
]


class SessionQuerySet(models.QuerySet):
    def for_list(self):
        """What a list of sessions shows: meeting, SDG goals and which records each has.

        The long texts are left out; a list shows the start of the description only.
        """
        return (
            self.select_related("meeting")
            .prefetch_related("sdg_goals")
            .defer("report", "search_document", "unplaced_text", "import_snapshot", "agenda")
        )

    def for_export(self):
        """What an export row, a calendar event or an API list item shows.

        Only short columns are read, and the related rows come by prefetch, so that the
        queryset streams with iterator(chunk_size=...) at a fixed number of queries a chunk.
        """
        return (
            self.select_related("meeting")
            .only(
                *EXPORT_FIELDS,
                "meeting__slug",
                "meeting__name",
                "meeting__year",
                "meeting__city",
                "meeting__country",
            )
            .prefetch_related(
                "sdg_goals",
                models.Prefetch("sdg_targets", queryset=SdgTarget.objects.only("code", "goal")),
                models.Prefetch(
                    "organizers", queryset=Organizer.objects.select_related("organization")
                ),
                models.Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("person", "organization"),
                ),
            )
        )

    def for_detail(self):
        """A session's page: its related rows but not its transcript, which can run to
        thousands of turns (the page shows the first few, the transcript page the rest), and
        not the long columns the page does not show."""
        return self._with_rows(
            "sdg_targets",
            "policy_questions",
            "takeaways",
            models.Prefetch(
                "arguments",
                queryset=Argument.objects.select_related("person").prefetch_related(
                    "agreed_with", "disagreed_with"
                ),
            ),
            "curated_facts",
            "meeting__curated_facts",
        )

    def for_record(self):
        """The whole record of a session, as the API's detail and the JSON Lines export give
        it: what its page reads, with the number of its transcript turns in place of the
        turns, which have an endpoint (and pages) of their own."""
        return self.for_detail().annotate(transcript_turn_count=self._turn_count())

    def for_page(self):
        """The session's HTML page: the session with the rows its structured data and
        citation read from it (sessions/outputs), and the number of its transcript turns. The
        page reads its other rows itself, by the session's id (sessions/browse/session_record.py):
        prefetching costs some 0.3 ms of Python a relation more."""
        return self._with_rows().annotate(transcript_turn_count=self._turn_count())

    def _with_rows(self, *lookups):
        """The session with its meeting, source document, SDG goals, organizers and people,
        and these related rows besides."""
        return (
            self.select_related("meeting", "source_document")
            .defer("search_document", "search_vector", "import_snapshot", "source_document__text")
            .prefetch_related(
                "sdg_goals",
                models.Prefetch(
                    "organizers", queryset=Organizer.objects.select_related("organization")
                ),
                models.Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("person", "organization"),
                ),
                *lookups,
            )
        )

    @staticmethod
    def _turn_count():
        return SubqueryCount(
            TranscriptTurn.objects.filter(session=models.OuterRef("pk")).values("pk")
        )

    def with_records(self, names):
        """Sessions that have any of these records (names of has_record)."""
        condition = models.Q()
        for name in names:
            condition |= self.has_record(name)
        return self.filter(condition)

    def on_sdg(self, goals=(), targets=(), in_order=False):
        """Sessions on any of these goals (numbers) or targets (codes).

        A session is on a goal when it is linked to the goal or to one of its targets. Two
        forms of one condition, for PostgreSQL's planner at 100,000 sessions. As a set (to
        count, to facet): sessions IN the goal's SessionGoal rows, a join from the links
        (13 ms for SDG 7; the EXISTS form scans every session, 370 ms). `in_order`, for the
        first page of a list in the index's order: EXISTS on the two link tables, checked
        against a hash of the links while the index is read (8 ms; the IN form fetches and
        sorts every session on the goal, 70 ms).
        """
        if not in_order:
            condition = models.Q()
            if goals:
                condition |= models.Q(
                    pk__in=SessionGoal.objects.filter(goal__in=goals).values("session")
                )
            if targets:
                condition |= models.Q(
                    pk__in=Session.sdg_targets.through.objects.filter(sdgtarget__in=targets).values(
                        "session"
                    )
                )
            return self.filter(condition)
        goal_links = Session.sdg_goals.through.objects.filter(session=models.OuterRef("pk"))
        target_links = Session.sdg_targets.through.objects.filter(session=models.OuterRef("pk"))
        on_goal, on_target = models.Q(), models.Q()
        if goals:
            on_goal = models.Q(models.Exists(goal_links.filter(sdggoal__in=goals)))
            on_target |= models.Q(sdgtarget__goal__in=goals)
        if targets:
            on_target |= models.Q(sdgtarget__in=targets)
        return self.filter(on_goal | models.Q(models.Exists(target_links.filter(on_target))))

    def on_sdg_goal_only(self, goal):
        """Sessions linked to the goal (a number) and to none of its targets."""
        goal_links = Session.sdg_goals.through.objects.filter(session=models.OuterRef("pk"))
        target_links = Session.sdg_targets.through.objects.filter(session=models.OuterRef("pk"))
        return self.filter(models.Exists(goal_links.filter(sdggoal=goal))).exclude(
            models.Exists(target_links.filter(sdgtarget__goal=goal))
        )

    @staticmethod
    def has_record(name):
        """The condition "the session has key takeaways / a transcript / a report"."""
        if name == "takeaways":
            return models.Q(has_takeaways=True)
        if name == "transcript":
            return models.Q(has_transcript=True)
        if name == "report":
            return models.Q(has_report=True)
        raise ValueError(f"unknown record {name!r}")


class Session(models.Model):
    """One session of a meeting, with everything its sources say about it."""

    class Type(models.TextChoices):
        WORKSHOP = "workshop", "Workshop"
        OPEN_FORUM = "open_forum", "Open Forum"
        TOWN_HALL = "town_hall", "Town Hall"
        MAIN_SESSION = "main_session", "Main Session"
        HIGH_LEVEL = "high_level", "High-level session"
        LIGHTNING_TALK = "lightning_talk", "Lightning Talk"
        NETWORKING = "networking", "Networking Session"
        DYNAMIC_COALITION = "dynamic_coalition", "Dynamic Coalition Session"
        LAUNCH_AWARD = "launch_award", "Launch / Award Event"
        PRESS_CONFERENCE = "press_conference", "Press conference"
        OTHER = "other", "Other"
        # The source names no type (a DiploAI report): not "Other", which says it has one.
        NOT_STATED = "not_stated", "Session (type not stated)"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="sessions")
    session_type = models.CharField(max_length=20, choices=Type)
    number = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Number within its meeting and type: the 9 of Open Forum #9.",
    )
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=120)

    date = models.DateField(null=True, blank=True)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    time_zone = models.CharField(
        max_length=64, blank=True, help_text="As the source gives it, e.g. UTC; empty when unknown."
    )
    room = models.CharField(max_length=200, blank=True)
    format = models.CharField(
        max_length=100,
        blank=True,
        help_text="As published: Panel, Roundtable, Round Table - Circle…",
    )
    format_description = models.TextField(blank=True)
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    theme = models.CharField(max_length=200, blank=True)
    sub_themes = models.JSONField(default=list, blank=True)

    description = models.TextField(blank=True)
    background = models.TextField(blank=True)
    participant_gains = models.TextField(blank=True, help_text="What participants will gain.")
    expected_outcomes = models.TextField(blank=True)
    online_participation = models.TextField(blank=True, help_text="Online-participation plan.")
    agenda = models.TextField(blank=True, help_text="Hybrid format and agenda.")
    sdg_goals = models.ManyToManyField(SdgGoal, blank=True, related_name="sessions")
    sdg_targets = models.ManyToManyField(SdgTarget, blank=True, related_name="sessions")
    sdg_rationale = models.TextField(blank=True, help_text="The organizers' SDG rationale.")

    publisher = models.CharField(max_length=200, blank=True, help_text="Who published the source.")
    published_on = models.DateField(
        null=True, blank=True, help_text="When the source was published."
    )
    source_page_count = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The source is one page of a document published over this many pages.",
    )
    inferred = models.JSONField(
        "values inferred",
        default=dict,
        blank=True,
        help_text="The values the source does not state as such, each with the importer's rule "
        "that gave it: field name -> rule (sessions.models.Inference).",
    )

    summary = models.TextField(blank=True)
    report = models.TextField(
        blank=True, help_text="The session report, paragraphs separated by a blank line."
    )
    overall_purpose = models.TextField(blank=True)
    overall_tone = models.TextField(blank=True)

    source_document = models.ForeignKey(
        SourceDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="sessions"
    )
    is_machine_generated = models.BooleanField(
        default=False, help_text="Built from a machine-generated report, not an official record."
    )
    disclaimer = models.TextField(blank=True)
    unplaced_text = models.TextField(
        blank=True,
        help_text="Paragraphs of the source that the importer could not place in a field.",
    )
    needs_review = models.BooleanField(default=False)
    # Copies kept for the session list, so that a page of it reads this table alone, in the
    # order of one index (migration 0009): the meeting's year, and whether the session has key
    # takeaways, a transcript or a report. sessions/derived.py alone computes them, for every
    # writer.
    year = models.PositiveSmallIntegerField(editable=False)
    has_takeaways = models.BooleanField(default=False, editable=False)
    has_transcript = models.BooleanField(default=False, editable=False)
    has_report = models.BooleanField(default=False, editable=False)
    # Free-text search (sessions/search.py), copied so that one column answers a search: the
    # text of the session and of its related rows, and on PostgreSQL its weighted tsvector
    # (sessions/derived.py computes both). The vector's GIN index is created by migration 0004
    # on PostgreSQL only; on SQLite the column stays empty.
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # The values of the last import, field by field: a re-import compares them with
    # the current values to tell an editor's correction from stale imported data.
    import_snapshot = models.JSONField(default=dict, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()
    # The derived columns and the import's snapshot are rebuilt from the rest: history leaves
    # them out (a revert keeps their current values).
    history = ArchiveHistory(excluded_fields=[*DERIVED_FIELDS, "import_snapshot"])

    class Meta:
        ordering = NEWEST_FIRST
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "session_type", "number"],
                condition=models.Q(number__isnull=False),
                name="%(app_label)s_%(class)s_unique_number",
            ),
            models.UniqueConstraint(
                fields=["meeting", "slug"], name="%(app_label)s_%(class)s_unique_slug"
            ),
        ]
        indexes = [
            models.Index(fields=["session_type"], name="archive_session_type"),
            # The list's order, NEWEST_FIRST, is the index archive_session_newest (migration 0009).
            # A session's year and date by its id, read from the index alone: the people and
            # organization lists filtered by a year probe a session for each participation
            # they try (tens of thousands), and a person's page sorts its sessions by them; the
            # table's rows are wide (texts, search vector), so each read was a visit to a page.
            models.Index(fields=["id", "year", "date"], name="archive_session_year_by_id"),
            # The whole archive's counts of sessions with each record (the list's "Records"
            # facet), read from the index alone: on SQLite the marks follow the long texts in
            # the row (85-185 ms a count at 100,000 sessions; 7 ms from the index).
            models.Index(
                fields=["has_takeaways", "has_transcript", "has_report"],
                name="archive_session_records",
            ),
        ]

    def __str__(self):
        return f"{self.meeting} {self.label}: {self.title}" if self.label else self.title

    def get_absolute_url(self):
        return self.path_of(self.meeting.slug, self.slug)

    @property
    def label(self):
        """How the meeting names the session: "Open Forum #9", "Workshop #377"."""
        return self.label_of(self.session_type, self.number)

    # The same two for a session read as values (a person's page reads its rows so).
    @staticmethod
    def path_of(meeting_slug, slug):
        return link("sessions:detail", meeting_slug, slug)

    @staticmethod
    def label_of(session_type, number):
        if number is None:
            return ""
        return f"{TYPE_LABELS.get(session_type, session_type)} #{number}"


# A type's label by its value (get_session_type_display() builds this dict on every call).
TYPE_LABELS = dict(Session.Type.choices)


class SessionGoal(models.Model):
    """A session and a goal it is on: linked to the goal, or to one of the goal's targets.

    Read-only: a database view over the two link tables (migration 0008). It lets one grouped
    query count sessions per goal (the home grid, the SDG facet and pages) where a count per
    goal would read the links seventeen times.
    """

    pk = models.CompositePrimaryKey("session", "goal")
    session = models.ForeignKey(Session, on_delete=models.DO_NOTHING, related_name="goal_links")
    goal = models.ForeignKey(SdgGoal, on_delete=models.DO_NOTHING, related_name="session_links")

    class Meta:
        managed = False
        db_table = "archive_session_goal"

    def __str__(self):
        return f"{self.session_id} on SDG {self.goal_id}"

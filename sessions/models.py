from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse

from speakers.history import ArchiveHistory
from speakers.models import Organization, Person


class Meeting(models.Model):
    """An event that holds sessions: an annual IGF, a WSIS event, a press conference."""

    class Kind(models.TextChoices):
        IGF = "igf", "Internet Governance Forum"
        WSIS = "wsis", "WSIS"
        PRESS = "press", "Press conference"
        OTHER = "other", "Other event"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind)
    year = models.PositiveSmallIntegerField()
    city = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=100, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    history = ArchiveHistory()

    class Meta:
        ordering = ["-year", "name"]
        indexes = [
            models.Index(fields=["year"], name="archive_meeting_year"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Its sessions keep a copy of the year (Session.year).
        self.sessions.exclude(year=self.year).update(year=self.year)

    def get_absolute_url(self):
        return reverse("sessions:meeting", kwargs={"slug": self.slug})


class SourceDocument(models.Model):
    """A document as it was received, kept verbatim, from which sessions were imported."""

    class Format(models.TextChoices):
        IGF_PAGE_2024 = "igf_page_2024", "IGF session page (2024 layout)"
        IGF_WORKSHOP_PAGE = "igf_workshop_page", "IGF workshop page (2019-2023 layout)"
        DIPLOAI_REPORT = "diploai_report", "DiploAI session report (dig.watch)"
        PRESS_TRANSCRIPT = "press_transcript", "Press-conference transcript page"
        ARCHIVE_EXPORT = "archive_export", "Archive export"

    file_name = models.CharField(max_length=300)
    format = models.CharField(max_length=30, choices=Format)
    sha256 = models.CharField(max_length=64, unique=True)
    text = models.TextField()
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["file_name"]

    def __str__(self):
        return f"{self.file_name} ({self.get_format_display()})"


class SdgGoalQuerySet(models.QuerySet):
    def with_session_count(self):
        """Each goal with the number of sessions on it, by one grouped query over SessionGoal
        (distinct: other joins may repeat a goal's rows)."""
        return self.annotate(session_count=models.Count("session_links__session", distinct=True))


class SdgGoal(models.Model):
    """One of the 17 Sustainable Development Goals, with its official colour."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    short = models.CharField(max_length=100)
    title = models.CharField(max_length=300)
    color = models.CharField(max_length=7, help_text="Official colour, #RRGGBB.")

    objects = SdgGoalQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = "SDG goal"

    def __str__(self):
        return f"SDG {self.number}: {self.short}"

    def get_absolute_url(self):
        return reverse("sessions:sdg", kwargs={"number": self.number})


class SdgTarget(models.Model):
    """One of the 169 SDG targets, such as 7.a."""

    code = models.CharField(max_length=6, primary_key=True)
    goal = models.ForeignKey(SdgGoal, on_delete=models.PROTECT, related_name="targets")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(
        help_text="Order within the goal: 7.1 … 7.3, 7.a, 7.b."
    )

    class Meta:
        ordering = ["goal_id", "position"]
        verbose_name = "SDG target"

    def __str__(self):
        return f"Target {self.code}"


# A session's columns computed from the rest of the archive: never edited, never exported
# (an archive import computes them again), left out of history.
DERIVED_FIELDS = ["search_document", "search_vector", "year", "has_takeaways", "has_transcript"]

# Sessions newest first, undated ones last in their year: the default order of sessions and
# of the session list, held by the index archive_session_newest (migration 0009).
NEWEST_FIRST = [
    models.F("year").desc(),
    models.F("date").desc(nulls_last=True),
    models.F("start_time").desc(nulls_last=True),
    models.F("pk").desc(),
]

# The columns of a session that exports, calendars and API lists read (SessionQuerySet.for_export).
EXPORT_FIELDS = [
    "meeting",
    "session_type",
    "number",
    "title",
    "slug",
    "date",
    "start_time",
    "end_time",
    "time_zone",
    "room",
    "format",
    "duration_minutes",
    "created_at",
    "updated_at",
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
            .annotate(
                has_report=models.ExpressionWrapper(
                    self.has_record("report"), output_field=models.BooleanField()
                )
            )
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
        return (
            self.select_related("meeting", "source_document")
            .defer("search_document", "search_vector", "import_snapshot", "source_document__text")
            .prefetch_related(
                "sdg_goals",
                "sdg_targets",
                "policy_questions",
                "takeaways",
                models.Prefetch(
                    "organizers", queryset=Organizer.objects.select_related("organization")
                ),
                models.Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("person", "organization"),
                ),
                models.Prefetch(
                    "arguments",
                    queryset=Argument.objects.select_related("person").prefetch_related(
                        "agreed_with", "disagreed_with"
                    ),
                ),
                "curated_facts",
                "meeting__curated_facts",
            )
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
            return ~models.Q(report="")
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
    # order of one index (migration 0009): the meeting's year (save() copies it, and
    # Meeting.save() when the year changes), and whether the session has key takeaways or a
    # transcript (sessions.search.refresh_derived sets them with the search text).
    year = models.PositiveSmallIntegerField(editable=False)
    has_takeaways = models.BooleanField(default=False, editable=False)
    has_transcript = models.BooleanField(default=False, editable=False)
    # Free-text search (sessions/search.py keeps both up to date): the text of the session and
    # of its related rows, and on PostgreSQL its weighted tsvector. The vector's GIN index is
    # created by migration 0004 on PostgreSQL only; on SQLite the column stays empty.
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
        ]

    def __str__(self):
        return f"{self.meeting} {self.label}: {self.title}" if self.label else self.title

    def save(self, *args, **kwargs):
        self.year = self.meeting.year
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("sessions:detail", kwargs={"meeting": self.meeting.slug, "slug": self.slug})

    @property
    def label(self):
        """How the meeting names the session: "Open Forum #9", "Workshop #377"."""
        if self.number is None:
            return ""
        return f"{self.get_session_type_display()} #{self.number}"


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


class CuratedFact(models.Model):
    """A fact an editor added that the source document does not state, with its source."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="curated_facts"
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, null=True, blank=True, related_name="curated_facts"
    )
    field = models.CharField(max_length=60, help_text="The field it fills, e.g. title or city.")
    value = models.TextField()
    source = models.URLField(max_length=500)

    history = ArchiveHistory()

    class Meta:
        ordering = ["field"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=True, session__isnull=False)
                | models.Q(meeting__isnull=False, session__isnull=True),
                name="%(app_label)s_%(class)s_one_record",
            ),
            models.UniqueConstraint(
                fields=["session", "field"],
                condition=models.Q(session__isnull=False),
                name="%(app_label)s_%(class)s_unique_session_field",
            ),
            models.UniqueConstraint(
                fields=["meeting", "field"],
                condition=models.Q(meeting__isnull=False),
                name="%(app_label)s_%(class)s_unique_meeting_field",
            ),
        ]

    def __str__(self):
        return f"{self.session or self.meeting}: {self.field}"


class PolicyQuestion(models.Model):
    """A policy question the session set out to answer."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="policy_questions")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    history = ArchiveHistory()

    class Meta:
        # session_id, not session: ordering by the relation would join sessions and sort by
        # their own ordering on every query of these rows.
        ordering = ["session_id", "position"]

    def __str__(self):
        return self.text[:80]


class Organizer(models.Model):
    """An organization that organized or hosted a session.

    People who organized a session are participations with the organizer role.
    """

    class Role(models.TextChoices):
        ORGANIZER = "organizer", "Organizer"
        HOST = "host", "Host"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="organizers")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="organized"
    )
    role = models.CharField(max_length=10, choices=Role, default=Role.ORGANIZER)
    position = models.PositiveSmallIntegerField()
    published_name = models.CharField(max_length=300, help_text="The name as the source wrote it.")

    history = ArchiveHistory()

    class Meta:
        ordering = ["session_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "organization", "role"],
                name="%(app_label)s_%(class)s_unique_role",
            ),
        ]

    def __str__(self):
        return f"{self.published_name} ({self.get_role_display()})"


class StakeholderGroup(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", "Civil Society"
    PRIVATE_SECTOR = "private_sector", "Private Sector"
    GOVERNMENT = "government", "Government"
    TECHNICAL_COMMUNITY = "technical_community", "Technical Community"
    INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental Organization"


class RegionalGroup(models.TextChoices):
    """The UN regional groups, plus the sources' own "Intergovernmental Organization"."""

    AFRICAN = "african", "African Group"
    ASIA_PACIFIC = "asia_pacific", "Asia-Pacific Group"
    EASTERN_EUROPEAN = "eastern_european", "Eastern European Group"
    GRULAC = "grulac", "Latin American and Caribbean Group (GRULAC)"
    WEOG = "weog", "Western European and Others Group (WEOG)"
    INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental Organization"


class Participation(models.Model):
    """A person in a session in one role, with what the source published at the time."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", "Speaker"
        ORGANIZER = "organizer", "Organizer"
        ONSITE_MODERATOR = "onsite_moderator", "Onsite moderator"
        ONLINE_MODERATOR = "online_moderator", "Online moderator"
        MODERATOR = "moderator", "Moderator"
        RAPPORTEUR = "rapporteur", "Rapporteur"
        HOST = "host", "Host"
        QUESTIONER = "questioner", "Questioner"
        PRESENTER = "presenter", "Presenter"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=20, choices=Role)
    position = models.PositiveSmallIntegerField()
    published_name = models.CharField(max_length=200, help_text="The name as the source wrote it.")
    affiliation = models.TextField(blank=True, help_text="As published.")
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    stakeholder_group = models.CharField(max_length=20, choices=StakeholderGroup, blank=True)
    regional_group = models.CharField(max_length=20, choices=RegionalGroup, blank=True)
    role_text = models.CharField(
        max_length=200, blank=True, help_text="The role in the source's words."
    )
    is_tbd = models.BooleanField("to be confirmed", default=False)
    is_remote = models.BooleanField(default=False)
    words_per_minute = models.PositiveSmallIntegerField(null=True, blank=True)
    words = models.PositiveIntegerField(null=True, blank=True)
    speech_seconds = models.PositiveIntegerField(null=True, blank=True)

    history = ArchiveHistory()

    class Meta:
        ordering = ["session_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "session", "role"], name="%(app_label)s_%(class)s_unique_role"
            ),
        ]
        indexes = [
            # Stakeholder and regional-group filters of the session list.
            models.Index(fields=["stakeholder_group"], name="archive_part_stakeholder"),
            models.Index(fields=["regional_group"], name="archive_part_region"),
        ]

    def __str__(self):
        return f"{self.published_name} ({self.get_role_display()})"


class Takeaway(models.Model):
    """A short statement attached to a session: a key takeaway, a call to action and kin."""

    class Kind(models.TextChoices):
        KEY_TAKEAWAY = "key_takeaway", "Key takeaway"
        CALL_TO_ACTION = "call_to_action", "Call to action"
        KEY_DISCUSSION_POINT = "key_discussion_point", "Key discussion point"
        ACTION_ITEM = "action_item", "Resolution or action item"
        UNRESOLVED_ISSUE = "unresolved_issue", "Unresolved issue"
        SUGGESTED_COMPROMISE = "suggested_compromise", "Suggested compromise"
        THOUGHT_PROVOKING_COMMENT = "thought_provoking_comment", "Thought-provoking comment"
        FOLLOW_UP_QUESTION = "follow_up_question", "Follow-up question"
        AGREEMENT = "agreement", "Agreement"
        DISAGREEMENT = "disagreement", "Disagreement"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="takeaways")
    kind = models.CharField(max_length=30, choices=Kind)
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    speaker = models.CharField(max_length=200, blank=True, help_text="Who said it, as published.")
    details = models.JSONField(
        default=dict, blank=True, help_text="Labelled parts, e.g. Reason, Impact."
    )

    history = ArchiveHistory()

    class Meta:
        ordering = ["session_id", "kind", "position"]
        indexes = [
            # "Has takeaways" filter and the counts per kind on a session page.
            models.Index(fields=["session", "kind"], name="archive_takeaway_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Argument(models.Model):
    """A speaker's claim in a machine-generated report, with who agreed or disagreed."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="arguments")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="arguments")
    position = models.PositiveSmallIntegerField()
    claim = models.TextField()
    explanation = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    major_discussion_point = models.CharField(max_length=300, blank=True)
    topics = models.JSONField(default=list, blank=True)
    agreed_with = models.ManyToManyField(Person, blank=True, related_name="+")
    agreed_on = models.TextField(blank=True)
    disagreed_with = models.ManyToManyField(Person, blank=True, related_name="+")
    disagreed_on = models.TextField(blank=True)

    history = ArchiveHistory()

    class Meta:
        ordering = ["session_id", "position"]

    def __str__(self):
        return f"{self.person}: {self.claim[:60]}"


class TranscriptTurn(models.Model):
    """One utterance of a session's transcript, in order."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="transcript_turns")
    position = models.PositiveIntegerField()
    speaker_label = models.CharField(
        max_length=200, help_text="The label before the colon, as published."
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="transcript_turns"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transcript_turns",
        help_text="Set when the speaker is an organization, such as a media outlet asking.",
    )
    text = models.TextField()

    history = ArchiveHistory()

    class Meta:
        ordering = ["session_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="%(app_label)s_%(class)s_unique_position"
            ),
        ]

    def __str__(self):
        return f"{self.speaker_label}: {self.text[:60]}"

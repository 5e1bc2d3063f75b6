"""The rows that hang off a session: its questions, organizers, people, takeaways, arguments
and transcript."""

from django.db import models

from sessions.models.marks import Inference
from speakers.history import ArchiveHistory
from speakers.models import Organization, Person


class PolicyQuestion(models.Model):
    """A policy question the session set out to answer."""

    session = models.ForeignKey(
        "archive.Session", on_delete=models.CASCADE, related_name="policy_questions"
    )
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

    # Where the name is kept as published: splitting a spelling off a record moves the rows
    # published under it (speakers.merging.split_off).
    published_name_field = "published_name"

    class Role(models.TextChoices):
        ORGANIZER = "organizer", "Organizer"
        HOST = "host", "Host"

    session = models.ForeignKey(
        "archive.Session", on_delete=models.CASCADE, related_name="organizers"
    )
    # Indexed by archive_organizer_sessions, which begins with it.
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="organized", db_index=False
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
        indexes = [
            # The sessions an organization organized (sessions.browse.organization_record),
            # read from the index alone.
            models.Index(fields=["organization", "session"], name="archive_organizer_sessions"),
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

    # Where the name is kept as published: splitting a spelling off a record moves the rows
    # published under it (speakers.merging.split_off).
    published_name_field = "published_name"

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

    # Indexed by archive_part_session, which begins with it.
    session = models.ForeignKey(
        "archive.Session",
        on_delete=models.CASCADE,
        db_index=False,
        related_name="participations",
    )
    # Indexed by archive_part_person, which begins with it.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, db_index=False, related_name="participations"
    )
    role = models.CharField(max_length=20, choices=Role)
    position = models.PositiveSmallIntegerField()
    published_name = models.CharField(max_length=200, help_text="The name as the source wrote it.")
    affiliation = models.TextField(blank=True, help_text="As published.")
    # Indexed by archive_part_organization, which begins with it.
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        related_name="participations",
    )
    stakeholder_group = models.CharField(max_length=20, choices=StakeholderGroup, blank=True)
    regional_group = models.CharField(max_length=20, choices=RegionalGroup, blank=True)
    role_text = models.CharField(
        max_length=200, blank=True, help_text="The role in the source's words."
    )
    is_tbd = models.BooleanField("to be confirmed", default=False)
    is_remote = models.BooleanField(default=False)
    inferred_by = models.CharField(
        "role inferred by",
        max_length=40,
        choices=Inference,
        blank=True,
        help_text="The importer's rule that gave the role, when the source does not state it; "
        "empty when it does. Clear it when you confirm the role.",
    )
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
            # A list's facets of people, stakeholder and regional groups count the
            # participations of the list's sessions: from the index alone, without a visit to
            # the table for each (SDG 7's people facet 188 to 96 ms at 100,000 sessions).
            models.Index(
                fields=["session", "person", "stakeholder_group", "regional_group"],
                name="archive_part_session",
            ),
            # Stakeholder and regional-group filters of the session list, and their facets'
            # counts of sessions by group, read from the index alone (with the group only,
            # each of the million participations was read from the table: 0.5 s a facet at
            # 100,000 sessions on PostgreSQL, 0.15 s from the index).
            models.Index(
                fields=["stakeholder_group", "session"], name="archive_part_stake_session"
            ),
            models.Index(fields=["regional_group", "session"], name="archive_part_region_session"),
            # An organization's sessions and people (sessions.browse.organization_record, its
            # counts in sessions.record_counts), read from the index alone: by the foreign
            # key's index, each of the thousands of rows of a large organization is a visit to
            # the table. With the row's id, the page of its people is chosen from the index too
            # (pagination.KeysFirst), and only the page's rows are read from the table.
            models.Index(
                fields=["organization", "session", "person", "id"],
                name="archive_part_organization",
            ),
            # The people and organization lists filtered by a group (and a year): each person
            # or organization the list tries, in the order of its index, is probed for one
            # participation of the group, one index entry; without them, every row of a large
            # organization in other groups was read first (sessions.browse.people_filters).
            models.Index(
                fields=["person", "stakeholder_group", "regional_group", "session"],
                name="archive_part_person_groups",
            ),
            # A person's page: its sessions and its figures by year, from the index alone
            # (the busiest person's years 7 → 2 ms at 100,000 sessions on PostgreSQL, each of
            # their 870 rows a visit to the table by the foreign key's index).
            models.Index(
                fields=["person", "session", "speech_seconds", "words"],
                name="archive_part_person",
            ),
            models.Index(
                fields=["organization", "stakeholder_group", "regional_group", "session"],
                name="archive_part_org_groups",
            ),
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

    session = models.ForeignKey(
        "archive.Session", on_delete=models.CASCADE, related_name="takeaways"
    )
    kind = models.CharField(max_length=30, choices=Kind)
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    speaker = models.CharField(max_length=200, blank=True, help_text="Who said it, as published.")
    details = models.JSONField(
        default=dict, blank=True, help_text="Labelled parts, e.g. Reason, Impact."
    )
    is_cut_off = models.BooleanField(
        "cut off in the source",
        default=False,
        help_text="The source's text stops mid-word (sessions/importers/text.py, DocumentWords).",
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

    session = models.ForeignKey(
        "archive.Session", on_delete=models.CASCADE, related_name="arguments"
    )
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

    # Where the name is kept as published: splitting a spelling off a record moves the rows
    # published under it (speakers.merging.split_off).
    published_name_field = "speaker_label"

    session = models.ForeignKey(
        "archive.Session", on_delete=models.CASCADE, related_name="transcript_turns"
    )
    position = models.PositiveIntegerField()
    speaker_label = models.CharField(
        max_length=200, help_text="The label before the colon, as published."
    )
    # Indexed by archive_turn_person, which begins with it.
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        related_name="transcript_turns",
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
        indexes = [
            # A person's page: their turns counted, and the newest page of them chosen, from
            # the index alone (pagination.KeysFirst; by the foreign key's index alone, each of
            # the busiest person's 1,727 turns was a visit to the table).
            models.Index(
                fields=["person", "session", "position", "id"], name="archive_turn_person"
            ),
        ]

    def __str__(self):
        return f"{self.speaker_label}: {self.text[:60]}"

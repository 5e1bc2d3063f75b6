"""Meetings, the documents sessions come from, and the facts editors add to both."""

from django.db import models

from igfarchive.links import link
from speakers.history import ArchiveHistory


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

    def get_absolute_url(self):
        return link("sessions:meeting", self.slug)


class SourceDocument(models.Model):
    """A document as it was received, kept verbatim, from which sessions were imported."""

    class Format(models.TextChoices):
        IGF_PAGE_2024 = "igf_page_2024", "IGF session page (2024 layout)"
        IGF_WORKSHOP_PAGE = "igf_workshop_page", "IGF workshop page (2019-2023 layout)"
        DIPLOAI_REPORT = "diploai_report", "DiploAI session report (dig.watch)"
        PRESS_TRANSCRIPT = "press_transcript", "Press-conference transcript page"
        IGF_TRANSCRIPT = "igf_transcript", "IGF session transcript (captions)"
        WSIS_AGENDA_PAGE = "wsis_agenda_page", "WSIS Forum session page (ITU agenda)"
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


class CuratedFact(models.Model):
    """A fact an editor added that the source document does not state, with its source."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="curated_facts"
    )
    session = models.ForeignKey(
        "archive.Session",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="curated_facts",
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


class WaitingDocument(models.Model):
    """A page of a known family that lacks what identifies its session (a title, a meeting or
    its year), kept verbatim with its problems until an editor supplies what is missing.

    The import stores it instead of refusing it; the editor's completion (the admin's form)
    runs the same loader with the supplied values, recorded as curated facts with their source,
    and the document leaves the queue (status resolved, the session it became linked)."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for an editor"
        RESOLVED = "resolved", "Completed and imported"

    file_name = models.CharField(max_length=300)
    format = models.CharField(max_length=30, choices=SourceDocument.Format)
    sha256 = models.CharField(max_length=64, unique=True)
    text = models.TextField()
    problems = models.TextField(help_text="What is missing, one `file:line: reason` a line.")
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    received_at = models.DateTimeField()
    # What the editor supplied; the title and date also become curated facts of the session.
    meeting_kind = models.CharField(max_length=10, choices=Meeting.Kind, blank=True)
    meeting_year = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=500, blank=True)
    date = models.DateField(null=True, blank=True)
    source = models.URLField(
        max_length=500, blank=True, help_text="Where the supplied facts come from."
    )
    session = models.ForeignKey(
        "archive.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The session the completed import wrote.",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "file_name"]
        indexes = [
            # The editors' desk counts the open documents (status = 'open').
            models.Index(fields=["status"], name="archive_waitingdocument_status"),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def supplied(self):
        """The values the editor supplied, by the name the loader knows them under."""
        return {
            name: value
            for name, value in (
                ("meeting_kind", self.meeting_kind),
                ("meeting_year", self.meeting_year),
                ("title", self.title),
                ("date", self.date),
            )
            if value not in (None, "")
        }

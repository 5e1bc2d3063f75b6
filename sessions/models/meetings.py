"""Meetings, the documents sessions come from, and the facts editors add to both."""

from django.db import models
from django.urls import reverse

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


class InferredFact(models.Model):
    """A fact of a session that its document does not state in words, read by a rule from
    where it stands (a date taken from the report, an onsite moderator inferred from the
    layout), kept until an editor confirms it on the editors' desk.

    The importer writes one per inference (sessions/importers/loader.py); a re-import keeps
    the row, confirmed or not, while the rule still gives the same value. One person may hold
    two inferred roles (the onsite moderator who is the rapporteur too).
    """

    class Field(models.TextChoices):
        DATE = "date", "Date"
        ROLE = "role", "Role"

    session = models.ForeignKey(
        "archive.Session", on_delete=models.CASCADE, related_name="inferred_facts"
    )
    field = models.CharField(max_length=10, choices=Field)
    subject = models.CharField(
        max_length=200, blank=True, help_text="The person, as published, whose role was inferred."
    )
    value = models.CharField(max_length=60, help_text="The value the rule gave, as stored.")
    rule = models.CharField(max_length=300, help_text="Which rule, in an editor's words.")
    line = models.PositiveIntegerField(help_text="The document's line the rule read.")
    confirmed = models.BooleanField(default=False, help_text="An editor confirmed it.")

    history = ArchiveHistory()

    class Meta:
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "field", "subject", "value"],
                name="%(app_label)s_%(class)s_unique_fact",
            ),
        ]

    def __str__(self):
        fact = f"{self.subject}: {self.get_field_display().lower()}" if self.subject else self.field
        return f"{fact} {self.value}"

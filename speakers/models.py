from django.db import models
from django.db.models import TextChoices

from speakers.history import ArchiveHistory
from speakers.names import organization_key, person_key, sort_key

# The copied columns, which a record's history leaves out: they follow other rows' changes.
COUNTS = {
    "person": ["session_count", "first_year", "last_year"],
    "organization": ["session_count", "organized_count", "people_count"],
}


class Person(models.Model):
    """One real person, however many ways the sources spell the name."""

    name = models.CharField(max_length=200, help_text="The name the archive shows.")
    slug = models.SlugField(max_length=220, unique=True)
    note = models.TextField(
        blank=True, help_text="Editors' note, e.g. why two records were kept apart."
    )
    # The name as the lists sort it, case and accents left out ("DU Guimei" with "Du",
    # "Élodie" with "Elodie"): speakers.names.sort_key, set by save(), the same on every
    # database.
    sort_name = models.CharField(max_length=200, editable=False, default="")
    # Copies of what the person's participations say, so that a page of the people list is
    # the first rows of an index, whatever it is sorted by: sessions.record_counts alone
    # computes them, for every writer of participations.
    session_count = models.PositiveIntegerField(default=0, editable=False)
    first_year = models.PositiveSmallIntegerField(null=True, editable=False)
    last_year = models.PositiveSmallIntegerField(null=True, editable=False)

    history = ArchiveHistory(excluded_fields=["sort_name", *COUNTS["person"]])

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            # The people list by name (sessions.browse.people_filters.BY_NAME).
            models.Index(fields=["sort_name", "name", "id"], name="speakers_person_by_name"),
            # The people list sorted by number of sessions, most first.
            models.Index(
                fields=["-session_count", "sort_name", "name", "id"],
                name="speakers_person_by_sessions",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = sort_key(self.name)
        super().save(*args, **kwargs)


class PersonAlias(models.Model):
    """A spelling of a person's name as some source published it, and why it is theirs."""

    class Rule(TextChoices):
        FIRST = "first", "First spelling: the record was made for it"
        SAME_NAME = "same_name", "Same name as a spelling of the record"
        RUNNING_TEXT = "running_text", "Same name as a participant, in the text of a source"
        EDITOR = "editor", "Added by an editor"
        MERGED = "merged", "Came with a record an editor merged into this one"
        SPLIT_OFF = "split_off", "Split off by an editor into a record of its own"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    # The importer finds a person by this key; see speakers.names.person_key.
    key = models.CharField(max_length=200, db_index=True, editable=False)
    # Why this spelling belongs to this person (speakers.identity): the rule, and what it
    # matched ("“GONG Ke”: same name; affiliation agrees"), shown on the person's admin page.
    rule = models.CharField(max_length=20, choices=Rule, blank=True, editable=False)
    rule_detail = models.CharField(max_length=300, blank=True, editable=False)

    history = ArchiveHistory()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        constraints = [
            # Two people may share a spelling; one person lists a spelling once.
            models.UniqueConstraint(
                fields=["person", "name"], name="%(app_label)s_%(class)s_unique_name"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = person_key(self.name)
        super().save(*args, **kwargs)


class Organization(models.Model):
    """One real organization: an organizer, a host or an affiliation; or a unit of one (a
    bureau of a ministry, a school of a university), whose people its parent's page shows."""

    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    is_media_outlet = models.BooleanField(default=False)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        help_text="The organization this one is a unit of.",
    )
    # As Person.sort_name.
    sort_name = models.CharField(max_length=300, editable=False, default="")
    # Copies of what its own rows say (its units' not included), for the organization list as
    # for the people list; sessions.record_counts alone computes them. Sessions it organized or
    # hosted or its people took part in, each once; sessions it organized; its people.
    session_count = models.PositiveIntegerField(default=0, editable=False)
    organized_count = models.PositiveIntegerField(default=0, editable=False)
    people_count = models.PositiveIntegerField(default=0, editable=False)

    history = ArchiveHistory(excluded_fields=["sort_name", *COUNTS["organization"]])

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            # The organization list by name (sessions.browse.people_filters.BY_NAME).
            models.Index(fields=["sort_name", "name", "id"], name="speakers_org_by_name"),
            # The organization list sorted by number of sessions, most first.
            models.Index(
                fields=["-session_count", "sort_name", "name", "id"],
                name="speakers_org_by_sessions",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = sort_key(self.name)
        super().save(*args, **kwargs)


class OrganizationAlias(models.Model):
    """A spelling of an organization's name as some source published it."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, db_index=True, editable=False)

    history = ArchiveHistory()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="%(app_label)s_%(class)s_unique_name"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = organization_key(self.name)
        super().save(*args, **kwargs)


class PairSuggestion(models.Model):
    """Two records that may be one: for an editor to decide, never merged alone."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        KEPT_APART = "kept_apart", "Kept apart"

    reason = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=Status, default=Status.OPEN)
    # The field naming the record a merge of the pair keeps; the other is `other`.
    KEPT = ""

    class Meta:
        abstract = True
        ordering = ["status", "id"]

    @property
    def kept(self):
        return getattr(self, self.KEPT)


class DuplicateSuggestion(PairSuggestion):
    """Two person records that may be one person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    KEPT = "person"

    class Meta(PairSuggestion.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["person", "other"], name="%(app_label)s_%(class)s_unique_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("other")),
                name="%(app_label)s_%(class)s_two_people",
            ),
        ]

    def __str__(self):
        return f"{self.person} / {self.other}?"


class OrganizationDuplicateSuggestion(PairSuggestion):
    """Two organization records that may be one
    (speakers.identity.suggest_organization_duplicates says when a pair is offered)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    KEPT = "organization"

    class Meta(PairSuggestion.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "other"], name="%(app_label)s_%(class)s_unique_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(organization=models.F("other")),
                name="%(app_label)s_%(class)s_two_organizations",
            ),
        ]

    def __str__(self):
        return f"{self.organization} / {self.other}?"

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from sessions import derived
from sessions.importers.documents import Curated, DocumentRefused
from sessions.importers.waiting import complete
from sessions.models import (
    Argument,
    CuratedFact,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    SdgGoal,
    SdgTarget,
    Session,
    SourceDocument,
    Takeaway,
    TranscriptTurn,
    WaitingDocument,
    shape,
)
from sessions.search import SEARCH_FIELDS
from speakers.admin import OrganizationAdmin, PersonAdmin
from speakers.editing import ChoicesReadWithRows, SavesOnlyChanges
from speakers.models import Organization, Person

# Changelists' costs (tests/sessions/test_admin_query_counts.py counts their queries: the same
# for 1 row as for 25, with the filters' choices each read in one query).
# - show_full_result_count = False on the tables that grow with the archive (sessions, source
#   documents, people, organizations, their spellings, suggested duplicates): otherwise every
#   page of the list counts the whole table a second time, for the "(N total)" shown next to a
#   filtered count; at 100,000 sessions that is a full COUNT(*) on every click. A filtered list
#   says "Show all" instead. Meetings, SDG goals and targets are small: they keep it.
# - No date_hierarchy: it would read the distinct dates of the whole list on every page; the
#   meeting and year filters narrow a list of sessions as well.
# - The largest columns, which no list or form shows, are not read (get_queryset).


class ParticipationInline(SavesOnlyChanges, ChoicesReadWithRows, admin.StackedInline):
    """Compact: each person in a few short lines, so that the form fits a 1,280 px window."""

    model = Participation
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = [
        # The importer's mark on a role it inferred: an editor who confirms the role clears it.
        ("position", "role", "inferred_by", "published_name"),
        ("person", "organization"),
        "affiliation",
        ("stakeholder_group", "regional_group"),
        ("is_tbd", "is_remote", "words_per_minute", "words", "speech_seconds"),
    ]
    classes = ["compact"]


class OrganizerInline(SavesOnlyChanges, ChoicesReadWithRows, admin.TabularInline):
    model = Organizer
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["position", "organization", "published_name", "role"]


class PolicyQuestionInline(SavesOnlyChanges, admin.TabularInline):
    model = PolicyQuestion
    extra = 0


class TakeawayInline(SavesOnlyChanges, admin.TabularInline):
    model = Takeaway
    extra = 0
    classes = ["collapse"]
    fields = ["kind", "position", "text", "speaker", "details", "is_cut_off"]


class OneFactPerField(BaseInlineFormSet):
    """A record has one curated fact per field: two in one save are a form error, not a
    refused write (the database's unique constraint)."""

    def clean(self):
        super().clean()
        fields = [
            form.cleaned_data["field"]
            for form in self.forms
            if form.cleaned_data.get("field") and not self._should_delete_form(form)
        ]
        if repeated := sorted({field for field in fields if fields.count(field) > 1}):
            raise ValidationError(
                f"Two curated facts fill “{repeated[0]}”: a field has one curated fact; keep one."
            )


class CuratedFactInline(SavesOnlyChanges, admin.TabularInline):
    model = CuratedFact
    formset = OneFactPerField
    formfield_overrides = {
        **SavesOnlyChanges.formfield_overrides,
        models.URLField: {"assume_scheme": "https"},
    }
    fk_name = "session"
    exclude = ["meeting"]
    extra = 0


class ArgumentInline(admin.TabularInline):
    """A DiploAI report's arguments, one short line each, folded: each opens on its own page
    (ArgumentAdmin), where its links to who agreed or disagreed are edited. Editing all of them
    here made a long session's form too slow to open."""

    model = Argument
    extra = 0
    classes = ["collapse"]
    fields = readonly_fields = ["position", "person", "claim"]
    show_change_link = True
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")

    def has_add_permission(self, request, obj=None):
        return False


# The session's parts that hold long texts: folded on its change form until opened.
FOLDED_PARTS = {"Proposal", "SDGs", "Outcome", "Source"}


class UnplacedTextFilter(admin.SimpleListFilter):
    """Sessions whose source had paragraphs the importer could not place: for review."""

    title = "unplaced text"
    parameter_name = "unplaced"

    def lookups(self, request, model_admin):
        return [("yes", "Has unplaced text"), ("no", "None")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(unplaced_text="")
        if self.value() == "no":
            return queryset.filter(unplaced_text="")
        return queryset


class InferredFilter(admin.SimpleListFilter):
    """Sessions with a role or a value the importer inferred by a rule: for confirmation (the
    editors' desk links here)."""

    title = "inferred by a rule"
    parameter_name = "inferred"

    def lookups(self, request, model_admin):
        return [("roles", "Roles"), ("values", "Values")]

    def queryset(self, request, queryset):
        if self.value() == "roles":
            return queryset.filter(
                pk__in=Participation.objects.exclude(inferred_by="").values("session")
            )
        if self.value() == "values":
            return queryset.exclude(inferred={})
        return queryset


@admin.register(Session)
class SessionAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    # Its type and number in one column ("Workshop #125"), so that every key column fits.
    list_display = ["title", "kind_and_number", "meeting", "date", "needs_review"]
    list_select_related = ["meeting"]
    show_full_result_count = False
    list_filter = [
        "meeting",
        "meeting__year",
        "session_type",
        "sdg_goals",
        "needs_review",
        UnplacedTextFilter,
        InferredFilter,
        "is_machine_generated",
    ]
    search_fields = ["title", "description"]
    autocomplete_fields = ["sdg_targets"]
    filter_horizontal = ["sdg_goals"]
    readonly_fields = [
        "source_document",
        "review_reasons",
        "transcript",
        "created_at",
        "updated_at",
    ]
    prepopulated_fields = {"slug": ["title"]}
    # The session's parts under their headings; the review flag and its reasons beside the
    # identity, where an editor looks first. The parts of long text are folded until opened
    # (<details>, no script).
    fieldsets = (
        [(None, {"fields": [*shape.IDENTITY, "needs_review", "review_reasons"]})]
        + [
            (title, {"fields": fields, "classes": ["collapse"] if title in FOLDED_PARTS else []})
            for title, fields in shape.PARTS[1:]
        ]
        + [("Transcript", {"fields": ["transcript"]})]
    )
    inlines = [
        OrganizerInline,
        ParticipationInline,
        PolicyQuestionInline,
        TakeawayInline,
        CuratedFactInline,
        ArgumentInline,
    ]

    @admin.display(description="type", ordering="session_type")
    def kind_and_number(self, session):
        return session.label or session.get_session_type_display()

    def get_queryset(self, request):
        # The search text (a session's whole text, transcript included) and the import's
        # snapshot: derived, on no form, left out of history, rebuilt after a save.
        return super().get_queryset(request).defer(*SEARCH_FIELDS, "import_snapshot")

    def changeform_view(self, request, *args, **kwargs):
        # The form saves the session and its inlines row by row: its derived columns are
        # rebuilt once, after all of them, in the same transaction.
        with transaction.atomic(), derived.batch():
            return super().changeform_view(request, *args, **kwargs)

    @admin.display(description="Transcript")
    def transcript(self, session):
        # A link, not an inline: a transcript runs to thousands of turns, each a form of two
        # autocomplete widgets that read their choice one query each. Its turns are edited on
        # their own pages (TranscriptTurnAdmin), a hundred to a page.
        if not session.pk:
            return "–"
        turns = session.transcript_turns.count()
        if not turns:
            return "No transcript"
        url = reverse("admin:archive_transcriptturn_changelist")
        return format_html(
            '<a href="{}?session__id__exact={}">{} turns</a>', url, session.pk, turns
        )

    @admin.display(description="Why it needs a review")
    def review_reasons(self, session):
        # What the last import found outside the vocabularies, "line: reason" each (its
        # snapshot is left out of the list's query: one query more on this page only).
        reasons = session.import_snapshot.get("review", []) if session.pk else []
        return format_html_join("\n", "<p>{}</p>", ((reason,) for reason in reasons)) or "–"


@admin.register(Argument)
class ArgumentAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    """One argument of a DiploAI report, opened from its session's form."""

    list_display = ["claim", "person", "session", "position"]
    list_select_related = ["person", "session__meeting"]
    show_full_result_count = False
    search_fields = ["claim", "person__name"]
    autocomplete_fields = ["person", "agreed_with", "disagreed_with"]
    readonly_fields = ["session"]

    def has_add_permission(self, request):
        return False


@admin.register(TranscriptTurn)
class TranscriptTurnAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    """A session's transcript, turn by turn, opened from its session's form."""

    list_display = ["position", "speaker_label", "person", "session"]
    list_display_links = ["position", "speaker_label"]
    list_select_related = ["person", "session__meeting"]
    list_per_page = 100
    show_full_result_count = False
    search_fields = ["speaker_label", "text"]
    autocomplete_fields = ["person", "organization"]
    readonly_fields = ["session"]
    fields = ["session", "position", "speaker_label", "person", "organization", "text"]

    def has_add_permission(self, request):
        return False


class MeetingCuratedFactInline(CuratedFactInline):
    fk_name = "meeting"
    exclude = ["session"]


@admin.register(Meeting)
class MeetingAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    list_display = ["name", "kind", "year", "city", "country", "start_date", "end_date"]
    list_filter = ["kind", "year"]
    search_fields = ["name", "city", "country"]
    inlines = [MeetingCuratedFactInline]


@admin.register(SdgGoal)
class SdgGoalAdmin(SavesOnlyChanges, admin.ModelAdmin):
    list_display = ["number", "short", "color"]
    search_fields = ["short", "title"]


@admin.register(SdgTarget)
class SdgTargetAdmin(SavesOnlyChanges, admin.ModelAdmin):
    list_display = ["code", "goal", "text"]
    list_select_related = ["goal"]
    list_filter = ["goal"]
    search_fields = ["code", "text"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(SavesOnlyChanges, admin.ModelAdmin):
    """Documents are kept verbatim: readable, never edited here."""

    list_display = ["file_name", "format", "sha256", "imported_at"]
    list_filter = ["format"]
    search_fields = ["file_name", "sha256"]
    readonly_fields = ["file_name", "format", "sha256", "text", "imported_at"]
    show_full_result_count = False

    def get_queryset(self, request):
        # A document's text is long and only its own page shows it (one query more there).
        return super().get_queryset(request).defer("text")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# What an editor supplies for a waiting document.
SUPPLIED_FIELDS = ["meeting_kind", "meeting_year", "title", "date", "source"]


class CompletionForm(forms.ModelForm):
    """What the editor supplies for a waiting document; a valid form has imported it."""

    source = forms.URLField(
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=WaitingDocument._meta.get_field("source").help_text,
    )

    class Meta:
        model = WaitingDocument
        fields = SUPPLIED_FIELDS

    def clean(self):
        cleaned = super().clean()
        if self.errors or self.instance.status == WaitingDocument.Status.RESOLVED:
            return cleaned
        if not cleaned.get("source"):
            raise ValidationError("Say where the supplied facts come from (source).")
        # Not self.Meta: the admin's form class has a Meta of its own, with every field.
        for name in SUPPLIED_FIELDS:
            setattr(self.instance, name, cleaned.get(name))
        try:
            # The same path as an import; rolled back whole when it cannot complete.
            with transaction.atomic():
                complete(self.instance, Curated())
        except DocumentRefused as refused:
            self.instance.status = WaitingDocument.Status.OPEN
            raise ValidationError(
                [line.split(":", 1)[1].strip() for line in refused.lines]
            ) from None
        return cleaned


@admin.register(WaitingDocument)
class WaitingDocumentAdmin(admin.ModelAdmin):
    """The queue of documents that wait for an editor: the page as received, what it lacks,
    and the form that supplies it; saving the form imports the document."""

    form = CompletionForm
    list_display = ["file_name", "format", "status", "received_at", "session"]
    list_filter = ["status", "format"]
    # A session's name shows its meeting's.
    list_select_related = ["session__meeting"]
    search_fields = ["file_name", "sha256"]
    show_full_result_count = False
    readonly_fields = [
        "file_name",
        "format",
        "status",
        "problems",
        "received_at",
        "session",
        "resolved_at",
        "text",
    ]
    fieldsets = [
        (None, {"fields": ["file_name", "format", "status", "problems", "received_at"]}),
        (
            "What is missing, and where it comes from",
            {"fields": SUPPLIED_FIELDS},
        ),
        ("Result", {"fields": ["session", "resolved_at"]}),
        ("The document as received", {"fields": ["text"]}),
    ]

    def get_queryset(self, request):
        # A document's text is long and only its own page shows it.
        return super().get_queryset(request).defer("text")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status == WaitingDocument.Status.RESOLVED:
            return [*self.readonly_fields, *SUPPLIED_FIELDS]
        return self.readonly_fields

    def has_add_permission(self, request):
        return False


class SessionsOfInline(admin.TabularInline):
    """The sessions a person or an organization took part in, read-only, on its change form.

    Registered from here, because `speakers` knows nothing of sessions (tests/test_dependencies).
    """

    model = Participation
    fields = readonly_fields = ["session", "role", "published_name", "affiliation"]
    extra = 0
    can_delete = False
    verbose_name_plural = "Sessions"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("session__meeting")

    def has_add_permission(self, request, obj=None):
        return False


class PersonSessionsInline(SessionsOfInline):
    fk_name = "person"


class OrganizationSessionsInline(SessionsOfInline):
    fk_name = "organization"


# The speakers app's admins, with the sessions listed (importing them registers them first).
admin.site.unregister([Person, Organization])


@admin.register(Person)
class PersonWithSessionsAdmin(PersonAdmin):
    inlines = [*PersonAdmin.inlines, PersonSessionsInline]


@admin.register(Organization)
class OrganizationWithSessionsAdmin(OrganizationAdmin):
    inlines = [*OrganizationAdmin.inlines, OrganizationSessionsInline]

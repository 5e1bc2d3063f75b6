from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from sessions import derived
from sessions.models import (
    Argument,
    CuratedFact,
    InferredFact,
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
    shape,
)
from sessions.search import SEARCH_FIELDS
from speakers.admin import OrganizationAdmin, PersonAdmin
from speakers.editing import SavesOnlyChanges
from speakers.history import change_reason
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


class ParticipationInline(SavesOnlyChanges, admin.StackedInline):
    """Compact: each person in a few short lines, so that the form fits a 1,280 px window."""

    model = Participation
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = [
        ("position", "role", "published_name"),
        ("person", "organization"),
        "affiliation",
        ("stakeholder_group", "regional_group"),
        ("is_tbd", "is_remote", "words_per_minute", "words", "speech_seconds"),
    ]
    classes = ["compact"]


class OrganizerInline(SavesOnlyChanges, admin.TabularInline):
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
    fields = ["kind", "position", "text", "speaker", "details"]


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


class TranscriptTurnInline(SavesOnlyChanges, admin.TabularInline):
    """Long and rarely edited: folded away at the bottom of the page."""

    model = TranscriptTurn
    extra = 0
    classes = ["collapse"]
    autocomplete_fields = ["person", "organization"]
    fields = ["position", "speaker_label", "person", "organization", "text"]


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
        "is_machine_generated",
    ]
    search_fields = ["title", "description"]
    autocomplete_fields = ["sdg_targets"]
    filter_horizontal = ["sdg_goals"]
    readonly_fields = ["source_document", "created_at", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}
    # The session's parts under their headings; the review flag beside the identity, where an
    # editor looks first.
    # The parts of long text are folded until opened (<details>, no script).
    fieldsets = [(None, {"fields": [*shape.IDENTITY, "needs_review"]})] + [
        (title, {"fields": fields, "classes": ["collapse"] if title in FOLDED_PARTS else []})
        for title, fields in shape.PARTS[1:]
    ]
    inlines = [
        OrganizerInline,
        ParticipationInline,
        PolicyQuestionInline,
        TakeawayInline,
        CuratedFactInline,
        ArgumentInline,
        TranscriptTurnInline,
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


@admin.action(description="Confirm the selected facts", permissions=["change"])
def confirm_facts(modeladmin, request, queryset):
    count = 0
    with change_reason("confirmed in the admin"):
        for fact in queryset.filter(confirmed=False):
            fact.confirmed = True
            fact.save(update_fields=["confirmed"])
            count += 1
    modeladmin.message_user(request, f"{count} fact(s) confirmed.", messages.SUCCESS)


@admin.register(InferredFact)
class InferredFactAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    """Facts read by a rule, written by the importer: an editor confirms them (or corrects the
    session); the editors' desk lists the open ones."""

    list_display = ["__str__", "session", "rule", "confirmed"]
    list_select_related = ["session__meeting"]
    list_filter = ["confirmed", "field"]
    search_fields = ["subject", "session__title"]
    readonly_fields = ["session", "field", "subject", "value", "rule", "line"]
    show_full_result_count = False
    actions = [confirm_facts]

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

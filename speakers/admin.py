from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from speakers.editing import SavesOnlyChanges
from speakers.merging import merge, split_off
from speakers.models import (
    DuplicateSuggestion,
    Organization,
    OrganizationAlias,
    OrganizationDuplicateSuggestion,
    PairSuggestion,
    Person,
    PersonAlias,
)

# These tables grow with the archive: a changelist counts its rows once, not twice (the whole
# table again for "(N total)"); see sessions/admin.py and tests/sessions/test_admin_query_counts.py.


@admin.action(description="Merge the selected records into the oldest one", permissions=["change"])
def merge_selected(modeladmin, request, queryset):
    records = list(queryset.order_by("pk"))
    if len(records) < 2:
        modeladmin.message_user(request, "Select at least two records to merge.", messages.WARNING)
        return
    keep, dropped = records[0], 0
    for other in records[1:]:
        dropped += merge(keep, other)[1]
    note = f"; {dropped} duplicate row(s) folded together" if dropped else ""
    modeladmin.message_user(
        request, f"Merged {len(records) - 1} record(s) into “{keep}”{note}.", messages.SUCCESS
    )


@admin.action(
    description="Split the selected spellings off into records of their own", permissions=["change"]
)
def split_selected(modeladmin, request, queryset):
    for alias in queryset:
        new, moved = split_off(alias)
        modeladmin.message_user(
            request, f"“{new}” is now a record of its own, with {moved} row(s).", messages.SUCCESS
        )


class PersonAliasInline(SavesOnlyChanges, admin.TabularInline):
    """The spellings, each with the rule that joined it to the person (speakers.identity)."""

    model = PersonAlias
    extra = 1
    fields = ["name", "rule", "rule_detail"]
    readonly_fields = ["rule", "rule_detail"]
    verbose_name_plural = "spellings, and the rule that joined each"


def added_by_editor(alias):
    """A spelling an editor adds by hand says so."""
    if alias.pk is None:
        alias.rule, alias.rule_detail = PersonAlias.Rule.EDITOR, ""


@admin.register(Person)
class PersonAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    show_full_result_count = False
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline]
    actions = [merge_selected]

    def save_formset(self, request, form, formset, change):
        if formset.model is PersonAlias:
            for inline_form in formset.forms:
                added_by_editor(inline_form.instance)
        super().save_formset(request, form, formset, change)


@admin.register(PersonAlias)
class PersonAliasAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    """Spellings; an editor splits one off when it belongs to somebody else."""

    list_display = ["name", "person", "rule"]
    show_full_result_count = False
    list_select_related = ["person"]
    list_filter = ["rule"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]
    readonly_fields = ["rule", "rule_detail"]
    actions = [split_selected]

    def save_model(self, request, obj, form, change):
        added_by_editor(obj)
        if change and "person" in form.changed_data:
            obj.rule, obj.rule_detail = PersonAlias.Rule.EDITOR, "moved here by an editor"
        super().save_model(request, obj, form, change)


class OrganizationAliasInline(SavesOnlyChanges, admin.TabularInline):
    model = OrganizationAlias
    extra = 1
    fields = ["name"]


@admin.register(Organization)
class OrganizationAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    list_display = ["name", "slug", "parent", "is_media_outlet"]
    show_full_result_count = False
    list_select_related = ["parent"]
    list_filter = ["is_media_outlet"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [OrganizationAliasInline]
    actions = [merge_selected]


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(SavesOnlyChanges, SimpleHistoryAdmin):
    list_display = ["name", "organization"]
    show_full_result_count = False
    list_select_related = ["organization"]
    search_fields = ["name", "organization__name"]
    autocomplete_fields = ["organization"]
    actions = [split_selected]


@admin.action(description="Merge each pair (the first is kept)", permissions=["change"])
def merge_suggested(modeladmin, request, queryset):
    pairs = list(queryset.filter(status=PairSuggestion.Status.OPEN))
    for suggestion in pairs:
        merge(suggestion.kept, suggestion.other)
    modeladmin.message_user(request, f"Merged {len(pairs)} pair(s).", messages.SUCCESS)


@admin.action(description="Keep each pair apart", permissions=["change"])
def keep_apart(modeladmin, request, queryset):
    count = queryset.update(status=PairSuggestion.Status.KEPT_APART)
    modeladmin.message_user(request, f"{count} pair(s) kept apart.", messages.SUCCESS)


class PairSuggestionAdmin(SavesOnlyChanges, admin.ModelAdmin):
    """Suggested pairs of people or of organizations: an editor merges or keeps them apart."""

    show_full_result_count = False
    list_filter = ["status"]
    actions = [merge_suggested, keep_apart]


@admin.register(DuplicateSuggestion)
class DuplicateSuggestionAdmin(PairSuggestionAdmin):
    list_display = ["person", "other", "reason", "status"]
    list_select_related = ["person", "other"]
    autocomplete_fields = ["person", "other"]


@admin.register(OrganizationDuplicateSuggestion)
class OrganizationDuplicateSuggestionAdmin(PairSuggestionAdmin):
    list_display = ["organization", "other", "reason", "status"]
    list_select_related = ["organization", "other"]
    autocomplete_fields = ["organization", "other"]

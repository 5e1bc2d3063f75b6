from django.contrib import admin

from speakers.models import (
    DuplicateSuggestion,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    fields = ["name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline]


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 1
    fields = ["name"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_media_outlet"]
    list_filter = ["is_media_outlet"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganizationAliasInline]


@admin.register(DuplicateSuggestion)
class DuplicateSuggestionAdmin(admin.ModelAdmin):
    list_display = ["person", "other", "reason", "status"]
    list_select_related = ["person", "other"]
    list_filter = ["status"]
    autocomplete_fields = ["person", "other"]

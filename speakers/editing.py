"""What every admin form of the archive shares: a save writes only what the editor changed,
and text without control characters (speakers/text.py).

Browsers send every line break of a text area as CR LF; the archive stores LF. A text field
that normalises them reads an untouched text area as unchanged, so an untouched form changes
nothing, and a save whose form did not change writes nothing and records no history.

It lives in `speakers`, the app every other one depends on, so that both apps' admins use it.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import models

from speakers.text import refuse_control_characters


class LineFeedTextField(forms.CharField):
    """Text with the archive's line breaks (LF), whatever the browser sent."""

    def to_python(self, value):
        text = super().to_python(value)
        return text.replace("\r\n", "\n").replace("\r", "\n")


class SavesOnlyChanges(admin.options.BaseModelAdmin):
    """For ModelAdmin and inlines: text areas in LF, text without control characters; an
    unchanged form saves nothing."""

    formfield_overrides = {models.TextField: {"form_class": LineFeedTextField}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A JSON field is a CharField too, but its value is no text.
        if isinstance(formfield, forms.CharField) and not isinstance(formfield, forms.JSONField):
            formfield.validators.append(refuse_control_characters)
        return formfield

    def save_model(self, request, obj, form, change):
        if form.has_changed() or not change:
            super().save_model(request, obj, form, change)


class RowChoiceSelect(AutocompleteSelect):
    """An autocomplete select that shows the record its row already holds (`row_choice`, read
    with the row) instead of reading it again: Django's widget reads its choice in a query of
    its own, one per widget, so a form of many rows read one query per person."""

    row_choice = None

    def optgroups(self, name, value, attr=None):
        chosen = [str(choice) for choice in value if choice not in ("", None)]
        if self.row_choice is None or chosen != [str(self.row_choice.pk)]:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(self.row_choice)
        options.append(self.create_option(name, self.row_choice.pk, label, set(chosen), 1))
        return [(None, options, 0)]


class ChoicesReadWithRows(admin.options.InlineModelAdmin):
    """For inlines: the records their autocomplete fields name are read with the rows (one
    join) and shown from there, so the form's queries do not grow with its rows."""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.autocomplete_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = RowChoiceSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        fields = self.autocomplete_fields

        class Form(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name in fields:
                    if name in self.fields and self.instance.pk:
                        widget = self.fields[name].widget
                        widget = getattr(widget, "widget", widget)  # inside the "add" wrapper
                        widget.row_choice = getattr(self.instance, name)

        formset.form = Form
        return formset

"""What every admin form of the archive shares: a save writes only what the editor changed,
and text without control characters (speakers/text.py).

Browsers send every line break of a text area as CR LF; the archive stores LF. A text field
that normalises them reads an untouched text area as unchanged, so an untouched form changes
nothing, and a save whose form did not change writes nothing and records no history.

It lives in `speakers`, the app every other one depends on, so that both apps' admins use it.
"""

from django import forms
from django.contrib import admin
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

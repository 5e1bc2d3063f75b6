"""An admin save writes only what the editor changed (issue: the editors' desk).

The forms are posted as a browser posts them: every line break of a text area as CR LF.
"""

import pytest
from django import forms
from django.apps import apps
from simple_history.manager import HistoryManager

from sessions.backup import export_archive
from sessions.models import Session
from speakers.models import Organization, Person
from tests.bundled import import_bundled
from tests.sessions.test_admin import form_data

pytestmark = pytest.mark.django_db


def forms_of(response):
    yield response.context["adminform"].form
    for inline in response.context.get("inline_admin_formsets", []):
        yield inline.formset.management_form
        yield from inline.formset.forms


def as_a_browser_posts(response):
    """The change page's forms, unchanged, with text areas' line breaks as CR LF, and the
    hidden copies of initial values the page holds (fields with a callable default)."""
    data = {}
    for form in forms_of(response):
        posted = form_data(form)
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            if key not in posted:
                continue
            if isinstance(field.widget, forms.Textarea):
                posted[key] = posted[key].replace("\n", "\r\n")
            if field.show_hidden_initial:
                posted[form.add_initial_prefix(name)] = form[name].value()
        data.update(posted)
    return data


def history_rows():
    """The number of history rows of every model with a history."""
    return sum(
        model.history.count()
        for model in apps.get_models()
        if isinstance(getattr(model, "history", None), HistoryManager)
    )


def change_urls():
    for model, path in [
        (Session, "archive/session"),
        (Person, "speakers/person"),
        (Organization, "speakers/organization"),
    ]:
        for pk in model.objects.order_by("pk").values_list("pk", flat=True):
            yield f"/admin/{path}/{pk}/change/"


def test_saving_every_form_unchanged_changes_nothing(editor_client):
    import_bundled()
    before, rows = export_archive(), history_rows()
    urls = list(change_urls())

    answers = [
        editor_client.post(url, as_a_browser_posts(editor_client.get(url))).status_code
        for url in urls
    ]

    assert answers == [302] * len(urls)
    # Every record of the five documents: 5 sessions, 40 people and 41 organizations (each
    # affiliation's organization and unit).
    assert (Session.objects.count(), len(urls)) == (5, 86)
    assert export_archive() == before
    assert history_rows() == rows


def test_one_edit_records_one_changed_field(editor_client):
    import_bundled()
    session = Session.objects.get(slug="open-forum-9")
    url = f"/admin/archive/session/{session.pk}/change/"
    data = as_a_browser_posts(editor_client.get(url))
    data["room"] = "Room 7"

    assert editor_client.post(url, data).status_code == 302

    latest = session.history.latest()
    changes = latest.diff_against(latest.prev_record).changes
    assert [(change.field, change.new) for change in changes] == [("room", "Room 7")]


def test_a_control_character_in_an_edit_is_a_form_error(editor_client):
    import_bundled()
    session = Session.objects.get(slug="open-forum-9")
    url = f"/admin/archive/session/{session.pk}/change/"
    data = as_a_browser_posts(editor_client.get(url))
    data["title"] = "Open\x0bdata"
    data["description"] = "Grids\u2028and data"

    response = editor_client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors == {
        "title": ["holds the control character U+000B at position 5; remove it."],
        "description": ["holds the control character U+2028 at position 6; remove it."],
    }
    session.refresh_from_db()
    assert session.title != "Open\x0bdata"

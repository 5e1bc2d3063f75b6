"""Which models move the archive version: igfarchive.version.version_models() says it alone."""

from django.apps import apps

from igfarchive.version import ARCHIVE_APP_LABELS, version_models
from sessions.backup import RECORD_MODELS


def labels(models):
    return sorted(model._meta.label_lower for model in models)


def test_every_model_of_the_archive_apps_moves_the_version_one_way():
    models = version_models()
    every = [
        model
        for label in ARCHIVE_APP_LABELS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]

    assert labels(models.saved + models.linked + models.history) == labels(every)
    assert labels(models.linked) == [
        "archive.argument_agreed_with",
        "archive.argument_disagreed_with",
        "archive.session_sdg_goals",
        "archive.session_sdg_targets",
    ]
    assert labels(models.history) == [
        "archive.historicalargument",
        "archive.historicalcuratedfact",
        "archive.historicalmeeting",
        "archive.historicalorganizer",
        "archive.historicalparticipation",
        "archive.historicalpolicyquestion",
        "archive.historicalsession",
        "archive.historicaltakeaway",
        "archive.historicaltranscriptturn",
        "speakers.historicalorganization",
        "speakers.historicalorganizationalias",
        "speakers.historicalperson",
        "speakers.historicalpersonalias",
    ]


def test_the_tables_a_restore_writes_are_the_backups():
    assert labels(version_models().restored) == sorted(RECORD_MODELS)
    assert set(version_models().restored) <= set(version_models().saved)

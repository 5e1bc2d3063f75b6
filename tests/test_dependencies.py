"""The direction of dependencies the README draws: igfarchive -> sessions -> speakers.

Inside `sessions`, the core (models, derived, search) imports neither side, the write side
(importers) and the read side (browse, outputs, api) do not import each other, and the outputs
(format writers) use no view or FilterSet.

`speakers` (people, organizations, the rules of names) knows nothing of sessions: it imports
nothing from `sessions` or `igfarchive`, and no string in its code names a field, model or
URL of the sessions app (a string lookup such as "participations__session__year" is an import
by another name). Docstrings and comments may mention sessions; code may not.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

SPEAKERS = Path(settings.BASE_DIR) / "speakers"
SESSIONS = Path(settings.BASE_DIR) / "sessions"
READ_SIDE = {"sessions.browse", "sessions.outputs", "sessions.api"}
WRITE_SIDE = {"sessions.importers"}
# The modules every side uses, and which must not use any side.
CORE = ["models", "derived.py", "search.py"]


def speakers_modules():
    return sorted(path for path in SPEAKERS.rglob("*.py") if "migrations" not in path.parts)


def modules_under(*paths):
    for path in paths:
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def imports_into(paths, packages):
    """`path: module` for each import, in these files, of a module inside these packages."""
    return [
        f"{path.relative_to(settings.BASE_DIR)}: {module}"
        for path in modules_under(*paths)
        for module in imported_modules(ast.parse(path.read_text()))
        if any(module == package or module.startswith(package + ".") for package in packages)
    ]


def imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def code_strings(tree):
    """The string constants of a module but its docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        is_string = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_string and id(node) not in docstrings:
            yield node.lineno, node.value


def sessions_names():
    """Names only the sessions app gives: its models' fields and its relations to speakers."""
    speakers_fields = {
        field.name
        for model in apps.get_app_config("speakers").get_models()
        for field in model._meta.get_fields()
        if field.concrete
    }
    names = set()
    for model in apps.get_app_config("archive").get_models():
        names.add(model._meta.model_name)
        names.update(field.name for field in model._meta.get_fields())
        names.update(
            field.related_query_name()
            for field in model._meta.get_fields()
            if field.is_relation and field.concrete and field.related_model
        )
    # "pk" and the hidden "+" of a relation without a reverse name are no one's.
    return names - speakers_fields - {"pk", "+"}


def test_speakers_imports_nothing_from_sessions_or_igfarchive():
    imports = [
        f"{path.relative_to(settings.BASE_DIR)}: {module}"
        for path in sorted(SPEAKERS.rglob("*.py"))  # its migrations too
        for module in imported_modules(ast.parse(path.read_text()))
        if module.split(".")[0] in {"sessions", "igfarchive", "benchmarks"}
    ]
    assert imports == []


def test_no_speakers_migration_waits_for_one_of_the_archive():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    waits = [
        f"{name} after {parent.key}"
        for app, name in graph.nodes
        if app == "speakers"
        for parent in graph.node_map[(app, name)].parents
        if parent.key[0] == "archive"
    ]
    assert waits == []


def test_no_string_in_speakers_names_a_sessions_field_or_url():
    forbidden = sessions_names()
    found = []
    for path in speakers_modules():
        for line, text in code_strings(ast.parse(path.read_text())):
            parts = {part for part in text.replace(".", "__").split("__") if part}
            if text.startswith(("sessions:", "archive.")) or parts & forbidden:
                found.append(f"{path.relative_to(settings.BASE_DIR)}:{line}: {text!r}")
    assert found == []


def test_the_check_sees_a_lookup_through_sessions():
    """The check itself: the strings the person pages used before they moved are caught."""
    forbidden = sessions_names()
    for text in ["participations__session__year", "organized__session", "session__meeting__slug"]:
        assert set(text.split("__")) & forbidden, text
    assert not {"name", "slug", "key", "aliases"} & forbidden


def test_the_write_side_and_the_read_side_do_not_import_each_other():
    read_side = [SESSIONS / package.split(".")[1] for package in READ_SIDE]
    assert imports_into([SESSIONS / "importers"], READ_SIDE) == []
    assert imports_into(read_side, WRITE_SIDE) == []


def test_the_core_of_sessions_imports_neither_side():
    assert imports_into([SESSIONS / name for name in CORE], READ_SIDE | WRITE_SIDE) == []


def test_the_outputs_write_formats_and_use_no_view_or_filter():
    """Below the views: the pages, downloads and API use the outputs, never the reverse."""
    assert imports_into([SESSIONS / "outputs"], {"sessions.browse", "sessions.api"}) == []


def test_the_side_check_sees_an_import():
    """The check itself: the downloads take the list's FilterSet and the outputs' writers."""
    assert imports_into([SESSIONS / "browse" / "downloads.py"], READ_SIDE) == [
        "sessions/browse/downloads.py: sessions.browse.filters",
        "sessions/browse/downloads.py: sessions.browse.parameters",
        "sessions/browse/downloads.py: sessions.browse.people",
        "sessions/browse/downloads.py: sessions.outputs.calendar",
        "sessions/browse/downloads.py: sessions.outputs.exports",
    ]

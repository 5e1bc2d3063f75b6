"""The README's and docs/'s tables and commands say what the code does.

Every variable the configuration table documents is one the settings read, and every variable
they read is documented; every URL of the URL tables resolves; every `manage.py` command the
docs show exists, with the options they give it.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.urls import Resolver404, resolve

BASE_DIR = Path(settings.BASE_DIR)
DOCS = [BASE_DIR / "README.md", *sorted((BASE_DIR / "docs").glob("*.md"))]
SETTINGS_MODULES = [
    BASE_DIR / "igfarchive" / "settings.py",
    BASE_DIR / "igfarchive" / "environment.py",
]
READERS = {
    "env_addresses",
    "env_bool",
    "env_int",
    "env_list",
    "secret_key_from_env",
    "os.environ.get",
}
# A URL table's placeholders, each given a value that fits its converter.
PLACEHOLDERS = {
    "<meeting>": "igf-2024",
    "<session>": "open-forum-9",
    "<slug>": "ada",
    "<number>": "7",
    "<id>": "1",
}
COMMAND = re.compile(r"manage\.py ([a-z_]+)((?: +(?:--[a-z-]+|[^\s#`|]+))*)")
BENCHMARK_COMMANDS = {"generate_synthetic": "benchmarks", "benchmark_import": "benchmarks"}


def documented_variables():
    readme = (BASE_DIR / "README.md").read_text()
    table = readme[readme.index("| variable | default | meaning |") :]
    table = table[: table.index("\n\n")]
    return re.findall(r"^\| `([A-Z_]+)` \|", table, re.MULTILINE)


def variables_read():
    """The environment variables the settings read: first arguments of the readers."""
    names = set()
    for path in SETTINGS_MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            is_reader = isinstance(node, ast.Call) and ast.unparse(node.func) in READERS
            if is_reader and node.args and isinstance(node.args[0], ast.Constant):
                names.add(node.args[0].value)
    return names


def test_the_configuration_table_documents_exactly_the_variables_the_settings_read():
    assert sorted(documented_variables()) == sorted(variables_read())


def test_the_check_sees_the_variables_read():
    assert {"DEBUG", "DATABASE_URL", "DATABASE_CONN_MAX_AGE", "REDIS_URL"} <= variables_read()


def documented_urls():
    for path in DOCS:
        for cell in re.findall(r"^\| ([^|]*`/[^|]*) \|", path.read_text(), re.MULTILINE):
            for url in re.findall(r"`(/[^`?…]*)", cell):
                for placeholder, value in PLACEHOLDERS.items():
                    url = url.replace(placeholder, value)
                yield path.name, url


@pytest.mark.parametrize(("document", "url"), sorted(set(documented_urls())))
def test_every_documented_url_resolves(document, url):
    try:
        resolve(url)
    except Resolver404:
        pytest.fail(f"{document}: {url} resolves to nothing")


def documented_commands():
    for path in DOCS:
        for name, arguments in COMMAND.findall(path.read_text()):
            yield path.name, name, tuple(re.findall(r"--[a-z-]+", arguments))


@pytest.mark.parametrize(("document", "name", "options"), sorted(set(documented_commands())))
def test_every_documented_command_exists_with_its_options(document, name, options):
    app = BENCHMARK_COMMANDS.get(name) or get_commands().get(name)
    assert app is not None, f"{document}: manage.py {name} is no command"
    parser = load_command_class(app, name).create_parser("manage.py", name)
    unknown = [option for option in options if option not in parser._option_string_actions]
    assert unknown == [], f"{document}: manage.py {name} has no option {unknown}"


def test_the_docs_show_commands_and_urls():
    assert len(set(documented_commands())) >= 15
    assert len(set(documented_urls())) >= 20


def test_open_data_describes_every_table_and_column_of_the_dataset():
    from sessions.outputs.datapackage import tables_markdown

    assert tables_markdown() in (BASE_DIR / "docs" / "open-data.md").read_text()

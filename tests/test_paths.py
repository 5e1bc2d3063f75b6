"""No file of the project names a place outside it.

A test, a document or a script that reads an absolute path of one machine (a home folder, a
worktree's checkout beside this one, a shared folder next to the repository) passes there and
fails, or quietly reads something else, on a reader's machine. Every text file of the project
is searched (tracked files, and new ones not ignored by git); the bundled documents are data,
not searched.

Allowed, because the project really uses them wherever it runs:
- /usr/bin/chromium: where Debian's package puts the browser; the browser tests' default
  (CHROMIUM_PATH overrides it) and what .ci/run installs;
- /usr/bin/env: the shebang of the scripts;
- /usr/bin:/bin: the PATH the importer tests give the processes they start;
- /dev/null: shell redirections;
- /tmp/: scratch files (the benchmarks' SQLite file, a URL parsed in a test);
- /proc/: benchmarks/serving.py reads a Linux server process's children and memory there.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEARCHED_SUFFIXES = {".py", ".md", ".toml", ".html", ".txt", ".json", ".cfg", ".yml", ".sh"}
SEARCHED_NAMES = {".ci/run"}
NOT_SEARCHED = ("fixtures/documents/", ".venv/")
ALLOWED = ("/usr/bin/chromium", "/usr/bin/env", "/usr/bin:/bin", "/dev/null", "/tmp/", "/proc/")
# An absolute path: a slash not after a letter, a dot, a dash, a tilde or the end of a shell
# expansion (so that "docs/run", "$(dirname ...)/bin" and a URL's host part are not one), then
# a name. It names this machine's file system when that name is a folder at its root; a URL's
# path ("/sessions/...") is not.
ABSOLUTE = re.compile(r"(?<![\w.~)}-])/(?P<top>[\w.-]+)[^\s\"'`),]*")
HOME = re.compile(r"(?<![\w.])~/")
RELATIVE_UP = re.compile(r"\.\.[/\\]+(?P<name>[\w.-]+)")


def top_folders():
    return {path.name for path in Path("/").iterdir() if path.is_dir()}


def project_files():
    """The project's text files, relative to its root: git's list when it is a checkout."""
    if shutil.which("git") and (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    else:
        listed = [str(path.relative_to(ROOT)) for path in ROOT.rglob("*") if path.is_file()]
    return sorted(
        name
        for name in listed
        if (Path(name).suffix in SEARCHED_SUFFIXES or name in SEARCHED_NAMES)
        and not name.startswith(NOT_SEARCHED)
        and (ROOT / name).is_file()
    )


def outside_paths(text, root=ROOT):
    """Each (line number, path) of `text` that names a place outside the project at `root`:
    an absolute path on this machine (the folder above the project included), a folder beside
    the project reached with "..", or a home folder."""
    tops, siblings = top_folders(), {path.name for path in root.parent.iterdir()} - {root.name}
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        allowed = {
            position
            for path in ALLOWED
            for match in re.finditer(re.escape(path), line)
            for position in range(match.start(), match.end())
        }
        for match in ABSOLUTE.finditer(line):
            if match["top"] in tops and match.start() not in allowed:
                found.append((number, match.group()))
        found.extend(
            (number, match.group())
            for match in RELATIVE_UP.finditer(line)
            if match["name"] in siblings
        )
        found.extend((number, match.group()) for match in HOME.finditer(line))
    return found


@pytest.fixture
def layout(tmp_path):
    """A project folder with a folder beside it, and a root folder of this machine."""
    (tmp_path / "project").mkdir()
    (tmp_path / "notes").mkdir()
    top = sorted(top_folders() - {"tmp", "dev", "proc", "usr"})[0]
    return tmp_path / "project", tmp_path, top


def test_outside_paths_finds_absolute_and_sibling_paths(layout):
    root, _above, top = layout
    lines = [
        f'DOCUMENTS = Path("/{top}/main/fixtures/documents")',
        "see ../notes/STYLE.md",
        "cp ~/archive.sqlite3 .",
        f"sqlite:////{top}/lib/archive.sqlite3",
        f"PATH=/{top}/tools/bin:/usr/bin:/bin",
        "chromium at /usr/bin/chromium, logs to /dev/null",
        'env={"PATH": "/usr/bin:/bin"}',
        'PATH="$(python3 -m site --user-base)/bin:$PATH"',
        "--sqlite /tmp/archive.sqlite3",
        'client.get("/sessions/igf-2021/workshop-125/")',
        f"docs/run and https://example.org/{top}/ and tests/{top}/ and ../project/README.md",
        f"open('{root}/README.md')",
    ]

    assert outside_paths("\n".join(lines), root) == [
        (1, f"/{top}/main/fixtures/documents"),
        (2, "../notes"),
        (3, "~/"),
        (4, f"/{top}/lib/archive.sqlite3"),
        (5, f"/{top}/tools/bin:/usr/bin:/bin"),
    ]


def test_no_file_names_a_place_outside_the_project():
    files = project_files()
    # The search reaches the project's own files (a wrong root would find nothing to search).
    assert {"README.md", "pyproject.toml", ".ci/run", "tests/conftest.py"} <= set(files)
    found = [
        f"{name}:{number}: {path}"
        for name in files
        if name != "tests/test_paths.py"  # its patterns and examples spell "~/" on purpose
        for number, path in outside_paths((ROOT / name).read_text(encoding="utf-8"))
    ]
    assert found == []


# A file of the project named in the documentation or the tests: "tests/sessions/api/test_api.py".
NAMED_FILE = re.compile(
    r"(?<![\w./-])((?:tests|sessions|speakers|igfarchive|benchmarks|docs)/[\w/.-]+\.(?:py|md))\b"
)


def prose_lines(name):
    """(number, line) of a file's text, without the code examples of a Markdown file (they may
    show a file the reader is to write)."""
    in_example = False
    for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
        if name.endswith(".md") and line.lstrip().startswith("```"):
            in_example = not in_example
        elif not in_example:
            yield number, line


def test_every_file_named_in_the_documentation_and_the_tests_exists():
    # A test or a document that points at a file moved away sends its reader nowhere.
    files = [name for name in project_files() if name.endswith(".md") or name.startswith("tests/")]
    missing = [
        f"{name}:{number}: {match.group(1)}"
        for name in files
        for number, line in prose_lines(name)
        for match in NAMED_FILE.finditer(line)
        if not (ROOT / match.group(1)).exists()
    ]
    assert missing == []

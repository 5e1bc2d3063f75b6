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
# The top folders of Linux and macOS file systems: a path that starts with one is absolute,
# unlike a URL's path ("/sessions/..."). Not after a letter, a dot, a dash, a tilde or the end
# of a shell expansion, so that a relative path ("docs/run", "$(dirname ...)/bin") or a host's
# path ("https://example.org/home/") is not one.
ABSOLUTE = re.compile(
    r"(?<![\w.~)}-])/(?:work|home|root|Users|Volumes|private|usr|tmp|dev|etc|var|opt|srv|mnt|"
    r"media|proc|sys|bin|sbin|lib|lib64|run|nix|snap)(?![\w.-])"
)
# A folder beside the repository, or a home folder.
OUTSIDE = re.compile(r"\.\.[/\\]+shared\b|(?<![\w.])~/")


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


def outside_paths(text):
    """Each (line number, path) of `text` that names a place outside the project."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        allowed = {
            position
            for path in ALLOWED
            for match in re.finditer(re.escape(path), line)
            for position in range(match.start(), match.end())
        }
        for match in ABSOLUTE.finditer(line):
            if match.start() not in allowed:
                found.append((number, line[match.start() :].split()[0]))
        found.extend((number, match.group()) for match in OUTSIDE.finditer(line))
    return found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'DOCUMENTS = Path("/work/main/fixtures/documents")',
            [(1, '/work/main/fixtures/documents")')],
        ),
        ("open('/home/ada/igf/report.txt')", [(1, "/home/ada/igf/report.txt')")]),
        ("see ../shared/STYLE.md", [(1, "../shared")]),
        ("cp ~/archive.sqlite3 .", [(1, "~/")]),
        ("sqlite:////var/lib/archive.sqlite3", [(1, "/var/lib/archive.sqlite3")]),
        ("chromium at /usr/bin/chromium, logs to /dev/null", []),
        ('env={"PATH": "/usr/bin:/bin"}', []),
        ('PATH="$(python3 -m site --user-base)/bin:$PATH"', []),
        ("PATH=/opt/tools/bin:/usr/bin:/bin", [(1, "/opt/tools/bin:/usr/bin:/bin")]),
        ("--sqlite /tmp/archive.sqlite3", []),
        ('client.get("/sessions/igf-2021/workshop-125/")', []),
        ("docs/run and https://example.org/home/ and tests/work/", []),
    ],
)
def test_outside_paths_finds_absolute_and_sibling_paths(line, expected):
    assert outside_paths(line) == expected


def test_no_file_names_a_place_outside_the_project():
    files = project_files()
    # The search reaches the project's own files (a wrong root would find nothing to search).
    assert {"README.md", "pyproject.toml", ".ci/run", "tests/conftest.py"} <= set(files)
    found = [
        f"{name}:{number}: {path}"
        for name in files
        if name != "tests/test_paths.py"  # its examples above name such places on purpose
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

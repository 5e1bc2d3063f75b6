"""The dataset's files: written once per archive version under settings.DATA_DIR, and found
again by the Data page and the downloads.

`build_dataset` writes the package (a zip) and the SQLite file under temporary names, moves
them into place, then writes `dataset.json`, which names the current files with their version,
date and size; files of older versions are removed after. A reader never sees a half-written
file: a download open while the next version replaces it reads the old file to its end.

Both files are written in one pass over the database: each table's rows are read with
values_list(...).iterator(chunk_size=...) in primary-key order, and each row goes to the CSV in
the zip and to a batch of SQLite inserts, so that memory holds one chunk whatever the
archive's size (docs/open-data.md has the figures).
"""

import csv
import datetime
import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path
from typing import NamedTuple

from django.conf import settings

from sessions.outputs.datapackage import descriptor
from sessions.outputs.dataset import CHUNK_SIZE, SQLITE_TYPES, TABLES

MANIFEST = "dataset.json"
PREFIX = "igf-session-archive-"
# The two files, by the name of their download: (suffix, content type).
FORMATS = {
    "zip": (".zip", "application/zip"),
    "sqlite": (".sqlite3", "application/vnd.sqlite3"),
}


class BuiltFile(NamedTuple):
    name: str
    size: int


class Built(NamedTuple):
    """The dataset that is built: its archive version, when, how many sessions, its files."""

    version: str
    built_at: datetime.datetime
    sessions: int
    files: dict  # format -> BuiltFile

    def path(self, format_name):
        return data_dir() / self.files[format_name].name


def data_dir():
    return Path(settings.DATA_DIR)


def current():
    """The dataset that is built, or None when none is (or its manifest is unreadable)."""
    try:
        manifest = json.loads((data_dir() / MANIFEST).read_text())
        return Built(
            version=manifest["version"],
            built_at=datetime.datetime.fromisoformat(manifest["built_at"]),
            sessions=manifest["sessions"],
            files={name: BuiltFile(**file) for name, file in manifest["files"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def build(version, now=None):
    """Write the dataset of the archive at `version` (its tag) and make it the current one.

    Returns (Built, row counts per table). The caller runs it inside one read transaction, so
    that every table is read from the same state of the archive.
    """
    now = now or datetime.datetime.now(datetime.UTC)
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    names = {name: f"{PREFIX}{version}{suffix}" for name, (suffix, _type) in FORMATS.items()}
    partial = {name: folder / f".{file_name}.partial" for name, file_name in names.items()}
    for path in partial.values():
        path.unlink(missing_ok=True)
    created = now.isoformat().replace("+00:00", "Z")
    counts = write_dataset(partial["zip"], partial["sqlite"], version, created)
    for name, path in partial.items():
        os.replace(path, folder / names[name])
    built = Built(
        version=version,
        built_at=now,
        sessions=counts["sessions"],
        files={
            name: BuiltFile(names[name], (folder / names[name]).stat().st_size) for name in names
        },
    )
    manifest = {
        "version": built.version,
        "built_at": created,
        "sessions": built.sessions,
        "files": {name: file._asdict() for name, file in built.files.items()},
    }
    (folder / f".{MANIFEST}.partial").write_text(json.dumps(manifest, indent=2) + "\n")
    os.replace(folder / f".{MANIFEST}.partial", folder / MANIFEST)
    for path in folder.glob(f"{PREFIX}*"):
        if path.name not in names.values():
            path.unlink(missing_ok=True)
    return built, counts


def csv_cell(value):
    """A value as the package's CSV writes it: empty for none, JSON for arrays and objects."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def sqlite_value(value):
    """A value as the SQLite file stores it: the CSV's text, but numbers and none as such and
    booleans as 0 or 1."""
    if isinstance(value, bool):
        return int(value)
    if value is None or isinstance(value, int | float | str):
        return value
    return csv_cell(value)


def create_table(table):
    def quote(name):
        return f'"{name}"'

    columns = [f"{quote(field.name)} {SQLITE_TYPES[field.type]}" for field in table.fields]
    if table.primary_key:
        columns.append(f"PRIMARY KEY ({', '.join(map(quote, table.primary_key))})")
    columns.extend(
        f"FOREIGN KEY ({quote(key.field)}) REFERENCES {quote(key.table)} ({quote(key.reference)})"
        for key in table.foreign_keys
    )
    return f"CREATE TABLE {quote(table.name)} (\n  " + ",\n  ".join(columns) + "\n)"


def write_dataset(zip_path, sqlite_path, version, created):
    """Write the package to `zip_path` and the SQLite file to `sqlite_path` in one pass over
    the archive. Returns the number of rows written per table."""
    counts = {}
    database = sqlite3.connect(sqlite_path)
    try:
        # A new file, written once: no journal to keep, nothing to sync until it is closed.
        database.execute("PRAGMA journal_mode = OFF")
        database.execute("PRAGMA synchronous = OFF")
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr(
                "datapackage.json",
                json.dumps(descriptor(version, created), ensure_ascii=False, indent=2) + "\n",
            )
            for table in TABLES:
                database.execute(create_table(table))
                counts[table.name] = write_table(table, package, database)
        database.commit()
    finally:
        database.close()
    return counts


def write_table(table, package, database):
    """A table's rows, each to the CSV in the zip and to the SQLite file, a chunk at a time."""
    placeholders = ", ".join("?" * len(table.fields))
    insert = f'INSERT INTO "{table.name}" VALUES ({placeholders})'
    count = 0
    with package.open(f"data/{table.name}.csv", "w", force_zip64=True) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow([field.name for field in table.fields])
        batch = []
        for row in table.rows():
            writer.writerow([csv_cell(value) for value in row])
            batch.append([sqlite_value(value) for value in row])
            if len(batch) == CHUNK_SIZE:
                database.executemany(insert, batch)
                batch = []
            count += 1
        database.executemany(insert, batch)
        text.flush()
        text.detach()
    return count

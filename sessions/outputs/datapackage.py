"""The Data Package's own text: its name, licence, `datapackage.json` and the description of
its tables that docs/open-data.md gives, all written from the tables that
sessions/outputs/dataset.py declares."""

from sessions.outputs.dataset import TABLES

NAME = "igf-session-archive"
TITLE = "IGF session archive"
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
LICENSE_NOTE = (
    "The archive's own work (its structured records, the links between sessions, people and "
    "organizations, the curated facts) is offered under CC BY 4.0: reuse it, citing the "
    "archive and the dataset's version. Texts quoted from the source documents remain their "
    "publishers'; each session names its source document."
)


def table_schema(table):
    """The table's Frictionless Table Schema."""
    schema = {
        "fields": [
            {"name": field.name, "type": field.type, "description": field.description}
            for field in table.fields
        ],
        "missingValues": [""],
    }
    if table.primary_key:
        schema["primaryKey"] = table.primary_key
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": key.field, "reference": {"resource": key.table, "fields": key.reference}}
            for key in table.foreign_keys
        ]
    return schema


def descriptor(version, created):
    """The package's datapackage.json, as a dict."""
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": (
            "Sessions of the Internet Governance Forum, the WSIS Forum and related events: "
            "their people and organizations, SDGs, takeaways, arguments and transcripts."
        ),
        "version": version,
        "created": created,
        "licenses": [LICENSE],
        "resources": [
            {
                "name": table.name,
                "path": f"data/{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": table_schema(table),
            }
            for table in TABLES
        ],
    }


def tables_markdown():
    """What each table and column means, as docs/open-data.md gives it."""
    lines = []
    for table in TABLES:
        lines += [f"### `{table.name}`", "", table.description, ""]
        keys = [f"primary key {', '.join(table.primary_key)}"] if table.primary_key else []
        keys += [f"`{key.field}` → `{key.table}.{key.reference}`" for key in table.foreign_keys]
        if keys:
            lines += ["Keys: " + "; ".join(keys) + ".", ""]
        lines += ["| column | type | meaning |", "| --- | --- | --- |"]
        lines += [
            f"| `{field.name}` | {field.type} | {field.description} |" for field in table.fields
        ]
        lines.append("")
    return "\n".join(lines)

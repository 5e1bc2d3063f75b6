"""The Data page and the dataset's downloads: the whole archive as files, built once per
archive version by `manage.py build_dataset` (sessions/outputs/dataset_files.py).

Neither runs a query: the page reads the files' manifest, a download streams the file.
"""

from django.http import FileResponse, Http404
from django.shortcuts import render

from sessions.outputs import datapackage, dataset, dataset_files


def data_page(request):
    built = dataset_files.current()
    version = getattr(request, "archive_version", None)
    context = {
        "built": built,
        # The archive changed after the dataset was built: the page says so.
        "outdated": bool(built and version and version.tag != built.version),
        "tables": dataset.TABLES,
        "license": datapackage.LICENSE,
        "license_note": datapackage.LICENSE_NOTE,
    }
    return render(request, "sessions/data.html", context)


def dataset_file(request, format_name):
    """The current dataset's file in this format, streamed from disk (never built here)."""
    built = dataset_files.current()
    if built is None:
        raise Http404("The dataset has not been built yet.")
    try:
        handle = built.path(format_name).open("rb")
    except OSError:
        raise Http404("The dataset's file is missing.") from None
    _suffix, content_type = dataset_files.FORMATS[format_name]
    return FileResponse(
        handle,
        as_attachment=True,
        filename=built.files[format_name].name,
        content_type=content_type,
    )

"""The requests an import makes itself after its commit (sessions/browse/warming.py): pages
rendered and downloads made again through Django's request handler, before any reader asks.

They are not a reader's: they take no server's slot (igfarchive/costly.py), and they are not
noted as what readers asked for (igfarchive/kept_downloads.py, sessions/browse/warming.py).
"""

import contextlib
import contextvars

_by_the_import = contextvars.ContextVar("by_the_import", default=False)


def by_the_import():
    """Whether the request under way is the import's own."""
    return _by_the_import.get()


@contextlib.contextmanager
def as_the_import():
    """The requests made inside are the import's own."""
    token = _by_the_import.set(True)
    try:
        yield
    finally:
        _by_the_import.reset(token)

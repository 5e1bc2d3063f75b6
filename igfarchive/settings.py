"""Settings for the IGF session archive, read from the environment.

Every variable is optional for a local start; production sets DEBUG=0, SECRET_KEY,
ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, HTTPS, TRUSTED_PROXIES and DATABASE_URL, and then
passes `manage.py check --deploy` with no warning (see README, "Configuration").
"""

import os
from datetime import timedelta
from pathlib import Path

from igfarchive.environment import (
    cache_from_url,
    database_from_url,
    env_addresses,
    env_bool,
    env_int,
    env_list,
    secret_key_from_env,
)
from igfarchive.links import link

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

# Production is any run that names the site's public address or its HTTPS: ALLOWED_HOSTS,
# CSRF_TRUSTED_ORIGINS or HTTPS set. A run with none of them (`manage.py start`, the tests)
# answers only to the loopback names of ALLOWED_HOSTS' default, so it may use the fixed
# development key below. Everywhere else, with DEBUG off, SECRET_KEY must be set, long and
# random: a missing, short or development key stops start-up (README, "Configuration").
PRODUCTION_VARIABLES = ["ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "HTTPS"]
LOCAL_RUN = not any(name in os.environ for name in PRODUCTION_VARIABLES)
DEVELOPMENT_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"
SECRET_KEY = secret_key_from_env(
    "SECRET_KEY",
    development_key=DEVELOPMENT_SECRET_KEY,
    debug=DEBUG,
    local_run=LOCAL_RUN,
)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# HTTPS=1: the site is served over HTTPS only. Browsers are told so for a year (HSTS, with
# subdomains, and allowed on browsers' preload lists), plain HTTP is redirected, and the
# session and CSRF cookies (the admin's only) are sent over HTTPS only.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# TRUSTED_PROXIES=N: N reverse proxies stand in front of the site, the one nearest the site
# sets X-Forwarded-Proto and each appends the address it saw to X-Forwarded-For. Only then are
# those headers believed: for "was this HTTPS?" and for the client address that the admin's
# login lock-out counts by. With 0 (the default) a client could forge them, so they are ignored.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0, minimum=0)
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    # The archive's apps come first so that their management commands
    # (notably `shell`) take precedence over Django's.
    "sessions.apps.SessionsConfig",
    "speakers.apps.SpeakersConfig",
    # Keeps the archive version current in every process that writes records (the server, the
    # importer, the restore); see igfarchive/apps.py and igfarchive/version.py.
    "igfarchive.apps.ArchiveVersionConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "simple_history",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "igfarchive.middleware.ContentSecurityPolicyMiddleware",
    # Above the middleware that set cookies, so that it sees them.
    "igfarchive.middleware.CacheControlMiddleware",
    # Answers 304 Not Modified to a public GET whose validators still hold, before any view.
    "igfarchive.middleware.ArchiveVersionConditionalGetMiddleware",
    # Answers a public GET from the page rendered for its ETag, while the archive is unchanged.
    "igfarchive.page_cache.RenderedPageCacheMiddleware",
    # Turns a database that cannot be reached into a 503 page (never cached) for any view.
    "igfarchive.middleware.DatabaseUnavailableMiddleware",
    # Stops a public request's queries at PUBLIC_QUERY_SECONDS, with a 503 that says why.
    "igfarchive.deadline.QueryDeadlineMiddleware",
    # Sends a whole-list download from its kept file, or streams it in one of the server's
    # slots, or answers 429 at once when they are taken.
    "igfarchive.costly.CostlyRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Makes the logged-in editor the author of the history rows a request writes.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "igfarchive.urls"
# A person's and an organization's pages are served by `sessions` (their lists of sessions
# are queries over sessions), which `speakers` does not know of: their URLs are given here.
ABSOLUTE_URL_OVERRIDES = {
    "speakers.person": lambda person: link("sessions:person", person.slug),
    "speakers.organization": lambda org: link("sessions:organization", org.slug),
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "igfarchive.wsgi.application"

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", ""), sqlite_default=BASE_DIR / "archive.sqlite3"
    )
}

# REDIS_URL set: one Redis shared by every server and process, which keeps the archive version
# (igfarchive/version.py) in common. Unset: each process's own memory, enough for one server
# process (`manage.py start`). Logins' sessions stay in the database either way (README,
# "Configuration"; docs/deployment.md).
CACHES = {"default": cache_from_url(os.environ.get("REDIS_URL", ""))}
# How long the parts of pages computed once per archive version (facet counts, the home page's
# grid: sessions/browse/caching.py) stay in that cache unused; 0 computes them for every request.
# An entry is never stale, as the version is in its key.
PAGE_PART_SECONDS = env_int("PAGE_PART_SECONDS", 24 * 60 * 60, minimum=0)
# The same for whole public pages, kept by their ETag (igfarchive/page_cache.py).
PAGE_SECONDS = env_int("PAGE_SECONDS", 24 * 60 * 60, minimum=0)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Where readers send corrections (shown on /about/); unset, the page asks them to tell the editors.
CORRECTIONS_EMAIL = os.environ.get("CORRECTIONS_EMAIL", "")

# Where `manage.py build_dataset` writes the whole archive as a dataset (a Data Package zip and a
# SQLite file, once per archive version) and from where /data/ serves them (docs/deployment.md).
DATA_DIR = Path(os.environ.get("DATA_DIR", "") or BASE_DIR / "data")

# The database work one public request may ask for (igfarchive/deadline.py).
PUBLIC_QUERY_SECONDS = 5

# Whole-list downloads (igfarchive/costly.py): how many run at once on one server (0: no bound),
# and the share of one worker's time they may take; their slots are files in LOCK_DIR.
COSTLY_REQUESTS = env_int("COSTLY_REQUESTS", 1, minimum=0)
COSTLY_SHARE = 0.1
LOCK_DIR = DATA_DIR / "locks"
# Downloads streamed in full are kept as files per archive version (igfarchive/kept_downloads.py),
# at most about this many bytes a version (0: none kept).
KEPT_DOWNLOADS_DIR = DATA_DIR / "downloads"
KEPT_DOWNLOAD_BYTES = env_int("KEPT_DOWNLOAD_BYTES", 2_000_000_000, minimum=0)

# A session's change form posts its transcript turns, arguments and takeaways as fields: the
# WSIS session of the five documents posts 1,061, over Django's default of 1,000, and its
# editor could not save it. Only logged-in editors post forms; public pages take GET only.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

LOGIN_URL = "admin:login"
# A login that names no page to go on to (a login form posted without `next`) lands on the
# admin, the only place a login opens.
LOGIN_REDIRECT_URL = "admin:index"

# Errors (a server error with its traceback, a refused host) go to standard error, which the
# process manager keeps, whatever DEBUG says; Django's default logs them only with DEBUG on.
# Server errors go to standard error with their traceback, and by mail to ADMINS when it is
# set (Django's handler sends nothing to an empty list). Mail goes through the SMTP server at
# EMAIL_HOST:EMAIL_PORT; a server that does not answer costs a failing request at most
# EMAIL_TIMEOUT seconds.
ADMINS = env_addresses("ADMINS")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "archive@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_TIMEOUT = 5
EMAIL_SUBJECT_PREFIX = "[IGF archive] "
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "level": "ERROR"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "loggers": {"django": {"handlers": ["stderr", "mail_admins"], "level": "INFO"}},
}

# Logins lock out after AXES_FAILURE_LIMIT failures in a row for one username from one client
# address, for AXES_COOLOFF_TIME; the client address is REMOTE_ADDR, or the one the trusted
# proxies saw (TRUSTED_PROXIES above, igfarchive.proxy.client_ip).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "igfarchive.proxy.client_ip"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# The audit trail (django-simple-history, speakers/history.py). A change reason names the file an
# import read, which may be longer than the default 100 characters. A record's history page and
# its revert follow the record's own view and change permissions (simple-history's default,
# SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS off): editors need no permission of their own
# on the history tables, so the Editors group (sessions/migrations/0003) is unchanged.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# The JSON API (sessions/api/) is public and read-only: no authentication (so no session and no
# CSRF cookie), JSON only (no browsable renderer with its forms), documented by its schema.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "IGF session archive API",
    "DESCRIPTION": "Read-only open data: sessions, people, organizations, meetings and SDGs.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation page's assets are static files of drf-spectacular-sidecar.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No call to the public validator service.
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "deepLinking": True},
    # Two vocabularies of `role`, each used by several serializers: named once each, where
    # drf-spectacular would guess a name and warn (a warning fails `check --deploy`).
    "ENUM_NAME_OVERRIDES": {
        "ParticipationRoleEnum": "sessions.models.rows.Participation.Role",
        "OrganizerRoleEnum": "sessions.models.rows.Organizer.Role",
    },
}

"""Quire's one settings module. Every value can be set from the environment;
README.md lists them all. Defaults give a working single-machine archive:
SQLite in WAL mode, an in-process task worker, mail printed to the console."""

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from quire.lib.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("QUIRE_DATA_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("QUIRE_DEBUG", False)


def _secret_key() -> str:
    """Use QUIRE_SECRET_KEY, or a key generated once and kept in the data folder,
    so a fresh install is secure without anyone having to invent a key."""
    key = env_str("QUIRE_SECRET_KEY", "")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("QUIRE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("QUIRE_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("QUIRE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env_str("QUIRE_SITE_NAME", "Quire")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "quire.core",
    "quire.accounts",
    "quire.tags",
    "quire.policy",
    "quire.works",
    "quire.search",
    "quire.interactions",
    "quire.moderation",
    "quire.collections",
    "quire.exchanges",
    "quire.sitepages",
    "quire.downloads",
    "quire.imports",
    "quire.efiction",
]

MIDDLEWARE = [
    "quire.core.overload.OverloadGuard",  # first: a request shed under overload costs nothing
    "django.middleware.security.SecurityMiddleware",
    "quire.lib.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # the cookie's language, else Accept-Language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "quire.accounts.language.AccountLanguageMiddleware",  # a signed-in reader's own choice wins
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "quire.accounts.suspension.SuspensionMiddleware",
    "quire.accounts.twofactor.StaffTwoFactorMiddleware",
    "quire.accounts.middleware.PolicyAcceptanceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "quire.core.busy.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "quire.urls"
WSGI_APPLICATION = "quire.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "quire" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "quire.accounts.context_processors.site",
                "quire.sitepages.context_processors.site_pages",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
DATABASE_URL = env_str("QUIRE_DATABASE_URL", f"sqlite:///{DATA_DIR / 'quire.sqlite3'}")
# PostgreSQL keeps a connection for a minute (health-checked before reuse): opening one per
# request costs more than the page. SQLite's connections are cheap to open.
_default_conn_age = 0 if DATABASE_URL.startswith("sqlite") else 60
try:
    _db = dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("QUIRE_DB_CONN_MAX_AGE", _default_conn_age, minimum=0),
        conn_health_checks=True,
    )
except ValueError as exc:
    raise ImproperlyConfigured(
        f"QUIRE_DATABASE_URL={DATABASE_URL!r} is not understood ({exc}). "
        "Use sqlite:///path/to/file.sqlite3 or postgres://user:password@host:5432/name."
    ) from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers and the worker read while a request writes. A writer waits
    # up to QUIRE_DB_BUSY_TIMEOUT seconds for the lock (sqlite3's timeout is the
    # busy handler); what still can't get it becomes a "busy, try again" page
    # (core/busy.py), never a 500. IMMEDIATE transactions take the write lock at
    # BEGIN, where the busy timeout applies: a DEFERRED transaction that read first
    # and then writes fails at once with "database is locked" if another writer
    # committed meanwhile, and waiting can't help it.
    _db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("QUIRE_DB_BUSY_TIMEOUT", 10, minimum=0),
    }
elif _db["ENGINE"] not in ("django.db.backends.postgresql",):
    raise ImproperlyConfigured(
        f"QUIRE_DATABASE_URL uses {_db['ENGINE']}; Quire supports SQLite and PostgreSQL only."
    )
# Behind pgbouncer in transaction pooling mode, consecutive queries of one connection may
# run on different server connections: a server-side cursor (Django's .iterator() on
# PostgreSQL) would be opened on one and fetched on another. Session pooling needs nothing.
DB_TRANSACTION_POOLING = env_bool("QUIRE_DB_TRANSACTION_POOLING", False)
if DB_TRANSACTION_POOLING:
    _db["DISABLE_SERVER_SIDE_CURSORS"] = True
DATABASES = {"default": _db}
# A PostgreSQL streaming replica for reads (core/dbrouting.py says which reads); writes,
# transactions, migrations and the worker stay on the primary. Without it, one database.
REPLICA_URL = env_str("QUIRE_REPLICA_URL", "")
REPLICA_PIN_SECONDS = env_int("QUIRE_REPLICA_PIN_SECONDS", 10, minimum=1)
DATABASE_ROUTERS: list[str] = []
if REPLICA_URL:
    if _db["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("QUIRE_REPLICA_URL needs QUIRE_DATABASE_URL to be PostgreSQL (the primary).")
    try:
        _replica = dj_database_url.parse(
            REPLICA_URL, conn_max_age=_db["CONN_MAX_AGE"], conn_health_checks=True
        )
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"QUIRE_REPLICA_URL={REPLICA_URL!r} is not understood ({exc}). Use postgres://user:password@host:5432/name."
        ) from None
    if _replica["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("QUIRE_REPLICA_URL must be a postgres:// address.")
    _replica["DISABLE_SERVER_SIDE_CURSORS"] = DB_TRANSACTION_POOLING
    # Tests read the replica alias from the test database itself: no second copy.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES["replica"] = _replica
    DATABASE_ROUTERS = ["quire.core.dbrouting.PrimaryReplicaRouter"]
    # Right after the overload guard: it sees every write of the request, the session
    # saved on the way out included.
    MIDDLEWARE.insert(1, "quire.core.dbrouting.ReplicaRoutingMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Web server (`quire serve`) ---------------------------------------------------
# 0 workers: two per CPU core plus one. Each worker runs WEB_THREADS requests at once,
# of which WEB_ACTIVE work and the rest wait up to WEB_QUEUE_WAIT seconds for a place
# before the busy page (503, Retry-After) answers them (core/overload.py).
WEB_WORKERS = env_int("QUIRE_WEB_WORKERS", 0, minimum=0)
WEB_THREADS = env_int("QUIRE_WEB_THREADS", 8, minimum=1)
WEB_ACTIVE = env_int("QUIRE_WEB_ACTIVE", 4, minimum=1)
WEB_QUEUE_WAIT = env_int("QUIRE_WEB_QUEUE_WAIT", 5, minimum=0)
WEB_TIMEOUT = env_int("QUIRE_WEB_TIMEOUT", 60, minimum=1)
WEB_BACKLOG = env_int("QUIRE_WEB_BACKLOG", 128, minimum=1)

# --- Cache (rate limits, sessions) ------------------------------------------------------
REDIS_URL = env_str("QUIRE_REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # Sessions read from Redis, written through to the database (which keeps them if
    # Redis is emptied): every app server sees a log-in at once, and a signed-in page
    # doesn't ask the database (or a lagging replica) who is asking.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # A folder, not each process's memory: `quire serve` runs several worker processes,
    # and a login or comment limit kept per process would let through that many times more.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                          "LOCATION": str(DATA_DIR / "cache")}}

# Fragments every reader sees the same way (work blurbs, a work's tags and facts), keyed by
# the work's version so a change never needs to find and delete them (quire/works/fragments.py).
# Shared through Redis when there is one; otherwise each server process keeps its own in
# memory, up to this many (about 3 KB each); 0 turns the fragment cache off.
FRAGMENT_CACHE_ENTRIES = env_int("QUIRE_FRAGMENT_CACHE_ENTRIES", 5000, minimum=0)
if not FRAGMENT_CACHE_ENTRIES:
    CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
elif REDIS_URL:
    CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                           "KEY_PREFIX": "fragment", "TIMEOUT": 7 * 24 * 3600}
else:
    CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments",
                           "TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": FRAGMENT_CACHE_ENTRIES, "CULL_FREQUENCY": 4}}

# --- Background work ----------------------------------------------------------
# By default tasks are stored in the database and run by `quire db_worker`
# (which `quire serve` starts); the task row is written in the same transaction
# as the change that asks for it. Bigger installs can queue them in Redis (RQ)
# instead and run `quire rqworker --with-scheduler default` processes. Both can
# defer work, which scheduled chapters need.
TASKS_REDIS_URL = env_str("QUIRE_TASKS_REDIS_URL", "")
if TASKS_REDIS_URL:
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": TASKS_REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    # Workers must run jobs as django-tasks' Job, which knows how to call a task.
    RQ = {"JOB_CLASS": "django_tasks_rq.backend.Job"}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Search -------------------------------------------------------------------
# `bitmap`: an in-memory index per process, built in the background at the first
# search and kept fresh from the change log; `sql`: the database alone (the reference).
SEARCH_BACKEND = env_choice("QUIRE_SEARCH_BACKEND", "bitmap", ("bitmap", "sql"))

# --- Accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
SIGNUP_MODE = env_choice("QUIRE_SIGNUP", "open", ("open", "invite", "closed"))
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "works:index"
LOGOUT_REDIRECT_URL = "works:index"
LOGIN_ATTEMPTS = env_int("QUIRE_LOGIN_ATTEMPTS", 5, minimum=1)
LOGIN_WINDOW_SECONDS = env_int("QUIRE_LOGIN_WINDOW", 900, minimum=1)
# Account lifecycle (accounts/policies.py, confirmation.py, lifecycle views).
TERMS_VERSION = env_str("QUIRE_TERMS_VERSION", "2026-12-01")
PRIVACY_VERSION = env_str("QUIRE_PRIVACY_VERSION", "2026-12-01")
MIN_AGE = env_int("QUIRE_MIN_AGE", 0, minimum=0)  # 0: sign-up asks no age statement
EMAIL_CONFIRM_DAYS = env_int("QUIRE_EMAIL_CONFIRM_DAYS", 3, minimum=1)
USERNAME_RESERVE_DAYS = env_int("QUIRE_USERNAME_RESERVE_DAYS", 30, minimum=0)
USERNAME_CHANGE_DAYS = env_int("QUIRE_USERNAME_CHANGE_DAYS", 7, minimum=0)  # one change per this many days
DELETION_GRACE_DAYS = env_int("QUIRE_DELETION_GRACE_DAYS", 7, minimum=0)
EXPORT_KEEP_DAYS = env_int("QUIRE_EXPORT_KEEP_DAYS", 7, minimum=1)
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Comments -----------------------------------------------------------------
COMMENT_RATE = env_int("QUIRE_COMMENT_RATE", 5, minimum=1)  # comments per person…
COMMENT_RATE_WINDOW = env_int("QUIRE_COMMENT_RATE_WINDOW", 60, minimum=1)  # …per this many seconds
# A new work or comment scoring this much on the spam heuristics (quire/moderation/spamscore.py)
# waits in the moderators' review queue instead of going public.
SPAM_HOLD_SCORE = env_int("QUIRE_SPAM_HOLD_SCORE", 50, minimum=1)
# Staff and moderators confirm a code from an authenticator app before the console or admin.
STAFF_TWO_FACTOR = env_bool("QUIRE_STAFF_TWO_FACTOR", True)
OTP_TOTP_ISSUER = SITE_NAME
COMMENT_EDIT_MINUTES = env_int("QUIRE_COMMENT_EDIT_MINUTES", 30, minimum=0)

# --- Email --------------------------------------------------------------------
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}[env_choice("QUIRE_EMAIL", "console", ("console", "smtp"))]
EMAIL_HOST = env_str("QUIRE_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("QUIRE_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("QUIRE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("QUIRE_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("QUIRE_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("QUIRE_FROM_EMAIL", "Quire <noreply@localhost>")

# --- Internationalisation -----------------------------------------------------
LANGUAGE_CODE = "en"
# The interface languages, each named in itself (a switcher shows "Español" to
# someone who can't read "Spanish"). Readers choose with the switcher in the footer
# (kept on their account and in a cookie); otherwise the browser's Accept-Language.
LANGUAGES = [("en", "English"), ("es", "Español")]
# Strings of the site-wide templates (quire/templates) and of modules outside the
# apps; each app keeps its own catalogue in its own locale/ directory.
LOCALE_PATHS = [BASE_DIR / "quire" / "locale"]
LANGUAGE_COOKIE_NAME = "quire_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env_str("QUIRE_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static files -------------------------------------------------------------
STATIC_URL = "static/"
# Only needed for `quire collectstatic` behind a web server; WhiteNoise serves from the apps otherwise.
STATIC_ROOT = env_str("QUIRE_STATIC_ROOT", "") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# --- Security -----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads it to send the token on POSTs
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("QUIRE_HTTPS", False)
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
# HSTS only with HTTPS on: browsers then refuse plain HTTP for the site for a year.
# Subdomains only when asked: they may be other people's sites without HTTPS.
SECURE_HSTS_SECONDS = env_int("QUIRE_HSTS_SECONDS", 31_536_000, minimum=0) if SECURE_SSL_REDIRECT else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("QUIRE_HSTS_SUBDOMAINS", False)
# Django's deploy check warns on both choices; they are deliberate. Preloading is a
# promise to browser makers that is hard to take back (and needs subdomains too),
# so it is the operator's to make by hand, not a default.
SILENCED_SYSTEM_CHECKS = ["security.W021"] + ([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"])
# Behind a TLS-terminating proxy (nginx, a load balancer) the request reaches us as
# plain HTTP; trust the proxy's X-Forwarded-Proto (and Host, and For for rate limits)
# so the HTTPS redirect doesn't loop. Only set it when such a proxy always sets them.
BEHIND_PROXY = env_bool("QUIRE_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("QUIRE_LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}} if not DEBUG else {},
}

"""The batch pool's defaults and bounds, apart so the CLI can show them without importing the pool."""

JOBS_PER_CORE = 4  # --jobs at most this many per core: more workers only add memory and switching
DEFAULT_TIMEOUT = 60.0  # seconds per document (--timeout); a news dump takes milliseconds
DEFAULT_MAX_TASKS = 1000  # documents per worker before a fresh one replaces it: ~1 s of work, a fork ~10 ms

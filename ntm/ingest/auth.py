"""Editor credentials: hashed passwords (scrypt) kept in Streamlit secrets, checked here.

Secrets layout (.streamlit/secrets.toml):

    [ntm_editors]
    an = "scrypt$16384$8$1$<salt hex>$<hash hex>"   # python -m ntm hash-password

OIDC through st.login is used by the page only when an [auth] section is configured; the e-mail
addresses allowed to edit are then listed in `[ntm_oidc] editors = [...]`.

Guessing is slowed down: after FREE_ATTEMPTS failed logins for a user name, or from one browser
session, each further attempt must wait, twice as long after each failure (BASE_DELAY up to
MAX_DELAY), until a successful login. An unknown name costs the same scrypt run as a wrong password,
so that timing does not tell which names exist. An editor idle for IDLE_SECONDS is logged out.
The counters per user name live in the store's audit log, which every server process shares; this
module's FailureLog keeps them in one process's memory for when there is no store to ask.
"""

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Iterable, Mapping

N, R, P = 2**14, 8, 1
# Checked for a user name that is not an editor: the same scrypt work as a real hash, never a match
# in practice (the digest of no known password).
DUMMY_HASH = f"scrypt${N}${R}${P}${'5f' * 16}${'00' * 32}"
FREE_ATTEMPTS = 5  # failed logins before attempts must wait
BASE_DELAY = 30.0  # seconds to wait after the FREE_ATTEMPTS-th failure, doubled after each further one
MAX_DELAY = 15 * 60.0
FAILURE_WINDOW = 24 * 3600.0  # failures older than this no longer count
IDLE_SECONDS = 30 * 60.0  # an editor's session ends after this long without a run of the import or map page


def now() -> float:
    """The clock of logins and idle time (seconds since the epoch); tests replace it."""
    return time.time()


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(
            password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=len(bytes.fromhex(digest))
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def check_editor(editors: Mapping[str, str], username: str, password: str) -> bool:
    """True when `username` is a configured editor and `password` matches the stored hash. An unknown
    name (or an empty stored hash) is checked against DUMMY_HASH: the same scrypt work either way."""
    stored = str(editors.get(username.strip()) or "")
    matches = verify_password(password, stored or DUMMY_HASH)
    return bool(stored) and matches


def delay_after(failures: int) -> float:
    """Seconds the next attempt waits after `failures` consecutive failed logins."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(BASE_DELAY * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


def wait_seconds(failure_times: Iterable[float], at: float) -> float:
    """Seconds before another login attempt is allowed, given the times of the failures since the last
    successful login (those older than FAILURE_WINDOW do not count)."""
    recent = sorted(moment for moment in failure_times if at - moment < FAILURE_WINDOW)
    if len(recent) < FREE_ATTEMPTS:
        return 0.0
    return max(0.0, recent[-1] + delay_after(len(recent)) - at)


def idle_expired(last_activity: float | None, at: float) -> bool:
    """True when an editor's last activity is more than IDLE_SECONDS before `at`."""
    return last_activity is not None and at - last_activity > IDLE_SECONDS


class FailureLog:
    """Failed-login times per user name in this process: the fallback when no store can keep them.
    Bounded: names unseen for FAILURE_WINDOW are dropped, and at most MAX_NAMES are kept."""

    MAX_NAMES = 10_000

    def __init__(self) -> None:
        self._times: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def add(self, name: str, at: float) -> None:
        with self._lock:
            self._times.setdefault(name, []).append(at)
            del self._times[name][: -4 * FREE_ATTEMPTS]
            if len(self._times) > self.MAX_NAMES:
                stale = [key for key, times in self._times.items() if at - times[-1] >= FAILURE_WINDOW]
                for key in stale or sorted(self._times, key=lambda key: self._times[key][-1])[: len(self._times) // 10]:
                    del self._times[key]

    def clear(self, name: str) -> None:
        with self._lock:
            self._times.pop(name, None)

    def times(self, name: str) -> list[float]:
        with self._lock:
            return list(self._times.get(name, ()))


def oidc_editor(allowed: list[str] | tuple[str, ...], email: str | None) -> bool:
    return bool(email) and email.strip().lower() in {address.strip().lower() for address in allowed}

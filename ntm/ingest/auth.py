"""Editor credentials: hashed passwords (scrypt) kept in Streamlit secrets, checked here.

Secrets layout (.streamlit/secrets.toml):

    [ntm_editors]
    an = "scrypt$16384$8$1$<salt hex>$<hash hex>"   # python -m ntm hash-password

OIDC through st.login is used by the page only when an [auth] section is configured; the e-mail
addresses allowed to edit are then listed in `[ntm_oidc] editors = [...]`.
"""

import hashlib
import hmac
import secrets
from collections.abc import Mapping

N, R, P = 2**14, 8, 1


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
    """True when `username` is a configured editor and `password` matches the stored hash."""
    stored = editors.get(username.strip())
    return bool(stored) and verify_password(password, str(stored))


def oidc_editor(allowed: list[str] | tuple[str, ...], email: str | None) -> bool:
    return bool(email) and email.strip().lower() in {address.strip().lower() for address in allowed}

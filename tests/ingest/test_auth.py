"""Editors' credentials: unknown names cost the same scrypt work as wrong passwords, the login delay
grows after five failures, idle sessions expire, the in-process failure log stays bounded."""

import hashlib
import statistics
import time

import pytest

from ntm.ingest import auth
from ntm.ingest.auth import (
    BASE_DELAY,
    FAILURE_WINDOW,
    FREE_ATTEMPTS,
    IDLE_SECONDS,
    MAX_DELAY,
    FailureLog,
    check_editor,
    delay_after,
    hash_password,
    idle_expired,
    wait_seconds,
)

PASSWORD = "mật-khẩu đúng"
EDITORS = {"bientap": hash_password(PASSWORD, salt=b"0123456789abcdef")}


@pytest.fixture
def scrypt_calls(monkeypatch):
    calls, real = [], hashlib.scrypt

    def counting(password, *, salt, n, r, p, dklen, **kwargs):
        calls.append((n, r, p, dklen))
        return real(password, salt=salt, n=n, r=r, p=p, dklen=dklen, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    return calls


def test_unknown_name_runs_the_same_scrypt_as_a_wrong_password(scrypt_calls):
    assert not check_editor(EDITORS, "bientap", "sai")
    assert not check_editor(EDITORS, "khong-co-ai", "sai")
    assert not check_editor(EDITORS, "khong-co-ai", PASSWORD)  # a real password under an unknown name
    assert not check_editor({"rong": ""}, "rong", "")  # an account with no hash configured
    assert check_editor(EDITORS, "bientap", PASSWORD)
    assert scrypt_calls == [(auth.N, auth.R, auth.P, 32)] * 5


def test_unknown_name_takes_about_as_long_as_a_wrong_password():
    """Loose on purpose (a shared machine): the medians differ by less than a factor of three."""

    def median_seconds(name: str) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            check_editor(EDITORS, name, "sai")
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    wrong, unknown = median_seconds("bientap"), median_seconds("khong-co-ai")
    assert 1 / 3 < unknown / wrong < 3, (unknown, wrong)


def test_delay_starts_after_five_failures_and_doubles_up_to_its_cap():
    assert [delay_after(n) for n in range(FREE_ATTEMPTS)] == [0.0] * FREE_ATTEMPTS
    assert delay_after(FREE_ATTEMPTS) == BASE_DELAY and delay_after(FREE_ATTEMPTS + 1) == 2 * BASE_DELAY
    assert delay_after(FREE_ATTEMPTS + 20) == MAX_DELAY
    now = 1_000_000.0
    four = [now - 10] * 4
    assert wait_seconds(four, now) == 0.0  # the 5th attempt is free
    five = four + [now - 10]
    assert wait_seconds(five, now) == BASE_DELAY - 10  # the 6th waits
    assert wait_seconds(five, now + BASE_DELAY) == 0.0
    six = five + [now]
    assert wait_seconds(six, now) == 2 * BASE_DELAY  # and longer after another failure
    assert wait_seconds([now - FAILURE_WINDOW - 1] * 10, now) == 0.0  # yesterday's failures no longer count


def test_idle_expiry():
    assert not idle_expired(None, 5.0)
    assert not idle_expired(100.0, 100.0 + IDLE_SECONDS)
    assert idle_expired(100.0, 100.0 + IDLE_SECONDS + 1)


def test_failure_log_per_name_and_bounded(monkeypatch):
    log = FailureLog()
    for moment in range(30):
        log.add("bientap", float(moment))
    log.add("khach", 5.0)
    assert len(log.times("bientap")) == 4 * FREE_ATTEMPTS and log.times("bientap")[-1] == 29.0
    log.clear("bientap")
    assert log.times("bientap") == [] and log.times("khach") == [5.0]
    monkeypatch.setattr(FailureLog, "MAX_NAMES", 50)
    for index in range(200):
        log.add(f"ten-{index}", 1000.0 + index)
    assert len(log._times) <= 50 and log.times("ten-199") == [1199.0]

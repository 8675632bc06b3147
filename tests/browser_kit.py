"""A real Streamlit server and headless Chromium for browser tests."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from ntm.bench.chromium import launch
from ntm.paths import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(env: dict | None = None, timeout: float = 60, args: tuple[str, ...] = ()):
    """Start `streamlit run app.py` on a free port (extra command-line `args`); yield its base URL."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        *args,
    ]
    log = open(ARTIFACTS_DIR() / f"streamlit-{port}.log", "w")
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def ARTIFACTS_DIR() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


launch_chromium = launch


# The script has run to its end (Streamlit's own run state: the status widget shows only after a
# delay, and the page's title is drawn before the rest) and no element is still a loading skeleton.
SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && document.querySelectorAll('[data-testid="stMain"] h1').length > 0
    && !document.querySelector('[data-testid="stMain"] [data-testid="stSkeleton"]');
}"""


def wait_for_app(page, timeout_ms: int = 30000) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_ms)
    page.wait_for_function(SETTLED, timeout=timeout_ms)
    wait_for_drawn(page, timeout_ms)


DRAWN = """() => {
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const images = [...document.querySelectorAll('[data-testid="stMain"] img')];
  return charts.every(c => c.querySelector('canvas, svg')) && images.every(i => i.complete && i.naturalWidth > 0);
}"""


def wait_for_drawn(page, timeout_ms: int = 30000) -> None:
    """Wait until every chart has drawn and every image has loaded (instead of a fixed pause)."""
    page.wait_for_function(DRAWN, timeout=timeout_ms)

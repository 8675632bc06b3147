"""deploy/scale_out.sh's nginx in front of two processes (stand-ins that say which one answered): a new
browser goes to the next process in turn, its routing cookie keeps it there, a forged cookie counts as
none, and a browser whose process is down is served by another."""

import shutil
import socket
import subprocess
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ntm.paths import ROOT

SCRIPT = ROOT / "deploy" / "scale_out.sh"
pytestmark = pytest.mark.skipif(shutil.which("nginx") is None, reason="no nginx (Debian package nginx)")


class Answer(BaseHTTPRequestHandler):
    def do_GET(self):
        body = str(self.server.server_address[1]).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def two_backends():
    """Two stand-in processes on consecutive free ports (the script puts process i on first port + i)."""
    for _ in range(50):
        first = free_port()
        try:
            servers = [ThreadingHTTPServer(("127.0.0.1", first + i), Answer) for i in range(2)]
        except OSError:
            continue
        for server in servers:
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return servers
    raise RuntimeError("no two consecutive free ports")


def scale_out(state, first: int, listen: int, command: str):
    return subprocess.run(
        ["bash", str(SCRIPT), "--processes", "2", "--first-port", str(first), "--listen", f"127.0.0.1:{listen}"]
        + ["--state", str(state), command],
        capture_output=True,
        text=True,
        check=True,
    )


def get(url: str, cookie: str | None = None) -> tuple[int, str | None]:
    """(port of the process that answered, the routing cookie set or None)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        set_cookie = response.headers.get("Set-Cookie")
        return int(response.read()), set_cookie.split(";")[0] if set_cookie else None


@pytest.fixture()
def proxy(tmp_path):
    servers = two_backends()
    first, listen = servers[0].server_address[1], free_port()
    try:
        scale_out(tmp_path, first, listen, "proxy")
        yield f"http://127.0.0.1:{listen}/", servers
    finally:
        scale_out(tmp_path, first, listen, "stop")
        for server in servers:
            server.shutdown()
            server.server_close()


def test_new_browsers_take_turns_and_their_cookie_keeps_them_on_their_process(proxy):
    url, servers = proxy
    ports = [server.server_address[1] for server in servers]
    answers = [get(url) for _ in range(4)]
    served = [port for port, _ in answers]
    assert sorted(served[:2]) == ports and served[2:] == served[:2]  # in turn: 10 new sessions split 5/5
    for port, cookie in answers:
        assert cookie == f"ntm_route=127.0.0.1:{port}"
    port, cookie = answers[1]
    assert [get(url, cookie) for _ in range(3)] == [(port, None)] * 3  # pinned, no new cookie


def test_a_forged_cookie_counts_as_none(proxy):
    url, servers = proxy
    port, cookie = get(url, "ntm_route=10.0.0.1:80")
    assert port in [server.server_address[1] for server in servers]
    assert cookie == f"ntm_route=127.0.0.1:{port}"


def test_a_browser_whose_process_is_down_is_served_by_another(proxy):
    url, servers = proxy
    down, up = servers
    down.shutdown()
    down.server_close()
    cookie = f"ntm_route=127.0.0.1:{down.server_address[1]}"
    assert get(url, cookie)[0] == up.server_address[1]

"""Load benchmark: many sessions drive the running app through Streamlit's websocket protocol, as the
browser does, without a browser.

    .venv/bin/python -m ntm.bench load --sessions 20 --page overview --interactions 10 --rounds 3
    .venv/bin/python -m ntm.bench load --sessions 20 --page map --url http://127.0.0.1:8080 --pid 123 --pid 456
    .venv/bin/python -m ntm.bench load --sessions 20 --page overview --rounds 1 --profile /tmp/overview.pstats

Without --url it starts `streamlit run app.py` itself on a free port of 127.0.0.1 (and stops it after);
with --url it drives a running server or nginx in front of several (127.0.0.1 or localhost only), and
--pid names the Streamlit processes whose CPU and memory are reported.

What a session does, message by message (Streamlit 1.67, `streamlit/web/server/starlette/
starlette_websocket.py`, `runtime/app_session.py`, and the frontend's `sendRerunBackMsg`):

1. GET the page's address, as the browser loads index.html, and keep the cookies it sets (nginx's
   routing cookie, see deploy/); open the websocket `/_stcore/stream` (subprotocol "streamlit") with
   those cookies and the page's Origin, which the server checks against the Host header (no XSRF
   token is sent: the server only needs it to read a login cookie).
2. Send a `BackMsg.rerun_script` (ClientState) with the page's url path as `page_name` and an empty
   `page_script_hash`, as the frontend does on a first load; read ForwardMsgs until `script_finished`
   (a `FINISHED_EARLY_FOR_RERUN` is followed by the rerun, which is waited for too). The `navigation`
   message gives the page's script hash, `page_info_changed` the query string the address bar shows,
   and the deltas give the widgets: the sidebar's year selectbox and district multiselect are the
   selectbox and multiselect bound to the query parameters `year` and `districts` (their keys,
   ntm/ui/state.py; a widget's id also ends in its key).
3. Each interaction changes one filter, in turn the year (another option of the year selectbox) and
   the districts (0 to 3 of the multiselect's options, a different set): a `rerun_script` with the
   page's script hash, the query string, and `widget_states` holding both filters (selectbox:
   `string_value`, its option text; multiselect: `string_array_value`). Like the browser, the
   session keeps every cacheable ForwardMsg (`metadata.cacheable`) and sends their hashes in
   `cached_message_hashes`, so the server answers with `ref_hash` for what it already sent.

An interaction's time runs from sending its BackMsg to receiving its `script_finished`. Errors are
exceptions in the deltas, error boxes (`st.error`: the app shows one when a page raises), a
`script_finished` with an error status, `page_not_found`, a filter widget missing from the page,
timeouts and disconnects. Each round opens every session at once, runs the interactions without
pause (`--think` adds one) and closes them; it prints p50/p95/max (nearest rank), the errors, and
per Streamlit process the CPU used (from /proc/PID/stat) and the resident memory at the end of the
round (VmRSS in /proc/PID/status). Streamlit keeps a closed session for server.disconnectedSessionTTL
(120 s) in case its browser reconnects, so back-to-back rounds also hold the previous rounds' sessions
(about 1 MB each on the map page); `--option server.disconnectedSessionTTL=5` shows the memory
without them.

A browser does more than this client: it renders, fetches static files, and custom components
(the map page's st_folium) may send a value back, which is one more rerun; the widget states of the
page's other widgets are left out (the server uses their session values or defaults)."""

import argparse
import asyncio
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ntm.paths import ROOT

YEAR, DISTRICTS = "year", "districts"  # ntm.ui.state.YEAR and DISTRICTS (not imported: ntm.ui loads Streamlit)
FILTERS = (YEAR, DISTRICTS)
# The default page's address is the app's root: Streamlit gives it the url path "" whatever st.Page's
# url_path says, and answers /overview with page_not_found (the browser shows "Page not found").
PAGE_PATHS = {"overview": ""}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
UPSTREAM_HEADER = "X-NTM-Upstream"  # set by deploy/nginx: which Streamlit process answered
MAX_SESSIONS, MAX_INTERACTIONS, MAX_ROUNDS = 200, 200, 20
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def protos():
    """Streamlit's protobuf classes, imported when used: `import streamlit.proto...` loads Streamlit,
    which no ntm module outside ntm/ui does at import (tests/test_package_boundaries.py)."""
    from streamlit.proto.Alert_pb2 import Alert
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    return BackMsg, ForwardMsg, Alert


@dataclass
class Timing:
    kind: str  # "open", YEAR or DISTRICTS
    seconds: float | None  # None when it did not finish
    errors: list[str] = field(default_factory=list)


@dataclass
class SessionResult:
    timings: list[Timing] = field(default_factory=list)
    upstream: str = ""
    query: str = ""  # the address bar's query string after the last run
    values: dict = field(default_factory=dict)  # the filter values the last finished run was sent
    title: str = ""  # the page's first heading in the last run

    @property
    def errors(self) -> list[str]:
        return [e for t in self.timings for e in t.errors]


class Session:
    """One browser tab: its websocket, the address bar's query string, the page's script hash, the
    filter widgets of the last run and their values, and the ForwardMsgs it keeps (by hash)."""

    def __init__(self, base_url: str, page: str, rng: random.Random, timeout: float):
        self.base_url, self.page, self.rng, self.timeout = base_url.rstrip("/"), page, rng, timeout
        self.ws = None
        self.query = ""
        self.page_hash = ""
        self.widgets: dict = {}
        self.values: dict[str, str | list[str]] = {}
        self.defaults: dict[str, str | list[str]] = {}
        self.title = ""
        self.cache: dict = {}
        self.upstream = ""

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        cookie, self.upstream = await asyncio.to_thread(load_index, f"{self.base_url}/{self.page}")
        parts = urllib.parse.urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.ws = await connect(
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream",
            origin=f"{parts.scheme}://{parts.netloc}",  # as a browser sends it: a proxy must pass Host on
            subprotocols=["streamlit"],
            additional_headers={"Cookie": cookie} if cookie else None,
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
        )
        self.upstream = self.ws.response.headers.get(UPSTREAM_HEADER, self.upstream)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self, kind: str, values: dict[str, str | list[str]]) -> Timing:
        """Send one rerun_script with these filter values; wait for its script_finished."""
        BackMsg, ForwardMsg, Alert = protos()
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        if not self.page_hash:
            state.page_name = self.page
        for key, value in values.items():
            widget = state.widget_states.widgets.add()
            widget.id = self.widgets[key].id
            if isinstance(value, list):
                widget.string_array_value.data.extend(value)
            else:
                widget.string_value = value
        state.cached_message_hashes.extend(self.cache)
        state.context_info.timezone = "Asia/Ho_Chi_Minh"
        state.context_info.timezone_offset = -420
        state.context_info.locale = "vi-VN"
        state.context_info.url = f"{self.base_url}/{self.page}"
        timing = Timing(kind, None)
        seen: dict = {}
        title = ""
        started = False
        start = time.perf_counter()
        deadline = start + self.timeout
        await self.ws.send(back.SerializeToString())
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                timing.errors.append(f"{kind}: no script_finished within {self.timeout:g} s")
                return timing
            try:
                data = await asyncio.wait_for(self.ws.recv(), remaining)
            except TimeoutError:
                continue
            msg = ForwardMsg.FromString(data)
            if msg.WhichOneof("type") == "ref_hash":
                cached = self.cache.get(msg.ref_hash)
                if cached is None:
                    timing.errors.append(f"{kind}: ref_hash {msg.ref_hash} not in the session's cache")
                    continue
                msg = cached
            elif msg.metadata.cacheable:
                self.cache[msg.hash] = msg
            what = msg.WhichOneof("type")
            if what == "new_session":
                started = True
            elif what == "navigation":
                self.page_hash = msg.navigation.page_script_hash
            elif what == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif what == "page_not_found":
                timing.errors.append(f"{kind}: page not found ({msg.page_not_found.page_name!r})")
            elif what == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                name = element.WhichOneof("type")
                if name == "exception":
                    timing.errors.append(f"{kind}: exception {element.exception.type}: {element.exception.message}")
                elif name == "alert" and element.alert.format == Alert.ERROR:
                    timing.errors.append(f"{kind}: error box: {element.alert.body[:200]}")
                elif name == "heading" and not title and msg.metadata.delta_path[:1] == [0]:  # main area
                    title = element.heading.body
                elif name in ("selectbox", "multiselect"):
                    widget = getattr(element, name)
                    for key in FILTERS:
                        if widget.query_param_key == key or widget.id.endswith(f"-{key}"):
                            seen[key] = widget
            elif what == "script_finished":
                status = msg.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    started = False  # st.rerun(): the run that follows is part of this interaction
                    continue
                if not started:
                    continue  # the end of a run this request did not start
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    timing.errors.append(f"{kind}: script finished with a compile error")
                timing.seconds = time.perf_counter() - start
                break
        for key in FILTERS:
            if key not in seen:
                timing.errors.append(f"{kind}: no '{key}' filter widget on the page (did app.py run?)")
        self.widgets, self.title = seen, title
        for key, element in seen.items():
            self.values.setdefault(key, widget_value(element))
            self.defaults.setdefault(key, default_value(element))
        return timing

    async def open(self) -> Timing:
        try:
            await self.connect()
        except Exception as error:  # refused, handshake timeout, HTTP error
            return Timing("open", None, [f"open: cannot connect: {type(error).__name__}: {error}"])
        return await self.guarded("open", {})

    async def interact(self, number: int) -> Timing:
        key = FILTERS[number % 2]
        if key not in self.widgets:
            return Timing(key, None, [f"{key}: no '{key}' widget to change"])
        values = dict(self.values)
        values[key] = self.choose(key)
        query = self.query
        # The frontend writes a bound widget's value into the address bar (none when it is the
        # default) and sends that query string with the rerun.
        self.query = bound_query(self.query, key, values[key], self.defaults.get(key))
        timing = await self.guarded(key, values)
        if timing.seconds is None:
            self.query = query
        else:
            self.values = values
        return timing

    async def guarded(self, kind: str, values: dict) -> Timing:
        from websockets.exceptions import ConnectionClosed

        try:
            return await self.run(kind, values)
        except ConnectionClosed as error:
            return Timing(kind, None, [f"{kind}: disconnected ({error})"])

    def choose(self, key: str) -> str | list[str]:
        """Another value for the filter `key`, as a user picks it."""
        options = list(self.widgets[key].options)
        current = self.values.get(key)
        if key == YEAR:
            return self.rng.choice([o for o in options if o != current] or options)
        chosen: list[str] = []
        for _ in range(100):  # a different set, nearly always at the first draw
            chosen = sorted(self.rng.sample(options, self.rng.randint(0, min(3, len(options)))))
            if chosen != sorted(current or []):
                break
        return chosen


def default_value(element) -> str | list[str]:
    """A selectbox's or multiselect's default as its widget state holds it (option text)."""
    if hasattr(element, "raw_values"):
        return [element.options[i] for i in element.default]
    return element.options[element.default] if element.HasField("default") else ""


def bound_query(query: str, key: str, value: str | list[str], default) -> str:
    """The query string with the widget bound to `key` showing `value`."""
    pairs = [(k, v) for k, v in urllib.parse.parse_qsl(query, keep_blank_values=True) if k != key]
    if value != default:
        pairs += [(key, v) for v in (value if isinstance(value, list) else [value])]
    return urllib.parse.urlencode(pairs)


def widget_value(element) -> str | list[str]:
    """The value a selectbox or multiselect shows, as its widget state holds it (option text)."""
    if hasattr(element, "raw_values"):  # multiselect
        return list(element.raw_values) if element.set_value else default_value(element)
    return element.raw_value if element.set_value else default_value(element)


def load_index(url: str) -> tuple[str, str]:
    """GET the page as the browser does first; (the cookies it set as a Cookie header, the upstream)."""
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
        return "; ".join(cookies), response.headers.get(UPSTREAM_HEADER, "")


async def one_session(base_url, page, seed, interactions, timeout, think) -> SessionResult:
    session = Session(base_url, page, random.Random(repr(seed)), timeout)
    result = SessionResult()
    try:
        result.timings.append(await session.open())
        result.upstream = session.upstream
        for number in range(interactions):
            if result.timings[0].seconds is None:
                break  # the page never opened
            if think:
                await asyncio.sleep(session.rng.uniform(0.5, 1.5) * think)
            timing = await session.interact(number)
            result.timings.append(timing)
            if any("disconnected" in e for e in timing.errors):
                break
    finally:
        result.query, result.values, result.title = session.query, dict(session.values), session.title
        await session.close()
    return result


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (fields 14 and 15 of /proc/PID/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * q / 100) - 1)]


@dataclass
class Round:
    number: int
    wall_s: float
    sessions: list[SessionResult]
    cpu_s: dict[int, float]
    rss: dict[int, float]
    client_cpu_s: float

    def times(self, opens: bool = False) -> list[float]:
        return [
            t.seconds for s in self.sessions for t in s.timings if t.seconds is not None and (t.kind == "open") == opens
        ]

    @property
    def errors(self) -> list[str]:
        return [e for s in self.sessions for e in s.errors]


async def run_round(number, base_url, page, sessions, interactions, timeout, think, pids, seed) -> Round:
    before = {pid: cpu_seconds(pid) for pid in pids}
    client_before = time.process_time()
    start = time.perf_counter()
    results = await asyncio.gather(
        *(
            one_session(base_url, page, (seed, number, i), interactions, timeout, think)
            for i in range(sessions)  # each round and session chooses its own filters (fresh cache keys)
        )
    )
    wall = time.perf_counter() - start
    return Round(
        number,
        wall,
        list(results),
        {pid: cpu_seconds(pid) - before[pid] for pid in pids},
        {pid: rss_mb(pid) for pid in pids},
        time.process_time() - client_before,
    )


def describe(r: Round, sessions: int, interactions: int) -> list[str]:
    times, opens = r.times(), r.times(opens=True)
    reruns = len(times) + len(opens)
    lines = [f"round {r.number}: {sessions} sessions x {interactions} interactions, wall {r.wall_s:.1f} s"]
    if times:
        lines.append(
            f"  interactions  p50 {statistics.median(times):.3f} s  p95 {percentile(times, 95):.3f} s"
            f"  max {max(times):.3f} s  ({len(times)} of {sessions * interactions} finished,"
            f" {len(times) / r.wall_s:.2f}/s)"
        )
    if opens:
        lines.append(
            f"  page opens    p50 {statistics.median(opens):.3f} s  p95 {percentile(opens, 95):.3f} s"
            f"  max {max(opens):.3f} s  ({len(opens)} of {sessions})"
        )
    lines.append(f"  throughput    {reruns / r.wall_s:.2f} script runs/s (opens and interactions)")
    for pid in r.cpu_s:
        per_run = f", {r.cpu_s[pid] / reruns:.3f} CPU s per script run" if reruns and len(r.cpu_s) == 1 else ""
        lines.append(
            f"  server {pid}  CPU {100 * r.cpu_s[pid] / r.wall_s:.0f}% of one core ({r.cpu_s[pid]:.1f} s{per_run}),"
            f" RSS {r.rss[pid]:.0f} MB"
        )
    if len(r.cpu_s) > 1 and reruns:
        total = sum(r.cpu_s.values())
        lines.append(f"  servers       {total:.1f} CPU s, {total / reruns:.3f} CPU s per script run")
    upstreams = sorted({s.upstream for s in r.sessions if s.upstream})
    if upstreams:
        counts = ", ".join(f"{u}: {sum(s.upstream == u for s in r.sessions)}" for u in upstreams)
        lines.append(f"  sessions per upstream  {counts}")
    lines.append(f"  client        {r.client_cpu_s:.1f} CPU s (this process, on the same machine)")
    errors = r.errors
    lines.append(f"  errors        {len(errors)}")
    for message, count in sorted(count_by(errors).items(), key=lambda kv: -kv[1])[:8]:
        lines.append(f"    {count} x {message}")
    return lines


def count_by(items: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def app_server(env: dict | None = None, profile: Path | None = None, options: tuple = (), timeout: float = 90):
    """Start `streamlit run app.py` on a free port of 127.0.0.1 with these configuration `options`
    ("section.name=value"), under cProfile when `profile` names the stats file; yield (base URL, pid);
    stop it after."""
    port = free_port()
    streamlit_args = [
        str(ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        *[f"--{option}" for option in options],
    ]
    if profile is not None:
        command = [sys.executable, "-m", "ntm.bench.load", "--serve-profiled", str(profile), *streamlit_args]
    else:
        command = [sys.executable, "-m", "streamlit", "run", *streamlit_args]
    log = tempfile.NamedTemporaryFile("w+", prefix=f"ntm-load-{port}-", suffix=".log", delete=False)
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
                raise RuntimeError(f"streamlit did not start within {timeout:g} s; see {log.name}")
            time.sleep(0.2)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        log.close()
        if process.returncode in (0, -15):
            os.unlink(log.name)


def serve_profiled(out: str, streamlit_args: list[str]) -> None:
    """`streamlit run` with every script thread under cProfile, timed by the thread's CPU time; the
    merged stats go to `out` at exit. (A script run happens in its ScriptRunner's thread, which
    cProfile on the main thread misses; the event loop's work, sending the messages, is not in it.)"""
    import atexit
    import cProfile
    import pstats
    import threading

    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
    from streamlit.web import cli

    profiles: list[cProfile.Profile] = []
    lock = threading.Lock()
    thread_main = ScriptRunner._run_script_thread

    def profiled(self) -> None:
        profile = cProfile.Profile(time.thread_time)  # this thread's CPU, not time spent waiting for the GIL
        profile.enable()
        try:
            thread_main(self)
        finally:
            profile.disable()
            with lock:
                profiles.append(profile)

    def dump() -> None:
        with lock:
            if profiles:
                stats = pstats.Stats(profiles[0])
                for profile in profiles[1:]:
                    stats.add(profile)
                stats.dump_stats(out)

    ScriptRunner._run_script_thread = profiled
    atexit.register(dump)
    sys.argv = ["streamlit", "run", *streamlit_args]
    cli.main()


def profile_report(path: Path, runs: int, top: int = 25) -> list[str]:
    """The costliest calls in the profiled script runs: the project's own functions by cumulative
    time, then every function by its own time; seconds per script run (cProfile slows calls down)."""
    import pstats

    stats = pstats.Stats(str(path))
    entries = stats.stats  # {(file, line, name): (calls, primitive calls, tottime, cumtime, callers)}
    total = sum(v[2] for v in entries.values())
    runs = max(runs, 1)
    lines = [f"profile of {runs} script runs: {total:.1f} CPU s in script threads, {total / runs:.3f} s per run"]

    def where(key) -> str:
        file, line, name = key
        try:
            file = str(Path(file).resolve().relative_to(ROOT))
        except ValueError:
            file = "/".join(Path(file).parts[-2:])
        return f"{file}:{line} {name}"

    own = [(k, v) for k, v in entries.items() if str(ROOT) in k[0] and ".venv" not in k[0]]
    lines.append("  project functions by cumulative time (s per script run, calls per run):")
    for key, value in sorted(own, key=lambda kv: -kv[1][3])[:top]:
        lines.append(f"    {value[3] / runs:7.4f}  {value[0] / runs:8.1f}  {where(key)}")
    lines.append("  all functions by own time (s per script run, calls per run):")
    for key, value in sorted(entries.items(), key=lambda kv: -kv[1][2])[:top]:
        lines.append(f"    {value[2] / runs:7.4f}  {value[0] / runs:8.1f}  {where(key)}")
    return lines


def check_local(url: str) -> None:
    host = urllib.parse.urlsplit(url).hostname
    if host not in LOCAL_HOSTS:
        raise SystemExit(f"--url must be on this machine ({', '.join(sorted(LOCAL_HOSTS))}), not {host!r}")


async def drive(args, url: str, pids: list[int]) -> list[Round]:
    rounds = []
    if args.warmup:
        # The main page first, as a visitor of the site's address: app.py runs st.navigation, which
        # a deep link opened first after a server start does not do (see the README, issue 16).
        warm = await one_session(url, "", 0, 0, args.timeout, 0)
        shown = ", ".join(warm.errors) or "ok"
        print(f"warm-up: opened the main page in {warm.timings[0].seconds or float('nan'):.2f} s ({shown})")
    for number in range(1, args.rounds + 1):
        r = await run_round(
            number, url, args.page, args.sessions, args.interactions, args.timeout, args.think, pids, args.seed
        )
        print("\n".join(describe(r, args.sessions, args.interactions)), flush=True)
        rounds.append(r)
    return rounds


def summary(rounds: list[Round], budget_s: float) -> list[str]:
    times = [t for r in rounds for t in r.times()]
    errors = sum(len(r.errors) for r in rounds)
    if not times:
        return [f"no interaction finished; {errors} errors"]
    p95 = percentile(times, 95)
    lines = [
        f"all rounds: {len(times)} interactions, p50 {statistics.median(times):.3f} s, p95 {p95:.3f} s"
        f" (budget {budget_s:g} s: {'OK' if p95 < budget_s else 'OVER'}), max {max(times):.3f} s, errors {errors}"
    ]
    for pid in rounds[0].rss:
        shown = " -> ".join(f"{r.rss[pid]:.0f}" for r in rounds)
        lines.append(f"RSS of {pid} after each round (MB): {shown}")
    return lines


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ntm.bench load", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions (default 20)")
    parser.add_argument("--page", default="overview", help="the page's url path (map, progress...; overview: the root)")
    parser.add_argument("--interactions", type=int, default=10, help="filter changes per session (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of sessions (default 3)")
    parser.add_argument("--url", help="a running server or proxy on this machine; default: start one")
    parser.add_argument("--pid", type=int, action="append", default=[], help="Streamlit process to measure")
    parser.add_argument("--think", type=float, default=0.0, help="mean pause before each interaction, s")
    parser.add_argument("--timeout", type=float, default=120.0, help="longest wait for one script run, s")
    parser.add_argument("--seed", type=int, default=16, help="seed of the sessions' choices")
    parser.add_argument("--budget", type=float, default=1.5, help="p95 budget of an interaction, s")
    parser.add_argument("--no-warmup", dest="warmup", action="store_false", help="do not open the main page first")
    parser.add_argument("--profile", type=Path, help="own server only: cProfile its script runs into this file")
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        help="own server only: a Streamlit option, e.g. runner.postScriptGC=false",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be 1..{MAX_SESSIONS}")
    if not 0 <= args.interactions <= MAX_INTERACTIONS:
        parser.error(f"--interactions must be 0..{MAX_INTERACTIONS}")
    if not 1 <= args.rounds <= MAX_ROUNDS:
        parser.error(f"--rounds must be 1..{MAX_ROUNDS}")
    if not 0 < args.timeout <= 600:
        parser.error("--timeout must be in (0, 600]")
    if args.url and (args.profile or args.option):
        parser.error("--profile and --option need the server this command starts (no --url)")
    args.page = PAGE_PATHS.get(args.page.strip("/"), args.page.strip("/"))
    return args


def main(argv: list[str]) -> list[Round]:
    args = parse(argv)
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    if args.url:
        check_local(args.url)
        rounds = asyncio.run(drive(args, args.url, args.pid))
    else:
        with app_server(profile=args.profile, options=tuple(args.option)) as (url, pid):
            shown = "".join(f" --{option}" for option in args.option)
            print(f"server: streamlit run app.py{shown} at {url}, pid {pid}")
            rounds = asyncio.run(drive(args, url, [pid, *args.pid]))
    print("\n".join(summary(rounds, args.budget)))
    if args.profile:
        runs = sum(len(r.times()) + len(r.times(opens=True)) for r in rounds) + int(args.warmup)
        print("\n".join(profile_report(args.profile, runs)))
    return rounds


def cli(argv: list[str]) -> None:
    """`python -m ntm.bench load ...`: exit status 1 when an interaction failed (not for a slow one)."""
    rounds = main(argv)
    sys.exit(1 if any(r.errors for r in rounds) else 0)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--serve-profiled":
        serve_profiled(sys.argv[2], sys.argv[3:])
    else:
        cli(sys.argv[1:])

#!/usr/bin/env bash
# Several Streamlit processes of the dashboard behind nginx, sharing one PostgreSQL store.
# See README.md, "Running for many users".
#
#   deploy/scale_out.sh install            # Debian packages (nginx; postgresql unless NTM_DATABASE_URL is set),
#                                          # the store's database and role, Leaflet assets
#   deploy/scale_out.sh start              # N processes started with nohup, and an nginx of our own in front
#   deploy/scale_out.sh status | stop
#   deploy/scale_out.sh proxy              # only the nginx of our own, in front of processes already on the ports
#   deploy/scale_out.sh systemd            # a real server: systemd units and the nginx site, in /etc
#
# Options (before the command): --processes N (2), --first-port P (8501: processes on P, P+1, ...),
# --listen ADDRESS:PORT (127.0.0.1:8080, where nginx listens), --state DIR (deploy/run: pid files,
# logs, the generated nginx.conf, ntm.env with the store's address), --root DIR (systemd: write the
# files under DIR instead of /, to look at them first), --option SECTION.NAME=VALUE (a Streamlit option
# for every process, repeatable, e.g. --option runner.postScriptGC=false).
# NTM_DATABASE_URL in the environment names an existing store (postgresql+psycopg://user:pass@host/db);
# without it, `install` creates a local PostgreSQL database and writes its address into STATE/ntm.env.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
app=$(cd "$here/.." && pwd)
processes=2
first_port=8501
listen=127.0.0.1:8080
state=$here/run
root=
options=()
python=$app/.venv/bin/python

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case $1 in
    --processes) processes=$2; shift 2 ;;
    --first-port) first_port=$2; shift 2 ;;
    --listen) listen=$2; shift 2 ;;
    --state) state=$2; shift 2 ;;
    --root) root=$2; shift 2 ;;
    --option) options+=("--$2"); shift 2 ;;
    -h|--help) usage ;;
    install|start|proxy|stop|status|systemd) command=$1; shift ;;
    *) echo "unknown argument: $1" >&2; usage 2 ;;
  esac
done
[ -n "${command:-}" ] || usage 2
[[ $processes =~ ^[1-9][0-9]?$ ]] || { echo "--processes: 1 to 99" >&2; exit 2; }
ports=()
for ((i = 0; i < processes; i++)); do ports+=($((first_port + i))); done
mkdir -p "$state"

log() { echo "scale_out: $*"; }

# The store's address: the environment's NTM_DATABASE_URL, else the one `install` wrote.
database_url() {
  if [ -n "${NTM_DATABASE_URL:-}" ]; then
    echo "$NTM_DATABASE_URL"
  elif [ -f "$state/ntm.env" ]; then
    sed -n 's/^NTM_DATABASE_URL=//p' "$state/ntm.env"
  else
    echo "no store: set NTM_DATABASE_URL or run '$0 install' first" >&2
    return 1
  fi
}

# --- the nginx site: sticky sessions by a cookie, websocket upgrade, long timeouts -------------------
site_conf() {
  cat <<EOF
# NTM dashboard: ${#ports[@]} Streamlit processes behind one address (written by deploy/scale_out.sh).

# A Streamlit session lives in the process that opened it: its websocket, and the HTTP requests that
# belong to it (downloads served from that process's memory, file uploads, a reconnect after a network
# drop), must reach the same process. A browser without a routing cookie goes to the next process in
# turn (round robin: 20 new sessions split 10/10, where hashing a random id split them 13/7 and the
# busier process set everyone's wait); its first response sets the cookie 'ntm_route' to the process
# that answered, and requests carrying it go to that process (another one only while it is down).
# ip_hash would send everyone behind one address (an office's NAT or proxy) to the same process.
map \$cookie_ntm_route \$ntm_upstream {
    default ntm_new;
$(for port in "${ports[@]}"; do echo "    127.0.0.1:$port ntm_$port;"; done)
}
map \$ntm_upstream \$ntm_route_cookie {
    ntm_new "ntm_route=\$upstream_addr; Path=/; HttpOnly; SameSite=Lax";
    default "";
}
# The websocket upgrade: pass the client's Upgrade header on, and 'Connection: upgrade' with it.
map \$http_upgrade \$connection_upgrade {
    default upgrade;
    ""      close;
}

upstream ntm_new {
$(for port in "${ports[@]}"; do echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"; done)
}
$(for port in "${ports[@]}"; do
  echo "upstream ntm_$port {"
  echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"
  for other in "${ports[@]}"; do [ "$other" = "$port" ] || echo "    server 127.0.0.1:$other backup;"; done
  echo "}"
done)

server {
    listen $listen;
    client_max_body_size 6m;  # just over Streamlit's server.maxUploadSize (5 MB, .streamlit/config.toml)

    location / {
        proxy_pass http://\$ntm_upstream;
        proxy_http_version 1.1;
        proxy_set_header Upgrade \$http_upgrade;
        proxy_set_header Connection \$connection_upgrade;
        # With its port: Streamlit compares the websocket's Origin with Host and refuses a mismatch.
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
        # A session's websocket stays open while the tab is: do not cut it after nginx's 60 s default.
        proxy_read_timeout 1d;
        proxy_send_timeout 1d;
        proxy_buffering off;
        add_header Set-Cookie \$ntm_route_cookie always;  # empty (no header) once the browser has it
        # Which process answered: python -m ntm.bench load counts sessions per process from it.
        add_header X-NTM-Upstream \$upstream_addr always;
    }
}
EOF
}

nginx_conf() {  # a whole nginx.conf of our own (systemd-less mode): pid, logs and temp files in STATE
  local user_line=""
  [ "$(id -u)" -eq 0 ] && user_line="user www-data;"
  cat <<EOF
# Written by deploy/scale_out.sh start; run as: nginx -p $state -c $state/nginx.conf
$user_line
worker_processes 1;  # one worker: its round robin alternates exactly (each worker keeps its own turn)
pid $state/nginx.pid;
error_log $state/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log $state/nginx-access.log;
    client_body_temp_path $state/nginx-temp/body;
    proxy_temp_path $state/nginx-temp/proxy;
    fastcgi_temp_path $state/nginx-temp/fastcgi;
    uwsgi_temp_path $state/nginx-temp/uwsgi;
    scgi_temp_path $state/nginx-temp/scgi;
    include /etc/nginx/mime.types;
    include $state/ntm-site.conf;
}
EOF
}

streamlit_args() {  # the same for both modes
  echo "-m streamlit run $app/app.py --server.port $1 --server.address 127.0.0.1 --server.headless true" \
    "--server.fileWatcherType none --browser.gatherUsageStats false ${options[*]}"
}

# --- install ------------------------------------------------------------------------------------------
install() {
  local packages=(nginx)
  [ -z "${NTM_DATABASE_URL:-}" ] && packages+=(postgresql)
  local missing=()
  for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  [ -x "$python" ] || { echo "no $python: run the README's set-up command first" >&2; exit 1; }
  "$python" -m ntm.geo.assets >/dev/null  # Leaflet into ./static (the map needs no network)
  if [ -z "${NTM_DATABASE_URL:-}" ]; then
    local version
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
    pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_ctlcluster "$version" main status >/dev/null
    if [ ! -f "$state/ntm.env" ]; then
      local password
      password=$("$python" -c 'import secrets; print(secrets.token_hex(16))')
      if su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='ntm_dashboard'\"" | grep -q 1; then
        su postgres -c "psql -qc \"ALTER ROLE ntm_dashboard LOGIN PASSWORD '$password'\""
      else
        su postgres -c "psql -qc \"CREATE ROLE ntm_dashboard LOGIN PASSWORD '$password'\""
      fi
      (umask 077 && echo "NTM_DATABASE_URL=postgresql+psycopg://ntm_dashboard:$password@127.0.0.1:5432/ntm_dashboard" \
        >"$state/ntm.env")
    fi
    su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='ntm_dashboard'\"" | grep -q 1 \
      || su postgres -c "psql -qc 'CREATE DATABASE ntm_dashboard OWNER ntm_dashboard'"
  fi
  # Create the store's tables once, before several processes open it at the same moment.
  (cd "$app" && NTM_DATABASE_URL=$(database_url) "$python" -c \
    'import os; from ntm.ingest.store import connect; connect(os.environ["NTM_DATABASE_URL"]).dispose()')
  log "store ready (its address is in $state/ntm.env or NTM_DATABASE_URL)"
}

# --- start / stop / status (systemd-less) -------------------------------------------------------------
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_healthy() {  # port: bounded wait for /_stcore/health
  local deadline=$((SECONDS + 90))
  until curl -fsS -o /dev/null "http://127.0.0.1:$1/_stcore/health" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "process on port $1 did not start; see $state/streamlit-$1.log" >&2; return 1; }
    sleep 0.5
  done
}

start() {
  local url
  url=$(database_url)
  for port in "${ports[@]}"; do
    if running "$state/streamlit-$port.pid"; then
      log "port $port: already running (pid $(cat "$state/streamlit-$port.pid"))"
      continue
    fi
    # nohup execs python: $! is the Streamlit process itself (what stop kills and the benchmark measures).
    # shellcheck disable=SC2046
    (cd "$app" || exit 1
     NTM_DATABASE_URL=$url nohup "$python" $(streamlit_args "$port") >"$state/streamlit-$port.log" 2>&1 &
     echo $! >"$state/streamlit-$port.pid")
    log "port $port: started pid $(cat "$state/streamlit-$port.pid")"
  done
  for port in "${ports[@]}"; do
    wait_healthy "$port"
    # Open the app's main page once in each process: it runs app.py's st.navigation (a deep link
    # opened first after a start would not; see README) and loads the data before the first visitor.
    "$python" -m ntm.bench load --url "http://127.0.0.1:$port" --sessions 1 --interactions 0 --rounds 1 \
      --page overview >"$state/warmup-$port.log" 2>&1 \
      || { echo "process on port $port failed its first page; see $state/warmup-$port.log" >&2; return 1; }
    log "port $port: healthy, main page served"
  done
  proxy
}

proxy() {  # nginx of our own in front of the processes on the ports (started, or reloaded with this configuration)
  site_conf >"$state/ntm-site.conf"
  nginx_conf >"$state/nginx.conf"
  mkdir -p "$state/nginx-temp"
  [ "$(id -u)" -eq 0 ] && chown www-data "$state/nginx-temp"
  nginx -t -q -p "$state" -c "$state/nginx.conf"
  if running "$state/nginx.pid"; then
    nginx -p "$state" -c "$state/nginx.conf" -s reload
    log "nginx reloaded on $listen"
  else
    nginx -p "$state" -c "$state/nginx.conf"
    log "nginx on http://$listen -> ${ports[*]} (pid $(cat "$state/nginx.pid"))"
  fi
}

stop() {
  if running "$state/nginx.pid"; then
    nginx -p "$state" -c "$state/nginx.conf" -s quit
    log "nginx stopped"
  fi
  for pidfile in "$state"/streamlit-*.pid; do
    [ -f "$pidfile" ] || continue
    if running "$pidfile"; then
      kill "$(cat "$pidfile")"
      log "$(basename "$pidfile" .pid): stopped pid $(cat "$pidfile")"
    fi
    rm -f "$pidfile"
  done
}

status() {
  for pidfile in "$state"/streamlit-*.pid; do
    [ -f "$pidfile" ] || continue
    local port=${pidfile##*streamlit-}
    port=${port%.pid}
    if running "$pidfile" && curl -fsS -o /dev/null "http://127.0.0.1:$port/_stcore/health"; then
      echo "streamlit :$port pid $(cat "$pidfile") healthy"
    else
      echo "streamlit :$port NOT healthy"
    fi
  done
  if running "$state/nginx.pid"; then echo "nginx pid $(cat "$state/nginx.pid") on $listen"; else echo "nginx not running"; fi
}

# --- systemd (a real server) --------------------------------------------------------------------------
systemd() {
  local unit=$root/etc/systemd/system/ntm-streamlit@.service
  mkdir -p "$(dirname "$unit")" "$root/etc/ntm" "$root/etc/nginx/conf.d"
  sed -e "s|@APP@|$app|g" -e "s|@PYTHON@|$python|g" -e "s|@ARGS@|$(streamlit_args %i)|g" \
    "$here/ntm-streamlit@.service" >"$unit"
  if [ ! -f "$root/etc/ntm/ntm.env" ]; then
    (umask 077 && echo "NTM_DATABASE_URL=$(database_url)" >"$root/etc/ntm/ntm.env")
  fi
  site_conf >"$root/etc/nginx/conf.d/ntm.conf"
  log "wrote $unit, $root/etc/ntm/ntm.env, $root/etc/nginx/conf.d/ntm.conf"
  if [ -z "$root" ] && ! id ntm >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/ntm --create-home --shell /usr/sbin/nologin ntm
    log "created the system user ntm (it needs to read $app)"
  fi
  local units=()
  for port in "${ports[@]}"; do units+=("ntm-streamlit@$port"); done
  if [ -z "$root" ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable --now "${units[@]}"
    nginx -t -q && systemctl reload nginx
    log "enabled ${units[*]}; nginx reloaded"
  else
    log "then: systemctl daemon-reload && systemctl enable --now ${units[*]} && nginx -t && systemctl reload nginx"
  fi
}

"$command"

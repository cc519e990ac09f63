#!/usr/bin/env bash
# Load test: starts `./passages serve` on a free loopback port, runs wrk against a rotating set of search
# URLs, prints requests/s, p50/p99 latency and error counts, and stops the server.
#
#   scripts/load.sh                                   # the seeds (corpus/, index/), 60 s, 32 connections, 2 threads
#   scripts/load.sh --corpus /data/news --index /data/news-index --duration 120s
#   scripts/load.sh --urls my-urls.txt                # one path+query per line instead of the built-in set
#
# Needs wrk (Debian/Ubuntu: apt-get install wrk); installs nothing itself. The server indexes the corpus
# first if its index is missing or stale (serve's usual behaviour); --start-timeout bounds that wait.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$here/corpus"
index="$here/index"
duration=60s
connections=32
threads=2
start_timeout=600
urls_file=""

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --index) index="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --urls) urls_file="$2"; shift 2 ;;
    --start-timeout) start_timeout="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "load.sh: unknown argument '$1' (see: scripts/load.sh --help)" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "load.sh: wrk is not installed; install it first (Debian/Ubuntu: apt-get install -y wrk)" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/passages-load.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The URLs wrk rotates through: a mix of plain terms, phrases, boolean, prefix and fuzzy queries, facets,
# paging, and an empty query (all paragraphs, exact facet counts).
if [ -n "$urls_file" ]; then
  grep -v '^\s*$' "$urls_file" > "$work/urls.txt"
else
  cat > "$work/urls.txt" <<'URLS'
/api/search?q=Trainium3
/api/search?q=amazon%20nvidia
/api/search?q=%22%2438%20billion%22
/api/search?q=openai%20OR%20google
/api/search?q=amazon%20NOT%20microsoft
/api/search?q=train*
/api/search?q=trainum~1
/api/search?q=chips&limit=100
/api/search?q=&facetLimit=100
/api/search?q=cloud&offset=20&limit=20
/api/search?q=%22data%20center%22
/api/search?q=(nvidia%20OR%20amd)%20AND%20chips
URLS
fi
{
  echo "local paths = {"
  sed 's/\\/\\\\/g; s/"/\\"/g; s/.*/  "&",/' "$work/urls.txt"
  echo "}"
  cat <<'LUA'
local i = 0
function init(args)
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests:        %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("requests/s:      %.1f\n", summary.requests / seconds))
  io.write(string.format("latency p50:     %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p99:     %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max:     %.2f ms\n", latency.max / 1000))
  io.write(string.format("non-2xx:         %d\n", e.status))
  io.write(string.format("socket errors:   %d (connect %d, read %d, write %d, timeout %d)\n",
    e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout))
end
LUA
} > "$work/rotate.lua"

echo "load.sh: starting passages serve (corpus $corpus, index $index)…" >&2
"$here/passages" serve --corpus "$corpus" --index "$index" --host 127.0.0.1 --port 0 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

port=""
for _ in $(seq 1 $((start_timeout * 5))); do
  port="$(sed -n 's#^serving .* at http://127\.0\.0\.1:\([0-9]*\)$#\1#p' "$work/server.out" | head -1)"
  [ -n "$port" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "load.sh: the server exited before listening:" >&2
    cat "$work/server.out" "$work/server.err" >&2
    exit 1
  fi
  sleep 0.2
done
if [ -z "$port" ]; then
  echo "load.sh: the server did not listen within ${start_timeout} s" >&2
  exit 1
fi
echo "load.sh: $(grep -m1 "^serving" "$work/server.out")" >&2

base="http://127.0.0.1:$port"
# warm up (JIT, page cache) so the measured run is steady state; then check every URL answers 2xx once
wrk -t "$threads" -c "$connections" -d 5s -s "$work/rotate.lua" "$base" >/dev/null
while read -r path; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$base$path" || echo 000)"
  [ "${code:0:1}" = 2 ] || echo "load.sh: note: $path answers $code" >&2
done < "$work/urls.txt"

echo "load.sh: wrk $duration, $connections connections, $threads threads, $(wc -l < "$work/urls.txt") URLs rotating" >&2
wrk -t "$threads" -c "$connections" -d "$duration" --timeout 10s -s "$work/rotate.lua" "$base" | sed -n '/^requests:/,$p'

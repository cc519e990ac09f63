#!/usr/bin/env bash
# A local OpenSearch 3.9.0 cluster for trying passages' OpenSearch backend: N nodes as plain JVM processes on
# 127.0.0.1 (loopback only), started from the Maven Central jars of the separate build in opensearch/.
#
#   scripts/opensearch-cluster.sh start [--nodes 3] [--dir DIR] [--heap 512m] [--http-port 9200] [--transport-port 9300] [--clean]
#   scripts/opensearch-cluster.sh status [--dir DIR]
#   scripts/opensearch-cluster.sh stop [--dir DIR]
#
# Node k (1..N) listens on http-port+k-1 and transport-port+k-1 and keeps its data, logs and pid under DIR/nk
# (default DIR: opensearch/cluster). `start` builds the harness when needed, waits until the cluster is green with
# all N nodes (at most 180 s), then prints the URLs; `stop` sends SIGTERM (a clean close) and SIGKILL after 30 s.
# The data stays in DIR between stop and start; --clean deletes DIR first. Needs a JDK 21+ (found like ./passages
# finds it), Maven and curl.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
harness="$root/opensearch"

die() { echo "opensearch-cluster: $*" >&2; exit 1; }

java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

find_jdk() { # prints a JAVA_HOME with java+javac >= 21 (the same search as ./passages)
  local candidates=()
  [ -n "${PASSAGES_JAVA_HOME:-}" ] && candidates+=("$PASSAGES_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for d in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  local best="" best_v=0 v
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v="$(java_major "$d/bin/java")"
    [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ] && { best="$d"; best_v="$v"; }
  done
  [ -n "$best" ] && echo "$best"
}

build_harness() { # (re)builds opensearch/ when its classpath file is missing or older than its sources
  local cp="$harness/target/classpath.txt"
  if [ ! -f "$cp" ] || [ -n "$(find "$harness/src" "$harness/pom.xml" -newer "$cp" -print -quit)" ]; then
    command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build the harness; install it (apt-get install maven)."
    echo "opensearch-cluster: building the harness (opensearch/, downloads the server jars once)…" >&2
    (cd "$harness" && JAVA_HOME="$jdk" mvn -B -q package >"$harness/build.log" 2>&1) \
      || { cat "$harness/build.log" >&2; die "harness build failed (log above)"; }
    rm -f "$harness/build.log"
  fi
}

alive() { [ -f "$1/pid" ] && kill -0 "$(cat "$1/pid")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
health() { curl -s --max-time 5 "http://127.0.0.1:$1/_cluster/health${2:-}" || true; }
json_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p"; }
rss_mb() { ps -o rss= -p "$1" 2>/dev/null | awk '{printf "%d", $1/1024}'; }

cmd="${1:-}"; [ $# -gt 0 ] && shift
nodes=3 dir="$root/opensearch/cluster" heap=512m http_port=9200 transport_port=9300 clean=0
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --http-port) http_port="$2"; shift 2 ;;
    --transport-port) transport_port="$2"; shift 2 ;;
    --clean) clean=1; shift ;;
    *) die "unknown option $1 (see the usage at the top of $0)" ;;
  esac
done
[[ "$nodes" =~ ^[1-9]$ ]] || die "--nodes must be 1-9, got $nodes"
mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"

node_dirs() { ls -d "$dir"/n[0-9] 2>/dev/null || true; }

start() {
  for n in $(node_dirs); do alive "$n" && die "a node is already running from $dir ($n, pid $(cat "$n/pid")); stop it first"; done
  for k in $(seq 1 "$nodes"); do
    for p in $((http_port + k - 1)) $((transport_port + k - 1)); do port_open "$p" && die "port $p on 127.0.0.1 is in use"; done
  done
  jdk="$(find_jdk || true)"
  [ -n "$jdk" ] || die "needs a JDK 21 or newer (java and javac), none found in JAVA_HOME, PATH or /usr/lib/jvm."
  command -v curl >/dev/null 2>&1 || die "curl is needed to wait for the cluster"
  build_harness
  [ "$clean" -eq 1 ] && rm -rf "${dir:?}"/n[0-9]
  local cp seeds="" managers=""
  cp="$harness/target/classes:$(cat "$harness/target/classpath.txt")"
  for k in $(seq 1 "$nodes"); do seeds+="${seeds:+,}127.0.0.1:$((transport_port + k - 1))"; done
  for k in $(seq 1 $((nodes < 3 ? nodes : 3))); do managers+="${managers:+,}n$k"; done
  local t0; t0=$(date +%s.%N)
  for k in $(seq 1 "$nodes"); do
    local home="$dir/n$k" discovery
    mkdir -p "$home"
    if [ "$nodes" -eq 1 ]; then discovery=(discovery.type=single-node)
    else discovery=("discovery.seed_hosts=$seeds" "cluster.initial_cluster_manager_nodes=$managers"); fi
    nohup "$jdk/bin/java" "-Xms$heap" "-Xmx$heap" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
      "-Djava.io.tmpdir=$home" -cp "$cp" passages.opensearch.harness.Launcher \
      "path.home=$home" cluster.name=passages "node.name=n$k" "http.port=$((http_port + k - 1))" \
      "transport.port=$((transport_port + k - 1))" "${discovery[@]}" >"$home/node.log" 2>&1 &
    echo $! >"$home/pid"
  done
  echo "opensearch-cluster: started $nodes node(s) from $dir, waiting for green…" >&2
  local deadline=$(( $(date +%s) + 180 )) h=""
  while :; do
    for k in $(seq 1 "$nodes"); do
      alive "$dir/n$k" || { tail -20 "$dir/n$k/node.log" >&2; stop >/dev/null; die "node n$k exited (its log above: $dir/n$k/node.log)"; }
    done
    h="$(health "$http_port" "?wait_for_status=green&wait_for_nodes=$nodes&timeout=2s")"
    [ "$(json_field status <<<"$h")" = green ] && [ "$(json_field number_of_nodes <<<"$h")" = "$nodes" ] && break
    [ "$(date +%s)" -lt "$deadline" ] || { stop >/dev/null; die "not green with $nodes nodes after 180 s (logs: $dir/n*/node.log)"; }
    sleep 1
  done
  printf 'opensearch-cluster: green with %s node(s) in %.1f s\n' "$nodes" "$(echo "$(date +%s.%N) - $t0" | bc)"
  status
}

status() {
  local any=0
  for n in $(node_dirs); do
    if alive "$n"; then any=1; echo "$(basename "$n"): pid $(cat "$n/pid"), RSS $(rss_mb "$(cat "$n/pid")") MB, log $n/node.log"
    else echo "$(basename "$n"): not running"; fi
  done
  [ "$any" -eq 1 ] || { echo "no node running from $dir"; return 0; }
  local urls="" h
  for n in $(node_dirs); do
    alive "$n" || continue
    local p; p="$(sed -n 's/.*publish_address {127.0.0.1:\([0-9]*\)}.*/\1/p' "$n/node.log" | tail -1)"
    [ -n "$p" ] && urls+="${urls:+,}http://127.0.0.1:$p"
  done
  echo "urls: $urls"
  h="$(health "$(sed 's#.*127.0.0.1:\([0-9]*\).*#\1#' <<<"${urls%%,*}")")"
  echo "health: status $(json_field status <<<"$h"), nodes $(json_field number_of_nodes <<<"$h")"
}

stop() {
  local pids=()
  for n in $(node_dirs); do alive "$n" && { pids+=("$(cat "$n/pid")"); kill -TERM "$(cat "$n/pid")"; }; done
  local deadline=$(( $(date +%s) + 30 ))
  for p in "${pids[@]}"; do
    while kill -0 "$p" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.5; done
    kill -0 "$p" 2>/dev/null && kill -KILL "$p"
  done
  for n in $(node_dirs); do rm -f "$n/pid"; done
  echo "opensearch-cluster: stopped ${#pids[@]} node(s)"
}

case "$cmd" in
  start) start ;;
  status) status ;;
  stop) stop ;;
  *) die "usage: $0 start|status|stop [--nodes N] [--dir DIR] [--heap 512m] [--http-port P] [--transport-port P] [--clean]" ;;
esac

#!/usr/bin/env bash
# Fuzzes each Jazzer target in turn (one at a time: libFuzzer runs one @FuzzTest per JVM) and prints how many
# inputs each ran. Every target stops at the maxExecutions/maxDuration of its @FuzzTest annotation.
#
#   scripts/fuzz.sh                      # all targets
#   scripts/fuzz.sh QueryFuzzTest        # one target
#
# Jazzer's regex hooks (RegexRoadblocks, RegexInjection) are disabled: the cleaner and the query parser run
# many java.util.regex matches per input, and those hooks made fuzzing about 10x slower (440 vs 4,400 exec/s).
# A finding is saved under src/test/resources/<package>/<Test>Inputs/<method>/ and replays in `mvn test`.
# Stopping a run early (Ctrl-C, kill) makes libFuzzer write a bogus crash-* there ("fuzz target exited"):
# delete it.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(TextCleanerFuzzTest HtmlExtractorFuzzTest QueryFuzzTest JsonlArticlesFuzzTest)
status=0
for t in "${targets[@]}"; do
  log="target/fuzz-$t.log"
  mkdir -p target
  echo "== $t (log: $log)"
  if JAZZER_FUZZ=1 \
      JAZZER_DISABLED_HOOKS=com.code_intelligence.jazzer.sanitizers.RegexRoadblocks:com.code_intelligence.jazzer.sanitizers.RegexInjection \
      mvn -B test -Dtest="$t" >"$log" 2>&1; then
    echo "   ok: $(grep -E '^Done [0-9]+ runs' "$log" | tail -1)"
  else
    status=1
    echo "   FAILED: $(grep -E '^Done [0-9]+ runs|== Java Exception|DEDUP_TOKEN' "$log" | head -3 | tr '\n' ' ')"
  fi
done
exit $status

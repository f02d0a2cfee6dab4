#!/usr/bin/env bash
# The issue-15 bar by hand: what findings.ocsf.json, findings.asff.json and junit.xml add to the report
# time of 10,000 accounts x 34 regions with the heap capped at 512 MB (the benchmark's "exports" section
# measures the same through its own scan). Renders one saved scan with the launcher users run
# (`JAVA_OPTS=-Xmx512m scanner/target/orgscan report`), alternately with the formats of before
# (json,csv,xlsx) and with every format, so
# that drift of the machine's speed hits both alike; prints each run and the median of the per-pair
# ratios. Public tools only (bash, GNU time, awk). Usage, from the project's root:
#
#   ./mvnw -q -DskipTests package
#   ./mvnw -q -pl scanner -am install -DskipTests
#   ./mvnw -q -pl src-test test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
#       -Dexec.args="-cp %classpath io.orgscan.bench.SyntheticScanFile 10000 200 42 /tmp/orgscan-10k"
#   docs/bench/new-formats.sh /tmp/orgscan-10k/scan.json 3
#
# The scan is a real one (simulator and scanner in one process) of a synthetic organization of
# 10,000 accounts x 34 regions, so that orgscan report can re-prove it, as it does every scan.json.
set -euo pipefail
scan=${1:?usage: new-formats.sh SCAN.json [PAIRS]}
pairs=${2:-5}
launcher=scanner/target/orgscan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
before=json,csv,xlsx
after=json,csv,xlsx,ocsf,asff,junit
run() { # $1 formats, $2 label: prints "<label> <wall s> <peak RSS KB> <exit>"
  rm -rf "$work/out"
  set +e
  JAVA_OPTS=-Xmx512m /usr/bin/time -o "$work/time" -f "%e %M" "$launcher" report "$scan" --out-dir "$work/out" \
      --format "$1" >"$work/log" 2>&1
  local code=$?
  set -e
  echo "$2 $(cat "$work/time" | tail -1) $code"
}
run "$before" warmup >/dev/null
for i in $(seq "$pairs"); do
  run "$before" before
  run "$after" after
done | tee "$work/runs"
awk '
  $1 == "before" { b[++nb] = $2 } $1 == "after" { a[++na] = $2; r[na] = $2 / b[na] }
  function median(x, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
    return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
  END { printf "median wall: before %.2f s, after %.2f s; median per-pair ratio after/before %.3f (%d pairs)\n",
        median(b, nb), median(a, na), median(r, na), na }' "$work/runs"
ls -l "$work/out" | awk 'NR > 1 { printf "%12d %s\n", $5, $9 }'

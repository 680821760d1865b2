#!/usr/bin/env bash
# The cluster jar on a real Spark standalone cluster with its tables on a real HDFS, checked
# against a local run. Everything runs on 127.0.0.1 from the project's own Maven dependencies
# (no download, no Spark distribution):
#   - HDFS: Hadoop's MiniDFSCluster in-process (cmr.lab.MiniHdfs), one NameNode and one DataNode;
#   - Spark: a master and two workers (org.apache.spark.deploy.master.Master / worker.Worker) on
#     a SPARK_HOME whose jars/ links the jars a cluster provides (spark-dist/target/spark-classpath.txt)
#     and an empty RELEASE file;
#   - the nightly runs: jobs/target/cmr-jobs-cluster.jar submitted with spark-submit
#     (org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:PORT), landing and
#     warehouse on hdfs://, published coefficients and exports in local folders (client mode:
#     the driver runs here).
# The same nights then run locally (bin/cmr, local[*]) on the same landing files, and the script
# checks that every bronze, silver, state, gold and ops table (bin/cmr dump, timestamps and run
# ids left out, paths under the two roots made equal), the live coefficient files and the merchant
# CSVs are identical.
# Usage: scripts/cluster-test.sh [NIGHTS (default 3)] [WORK_DIR (default target/cluster-test)]
# Exit 0 when identical, 1 when not; logs under WORK_DIR/logs. About 12 minutes for 3 nights on
# 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nights="${1:-3}"
work="$(mkdir -p "${2:-$here/target/cluster-test}" && cd "${2:-$here/target/cluster-test}" && pwd)"
cmr="$here/bin/cmr"
first=2026-11-01
hdfs_port="${CMR_HDFS_PORT:-9820}"
master_port="${CMR_SPARK_MASTER_PORT:-7077}"

log() { printf '[cluster-test] %s\n' "$*"; }
elapsed() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.0f", (b - a) / 1e9 }'; }

jar="$here/jobs/target/cmr-jobs-cluster.jar"
spark_cp="$here/spark-dist/target/spark-classpath.txt"
lab_cp="$here/tools/target/test-classpath.txt"
"$cmr" --help > /dev/null 2>&1 || true   # builds the project when a source is newer than the jars
[ -f "$jar" ] && [ -f "$spark_cp" ] && [ -f "$lab_cp" ] \
  || (cd "$here" && mvn -q -B -DskipTests package)

# Java 17 flags for the JVMs started here (spark-submit's launcher would add them)
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true)

rm -rf "$work/logs" "$work/hdfs" "$work/spark-home" "$work/workers" "$work/cluster" "$work/local" \
  "$work/dump-cluster" "$work/dump-local" "$work/hdfs.ready"
mkdir -p "$work/logs" "$work/cluster" "$work/local"

# A SPARK_HOME made of the Maven jars: jars/ links what a cluster provides, RELEASE marks it as a
# distribution (so the workers put jars/* on the executors' classpath)
spark_home="$work/spark-home"
mkdir -p "$spark_home/jars"
tr ':' '\n' < "$spark_cp" | while read -r j; do ln -s "$j" "$spark_home/jars/"; done
: > "$spark_home/RELEASE"
export SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOG_DIR="$work/logs"
spark_java=(java "${opens[@]}" -cp "$spark_home/jars/*")   # Spark's own log4j2 defaults: INFO on stderr

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT

wait_for() { # $1 = description, $2 = seconds, then the test command
  local what="$1" secs="$2"
  shift 2
  for _ in $(seq "$secs"); do
    if "$@"; then return 0; fi
    sleep 1
  done
  log "gave up waiting for $what; see $work/logs"
  exit 1
}

log "starting HDFS (MiniDFSCluster) on 127.0.0.1:$hdfs_port"
java -cp "$here/tools/target/test-classes:$(cat "$lab_cp")" cmr.lab.MiniHdfs start \
  "$work/hdfs" "$hdfs_port" "$work/hdfs.ready" > "$work/logs/hdfs.log" 2>&1 &
pids+=($!)
wait_for "HDFS" 120 test -s "$work/hdfs.ready"
hroot="$(cat "$work/hdfs.ready")/cmr"

log "starting a Spark master and two workers on 127.0.0.1:$master_port"
"${spark_java[@]}" -Xmx512m org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port 0 > "$work/logs/master.log" 2>&1 &
pids+=($!)
wait_for "the master" 60 grep -q "I have been elected leader" "$work/logs/master.log"
for w in 1 2; do
  mkdir -p "$work/workers/$w"
  "${spark_java[@]}" -Xmx512m org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 2500m --webui-port 0 --work-dir "$work/workers/$w" \
    "spark://127.0.0.1:$master_port" > "$work/logs/worker-$w.log" 2>&1 &
  pids+=($!)
done
workers_up() { [ "$(grep -c "Registering worker" "$work/logs/master.log")" -ge 2 ]; }
wait_for "two workers" 60 workers_up

dates=()
for i in $(seq 0 $((nights - 1))); do dates+=("$(date -u -d "$first + $i day" +%F)"); done
log "generating ${#dates[@]} days of small sample data from $first; copying the landing zone to HDFS"
"$cmr" generate --scale small --from "$first" --days "${#dates[@]}" --landing "$work/local/landing" \
  --truth "$work/truth" --overwrite > "$work/logs/generate.log" 2>&1
java -cp "$here/tools/target/test-classes:$(cat "$lab_cp")" cmr.lab.MiniHdfs copy \
  "file://$work/local/landing" "$hroot/landing" > "$work/logs/copy-in.log" 2>&1

for side in cluster local; do
  cat > "$work/$side.conf" << EOF
cmr.paths.published = "$work/$side/published"
cmr.paths.exports = "$work/$side/exports"
EOF
done

for d in "${dates[@]}"; do
  start=$(date +%s%N)
  if ! "${spark_java[@]}" -Xmx2g org.apache.spark.deploy.SparkSubmit \
      --master "spark://127.0.0.1:$master_port" --deploy-mode client \
      --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
      --conf spark.executor.memory=2g --conf spark.cores.max=2 \
      --class cmr.cli.CmrCli "$jar" \
      nightly --date "$d" --landing "$hroot/landing" --warehouse "$hroot/wh" \
      --conf "$work/cluster.conf" > "$work/logs/cluster-$d.log" 2>&1; then
    log "cluster nightly $d FAILED; see $work/logs/cluster-$d.log"
    tail -5 "$work/logs/cluster-$d.log"
    exit 1
  fi
  log "cluster nightly $d: ok in $(elapsed "$start") s (spark://127.0.0.1:$master_port, tables on $hroot)"
done

for d in "${dates[@]}"; do
  start=$(date +%s%N)
  "$cmr" nightly --date "$d" --landing "$work/local/landing" --warehouse "$work/local/wh" \
    --conf "$work/local.conf" > "$work/logs/local-$d.log" 2>&1 || { log "local nightly $d FAILED"; exit 1; }
  log "local nightly $d: ok in $(elapsed "$start") s"
done

log "comparing: tables (bin/cmr dump), live coefficient files, merchant CSVs"
java -cp "$here/tools/target/test-classes:$(cat "$lab_cp")" cmr.lab.MiniHdfs copy \
  "$hroot/wh" "file://$work/cluster/wh" > "$work/logs/copy-out.log" 2>&1
layers=bronze,silver,state,gold,ops
"$cmr" dump --warehouse "$work/cluster/wh" --landing "$work/local/landing" --root "$hroot" \
  --layers "$layers" --out "$work/dump-cluster" > "$work/logs/dump-cluster.log" 2>&1
"$cmr" dump --warehouse "$work/local/wh" --landing "$work/local/landing" --root "$work/local" \
  --layers "$layers" --out "$work/dump-local" > "$work/logs/dump-local.log" 2>&1
# the same file under the two roots: file:/.../local/landing/... and hdfs://.../cmr/landing/...;
# the exports folder of each side in the run log
find "$work/dump-local" -type f -exec sed -i 's|file:<ROOT>|<ROOT>|g' {} +
find "$work/dump-cluster" -type f -exec sed -i "s|$work/cluster|<ROOT>|g" {} +
# values that differ, and by how much at most (relative), between two files of |- or ,-separated
# fields; a differing text field counts as infinitely far
numeric_diff() {
  awk -F'[|,]' 'NR == FNR { a[FNR] = $0; next }
    { n = split(a[FNR], x, /[|,]/); split($0, y, /[|,]/)
      for (i = 1; i <= n; i++) if (x[i] != y[i]) { d++
        if (x[i] ~ /^-?[0-9.eE+-]+$/ && y[i] ~ /^-?[0-9.eE+-]+$/) {
          r = (x[i] - y[i]) / ((x[i] < 0 ? -x[i] : x[i]) > (y[i] < 0 ? -y[i] : y[i]) ? x[i] : y[i])
          r = r < 0 ? -r : r; if (r > m) m = r } else m = "text" } }
    END { printf "%d values differ, by at most %s relative", d, (m == "" ? 0 : m) }' "$1" "$2"
}
status=0
tables=$(find "$work/dump-local" -type f | wc -l)
if diff -r "$work/dump-local" "$work/dump-cluster" > "$work/diff-tables.txt"; then
  log "tables: $tables identical"
else
  status=1
  for f in $(diff -rq "$work/dump-local" "$work/dump-cluster" | awk '{print $2}'); do
    log "table $(basename "$f" .txt): DIFFERS: $(numeric_diff "$f" "${f/dump-local/dump-cluster}")"
  done
  log "tables: $((tables - $(diff -rq "$work/dump-local" "$work/dump-cluster" | wc -l))) of $tables identical ($work/diff-tables.txt)"
fi
local_v="$work/local/published/$(cat "$work/local/published/LATEST")"
cluster_v="$work/cluster/published/$(cat "$work/cluster/published/LATEST")"
for f in campaigns.csv channels.csv; do
  if cmp -s "$local_v/$f" "$cluster_v/$f"; then
    log "coefficients $f: identical ($(($(wc -l < "$local_v/$f") - 1)) rows)"
  else
    log "coefficients $f: DIFFERS: $(numeric_diff "$local_v/$f" "$cluster_v/$f")"; status=1
  fi
done
if diff -r "$work/local/exports/merchants" "$work/cluster/exports/merchants" > "$work/diff-merchants.txt"; then
  log "merchant CSVs: $(find "$work/local/exports/merchants" -name '*.csv' | wc -l) identical"
else
  log "merchant CSVs: DIFFER ($work/diff-merchants.txt)"; status=1
fi
[ "$status" = 0 ] && log "the cluster run equals the local run" || log "the cluster run differs from the local run"
exit "$status"

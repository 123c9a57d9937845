#!/usr/bin/env bash
# The spark-submit path end to end, as a cluster user runs it: builds tune4j-spark-app.jar (tune4j and its natives,
# not Spark), starts a standalone master and two one-core workers on 127.0.0.1 from Spark's jars alone, submits a job
# with SparkSubmit, then runs the same job locally (its own feature cache) and requires identical metrics.csv and
# test metrics. Run from the repository root after the build (.ci/run calls it).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -P spark-app -pl spark -am -DskipTests
APP="$PWD/spark/target/tune4j-spark-app.jar"
read -r -a OPTS <<<"$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' spark/pom.xml)"
SPARK_VERSION="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' spark/pom.xml)"
WORK="$(mktemp -d)"
# Spark's jars alone, as a cluster provides them: the class path of a project that depends on spark-core only.
mkdir -p "$WORK/spark-only"
cat > "$WORK/spark-only/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>check</groupId><artifactId>spark-only</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId>
    <version>$SPARK_VERSION</version></dependency></dependencies></project>
POM
mvn -B -q -f "$WORK/spark-only/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/spark-only/cp.txt"
SPARK_CP="$(cat "$WORK/spark-only/cp.txt")"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export SPARK_HOME="$WORK" SPARK_TESTING=1 SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
PORT="$(free_port)"
MASTER="spark://127.0.0.1:$PORT"
java -Xmx512m "${OPTS[@]}" -cp "$SPARK_CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" \
  --webui-port "$(free_port)" > "$WORK/master.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
for w in 1 2; do
  mkdir -p "$WORK/w$w"
  java -Xmx512m "${OPTS[@]}" -cp "$SPARK_CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 \
    --memory 4g --webui-port "$(free_port)" --work-dir "$WORK/w$w" "$MASTER" > "$WORK/w$w.log" 2>&1 &
  PIDS+=($!)
done
cat > "$WORK/job.yaml" <<'JOB'
name: submitted
data: {type: embedded, train_per_class: 20, test_per_class: 5}
backbone: {weights: random}
head:
  - block: global_average_pooling
  - {block: dense, units: tune, activation: relu}
fit: {epochs: 2, batch_size: 16, learn_rate: tune}
parameters:
  dense_units: {min: 8, max: 16}
  learn_rate: {min: -3, max: -2}
resampling: {folds: 3}
grid: {type: regular, levels: {dense_units: 2, learn_rate: 2}}
threads: 2
seed: 3
JOB
echo "== spark-submit to $MASTER"
java -Xmx2g "${OPTS[@]}" -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit --master "$MASTER" --deploy-mode client \
  --class org.tune4j.cli.Main --conf spark.executor.cores=1 --conf spark.cores.max=2 --conf spark.executor.memory=3g \
  --conf "spark.executor.extraClassPath=$SPARK_CP" --conf "spark.executor.extraJavaOptions=${OPTS[*]}" \
  --conf spark.driver.host=127.0.0.1 "$APP" tune "$WORK/job.yaml" --run-dir "$WORK/cluster/run" --master "$MASTER" \
  --quiet > "$WORK/submit.log" 2>&1 || { tail -50 "$WORK/submit.log"; exit 1; }
grep -q "executor: spark $MASTER" "$WORK/cluster/run/run.log" || { echo "FAILED: the run did not use the cluster" >&2; exit 1; }
echo "== the same job locally"
java -Xmx2g -cp "cli/target/classes:$(cat cli/target/classpath.txt)" org.tune4j.cli.Main tune "$WORK/job.yaml" \
  --run-dir "$WORK/local/run" --quiet
cmp "$WORK/local/run/metrics.csv" "$WORK/cluster/run/metrics.csv" || { echo "FAILED: metrics differ" >&2; exit 1; }
python3 - "$WORK/local/run/best.json" "$WORK/cluster/run/best.json" <<'PY' || { echo "FAILED: test metrics differ" >&2; exit 1; }
import json, sys
a, b = (json.load(open(f))["test"] for f in sys.argv[1:3])
print("test metrics:", a)
sys.exit(0 if a == b else 1)
PY
echo "spark-submit check: the cluster run's metrics and test metrics equal the local run's"

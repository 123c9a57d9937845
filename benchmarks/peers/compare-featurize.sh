#!/usr/bin/env bash
# Featurizing throughput of tune4j's fused plan and DL4J's graph (JMH) beside PyTorch (Debian's
# python3-torch, torchvision ResNet50 without fc), same thread count, and the ratios.
# Usage: benchmarks/peers/compare-featurize.sh [threads]   (after: mvn -B install -DskipTests)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
THREADS="${1:-$(nproc)}"
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
OUT="$(mktemp -d)"
export OMP_NUM_THREADS="$THREADS"
for size in 32 224; do
  java -cp "$CP" org.openjdk.jmh.Main "Featurize${size}Benchmark" -rf csv -rff "$OUT/jmh$size.csv" > "$OUT/jmh$size.log"
  batch=$([ "$size" = 32 ] && echo 128 || echo 16)
  images=$([ "$size" = 32 ] && echo 2048 || echo 64)
  /usr/bin/python3 "$ROOT/benchmarks/peers/torch_backbones.py" --families resnet50 --size "$size" --batch "$batch" \
    --images "$images" --threads "$THREADS" --repeats 3 > "$OUT/torch$size.txt"
done
python3 - "$OUT" <<'PY'
import csv, statistics, sys, os
out = sys.argv[1]
print(f"{'size':>5} {'fused':>9} {'dl4j-graph':>11} {'pytorch':>9} {'fused/torch':>12} {'fused/graph':>12}")
for size in (32, 224):
    rows = {r["Param: plan"]: float(r["Score"]) for r in csv.DictReader(open(os.path.join(out, f"jmh{size}.csv")))}
    torch = statistics.median(float(l.split()[4]) for l in open(os.path.join(out, f"torch{size}.txt")))
    f, g = rows["fused"], rows["dl4j-graph"]
    print(f"{size:>5} {f:9.1f} {g:11.1f} {torch:9.1f} {f / torch:11.2f}x {f / g:11.2f}x")
PY

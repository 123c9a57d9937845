#!/usr/bin/env bash
# Featurizing throughput of every backbone family at 224×224: tune4j (BackboneFamilyBenchmark, JMH) beside
# PyTorch (torch_backbones.py: torchvision's ResNet50/101/152, Keras' V2 layout in torch.nn), same threads,
# both in this run, and the ratios. Run with OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset, nothing else running.
# Usage: benchmarks/peers/compare-backbones.sh [threads] [families]   (after: mvn -B install -DskipTests)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
THREADS="${1:-$(nproc)}"
FAMILIES="${2:-resnet50,resnet101,resnet152,resnet50v2,resnet101v2,resnet152v2}"
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
OUT="$(mktemp -d)"
export OMP_NUM_THREADS="$THREADS"
grep -m1 "model name" /proc/cpuinfo
java -cp "$CP" org.openjdk.jmh.Main BackboneFamilyBenchmark -p family="$FAMILIES" -rf csv -rff "$OUT/jmh.csv" \
  > "$OUT/jmh.log"
/usr/bin/python3 "$ROOT/benchmarks/peers/torch_backbones.py" --families "$FAMILIES" --threads "$THREADS" \
  > "$OUT/torch.txt"
python3 - "$OUT" <<'PY'
import csv, statistics, sys, os, collections
out = sys.argv[1]
ours = {r["Param: family"]: float(r["Score"]) for r in csv.DictReader(open(os.path.join(out, "jmh.csv")))}
torch = collections.defaultdict(list)
for line in open(os.path.join(out, "torch.txt")):
    _, family, _, _, rate = line.split()
    torch[family].append(float(rate))
print(f"{'backbone':>12} {'tune4j img/s':>13} {'pytorch img/s':>14} {'ratio':>7}")
for family, rate in ours.items():
    t = statistics.median(torch[family])
    print(f"{family:>12} {rate:13.2f} {t:14.2f} {rate / t:6.2f}x")
PY

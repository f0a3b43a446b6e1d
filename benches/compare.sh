#!/usr/bin/env bash
# benches/compare.sh — leaktrace side by side with its peers, in ONE run on ONE machine.
#
# Usage (from the project root or anywhere):
#   bash benches/compare.sh                 # full run (~20-30 min on 2 cores): writes benches/RESULTS.md
#   bash benches/compare.sh --quick         # smoke run (uci only, 1 run, no 1 GiB mbox, no SpamAssassin,
#                                           # cost curve at 1x only): writes benches/work/RESULTS.quick.md
#   options: --skip-install   never apt-get/pip; rows of a missing peer are left out, with a note
#            --no-build       use the existing target/release/leaktrace (or $LEAKTRACE_BIN)
#            --runs N         runs per timed step (default 3; --quick: 1); figures are medians
#            --sets a,b       subset of uci,mudou,sa,trec06c
#            --out FILE       where the Markdown goes
#   environment: LEAKTRACE_DATA (default ../shared/data), LEAKTRACE_BIN, LT_TRAIN_ARGS (flags for
#            `leaktrace train`; default "--tune --min-count 1", as the peers are tuned), PYTHON (default
#            python3, for the stdlib-only helpers)
#
# What it does, in order:
#   1. installs missing peers (Debian packages bogofilter, spamassassin, time; a venv at
#      benches/work/venv with scikit-learn numpy scipy) unless --skip-install;
#   2. builds leaktrace (cargo build --release) unless --no-build;
#   3. makes the splits exactly as /work/shared/PEERS.md says (benches/splits.py) into
#      benches/work/splits and checks their sizes against PEERS.md (a mismatch stops the run);
#   4. measures accuracy, training time, classification throughput and peak RSS of leaktrace,
#      bogofilter, sklearn MultinomialNB and ComplementNB on each set, SpamAssassin (Bayes only)
#      on a 200-message sample of sa, a >= 1 GiB mbox (leaktrace ingest/classify vs grep -c and
#      bogofilter -M), and the cost curve of ingest/classify/report at 1x, 4x, 16x of a simulated
#      scenario (benches/bench.py -> benches/work/results.json);
#   5. writes the Markdown (benches/report.py).
# Everything it writes, temp files included, is under benches/work/ (gitignored), except the Markdown.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$ROOT/benches/work"
DATA="${LEAKTRACE_DATA:-$ROOT/../shared/data}"
PY="${PYTHON:-python3}"
export PYTHONDONTWRITEBYTECODE=1  # keep benches/ free of __pycache__
QUICK=0 INSTALL=1 BUILD=1 RUNS="" SETS="" OUT=""

die() { echo "compare.sh: error: $*" >&2; exit 1; }
say() { echo "compare.sh: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --skip-install) INSTALL=0 ;;
    --no-build) BUILD=0 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift ;;
    --sets) SETS="${2:?--sets needs a list}"; shift ;;
    --out) OUT="${2:?--out needs a file}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done

if [[ $QUICK == 1 ]]; then
  RUNS="${RUNS:-1}" SETS="${SETS:-uci}" OUT="${OUT:-$WORK/RESULTS.quick.md}" EXTRA=(--curve 1 --quick)
else
  RUNS="${RUNS:-3}" SETS="${SETS:-uci,mudou,sa,trec06c}" OUT="${OUT:-$ROOT/benches/RESULTS.md}"
  EXTRA=(--big --spamassassin --curve 1,4,16)
fi
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, not '$RUNS'"
[[ -d "$DATA" ]] || die "public corpora not found at $DATA (set LEAKTRACE_DATA)"
command -v "$PY" >/dev/null || die "$PY not found"
mkdir -p "$WORK/tmp"

# 1. peers ------------------------------------------------------------------------------------
VENV="$WORK/venv"
if [[ $INSTALL == 1 ]]; then
  need=()
  command -v bogofilter >/dev/null || need+=(bogofilter)
  [[ -x /usr/bin/time ]] || need+=(time)
  if [[ $QUICK == 0 ]]; then command -v spamassassin >/dev/null || need+=(spamassassin); fi
  if [[ ${#need[@]} -gt 0 ]]; then
    command -v apt-get >/dev/null || die "missing ${need[*]} and no apt-get; install them or use --skip-install"
    say "installing ${need[*]} (apt-get)"
    SUDO=""; [[ $(id -u) == 0 ]] || SUDO="sudo"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
  fi
  if ! "$VENV/bin/python" -c "import sklearn, numpy, scipy" 2>/dev/null; then
    say "making the scikit-learn venv at $VENV"
    "$PY" -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check scikit-learn numpy scipy >&2
  fi
fi
[[ -x /usr/bin/time ]] || die "/usr/bin/time (Debian package 'time') is needed for peak RSS"
command -v bogofilter >/dev/null || say "warning: bogofilter not installed; its rows will be missing"
VPY=""
if "$VENV/bin/python" -c "import sklearn" 2>/dev/null; then VPY="$VENV/bin/python"; else
  say "warning: no scikit-learn venv at $VENV; the sklearn rows will be missing"; fi

# 2. leaktrace ----------------------------------------------------------------------------------
BIN="${LEAKTRACE_BIN:-$ROOT/target/release/leaktrace}"
if [[ $BUILD == 1 && -z "${LEAKTRACE_BIN:-}" ]]; then
  say "building leaktrace (cargo build --release)"
  cargo build --release --quiet || die "cargo build --release failed"
fi
[[ -x "$BIN" ]] || die "no leaktrace binary at $BIN (build it, or set LEAKTRACE_BIN)"
# Measure a private copy: another build during the run must not swap the binary under us.
cp "$BIN" "$WORK/leaktrace"
say "using $("$BIN" --version) from $BIN (copied to $WORK/leaktrace)"
BIN="$WORK/leaktrace"

# 3. splits -----------------------------------------------------------------------------------
say "making the splits ($SETS) in $WORK/splits"
"$PY" benches/splits.py --data "$DATA" --out "$WORK/splits" --sets "$SETS" \
  || die "the splits do not match PEERS.md (see above)"

# 4. measure ----------------------------------------------------------------------------------
RESULTS="$WORK/results.json"
[[ $QUICK == 0 ]] || RESULTS="$WORK/results.quick.json"
say "measuring: sets $SETS, $RUNS run(s) per step -> $RESULTS"
"$PY" benches/bench.py --work "$WORK" --bin "$BIN" --data "$DATA" --runs "$RUNS" --sets "$SETS" \
  --venv-python "$VPY" --results "$RESULTS" "${EXTRA[@]}"

# 5. report -----------------------------------------------------------------------------------
"$PY" benches/report.py "$RESULTS" -o "$OUT"
say "wrote $OUT"

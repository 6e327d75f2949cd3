#!/usr/bin/env bash
# Fuzz one target for a bounded time.
#   bash tests/HotPapers.Fuzz/fuzz.sh records 600    # afl++ (apt-get install afl++) + SharpFuzz
#   bash tests/HotPapers.Fuzz/fuzz.sh render 600 --plain   # the built-in mutator, no afl++ needed
# Targets: records, render, embed. Findings: afl's crashes/ are replayed at the end and the run fails if any.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:-records}"; seconds="${2:-300}"; mode="${3:-}"
out="${FUZZ_OUT:-/tmp/hotpapers-fuzz}/$target"
bin=tests/HotPapers.Fuzz/bin/Release/net10.0
dotnet build tests/HotPapers.Fuzz -c Release -nologo -v q
if [ "$mode" = "--plain" ] || ! command -v afl-fuzz >/dev/null; then
  [ "$mode" = "--plain" ] || echo "afl-fuzz not found: running the plain mutator instead"
  exec dotnet "$bin/HotPapers.Fuzz.dll" "$target" --time "$seconds"
fi
# SharpFuzz instruments our own assembly only (the one the targets exercise); once is enough.
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
export PATH="$PATH:$HOME/.dotnet/tools"
sharpfuzz "$bin/HotPapers.Core.dll" || true   # says so when it is already instrumented
corpus=tests/HotPapers.Fuzz/corpus/records; [ "$target" = embed ] && corpus=tests/HotPapers.Fuzz/corpus/embed
rm -rf "$out"; mkdir -p "$out"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
afl-fuzz -V "$seconds" -i "$corpus" -o "$out" -t 10000 -m none -x tests/HotPapers.Fuzz/json.dict -- dotnet "$bin/HotPapers.Fuzz.dll" "$target" --afl \
  > "$out/afl.log" 2>&1 || { tail -n 30 "$out/afl.log"; exit 1; }
stats="$out/default/fuzzer_stats"
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time|bitmap_cvg) ' "$stats"
crashes=$(find "$out/default/crashes" -type f -name 'id:*' | wc -l)
if [ "$crashes" -gt 0 ]; then
  dotnet "$bin/HotPapers.Fuzz.dll" "$target" --replay "$out"/default/crashes/id:*
  exit 1
fi

#!/usr/bin/env bash
# Long coverage-guided fuzz runs of MixDojo's parsers (the same fuzz tests `mvn verify` runs for a
# few seconds each), through Jazzer's command line so the time limit is ours:
#   scripts/fuzz.sh [SECONDS_EACH] [CLASS#METHOD ...]     (default: 600 s each, all five)
# Each run keeps its corpus in target/fuzz/<class>/ (so a second run goes on from the first) and its
# log beside it. A crash is moved into the fuzz test's Inputs folder under src/test/resources, where
# `mvn verify` replays it from then on: fix the bug, keep the input as its regression test.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    "dev.mixdojo.audio.AudioParserFuzzTest#anyBytesReadAsFiniteAudioOrGiveASentence"
    "dev.mixdojo.dsp.chain.ChainReaderFuzzTest#anyTextReadsAsAChainThatRendersFiniteAudioOrGivesASentence"
    "dev.mixdojo.lesson.LessonReaderFuzzTest#anyBytesGiveALessonOrProblemsWithTheirPlace"
    "dev.mixdojo.classroom.PackReaderFuzzTest#anyPackOpensOrIsRefusedWithASentence"
    "dev.mixdojo.classroom.ResultsReaderFuzzTest#anyBytesGiveAFlaggedRowOrAWarningNamingTheFile"
  )
fi

mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz-classpath.txt || exit 1
classpath="$PWD/target/test-classes:$PWD/target/classes:$(cat target/fuzz-classpath.txt)"

status=0
for target in "${targets[@]}"; do
  class=${target%#*}
  method=${target#*#}
  work="target/fuzz/$class"
  mkdir -p "$work"
  echo "Fuzzing $class#$method for $seconds s (log: $work/fuzz.log)"
  (cd "$work" && java -Xmx1g -Djava.awt.headless=true -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
      --target_class="$class" --target_method="$method" '--instrumentation_includes=dev.mixdojo.**' \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 > fuzz.log 2>&1)
  code=$?
  grep -E "^#[0-9]+ +DONE|^Done [0-9]+ runs" "$work/fuzz.log" | tail -2 | sed 's/^/  /'
  inputs="src/test/resources/$(dirname "${class//.//}")/$(basename "${class//.//}")Inputs/$method"
  found=0
  for crash in "$work"/crash-* "$work"/timeout-* "$work"/oom-*; do
    [ -e "$crash" ] || continue
    found=1
    mkdir -p "$inputs"
    mv "$crash" "$inputs/"
    echo "  FINDING: $(basename "$crash") moved to $inputs (it is now a regression input)"
  done
  if [ $code -ne 0 ] || [ $found -ne 0 ]; then
    status=1
    grep -m1 -A12 "== Java Exception\|ERROR: libFuzzer" "$work/fuzz.log" | sed 's/^/  /'
  fi
done
exit $status

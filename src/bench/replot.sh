#!/usr/bin/env bash
# Draws docs/performance.md's plots again from raw values, without measuring anything:
#   src/bench/replot.sh target/bench/results.tsv                     (the harness's own file)
#   src/bench/replot.sh docs/performance-results-twelfth.tsv head-b  (one run of a part's raw values)
# The four PNGs go to target/bench/replot; a plot whose values the run does not hold is drawn empty.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" cn.govshare.bench.Plots \
  "$1" target/bench/replot ${2:+"$2"}
ls target/bench/replot

#!/usr/bin/env bash
# Reproduces every number of docs/performance.md's harness section (MariaDB on 127.0.0.1:3306, root,
# empty password; about 10 minutes on 2 cores). Results: target/bench/results.tsv and the PNG plots.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -Pbench -DskipTests package
mvn -B -ntp -Pbench test -Dtest=PerformanceHarness -Dsurefire.failIfNoSpecifiedTests=false "$@"

#!/usr/bin/env bash
# Reproduces every number of docs/performance.md (MariaDB on 127.0.0.1:3306, root,
# empty password; about 40 minutes on 2 cores):
#   1. PerformanceHarness: start-up (five cold starts of the README's production command: the extracted jar with
#      a class-data-sharing archive trained from the jar just packaged; one plain `java -jar` for comparison) and RSS, throughput GovShare vs bare Camunda, grant checks
#      at 200/s and the grant-check ceiling at 1 M grants, the machine's floor at 200/s (an HTTP request without
#      the database, a durable commit), deadline page;
#   2. DeadlineBenchmark on MariaDB at 1 000, 10 000 and 100 000 open deadlines (1 000 of them due at once, and from
#      10 000 three more bursts of 1 000 in the same JVM, the warm-*, warm3-* and warm4-* records; the
#      open ones beyond 1 000 templates are copied in SQL, -Dbench.clone=false opens all through the engine);
#   3. the sections measured without MariaDB: CalendarBenchmark (JMH) and DeadlineBenchmark on H2 at 100 000.
# Flows and grant checks are measured after a warm-up that lasts until the JIT compiler threads take under 5 % of
# the application's CPU (its length is printed: BENCH warm-up); the JIT's CPU is reported apart (app-jit-cpu-*).
# The rows a flow writes per table (GovShare, bare, bare-minimal): src/bench/rows-per-flow.sh, apart.
# Results: target/bench/results.tsv (each value with the machine's load average when it was taken),
# target/bench/deadlines-<database>-<open>.tsv, the PNG plots and the BENCH/JMH lines of the log.
# BENCH_QUICK=1: the quick mode (under 5 minutes on a quiet machine): start-ups, flows at 0 open requests,
# grant check and ceiling at 1 M grants with short steps, the breach burst at 10 000 open; no step 3.
# BENCH_GRANTS=1: the grant check alone (1 M grants: 200/s, then the ceiling; no start-ups, flows or deadlines),
# with BENCH_QUICK=1 in short steps. BENCH_BREACHES=1: the breach bursts on MariaDB alone (step 2 at BENCH_DEADLINES,
# default 10 000 open; arguments go to the DeadlineBenchmark runs). BENCH_FLOWS=1: the flows alone, GovShare against bare Camunda at 0 and 2 000 open
# requests (no start-ups, grant checks or deadlines; about 12 minutes on a quiet machine). The bare side is issue 12's
# same shape (src/bench/resources/bench/bare-share-request-shape.bpmn with its two forms); the harness's earlier,
# smaller baseline runs in the same rounds as bare-minimal (records *-minimal*). -Dbench.bareVariables=true
# starts the same-shape bare process with a request's 18 form variables; -Dbench.warmupRounds=N: the flows' warm-up runs
# until the JIT has settled, at most N rounds (default 40; a slow machine's JIT was still compiling after 12). BENCH_SKIP_EMBEDDED=1 leaves out step 3. Arguments go to the
# PerformanceHarness run (e.g. -Dbench.ceilingRates=1000,2000, -Dbench.database=mine -Dbench.dbUser=mine on a
# shared server; -Dbench.timeline=DIR writes each open-loop step's calls over 5 ms, due instant and latency, to
# DIR/slow-<rate>-<start>.txt, for finding what stalls); BENCH_DEADLINES="1000" picks sizes; BENCH_BURSTS (default 4) breach bursts in one JVM at each size. The plots go to target/bench and, for what was run, to
# docs/images (the grant ceiling always). src/bench/replot.sh draws them again from a run's raw values, measuring nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -n "${BENCH_QUICK:-}" ]; then
  set -- -Dbench.quick=true "$@"
  BENCH_DEADLINES="${BENCH_DEADLINES:-10000}"
  BENCH_SKIP_EMBEDDED=1
fi
if [ -n "${BENCH_GRANTS:-}" ]; then
  set -- -Dbench.startups=0 -Dbench.sizes= -Dbench.grantSizes=1000000 "$@"
  BENCH_DEADLINES=" "
  BENCH_SKIP_EMBEDDED=1
fi
if [ -n "${BENCH_FLOWS:-}" ]; then
  set -- -Dbench.startups=0 -Dbench.grantSizes= -Dbench.sizes=0,2000 "$@"
  BENCH_DEADLINES=" "
  BENCH_SKIP_EMBEDDED=1
fi
if [ -n "${BENCH_BREACHES:-}" ]; then
  # the breach bursts on MariaDB alone (step 2), at BENCH_DEADLINES (default 10000); arguments go to each
  # DeadlineBenchmark run (e.g. -DargLine=-XX:StartFlightRecording=filename=/tmp/b.jfr,settings=profile)
  BENCH_DEADLINES="${BENCH_DEADLINES:-10000}"
  BENCH_SKIP_EMBEDDED=1
fi
# MariaDB sized as docs/operations.md asks for a provincial platform (4 GiB buffer pool): with Debian's default of
# 128 MiB the 1 M grants and 100 000 open deadlines do not fit, and every lookup outside the pool is a disk read
# (O_DIRECT). Set for the run (BENCH_BUFFER_POOL, bytes), the previous size put back at the end.
POOL_BEFORE=$(mariadb -uroot -h127.0.0.1 -N -e "SELECT @@innodb_buffer_pool_size")
POOL="${BENCH_BUFFER_POOL:-4294967296}"
if [ "$POOL_BEFORE" -lt "$POOL" ]; then
  mariadb -uroot -h127.0.0.1 -e "SET GLOBAL innodb_buffer_pool_size = $POOL"
  trap 'mariadb -uroot -h127.0.0.1 -e "SET GLOBAL innodb_buffer_pool_size = $POOL_BEFORE" || true' EXIT
fi
echo "MariaDB innodb_buffer_pool_size: $(mariadb -uroot -h127.0.0.1 -N -e "SELECT @@innodb_buffer_pool_size") bytes"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -ntp -Pbench -DskipTests package
if [ -z "${BENCH_BREACHES:-}" ]; then
  mvn -B -ntp -Pbench test -Dtest=PerformanceHarness -Dsurefire.failIfNoSpecifiedTests=false "$@"
  mkdir -p docs/images
  if [ -z "${BENCH_FLOWS:-}" ]; then
    cp target/bench/performance-grant-ceiling.png docs/images/
  fi
  BREACH_ARGS=()
else
  BREACH_ARGS=("$@")
fi
if [ -z "${BENCH_QUICK:-}" ] && [ -z "${BENCH_GRANTS:-}" ] && [ -z "${BENCH_FLOWS:-}" ] && [ -z "${BENCH_BREACHES:-}" ]; then
  cp target/bench/performance-throughput.png target/bench/performance-grant-check.png \
    target/bench/performance-deadlines.png docs/images/
fi
PARAMS="useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=Asia/Shanghai&characterEncoding=UTF-8"
PARAMS="$PARAMS&connectionCollation=utf8mb4_unicode_ci&sendFractionalSeconds=false&sessionVariables=old_mode=''"
PARAMS="$PARAMS&nullDatabaseMeansCurrent=true&rewriteBatchedStatements=true"
# the application's statements counted in its JVM (the benchmark's polling left out): breach-statements
PARAMS="$PARAMS&queryInterceptors=cn.govshare.bench.StatementCount"
# the deadline benchmark connects as a user of its own: breach-db-user-cpu is MariaDB's CPU for it alone
# (USER_STATISTICS, read by the benchmark itself: PROCESS), not for everyone's statements on a shared server
DB_USER="${BENCH_DB_USER:-govshare_bench}"
for open in ${BENCH_DEADLINES:-1000 10000 100000}; do
  db="govshare_deadlines_${open}_$(date +%s)"
  mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS $DB_USER@'%' IDENTIFIED BY '$DB_USER'; GRANT ALL ON $db.* TO $DB_USER@'%';
    GRANT PROCESS ON *.* TO $DB_USER@'%'; SET GLOBAL userstat = ON"
  GOVSHARE_DB_USER="$DB_USER" GOVSHARE_DB_PASSWORD="$DB_USER" GOVSHARE_DB_URL="jdbc:mysql://127.0.0.1:3306/$db?$PARAMS" \
    mvn -B -ntp -Pbench test -Dtest=DeadlineBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dgovshare.test.profiles=demo,test,mysql \
    -Dbench.open="$open" -Dbench.due=1000 -Dbench.bursts="${BENCH_BURSTS:-4}" ${BREACH_ARGS[@]+"${BREACH_ARGS[@]}"} || { mariadb -uroot -h127.0.0.1 -e "DROP DATABASE $db"; exit 1; }
  echo "load average after the burst at $open: $(cut -d' ' -f1-3 /proc/loadavg)"
  mariadb -uroot -h127.0.0.1 -e "DROP DATABASE $db"
done
cat target/bench/results.tsv 2>/dev/null || true; cat target/bench/deadlines-mariadb-*.tsv 2>/dev/null || true
if [ -z "${BENCH_SKIP_EMBEDDED:-}" ]; then
  mvn -B -ntp -Pbench test -Dtest=CalendarBenchmark -Dsurefire.failIfNoSpecifiedTests=false
  mvn -B -ntp -Pbench test -Dtest=DeadlineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.open=100000 -Dbench.due=1000
fi

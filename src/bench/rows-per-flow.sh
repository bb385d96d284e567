#!/usr/bin/env bash
# Where a flow's rows go (docs/performance.md, issue 25 fifth part): the rows each kind of flow changes per table,
# and those rows times the table's indexes, from MariaDB's own counters (information_schema.TABLE_STATISTICS, userstat
# on). Starts the packaged application (mvn -Pbench -DskipTests package first) on a fresh database of its own
# (MariaDB on 127.0.0.1:3306, root, empty password), deploys the harness's two bare processes and runs
# ROWS_FLOWS (20) flows of each kind one after another: govshare (POST /api/share-requests, the check, the
# provider's approval), bare (the same shape, bench/bare-share-request-shape.bpmn) and minimal
# (bench/bare-share-request.bpmn). Needs curl and jq. About two minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${ROWS_FLOWS:-20}"
PORT="${ROWS_PORT:-18080}"
DB="govshare_rows_$(date +%s)"
B="http://127.0.0.1:$PORT"
JAR=$(ls target/govshare-*.jar | head -1)
mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS govshare_rows@'%' IDENTIFIED BY 'govshare_rows'; GRANT ALL ON $DB.* TO govshare_rows@'%';
  SET GLOBAL userstat = ON"
P="useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=Asia/Shanghai&characterEncoding=UTF-8"
P="$P&connectionCollation=utf8mb4_unicode_ci&sendFractionalSeconds=false&sessionVariables=old_mode=''"
P="$P&nullDatabaseMeansCurrent=true&rewriteBatchedStatements=true"
GOVSHARE_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?$P" GOVSHARE_DB_USER=govshare_rows GOVSHARE_DB_PASSWORD=govshare_rows \
  java -jar "$JAR" --server.port="$PORT" --spring.profiles.active=demo,mysql > "target/rows-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; sleep 2; mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $DB" || true' EXIT
for _ in $(seq 180); do curl -sf "$B/actuator/health" > /dev/null && break; sleep 1; done
R=src/bench/resources/bench
curl -sf -u admin:admin -F deployment-name=bench -F "bare-share-request-shape.bpmn=@$R/bare-share-request-shape.bpmn" \
  -F "normative-check.form=@forms/normative-check.form" \
  -F "provider-authorization.form=@forms/provider-authorization.form" "$B/engine-rest/deployment/create" > /dev/null
curl -sf -u admin:admin -F deployment-name=bench -F "bare-share-request.bpmn=@$R/bare-share-request.bpmn" \
  "$B/engine-rest/deployment/create" > /dev/null

complete() {  # user, process instance, variables
  local task
  task=$(curl -sf -u "$1:$1" "$B/engine-rest/task?processInstanceId=$2" | jq -r '.[0].id')
  curl -sf -u "$1:$1" -H 'Content-Type: application/json' -d "{\"variables\":$3}" \
    "$B/engine-rest/task/$task/complete" > /dev/null
}
start() {  # process key, business key: a bare process started as the administrator with one variable
  curl -sf -u admin:admin -H 'Content-Type: application/json' -d "{\"businessKey\":\"$2\",
    \"variables\":{\"providerDept\":{\"value\":\"gaj\"}}}" "$B/engine-rest/process-definition/key/$1/start" \
    | jq -r .id
}
flow() {  # kind, number
  local pi
  case $1 in
    govshare)
      pi=$(curl -sf -u rsj-applicant:rsj-applicant -H 'Content-Type: application/json' -d "{\"resourceCode\":\"RK-002\",
        \"purpose\":\"WORK_REFERENCE\",\"reason\":\"行数 $2\",\"systemName\":\"基准测试系统\"}" "$B/api/share-requests" \
        | jq -r .processInstanceId)
      complete operator "$pi" '{"checkPassed":{"value":true}}'
      complete gaj-reviewer "$pi" '{"approved":{"value":true}}' ;;
    bare)
      pi=$(start bare-share-request "bare-$2")
      complete operator "$pi" '{"checkPassed":{"value":true}}'
      complete gaj-reviewer "$pi" '{"approved":{"value":true}}' ;;
    minimal)
      pi=$(start bare-minimal-share-request "minimal-$2")
      complete operator "$pi" '{}'
      complete gaj-reviewer "$pi" '{}' ;;
  esac
}
tables() {
  mariadb -uroot -h127.0.0.1 -N -e "SELECT TABLE_NAME, ROWS_CHANGED, ROWS_CHANGED_X_INDEXES FROM
    information_schema.TABLE_STATISTICS WHERE TABLE_SCHEMA = '$DB'" | sort
}
statements() {
  mariadb -uroot -h127.0.0.1 -N -e "SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS FROM
    information_schema.USER_STATISTICS WHERE USER = 'govshare_rows'"
}
for kind in govshare bare minimal; do
  flow "$kind" 0  # the first of each kind fills the caches
  sleep 3  # the sealer's and notifications' work of the flows before
  tables > target/rows-before.txt; s0=$(statements)
  for i in $(seq "$N"); do flow "$kind" "$i"; done
  sleep 3
  tables > target/rows-after.txt; s1=$(statements)
  echo "== $kind: per flow, rows changed and rows × indexes"
  join -a2 -e0 -o 2.1,1.2,1.3,2.2,2.3 target/rows-before.txt target/rows-after.txt | awk -v n="$N" '
    { c = ($4 - $2) / n; x = ($5 - $3) / n; if (c > 0) printf "  %-24s %6.1f %7.1f\n", $1, c, x; tc += c; tx += x }
    END { printf "  %-24s %6.1f %7.1f\n", "all", tc, tx }'
  echo "  statements per flow: $(( (s1 - s0) / N ))"
done

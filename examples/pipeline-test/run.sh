#!/usr/bin/env bash
# Tests a deploy pipeline against Stageport in emulator mode, started with
#   STAGEPORT_EMULATOR=on STAGEPORT_SEED=examples/pipeline-test/scenario.yaml
# Each test case starts from the seed (POST /api/stageport/v1/emulator/reset). Needs curl and jq.
# Exit code 0 when every case passed; the first failure is printed and ends the run with 1.
set -euo pipefail

url="${STAGEPORT_URL:-http://localhost:8080}"
client_id="${STAGEPORT_CLIENT_ID:-pipeline}"
client_secret="${STAGEPORT_CLIENT_SECRET:-pipeline-secret-0123456789}"
QA=7e000000-0000-4000-8000-000000000002
ORDERS=7a000000-0000-4000-8000-000000000001
ORDERS_REV1=7b000000-0000-4000-8000-000000000001
ORDERS_REV2=7b000000-0000-4000-8000-000000000002
EMULATOR=/api/stageport/v1/emulator
OPS=/api/deployments/v1/deployment-operations

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# Readiness turns UP only once the seed is applied, so nothing below races the seeding.
wait_ready() {
  for _ in $(seq 1 120); do
    if curl -fsS "$url/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    sleep 1
  done
  fail "Stageport at $url did not report ready within 120 s"
}

login() {
  token="$(curl -fsS -d grant_type=client_credentials -d "client_id=$client_id" \
    --data-urlencode "client_secret=$client_secret" "$url/identity/oauth2/token" | jq -r .access_token)"
  [ -n "$token" ] && [ "$token" != null ] || fail "no token for $client_id"
}

# call METHOD PATH [JSON] -> prints the status; the body is in $work/body.json, the headers in $work/headers.txt
call() {
  local args=(-sS -o "$work/body.json" -D "$work/headers.txt" -w '%{http_code}' -X "$1"
    -H "Authorization: Bearer $token")
  if [ $# -ge 3 ]; then args+=(-H 'Content-Type: application/json' -d "$3"); fi
  curl "${args[@]}" "$url$2"
}

expect() { # expect STATUS METHOD PATH [JSON]
  local want="$1"; shift
  local got; got="$(call "$@")"
  [ "$got" = "$want" ] || fail "$1 $2 answered $got, expected $want: $(cat "$work/body.json")"
}

reset() { expect 204 POST "$EMULATOR/reset" ''; }

deploy_body() { # deploy_body BUILD REVISION
  echo "{\"operation\":\"Deploy\",\"assetKey\":\"$ORDERS\",\"buildKey\":\"$1\",\"revision\":$2,\"environmentKey\":\"$QA\"}"
}

deploy_to_qa() { # deploy_to_qa BUILD REVISION -> prints the operation key
  expect 201 POST "$OPS" "$(deploy_body "$1" "$2")"
  jq -r .key "$work/body.json"
}

await_end() { # await_end OPERATION -> prints its final status
  for _ in $(seq 1 300); do
    expect 200 GET "$OPS/$1"
    local status; status="$(jq -r .status "$work/body.json")"
    if [ "$status" != Running ]; then echo "$status"; return 0; fi
    sleep 0.2
  done
  fail "operation $1 still Running after 60 s"
}

wait_ready
login

echo "case 1: the seed has QA with the Orders configuration"
reset
expect 200 GET /api/portfolios/v1/environments
jq -e --arg qa "$QA" '.. | objects | select(.key? == $qa)' "$work/body.json" > /dev/null || fail "no QA stage"

echo "case 2: a Deploy of revision 1 to QA finishes"
reset
op="$(deploy_to_qa "$ORDERS_REV1" 1)"
[ "$(await_end "$op")" = Finished ] || fail "the Deploy $op did not finish: $(cat "$work/body.json")"

echo "case 3: after a reset the operation of case 2 is gone and QA deploys again"
reset
expect 404 GET "$OPS/$op"
second="$(deploy_to_qa "$ORDERS_REV1" 1)"
[ "$(await_end "$second")" = Finished ] || fail "the second Deploy did not finish"

echo "case 4: a snapshot taken after a deploy brings it back"
expect 201 POST /api/stageport/v1/emulator/snapshots '{"name":"after-deploy"}'
reset
expect 404 GET "$OPS/$second"
expect 204 POST "$EMULATOR/snapshots/after-deploy/restore" ''
expect 200 GET "$OPS/$second"

echo "case 5: the third Deploy answers 429 with Retry-After (a seeded rule), the next one fails at HealthCheck"
reset
[ "$(await_end "$(deploy_to_qa "$ORDERS_REV1" 1)")" = Finished ] || fail "the first Deploy did not finish"
[ "$(await_end "$(deploy_to_qa "$ORDERS_REV2" 2)")" = Finished ] || fail "the second Deploy did not finish"
expect 201 POST "$EMULATOR/faults" "{\"operation\":\"Deploy\",\"environmentKey\":\"$QA\",\"failAtStep\":\"HealthCheck\",\"message\":\"The probe failed.\"}"
expect 429 POST "$OPS" "$(deploy_body "$ORDERS_REV1" 1)"
grep -qi '^retry-after: 5' "$work/headers.txt" || fail "the 429 had no Retry-After: 5"
failed="$(deploy_to_qa "$ORDERS_REV1" 1)"
[ "$(await_end "$failed")" = FinishedWithError ] || fail "the fourth Deploy did not fail"
expect 200 GET "$OPS/$failed/messages"
grep -q HealthCheck "$work/body.json" || fail "the failed Deploy's messages do not name HealthCheck"

echo "case 6: after the clock moves 13 hours the 12-hour token is refused and a new one works"
reset
expect 200 POST "$EMULATOR/clock" '{"advance":"PT13H"}'
expect 401 GET /api/portfolios/v1/environments
login
expect 200 GET /api/portfolios/v1/environments

echo "case 7: the journal shows exactly one Deploy posted, and it created the operation"
reset
op="$(deploy_to_qa "$ORDERS_REV1" 1)"
await_end "$op" > /dev/null
expect 200 GET "$EMULATOR/requests?method=POST&path=$OPS"
[ "$(jq '.results | length' "$work/body.json")" = 1 ] || fail "the journal holds other Deploys: $(cat "$work/body.json")"
[ "$(jq -r '.results[0].operationKey' "$work/body.json")" = "$op" ] || fail "the journal does not name $op"

reset
echo "pipeline tests passed"

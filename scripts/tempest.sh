#!/usr/bin/env bash
# Tempest's image API tests (tempest.api.image.v2) against the gateway, as OpenStack runs them
# against Glance: Debian's Keystone started here (its own PostgreSQL database), the gateway
# registered in it as the `image` service and started with KEYSTONE_URL, a loopback file server
# for the web-download test, then `tempest run`. Everything runs on 127.0.0.1 and is stopped at
# the end. Needs: apt-get install keystone uwsgi-plugin-python3 python3-psycopg2 tempest, and the
# gateway built from this checkout (npm ci, or npm run build after a change).
#
#   npm run tempest [-- <tempest run options>]      e.g. -- --concurrency 1
#
# The summary goes to stdout and to docs/tempest-run.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d /tmp/tempest-run-XXXXXX)
KEYSTONE_PORT=${KEYSTONE_PORT:-9397}
GATEWAY_PORT=${GATEWAY_PORT:-9398}
FILES_PORT=${FILES_PORT:-9399}
DB=tempest_keystone_$$
PIDS=()

KEEP_WORK=false
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB" 2>/dev/null || true
  if $KEEP_WORK; then echo "logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# A step that fails keeps the logs for a look.
trap "KEEP_WORK=true" ERR

wait_http() {
  for _ in $(seq 1 240); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.25
  done
  echo "$2 did not answer at $1" >&2
  return 1
}

echo "== Keystone on 127.0.0.1:$KEYSTONE_PORT"
mkdir -p "$WORK/keystone/fernet" "$WORK/keystone/credential" "$WORK/files"
createdb -h 127.0.0.1 -U postgres "$DB"
cat > "$WORK/keystone/keystone.conf" <<EOF
[DEFAULT]
log_file = $WORK/keystone/keystone.log
[database]
connection = postgresql+psycopg2://postgres@127.0.0.1/$DB
[token]
provider = fernet
[fernet_tokens]
key_repository = $WORK/keystone/fernet
[fernet_receipts]
key_repository = $WORK/keystone/fernet
[credential]
key_repository = $WORK/keystone/credential
EOF
K="keystone-manage --config-file $WORK/keystone/keystone.conf"
$K db_sync
$K fernet_setup --keystone-user root --keystone-group root
$K credential_setup --keystone-user root --keystone-group root
$K bootstrap --bootstrap-password secret --bootstrap-public-url "http://127.0.0.1:$KEYSTONE_PORT/v3" --bootstrap-region-id RegionOne
uwsgi --plugins python3 --http-socket "127.0.0.1:$KEYSTONE_PORT" --wsgi-file /usr/bin/keystone-wsgi-public \
  --master --processes 2 --threads 4 --lazy-apps --die-on-term --buffer-size 65535 --add-header 'Connection: close' \
  --env "OS_KEYSTONE_CONFIG_FILES=$WORK/keystone/keystone.conf" --logto "$WORK/keystone/uwsgi.log" &
PIDS+=($!)
wait_http "http://127.0.0.1:$KEYSTONE_PORT/v3" Keystone

export OS_AUTH_URL=http://127.0.0.1:$KEYSTONE_PORT/v3 OS_USERNAME=admin OS_PASSWORD=secret OS_PROJECT_NAME=admin \
  OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_IDENTITY_API_VERSION=3 OS_REGION_NAME=RegionOne
openstack service create --name glance image >/dev/null
for interface in public internal admin; do
  openstack endpoint create --region RegionOne image "$interface" "http://127.0.0.1:$GATEWAY_PORT/image" >/dev/null
done

echo "== the gateway on 127.0.0.1:$GATEWAY_PORT"
# Embedded PostgreSQL with the demo catalog: its region `toronto` is the Image API's. Owners deactivate,
# as Glance 25's default policy lets them (test_deactivate_reactivate_image).
HOST=127.0.0.1 PORT=$GATEWAY_PORT DATA_DIR="$WORK/data" SEED_DEMO=true OPENSTACK_REGION=toronto IMAGE_DEACTIVATION=owner \
  KEYSTONE_URL="http://127.0.0.1:$KEYSTONE_PORT/v3" IMPORT_ALLOWED_HOSTS=127.0.0.1/32 LOG_LEVEL=warn \
  RATE_LIMIT_COST_PER_SECOND=0 node dist/src/main.js > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$GATEWAY_PORT/readyz" gateway

# The web-download test's source (tempest's [image] http_image).
head -c 2097152 /dev/urandom > "$WORK/files/cirros.img"
python3 -m http.server "$FILES_PORT" --bind 127.0.0.1 --directory "$WORK/files" > /dev/null 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$FILES_PORT/cirros.img" "file server"

echo "== tempest"
cd "$WORK"
# A workspace of its own, registered apart from the user's (~/.tempest/workspace.yaml).
tempest init --name "gateway-$$" --workspace-path "$WORK/workspaces.yaml" workspace >/dev/null
cat > workspace/etc/tempest.conf <<EOF
[DEFAULT]
log_file = tempest.log
[auth]
use_dynamic_credentials = true
admin_username = admin
admin_password = secret
admin_project_name = admin
admin_domain_name = Default
[identity]
uri_v3 = http://127.0.0.1:$KEYSTONE_PORT/v3
auth_version = v3
region = RegionOne
[identity-feature-enabled]
api_v2 = false
[service_available]
glance = true
nova = false
neutron = false
cinder = false
swift = false
heat = false
[image]
http_image = http://127.0.0.1:$FILES_PORT/cirros.img
region = RegionOne
endpoint_type = public
[image-feature-enabled]
api_v2 = true
api_v1 = false
import_image = true
os_glance_reserved = true
EOF
cd workspace
set +e
tempest run --regex '^tempest\.api\.image\.v2' --concurrency "${TEMPEST_CONCURRENCY:-2}" "$@" > "$WORK/tempest.out" 2>&1
status=$?
set -e
{
  echo "tempest.api.image.v2 against the gateway with Keystone $(keystone-manage --version), tempest $(tempest --version 2>&1 | awk '{print $2}'), $(date -u +%Y-%m-%d)"
  echo
  grep -E '^\{[0-9]+\} (tempest\.|setUpClass)' "$WORK/tempest.out" | sed -E 's/^\{[0-9]+\} //; s/ \[[0-9.]+s\]//' | sort
  echo
  sed -n '/^Totals/,/^Sum of execute time/p' "$WORK/tempest.out"
} > "$ROOT/docs/tempest-run.txt"
cat "$ROOT/docs/tempest-run.txt"
if [ $status -ne 0 ]; then
  KEEP_WORK=true
  echo "tempest failed: see $WORK/tempest.out" >&2
fi
exit $status

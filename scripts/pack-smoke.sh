#!/usr/bin/env bash
# The npm package, as a user gets it: `npm pack` (prepack clears dist/, prepare builds dist/ and console/dist),
# install of the tarball into an empty directory with a fresh npm cache (so every
# dependency, the native better-sqlite3 included, comes from the registry by the normal
# install), then, from there:
#   - `actionbridge --version` and `--help`;
#   - the shared conformance smoke suite (../shared/conformance/smoke.mjs), when the
#     workspace has it, with the installed package as its project root;
#   - `actionbridge serve` on SQLite in a fresh data dir, on a free port, with a bootstrap
#     admin, and one InvokeAction (GENERIC_HTTP to a local HTTPS upstream) through the
#     installed `actionbridge/client`, which the installed CLI then finds in the audit
#     trail (`actionbridge actions invocations`).
# Usage: scripts/pack-smoke.sh   (from anywhere; about 5 minutes on 2 vCPUs, most of it the
# install from a cold cache, where better-sqlite3 is compiled by its own install script)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
start=$SECONDS
work="$(mktemp -d "${TMPDIR:-/tmp}/actionbridge-pack-smoke.XXXXXX")"
server_pid=''
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "--- pack smoke ($((SECONDS - start)) s): $*"; }

step "npm pack"
tgz="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
tgz="$work/$tgz"
ls -l "$tgz"
# Nothing of the sources or tests; the built server, CLI and console are there.
listing="$(tar -tzf "$tgz")"
for f in package/bin/actionbridge package/dist/cli/main.js package/dist/client/index.js package/dist/client/index.d.ts package/console/dist/index.html; do
  grep -qx "$f" <<<"$listing" || { echo "pack smoke: $f is not in the tarball" >&2; exit 1; }
done
if grep -qE '^package/(src|test|bench)/' <<<"$listing"; then echo "pack smoke: sources or tests in the tarball" >&2; exit 1; fi

step "install into an empty directory with a fresh npm cache"
app="$work/app"
mkdir -p "$app"
export npm_config_cache="$work/npm-cache"
(cd "$app" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$tgz" @aws-sdk/client-quicksight)
bin="$app/node_modules/.bin/actionbridge"
pkg="$app/node_modules/actionbridge"
if [ -e "$pkg/node_modules/typescript" ] || [ -e "$app/node_modules/typescript" ] || [ -e "$app/node_modules/vite" ]; then
  echo "pack smoke: TypeScript or Vite was installed with the package" >&2
  exit 1
fi
version="$("$bin" --version)"
expected="$(node -p "require('$root/package.json').version")"
[ "$version" = "$expected" ] || { echo "pack smoke: --version printed '$version', expected '$expected'" >&2; exit 1; }
"$bin" serve --help | grep -q -- '--data-dir' || { echo "pack smoke: serve --help lacks --data-dir" >&2; exit 1; }
echo "actionbridge --version: $version"

# The workspace's shared directory: ../shared beside the checkout (ACTIONBRIDGE_SHARED_DIR overrides it).
shared="${ACTIONBRIDGE_SHARED_DIR:-$root/../shared}"
if [ -f "$shared/conformance/smoke.mjs" ]; then
  step "shared conformance smoke suite against the installed package"
  # Its project root is the installed package: it starts that package's bin/actionbridge and
  # resolves @aws-sdk/client-quicksight from there (installed beside it above).
  (cd "$pkg" && node "$shared/conformance/smoke.mjs")
else
  step "no $shared/conformance/smoke.mjs: skipping the shared smoke suite"
fi

step "actionbridge serve from the installed package"
port="$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
endpoint="http://127.0.0.1:$port"
account=111122223333
key_id=AKIAPACKSMOKEADMIN00
secret="pack-smoke-admin-secret-$RANDOM$RANDOM"
# A self-signed certificate for the upstream at 127.0.0.1, trusted by the server through --ca-file.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -addext basicConstraints=critical,CA:TRUE -keyout "$work/upstream.key" -out "$work/upstream.pem" 2>/dev/null
(
  cd "$app"
  ACTIONBRIDGE_ACCOUNT_ID=$account ACTIONBRIDGE_ACCESS_KEY_ID=$key_id ACTIONBRIDGE_SECRET_ACCESS_KEY=$secret \
    exec "$bin" serve --host 127.0.0.1 --port "$port" --data-dir "$work/data" --egress-allow 127.0.0.0/8 \
    --ca-file "$work/upstream.pem" --log-level warn
) >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  if curl -fsS "$endpoint/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "pack smoke: the server exited" >&2; exit 1; fi
  sleep 0.1
done
curl -fsS "$endpoint/healthz" >/dev/null || { cat "$work/server.log" >&2; echo "pack smoke: no /healthz" >&2; exit 1; }
[ -f "$work/data/actionbridge.db" ] || { echo "pack smoke: no SQLite database in the data dir" >&2; exit 1; }
curl -fsS "$endpoint/console/" | grep -qi '<html' || { echo "pack smoke: the console is not served" >&2; exit 1; }

step "InvokeAction through the installed actionbridge/client and the CLI"
cp "$root/scripts/pack-smoke-invoke.mjs" "$app/invoke.mjs"
(
  cd "$app"
  ENDPOINT=$endpoint ACCOUNT=$account AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$secret \
    TLS_KEY="$work/upstream.key" TLS_CERT="$work/upstream.pem" node invoke.mjs
)
# The installed CLI, through the same client library: the invocation is in the audit trail.
out="$(cd "$app" && AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$secret AWS_REGION=us-east-1 \
  "$bin" actions invocations --endpoint "$endpoint" --account $account --connector pack-smoke --json)"
grep -q '"InvokeActionStatus": "SUCCESS"' <<<"$out" || { echo "pack smoke: actions invocations lacks the invocation: $out" >&2; exit 1; }
echo "actionbridge actions invocations: the invocation is in the audit trail"

step "stop the server"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=''
[ "$status" -eq 0 ] || { cat "$work/server.log" >&2; echo "pack smoke: the server exited $status on SIGTERM" >&2; exit 1; }
step "passed in $((SECONDS - start)) s"

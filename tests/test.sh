#!/usr/bin/env bash
# Runs every test suite: the .NET test projects, the web SDK's unit tests, the offline checks of deploy/ and the browser
# tests (real Chromium against the real host). Prints the total over all of them as its last line ("N passed, M
# failed[, K skipped]") and exits non-zero when anything failed. Needs the .NET 10 SDK, Node.js 20+ with npm, and Chromium (/usr/bin/chromium or
# CHROMIUM_PATH); .ci/run installs them on a fresh machine.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

logs=$(mktemp -d)
failed_steps=0
step() { # name, command…: runs a build step, shows its output only when it fails
  local name=$1; shift
  if ! "$@" >"$logs/$name.log" 2>&1; then
    cat "$logs/$name.log" >&2
    echo "$name failed" >&2
    failed_steps=$((failed_steps + 1))
    return 1
  fi
}

step tools dotnet tool restore
# npm ci installs playwright-core and axe-core, which the SDK's browser tests and the dashboard's (tests/HostApp.Tests/Browser,
# axe-core injected from sdk/web/node_modules) both use.
step sdk-build bash -c 'cd sdk/web && npm ci --no-audit --no-fund && npm run build'
step deploy-tools bash -c 'cd deploy/validate && npm ci --no-audit --no-fund'
step dotnet-build dotnet build JwtAuthKit.sln

# The .NET suites and the SDK's unit tests share nothing: run them side by side.
dotnet test JwtAuthKit.sln --no-build >"$logs/dotnet.log" 2>&1 &
dotnet_pid=$!
(cd sdk/web && node --test test/) >"$logs/sdk-unit.log" 2>&1
sdk_unit=$?
# deploy/: the compose file, Kubernetes manifests and Dockerfile checked offline against their schemas and linters.
(cd deploy/validate && node --test) >"$logs/deploy.log" 2>&1
deploy_checks=$?
wait "$dotnet_pid"
dotnet_status=$?
cat "$logs/dotnet.log" "$logs/sdk-unit.log" "$logs/deploy.log"

# The browser tests measure time (a refresh every few seconds, sign-out reaching other tabs within a second): they run
# on their own, after the others.
(cd sdk/web && node --test --test-concurrency=1 e2e/) >"$logs/sdk-browser.log" 2>&1
sdk_browser=$?
cat "$logs/sdk-browser.log"

read -r passed failed skipped assemblies < <(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") { gsub(",", "", $(i+1)); f += $(i+1) }
      if ($i == "Passed:") { gsub(",", "", $(i+1)); p += $(i+1) }
      if ($i == "Skipped:") { gsub(",", "", $(i+1)); s += $(i+1) }
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$logs/dotnet.log")
read -r node_passed node_failed node_skipped node_runs < <(awk '
  /^# pass / { p += $3; n++ } /^# fail / { f += $3 } /^# skipped / { s += $3 } /^# cancelled / { f += $3 }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$logs/sdk-unit.log" "$logs/deploy.log" "$logs/sdk-browser.log")

expected=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$assemblies" -lt "$expected" ]; then
  echo "only $assemblies of $expected .NET test assemblies reported results" >&2
  failed=$((failed + expected - assemblies))
fi
if [ "$node_runs" -lt 3 ]; then
  echo "the SDK's unit or browser tests or the deploy checks reported no results" >&2
  node_failed=$((node_failed + 3 - node_runs))
fi
status=0
for code in "$dotnet_status" "$sdk_unit" "$deploy_checks" "$sdk_browser"; do
  [ "$code" -ne 0 ] && status=1
done
passed=$((passed + node_passed))
failed=$((failed + node_failed + failed_steps))
skipped=$((skipped + node_skipped))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
rm -rf "$logs"

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Makes sure what the test suite needs is on this machine: Debian's Chromium and ChromeDriver for the
# browser tests, and (when the PostgreSQL run is switched on) the local PostgreSQL server.
# Called by Maven before the tests (pom.xml, exec-maven-plugin) and so also by .ci/run.
# Usage: ensure-test-services.sh [postgres]
set -euo pipefail

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "[orgcoach] Installing chromium and chromium-driver (Debian packages) for the browser tests"
  if [[ $(id -u) -ne 0 ]]; then
    echo "[orgcoach] Not root: run 'sudo apt-get install chromium chromium-driver' and try again" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

if [[ ${1:-} == postgres ]]; then
  if ! pg_isready -q -h 127.0.0.1; then
    echo "[orgcoach] Starting PostgreSQL"
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 1 60); do
      pg_isready -q -h 127.0.0.1 && break
      sleep 1
    done
  fi
  pg_isready -q -h 127.0.0.1 || { echo "[orgcoach] PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
  # The tests create their own databases beside the database "test" (TestDatabase).
  if ! psql -h 127.0.0.1 -U postgres -d test -qtAc 'SELECT 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test'
  fi
fi

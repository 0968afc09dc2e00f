#!/bin/sh
# Stops the engine start.sh started (by its pid file), removing its containers first.
B=${DOCKERD_BASE:-/tmp/palisade-dockerd}
[ -f "$B/docker.pid" ] || exit 0
DOCKER_HOST=unix://$B/docker.sock docker ps -aq 2>/dev/null \
  | xargs -r env DOCKER_HOST="unix://$B/docker.sock" docker rm -f >/dev/null 2>&1
kill "$(cat "$B/docker.pid")" 2>/dev/null
i=0; while [ -f "$B/docker.pid" ] && [ $i -lt 40 ]; do sleep 0.25; i=$((i + 1)); done
exit 0

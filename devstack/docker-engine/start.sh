#!/bin/sh
# Starts a Docker Engine for Palisade's tests and the quickstart on a machine that has none running, and imports a
# registry-free busybox image that tests run without pulling. Idempotent: when the engine below already answers, it
# only prints the exports.
#
#   eval "$(devstack/docker-engine/start.sh)"   # exports DOCKER_HOST, PALISADE_TEST_IMAGE, TESTCONTAINERS_*
#   devstack/docker-engine/stop.sh              # removes its containers and stops it
#
# Needs root. Installs docker.io, busybox-static and jq with apt-get when missing (Debian and derivatives). The engine
# uses vfs storage and no iptables, so it runs inside VMs and containers without overlayfs or netfilter; everything
# lives under $DOCKERD_BASE (default /tmp/palisade-dockerd).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
B=${DOCKERD_BASE:-/tmp/palisade-dockerd}
SOCK=$B/docker.sock
IMAGE=local/busybox:1

say() { echo "docker-engine: $*" >&2; }
answers() { curl -sf --max-time 2 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; }

# CAP_SYS_RESOURCE is bit 24 of the bounding set; some VMs withhold it, and runc then refuses --privileged containers.
lacks_sys_resource() {
  bounding=$(awk '/^CapBnd:/ {print $2}' /proc/self/status)
  [ -n "$bounding" ] && [ $(( 0x$bounding >> 24 & 1 )) -eq 0 ]
}

mkdir -p "$B/data" "$B/exec"
if ! answers; then
  [ "$(id -u)" -eq 0 ] || { say "needs root to start dockerd"; exit 1; }
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v busybox >/dev/null 2>&1 || ! command -v jq >/dev/null 2>&1 \
      || ! command -v curl >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      docker.io busybox-static jq curl) >"$B/apt.log" 2>&1 || { say "apt-get install failed, see $B/apt.log"; exit 1; }
  fi
  RUNTIME=""
  if lacks_sys_resource; then
    cp "$HERE/runc-wrap" "$B/runc-wrap"; chmod +x "$B/runc-wrap"
    RUNTIME="--add-runtime runc-wrap=$B/runc-wrap --default-runtime runc-wrap"
  fi
  # shellcheck disable=SC2086 # RUNTIME is a list of options
  setsid dockerd --iptables=false --ip6tables=false --storage-driver=vfs $RUNTIME \
    --host "unix://$SOCK" --data-root "$B/data" --exec-root "$B/exec" \
    --pidfile "$B/docker.pid" >"$B/dockerd.log" 2>&1 < /dev/null &
  i=0
  until answers; do
    i=$((i + 1)); [ $i -gt 120 ] && { say "dockerd did not answer within 60 s, see $B/dockerd.log"; exit 1; }
    sleep 0.5
  done
fi

if ! DOCKER_HOST=unix://$SOCK docker image inspect "$IMAGE" >/dev/null 2>&1; then
  R=$B/rootfs; rm -rf "$R"; mkdir -p "$R/bin" "$R/etc" "$R/tmp" "$R/proc" "$R/sys" "$R/dev" "$R/root"
  cp "$(command -v busybox)" "$R/bin/busybox"
  for applet in $("$R/bin/busybox" --list); do [ "$applet" = busybox ] || ln -sf busybox "$R/bin/$applet"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' > "$R/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$R/etc/group"
  tar -C "$R" -c . | DOCKER_HOST=unix://$SOCK docker import -c 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
fi

echo "export DOCKER_HOST=unix://$SOCK"
echo "export PALISADE_TEST_IMAGE=$IMAGE"
# Ryuk, Testcontainers' reaper, is an image that cannot be pulled here; the tests remove their own containers.
echo "export TESTCONTAINERS_RYUK_DISABLED=true"
echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"

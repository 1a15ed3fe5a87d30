#!/usr/bin/env bash
# Makes the Debian base image the Dockerfiles use (docker.io/library/debian:bookworm-slim) from
# Debian's own packages, for machines where podman runs but no registry is reachable:
#   debootstrap --variant=minbase bookworm <dir>, then podman import under that name.
# Needs root, podman and debootstrap (apt-get install podman debootstrap). Idempotent.
set -euo pipefail
IMAGE=docker.io/library/debian:bookworm-slim
if podman image exists "$IMAGE"; then
	echo "podman-base-image: $IMAGE exists"
	exit 0
fi
rootfs=$(mktemp -d /tmp/allspark-rootfs-XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase bookworm "$rootfs"
tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$IMAGE"
echo "podman-base-image: imported $IMAGE"

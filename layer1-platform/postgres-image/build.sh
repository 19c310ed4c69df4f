#!/usr/bin/env bash
# Builds DataPlatform's PostgreSQL 15 image from Debian packages, for machines where the official postgres image
# cannot be pulled (no registry). Idempotent: does nothing when the image is present and up to date.
#
#   1. rootfs.sh: debootstrap a minimal Debian bookworm from the mirror apt already uses, install postgresql-15 at
#      exactly the minor version of the tag, strip docs and caches; "docker import" as dataplatform/postgres-rootfs
#      (kept, as the base layer of the image, so that a change to the entrypoint only redoes step 2);
#   2. a classic build (Dockerfile here) adds the entrypoint (docker-entrypoint.sh here, the official image's
#      environment contract), ENV, ENTRYPOINT, STOPSIGNAL and EXPOSE, which "docker import" cannot set.
#
# The tag is the one the test fixture pins (PostgresServer.PostgresImage in tests/DataPlatform.Testing), so that
# Testcontainers finds the image locally and never pulls; layer1-platform/docker-compose.yml must name the same.
# Needs root (debootstrap, chroot) and a Docker engine that answers. Usage: build.sh [--force]
set -Eeuo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
fixture="$repo/tests/DataPlatform.Testing/PostgresServer.cs"
compose="$repo/layer1-platform/docker-compose.yml"
suite=bookworm
rootfs_repository=dataplatform/postgres-rootfs
label=org.dataplatform.postgres-image.inputs
force=false
case "${1:-}" in
  "") ;;
  --force) force=true ;;
  *) echo "usage: $0 [--force]" >&2; exit 1 ;;
esac

log() { printf '[%(%H:%M:%S)T] postgres-image: %s\n' -1 "$*" >&2; }
fail() { log "$*"; exit 1; }

# The one pinned tag, read from the fixture's constant (public const string PostgresImage = "postgres:15.18";).
tag="$(sed -n 's/.*const string PostgresImage = "\([^"]*\)".*/\1/p' "$fixture")"
[[ "$tag" =~ ^postgres:([0-9]+)\.([0-9]+)$ ]] || fail "cannot read the pinned image 'postgres:<major>.<minor>' from $fixture"
major="${BASH_REMATCH[1]}"
minor_version="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}"
[ "$major" = 15 ] || fail "$tag: this script builds PostgreSQL 15 only"
if grep -E '^\s*image:' "$compose" | grep -vqF "image: $tag"; then
  fail "$compose names another image than the fixture's $tag; use the same tag in both"
fi

docker info >/dev/null 2>&1 || fail "no Docker engine answers ('docker info' fails); start dockerd first"

# Rebuild when an input changes: the root file system follows rootfs.sh, the image all four files.
rootfs_hash="$(sha256sum <"$here/rootfs.sh" | cut -c1-16)"
inputs_hash="$(cat "$here/rootfs.sh" "$here/build.sh" "$here/Dockerfile" "$here/docker-entrypoint.sh" | sha256sum | cut -c1-16)"
rootfs_image="$rootfs_repository:$minor_version-$suite-$rootfs_hash"

image_label() { docker image inspect --format "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null; }

if [ "$force" = false ] && docker image inspect "$tag" >/dev/null 2>&1; then
  present="$(image_label "$tag")"
  if [ "$present" = "$inputs_hash" ]; then
    log "$tag is present and up to date; nothing to do"
    exit 0
  elif [ -z "$present" ] || [ "$present" = "<no value>" ]; then
    log "$tag is present and was not built by this script (e.g. the official image); keeping it"
    exit 0
  fi
  log "$tag was built from other inputs ($present, now $inputs_hash): rebuilding"
fi

started=$SECONDS
if [ "$force" = true ] || ! docker image inspect "$rootfs_image" >/dev/null 2>&1; then
  "$here/rootfs.sh" "$rootfs_image" "$major" "$minor_version"
fi

log "building $tag (classic builder, no registry)"
context="$(mktemp -d /var/tmp/dataplatform-postgres-context.XXXXXX)"
trap 'rm -rf "$context"' EXIT
cp "$here/Dockerfile" "$here/docker-entrypoint.sh" "$context/"
chmod 0755 "$context/docker-entrypoint.sh"
# (The classic builder warns on stderr that it is deprecated: show its output only when it fails.)
if ! output="$(DOCKER_BUILDKIT=0 docker build --quiet \
  --build-arg "ROOTFS_IMAGE=$rootfs_image" --build-arg "INPUTS_HASH=$inputs_hash" \
  --tag "$tag" "$context" 2>&1)"; then
  printf '%s\n' "$output" >&2
  fail "docker build failed"
fi
# Images and root file systems of earlier inputs are no longer needed (the current root file system stays: it is the
# base layer of $tag).
docker image prune --force --filter "label=$label" >/dev/null
docker image ls --format '{{.Repository}}:{{.Tag}}' "$rootfs_repository" | grep -vxF "$rootfs_image" | xargs -r docker rmi >/dev/null || true
version="$(docker run --rm --entrypoint postgres "$tag" --version)"
log "built $tag ($version, $(docker image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%d MB", $1 / 1000000 }')) in $((SECONDS - started)) s"

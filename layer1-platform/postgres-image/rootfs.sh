#!/usr/bin/env bash
# First stage of build.sh: a minimal Debian root file system with PostgreSQL from the Debian packages, imported
# into Docker as one image. Usage (as root): rootfs.sh <image tag> <major> <minor version, e.g. 15.18>
#   - debootstrap --variant=minbase from the mirror apt already uses here (DEBIAN_MIRROR / DEBIAN_SECURITY_MIRROR
#     override it); the security suite is kept for every other package;
#   - postgresql-<major> and its client pinned to exactly <minor version> (the version the tag promises);
#   - the postgres user and group as in the official image (uid/gid 999), en_US.UTF-8, listen_addresses = '*';
#   - no documentation, apt lists, caches or snakeoil TLS key in the image.
set -Eeuo pipefail

[ $# -eq 3 ] || { echo "usage: $0 <image tag> <major> <minor version>" >&2; exit 1; }
rootfs_image="$1"
major="$2"
minor_version="$3"
suite=bookworm

log() { printf '[%(%H:%M:%S)T] postgres-image: %s\n' -1 "$*" >&2; }
fail() { log "$*"; exit 1; }

[ "$(id -u)" = 0 ] || fail "building the root file system needs root (debootstrap, chroot)"
if ! command -v debootstrap >/dev/null 2>&1; then
  log "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

# The Debian mirrors apt already uses here: deb822 "URIs:" lines, then one-line "deb <uri> ..." sources.
apt_uris() {
  {
    awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
    awk '$1 == "deb" { print ($2 ~ /^\[/ ? $3 : $2) }' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true
  } | awk '!seen[$0]++'
}
mirror="${DEBIAN_MIRROR:-$(apt_uris | grep -v -- '-security' | head -n 1)}"
security_mirror="${DEBIAN_SECURITY_MIRROR:-$(apt_uris | grep -- '-security' | head -n 1 || true)}"
[ -n "$mirror" ] || fail "no Debian mirror found in the apt sources; set DEBIAN_MIRROR"

work="$(mktemp -d /var/tmp/dataplatform-postgres-image.XXXXXX)"
root="$work/rootfs"
cleanup() {
  # debootstrap and the chroot may leave /proc or /sys mounted inside the target: unmount, never recurse into them.
  local mounts
  mounts="$(findmnt -rn -o TARGET | grep -F "$root/" | sort -r || true)"
  if [ -n "$mounts" ]; then
    while read -r mount; do umount -l "$mount" || true; done <<<"$mounts"
  fi
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

log "debootstrap $suite (minbase) from $mirror"
if ! debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log" >&2
  fail "debootstrap failed"
fi

{
  echo "deb $mirror $suite main"
  echo "deb $mirror $suite-updates main"
  if [ -n "$security_mirror" ]; then echo "deb $security_mirror $suite-security main"; fi
} >"$root/etc/apt/sources.list"
# No daemons start inside the chroot; no documentation in the image.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"
cat >"$root/etc/dpkg/dpkg.cfg.d/90-dataplatform-nodoc" <<'NODOC'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
NODOC
rm -f "$root/etc/resolv.conf"
cp /etc/resolv.conf "$root/etc/resolv.conf"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C "$@"; }

# uid/gid 999 as in the official image (Testcontainers copies files into the container as 999:999).
in_root groupadd --system --gid 999 postgres
in_root useradd --system --uid 999 --gid postgres --home-dir /var/lib/postgresql --shell /bin/bash postgres
in_root mkdir -p /var/lib/postgresql /docker-entrypoint-initdb.d /run/postgresql
in_root chown postgres:postgres /var/lib/postgresql /run/postgresql
in_root chmod 3775 /run/postgresql

log "installing postgresql-$major $minor_version in the chroot"
in_root apt-get update -qq >"$work/apt.log" 2>&1 || { tail -n 20 "$work/apt.log" >&2; fail "apt-get update failed in the chroot"; }
package_version="$(in_root apt-cache madison "postgresql-$major" | awk -v minor="$minor_version" '$3 ~ "^" minor "-" { print $3; exit }')"
[ -n "$package_version" ] || fail "the mirror has no postgresql-$major $minor_version (the tag $tag promises that version)"
in_root apt-get install -y -qq --no-install-recommends locales postgresql-common >>"$work/apt.log" 2>&1 \
  || { tail -n 20 "$work/apt.log" >&2; fail "installing postgresql-common failed"; }
# Clusters are created by the entrypoint (initdb into $PGDATA), never by the package.
sed -ri 's/^#?\s*create_main_cluster\s*=.*/create_main_cluster = false/' "$root/etc/postgresql-common/createcluster.conf"
in_root apt-get install -y -qq --no-install-recommends \
  "postgresql-$major=$package_version" "postgresql-client-$major=$package_version" >>"$work/apt.log" 2>&1 \
  || { tail -n 20 "$work/apt.log" >&2; fail "installing postgresql-$major=$package_version failed"; }
in_root localedef -i en_US -c -f UTF-8 -A /usr/share/locale/locale.alias en_US.UTF-8
# As the official image: listen on every address (initdb copies the sample into each new cluster).
sed -ri "s/^#?(listen_addresses)\s*=\s*\S+/\1 = '*'/" "$root/usr/share/postgresql/$major/postgresql.conf.sample"
grep -q "^listen_addresses = '\*'" "$root/usr/share/postgresql/$major/postgresql.conf.sample" \
  || fail "could not set listen_addresses in postgresql.conf.sample"

in_root apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/apt/* "$root"/var/log/*.log \
  "$root"/tmp/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root/usr/sbin/policy-rc.d" \
  "$root/etc/ssl/private/ssl-cert-snakeoil.key" "$root/etc/ssl/certs/ssl-cert-snakeoil.pem"
: >"$root/etc/resolv.conf"
: >"$root/etc/hostname"

log "importing the root file system as $rootfs_image"
tar -C "$root" --numeric-owner -cf - . | docker import \
  --message "Debian $suite minbase + postgresql-$major $package_version (layer1-platform/postgres-image/build.sh)" \
  - "$rootfs_image" >/dev/null

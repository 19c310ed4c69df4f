#!/usr/bin/env bash
# Packs the framework, the local PostgreSQL, warehouse host and testing packages, the Pagila and Chinook datakits (four each),
# the tools (deploy-datakit, pagila-warehouse, chinook-warehouse) and the dotnet new templates into artifacts/packages (or --output DIR).
# Every pack gets a fresh prerelease suffix (NuGet caches packages by id + version, so re-packing an
# identical version would be served stale from the cache). The last line printed is the package version.
#
#   scripts/pack.sh                      # 0.1.0-ci.<utc timestamp> into artifacts/packages
#   scripts/pack.sh --output /tmp/feed   # somewhere else
#   scripts/pack.sh --release            # no suffix: the plain VersionPrefix (release builds)
# Builds go to artifacts/pack-build (--artifacts-path DIR), never into the projects' bin/obj, so packing
# while tests run from those folders cannot overwrite assemblies in use.
set -euo pipefail
cd "$(dirname "$0")/.."

output="artifacts/packages"
suffix="ci.$(date -u +%Y%m%d%H%M%S)"
configuration="Release"
artifacts_path="artifacts/pack-build"
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output) output="$2"; shift 2 ;;
    --version-suffix) suffix="$2"; shift 2 ;;
    --release) suffix=""; shift ;;
    -c|--configuration) configuration="$2"; shift 2 ;;
    --artifacts-path) artifacts_path="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pack.sh: unknown argument '$1' (see --help)" >&2; exit 1 ;;
  esac
done

projects=(
  framework/DataPlatform.Framework/DataPlatform.Framework.csproj
  framework/DataPlatform.LocalPostgres/DataPlatform.LocalPostgres.csproj
  framework/DataPlatform.Hosting/DataPlatform.Hosting.csproj
  layer2-datakits/pagila-source/DataPlatform.Datakits.Pagila.Source.csproj
  layer2-datakits/pagila-bronze/DataPlatform.Datakits.Pagila.Bronze.csproj
  layer2-datakits/pagila-silver/DataPlatform.Datakits.Pagila.Silver.csproj
  layer2-datakits/pagila-gold/DataPlatform.Datakits.Pagila.Gold.csproj
  layer2-datakits/chinook-source/DataPlatform.Datakits.Chinook.Source.csproj
  layer2-datakits/chinook-bronze/DataPlatform.Datakits.Chinook.Bronze.csproj
  layer2-datakits/chinook-silver/DataPlatform.Datakits.Chinook.Silver.csproj
  layer2-datakits/chinook-gold/DataPlatform.Datakits.Chinook.Gold.csproj
  tests/DataPlatform.Testing/DataPlatform.Testing.csproj
  framework/deploy-datakit/DataPlatform.DeployDatakit.csproj
  layer3-warehouses/pagila-warehouse/DataPlatform.Warehouses.Pagila.csproj
  layer3-warehouses/chinook-warehouse/DataPlatform.Warehouses.Chinook.csproj
  framework/DataPlatform.Templates/DataPlatform.Templates.csproj
)

mkdir -p "$output"
mkdir -p "$artifacts_path"
args=(-c "$configuration" -o "$(cd "$output" && pwd)" --nologo -v quiet -p:ContinuousIntegrationBuild=true
  -p:UseArtifactsOutput=true -p:ArtifactsPath="$(cd "$artifacts_path" && pwd)")
if [ -n "$suffix" ]; then
  args+=(--version-suffix "$suffix")
fi
# One dotnet pack over a solution filter of the projects: one restore and one build graph (projects build in parallel,
# shared references built once): about half the CPU time of one dotnet pack per project.
filter="$(cd "$artifacts_path" && pwd)/pack.slnf"
{
  printf '{ "solution": { "path": "%s", "projects": [' "$PWD/DataPlatform.sln"
  separator=""
  for project in "${projects[@]}"; do
    printf '%s "%s"' "$separator" "$project"
    separator=","
  done
  printf ' ] } }\n'
} >"$filter"
echo "packing ${#projects[@]} projects: ${projects[*]##*/}" >&2
dotnet pack "$filter" "${args[@]}" >&2

prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props | head -1)
if [ -n "$suffix" ]; then
  echo "$prefix-$suffix"
else
  echo "$prefix"
fi

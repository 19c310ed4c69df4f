#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of tracked projects (every project that packs; see Directory.Build.targets) from
# what the code declares public now. Idempotent: run it after changing a public API, or once to onboard a new package.
#
#   scripts/public-api.sh                                # every tracked project of DataPlatform.sln
#   scripts/public-api.sh layer2-datakits/shop-bronze    # one project (its folder or its .csproj); several are fine
#   scripts/public-api.sh --no-verify ...                # skip the closing warnings-as-errors build
#
# PublicAPI.Shipped.txt is never rewritten (created with only '#nullable enable' when missing): Unshipped becomes every
# public API line that Shipped does not hold, plus a '*REMOVED*' line per Shipped line that no longer exists. How the
# two files work and how to ship them: framework/DataPlatform.Framework/README.md, "Public API".
#
# How: Unshipped is reset to '#nullable enable', the projects are built with warnings not as errors and the compiler's
# SARIF log on (PublicApiSarifDirectory), and the APIName property of each RS0016 (undeclared API) and RS0017 (declared
# API gone) diagnostic is the exact line the analyzer expects. (`dotnet format analyzers --diagnostics RS0016` does
# not write the files, and the code fix needs an IDE.) Other public API diagnostics are listed for a human to resolve.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

verify=true
inputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-verify) verify=false; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "public-api.sh: unknown option '$1' (see --help)" >&2; exit 1 ;;
    *) inputs+=("$1"); shift ;;
  esac
done

# A folder or a .csproj, as an absolute .csproj path.
resolve_project() {
  local path="$1"
  if [ -d "$path" ]; then
    local found=("$path"/*.csproj)
    if [ ${#found[@]} -ne 1 ] || [ ! -f "${found[0]}" ]; then
      echo "public-api.sh: expected exactly one .csproj in '$path'" >&2; exit 1
    fi
    path="${found[0]}"
  fi
  if [ ! -f "$path" ] || [[ "$path" != *.csproj ]]; then
    echo "public-api.sh: '$path' is neither a project folder nor a .csproj" >&2; exit 1
  fi
  echo "$(cd "$(dirname "$path")" && pwd)/$(basename "$path")"
}

is_tracked() {
  [ "$(dotnet msbuild "$1" -nologo -getProperty:TrackPublicApi 2>/dev/null | tr -d '[:space:]')" = "true" ]
}

projects=()
if [ ${#inputs[@]} -eq 0 ]; then
  while IFS= read -r project; do
    project=$(resolve_project "$project")
    if is_tracked "$project"; then projects+=("$project"); fi
  done < <(dotnet sln DataPlatform.sln list | grep '\.csproj$' | tr '\\' '/')
else
  for input in "${inputs[@]}"; do
    project=$(resolve_project "$input")
    if ! is_tracked "$project"; then
      echo "public-api.sh: ${project#"$root"/} does not pack (IsPackable is not true), so its API is not tracked" >&2; exit 1
    fi
    projects+=("$project")
  done
fi
if [ ${#projects[@]} -eq 0 ]; then
  echo "public-api.sh: no tracked project found" >&2; exit 1
fi

sarif_dir="$root/artifacts/public-api"
rm -rf "$sarif_dir"
mkdir -p "$sarif_dir"

for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  # Rewritten even when unchanged: the new timestamp makes the compiler run (and log) for this project.
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
done

for project in "${projects[@]}"; do
  echo "building ${project#"$root"/}" >&2
  dotnet build "$project" -nologo -v quiet -clp:"ErrorsOnly;NoSummary" -p:TreatWarningsAsErrors=false -p:PublicApiSarifDirectory="$sarif_dir" >&2
done

status=0
for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  name=$(basename "$project" .csproj)
  sarif="$sarif_dir/$name.sarif"
  if [ ! -f "$sarif" ]; then
    echo "public-api.sh: the compiler wrote no log for $name (was the build skipped?)" >&2; exit 1
  fi
  {
    printf '#nullable enable\n'
    {
      jq -r '.runs[].results[] | select(.ruleId == "RS0016") | .properties.customProperties.APIName' "$sarif"
      jq -r '.runs[].results[] | select(.ruleId == "RS0017") | "*REMOVED*" + .properties.customProperties.APIName' "$sarif"
    } | LC_ALL=C sort -u
  } > "$dir/PublicAPI.Unshipped.txt"
  count=$(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1))
  echo "${dir#"$root"/}/PublicAPI.Unshipped.txt: $count lines"
  others=$(jq -r '.runs[].results[] | select((.ruleId | startswith("RS00")) and .ruleId != "RS0016" and .ruleId != "RS0017")
    | "  \(.ruleId) \(.locations[0].physicalLocation.artifactLocation.uri // "" | sub("^file://"; "")):\(.locations[0].physicalLocation.region.startLine // 0): \(.message.text)"' \
    "$sarif" | sort -u)
  if [ -n "$others" ]; then
    echo "$name: public API diagnostics to resolve in the code (or justify in Directory.Build.targets):" >&2
    echo "$others" >&2
    status=1
  fi
done

if [ "$verify" = true ] && [ "$status" -eq 0 ]; then
  for project in "${projects[@]}"; do
    echo "verifying ${project#"$root"/} (warnings as errors)" >&2
    dotnet build "$project" -nologo -v quiet -clp:"ErrorsOnly;NoSummary" >&2
  done
fi
exit "$status"

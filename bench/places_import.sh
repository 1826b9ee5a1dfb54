#!/usr/bin/env bash
# Import time of `plantar places import` against `osmium tags-filter`
# selecting the same tags from the same synthetic extract, in the same run;
# then the nearest-10 query latency over 1 million places.
# Usage: bench/places_import.sh BUILD_DIR [NODES]   (BUILD_DIR: a Release build)
set -euo pipefail
build=${1:-build/release}
nodes=${2:-5000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pbf="$work/synthetic.osm.pbf"

"$build/bench/make_osm" "$pbf" "$nodes"
ls -l "$pbf" | awk '{printf "file: %.1f MB\n", $5 / 1e6}'

# The tags of data/places.toml; "~" list tests become key tests (osmium selects a superset).
filter=(nwr/shop=massage,beauty nwr/amenity=massage,physiotherapist,spa,sauna
        nwr/healthcare=podiatrist,physiotherapist nwr/healthcare:speciality nwr/massage
        nwr/leisure=spa,sauna nwr/place=city,town,village,suburb,quarter,neighbourhood,hamlet)

f="${filter[*]}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
hyperfine --style basic --warmup 1 --runs 5 \
  -n "plantar places import" "$build/plantar --db $work/db places import $pbf" \
  -n "osmium tags-filter (with referenced objects, as plantar needs way nodes)" \
  "osmium tags-filter $pbf $f -o $work/filtered.osm.pbf --overwrite" \
  -n "osmium tags-filter -R (matching objects only)" \
  "osmium tags-filter -R $pbf $f -o $work/filtered-r.osm.pbf --overwrite"
"$build/plantar" --db "$work/db" --json places import "$pbf" | grep -E '"(objects|places|named_places)"'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

"$build/bench/places_query_bench"

#!/usr/bin/env bash
# vet-ratio.sh MODULE_DIR [PRIVACYVET_FLAGS...]
#
# Measures, in one run on the same tree with a warm build cache, the wall
# time and peak RSS (of the largest single process) of plain `go vet ./...`
# and `go vet -vettool=privacyvet ./...`, three times each, interleaved,
# and prints the medians and their ratio. go vet caches its results, so
# each run passes a flag value of its own to force a full re-analysis of
# every package (dependencies included, which is what a cold CI run pays).
set -euo pipefail
dir=$1; shift
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
# go vet caches results by the tool's build ID: each run gets a binary of
# its own (a different -X value), so nothing is replayed from the cache.
build() { (cd "$repo" && go build -ldflags="-X main.runID=$1" -o "$tmp/privacyvet-$1" ./cmd/privacyvet); }
cd "$dir"
go build ./... >/dev/null 2>&1 || true   # warm the build cache
measure() { # cmd...
	/usr/bin/time -f "%e %M" -o /tmp/vet-ratio.$$ "$@" >/tmp/vet-ratio-out.$$ 2>&1 || true
	if grep -q -e '^go: ' -e 'flag provided but not defined' -e '^# ' /tmp/vet-ratio-out.$$; then
		echo "failed: $*" >&2; head -5 /tmp/vet-ratio-out.$$ >&2; exit 1
	fi
	read -r secs kb < <(tail -n 1 /tmp/vet-ratio.$$)
	echo "$secs $kb"
}
vet=(); pv=()
for i in 1 2 3; do
	n=$RANDOM$i
	vet+=("$(measure go vet -printf.funcs=zz$n ./...)")
	build "$n"
	pv+=("$(measure go vet -vettool="$tmp/privacyvet-$n" "$@" ./...)")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
vt=$(median $(printf '%s\n' "${vet[@]}" | cut -d' ' -f1)); vm=$(median $(printf '%s\n' "${vet[@]}" | cut -d' ' -f2))
pt=$(median $(printf '%s\n' "${pv[@]}" | cut -d' ' -f1)); pm=$(median $(printf '%s\n' "${pv[@]}" | cut -d' ' -f2))
echo "runs (seconds, peak KiB): go vet: ${vet[*]}"
echo "runs (seconds, peak KiB): go vet -vettool=privacyvet: ${pv[*]}"
awk -v vt="$vt" -v vm="$vm" -v pt="$pt" -v pm="$pm" 'BEGIN {
	printf "median go vet:                      %6.2f s  %7.1f MiB\n", vt, vm/1024
	printf "median go vet -vettool=privacyvet:  %6.2f s  %7.1f MiB\n", pt, pm/1024
	printf "ratio privacyvet/go vet:            %6.2fx   %6.2fx\n", pt/vt, pm/vm
}'

#!/usr/bin/env bash
# bench.sh MODULE_DIR [PRIVACYVET_FLAGS...]
#
# Measures, in one run on the same tree with a warm build cache, the wall
# time and peak RSS (of the largest single process) of:
#
#   go vet ./...                          plain go vet
#   go vet -vettool=privacyvet ./...      privacyvet under go vet
#   privacyvet ./...                      the standalone checker
#   typecheck ./...                       go/packages load with syntax and
#                                         types, as the standalone checker
#                                         loads, and nothing else
#
# RUNS times each (default 3), interleaved so that load on the machine
# falls on all four alike, and prints the medians and the ratios
# privacyvet/go vet and standalone/type-check, of wall time, of CPU time
# (user + system, of the command and every process it waited for: less
# sensitive than wall time to other load on the machine) and of peak RSS. go vet caches results by
# the vet tool's build ID and flags, so every run uses a binary of its own
# (a different -X value) or a flag value of its own: each run re-analyses
# every package, dependencies included, as a cold CI job does.
#
# PATTERN (default ./...) names the packages, for a module of which only
# some build from the module proxy (gogs: PATTERN=./internal/database/...).
#
# When MODULE_DIR has a planted.txt (written by internal/cmd/gensynth:
# "file:line RULE" per planted leak), the script also reports how many
# the standalone checker found and what else it reported.
set -euo pipefail
dir=$(cd "$1" && pwd); shift
runs=${RUNS:-3}
pattern=${PATTERN:-./...}
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build() { (cd "$repo" && go build -ldflags="-X main.runID=$1" -o "$tmp/privacyvet-$1" ./cmd/privacyvet); }
(cd "$repo" && go build -o "$tmp/typecheck" ./internal/cmd/typecheck)
cd "$dir"
# Warm the build cache: go vet needs the export data of every package it
# vets and of their test variants, which go build does not compile; a
# first go vet run that compiled them would be charged for it.
go vet -printf.funcs=warm$(date +%s%N) "$pattern" >/dev/null 2>&1 || true
measure() { # out cmd...
	local out=$1; shift
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >"$out" 2>&1 || true
	if grep -q -e '^go: ' -e 'flag provided but not defined' -e 'panic:' "$out"; then
		echo "failed: $*" >&2; head -5 "$out" >&2; exit 1
	fi
	tail -n 1 "$tmp/time" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}'
}
vet=(); pv=(); sa=(); tc=()
for i in $(seq "$runs"); do
	n=$(date +%s%N)$i # unique across runs: go vet caches results by tool ID and flags
	build "$n"
	vet+=("$(measure "$tmp/vet.out" go vet -printf.funcs=zz$n "$pattern")")
	pv+=("$(measure "$tmp/pv.out" go vet -vettool="$tmp/privacyvet-$n" "$@" "$pattern")")
	sa+=("$(measure "$tmp/sa.out" "$tmp/privacyvet-$n" "$@" "$pattern")")
	tc+=("$(measure "$tmp/tc.out" "$tmp/typecheck" "$pattern")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(((${#@} + 1) / 2))p"; }
col() { local c=$1; shift; median $(printf '%s\n' "$@" | cut -d' ' -f"$c"); }
echo "tree: $dir ($(find . -name '*.go' -not -path './vendor/*' -print0 | xargs -0 cat | wc -l) lines of Go, $(go list "$pattern" 2>/dev/null | wc -l) packages in $pattern)"
echo "runs (wall s, CPU s, peak KiB):"
echo "  go vet:                      ${vet[*]}"
echo "  go vet -vettool=privacyvet:  ${pv[*]}"
echo "  privacyvet (standalone):     ${sa[*]}"
echo "  type-check only:             ${tc[*]}"
row() { # name runs...
	local name=$1; shift
	printf '%-34s %8.2f s %8.2f s %8.1f MiB\n' "$name" "$(col 1 "$@")" "$(col 2 "$@")" "$(echo "$(col 3 "$@") / 1024" | bc -l)"
}
ratio() { # name a-runs... -- b-runs...
	local name=$1; shift; local a=() b=()
	while [[ $1 != -- ]]; do a+=("$1"); shift; done; shift; b=("$@")
	printf '%-34s %8.2fx  %8.2fx  %8.2fx\n' "$name" \
		"$(echo "$(col 1 "${a[@]}") / $(col 1 "${b[@]}")" | bc -l)" \
		"$(echo "$(col 2 "${a[@]}") / $(col 2 "${b[@]}")" | bc -l)" \
		"$(echo "$(col 3 "${a[@]}") / $(col 3 "${b[@]}")" | bc -l)"
}
printf '%-34s %10s %10s %12s\n' "median of $runs" wall CPU "peak RSS"
row "go vet" "${vet[@]}"
row "go vet -vettool=privacyvet" "${pv[@]}"
row "privacyvet (standalone)" "${sa[@]}"
row "type-check only" "${tc[@]}"
ratio "go vet -vettool / go vet" "${pv[@]}" -- "${vet[@]}"
ratio "standalone / type-check" "${sa[@]}" -- "${tc[@]}"
if [[ -f planted.txt ]]; then
	grep -oE '^[^ ]+\.go:[0-9]+:[0-9]+: .*\[PV[1-6][0-9]{2}\]' "$tmp/sa.out" |
		sed -E "s|^$dir/||; s|^([^:]+:[0-9]+):[0-9]+: .*\[(PV[0-9]+)\].*|\1 \2|" | sort -u >"$tmp/got"
	sort -u planted.txt >"$tmp/want"
	found=$(comm -12 "$tmp/want" "$tmp/got" | wc -l)
	echo "planted leaks found: $found/$(wc -l <"$tmp/want"); other findings: $(comm -13 "$tmp/want" "$tmp/got" | wc -l)"
	comm -3 "$tmp/want" "$tmp/got" | head -20
fi

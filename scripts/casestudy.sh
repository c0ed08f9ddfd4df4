#!/usr/bin/env bash
# casestudy.sh NAME CHECKOUT_DIR
#
# Re-runs a case study: privacyvet with testdata/casestudies/NAME/privacy.yaml
# on a checkout of the application (outside this repository), and compares
# the PV1xx-PV6xx findings (file:line rule) with expected.txt. With
# TWICE=1 it runs the checker a second time and checks that the whole
# output is byte-identical.
set -euo pipefail
name=$1 dir=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
study="$repo/testdata/casestudies/$name"
bin=$(mktemp -d)/privacyvet
(cd "$repo" && go build -o "$bin" ./cmd/privacyvet)
cd "$dir"
start=$(date +%s.%N)
"$bin" -policy="$study/privacy.yaml" ./... >/tmp/casestudy.$$ 2>&1 || true
end=$(date +%s.%N)
if [[ ${TWICE:-} == 1 ]]; then
	"$bin" -policy="$study/privacy.yaml" ./... >/tmp/casestudy2.$$ 2>&1 || true
	cmp -s /tmp/casestudy.$$ /tmp/casestudy2.$$ && echo "second run: byte-identical output" || { echo "second run: output differs"; diff /tmp/casestudy.$$ /tmp/casestudy2.$$ | head; }
fi
grep -oE '^[^ ]+\.go:[0-9]+:[0-9]+: .*\[PV[1-6][0-9]{2}\]' /tmp/casestudy.$$ |
	sed -E "s|^$dir/||; s|^([^:]+:[0-9]+):[0-9]+: .*\[(PV[0-9]+)\].*|\1 \2|" | sort -u >/tmp/casestudy-got.$$
grep -vE '^(#|$)' "$study/expected.txt" | awk '{print $1, $2}' | sort -u >/tmp/casestudy-want.$$
echo "findings: $(wc -l </tmp/casestudy-got.$$) (expected $(wc -l </tmp/casestudy-want.$$)); $(echo "$end - $start" | bc) s"
diff /tmp/casestudy-want.$$ /tmp/casestudy-got.$$ && echo "same findings as expected.txt"

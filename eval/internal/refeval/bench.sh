#!/bin/sh
# bench.sh: the engine against the two reference evaluators of
# eval/internal/refeval/testdata/equilibre.garantie, end to end (CSV in, CSV out, all columns),
# five rounds A B C A B C..., medians of CPU time (user+sys), wall time and
# peak memory. Run from the repository root:
#
#	sh eval/internal/refeval/bench.sh [LINES] [BENEFICIARIES] [ROUNDS]
set -eu
n=${1:-1000000}
b=${2:-100000}
rounds=${3:-5}
dir=${TMPDIR:-/tmp}/refeval-bench
mkdir -p "$dir"
go build -o "$dir/garantie" ./cmd/garantie
go build -o "$dir/refeval" ./eval/internal/refeval/cmd/refeval
claims="$dir/claims-$n-$b.csv"
[ -s "$claims" ] || "$dir/garantie" gen --claims "$n" --beneficiaries "$b" --seed 1 > "$claims"
: > "$dir/times"
for r in $(seq "$rounds"); do
	/usr/bin/time -a -o "$dir/times" -f "engine %e %U %S %M" "$dir/garantie" eval eval/internal/refeval/testdata/equilibre.garantie --claims "$claims" --format csv > "$dir/engine.csv"
	/usr/bin/time -a -o "$dir/times" -f "hand %e %U %S %M" "$dir/refeval" hand "$claims" > "$dir/hand.csv"
	/usr/bin/time -a -o "$dir/times" -f "expr %e %U %S %M" "$dir/refeval" expr "$claims" > "$dir/expr.csv"
done
cmp "$dir/engine.csv" "$dir/hand.csv" && echo "hand: output identical to the engine's"
echo "expr: $(diff "$dir/engine.csv" "$dir/expr.csv" | grep -c '^<' || true) lines differ from the engine's"
awk -v n="$n" '
function median(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } return a[int((k + 1) / 2)] }
{ k[$1]++; wall[$1, k[$1]] = $2; cpu[$1, k[$1]] = $3 + $4; rss[$1, k[$1]] = $5 }
END {
	split("engine hand expr", names, " ")
	for (p = 1; p <= 3; p++) {
		x = names[p]
		for (i = 1; i <= k[x]; i++) { w[i] = wall[x, i]; c[i] = cpu[x, i]; m[i] = rss[x, i] }
		mw[x] = median(w, k[x]); mc[x] = median(c, k[x]); mm[x] = median(m, k[x])
		printf "%-6s wall %6.2f s  cpu %6.2f s  peak %5.0f MiB  %8.0f lines/s (wall)  %8.0f lines per cpu-s\n", x, mw[x], mc[x], mm[x] / 1024, n / mw[x], n / mc[x]
	}
	printf "engine speed / hand: wall %.2fx, cpu %.2fx\n", mw["hand"] / mw["engine"], mc["hand"] / mc["engine"]
	printf "engine speed / expr: wall %.2fx, cpu %.2fx\n", mw["expr"] / mw["engine"], mc["expr"] / mc["engine"]
}' "$dir/times"

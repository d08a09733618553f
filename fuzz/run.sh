#!/bin/sh
# Runs the libFuzzer targets for a bounded time each (`make fuzz-smoke`,
# `make fuzz-run`) and prints one line per target:
#
#   fuzz_hest: 1234567 runs in 601 s (2054/s), corpus 812 inputs, ok
#
#   fuzz/run.sh BINDIR CORPUSDIR SECONDS [TARGET...]
#
# Each target starts from CORPUSDIR/TARGET (seeds, see fuzz/seeds.sh) and
# adds what it finds there.  A crash, leak, timeout or broken invariant
# leaves its input in BINDIR/artifacts/ and makes the exit status 1.
# Environment: FUZZ_PARALLEL (targets run at once, default 1), FUZZ_ARGS
# (more libFuzzer options).
set -u
bin=$1 corpus=$2 secs=$3
shift 3
targets=${*:-hest acpidump loader desc cper cper_desc roundtrip ssdt layout}
par=${FUZZ_PARALLEL:-1}
mkdir -p "$bin/artifacts" "$bin/logs"

# Inputs larger than this are not tried: the structures have small headers,
# and short inputs run fast.  Text inputs get more room.
max_len() {
	case $1 in
	desc | cper_desc | loader) echo 16384 ;;
	acpidump | ssdt) echo 8192 ;;
	*) echo 4096 ;;
	esac
}

run_one() {
	t=$1
	log=$bin/logs/fuzz_$t.log
	dict=
	[ -f "$corpus/$t.dict" ] && dict="-dict=$corpus/$t.dict"
	mkdir -p "$corpus/$t"
	# -malloc_limit_mb: no input of a few KiB needs 256 MiB in one piece;
	# an allocation that large is an amplification bug.
	# shellcheck disable=SC2086
	"$bin/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=256 \
		-max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$bin/artifacts/$t-" \
		$dict ${FUZZ_ARGS:-} "$corpus/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
	n=$(find "$corpus/$t" -type f | wc -l)
	if [ "$rc" -eq 0 ]; then
		verdict=ok
	else
		verdict="FAILED (exit $rc; see $log)"
	fi
	rate=
	[ -n "${runs:-}" ] && [ -n "${took:-}" ] && [ "$took" -gt 0 ] && rate=" ($((runs / took))/s)"
	echo "fuzz_$t: ${runs:-?} runs in ${took:-$secs} s$rate, corpus $n inputs, $verdict"
	if [ "$rc" -ne 0 ]; then
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*fuzz invariant broken|.*runtime error)' "$log" | head -n 5 | sed 's/^/    /'
		return 1
	fi
	return 0
}

status=0
running=0
pids=
for t in $targets; do
	if [ ! -x "$bin/fuzz_$t" ]; then
		echo "fuzz_$t: not built (make fuzz)"
		status=1
		continue
	fi
	if [ "$par" -le 1 ]; then
		run_one "$t" || status=1
		continue
	fi
	run_one "$t" >"$bin/logs/fuzz_$t.line" &
	pids="$pids $!:$t"
	running=$((running + 1))
	if [ "$running" -ge "$par" ]; then
		for pt in $pids; do
			wait "${pt%%:*}" || status=1
			cat "$bin/logs/fuzz_${pt#*:}.line"
		done
		pids=
		running=0
	fi
done
for pt in $pids; do
	wait "${pt%%:*}" || status=1
	cat "$bin/logs/fuzz_${pt#*:}.line"
done
exit "$status"

#!/bin/sh
# End to end, records put into a running guest (docs/e2e.md): Linux under
# QEMU q35 runs tests/e2e/inject.yaml's HEST (fixed placement, reserved with
# the memmap= arguments hest-layout.json lists) with its RAM in a shared
# file; the host writes 50 distinct memory error records, interleaved over
# two polled GHESv2 sources and one polled GHES, with `hestc inject
# --wait-ack`, and watches each handshake from the RAM file (read-ack 1 ->
# 0 -> 1).  Then, with QEMU stopped (SIGSTOP), a record goes in, the next
# one to the same source waits and times out writing nothing (bytes
# compared), for each kind of source; resumed, both go in.  The kernel log
# must show every record exactly once, in order per source, and no
# "[Firmware Warn]".
#
# Linux prints at most 2 GHES records per 5 s per severity class
# (ghes_print_estatus's ratelimit: corrected/informational, and the rest;
# the window opens at the first print after the last one closed) and drops
# the others from the log while still acknowledging them.  So the records
# alternate two corrected, two recoverable, and the host starts a class's
# next window only 5.3 s after the first record of its last window was
# acknowledged (printed before that).  The recoverable ones carry a
# corrected section, so that Linux does not hand their pages to
# memory_failure().
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require
# 13 ratelimit windows of 5.3 s, the paused part and the boot: about 90 s.
E2E_TIMEOUT=${E2E_INJECT_TIMEOUT:-300}

boot=$e2e_out/inject
mkdir -p "$boot/rec"
layout=$boot/out/hest-layout.json
ram=$boot/ram
N=50

if ! "$HESTC" compile -q "$e2e_src/inject.yaml" -o "$boot/out" --emit all 2>"$boot/compile.err"; then
	not_ok "tests/e2e/inject.yaml compiles"
	sed 's/^/# /' "$boot/compile.err"
	done_testing
	exit 1
fi
ok "tests/e2e/inject.yaml compiles"

# What to reserve, as hest-layout.json says: the region and legacy's pinned block.
memmap=$("$PYTHON" -c 'import json,sys
r = json.load(open(sys.argv[1]))["reserved"]
assert r["by"] == "vmm"
print(" ".join(x["memmap"] for x in r["ranges"]))' "$layout")
if [ "$memmap" = 'memmap=12K$0x10000000 memmap=4K$0x10100000' ]; then
	ok "hest-layout.json: reserve the region and the pinned block ($memmap)"
else
	not_ok "hest-layout.json: reserve the region and the pinned block (got: $memmap)"
fi
# A doorbell for the guest's init: the last 8 bytes of the region's reserved pages.
doorbell=$("$PYTHON" -c 'import json,sys
l = json.load(open(sys.argv[1]))
r = l["reserved"]["ranges"][0]
bell = int(r["address"], 16) + r["size"] - 8
assert bell >= int(l["placement"]["base"], 16) + l["placement"]["blob_size"]
print(bell)' "$layout")
# name -> register, read-ack, block addresses and id, from the layout
src() { # src NAME KEY
	"$PYTHON" -c 'import json,sys
for s in json.load(open(sys.argv[1]))["sources"]:
    if s["name"] == sys.argv[2]:
        v = s[sys.argv[3]]
        print(int(v, 16) if isinstance(v, str) else v)' "$layout" "$1" "$2"
}
ack_mem0=$(src mem0 read_ack_address)
ack_mem1=$(src mem1 read_ack_address)
blk_mem0=$(src mem0 block_address)
blk_legacy=$(src legacy block_address)

# The records: record i goes to source mem0, mem1, legacy in turn, at
# physical address 0x08000000 + i * 0x1000; in each batch of four, two
# corrected and two recoverable (with a corrected section).  Odd records go
# in as YAML, even ones as hestc cper's binary; every fifth through a shared
# mapping of the RAM file (--access mmap).
sources="mem0 mem1 legacy"
i=0
: >"$boot/expect-0" && : >"$boot/expect-1" && : >"$boot/expect-2"
while [ "$i" -lt $((N + 4)) ]; do
	pa=$((0x08000000 + i * 0x1000))
	if [ $((i % 4)) -lt 2 ]; then
		sev=corrected
	else
		sev=recoverable
	fi
	printf 'severity: %s\nsections:\n  - type: memory\n    header: { severity: corrected }\n    physical_address: 0x%x\n    error_type: single-bit-ecc\n' \
		"$sev" "$pa" >"$boot/rec/r$i.yaml"
	if [ $((i % 2)) -eq 0 ]; then
		"$HESTC" cper -q "$boot/rec/r$i.yaml" -o "$boot/rec/r$i.bin" || not_ok "hestc cper builds record $i"
	fi
	i=$((i + 1))
done
record_file() { if [ $(($1 % 2)) -eq 0 ]; then echo "$boot/rec/r$1.bin"; else echo "$boot/rec/r$1.yaml"; fi; }
source_of() { # index -> name (the pause phase's own order for 50..53)
	case $1 in
	50 | 51) echo mem0 ;;
	52 | 53) echo legacy ;;
	*) case $(($1 % 3)) in 0) echo mem0 ;; 1) echo mem1 ;; 2) echo legacy ;; esac ;;
	esac
}
id_of() { case $1 in mem0) echo 0 ;; mem1) echo 1 ;; legacy) echo 2 ;; esac; }

printf '%s 200\n' "$doorbell" >"$boot/doorbell"
e2e_probes "$layout" "$boot/probes"
check "the guest's initramfs builds" e2e_initramfs "$boot/initrd.gz" "$boot/probes" "$boot/doorbell"
rm -f "$ram" "$boot/boot.rc" "$boot/qemu.pid"
truncate -s 512M "$ram"

# The guest, in the background; its RAM is the file.
qemu_pid() { cat "$boot/qemu.pid" 2>/dev/null; }
cleanup() {
	local p
	p=$(qemu_pid)
	if [ -n "$p" ] && [ -z "$(cat "$boot/boot.rc" 2>/dev/null)" ]; then
		kill -CONT "$p" 2>/dev/null
		kill "$p" 2>/dev/null
	fi
	[ -n "${bootjob:-}" ] && wait "$bootjob" 2>/dev/null
	rm -rf "$scratch"
}
trap cleanup EXIT
E2E_MACHINE=q35,accel=tcg,memory-backend=ram
(
	rc=0
	e2e_boot "$boot" "$boot/initrd.gz" "$memmap" \
		-object "memory-backend-file,id=ram,size=512M,mem-path=$ram,share=on" \
		-pidfile "$boot/qemu.pid" \
		-acpitable "file=$boot/out/hest.aml" \
		-device "loader,file=$boot/out/hardware_errors.bin,addr=0x10000000,force-raw=on" || rc=$?
	echo "$rc" >"$boot/boot.rc"
) &
bootjob=$!

# Wait for the guest's init (its GHES sources are probed by then).
n=0
while ! grep -q '^E2E-READY' "$boot/console.log" 2>/dev/null; do
	if [ -s "$boot/boot.rc" ] || [ "$n" -ge 600 ]; then
		break
	fi
	sleep 0.2
	n=$((n + 1))
done
if ! grep -q '^E2E-READY' "$boot/console.log" 2>/dev/null; then
	not_ok "the guest came up and waits for records"
	wait "$bootjob"
	e2e_show_tail "$boot/console.log"
	sed 's/^/# qemu: /' "$boot/qemu.err" 2>/dev/null
	done_testing
	exit 1
fi
ok "the guest came up and waits for records ($(awk -v n="$n" 'BEGIN { printf "%.1f", n / 5 }') s)"

u64_at() { od -An -tu8 -j "$1" -N 8 "$ram" | tr -d ' '; }
now() { date +%s.%N; }
sleep_until() { # sleep_until T (seconds since the epoch, fractional)
	local d
	d=$(awk -v t="$1" -v n="$(now)" 'BEGIN { d = t - n; if (d > 0) printf "%.3f", d; else print 0 }')
	[ "$d" != 0 ] && sleep "$d"
	return 0
}

# The ratelimit's windows, per class (c corrected, r recoverable): records
# printed in the current one, and when its first was acknowledged.
n_c=0 n_r=0 win_c=0 win_r=0
class_of() { if [ $(($1 % 4)) -lt 2 ]; then echo c; else echo r; fi; }
pace() { # pace INDEX: before injecting, wait for a new window if this class's is used up
	local k
	k=$(class_of "$1")
	if [ "$(eval echo \$n_$k)" -ge 2 ]; then
		sleep_until "$(awk -v t="$(eval echo \$win_$k)" 'BEGIN { printf "%.3f", t + 5.3 }')"
		eval "n_$k=0"
	fi
}
paced() { # paced INDEX: after the record was acknowledged
	local k
	k=$(class_of "$1")
	[ "$(eval echo \$n_$k)" -eq 0 ] && eval "win_$k=$(now)"
	eval "n_$k=\$((n_$k + 1))"
}

# --- 50 records, each through the whole handshake ----------------------------
t0=$(now)
handshakes=0 failed=0
i=0
while [ "$i" -lt "$N" ]; do
	pace "$i"
	name=$(source_of "$i")
	ackaddr=
	case $name in mem0) ackaddr=$ack_mem0 ;; mem1) ackaddr=$ack_mem1 ;; esac
	before=
	[ -n "$ackaddr" ] && before=$(u64_at "$ackaddr")
	# every fifth record through a shared mapping of the file, the others with pread/pwrite
	access=pread
	[ $((i % 5)) -eq 4 ] && access=mmap
	if "$HESTC" inject "$(record_file "$i")" --memory "$ram" --layout "$layout" --source "$name" \
		--timeout 10000 --wait-ack --access "$access" >"$boot/inject-$i.out" 2>&1; then
		paced "$i"
		printf '0x%016x\n' $((0x08000000 + i * 0x1000)) >>"$boot/expect-$(id_of "$name")"
		if [ -n "$ackaddr" ]; then
			after=$(u64_at "$ackaddr")
			# 1 before (the previous record acknowledged), 0 once written, 1 again after the kernel's ack
			if [ "$before" = 1 ] && grep -q "read-ack 0x1 -> 0x0 " "$boot/inject-$i.out" &&
				grep -q "acknowledged: read-ack 0x1 " "$boot/inject-$i.out" && [ "$after" = 1 ]; then
				handshakes=$((handshakes + 1))
			else
				diag "record $i ($name): read-ack before $before, after $after:"
				sed 's/^/#   /' "$boot/inject-$i.out"
			fi
		elif grep -q "block_status was 0x0 " "$boot/inject-$i.out" && grep -q "consumed: block_status 0x0" "$boot/inject-$i.out"; then
			handshakes=$((handshakes + 1))
		else
			sed 's/^/#   /' "$boot/inject-$i.out"
		fi
	else
		failed=$((failed + 1))
		diag "record $i ($name) was not injected:"
		sed 's/^/#   /' "$boot/inject-$i.out"
	fi
	i=$((i + 1))
done
if [ "$failed" -eq 0 ]; then
	ok "hestc inject wrote all $N records, each acknowledged by the kernel ($(awk -v t="$t0" -v n="$(now)" 'BEGIN { printf "%.1f", n - t }') s)"
else
	not_ok "hestc inject wrote all $N records ($failed failed)"
fi
if [ "$handshakes" -eq "$N" ]; then
	ok "every handshake seen from the host: GHESv2 read-ack 1 -> 0 -> 1, GHES block_status 0 -> record -> 0 ($handshakes of $N)"
else
	not_ok "every handshake seen from the host ($handshakes of $N)"
fi

# --- the guest stopped: the second record to a source waits and times out ---
# both classes start new windows: records 50, 51 recoverable, 52, 53 corrected
for k in c r; do
	sleep_until "$(awk -v t="$(eval echo \$win_$k)" 'BEGIN { printf "%.3f", t + 5.3 }')"
done
pid=$(qemu_pid)
if [ -n "$pid" ] && kill -STOP "$pid"; then
	ok "QEMU stopped (SIGSTOP)"
else
	not_ok "QEMU stopped (SIGSTOP)"
fi
paused() { # paused FIRST SECOND SOURCE BLOCK MESSAGE
	local first=$1 second=$2 name=$3 blk=$4 msg=$5 rc=0 t1 t2
	if "$HESTC" inject "$(record_file "$first")" --memory "$ram" --layout "$layout" --source "$name" \
		--timeout 2000 >"$boot/inject-$first.out" 2>&1; then
		ok "stopped guest, $name: record $first goes in ($(cat "$boot/inject-$first.out"))"
		printf '0x%016x\n' $((0x08000000 + first * 0x1000)) >>"$boot/expect-$(id_of "$name")"
	else
		not_ok "stopped guest, $name: record $first goes in"
		sed 's/^/#   /' "$boot/inject-$first.out"
	fi
	dd if="$ram" of="$boot/before-$second.bin" bs=4096 skip=$((0x10000000 / 4096)) count=3 2>/dev/null
	dd if="$ram" of="$boot/before-$second-blk.bin" bs=4096 skip=$((blk / 4096)) count=1 2>/dev/null
	t1=$(now)
	"$HESTC" inject "$(record_file "$second")" --memory "$ram" --layout "$layout" --source "$name" \
		--timeout 2000 >"$boot/inject-$second-busy.out" 2>&1 || rc=$?
	t2=$(now)
	dd if="$ram" of="$boot/after-$second.bin" bs=4096 skip=$((0x10000000 / 4096)) count=3 2>/dev/null
	dd if="$ram" of="$boot/after-$second-blk.bin" bs=4096 skip=$((blk / 4096)) count=1 2>/dev/null
	if [ "$rc" -eq 3 ] && grep -q "$msg" "$boot/inject-$second-busy.out" &&
		grep -q "nothing written" "$boot/inject-$second-busy.out" &&
		awk -v a="$t1" -v b="$t2" 'BEGIN { exit !(b - a >= 2.0 && b - a < 10) }'; then
		ok "stopped guest, $name: record $second waits 2 s, then exit 3: $(cat "$boot/inject-$second-busy.out")"
	else
		not_ok "stopped guest, $name: record $second waits 2 s, then exit 3 (exit $rc)"
		sed 's/^/#   /' "$boot/inject-$second-busy.out"
	fi
	if cmp -s "$boot/before-$second.bin" "$boot/after-$second.bin" &&
		cmp -s "$boot/before-$second-blk.bin" "$boot/after-$second-blk.bin"; then
		ok "stopped guest, $name: the timed-out injection wrote nothing (registers and blocks byte for byte)"
	else
		not_ok "stopped guest, $name: the timed-out injection wrote nothing (registers and blocks byte for byte)"
	fi
}
paused 50 51 mem0 "$blk_mem0" "has not acknowledged the previous record"
v=$(u64_at "$ack_mem0")
if [ "$v" = 0 ]; then
	ok "stopped guest: mem0's read-ack register reads 0 from the host (written, not yet acknowledged)"
else
	not_ok "stopped guest: mem0's read-ack register reads 0 from the host (got $v)"
fi
paused 52 53 legacy "$blk_legacy" "has not consumed the previous record"
kill -CONT "$pid" 2>/dev/null
for k in 51 53; do
	name=$(source_of "$k")
	if "$HESTC" inject "$(record_file "$k")" --memory "$ram" --layout "$layout" --source "$name" \
		--timeout 20000 --wait-ack >"$boot/inject-$k.out" 2>&1; then
		ok "resumed guest, $name: record $k goes in once the previous one is consumed"
		printf '0x%016x\n' $((0x08000000 + k * 0x1000)) >>"$boot/expect-$(id_of "$name")"
	else
		not_ok "resumed guest, $name: record $k goes in once the previous one is consumed"
		sed 's/^/#   /' "$boot/inject-$k.out"
	fi
done

# Done: ring the guest's doorbell, let it print its log and stop.
printf 'DONE' | dd of="$ram" bs=1 seek="$doorbell" conv=notrunc 2>/dev/null
wait "$bootjob"
bootjob=
rc=$(cat "$boot/boot.rc" 2>/dev/null || echo 1)
if ! e2e_boot_ok "$boot" "$rc"; then
	done_testing
	exit 1
fi
e2e_expect_our_hest "$boot" "$boot/out/hest.aml" 'HESTC  INJECT  '
e2e_expect_line "$boot" "the kernel keeps the region out of its RAM (memmap=, reserved)" \
	'\[mem 0x0000000010000000-0x0000000010002fff\] reserved'
e2e_expect_line "$boot" "the kernel keeps the pinned block out of its RAM (memmap=, reserved)" \
	'\[mem 0x0000000010100000-0x0000000010100fff\] reserved'

# Every record exactly once, in order, per source.
for id in 0 1 2; do
	"$PYTHON" - "$boot/kernel.log" "$id" >"$boot/got-$id" <<'EOP'
import re, sys
want = sys.argv[2]
src = {}
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"\{(\d+)\}\[Hardware Error\]: (.*)", line)
    if not m:
        continue
    tag, body = m.group(1), m.group(2).strip()
    h = re.match(r"Hardware error from APEI Generic Hardware Error Source: (\d+)$", body)
    if h:
        src[tag] = h.group(1)
        continue
    p = re.match(r"physical_address: (0x[0-9a-f]+)$", body)
    if p and src.get(tag) == want:
        print(p.group(1))
EOP
	n=$(wc -l <"$boot/expect-$id")
	if cmp -s "$boot/got-$id" "$boot/expect-$id"; then
		ok "source $id: the kernel reported each of its $n records exactly once, in order"
	else
		not_ok "source $id: the kernel reported each of its $n records exactly once, in order"
		diff "$boot/expect-$id" "$boot/got-$id" | sed 's/^/#   /' | head -n 20
	fi
done
if grep -q 'ghes_print_estatus: .*callbacks suppressed' "$boot/kernel.log"; then
	not_ok "no GHES report was rate-limited away (a 'ghes_print_estatus: N callbacks suppressed' line)"
	grep 'ghes_print_estatus: .*callbacks suppressed' "$boot/kernel.log" | sed 's/^/#   /'
else
	ok "no GHES report was rate-limited away"
fi
e2e_no_firmware_complaint "$boot"
e2e_expect_probe "$boot" mem0 read_ack 1 "mem0's read-ack register is 1 at the end (its last record acknowledged)"
e2e_expect_probe "$boot" legacy block_status 0 "legacy's block is empty at the end"
e2e_report_times
done_testing

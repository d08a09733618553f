#!/bin/sh
# The 38 BERT and EINJ tables dumped from real machines (shared corpus,
# real/other, MANIFEST.tsv), issue 21: each decodes, validates without a
# crash, decompiles to a description that compiles back to the same bytes,
# and its --emit dsl goes through iasl -z to the same bytes.  What the
# validator finds in them is pinned: six EINJ tables (HP DL165 G7, Supermicro
# H8QG6 x2, X8DTN+-F, X8DTT, X8SIL) give end-operation a write-register-value
# to address 0, which Linux's apei_check_gar refuses (einj does not load);
# nothing else is reported.
. "$top_srcdir/tests/lib.sh"
need_iasl
T=$scratch
corpus=$shared_dir/corpus/real/other
n=0 bad= badval= baddsl= refused=
for bin in "$corpus"/*.bert.dat "$corpus"/*.einj.dat; do
	[ -f "$bin" ] || continue
	b=$(basename "$bin" .dat)
	n=$((n + 1))
	rc=0
	"$HESTVAL" validate "$bin" >"$T/$b.val" 2>&1 || rc=$?
	# 0 or 1 (findings); a crash or usage failure is neither
	[ "$rc" -le 1 ] && grep -q ' errors\?, ' "$T/$b.val" || badval="$badval $b"
	grep -o 'error\[[A-Z0-9-]*\]\|warning\[[A-Z0-9-]*\]\|note\[[A-Z0-9-]*\]' "$T/$b.val" | sed "s/^/$b /" >>"$T/found"
	sig=$(echo "$b" | sed 's/.*\.//')
	if "$HESTC" decompile "$bin" -o "$T/$b.yaml" 2>"$T/$b.err" &&
		"$HESTC" compile -q "$T/$b.yaml" -o "$T/$b" 2>>"$T/$b.err" &&
		cmp -s "$T/$b/$sig.aml" "$bin"; then
		:
	else
		bad="$bad $b"
	fi
	# --emit dsl: iasl -z makes the same bytes, or hestc refuses it with an
	# error naming the field iasl cannot say (never a silent loss)
	if "$HESTC" compile -q "$T/$b.yaml" -o "$T/$b-dsl" --emit dsl 2>"$T/$b.dsl.err"; then
		(cd "$T/$b-dsl" && "$iasl" -z "$sig.dsl" >/dev/null 2>&1) && cmp -s "$T/$b-dsl/$sig.aml" "$bin" ||
			baddsl="$baddsl $b"
	elif grep -q 'error: --emit dsl: creator_id\|error: --emit dsl: oem' "$T/$b.dsl.err"; then
		refused="$refused $b"
	else
		baddsl="$baddsl $b"
	fi
done
check "the real corpus holds the 38 BERT and EINJ tables (found $n)" [ "$n" -eq 38 ]
check "every real BERT/EINJ validates without a crash${badval:+ (not:$badval)}" [ -z "$badval" ]
check "every real BERT/EINJ decompiles and compiles back to the same bytes${bad:+ (not:$bad)}" [ -z "$bad" ]
check "iasl -z compiles each one's .dsl to the same bytes, or hestc refuses the dsl naming the field${baddsl:+ (not:$baddsl)}" [ -z "$baddsl" ]
diag "dsl refused (a creator or OEM id that is not ASCII: iasl cannot write it):$refused"
sort "$T/found" >"$T/found.sorted"
cat >"$T/want" <<'W'
Hewlett-Packard_ProLiant_DL165_G7_1979FBF2D488.einj error[EINJ-GAS]
Supermicro_H8QG6_28567EC2EFB1.einj error[EINJ-GAS]
Supermicro_H8QG6_58E82626C3C5.einj error[EINJ-GAS]
Supermicro_X8DTN_-F_319567CDA949.einj error[EINJ-GAS]
Supermicro_X8DTT_CE92DF29C87C.einj error[EINJ-GAS]
Supermicro_X8SIL_40AECBFF4573.einj error[EINJ-GAS]
W
if cmp -s "$T/want" "$T/found.sorted"; then
	ok "the validator's findings on the real tables are the six address-0 EINJ registers, nothing else"
else
	not_ok "the validator's findings on the real tables are the six address-0 EINJ registers, nothing else"
	diff "$T/want" "$T/found.sorted" | sed 's/^/# /'
fi
done_testing

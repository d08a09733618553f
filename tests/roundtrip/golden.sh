#!/bin/sh
# Decompile goldens: what `hestc decompile` writes for a handful of real
# tables (and what it reports on stderr) stays the same.
#
#   tests/roundtrip/golden.sh               compare (make check)
#   tests/roundtrip/golden.sh --regenerate  rewrite tests/golden/decompile/
#                                           (make regen-golden-decompile); the
#                                           only path that writes them: review the diff
#
# Each golden is NAME.yaml (the description) and NAME.stderr (the warnings).
# The tables were chosen for what they exercise: a declared count that
# disagrees, raw bytes and repeated ids (Supermicro X10), a creator id that
# is not text and AER sources (HP A8DA), every common x86 type (Dell
# PowerEdge), non-zero reserved bytes and unknown notification bits
# (Supermicro H8), NUL-padded ids (Dell Latitude), acpidump text
# (Supermicro X7), QEMU's arm table and iasl's template.
. "$top_srcdir/tests/lib.sh"

regenerate=false
case ${1:-} in
--regenerate) regenerate=true ;;
'') ;;
*)
	echo "usage: $0 [--regenerate]" >&2
	exit 2
	;;
esac

golden=$top_srcdir/tests/golden/decompile
corpus=$shared_dir/corpus/real
reference=$shared_dir/reference

# NAME DIR FILE: run in DIR so messages name FILE as the goldens do
cases="Supermicro_X10_4A64A6094FE3 $corpus/hest Supermicro_X10_4A64A6094FE3.dat
Hewlett-Packard_ProLiant_A8DA802364DF $corpus/hest Hewlett-Packard_ProLiant_A8DA802364DF.dat
Dell_PowerEdge_E5985CCBA349 $corpus/hest Dell_PowerEdge_E5985CCBA349.dat
Supermicro_H8_28567EC2EFB1 $corpus/hest Supermicro_H8_28567EC2EFB1.dat
Dell_Latitude_A37FB9368F2A $corpus/hest Dell_Latitude_A37FB9368F2A.dat
Supermicro_X7_22C25EDFF9A3-acpidump $corpus/acpidump Supermicro_X7_22C25EDFF9A3.txt
qemu-aarch64-virt $reference/qemu aarch64-virt-HEST.loaded
iasl-hest-template $reference/iasl hest-template.aml"

$regenerate && mkdir -p "$golden"
echo "$cases" | {
	while read -r name dir file; do
		out=$scratch/$name
		if [ ! -f "$dir/$file" ]; then
			not_ok "$name: input $dir/$file exists"
			continue
		fi
		if ! (cd "$dir" && "$HESTC" decompile "$file") >"$out.yaml" 2>"$out.stderr"; then
			not_ok "$name: decompiles"
			while IFS= read -r l; do diag "  $l"; done <"$out.stderr"
			continue
		fi
		if $regenerate; then
			cp "$out.yaml" "$golden/$name.yaml.tmp" && mv "$golden/$name.yaml.tmp" "$golden/$name.yaml" &&
				cp "$out.stderr" "$golden/$name.stderr.tmp" && mv "$golden/$name.stderr.tmp" "$golden/$name.stderr"
			check "$name: golden regenerated" test -s "$golden/$name.yaml"
			continue
		fi
		for kind in yaml stderr; do
			if [ ! -f "$golden/$name.$kind" ]; then
				not_ok "$name: golden tests/golden/decompile/$name.$kind exists (make regen-golden-decompile)"
			elif cmp -s "$out.$kind" "$golden/$name.$kind"; then
				ok "$name: decompile $kind equals the golden"
			else
				not_ok "$name: decompile $kind equals the golden"
				diff "$golden/$name.$kind" "$out.$kind" | head -n 10 | while IFS= read -r l; do diag "  $l"; done
			fi
		done
	done
	done_testing
}

#!/bin/sh
# Golden tests: every examples/NAME.yaml compiles to exactly tests/golden/NAME.aml
# (its hest.aml, or bert.aml / einj.aml for a BERT or EINJ description).
#
#   tests/golden.sh               compare (make check)
#   tests/golden.sh --regenerate  rewrite the goldens (make regen-golden); the
#                                 only path that writes them: review the diff
#
# Also: examples/iasl-template.yaml reproduces iasl's own HEST template
# (tests/golden/iasl/hest-template.aml, a verbatim copy of what iasl 20200925
# produced, never regenerated), and compiling twice gives the same bytes.
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

examples=$top_srcdir/examples
golden=$top_srcdir/tests/golden
iasl_reference=$golden/iasl/hest-template.aml

# compile NAME DIR: examples/NAME.yaml -> DIR/hest.aml (or bert.aml, einj.aml),
# copied to DIR/table.aml; diagnostics kept in DIR.log
compile() {
	mkdir -p "$2" &&
		"$HESTC" compile -q "$examples/$1.yaml" -o "$2" >"$2.log" 2>&1 || return 1
	for t in hest bert einj erst; do
		if [ -s "$2/$t.aml" ]; then
			cp "$2/$t.aml" "$2/table.aml"
			return 0
		fi
	done
	return 1
}

# same_bytes GOT WANT: cmp, with the first differing bytes on failure
same_bytes() {
	if cmp -s "$1" "$2"; then
		return 0
	fi
	diag "$1 differs from $2:"
	# cmp -l: 1-based decimal offset, then both bytes in octal
	cmp -l "$1" "$2" 2>&1 | head -n 10 | while read -r off got want; do
		case $off in
		*[!0-9]*|'') diag "  $off $got $want" ;;
		*) diag "$(printf '  0x%04x: got 0x%02x, golden 0x%02x' $((off - 1)) $((0$got)) $((0$want)))" ;;
		esac
	done
	diag "sizes: $(wc -c <"$1") vs $(wc -c <"$2") bytes"
	return 1
}

show_log() {
	while IFS= read -r line; do diag "  $line"; done <"$1"
}

found=0
for yaml in "$examples"/*.yaml; do
	[ -e "$yaml" ] || continue
	found=$((found + 1))
	name=$(basename "$yaml" .yaml)
	out=$scratch/$name
	if ! compile "$name" "$out"; then
		not_ok "$name: compiles"
		show_log "$out.log"
		continue
	fi
	if $regenerate; then
		mkdir -p "$golden" &&
			cp "$out/table.aml" "$golden/$name.aml.tmp" &&
			mv "$golden/$name.aml.tmp" "$golden/$name.aml"
		check "$name: golden regenerated ($(wc -c <"$golden/$name.aml") bytes)" test -s "$golden/$name.aml"
		continue
	fi
	if [ ! -f "$golden/$name.aml" ]; then
		not_ok "$name: golden tests/golden/$name.aml exists (run make regen-golden and review it)"
		continue
	fi
	check "$name: the table equals tests/golden/$name.aml" same_bytes "$out/table.aml" "$golden/$name.aml"

	# Determinism: a second compilation gives the same bytes.
	again=$scratch/$name.again
	if compile "$name" "$again"; then
		check "$name: compiling twice gives identical bytes" same_bytes "$again/table.aml" "$out/table.aml"
	else
		not_ok "$name: compiles a second time"
		show_log "$again.log"
	fi
done
check "examples/*.yaml found ($found)" test "$found" -gt 0

# Goldens whose example is gone.
for g in "$golden"/*.aml; do
	[ -e "$g" ] || continue
	name=$(basename "$g" .aml)
	[ -f "$examples/$name.yaml" ] && continue
	if $regenerate; then
		rm -f "$g"
		diag "removed stale golden tests/golden/$name.aml (no examples/$name.yaml)"
	else
		not_ok "tests/golden/$name.aml has an example (examples/$name.yaml is missing)"
	fi
done

# The iasl template, against iasl's own output rather than our golden.
if ! $regenerate; then
	if [ -f "$scratch/iasl-template/hest.aml" ]; then
		check "iasl-template: equals iasl's hest-template.aml byte for byte" \
			same_bytes "$scratch/iasl-template/hest.aml" "$iasl_reference"
	else
		not_ok "iasl-template: compiled (examples/iasl-template.yaml missing or failing)"
	fi
fi

done_testing

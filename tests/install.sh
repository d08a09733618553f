#!/bin/sh
# `make install` puts everything where a distribution package would, and a
# program builds against the installed libhest through pkg-config alone.
. "$top_srcdir/tests/lib.sh"
root=$scratch/root
if ! ${MAKE:-make} -s -C "$top_builddir" install DESTDIR="$root" >"$scratch/install.log" 2>&1; then
	not_ok "make install DESTDIR=..."
	sed 's/^/# /' "$scratch/install.log" | tail -20
	done_testing
	exit
fi
ok "make install DESTDIR=..."
for f in "$bindir/hestc" "$bindir/hestval" "$libdir/libhest.so" "$libdir/libhest.a" "$libdir/pkgconfig/libhest.pc" \
	"$includedir/hest/hest.h" "$includedir/hest/loader.h" "$includedir/hest/layout.h" \
	"$mandir/man1/hestc.1" "$mandir/man1/hestval.1" "$mandir/man5/hest-yaml.5" \
	"$datadir/hestc/hest-description.schema.json" "$datadir/hestc/examples/qemu-virt-arm64.yaml"; do
	check "installed: $f" [ -e "$root$f" ]
done
check "man pages carry the version" grep -q "hestc $PACKAGE_VERSION" "$root$mandir/man1/hestc.1"
check "... with %VERSION% and %DATADIR% filled in" sh -c "! grep -q '%VERSION%\|%DATADIR%' '$root$mandir/man1/hestc.1' '$root$mandir/man5/hest-yaml.5'"
check "man pages format without warnings" sh -c "LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l '$root$mandir/man1/hestc.1' 2>&1 >/dev/null | (! grep .)"

cat >"$scratch/tiny.c" <<'EOC'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/hest.h>
#include <hest/layout.h>
int main(void)
{
	static const char desc[] = "sources:\n  - { type: ghes-v2, id: 3, notification: { type: sea } }\n"
				   "placement: { mode: fixed, base: 0x40000000 }\n";
	struct hest_model m;
	struct hest_diags d;
	uint8_t *t = NULL;
	size_t len = 0;
	hest_diags_init(&d);
	hest_model_init(&m);
	if (hest_desc_parse(&m, "tiny", (const uint8_t *)desc, strlen(desc), &d) || hest_compile(&m, &d) ||
	    hest_encode_table(&m, &t, &len, &d))
		return 1;
	printf("libhest %s: %zu bytes, register at 0x%llx\n", hest_version(), len,
	       (unsigned long long)hest_get_le(t + 40 + 24, 8));
	free(t);
	hest_model_free(&m);
	hest_diags_free(&d);
	return 0;
}
EOC
pc="env PKG_CONFIG_SYSROOT_DIR=$root PKG_CONFIG_PATH=$root$libdir/pkgconfig pkg-config"
flags=$($pc --cflags --libs libhest 2>"$scratch/pc.err")
check "pkg-config --cflags --libs libhest" [ -n "$flags" ]
# shellcheck disable=SC2086
# (a library built with --enable-sanitizers needs programs linked with them)
check "a program builds against the installed library" ${CC:-cc} ${SAN_CFLAGS:-} -std=c11 -Wall -Wextra -Werror -o "$scratch/tiny" "$scratch/tiny.c" $flags
out=$(LD_LIBRARY_PATH=$root$libdir "$scratch/tiny" 2>&1)
check "... and runs: $out" [ "$out" = "libhest $PACKAGE_VERSION: 132 bytes, register at 0x40000000" ]
# shellcheck disable=SC2086
check "static linking works too" ${CC:-cc} ${SAN_CFLAGS:-} -std=c11 -o "$scratch/tiny-static" "$scratch/tiny.c" \
	$($pc --cflags libhest) "$root$libdir/libhest.a" $($pc --libs-only-l --static libhest | sed 's/-lhest//')
check "the installed hestc runs" sh -c "LD_LIBRARY_PATH='$root$libdir' '$root$bindir/hestc' --version | grep -q '$PACKAGE_VERSION'"
done_testing

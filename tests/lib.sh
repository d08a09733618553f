# Shell TAP helpers for hestc tests.  Source this file.
set -u
: "${top_srcdir:?run through make check}" "${HESTC:?}" "${HESTVAL:?}"
tap_n=0
tap_failed=0
ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $*"; }
check() { # check DESCRIPTION COMMAND...
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
diag() { printf '# %s\n' "$@"; }
done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
# A scratch directory removed at exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/hestc-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# need_iasl: sets $iasl to iasl (IASL, else the PATH's), or ends the test as
# failed: a missing judge is a failure, never a skip (acpica-tools is in
# scripts/debian-packages.txt).
need_iasl() {
	iasl=${IASL:-}
	[ -n "$iasl" ] || iasl=$(command -v iasl 2>/dev/null || true)
	if [ -z "$iasl" ] || [ ! -x "$iasl" ]; then
		not_ok "iasl found (install acpica-tools, or set IASL)"
		done_testing
		exit 1
	fi
}

# Round trip: `--emit dsl` (iasl data-table source) and its test.
libhest_la_SOURCES += emit/dsl.c
hestinclude_HEADERS += include/hest/decompile.h

TESTS += tests/roundtrip/dsl.sh
EXTRA_DIST += tests/roundtrip

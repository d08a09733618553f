#!/bin/sh
# `sections:` on GHES sources: error_block_length: auto is the worst case
# 20 + max_sections_per_record x (72 + largest section) + max_raw_data_length,
# a given length below it is HEST-GHES-BLOCK-SIZE (line:col, nothing
# written), above 64 KiB is HEST-GHES-BLOCK-CAP (a warning).
. "$top_srcdir/tests/lib.sh"
cd "$scratch" || exit 2

# Little-endian u32 at a byte offset of a file.
u32() {
	od -An -tu4 -j "$2" -N 4 "$1" | tr -d ' '
}

# compile NAME < yaml: hestc compile into NAME.out, stderr in NAME.err.
compile() {
	cat >"$1.yaml"
	rm -rf "$1.out"
	"$HESTC" compile -q "$1.yaml" -o "$1.out" 2>"$1.err"
}

# error_block_length of source #i (all sources here are GHESv2, 92 bytes, or GHES, 64).
ebl() {
	u32 "$1.out/hest.aml" "$2"
}

compile auto <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: [memory, arm-processor]
    error_block_length: auto
EOF
check "auto: compiles" [ $? -eq 0 ]
check "auto: memory + arm, 1 section, no raw data: 20 + 72 + 80 = 172" [ "$(ebl auto 100)" = 172 ]

compile auto-many <<'EOF'
sources:
  - name: many
    type: ghes
    id: 0
    notification: { type: polled, poll_interval_ms: 1000 }
    sections: [memory, pcie, processor-generic]
    max_sections_per_record: 3
    max_raw_data_length: 256
    error_block_length: auto
EOF
check "auto: 3 sections of up to 208 bytes (pcie) and 256 raw: 20 + 3 x 280 + 256 = 1116" [ "$(ebl auto-many 100)" = 1116 ]

compile auto-raw <<'EOF'
sources:
  - name: vendor
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: [raw, memory]
    largest_section: 512
    error_block_length: auto
EOF
check "auto: largest_section 512 sizes a raw section: 20 + 72 + 512 = 604" [ "$(ebl auto-raw 100)" = 604 ]

compile auto-ia <<'EOF'
sources:
  - name: ia
    type: ghes
    id: 0
    notification: { type: nmi }
    sections: [ia32x64]
    error_block_length: auto
EOF
check "auto: ia32x64 is sized with one error information structure: 20 + 72 + 128 = 220" [ "$(ebl auto-ia 100)" = 220 ]

compile default-ok <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: [memory]
EOF
check "sections without error_block_length: placement.block_size (1024) is kept" [ "$(ebl default-ok 100)" = 1024 ]

# error_case NAME 'expected message' < yaml: exit 1, message, no hest.aml.
error_case() {
	name=$1 want=$2
	compile "$name"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -qF -- "$want" "$name.err" && [ ! -e "$name.out/hest.aml" ]; then
		ok "$name: $want"
	else
		not_ok "$name: exit $rc, wanted 1 and: $want"
		sed 's/^/# /' "$name.err"
	fi
}

error_case too-small "too-small.yaml:7:25: error: source 'sea': error_block_length 64 is smaller than the 172 bytes one record can need (20 + 1 x (72 + 80 for memory) + 0 raw data bytes) [HEST-GHES-BLOCK-SIZE]" <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: [memory]
    error_block_length: 64
EOF
error_case too-small-raw "too-small-raw.yaml:9:25: error: source 'qemu': error_block_length 1024 is smaller than the 1196 bytes one record can need (20 + 1 x (72 + 80 for memory) + 1024 raw data bytes) [HEST-GHES-BLOCK-SIZE]" <<'EOF'
sources:
  - name: qemu
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: [memory]
    max_sections_per_record: 1
    max_raw_data_length: 1024
    error_block_length: 1024
EOF
error_case default-too-small "default-too-small.yaml:1:26: error: source 'many': error_block_length 512 (from placement.block_size) is smaller than the 580 bytes one record can need (20 + 2 x (72 + 208 for pcie) + 0 raw data bytes) [HEST-GHES-BLOCK-SIZE]" <<'EOF'
placement: { block_size: 512 }
sources:
  - name: many
    type: ghes
    id: 0
    notification: { type: polled, poll_interval_ms: 1000 }
    sections: [pcie]
    max_sections_per_record: 2
EOF
error_case auto-no-sections "auto-no-sections.yaml:6:25: error: source 'sea': error_block_length: auto needs 'sections:'" <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    error_block_length: auto
EOF
error_case unknown-kind "unknown-kind.yaml:6:22: error: unknown section kind 'memroy' (did you mean 'memory'?)" <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: [pcie, memroy]
EOF
error_case not-ghes "not-ghes.yaml:5:5: error: 'sections' applies to ghes and ghes-v2 sources only" <<'EOF'
sources:
  - name: aer
    type: aer-endpoint
    id: 0
    sections: [pcie]
EOF
error_case raw-no-size "raw-no-size.yaml:6:5: error: source 'vendor': a raw section has no size of its own; give 'largest_section'" <<'EOF'
sources:
  - name: vendor
    type: ghes
    id: 0
    notification: { type: polled, poll_interval_ms: 1000 }
    sections: [raw]
    error_block_length: auto
EOF
error_case empty "empty.yaml:6:15: error: 'sections' is empty" <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: []
EOF
error_case twice "twice.yaml:6:31: error: section kind 'arm' is listed twice" <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: [arm-processor, arm]
EOF
error_case number "number.yaml:6:16: error: 'sections' takes section kind names, not numbers" <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: [0]
EOF
error_case not-list "not-list.yaml:6:15: error: 'sections' must be a list of CPER section kinds, not a scalar" <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    sections: memory
EOF
error_case quoted-auto "quoted-auto.yaml:6:25: error: 'error_block_length' must be an integer, not a string" <<'EOF'
sources:
  - name: sea
    type: ghes-v2
    id: 0
    notification: { type: sea }
    error_block_length: "auto"
EOF

compile cap <<'EOF'
sources:
  - name: big
    type: ghes
    id: 0
    notification: { type: polled, poll_interval_ms: 1000 }
    sections: [memory]
    error_block_length: 128KiB
EOF
rc=$?
check "above 64 KiB: compiles (exit $rc)" [ "$rc" -eq 0 ]
check "  with a warning at the value [HEST-GHES-BLOCK-CAP]" grep -qF \
	"cap.yaml:7:25: warning: source 'big': error_block_length 131072 is above Linux's 65536-byte limit" cap.err
check "  said once though layout runs per output" [ "$(grep -c 'HEST-GHES-BLOCK-CAP' cap.err)" -eq 1 ]
"$HESTC" compile -q cap.yaml -o cap-all.out --emit all 2>cap-all.err
check "  also once with every output" [ "$(grep -c 'HEST-GHES-BLOCK-CAP' cap-all.err)" -eq 1 ]

compile auto-cap <<'EOF'
sources:
  - name: huge
    type: ghes
    id: 0
    notification: { type: polled, poll_interval_ms: 1000 }
    sections: [memory]
    max_raw_data_length: 100000
    error_block_length: auto
EOF
check "auto past 64 KiB warns too" grep -q "error_block_length 100172 is above Linux's 65536-byte limit" auto-cap.err
done_testing

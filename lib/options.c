/* Keys of the description format that are not wire fields.  parser/desc.c
 * reads them; docs and the JSON Schema are generated from these rows; a test
 * checks that the parser accepts exactly these keys. */
#include <string.h>
#include <hest/model.h>
#include <hest/cper.h>
#include <hest/schema.h>
#include <hest/profile.h>

#define N(arr) (sizeof(arr) / sizeof((arr)[0]))

static const struct hest_name mode_v[] = {
	{ "none", HEST_PLACE_NONE, "addresses given by hand in each GAS" },
	{ "linker-loader", HEST_PLACE_LINKER_LOADER, "firmware allocates and patches (QEMU's BIOS linker/loader)" },
	{ "fixed", HEST_PLACE_FIXED, "absolute addresses from placement.base, no loader" },
};
const struct hest_names hest_placement_mode_names = { mode_v, N(mode_v) };

static const struct hest_name zone_v[] = {
	{ "high", HEST_ZONE_HIGH, "anywhere in RAM" },
	{ "fseg", HEST_ZONE_FSEG, "the F segment, 0xE0000-0xFFFFF" },
};
const struct hest_names hest_zone_names = { zone_v, N(zone_v) };

static const struct hest_name order_v[] = {
	{ "grouped", HEST_REGS_GROUPED, "all address registers, then all read-ack registers (QEMU)" },
	{ "interleaved", HEST_REGS_INTERLEAVED, "each address register followed by its read-ack register" },
};
const struct hest_names hest_register_order_names = { order_v, N(order_v) };

static const struct hest_name arch_v[] = {
	{ "any", HEST_ARCH_ANY, "no architecture checks" },
	{ "x86_64", HEST_ARCH_X86_64, "x86-64 platforms" },
	{ "arm64", HEST_ARCH_ARM64, "Arm64 platforms" },
	{ "riscv64", HEST_ARCH_RISCV64, "RISC-V 64-bit platforms" },
};
const struct hest_names hest_arch_names = { arch_v, N(arch_v) };

static const struct hest_name allow_v[] = {
	{ "duplicate-source-ids", HEST_ALLOW_DUPLICATE_IDS, "keep repeated source ids (iasl's template has them)" },
	{ "no-sources", HEST_ALLOW_NO_SOURCES, "accept an empty 'sources' (a table of only the header)" },
	{ "undersized-error-blocks", HEST_ALLOW_UNDERSIZED_BLOCKS,
	  "keep an error_block_length too small for one record (CPER-SIZE-ENTRY), as a decompiled table may" },
};
const struct hest_names hest_allow_names = { allow_v, N(allow_v) };

static const struct hest_name via_v[] = {
	{ "ged", HEST_EVENT_GED, "an interrupt of a Generic Event Device (ACPI0013) this SSDT declares" },
	{ "gpio", HEST_EVENT_GPIO, "a pin of the GPIO controller (ssdt.gpio_controller), listed in its _AEI" },
};
const struct hest_names hest_event_via_names = { via_v, N(via_v) };

static const struct hest_name trigger_v[] = {
	{ "edge", 0, "edge-triggered (method _Exx)" },
	{ "level", 1, "level-triggered (method _Lxx)" },
};
const struct hest_names hest_event_trigger_names = { trigger_v, N(trigger_v) };

static const struct hest_name polarity_v[] = {
	{ "active-high", HEST_POLARITY_HIGH, "active high" },
	{ "active-low", HEST_POLARITY_LOW, "active low" },
	{ "active-both", HEST_POLARITY_BOTH, "both edges (GPIO only)" },
};
const struct hest_names hest_event_polarity_names = { polarity_v, N(polarity_v) };

static const struct hest_name method_v[] = {
	{ "auto", HEST_EVMETHOD_AUTO, "ged: evt; gpio: named for pins up to 255, else evt" },
	{ "evt", HEST_EVMETHOD_EVT, "a branch of the _EVT method (Arg0 = the event number)" },
	{ "named", HEST_EVMETHOD_NAMED, "its own _Exx/_Lxx method (event numbers up to 255)" },
};
const struct hest_names hest_event_method_names = { method_v, N(method_v) };

static const struct hest_option top_o[] = {
	{ "table", HEST_OPT_MAP, NULL, NULL, "the ACPI table header and error source count (keys: see 'table')" },
	{ "target", HEST_OPT_MAP, NULL, NULL, "the platform the table is for" },
	{ "placement", HEST_OPT_MAP, NULL, "mode: none", "where GHES registers and error status blocks live" },
	{ "sources", HEST_OPT_LIST, NULL, NULL, "the error sources, in table order (required, at least one, unless placement.profile supplies QEMU's)" },
	{ "allow", HEST_OPT_LIST, &hest_allow_names, NULL, "deliberate opt-outs of checks" },
	{ "ssdt", HEST_OPT_MAP, NULL, NULL,
	  "names of the SSDT with the error device and the event methods of GPIO/GSIV-notified sources "
	  "(docs/ssdt.md); given, every enabled such source needs an 'event'" },
	{ "trailing_bytes", HEST_OPT_BYTES, NULL, NULL,
	  "bytes after the table's end, kept verbatim (decompiled tables; placement mode none only)" },
};

static const struct hest_option target_o[] = {
	{ "arch", HEST_OPT_ENUM, &hest_arch_names, "any", "architecture: checks notification types" },
};

static const struct hest_option placement_o[] = {
	{ "profile", HEST_OPT_ENUM, &hest_profile_names, NULL,
	  "a generation of QEMU's arm virt HEST: sets every key it fixes, and QEMU's sources when 'sources' is "
	  "absent; a fixed key given with another value is an error (docs/placement.md 'Profiles')" },
	{ "mode", HEST_OPT_ENUM, &hest_placement_mode_names, "none", "how GAS addresses are found" },
	{ "blob", HEST_OPT_STRING, NULL, "etc/hardware_errors", "fw_cfg name of the registers-and-blocks blob" },
	{ "address_blob", HEST_OPT_STRING, NULL, "etc/hardware_errors_addr",
	  "writable fw_cfg file the blob's address is written back to (\"\" for none)" },
	{ "hest_address_blob", HEST_OPT_STRING, NULL, "\"\"",
	  "writable fw_cfg file the HEST's address is written back to (newer QEMU), \"\" for none" },
	{ "write_pointer", HEST_OPT_BOOL, NULL, "true", "emit the WRITE_POINTER to address_blob" },
	{ "tables_blob", HEST_OPT_STRING, NULL, "etc/acpi/tables", "fw_cfg name of the ACPI tables blob" },
	{ "table_offset", HEST_OPT_UINT, NULL, "0", "offset of the HEST inside tables_blob" },
	{ "tables_blob_size", HEST_OPT_UINT, NULL, "0 (unknown)", "size of tables_blob, to check the HEST fits" },
	{ "standalone", HEST_OPT_BOOL, NULL, "false", "the script ALLOCATEs tables_blob itself" },
	{ "tables_align", HEST_OPT_UINT, NULL, "64", "ALLOCATE alignment of tables_blob (standalone)" },
	{ "align", HEST_OPT_UINT, NULL, "8", "ALLOCATE alignment of the blob (a power of two)" },
	{ "zone", HEST_OPT_ENUM, &hest_zone_names, "high", "ALLOCATE zone of the blob" },
	{ "base", HEST_OPT_UINT, NULL, NULL, "fixed mode: absolute address of the blob (required there)" },
	{ "block_size", HEST_OPT_UINT, NULL, "1024", "default error_block_length of GHES sources" },
	{ "register_order", HEST_OPT_ENUM, &hest_register_order_names, "grouped", "order of registers in the blob" },
	{ "read_ack_init", HEST_OPT_UINT, NULL, "1", "initial value of read-ack registers (1 lets the first record in)" },
};

static const struct hest_option source_o[] = {
	{ "type", HEST_OPT_ENUM, NULL, NULL, "error source type (required): a name below or its number" },
	{ "name", HEST_OPT_STRING, NULL, "<type>_<id>",
	  "symbolic name used in messages, the C header and JSON (letters, digits, '_', '-')" },
	{ "block_address", HEST_OPT_UINT, NULL, NULL,
	  "fixed mode, GHES/GHESv2: absolute address of this source's block, outside the blob" },
	{ "event", HEST_OPT_MAP, NULL, NULL,
	  "GHES/GHESv2 notified by gpio or gsiv: the GED interrupt or GPIO pin that signals it (keys: see 'event')" },
	{ "sections", HEST_OPT_LIST, &hest_cper_kind_names, NULL,
	  "GHES/GHESv2: CPER section kinds its records may carry; sizes error_block_length: auto and checks a "
	  "given length (HEST-GHES-BLOCK-SIZE)" },
	{ "largest_section", HEST_OPT_UINT, NULL, NULL,
	  "GHES/GHESv2 with sections: largest section body in bytes, when above the kinds' own sizes (raw needs it)" },
};

static const struct hest_option ssdt_o[] = {
	{ "scope", HEST_OPT_STRING, NULL, "`\\_SB`", "absolute path the error device and the GED are declared in" },
	{ "error_device", HEST_OPT_STRING, NULL, "`HED0`",
	  "the hardware error device (PNP0C33): a name segment in scope, or, external, a path (absolute or in scope)" },
	{ "error_device_uid", HEST_OPT_UINT, NULL, "0", "_UID of the error device" },
	{ "external_error_device", HEST_OPT_BOOL, NULL, "false",
	  "the error device is declared elsewhere (e.g. QEMU's DSDT `\\_SB.GEDD`): only notified; Linux binds one" },
	{ "ged", HEST_OPT_STRING, NULL, "`GEDE`", "name segment of the Generic Event Device (ACPI0013) in scope" },
	{ "ged_uid", HEST_OPT_UINT, NULL, "0", "_UID of the Generic Event Device" },
	{ "gpio_controller", HEST_OPT_STRING, NULL, "`\\_SB.GPO0`",
	  "absolute path of the GPIO controller (declared elsewhere) whose pins signal 'via: gpio' events" },
	{ "external_aei", HEST_OPT_BOOL, NULL, "false",
	  "the controller's _AEI is declared elsewhere (list the pins there): only the event methods are added" },
	{ "oem_table_id", HEST_OPT_STRING, NULL, "HESTEVNT",
	  "OEM table id of the SSDT, up to 8 characters (OEM id and revision, creator: from 'table')" },
};

static const struct hest_option event_o[] = {
	{ "via", HEST_OPT_ENUM, &hest_event_via_names, "gsiv: ged, gpio: gpio", "what signals the event" },
	{ "interrupt", HEST_OPT_UINT, NULL, NULL, "via ged: the GSIV (required there)" },
	{ "pin", HEST_OPT_UINT, NULL, NULL, "via gpio: the pin number, 0-65535 (required there)" },
	{ "trigger", HEST_OPT_ENUM, &hest_event_trigger_names, "edge", "how the interrupt or pin signals" },
	{ "polarity", HEST_OPT_ENUM, &hest_event_polarity_names, "active-high", "its polarity" },
	{ "method", HEST_OPT_ENUM, &hest_event_method_names, "auto", "the event method that does the Notify" },
};

/* BERT and EINJ descriptions (ACPI 6.6 18.3.1, 18.6): `table: { signature:
 * BERT }` (or EINJ) selects them. */
static const struct hest_option bert_top_o[] = {
	{ "table", HEST_OPT_MAP, NULL, NULL, "the BERT header; `signature: BERT` makes the description a BERT" },
	{ "placement", HEST_OPT_MAP, NULL, "`mode: none`",
	  "where the boot error region goes: `fixed` at `base`, `linker-loader` (blob `etc/boot_errors`), or `none` "
	  "(region_address given by hand)" },
	{ "records", HEST_OPT_LIST, NULL, NULL,
	  "the boot error region's error status blocks, each as `hestc cper` reads one (severity, sections, raw_data, "
	  "...); region_length defaults to their bytes" },
	{ "region", HEST_OPT_BYTES, NULL, NULL, "the boot error region's bytes verbatim (instead of records)" },
	{ "trailing_bytes", HEST_OPT_BYTES, NULL, NULL, "bytes after the header, kept verbatim (decompiled tables)" },
};

static const struct hest_option einj_top_o[] = {
	{ "table", HEST_OPT_MAP, NULL, NULL, "the EINJ header; `signature: EINJ` makes the description an EINJ" },
	{ "placement", HEST_OPT_MAP, NULL, "`mode: none`",
	  "where `registers` and `trigger` go: `fixed` at `base`, `linker-loader` (blob `etc/einj_registers`); "
	  "`none`: every register address given by hand" },
	{ "registers", HEST_OPT_LIST, NULL, NULL,
	  "memory the VMM backs for the instructions, laid out in order (8-byte aligned): each a mapping of the "
	  "keys below" },
	{ "entries", HEST_OPT_LIST, NULL, NULL, "injection instruction entries, in order (each an `instruction` mapping)" },
	{ "trigger", HEST_OPT_LIST, NULL, NULL,
	  "the trigger action table (ACPI 6.6 table 18.27) placed after the registers: its entries, usually "
	  "`action: trigger-error`" },
	{ "trailing_bytes", HEST_OPT_BYTES, NULL, NULL,
	  "bytes after the last whole entry, kept verbatim (decompiled tables)" },
};

static const struct hest_option erst_top_o[] = {
	{ "table", HEST_OPT_MAP, NULL, NULL, "the ERST header; `signature: ERST` makes the description an ERST" },
	{ "placement", HEST_OPT_MAP, NULL, "`mode: none`", "`none` only: every register address is given by hand" },
	{ "entries", HEST_OPT_LIST, NULL, NULL,
	  "serialization instruction entries, in order (each a `serialization-instruction` mapping)" },
	{ "trailing_bytes", HEST_OPT_BYTES, NULL, NULL,
	  "bytes after the last whole entry, kept verbatim (decompiled tables)" },
};

static const struct hest_name points_v[] = {
	{ "trigger", HEST_REG_POINTS_TRIGGER, "the trigger action table's address" },
};
static const struct hest_names points_names = { points_v, N(points_v) };

static const struct hest_name block_v[] = {
	{ "set-error-type-with-address", 1, "ACPI 6.6 table 18.30 and the EINJv2 extension header" },
};
static const struct hest_names block_names = { block_v, N(block_v) };

static const struct hest_option einj_register_o[] = {
	{ "name", HEST_OPT_STRING, NULL, NULL, "the register's name, for entries' `register_at` (required)" },
	{ "size", HEST_OPT_UINT, NULL, "8", "bytes, 1-4096 (a parameter block takes more)" },
	{ "value", HEST_OPT_UINT, NULL, "0", "initial value (little-endian, the first min(size, 8) bytes)" },
	{ "bytes", HEST_OPT_BYTES, NULL, NULL, "initial content, at most size bytes (instead of value)" },
	{ "points_to", HEST_OPT_ENUM, &points_names, NULL,
	  "the register holds an address placement fills in (GET_TRIGGER_ERROR_ACTION_TABLE reads it)" },
	{ "block", HEST_OPT_ENUM, &block_names, NULL,
	  "the register is a parameter block whose fields are set by name beside these keys (its size "
	  "defaults to the block's; an EINJv2 block takes 32 more bytes per component)" },
};

static const struct hest_option einj_entry_o[] = {
	{ "register_at", HEST_OPT_STRING, NULL, NULL,
	  "name of a register under `registers`: the entry's register address is its (placed)" },
};

static const struct {
	const struct hest_option *v;
	size_t n;
} groups[] = {
	[HEST_OPTS_BERT_TOP] = { bert_top_o, N(bert_top_o) },
	[HEST_OPTS_EINJ_TOP] = { einj_top_o, N(einj_top_o) },
	[HEST_OPTS_EINJ_REGISTER] = { einj_register_o, N(einj_register_o) },
	[HEST_OPTS_EINJ_ENTRY] = { einj_entry_o, N(einj_entry_o) },
	[HEST_OPTS_ERST_TOP] = { erst_top_o, N(erst_top_o) },
	[HEST_OPTS_TOP] = { top_o, N(top_o) },
	[HEST_OPTS_TARGET] = { target_o, N(target_o) },
	[HEST_OPTS_PLACEMENT] = { placement_o, N(placement_o) },
	[HEST_OPTS_SOURCE] = { source_o, N(source_o) },
	[HEST_OPTS_SSDT] = { ssdt_o, N(ssdt_o) },
	[HEST_OPTS_EVENT] = { event_o, N(event_o) },
};

const struct hest_option *hest_options(enum hest_option_group g, size_t *n)
{
	*n = groups[g].n;
	return groups[g].v;
}

const struct hest_option *hest_option_find(enum hest_option_group g, const char *key, size_t len)
{
	for (size_t i = 0; i < groups[g].n; i++)
		if (strlen(groups[g].v[i].key) == len && memcmp(groups[g].v[i].key, key, len) == 0)
			return &groups[g].v[i];
	return NULL;
}

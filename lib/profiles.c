/* Placement profiles: the keys each generation of QEMU's arm "virt" HEST
 * fixes (hw/acpi/ghes.c, hw/acpi/aml-build.c, hw/arm/virt-acpi-build.c).
 * parser/desc.c applies them; the schema, the docs and hestc(1) list them. */
#include <string.h>
#include <hest/profile.h>

#define N(arr) (sizeof(arr) / sizeof((arr)[0]))

/* What every generation shares. */
#define QEMU_COMMON(BLOCK, BLOCK_WHY)                                                                              \
	{ "table.revision", "1", true, "acpi_build_hest: AcpiTable .rev = 1" },                                    \
	{ "table.oem_id", "BOCHS ", false, "the machine's oem-id property (default \"BOCHS \")" },                  \
	{ "table.oem_table_id", "BXPC    ", false, "the machine's oem-table-id property (default \"BXPC\")" },     \
	{ "table.oem_revision", "1", true, "acpi_table_begin writes OEM Revision 1" },                            \
	{ "table.creator_id", "BXPC", true, "acpi_table_begin writes ACPI_BUILD_APPNAME8's \"BXPC\"" },          \
	{ "table.creator_revision", "1", true, "acpi_table_begin writes Creator Revision 1" },                    \
	{ "target.arch", "arm64", true, "only the arm virt machine builds this HEST (virt-acpi-build.c)" },         \
	{ "placement.mode", "linker-loader", true, "QEMU's BIOS linker/loader script patches the table" },        \
	{ "placement.blob", "etc/hardware_errors", true, "ACPI_HW_ERROR_FW_CFG_FILE" },                            \
	{ "placement.tables_blob", "etc/acpi/tables", true, "ACPI_BUILD_TABLE_FILE, the HEST among QEMU's tables" }, \
	{ "placement.standalone", "false", true, "QEMU's own script allocates etc/acpi/tables" },                 \
	{ "placement.align", "8", true, "bios_linker_loader_alloc(..., sizeof(uint64_t), ...)" },                 \
	{ "placement.zone", "high", true, "bios_linker_loader_alloc(..., alloc_fseg = false)" },                  \
	{ "placement.register_order", "grouped", true,                                                          \
	  "build_ghes_error_table: every error status address register, then every read-ack register" },       \
	{ "placement.read_ack_init", "1", true, "build_ghes_error_table initialises each read-ack register to 1" }, \
	{ "placement.block_size", BLOCK, true, BLOCK_WHY },                                                      \
	{ "ghes-v2.max_raw_data_length", BLOCK, true, "build_ghes_v2_entry: Max Raw Data Length = the block size" }, \
	{ "ghes-v2.error_block_length", BLOCK, true, BLOCK_WHY },                                                \
	{ "ghes-v2.read_ack.preserve", "0xfffffffffffffffe", true,                                              \
	  "build_ghes_v2_entry: Read Ack Preserve ~0x1 (the OS may write bit 0 only)" },                        \
	{ "ghes-v2.read_ack.write", "1", true, "build_ghes_v2_entry: Read Ack Write 0x1" }

#define BLOCK_1K_WHY                                                                                               \
	"ACPI_GHES_MAX_RAW_DATA_LENGTH (1 KiB): QEMU lays the blocks out at that stride and refuses records above it"
#define BLOCK_4K_WHY                                                                                               \
	"ACPI_GHES_MAX_RAW_DATA_LENGTH raised to 4 KiB by the proposal: QEMU lays the blocks out at that stride and "  \
	"refuses records above it"

static const struct hest_profile_key hw_errors_addr_k[] = {
	QEMU_COMMON("1KiB", BLOCK_1K_WHY),
	{ "placement.address_blob", "etc/hardware_errors_addr", true,
	  "ACPI_HW_ERROR_ADDR_FW_CFG_FILE: QEMU learns the region's address, and finds its one source from it" },
	{ "placement.write_pointer", "true", true, "build_ghes_error_table's WRITE_POINTER (use_hest_addr false)" },
	{ "placement.hest_address_blob", "", true, "QEMU before 10.2 registers no etc/acpi_table_hest_addr" },
};

#define HEST_ADDR_KEYS                                                                                             \
	{ "placement.address_blob", "", true,                                                                      \
	  "with use_hest_addr QEMU registers no etc/hardware_errors_addr and the script writes none" },           \
	{ "placement.write_pointer", "false", true, "no WRITE_POINTER of the region's address (use_hest_addr)" },  \
	{ "placement.hest_address_blob", "etc/acpi_table_hest_addr", true,                                       \
	  "ACPI_HEST_ADDR_FW_CFG_FILE: QEMU learns the HEST's address and walks it to find each source" }

static const struct hest_profile_key hest_addr_k[] = {
	QEMU_COMMON("1KiB", BLOCK_1K_WHY),
	HEST_ADDR_KEYS,
};

static const struct hest_profile_key hest_addr_4k_k[] = {
	QEMU_COMMON("4KiB", BLOCK_4K_WHY),
	HEST_ADDR_KEYS,
};

#define SOURCE_SEA "{ name: sea, type: ghes-v2, id: 0, notification: { type: sea } }"
#define SOURCE_GPIO "{ name: gpio, type: ghes-v2, id: 1, notification: { type: gpio } }"

/* Each profile's name and doc line, spelled once for both tables below. */
#define HW_ERRORS_ADDR "qemu-virt-hw-errors-addr"
#define HW_ERRORS_ADDR_DOC                                                                                         \
	"QEMU's arm virt HEST up to machine type 10.1: one GHESv2 source (id 0, SEA); the firmware writes the "    \
	"region's address to etc/hardware_errors_addr"
#define HEST_ADDR "qemu-virt-hest-addr"
#define HEST_ADDR_DOC                                                                                              \
	"QEMU 10.2 arm virt machine types: two GHESv2 sources (id 0 SEA, id 1 GPIO); the firmware writes the "     \
	"HEST's address to etc/acpi_table_hest_addr and QEMU walks the HEST"
#define HEST_ADDR_4K "qemu-virt-hest-addr-4k"
#define HEST_ADDR_4K_DOC                                                                                           \
	"qemu-virt-hest-addr with 4 KiB error status blocks, as proposed on qemu-devel (late 2025; not verified "  \
	"in a release)"

static const struct hest_profile profiles[] = {
	{ HW_ERRORS_ADDR, HW_ERRORS_ADDR_DOC, hw_errors_addr_k, N(hw_errors_addr_k), "[ " SOURCE_SEA " ]", 1,
	  "QEMU up to machine type 10.1 takes the error status address register at offset 0 of etc/hardware_errors "
	  "and the read-ack register at offset 8 (get_hw_error_offsets), whatever the HEST says" },
	{ HEST_ADDR, HEST_ADDR_DOC, hest_addr_k, N(hest_addr_k), "[ " SOURCE_SEA ", " SOURCE_GPIO " ]", 0, NULL },
	{ HEST_ADDR_4K, HEST_ADDR_4K_DOC, hest_addr_4k_k, N(hest_addr_4k_k), "[ " SOURCE_SEA ", " SOURCE_GPIO " ]", 0,
	  NULL },
};

/* The same profiles as an enum (value = index), for the schema, the option
 * table and "did you mean". */
static const struct hest_name profile_v[] = {
	{ HW_ERRORS_ADDR, 0, HW_ERRORS_ADDR_DOC },
	{ HEST_ADDR, 1, HEST_ADDR_DOC },
	{ HEST_ADDR_4K, 2, HEST_ADDR_4K_DOC },
};
_Static_assert(N(profile_v) == N(profiles), "one name per profile");

const struct hest_names hest_profile_names = { profile_v, N(profile_v) };

const struct hest_profile *hest_profiles(size_t *n)
{
	*n = N(profiles);
	return profiles;
}

const struct hest_profile *hest_profile_find(const char *name, size_t len)
{
	for (size_t i = 0; i < N(profiles); i++)
		if (strlen(profiles[i].name) == len && memcmp(profiles[i].name, name, len) == 0)
			return &profiles[i];
	return NULL;
}

/* Values a reader could misread without quotes: "" and padded ids. */
static bool needs_quotes(const char *v)
{
	return !*v || strchr(v, ' ') != NULL;
}

/* "ghes-v2.X" reads "X of every GHESv2 source". */
static bool key_md(struct hest_buf *o, const char *key)
{
	if (strncmp(key, "ghes-v2.", 8) == 0)
		return hest_buf_printf(o, "every GHESv2 source's `%s`", key + 8);
	return hest_buf_printf(o, "`%s`", key);
}

bool hest_profiles_markdown(struct hest_buf *o)
{
	bool ok = true;
	for (size_t i = 0; i < N(profiles) && ok; i++) {
		const struct hest_profile *p = &profiles[i];
		ok = hest_buf_printf(o, "%s#### `%s`\n\n%s.\n\n", i ? "\n" : "", p->name, p->doc) &&
		     hest_buf_printf(o, "| key | value | kind | why |\n|---|---|---|---|\n");
		for (size_t k = 0; k < p->nkeys && ok; k++)
			ok = hest_buf_printf(o, "| ") && key_md(o, p->keys[k].key) &&
			     hest_buf_printf(o, needs_quotes(p->keys[k].value) ? " | `\"%s\"` | %s | %s |\n" :
										  " | `%s` | %s | %s |\n",
					     p->keys[k].value, p->keys[k].fixed ? "fixed" : "default", p->keys[k].why);
		ok = ok && hest_buf_printf(o, "\nWithout `sources:`, QEMU's: `%s`.\n", p->sources);
		if (p->max_ghes)
			ok = ok && hest_buf_printf(o, "At most %u GHES-family source%s, GHESv2: %s.\n", p->max_ghes,
						   p->max_ghes == 1 ? "" : "s", p->max_ghes_why);
	}
	return ok;
}

/* roff: a leading '.' or '\'' would start a request; backslashes escape. */
static bool roff_text(struct hest_buf *o, const char *s)
{
	bool ok = true;
	for (; *s && ok; s++)
		ok = *s == '\\' ? hest_buf_printf(o, "\\e") : *s == '-' ? hest_buf_printf(o, "\\-") :
									   hest_buf_printf(o, "%c", *s);
	return ok;
}

bool hest_profiles_roff(struct hest_buf *o)
{
	bool ok = true;
	for (size_t i = 0; i < N(profiles) && ok; i++) {
		const struct hest_profile *p = &profiles[i];
		ok = hest_buf_printf(o, ".TP\n.B ") && roff_text(o, p->name) && hest_buf_printf(o, "\n") &&
		     roff_text(o, p->doc) && hest_buf_printf(o, ". Sets ");
		for (size_t k = 0; k < p->nkeys && ok; k++) {
			bool q = needs_quotes(p->keys[k].value);
			ok = hest_buf_printf(o, "%s", k ? ", " : "") && roff_text(o, p->keys[k].key) &&
			     hest_buf_printf(o, q ? " \\(dq" : " ") && roff_text(o, p->keys[k].value) &&
			     hest_buf_printf(o, "%s%s", q ? "\\(dq" : "", p->keys[k].fixed ? "" : " (a default)");
		}
		ok = ok && hest_buf_printf(o, "; without sources, QEMU's: ") && roff_text(o, p->sources) &&
		     hest_buf_printf(o, ".\n");
	}
	return ok;
}

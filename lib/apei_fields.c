/* The field-descriptor tables of the other APEI tables (ACPI 6.6 section
 * 18.3.1 BERT, 18.6 EINJ with the ACPI 6.5 EINJv2 additions) and the table
 * kinds: which header and which entry structure each signature has.  Same
 * conventions as lib/fields.c; iasl labels as ACPICA's dmtbinfo1.c spells
 * them (checked with `iasl -T BERT`, `iasl -T EINJ`). */
#include <string.h>
#include <hest/fields.h>

#define N(arr) (sizeof(arr) / sizeof((arr)[0]))
#define NAMES(arr) { arr, N(arr) }

/* The 36-byte ACPI header, with the signature and revision of a kind. */
#define ACPI_HEADER(sig, rev, revdoc) \
	{ "signature", "Signature", 0, 4, HEST_FK_CHARS, 0, 0, sig, NULL, NULL, "table signature" }, \
	{ "length", "Table Length", 4, 4, HEST_FK_INT, HEST_FA_COMPUTED, 0, NULL, NULL, NULL, \
	  "table length; computed (giving it overrides, deliberately)" }, \
	{ "revision", "Revision", 8, 1, HEST_FK_INT, 0, rev, NULL, NULL, NULL, revdoc }, \
	{ "checksum", "Checksum", 9, 1, HEST_FK_INT, HEST_FA_COMPUTED, 0, NULL, NULL, NULL, \
	  "table checksum; computed (giving it overrides, deliberately)" }, \
	{ "oem_id", "Oem ID", 10, 6, HEST_FK_CHARS, 0, 0, "HESTC ", NULL, NULL, "OEM id, padded with spaces" }, \
	{ "oem_table_id", "Oem Table ID", 16, 8, HEST_FK_CHARS, 0, 0, "HESTC   ", NULL, NULL, \
	  "OEM table id, padded with spaces" }, \
	{ "oem_revision", "Oem Revision", 24, 4, HEST_FK_INT, 0, 1, NULL, NULL, NULL, "OEM revision" }, \
	{ "creator_id", "Asl Compiler ID", 28, 4, HEST_FK_CHARS, 0, 0, "HSTC", NULL, NULL, "creator (compiler) id" }, \
	{ "creator_revision", "Asl Compiler Revision", 32, 4, HEST_FK_INT, 0, 1, NULL, NULL, NULL, \
	  "creator (compiler) revision" }

/* --- BERT (ACPI 6.6 table 18.2) ------------------------------------------- */

static const struct hest_field bert_f[] = {
	ACPI_HEADER("BERT", 1, "BERT revision, 1"),
	{ "region_length", "Boot Error Region Length", 36, 4, HEST_FK_INT, HEST_FA_COMPUTED, 0, NULL, NULL, NULL,
	  "length of the boot error region; computed from `records:` and `placement.block_size` (giving it "
	  "overrides, deliberately)" },
	{ "region_address", "Boot Error Region Address", 40, 8, HEST_FK_INT, HEST_FA_PLACED, 0, NULL, NULL, NULL,
	  "physical address of the boot error region; filled in by placement unless placement mode is none" },
};
const struct hest_struct_desc hest_desc_bert_header = {
	"table", "Boot Error Record Table", -1, 48, bert_f, N(bert_f),
	"ACPI table header (36 bytes), the boot error region's length and address"
};

/* --- EINJ (ACPI 6.6 tables 18.22-18.28) ------------------------------------ */

/* Table 18.25, and 0x11 EINJV2_GET_ERROR_TYPE (ACPI 6.5), 0xFF in the
 * trigger action table only. */
static const struct hest_name einj_action_v[] = {
	{ "begin-injection", 0x00, "Begin Operation" },
	{ "get-trigger-error-action-table", 0x01, "Get Trigger Table" },
	{ "set-error-type", 0x02, "Set Error Type" },
	{ "get-error-type", 0x03, "Get Error Type" },
	{ "end-operation", 0x04, "End Operation" },
	{ "execute-operation", 0x05, "Execute Operation" },
	{ "check-busy-status", 0x06, "Check Busy Status" },
	{ "get-command-status", 0x07, "Get Command Status" },
	{ "set-error-type-with-address", 0x08, "Set Error Type With Address" },
	{ "get-execute-operation-timings", 0x09, "Get Execute Operation Timings" },
	{ "einjv2-get-error-type", 0x11, "EINJV2 Get Error Type" },
	{ "trigger-error", 0xff, "Trigger Error" },
};
const struct hest_names hest_einj_action_names = NAMES(einj_action_v);

/* Table 18.26. */
static const struct hest_name einj_instr_v[] = {
	{ "read-register", 0, "Read Register" },
	{ "read-register-value", 1, "Read Register Value" },
	{ "write-register", 2, "Write Register" },
	{ "write-register-value", 3, "Write Register Value" },
	{ "noop", 4, "Noop" },
};
const struct hest_names hest_einj_instruction_names = NAMES(einj_instr_v);

static const struct hest_name einj_entry_flags_v[] = {
	{ "preserve-register", 0x1, "Preserve Register Bits" },
};
static const struct hest_names einj_entry_flags = NAMES(einj_entry_flags_v);

static const struct hest_field einj_f[] = {
	ACPI_HEADER("EINJ", 1, "EINJ revision: 1, 2 for ACPI 6.5's EINJv2"),
	{ "header_length", "Injection Header Length", 36, 4, HEST_FK_INT, 0, 12, NULL, NULL, NULL,
	  "injection header size: 12 (the bytes after the ACPI header, what ACPI says); Linux also takes 48" },
	{ "flags", "Flags", 40, 1, HEST_FK_INT, 0, 0, NULL, NULL, NULL, "injection flags, zero" },
	{ "reserved_41", "Reserved", 41, 3, HEST_FK_RESERVED, 0, 0, NULL, NULL, NULL, "reserved, zero" },
	{ "entry_count", "Injection Entry Count", 44, 4, HEST_FK_INT, HEST_FA_COMPUTED, 0, NULL, NULL, NULL,
	  "number of injection instruction entries; computed (giving it overrides, deliberately)" },
};
const struct hest_struct_desc hest_desc_einj_header = {
	"table", "Error Injection Table", -1, 48, einj_f, N(einj_f),
	"ACPI table header (36 bytes), injection header size, flags and entry count"
};

/* The GAS of an instruction: a 64-bit system-memory register by default,
 * as iasl's template has it. */
static const struct hest_field einj_entry_f[] = {
	{ "action", "Action", 0, 1, HEST_FK_ENUM, HEST_FA_REQUIRED, 0, NULL, &hest_einj_action_names, NULL,
	  "injection action this instruction belongs to" },
	{ "instruction", "Instruction", 1, 1, HEST_FK_ENUM, HEST_FA_REQUIRED, 0, NULL, &hest_einj_instruction_names,
	  NULL, "what the OS does with the register" },
	{ "flags", "Flags (decoded below)", 2, 1, HEST_FK_FLAGS, 0, 0, NULL, &einj_entry_flags, NULL,
	  "instruction flags: preserve-register (write only the bits of mask)" },
	{ "reserved_3", "Reserved", 3, 1, HEST_FK_RESERVED, 0, 0, NULL, NULL, NULL, "reserved, zero" },
	{ "register", "Register Region", 4, 12, HEST_FK_STRUCT, 0, 0, NULL, NULL, &hest_desc_gas,
	  "the register the instruction reads or writes" },
	{ "value", "Value", 16, 8, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "value written by write-register-value, compared by read-register-value" },
	{ "mask", "Mask", 24, 8, HEST_FK_INT, 0, UINT64_MAX, NULL, NULL, NULL,
	  "bits of the register the instruction uses" },
};
const struct hest_struct_desc hest_desc_einj_entry = {
	"instruction", "Injection Instruction Entry", -1, 32, einj_entry_f, N(einj_entry_f),
	"ACPI 6.6 table 18.24 (32 bytes)"
};

/* The SET_ERROR_TYPE_WITH_ADDRESS data structure (ACPI 6.6 table 18.30)
 * that the entry of that action points at, with the EINJv2 extension
 * header of ACPI 6.5 after it (its component array, 32 bytes per
 * component, follows in the register's remaining bytes).  Layout as Linux's
 * einj-core.c reads and writes it (struct set_error_type_with_address,
 * struct einjv2_extension_struct). */
static const struct hest_name setwa_flags_v[] = {
	{ "processor", 0x1, "Processor APIC ID Valid" },
	{ "memory", 0x2, "Memory Address And Range Valid" },
	{ "pcie", 0x4, "PCIe SBDF Valid" },
	{ "einjv2", 0x8, "EINJv2 Extension Valid" },
};
static const struct hest_names setwa_flags = NAMES(setwa_flags_v);

static const struct hest_field setwa_f[] = {
	{ "error_type", "Error Type", 0, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "the error type to inject (written by the OS)" },
	{ "vendor_extension_offset", "Vendor Error Type Extension Offset", 4, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "offset of the vendor error type extension from this structure, 0 for none" },
	{ "flags", "Flags", 8, 4, HEST_FK_FLAGS, 0, 0, NULL, &setwa_flags, NULL,
	  "which of the fields below are valid (written by the OS)" },
	{ "apic_id", "Processor APIC ID", 12, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL, "target processor" },
	{ "memory_address", "Memory Address", 16, 8, HEST_FK_INT, 0, 0, NULL, NULL, NULL, "target physical address" },
	{ "memory_address_range", "Memory Address Range", 24, 8, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "mask of the address bits that matter" },
	{ "pcie_sbdf", "PCIe SBDF", 32, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL, "target PCIe segment, bus, device, function" },
	{ "einjv2_length", "EINJv2 Extension Length", 36, 4, HEST_FK_INT, 0, 8, NULL, NULL, NULL,
	  "EINJv2: bytes of the extension, its 8-byte header and 32 per component slot (the OS sizes the component "
	  "array from it)" },
	{ "einjv2_revision", "EINJv2 Extension Revision", 40, 2, HEST_FK_INT, 0, 1, NULL, NULL, NULL, "EINJv2 revision" },
	{ "einjv2_component_count", "EINJv2 Component Array Count", 42, 2, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "components the OS filled in (written by the OS)" },
};
const struct hest_struct_desc hest_desc_einj_setwa = {
	"set-error-type-with-address", "SET_ERROR_TYPE_WITH_ADDRESS Data Structure", -1, 44, setwa_f, N(setwa_f),
	"ACPI 6.6 table 18.30 (36 bytes) and the ACPI 6.5 EINJv2 extension header (8 bytes); components follow, "
	"32 bytes each"
};

/* --- ERST (ACPI 6.6 tables 18.31-18.35) ------------------------------------ */

/* Table 18.33; 0x0C is unused (iasl: "Unused/Unknown Action"). */
static const struct hest_name erst_action_v[] = {
	{ "begin-write", 0x00, "Begin Write Operation" },
	{ "begin-read", 0x01, "Begin Read Operation" },
	{ "begin-clear", 0x02, "Begin Clear Operation" },
	{ "end", 0x03, "End Operation" },
	{ "set-record-offset", 0x04, "Set Record Offset" },
	{ "execute-operation", 0x05, "Execute Operation" },
	{ "check-busy-status", 0x06, "Check Busy Status" },
	{ "get-command-status", 0x07, "Get Command Status" },
	{ "get-record-identifier", 0x08, "Get Record Identifier" },
	{ "set-record-identifier", 0x09, "Set Record Identifier" },
	{ "get-record-count", 0x0a, "Get Record Count" },
	{ "begin-dummy-write", 0x0b, "Begin Dummy Write" },
	{ "get-error-log-address-range", 0x0d, "Get Error Address Range" },
	{ "get-error-log-address-length", 0x0e, "Get Error Address Length" },
	{ "get-error-log-address-attributes", 0x0f, "Get Error Attributes" },
	{ "get-execute-operation-timings", 0x10, "Get Execute Operation Timings" },
};
const struct hest_names hest_erst_action_names = NAMES(erst_action_v);

/* Table 18.34: the serialization instructions. */
static const struct hest_name erst_instr_v[] = {
	{ "read-register", 0x00, "Read Register" },
	{ "read-register-value", 0x01, "Read Register Value" },
	{ "write-register", 0x02, "Write Register" },
	{ "write-register-value", 0x03, "Write Register Value" },
	{ "noop", 0x04, "Noop" },
	{ "load-var1", 0x05, "Load Var1" },
	{ "load-var2", 0x06, "Load Var2" },
	{ "store-var1", 0x07, "Store Var1" },
	{ "add", 0x08, "Add" },
	{ "subtract", 0x09, "Subtract" },
	{ "add-value", 0x0a, "Add Value" },
	{ "subtract-value", 0x0b, "Subtract Value" },
	{ "stall", 0x0c, "Stall" },
	{ "stall-while-true", 0x0d, "Stall While True" },
	{ "skip-next-instruction-if-true", 0x0e, "Skip Next If True" },
	{ "goto", 0x0f, "GoTo" },
	{ "set-src-address-base", 0x10, "Set Source Address" },
	{ "set-dst-address-base", 0x11, "Set Destination Address" },
	{ "move-data", 0x12, "Move Data" },
};
const struct hest_names hest_erst_instruction_names = NAMES(erst_instr_v);

static const struct hest_field erst_f[] = {
	ACPI_HEADER("ERST", 1, "ERST revision, 1"),
	{ "header_length", "Serialization Header Length", 36, 4, HEST_FK_INT, 0, 48, NULL, NULL, NULL,
	  "serialization header size: 48 (iasl's template; Linux also takes 12, the bytes after the ACPI header)" },
	{ "reserved_40", "Reserved", 40, 4, HEST_FK_RESERVED, 0, 0, NULL, NULL, NULL, "reserved, zero" },
	{ "entry_count", "Instruction Entry Count", 44, 4, HEST_FK_INT, HEST_FA_COMPUTED, 0, NULL, NULL, NULL,
	  "number of serialization instruction entries; computed (giving it overrides, deliberately)" },
};
const struct hest_struct_desc hest_desc_erst_header = {
	"table", "Error Record Serialization Table", -1, 48, erst_f, N(erst_f),
	"ACPI table header (36 bytes), serialization header size, reserved and entry count"
};

static const struct hest_field erst_entry_f[] = {
	{ "action", "Action", 0, 1, HEST_FK_ENUM, HEST_FA_REQUIRED, 0, NULL, &hest_erst_action_names, NULL,
	  "serialization action this instruction belongs to" },
	{ "instruction", "Instruction", 1, 1, HEST_FK_ENUM, HEST_FA_REQUIRED, 0, NULL, &hest_erst_instruction_names,
	  NULL, "what the OS does with the register" },
	{ "flags", "Flags (decoded below)", 2, 1, HEST_FK_FLAGS, 0, 0, NULL, &einj_entry_flags, NULL,
	  "instruction flags: preserve-register (write only the bits of mask)" },
	{ "reserved_3", "Reserved", 3, 1, HEST_FK_RESERVED, 0, 0, NULL, NULL, NULL, "reserved, zero" },
	{ "register", "Register Region", 4, 12, HEST_FK_STRUCT, 0, 0, NULL, NULL, &hest_desc_gas,
	  "the register the instruction uses" },
	{ "value", "Value", 16, 8, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "the instruction's operand (value written or compared, stall time, goto target...)" },
	{ "mask", "Mask", 24, 8, HEST_FK_INT, 0, UINT64_MAX, NULL, NULL, NULL,
	  "bits of the register the instruction uses" },
};
const struct hest_struct_desc hest_desc_erst_entry = {
	"serialization-instruction", "Serialization Instruction Entry", -1, 32, erst_entry_f, N(erst_entry_f),
	"ACPI 6.6 table 18.32 (32 bytes)"
};

/* --- the table kinds --------------------------------------------------------- */

static const struct hest_table_desc kinds[] = {
	{ HEST_TABLE_HEST, "HEST", "hest", &hest_desc_header, NULL, NULL,
	  "Hardware Error Source Table (ACPI 6.6 18.3.2)" },
	{ HEST_TABLE_BERT, "BERT", "bert", &hest_desc_bert_header, NULL, NULL,
	  "Boot Error Record Table (ACPI 6.6 18.3.1)" },
	{ HEST_TABLE_EINJ, "EINJ", "einj", &hest_desc_einj_header, &hest_desc_einj_entry, "entries",
	  "Error Injection Table (ACPI 6.6 18.6, EINJv2 of ACPI 6.5)" },
	{ HEST_TABLE_ERST, "ERST", "erst", &hest_desc_erst_header, &hest_desc_erst_entry, "entries",
	  "Error Record Serialization Table (ACPI 6.6 18.5)" },
};

const struct hest_table_desc *hest_table_descs(size_t *n)
{
	*n = N(kinds);
	return kinds;
}

const struct hest_table_desc *hest_table_desc_of(enum hest_table_kind kind)
{
	for (size_t i = 0; i < N(kinds); i++)
		if (kinds[i].kind == kind)
			return &kinds[i];
	return &kinds[0];
}

const struct hest_table_desc *hest_table_desc_by_signature(const char *sig, size_t len)
{
	for (size_t i = 0; i < N(kinds); i++)
		if (len == 4 && memcmp(kinds[i].signature, sig, 4) == 0)
			return &kinds[i];
	return NULL;
}

/* The field-descriptor tables: ACPI 6.5 section 18.3.2 (HEST) structures.
 * Offsets are from the start of each structure; see docs/description-format.md
 * for the same facts as a user reads them (generated from these tables). */
#include <string.h>
#include <hest/fields.h>

#define N(arr) (sizeof(arr) / sizeof((arr)[0]))
#define NAMES(arr) { arr, N(arr) }

/* --- name tables ------------------------------------------------------ */

static const struct hest_name bool_v[] = {
	{ "false", 0, "0" },
	{ "true", 1, "1" },
};
static const struct hest_names bool_names = NAMES(bool_v);

static const struct hest_name notify_v[] = {
	{ "polled", 0, "Polled" },
	{ "external-interrupt", 1, "External Interrupt" },
	{ "local-interrupt", 2, "Local Interrupt" },
	{ "sci", 3, "SCI" },
	{ "nmi", 4, "NMI" },
	{ "cmci", 5, "CMCI" },
	{ "mce", 6, "MCE" },
	{ "gpio", 7, "GPIO" },
	{ "sea", 8, "SEA" },
	{ "sei", 9, "SEI" },
	{ "gsiv", 10, "GSIV" },
	{ "sdei", 11, "Software Delegated Exception" },
	{ "sse", 12, "RISC-V Supervisor Software Event" },
};
const struct hest_names hest_notify_type_names = NAMES(notify_v);

/* ACPI 6.5 table 18.14: which notification fields the OS may rewrite. */
static const struct hest_name cwe_v[] = {
	{ "type", 0x01, "Type" },
	{ "poll-interval", 0x02, "Poll Interval" },
	{ "switch-to-polling-threshold-value", 0x04, "Switch To Polling Threshold Value" },
	{ "switch-to-polling-threshold-window", 0x08, "Switch To Polling Threshold Window" },
	{ "error-threshold-value", 0x10, "Error Threshold Value" },
	{ "error-threshold-window", 0x20, "Error Threshold Window" },
};
static const struct hest_names cwe_names = NAMES(cwe_v);

/* ACPI 6.5 table 5.1 (GAS address space ids). */
static const struct hest_name space_v[] = {
	{ "system-memory", 0x00, "SystemMemory" },
	{ "system-io", 0x01, "SystemIO" },
	{ "pci-config", 0x02, "PCI Configuration Space" },
	{ "embedded-controller", 0x03, "EmbeddedControl" },
	{ "smbus", 0x04, "SMBus" },
	{ "system-cmos", 0x05, "SystemCMOS" },
	{ "pci-bar-target", 0x06, "PCIBARTarget" },
	{ "ipmi", 0x07, "IPMI" },
	{ "gpio", 0x08, "GeneralPurposeIo" },
	{ "generic-serial-bus", 0x09, "GenericSerialBus" },
	{ "pcc", 0x0a, "PCC" },
	{ "prm", 0x0b, "PlatformRtMechanism" },
	{ "functional-fixed-hw", 0x7f, "FunctionalFixedHW" },
};
static const struct hest_names space_names = NAMES(space_v);

static const struct hest_name access_v[] = {
	{ "undefined", 0, "Undefined/Legacy" },
	{ "byte", 1, "Byte Access:8" },
	{ "word", 2, "Word Access:16" },
	{ "dword", 3, "DWord Access:32" },
	{ "qword", 4, "QWord Access:64" },
};
static const struct hest_names access_names = NAMES(access_v);

static const struct hest_name bankfmt_v[] = {
	{ "ia32-mca", 0, "IA-32 MCA" },
	{ "intel64-mca", 1, "Intel 64 MCA" },
	{ "amd64-mca", 2, "AMD64 MCA" },
};
static const struct hest_names bankfmt_names = NAMES(bankfmt_v);

/* Flags of types 0, 1 and 11: GHES_ASSIST since ACPI 6.3; bit 1 (GLOBAL)
 * has no meaning there, so it has no name (a number still sets it). */
static const struct hest_name mc_flags_v[] = {
	{ "firmware-first", 0x1, "Firmware First" },
	{ "ghes-assist", 0x4, "GHES Assist" },
};
static const struct hest_names mc_flags = NAMES(mc_flags_v);

static const struct hest_name aer_flags_v[] = {
	{ "firmware-first", 0x1, "Firmware First" },
	{ "global", 0x2, "Global" },
};
static const struct hest_names aer_flags = NAMES(aer_flags_v);

/* --- sub structures --------------------------------------------------- */

static const struct hest_field gas_f[] = {
	{ "space_id", "Space ID", 0, 1, HEST_FK_ENUM, 0, 0, NULL, &space_names, NULL,
	  "address space of the register (GHES: system-memory)" },
	{ "bit_width", "Bit Width", 1, 1, HEST_FK_INT, 0, 64, NULL, NULL, NULL,
	  "register width in bits" },
	{ "bit_offset", "Bit Offset", 2, 1, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "bit offset of the value in the register" },
	{ "access_size", "Encoded Access Width", 3, 1, HEST_FK_ENUM, 0, 4, NULL, &access_names, NULL,
	  "access size: undefined, byte, word, dword, qword" },
	{ "address", "Address", 4, 8, HEST_FK_INT, HEST_FA_PLACED, 0, NULL, NULL, NULL,
	  "register address; filled in by placement unless placement mode is none" },
};
const struct hest_struct_desc hest_desc_gas = {
	"gas", "Generic Address Structure", -1, 12, gas_f, N(gas_f),
	"ACPI Generic Address Structure (12 bytes)"
};

static const struct hest_field notify_f[] = {
	{ "type", "Notify Type", 0, 1, HEST_FK_ENUM, HEST_FA_REQUIRED, 0, NULL, &hest_notify_type_names, NULL,
	  "how the OS learns of an error" },
	{ "length", "Notify Length", 1, 1, HEST_FK_INT, 0, 28, NULL, NULL, NULL,
	  "structure length, 28" },
	{ "config_write_enable", "Configuration Write Enable", 2, 2, HEST_FK_FLAGS, 0, 0, NULL, &cwe_names, NULL,
	  "fields the OS may rewrite" },
	{ "poll_interval_ms", "PollInterval", 4, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "poll interval in milliseconds (polled notification)" },
	{ "vector", "Vector", 8, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "interrupt vector (GSIV, GPIO pin, SDEI event...)" },
	{ "switch_to_polling_threshold_value", "Polling Threshold Value", 12, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "errors within the window after which the OS switches to polling" },
	{ "switch_to_polling_threshold_window_ms", "Polling Threshold Window", 16, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "window for the switch-to-polling threshold, in milliseconds" },
	{ "error_threshold_value", "Error Threshold Value", 20, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "errors within the window before the OS acts" },
	{ "error_threshold_window_ms", "Error Threshold Window", 24, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "window for the error threshold, in milliseconds" },
};
const struct hest_struct_desc hest_desc_notification = {
	"notification", "Hardware Error Notification Structure", -1, 28, notify_f, N(notify_f),
	"ACPI 6.5 table 18.14 (28 bytes)"
};

static const struct hest_field bank_f[] = {
	{ "bank_number", "Bank Number", 0, 1, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "MCA bank index" },
	{ "clear_status_on_init", "Clear Status On Init", 1, 1, HEST_FK_ENUM, 0, 0, NULL, &bool_names, NULL,
	  "OS clears the bank's status register at initialisation" },
	{ "status_data_format", "Status Format", 2, 1, HEST_FK_ENUM, 0, 0, NULL, &bankfmt_names, NULL,
	  "format of the status data: ia32-mca, intel64-mca, amd64-mca" },
	{ "reserved_3", "Reserved", 3, 1, HEST_FK_RESERVED, 0, 0, NULL, NULL, NULL, "reserved, zero" },
	{ "control_register_msr", "Control Register", 4, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "address of the bank's control MSR" },
	{ "control_init_data", "Control Data", 8, 8, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "value the OS programs into the control MSR" },
	{ "status_register_msr", "Status Register", 16, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "address of the bank's status MSR" },
	{ "address_register_msr", "Address Register", 20, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "address of the bank's address MSR" },
	{ "misc_register_msr", "Misc Register", 24, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "address of the bank's misc MSR" },
};
const struct hest_struct_desc hest_desc_bank = {
	"bank", "IA-32 Machine Check Bank", -1, 28, bank_f, N(bank_f),
	"ACPI 6.5 table 18.6 (28 bytes)"
};

static const struct hest_field read_ack_f[] = {
	{ "register", "Read Ack Register", 0, 12, HEST_FK_STRUCT, 0, 0, NULL, NULL, &hest_desc_gas,
	  "the read-ack register (placed like the error status address)" },
	{ "preserve", "Read Ack Preserve", 12, 8, HEST_FK_INT, 0, 0xfffffffffffffffeull, NULL, NULL, NULL,
	  "bits of the register the OS keeps when acknowledging" },
	{ "write", "Read Ack Write", 20, 8, HEST_FK_INT, 0, 1, NULL, NULL, NULL,
	  "bits the OS sets when acknowledging" },
};
const struct hest_struct_desc hest_desc_read_ack = {
	"read_ack", "GHESv2 read acknowledgement", -1, 28, read_ack_f, N(read_ack_f),
	"GHESv2 read-ack register, preserve and write masks (28 bytes)"
};

/* --- the header ------------------------------------------------------- */

static const struct hest_field header_f[] = {
	{ "signature", "Signature", 0, 4, HEST_FK_CHARS, 0, 0, "HEST", NULL, NULL,
	  "table signature" },
	{ "length", "Table Length", 4, 4, HEST_FK_INT, HEST_FA_COMPUTED, 0, NULL, NULL, NULL,
	  "table length; computed (giving it overrides, deliberately)" },
	{ "revision", "Revision", 8, 1, HEST_FK_INT, 0, 2, NULL, NULL, NULL,
	  "HEST revision: 2 (ACPI 6.5 and later: structures of types 0-11 in ascending type order), 1 up to ACPI 6.4" },
	{ "checksum", "Checksum", 9, 1, HEST_FK_INT, HEST_FA_COMPUTED, 0, NULL, NULL, NULL,
	  "table checksum; computed (giving it overrides, deliberately)" },
	{ "oem_id", "Oem ID", 10, 6, HEST_FK_CHARS, 0, 0, "HESTC ", NULL, NULL,
	  "OEM id, padded with spaces" },
	{ "oem_table_id", "Oem Table ID", 16, 8, HEST_FK_CHARS, 0, 0, "HESTC   ", NULL, NULL,
	  "OEM table id, padded with spaces" },
	{ "oem_revision", "Oem Revision", 24, 4, HEST_FK_INT, 0, 1, NULL, NULL, NULL,
	  "OEM revision" },
	{ "creator_id", "Asl Compiler ID", 28, 4, HEST_FK_CHARS, 0, 0, "HSTC", NULL, NULL,
	  "creator (compiler) id" },
	{ "creator_revision", "Asl Compiler Revision", 32, 4, HEST_FK_INT, 0, 1, NULL, NULL, NULL,
	  "creator (compiler) revision" },
	{ "error_source_count", "Error Source Count", 36, 4, HEST_FK_INT, HEST_FA_COMPUTED, 0, NULL, NULL, NULL,
	  "number of error sources; computed (giving it overrides, deliberately)" },
};
const struct hest_struct_desc hest_desc_header = {
	"table", "Hardware Error Source Table", -1, 40, header_f, N(header_f),
	"ACPI table header (36 bytes) and the error source count"
};

/* --- error sources ---------------------------------------------------- */

#define F_TYPE { "type", "Subtable Type", 0, 2, HEST_FK_INT, HEST_FA_TYPE, 0, NULL, NULL, NULL, \
		 "error source type (set by `type:`)" }
#define F_ID { "id", "Source Id", 2, 2, HEST_FK_INT, HEST_FA_REQUIRED, 0, NULL, NULL, NULL, \
	       "error source id, unique in the table" }
#define F_ENABLED(off) { "enabled", "Enabled", off, 1, HEST_FK_ENUM, 0, 1, NULL, &bool_names, NULL, \
			 "source enabled (true/false or 0/1)" }
#define F_RECORDS(off) { "records_to_preallocate", "Records To Preallocate", off, 4, HEST_FK_INT, 0, 1, \
			 NULL, NULL, NULL, "error records the OS preallocates, at least 1" }
#define F_MAXSEC(off) { "max_sections_per_record", "Max Sections Per Record", off, 4, HEST_FK_INT, 0, 1, \
			NULL, NULL, NULL, "sections one record may hold, at least 1" }
#define F_RES(off, sz, lbl) { "reserved_" #off, lbl, off, sz, HEST_FK_RESERVED, 0, 0, NULL, NULL, NULL, \
			      "reserved, zero" }
#define F_FLAGS(off, names) { "flags", "Flags (decoded below)", off, 1, HEST_FK_FLAGS, 0, 0, NULL, names, \
			      NULL, "source flags" }
#define F_NOTIFY(off, attr) { "notification", "Notify", off, 28, HEST_FK_STRUCT, attr, 0, NULL, NULL, \
			      &hest_desc_notification, "hardware error notification" }
#define F_BANKCOUNT(off) { "num_banks", "Num Hardware Banks", off, 1, HEST_FK_INT, \
			   HEST_FA_COMPUTED | HEST_FA_COUNT, 0, NULL, NULL, NULL, \
			   "number of MCA banks; computed from banks (giving it overrides, deliberately)" }
#define F_BANKS(off) { "banks", "Bank", off, 28, HEST_FK_ARRAY, 0, 0, NULL, NULL, &hest_desc_bank, \
		       "MCA banks" }

static const struct hest_field mce_f[] = {
	F_TYPE, F_ID, F_RES(4, 2, "Reserved1"), F_FLAGS(6, &mc_flags), F_ENABLED(7), F_RECORDS(8), F_MAXSEC(12),
	{ "global_capability_data", "Global Capability Data", 16, 8, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "value for IA32_MCG_CAP" },
	{ "global_control_data", "Global Control Data", 24, 8, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "value the OS programs into IA32_MCG_CTL" },
	F_BANKCOUNT(32), F_RES(33, 7, "Reserved2"), F_BANKS(40),
};

/* CMC (type 1) and deferred MC (type 11) share one layout. */
static const struct hest_field cmc_f[] = {
	F_TYPE, F_ID, F_RES(4, 2, "Reserved1"), F_FLAGS(6, &mc_flags), F_ENABLED(7), F_RECORDS(8), F_MAXSEC(12),
	F_NOTIFY(16, 0), F_BANKCOUNT(44), F_RES(45, 3, "Reserved2"), F_BANKS(48),
};

static const struct hest_field nmi_f[] = {
	F_TYPE, F_ID, F_RES(4, 4, "Reserved"), F_RECORDS(8), F_MAXSEC(12),
	{ "max_raw_data_length", "Max Raw Data Length", 16, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "largest raw data an error record may carry" },
};

#define AER_COMMON \
	F_TYPE, F_ID, F_RES(4, 2, "Reserved"), F_FLAGS(6, &aer_flags), F_ENABLED(7), F_RECORDS(8), F_MAXSEC(12), \
	{ "bus", "Bus", 16, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL, \
	  "bits 7:0 bus, 31:8 PCI segment (ignored when flags has global)" }, \
	{ "device", "Device", 20, 2, HEST_FK_INT, 0, 0, NULL, NULL, NULL, "PCI device number" }, \
	{ "function", "Function", 22, 2, HEST_FK_INT, 0, 0, NULL, NULL, NULL, "PCI function number" }, \
	{ "device_control", "DeviceControl", 24, 2, HEST_FK_INT, 0, 0, NULL, NULL, NULL, \
	  "value for the PCIe Device Control register" }, \
	F_RES(26, 2, "Reserved"), \
	{ "uncorrectable_mask", "Uncorrectable Mask", 28, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL, \
	  "value for the AER Uncorrectable Error Mask register" }, \
	{ "uncorrectable_severity", "Uncorrectable Severity", 32, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL, \
	  "value for the AER Uncorrectable Error Severity register" }, \
	{ "correctable_mask", "Correctable Mask", 36, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL, \
	  "value for the AER Correctable Error Mask register" }, \
	{ "advanced_capabilities", "Advanced Capabilities", 40, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL, \
	  "value for the AER Capabilities and Control register" }

static const struct hest_field aer_root_f[] = {
	AER_COMMON,
	{ "root_error_command", "Root Error Command", 44, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "value for the AER Root Error Command register" },
};
static const struct hest_field aer_dev_f[] = { AER_COMMON };
static const struct hest_field aer_bridge_f[] = {
	AER_COMMON,
	{ "secondary_uncorrectable_mask", "2nd Uncorrectable Mask", 44, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL,
	  "value for the Secondary Uncorrectable Error Mask register" },
	{ "secondary_uncorrectable_severity", "2nd Uncorrectable Severity", 48, 4, HEST_FK_INT, 0, 0, NULL, NULL,
	  NULL, "value for the Secondary Uncorrectable Error Severity register" },
	{ "secondary_advanced_capabilities", "2nd Advanced Capabilities", 52, 4, HEST_FK_INT, 0, 0, NULL, NULL,
	  NULL, "value for the Secondary Error Capabilities and Control register" },
};

#define GHES_COMMON \
	F_TYPE, F_ID, \
	{ "related_source_id", "Related Source Id", 4, 2, HEST_FK_INT, 0, 0xffff, NULL, NULL, NULL, \
	  "id of the source this one is an alternate for, 0xffff for none" }, \
	F_RES(6, 1, "Reserved"), F_ENABLED(7), F_RECORDS(8), F_MAXSEC(12), \
	{ "max_raw_data_length", "Max Raw Data Length", 16, 4, HEST_FK_INT, 0, 0, NULL, NULL, NULL, \
	  "largest raw data a record may carry, in bytes" }, \
	{ "error_status_address", "Error Status Address", 20, 12, HEST_FK_STRUCT, 0, 0, NULL, NULL, \
	  &hest_desc_gas, "GAS of the error status address register" }, \
	F_NOTIFY(32, HEST_FA_REQUIRED), \
	{ "error_block_length", "Error Status Block Length", 60, 4, HEST_FK_INT, HEST_FA_BLOCKLEN, 0, NULL, \
	  NULL, NULL, "error status block size; defaults to placement.block_size; `auto`: the worst case of `sections:`" }

static const struct hest_field ghes_f[] = { GHES_COMMON };
static const struct hest_field ghes2_f[] = {
	GHES_COMMON,
	{ "read_ack", "Read Ack", 64, 28, HEST_FK_STRUCT, 0, 0, NULL, NULL, &hest_desc_read_ack,
	  "read-ack register and masks" },
};

static const struct hest_struct_desc d_mce = {
	"mce", "IA-32 Machine Check Exception", 0, 40, mce_f, N(mce_f), "IA-32 machine check exception"
};
static const struct hest_struct_desc d_cmc = {
	"cmc", "IA-32 Corrected Machine Check", 1, 48, cmc_f, N(cmc_f), "IA-32 corrected machine check"
};
static const struct hest_struct_desc d_nmi = {
	"nmi", "IA-32 Non-Maskable Interrupt", 2, 20, nmi_f, N(nmi_f), "IA-32 NMI error source"
};
static const struct hest_struct_desc d_aer_root = {
	"aer-root-port", "PCI Express Root Port AER", 6, 48, aer_root_f, N(aer_root_f), "PCIe root port AER"
};
static const struct hest_struct_desc d_aer_dev = {
	"aer-endpoint", "PCI Express AER (AER Endpoint)", 7, 44, aer_dev_f, N(aer_dev_f), "PCIe device AER"
};
static const struct hest_struct_desc d_aer_bridge = {
	"aer-bridge", "PCI Express/PCI-X Bridge AER", 8, 56, aer_bridge_f, N(aer_bridge_f),
	"PCIe/PCI-X bridge AER"
};
static const struct hest_struct_desc d_ghes = {
	"ghes", "Generic Hardware Error Source", 9, 64, ghes_f, N(ghes_f), "generic hardware error source"
};
static const struct hest_struct_desc d_ghes2 = {
	"ghes-v2", "Generic Hardware Error Source V2", 10, 92, ghes2_f, N(ghes2_f),
	"generic hardware error source version 2 (read-ack)"
};
static const struct hest_struct_desc d_dmc = {
	"deferred-mc", "IA-32 Deferred Machine Check", 11, 48, cmc_f, N(cmc_f), "IA-32 deferred machine check"
};

static const struct hest_struct_desc *const source_descs[] = {
	&d_mce, &d_cmc, &d_nmi, &d_aer_root, &d_aer_dev, &d_aer_bridge, &d_ghes, &d_ghes2, &d_dmc,
};

const struct hest_struct_desc *const *hest_source_descs(size_t *n)
{
	*n = N(source_descs);
	return source_descs;
}

const struct hest_struct_desc *hest_source_desc_by_type(unsigned type)
{
	for (size_t i = 0; i < N(source_descs); i++)
		if ((unsigned)source_descs[i]->type == type)
			return source_descs[i];
	return NULL;
}

const struct hest_struct_desc *hest_source_desc_by_key(const char *key)
{
	for (size_t i = 0; i < N(source_descs); i++)
		if (strcmp(source_descs[i]->key, key) == 0)
			return source_descs[i];
	return NULL;
}

const struct hest_field *hest_field_find(const struct hest_struct_desc *d, const char *key)
{
	/* once per key of every source: the first byte rules out most rows */
	for (size_t i = 0; i < d->nfields; i++)
		if (d->fields[i].key[0] == key[0] && strcmp(d->fields[i].key, key) == 0)
			return &d->fields[i];
	return NULL;
}

const struct hest_field *hest_field_path(const struct hest_struct_desc *d, const char *path,
					 size_t *abs_offset)
{
	size_t off = 0;
	for (;;) {
		const char *dot = strchr(path, '.');
		size_t len = dot ? (size_t)(dot - path) : strlen(path);
		const struct hest_field *f = NULL;
		for (size_t i = 0; i < d->nfields && !f; i++) /* the first byte rules out most rows; keys are unique */
			if (d->fields[i].key[0] == path[0] && strncmp(d->fields[i].key, path, len) == 0 &&
			    d->fields[i].key[len] == '\0')
				f = &d->fields[i];
		if (!f)
			return NULL;
		off += f->offset;
		if (!dot) {
			if (abs_offset)
				*abs_offset = off;
			return f;
		}
		if (f->kind != HEST_FK_STRUCT)
			return NULL;
		d = f->sub;
		path = dot + 1;
	}
}

const char *hest_name_of(const struct hest_names *names, uint64_t value)
{
	if (!names)
		return NULL;
	for (size_t i = 0; i < names->n; i++)
		if (names->v[i].value == value)
			return names->v[i].name;
	return NULL;
}

bool hest_name_lookup(const struct hest_names *names, const char *name, size_t len, uint64_t *value)
{
	if (!names)
		return false;
	for (size_t i = 0; i < names->n; i++)
		if (strlen(names->v[i].name) == len && memcmp(names->v[i].name, name, len) == 0) {
			*value = names->v[i].value;
			return true;
		}
	return false;
}

bool hest_all_zero(const void *p, size_t n)
{
	/* eight bytes at a time: decoding and validation ask this of every
	 * structure */
	const uint8_t *b = p;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, b + i, 8);
		if (w)
			return false;
	}
	for (; i < n; i++)
		if (b[i])
			return false;
	return true;
}

uint8_t hest_byte_sum(const void *p, size_t n)
{
	/* eight bytes at a time: the even and the odd bytes added into four
	 * 16-bit lanes, folded every 128 words (510 * 128 < 65536) */
	const uint8_t *b = p;
	uint64_t total = 0;
	const uint64_t even = UINT64_C(0x00FF00FF00FF00FF);
	while (n >= 8) {
		size_t words = n / 8 < 128 ? n / 8 : 128;
		uint64_t lanes = 0;
		for (size_t i = 0; i < words; i++, b += 8) {
			uint64_t w;
			memcpy(&w, b, 8);
			lanes += (w & even) + (w >> 8 & even);
		}
		n -= words * 8;
		total += (lanes & 0xFFFF) + (lanes >> 16 & 0xFFFF) + (lanes >> 32 & 0xFFFF) + (lanes >> 48);
	}
	while (n--)
		total += *b++;
	return (uint8_t)total;
}

static uint64_t le32(const uint8_t *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

uint64_t hest_get_le(const uint8_t *p, unsigned size)
{
	/* the widths fields have, spelled out (a compiler makes each one load) */
	switch (size) {
	case 1:
		return p[0];
	case 2:
		return (uint64_t)p[0] | (uint64_t)p[1] << 8;
	case 4:
		return le32(p);
	case 8:
		return le32(p) | le32(p + 4) << 32;
	default: {
		uint64_t v = 0;
		for (unsigned i = size; i-- > 0;)
			v = (v << 8) | p[i];
		return v;
	}
	}
}

void hest_put_le(uint8_t *p, unsigned size, uint64_t v)
{
	for (unsigned i = 0; i < size; i++) {
		p[i] = (uint8_t)(v & 0xff);
		v >>= 8;
	}
}

uint64_t hest_field_max(unsigned size)
{
	return size >= 8 ? UINT64_MAX : ((uint64_t)1 << (8 * size)) - 1;
}

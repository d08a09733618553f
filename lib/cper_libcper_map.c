/* The mapping between libhest's CPER descriptor tables and libcper's JSON
 * (openbmc/libcper, specification/json/ and the C that writes and reads it:
 * cper-parse.c, cper-utils.c, sections/cper-section-*.c).  Data only: the
 * writer (emit/cper_libcper.c) and the reader (parser/cper_libcper.c) walk
 * these rows.  docs/cper.md ("libcper's JSON") says how to add a kind. */
#include <string.h>
#include <hest/cper_libcper.h>

#define N(arr) (sizeof(arr) / sizeof((arr)[0]))
#define NAMES(arr) { arr, N(arr) }

/* Row helpers: whole field, bit range, flags. */
#define R(desc, field, path, form) { desc, field, path, form, 0, 0, 0, NULL, NULL }
#define RF(desc, field, path, form, fl) { desc, field, path, form, fl, 0, 0, NULL, NULL }
#define RB(desc, field, path, form, sh, w) { desc, field, path, form, 0, sh, w, NULL, NULL }
#define RN(desc, field, path, form, names, unknown) { desc, field, path, form, 0, 0, 0, names, unknown }
#define RNF(desc, field, path, form, fl, names, unknown) { desc, field, path, form, fl, 0, 0, names, unknown }
#define RBN(desc, field, path, form, sh, w, names, unknown) { desc, field, path, form, 0, sh, w, names, unknown }

/* --- value names, as libcper spells them ---------------------------------- */

/* Bit names of objects of booleans, bit 0 first (libcper bitfield_to_ir). */
#define BIT(name) { name, 0, NULL }

static const struct hest_name descriptor_flags_v[] = {
	BIT("primary"), BIT("containmentWarning"), BIT("reset"), BIT("errorThresholdExceeded"),
	BIT("resourceNotAccessible"), BIT("latentError"), BIT("propagated"), BIT("overflow"),
};
static const struct hest_names descriptor_flags = NAMES(descriptor_flags_v);

static const struct hest_name descriptor_valid_v[] = { BIT("fruIDValid"), BIT("fruStringValid") };
static const struct hest_names descriptor_valid = NAMES(descriptor_valid_v);

/* cper-parse.c: CPER_HEADER_FLAG_TYPES (integer_to_readable_pair, "Unknown" otherwise) */
static const struct hest_name header_flags_v[] = {
	{ "HW_ERROR_FLAGS_RECOVERED", 1, NULL },
	{ "HW_ERROR_FLAGS_PREVERR", 2, NULL },
	{ "HW_ERROR_FLAGS_SIMULATED", 4, NULL },
};
static const struct hest_names header_flags = NAMES(header_flags_v);

/* cper-parse.c cper_header_to_ir(): readable notification types */
static const struct hest_name notify_v[] = {
	{ "CMC", 0, "cmc" }, { "CPE", 0, "cpe" }, { "MCE", 0, "mce" }, { "PCIe", 0, "pcie" },
	{ "INIT", 0, "init" }, { "NMI", 0, "nmi" }, { "Boot", 0, "boot" }, { "DMAr", 0, "dmar" },
	{ "SEA", 0, "sea" }, { "SEI", 0, "sei" }, { "PEI", 0, "pei" },
};
static const struct hest_names notify_names = NAMES(notify_v);

/* UEFI 2.10 N.2.5 memory error types (libcper MEMORY_ERROR_TYPES) */
static const struct hest_name mem_type_v[] = {
	{ "Unknown", 0, NULL }, { "No Error", 1, NULL }, { "Single-bit ECC", 2, NULL },
	{ "Multi-bit ECC", 3, NULL }, { "Single-symbol ChipKill ECC", 4, NULL },
	{ "Multi-symbol ChipKill ECC", 5, NULL }, { "Master Abort", 6, NULL }, { "Target Abort", 7, NULL },
	{ "Parity Error", 8, NULL }, { "Watchdog Timeout", 9, NULL }, { "Invalid Address", 10, NULL },
	{ "Mirror Broken", 11, NULL }, { "Memory Sparing", 12, NULL }, { "Scrub Corrected Error", 13, NULL },
	{ "Scrub Uncorrected Error", 14, NULL }, { "Physical Memory Map-out Event", 15, NULL },
};
static const struct hest_names mem_type = NAMES(mem_type_v);

/* UEFI 2.10 N.2.4.1.1 generic error status types (libcper CPER_GENERIC_ERROR_TYPES, 18 of them) */
static const struct hest_name err_status_v[] = {
	{ "ERR_INTERNAL", 1, NULL }, { "ERR_BUS", 16, NULL }, { "ERR_MEM", 4, NULL },
	{ "ERR_TLB", 5, NULL }, { "ERR_CACHE", 6, NULL }, { "ERR_FUNCTION", 7, NULL },
	{ "ERR_SELFTEST", 8, NULL }, { "ERR_FLOW", 9, NULL }, { "ERR_MAP", 17, NULL },
	{ "ERR_IMPROPER", 18, NULL }, { "ERR_UNIMPL", 19, NULL }, { "ERR_LOL", 20, NULL },
	{ "ERR_RESPONSE", 21, NULL }, { "ERR_PARITY", 22, NULL }, { "ERR_PROTOCOL", 23, NULL },
	{ "ERR_ERROR", 24, NULL }, { "ERR_TIMEOUT", 25, NULL }, { "ERR_POISONED", 26, NULL },
};
static const struct hest_names err_status = NAMES(err_status_v);

/* UEFI 2.10 N.2.4.1 (libcper GENERIC_PROC_TYPES, GENERIC_ISA_TYPES, ...) */
static const struct hest_name proc_type_v[] = { { "IA32/X64", 0, NULL }, { "IA64", 1, NULL }, { "ARM", 2, NULL } };
static const struct hest_names proc_type = NAMES(proc_type_v);
static const struct hest_name proc_isa_v[] = {
	{ "IA32", 0, NULL }, { "IA64", 1, NULL }, { "X64", 2, NULL }, { "ARM A32/T32", 3, NULL }, { "ARM A64", 4, NULL },
};
static const struct hest_names proc_isa = NAMES(proc_isa_v);
static const struct hest_name proc_err_v[] = {
	{ "Unknown", 0, NULL }, { "Cache Error", 1, NULL }, { "TLB Error", 2, NULL }, { "Bus Error", 4, NULL },
	{ "Micro-Architectural Error", 8, NULL },
};
static const struct hest_names proc_err = NAMES(proc_err_v);
static const struct hest_name proc_op_v[] = {
	{ "Unknown or Generic", 0, NULL }, { "Data Read", 1, NULL }, { "Data Write", 2, NULL },
	{ "Instruction Execution", 3, NULL },
};
static const struct hest_names proc_op = NAMES(proc_op_v);
static const struct hest_name proc_flags_v[] = { BIT("restartable"), BIT("preciseIP"), BIT("overflow"), BIT("corrected") };
static const struct hest_names proc_flags = NAMES(proc_flags_v);

/* UEFI 2.10 N.2.10 (libcper FIRMWARE_ERROR_RECORD_TYPES) */
static const struct hest_name fw_type_v[] = {
	{ "IPF SAL Error Record", 0, NULL }, { "SOC Firmware Error Record (Type1 Legacy)", 1, NULL },
	{ "SOC Firmware Error Record (Type2)", 2, NULL },
};
static const struct hest_names fw_type = NAMES(fw_type_v);

/* UEFI 2.10 N.2.7 port types (libcper PCIE_ERROR_PORT_TYPES) */
static const struct hest_name port_v[] = {
	{ "PCI Express End Point", 0, NULL }, { "Legacy PCI End Point Device", 1, NULL },
	{ "Root Port", 4, NULL }, { "Upstream Switch Port", 5, NULL }, { "Downstream Switch Port", 6, NULL },
	{ "PCI Express to PCI/PCI-X Bridge", 7, NULL }, { "PCI/PCI-X Bridge to PCI Express Bridge", 8, NULL },
	{ "Root Complex Integrated Endpoint Device", 9, NULL }, { "Root Complex Event Collector", 10, NULL },
};
static const struct hest_names port_type = NAMES(port_v);

/* Validation bits, bit 0 first, as the section schemas name them. */
static const struct hest_name mem_valid_v[] = {
	BIT("errorStatusValid"), BIT("physicalAddressValid"), BIT("physicalAddressMaskValid"), BIT("nodeValid"),
	BIT("cardValid"), BIT("moduleValid"), BIT("bankValid"), BIT("deviceValid"), BIT("rowValid"),
	BIT("columnValid"), BIT("bitPositionValid"), BIT("platformRequestorIDValid"),
	BIT("platformResponderIDValid"), BIT("memoryPlatformTargetValid"), BIT("memoryErrorTypeValid"),
	BIT("rankNumberValid"), BIT("cardHandleValid"), BIT("moduleHandleValid"), BIT("extendedRowBitsValid"),
	BIT("bankGroupValid"), BIT("bankAddressValid"), BIT("chipIdentificationValid"),
};
static const struct hest_names mem_valid = NAMES(mem_valid_v);
static const struct hest_name mem2_valid_v[] = {
	BIT("errorStatusValid"), BIT("physicalAddressValid"), BIT("physicalAddressMaskValid"), BIT("nodeValid"),
	BIT("cardValid"), BIT("moduleValid"), BIT("bankValid"), BIT("deviceValid"), BIT("rowValid"),
	BIT("columnValid"), BIT("rankValid"), BIT("bitPositionValid"), BIT("chipIDValid"),
	BIT("memoryErrorTypeValid"), BIT("statusValid"), BIT("requestorIDValid"), BIT("responderIDValid"),
	BIT("targetIDValid"), BIT("cardHandleValid"), BIT("moduleHandleValid"), BIT("bankGroupValid"),
	BIT("bankAddressValid"),
};
static const struct hest_names mem2_valid = NAMES(mem2_valid_v);
static const struct hest_name proc_valid_v[] = {
	BIT("processorTypeValid"), BIT("processorISAValid"), BIT("processorErrorTypeValid"), BIT("operationValid"),
	BIT("flagsValid"), BIT("levelValid"), BIT("cpuVersionValid"), BIT("cpuBrandInfoValid"), BIT("cpuIDValid"),
	BIT("targetAddressValid"), BIT("requestorIDValid"), BIT("responderIDValid"), BIT("instructionIPValid"),
};
static const struct hest_names proc_valid = NAMES(proc_valid_v);
static const struct hest_name pcie_valid_v[] = {
	BIT("portTypeValid"), BIT("versionValid"), BIT("commandStatusValid"), BIT("deviceIDValid"),
	BIT("deviceSerialNumberValid"), BIT("bridgeControlStatusValid"), BIT("capabilityStructureStatusValid"),
	BIT("aerInfoValid"),
};
static const struct hest_names pcie_valid = NAMES(pcie_valid_v);

/* --- kinds ----------------------------------------------------------------- */

/* sectionType.type: libcper's readable names of the section GUIDs. */
static const struct hest_lc_kind kinds[] = {
	{ HEST_CPER_PROC_GENERIC, "GenericProcessor", "Processor Generic" },
	{ HEST_CPER_MEMORY, "Memory", "Platform Memory" },
	{ HEST_CPER_MEMORY2, "Memory2", "Platform Memory 2" },
	{ HEST_CPER_PCIE, "Pcie", "PCIe" },
	{ HEST_CPER_FW_ERROR_REF, "Firmware", "Firmware Error Record Reference" },
	{ HEST_CPER_RAW, "Unknown", "Unknown" },
};

/* --- rows ------------------------------------------------------------------ */

/* The generic error status (UEFI N.2.4.1.1) of a section's error_status
 * field: libcper cper_generic_error_status_to_ir(). */
#define ERROR_STATUS(desc)                                                                        \
	RBN(desc, "error_status", "errorStatus.errorType", HEST_LC_NVP, 8, 8, &err_status,        \
	    "Unknown (Reserved)"),                                                                \
		RB(desc, "error_status", "errorStatus.addressSignal", HEST_LC_BOOL, 16, 1),       \
		RB(desc, "error_status", "errorStatus.controlSignal", HEST_LC_BOOL, 17, 1),       \
		RB(desc, "error_status", "errorStatus.dataSignal", HEST_LC_BOOL, 18, 1),          \
		RB(desc, "error_status", "errorStatus.detectedByResponder", HEST_LC_BOOL, 19, 1), \
		RB(desc, "error_status", "errorStatus.detectedByRequester", HEST_LC_BOOL, 20, 1), \
		RB(desc, "error_status", "errorStatus.firstError", HEST_LC_BOOL, 21, 1),          \
		RB(desc, "error_status", "errorStatus.overflowDroppedLogs", HEST_LC_BOOL, 22, 1)

static const struct hest_lc_row rows[] = {
	/* UEFI N.2.1 record header: cper-json-header.json, cper_header_to_ir() */
	R("record", "revision", "revision", HEST_LC_REVISION),
	R("record", "section_count", "sectionCount", HEST_LC_INT),
	R("record", "severity", "severity", HEST_LC_SEVERITY),
	R("record", "record_length", "recordLength", HEST_LC_INT),
	RF("record", "timestamp", "timestamp", HEST_LC_TIMESTAMP, HEST_LC_IF_VALID),
	{ "record", "timestamp", "timestampIsPrecise", HEST_LC_BOOL, HEST_LC_IF_VALID, 24, 1, NULL, NULL },
	RF("record", "platform_id", "platformID", HEST_LC_GUID, HEST_LC_IF_VALID),
	RF("record", "partition_id", "partitionID", HEST_LC_GUID, HEST_LC_IF_VALID),
	R("record", "creator_id", "creatorID", HEST_LC_GUID),
	R("record", "notification_type", "notificationType.guid", HEST_LC_GUID),
	RNF("record", "notification_type", "notificationType.type", HEST_LC_GUID_NAME, HEST_LC_WRITE_ONLY,
	    &notify_names, "Unknown"),
	R("record", "record_id", "recordID", HEST_LC_INT),
	RN("record", "flags", "flags", HEST_LC_NVP, &header_flags, "Unknown"),
	R("record", "persistence_information", "persistenceInfo", HEST_LC_INT),

	/* UEFI N.2.2 section descriptor: cper-json-section-descriptor.json */
	R("descriptor", "section_offset", "sectionOffset", HEST_LC_INT),
	R("descriptor", "section_length", "sectionLength", HEST_LC_INT),
	R("descriptor", "revision", "revision", HEST_LC_REVISION),
	RN("descriptor", "validation_bits", "validationBits", HEST_LC_BITS, &descriptor_valid, NULL),
	RN("descriptor", "flags", "flags", HEST_LC_BITS, &descriptor_flags, NULL),
	R("descriptor", "section_type", "sectionType.data", HEST_LC_GUID),
	RF("descriptor", "section_type", "sectionType.type", HEST_LC_GUID_NAME, HEST_LC_WRITE_ONLY),
	RF("descriptor", "fru_id", "fruID", HEST_LC_GUID, HEST_LC_IF_VALID),
	R("descriptor", "severity", "severity", HEST_LC_SEVERITY),
	RF("descriptor", "fru_text", "fruText", HEST_LC_TEXT, HEST_LC_IF_VALID),

	/* UEFI N.2.4.1: sections/cper-generic-processor.json */
	RN("processor-generic", "validation_bits", "validationBits", HEST_LC_BITS, &proc_valid, NULL),
	RN("processor-generic", "processor_type", "processorType", HEST_LC_NVP, &proc_type, "Unknown (Reserved)"),
	RN("processor-generic", "processor_isa", "processorISA", HEST_LC_NVP, &proc_isa, "Unknown (Reserved)"),
	RN("processor-generic", "error_type", "errorType", HEST_LC_NVP, &proc_err, "Unknown (Reserved)"),
	RN("processor-generic", "operation", "operation", HEST_LC_NVP, &proc_op, "Unknown (Reserved)"),
	RN("processor-generic", "flags", "flags", HEST_LC_BITS, &proc_flags, NULL),
	R("processor-generic", "level", "level", HEST_LC_INT),
	R("processor-generic", "cpu_version", "cpuVersionInfo", HEST_LC_INT),
	R("processor-generic", "cpu_brand", "cpuBrandString", HEST_LC_TEXT),
	R("processor-generic", "processor_id", "processorID", HEST_LC_INT),
	R("processor-generic", "target_address", "targetAddress", HEST_LC_INT),
	R("processor-generic", "requestor_id", "requestorID", HEST_LC_INT),
	R("processor-generic", "responder_id", "responderID", HEST_LC_INT),
	R("processor-generic", "instruction_ip", "instructionIP", HEST_LC_INT),

	/* UEFI N.2.5: sections/cper-memory.json */
	RN("memory", "validation_bits", "validationBits", HEST_LC_BITS, &mem_valid, NULL),
	ERROR_STATUS("memory"),
	R("memory", "bank", "bank", HEST_LC_BANK),
	RN("memory", "error_type", "memoryErrorType", HEST_LC_NVP, &mem_type, "Unknown (Reserved)"),
	RB("memory", "row_extension", "extended.rowBit16", HEST_LC_BOOL, 0, 1),
	RB("memory", "row_extension", "extended.rowBit17", HEST_LC_BOOL, 1, 1),
	R("memory", "chip_id", "extended.chipIdentification", HEST_LC_INT),
	R("memory", "physical_address", "physicalAddress", HEST_LC_INT),
	RF("memory", "physical_address", "physicalAddressHex", HEST_LC_HEX, HEST_LC_WRITE_ONLY),
	R("memory", "physical_address_mask", "physicalAddressMask", HEST_LC_INT),
	R("memory", "node", "node", HEST_LC_INT),
	R("memory", "card", "card", HEST_LC_INT),
	R("memory", "module", "moduleRank", HEST_LC_INT),
	R("memory", "device", "device", HEST_LC_INT),
	R("memory", "row", "row", HEST_LC_INT),
	R("memory", "column", "column", HEST_LC_INT),
	R("memory", "bit_position", "bitPosition", HEST_LC_INT),
	R("memory", "requestor_id", "requestorID", HEST_LC_INT),
	R("memory", "responder_id", "responderID", HEST_LC_INT),
	R("memory", "target_id", "targetID", HEST_LC_INT),
	R("memory", "rank", "rankNumber", HEST_LC_INT),
	R("memory", "card_handle", "cardSmbiosHandle", HEST_LC_INT),
	R("memory", "module_handle", "moduleSmbiosHandle", HEST_LC_INT),

	/* UEFI N.2.6: sections/cper-memory2.json */
	RN("memory2", "validation_bits", "validationBits", HEST_LC_BITS, &mem2_valid, NULL),
	ERROR_STATUS("memory2"),
	R("memory2", "bank", "bank", HEST_LC_BANK),
	RN("memory2", "error_type", "memoryErrorType", HEST_LC_NVP, &mem_type, "Unknown (Reserved)"),
	R("memory2", "status", "status.value", HEST_LC_INT),
	RF("memory2", "status", "status.state", HEST_LC_STATE, HEST_LC_WRITE_ONLY),
	R("memory2", "physical_address", "physicalAddress", HEST_LC_INT),
	R("memory2", "physical_address_mask", "physicalAddressMask", HEST_LC_INT),
	R("memory2", "node", "node", HEST_LC_INT),
	R("memory2", "card", "card", HEST_LC_INT),
	R("memory2", "module", "module", HEST_LC_INT),
	R("memory2", "device", "device", HEST_LC_INT),
	R("memory2", "row", "row", HEST_LC_INT),
	R("memory2", "column", "column", HEST_LC_INT),
	R("memory2", "bit_position", "bitPosition", HEST_LC_INT),
	R("memory2", "rank", "rank", HEST_LC_INT),
	R("memory2", "chip_id", "chipID", HEST_LC_INT),
	R("memory2", "requestor_id", "requestorID", HEST_LC_INT),
	R("memory2", "responder_id", "responderID", HEST_LC_INT),
	R("memory2", "target_id", "targetID", HEST_LC_INT),
	R("memory2", "card_handle", "cardSmbiosHandle", HEST_LC_INT),
	R("memory2", "module_handle", "moduleSmbiosHandle", HEST_LC_INT),

	/* UEFI N.2.7: sections/cper-pcie.json, cper-section-pcie.c */
	RN("pcie", "validation_bits", "validationBits", HEST_LC_BITS, &pcie_valid, NULL),
	RN("pcie", "port_type", "portType", HEST_LC_NVP, &port_type, "Unknown"),
	R("pcie", "version_minor", "version.minor", HEST_LC_BCD),
	R("pcie", "version_major", "version.major", HEST_LC_BCD),
	R("pcie", "command", "commandStatus.commandRegister", HEST_LC_INT),
	R("pcie", "status", "commandStatus.statusRegister", HEST_LC_INT),
	R("pcie", "vendor_id", "deviceID.vendorID", HEST_LC_INT),
	R("pcie", "device_id", "deviceID.deviceID", HEST_LC_INT),
	{ "pcie", "device_id", "deviceID.deviceIDHex", HEST_LC_HEX, HEST_LC_WRITE_ONLY, 0, 0, NULL, "%0X" },
	R("pcie", "class_code", "deviceID.classCode", HEST_LC_BE),
	R("pcie", "function", "deviceID.functionNumber", HEST_LC_INT),
	R("pcie", "device", "deviceID.deviceNumber", HEST_LC_INT),
	R("pcie", "segment", "deviceID.segmentNumber", HEST_LC_INT),
	R("pcie", "bus", "deviceID.primaryOrDeviceBusNumber", HEST_LC_INT),
	R("pcie", "secondary_bus", "deviceID.secondaryBusNumber", HEST_LC_INT),
	R("pcie", "slot", "deviceID.slotNumber", HEST_LC_INT),
	R("pcie", "serial_number", "deviceSerialNumber", HEST_LC_INT),
	R("pcie", "bridge_secondary_status", "bridgeControlStatus.secondaryStatusRegister", HEST_LC_INT),
	R("pcie", "bridge_control", "bridgeControlStatus.controlRegister", HEST_LC_INT),
	R("pcie", "capability", "capabilityStructure.data", HEST_LC_BASE64),
	R("pcie", "aer_info", "aerInfo.data", HEST_LC_BASE64),
	/* the AER registers libcper decodes from the bytes (aer_info_registers) */
	{ "pcie", "aer_info", "aerInfo.capability_header", HEST_LC_BYTES_INT, 0, 0, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.uncorrectable_error_status", HEST_LC_BYTES_INT, 0, 4, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.uncorrectable_error_status_hex", HEST_LC_BYTES_INT, 0, 4, 4, NULL, "%08X" },
	{ "pcie", "aer_info", "aerInfo.uncorrectable_error_mask", HEST_LC_BYTES_INT, 0, 8, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.uncorrectable_error_severity", HEST_LC_BYTES_INT, 0, 12, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.correctable_error_status", HEST_LC_BYTES_INT, 0, 16, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.correctable_error_status_hex", HEST_LC_BYTES_INT, 0, 16, 4, NULL, "%08X" },
	{ "pcie", "aer_info", "aerInfo.correctable_error_mask", HEST_LC_BYTES_INT, 0, 20, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.capabilites_control", HEST_LC_BYTES_INT, 0, 24, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.tlp_header_0", HEST_LC_BYTES_INT, 0, 28, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.tlp_header_1", HEST_LC_BYTES_INT, 0, 32, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.tlp_header_2", HEST_LC_BYTES_INT, 0, 36, 4, NULL, NULL },
	{ "pcie", "aer_info", "aerInfo.tlp_header_3", HEST_LC_BYTES_INT, 0, 40, 4, NULL, NULL },

	/* UEFI N.2.10: sections/cper-firmware.json */
	RN("fw-error-ref", "record_type", "errorRecordType", HEST_LC_NVP, &fw_type, "Unknown"),
	R("fw-error-ref", "revision", "revision", HEST_LC_INT),
	R("fw-error-ref", "record_identifier", "recordID", HEST_LC_INT),
	R("fw-error-ref", "record_identifier_guid", "recordIDGUID", HEST_LC_GUID),

	/* any other section: sections/cper-unknown.json (cper_buf_section_to_ir) */
	R("raw", NULL, "data", HEST_LC_BASE64),
};

const struct hest_lc_row *hest_lc_rows(size_t *n)
{
	*n = N(rows);
	return rows;
}

const struct hest_lc_kind *hest_lc_kinds(size_t *n)
{
	*n = N(kinds);
	return kinds;
}

const struct hest_lc_kind *hest_lc_kind_of(enum hest_cper_kind kind)
{
	for (size_t i = 0; i < N(kinds); i++)
		if (kinds[i].kind == kind)
			return &kinds[i];
	return NULL;
}

const struct hest_lc_kind *hest_lc_kind_by_key(const char *key, size_t len)
{
	for (size_t i = 0; i < N(kinds); i++)
		if (strlen(kinds[i].key) == len && memcmp(kinds[i].key, key, len) == 0)
			return &kinds[i];
	return NULL;
}

const char *hest_lc_severity_name(uint64_t v)
{
	static const char *const names[] = { "Recoverable", "Fatal", "Corrected", "Informational" };
	return v < 4 ? names[v] : "Unknown";
}

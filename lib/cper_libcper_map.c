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


/* --- the kinds without arrays of structures (CXL, CCIX, DMAr, PCI bus, Ampere,
 * FRU memory poison): libcper sections/cper-section-*.c and *.h of its
 * complete-form generation, specification/json/sections/ --------------------- */

/* cper-section-cxl-protocol.h */
static const struct hest_name cxl_prot_valid_v[] = {
	BIT("cxlAgentTypeValid"), BIT("cxlAgentAddressValid"), BIT("deviceIDValid"), BIT("deviceSerialValid"),
	BIT("capabilityStructureValid"), BIT("cxlDVSECValid"), BIT("cxlErrorLogValid"),
};
static const struct hest_names cxl_prot_valid = NAMES(cxl_prot_valid_v);
static const struct hest_name cxl_agent_v[] = { { "CXL 1.1 Device", 0, NULL }, { "CXL 1.1 Host Downstream Port", 1, NULL } };
static const struct hest_names cxl_agent = NAMES(cxl_agent_v);

/* cper-section-cxl-component.h: one form for every CXL component event */
static const struct hest_name cxl_comp_valid_v[] = {
	BIT("deviceIDValid"), BIT("deviceSerialValid"), BIT("cxlComponentEventLogValid"),
};
static const struct hest_names cxl_comp_valid = NAMES(cxl_comp_valid_v);

/* cper-section-ccix-per.h */
static const struct hest_name ccix_valid_v[] = { BIT("ccixSourceIDValid"), BIT("ccixPortIDValid"), BIT("ccixPERLogValid") };
static const struct hest_names ccix_valid = NAMES(ccix_valid_v);

/* cper-section-dmar-generic.h (integer_to_readable_pair_with_desc: the
 * label is the "description"); libcper's access and architecture types are
 * its own: 0 "DMA Write", 1 "DMA Read"; 0 "VT-d", 1 "IOMMU" */
static const struct hest_name dmar_reason_v[] = {
	{ "DMT Entry Missing", 1, "Domain mapping table entry is not present." },
	{ "DMT Entry Invalid", 2, "Invalid domain mapping table entry." },
	{ "DMT Access Error", 3, "DMAr unit's attempt to access the domain mapping table resulted in an error." },
	{ "DMT Reserved Bit Invalid", 4, "Reserved bit set to non-zero value in the domain mapping table." },
	{ "DMA Address Out of Bounds", 5, "DMA request to access an address beyond the device address width." },
	{ "Invalid Read/Write", 6, "Invalid read or write access." },
	{ "Invalid Device Request", 7, "Invalid device request." },
	{ "ATT Access Error", 8, "DMAr unit's attempt to access the address translation table resulted in an error." },
	{ "ATT Reserved Bit Invalid", 9, "Reserved bit set to non-zero value in the address translation table." },
	{ "Illegal Command", 10, "Illegal command error." },
	{ "Command Buffer Access Error", 11, "DMAr unit's attempt to access the command buffer resulted in an error." },
};
static const struct hest_names dmar_reason = NAMES(dmar_reason_v);
static const struct hest_name dmar_access_v[] = { { "DMA Write", 0, NULL }, { "DMA Read", 1, NULL } };
static const struct hest_names dmar_access = NAMES(dmar_access_v);
static const struct hest_name dmar_addr_v[] = { { "Untranslated Request", 0, NULL }, { "Translation Request", 1, NULL } };
static const struct hest_names dmar_addr = NAMES(dmar_addr_v);
static const struct hest_name dmar_arch_v[] = { { "VT-d", 0, NULL }, { "IOMMU", 1, NULL } };
static const struct hest_names dmar_arch = NAMES(dmar_arch_v);

/* cper-section-dmar-vtd.h VTD_FAULT_RECORD_TYPES */
static const struct hest_name vtd_fault_type_v[] = { { "Write Request", 0, NULL }, { "Read/AtomicOp Request", 1, NULL } };
static const struct hest_names vtd_fault_type = NAMES(vtd_fault_type_v);

/* cper-section-pci-bus.h */
static const struct hest_name pci_bus_valid_v[] = {
	BIT("errorStatusValid"), BIT("errorTypeValid"), BIT("busIDValid"), BIT("busAddressValid"), BIT("busDataValid"),
	BIT("commandValid"), BIT("requestorIDValid"), BIT("completerIDValid"), BIT("targetIDValid"),
};
static const struct hest_names pci_bus_valid = NAMES(pci_bus_valid_v);
static const struct hest_name pci_bus_type_v[] = {
	{ "Unknown/OEM Specific Error", 0, NULL }, { "Data Parity Error", 1, NULL }, { "System Error", 2, NULL },
	{ "Master Abort", 3, NULL }, { "Bus Timeout/No Device Present (No DEVSEL#)", 4, NULL },
	{ "Master Data Parity Error", 5, NULL }, { "Address Parity Error", 6, NULL }, { "Command Parity Error", 7, NULL },
};
static const struct hest_names pci_bus_type = NAMES(pci_bus_type_v);
/* cper-section-pci-bus.c: bit 56 of the bus command */
static const struct hest_name pci_bus_cmd_v[] = { { "PCI", 0, NULL }, { "PCI-X", 1, NULL } };
static const struct hest_names pci_bus_cmd = NAMES(pci_bus_cmd_v);

/* --- kinds ----------------------------------------------------------------- */

/* sectionType.type: libcper's readable names of the section GUIDs. */
static const struct hest_lc_kind kinds[] = {
	{ HEST_CPER_PROC_GENERIC, "GenericProcessor", "Processor Generic" },
	{ HEST_CPER_MEMORY, "Memory", "Platform Memory" },
	{ HEST_CPER_MEMORY2, "Memory2", "Platform Memory 2" },
	{ HEST_CPER_PCIE, "Pcie", "PCIe" },
	{ HEST_CPER_FW_ERROR_REF, "Firmware", "Firmware Error Record Reference" },

	/* the kinds without arrays of structures (cper-section.c section_definitions[]);
	 * libcper tells its CXL component events apart by the section type GUID */
	{ HEST_CPER_CXL_PROTOCOL, "CxlProtocol", "CXL Protocol Error" },
	{ HEST_CPER_CXL_GEN_MEDIA, "CxlComponent", "CXL General Media Component Error" },
	{ HEST_CPER_CXL_DRAM, "CxlComponent", "CXL DRAM Component Error" },
	{ HEST_CPER_CXL_MEM_MODULE, "CxlComponent", "CXL Memory Module Component Error" },
	{ HEST_CPER_CCIX_PER, "CcixPer", "CCIX PER Log Error" },
	{ HEST_CPER_DMAR_GENERIC, "GenericDmar", "DMAr Generic" },
	{ HEST_CPER_DMAR_VTD, "VtdDmar", "Intel VT for Directed I/O Specific DMAr" },
	{ HEST_CPER_DMAR_IOMMU, "IommuDmar", "IOMMU Specific DMAr" },
	{ HEST_CPER_PCI_BUS, "PciBus", "PCI/PCI-X Bus" },
	{ HEST_CPER_AMPERE, "Ampere", "Ampere" },
	/* libcper has no decoder for it: its GUID and bytes, as for any GUID it does not know */
	{ HEST_CPER_FRU_POISON, "Unknown", "Unknown" },

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

/* The CXL component event header (cper-section-cxl-component.c), the same for
 * every event kind. */
#define CXL_COMPONENT(desc)                                                                          \
	R(desc, "length", "length", HEST_LC_INT),                                                    \
		RN(desc, "validation_bits", "validationBits", HEST_LC_BITS, &cxl_comp_valid, NULL),  \
		R(desc, "vendor_id", "deviceID.vendorID", HEST_LC_INT),                              \
		R(desc, "device_id", "deviceID.deviceID", HEST_LC_INT),                              \
		R(desc, "function", "deviceID.functionNumber", HEST_LC_INT),                         \
		R(desc, "device", "deviceID.deviceNumber", HEST_LC_INT),                             \
		R(desc, "bus", "deviceID.busNumber", HEST_LC_INT),                                   \
		R(desc, "segment", "deviceID.segmentNumber", HEST_LC_INT),                           \
		R(desc, "slot", "deviceID.slotNumber", HEST_LC_INT),                                 \
		R(desc, "serial_number", "deviceSerial", HEST_LC_INT),                               \
		{ desc, NULL, "cxlComponentEventLog.data", HEST_LC_BASE64, 0, 32, 0, NULL, NULL }

/* DMAr page table entries, level 6 first (cper-section-dmar-vtd.c, -iommu.c). */
#define PAGE_TABLE(desc)                                                          \
	R(desc, "pte_l6", "pageTableEntry_Level6", HEST_LC_INT),                  \
		R(desc, "pte_l5", "pageTableEntry_Level5", HEST_LC_INT),          \
		R(desc, "pte_l4", "pageTableEntry_Level4", HEST_LC_INT),          \
		R(desc, "pte_l3", "pageTableEntry_Level3", HEST_LC_INT),          \
		R(desc, "pte_l2", "pageTableEntry_Level2", HEST_LC_INT),          \
		R(desc, "pte_l1", "pageTableEntry_Level1", HEST_LC_INT)

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

	/* --- the kinds without arrays of structures -------------------------------- */

	/* UEFI N.2.13: sections/cper-cxl-protocol.json, cper-section-cxl-protocol.c;
	 * the agent address, serial number and capability structure by agent type (whens[]) */
	RN("cxl-protocol", "validation_bits", "validationBits", HEST_LC_BITS, &cxl_prot_valid, NULL),
	RN("cxl-protocol", "agent_type", "agentType", HEST_LC_NVP, &cxl_agent, "Unknown (Reserved)"),
	R("cxl-protocol", "function", "cxlAgentAddress.functionNumber", HEST_LC_INT),
	R("cxl-protocol", "device", "cxlAgentAddress.deviceNumber", HEST_LC_INT),
	R("cxl-protocol", "bus", "cxlAgentAddress.busNumber", HEST_LC_INT),
	R("cxl-protocol", "segment", "cxlAgentAddress.segmentNumber", HEST_LC_INT),
	RB("cxl-protocol", "function", "cxlAgentAddress.value", HEST_LC_INT, 0, 64), /* RCRB base: bytes 16-23 */
	R("cxl-protocol", "vendor_id", "deviceID.vendorID", HEST_LC_INT),
	R("cxl-protocol", "device_id", "deviceID.deviceID", HEST_LC_INT),
	R("cxl-protocol", "subsystem_vendor_id", "deviceID.subsystemVendorID", HEST_LC_INT),
	R("cxl-protocol", "subsystem_id", "deviceID.subsystemDeviceID", HEST_LC_INT),
	R("cxl-protocol", "class_code", "deviceID.classCode", HEST_LC_INT),
	R("cxl-protocol", "slot", "deviceID.slotNumber", HEST_LC_INT),
	R("cxl-protocol", "serial_number", "deviceSerial", HEST_LC_INT),
	R("cxl-protocol", "capability", "capabilityStructure", HEST_LC_BASE64),
	R("cxl-protocol", "dvsec_length", "dvsecLength", HEST_LC_INT),
	R("cxl-protocol", "error_log_length", "errorLogLength", HEST_LC_INT),
	R("cxl-protocol", "dvsec", "cxlDVSEC", HEST_LC_BASE64),
	R("cxl-protocol", "error_log", "cxlErrorLog", HEST_LC_BASE64),

	/* UEFI N.2.14: sections/cper-cxl-component.json, cper-section-cxl-component.c:
	 * the 32-byte header, then the CXL event record as base64 (length - 32 bytes) */
	CXL_COMPONENT("cxl-general-media"),
	CXL_COMPONENT("cxl-dram"),
	CXL_COMPONENT("cxl-memory-module"),

	/* UEFI N.2.12: sections/cper-ccix-per.json, cper-section-ccix-per.c (the PER log: length - 16 bytes) */
	R("ccix-per", "length", "length", HEST_LC_INT),
	RN("ccix-per", "validation_bits", "validationBits", HEST_LC_BITS, &ccix_valid, NULL),
	R("ccix-per", "source_id", "ccixSourceID", HEST_LC_INT),
	R("ccix-per", "port_id", "ccixPortID", HEST_LC_INT),
	{ "ccix-per", NULL, "ccixPERLog", HEST_LC_BASE64, 0, 16, 0, NULL, NULL },

	/* UEFI N.2.11.1: sections/cper-generic-dmar.json, cper-section-dmar-generic.c */
	R("dmar-generic", "requester_id", "requesterID", HEST_LC_INT),
	R("dmar-generic", "segment", "segmentNumber", HEST_LC_INT),
	RN("dmar-generic", "fault_reason", "faultReason", HEST_LC_NVP, &dmar_reason, "Unknown (Reserved)"),
	RN("dmar-generic", "access_type", "accessType", HEST_LC_NVP, &dmar_access, "Unknown (Reserved)"),
	RN("dmar-generic", "address_type", "addressType", HEST_LC_NVP, &dmar_addr, "Unknown (Reserved)"),
	RN("dmar-generic", "architecture_type", "architectureType", HEST_LC_NVP, &dmar_arch, "Unknown (Reserved)"),
	R("dmar-generic", "device_address", "deviceAddress", HEST_LC_INT),

	/* UEFI N.2.11.2: sections/cper-vtd-dmar.json, cper-section-dmar-vtd.c (OEM id as a
	 * little-endian integer, the fault record by EFI_VTD_FAULT_RECORD's bit fields) */
	R("dmar-vtd", "version", "version", HEST_LC_INT),
	R("dmar-vtd", "revision", "revision", HEST_LC_INT),
	RB("dmar-vtd", "oem_id", "oemID", HEST_LC_INT, 0, 48),
	R("dmar-vtd", "capability", "capabilityRegister", HEST_LC_INT),
	R("dmar-vtd", "extended_capability", "extendedCapabilityRegister", HEST_LC_INT),
	R("dmar-vtd", "global_command", "globalCommandRegister", HEST_LC_INT),
	R("dmar-vtd", "global_status", "globalStatusRegister", HEST_LC_INT),
	R("dmar-vtd", "fault_status", "faultStatusRegister", HEST_LC_INT),
	RB("dmar-vtd", "fault_record", "faultRecord.faultInformation", HEST_LC_INT, 12, 52),
	RB("dmar-vtd", "fault_record", "faultRecord.sourceIdentifier", HEST_LC_INT, 64, 16),
	RB("dmar-vtd", "fault_record", "faultRecord.privelegeModeRequested", HEST_LC_BOOL, 93, 1),
	RB("dmar-vtd", "fault_record", "faultRecord.executePermissionRequested", HEST_LC_BOOL, 94, 1),
	RB("dmar-vtd", "fault_record", "faultRecord.pasidPresent", HEST_LC_BOOL, 95, 1),
	RB("dmar-vtd", "fault_record", "faultRecord.faultReason", HEST_LC_INT, 96, 8),
	RB("dmar-vtd", "fault_record", "faultRecord.pasidValue", HEST_LC_INT, 104, 20),
	RB("dmar-vtd", "fault_record", "faultRecord.addressType", HEST_LC_INT, 124, 2),
	RBN("dmar-vtd", "fault_record", "faultRecord.type", HEST_LC_NVP, 126, 1, &vtd_fault_type, "Unknown"),
	R("dmar-vtd", "root_entry", "rootEntry", HEST_LC_BASE64),
	R("dmar-vtd", "context_entry", "contextEntry", HEST_LC_BASE64),
	PAGE_TABLE("dmar-vtd"),

	/* UEFI N.2.11.3: sections/cper-iommu-dmar.json, cper-section-dmar-iommu.c */
	R("dmar-iommu", "revision", "revision", HEST_LC_INT),
	R("dmar-iommu", "control", "controlRegister", HEST_LC_INT),
	R("dmar-iommu", "status", "statusRegister", HEST_LC_INT),
	R("dmar-iommu", "event_log_entry", "eventLogEntry", HEST_LC_BASE64),
	R("dmar-iommu", "device_table_entry", "deviceTableEntry", HEST_LC_BASE64),
	PAGE_TABLE("dmar-iommu"),

	/* UEFI N.2.8: sections/cper-pci-bus.json, cper-section-pci-bus.c (the bus command
	 * as "PCI"/"PCI-X" from its bit 56) */
	RN("pci-bus", "validation_bits", "validationBits", HEST_LC_BITS, &pci_bus_valid, NULL),
	ERROR_STATUS("pci-bus"),
	RN("pci-bus", "error_type", "errorType", HEST_LC_NVP, &pci_bus_type, "Unknown (Reserved)"),
	R("pci-bus", "bus_number", "busID.busNumber", HEST_LC_INT),
	R("pci-bus", "bus_segment", "busID.segmentNumber", HEST_LC_INT),
	R("pci-bus", "bus_address", "busAddress", HEST_LC_INT),
	R("pci-bus", "bus_data", "busData", HEST_LC_INT),
	RBN("pci-bus", "bus_command", "busCommandType", HEST_LC_NAMED, 56, 1, &pci_bus_cmd, NULL),
	R("pci-bus", "requestor_id", "busRequestorID", HEST_LC_INT),
	RF("pci-bus", "requestor_id", "busRequestorIDHex", HEST_LC_HEX, HEST_LC_WRITE_ONLY),
	R("pci-bus", "completer_id", "busCompleterID", HEST_LC_INT),
	RF("pci-bus", "completer_id", "busCompleterIDHex", HEST_LC_HEX, HEST_LC_WRITE_ONLY),
	R("pci-bus", "target_id", "targetID", HEST_LC_INT),

	/* Ampere: sections/cper-ampere.json, cper-section-ampere.c: libcper's
	 * EFI_AMPERE_ERROR_DATA is the first 8 bytes (u16 type id, u16 subtype id,
	 * u32 instance id), over rasdaemon's type/subtype, instance/socket and ERR<n>STATUS */
	RB("ampere", "ampere_type", "typeId", HEST_LC_INT, 0, 16),
	RB("ampere", "instance", "subTypeId", HEST_LC_INT, 0, 16),
	R("ampere", "error_status", "instanceId", HEST_LC_INT32), /* json_object_new_int() */

	/* FRU memory poison: libcper has no decoder (cper-section.c); its bytes, as Unknown */
	R("fru-memory-poison", NULL, "data", HEST_LC_BASE64),

	/* any other section: sections/cper-unknown.json (cper_buf_section_to_ir) */
	R("raw", NULL, "data", HEST_LC_BASE64),
};

/* libcper writes the CXL agent address by agent type (a device's function,
 * device, bus and segment; a host downstream port's RCRB base address), and
 * the serial number and capability structure of a CXL 1.1 device only. */
static const struct hest_lc_when whens[] = {
	{ "cxl-protocol", "cxlAgentAddress.functionNumber", "agent_type", 0 },
	{ "cxl-protocol", "cxlAgentAddress.deviceNumber", "agent_type", 0 },
	{ "cxl-protocol", "cxlAgentAddress.busNumber", "agent_type", 0 },
	{ "cxl-protocol", "cxlAgentAddress.segmentNumber", "agent_type", 0 },
	{ "cxl-protocol", "cxlAgentAddress.value", "agent_type", 1 },
	{ "cxl-protocol", "deviceSerial", "agent_type", 0 },
	{ "cxl-protocol", "capabilityStructure", "agent_type", 0 },
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

bool hest_lc_over_bytes(const struct hest_lc_row *r, const struct hest_cper_field *f)
{
	switch ((enum hest_lc_form)r->form) {
	case HEST_LC_INT:
	case HEST_LC_BOOL:
	case HEST_LC_NVP:
	case HEST_LC_NAMED:
		return f && r->width &&
		       (!hest_cper_field_is_int(f) || f->width || r->shift + r->width > 8u * f->size);
	default:
		return false;
	}
}

const struct hest_lc_when *hest_lc_when_of(const struct hest_lc_row *r)
{
	for (size_t i = 0; i < N(whens); i++)
		if (strcmp(whens[i].desc, r->desc) == 0 && strcmp(whens[i].path, r->path) == 0)
			return &whens[i];
	return NULL;
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

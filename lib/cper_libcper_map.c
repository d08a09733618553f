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

/* --- kinds with arrays of structures: names ----------------------------------- */

/* cper-section-pci-dev.h PCI_DEV_ERROR_VALID_BITFIELD_NAMES */
static const struct hest_name pci_dev_valid_v[] = {
	BIT("errorStatusValid"), BIT("idInfoValid"), BIT("memoryNumberValid"), BIT("ioNumberValid"),
	BIT("registerDataPairsValid"),
};
static const struct hest_names pci_dev_valid = NAMES(pci_dev_valid_v);

/* cper-section-arm.h: validation bits, flags and value names (libcper reads
 * the error type as an index: 0 cache, 1 TLB, 2 bus, 3 micro-architectural) */
static const struct hest_name arm_valid_v[] = {
	BIT("mpidrValid"), BIT("errorAffinityLevelValid"), BIT("runningStateValid"), BIT("vendorSpecificInfoValid"),
};
static const struct hest_names arm_valid = NAMES(arm_valid_v);
static const struct hest_name arm_info_valid_v[] = {
	BIT("multipleErrorValid"), BIT("flagsValid"), BIT("errorInformationValid"), BIT("virtualFaultAddressValid"),
	BIT("physicalFaultAddressValid"),
};
static const struct hest_names arm_info_valid = NAMES(arm_info_valid_v);
static const struct hest_name arm_info_flags_v[] = {
	BIT("firstErrorCaptured"), BIT("lastErrorCaptured"), BIT("propagated"), BIT("overflow"),
};
static const struct hest_names arm_info_flags = NAMES(arm_info_flags_v);
static const struct hest_name arm_affinity_v[] = {
	{ "Vendor Defined", 0, NULL }, { "Vendor Defined", 1, NULL }, { "Vendor Defined", 2, NULL },
	{ "Vendor Defined", 3, NULL },
};
static const struct hest_names arm_affinity = NAMES(arm_affinity_v);
static const struct hest_name arm_multiple_v[] = { { "Single Error", 0, NULL } };
static const struct hest_names arm_multiple = NAMES(arm_multiple_v);
static const struct hest_name arm_err_type_v[] = {
	{ "Cache Error", 0, NULL }, { "TLB Error", 1, NULL }, { "Bus Error", 2, NULL },
	{ "Micro-Architectural Error", 3, NULL },
};
static const struct hest_names arm_err_type = NAMES(arm_err_type_v);
static const struct hest_name arm_cache_valid_v[] = {
	BIT("transactionTypeValid"), BIT("operationValid"), BIT("levelValid"), BIT("processorContextCorruptValid"),
	BIT("correctedValid"), BIT("precisePCValid"), BIT("restartablePCValid"),
};
static const struct hest_names arm_cache_valid = NAMES(arm_cache_valid_v);
static const struct hest_name arm_bus_valid_v[] = {
	BIT("transactionTypeValid"), BIT("operationValid"), BIT("levelValid"), BIT("processorContextCorruptValid"),
	BIT("correctedValid"), BIT("precisePCValid"), BIT("restartablePCValid"), BIT("participationTypeValid"),
	BIT("timedOutValid"), BIT("addressSpaceValid"), BIT("memoryAttributesValid"), BIT("accessModeValid"),
};
static const struct hest_names arm_bus_valid = NAMES(arm_bus_valid_v);
static const struct hest_name arm_transaction_v[] = {
	{ "Instruction", 0, NULL }, { "Data Access", 1, NULL }, { "Generic", 2, NULL },
};
static const struct hest_names arm_transaction = NAMES(arm_transaction_v);
static const struct hest_name arm_cache_op_v[] = {
	{ "Generic Error", 0, NULL }, { "Generic Read", 1, NULL }, { "Generic Write", 2, NULL },
	{ "Data Read", 3, NULL }, { "Data Write", 4, NULL }, { "Instruction Fetch", 5, NULL },
	{ "Prefetch", 6, NULL }, { "Eviction", 7, NULL }, { "Snooping", 8, NULL }, { "Snooped", 9, NULL },
	{ "Management", 10, NULL },
};
static const struct hest_names arm_cache_op = NAMES(arm_cache_op_v);
static const struct hest_name arm_tlb_op_v[] = {
	{ "Generic Error", 0, NULL }, { "Generic Read", 1, NULL }, { "Generic Write", 2, NULL },
	{ "Data Read", 3, NULL }, { "Data Write", 4, NULL }, { "Instruction Fetch", 5, NULL },
	{ "Prefetch", 6, NULL }, { "Local Management Operation", 7, NULL },
	{ "External Management Operation", 8, NULL },
};
static const struct hest_names arm_tlb_op = NAMES(arm_tlb_op_v);
static const struct hest_name arm_participation_v[] = {
	{ "Local Processor Originated Request", 0, NULL }, { "Local Processor Responded to Request", 1, NULL },
	{ "Local Processor Observed", 2, NULL }, { "Generic", 3, NULL },
};
static const struct hest_names arm_participation = NAMES(arm_participation_v);
static const struct hest_name arm_space_v[] = {
	{ "External Memory Access", 0, NULL }, { "Internal Memory Access", 1, NULL },
	{ "Device Memory Access", 3, NULL },
};
static const struct hest_names arm_space = NAMES(arm_space_v);
static const struct hest_name arm_access_v[] = { { "Secure", 0, NULL }, { "Normal", 1, NULL } };
static const struct hest_names arm_access = NAMES(arm_access_v);
static const struct hest_name arm_ctx_type_v[] = {
	{ "AArch32 General Purpose Registers", 0, NULL }, { "AArch32 EL1 Context Registers", 1, NULL },
	{ "AArch32 EL2 Context Registers", 2, NULL }, { "AArch32 Secure Context Registers", 3, NULL },
	{ "AArch64 General Purpose Registers", 4, NULL }, { "AArch64 EL1 Context Registers", 5, NULL },
	{ "AArch64 EL2 Context Registers", 6, NULL }, { "AArch64 EL3 Context Registers", 7, NULL },
	{ "Miscellaneous System Register Structure", 8, NULL },
};
static const struct hest_names arm_ctx_type = NAMES(arm_ctx_type_v);

/* cper-section-ia32x64.h / .c: validation bits, value names, error structure names */
static const struct hest_name ia_info_valid_v[] = {
	BIT("checkInfoValid"), BIT("targetAddressIDValid"), BIT("requestorIDValid"), BIT("responderIDValid"),
	BIT("instructionPointerValid"),
};
static const struct hest_names ia_info_valid = NAMES(ia_info_valid_v);
#define IA_CHECK_VALID BIT("transactionTypeValid"), BIT("operationValid"), BIT("levelValid"), \
	BIT("processorContextCorruptValid"), BIT("uncorrectedValid"), BIT("preciseIPValid"),      \
	BIT("restartableIPValid"), BIT("overflowValid")
static const struct hest_name ia_cache_valid_v[] = { IA_CHECK_VALID };
static const struct hest_names ia_cache_valid = NAMES(ia_cache_valid_v);
static const struct hest_name ia_bus_valid_v[] = {
	IA_CHECK_VALID, BIT("participationTypeValid"), BIT("timedOutValid"), BIT("addressSpaceValid"),
};
static const struct hest_names ia_bus_valid = NAMES(ia_bus_valid_v);
static const struct hest_name ia_ms_valid_v[] = {
	BIT("errorTypeValid"), BIT("processorContextCorruptValid"), BIT("uncorrectedValid"), BIT("preciseIPValid"),
	BIT("restartableIPValid"), BIT("overflowValid"),
};
static const struct hest_names ia_ms_valid = NAMES(ia_ms_valid_v);
/* the readable names of the error structure GUIDs (label: our name of the GUID) */
static const struct hest_name ia_err_v[] = {
	{ "Cache Check Error", 0, "cache-check" }, { "TLB Check Error", 0, "tlb-check" },
	{ "Bus Check Error", 0, "bus-check" }, { "MS Check Error", 0, "ms-check" },
};
static const struct hest_names ia_err = NAMES(ia_err_v);
static const struct hest_name ia_transaction_v[] = {
	{ "Instruction", 0, NULL }, { "Data Access", 1, NULL }, { "Generic", 2, NULL },
};
static const struct hest_names ia_transaction = NAMES(ia_transaction_v);
static const struct hest_name ia_op_v[] = {
	{ "Generic Error", 0, NULL }, { "Generic Read", 1, NULL }, { "Generic Write", 2, NULL },
	{ "Data Read", 3, NULL }, { "Data Write", 4, NULL }, { "Instruction Fetch", 5, NULL },
	{ "Prefetch", 6, NULL }, { "Eviction", 7, NULL }, { "Snoop", 8, NULL },
};
static const struct hest_names ia_op = NAMES(ia_op_v);
static const struct hest_name ia_participation_v[] = {
	{ "Local processor originated request", 0, NULL }, { "Local processor responded to request", 1, NULL },
	{ "Local processor observed", 2, NULL }, { "Generic", 3, NULL },
};
static const struct hest_names ia_participation = NAMES(ia_participation_v);
static const struct hest_name ia_space_v[] = {
	{ "Memory Access", 0, NULL }, { "Reserved", 1, NULL }, { "I/O", 2, NULL }, { "Other Transaction", 3, NULL },
};
static const struct hest_names ia_space = NAMES(ia_space_v);
static const struct hest_name ia_ms_type_v[] = {
	{ "No Error", 0, NULL }, { "Unclassified", 1, NULL }, { "Microcode ROM Parity Error", 2, NULL },
	{ "External Error", 3, NULL }, { "FRC Error", 4, NULL }, { "Internal Unclassified", 5, NULL },
};
static const struct hest_names ia_ms_type = NAMES(ia_ms_type_v);
static const struct hest_name ia_ctx_type_v[] = {
	{ "Unclassified Data", 0, NULL }, { "MSR Registers", 1, NULL }, { "32-bit Mode Execution Context", 2, NULL },
	{ "64-bit Mode Execution Context", 3, NULL }, { "FXSave Context", 4, NULL },
	{ "32-bit Mode Debug Registers", 5, NULL }, { "64-bit Mode Debug Registers", 6, NULL },
	{ "Memory Mapper Registers", 7, NULL },
};
static const struct hest_names ia_ctx_type = NAMES(ia_ctx_type_v);

/* --- parts libcper decodes by type: their tables ----------------------------------- */

/* A field of a part's table: key, byte offset, bytes, bit range, validation bit. */
#define PF(k, off, sz, sh, w, vb) { k, off, sz, sh, w, HEST_CF_INT, 0, vb, 0, NULL, NULL, NULL }
#define PV(off, sz, sh, w) { "validation_bits", off, sz, sh, w, HEST_CF_FLAGS, HEST_CA_VALIDATION, -1, 0, NULL, NULL, NULL }
#define PART(name, key, title, size, fields, voff, vsize) \
	static const struct hest_cper_desc name = { key, title, size, fields, N(fields), voff, vsize, NULL }

/* UEFI 2.10 N.2.4.4.1 tables N-18/N-19 (libcper EFI_ARM_CACHE_ERROR_STRUCTURE,
 * the TLB structure has the same layout): the error_info field */
static const struct hest_cper_field arm_cache_f[] = {
	PV(0, 8, 0, 16),
	PF("transaction_type", 0, 8, 16, 2, 0),
	PF("operation", 0, 8, 18, 4, 1),
	PF("level", 0, 8, 22, 3, 2),
	PF("processor_context_corrupt", 0, 8, 25, 1, 3),
	PF("corrected", 0, 8, 26, 1, 4),
	PF("precise_pc", 0, 8, 27, 1, 5),
	PF("restartable_pc", 0, 8, 28, 1, 6),
};
PART(arm_cache, "arm-cache-error", "ARM cache or TLB error information", 8, arm_cache_f, 0, 2);
/* UEFI 2.10 N.2.4.4.1 table N-20 (libcper EFI_ARM_BUS_ERROR_STRUCTURE) */
static const struct hest_cper_field arm_bus_f[] = {
	PV(0, 8, 0, 16),
	PF("transaction_type", 0, 8, 16, 2, 0),
	PF("operation", 0, 8, 18, 4, 1),
	PF("level", 0, 8, 22, 3, 2),
	PF("processor_context_corrupt", 0, 8, 25, 1, 3),
	PF("corrected", 0, 8, 26, 1, 4),
	PF("precise_pc", 0, 8, 27, 1, 5),
	PF("restartable_pc", 0, 8, 28, 1, 6),
	PF("participation_type", 0, 8, 29, 2, 7),
	PF("timed_out", 0, 8, 31, 1, 8),
	PF("address_space", 0, 8, 32, 2, 9),
	PF("memory_attributes", 0, 8, 34, 9, 10),
	PF("access_mode", 0, 8, 43, 1, 11),
};
PART(arm_bus, "arm-bus-error", "ARM bus error information", 8, arm_bus_f, 0, 2);

/* Register arrays of the ARM context types (UEFI 2.10 N.2.4.4.2, libcper
 * cper-section-arm.h register names, in order): one table per type, of
 * 32-bit (AArch32) or 64-bit (AArch64) registers. */
#define R32(k, i) PF(k, (i) * 4, 4, 0, 0, -1)
#define R64(k, i) PF(k, (i) * 8, 8, 0, 0, -1)
static const struct hest_cper_field arm_a32_gpr_f[] = {
	R32("r0", 0), R32("r1", 1), R32("r2", 2), R32("r3", 3), R32("r4", 4), R32("r5", 5), R32("r6", 6),
	R32("r7", 7), R32("r8", 8), R32("r9", 9), R32("r10", 10), R32("r11", 11), R32("r12", 12),
	R32("r13_sp", 13), R32("r14_lr", 14), R32("r15_pc", 15),
};
PART(arm_a32_gpr, "arm-aarch32-gpr", "AArch32 general purpose registers", 64, arm_a32_gpr_f, 0, 0);
static const struct hest_cper_field arm_a32_el1_f[] = {
	R32("dfar", 0), R32("dfsr", 1), R32("ifar", 2), R32("isr", 3), R32("mair0", 4), R32("mair1", 5),
	R32("midr", 6), R32("mpidr", 7), R32("nmrr", 8), R32("prrr", 9), R32("sctlr_ns", 10), R32("spsr", 11),
	R32("spsr_abt", 12), R32("spsr_fiq", 13), R32("spsr_irq", 14), R32("spsr_svc", 15), R32("spsr_und", 16),
	R32("tpidrprw", 17), R32("tpidruro", 18), R32("tpidrurw", 19), R32("ttbcr", 20), R32("ttbr0", 21),
	R32("ttbr1", 22), R32("dacr", 23),
};
PART(arm_a32_el1, "arm-aarch32-el1", "AArch32 EL1 context registers", 96, arm_a32_el1_f, 0, 0);
static const struct hest_cper_field arm_a32_el2_f[] = {
	R32("elr_hyp", 0), R32("hamair0", 1), R32("hamair1", 2), R32("hcr", 3), R32("hcr2", 4), R32("hdfar", 5),
	R32("hifar", 6), R32("hpfar", 7), R32("hsr", 8), R32("htcr", 9), R32("htpidr", 10), R32("httbr", 11),
	R32("spsr_hyp", 12), R32("vtcr", 13), R32("vttbr", 14), R32("dacr32_el2", 15),
};
PART(arm_a32_el2, "arm-aarch32-el2", "AArch32 EL2 context registers", 64, arm_a32_el2_f, 0, 0);
static const struct hest_cper_field arm_a32_secure_f[] = { R32("sctlr_s", 0), R32("spsr_mon", 1) };
PART(arm_a32_secure, "arm-aarch32-secure", "AArch32 secure context registers", 8, arm_a32_secure_f, 0, 0);
static const struct hest_cper_field arm_a64_gpr_f[] = {
	R64("x0", 0), R64("x1", 1), R64("x2", 2), R64("x3", 3), R64("x4", 4), R64("x5", 5), R64("x6", 6),
	R64("x7", 7), R64("x8", 8), R64("x9", 9), R64("x10", 10), R64("x11", 11), R64("x12", 12),
	R64("x13", 13), R64("x14", 14), R64("x15", 15), R64("x16", 16), R64("x17", 17), R64("x18", 18),
	R64("x19", 19), R64("x20", 20), R64("x21", 21), R64("x22", 22), R64("x23", 23), R64("x24", 24),
	R64("x25", 25), R64("x26", 26), R64("x27", 27), R64("x28", 28), R64("x29", 29), R64("x30", 30),
	R64("sp", 31),
};
PART(arm_a64_gpr, "arm-aarch64-gpr", "AArch64 general purpose registers", 256, arm_a64_gpr_f, 0, 0);
static const struct hest_cper_field arm_a64_el1_f[] = {
	R64("elr_el1", 0), R64("esr_el1", 1), R64("far_el1", 2), R64("isr_el1", 3), R64("mair_el1", 4),
	R64("midr_el1", 5), R64("mpidr_el1", 6), R64("sctlr_el1", 7), R64("sp_el0", 8), R64("sp_el1", 9),
	R64("spsr_el1", 10), R64("tcr_el1", 11), R64("tpidr_el0", 12), R64("tpidr_el1", 13),
	R64("tpidrro_el0", 14), R64("ttbr0_el1", 15), R64("ttbr1_el1", 16),
};
PART(arm_a64_el1, "arm-aarch64-el1", "AArch64 EL1 context registers", 136, arm_a64_el1_f, 0, 0);
static const struct hest_cper_field arm_a64_el2_f[] = {
	R64("elr_el2", 0), R64("esr_el2", 1), R64("far_el2", 2), R64("hacr_el2", 3), R64("hcr_el2", 4),
	R64("hpfar_el2", 5), R64("mair_el2", 6), R64("sctlr_el2", 7), R64("sp_el2", 8), R64("spsr_el2", 9),
	R64("tcr_el2", 10), R64("tpidr_el2", 11), R64("ttbr0_el2", 12), R64("vtcr_el2", 13), R64("vttbr_el2", 14),
};
PART(arm_a64_el2, "arm-aarch64-el2", "AArch64 EL2 context registers", 120, arm_a64_el2_f, 0, 0);
static const struct hest_cper_field arm_a64_el3_f[] = {
	R64("elr_el3", 0), R64("esr_el3", 1), R64("far_el3", 2), R64("mair_el3", 3), R64("sctlr_el3", 4),
	R64("sp_el3", 5), R64("spsr_el3", 6), R64("tcr_el3", 7), R64("tpidr_el3", 8), R64("ttbr0_el3", 9),
};
PART(arm_a64_el3, "arm-aarch64-el3", "AArch64 EL3 context registers", 80, arm_a64_el3_f, 0, 0);
/* libcper's EFI_ARM_MISC_CONTEXT_REGISTER: the MRS encoding in bits 14:0 of a
 * 64-bit unit, the value in the next one (16 bytes: one register; UEFI packs
 * the entries in 10 bytes, which libcper does not read) */
static const struct hest_cper_field arm_misc_f[] = {
	PF("op2", 0, 8, 0, 3, -1), PF("crm", 0, 8, 3, 4, -1), PF("crn", 0, 8, 7, 4, -1), PF("op1", 0, 8, 11, 3, -1),
	PF("o0", 0, 8, 14, 1, -1), PF("value", 8, 8, 0, 0, -1),
};
PART(arm_misc, "arm-misc", "ARM miscellaneous system register (libcper's layout)", 16, arm_misc_f, 0, 0);

/* UEFI 2.10 N.2.4.2.1: the IA32/X64 check information (check_info) by error
 * structure type (edk2 and libcper EFI_IA32_X64_{CACHE,BUS,MS}_CHECK_INFO) */
#define IA_CHECK_COMMON(pcc)                                                                         \
	PV(0, 8, 0, 16), PF("transaction_type", 0, 8, 16, 2, 0), PF("operation", 0, 8, 18, 4, 1),     \
		PF("level", 0, 8, 22, 3, 2), PF("context_corrupt", 0, 8, pcc, 1, 3),                 \
		PF("uncorrected", 0, 8, pcc + 1, 1, 4), PF("precise_ip", 0, 8, pcc + 2, 1, 5),       \
		PF("restartable_ip", 0, 8, pcc + 3, 1, 6), PF("overflow", 0, 8, pcc + 4, 1, 7)
static const struct hest_cper_field ia_cache_f[] = { IA_CHECK_COMMON(25) };
PART(ia_cache, "ia32x64-cache-check", "IA32/X64 cache or TLB check information", 8, ia_cache_f, 0, 2);
static const struct hest_cper_field ia_bus_f[] = {
	IA_CHECK_COMMON(25), PF("participation_type", 0, 8, 30, 2, 8), PF("timed_out", 0, 8, 32, 1, 9),
	PF("address_space", 0, 8, 33, 2, 10),
};
PART(ia_bus, "ia32x64-bus-check", "IA32/X64 bus check information", 8, ia_bus_f, 0, 2);
static const struct hest_cper_field ia_ms_f[] = {
	PV(0, 8, 0, 16), PF("error_type", 0, 8, 16, 3, 0), PF("context_corrupt", 0, 8, 19, 1, 1),
	PF("uncorrected", 0, 8, 20, 1, 2), PF("precise_ip", 0, 8, 21, 1, 3), PF("restartable_ip", 0, 8, 22, 1, 4),
	PF("overflow", 0, 8, 23, 1, 5),
};
PART(ia_ms, "ia32x64-ms-check", "IA32/X64 MS check information", 8, ia_ms_f, 0, 2);
/* libcper EFI_IA32_X64_CPU_ID: the first 32 of the 48 CPUID bytes */
static const struct hest_cper_field ia_cpuid_f[] = { R64("eax", 0), R64("ebx", 1), R64("ecx", 2), R64("edx", 3) };
PART(ia_cpuid, "ia32x64-cpuid", "IA32/X64 CPUID information (libcper's EAX, EBX, ECX, EDX)", 32, ia_cpuid_f, 0, 0);
/* UEFI 2.10 N.2.4.2.2: 32-bit and 64-bit mode execution contexts (packed, as
 * libcper's EFI_CONTEXT_IA32_REGISTER_STATE and EFI_CONTEXT_X64_REGISTER_STATE) */
#define RB16(k, off) PF(k, off, 2, 0, 0, -1)
#define RB32(k, off) PF(k, off, 4, 0, 0, -1)
#define RB64(k, off) PF(k, off, 8, 0, 0, -1)
static const struct hest_cper_field ia_regs32_f[] = {
	R32("eax", 0), R32("ebx", 1), R32("ecx", 2), R32("edx", 3), R32("esi", 4), R32("edi", 5), R32("ebp", 6),
	R32("esp", 7), RB16("cs", 32), RB16("ds", 34), RB16("ss", 36), RB16("es", 38), RB16("fs", 40),
	RB16("gs", 42), RB32("eflags", 44), RB32("eip", 48), RB32("cr0", 52), RB32("cr1", 56), RB32("cr2", 60),
	RB32("cr3", 64), RB32("cr4", 68), RB64("gdtr", 72), RB64("idtr", 80), RB16("ldtr", 88), RB16("tr", 90),
};
PART(ia_regs32, "ia32x64-ia32-registers", "IA32 register state", 92, ia_regs32_f, 0, 0);
static const struct hest_cper_field ia_regs64_f[] = {
	R64("rax", 0), R64("rbx", 1), R64("rcx", 2), R64("rdx", 3), R64("rsi", 4), R64("rdi", 5), R64("rbp", 6),
	R64("rsp", 7), R64("r8", 8), R64("r9", 9), R64("r10", 10), R64("r11", 11), R64("r12", 12),
	R64("r13", 13), R64("r14", 14), R64("r15", 15), RB16("cs", 128), RB16("ds", 130), RB16("ss", 132),
	RB16("es", 134), RB16("fs", 136), RB16("gs", 138), RB64("rflags", 144), RB64("eip", 152),
	RB64("cr0", 160), RB64("cr1", 168), RB64("cr2", 176), RB64("cr3", 184), RB64("cr4", 192),
	RB64("cr8", 200), RB64("gdtr_0", 208), RB64("gdtr_1", 216), RB64("idtr_0", 224), RB64("idtr_1", 232),
	RB16("ldtr", 240), RB16("tr", 242),
};
PART(ia_regs64, "ia32x64-x64-registers", "X64 register state", 244, ia_regs64_f, 0, 0);

/* The variants: rows of desc "<variant key>" apply when the discriminator
 * holds one of the values. */
#define V(key, desc, field, values, view, at) { key, desc, field, 0, 0, false, values, view, at, false }
static const struct hest_lc_variant variants[] = {
	/* cper-section-arm.c: psciState only when bit 31 of the running state is clear */
	{ "arm/psci", "arm", "running_state", 31, 1, false, 1u << 0, NULL, 0, false },
	/* errorInformation by libcper's error type (an index): cache 0, TLB 1, bus 2, else the raw value */
	V("arm-error-info/cache", "arm-error-info", "type", 1u << 0, &arm_cache, 8),
	V("arm-error-info/tlb", "arm-error-info", "type", 1u << 1, &arm_cache, 8),
	V("arm-error-info/bus", "arm-error-info", "type", 1u << 2, &arm_bus, 8),
	{ "arm-error-info/other", "arm-error-info", "type", 0, 0, true, 0x7u, NULL, 0, false },
	/* registerArray by context type, past the 8-byte context header */
	V("arm-context/0", "arm-context", "register_context_type", 1u << 0, &arm_a32_gpr, 8),
	V("arm-context/1", "arm-context", "register_context_type", 1u << 1, &arm_a32_el1, 8),
	V("arm-context/2", "arm-context", "register_context_type", 1u << 2, &arm_a32_el2, 8),
	V("arm-context/3", "arm-context", "register_context_type", 1u << 3, &arm_a32_secure, 8),
	V("arm-context/4", "arm-context", "register_context_type", 1u << 4, &arm_a64_gpr, 8),
	V("arm-context/5", "arm-context", "register_context_type", 1u << 5, &arm_a64_el1, 8),
	V("arm-context/6", "arm-context", "register_context_type", 1u << 6, &arm_a64_el2, 8),
	V("arm-context/7", "arm-context", "register_context_type", 1u << 7, &arm_a64_el3, 8),
	V("arm-context/8", "arm-context", "register_context_type", 1u << 8, &arm_misc, 8),
	{ "arm-context/other", "arm-context", "register_context_type", 0, 0, true, 0x1ffu, NULL, 0, false },
	/* IA32/X64: the CPUID bytes libcper reads; checkInfo by error structure GUID (1 cache, 2 TLB,
	 * 3 bus, 4 MS check); registerArray by context type (2 IA32, 3 X64, else base64) */
	{ "ia32x64/cpuid", "ia32x64", NULL, 0, 0, false, 0, &ia_cpuid, 16, false },
	V("ia32x64-error-info/cache", "ia32x64-error-info", "error_type", 1u << 1 | 1u << 2, &ia_cache, 24),
	V("ia32x64-error-info/bus", "ia32x64-error-info", "error_type", 1u << 3, &ia_bus, 24),
	V("ia32x64-error-info/ms", "ia32x64-error-info", "error_type", 1u << 4, &ia_ms, 24),
	V("ia32x64-context/ia32", "ia32x64-context", "register_type", 1u << 2, &ia_regs32, 16),
	V("ia32x64-context/x64", "ia32x64-context", "register_type", 1u << 3, &ia_regs64, 16),
	{ "ia32x64-context/other", "ia32x64-context", "register_type", 0, 0, true, 0xcu, NULL, 0, false },
	/* cper-section-cxl-protocol.c, in place among the section's keys: the agent address by
	 * agent type (a CXL 1.1 device's function, device, bus and segment; a host downstream
	 * port's RCRB base address; "cxlAgentAddress": {} for the others), the serial number and
	 * capability structure of a CXL 1.1 device only */
	{ "cxl-protocol/device", "cxl-protocol", "agent_type", 0, 0, false, 1u << 0, NULL, 0, true },
	{ "cxl-protocol/host-port", "cxl-protocol", "agent_type", 0, 0, false, 1u << 1, NULL, 0, true },
};

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
	/* kinds with arrays of structures (error information, contexts, register pairs) */
	{ HEST_CPER_IA32X64, "Ia32x64Processor", "IA32/X64" },
	{ HEST_CPER_ARM, "ArmProcessor", "ARM" },
	{ HEST_CPER_PCI_DEVICE, "PciComponent", "PCI Component/Device" },
	{ HEST_CPER_NVIDIA, "Nvidia", "NVIDIA" },
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

	/* --- kinds with arrays of structures ----------------------------------------- */

	/* UEFI 2.10 N.2.4.2: sections/cper-ia32x64-processor.json, cper-section-ia32x64.c; the
	 * counts are in validationBits (the newer generation has them beside it) */
	RB("ia32x64", "validation_bits", "validationBits.localAPICIDValid", HEST_LC_BOOL, 0, 1),
	RB("ia32x64", "validation_bits", "validationBits.cpuIDInfoValid", HEST_LC_BOOL, 1, 1),
	R("ia32x64", "error_info_count", "validationBits.processorErrorInfoNum", HEST_LC_INT),
	R("ia32x64", "context_count", "validationBits.processorContextInfoNum", HEST_LC_INT),
	RF("ia32x64", "error_info_count", "processorErrorInfoNum", HEST_LC_INT, HEST_LC_READ_ONLY),
	RF("ia32x64", "context_count", "processorContextInfoNum", HEST_LC_INT, HEST_LC_READ_ONLY),
	R("ia32x64", "local_apic_id", "localAPICID", HEST_LC_INT),
	R("ia32x64/cpuid", "eax", "cpuidInfo.eax", HEST_LC_INT),
	R("ia32x64/cpuid", "ebx", "cpuidInfo.ebx", HEST_LC_INT),
	R("ia32x64/cpuid", "ecx", "cpuidInfo.ecx", HEST_LC_INT),
	R("ia32x64/cpuid", "edx", "cpuidInfo.edx", HEST_LC_INT),
	R("ia32x64", "ia32x64-error-info", "processorErrorInfo", HEST_LC_ARRAY),
	R("ia32x64", "ia32x64-context", "processorContextInfo", HEST_LC_ARRAY),
	/* its error information structures (processorErrorInfo[]) */
	R("ia32x64-error-info", "error_type", "type.guid", HEST_LC_GUID),
	RNF("ia32x64-error-info", "error_type", "type.name", HEST_LC_GUID_NAME, HEST_LC_WRITE_ONLY, &ia_err, "Unknown"),
	RN("ia32x64-error-info", "validation_bits", "validationBits", HEST_LC_BITS, &ia_info_valid, NULL),
#define IA_CHECK(v, valid)                                                                                      \
	RN(v, "validation_bits", "checkInfo.validationBits", HEST_LC_BITS, valid, NULL),                         \
		RN(v, "transaction_type", "checkInfo.transactionType", HEST_LC_NVP, &ia_transaction,             \
		   "Unknown (Reserved)"),                                                                        \
		RN(v, "operation", "checkInfo.operation", HEST_LC_NVP, &ia_op, "Unknown (Reserved)"),            \
		R(v, "level", "checkInfo.level", HEST_LC_INT),                                                   \
		R(v, "context_corrupt", "checkInfo.processorContextCorrupt", HEST_LC_BOOL),                      \
		R(v, "uncorrected", "checkInfo.uncorrected", HEST_LC_BOOL),                                      \
		R(v, "precise_ip", "checkInfo.preciseIP", HEST_LC_BOOL),                                         \
		R(v, "restartable_ip", "checkInfo.restartableIP", HEST_LC_BOOL),                                 \
		R(v, "overflow", "checkInfo.overflow", HEST_LC_BOOL)
	IA_CHECK("ia32x64-error-info/cache", &ia_cache_valid),
	IA_CHECK("ia32x64-error-info/bus", &ia_bus_valid),
	R("ia32x64-error-info/bus", "timed_out", "checkInfo.timedOut", HEST_LC_BOOL),
	RN("ia32x64-error-info/bus", "participation_type", "checkInfo.participationType", HEST_LC_NVP,
	   &ia_participation, "Unknown"),
	RN("ia32x64-error-info/bus", "address_space", "checkInfo.addressSpace", HEST_LC_NVP, &ia_space, "Unknown"),
	RN("ia32x64-error-info/ms", "validation_bits", "checkInfo.validationBits", HEST_LC_BITS, &ia_ms_valid, NULL),
	RN("ia32x64-error-info/ms", "error_type", "checkInfo.errorType", HEST_LC_NVP, &ia_ms_type,
	   "Unknown (Processor Specific)"),
	R("ia32x64-error-info/ms", "context_corrupt", "checkInfo.processorContextCorrupt", HEST_LC_BOOL),
	R("ia32x64-error-info/ms", "uncorrected", "checkInfo.uncorrected", HEST_LC_BOOL),
	R("ia32x64-error-info/ms", "precise_ip", "checkInfo.preciseIP", HEST_LC_BOOL),
	R("ia32x64-error-info/ms", "restartable_ip", "checkInfo.restartableIP", HEST_LC_BOOL),
	R("ia32x64-error-info/ms", "overflow", "checkInfo.overflow", HEST_LC_BOOL),
	R("ia32x64-error-info", "target_id", "targetAddressID", HEST_LC_INT),
	R("ia32x64-error-info", "requestor_id", "requestorID", HEST_LC_INT),
	R("ia32x64-error-info", "responder_id", "responderID", HEST_LC_INT),
	R("ia32x64-error-info", "instruction_ip", "instructionPointer", HEST_LC_INT),
	/* its context structures (processorContextInfo[]) */
	RN("ia32x64-context", "register_type", "registerContextType", HEST_LC_NVP, &ia_ctx_type, "Unknown (Reserved)"),
	R("ia32x64-context", "register_array_size", "registerArraySize", HEST_LC_INT),
	R("ia32x64-context", "msr_address", "msrAddress", HEST_LC_INT),
	R("ia32x64-context", "mm_register_address", "mmRegisterAddress", HEST_LC_INT),
#define IAREG(v, k) R(v, k, "registerArray." k, HEST_LC_INT)
	IAREG("ia32x64-context/ia32", "eax"), IAREG("ia32x64-context/ia32", "ebx"), IAREG("ia32x64-context/ia32", "ecx"),
	IAREG("ia32x64-context/ia32", "edx"), IAREG("ia32x64-context/ia32", "esi"), IAREG("ia32x64-context/ia32", "edi"),
	IAREG("ia32x64-context/ia32", "ebp"), IAREG("ia32x64-context/ia32", "esp"), IAREG("ia32x64-context/ia32", "cs"),
	IAREG("ia32x64-context/ia32", "ds"), IAREG("ia32x64-context/ia32", "ss"), IAREG("ia32x64-context/ia32", "es"),
	IAREG("ia32x64-context/ia32", "fs"), IAREG("ia32x64-context/ia32", "gs"),
	IAREG("ia32x64-context/ia32", "eflags"), IAREG("ia32x64-context/ia32", "eip"),
	IAREG("ia32x64-context/ia32", "cr0"), IAREG("ia32x64-context/ia32", "cr1"), IAREG("ia32x64-context/ia32", "cr2"),
	IAREG("ia32x64-context/ia32", "cr3"), IAREG("ia32x64-context/ia32", "cr4"),
	IAREG("ia32x64-context/ia32", "gdtr"), IAREG("ia32x64-context/ia32", "idtr"),
	IAREG("ia32x64-context/ia32", "ldtr"), IAREG("ia32x64-context/ia32", "tr"),
	IAREG("ia32x64-context/x64", "rax"), IAREG("ia32x64-context/x64", "rbx"), IAREG("ia32x64-context/x64", "rcx"),
	IAREG("ia32x64-context/x64", "rdx"), IAREG("ia32x64-context/x64", "rsi"), IAREG("ia32x64-context/x64", "rdi"),
	IAREG("ia32x64-context/x64", "rbp"), IAREG("ia32x64-context/x64", "rsp"), IAREG("ia32x64-context/x64", "r8"),
	IAREG("ia32x64-context/x64", "r9"), IAREG("ia32x64-context/x64", "r10"), IAREG("ia32x64-context/x64", "r11"),
	IAREG("ia32x64-context/x64", "r12"), IAREG("ia32x64-context/x64", "r13"), IAREG("ia32x64-context/x64", "r14"),
	IAREG("ia32x64-context/x64", "r15"), IAREG("ia32x64-context/x64", "cs"), IAREG("ia32x64-context/x64", "ds"),
	IAREG("ia32x64-context/x64", "ss"), IAREG("ia32x64-context/x64", "es"), IAREG("ia32x64-context/x64", "fs"),
	IAREG("ia32x64-context/x64", "gs"), IAREG("ia32x64-context/x64", "rflags"), IAREG("ia32x64-context/x64", "eip"),
	IAREG("ia32x64-context/x64", "cr0"), IAREG("ia32x64-context/x64", "cr1"), IAREG("ia32x64-context/x64", "cr2"),
	IAREG("ia32x64-context/x64", "cr3"), IAREG("ia32x64-context/x64", "cr4"), IAREG("ia32x64-context/x64", "cr8"),
	IAREG("ia32x64-context/x64", "gdtr_0"), IAREG("ia32x64-context/x64", "gdtr_1"),
	IAREG("ia32x64-context/x64", "idtr_0"), IAREG("ia32x64-context/x64", "idtr_1"),
	IAREG("ia32x64-context/x64", "ldtr"), IAREG("ia32x64-context/x64", "tr"),
	R("ia32x64-context/other", NULL, "registerArray.data", HEST_LC_EXTRA),

	/* UEFI 2.10 N.2.4.4: sections/cper-arm-processor.json, cper-section-arm.c */
	RN("arm", "validation_bits", "validationBits", HEST_LC_BITS, &arm_valid, NULL),
	R("arm", "error_info_num", "errorInfoNum", HEST_LC_INT),
	R("arm", "context_info_num", "contextInfoNum", HEST_LC_INT),
	R("arm", "section_length", "sectionLength", HEST_LC_INT),
	R("arm", "error_affinity_level", "errorAffinity.value", HEST_LC_INT),
	RNF("arm", "error_affinity_level", "errorAffinity.type", HEST_LC_NAME, HEST_LC_WRITE_ONLY, &arm_affinity,
	    "Reserved"),
	R("arm", "mpidr", "mpidrEl1", HEST_LC_INT),
	R("arm", "midr", "midrEl1", HEST_LC_INT),
	RB("arm", "running_state", "running", HEST_LC_BOOL, 0, 1),
	R("arm/psci", "psci_state", "psciState", HEST_LC_INT),
	R("arm", "arm-error-info", "errorInfo", HEST_LC_ARRAY),
	R("arm", "arm-context", "contextInfo", HEST_LC_ARRAY),
	RF("arm", "vendor_data", "vendorSpecificInfo.data", HEST_LC_BASE64, HEST_LC_IF_VALID),
	/* its error information structures (errorInfo[]) */
	R("arm-error-info", "version", "version", HEST_LC_INT),
	R("arm-error-info", "length", "length", HEST_LC_INT),
	RN("arm-error-info", "validation_bits", "validationBits", HEST_LC_BITS, &arm_info_valid, NULL),
	RN("arm-error-info", "type", "errorType", HEST_LC_NVP, &arm_err_type, "Unknown (Reserved)"),
	R("arm-error-info", "multiple_error", "multipleError.value", HEST_LC_INT),
	RNF("arm-error-info", "multiple_error", "multipleError.type", HEST_LC_NAME, HEST_LC_WRITE_ONLY, &arm_multiple,
	    "Multiple Errors"),
	RN("arm-error-info", "flags", "flags", HEST_LC_BITS, &arm_info_flags, NULL),
	R("arm-error-info/other", "error_info", "errorInformation.data", HEST_LC_INT),
	R("arm-error-info", "virtual_fault_address", "virtualFaultAddress", HEST_LC_INT),
	R("arm-error-info", "physical_fault_address", "physicalFaultAddress", HEST_LC_INT),
#define ARM_CACHE_TLB(v, obj, ops)                                                                              \
	RN(v, "validation_bits", obj ".validationBits", HEST_LC_BITS, &arm_cache_valid, NULL),                  \
		RN(v, "transaction_type", obj ".transactionType", HEST_LC_NVP, &arm_transaction,                \
		   "Unknown (Reserved)"),                                                                       \
		RN(v, "operation", obj ".operation", HEST_LC_NVP, ops, "Unknown (Reserved)"),                   \
		R(v, "level", obj ".level", HEST_LC_INT),                                                       \
		R(v, "processor_context_corrupt", obj ".processorContextCorrupt", HEST_LC_BOOL),                \
		R(v, "corrected", obj ".corrected", HEST_LC_BOOL),                                              \
		R(v, "precise_pc", obj ".precisePC", HEST_LC_BOOL),                                             \
		R(v, "restartable_pc", obj ".restartablePC", HEST_LC_BOOL)
	ARM_CACHE_TLB("arm-error-info/cache", "errorInformation.cacheError", &arm_cache_op),
	ARM_CACHE_TLB("arm-error-info/tlb", "errorInformation.tlbError", &arm_tlb_op),
	RN("arm-error-info/bus", "validation_bits", "errorInformation.busError.validationBits", HEST_LC_BITS,
	   &arm_bus_valid, NULL),
	RN("arm-error-info/bus", "transaction_type", "errorInformation.busError.transactionType", HEST_LC_NVP,
	   &arm_transaction, "Unknown (Reserved)"),
	RN("arm-error-info/bus", "operation", "errorInformation.busError.operation", HEST_LC_NVP, &arm_cache_op,
	   "Unknown (Reserved)"),
	R("arm-error-info/bus", "level", "errorInformation.busError.level", HEST_LC_INT),
	R("arm-error-info/bus", "processor_context_corrupt", "errorInformation.busError.processorContextCorrupt",
	  HEST_LC_BOOL),
	R("arm-error-info/bus", "corrected", "errorInformation.busError.corrected", HEST_LC_BOOL),
	R("arm-error-info/bus", "precise_pc", "errorInformation.busError.precisePC", HEST_LC_BOOL),
	R("arm-error-info/bus", "restartable_pc", "errorInformation.busError.restartablePC", HEST_LC_BOOL),
	R("arm-error-info/bus", "timed_out", "errorInformation.busError.timedOut", HEST_LC_BOOL),
	RN("arm-error-info/bus", "participation_type", "errorInformation.busError.participationType", HEST_LC_NVP,
	   &arm_participation, "Unknown"),
	RN("arm-error-info/bus", "address_space", "errorInformation.busError.addressSpace", HEST_LC_NVP, &arm_space,
	   "Unknown"),
	R("arm-error-info/bus", "memory_attributes", "errorInformation.busError.memoryAttributes", HEST_LC_INT),
	RN("arm-error-info/bus", "access_mode", "errorInformation.busError.accessMode", HEST_LC_NVP, &arm_access,
	   "Normal"),
	/* its context structures (contextInfo[]): the register array by context type */
	R("arm-context", "version", "version", HEST_LC_INT),
	RN("arm-context", "register_context_type", "registerContextType", HEST_LC_NVP, &arm_ctx_type,
	   "Unknown (Reserved)"),
	R("arm-context", "register_array_size", "registerArraySize", HEST_LC_INT),
#define REG(v, k) R(v, k, "registerArray." k, HEST_LC_INT)
	REG("arm-context/0", "r0"), REG("arm-context/0", "r1"), REG("arm-context/0", "r2"), REG("arm-context/0", "r3"),
	REG("arm-context/0", "r4"), REG("arm-context/0", "r5"), REG("arm-context/0", "r6"), REG("arm-context/0", "r7"),
	REG("arm-context/0", "r8"), REG("arm-context/0", "r9"), REG("arm-context/0", "r10"),
	REG("arm-context/0", "r11"), REG("arm-context/0", "r12"), REG("arm-context/0", "r13_sp"),
	REG("arm-context/0", "r14_lr"), REG("arm-context/0", "r15_pc"),
	REG("arm-context/1", "dfar"), REG("arm-context/1", "dfsr"), REG("arm-context/1", "ifar"),
	REG("arm-context/1", "isr"), REG("arm-context/1", "mair0"), REG("arm-context/1", "mair1"),
	REG("arm-context/1", "midr"), REG("arm-context/1", "mpidr"), REG("arm-context/1", "nmrr"),
	REG("arm-context/1", "prrr"), REG("arm-context/1", "sctlr_ns"), REG("arm-context/1", "spsr"),
	REG("arm-context/1", "spsr_abt"), REG("arm-context/1", "spsr_fiq"), REG("arm-context/1", "spsr_irq"),
	REG("arm-context/1", "spsr_svc"), REG("arm-context/1", "spsr_und"), REG("arm-context/1", "tpidrprw"),
	REG("arm-context/1", "tpidruro"), REG("arm-context/1", "tpidrurw"), REG("arm-context/1", "ttbcr"),
	REG("arm-context/1", "ttbr0"), REG("arm-context/1", "ttbr1"), REG("arm-context/1", "dacr"),
	REG("arm-context/2", "elr_hyp"), REG("arm-context/2", "hamair0"), REG("arm-context/2", "hamair1"),
	REG("arm-context/2", "hcr"), REG("arm-context/2", "hcr2"), REG("arm-context/2", "hdfar"),
	REG("arm-context/2", "hifar"), REG("arm-context/2", "hpfar"), REG("arm-context/2", "hsr"),
	REG("arm-context/2", "htcr"), REG("arm-context/2", "htpidr"), REG("arm-context/2", "httbr"),
	REG("arm-context/2", "spsr_hyp"), REG("arm-context/2", "vtcr"), REG("arm-context/2", "vttbr"),
	REG("arm-context/2", "dacr32_el2"),
	REG("arm-context/3", "sctlr_s"), REG("arm-context/3", "spsr_mon"),
	REG("arm-context/4", "x0"), REG("arm-context/4", "x1"), REG("arm-context/4", "x2"), REG("arm-context/4", "x3"),
	REG("arm-context/4", "x4"), REG("arm-context/4", "x5"), REG("arm-context/4", "x6"), REG("arm-context/4", "x7"),
	REG("arm-context/4", "x8"), REG("arm-context/4", "x9"), REG("arm-context/4", "x10"),
	REG("arm-context/4", "x11"), REG("arm-context/4", "x12"), REG("arm-context/4", "x13"),
	REG("arm-context/4", "x14"), REG("arm-context/4", "x15"), REG("arm-context/4", "x16"),
	REG("arm-context/4", "x17"), REG("arm-context/4", "x18"), REG("arm-context/4", "x19"),
	REG("arm-context/4", "x20"), REG("arm-context/4", "x21"), REG("arm-context/4", "x22"),
	REG("arm-context/4", "x23"), REG("arm-context/4", "x24"), REG("arm-context/4", "x25"),
	REG("arm-context/4", "x26"), REG("arm-context/4", "x27"), REG("arm-context/4", "x28"),
	REG("arm-context/4", "x29"), REG("arm-context/4", "x30"), REG("arm-context/4", "sp"),
	REG("arm-context/5", "elr_el1"), REG("arm-context/5", "esr_el1"), REG("arm-context/5", "far_el1"),
	REG("arm-context/5", "isr_el1"), REG("arm-context/5", "mair_el1"), REG("arm-context/5", "midr_el1"),
	REG("arm-context/5", "mpidr_el1"), REG("arm-context/5", "sctlr_el1"), REG("arm-context/5", "sp_el0"),
	REG("arm-context/5", "sp_el1"), REG("arm-context/5", "spsr_el1"), REG("arm-context/5", "tcr_el1"),
	REG("arm-context/5", "tpidr_el0"), REG("arm-context/5", "tpidr_el1"), REG("arm-context/5", "tpidrro_el0"),
	REG("arm-context/5", "ttbr0_el1"), REG("arm-context/5", "ttbr1_el1"),
	REG("arm-context/6", "elr_el2"), REG("arm-context/6", "esr_el2"), REG("arm-context/6", "far_el2"),
	REG("arm-context/6", "hacr_el2"), REG("arm-context/6", "hcr_el2"), REG("arm-context/6", "hpfar_el2"),
	REG("arm-context/6", "mair_el2"), REG("arm-context/6", "sctlr_el2"), REG("arm-context/6", "sp_el2"),
	REG("arm-context/6", "spsr_el2"), REG("arm-context/6", "tcr_el2"), REG("arm-context/6", "tpidr_el2"),
	REG("arm-context/6", "ttbr0_el2"), REG("arm-context/6", "vtcr_el2"), REG("arm-context/6", "vttbr_el2"),
	REG("arm-context/7", "elr_el3"), REG("arm-context/7", "esr_el3"), REG("arm-context/7", "far_el3"),
	REG("arm-context/7", "mair_el3"), REG("arm-context/7", "sctlr_el3"), REG("arm-context/7", "sp_el3"),
	REG("arm-context/7", "spsr_el3"), REG("arm-context/7", "tcr_el3"), REG("arm-context/7", "tpidr_el3"),
	REG("arm-context/7", "ttbr0_el3"),
	R("arm-context/8", "op2", "registerArray.mrsEncoding.op2", HEST_LC_INT),
	R("arm-context/8", "crm", "registerArray.mrsEncoding.crm", HEST_LC_INT),
	R("arm-context/8", "crn", "registerArray.mrsEncoding.crn", HEST_LC_INT),
	R("arm-context/8", "op1", "registerArray.mrsEncoding.op1", HEST_LC_INT),
	R("arm-context/8", "o0", "registerArray.mrsEncoding.o0", HEST_LC_INT),
	R("arm-context/8", "value", "registerArray.value", HEST_LC_INT),
	R("arm-context/other", NULL, "registerArray.data", HEST_LC_EXTRA),

	/* UEFI 2.10 N.2.9: sections/cper-pci-component.json, cper-section-pci-dev.c */
	RN("pci-device", "validation_bits", "validationBits", HEST_LC_BITS, &pci_dev_valid, NULL),
	ERROR_STATUS("pci-device"),
	R("pci-device", "vendor_id", "idInfo.vendorID", HEST_LC_INT),
	R("pci-device", "device_id", "idInfo.deviceID", HEST_LC_INT),
	R("pci-device", "class_code", "idInfo.classCode", HEST_LC_INT),
	R("pci-device", "function", "idInfo.functionNumber", HEST_LC_INT),
	R("pci-device", "device", "idInfo.deviceNumber", HEST_LC_INT),
	R("pci-device", "bus", "idInfo.busNumber", HEST_LC_INT),
	R("pci-device", "segment", "idInfo.segmentNumber", HEST_LC_INT),
	R("pci-device", "memory_number", "memoryNumber", HEST_LC_INT),
	R("pci-device", "io_number", "ioNumber", HEST_LC_INT),
	R("pci-device", "pci-register", "registerDataPairs", HEST_LC_ARRAY),
	R("pci-register", "address", "firstHalf", HEST_LC_INT),
	R("pci-register", "value", "secondHalf", HEST_LC_INT),

	/* NVIDIA: sections/cper-nvidia.json, cper-section-nvidia.c */
	R("nvidia", "signature", "signature", HEST_LC_TEXT),
	R("nvidia", "error_type", "errorType", HEST_LC_INT),
	R("nvidia", "error_instance", "errorInstance", HEST_LC_INT),
	R("nvidia", "nvidia_severity", "severity", HEST_LC_SEVERITY),
	R("nvidia", "socket", "socket", HEST_LC_INT),
	R("nvidia", "number_regs", "registerCount", HEST_LC_INT),
	R("nvidia", "instance_base", "instanceBase", HEST_LC_INT),
	R("nvidia", "nvidia-register", "registers", HEST_LC_ARRAY),
	R("nvidia-register", "address", "address", HEST_LC_INT),
	R("nvidia-register", "value", "value", HEST_LC_INT),

	/* UEFI N.2.10: sections/cper-firmware.json */
	RN("fw-error-ref", "record_type", "errorRecordType", HEST_LC_NVP, &fw_type, "Unknown"),
	R("fw-error-ref", "revision", "revision", HEST_LC_INT),
	R("fw-error-ref", "record_identifier", "recordID", HEST_LC_INT),
	R("fw-error-ref", "record_identifier_guid", "recordIDGUID", HEST_LC_GUID),

	/* --- the kinds without arrays of structures -------------------------------- */

	/* UEFI N.2.13: sections/cper-cxl-protocol.json, cper-section-cxl-protocol.c;
	 * the agent address, serial number and capability structure by agent type (variants
	 * "cxl-protocol/device", "cxl-protocol/host-port") */
	RN("cxl-protocol", "validation_bits", "validationBits", HEST_LC_BITS, &cxl_prot_valid, NULL),
	RN("cxl-protocol", "agent_type", "agentType", HEST_LC_NVP, &cxl_agent, "Unknown (Reserved)"),
	R("cxl-protocol/device", "function", "cxlAgentAddress.functionNumber", HEST_LC_INT),
	R("cxl-protocol/device", "device", "cxlAgentAddress.deviceNumber", HEST_LC_INT),
	R("cxl-protocol/device", "bus", "cxlAgentAddress.busNumber", HEST_LC_INT),
	R("cxl-protocol/device", "segment", "cxlAgentAddress.segmentNumber", HEST_LC_INT),
	/* a host downstream port's RCRB base address: bytes 16-23 */
	RB("cxl-protocol/host-port", "function", "cxlAgentAddress.value", HEST_LC_INT, 0, 64),
	R("cxl-protocol", "vendor_id", "deviceID.vendorID", HEST_LC_INT),
	R("cxl-protocol", "device_id", "deviceID.deviceID", HEST_LC_INT),
	R("cxl-protocol", "subsystem_vendor_id", "deviceID.subsystemVendorID", HEST_LC_INT),
	R("cxl-protocol", "subsystem_id", "deviceID.subsystemDeviceID", HEST_LC_INT),
	R("cxl-protocol", "class_code", "deviceID.classCode", HEST_LC_INT),
	R("cxl-protocol", "slot", "deviceID.slotNumber", HEST_LC_INT),
	R("cxl-protocol/device", "serial_number", "deviceSerial", HEST_LC_INT),
	R("cxl-protocol/device", "capability", "capabilityStructure", HEST_LC_BASE64),
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

const struct hest_lc_variant *hest_lc_variants(size_t *n)
{
	*n = N(variants);
	return variants;
}

int hest_lc_variant_value(const struct hest_lc_variant *v, const struct hest_cper_desc *d, const uint8_t *bytes,
			  uint32_t len, uint64_t *x)
{
	*x = 0;
	if (strcmp(v->desc, d->key) != 0)
		return -1;
	if (!v->field)
		return 0;
	const struct hest_cper_field *f = hest_cper_field_find(d, v->field, strlen(v->field));
	if (!f || (uint32_t)f->offset + f->size > len)
		return -1;
	if (f->kind == HEST_CF_GUID) {
		for (size_t i = 0; f->guids && i < f->guids->n; i++)
			if (memcmp(f->guids->v[i].guid, bytes + f->offset, 16) == 0)
				*x = i + 1;
	} else if (hest_cper_field_is_int(f)) {
		*x = hest_cper_field_get(f, bytes);
	} else {
		return -1;
	}
	if (v->width)
		*x = *x >> v->shift & (v->width >= 64 ? UINT64_MAX : ((uint64_t)1 << v->width) - 1);
	return 0;
}

bool hest_lc_variant_applies(const struct hest_lc_variant *v, const struct hest_cper_desc *d, const uint8_t *bytes,
			     uint32_t len)
{
	uint64_t x;
	if (hest_lc_variant_value(v, d, bytes, len, &x) < 0)
		return false;
	if (!v->field)
		return true;
	bool in = x < 64 && (v->values >> x & 1);
	return v->others ? !in : in;
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

const struct hest_lc_variant *hest_lc_in_place_of(const struct hest_lc_row *r, const char *desc)
{
	for (size_t i = 0; i < N(variants); i++)
		if (variants[i].in_place && strcmp(variants[i].desc, desc) == 0 && strcmp(variants[i].key, r->desc) == 0)
			return &variants[i];
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

int hest_lc_row_target(const struct hest_lc_row *r, const struct hest_cper_section *s,
		       const struct hest_cper_image *im, const struct hest_cper_field **f)
{
	*f = r->field ? hest_cper_field_find(im->desc, r->field, strlen(r->field)) : NULL;
	if (!r->field || *f)
		return -1;
	bool body = s && im == &s->body;
	for (unsigned i = 0; body && i < HEST_CPER_MAX_VAR && s->type->var[i].key; i++)
		if (strcmp(s->type->var[i].key, r->field) == 0)
			return (int)i;
	if (body && s->type->tail_key && strcmp(s->type->tail_key, r->field) == 0)
		return HEST_CPER_MAX_VAR;
	return -2;
}

const char *hest_lc_severity_name(uint64_t v)
{
	static const char *const names[] = { "Recoverable", "Fatal", "Corrected", "Informational" };
	return v < 4 ? names[v] : "Unknown";
}

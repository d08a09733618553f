/* CPER field-descriptor tables: UEFI 2.10 Appendix N structures and the
 * ACPI 6.5 18.3.2.7.1 Generic Error Status Block / Data Entry.
 *
 * Sizes verified against UEFI 2.10 N.2 and the packed structures of
 * Linux include/linux/cper.h and edk2 MdePkg/Include/Guid/Cper.h:
 * memory 80, memory 2 96, processor generic 192, IA32/X64 64 (+ 64 per
 * error information structure, + 16 per context header and its registers),
 * ARM 40 (+ 32 per error information structure, + 8 per context header and
 * its registers), PCIe 208, firmware error record reference 32. */
#include <string.h>
#include <hest/cper.h>
#include "../parser/cursor.h"

#define N(arr) (sizeof(arr) / sizeof((arr)[0]))
#define NAMES(arr) { arr, N(arr) }

/* EFI_GUID in wire order: Data1..3 little-endian, Data4 as written. */
#define GUID(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7)                                                 \
	{ (uint8_t)(a), (uint8_t)((a) >> 8), (uint8_t)((a) >> 16), (uint8_t)((uint32_t)(a) >> 24),     \
	  (uint8_t)(b), (uint8_t)((b) >> 8), (uint8_t)(c), (uint8_t)((c) >> 8), d0, d1, d2, d3, d4, d5, \
	  d6, d7 }

/* Field constructors: key, offset, size, bit shift, bit width, kind, attr,
 * validation bit, default, names, GUID names, doc. */
#define FLD(k, off, sz, sh, w, kind, attr, vb, def, names, guids, doc) \
	{ k, off, sz, sh, w, kind, attr, vb, def, names, guids, doc }
#define U(k, off, sz, vb, doc) FLD(k, off, sz, 0, 0, HEST_CF_INT, 0, vb, 0, NULL, NULL, doc)
#define UD(k, off, sz, vb, doc) FLD(k, off, sz, 0, 0, HEST_CF_INT, HEST_CA_DEC, vb, 0, NULL, NULL, doc)
#define BITS(k, off, sz, sh, w, vb, doc) FLD(k, off, sz, sh, w, HEST_CF_INT, HEST_CA_DEC, vb, 0, NULL, NULL, doc)
#define E(k, off, sz, vb, names, doc) FLD(k, off, sz, 0, 0, HEST_CF_ENUM, 0, vb, 0, names, NULL, doc)
#define EC(k, off, sz, vb, names, doc) FLD(k, off, sz, 0, 0, HEST_CF_ENUM, HEST_CA_CLOSED, vb, 0, names, NULL, doc)
#define FL(k, off, sz, vb, names, doc) FLD(k, off, sz, 0, 0, HEST_CF_FLAGS, 0, vb, 0, names, NULL, doc)
#define GU(k, off, vb, guids, doc) FLD(k, off, 16, 0, 0, HEST_CF_GUID, 0, vb, 0, NULL, guids, doc)
#define BY(k, off, sz, vb, doc) FLD(k, off, sz, 0, 0, HEST_CF_BYTES, 0, vb, 0, NULL, NULL, doc)
#define TX(k, off, sz, vb, doc) FLD(k, off, sz, 0, 0, HEST_CF_TEXT, 0, vb, 0, NULL, NULL, doc)
#define RS(k, off, sz) FLD(k, off, sz, 0, 0, HEST_CF_RESERVED, 0, -1, 0, NULL, NULL, "reserved, zero")
#define RSB(k, off, sz, sh, w) FLD(k, off, sz, sh, w, HEST_CF_RESERVED, 0, -1, 0, NULL, NULL, "reserved bits, zero")
#define CNT(k, off, sz, doc) FLD(k, off, sz, 0, 0, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, -1, 0, NULL, NULL, doc)
#define VALID(off, sz) FLD("validation_bits", off, sz, 0, 0, HEST_CF_FLAGS, HEST_CA_VALIDATION, -1, 0, NULL, \
			   NULL, "which fields are valid; set from the fields given (giving it overrides)")
#define DESC(var, k, title, sz, fields, voff, vsz, doc) \
	const struct hest_cper_desc var = { k, title, sz, fields, N(fields), voff, vsz, doc }

/* --- names ---------------------------------------------------------------- */

static const struct hest_name sev_v[] = {
	{ "recoverable", 0, "Recoverable" },
	{ "fatal", 1, "Fatal" },
	{ "corrected", 2, "Corrected" },
	{ "none", 3, "None" },
	{ "informational", 3, "Informational" }, /* UEFI's name; Linux prints "info" */
	{ "info", 3, "Informational" },
};
const struct hest_names hest_cper_severity_names = NAMES(sev_v);

/* ACPI 6.5 table 18.11 block status bits 3:0. */
static const struct hest_name bstat_v[] = {
	{ "uncorrectable", 0x1, "Uncorrectable Error Valid" },
	{ "correctable", 0x2, "Correctable Error Valid" },
	{ "multiple-uncorrectable", 0x4, "Multiple Uncorrectable Errors" },
	{ "multiple-correctable", 0x8, "Multiple Correctable Errors" },
};
static const struct hest_names bstat_names = NAMES(bstat_v);

/* UEFI 2.10 N.2.2 section descriptor flags (the data entry keeps the low byte). */
static const struct hest_name secflag_v[] = {
	{ "primary", 0x01, "Primary" },
	{ "containment-warning", 0x02, "Containment Warning" },
	{ "reset", 0x04, "Reset" },
	{ "error-threshold-exceeded", 0x08, "Error threshold exceeded" },
	{ "resource-not-accessible", 0x10, "Resource not accessible" },
	{ "latent-error", 0x20, "Latent error" },
	{ "propagated", 0x40, "Propagated" },
	{ "overflow", 0x80, "Overflow" },
};
static const struct hest_names secflag_names = NAMES(secflag_v);

/* UEFI 2.10 N.2.1 record header flags. */
static const struct hest_name recflag_v[] = {
	{ "recovered", 0x1, "HW_ERROR_FLAGS_RECOVERED" },
	{ "previous-error", 0x2, "HW_ERROR_FLAGS_PREVERR" },
	{ "simulated", 0x4, "HW_ERROR_FLAGS_SIMULATED" },
};
static const struct hest_names recflag_names = NAMES(recflag_v);

static const struct hest_cper_guid_name section_guid_v[] = {
	{ "processor-generic", GUID(0x9876ccad, 0x47b4, 0x4bdb, 0xb6, 0x5e, 0x16, 0xf1, 0x93, 0xc4, 0xf3, 0xdb),
	  "Processor Generic" },
	{ "ia32x64", GUID(0xdc3ea0b0, 0xa144, 0x4797, 0xb9, 0x5b, 0x53, 0xfa, 0x24, 0x2b, 0x6e, 0x1d),
	  "Processor Specific: IA32/X64" },
	{ "arm", GUID(0xe19e3d16, 0xbc11, 0x11e4, 0x9c, 0xaa, 0xc2, 0x05, 0x1d, 0x5d, 0x46, 0xb0),
	  "Processor Specific: ARM" },
	{ "memory", GUID(0xa5bc1114, 0x6f64, 0x4ede, 0xb8, 0x63, 0x3e, 0x83, 0xed, 0x7c, 0x83, 0xb1),
	  "Platform Memory" },
	{ "memory2", GUID(0x61ec04fc, 0x48e6, 0xd813, 0x25, 0xc9, 0x8d, 0xaa, 0x44, 0x75, 0x0b, 0x12),
	  "Platform Memory 2" },
	{ "pcie", GUID(0xd995e954, 0xbbc1, 0x430f, 0xad, 0x91, 0xb4, 0x4d, 0xcb, 0x3c, 0x6f, 0x35),
	  "PCI Express" },
	{ "fw-error-ref", GUID(0x81212a96, 0x09ed, 0x4996, 0x94, 0x71, 0x8d, 0x72, 0x9c, 0x8e, 0x69, 0xed),
	  "Firmware Error Record Reference" },
	{ "pci-bus", GUID(0xc5753963, 0x3b84, 0x4095, 0xbf, 0x78, 0xed, 0xda, 0xd3, 0xf9, 0xc9, 0xdd),
	  "PCI/PCI-X Bus" },
	{ "pci-device", GUID(0xeb5e4685, 0xca66, 0x4769, 0xb6, 0xa2, 0x26, 0x06, 0x8b, 0x00, 0x13, 0x26),
	  "PCI Component/Device" },
	{ "dmar-generic", GUID(0x5b51fef7, 0xc79d, 0x4434, 0x8f, 0x1b, 0xaa, 0x62, 0xde, 0x3e, 0x2c, 0x64),
	  "DMAr Generic" },
	{ "dmar-vt", GUID(0x71761d37, 0x32b2, 0x45cd, 0xa7, 0xd0, 0xb0, 0xfe, 0xdd, 0x93, 0xe8, 0xcf),
	  "Intel VT for Directed I/O specific DMAr" },
	{ "dmar-iommu", GUID(0x036f84e1, 0x7f37, 0x428c, 0xa7, 0x9e, 0x57, 0x5f, 0xdf, 0xaa, 0x84, 0xec),
	  "IOMMU specific DMAr" },
	{ "cxl-protocol", GUID(0x80b9efb4, 0x52b5, 0x4de3, 0xa7, 0x77, 0x68, 0x78, 0x4b, 0x77, 0x10, 0x48),
	  "CXL Protocol Error" },
	{ "cxl-general-media", GUID(0xfbcd0a77, 0xc260, 0x417f, 0x85, 0xa9, 0x08, 0x8b, 0x16, 0x21, 0xeb, 0xa6),
	  "CXL General Media Event" },
	{ "cxl-dram", GUID(0x601dcbb3, 0x9c06, 0x4eab, 0xb8, 0xaf, 0x4e, 0x9b, 0xfb, 0x5c, 0x96, 0x24),
	  "CXL DRAM Event" },
	{ "cxl-memory-module", GUID(0xfe927475, 0xdd59, 0x4339, 0xa5, 0x86, 0x79, 0xba, 0xb1, 0x13, 0xb7, 0x74),
	  "CXL Memory Module Event" },
	{ "fru-memory-poison", GUID(0x5e4706c1, 0x5356, 0x48c6, 0x93, 0x0b, 0x52, 0xf2, 0x12, 0x0a, 0x44, 0x58),
	  "FRU Memory Poison" },
	{ "ccix-per", GUID(0x91335ef6, 0xebfb, 0x4478, 0xa6, 0xa6, 0x88, 0xb7, 0x28, 0xcf, 0x75, 0xd7),
	  "CCIX PER Log" },
	{ "nvidia", GUID(0x6d5244f2, 0x2712, 0x11ec, 0xbe, 0xa7, 0xcb, 0x3f, 0xdb, 0x95, 0xc7, 0x86),
	  "NVIDIA (Grace)" },
	{ "nvidia-vera", GUID(0x9068e568, 0x6ca0, 0x11f0, 0xae, 0xaf, 0x15, 0x93, 0x43, 0x59, 0x1e, 0xac),
	  "NVIDIA (Vera)" },
	{ "ampere", GUID(0x2826cc9f, 0x448c, 0x4c2b, 0x86, 0xb6, 0xa9, 0x53, 0x94, 0xb7, 0xef, 0x33),
	  "Ampere" },
};
static const struct hest_cper_guid_names section_guids = NAMES(section_guid_v);

/* UEFI 2.10 N.2.1 notification types. */
static const struct hest_cper_guid_name notify_guid_v[] = {
	{ "cmc", GUID(0x2dce8bb1, 0xbdd7, 0x450e, 0xb9, 0xad, 0x9c, 0xf4, 0xeb, 0xd4, 0xf8, 0x90),
	  "Corrected Machine Check" },
	{ "cpe", GUID(0x4e292f96, 0xd843, 0x4a55, 0xa8, 0xc2, 0xd4, 0x81, 0xf2, 0x7e, 0xbe, 0xee),
	  "Corrected Platform Error" },
	{ "mce", GUID(0xe8f56ffe, 0x919c, 0x4cc5, 0xba, 0x88, 0x65, 0xab, 0xe1, 0x49, 0x13, 0xbb),
	  "Machine Check Exception" },
	{ "pcie", GUID(0xcf93c01f, 0x1a16, 0x4dfc, 0xb8, 0xbc, 0x9c, 0x4d, 0xaf, 0x67, 0xc1, 0x04),
	  "PCI Express Error" },
	{ "init", GUID(0xcc5263e8, 0x9308, 0x454a, 0x89, 0xd0, 0x34, 0x0b, 0xd3, 0x9b, 0xc9, 0x8e),
	  "INIT Record" },
	{ "nmi", GUID(0x5bad89ff, 0xb7e6, 0x42c9, 0x81, 0x4a, 0xcf, 0x24, 0x85, 0xd6, 0xe9, 0x8a),
	  "Non-Maskable Interrupt" },
	{ "boot", GUID(0x3d61a466, 0xab40, 0x409a, 0xa6, 0x98, 0xf3, 0x62, 0xd4, 0x64, 0xb3, 0x8f),
	  "Boot Error Record" },
	{ "dmar", GUID(0x667dd791, 0xc6b3, 0x4c27, 0x8a, 0x6b, 0x0f, 0x8e, 0x72, 0x2d, 0xeb, 0x41),
	  "DMA Remapping Error" },
	{ "sea", GUID(0x9a78788a, 0xbbe8, 0x11e4, 0x80, 0x9e, 0x67, 0x61, 0x1e, 0x5d, 0x46, 0xb0),
	  "Synchronous External Abort" },
	{ "sei", GUID(0x5c284c81, 0xb0ae, 0x4e87, 0xa3, 0x22, 0xb0, 0x4c, 0x85, 0x62, 0x43, 0x23),
	  "SError Interrupt" },
	{ "pei", GUID(0x09a9d5ac, 0x5204, 0x4214, 0x96, 0xe5, 0x94, 0x99, 0x2e, 0x75, 0x2b, 0xcd),
	  "Platform Error Interrupt" },
};
static const struct hest_cper_guid_names notify_guids = NAMES(notify_guid_v);

/* UEFI 2.10 N.2.4.2.1 IA32/X64 error structure types. */
static const struct hest_cper_guid_name ia_err_guid_v[] = {
	{ "cache-check", GUID(0xa55701f5, 0xe3ef, 0x43de, 0xac, 0x72, 0x24, 0x9b, 0x57, 0x3f, 0xad, 0x2c),
	  "Cache Check" },
	{ "tlb-check", GUID(0xfc06b535, 0x5e1f, 0x4562, 0x9f, 0x25, 0x0a, 0x3b, 0x9a, 0xdb, 0x63, 0xc3),
	  "TLB Check" },
	{ "bus-check", GUID(0x1cf3f8b3, 0xc5b1, 0x49a2, 0xaa, 0x59, 0x5e, 0xef, 0x92, 0xff, 0xa6, 0x3c),
	  "Bus Check" },
	{ "ms-check", GUID(0x48ab7f57, 0xdc34, 0x4f6c, 0xa7, 0xd3, 0xb0, 0xb5, 0xb0, 0xa7, 0x43, 0x14),
	  "MS Check" },
};
static const struct hest_cper_guid_names ia_err_guids = NAMES(ia_err_guid_v);

static const struct hest_name mem_type_v[] = {
	{ "unknown", 0, "Unknown" },
	{ "no-error", 1, "No error" },
	{ "single-bit-ecc", 2, "Single-bit ECC" },
	{ "multi-bit-ecc", 3, "Multi-bit ECC" },
	{ "single-symbol-chipkill", 4, "Single-symbol ChipKill ECC" },
	{ "multi-symbol-chipkill", 5, "Multi-symbol ChipKill ECC" },
	{ "master-abort", 6, "Master abort" },
	{ "target-abort", 7, "Target abort" },
	{ "parity", 8, "Parity Error" },
	{ "watchdog-timeout", 9, "Watchdog timeout" },
	{ "invalid-address", 10, "Invalid address" },
	{ "mirror-broken", 11, "Mirror Broken" },
	{ "memory-sparing", 12, "Memory Sparing" },
	{ "scrub-corrected", 13, "Scrub corrected error" },
	{ "scrub-uncorrected", 14, "Scrub uncorrected error" },
	{ "memory-map-event", 15, "Physical Memory Map-out event" },
};
static const struct hest_names mem_type_names = NAMES(mem_type_v);

static const struct hest_name proc_type_v[] = {
	{ "ia32x64", 0, "IA32/X64" },
	{ "ia64", 1, "IA64" },
	{ "arm", 2, "ARM" },
};
static const struct hest_names proc_type_names = NAMES(proc_type_v);

static const struct hest_name proc_isa_v[] = {
	{ "ia32", 0, "IA32" },
	{ "ia64", 1, "IA64" },
	{ "x64", 2, "X64" },
	{ "arm-a32", 3, "ARM A32/T32" },
	{ "arm-a64", 4, "ARM A64" },
};
static const struct hest_names proc_isa_names = NAMES(proc_isa_v);

static const struct hest_name proc_err_v[] = {
	{ "cache", 0x1, "Cache Error" },
	{ "tlb", 0x2, "TLB Error" },
	{ "bus", 0x4, "Bus Error" },
	{ "micro-arch", 0x8, "Micro-Architectural Error" },
};
static const struct hest_names proc_err_names = NAMES(proc_err_v);

static const struct hest_name proc_op_v[] = {
	{ "generic", 0, "unknown or generic" },
	{ "data-read", 1, "data read" },
	{ "data-write", 2, "data write" },
	{ "instruction-execution", 3, "instruction execution" },
};
static const struct hest_names proc_op_names = NAMES(proc_op_v);

static const struct hest_name proc_flag_v[] = {
	{ "restartable", 0x1, "Restartable" },
	{ "precise-ip", 0x2, "Precise IP" },
	{ "overflow", 0x4, "Overflow" },
	{ "corrected", 0x8, "Corrected" },
};
static const struct hest_names proc_flag_names = NAMES(proc_flag_v);

static const struct hest_name ia_ctx_v[] = {
	{ "unclassified", 0, "Unclassified Data" },
	{ "msr", 1, "MSR Registers (Machine Check and other MSRs)" },
	{ "ia32", 2, "32-bit Mode Execution Context" },
	{ "x64", 3, "64-bit Mode Execution Context" },
	{ "fxsave", 4, "FXSAVE Context" },
	{ "debug-ia32", 5, "32-bit Mode Debug Registers (DR0-DR7)" },
	{ "debug-x64", 6, "64-bit Mode Debug Registers (DR0-DR7)" },
	{ "memory-mapped", 7, "Memory Mapped Registers" },
};
static const struct hest_names ia_ctx_names = NAMES(ia_ctx_v);

static const struct hest_name arm_info_flag_v[] = {
	{ "first", 0x1, "First error captured" },
	{ "last", 0x2, "Last error captured" },
	{ "propagated", 0x4, "Propagated" },
	{ "overflow", 0x8, "Overflow" },
};
static const struct hest_names arm_info_flag_names = NAMES(arm_info_flag_v);

/* UEFI 2.9A/2.10 N.2.4.4.1 table N-17: the error type is a bit mask, bits 4:1
 * (Linux CPER_ARM_ERR_TYPE_MASK GENMASK(4,1) since the 2025 alignment, which
 * Debian's 6.1.0-57 and 6.12.95 carry; kernels without it read the byte as an
 * index: 0 cache, 1 TLB, 2 bus, 3 vendor). */
static const struct hest_name arm_err_type_v[] = {
	{ "cache", 0x02, "cache error" },
	{ "tlb", 0x04, "TLB error" },
	{ "bus", 0x08, "bus error" },
	{ "micro-architectural", 0x10, "micro-architectural error" },
};
static const struct hest_names arm_err_type_names = NAMES(arm_err_type_v);

static const struct hest_name arm_ctx_v[] = {
	{ "aarch32-gpr", 0, "AArch32 general purpose registers" },
	{ "aarch32-el1", 1, "AArch32 EL1 context registers" },
	{ "aarch32-el2", 2, "AArch32 EL2 context registers" },
	{ "aarch32-secure", 3, "AArch32 secure context registers" },
	{ "aarch64-gpr", 4, "AArch64 general purpose registers" },
	{ "aarch64-el1", 5, "AArch64 EL1 context registers" },
	{ "aarch64-el2", 6, "AArch64 EL2 context registers" },
	{ "aarch64-el3", 7, "AArch64 EL3 context registers" },
	{ "misc", 8, "Misc. system register structure" },
	/* UEFI 2.11 (FEAT_D128): 128-bit and banked miscellaneous system registers */
	{ "misc-128", 9, "Misc. 128-bit system register structure" },
	{ "misc-banked", 10, "Misc. banked system register structure" },
};
static const struct hest_names arm_ctx_names = NAMES(arm_ctx_v);

static const struct hest_name port_v[] = {
	{ "pcie-endpoint", 0, "PCI Express End Point" },
	{ "pci-endpoint", 1, "Legacy PCI End Point Device" },
	{ "root-port", 4, "Root Port" },
	{ "upstream-switch-port", 5, "Upstream Switch Port" },
	{ "downstream-switch-port", 6, "Downstream Switch Port" },
	{ "pcie-to-pci-bridge", 7, "PCI Express to PCI/PCI-X Bridge" },
	{ "pci-to-pcie-bridge", 8, "PCI/PCI-X to PCI Express Bridge" },
	{ "rc-integrated-endpoint", 9, "Root Complex Integrated Endpoint Device" },
	{ "rc-event-collector", 10, "Root Complex Event Collector" },
};
static const struct hest_names port_names = NAMES(port_v);

static const struct hest_name fw_type_v[] = {
	{ "ipf-sal", 0, "IPF SAL Error Record" },
	{ "soc-type1", 1, "SOC Firmware Error Record Type1 (Legacy CrashLog Support)" },
	{ "soc-type2", 2, "SOC Firmware Error Record Type2" },
};
static const struct hest_names fw_type_names = NAMES(fw_type_v);

/* --- containers ------------------------------------------------------------ */

/* ACPI 6.5 table 18.11: Generic Error Status Block. */
static const struct hest_cper_field status_f[] = {
	FLD("block_status", 0, 4, 0, 4, HEST_CF_FLAGS, HEST_CA_COMPUTED, -1, 0, &bstat_names, NULL,
	    "bits 3:0; computed from the entries' severities (giving it overrides)"),
	FLD("entry_count", 0, 4, 4, 10, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, -1, 0, NULL, NULL,
	    "bits 13:4, Error Data Entry Count; computed"),
	RSB("reserved_block_status", 0, 4, 14, 18),
	CNT("raw_data_offset", 4, 4, "offset of the raw data from the block start (0 without raw data); computed"),
	CNT("raw_data_length", 8, 4, "raw data bytes; computed"),
	CNT("data_length", 12, 4, "bytes of all data entries; computed"),
	FLD("severity", 16, 4, 0, 0, HEST_CF_ENUM, HEST_CA_CLOSED, -1, 0, &hest_cper_severity_names, NULL,
	    "severity of the whole event, and the default of each entry's"),
};
DESC(hest_cper_desc_status, "status", "Generic Error Status Block", 20, status_f, 0, 0,
     "ACPI 6.5 18.3.2.7.1, table 18.11");

/* ACPI 6.5 table 18.12: Generic Error Data Entry (timestamp from revision 0x300). */
static const struct hest_cper_field entry_f[] = {
	FLD("section_type", 0, 16, 0, 0, HEST_CF_GUID, HEST_CA_COMPUTED, -1, 0, NULL, &section_guids,
	    "section type GUID; from the section's type"),
	FLD("severity", 16, 4, 0, 0, HEST_CF_ENUM, HEST_CA_COMPUTED | HEST_CA_CLOSED, -1, 0,
	    &hest_cper_severity_names, NULL, "severity of this section; defaults to the block's"),
	FLD("revision", 20, 2, 0, 0, HEST_CF_INT, 0, -1, HEST_CPER_ENTRY_REVISION, NULL, NULL,
	    "0x300 (72-byte entry with timestamp); below 0x300 the entry is 64 bytes"),
	VALID(22, 1),
	FL("flags", 23, 1, -1, &secflag_names, "section flags (UEFI 2.10 N.2.2)"),
	CNT("error_data_length", 24, 4, "section bytes; computed"),
	GU("fru_id", 28, 0, NULL, "field replaceable unit GUID"),
	TX("fru_text", 44, 20, 1, "field replaceable unit text"),
	U("timestamp", 64, 8, 2,
	  "BCD time: seconds, minutes, hours, flags (bit 0 precise), day, month, year, century (revision >= 0x300)"),
};
DESC(hest_cper_desc_entry, "entry", "Generic Error Data Entry", 72, entry_f, 22, 1,
     "ACPI 6.5 18.3.2.7.1, table 18.12");

/* UEFI 2.10 N.2.1 record header. */
static const struct hest_cper_field record_f[] = {
	FLD("signature", 0, 4, 0, 0, HEST_CF_TEXT, HEST_CA_FIXED, -1, 0x52455043u, NULL, NULL, "\"CPER\""),
	FLD("revision", 4, 2, 0, 0, HEST_CF_INT, 0, -1, 0x0101, NULL, NULL,
	    "record revision (edk2 EFI_ERROR_RECORD_REVISION 0x0101; Linux writes 0x0100)"),
	FLD("signature_end", 6, 4, 0, 0, HEST_CF_INT, HEST_CA_FIXED, -1, 0xffffffffu, NULL, NULL, "0xffffffff"),
	CNT("section_count", 10, 2, "number of sections; computed"),
	FLD("severity", 12, 4, 0, 0, HEST_CF_ENUM, HEST_CA_CLOSED, -1, 0, &hest_cper_severity_names, NULL,
	    "severity of the record, and the default of each section's"),
	VALID(16, 4),
	CNT("record_length", 20, 4, "bytes of the whole record; computed"),
	U("timestamp", 24, 8, 1, "BCD time, as in the data entry"),
	GU("platform_id", 32, 0, NULL, "platform GUID"),
	GU("partition_id", 48, 2, NULL, "partition GUID"),
	GU("creator_id", 64, -1, NULL, "creator GUID"),
	GU("notification_type", 80, -1, &notify_guids, "notification type GUID (cmc, cpe, mce, pcie, nmi, ...)"),
	U("record_id", 96, 8, -1, "unique record identifier"),
	FL("flags", 104, 4, -1, &recflag_names, "record flags"),
	U("persistence_information", 108, 8, -1, "reserved for the error record's persistence store"),
	RS("reserved", 116, 12),
};
DESC(hest_cper_desc_record, "record", "Common Platform Error Record header", 128, record_f, 16, 4,
     "UEFI 2.10 N.2.1");

/* UEFI 2.10 N.2.2 section descriptor. */
static const struct hest_cper_field descriptor_f[] = {
	CNT("section_offset", 0, 4, "offset of the section body from the record start; computed"),
	CNT("section_length", 4, 4, "section bytes; computed"),
	FLD("revision", 8, 2, 0, 0, HEST_CF_INT, 0, -1, 0x0100, NULL, NULL, "section descriptor revision, 0x0100"),
	VALID(10, 1),
	RS("reserved", 11, 1),
	FL("flags", 12, 4, -1, &secflag_names, "section flags"),
	FLD("section_type", 16, 16, 0, 0, HEST_CF_GUID, HEST_CA_COMPUTED, -1, 0, NULL, &section_guids,
	    "section type GUID; from the section's type"),
	GU("fru_id", 32, 0, NULL, "field replaceable unit GUID"),
	FLD("severity", 48, 4, 0, 0, HEST_CF_ENUM, HEST_CA_COMPUTED | HEST_CA_CLOSED, -1, 0,
	    &hest_cper_severity_names, NULL, "severity of this section; defaults to the record's"),
	TX("fru_text", 52, 20, 1, "field replaceable unit text"),
};
DESC(hest_cper_desc_descriptor, "descriptor", "Section Descriptor", 72, descriptor_f, 10, 1, "UEFI 2.10 N.2.2");

/* --- sections --------------------------------------------------------------- */

/* UEFI 2.10 N.2.5 (Linux struct cper_sec_mem_err, 80 bytes). */
static const struct hest_cper_field mem_f[] = {
	VALID(0, 8),
	U("error_status", 8, 8, 0, "error status (UEFI N.2.4.1.1: error type in bits 15:8)"),
	U("physical_address", 16, 8, 1, "physical address of the error"),
	U("physical_address_mask", 24, 8, 2, "valid bits of physical_address"),
	UD("node", 32, 2, 3, "node number"),
	UD("card", 34, 2, 4, "card number"),
	UD("module", 36, 2, 5, "module number"),
	UD("bank", 38, 2, 6, "bank number (bits 7:0 bank address, 15:8 bank group when those are valid)"),
	BITS("bank_address", 38, 2, 0, 8, 20, "bank address (bank bits 7:0)"),
	BITS("bank_group", 38, 2, 8, 8, 19, "bank group (bank bits 15:8)"),
	UD("device", 40, 2, 7, "device number"),
	UD("row", 42, 2, 8, "row number (bits 15:0)"),
	UD("column", 44, 2, 9, "column number"),
	UD("bit_position", 46, 2, 10, "bit position"),
	U("requestor_id", 48, 8, 11, "hardware address of the requestor"),
	U("responder_id", 56, 8, 12, "hardware address of the responder"),
	U("target_id", 64, 8, 13, "hardware address of the intended target"),
	EC("error_type", 72, 1, 14, &mem_type_names, "memory error type"),
	BITS("row_extension", 73, 1, 0, 2, 18, "row bits 17:16 (Extended bits 1:0)"),
	RSB("reserved_extended", 73, 1, 2, 3),
	BITS("chip_id", 73, 1, 5, 3, 21, "chip identification (Extended bits 7:5)"),
	UD("rank", 74, 2, 15, "rank number"),
	U("card_handle", 76, 2, 16, "SMBIOS type 16 handle (memory array)"),
	U("module_handle", 78, 2, 17, "SMBIOS type 17 handle (memory device)"),
};
static DESC(desc_memory, "memory", "Platform Memory Error Section", 80, mem_f, 0, 8, "UEFI 2.10 N.2.5");

/* UEFI 2.10 N.2.6 (edk2 EFI_PLATFORM_MEMORY2_ERROR_DATA, 96 bytes). */
static const struct hest_cper_field mem2_f[] = {
	VALID(0, 8),
	U("error_status", 8, 8, 0, "error status"),
	U("physical_address", 16, 8, 1, "physical address of the error"),
	U("physical_address_mask", 24, 8, 2, "valid bits of physical_address"),
	UD("node", 32, 2, 3, "node number"),
	UD("card", 34, 2, 4, "card number"),
	UD("module", 36, 2, 5, "module number"),
	UD("bank", 38, 2, 6, "bank number (bits 7:0 bank address, 15:8 bank group when those are valid)"),
	BITS("bank_address", 38, 2, 0, 8, 21, "bank address (bank bits 7:0)"),
	BITS("bank_group", 38, 2, 8, 8, 20, "bank group (bank bits 15:8)"),
	UD("device", 40, 4, 7, "device number"),
	UD("row", 44, 4, 8, "row number"),
	UD("column", 48, 4, 9, "column number"),
	UD("rank", 52, 4, 10, "rank number"),
	UD("bit_position", 56, 4, 11, "bit position"),
	UD("chip_id", 60, 1, 12, "chip identification"),
	EC("error_type", 61, 1, 13, &mem_type_names, "memory error type"),
	U("status", 62, 1, 14, "status"),
	RS("reserved", 63, 1),
	U("requestor_id", 64, 8, 15, "hardware address of the requestor"),
	U("responder_id", 72, 8, 16, "hardware address of the responder"),
	U("target_id", 80, 8, 17, "hardware address of the intended target"),
	U("card_handle", 88, 4, 18, "SMBIOS type 16 handle (memory array)"),
	U("module_handle", 92, 4, 19, "SMBIOS type 17 handle (memory device)"),
};
static DESC(desc_memory2, "memory2", "Memory Error Section 2", 96, mem2_f, 0, 8, "UEFI 2.10 N.2.6");

/* UEFI 2.10 N.2.4.1 (Linux struct cper_sec_proc_generic, 192 bytes). */
static const struct hest_cper_field proc_f[] = {
	VALID(0, 8),
	EC("processor_type", 8, 1, 0, &proc_type_names, "processor type"),
	EC("processor_isa", 9, 1, 1, &proc_isa_names, "instruction set executing"),
	FL("error_type", 10, 1, 2, &proc_err_names, "processor error type"),
	EC("operation", 11, 1, 3, &proc_op_names, "operation type"),
	FL("flags", 12, 1, 4, &proc_flag_names, "error flags"),
	UD("level", 13, 1, 5, "cache or TLB level"),
	RS("reserved", 14, 2),
	U("cpu_version", 16, 8, 6, "CPU version (CPUID 1 EAX on x86, MIDR on Arm)"),
	TX("cpu_brand", 24, 128, 7, "processor brand string"),
	U("processor_id", 152, 8, 8, "processor id (APIC id, MPIDR)"),
	U("target_address", 160, 8, 9, "target address"),
	U("requestor_id", 168, 8, 10, "requestor id"),
	U("responder_id", 176, 8, 11, "responder id"),
	U("instruction_ip", 184, 8, 12, "instruction pointer at the error"),
};
static DESC(desc_proc, "processor-generic", "Generic Processor Error Section", 192, proc_f, 0, 8,
	    "UEFI 2.10 N.2.4.1");

/* UEFI 2.10 N.2.4.2 (Linux struct cper_sec_proc_ia, 64 bytes): bits 7:2 and
 * 13:8 of the validation bits count the error and context structures. */
static const struct hest_cper_field ia_f[] = {
	FLD("validation_bits", 0, 8, 0, 2, HEST_CF_FLAGS, HEST_CA_VALIDATION, -1, 0, NULL, NULL,
	    "bits 1:0: which fields are valid; set from the fields given"),
	FLD("error_info_count", 0, 8, 2, 6, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, -1, 0, NULL, NULL,
	    "bits 7:2, error information structures; computed"),
	FLD("context_count", 0, 8, 8, 6, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, -1, 0, NULL, NULL,
	    "bits 13:8, context information structures; computed"),
	RSB("reserved_validation", 0, 8, 14, 50),
	U("local_apic_id", 8, 8, 0, "local APIC id of the processor"),
	BY("cpuid", 16, 48, 1, "CPUID registers (EAX, EBX, ECX, EDX of leaf 1, ...)"),
};
static DESC(desc_ia, "ia32x64", "IA32/X64 Processor Error Section", 64, ia_f, 0, 8, "UEFI 2.10 N.2.4.2");

/* UEFI 2.10 N.2.4.2.1 (64 bytes). */
static const struct hest_cper_field ia_info_f[] = {
	GU("error_type", 0, -1, &ia_err_guids, "error structure type (cache-check, tlb-check, bus-check, ms-check)"),
	VALID(16, 8),
	U("check_info", 24, 8, 0, "check information (layout per error_type)"),
	U("target_id", 32, 8, 1, "target identifier"),
	U("requestor_id", 40, 8, 2, "requestor identifier"),
	U("responder_id", 48, 8, 3, "responder identifier"),
	U("instruction_ip", 56, 8, 4, "instruction pointer"),
};
static DESC(desc_ia_info, "ia32x64-error-info", "IA32/X64 Processor Error Information Structure", 64, ia_info_f,
	    16, 8, "UEFI 2.10 N.2.4.2.1");

/* UEFI 2.10 N.2.4.2.2 (16-byte header, then register_array_size bytes). */
static const struct hest_cper_field ia_ctx_f[] = {
	EC("register_type", 0, 2, -1, &ia_ctx_names, "register context type"),
	CNT("register_array_size", 2, 2, "bytes of register data; computed"),
	U("msr_address", 4, 4, -1, "starting MSR address (msr context)"),
	U("mm_register_address", 8, 8, -1, "starting address of memory-mapped registers"),
};
static DESC(desc_ia_ctx, "ia32x64-context", "IA32/X64 Processor Context Information Structure", 16, ia_ctx_f, 0,
	    0, "UEFI 2.10 N.2.4.2.2");

/* UEFI 2.10 N.2.4.4 (Linux struct cper_sec_proc_arm, 40 bytes). */
static const struct hest_cper_field arm_f[] = {
	VALID(0, 4),
	CNT("error_info_num", 4, 2, "error information structures; computed"),
	CNT("context_info_num", 6, 2, "context information structures; computed"),
	CNT("section_length", 8, 4, "bytes of the whole section; computed"),
	UD("error_affinity_level", 12, 1, 1, "affinity level at which the error was detected"),
	RS("reserved", 13, 3),
	U("mpidr", 16, 8, 0, "MPIDR_EL1 of the processor"),
	U("midr", 24, 8, -1, "MIDR_EL1 of the processor (Linux prints it always)"),
	U("running_state", 32, 4, 2, "bit 0: processor running"),
	U("psci_state", 36, 4, 2, "PSCI state when not running"),
};
static DESC(desc_arm, "arm", "ARM Processor Error Section", 40, arm_f, 0, 4, "UEFI 2.10 N.2.4.4");

/* UEFI 2.10 N.2.4.4.1 (Linux struct cper_arm_err_info, 32 bytes).  The
 * meaning of `type` changed: UEFI 2.9A-2.10 make it a bit mask (bit 1 cache,
 * 2 TLB, 3 bus, 4 micro-architectural); Linux kernels without the 2025
 * alignment read it as an index (0 cache, 1 TLB, 2 bus, 3 vendor), so 0x02
 * (cache) reads there as "bus error". */
static const struct hest_cper_field arm_info_f[] = {
	UD("version", 0, 1, -1, "structure version"),
	FLD("length", 1, 1, 0, 0, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, -1, 32, NULL, NULL,
	    "structure length, 32"),
	VALID(2, 2),
	FL("type", 4, 1, -1, &arm_err_type_names,
	   "error type, bit mask (UEFI 2.9A-2.10); Linux before the 2025 alignment read an index: 0 cache, 1 TLB, 2 bus"),
	UD("multiple_error", 5, 2, 0, "errors of this kind beyond the first"),
	FL("flags", 7, 1, 1, &arm_info_flag_names, "first, last, propagated, overflow"),
	U("error_info", 8, 8, 2, "error information (cache/TLB/bus layout per type)"),
	U("virtual_fault_address", 16, 8, 3, "virtual fault address"),
	U("physical_fault_address", 24, 8, 4, "physical fault address"),
};
static DESC(desc_arm_info, "arm-error-info", "ARM Processor Error Information Structure", 32, arm_info_f, 2, 2,
	    "UEFI 2.10 N.2.4.4.1");

/* UEFI 2.10 N.2.4.4.2 (8-byte header, then register_array_size bytes). */
static const struct hest_cper_field arm_ctx_f[] = {
	UD("version", 0, 2, -1, "structure version"),
	EC("register_context_type", 2, 2, -1, &arm_ctx_names, "register context type"),
	FLD("register_array_size", 4, 4, 0, 0, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, -1, 0, NULL, NULL,
	    "bytes of register data; computed"),
};
static DESC(desc_arm_ctx, "arm-context", "ARM Processor Context Information Structure", 8, arm_ctx_f, 0, 0,
	    "UEFI 2.10 N.2.4.4.2");

/* UEFI 2.10 N.2.7 (Linux struct cper_sec_pcie, 208 bytes). */
static const struct hest_cper_field pcie_f[] = {
	VALID(0, 8),
	EC("port_type", 8, 4, 0, &port_names, "PCIe device/port type"),
	UD("version_minor", 12, 1, 1, "PCIe capability version, minor"),
	UD("version_major", 13, 1, 1, "PCIe capability version, major"),
	RS("reserved_version", 14, 2),
	U("command", 16, 2, 2, "PCI command register"),
	U("status", 18, 2, 2, "PCI status register"),
	RS("reserved", 20, 4),
	U("vendor_id", 24, 2, 3, "vendor id"),
	U("device_id", 26, 2, 3, "device id"),
	U("class_code", 28, 3, 3, "class code"),
	UD("function", 31, 1, 3, "function number"),
	UD("device", 32, 1, 3, "device number"),
	U("segment", 33, 2, 3, "segment number"),
	U("bus", 35, 1, 3, "primary or device bus number"),
	U("secondary_bus", 36, 1, 3, "secondary bus number"),
	RSB("reserved_slot", 37, 2, 0, 3),
	BITS("slot", 37, 2, 3, 13, 3, "slot number (bits 15:3)"),
	RS("reserved_device_id", 39, 1),
	U("serial_number", 40, 8, 4, "device serial number"),
	U("bridge_secondary_status", 48, 2, 5, "bridge secondary status register"),
	U("bridge_control", 50, 2, 5, "bridge control register"),
	BY("capability", 52, 60, 6, "PCIe capability structure"),
	BY("aer_info", 112, 96, 7, "AER extended capability structure"),
};
static DESC(desc_pcie, "pcie", "PCI Express Error Section", 208, pcie_f, 0, 8, "UEFI 2.10 N.2.7");

/* UEFI 2.10 N.2.10 (Linux struct cper_sec_fw_err_rec_ref, 32 bytes). */
static const struct hest_cper_field fw_f[] = {
	EC("record_type", 0, 1, -1, &fw_type_names, "firmware error record type"),
	UD("revision", 1, 1, -1, "revision (0: record_identifier, 2: record_identifier_guid)"),
	RS("reserved", 2, 6),
	U("record_identifier", 8, 8, -1, "record identifier"),
	GU("record_identifier_guid", 16, -1, NULL, "record identifier GUID (type 2)"),
};
static DESC(desc_fw, "fw-error-ref", "Firmware Error Record Reference", 32, fw_f, 0, 0, "UEFI 2.10 N.2.10");

/* --- CXL (UEFI 2.10 N.2.13, N.2.14; Linux include/cxl/event.h) ------------ */

/* UEFI 2.10 N.2.13 CXL Agent Type (Linux enum RCD..USP in include/cxl/event.h). */
static const struct hest_name cxl_agent_v[] = {
	{ "rcd", 0, "CXL 1.1 device (RCD)" },
	{ "rch-dp", 1, "CXL 1.1 host downstream port (RCH DP)" },
	{ "device", 2, "CXL 2.0 device" },
	{ "logical-device", 3, "CXL 2.0 logical device" },
	{ "fmld", 4, "CXL 2.0 fabric manager managed logical device" },
	{ "root-port", 5, "CXL 2.0 root port" },
	{ "downstream-switch-port", 6, "CXL 2.0 downstream switch port" },
	{ "upstream-switch-port", 7, "CXL 2.0 upstream switch port" },
};
static const struct hest_names cxl_agent_names = NAMES(cxl_agent_v);

/* Linux struct cxl_cper_sec_prot_err (116 bytes), then the DVSEC and the
 * error log (CXL RAS capability structure), whose lengths it holds. */
static const struct hest_cper_field cxl_prot_f[] = {
	VALID(0, 8),
	EC("agent_type", 8, 1, 0, &cxl_agent_names, "CXL agent type"),
	RS("reserved", 9, 7),
	UD("function", 16, 1, 1, "agent address: function (an rch-dp's 8 bytes are its RCRB base address)"),
	UD("device", 17, 1, 1, "agent address: device"),
	U("bus", 18, 1, 1, "agent address: bus"),
	U("segment", 19, 2, 1, "agent address: segment"),
	U("agent_address_high", 21, 3, 1, "agent address bytes 5-7 (reserved for SBDF, RCRB base address bits 63:40)"),
	U("vendor_id", 24, 2, 2, "device id: vendor id"),
	U("device_id", 26, 2, 2, "device id: device id"),
	U("subsystem_vendor_id", 28, 2, 2, "device id: subsystem vendor id"),
	U("subsystem_id", 30, 2, 2, "device id: subsystem id"),
	U("class_code", 32, 2, 2, "device id: class code"),
	RSB("reserved_slot", 34, 2, 0, 3),
	BITS("slot", 34, 2, 3, 13, 2, "device id: slot number (bits 15:3)"),
	RS("reserved_device_id", 36, 4),
	U("serial_number", 40, 8, 3, "device serial number"),
	BY("capability", 48, 60, 4, "PCIe capability structure of the agent"),
	CNT("dvsec_length", 108, 2, "bytes of `dvsec`; computed"),
	CNT("error_log_length", 110, 2, "bytes of `error_log`; computed"),
	RS("reserved_2", 112, 4),
};
static DESC(desc_cxl_prot, "cxl-protocol", "CXL Protocol Error Section", 116, cxl_prot_f, 0, 8,
	    "UEFI 2.10 N.2.13");

/* The header of a CXL component event section (UEFI 2.10 N.2.14; Linux
 * struct cxl_cper_event_rec: length, validation bits, device id, serial
 * number), then the CXL event record: its UUID and common header (CXL 3.0
 * 8.2.9.2.1, table 8-42) and 80 record-specific bytes. */
static const struct hest_name cxl_ev_sev_v[] = {
	{ "informational", 0, "Informational" },
	{ "warning", 1, "Warning" },
	{ "failure", 2, "Failure" },
	{ "fatal", 3, "Fatal" },
};
static const struct hest_names cxl_ev_sev_names = NAMES(cxl_ev_sev_v);

static const struct hest_name cxl_ev_flag_v[] = {
	{ "permanent", 0x1, "Permanent condition" },
	{ "maintenance-needed", 0x2, "Maintenance needed" },
	{ "performance-degraded", 0x4, "Performance degraded" },
	{ "hardware-replacement-needed", 0x8, "Hardware replacement needed" },
};
static const struct hest_names cxl_ev_flag_names = NAMES(cxl_ev_flag_v);

static const struct hest_name cxl_descr_v[] = {
	{ "uncorrectable", 0x1, "Uncorrectable event" },
	{ "threshold", 0x2, "Threshold event" },
	{ "poison-list-overflow", 0x4, "Poison list overflow event" },
};
static const struct hest_names cxl_descr_names = NAMES(cxl_descr_v);

static const struct hest_name cxl_media_type_v[] = {
	{ "media-ecc", 0, "Media ECC error" },
	{ "invalid-address", 1, "Invalid address" },
	{ "data-path", 2, "Data path error" },
};
static const struct hest_names cxl_media_type_names = NAMES(cxl_media_type_v);

static const struct hest_name cxl_trans_v[] = {
	{ "unknown", 0, "Unknown" },
	{ "host-read", 1, "Host read" },
	{ "host-write", 2, "Host write" },
	{ "host-scan-media", 3, "Host scan media" },
	{ "host-inject-poison", 4, "Host inject poison" },
	{ "internal-media-scrub", 5, "Internal media scrub" },
	{ "internal-media-management", 6, "Internal media management" },
};
static const struct hest_names cxl_trans_names = NAMES(cxl_trans_v);

static const struct hest_name cxl_gm_valid_v[] = {
	{ "channel", 0x1, "Channel valid" },
	{ "rank", 0x2, "Rank valid" },
	{ "device", 0x4, "Device valid" },
	{ "component-id", 0x8, "Component identifier valid" },
};
static const struct hest_names cxl_gm_valid_names = NAMES(cxl_gm_valid_v);

static const struct hest_name cxl_dram_valid_v[] = {
	{ "channel", 0x1, "Channel valid" },
	{ "rank", 0x2, "Rank valid" },
	{ "nibble-mask", 0x4, "Nibble mask valid" },
	{ "bank-group", 0x8, "Bank group valid" },
	{ "bank", 0x10, "Bank valid" },
	{ "row", 0x20, "Row valid" },
	{ "column", 0x40, "Column valid" },
	{ "correction-mask", 0x80, "Correction mask valid" },
};
static const struct hest_names cxl_dram_valid_names = NAMES(cxl_dram_valid_v);

static const struct hest_name cxl_mm_type_v[] = {
	{ "health-status-change", 0, "Health status change" },
	{ "media-status-change", 1, "Media status change" },
	{ "life-used-change", 2, "Life used change" },
	{ "temperature-change", 3, "Temperature change" },
	{ "data-path-error", 4, "Data path error" },
	{ "lsa-error", 5, "LSA error" },
};
static const struct hest_names cxl_mm_type_names = NAMES(cxl_mm_type_v);

static const struct hest_name cxl_health_v[] = {
	{ "maintenance-needed", 0x1, "Maintenance needed" },
	{ "performance-degraded", 0x2, "Performance degraded" },
	{ "hardware-replacement-needed", 0x4, "Hardware replacement needed" },
};
static const struct hest_names cxl_health_names = NAMES(cxl_health_v);

#define CXL_EVENT_HEADER                                                                                     \
	CNT("length", 0, 4, "bytes of the section (144); computed"), VALID(4, 8),                              \
	U("vendor_id", 12, 2, 0, "device id: vendor id"), U("device_id", 14, 2, 0, "device id: device id"),    \
	UD("function", 16, 1, 0, "device id: function"), UD("device", 17, 1, 0, "device id: device"),          \
	U("bus", 18, 1, 0, "device id: bus"), U("segment", 19, 2, 0, "device id: segment"),                    \
	RSB("reserved_slot", 21, 2, 0, 3), BITS("slot", 21, 2, 3, 13, 0, "device id: slot number (bits 15:3)"), \
	RS("reserved_device_id", 23, 1), U("serial_number", 24, 8, 1, "device serial number"),               \
	FLD("record_length", 32, 1, 0, 0, HEST_CF_INT, HEST_CA_DEC, 2, 128, NULL, NULL,                        \
	    "event record length, 128"),                                                                       \
	FLD("event_severity", 33, 3, 0, 2, HEST_CF_ENUM, HEST_CA_CLOSED, 2, 0, &cxl_ev_sev_names, NULL,        \
	    "event record flags bits 1:0"),                                                                    \
	FLD("event_flags", 33, 3, 2, 4, HEST_CF_FLAGS, 0, 2, 0, &cxl_ev_flag_names, NULL,                      \
	    "event record flags bits 5:2"),                                                                    \
	RSB("reserved_flags", 33, 3, 6, 18), U("handle", 36, 2, 2, "event record handle"),                    \
	U("related_handle", 38, 2, 2, "related event record handle"),                                         \
	U("event_timestamp", 40, 8, 2, "event timestamp (ns since the epoch)"),                                \
	U("maintenance_class", 48, 1, 2, "maintenance operation class"), RS("reserved_header", 49, 15)

/* The part general media and DRAM events share (Linux struct
 * cxl_event_media_hdr): the DPA, descriptor, types, validity, channel, rank. */
#define CXL_MEDIA_HEADER(valid_names, valid_doc)                                                    \
	CXL_EVENT_HEADER, U("physical_address", 64, 8, 2, "device physical address (DPA)"),           \
	FL("descriptor", 72, 1, 2, &cxl_descr_names, "memory event descriptor"),                      \
	E("memory_event_type", 73, 1, 2, &cxl_media_type_names, "memory event type"),                 \
	E("transaction_type", 74, 1, 2, &cxl_trans_names, "transaction type"),                        \
	FL("event_validity", 75, 2, 2, valid_names, valid_doc), UD("channel", 77, 1, 2, "channel"),   \
	UD("rank", 78, 1, 2, "rank")

static const struct hest_cper_field cxl_gm_f[] = {
	CXL_MEDIA_HEADER(&cxl_gm_valid_names, "which of channel, rank, device, component id are valid"),
	U("event_device", 79, 3, 2, "device (bit mask of the DRAM devices)"),
	BY("component_id", 82, 16, 2, "component identifier"),
	RS("reserved_record", 98, 46),
};
static DESC(desc_cxl_gm, "cxl-general-media", "CXL General Media Event Section", 144, cxl_gm_f, 4, 8,
	    "UEFI 2.10 N.2.14; CXL 3.0 8.2.9.2.1.1 table 8-43");

static const struct hest_cper_field cxl_dram_f[] = {
	CXL_MEDIA_HEADER(&cxl_dram_valid_names, "which of the following fields are valid"),
	U("nibble_mask", 79, 3, 2, "nibble mask"),
	UD("bank_group", 82, 1, 2, "bank group"),
	UD("bank", 83, 1, 2, "bank"),
	UD("row", 84, 3, 2, "row"),
	UD("column", 87, 2, 2, "column"),
	BY("correction_mask", 89, 32, 2, "correction mask"),
	RS("reserved_record", 121, 23),
};
static DESC(desc_cxl_dram, "cxl-dram", "CXL DRAM Event Section", 144, cxl_dram_f, 4, 8,
	    "UEFI 2.10 N.2.14; CXL 3.0 8.2.9.2.1.2 table 8-44");

static const struct hest_cper_field cxl_mm_f[] = {
	CXL_EVENT_HEADER,
	E("device_event_type", 64, 1, 2, &cxl_mm_type_names, "device event type"),
	FL("health_status", 65, 1, 2, &cxl_health_names, "health status"),
	U("media_status", 66, 1, 2, "media status"),
	U("additional_status", 67, 1, 2, "additional status"),
	UD("life_used", 68, 1, 2, "life used, percent"),
	UD("device_temperature", 69, 2, 2, "device temperature, degrees C"),
	UD("dirty_shutdown_count", 71, 4, 2, "dirty shutdown count"),
	UD("corrected_volatile_errors", 75, 4, 2, "corrected volatile error count"),
	UD("corrected_persistent_errors", 79, 4, 2, "corrected persistent error count"),
	RS("reserved_record", 83, 61),
};
static DESC(desc_cxl_mm, "cxl-memory-module", "CXL Memory Module Event Section", 144, cxl_mm_f, 4, 8,
	    "UEFI 2.10 N.2.14; CXL 3.0 8.2.9.2.1.3 table 8-45");

/* --- FRU memory poison (Linux drivers/ras/amd/fmpm.c) ---------------------- */

static const struct hest_name fmp_arch_v[] = { { "x86-cpuid-1-eax", 0, "x86 CPUID function 1 EAX" } };
static const struct hest_names fmp_arch_names = NAMES(fmp_arch_v);
static const struct hest_name fmp_id_v[] = { { "x86-ppin", 0, "x86 PPIN" } };
static const struct hest_names fmp_id_names = NAMES(fmp_id_v);
static const struct hest_name fpd_hw_v[] = { { "mca-ipid", 0, "MCA IPID" } };
static const struct hest_names fpd_hw_names = NAMES(fpd_hw_v);
static const struct hest_name fpd_addr_v[] = { { "mca-address", 0, "MCA address" } };
static const struct hest_names fpd_addr_names = NAMES(fpd_addr_v);

static const struct hest_cper_field fmp_f[] = {
	FLD("checksum", 0, 4, 0, 0, HEST_CF_INT, HEST_CA_COMPUTED, -1, 0, NULL, NULL,
	    "0 minus the byte sum of the rest of the section (as Linux fmpm writes it); computed"),
	VALID(4, 8),
	E("fru_architecture_type", 12, 4, 0, &fmp_arch_names, "FRU architecture type"),
	U("fru_architecture", 16, 8, 1, "FRU architecture (x86: CPUID 1 EAX)"),
	E("fru_id_type", 24, 4, 2, &fmp_id_names, "FRU id type"),
	U("fru_id", 28, 8, 3, "FRU id (x86: the package's PPIN)"),
	FLD("entry_count", 36, 4, 0, 0, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, 4, 0, NULL, NULL,
	    "memory poison descriptors; computed"),
};
static DESC(desc_fmp, "fru-memory-poison", "FRU Memory Poison Section", 40, fmp_f, 4, 8,
	    "UEFI 2.11; Linux drivers/ras/amd/fmpm.c struct cper_sec_fru_mem_poison");

static const struct hest_cper_field fpd_f[] = {
	U("poison_timestamp", 0, 8, -1, "when the poison was found"),
	E("hardware_id_type", 8, 4, -1, &fpd_hw_names, "hardware id type"),
	U("hardware_id", 12, 8, -1, "hardware id (MCA IPID)"),
	E("address_type", 20, 4, -1, &fpd_addr_names, "address type"),
	U("address", 24, 8, -1, "address (MCA address)"),
};
static DESC(desc_fpd, "fru-poison-descriptor", "Memory Poison Descriptor", 32, fpd_f, 0, 0,
	    "UEFI 2.11; Linux drivers/ras/amd/fmpm.c struct cper_fru_poison_desc");

/* --- PCI/PCI-X bus, DMAr, CCIX (UEFI 2.10 N.2.8, N.2.11, N.2.12) ----------- */

static const struct hest_name pci_bus_type_v[] = {
	{ "unknown", 0, "Unknown or OEM system specific error" },
	{ "data-parity", 1, "Data parity error" },
	{ "system", 2, "System error" },
	{ "master-abort", 3, "Master abort" },
	{ "bus-timeout", 4, "Bus time out or no device present" },
	{ "master-data-parity", 5, "Master data parity error" },
	{ "address-parity", 6, "Address parity error" },
	{ "command-parity", 7, "Command parity error" },
};
static const struct hest_names pci_bus_type_names = NAMES(pci_bus_type_v);

static const struct hest_cper_field pci_bus_f[] = {
	VALID(0, 8),
	U("error_status", 8, 8, 0, "error status (UEFI N.2.8 generic error status layout)"),
	EC("error_type", 16, 2, 1, &pci_bus_type_names, "PCI bus error type"),
	U("bus_number", 18, 1, 2, "bus id: bus number"),
	U("bus_segment", 19, 1, 2, "bus id: segment number"),
	RS("reserved", 20, 4),
	U("bus_address", 24, 8, 3, "memory or I/O address on the bus"),
	U("bus_data", 32, 8, 4, "data on the bus"),
	U("bus_command", 40, 8, 5, "bus command or operation (bit 56: PCI-X command)"),
	U("requestor_id", 48, 8, 6, "bus requestor id"),
	U("completer_id", 56, 8, 7, "bus completer id"),
	U("target_id", 64, 8, 8, "intended target id"),
};
static DESC(desc_pci_bus, "pci-bus", "PCI/PCI-X Bus Error Section", 72, pci_bus_f, 0, 8, "UEFI 2.10 N.2.8");

/* UEFI 2.10 N.2.9 (edk2 EFI_PCI_PCIX_DEVICE_ERROR_DATA, 40 bytes), then
 * memory_number + io_number register pairs of 16 bytes. */
static const struct hest_cper_field pci_dev_f[] = {
	VALID(0, 8),
	U("error_status", 8, 8, 0, "error status (UEFI N.2.8 generic error status layout)"),
	U("vendor_id", 16, 2, 1, "id: vendor id"),
	U("device_id", 18, 2, 1, "id: device id"),
	U("class_code", 20, 3, 1, "id: class code"),
	UD("function", 23, 1, 1, "id: function number"),
	UD("device", 24, 1, 1, "id: device number"),
	U("bus", 25, 1, 1, "id: bus number"),
	U("segment", 26, 1, 1, "id: segment number"),
	RS("reserved_id", 27, 5),
	FLD("memory_number", 32, 4, 0, 0, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, 2, 0, NULL, NULL,
	    "memory-mapped register pairs: the error_info items not counted as I/O; computed"),
	FLD("io_number", 36, 4, 0, 0, HEST_CF_INT, HEST_CA_COMPUTED | HEST_CA_DEC, 3, 0, NULL, NULL,
	    "I/O register pairs, the last of the error_info items (default 0)"),
};
static DESC(desc_pci_dev, "pci-device", "PCI/PCI-X Component Error Section", 40, pci_dev_f, 0, 8,
	    "UEFI 2.10 N.2.9");

static const struct hest_cper_field pci_reg_f[] = {
	U("address", 0, 8, -1, "register address (memory-mapped or I/O)"),
	U("value", 8, 8, -1, "register value"),
};
static DESC(desc_pci_reg, "pci-register", "PCI/PCI-X Component Register Data Pair", 16, pci_reg_f, 0, 0,
	    "UEFI 2.10 N.2.9");

static const struct hest_name dmar_reason_v[] = {
	{ "table-entry-not-present", 1, "Domain mapping table entry is not present" },
	{ "table-entry-invalid", 2, "Invalid domain mapping table entry" },
	{ "mapping-table-access", 3, "DMAr unit's attempt to access the domain mapping table resulted in an error" },
	{ "mapping-table-reserved", 4, "Reserved bit set to non-zero value in the domain mapping table" },
	{ "address-out-of-space", 5, "DMA request to access an address beyond the device address width" },
	{ "invalid-access", 6, "Invalid read or write access" },
	{ "invalid-request", 7, "Invalid device request" },
	{ "translation-table-access", 8, "DMAr unit's attempt to access the address translation table resulted in an error" },
	{ "translation-table-reserved", 9, "Reserved bit set to non-zero value in the address translation table" },
	{ "illegal-command", 10, "Illegal command" },
	{ "command-buffer-access", 11, "DMAr unit's attempt to access the command buffer resulted in an error" },
};
static const struct hest_names dmar_reason_names = NAMES(dmar_reason_v);
static const struct hest_name dmar_access_v[] = { { "read", 0, "DMA read" }, { "write", 1, "DMA write" } };
static const struct hest_names dmar_access_names = NAMES(dmar_access_v);
static const struct hest_name dmar_addr_v[] = { { "untranslated", 0, "Untranslated request" },
						{ "translation", 1, "Translation request" } };
static const struct hest_names dmar_addr_names = NAMES(dmar_addr_v);
static const struct hest_name dmar_arch_v[] = { { "vt-d", 1, "VT-d" }, { "iommu", 2, "IOMMU" } };
static const struct hest_names dmar_arch_names = NAMES(dmar_arch_v);

static const struct hest_cper_field dmar_f[] = {
	U("requester_id", 0, 2, -1, "requester id (bus/device/function)"),
	U("segment", 2, 2, -1, "segment number"),
	E("fault_reason", 4, 1, -1, &dmar_reason_names, "fault reason (0: none given)"),
	EC("access_type", 5, 1, -1, &dmar_access_names, "access type"),
	EC("address_type", 6, 1, -1, &dmar_addr_names, "address type"),
	E("architecture_type", 7, 1, -1, &dmar_arch_names, "architecture type (0: none given)"),
	U("device_address", 8, 8, -1, "device address of the faulting request"),
	RS("reserved", 16, 16),
};
static DESC(desc_dmar, "dmar-generic", "DMAr Generic Error Section", 32, dmar_f, 0, 0, "UEFI 2.10 N.2.11.1");

#define PTE_LEVELS(base)                                                                              \
	U("pte_l6", base, 8, -1, "page table entry, level 6"),                                         \
	U("pte_l5", base + 8, 8, -1, "page table entry, level 5"),                                      \
	U("pte_l4", base + 16, 8, -1, "page table entry, level 4"),                                     \
	U("pte_l3", base + 24, 8, -1, "page table entry, level 3"),                                     \
	U("pte_l2", base + 32, 8, -1, "page table entry, level 2"),                                     \
	U("pte_l1", base + 40, 8, -1, "page table entry, level 1")

static const struct hest_cper_field vtd_f[] = {
	UD("version", 0, 1, -1, "VT-d version register"),
	UD("revision", 1, 1, -1, "revision of this section (1)"),
	BY("oem_id", 2, 6, -1, "OEM id of the DMAR ACPI table"),
	U("capability", 8, 8, -1, "capability register"),
	U("extended_capability", 16, 8, -1, "extended capability register"),
	U("global_command", 24, 4, -1, "global command register"),
	U("global_status", 28, 4, -1, "global status register"),
	U("fault_status", 32, 4, -1, "fault status register"),
	RS("reserved", 36, 12),
	BY("fault_record", 48, 16, -1, "fault record"),
	BY("root_entry", 64, 16, -1, "root entry"),
	BY("context_entry", 80, 16, -1, "context entry"),
	PTE_LEVELS(96),
};
static DESC(desc_vtd, "dmar-vtd", "Intel VT for Directed I/O specific DMAr Error Section", 144, vtd_f, 0, 0,
	    "UEFI 2.10 N.2.11.2");

static const struct hest_cper_field iommu_f[] = {
	UD("revision", 0, 1, -1, "revision of this section (1)"),
	RS("reserved", 1, 7),
	U("control", 8, 8, -1, "IOMMU control register"),
	U("status", 16, 8, -1, "IOMMU status register"),
	RS("reserved_2", 24, 8),
	BY("event_log_entry", 32, 16, -1, "event log entry"),
	RS("reserved_3", 48, 16),
	BY("device_table_entry", 64, 32, -1, "device table entry"),
	PTE_LEVELS(96),
};
static DESC(desc_iommu, "dmar-iommu", "IOMMU specific DMAr Error Section", 144, iommu_f, 0, 0,
	    "UEFI 2.10 N.2.11.3");

static const struct hest_cper_field ccix_f[] = {
	CNT("length", 0, 4, "bytes of the whole section; computed"),
	VALID(4, 8),
	U("source_id", 12, 1, 0, "CCIX source id"),
	U("port_id", 13, 1, 1, "CCIX port id"),
	RS("reserved", 14, 2),
};
static DESC(desc_ccix, "ccix-per", "CCIX PER Log Error Section", 16, ccix_f, 4, 8, "UEFI 2.10 N.2.12");

/* --- vendor sections ----------------------------------------------------- */

/* Linux drivers/acpi/apei/ghes-nvidia.c struct cper_sec_nvidia (Grace). */
static const struct hest_cper_field nvidia_f[] = {
	TX("signature", 0, 16, -1, "error source name, NUL padded"),
	U("error_type", 16, 2, -1, "error type"),
	U("error_instance", 18, 2, -1, "error instance"),
	U("nvidia_severity", 20, 1, -1, "severity as the vendor encodes it"),
	UD("socket", 21, 1, -1, "socket"),
	CNT("number_regs", 22, 1, "register pairs that follow; computed"),
	RS("reserved", 23, 1),
	U("instance_base", 24, 8, -1, "instance base address"),
};
static DESC(desc_nvidia, "nvidia", "NVIDIA Error Section (Grace)", 32, nvidia_f, 0, 0,
	    "Linux drivers/acpi/apei/ghes-nvidia.c; libcper sections/cper-section-nvidia.c");

static const struct hest_cper_field nvidia_reg_f[] = {
	U("address", 0, 8, -1, "register address"),
	U("value", 8, 8, -1, "register value"),
};
static DESC(desc_nvidia_reg, "nvidia-register", "NVIDIA Register Pair", 16, nvidia_reg_f, 0, 0,
	    "Linux drivers/acpi/apei/ghes-nvidia.c");

/* rasdaemon non-standard-ampere.h struct amp_payload0_type_sec (48 bytes,
 * Armv8 RAS compliant error record); type bits 7:6 are the payload type,
 * instance bits 15:14 the socket. */
static const struct hest_cper_field ampere_f[] = {
	BITS("ampere_type", 0, 1, 0, 6, -1, "error type (0 CPU, 1 MCU, 2 mesh, ... 63 BERT)"),
	BITS("payload_type", 0, 1, 6, 2, -1, "payload type (0: Armv8 RAS record; 1 PCIe AER, 2 RASDP, 3 firmware)"),
	U("subtype", 1, 1, -1, "error subtype"),
	BITS("instance", 2, 2, 0, 14, -1, "error instance"),
	BITS("socket", 2, 2, 14, 2, -1, "processor socket"),
	U("error_status", 4, 4, -1, "ERR<n>STATUS"),
	U("error_address", 8, 8, -1, "ERR<n>ADDR"),
	U("misc0", 16, 8, -1, "ERR<n>MISC0"),
	U("misc1", 24, 8, -1, "ERR<n>MISC1"),
	U("misc2", 32, 8, -1, "ERR<n>MISC2"),
	U("misc3", 40, 8, -1, "ERR<n>MISC3"),
};
static DESC(desc_ampere, "ampere", "Ampere Error Section (payload type 0)", 48, ampere_f, 0, 0,
	    "rasdaemon non-standard-ampere.h; libcper sections/cper-section-ampere.c");

static const struct hest_cper_field raw_f[1] = { RS("none", 0, 0) };
static const struct hest_cper_desc desc_raw = { "raw", "opaque section", 0, raw_f, 0, 0, 0,
						"any section type, body given as bytes" };

/* --- section types ------------------------------------------------------- */

#define NOBITS { 0, 0, 0, 0 }

static const struct hest_cper_type types[HEST_CPER_NKINDS] = {
	{ .kind = HEST_CPER_MEMORY, .key = "memory", .alias = "platform-memory", .title = "memory error",
	  .guid = GUID(0xa5bc1114, 0x6f64, 0x4ede, 0xb8, 0x63, 0x3e, 0x83, 0xed, 0x7c, 0x83, 0xb1),
	  .body = &desc_memory, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 80,
	  .doc = "UEFI 2.10 N.2.5", .source = "UEFI 2.10 N.2.5; Linux cper.c cper_print_mem(); libcper cper-section-memory.c" },
	{ .kind = HEST_CPER_MEMORY2, .key = "memory2", .alias = "memory-2", .title = "memory error 2",
	  .guid = GUID(0x61ec04fc, 0x48e6, 0xd813, 0x25, 0xc9, 0x8d, 0xaa, 0x44, 0x75, 0x0b, 0x12),
	  .body = &desc_memory2, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 96,
	  .doc = "UEFI 2.10 N.2.6", .source = "UEFI 2.10 N.2.6; libcper cper-section-memory.c" },
	{ .kind = HEST_CPER_PROC_GENERIC, .key = "processor-generic", .alias = "generic-processor",
	  .title = "general processor error",
	  .guid = GUID(0x9876ccad, 0x47b4, 0x4bdb, 0xb6, 0x5e, 0x16, 0xf1, 0x93, 0xc4, 0xf3, 0xdb),
	  .body = &desc_proc, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 192,
	  .doc = "UEFI 2.10 N.2.4.1", .source = "UEFI 2.10 N.2.4.1; Linux cper.c cper_print_proc_generic()" },
	{ .kind = HEST_CPER_IA32X64, .key = "ia32x64", .alias = "ia32-x64", .title = "IA32/X64 processor error",
	  .guid = GUID(0xdc3ea0b0, 0xa144, 0x4797, 0xb9, 0x5b, 0x53, 0xfa, 0x24, 0x2b, 0x6e, 0x1d),
	  .body = &desc_ia, .info = &desc_ia_info, .info_count = { 0, 8, 2, 6 }, .ctx = &desc_ia_ctx,
	  .ctx_count = { 0, 8, 8, 6 }, .ctx_size = { 2, 2, 0, 16 }, .tail_key = "trailing_data",
	  .tail_valid_bit = -1, .worst = 128,
	  .doc = "UEFI 2.10 N.2.4.2; sizing assumes one error information structure, no context",
	  .source = "UEFI 2.10 N.2.4.2; Linux cper-x86.c" },
	{ .kind = HEST_CPER_ARM, .key = "arm", .alias = "arm-processor", .title = "ARM processor error",
	  .guid = GUID(0xe19e3d16, 0xbc11, 0x11e4, 0x9c, 0xaa, 0xc2, 0x05, 0x1d, 0x5d, 0x46, 0xb0),
	  .body = &desc_arm, .info = &desc_arm_info, .info_count = { 4, 2, 0, 16 }, .ctx = &desc_arm_ctx,
	  .ctx_count = { 6, 2, 0, 16 }, .ctx_size = { 4, 4, 0, 32 }, .length = { 8, 4, 0, 32 },
	  .tail_key = "vendor_data", .tail_valid_bit = 3, .worst = 72,
	  .doc = "UEFI 2.10 N.2.4.4; sizing assumes one error information structure, no context",
	  .source = "UEFI 2.10 N.2.4.4 (2.9A errata: type bit mask; 2.11 context types 9, 10); Linux cper-arm.c; "
		    "libcper cper-section-arm.c" },
	{ .kind = HEST_CPER_PCIE, .key = "pcie", .title = "PCIe error",
	  .guid = GUID(0xd995e954, 0xbbc1, 0x430f, 0xad, 0x91, 0xb4, 0x4d, 0xcb, 0x3c, 0x6f, 0x35),
	  .body = &desc_pcie, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 208,
	  .doc = "UEFI 2.10 N.2.7", .source = "UEFI 2.10 N.2.7; Linux cper.c cper_print_pcie(); libcper cper-section-pcie.c" },
	{ .kind = HEST_CPER_FW_ERROR_REF, .key = "fw-error-ref", .alias = "firmware-error-record-reference",
	  .title = "Firmware Error Record Reference",
	  .guid = GUID(0x81212a96, 0x09ed, 0x4996, 0x94, 0x71, 0x8d, 0x72, 0x9c, 0x8e, 0x69, 0xed),
	  .body = &desc_fw, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 32,
	  .doc = "UEFI 2.10 N.2.10", .source = "UEFI 2.10 N.2.10; Linux cper.c cper_print_fw_err()" },
	{ .kind = HEST_CPER_CXL_PROTOCOL, .key = "cxl-protocol", .title = "CXL protocol error",
	  .guid = GUID(0x80b9efb4, 0x52b5, 0x4de3, 0xa7, 0x77, 0x68, 0x78, 0x4b, 0x77, 0x10, 0x48),
	  .body = &desc_cxl_prot, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 0,
	  .doc = "UEFI 2.10 N.2.13; sizing needs largest_section (the DVSEC and error log vary)",
	  .var = { { "dvsec", { 108, 2, 0, 16 }, 5, "the agent's CXL DVSEC" },
		   { "error_log", { 110, 2, 0, 16 }, 6, "error log: the CXL RAS capability structure" } },
	  .source = "UEFI 2.10 N.2.13; Linux cper_cxl.c cxl_cper_print_prot_err() (6.12 decodes it, Debian's 6.1 "
		    "prints it as an unknown section) and cxl_cper_handle_prot_err_info(), include/cxl/event.h struct "
		    "cxl_cper_sec_prot_err; libcper cper-section-cxl-protocol.c" },
	{ .kind = HEST_CPER_CXL_GEN_MEDIA, .key = "cxl-general-media", .title = "CXL general media event",
	  .guid = GUID(0xfbcd0a77, 0xc260, 0x417f, 0x85, 0xa9, 0x08, 0x8b, 0x16, 0x21, 0xeb, 0xa6),
	  .body = &desc_cxl_gm, .length = { 0, 4, 0, 32 }, .tail_key = "trailing_data", .tail_valid_bit = -1,
	  .worst = 144, .doc = "UEFI 2.10 N.2.14; CXL 3.0 8.2.9.2.1.1",
	  .source = "UEFI 2.10 N.2.14, CXL 3.0 table 8-43; Linux include/cxl/event.h struct cxl_cper_event_rec, "
		    "ghes.c cxl_cper_post_event(); libcper cper-section-cxl-component.c" },
	{ .kind = HEST_CPER_CXL_DRAM, .key = "cxl-dram", .title = "CXL DRAM event",
	  .guid = GUID(0x601dcbb3, 0x9c06, 0x4eab, 0xb8, 0xaf, 0x4e, 0x9b, 0xfb, 0x5c, 0x96, 0x24),
	  .body = &desc_cxl_dram, .length = { 0, 4, 0, 32 }, .tail_key = "trailing_data", .tail_valid_bit = -1,
	  .worst = 144, .doc = "UEFI 2.10 N.2.14; CXL 3.0 8.2.9.2.1.2",
	  .source = "UEFI 2.10 N.2.14, CXL 3.0 table 8-44; Linux include/cxl/event.h, ghes.c cxl_cper_post_event(); "
		    "libcper cper-section-cxl-component.c" },
	{ .kind = HEST_CPER_CXL_MEM_MODULE, .key = "cxl-memory-module", .title = "CXL memory module event",
	  .guid = GUID(0xfe927475, 0xdd59, 0x4339, 0xa5, 0x86, 0x79, 0xba, 0xb1, 0x13, 0xb7, 0x74),
	  .body = &desc_cxl_mm, .length = { 0, 4, 0, 32 }, .tail_key = "trailing_data", .tail_valid_bit = -1,
	  .worst = 144, .doc = "UEFI 2.10 N.2.14; CXL 3.0 8.2.9.2.1.3",
	  .source = "UEFI 2.10 N.2.14, CXL 3.0 table 8-45; Linux include/cxl/event.h, ghes.c cxl_cper_post_event(); "
		    "libcper cper-section-cxl-component.c" },
	{ .kind = HEST_CPER_FRU_POISON, .key = "fru-memory-poison", .title = "FRU memory poison",
	  .guid = GUID(0x5e4706c1, 0x5356, 0x48c6, 0x93, 0x0b, 0x52, 0xf2, 0x12, 0x0a, 0x44, 0x58),
	  .body = &desc_fmp, .info = &desc_fpd, .info_count = { 36, 4, 0, 32 }, .info_valid = 0x30,
	  .checksum = { 0, 4, 0, 32 }, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 72,
	  .doc = "UEFI 2.11; sizing assumes one descriptor",
	  .source = "UEFI 2.11 (FRU memory poison); Linux drivers/ras/amd/fmpm.c (AMD MI300, ERST records)" },
	{ .kind = HEST_CPER_PCI_BUS, .key = "pci-bus", .alias = "pci-pcix-bus", .title = "PCI/PCI-X bus error",
	  .guid = GUID(0xc5753963, 0x3b84, 0x4095, 0xbf, 0x78, 0xed, 0xda, 0xd3, 0xf9, 0xc9, 0xdd),
	  .body = &desc_pci_bus, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 72,
	  .doc = "UEFI 2.10 N.2.8",
	  .source = "UEFI 2.10 N.2.8; edk2 Cper.h EFI_PCI_PCIX_BUS_ERROR_DATA; libcper cper-section-pci-bus.c "
		    "(Linux prints it as an unknown section)" },
	{ .kind = HEST_CPER_PCI_DEVICE, .key = "pci-device", .alias = "pci-component",
	  .title = "PCI/PCI-X component error",
	  .guid = GUID(0xeb5e4685, 0xca66, 0x4769, 0xb6, 0xa2, 0x26, 0x06, 0x8b, 0x00, 0x13, 0x26),
	  .body = &desc_pci_dev, .info = &desc_pci_reg, .info_count = { 32, 4, 0, 32 },
	  .info_count2 = { 36, 4, 0, 32 }, .info_valid = 0x14, .tail_key = "trailing_data", .tail_valid_bit = -1,
	  .worst = 0, .doc = "UEFI 2.10 N.2.9; sizing needs largest_section",
	  .source = "UEFI 2.10 N.2.9; edk2 Cper.h EFI_PCI_PCIX_DEVICE_ERROR_DATA; libcper cper-section-pci-dev.c "
		    "(Linux prints it as an unknown section)" },
	{ .kind = HEST_CPER_DMAR_GENERIC, .key = "dmar-generic", .title = "DMAr generic error",
	  .guid = GUID(0x5b51fef7, 0xc79d, 0x4434, 0x8f, 0x1b, 0xaa, 0x62, 0xde, 0x3e, 0x2c, 0x64),
	  .body = &desc_dmar, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 32,
	  .doc = "UEFI 2.10 N.2.11.1",
	  .source = "UEFI 2.10 N.2.11.1; edk2 Cper.h EFI_DMAR_GENERIC_ERROR_DATA; libcper cper-section-dmar-generic.c" },
	{ .kind = HEST_CPER_DMAR_VTD, .key = "dmar-vtd", .title = "VT-d DMAr error",
	  .guid = GUID(0x71761d37, 0x32b2, 0x45cd, 0xa7, 0xd0, 0xb0, 0xfe, 0xdd, 0x93, 0xe8, 0xcf),
	  .body = &desc_vtd, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 144,
	  .doc = "UEFI 2.10 N.2.11.2",
	  .source = "UEFI 2.10 N.2.11.2; edk2 Cper.h EFI_DIRECTED_IO_DMAR_ERROR_DATA; libcper cper-section-dmar-vtd.c" },
	{ .kind = HEST_CPER_DMAR_IOMMU, .key = "dmar-iommu", .title = "IOMMU DMAr error",
	  .guid = GUID(0x036f84e1, 0x7f37, 0x428c, 0xa7, 0x9e, 0x57, 0x5f, 0xdf, 0xaa, 0x84, 0xec),
	  .body = &desc_iommu, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 144,
	  .doc = "UEFI 2.10 N.2.11.3",
	  .source = "UEFI 2.10 N.2.11.3; edk2 Cper.h EFI_IOMMU_DMAR_ERROR_DATA; libcper cper-section-dmar-iommu.c" },
	{ .kind = HEST_CPER_CCIX_PER, .key = "ccix-per", .title = "CCIX PER log",
	  .guid = GUID(0x91335ef6, 0xebfb, 0x4478, 0xa6, 0xa6, 0x88, 0xb7, 0x28, 0xcf, 0x75, 0xd7),
	  .body = &desc_ccix, .length = { 0, 4, 0, 32 }, .tail_key = "per_log", .tail_valid_bit = 2, .worst = 0,
	  .doc = "UEFI 2.10 N.2.12; sizing needs largest_section (the PER log varies)",
	  .source = "UEFI 2.10 N.2.12; libcper cper-section-ccix-per.c (Linux prints it as an unknown section)" },
	{ .kind = HEST_CPER_NVIDIA, .key = "nvidia", .alias = "nvidia-grace", .title = "NVIDIA error",
	  .guid = GUID(0x6d5244f2, 0x2712, 0x11ec, 0xbe, 0xa7, 0xcb, 0x3f, 0xdb, 0x95, 0xc7, 0x86),
	  .body = &desc_nvidia, .info = &desc_nvidia_reg, .info_count = { 22, 1, 0, 8 },
	  .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 0,
	  .doc = "NVIDIA Grace (Linux ghes-nvidia.c); sizing needs largest_section",
	  .source = "Linux drivers/acpi/apei/ghes-nvidia.c (2026; without its ACPI device Linux prints an unknown "
		    "section); libcper cper-section-nvidia.c" },
	{ .kind = HEST_CPER_AMPERE, .key = "ampere", .title = "Ampere error",
	  .guid = GUID(0x2826cc9f, 0x448c, 0x4c2b, 0x86, 0xb6, 0xa9, 0x53, 0x94, 0xb7, 0xef, 0x33),
	  .body = &desc_ampere, .tail_key = "trailing_data", .tail_valid_bit = -1, .worst = 48,
	  .doc = "Ampere payload type 0 (rasdaemon)",
	  .source = "rasdaemon non-standard-ampere.c/.h (payload types 0-3); libcper cper-section-ampere.c "
		    "(Linux prints it as an unknown section)" },
	{ .kind = HEST_CPER_RAW, .key = "raw", .alias = "opaque", .title = "opaque section", .body = &desc_raw,
	  .tail_key = "data", .tail_valid_bit = -1, .worst = 0,
	  .doc = "any section GUID with its body as bytes; sizing needs its size",
	  .source = "any GUID: the body stays bytes (Linux prints \"section type: unknown\" and a hex dump)" },
};

static const struct hest_name kind_v[] = {
	{ "memory", HEST_CPER_MEMORY, "platform memory error (80 bytes)" },
	{ "memory2", HEST_CPER_MEMORY2, "memory error section 2 (96 bytes)" },
	{ "processor-generic", HEST_CPER_PROC_GENERIC, "processor generic (192 bytes)" },
	{ "ia32x64", HEST_CPER_IA32X64, "IA32/X64 processor (sized with one error information structure: 128)" },
	{ "arm", HEST_CPER_ARM, "ARM processor (sized with one error information structure: 72)" },
	{ "arm-processor", HEST_CPER_ARM, "ARM processor (same as arm)" },
	{ "pcie", HEST_CPER_PCIE, "PCI Express (208 bytes)" },
	{ "fw-error-ref", HEST_CPER_FW_ERROR_REF, "firmware error record reference (32 bytes)" },
	{ "cxl-protocol", HEST_CPER_CXL_PROTOCOL, "CXL protocol error (116 + DVSEC + error log: needs largest_section)" },
	{ "cxl-general-media", HEST_CPER_CXL_GEN_MEDIA, "CXL general media event (144 bytes)" },
	{ "cxl-dram", HEST_CPER_CXL_DRAM, "CXL DRAM event (144 bytes)" },
	{ "cxl-memory-module", HEST_CPER_CXL_MEM_MODULE, "CXL memory module event (144 bytes)" },
	{ "fru-memory-poison", HEST_CPER_FRU_POISON, "FRU memory poison (sized with one descriptor: 72)" },
	{ "pci-bus", HEST_CPER_PCI_BUS, "PCI/PCI-X bus (72 bytes)" },
	{ "pci-device", HEST_CPER_PCI_DEVICE, "PCI/PCI-X component (40 + 16 per register pair: needs largest_section)" },
	{ "pci-component", HEST_CPER_PCI_DEVICE, "PCI/PCI-X component (same as pci-device)" },
	{ "dmar-generic", HEST_CPER_DMAR_GENERIC, "DMAr generic (32 bytes)" },
	{ "dmar-vtd", HEST_CPER_DMAR_VTD, "VT-d DMAr (144 bytes)" },
	{ "dmar-iommu", HEST_CPER_DMAR_IOMMU, "IOMMU DMAr (144 bytes)" },
	{ "ccix-per", HEST_CPER_CCIX_PER, "CCIX PER log (16 + log: needs largest_section)" },
	{ "nvidia", HEST_CPER_NVIDIA, "NVIDIA Grace (32 + 16 per register: needs largest_section)" },
	{ "ampere", HEST_CPER_AMPERE, "Ampere payload type 0 (48 bytes)" },
	{ "raw", HEST_CPER_RAW, "any other section: its size comes from largest_section" },
};
const struct hest_names hest_cper_kind_names = NAMES(kind_v);

/* A source's `sections:` keeps one slot per kind (model.h). */
_Static_assert(HEST_CPER_NKINDS <= HEST_SOURCE_MAX_SECTION_KINDS, "hest_source_sections holds every kind");

const struct hest_cper_type *hest_cper_type_of(enum hest_cper_kind kind)
{
	return (unsigned)kind < HEST_CPER_NKINDS ? &types[kind] : NULL;
}

static bool word_is(const char *w, const char *s, size_t len)
{
	return w && strlen(w) == len && memcmp(w, s, len) == 0;
}

const struct hest_cper_type *hest_cper_type_by_key(const char *key, size_t len)
{
	for (size_t i = 0; i < N(types); i++)
		if (word_is(types[i].key, key, len) || word_is(types[i].alias, key, len))
			return &types[i];
	return NULL;
}

const struct hest_cper_type *hest_cper_type_by_guid(const uint8_t guid[16])
{
	for (size_t i = 0; i < N(types); i++)
		if (types[i].kind != HEST_CPER_RAW && memcmp(types[i].guid, guid, 16) == 0)
			return &types[i];
	return NULL;
}

static const struct hest_cper_desc *const all_descs[] = {
	&hest_cper_desc_status, &hest_cper_desc_entry, &hest_cper_desc_record, &hest_cper_desc_descriptor,
	&desc_memory, &desc_memory2, &desc_proc, &desc_ia, &desc_ia_info, &desc_ia_ctx, &desc_arm,
	&desc_arm_info, &desc_arm_ctx, &desc_pcie, &desc_fw, &desc_cxl_prot, &desc_cxl_gm, &desc_cxl_dram,
	&desc_cxl_mm, &desc_fmp, &desc_fpd, &desc_pci_bus, &desc_pci_dev, &desc_pci_reg, &desc_dmar, &desc_vtd, &desc_iommu, &desc_ccix,
	&desc_nvidia, &desc_nvidia_reg, &desc_ampere,
};

const struct hest_cper_desc *const *hest_cper_descs(size_t *n)
{
	*n = N(all_descs);
	return all_descs;
}

/* --- field access --------------------------------------------------------- */

const struct hest_cper_field *hest_cper_field_find(const struct hest_cper_desc *d, const char *key, size_t len)
{
	for (size_t i = 0; i < d->nfields; i++)
		if (word_is(d->fields[i].key, key, len))
			return &d->fields[i];
	return NULL;
}

bool hest_cper_field_is_int(const struct hest_cper_field *f)
{
	switch (f->kind) {
	case HEST_CF_INT:
	case HEST_CF_ENUM:
	case HEST_CF_FLAGS:
		return f->size >= 1 && f->size <= 8;
	case HEST_CF_RESERVED:
		return f->size >= 1 && f->size <= 8;
	default:
		return false;
	}
}

static uint64_t width_mask(unsigned w)
{
	return w >= 64 ? UINT64_MAX : ((uint64_t)1 << w) - 1;
}

uint64_t hest_cper_field_max(const struct hest_cper_field *f)
{
	if (!hest_cper_field_is_int(f))
		return 0;
	return f->width ? width_mask(f->width) : hest_field_max(f->size);
}

uint64_t hest_cper_field_get(const struct hest_cper_field *f, const uint8_t *base)
{
	uint64_t v = hest_get_le(base + f->offset, f->size);
	return f->width ? (v >> f->shift) & width_mask(f->width) : v;
}

void hest_cper_field_put(const struct hest_cper_field *f, uint8_t *base, uint64_t v)
{
	if (f->width) {
		uint64_t old = hest_get_le(base + f->offset, f->size);
		uint64_t m = width_mask(f->width) << f->shift;
		v = (old & ~m) | ((v << f->shift) & m);
	}
	hest_put_le(base + f->offset, f->size, v);
}

bool hest_cper_bits_get(const struct hest_cper_bits *b, const uint8_t *base, uint64_t *v)
{
	if (!b->width)
		return false;
	*v = (hest_get_le(base + b->offset, b->size) >> b->shift) & width_mask(b->width);
	return true;
}

void hest_cper_bits_put(const struct hest_cper_bits *b, uint8_t *base, uint64_t v)
{
	if (!b->width)
		return;
	uint64_t old = hest_get_le(base + b->offset, b->size);
	uint64_t m = width_mask(b->width) << b->shift;
	hest_put_le(base + b->offset, b->size, (old & ~m) | ((v << b->shift) & m));
}

void hest_cper_apply_defaults(const struct hest_cper_desc *d, uint8_t *bytes)
{
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_cper_field *f = &d->fields[i];
		if (hest_cper_field_is_int(f) && f->def)
			hest_cper_field_put(f, bytes, f->def);
		else if (f->kind == HEST_CF_TEXT && f->def)
			hest_put_le(bytes + f->offset, f->size < 8 ? f->size : 8, f->def);
	}
}

uint32_t hest_cper_entry_size(uint16_t revision)
{
	/* Linux acpi_hest_get_size(): major revision >= 3 has the timestamp. */
	return (revision >> 8) >= 3 ? HEST_CPER_ENTRY_SIZE : HEST_CPER_ENTRY_SIZE_OLD;
}

/* --- GUIDs --------------------------------------------------------------- */

int hest_guid_parse(const char *s, size_t len, uint8_t out[16])
{
	/* Text byte order of each group; the first three groups are stored
	 * little-endian, the last two as written. */
	static const uint8_t order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	uint8_t text[16];
	if (len == 38 && s[0] == '{' && s[37] == '}') {
		s++;
		len -= 2;
	}
	if (len != 36)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < 36;) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return -1;
			i++;
			continue;
		}
		int hi = hest_hex_digit(s[i]), lo = hest_hex_digit(s[i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		text[k++] = (uint8_t)(hi << 4 | lo);
		i += 2;
	}
	for (size_t i = 0; i < 16; i++)
		out[order[i]] = text[i];
	return 0;
}

void hest_guid_format(const uint8_t g[16], char out[37])
{
	static const char hex[] = "0123456789abcdef";
	static const uint8_t order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	size_t k = 0;
	for (size_t i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hex[g[order[i]] >> 4];
		out[k++] = hex[g[order[i]] & 15];
	}
	out[k] = '\0';
}

const char *hest_cper_guid_name_of(const struct hest_cper_guid_names *names, const uint8_t g[16])
{
	for (size_t i = 0; names && i < names->n; i++)
		if (memcmp(names->v[i].guid, g, 16) == 0)
			return names->v[i].name;
	return NULL;
}

/* --- sizing --------------------------------------------------------------- */

int hest_cper_worst_case(uint32_t max_sections, const struct hest_cper_size *kinds, size_t n,
			 uint32_t max_raw_data_length, uint64_t *size)
{
	uint64_t largest = 0;
	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct hest_cper_type *t = hest_cper_type_of(kinds[i].kind);
		if (!t)
			return -1;
		uint64_t body = kinds[i].body ? kinds[i].body : t->worst;
		if (!body)
			return -1;
		if (body > largest)
			largest = body;
	}
	uint64_t per = HEST_CPER_ENTRY_SIZE + largest; /* < 2^33 */
	uint64_t count = max_sections ? max_sections : 1;
	if (per > (UINT64_MAX - HEST_CPER_STATUS_SIZE - max_raw_data_length) / count)
		return -1;
	*size = HEST_CPER_STATUS_SIZE + count * per + max_raw_data_length;
	return 0;
}

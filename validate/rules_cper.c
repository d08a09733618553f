/* Rules about CPER error status blocks and records, and GHES block sizes. */
#include "rules.h"

static const struct hest_rule rules[] = {
	{ "HEST-CPER-ARM-INFO", HEST_SEV_WARNING, "an ARM error information structure's length is not 32",
	  "UEFI 2.10 N.2.4.4.1 (Length 32); Linux ghes_handle_arm_hw_error() steps by that length" },
	{ "HEST-CPER-ARM-LENGTH", HEST_SEV_ERROR, "ARM section_length disagrees with the section's size",
	  "UEFI 2.10 N.2.4.4 (Section Length); Linux cper_print_proc_arm(): \"section length is too small\"" },
	{ "HEST-CPER-ARM-TYPE", HEST_SEV_WARNING,
	  "an ARM error information type sets no error type bit, or reserved bits",
	  "UEFI 2.10 N.2.4.4.1 (Type: bit 1 cache, 2 TLB, 3 bus, 4 micro-architectural); current Linux "
	  "cper_print_proc_arm() prints \"with reserved bit(s)\" and ghes_handle_arm_hw_error() recovers only "
	  "cache errors; kernels without the 2025 alignment read the byte as an index" },
	{ "HEST-CPER-BLOCK-LENGTH", HEST_SEV_ERROR, "the block is longer than the error status block it must fit",
	  "ACPI 6.5 18.3.2.7 (Error Status Block Length); Linux __ghes_check_estatus(): "
	  "\"Invalid error status block length!\"" },
	{ "HEST-CPER-BLOCK-STATUS", HEST_SEV_WARNING, "block_status error bits disagree with the entries' severities",
	  "ACPI 6.5 table 18.11 (Block Status bits 3:0)" },
	{ "HEST-CPER-BLOCK-STATUS-ZERO", HEST_SEV_ERROR, "block_status is 0 although the block holds data entries",
	  "Linux __ghes_peek_estatus(): a zero block_status means \"no error\"; the record is never read" },
	{ "HEST-CPER-CHECKSUM", HEST_SEV_WARNING, "a section's checksum does not match its bytes",
	  "Linux drivers/ras/amd/fmpm.c (FRU memory poison): a record whose checksum fails is erased" },
	{ "HEST-CPER-CONTEXT", HEST_SEV_WARNING,
	  "a context structure has an unknown type or a register array of the wrong size",
	  "UEFI 2.10 N.2.4.2.2, N.2.4.4.2; Linux cper_print_proc_arm() stops at \"Invalid context type\"" },
	{ "HEST-CPER-CXL-AGENT", HEST_SEV_WARNING,
	  "a CXL protocol error lacks what Linux needs to find the agent (error log, device id, address, serial)",
	  "UEFI 2.10 N.2.13; Linux cxl_cper_handle_prot_err_info(): \"Not a valid protocol error log\", \"Not a "
	  "valid Device ID\", \"Not a valid agent type\" (the RCH downstream port has no SBDF); the CXL driver "
	  "then looks the agent up by SBDF (CVE-2025-38252: it trusted the device it found to be a CXL memdev)" },
	{ "HEST-CPER-CXL-EVENT", HEST_SEV_WARNING,
	  "a CXL component event section Linux drops: a length outside 33..144, or the event record not marked valid",
	  "UEFI 2.10 N.2.14 (Length; validation bit 2: CXL component event log); Linux include/cxl/event.h struct "
	  "cxl_cper_event_rec (144 bytes), ghes.c cxl_cper_post_event(): \"CXL CPER Invalid section length\", "
	  "\"CXL CPER invalid event\"; the event never reaches the CXL driver" },
	{ "HEST-CPER-CXL-RAS-LOG", HEST_SEV_WARNING,
	  "a CXL protocol error log is not the 88-byte CXL RAS capability structure",
	  "UEFI 2.10 N.2.13 (Error Log: the CXL RAS capability, CXL 3.0 8.2.4.16); Linux 6.12 "
	  "cxl_cper_print_prot_err() prints 88 bytes whatever error_log_length says, reading past a shorter log" },
	{ "HEST-CPER-DATA-LENGTH", HEST_SEV_ERROR, "data_length disagrees with the data entries",
	  "ACPI 6.5 table 18.11 (Data Length); Linux cper_estatus_check() rejects the block: "
	  "\"Failed to read error status block!\"" },
	{ "HEST-CPER-ENTRY-COUNT", HEST_SEV_WARNING, "block_status entry count differs from the data entries present",
	  "ACPI 6.5 table 18.11 (Block Status bits 13:4); Linux walks data_length and ignores the count" },
	{ "HEST-CPER-ENUM", HEST_SEV_WARNING, "an enumerated field holds a value the specification does not define",
	  "UEFI 2.10 N.2 (memory error types, register context types)" },
	{ "HEST-CPER-PART-LENGTH", HEST_SEV_ERROR,
	  "a length field of a section (a variable part, the whole section) disagrees with its bytes",
	  "UEFI 2.10 N.2.12 (CCIX Length), N.2.13 (CXL DVSEC and Error Log Length), N.2.14 (CXL Length); Linux "
	  "cxl_cper_post_event(): \"CXL CPER Invalid section length\"" },
	{ "HEST-CPER-RAW-DATA", HEST_SEV_ERROR, "raw data lies outside the block or overlaps the data entries",
	  "ACPI 6.5 table 18.11 (raw data follows the entries); Linux cper_estatus_check_header()" },
	{ "HEST-CPER-RECORD-LENGTH", HEST_SEV_ERROR,
	  "record_length or a section lies outside the record, or sections overlap",
	  "UEFI 2.10 N.2.1 (Record Length), N.2.2 (Section Offset, Section Length)" },
	{ "HEST-CPER-RECORD-SIGNATURE", HEST_SEV_ERROR,
	  "a record's signature is not \"CPER\" or its signature_end is not 0xFFFFFFFF", "UEFI 2.10 N.2.1" },
	{ "HEST-CPER-RESERVED", HEST_SEV_WARNING, "reserved bytes or bits are not zero",
	  "UEFI 2.10 N.2, ACPI 6.5 table 18.11 (reserved fields are zero)" },
	{ "HEST-CPER-REVISION", HEST_SEV_WARNING, "a data entry revision is newer than 0x300",
	  "ACPI 6.5 table 18.12 (Revision 0x300); Linux acpi_hest_get_size() assumes the 72-byte form" },
	{ "HEST-CPER-SECTION-COUNT", HEST_SEV_ERROR,
	  "error information or context structure counts run past the section",
	  "UEFI 2.10 N.2.4.2 (IA32/X64 validation bits 13:2), N.2.4.4 (ARM ERR_INFO_NUM, CONTEXT_INFO_NUM)" },
	{ "HEST-CPER-SECTION-LONG", HEST_SEV_WARNING, "a fixed-size section carries bytes after its structure",
	  "UEFI 2.10 N.2.5-N.2.10 (fixed section sizes); consumers ignore the extra bytes" },
	{ "HEST-CPER-SECTION-SHORT", HEST_SEV_ERROR, "a section is shorter than its type's structure",
	  "UEFI 2.10 N.2.4-N.2.10; Linux cper_estatus_print_section(): \"error section length is too small\"" },
	{ "HEST-CPER-SEVERITY", HEST_SEV_ERROR, "an error severity is not recoverable, fatal, corrected or none",
	  "ACPI 6.5 tables 18.11/18.12; Linux ghes_severity() treats unknown severities as fatal (panic)" },
	{ "HEST-CPER-TIMESTAMP", HEST_SEV_WARNING, "a timestamp is marked valid in an entry without one",
	  "ACPI 6.5 table 18.12: the timestamp exists from revision 0x300; older entries are 64 bytes" },
	{ "HEST-CPER-TRUNCATED", HEST_SEV_ERROR, "the input ends inside a status block or record header",
	  "ACPI 6.5 table 18.11 (20-byte Generic Error Status Block); UEFI 2.10 N.2.1 (128-byte record header)" },
	{ "HEST-CPER-VALID-BITS", HEST_SEV_WARNING, "validation bits are set for fields the structure does not define",
	  "UEFI 2.10 N.2 (reserved validation bits are zero); Linux cper_print_mem(): \"valid bits set for fields "
	  "beyond structure\"" },
	{ "HEST-GHES-BLOCK-CAP", HEST_SEV_WARNING, "error_block_length is above Linux's 64 KiB",
	  "Linux ghes_new(): \"Error status block length is too long\", then reads only GHES_ESTATUS_MAX_SIZE "
	  "(64 KiB)" },
	{ "HEST-GHES-BLOCK-SIZE", HEST_SEV_ERROR,
	  "error_block_length is smaller than one record of the declared sections can need",
	  "ACPI 6.5 18.3.2.7: worst case 20 + max_sections_per_record x (72 + largest section) + "
	  "max_raw_data_length; a smaller block loses records" },
};

const struct hest_rule_table hest_rules_cper_part = { rules, sizeof(rules) / sizeof(rules[0]) };

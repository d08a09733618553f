/* Rules about placement and loader scripts. */
#include "rules.h"

static const struct hest_rule rules[] = {
	{ "LOADER-ALIGN", HEST_SEV_ERROR,
	  "ALLOCATE alignment is not a power of two (SeaBIOS) or above 4096 (OVMF/AAVMF), or a placement is misaligned",
	  "SeaBIOS romfile_loader_allocate fails the command; OVMF/AAVMF ProcessCmdAllocate returns "
	  "EFI_UNSUPPORTED and roll the script back" },
	{ "LOADER-BOUNDS", HEST_SEV_ERROR, "an offset, size or checksum range lies outside its file",
	  "SeaBIOS and OVMF bounds checks: the command fails" },
	{ "LOADER-CHECKSUM-NONZERO", HEST_SEV_ERROR,
	  "a checksum byte is not 0 before its ADD_CHECKSUM (OVMF/AAVMF then leave the range summing to minus it)",
	  "OVMF/AAVMF ProcessCmdAddChecksum stores the range's checksum; their second pass installs only "
	  "checksum-valid tables, so the table is silently dropped" },
	{ "LOADER-CHECKSUM-STALE", HEST_SEV_ERROR, "a checksummed range changes after its ADD_CHECKSUM",
	  "commands run in order: ADD_CHECKSUM must come after the pointers it covers" },
	{ "LOADER-DOUBLE-ALLOC", HEST_SEV_ERROR, "a file is ALLOCATEd twice",
	  "QEMU's linker never does this; firmware would make a second, unpatched copy" },
	{ "LOADER-FSEG-FULL", HEST_SEV_ERROR, "an FSEG allocation does not fit in 0xE0000-0xFFFFF",
	  "the F segment is 128 KiB; RSDP must live there" },
	{ "LOADER-HEST-NOT-INSTALLED", HEST_SEV_ERROR, "UEFI firmware (OVMF/AAVMF) does not install the HEST",
	  "OVMF/AAVMF install only checksum-valid tables an ADD_POINTER points at, and nothing after an error "
	  "(rollback): the OS sees no HEST" },
	{ "LOADER-NAME", HEST_SEV_ERROR, "a file name is not NUL-terminated inside its 56-byte field",
	  "SeaBIOS romfile_loader_find / OVMF: the command fails" },
	{ "LOADER-OVERLAP", HEST_SEV_ERROR, "two allocations overlap in memory",
	  "each ALLOCATE gets its own memory" },
	{ "LOADER-POINTER-RANGE", HEST_SEV_WARNING, "a pointer's initial offset lies outside its source file (SeaBIOS)",
	  "SeaBIOS adds the source address anyway: the pointer leaves the file" },
	{ "LOADER-POINTER-SIZE", HEST_SEV_ERROR, "pointer size is not 1, 2, 4 or 8, or the address does not fit it",
	  "QEMU bios_linker_loader_add_pointer; SeaBIOS rejects other sizes" },
	{ "LOADER-SIZE", HEST_SEV_ERROR, "loader script size is not a whole number of 128-byte commands",
	  "SeaBIOS romfile_loader_execute refuses the whole script" },
	{ "LOADER-SYNTAX", HEST_SEV_ERROR, "a line of a loader listing cannot be read",
	  "hestc table-loader.txt format (docs/placement.md)" },
	{ "LOADER-TABLE-LIMIT", HEST_SEV_ERROR, "the script points at more than 128 tables",
	  "OVMF/AAVMF keep at most 128 installed tables and roll the script back past that" },
	{ "LOADER-UEFI-POINTER-RANGE", HEST_SEV_ERROR, "a pointer's initial offset lies outside its source file",
	  "OVMF/AAVMF ProcessCmdAddPointer refuses it and rolls the whole script back" },
	{ "LOADER-UEFI-WRITE", HEST_SEV_ERROR, "a WRITE_POINTER target is missing or read-only under OVMF/AAVMF",
	  "missing: ProcessCmdWritePointer fails and the script is rolled back; read-only: QEMU refuses the fw_cfg DMA "
	  "write and the firmware stops" },
	{ "LOADER-UNALLOCATED", HEST_SEV_ERROR, "a command uses a file before it is ALLOCATEd",
	  "SeaBIOS romfile_loader_add_pointer/add_checksum look up allocated files only" },
	{ "LOADER-UNKNOWN-COMMAND", HEST_SEV_WARNING, "an unknown command number",
	  "SeaBIOS and OVMF skip commands they do not recognise" },
	{ "LOADER-UNKNOWN-FILE", HEST_SEV_ERROR, "a command names a file that is not a (non-empty) fw_cfg file",
	  "SeaBIOS skips empty or missing files, so later commands on them fail" },
	{ "LOADER-WRITE-ACCESS", HEST_SEV_NOTE, "a WRITE_POINTER target is given, but not as writable",
	  "OVMF/AAVMF stop at a refused write: the VMM must register it writable (QEMU's -fw_cfg files are read-only)" },
	{ "LOADER-WRITE-READONLY", HEST_SEV_WARNING, "a WRITE_POINTER target is a read-only fw_cfg file (SeaBIOS)",
	  "QEMU drops the write and SeaBIOS does not notice: the VMM never learns the address" },
	{ "LOADER-WRITE-TARGET", HEST_SEV_WARNING, "a WRITE_POINTER target is not among the given files (SeaBIOS)",
	  "SeaBIOS skips the command: the VMM never learns the address; QEMU must register the file as writable "
	  "(fw_cfg_add_file_callback)" },
	{ "LOADER-ZONE", HEST_SEV_ERROR, "ALLOCATE zone is neither 1 (high) nor 2 (fseg)",
	  "QEMU BIOS_LINKER_LOADER_ALLOC_ZONE_*; SeaBIOS fails the command" },
	{ "PLACE-ADDRESS-GIVEN", HEST_SEV_ERROR, "a GAS address is given by hand under a placement that computes it",
	  "placement modes linker-loader and fixed own the GHES register addresses" },
	{ "PLACE-OVERLAP", HEST_SEV_ERROR, "fixed-address regions overlap",
	  "each error status block and register must have memory of its own" },
	{ "PLACE-RANGE", HEST_SEV_ERROR, "a placed region does not fit the address space or 32-bit loader offsets",
	  "BiosLinkerLoaderEntry offsets are 32-bit" },
	{ "PLACE-TABLE-OFFSET", HEST_SEV_ERROR, "the HEST does not fit in the tables blob at table_offset",
	  "ADD_POINTER/ADD_CHECKSUM into the tables blob would run past its end" },
	{ "QEMU-HEST-WALK", HEST_SEV_ERROR,
	  "QEMU, told the HEST's address through etc/acpi_table_hest_addr, cannot walk to a GHES source",
	  "hw/acpi/ghes.c get_ghes_source_offsets walks Error Source Count structures in 92-byte steps and refuses "
	  "any that is not a GHESv2 (\"HEST: type N not supported.\") before the id matches: recording the error "
	  "fails (arm KVM memory errors: 'failed to record the error' and abort(); injection: an error)" },
};

const struct hest_rule_table hest_rules_loader_part = { rules, sizeof(rules) / sizeof(rules[0]) };

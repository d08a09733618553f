/* QEMU BIOS linker/loader scripts ("etc/table-loader"): building them from
 * the model, reading them (binary or text listing), and a simulator that
 * executes one over blobs the way SeaBIOS and OVMF do. */
#ifndef HEST_LOADER_H
#define HEST_LOADER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/buf.h>
#include <hest/diag.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HEST_LOADER_ENTRY_SIZE 128u
#define HEST_LOADER_FILESZ 56u
/* A HEST of 65535 GHESv2 sources needs about 4 x 65535 commands; four times
 * that still bounds a hostile script (128 MiB). */
#define HEST_LOADER_MAX_ENTRIES (1u << 20)

enum hest_loader_command {
	HEST_LOADER_ALLOCATE = 1,
	HEST_LOADER_ADD_POINTER = 2,
	HEST_LOADER_ADD_CHECKSUM = 3,
	HEST_LOADER_WRITE_POINTER = 4,
};

/* One 128-byte command.  Unused fields are zero.  `file`/`src` hold the
 * 56-byte name fields; `name_ok`/`src_ok` say whether they were
 * NUL-terminated inside the field (firmware refuses them otherwise). */
struct hest_loader_entry {
	uint32_t command;
	char file[HEST_LOADER_FILESZ + 1]; /* ALLOCATE/ADD_CHECKSUM file, pointer dest */
	char src[HEST_LOADER_FILESZ + 1];  /* pointer source */
	bool name_ok, src_ok;
	uint32_t align;  /* ALLOCATE */
	uint8_t zone;    /* ALLOCATE: 1 high, 2 fseg */
	uint32_t offset; /* ADD_POINTER: in dest; ADD_CHECKSUM: the checksum byte;
			    WRITE_POINTER: dst_offset */
	uint32_t src_offset; /* WRITE_POINTER */
	uint32_t start, length; /* ADD_CHECKSUM */
	uint8_t size;    /* pointer size: 1, 2, 4 or 8 */
	char note[160];      /* why the builder emitted it (printed as a comment) */
	/* where it came from, for diagnostics */
	uint32_t line;       /* text listing line, or 0 */
	uint64_t byte_offset; /* binary script offset */
};

struct hest_loader {
	struct hest_loader_entry *v;
	size_t n, cap;
};

void hest_loader_init(struct hest_loader *l);
void hest_loader_free(struct hest_loader *l);
/* Appends a copy; false on OOM or past HEST_LOADER_MAX_ENTRIES. */
bool hest_loader_push(struct hest_loader *l, const struct hest_loader_entry *e);

const char *hest_loader_command_name(uint32_t command);

/* Binary form: n * 128 bytes, exactly as QEMU builds it. */
bool hest_loader_encode(const struct hest_loader *l, struct hest_buf *out);
/* Reads a binary script; faults (size not a multiple of 128...) become
 * diagnostics against `file` with byte offsets.  Returns 0 or -1. */
int hest_loader_decode(const uint8_t *p, size_t len, const char *file, struct hest_loader *l,
		       struct hest_diags *d);

/* Text listing: one command per line, '#' comments, e.g.
 *   ALLOCATE      file="etc/hardware_errors" align=8 zone=high
 *   ADD_POINTER   dest="etc/acpi/tables" offset=0x44 size=8 src="etc/hardware_errors"
 *   ADD_CHECKSUM  file="etc/acpi/tables" offset=0x9 start=0x0 length=0xe0
 *   WRITE_POINTER dest="etc/hardware_errors_addr" offset=0x0 size=8 src="etc/hardware_errors" src_offset=0x0
 * Each entry's note is printed as a '#' comment line above it. */
bool hest_loader_format(const struct hest_loader *l, struct hest_buf *out);
int hest_loader_parse_text(const char *text, size_t len, const char *file, struct hest_loader *l,
			   struct hest_diags *d);

/* --- simulator ----------------------------------------------------------- */

/* The firmware whose behaviour the simulator models.  They execute the same
 * commands differently:
 * - SeaBIOS (src/fw/romfile_loader.c): ADD_CHECKSUM subtracts the range's
 *   sum from the checksum byte; a command it cannot execute is skipped with
 *   an internal-error warning and the rest still runs; the OS finds tables
 *   through the RSDP the script placed in the F segment.
 * - UEFI: OVMF and AAVMF (OvmfPkg/AcpiPlatformDxe/QemuFwCfgAcpi.c):
 *   ADD_CHECKSUM stores the range's checksum (right only when the byte was
 *   0); ALLOCATE ignores the zone, takes whole pages (alignment above 4096
 *   refused) below 4 GiB when a pointer narrower than 8 bytes points into
 *   the file; ADD_POINTER refuses an initial value outside the pointee;
 *   WRITE_POINTER needs an existing, writable fw_cfg file (a read-only one
 *   halts the firmware); any error rolls the whole script back (nothing
 *   installed, allocations freed, addresses sent to the VMM revoked).  A
 *   second pass installs, in script order, every distinct address an
 *   ADD_POINTER points at that holds a FACS or a checksum-valid ACPI table
 *   other than RSDT/XSDT (at most 128); files that only hold tables are then
 *   freed (the OS sees the installed copies). */
enum hest_firmware {
	HEST_FW_SEABIOS = 0,
	HEST_FW_UEFI = 1,
};
#define HEST_FW_COUNT 2
const char *hest_firmware_name(enum hest_firmware fw); /* "seabios", "uefi" */
const char *hest_firmware_title(enum hest_firmware fw); /* "SeaBIOS", "OVMF/AAVMF" */

/* Whether the VMM registers a fw_cfg file as writable (WRITE_POINTER). */
enum hest_blob_access {
	HEST_BLOB_ACCESS_UNKNOWN = 0,
	HEST_BLOB_READ_ONLY,     /* QEMU's -fw_cfg files */
	HEST_BLOB_WRITABLE,      /* e.g. QEMU's own etc/hardware_errors_addr */
};

/* A fw_cfg file's initial content, as the VMM provides it. */
struct hest_blob {
	const char *name;
	const uint8_t *data;
	size_t len;
	enum hest_blob_access access;
};

/* Where ALLOCATE puts files: explicit addresses by name, else the next
 * aligned address of the zone's arena (UEFI: the next page). */
struct hest_sim_place {
	const char *name;
	uint64_t addr;
};

/* A place in a file that the rest of the VMM's script (not given) points
 * at, e.g. its XSDT entry for a table in a script fragment: UEFI's second
 * pass treats it as pointed at after the script's own pointers. */
struct hest_sim_target {
	const char *file;
	uint64_t offset;
};

struct hest_sim_options {
	uint64_t high_base; /* first address of the HIGH zone arena (e.g. 0x7f000000) */
	uint64_t fseg_base; /* first address of the FSEG zone (0xe0000) */
	uint64_t fseg_end;  /* end of FSEG (0x100000) */
	const struct hest_sim_place *place;
	size_t nplace;
	enum hest_firmware firmware;
	const struct hest_sim_target *assume;
	size_t nassume;
};

struct hest_sim_file {
	char name[HEST_LOADER_FILESZ + 1];
	uint8_t *data; /* owned copy, patched in place */
	size_t len;
	uint64_t addr;
	uint8_t zone;
	bool freed; /* UEFI: released after the script (it only held installed tables) or by a rollback */
};

/* A WRITE_POINTER the firmware sent back to the VMM. */
struct hest_sim_write {
	char file[HEST_LOADER_FILESZ + 1];
	uint32_t offset;
	uint8_t size;
	uint64_t value; /* 0 when a UEFI rollback revoked it */
};

/* UEFI: a table the second pass installed. */
struct hest_sim_table {
	char signature[5];
	size_t file;     /* index in files */
	uint64_t offset; /* in that file */
	uint32_t length;
	uint64_t addr;
	size_t entry;    /* the ADD_POINTER that reached it, or SIZE_MAX for an assumed target */
};

struct hest_sim {
	enum hest_firmware firmware;
	struct hest_sim_file *files;
	size_t nfiles;
	struct hest_sim_write *writes;
	size_t nwrites;
	struct hest_sim_table *tables; /* UEFI only */
	size_t ntables;
	bool rolled_back; /* UEFI: an error undid the whole script */
	bool halted;      /* UEFI: a WRITE_POINTER to a read-only file stops the firmware */
};

/* Executes `l` over `blobs` as o->firmware does (SeaBIOS without `o`).
 * Every fault (unknown file, use before ALLOCATE, double ALLOCATE, offset or
 * size out of bounds, bad pointer size, alignment, bad zone, overlapping
 * allocations, checksum ranges out of bounds, unterminated names, and what
 * only one firmware refuses) is a diagnostic (rule ids LOADER-*) located at
 * the command.  Commands that fault are skipped, as SeaBIOS does; under UEFI
 * the run then counts as rolled back.  Returns 0 when nothing faulted, -1
 * otherwise; `sim` holds the resulting memory either way (free with
 * hest_sim_free). */
int hest_loader_simulate(const struct hest_loader *l, const struct hest_blob *blobs, size_t nblobs,
			 const struct hest_sim_options *o, const char *file, struct hest_sim *sim,
			 struct hest_diags *d);
void hest_sim_free(struct hest_sim *sim);
const struct hest_sim_file *hest_sim_find(const struct hest_sim *sim, const char *name);
/* Reads `size` bytes little-endian at guest address `addr` from whichever
 * allocated file covers it.  False when no file covers all of it. */
bool hest_sim_read(const struct hest_sim *sim, uint64_t addr, unsigned size, uint64_t *v);
/* UEFI: the installed table at `offset` of `file`, or NULL. */
const struct hest_sim_table *hest_sim_installed(const struct hest_sim *sim, const struct hest_sim_file *file,
						uint64_t offset);

/* --- building from the model ------------------------------------------- */

/* Computes the placement (registers, read-ack registers and blocks inside
 * the blob, per source layout) and, in fixed mode, writes absolute addresses
 * into the GAS fields.  Run after hest_model_layout_table.  Returns 0 or -1. */
int hest_place(struct hest_model *m, struct hest_diags *d);

/* Size of the placement blob (etc/hardware_errors), after hest_place. */
uint64_t hest_placement_blob_size(const struct hest_model *m);

/* Initial content of the placement blob: registers hold block offsets
 * (linker-loader) or absolute addresses (fixed); read-ack registers hold
 * placement.read_ack_init; blocks are zero. */
bool hest_emit_blob(const struct hest_model *m, struct hest_buf *out);

/* The HEST as a VMM serves it for the loader: its checksum byte (offset 9)
 * set to 0, as in QEMU's blobs.  UEFI firmware (OVMF, AAVMF) executes
 * ADD_CHECKSUM by storing the range's checksum, which is right only when
 * that byte starts at 0. */
void hest_loader_served_table(uint8_t *table, size_t len);

/* standalone: where the 8-byte install anchor sits in the tables blob (the
 * first 8-aligned offset after the HEST).  It holds table_offset and an
 * ADD_POINTER makes it point at the HEST, so that UEFI firmware, which
 * installs only tables some ADD_POINTER points at, installs it. */
uint64_t hest_loader_anchor_offset(const struct hest_model *m, uint64_t tablelen);

/* The tables blob as served for the loader: the HEST at table_offset with
 * its checksum byte 0, and when standalone the install anchor; zero-padded
 * to tables_blob_size.  Without standalone, a VMM that serves only our HEST
 * in its tables blob serves exactly this. */
bool hest_emit_tables_blob(const struct hest_model *m, const uint8_t *table, size_t tablelen, struct hest_buf *out);

/* The loader script for linker-loader placement, each command with a note
 * saying why.  `tablelen` is the encoded HEST's length (checksum range). */
int hest_build_loader(const struct hest_model *m, size_t tablelen, struct hest_loader *l, struct hest_diags *d);

#ifdef __cplusplus
}
#endif
#endif

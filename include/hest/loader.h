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

/* A fw_cfg file's initial content, as the VMM provides it. */
struct hest_blob {
	const char *name;
	const uint8_t *data;
	size_t len;
};

/* Where ALLOCATE puts files: explicit addresses by name, else the next
 * aligned address of the zone's arena. */
struct hest_sim_place {
	const char *name;
	uint64_t addr;
};

struct hest_sim_options {
	uint64_t high_base; /* first address of the HIGH zone arena (e.g. 0x7f000000) */
	uint64_t fseg_base; /* first address of the FSEG zone (0xe0000) */
	uint64_t fseg_end;  /* end of FSEG (0x100000) */
	const struct hest_sim_place *place;
	size_t nplace;
};

struct hest_sim_file {
	char name[HEST_LOADER_FILESZ + 1];
	uint8_t *data; /* owned copy, patched in place */
	size_t len;
	uint64_t addr;
	uint8_t zone;
};

/* A WRITE_POINTER the firmware sent back to the VMM. */
struct hest_sim_write {
	char file[HEST_LOADER_FILESZ + 1];
	uint32_t offset;
	uint8_t size;
	uint64_t value;
};

struct hest_sim {
	struct hest_sim_file *files;
	size_t nfiles;
	struct hest_sim_write *writes;
	size_t nwrites;
};

/* Executes `l` over `blobs`.  Every fault (unknown file, use before ALLOCATE,
 * double ALLOCATE, offset or size out of bounds, bad pointer size,
 * non-power-of-two alignment, bad zone, overlapping allocations, checksum
 * ranges out of bounds, unterminated names) is a diagnostic (rule ids
 * LOADER-*) located at the command.  Commands that fault are skipped, as
 * firmware does.  Returns 0 when nothing faulted, -1 otherwise; `sim` holds
 * the resulting memory either way (free with hest_sim_free). */
int hest_loader_simulate(const struct hest_loader *l, const struct hest_blob *blobs, size_t nblobs,
			 const struct hest_sim_options *o, const char *file, struct hest_sim *sim,
			 struct hest_diags *d);
void hest_sim_free(struct hest_sim *sim);
const struct hest_sim_file *hest_sim_find(const struct hest_sim *sim, const char *name);
/* Reads `size` bytes little-endian at guest address `addr` from whichever
 * allocated file covers it.  False when no file covers all of it. */
bool hest_sim_read(const struct hest_sim *sim, uint64_t addr, unsigned size, uint64_t *v);

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

/* The loader script for linker-loader placement, each command with a note
 * saying why.  `tablelen` is the encoded HEST's length (checksum range). */
int hest_build_loader(const struct hest_model *m, size_t tablelen, struct hest_loader *l, struct hest_diags *d);

#ifdef __cplusplus
}
#endif
#endif

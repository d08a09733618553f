/* libhest injection: writing CPER records into a running guest.
 *
 * Three pieces a VMM or a host tool combines with the run-time writer of
 * <hest/cper.h> (hest_ghes_write_record):
 *   - a guest-physical -> file-offset map (struct hest_gpa_map), with the
 *     layouts QEMU gives q35 and arm virt RAM, for a guest whose RAM is a
 *     shared file (QEMU memory-backend-file, share=on);
 *   - guest-memory callbacks over such a file (struct hest_file_mem), every
 *     access checked against the map and the file's size;
 *   - the handshake with a deadline (hest_ghes_inject): poll until the OS
 *     has acknowledged the previous record, write, re-arm; on timeout
 *     nothing is written.  hest_ghes_wait_consumed then waits for the OS to
 *     acknowledge the new record.
 * And a reader of hest-layout.json (hestc compile --emit json), which says
 * where each source's registers and block are.
 *
 * No global state; nothing printed.  Errors come back as values and, for
 * the file and the layout, as text in the structures. */
#ifndef HEST_INJECT_H
#define HEST_INJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/cper.h>
#include <hest/diag.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* --- guest-physical -> file offset ----------------------------------------- */

#define HEST_GPA_MAP_MAX 16u

struct hest_gpa_range {
	uint64_t gpa;    /* first guest-physical address */
	uint64_t size;   /* bytes (> 0) */
	uint64_t offset; /* file offset of gpa */
};

struct hest_gpa_map {
	struct hest_gpa_range v[HEST_GPA_MAP_MAX];
	size_t n;
};

void hest_gpa_map_init(struct hest_gpa_map *m);
/* Adds a range.  Returns 0, or -1 when size is 0, gpa + size or
 * offset + size wraps past 2^64, the range overlaps one already in the map
 * (in guest-physical space), or the map is full. */
int hest_gpa_map_add(struct hest_gpa_map *m, uint64_t gpa, uint64_t size, uint64_t offset);

/* QEMU q35 (hw/i386/pc_q35.c): RAM below 4 GiB up to `lowmem` =
 * 0x80000000 when ram_size >= 0xb0000000, else 0xb0000000 (the 32-bit PCI
 * hole and MMCONFIG above it); the rest from 4 GiB.  The RAM file's offset 0
 * is guest address 0 and offset lowmem is 4 GiB.  max_ram_below_4g (0 =
 * QEMU's default of 4 GiB) lowers lowmem as -machine max-ram-below-4g= does. */
int hest_gpa_map_q35(struct hest_gpa_map *m, uint64_t ram_size, uint64_t max_ram_below_4g);
/* QEMU i440fx "pc" (hw/i386/pc_piix.c): lowmem 0xe0000000, or 0xc0000000
 * when ram_size >= 0xe0000000 (gigabyte alignment, machine types >= 1.7). */
int hest_gpa_map_pc(struct hest_gpa_map *m, uint64_t ram_size, uint64_t max_ram_below_4g);
/* QEMU arm virt (hw/arm/virt.c): RAM at 1 GiB (VIRT_MEM), contiguous. */
#define HEST_ARM_VIRT_RAM_BASE UINT64_C(0x40000000)
int hest_gpa_map_arm_virt(struct hest_gpa_map *m, uint64_t ram_size);

/* Parses "GPA:SIZE@OFFSET" (each a C integer, hex with 0x, or with a K, M,
 * G or T suffix for powers of 1024).  Returns 0, or -1 with *why set to a
 * static message. */
int hest_gpa_range_parse(const char *s, struct hest_gpa_range *r, const char **why);

/* The file offset of [gpa, gpa + len): the span must lie inside one range.
 * Returns 0, or -1. */
int hest_gpa_map_lookup(const struct hest_gpa_map *m, uint64_t gpa, uint64_t len, uint64_t *offset);

/* --- guest memory backed by a file ------------------------------------------- */

/* How the file is reached.  pread/pwrite: a short or failed transfer is an
 * error, never a signal, whatever happens to the file.  mmap (MAP_SHARED):
 * plain loads and stores with fences around them, for files read(2) and
 * write(2) do not serve (hugetlbfs refuses write(2)); a file truncated
 * under the mapping raises SIGBUS.  Auto: mmap on hugetlbfs, else
 * pread/pwrite. */
enum hest_file_mem_access {
	HEST_FILE_MEM_AUTO = 0,
	HEST_FILE_MEM_PREAD,
	HEST_FILE_MEM_MMAP,
};

struct hest_file_mem {
	int fd;
	uint64_t file_size;
	enum hest_file_mem_access access; /* what open chose: PREAD or MMAP */
	uint8_t *base;                    /* MMAP: the whole file */
	struct hest_gpa_map map;
	bool writable;
	/* the last failed access, for messages: */
	uint64_t err_gpa, err_len;
	int err_errno;        /* 0 for a bounds failure */
	char err[160];
	/* counters (for tests and benchmarks) */
	uint64_t reads, writes;
};

/* Opens `path` (read-write unless !writable) with a copy of `map`.  Every
 * range of the map must lie inside the file.  Returns 0, or -1 with
 * fm->err saying why (the file is closed again). */
int hest_file_mem_open(struct hest_file_mem *fm, const char *path, const struct hest_gpa_map *map, bool writable);
/* The same with the access chosen. */
int hest_file_mem_open_access(struct hest_file_mem *fm, const char *path, const struct hest_gpa_map *map,
			      bool writable, enum hest_file_mem_access access);
void hest_file_mem_close(struct hest_file_mem *fm);
/* Callbacks for hest_ghes_write_record and friends: each access goes
 * through the map and must end inside the file. */
struct hest_guest_mem hest_file_mem_callbacks(struct hest_file_mem *fm);

/* --- the handshake with a deadline ---------------------------------------------- */

struct hest_ghes_wait {
	uint64_t timeout_ns;  /* total wait; 0 = one attempt, no waiting */
	uint64_t interval_ns; /* between attempts; 0 = 1 ms */
	/* Clock and sleep, for tests; NULL = CLOCK_MONOTONIC and nanosleep. */
	uint64_t (*now_ns)(void *user);
	void (*sleep_ns)(void *user, uint64_t ns);
	void *user;
	/* Called with enter 1 before each attempt to write (reads, then the
	 * re-arm and the record when free) and with 0 after it, never around a
	 * sleep: a program blocks its signals there (hestc inject does), so that
	 * it is never stopped between re-arming the read-ack register and
	 * writing block_status, which would leave the source busy for good; a
	 * VMM may take a lock.  NULL = nothing. */
	void (*guard)(void *user, int enter);
};

/* Whether the OS is done with the block: GHESv2, the read-ack register's
 * non-preserved bits equal write's (the state an acknowledgement leaves);
 * GHES, block_status is 0.  Returns 1 free, 0 busy, -1 I/O error or a
 * target whose masks cannot signal (then *status says which).  `reg` and
 * `block_status` (either may be NULL) receive what was read. */
int hest_ghes_source_free(const struct hest_guest_mem *mem, const struct hest_ghes_target *t, uint64_t *reg,
			  uint32_t *block_status, enum hest_ghes_status *status);

/* hest_ghes_write_record, retried while the source is busy until the
 * deadline.  A busy source costs only reads: on timeout nothing has been
 * written, r->status is HEST_GHES_TIMEOUT and r->read_ack_before /
 * r->block_status_before hold the last values read.  Any other failure
 * returns at once.  r->attempts and r->waited_ns say how long it took.
 * Returns 0 when written, -1 otherwise. */
int hest_ghes_inject(const struct hest_guest_mem *mem, const struct hest_ghes_target *t, const uint8_t *record,
		     size_t len, const struct hest_ghes_wait *w, struct hest_ghes_report *r);

/* After a write: waits until the OS has consumed the record (the source is
 * free again).  Returns 0 (r->read_ack_acked holds the register value that
 * says so, r->waited_ns the time), or -1 with r->status HEST_GHES_TIMEOUT
 * or the error. */
int hest_ghes_wait_consumed(const struct hest_guest_mem *mem, const struct hest_ghes_target *t,
			    const struct hest_ghes_wait *w, struct hest_ghes_report *r);

/* --- hest-layout.json ------------------------------------------------------------- */

struct hest_layout_src {
	char *name;
	char *type;               /* "ghes", "ghes-v2", ... */
	uint16_t id;
	bool has_block;           /* a register and a block (GHES, GHESv2) */
	bool has_read_ack;        /* GHESv2 */
	bool has_addresses;       /* fixed placement: the *_address keys */
	bool block_pinned;        /* no block_offset: the block lies outside the region */
	uint32_t block_size;
	uint64_t register_offset, read_ack_offset, block_offset;
	uint64_t register_address, read_ack_address, block_address;
	uint64_t read_ack_preserve, read_ack_write;
	uint8_t read_ack_bit_offset, read_ack_bit_width;
};

struct hest_layout_info {
	enum hest_placement_mode mode;
	uint64_t base;            /* fixed */
	uint64_t blob_size;
	struct hest_layout_src *src;
	size_t nsrc;
};

/* Reads hest-layout.json.  Errors go to d as file:line:col.  Returns 0, or
 * -1 (the info is freed). */
int hest_layout_json_parse(struct hest_layout_info *li, const char *file, const uint8_t *buf, size_t len,
			   struct hest_diags *d);
void hest_layout_info_free(struct hest_layout_info *li);
/* The index of the source named `name`, or by decimal id ("id:N" also
 * works); -1 if none. */
long hest_layout_find(const struct hest_layout_info *li, const char *name_or_id);
/* A writer's target for source i.  Fixed placement: the layout's own
 * addresses (blob_address must be 0 or equal the base).  Linker-loader:
 * blob_address is where the firmware put the region (it chose it) and must
 * be given.  Returns 0, or -1 with *why set to a static message. */
int hest_layout_target(const struct hest_layout_info *li, size_t i, uint64_t blob_address,
		       struct hest_ghes_target *t, const char **why);

#ifdef __cplusplus
}
#endif
#endif

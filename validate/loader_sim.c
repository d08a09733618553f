/* Executes a loader script over blobs as SeaBIOS (src/fw/romfile_loader.c)
 * or as OVMF/AAVMF (OvmfPkg/AcpiPlatformDxe/QemuFwCfgAcpi.c) do, reporting
 * every fault instead of stopping at the first (include/hest/loader.h says
 * how the two differ). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <hest/loader.h>

struct sim_ctx {
	const struct hest_loader_entry *e;
	const struct hest_loader *l;
	const char *file;
	struct hest_diags *d;
	enum hest_firmware fw;
	bool failed; /* the command faulted (UEFI: the script is rolled back) */
	bool halted; /* UEFI: the firmware stops here */
};

#define UEFI_PAGE 4096u
/* OVMF keeps the keys of the tables it installed to roll them back */
#define UEFI_MAX_TABLES 128u

const char *hest_firmware_name(enum hest_firmware fw)
{
	return fw == HEST_FW_UEFI ? "uefi" : "seabios";
}

const char *hest_firmware_title(enum hest_firmware fw)
{
	return fw == HEST_FW_UEFI ? "OVMF/AAVMF" : "SeaBIOS";
}

static struct hest_loc entry_loc(const struct sim_ctx *c)
{
	struct hest_loc l = { c->file, c->e->line, c->e->line ? 1u : 0u, c->e->line == 0, c->e->byte_offset };
	return l;
}

#define FAULT(c, rule, ...)                                                                       \
	do {                                                                                      \
		hest_diag_add((c)->d, HEST_SEV_ERROR, rule, entry_loc(c), __VA_ARGS__);           \
		(c)->failed = true;                                                               \
	} while (0)
#define WARN(c, rule, ...) hest_diag_add((c)->d, HEST_SEV_WARNING, rule, entry_loc(c), __VA_ARGS__)
#define ERROR(c, rule, ...) hest_diag_add((c)->d, HEST_SEV_ERROR, rule, entry_loc(c), __VA_ARGS__)
#define NOTE(c, rule, ...) hest_diag_add((c)->d, HEST_SEV_NOTE, rule, entry_loc(c), __VA_ARGS__)

static bool is_pow2(uint64_t v)
{
	return v && !(v & (v - 1));
}

void hest_sim_free(struct hest_sim *sim)
{
	for (size_t i = 0; i < sim->nfiles; i++)
		free(sim->files[i].data);
	free(sim->files);
	free(sim->writes);
	free(sim->tables);
	memset(sim, 0, sizeof(*sim));
}

const struct hest_sim_table *hest_sim_installed(const struct hest_sim *sim, const struct hest_sim_file *file,
						uint64_t offset)
{
	for (size_t i = 0; i < sim->ntables; i++)
		if (&sim->files[sim->tables[i].file] == file && sim->tables[i].offset == offset)
			return &sim->tables[i];
	return NULL;
}

const struct hest_sim_file *hest_sim_find(const struct hest_sim *sim, const char *name)
{
	for (size_t i = 0; i < sim->nfiles; i++)
		if (strcmp(sim->files[i].name, name) == 0)
			return &sim->files[i];
	return NULL;
}

bool hest_sim_read(const struct hest_sim *sim, uint64_t addr, unsigned size, uint64_t *v)
{
	for (size_t i = 0; i < sim->nfiles; i++) {
		const struct hest_sim_file *f = &sim->files[i];
		if (!f->freed && addr >= f->addr && addr - f->addr <= f->len && f->len - (addr - f->addr) >= size) {
			*v = hest_get_le(f->data + (addr - f->addr), size);
			return true;
		}
	}
	return false;
}

static const struct hest_blob *find_blob(const struct hest_blob *blobs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(blobs[i].name, name) == 0)
			return &blobs[i];
	return NULL;
}

/* The allocated file `name`, or NULL after reporting why not. */
static struct hest_sim_file *need_file(struct sim_ctx *c, struct hest_sim *sim, const char *name, bool ok,
				       const struct hest_blob *blobs, size_t nblobs, const char *role)
{
	if (!ok) {
		FAULT(c, "LOADER-NAME", "%s file name is not NUL-terminated within %u bytes", role, HEST_LOADER_FILESZ);
		return NULL;
	}
	struct hest_sim_file *f = (struct hest_sim_file *)hest_sim_find(sim, name);
	if (f)
		return f;
	if (find_blob(blobs, nblobs, name))
		FAULT(c, "LOADER-UNALLOCATED", "%s file '%s' is used before it is ALLOCATEd", role, name);
	else
		FAULT(c, "LOADER-UNKNOWN-FILE", "%s file '%s' is not a known fw_cfg file and was never ALLOCATEd", role,
		      name);
	return NULL;
}

static bool ranges_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen && blen && a < b + blen && b < a + alen;
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* SeaBIOS: a power of two (0 taken as its minimum); UEFI allocates whole
 * pages and refuses more than a page's alignment.  False when it faulted. */
static bool alignment_ok(struct sim_ctx *c, uint64_t *align)
{
	const struct hest_loader_entry *e = c->e;
	if (c->fw == HEST_FW_UEFI) {
		if (e->align > UEFI_PAGE) {
			FAULT(c, "LOADER-ALIGN", "ALLOCATE '%s': alignment %" PRIu32 " is above 4096, which OVMF/AAVMF "
			      "refuse", e->file, e->align);
			return false;
		}
		*align = UEFI_PAGE;
		return true;
	}
	*align = e->align;
	if (e->align == 0) {
		WARN(c, "LOADER-ALIGN", "ALLOCATE '%s' with alignment 0; SeaBIOS treats it as its minimum", e->file);
		*align = 1;
	} else if (!is_pow2(e->align)) {
		FAULT(c, "LOADER-ALIGN", "ALLOCATE '%s': alignment %" PRIu32 " is not a power of two, which SeaBIOS "
		      "refuses", e->file, e->align);
		return false;
	}
	return true;
}

/* UEFI: a file that a pointer narrower than 8 bytes points into is
 * allocated below 4 GiB (CollectAllocationsRestrictedTo32Bit). */
static bool below_4g(const struct sim_ctx *c, const char *name)
{
	for (size_t i = 0; i < c->l->n; i++) {
		const struct hest_loader_entry *e = &c->l->v[i];
		if (e->command == HEST_LOADER_ADD_POINTER && e->size < 8 && strcmp(e->src, name) == 0)
			return true;
	}
	return false;
}

/* Where the file goes: an explicit place, else the zone's arena (UEFI:
 * pages, one arena, the zone ignored, a second one below 4 GiB when the
 * first starts above).  False when it faulted. */
static bool choose_address(struct sim_ctx *c, const struct hest_sim_options *o, uint64_t align, size_t len,
			   uint64_t *high_next, uint64_t *fseg_next, uint64_t *addr)
{
	const struct hest_loader_entry *e = c->e;
	for (size_t i = 0; i < o->nplace; i++)
		if (strcmp(o->place[i].name, e->file) == 0) {
			*addr = o->place[i].addr;
			if (*addr % align)
				FAULT(c, "LOADER-ALIGN", "'%s' placed at 0x%" PRIx64 ", which is not %" PRIu64 "-aligned",
				      e->file, *addr, align);
			return true;
		}
	if (e->zone == 2 && c->fw == HEST_FW_SEABIOS) {
		*addr = align_up(*fseg_next, align);
		if (*addr + len > o->fseg_end || *addr + len < *addr) {
			FAULT(c, "LOADER-FSEG-FULL", "'%s' (%zu bytes) does not fit in the F segment", e->file, len);
			return false;
		}
		*fseg_next = *addr + len;
		return true;
	}
	uint64_t *next = high_next;
	if (c->fw == HEST_FW_UEFI && *high_next >= 0x100000000ull && below_4g(c, e->file))
		next = fseg_next; /* UEFI has no F segment: that arena serves below 4 GiB */
	*addr = align_up(*next, align);
	*next = *addr + (c->fw == HEST_FW_UEFI ? align_up(len, UEFI_PAGE) : len);
	return true;
}

static void do_allocate(struct sim_ctx *c, struct hest_sim *sim, const struct hest_blob *blobs, size_t nblobs,
			const struct hest_sim_options *o, uint64_t *high_next, uint64_t *fseg_next)
{
	const struct hest_loader_entry *e = c->e;
	if (!e->name_ok) {
		FAULT(c, "LOADER-NAME", "file name is not NUL-terminated within %u bytes", HEST_LOADER_FILESZ);
		return;
	}
	uint64_t align;
	if (!alignment_ok(c, &align))
		return;
	/* OVMF/AAVMF ignore the zone */
	if (c->fw == HEST_FW_SEABIOS && e->zone != 1 && e->zone != 2) {
		FAULT(c, "LOADER-ZONE", "ALLOCATE '%s': zone %u is neither 1 (high) nor 2 (fseg), which SeaBIOS refuses",
		      e->file, e->zone);
		return;
	}
	if (hest_sim_find(sim, e->file)) {
		FAULT(c, "LOADER-DOUBLE-ALLOC", "'%s' is ALLOCATEd a second time", e->file);
		return;
	}
	const struct hest_blob *b = find_blob(blobs, nblobs, e->file);
	if (!b) {
		FAULT(c, "LOADER-UNKNOWN-FILE", "ALLOCATE of '%s', which is not a known fw_cfg file", e->file);
		return;
	}
	if (b->len == 0) {
		FAULT(c, "LOADER-UNKNOWN-FILE", "ALLOCATE of '%s', which is empty; firmware skips it", e->file);
		return;
	}
	uint64_t addr = 0;
	if (!choose_address(c, o, align, b->len, high_next, fseg_next, &addr))
		return;
	if (addr + b->len < addr) {
		FAULT(c, "LOADER-OVERLAP", "'%s' at 0x%" PRIx64 " wraps past the end of the address space", e->file, addr);
		return;
	}
	for (size_t i = 0; i < sim->nfiles; i++)
		if (ranges_overlap(addr, b->len, sim->files[i].addr, sim->files[i].len))
			FAULT(c, "LOADER-OVERLAP", "'%s' at 0x%" PRIx64 "..0x%" PRIx64 " overlaps '%s'", e->file, addr,
			      addr + b->len - 1, sim->files[i].name);
	struct hest_sim_file *v = realloc(sim->files, (sim->nfiles + 1) * sizeof(*v));
	uint8_t *data = malloc(b->len);
	if (!v || !data) {
		free(data);
		if (v)
			sim->files = v;
		FAULT(c, NULL, "out of memory");
		return;
	}
	sim->files = v;
	memcpy(data, b->data, b->len);
	struct hest_sim_file *f = &sim->files[sim->nfiles++];
	memset(f, 0, sizeof(*f));
	memcpy(f->name, e->file, sizeof(f->name));
	f->data = data;
	f->len = b->len;
	f->addr = addr;
	f->zone = e->zone;
}

static bool pointer_size_ok(struct sim_ctx *c, uint8_t size)
{
	if (size == 1 || size == 2 || size == 4 || size == 8)
		return true;
	FAULT(c, "LOADER-POINTER-SIZE", "pointer size %u is not 1, 2, 4 or 8", size);
	return false;
}

static bool in_bounds(uint64_t off, uint64_t size, uint64_t len)
{
	return off <= len && len - off >= size;
}

static void do_add_pointer(struct sim_ctx *c, struct hest_sim *sim, const struct hest_blob *blobs, size_t nblobs)
{
	const struct hest_loader_entry *e = c->e;
	struct hest_sim_file *dst = need_file(c, sim, e->file, e->name_ok, blobs, nblobs, "destination");
	struct hest_sim_file *src = need_file(c, sim, e->src, e->src_ok, blobs, nblobs, "source");
	if (!dst || !src || !pointer_size_ok(c, e->size))
		return;
	if (!in_bounds(e->offset, e->size, dst->len)) {
		FAULT(c, "LOADER-BOUNDS", "ADD_POINTER at offset 0x%" PRIx32 " size %u runs past the end of '%s' (%zu bytes)",
		      e->offset, e->size, e->file, dst->len);
		return;
	}
	uint64_t initial = hest_get_le(dst->data + e->offset, e->size);
	if (initial >= src->len && c->fw == HEST_FW_UEFI) {
		FAULT(c, "LOADER-UEFI-POINTER-RANGE", "pointer in '%s' at 0x%" PRIx32 " holds offset 0x%" PRIx64
		      ", outside '%s' (%zu bytes), which OVMF/AAVMF refuse", e->file, e->offset, initial, e->src, src->len);
		return;
	}
	if (initial >= src->len)
		WARN(c, "LOADER-POINTER-RANGE", "pointer in '%s' at 0x%" PRIx32 " holds offset 0x%" PRIx64
		     ", outside '%s' (%zu bytes)", e->file, e->offset, initial, e->src, src->len);
	uint64_t value = initial + src->addr;
	if (e->size < 8 && (value >> (8 * e->size)))
		FAULT(c, "LOADER-POINTER-SIZE", "address 0x%" PRIx64 " of '%s' does not fit a %u-byte pointer", value,
		      e->src, e->size);
	hest_put_le(dst->data + e->offset, e->size, value);
}

struct cksum_range {
	size_t entry;
	char file[HEST_LOADER_FILESZ + 1];
	uint32_t offset, start, length;
	bool nonzero; /* UEFI: the byte was not 0 before, so the range cannot sum to 0 */
};

static void do_add_checksum(struct sim_ctx *c, struct hest_sim *sim, const struct hest_blob *blobs, size_t nblobs,
			    struct cksum_range *ranges, size_t *nranges, size_t index)
{
	const struct hest_loader_entry *e = c->e;
	struct hest_sim_file *f = need_file(c, sim, e->file, e->name_ok, blobs, nblobs, "checksum");
	if (!f)
		return;
	if (e->offset >= f->len || !in_bounds(e->start, e->length, f->len)) {
		FAULT(c, "LOADER-BOUNDS", "ADD_CHECKSUM byte 0x%" PRIx32 " or range 0x%" PRIx32 "+0x%" PRIx32
		      " lies outside '%s' (%zu bytes)", e->offset, e->start, e->length, e->file, f->len);
		return;
	}
	uint8_t before = f->data[e->offset];
	bool inside = e->offset >= e->start && e->offset - e->start < e->length;
	bool nonzero = false;
	if (c->fw == HEST_FW_UEFI) {
		/* stores the checksum of the range, the byte itself included */
		f->data[e->offset] = (uint8_t)(0u - hest_byte_sum(f->data + e->start, e->length));
		if (inside && before) {
			nonzero = true;
			ERROR(c, "LOADER-CHECKSUM-NONZERO", "the checksum byte '%s'+0x%" PRIx32 " holds 0x%02x before "
			      "ADD_CHECKSUM: OVMF/AAVMF store the range's checksum, so the range will sum to 0x%02x, not "
			      "0, and a table there is not installed; serve it with that byte 0, as QEMU does",
			      e->file, e->offset, before, (unsigned)(uint8_t)(0u - before));
		}
	} else {
		f->data[e->offset] = (uint8_t)(before - hest_byte_sum(f->data + e->start, e->length));
	}
	struct cksum_range *r = &ranges[(*nranges)++];
	r->nonzero = nonzero;
	r->entry = index;
	memcpy(r->file, e->file, sizeof(r->file));
	r->offset = e->offset;
	r->start = e->start;
	r->length = e->length;
}

/* The fw_cfg file a WRITE_POINTER writes into.  OVMF/AAVMF roll back
 * without it and stop on a refused write; SeaBIOS skips the command and
 * QEMU drops the write to a read-only file, so the VMM never learns the
 * address.  False when the command cannot run. */
static bool write_target_ok(struct sim_ctx *c, const struct hest_blob *dst)
{
	const struct hest_loader_entry *e = c->e;
	bool uefi = c->fw == HEST_FW_UEFI;
	if (!dst) {
		if (uefi)
			FAULT(c, "LOADER-UEFI-WRITE", "WRITE_POINTER target '%s' is not among the fw_cfg files: "
			      "OVMF/AAVMF roll the whole script back (the VMM must register it as a writable fw_cfg "
			      "file)", e->file);
		else
			WARN(c, "LOADER-WRITE-TARGET", "WRITE_POINTER target '%s' is not among the given files; the "
			     "VMM must register it as a writable fw_cfg file", e->file);
		return uefi ? false : true;
	}
	if (dst->access == HEST_BLOB_READ_ONLY) {
		if (uefi) {
			FAULT(c, "LOADER-UEFI-WRITE", "WRITE_POINTER into '%s', a read-only fw_cfg file: QEMU "
			      "refuses the DMA write and OVMF/AAVMF stop there", e->file);
			c->halted = true;
			return false;
		}
		WARN(c, "LOADER-WRITE-READONLY", "WRITE_POINTER into '%s', a read-only fw_cfg file: QEMU drops the "
		     "write, SeaBIOS does not notice, and the VMM never learns the address", e->file);
	} else if (dst->access == HEST_BLOB_ACCESS_UNKNOWN && uefi) {
		NOTE(c, "LOADER-WRITE-ACCESS", "WRITE_POINTER into '%s': the VMM must register it as a writable "
		     "fw_cfg file (QEMU's -fw_cfg files are read-only, and OVMF/AAVMF stop at a refused write)",
		     e->file);
	}
	return true;
}

static void do_write_pointer(struct sim_ctx *c, struct hest_sim *sim, const struct hest_blob *blobs, size_t nblobs)
{
	const struct hest_loader_entry *e = c->e;
	if (!e->name_ok) {
		FAULT(c, "LOADER-NAME", "destination file name is not NUL-terminated within %u bytes", HEST_LOADER_FILESZ);
		return;
	}
	struct hest_sim_file *src = need_file(c, sim, e->src, e->src_ok, blobs, nblobs, "source");
	if (!src || !pointer_size_ok(c, e->size))
		return;
	if (e->src_offset >= src->len) {
		FAULT(c, "LOADER-BOUNDS", "WRITE_POINTER source offset 0x%" PRIx32 " lies outside '%s' (%zu bytes)",
		      e->src_offset, e->src, src->len);
		return;
	}
	const struct hest_blob *dst = find_blob(blobs, nblobs, e->file);
	if (dst && !in_bounds(e->offset, e->size, dst->len)) {
		FAULT(c, "LOADER-BOUNDS", "WRITE_POINTER at offset 0x%" PRIx32 " size %u runs past the end of '%s' (%zu "
		      "bytes)", e->offset, e->size, e->file, dst->len);
		return;
	}
	if (!write_target_ok(c, dst))
		return;
	uint64_t value = src->addr + e->src_offset;
	if (e->size < 8 && (value >> (8 * e->size))) {
		FAULT(c, "LOADER-POINTER-SIZE", "address 0x%" PRIx64 " of '%s' does not fit a %u-byte pointer", value,
		      e->src, e->size);
		return;
	}
	struct hest_sim_write *w = realloc(sim->writes, (sim->nwrites + 1) * sizeof(*w));
	if (!w) {
		FAULT(c, NULL, "out of memory");
		return;
	}
	sim->writes = w;
	w = &sim->writes[sim->nwrites++];
	memcpy(w->file, e->file, sizeof(w->file));
	w->offset = e->offset;
	w->size = e->size;
	w->value = value;
}

/* A checksum is stale when a later ADD_POINTER changed its range. */
static void check_stale(const struct hest_loader *l, const struct hest_sim *sim, const struct cksum_range *ranges,
			size_t nranges, const char *file, struct hest_diags *d)
{
	for (size_t i = 0; i < nranges; i++) {
		const struct cksum_range *r = &ranges[i];
		const struct hest_sim_file *f = hest_sim_find(sim, r->file);
		if (!f || r->offset < r->start || r->offset - r->start >= r->length)
			continue; /* checksum byte outside its range: nothing to re-check */
		bool later = false;
		for (size_t j = i + 1; j < nranges; j++)
			if (strcmp(ranges[j].file, r->file) == 0 && ranges[j].offset == r->offset)
				later = true;
		if (later || r->nonzero) /* LOADER-CHECKSUM-NONZERO said why */
			continue;
		if (hest_byte_sum(f->data + r->start, r->length) != 0) {
			struct sim_ctx c = { &l->v[r->entry], l, file, d, sim->firmware, false, false };
			ERROR(&c, "LOADER-CHECKSUM-STALE", "checksum over '%s' 0x%" PRIx32 "+0x%" PRIx32
			      " is wrong after the script ran: a pointer inside the range was patched after it",
			      r->file, r->start, r->length);
		}
	}
}

/* --- UEFI's second pass: which tables get installed ---------------------- */

static struct hest_sim_file *file_at(struct hest_sim *sim, uint64_t addr)
{
	for (size_t i = 0; i < sim->nfiles; i++) {
		struct hest_sim_file *f = &sim->files[i];
		if (addr >= f->addr && addr - f->addr < f->len)
			return f;
	}
	return NULL;
}

/* The size of the FACS or checksum-valid table at `p` (`room` bytes left
 * in its file), 0 when there is none.  RSDT/XSDT count as none to install
 * (the firmware builds its own) but are tables: *root says so. */
static uint32_t table_at(const uint8_t *p, uint64_t room, bool *root)
{
	*root = false;
	if (room >= 64 && memcmp(p, "FACS", 4) == 0) {
		uint32_t len = (uint32_t)hest_get_le(p + 4, 4);
		if (len >= 64 && len <= room)
			return len;
	}
	if (room < 36)
		return 0;
	uint32_t len = (uint32_t)hest_get_le(p + 4, 4);
	if (len < 36 || len > room || hest_byte_sum(p, len) != 0)
		return 0;
	*root = memcmp(p, "RSDT", 4) == 0 || memcmp(p, "XSDT", 4) == 0;
	return len;
}

struct uefi_pass {
	struct hest_sim *sim;
	bool *opaque;     /* per file: holds more than tables, so it stays allocated */
	uint64_t *seen;   /* addresses already looked at */
	size_t nseen;
	bool full;        /* more than UEFI_MAX_TABLES */
};

static bool install_at(struct uefi_pass *u, uint64_t addr, size_t entry)
{
	struct hest_sim *sim = u->sim;
	for (size_t i = 0; i < u->nseen; i++)
		if (u->seen[i] == addr)
			return true;
	u->seen[u->nseen++] = addr;
	struct hest_sim_file *f = file_at(sim, addr);
	if (!f)
		return true;
	uint64_t off = addr - f->addr;
	bool root;
	uint32_t len = table_at(f->data + off, f->len - off, &root);
	if (!len) {
		u->opaque[f - sim->files] = true;
		return true;
	}
	if (root)
		return true;
	if (sim->ntables == UEFI_MAX_TABLES) {
		u->full = true;
		return false;
	}
	struct hest_sim_table *t = &sim->tables[sim->ntables++];
	memcpy(t->signature, f->data + off, 4);
	t->signature[4] = 0;
	t->file = (size_t)(f - sim->files);
	t->offset = off;
	t->length = len;
	t->addr = addr;
	t->entry = entry;
	return true;
}

/* Installs what the pointers reach, then frees the files that only held
 * tables.  False when OVMF/AAVMF would fail here (and roll back). */
static bool uefi_install(const struct hest_loader *l, const struct hest_sim_options *o, struct hest_sim *sim,
			 const char *file, struct hest_diags *d)
{
	size_t npointers = o->nassume;
	for (size_t i = 0; i < l->n; i++)
		npointers += l->v[i].command == HEST_LOADER_ADD_POINTER;
	struct uefi_pass u = { sim, calloc(sim->nfiles + 1, sizeof(bool)), calloc(npointers + 1, sizeof(uint64_t)), 0,
			       false };
	sim->tables = calloc(UEFI_MAX_TABLES, sizeof(*sim->tables));
	bool ok = u.opaque && u.seen && sim->tables;
	for (size_t i = 0; ok && i < l->n; i++) {
		const struct hest_loader_entry *e = &l->v[i];
		if (e->command != HEST_LOADER_ADD_POINTER)
			continue;
		const struct hest_sim_file *dst = hest_sim_find(sim, e->file);
		if (dst)
			ok = install_at(&u, hest_get_le(dst->data + e->offset, e->size), i);
	}
	for (size_t i = 0; ok && i < o->nassume; i++) {
		const struct hest_sim_file *f = hest_sim_find(sim, o->assume[i].file);
		if (f && o->assume[i].offset < f->len)
			ok = install_at(&u, f->addr + o->assume[i].offset, SIZE_MAX);
	}
	for (size_t i = 0; i < sim->nwrites; i++) {
		const struct hest_sim_file *f = file_at(sim, sim->writes[i].value);
		if (f && u.opaque)
			u.opaque[f - sim->files] = true; /* the VMM knows its address */
	}
	if (u.full) {
		struct hest_loc loc = { file, 0, 0, false, 0 };
		hest_diag_add(d, HEST_SEV_ERROR, "LOADER-TABLE-LIMIT", loc, "the script points at more than %u tables, "
			      "which OVMF/AAVMF refuse (they roll the whole script back)", UEFI_MAX_TABLES);
	} else if (!ok) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 }, "out of memory");
	}
	for (size_t i = 0; ok && i < sim->nfiles; i++)
		sim->files[i].freed = !u.opaque[i];
	free(u.opaque);
	free(u.seen);
	return ok;
}

/* An error undid everything: no table, every file freed, the addresses sent
 * to the VMM revoked (written as 0). */
static void uefi_roll_back(struct hest_sim *sim)
{
	sim->rolled_back = true;
	sim->ntables = 0;
	for (size_t i = 0; i < sim->nfiles; i++)
		sim->files[i].freed = true;
	for (size_t i = 0; i < sim->nwrites; i++)
		sim->writes[i].value = 0;
}

static size_t count_errors(const struct hest_diags *d, size_t from)
{
	size_t n = d->oom;
	for (size_t i = from; i < d->n; i++)
		n += d->v[i].severity == HEST_SEV_ERROR;
	return n;
}

int hest_loader_simulate(const struct hest_loader *l, const struct hest_blob *blobs, size_t nblobs,
			 const struct hest_sim_options *o, const char *file, struct hest_sim *sim,
			 struct hest_diags *d)
{
	static const struct hest_sim_options defaults = { 0x7f000000u, 0xe0000u, 0x100000u, NULL, 0, HEST_FW_SEABIOS,
							  NULL, 0 };
	if (!o)
		o = &defaults;
	memset(sim, 0, sizeof(*sim));
	sim->firmware = o->firmware;
	size_t first = d->n;
	uint64_t high_next = o->high_base, fseg_next = o->fseg_base;
	if (o->firmware == HEST_FW_UEFI)
		fseg_next = 0x7f000000u; /* below 4 GiB, when high_base is above */
	struct cksum_range *ranges = calloc(l->n ? l->n : 1, sizeof(*ranges));
	if (!ranges) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 }, "out of memory");
		return -1;
	}
	size_t nranges = 0;
	bool failed = false;
	for (size_t i = 0; i < l->n && !sim->halted; i++) {
		struct sim_ctx c = { &l->v[i], l, file, d, o->firmware, false, false };
		switch (l->v[i].command) {
		case HEST_LOADER_ALLOCATE:
			do_allocate(&c, sim, blobs, nblobs, o, &high_next, &fseg_next);
			break;
		case HEST_LOADER_ADD_POINTER:
			do_add_pointer(&c, sim, blobs, nblobs);
			break;
		case HEST_LOADER_ADD_CHECKSUM:
			do_add_checksum(&c, sim, blobs, nblobs, ranges, &nranges, i);
			break;
		case HEST_LOADER_WRITE_POINTER:
			do_write_pointer(&c, sim, blobs, nblobs);
			break;
		default:
			WARN(&c, "LOADER-UNKNOWN-COMMAND", "unknown command %" PRIu32 "; firmware skips it",
			     l->v[i].command);
			break;
		}
		failed |= c.failed;
		sim->halted = c.halted;
	}
	check_stale(l, sim, ranges, nranges, file, d);
	free(ranges);
	if (o->firmware == HEST_FW_UEFI && (failed || sim->halted || !uefi_install(l, o, sim, file, d)))
		uefi_roll_back(sim);
	return failed || count_errors(d, first) ? -1 : 0;
}

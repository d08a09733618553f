/* Executes a loader script over blobs as SeaBIOS (src/fw/romfile_loader.c)
 * and OVMF (OvmfPkg/AcpiPlatformDxe/QemuFwCfgAcpi.c) do, reporting every
 * fault instead of stopping at the first. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <hest/loader.h>

struct sim_ctx {
	const struct hest_loader_entry *e;
	const char *file;
	struct hest_diags *d;
	bool failed;
};

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
	memset(sim, 0, sizeof(*sim));
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
		if (addr >= f->addr && addr - f->addr <= f->len && f->len - (addr - f->addr) >= size) {
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

static void do_allocate(struct sim_ctx *c, struct hest_sim *sim, const struct hest_blob *blobs, size_t nblobs,
			const struct hest_sim_options *o, uint64_t *high_next, uint64_t *fseg_next)
{
	const struct hest_loader_entry *e = c->e;
	if (!e->name_ok) {
		FAULT(c, "LOADER-NAME", "file name is not NUL-terminated within %u bytes", HEST_LOADER_FILESZ);
		return;
	}
	uint64_t align = e->align;
	if (align == 0) {
		WARN(c, "LOADER-ALIGN", "ALLOCATE '%s' with alignment 0; firmware treats it as its minimum", e->file);
		align = 1;
	} else if (!is_pow2(align)) {
		FAULT(c, "LOADER-ALIGN", "ALLOCATE '%s': alignment %" PRIu32 " is not a power of two", e->file, e->align);
		return;
	} else if (align > 4096) {
		WARN(c, "LOADER-ALIGN", "ALLOCATE '%s': alignment %" PRIu32 " is above 4096, which OVMF refuses", e->file,
		     e->align);
	}
	if (e->zone != 1 && e->zone != 2) {
		FAULT(c, "LOADER-ZONE", "ALLOCATE '%s': zone %u is neither 1 (high) nor 2 (fseg)", e->file, e->zone);
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
	bool placed = false;
	for (size_t i = 0; i < o->nplace; i++)
		if (strcmp(o->place[i].name, e->file) == 0) {
			addr = o->place[i].addr;
			placed = true;
		}
	if (placed) {
		if (addr % align)
			FAULT(c, "LOADER-ALIGN", "'%s' placed at 0x%" PRIx64 ", which is not %" PRIu64 "-aligned", e->file,
			      addr, align);
	} else if (e->zone == 2) {
		addr = align_up(*fseg_next, align);
		if (addr + b->len > o->fseg_end || addr + b->len < addr) {
			FAULT(c, "LOADER-FSEG-FULL", "'%s' (%zu bytes) does not fit in the F segment", e->file, b->len);
			return;
		}
		*fseg_next = addr + b->len;
	} else {
		addr = align_up(*high_next, align);
		*high_next = addr + b->len;
	}
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
	f->data[e->offset] = (uint8_t)(f->data[e->offset] - hest_byte_sum(f->data + e->start, e->length));
	struct cksum_range *r = &ranges[(*nranges)++];
	r->entry = index;
	memcpy(r->file, e->file, sizeof(r->file));
	r->offset = e->offset;
	r->start = e->start;
	r->length = e->length;
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
	if (e->src_offset >= src->len)
		FAULT(c, "LOADER-BOUNDS", "WRITE_POINTER source offset 0x%" PRIx32 " lies outside '%s' (%zu bytes)",
		      e->src_offset, e->src, src->len);
	const struct hest_blob *dst = find_blob(blobs, nblobs, e->file);
	if (!dst)
		WARN(c, "LOADER-WRITE-TARGET", "WRITE_POINTER target '%s' is not among the given files; the VMM must "
		     "register it as a writable fw_cfg file", e->file);
	else if (!in_bounds(e->offset, e->size, dst->len))
		FAULT(c, "LOADER-BOUNDS", "WRITE_POINTER at offset 0x%" PRIx32 " size %u runs past the end of '%s' (%zu "
		      "bytes)", e->offset, e->size, e->file, dst->len);
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
	w->value = src->addr + e->src_offset;
}

/* A checksum is stale when a later ADD_POINTER changed its range. */
static void check_stale(const struct hest_loader *l, const struct hest_sim *sim, const struct cksum_range *ranges,
			size_t nranges, const char *file, struct hest_diags *d, bool *failed)
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
		if (later)
			continue;
		if (hest_byte_sum(f->data + r->start, r->length) != 0) {
			struct sim_ctx c = { &l->v[r->entry], file, d, false };
			FAULT(&c, "LOADER-CHECKSUM-STALE", "checksum over '%s' 0x%" PRIx32 "+0x%" PRIx32
			      " is wrong after the script ran: a pointer inside the range was patched after it",
			      r->file, r->start, r->length);
			*failed = true;
		}
	}
}

int hest_loader_simulate(const struct hest_loader *l, const struct hest_blob *blobs, size_t nblobs,
			 const struct hest_sim_options *o, const char *file, struct hest_sim *sim,
			 struct hest_diags *d)
{
	static const struct hest_sim_options defaults = { 0x7f000000u, 0xe0000u, 0x100000u, NULL, 0 };
	if (!o)
		o = &defaults;
	memset(sim, 0, sizeof(*sim));
	uint64_t high_next = o->high_base, fseg_next = o->fseg_base;
	struct cksum_range *ranges = calloc(l->n ? l->n : 1, sizeof(*ranges));
	if (!ranges) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 }, "out of memory");
		return -1;
	}
	size_t nranges = 0;
	bool failed = false;
	for (size_t i = 0; i < l->n; i++) {
		struct sim_ctx c = { &l->v[i], file, d, false };
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
	}
	check_stale(l, sim, ranges, nranges, file, d, &failed);
	free(ranges);
	return failed ? -1 : 0;
}

/* Fuzz target: QEMU BIOS linker/loader scripts, binary or text listing,
 * through the reader, the writer of the other form, the simulator and the
 * validator's loader cross-check (`hestval validate --loader`).
 *
 * Input: one flag byte, the script, and optionally the fw_cfg files it
 * runs over after the separator FUZZ_BLOB_MAGIC, each as
 *   u8 name length, name, u32 (little-endian) data length, data.
 * Flag bit 0: the script is a text listing (else binary); bit 1: also run
 * the loader cross-check and validate the HEST it finds.  Files the script
 * ALLOCATEs without one given get 256 zero bytes.
 *
 * Invariants: binary -> listing -> binary keeps every command (when its
 * names fit the listing); listing -> binary -> listing likewise; a script
 * that runs without a fault leaves non-overlapping files. */
#include <string.h>
#include <hest/decode.h>
#include <hest/loader.h>
#include <hest/validate.h>
#include "fuzz.h"

#define FUZZ_BLOB_MAGIC "\nHESTFUZZ-BLOBS\n"
#define MAX_FUZZ_BLOBS 64

static bool same_entry(const struct hest_loader_entry *a, const struct hest_loader_entry *b)
{
	return a->command == b->command && strcmp(a->file, b->file) == 0 && strcmp(a->src, b->src) == 0 &&
	       a->align == b->align && a->zone == b->zone && a->offset == b->offset &&
	       a->src_offset == b->src_offset && a->start == b->start && a->length == b->length &&
	       a->size == b->size;
}

static void check_same(const struct hest_loader *a, const struct hest_loader *b, const char *how)
{
	FUZZ_ASSERT(a->n == b->n, "%s: %zu commands became %zu", how, a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		FUZZ_ASSERT(same_entry(&a->v[i], &b->v[i]), "%s: command %zu (%s '%s') changed", how, i,
			    hest_loader_command_name(a->v[i].command) ? hest_loader_command_name(a->v[i].command)
								      : "UNKNOWN",
			    a->v[i].file);
}

/* Binary -> listing -> entries: every command survives when its names were
 * terminated (a 56-byte name has no listing form, by design). */
static void binary_round_trip(const struct hest_loader *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (!l->v[i].name_ok || !l->v[i].src_ok)
			return;
	struct hest_buf text;
	struct hest_loader back;
	struct hest_diags d;
	hest_buf_init(&text);
	hest_loader_init(&back);
	hest_diags_init(&d);
	if (hest_loader_format(l, &text)) {
		int rc = hest_loader_parse_text((const char *)text.p, text.len, "listing", &back, &d);
		FUZZ_ASSERT(rc == 0, "the listing of a binary script does not parse: %s", fuzz_first_error(&d));
		check_same(l, &back, "binary -> listing");
	}
	hest_buf_free(&text);
	hest_loader_free(&back);
	hest_diags_free(&d);
}

/* Listing -> binary -> entries. */
static void text_round_trip(const struct hest_loader *l)
{
	struct hest_buf bin;
	struct hest_loader back;
	struct hest_diags d;
	hest_buf_init(&bin);
	hest_loader_init(&back);
	hest_diags_init(&d);
	if (hest_loader_encode(l, &bin)) {
		FUZZ_ASSERT(bin.len == l->n * HEST_LOADER_ENTRY_SIZE, "%zu commands encode to %zu bytes", l->n, bin.len);
		int rc = hest_loader_decode(bin.p, bin.len, "binary", &back, &d);
		FUZZ_ASSERT(rc == 0, "the binary form of a listing does not decode: %s", fuzz_first_error(&d));
		check_same(l, &back, "listing -> binary");
	}
	hest_buf_free(&bin);
	hest_loader_free(&back);
	hest_diags_free(&d);
}

struct fuzz_blobs {
	struct hest_blob v[MAX_FUZZ_BLOBS];
	char names[MAX_FUZZ_BLOBS][HEST_LOADER_FILESZ + 1];
	size_t n;
};

static void read_blobs(const uint8_t *p, size_t len, struct fuzz_blobs *b)
{
	size_t at = 0;
	while (b->n < MAX_FUZZ_BLOBS && at < len) {
		size_t nl = p[at++];
		if (nl > HEST_LOADER_FILESZ || len - at < nl + 4)
			break;
		memcpy(b->names[b->n], p + at, nl);
		b->names[b->n][nl] = '\0';
		at += nl;
		uint32_t word = (uint32_t)hest_get_le(p + at, 4);
		at += 4;
		/* the top two bits say how the VMM registered the file */
		size_t dl = word & 0x3fffffffu;
		if (dl > len - at)
			dl = len - at;
		b->v[b->n] = (struct hest_blob){ b->names[b->n], p + at, dl, (enum hest_blob_access)((word >> 30) % 3) };
		b->n++;
		at += dl;
	}
}

static bool have_blob(const struct fuzz_blobs *b, const char *name)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->v[i].name, name) == 0)
			return true;
	return false;
}

static const uint8_t zeros[256];

static void simulate(const struct hest_loader *l, struct fuzz_blobs *b, bool cross_check)
{
	for (size_t i = 0; i < l->n && b->n < MAX_FUZZ_BLOBS; i++) {
		const struct hest_loader_entry *e = &l->v[i];
		if (e->command == HEST_LOADER_ALLOCATE && e->name_ok && !have_blob(b, e->file)) {
			memcpy(b->names[b->n], e->file, sizeof(b->names[b->n]));
			b->v[b->n] = (struct hest_blob){ b->names[b->n], zeros, sizeof(zeros), HEST_BLOB_WRITABLE };
			b->n++;
		}
	}
	struct hest_sim sim;
	struct hest_diags d;
	for (int fw = 0; fw < HEST_FW_COUNT; fw++) {
	hest_diags_init(&d);
	struct hest_sim_options o = { 0x7f000000u, 0xe0000u, 0x100000u, NULL, 0, (enum hest_firmware)fw, NULL, 0 };
	int rc = hest_loader_simulate(l, b->v, b->n, &o, "script", &sim, &d);
	FUZZ_ASSERT((rc == 0) == !hest_diags_failed(&d), "simulator returned %d with %zu errors", rc,
		    (size_t)d.errors);
	for (size_t i = 0; i < sim.ntables; i++) {
		const struct hest_sim_table *t = &sim.tables[i];
		FUZZ_ASSERT(t->file < sim.nfiles && t->offset <= sim.files[t->file].len &&
				    t->length <= sim.files[t->file].len - t->offset,
			    "installed table %s outside its file", t->signature);
	}
	for (size_t i = 0; i < sim.nfiles; i++) {
		const struct hest_sim_file *f = &sim.files[i];
		FUZZ_ASSERT(hest_sim_find(&sim, f->name) == f, "file '%s' allocated twice", f->name);
		uint64_t v;
		if (f->len && !f->freed)
			FUZZ_ASSERT(hest_sim_read(&sim, f->addr, 1, &v), "file '%s' unreadable at its address", f->name);
		for (size_t j = 0; rc == 0 && j < i; j++) {
			const struct hest_sim_file *g = &sim.files[j];
			FUZZ_ASSERT(!(f->len && g->len && f->addr < g->addr + g->len && g->addr < f->addr + f->len),
				    "files '%s' and '%s' overlap after a script without faults", f->name, g->name);
		}
	}
	for (size_t i = 0; i < sim.nwrites; i++)
		FUZZ_ASSERT(sim.writes[i].size >= 1 && sim.writes[i].size <= 8, "WRITE_POINTER of %u bytes",
			    sim.writes[i].size);
	hest_sim_free(&sim);
	fuzz_format_diags(&d);
	hest_diags_free(&d);
	}

	if (!cross_check)
		return;
	hest_diags_init(&d);
	struct hest_validate_options vo = { .arch = HEST_ARCH_ANY };
	struct hest_loaded ld;
	if (hest_load_tables(l, b->v, b->n, NULL, 0, "script", &vo, &ld, &d) == 0) {
		FUZZ_ASSERT(ld.file && ld.offset <= ld.file->len && ld.len <= ld.file->len - ld.offset,
			    "loaded HEST outside its file");
		struct hest_model m;
		struct hest_decode_info info;
		if (hest_model_init(&m) == 0) {
			const uint8_t *t = ld.file->data + ld.offset;
			if (hest_decode_table(t, ld.len, "loaded", &m, &info, &d) == 0) {
				struct hest_validate_options v2 = { .arch = HEST_ARCH_ANY, .decode = &info, .table = t,
								    .sim = &ld.sim };
				hest_validate(&m, &v2, &d);
			}
			hest_model_free(&m);
		}
	}
	hest_loaded_free(&ld);
	fuzz_format_diags(&d);
	hest_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	if (len < 1)
		return 0;
	uint8_t flags = p[0];
	p++;
	len--;
	size_t slen = len;
	const uint8_t *sep = NULL;
	for (size_t i = 0; i + sizeof(FUZZ_BLOB_MAGIC) - 1 <= len; i++)
		if (memcmp(p + i, FUZZ_BLOB_MAGIC, sizeof(FUZZ_BLOB_MAGIC) - 1) == 0) {
			sep = p + i;
			slen = i;
			break;
		}
	struct fuzz_blobs *blobs = calloc(1, sizeof(*blobs));
	if (!blobs)
		return 0;
	if (sep) {
		size_t at = slen + sizeof(FUZZ_BLOB_MAGIC) - 1;
		read_blobs(p + at, len - at, blobs);
	}
	struct hest_loader l;
	struct hest_diags d;
	hest_loader_init(&l);
	hest_diags_init(&d);
	int rc;
	if (flags & 1) {
		rc = hest_loader_parse_text((const char *)p, slen, "script.txt", &l, &d);
		for (size_t i = 0; i < l.n; i++)
			FUZZ_ASSERT(l.v[i].line >= 1, "command %zu of a listing has no line", i);
		if (rc == 0)
			text_round_trip(&l);
	} else {
		rc = hest_loader_decode(p, slen, "script.bin", &l, &d);
		FUZZ_ASSERT(rc < 0 || l.n == slen / HEST_LOADER_ENTRY_SIZE, "%zu bytes decode to %zu commands", slen, l.n);
		if (rc == 0)
			binary_round_trip(&l);
	}
	FUZZ_ASSERT((rc == 0) == !hest_diags_failed(&d), "reader returned %d with %zu errors", rc, (size_t)d.errors);
	fuzz_format_diags(&d);
	simulate(&l, blobs, (flags & 2) != 0);
	hest_loader_free(&l);
	hest_diags_free(&d);
	free(blobs);
	return 0;
}

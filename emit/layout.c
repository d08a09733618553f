/* hest-layout.h and hest-layout.json. */
#include "config.h"
#include <ctype.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <hest/encode.h>
#include <hest/layout.h>
#include <hest/profile.h>
#include <hest/loader.h>

static const char *mode_name(enum hest_placement_mode mode)
{
	switch (mode) {
	case HEST_PLACE_LINKER_LOADER:
		return "linker-loader";
	case HEST_PLACE_FIXED:
		return "fixed";
	default:
		return "none";
	}
}

static const char *type_key(const struct hest_source *s)
{
	return s->desc ? s->desc->key : "unknown";
}

static unsigned source_id(const struct hest_source *s)
{
	return s->len >= 4 ? (unsigned)hest_get_le(s->bytes + 2, 2) : 0;
}

/* NAME as a C macro fragment: upper case, '-' -> '_'. */
static void macro_name(const char *name, char *out, size_t size)
{
	size_t i = 0;
	for (; name[i] && i + 1 < size; i++)
		out[i] = name[i] == '-' ? '_' : (char)toupper((unsigned char)name[i]);
	out[i] = '\0';
}

struct macro_ref {
	char name[72];
	size_t index;
};

static int macro_ref_cmp(const void *a, const void *b)
{
	const struct macro_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Two names that map to one macro prefix ("a-b", "a_b") would collide in the
 * header.  Sorted, so 65535 sources cost n log n, not n^2. */
static int check_macro_names(const struct hest_model *m, struct hest_diags *d)
{
	if (m->nsrc < 2)
		return 0;
	struct macro_ref *r = malloc(m->nsrc * sizeof(*r));
	if (!r) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ m->file, 0, 0, false, 0 }, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < m->nsrc; i++) {
		macro_name(m->src[i].name, r[i].name, sizeof(r[i].name));
		r[i].index = i;
	}
	qsort(r, m->nsrc, sizeof(*r), macro_ref_cmp);
	int rc = 0;
	for (size_t i = 1; i < m->nsrc && rc == 0; i++) {
		if (strcmp(r[i].name, r[i - 1].name) != 0)
			continue;
		const struct hest_source *a = &m->src[r[i - 1].index], *b = &m->src[r[i].index];
		struct hest_loc l = { m->file, b->pos.line, b->pos.col, false, 0 };
		hest_diag_add(d, HEST_SEV_ERROR, NULL, l, "sources '%s' and '%s' both become HEST_SRC_%s_* in the C header; rename one",
			      a->name, b->name, r[i].name);
		rc = -1;
	}
	free(r);
	return rc;
}

/* --- what the VMM must reserve ------------------------------------------- */

struct reserve_item {
	uint64_t first, last; /* page-rounded, inclusive (no overflow at the top) */
	size_t src;           /* source index, or SIZE_MAX for the region */
};

static int reserve_item_cmp(const void *a, const void *b)
{
	const struct reserve_item *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (x->src > y->src) - (x->src < y->src);
}

static const uint64_t page_mask = HEST_RESERVE_PAGE - 1;

/* The region and the pinned blocks of fixed placement, page-rounded and
 * sorted; NULL with *n 0 when there is nothing to reserve. */
static int reserve_items(const struct hest_model *m, struct reserve_item **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (m->placement.mode != HEST_PLACE_FIXED)
		return 0;
	uint64_t blob = hest_placement_blob_size(m);
	struct reserve_item *it = malloc((m->nsrc + 1) * sizeof(*it));
	if (!it)
		return -1;
	size_t k = 0;
	if (blob) {
		uint64_t last = m->placement.base + blob - 1;
		it[k++] = (struct reserve_item){ m->placement.base & ~page_mask, last | page_mask, SIZE_MAX };
	}
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source_layout *L = &m->src[i].layout;
		if (!L->placed || !L->block_pinned || !L->block_size)
			continue;
		uint64_t last = L->block_address + L->block_size - 1;
		it[k++] = (struct reserve_item){ L->block_address & ~page_mask, last | page_mask, i };
	}
	if (!k) { /* fixed placement of sources that need no memory */
		free(it);
		return 0;
	}
	qsort(it, k, sizeof(*it), reserve_item_cmp);
	*out = it;
	*n = k;
	return 0;
}

int hest_layout_reserved(const struct hest_model *m, struct hest_reserved_range **out, size_t *n)
{
	struct reserve_item *it;
	size_t k;
	*out = NULL;
	*n = 0;
	if (reserve_items(m, &it, &k) < 0)
		return -1;
	if (!k)
		return 0;
	struct hest_reserved_range *r = malloc(k * sizeof(*r));
	if (!r) {
		free(it);
		return -1;
	}
	size_t nr = 0;
	uint64_t last = 0;
	for (size_t i = 0; i < k; i++) {
		/* merged when it overlaps or touches the previous range */
		if (nr && (it[i].first <= last || it[i].first == last + 1)) {
			if (it[i].last > last)
				last = it[i].last;
			r[nr - 1].size = last - r[nr - 1].address + 1;
			r[nr - 1].parts++;
			r[nr - 1].has_region |= it[i].src == SIZE_MAX;
			continue;
		}
		last = it[i].last;
		r[nr++] = (struct hest_reserved_range){ it[i].first, last - it[i].first + 1, 1, it[i].src == SIZE_MAX };
	}
	free(it);
	*out = r;
	*n = nr;
	return 0;
}

/* Linux's memmap= size: M or K when whole (always whole KiB: pages). */
static bool memmap_arg(struct hest_buf *o, const struct hest_reserved_range *r)
{
	if (r->size % (1024 * 1024) == 0)
		return hest_buf_printf(o, "%" PRIu64 "M$0x%" PRIx64, r->size >> 20, r->address);
	return hest_buf_printf(o, "%" PRIu64 "K$0x%" PRIx64, r->size >> 10, r->address);
}

/* What a range holds: the region and/or the pinned blocks (JSON: their
 * names as a list; text: a phrase). */
static bool reserve_holds(const struct hest_model *m, const struct hest_reserved_range *r, bool json,
			  struct hest_buf *o)
{
	bool ok = true, first = true;
	uint64_t last = r->address + r->size - 1;
	if (!json && r->has_region) {
		ok = hest_buf_printf(o, "the register region");
		first = false;
	}
	for (size_t i = 0; i < m->nsrc && ok; i++) {
		const struct hest_source_layout *L = &m->src[i].layout;
		if (!L->placed || !L->block_pinned || L->block_address < r->address || L->block_address > last)
			continue;
		ok = hest_buf_printf(o, "%s", first ? "" : json ? ", " : "; ");
		ok = ok && (json ? hest_buf_json_cstr(o, m->src[i].name) :
				   hest_buf_printf(o, "the block of '%s'", m->src[i].name));
		first = false;
	}
	return ok;
}

static bool header_reserved(const struct hest_model *m, struct hest_buf *o, bool *oom)
{
	struct hest_reserved_range *r;
	size_t n;
	*oom = false;
	if (hest_layout_reserved(m, &r, &n) < 0) {
		*oom = true;
		return false;
	}
	bool ok = true;
	switch (m->placement.mode) {
	case HEST_PLACE_LINKER_LOADER:
		ok = hest_buf_printf(o, "\n/* Reserved memory: the firmware's loader allocates the region (ACPI NVS or\n"
					" * reserved memory, which it reports to the OS); the VMM reserves nothing. */\n"
					"#define HEST_LAYOUT_RESERVED_BY_FIRMWARE 1\n#define HEST_LAYOUT_RESERVED_COUNT 0u\n");
		break;
	case HEST_PLACE_FIXED:
		ok = hest_buf_printf(o, "\n/* Reserved memory the VMM must keep the OS out of (E820 type 2, or Linux\n"
					" * memmap=SIZE$ADDR): the region and pinned blocks in whole pages, merged. */\n"
					"#define HEST_LAYOUT_RESERVED_BY_FIRMWARE 0\n#define HEST_LAYOUT_RESERVED_COUNT %zuu\n",
				     n);
		for (size_t i = 0; i < n && ok; i++) {
			ok = hest_buf_printf(o, "/* ") && reserve_holds(m, &r[i], false, o) &&
			     hest_buf_printf(o, " */\n#define HEST_LAYOUT_RESERVED_%zu_ADDR UINT64_C(0x%" PRIx64 ")\n"
						"#define HEST_LAYOUT_RESERVED_%zu_SIZE UINT64_C(0x%" PRIx64 ")\n"
						"#define HEST_LAYOUT_RESERVED_%zu_MEMMAP \"memmap=",
						i, r[i].address, i, r[i].size, i) &&
			     memmap_arg(o, &r[i]) && hest_buf_printf(o, "\"\n");
		}
		break;
	default:
		break;
	}
	free(r);
	return ok;
}

static bool json_reserved(const struct hest_model *m, struct hest_buf *o, bool *oom)
{
	struct hest_reserved_range *r;
	size_t n;
	*oom = false;
	if (hest_layout_reserved(m, &r, &n) < 0) {
		*oom = true;
		return false;
	}
	const char *by = m->placement.mode == HEST_PLACE_FIXED ? "vmm" :
			 m->placement.mode == HEST_PLACE_LINKER_LOADER ? "firmware" : "description";
	bool ok = hest_buf_printf(o, "  \"reserved\": {\"by\": \"%s\", \"ranges\": [", by);
	for (size_t i = 0; i < n && ok; i++) {
		ok = hest_buf_printf(o, "%s\n    {\"address\": \"0x%" PRIx64 "\", \"size\": %" PRIu64 ", \"memmap\": \"memmap=",
				     i ? "," : "", r[i].address, r[i].size) &&
		     memmap_arg(o, &r[i]) &&
		     hest_buf_printf(o, "\", \"region\": %s, \"blocks\": [", r[i].has_region ? "true" : "false") &&
		     reserve_holds(m, &r[i], true, o) &&
		     hest_buf_printf(o, "]}");
	}
	ok = ok && hest_buf_printf(o, "%s]},\n", n ? "\n  " : "");
	free(r);
	return ok;
}

static bool header_source_macros(const struct hest_model *m, const struct hest_source *s, size_t index,
				 struct hest_buf *o)
{
	char n[72];
	macro_name(s->name, n, sizeof(n));
	const struct hest_source_layout *L = &s->layout;
	bool ok = hest_buf_printf(o, "\n/* source '%s': %s, id %u */\n", s->name, type_key(s), source_id(s));
	ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_INDEX %zuu\n#define HEST_SRC_%s_ID %uu\n", n, index, n,
				   source_id(s));
	ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_TYPE %uu\n#define HEST_SRC_%s_HEST_OFFSET 0x%" PRIx32 "u\n",
				   n, s->type, n, L->hest_offset);
	if (!L->has_block)
		return ok;
	uint64_t preserve = 0, write = 0;
	ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_GAS_OFFSET 0x%" PRIx32 "u\n", n, L->gas_address_offset);
	if (L->has_read_ack) {
		hest_source_get(s, "read_ack.preserve", &preserve);
		hest_source_get(s, "read_ack.write", &write);
		ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_READ_ACK_GAS_OFFSET 0x%" PRIx32 "u\n", n,
					   L->read_ack_address_offset);
		ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_READ_ACK_PRESERVE UINT64_C(0x%" PRIx64 ")\n"
					      "#define HEST_SRC_%s_READ_ACK_WRITE UINT64_C(0x%" PRIx64 ")\n",
					   n, preserve, n, write);
	}
	uint64_t len = 0;
	hest_source_get(s, "error_block_length", &len);
	ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_BLOCK_SIZE 0x%" PRIx64 "u\n", n, len);
	if (!L->placed)
		return ok;
	ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_REGISTER_OFFSET 0x%" PRIx64 "u\n", n, L->register_offset);
	if (L->has_read_ack)
		ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_READ_ACK_OFFSET 0x%" PRIx64 "u\n", n,
					   L->read_ack_offset);
	if (!L->block_pinned)
		ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_BLOCK_OFFSET 0x%" PRIx64 "u\n", n, L->block_offset);
	if (m->placement.mode == HEST_PLACE_FIXED) {
		uint64_t base = m->placement.base;
		ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_REGISTER_ADDR UINT64_C(0x%" PRIx64 ")\n", n,
					   base + L->register_offset);
		if (L->has_read_ack)
			ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_READ_ACK_ADDR UINT64_C(0x%" PRIx64 ")\n", n,
						   base + L->read_ack_offset);
		ok = ok && hest_buf_printf(o, "#define HEST_SRC_%s_BLOCK_ADDR UINT64_C(0x%" PRIx64 ")\n", n,
					   L->block_pinned ? L->block_address : base + L->block_offset);
	}
	return ok;
}

static const char header_types[] =
	"\n#ifndef HEST_LAYOUT_SOURCE_DEFINED\n"
	"#define HEST_LAYOUT_SOURCE_DEFINED\n"
	"/* One row per error source.  Offsets are inside the placement blob;\n"
	" * addresses are absolute (fixed placement only, else 0).  has_block is 0\n"
	" * for sources without registers (MCE, AER, ...). */\n"
	"struct hest_layout_source {\n"
	"\tconst char *name;\n"
	"\tuint16_t id;\n"
	"\tuint16_t type;\n"
	"\tuint32_t hest_offset;        /* structure offset in the HEST */\n"
	"\tuint8_t has_block;\n"
	"\tuint8_t has_read_ack;\n"
	"\tuint32_t gas_offset;         /* HEST offset of error_status_address.address */\n"
	"\tuint32_t read_ack_gas_offset; /* HEST offset of read_ack.register.address */\n"
	"\tuint64_t register_offset;\n"
	"\tuint64_t read_ack_offset;\n"
	"\tuint64_t block_offset;\n"
	"\tuint32_t block_size;\n"
	"\tuint64_t register_addr;\n"
	"\tuint64_t read_ack_addr;\n"
	"\tuint64_t block_addr;\n"
	"\tuint64_t read_ack_preserve;\n"
	"\tuint64_t read_ack_write;\n"
	"};\n"
	"#endif\n";

static bool header_table_row(const struct hest_model *m, const struct hest_source *s, struct hest_buf *o)
{
	const struct hest_source_layout *L = &s->layout;
	uint64_t preserve = 0, write = 0, len = 0;
	hest_source_get(s, "read_ack.preserve", &preserve);
	hest_source_get(s, "read_ack.write", &write);
	hest_source_get(s, "error_block_length", &len);
	bool fixed = m->placement.mode == HEST_PLACE_FIXED && L->placed;
	uint64_t base = m->placement.base;
	uint64_t block_addr = !fixed ? 0 : L->block_pinned ? L->block_address : base + L->block_offset;
	return hest_buf_printf(o,
			       "\t{ \"%s\", %uu, %uu, 0x%" PRIx32 "u, %u, %u, 0x%" PRIx32 "u, 0x%" PRIx32 "u,\n"
			       "\t  UINT64_C(0x%" PRIx64 "), UINT64_C(0x%" PRIx64 "), UINT64_C(0x%" PRIx64 "), 0x%" PRIx64
			       "u,\n"
			       "\t  UINT64_C(0x%" PRIx64 "), UINT64_C(0x%" PRIx64 "), UINT64_C(0x%" PRIx64 "),\n"
			       "\t  UINT64_C(0x%" PRIx64 "), UINT64_C(0x%" PRIx64 ") },\n",
			       s->name, source_id(s), s->type, L->hest_offset, L->placed ? 1u : 0u,
			       L->placed && L->has_read_ack ? 1u : 0u, L->has_block ? L->gas_address_offset : 0,
			       L->has_read_ack ? L->read_ack_address_offset : 0, L->placed ? L->register_offset : 0,
			       L->placed && L->has_read_ack ? L->read_ack_offset : 0,
			       L->placed && !L->block_pinned ? L->block_offset : 0, L->has_block ? len : 0,
			       fixed ? base + L->register_offset : 0, fixed && L->has_read_ack ? base + L->read_ack_offset : 0,
			       block_addr, L->has_read_ack ? preserve : 0, L->has_read_ack ? write : 0);
}

int hest_emit_layout_header(const struct hest_model *m, const char *origin, struct hest_buf *o,
			    struct hest_diags *d)
{
	if (check_macro_names(m, d) < 0)
		return -1;
	const struct hest_placement *p = &m->placement;
	/* the base name only: output must not depend on where the input lives */
	const char *slash = origin ? strrchr(origin, '/') : NULL;
	origin = slash ? slash + 1 : origin ? origin : "a description";
	bool ok = hest_buf_printf(o,
				  "/* hest-layout.h: generated by hestc %s from %s.  Do not edit.\n"
				  " * Where the HEST's error sources keep their registers and error status blocks,\n"
				  " * for a VMM that writes CPER records at run time (see libhest's ghes runtime). */\n"
				  "#ifndef HEST_LAYOUT_H_GENERATED\n#define HEST_LAYOUT_H_GENERATED\n\n"
				  "#include <stdint.h>\n\n",
				  PACKAGE_VERSION, origin);
	ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_MODE \"%s\"\n#define HEST_LAYOUT_TABLE_LENGTH %" PRIu64 "u\n",
				   mode_name(p->mode), hest_get_le(m->hdr.bytes + 4, 4));
	ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_NUM_SOURCES %zuu\n", m->nsrc);
	if (p->mode != HEST_PLACE_NONE) {
		ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_BLOB \"%s\"\n#define HEST_LAYOUT_BLOB_SIZE 0x%" PRIx64
					      "u\n#define HEST_LAYOUT_BLOB_ALIGN %" PRIu32 "u\n",
					   p->blob, hest_placement_blob_size(m), p->align);
		ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_READ_ACK_INIT %" PRIu32 "u\n", p->read_ack_init);
	}
	if (p->mode == HEST_PLACE_LINKER_LOADER) {
		ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_TABLES_BLOB \"%s\"\n#define HEST_LAYOUT_TABLE_OFFSET "
					      "0x%" PRIx32 "u\n",
					   p->tables_blob, p->table_offset);
		if (p->write_pointer && p->address_blob[0])
			ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_ADDRESS_BLOB \"%s\"\n", p->address_blob);
		/* WRITE_POINTER targets: fw_cfg files the VMM registers writable */
		if (p->hest_address_blob[0])
			ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_HEST_ADDRESS_BLOB \"%s\"\n",
						   p->hest_address_blob);
		if (p->profile)
			ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_PROFILE \"%s\"\n", p->profile->name);
		if (p->standalone)
			ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_INSTALL_ANCHOR 0x%" PRIx64 "u\n",
						   hest_loader_anchor_offset(m, hest_get_le(m->hdr.bytes + 4, 4)));
	}
	if (p->mode == HEST_PLACE_FIXED)
		ok = ok && hest_buf_printf(o, "#define HEST_LAYOUT_BASE UINT64_C(0x%" PRIx64 ")\n", p->base);
	bool oom = false;
	ok = ok && header_reserved(m, o, &oom);
	if (oom) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ m->file, 0, 0, false, 0 }, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < m->nsrc && ok; i++)
		ok = header_source_macros(m, &m->src[i], i, o) && hest_buf_drain(o);
	ok = ok && hest_buf_printf(o, "%s", header_types);
	ok = ok && hest_buf_printf(o, "\n#if defined(__GNUC__)\n__attribute__((unused))\n#endif\n"
				      "static const struct hest_layout_source hest_layout_sources[%zu] = {\n",
				   m->nsrc);
	for (size_t i = 0; i < m->nsrc && ok; i++)
		ok = header_table_row(m, &m->src[i], o) && hest_buf_drain(o);
	ok = ok && hest_buf_printf(o, "};\n\n#endif /* HEST_LAYOUT_H_GENERATED */\n");
	return ok ? 0 : -1;
}

static bool json_source(const struct hest_model *m, const struct hest_source *s, struct hest_buf *o)
{
	const struct hest_source_layout *L = &s->layout;
	bool ok = hest_buf_printf(o, "    {\"name\": ") && hest_buf_json_cstr(o, s->name) &&
		  hest_buf_printf(o, ", \"type\": \"%s\", \"type_code\": %u, \"id\": %u, \"hest_offset\": %" PRIu32,
				  type_key(s), s->type, source_id(s), L->hest_offset);
	if (L->has_block) {
		uint64_t len = 0;
		hest_source_get(s, "error_block_length", &len);
		ok = ok && hest_buf_printf(o, ", \"gas_offset\": %" PRIu32 ", \"block_size\": %" PRIu64,
					   L->gas_address_offset, len);
		if (L->has_read_ack) {
			uint64_t preserve = 0, write = 0;
			hest_source_get(s, "read_ack.preserve", &preserve);
			hest_source_get(s, "read_ack.write", &write);
			ok = ok && hest_buf_printf(o, ", \"read_ack_gas_offset\": %" PRIu32 ", \"read_ack_preserve\": \"0x%"
						      PRIx64 "\", \"read_ack_write\": \"0x%" PRIx64 "\"",
						   L->read_ack_address_offset, preserve, write);
			uint64_t bit_offset = 0, bit_width = 64;
			hest_source_get(s, "read_ack.register.bit_offset", &bit_offset);
			hest_source_get(s, "read_ack.register.bit_width", &bit_width);
			ok = ok && hest_buf_printf(o, ", \"read_ack_bit_offset\": %" PRIu64 ", \"read_ack_bit_width\": %" PRIu64,
						   bit_offset, bit_width ? bit_width : 64);
		}
	}
	if (L->placed) {
		ok = ok && hest_buf_printf(o, ", \"register_offset\": %" PRIu64, L->register_offset);
		if (L->has_read_ack)
			ok = ok && hest_buf_printf(o, ", \"read_ack_offset\": %" PRIu64, L->read_ack_offset);
		if (!L->block_pinned)
			ok = ok && hest_buf_printf(o, ", \"block_offset\": %" PRIu64, L->block_offset);
		if (m->placement.mode == HEST_PLACE_FIXED) {
			uint64_t base = m->placement.base;
			ok = ok && hest_buf_printf(o, ", \"register_address\": \"0x%" PRIx64 "\"", base + L->register_offset);
			if (L->has_read_ack)
				ok = ok && hest_buf_printf(o, ", \"read_ack_address\": \"0x%" PRIx64 "\"",
							   base + L->read_ack_offset);
			ok = ok && hest_buf_printf(o, ", \"block_address\": \"0x%" PRIx64 "\"",
						   L->block_pinned ? L->block_address : base + L->block_offset);
		}
	}
	return ok && hest_buf_printf(o, "}");
}

int hest_emit_layout_json(const struct hest_model *m, struct hest_buf *o, struct hest_diags *d)
{
	const struct hest_placement *p = &m->placement;
	bool ok = hest_buf_printf(o, "{\n  \"generator\": \"hestc %s\",\n  \"table\": {\"length\": %" PRIu64
				     ", \"error_source_count\": %" PRIu64 "},\n  \"placement\": {\"mode\": \"%s\"",
				  PACKAGE_VERSION, hest_get_le(m->hdr.bytes + 4, 4), hest_get_le(m->hdr.bytes + 36, 4),
				  mode_name(p->mode));
	if (p->mode != HEST_PLACE_NONE) {
		ok = ok && hest_buf_printf(o, ", \"blob\": ") && hest_buf_json_cstr(o, p->blob) &&
		     hest_buf_printf(o, ", \"blob_size\": %" PRIu64 ", \"align\": %" PRIu32 ", \"read_ack_init\": %" PRIu32,
				     hest_placement_blob_size(m), p->align, p->read_ack_init);
	}
	if (p->mode == HEST_PLACE_LINKER_LOADER) {
		ok = ok && hest_buf_printf(o, ", \"zone\": \"%s\", \"tables_blob\": ", p->zone == HEST_ZONE_FSEG ? "fseg" : "high") &&
		     hest_buf_json_cstr(o, p->tables_blob) && hest_buf_printf(o, ", \"table_offset\": %" PRIu32, p->table_offset);
		if (p->write_pointer && p->address_blob[0])
			ok = ok && hest_buf_printf(o, ", \"address_blob\": ") && hest_buf_json_cstr(o, p->address_blob);
		if (p->hest_address_blob[0])
			ok = ok && hest_buf_printf(o, ", \"hest_address_blob\": ") &&
			     hest_buf_json_cstr(o, p->hest_address_blob);
		if (p->profile) /* which generation of QEMU's layout this is */
			ok = ok && hest_buf_printf(o, ", \"profile\": ") && hest_buf_json_cstr(o, p->profile->name);
		if (p->standalone)
			ok = ok && hest_buf_printf(o, ", \"install_anchor\": %" PRIu64,
						   hest_loader_anchor_offset(m, hest_get_le(m->hdr.bytes + 4, 4)));
	}
	if (p->mode == HEST_PLACE_FIXED)
		ok = ok && hest_buf_printf(o, ", \"base\": \"0x%" PRIx64 "\"", p->base);
	bool oom = false;
	ok = ok && hest_buf_printf(o, "},\n") && json_reserved(m, o, &oom);
	if (oom) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ m->file, 0, 0, false, 0 }, "out of memory");
		return -1;
	}
	ok = ok && hest_buf_printf(o, "  \"sources\": [\n");
	for (size_t i = 0; i < m->nsrc && ok; i++)
		ok = json_source(m, &m->src[i], o) && hest_buf_printf(o, "%s\n", i + 1 < m->nsrc ? "," : "") &&
		     hest_buf_drain(o);
	ok = ok && hest_buf_printf(o, "  ]\n}\n");
	return ok ? 0 : -1;
}

/* The model: header image, sources as wire images, placement. */
#define _DEFAULT_SOURCE /* madvise (lib/huge.h), where the platform has it */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/model.h>
#include "huge.h"

static void put_chars(uint8_t *p, size_t size, const char *s)
{
	size_t n = strlen(s);
	memset(p, ' ', size);
	memcpy(p, s, n < size ? n : size);
}

void hest_apply_defaults(const struct hest_struct_desc *d, uint8_t *bytes)
{
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_field *f = &d->fields[i];
		uint8_t *p = bytes + f->offset;
		switch (f->kind) {
		case HEST_FK_INT:
		case HEST_FK_ENUM:
		case HEST_FK_FLAGS:
			if (f->attr & HEST_FA_TYPE)
				hest_put_le(p, f->size, (uint64_t)d->type);
			else
				hest_put_le(p, f->size, f->def);
			break;
		case HEST_FK_CHARS:
			put_chars(p, f->size, f->def_chars ? f->def_chars : "");
			break;
		case HEST_FK_STRUCT:
			hest_apply_defaults(f->sub, p);
			break;
		default: /* reserved, bytes, arrays (empty by default) */
			break;
		}
	}
}

/* hest_apply_defaults for an image that is all zero: only the non-zero
 * defaults are written (every new source goes through here; most of a
 * structure's defaults are zero). */
static void apply_defaults_zeroed(const struct hest_struct_desc *d, uint8_t *bytes)
{
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_field *f = &d->fields[i];
		switch (f->kind) {
		case HEST_FK_INT:
		case HEST_FK_ENUM:
		case HEST_FK_FLAGS:
			if (f->attr & HEST_FA_TYPE)
				hest_put_le(bytes + f->offset, f->size, (uint64_t)d->type);
			else if (f->def)
				hest_put_le(bytes + f->offset, f->size, f->def);
			break;
		case HEST_FK_CHARS:
			put_chars(bytes + f->offset, f->size, f->def_chars ? f->def_chars : "");
			break;
		case HEST_FK_STRUCT:
			apply_defaults_zeroed(f->sub, bytes + f->offset);
			break;
		default:
			break;
		}
	}
}

void hest_placement_defaults(struct hest_placement *p)
{
	memset(p, 0, sizeof(*p));
	p->mode = HEST_PLACE_NONE;
	strcpy(p->blob, "etc/hardware_errors");
	strcpy(p->address_blob, "etc/hardware_errors_addr");
	strcpy(p->tables_blob, "etc/acpi/tables");
	p->align = 8;
	p->tables_align = 64;
	p->zone = HEST_ZONE_HIGH;
	p->block_size = 1024; /* QEMU's ACPI_GHES_MAX_RAW_DATA_LENGTH */
	p->order = HEST_REGS_GROUPED;
	p->write_pointer = true;
	p->read_ack_init = 1;
}

/* The model's storage: chunks of CHUNK_MIN bytes, each twice the last up
 * to 256 KiB, then huge ones of 2 MiB (a larger request gets a chunk of its
 * own size), handed out in order.  8192 sources need about 1.7 MB: eight
 * allocations, not 25,000, and as many frees. */
struct hest_model_chunk {
	struct hest_model_chunk *next; /* the chunk filled before this one */
	size_t used, size;
	max_align_t data[];
};

#define CHUNK_MIN 4096u
#define CHUNK_MAX (256u * 1024u)

/* size bytes aligned to align, uninitialised. */
static void *storage_take(struct hest_model *m, size_t size, size_t align)
{
	struct hest_model_chunk *c = m->storage;
	size_t at = c ? (c->used + (align - 1)) & ~(align - 1) : 0;
	if (!c || at > c->size || size > c->size - at) {
		size_t want = !c ? CHUNK_MIN : c->size < CHUNK_MAX ? c->size * 2 : HEST_HUGE_CHUNK - sizeof(*c);
		bool huge = want == HEST_HUGE_CHUNK - sizeof(*c) && size <= want;
		if (want < size)
			want = size;
		if (want > SIZE_MAX - sizeof(*c))
			return NULL;
		struct hest_model_chunk *n = huge ? hest_huge_chunk() : malloc(sizeof(*n) + want);
		if (!n)
			return NULL;
		n->next = c;
		n->used = 0;
		n->size = want;
		m->storage = c = n;
		at = 0;
	}
	c->used = at + size;
	return (unsigned char *)c->data + at;
}

void *hest_model_alloc(struct hest_model *m, size_t size, size_t align)
{
	void *p = storage_take(m, size, align);
	if (p)
		memset(p, 0, size);
	return p;
}

bool hest_source_set_name(struct hest_model *m, struct hest_source *s, const char *name)
{
	size_t n = strlen(name) + 1;
	char *p = storage_take(m, n, 1);
	if (!p)
		return false;
	memcpy(p, name, n);
	s->name = p;
	return true;
}

bool hest_source_resize(struct hest_model *m, struct hest_source *s, uint32_t len)
{
	uint8_t *p = storage_take(m, len, 8);
	if (!p)
		return false;
	uint32_t keep = len < s->len ? len : s->len;
	memcpy(p, s->bytes, keep);
	memset(p + keep, 0, len - keep);
	s->bytes = p;
	s->len = len;
	return true;
}

/* What hest_model_init and hest_model_reset leave in a model whose other
 * members are zero: the placement's defaults and the header's image, named
 * "table".  0, or -1 (m freed) when out of memory. */
static int header_init(struct hest_model *m)
{
	hest_placement_defaults(&m->placement);
	m->hdr.desc = &hest_desc_header;
	m->hdr.len = hest_desc_header.size;
	m->hdr.bytes = hest_model_alloc(m, m->hdr.len, 8);
	if (!m->hdr.bytes || !hest_source_set_name(m, &m->hdr, "table")) {
		hest_model_free(m);
		return -1;
	}
	hest_apply_defaults(&hest_desc_header, m->hdr.bytes);
	return 0;
}

int hest_model_init(struct hest_model *m)
{
	memset(m, 0, sizeof(*m));
	return header_init(m);
}

static void source_free(struct hest_source *s)
{
	if (s->givencap) /* else the list is model storage */
		free(s->given);
}

static void chunks_free(struct hest_model_chunk *c)
{
	for (struct hest_model_chunk *next; c; c = next) {
		next = c->next;
		free(c);
	}
}

void hest_model_free(struct hest_model *m)
{
	for (size_t i = 0; i < m->ntrig; i++)
		source_free(&m->trig[i]);
	free(m->trig);
	free(m->regs);
	for (size_t i = 0; i < m->nsrc; i++)
		source_free(&m->src[i]);
	source_free(&m->hdr);
	free(m->src);
	free(m->trailing);
	free(m->region);
	for (size_t i = 0; i <= HEST_MAX_TYPE_CACHED; i++)
		free(m->default_image[i]);
	chunks_free(m->storage);
	memset(m, 0, sizeof(*m));
}

int hest_model_reset(struct hest_model *m)
{
	for (size_t i = 0; i < m->ntrig; i++)
		source_free(&m->trig[i]);
	free(m->trig);
	free(m->regs);
	for (size_t i = 0; i < m->nsrc; i++)
		source_free(&m->src[i]);
	source_free(&m->hdr);
	free(m->trailing);
	free(m->region);
	/* kept: the source array, the default images (they depend on the
	 * descriptors only) and the newest storage chunk, the largest */
	struct hest_source *src = m->src;
	size_t srccap = m->srccap;
	uint8_t *images[HEST_MAX_TYPE_CACHED + 1];
	memcpy(images, m->default_image, sizeof(images));
	struct hest_model_chunk *keep = m->storage;
	if (keep) {
		chunks_free(keep->next);
		keep->next = NULL;
		keep->used = 0;
	}
	memset(m, 0, sizeof(*m));
	m->src = src;
	m->srccap = srccap;
	memcpy(m->default_image, images, sizeof(images));
	m->storage = keep;
	return header_init(m);
}

struct hest_source *hest_model_add_source(struct hest_model *m, unsigned type, uint32_t len)
{
	if (m->nsrc >= HEST_MAX_SOURCES)
		return NULL;
	if (m->nsrc == m->srccap) {
		size_t cap = m->srccap ? m->srccap * 2 : 8;
		struct hest_source *v = realloc(m->src, cap * sizeof(*v));
		if (!v)
			return NULL;
		m->src = v;
		m->srccap = cap;
	}
	const struct hest_struct_desc *d = hest_source_desc_by_type(type);
	if (!len)
		len = d ? d->size : 4;
	struct hest_source s;
	memset(&s, 0, sizeof(s));
	s.type = type;
	s.desc = d;
	s.len = len;
	s.bytes = storage_take(m, len, 8);
	s.name = s.bytes ? hest_model_alloc(m, 1, 1) : NULL; /* "" */
	if (!s.name)
		return NULL;
	size_t done = 0;
	if (d && len >= d->size) {
		uint8_t **img = type <= HEST_MAX_TYPE_CACHED ? &m->default_image[type] : NULL;
		if (img && !*img && (*img = calloc(1, d->size)) != NULL)
			apply_defaults_zeroed(d, *img); /* calloc'd */
		if (img && *img) {
			memcpy(s.bytes, *img, d->size);
			done = d->size;
		} else {
			memset(s.bytes, 0, len);
			apply_defaults_zeroed(d, s.bytes);
			done = len;
		}
	}
	memset(s.bytes + done, 0, len - done);
	m->src[m->nsrc] = s;
	return &m->src[m->nsrc++];
}

const struct hest_field *hest_source_field_m(const struct hest_source *s, struct hest_path_memo *pm, size_t *off)
{
	if (!pm->resolved || pm->desc != s->desc) {
		pm->desc = s->desc;
		pm->field = s->desc ? hest_field_path(s->desc, pm->path, &pm->offset) : NULL;
		pm->depth = 0;
		for (const char *p = pm->path; *p; p++)
			pm->depth += *p == '.';
		pm->resolved = true;
	}
	*off = pm->offset;
	return pm->field;
}

static const struct hest_field *scalar_field(const struct hest_source *s, struct hest_path_memo *pm, size_t *off)
{
	const struct hest_field *f = hest_source_field_m(s, pm, off);
	return f && f->size <= 8 && *off + f->size <= s->len ? f : NULL;
}

bool hest_source_get_m(const struct hest_source *s, struct hest_path_memo *pm, uint64_t *v)
{
	size_t off;
	const struct hest_field *f = scalar_field(s, pm, &off);
	if (!f)
		return false;
	*v = hest_get_le(s->bytes + off, f->size);
	return true;
}

bool hest_source_set_m(struct hest_source *s, struct hest_path_memo *pm, uint64_t v)
{
	size_t off;
	const struct hest_field *f = scalar_field(s, pm, &off);
	if (!f)
		return false;
	hest_put_le(s->bytes + off, f->size, v);
	return true;
}

const struct hest_given *hest_source_given_m(const struct hest_source *s, struct hest_path_memo *pm)
{
	size_t off;
	const struct hest_field *f = hest_source_field_m(s, pm, &off);
	if (!f)
		return NULL;
	for (size_t i = 0; i < s->ngiven; i++)
		if (s->given[i].offset == off && s->given[i].depth == pm->depth)
			return &s->given[i];
	return NULL;
}

bool hest_source_get(const struct hest_source *s, const char *path, uint64_t *v)
{
	struct hest_path_memo pm = HEST_PATH_MEMO(path);
	return hest_source_get_m(s, &pm, v);
}

bool hest_source_set(struct hest_source *s, const char *path, uint64_t v)
{
	struct hest_path_memo pm = HEST_PATH_MEMO(path);
	return hest_source_set_m(s, &pm, v);
}

bool hest_source_mark_given(struct hest_source *s, uint16_t offset, unsigned depth, struct hest_pos pos)
{
	if (s->ngiven == s->givencap || (!s->givencap && s->ngiven)) {
		/* 16 holds what a GHESv2 source usually gives without a realloc;
		 * a list in model storage moves to a malloc'd one */
		size_t cap = s->givencap ? s->givencap * 2 : s->ngiven < 8 ? 16 : s->ngiven * 2;
		struct hest_given *v = s->givencap ? realloc(s->given, cap * sizeof(*v)) : malloc(cap * sizeof(*v));
		if (!v)
			return false;
		if (!s->givencap && s->ngiven)
			memcpy(v, s->given, s->ngiven * sizeof(*v));
		s->given = v;
		s->givencap = cap;
	}
	s->given[s->ngiven++] = (struct hest_given){ offset, (uint8_t)depth, pos };
	return true;
}

const struct hest_given *hest_source_given(const struct hest_source *s, const char *path)
{
	struct hest_path_memo pm = HEST_PATH_MEMO(path);
	return hest_source_given_m(s, &pm);
}

const struct hest_field *hest_array_field(const struct hest_struct_desc *d, const struct hest_field **count)
{
	*count = NULL;
	/* a structure's array is its last field (tests/unit/fields_test) */
	const struct hest_field *arr = d->nfields ? &d->fields[d->nfields - 1] : NULL;
	if (!arr || arr->kind != HEST_FK_ARRAY)
		return NULL;
	for (size_t i = 0; i + 1 < d->nfields; i++)
		if (d->fields[i].attr & HEST_FA_COUNT)
			*count = &d->fields[i];
	return arr;
}

uint32_t hest_source_wire_len(const struct hest_source *s)
{
	if (!s->desc)
		return s->len;
	const struct hest_field *count;
	const struct hest_field *arr = hest_array_field(s->desc, &count);
	if (!arr || !count || count->offset + count->size > s->len)
		return s->desc->size;
	uint64_t n = hest_get_le(s->bytes + count->offset, count->size);
	return (uint32_t)(s->desc->size + n * arr->size);
}

bool hest_model_set_kind(struct hest_model *m, enum hest_table_kind kind)
{
	const struct hest_struct_desc *h = hest_table_desc_of(kind)->header;
	uint8_t *bytes = hest_model_alloc(m, h->size, 8);
	if (!bytes)
		return false;
	hest_apply_defaults(h, bytes);
	m->kind = kind;
	m->hdr.desc = h;
	m->hdr.bytes = bytes;
	m->hdr.len = h->size;
	return true;
}

struct hest_source *hest_model_add_entry(struct hest_model *m, const struct hest_struct_desc *d)
{
	struct hest_source *s = hest_model_add_source(m, HEST_ENTRY_TYPE, d->size);
	if (!s)
		return NULL;
	s->desc = d;
	hest_apply_defaults(d, s->bytes);
	return s;
}

bool hest_model_set_region(struct hest_model *m, const uint8_t *p, uint32_t len)
{
	uint8_t *r = malloc(len ? len : 1);
	if (!r)
		return false;
	if (len)
		memcpy(r, p, len);
	free(m->region);
	m->region = r;
	m->region_len = len;
	return true;
}

struct hest_mem_register *hest_model_add_register(struct hest_model *m, const char *name, uint32_t size)
{
	struct hest_mem_register *v = realloc(m->regs, (m->nregs + 1) * sizeof(*v));
	if (!v)
		return NULL;
	m->regs = v;
	struct hest_mem_register *r = &v[m->nregs];
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->size = size;
	r->init = hest_model_alloc(m, size ? size : 1, 8);
	if (!r->init)
		return NULL;
	m->nregs++;
	return r;
}

struct hest_source *hest_model_add_trigger_entry(struct hest_model *m, const struct hest_struct_desc *d)
{
	struct hest_source *v = realloc(m->trig, (m->ntrig + 1) * sizeof(*v));
	if (!v)
		return NULL;
	m->trig = v;
	struct hest_source *s = &v[m->ntrig];
	memset(s, 0, sizeof(*s));
	s->type = HEST_ENTRY_TYPE;
	s->desc = d;
	s->len = d->size;
	s->bytes = hest_model_alloc(m, d->size, 8);
	s->name = hest_model_alloc(m, 1, 1);
	if (!s->bytes || !s->name)
		return NULL;
	hest_apply_defaults(d, s->bytes);
	m->ntrig++;
	return s;
}

uint32_t hest_einj_trigger_size(const struct hest_model *m)
{
	uint32_t n = HEST_EINJ_TRIGGER_HEADER;
	for (size_t i = 0; i < m->ntrig; i++)
		n += m->trig[i].len;
	return n;
}

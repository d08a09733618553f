/* Binary HEST -> model.  Walks structures by their type-implied lengths
 * (ACPI 6.5 18.3.2) up to the table length, the way iasl and fwts read a
 * table; the declared error source count is compared by the validator, not
 * used here, so structures after a wrong count are still seen.  Nothing is
 * dropped: what does not decode is kept as raw sources. */
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/decode.h>
#include <hest/fields.h>
#include "cursor.h"

/* Room kept for the raw tail and the bytes beyond the length. */
#define MAX_DECODED (HEST_MAX_SOURCES - 2u)

/* Bound on structure steps spent looking for a resync point: keeps a
 * hostile table from making the guess quadratic. */
#define RESYNC_BUDGET (1u << 20)

/* What the walk needs of a type's descriptor, looked up once per type for
 * a table (a table repeats few types; fwts-style dumps have hundreds of
 * structures). */
struct type_facts {
	bool known;
	const struct hest_struct_desc *d;
	const struct hest_field *arr, *count;
	const struct hest_field *gas, *ack; /* error_status_address.address, read_ack.register.address */
	size_t gas_off, ack_off;
};

#define FACTS_TYPES 16u

struct facts {
	struct type_facts t[FACTS_TYPES];
};

static void type_facts(unsigned type, struct type_facts *f)
{
	f->d = hest_source_desc_by_type(type);
	f->arr = f->d ? hest_array_field(f->d, &f->count) : NULL;
	if (!f->arr)
		f->count = NULL;
	f->gas = f->d ? hest_field_path(f->d, "error_status_address.address", &f->gas_off) : NULL;
	f->ack = f->d ? hest_field_path(f->d, "read_ack.register.address", &f->ack_off) : NULL;
	f->known = true;
}

/* The facts of `type`, from the cache when it has the type (else in *tmp). */
static const struct type_facts *facts_of(struct facts *c, unsigned type, struct type_facts *tmp)
{
	struct type_facts *f = type < FACTS_TYPES ? &c->t[type] : tmp;
	if (f == tmp || !f->known) /* tmp is not initialised */
		type_facts(type, f);
	return f;
}

static uint32_t struct_len(const struct type_facts *f, const uint8_t *p, size_t len)
{
	if (!f->d)
		return 0;
	if (!f->arr || !f->count)
		return f->d->size;
	struct hest_cursor c;
	uint64_t n;
	hest_cur_init(&c, p, len);
	if (!hest_cur_peek_le(&c, f->count->offset, f->count->size, &n))
		return f->d->size;
	/* num_banks is one byte: at most 48 + 255 * 28, no overflow. */
	return (uint32_t)(f->d->size + n * f->arr->size);
}

uint32_t hest_struct_len(unsigned type, const uint8_t *p, size_t len)
{
	struct type_facts f;
	type_facts(type, &f);
	return struct_len(&f, p, len);
}

static void note_offsets(struct hest_source *s, const struct type_facts *f, uint32_t at)
{
	s->layout.hest_offset = at;
	s->layout.has_block = s->desc && (s->type == 9 || s->type == 10);
	s->layout.has_read_ack = s->desc && s->type == 10;
	if (s->desc && f->gas)
		s->layout.gas_address_offset = at + (uint32_t)f->gas_off;
	if (s->desc && f->ack)
		s->layout.read_ack_address_offset = at + (uint32_t)f->ack_off;
}

static int oom(struct hest_diags *d, const char *file)
{
	hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 },
		      "out of memory while decoding the table");
	return -1;
}

/* Appends a source holding p[at .. at+len) verbatim (len > 0); `raw` drops
 * its descriptor (bytes that are not a complete structure of a known type). */
static struct hest_source *add_copy(struct hest_model *m, struct facts *fc, unsigned type, const uint8_t *p,
				    uint32_t at, uint32_t len, bool raw)
{
	struct hest_source *s = hest_model_add_source(m, type, len);
	if (!s)
		return NULL;
	memcpy(s->bytes, p + at, len);
	if (raw)
		s->desc = NULL;
	struct type_facts tmp;
	note_offsets(s, facts_of(fc, type, &tmp), at);
	return s;
}

/* Walks known structures from `at`; true when they end exactly at `end`.
 * *n counts them; *first_zero says whether the first one is all zero. */
static bool clean_walk(struct facts *fc, const uint8_t *p, uint32_t at, uint32_t end, uint32_t *n,
		       bool *first_zero, uint32_t *budget)
{
	*n = 0;
	*first_zero = false;
	while (at < end) {
		if (*budget == 0 || end - at < 4)
			return false;
		(*budget)--;
		unsigned type = (unsigned)(p[at] | (p[at + 1] << 8));
		struct type_facts tmp;
		uint32_t need = struct_len(facts_of(fc, type, &tmp), p + at, end - at);
		if (need == 0 || need > end - at)
			return false;
		if (*n == 0 && (*first_zero = hest_all_zero(p + at, need)))
			return false; /* never a resync point: saves walking each offset of a zero run */
		(*n)++;
		at += need;
	}
	return at == end;
}

/* The gap starts at the first all-zero structure or where the walk stopped;
 * look for the first offset after it from which the rest of the table
 * decodes cleanly into exactly the structures the count still expects. */
static void find_resync(struct facts *fc, const uint8_t *p, const struct hest_model *m,
			struct hest_decode_info *info)
{
	size_t before = 0;
	uint32_t gap = 0;
	bool found_gap = false;
	for (size_t i = 0; i < info->nstruct; i++) {
		const struct hest_source *s = &m->src[i];
		if (hest_all_zero(s->bytes, s->len)) {
			gap = s->layout.hest_offset;
			found_gap = true;
			break;
		}
		before++;
	}
	if (!found_gap) {
		if (info->tail == HEST_TAIL_NONE)
			return;
		gap = info->tail_offset;
	}
	if (before >= info->declared_count)
		return;
	uint32_t want = info->declared_count - (uint32_t)before;
	uint32_t budget = RESYNC_BUDGET;
	for (uint32_t o = gap + 1; o + 4 <= info->walk_end && budget > 0; o++) {
		uint32_t n;
		bool first_zero;
		if (clean_walk(fc, p, o, info->walk_end, &n, &first_zero, &budget) && n == want && !first_zero) {
			info->resync = true;
			info->gap_offset = gap;
			info->resync_offset = o;
			info->resync_count = n;
			info->resync_before = (uint32_t)before;
			return;
		}
	}
}

static void read_header(const uint8_t *p, size_t len, struct hest_model *m, struct hest_decode_info *info)
{
	struct hest_cursor c;
	uint64_t v;
	hest_cur_init(&c, p, len);
	memset(m->hdr.bytes, 0, HEST_SOURCES_OFFSET);
	memcpy(m->hdr.bytes, p, len < HEST_SOURCES_OFFSET ? len : HEST_SOURCES_OFFSET);
	if (hest_cur_peek_le(&c, 4, 4, &v))
		info->header_len = (uint32_t)v;
	if (hest_cur_peek_le(&c, 36, 4, &v))
		info->declared_count = (uint32_t)v;
	if (info->header_len >= HEST_SOURCES_OFFSET && info->header_len <= len)
		info->walk_end = info->header_len;
	else
		info->walk_end = (uint32_t)len;
}

int hest_decode_table(const uint8_t *p, size_t len, const char *file, struct hest_model *m,
		      struct hest_decode_info *info, struct hest_diags *d)
{
	memset(info, 0, sizeof(*info));
	info->input_len = len;
	info->tail_type = UINT32_MAX;
	m->file = file;
	if (len > UINT32_MAX) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 },
			      "input of %zu bytes is larger than any ACPI table can be (4 GiB)", len);
		return -1;
	}
	const struct hest_table_desc *kind = len >= 4 ? hest_table_desc_by_signature((const char *)p, 4) : NULL;
	if (kind && kind->kind != HEST_TABLE_HEST)
		return hest_apei_decode(kind, p, len, file, m, info, d);
	read_header(p, len, m, info);
	struct facts fc;
	memset(&fc, 0, sizeof(fc));

	struct hest_cursor c;
	hest_cur_init(&c, p, info->walk_end);
	uint32_t at = HEST_SOURCES_OFFSET;
	while (at < info->walk_end) {
		uint32_t left = info->walk_end - at;
		uint64_t type;
		if (m->nsrc >= MAX_DECODED) {
			info->tail = HEST_TAIL_TOO_MANY;
			break;
		}
		if (!hest_cur_peek_le(&c, at, 2, &type) || left < 4) {
			info->tail = HEST_TAIL_SHORT;
			break;
		}
		info->tail_type = (uint32_t)type;
		struct type_facts tmp;
		uint32_t need = struct_len(facts_of(&fc, (unsigned)type, &tmp), p + at, left);
		if (need == 0) {
			info->tail = HEST_TAIL_UNKNOWN_TYPE;
			break;
		}
		if (need > left) {
			info->tail = HEST_TAIL_TRUNCATED;
			info->tail_need = need;
			break;
		}
		if (!add_copy(m, &fc, (unsigned)type, p, at, need, false))
			return oom(d, file);
		info->nstruct++;
		info->tail_type = UINT32_MAX;
		at += need;
	}
	if (info->tail != HEST_TAIL_NONE) {
		info->tail_offset = at;
		unsigned type = info->tail_type == UINT32_MAX ? 0xFFFFu : (unsigned)info->tail_type;
		if (!add_copy(m, &fc, type, p, at, info->walk_end - at, true))
			return oom(d, file);
	}
	if (len > info->walk_end && info->walk_end >= HEST_SOURCES_OFFSET) {
		info->beyond = true;
		info->beyond_offset = info->walk_end;
		if (!add_copy(m, &fc, 0xFFFFu, p, info->walk_end, (uint32_t)(len - info->walk_end), true))
			return oom(d, file);
	}
	find_resync(&fc, p, m, info);
	return 0;
}

bool hest_find_acpi_table(const uint8_t *p, size_t len, const char *sig, size_t *off, size_t *tlen)
{
	struct hest_cursor c;
	uint64_t l;
	size_t at = 0;
	hest_cur_init(&c, p, len);
	while (hest_cur_peek_le(&c, at + 4, 4, &l) && hest_cur_has_at(&c, at, 36)) {
		if (l < 36 || l > len - at)
			break;
		if (memcmp(p + at, sig, 4) == 0) {
			*off = at;
			*tlen = (size_t)l;
			return true;
		}
		at += (size_t)l;
		while (at < len && at % 4 && p[at] == 0)
			at++;
	}
	for (size_t i = 0; hest_cur_has_at(&c, i, 40); i++) {
		if (memcmp(p + i, sig, 4) != 0 || !hest_cur_peek_le(&c, i + 4, 4, &l) || l < 36)
			continue;
		*off = i;
		*tlen = l <= len - i ? (size_t)l : len - i;
		return true;
	}
	return false;
}

/* Bytes -> CPER block or record.  Nothing read from the input is trusted:
 * every length and count is checked against the bytes that are really
 * there before it is used, and problems become diagnostics at byte offsets.
 * Every field read is marked given, so encoding the result reproduces the
 * input's values (computed fields included). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/cper.h>
#include <hest/rules.h>

/* A bounds-checked view of the input: [0, len). */
struct cursor {
	const uint8_t *p;
	size_t len;
};

/* True when n bytes at off lie inside [0, limit). */
static bool fits(uint64_t off, uint64_t n, uint64_t limit)
{
	return off <= limit && n <= limit - off;
}

static uint64_t rd(const struct cursor *c, uint64_t off, unsigned size)
{
	return fits(off, size, c->len) ? hest_get_le(c->p + off, size) : 0;
}

struct dec {
	struct cursor in;
	const char *file;
	struct hest_diags *d;
	struct hest_cper_block *b;
};

/* a diagnostic at an offset of the input, with the rule's default severity */
#define REPORT(x, ...) hest_rule_report_at((x)->d, (x)->file, __VA_ARGS__)

static void oom(struct dec *x)
{
	hest_diag_add(x->d, HEST_SEV_ERROR, NULL, (struct hest_loc){ x->file, 0, 0, false, 0 },
		      "out of memory decoding the input");
}

/* Copies n bytes into an image and marks every field inside them given. */
static void fill_image(struct hest_cper_image *im, const uint8_t *p, size_t n, uint64_t at)
{
	if (n > im->len)
		n = im->len;
	memcpy(im->bytes, p, n);
	im->given = 0;
	for (size_t i = 0; i < im->desc->nfields; i++)
		if ((size_t)im->desc->fields[i].offset + im->desc->fields[i].size <= n)
			im->given |= (uint64_t)1 << i;
	im->at = (uint32_t)at;
}

/* Error information and context structures, then trailing bytes. */
static int decode_parts(struct dec *x, struct hest_cper_section *s, const uint8_t *p, uint32_t n, uint64_t at)
{
	const struct hest_cper_type *t = s->type;
	uint64_t count = 0, off = t->body->size;
	uint64_t count2 = 0;
	if (t->info && hest_cper_bits_get(&t->info_count2, p, &count2))
		hest_cper_bits_get(&t->info_count, p, &count);
	if (t->info && (count2 || hest_cper_bits_get(&t->info_count, p, &count))) {
		count += count2; /* both below 2^32 */
		for (uint64_t i = 0; i < count; i++) {
			if (!fits(off, t->info->size, n)) {
				REPORT(x, "HEST-CPER-SECTION-COUNT", at + off,
				       "%s section: %" PRIu64 " error information structures declared, only %" PRIu64
				       " fit in its %" PRIu32 " bytes", t->key, count, i, n);
				break;
			}
			struct hest_cper_image *im = hest_cper_add_info(s);
			if (!im)
				return -1;
			fill_image(im, p + off, t->info->size, at + off);
			off += t->info->size;
		}
	}
	if (t->ctx && hest_cper_bits_get(&t->ctx_count, p, &count)) {
		for (uint64_t i = 0; i < count; i++) {
			uint64_t size = 0;
			if (fits(off, t->ctx->size, n))
				hest_cper_bits_get(&t->ctx_size, p + off, &size);
			if (!fits(off, t->ctx->size, n) || !fits(off + t->ctx->size, size, n)) {
				REPORT(x, "HEST-CPER-SECTION-COUNT", at + off,
				       "%s section: context structure #%" PRIu64 " (of %" PRIu64
				       ") runs past the section's %" PRIu32 " bytes", t->key, i, count, n);
				break;
			}
			struct hest_cper_image *im = hest_cper_add_context(s, p + off + t->ctx->size, (size_t)size);
			if (!im)
				return -1;
			fill_image(im, p + off, t->ctx->size, at + off);
			off += t->ctx->size + size;
		}
	}
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR && t->var[v].key; v++) {
		uint64_t size = 0;
		hest_cper_bits_get(&t->var[v].len, p, &size);
		if (!fits(off, size, n)) {
			REPORT(x, "HEST-CPER-PART-LENGTH", at + t->var[v].len.offset,
			       "%s section: %s is %" PRIu64 " bytes by its length field, only %" PRIu64
			       " remain of the section's %" PRIu32 " bytes", t->key, t->var[v].key, size, n - off, n);
			break;
		}
		if (hest_cper_set_var(s, v, p + off, (size_t)size) < 0)
			return -1;
		s->var_at[v] = (uint32_t)(at + off);
		off += size;
	}
	if (off < n) {
		if (hest_cper_set_tail(s, p + off, n - off) < 0)
			return -1;
		s->tail_at = (uint32_t)(at + off);
	}
	return 0;
}

/* One section: header bytes (hsz) at hat, body (n bytes) at bat. */
static int decode_section(struct dec *x, const uint8_t *guid, const uint8_t *hdr, uint32_t hsz, uint64_t hat,
			  const uint8_t *body, uint32_t n, uint64_t bat)
{
	const struct hest_cper_type *t = body ? hest_cper_type_by_guid(guid) : NULL;
	if (t && n < t->body->size) {
		REPORT(x, "HEST-CPER-SECTION-SHORT", bat,
		       "%s section is %" PRIu32 " bytes; its structure needs %u (Linux: \"error section length is "
		       "too small\")", t->key, n, t->body->size);
		t = NULL;
	}
	struct hest_cper_section *s = hest_cper_add_section(x->b, t ? t->kind : HEST_CPER_RAW);
	if (!s)
		return -1;
	fill_image(&s->header, hdr, hsz, hat);
	if (!t) {
		if (n && hest_cper_set_tail(s, body, n) < 0)
			return -1;
		s->tail_at = (uint32_t)bat;
		return 0;
	}
	fill_image(&s->body, body, t->body->size, bat);
	return decode_parts(x, s, body, n, bat);
}

static int decode_entries(struct dec *x, uint64_t end)
{
	const struct cursor *c = &x->in;
	uint64_t at = HEST_CPER_STATUS_SIZE;
	for (size_t i = 0; at < end; i++) {
		if (x->b->nsec >= HEST_CPER_MAX_ENTRIES) {
			REPORT(x, "HEST-CPER-ENTRY-COUNT", at,
			       "more than %u data entries; block_status can count at most that many",
			       HEST_CPER_MAX_ENTRIES);
			return 0;
		}
		uint64_t left = end - at;
		uint32_t hsz = left >= HEST_CPER_ENTRY_SIZE_OLD ? hest_cper_entry_size((uint16_t)rd(c, at + 20, 2))
								 : HEST_CPER_ENTRY_SIZE_OLD;
		if (left < hsz) {
			REPORT(x, "HEST-CPER-DATA-LENGTH", at,
			       "data entry #%zu: only %" PRIu64 " bytes of data_length remain; its header needs %" PRIu32,
			       i, left, hsz);
			return 0;
		}
		uint64_t edl = rd(c, at + 24, 4);
		if (edl > left - hsz) {
			REPORT(x, "HEST-CPER-DATA-LENGTH", at + 24,
			       "data entry #%zu: error_data_length %" PRIu64 " runs past data_length (%" PRIu64
			       " bytes remain after the header)", i, edl, left - hsz);
			return 0;
		}
		if (decode_section(x, c->p + at, c->p + at, hsz, at, c->p + at + hsz, (uint32_t)edl, at + hsz) < 0)
			return -1;
		at += hsz + edl;
	}
	return 0;
}

static int decode_status_block(struct dec *x)
{
	const struct cursor *c = &x->in;
	struct hest_cper_block *b = x->b;
	if (c->len < HEST_CPER_STATUS_SIZE) {
		REPORT(x, "HEST-CPER-TRUNCATED", 0,
		       "input is %zu bytes; a generic error status block starts with a 20-byte header", c->len);
		return -1;
	}
	fill_image(&b->head, c->p, HEST_CPER_STATUS_SIZE, 0);
	uint64_t data_length = rd(c, 12, 4), raw_off = rd(c, 4, 4), raw_len = rd(c, 8, 4);
	/* Linux cper_estatus_len(): the raw data ends the block when present. */
	b->length = raw_len ? raw_off + raw_len : HEST_CPER_STATUS_SIZE + data_length;
	uint64_t end = HEST_CPER_STATUS_SIZE + data_length;
	if (end > c->len) {
		REPORT(x, "HEST-CPER-DATA-LENGTH", 12,
		       "data_length %" PRIu64 " runs past the end of the input (%zu bytes, %zu after the header)",
		       data_length, c->len, c->len - HEST_CPER_STATUS_SIZE);
		end = c->len;
	}
	if (decode_entries(x, end) < 0)
		return -1;
	if (raw_len) {
		if (!fits(raw_off, raw_len, c->len)) {
			REPORT(x, "HEST-CPER-RAW-DATA", 4,
			       "raw data (offset 0x%" PRIx64 ", %" PRIu64 " bytes) lies outside the input (%zu bytes)",
			       raw_off, raw_len, c->len);
		} else {
			if (hest_cper_set_raw_data(b, c->p + raw_off, (size_t)raw_len) < 0)
				return -1;
			b->raw_at = (uint32_t)raw_off;
		}
	}
	return 0;
}

/* A section body of a record: where it is and which body overlaps it. */
struct span {
	uint64_t off, n;
	uint32_t index;
	int32_t clash; /* -2 none, -1 the header and descriptors, else an earlier-starting section */
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Marks each section body that overlaps the header and descriptors (which
 * end at hdr_end) or a section starting before it.  Each body is then copied
 * at most once: overlapping descriptors cannot make the decoder hold more
 * than the record (1023 descriptors over one 256 MiB body would be 256 GiB).
 * Returns the marks by descriptor index (NULL when out of memory). */
static struct span *find_overlaps(const struct cursor *c, uint64_t count, uint64_t limit, uint64_t hdr_end)
{
	struct span *v = calloc(count ? count : 1, sizeof(*v)), *byidx = calloc(count ? count : 1, sizeof(*v));
	if (!v || !byidx) {
		free(v);
		free(byidx);
		return NULL;
	}
	for (uint64_t i = 0; i < count; i++) {
		const uint8_t *h = c->p + HEST_CPER_RECORD_SIZE + i * HEST_CPER_DESCRIPTOR_SIZE;
		v[i] = (struct span){ hest_get_le(h, 4), hest_get_le(h + 4, 4), (uint32_t)i, -2 };
		if (!fits(v[i].off, v[i].n, limit))
			v[i].n = 0; /* reported as outside the record */
	}
	qsort(v, count, sizeof(*v), cmp_span);
	uint64_t end = hdr_end;
	int32_t owner = -1;
	for (uint64_t i = 0; i < count; i++) {
		if (v[i].n && v[i].off < end)
			v[i].clash = owner;
		else if (v[i].n && v[i].off + v[i].n > end) {
			end = v[i].off + v[i].n;
			owner = (int32_t)v[i].index;
		}
		byidx[v[i].index] = v[i];
	}
	free(v);
	return byidx;
}

static int decode_record(struct dec *x)
{
	const struct cursor *c = &x->in;
	struct hest_cper_block *b = x->b;
	if (c->len < HEST_CPER_RECORD_SIZE) {
		REPORT(x, "HEST-CPER-TRUNCATED", 0, "input is %zu bytes; a CPER record header is 128", c->len);
		return -1;
	}
	fill_image(&b->head, c->p, HEST_CPER_RECORD_SIZE, 0);
	uint64_t rlen = rd(c, 20, 4), count = rd(c, 10, 2), limit = c->len;
	b->length = rlen;
	if (rlen > c->len)
		REPORT(x, "HEST-CPER-RECORD-LENGTH", 20,
		       "record_length %" PRIu64 " runs past the end of the input (%zu bytes)", rlen, c->len);
	else if (rlen >= HEST_CPER_RECORD_SIZE)
		limit = rlen;
	uint64_t fit = (limit - HEST_CPER_RECORD_SIZE) / HEST_CPER_DESCRIPTOR_SIZE;
	if (count > fit) {
		REPORT(x, "HEST-CPER-RECORD-LENGTH", 10,
		       "section_count %" PRIu64 " needs %" PRIu64 " bytes of descriptors; only %" PRIu64
		       " fit in the record", count, count * HEST_CPER_DESCRIPTOR_SIZE, fit * HEST_CPER_DESCRIPTOR_SIZE);
		count = fit;
	}
	uint64_t hdr_end = HEST_CPER_RECORD_SIZE + count * HEST_CPER_DESCRIPTOR_SIZE;
	struct span *spans = find_overlaps(c, count, limit, hdr_end);
	if (!spans)
		return -1;
	int rc = 0;
	for (uint64_t i = 0; i < count && rc == 0; i++) {
		uint64_t at = HEST_CPER_RECORD_SIZE + i * HEST_CPER_DESCRIPTOR_SIZE;
		const uint8_t *h = c->p + at;
		uint64_t off = hest_get_le(h, 4), n = hest_get_le(h + 4, 4);
		bool outside = !fits(off, n, limit);
		if (outside)
			REPORT(x, "HEST-CPER-RECORD-LENGTH", at,
			       "section #%" PRIu64 " (offset 0x%" PRIx64 ", %" PRIu64 " bytes) lies outside the record's %"
			       PRIu64 " bytes", i, off, n, limit);
		else if (spans[i].clash == -1)
			REPORT(x, "HEST-CPER-RECORD-LENGTH", at,
			       "section #%" PRIu64 " (offset 0x%" PRIx64 ", %" PRIu64 " bytes) overlaps the record header "
			       "and section descriptors (they end at 0x%" PRIx64 ")", i, off, n, hdr_end);
		else if (spans[i].clash >= 0)
			REPORT(x, "HEST-CPER-RECORD-LENGTH", at,
			       "section #%" PRIu64 " (offset 0x%" PRIx64 ", %" PRIu64 " bytes) overlaps section #%" PRId32,
			       i, off, n, spans[i].clash);
		if (outside || spans[i].clash != -2)
			rc = decode_section(x, h + 16, h, HEST_CPER_DESCRIPTOR_SIZE, at, NULL, 0, 0);
		else
			rc = decode_section(x, h + 16, h, HEST_CPER_DESCRIPTOR_SIZE, at, c->p + off, (uint32_t)n, off);
	}
	free(spans);
	return rc;
}

int hest_cper_decode(struct hest_cper_block *b, const uint8_t *buf, size_t len, int form, const char *file,
		     struct hest_diags *d)
{
	if (form < 0)
		form = len >= 4 && memcmp(buf, "CPER", 4) == 0 ? HEST_CPER_RECORD : HEST_CPER_STATUS_BLOCK;
	if (hest_cper_block_init(b, (enum hest_cper_form)form) < 0) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 }, "out of memory");
		return -1;
	}
	struct dec x = { { buf, len }, file, d, b };
	int rc = form == HEST_CPER_RECORD ? decode_record(&x) : decode_status_block(&x);
	if (rc < 0 && !hest_diags_failed(d))
		oom(&x);
	return rc;
}

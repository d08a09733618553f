/* CPER block/record -> bytes.  Computed fields (lengths, counts, offsets,
 * section GUIDs, block status, default severities) are filled in the output
 * unless the input gave them; the block itself is not modified. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>

struct enc {
	struct hest_buf *out;
	size_t base;          /* where the container starts in out */
	const char *file;
	struct hest_diags *d;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void enc_error(struct enc *e, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct hest_loc l = { e->file, 0, 0, false, 0 };
	hest_diag_add(e->d, HEST_SEV_ERROR, NULL, l, "%s", msg);
}

/* The field that holds a bit range of a table (same offset and bits). */
static const struct hest_cper_field *field_of_bits(const struct hest_cper_desc *d, const struct hest_cper_bits *b,
						   size_t *index)
{
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_cper_field *f = &d->fields[i];
		unsigned shift = f->width ? f->shift : 0, width = f->width ? f->width : 8u * f->size;
		if (f->offset == b->offset && f->size == b->size && shift == b->shift && width == b->width) {
			*index = i;
			return f;
		}
	}
	return NULL;
}

/* Writes a computed bit range at out[at] unless its field was given. */
static void put_computed_bits(struct enc *e, size_t at, const struct hest_cper_image *im,
			      const struct hest_cper_bits *b, uint64_t v)
{
	size_t i;
	if (!b->width)
		return;
	const struct hest_cper_field *f = field_of_bits(im->desc, b, &i);
	if (f && (im->given >> i & 1))
		return;
	hest_cper_bits_put(b, e->out->p + at, v);
}

/* Writes a computed field at out[at] unless it was given. */
static void put_computed(struct enc *e, size_t at, const struct hest_cper_image *im, const char *key, uint64_t v)
{
	const struct hest_cper_field *f = hest_cper_field_find(im->desc, key, strlen(key));
	size_t i = f ? (size_t)(f - im->desc->fields) : 0;
	if (!f || (im->given >> i & 1))
		return;
	hest_cper_field_put(f, e->out->p + at, v);
}

static bool given(const struct hest_cper_image *im, const char *key)
{
	return hest_cper_given(im, key);
}

static uint64_t get(const struct hest_cper_image *im, const char *key)
{
	uint64_t v = 0;
	hest_cper_get(im, key, &v);
	return v;
}

/* Pads with zeros up to container offset `want` when that is ahead. */
static void pad_to(struct enc *e, uint64_t want)
{
	size_t at = e->out->len - e->base;
	if (want > at && want - at <= UINT32_MAX)
		hest_buf_zeros(e->out, (size_t)(want - at));
}

/* Section body: fixed part, error information, contexts, trailing bytes. */
static int encode_body(struct enc *e, const struct hest_cper_section *s, uint32_t *len)
{
	const struct hest_cper_type *t = s->type;
	size_t start = e->out->len;
	hest_buf_append(e->out, s->body.bytes, s->body.len);
	for (size_t i = 0; i < s->ninfo; i++)
		hest_buf_append(e->out, s->info[i].bytes, s->info[i].len);
	for (size_t i = 0; i < s->nctx; i++) {
		size_t at = e->out->len;
		hest_buf_append(e->out, s->ctx[i].bytes, s->ctx[i].len);
		if (!e->out->oom)
			put_computed_bits(e, at, &s->ctx[i], &t->ctx_size, s->ctx[i].len - t->ctx->size);
	}
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR; v++)
		hest_buf_append(e->out, s->var[v], s->varlen[v]);
	hest_buf_append(e->out, s->tail, s->taillen);
	if (e->out->oom)
		return -1;
	uint64_t n = e->out->len - start;
	if (n > UINT32_MAX) {
		enc_error(e, "%s section is %zu bytes; sections hold at most 4 GiB", t->key, (size_t)n);
		return -1;
	}
	uint64_t other = 0;
	hest_cper_bits_get(&t->info_count2, s->body.bytes, &other);
	put_computed_bits(e, start, &s->body, &t->info_count, s->ninfo >= other ? s->ninfo - other : 0);
	put_computed_bits(e, start, &s->body, &t->ctx_count, s->nctx);
	put_computed_bits(e, start, &s->body, &t->length, n);
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR && t->var[v].key; v++)
		put_computed_bits(e, start, &s->body, &t->var[v].len, s->varlen[v]);
	if (t->checksum.width) {
		/* Linux drivers/ras/amd/fmpm.c: the byte sum of the section with
		 * the checksum bytes left out, negated. */
		uint32_t sum = 0;
		for (uint64_t i = 0; i < n; i++)
			if (i < t->checksum.offset || i >= (uint64_t)t->checksum.offset + t->checksum.size)
				sum += e->out->p[start + i];
		put_computed_bits(e, start, &s->body, &t->checksum, (uint32_t)(0u - sum));
	}
	*len = (uint32_t)n;
	return 0;
}

/* Section type GUID: the kind's, unless given; raw sections must give one. */
static int put_section_type(struct enc *e, size_t at, const struct hest_cper_section *s, size_t index)
{
	if (given(&s->header, "section_type"))
		return 0;
	if (s->type->kind == HEST_CPER_RAW) {
		enc_error(e, "%s section #%zu has no section type GUID", s->type->key, index);
		return -1;
	}
	const struct hest_cper_field *f = hest_cper_field_find(s->header.desc, "section_type", 12);
	memcpy(e->out->p + at + f->offset, s->type->guid, 16);
	return 0;
}

static uint32_t block_status_bits(unsigned uncorrectable, unsigned correctable)
{
	return (uncorrectable ? 0x1u : 0) | (correctable ? 0x2u : 0) | (uncorrectable > 1 ? 0x4u : 0) |
	       (correctable > 1 ? 0x8u : 0);
}

static int encode_status_block(struct enc *e, const struct hest_cper_block *b)
{
	const struct hest_cper_image *head = &b->head;
	uint64_t severity = get(head, "severity"), data = 0;
	unsigned unc = 0, cor = 0;
	hest_buf_append(e->out, head->bytes, HEST_CPER_STATUS_SIZE);
	for (size_t i = 0; i < b->nsec; i++) {
		const struct hest_cper_section *s = &b->sec[i];
		uint32_t hsz = hest_cper_entry_size((uint16_t)get(&s->header, "revision")), blen;
		if (hsz < HEST_CPER_ENTRY_SIZE && given(&s->header, "timestamp")) {
			enc_error(e, "%s section #%zu: a timestamp needs entry revision 0x300 or later", s->type->key,
				  i);
			return -1;
		}
		size_t h = e->out->len;
		hest_buf_append(e->out, s->header.bytes, hsz);
		if (e->out->oom || encode_body(e, s, &blen) < 0 || put_section_type(e, h, s, i) < 0)
			return -1;
		put_computed(e, h, &s->header, "error_data_length", blen);
		put_computed(e, h, &s->header, "severity", severity);
		const struct hest_cper_field *sf = hest_cper_field_find(s->header.desc, "severity", 8);
		uint64_t sev = hest_cper_field_get(sf, e->out->p + h);
		unc += sev == 0 || sev == 1;
		cor += sev == 2;
		data += hsz + (uint64_t)blen;
		if (data > UINT32_MAX - HEST_CPER_STATUS_SIZE) {
			enc_error(e, "the data entries pass 4 GiB at %s section #%zu", s->type->key, i);
			return -1;
		}
	}
	if (b->rawlen) {
		if (given(head, "raw_data_offset"))
			pad_to(e, get(head, "raw_data_offset"));
		put_computed(e, e->base, head, "raw_data_offset", e->out->len - e->base);
		hest_buf_append(e->out, b->raw, b->rawlen);
	} else {
		put_computed(e, e->base, head, "raw_data_offset", 0);
	}
	if (e->out->oom)
		return -1;
	put_computed(e, e->base, head, "raw_data_length", b->rawlen);
	put_computed(e, e->base, head, "data_length", data);
	put_computed(e, e->base, head, "entry_count", b->nsec);
	put_computed(e, e->base, head, "block_status", block_status_bits(unc, cor));
	return 0;
}

static int encode_record(struct enc *e, const struct hest_cper_block *b)
{
	const struct hest_cper_image *head = &b->head;
	uint64_t severity = get(head, "severity");
	hest_buf_append(e->out, head->bytes, HEST_CPER_RECORD_SIZE);
	size_t desc0 = e->out->len;
	for (size_t i = 0; i < b->nsec; i++)
		hest_buf_append(e->out, b->sec[i].header.bytes, HEST_CPER_DESCRIPTOR_SIZE);
	for (size_t i = 0; i < b->nsec && !e->out->oom; i++) {
		const struct hest_cper_section *s = &b->sec[i];
		size_t h = desc0 + i * HEST_CPER_DESCRIPTOR_SIZE;
		uint32_t blen;
		if (given(&s->header, "section_offset"))
			pad_to(e, get(&s->header, "section_offset"));
		size_t at = e->out->len - e->base;
		if (at > UINT32_MAX || encode_body(e, s, &blen) < 0 || put_section_type(e, h, s, i) < 0)
			return -1;
		put_computed(e, h, &s->header, "section_offset", at);
		put_computed(e, h, &s->header, "section_length", blen);
		put_computed(e, h, &s->header, "severity", severity);
	}
	if (e->out->oom)
		return -1;
	uint64_t total = e->out->len - e->base;
	if (total > UINT32_MAX) {
		enc_error(e, "the record is %zu bytes; record_length holds at most 4 GiB", (size_t)total);
		return -1;
	}
	put_computed(e, e->base, head, "section_count", b->nsec);
	put_computed(e, e->base, head, "record_length", total);
	return 0;
}

int hest_cper_encode(const struct hest_cper_block *b, struct hest_buf *out, const char *file, struct hest_diags *d)
{
	struct enc e = { out, out->len, file, d };
	int rc = b->form == HEST_CPER_RECORD ? encode_record(&e, b) : encode_status_block(&e, b);
	if (rc == 0 && out->oom)
		rc = -1;
	if (rc < 0 && out->oom)
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 },
			      "out of memory encoding the %s", b->form == HEST_CPER_RECORD ? "record" : "block");
	return rc;
}

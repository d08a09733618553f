/* CPER blocks and records in memory: wire images read and written through
 * the descriptor tables of lib/cper_fields.c. */
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>

static int image_init(struct hest_cper_image *im, const struct hest_cper_desc *d, size_t extra)
{
	memset(im, 0, sizeof(*im));
	if (extra > UINT32_MAX - d->size)
		return -1;
	im->desc = d;
	im->len = (uint32_t)(d->size + extra);
	im->bytes = calloc(1, im->len ? im->len : 1);
	if (!im->bytes)
		return -1;
	hest_cper_apply_defaults(d, im->bytes);
	return 0;
}

static void image_free(struct hest_cper_image *im)
{
	free(im->bytes);
	memset(im, 0, sizeof(*im));
}

static void section_free(struct hest_cper_section *s)
{
	image_free(&s->header);
	image_free(&s->body);
	for (size_t i = 0; i < s->ninfo; i++)
		image_free(&s->info[i]);
	for (size_t i = 0; i < s->nctx; i++)
		image_free(&s->ctx[i]);
	free(s->info);
	free(s->ctx);
	for (unsigned i = 0; i < HEST_CPER_MAX_VAR; i++)
		free(s->var[i]);
	free(s->tail);
	memset(s, 0, sizeof(*s));
}

int hest_cper_block_init(struct hest_cper_block *b, enum hest_cper_form form)
{
	memset(b, 0, sizeof(*b));
	b->form = form;
	return image_init(&b->head, form == HEST_CPER_RECORD ? &hest_cper_desc_record : &hest_cper_desc_status, 0);
}

void hest_cper_block_free(struct hest_cper_block *b)
{
	for (size_t i = 0; i < b->nsec; i++)
		section_free(&b->sec[i]);
	free(b->sec);
	free(b->raw);
	image_free(&b->head);
	memset(b, 0, sizeof(*b));
}

/* Grows an array of `size`-byte elements to hold one more.  0 or -1. */
static int grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 4;
	if (c > SIZE_MAX / size)
		return -1;
	void *p = realloc(*v, c * size);
	if (!p)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

struct hest_cper_section *hest_cper_add_section(struct hest_cper_block *b, enum hest_cper_kind kind)
{
	const struct hest_cper_type *t = hest_cper_type_of(kind);
	size_t max = b->form == HEST_CPER_RECORD ? 0xffffu : HEST_CPER_MAX_ENTRIES;
	if (!t || b->nsec >= max)
		return NULL;
	void *v = b->sec;
	if (grow(&v, &b->seccap, b->nsec, sizeof(*b->sec)) < 0)
		return NULL;
	b->sec = v;
	struct hest_cper_section *s = &b->sec[b->nsec];
	memset(s, 0, sizeof(*s));
	s->type = t;
	const struct hest_cper_desc *hd = b->form == HEST_CPER_RECORD ? &hest_cper_desc_descriptor
								       : &hest_cper_desc_entry;
	if (image_init(&s->header, hd, 0) < 0 || image_init(&s->body, t->body, 0) < 0) {
		section_free(s);
		return NULL;
	}
	const struct hest_cper_field *g = hest_cper_field_find(hd, "section_type", 12);
	if (g)
		memcpy(s->header.bytes + g->offset, t->guid, 16);
	b->nsec++;
	return s;
}

static void mark_valid(struct hest_cper_image *im, int bit);

void hest_cper_drop_last_section(struct hest_cper_block *b)
{
	if (b->nsec)
		section_free(&b->sec[--b->nsec]);
}

/* ARM context register array sizes, UEFI 2.10 N.2.4.4.2 (type 8: 10-byte entries). */
static const uint32_t arm_ctx_bytes[] = { 64, 96, 64, 8, 256, 136, 120, 80 };

bool hest_cper_context_layout(const struct hest_cper_type *t, uint64_t type, uint32_t *fixed, uint32_t *unit)
{
	*fixed = 0;
	*unit = 0;
	if (t->kind != HEST_CPER_ARM || type > 8)
		return false;
	if (type < 8)
		*fixed = arm_ctx_bytes[type];
	else
		*unit = 10;
	return true;
}

struct hest_cper_image *hest_cper_add_info(struct hest_cper_section *s)
{
	if (!s->type->info || s->ninfo >= 0xffffu)
		return NULL;
	void *v = s->info;
	if (grow(&v, &s->infocap, s->ninfo, sizeof(*s->info)) < 0)
		return NULL;
	s->info = v;
	if (image_init(&s->info[s->ninfo], s->type->info, 0) < 0)
		return NULL;
	for (unsigned bit = 0; bit < 64; bit++)
		if (s->type->info_valid >> bit & 1)
			mark_valid(&s->body, (int)bit);
	return &s->info[s->ninfo++];
}

struct hest_cper_image *hest_cper_add_context(struct hest_cper_section *s, const void *regs, size_t len)
{
	const struct hest_cper_type *t = s->type;
	if (!t->ctx || s->nctx >= 0xffffu || len > (t->ctx_size.width >= 32 ? UINT32_MAX
								     : (1ull << t->ctx_size.width) - 1))
		return NULL;
	void *v = s->ctx;
	if (grow(&v, &s->ctxcap, s->nctx, sizeof(*s->ctx)) < 0)
		return NULL;
	s->ctx = v;
	struct hest_cper_image *im = &s->ctx[s->nctx];
	if (image_init(im, t->ctx, len) < 0)
		return NULL;
	if (len)
		memcpy(im->bytes + t->ctx->size, regs, len);
	s->nctx++;
	return im;
}

static int set_bytes(uint8_t **dst, uint32_t *dstlen, const void *p, size_t len)
{
	if (len > UINT32_MAX)
		return -1;
	uint8_t *n = NULL;
	if (len) {
		n = malloc(len);
		if (!n)
			return -1;
		memcpy(n, p, len);
	}
	free(*dst);
	*dst = n;
	*dstlen = (uint32_t)len;
	return 0;
}

static const struct hest_cper_field *validation_field(const struct hest_cper_desc *d, size_t *index)
{
	for (size_t i = 0; i < d->nfields; i++)
		if (d->fields[i].attr & HEST_CA_VALIDATION) {
			if (index)
				*index = i;
			return &d->fields[i];
		}
	return NULL;
}

/* Sets validation bit `bit` unless the validation bits were given. */
static void mark_valid(struct hest_cper_image *im, int bit)
{
	const struct hest_cper_desc *d = im->desc;
	size_t vi;
	if (bit < 0 || !d->valid_size || bit >= 8 * d->valid_size)
		return;
	if (validation_field(d, &vi) && (im->given >> vi & 1))
		return;
	uint64_t v = hest_get_le(im->bytes + d->valid_offset, d->valid_size);
	hest_put_le(im->bytes + d->valid_offset, d->valid_size, v | (uint64_t)1 << bit);
}

int hest_cper_set_tail(struct hest_cper_section *s, const void *p, size_t len)
{
	if (set_bytes(&s->tail, &s->taillen, p, len) < 0)
		return -1;
	if (len)
		mark_valid(&s->body, s->type->tail_valid_bit);
	return 0;
}

int hest_cper_set_var(struct hest_cper_section *s, unsigned i, const void *p, size_t len)
{
	const struct hest_cper_var *v = i < HEST_CPER_MAX_VAR ? &s->type->var[i] : NULL;
	if (!v || !v->key || (v->len.width < 64 && len > ((uint64_t)1 << v->len.width) - 1))
		return -1;
	if (set_bytes(&s->var[i], &s->varlen[i], p, len) < 0)
		return -1;
	if (len)
		mark_valid(&s->body, v->valid_bit);
	return 0;
}

int hest_cper_set_raw_data(struct hest_cper_block *b, const void *p, size_t len)
{
	return set_bytes(&b->raw, &b->rawlen, p, len);
}

static const struct hest_cper_field *find(const struct hest_cper_image *im, const char *key, size_t *index)
{
	const struct hest_cper_field *f = hest_cper_field_find(im->desc, key, strlen(key));
	if (f && index)
		*index = (size_t)(f - im->desc->fields);
	return f;
}

int hest_cper_get(const struct hest_cper_image *im, const char *key, uint64_t *v)
{
	const struct hest_cper_field *f = find(im, key, NULL);
	if (!f || !hest_cper_field_is_int(f) || f->offset + f->size > im->len)
		return -1;
	*v = hest_cper_field_get(f, im->bytes);
	return 0;
}

int hest_cper_set(struct hest_cper_image *im, const char *key, uint64_t v)
{
	size_t i;
	const struct hest_cper_field *f = find(im, key, &i);
	if (!f || !hest_cper_field_is_int(f) || v > hest_cper_field_max(f) || f->offset + f->size > im->len)
		return -1;
	hest_cper_field_put(f, im->bytes, v);
	im->given |= (uint64_t)1 << i;
	mark_valid(im, f->valid_bit);
	return 0;
}

int hest_cper_set_bytes(struct hest_cper_image *im, const char *key, const void *p, size_t len)
{
	size_t i;
	const struct hest_cper_field *f = find(im, key, &i);
	if (!f || f->offset + f->size > im->len)
		return -1;
	if (f->kind == HEST_CF_GUID ? len != 16 : (f->kind != HEST_CF_BYTES && f->kind != HEST_CF_TEXT &&
						    f->kind != HEST_CF_RESERVED) || len > f->size)
		return -1;
	memset(im->bytes + f->offset, 0, f->size);
	if (len)
		memcpy(im->bytes + f->offset, p, len);
	im->given |= (uint64_t)1 << i;
	mark_valid(im, f->valid_bit);
	return 0;
}

const uint8_t *hest_cper_get_bytes(const struct hest_cper_image *im, const char *key, size_t *len)
{
	const struct hest_cper_field *f = find(im, key, NULL);
	if (!f || f->offset + f->size > im->len)
		return NULL;
	if (len)
		*len = f->size;
	return im->bytes + f->offset;
}

bool hest_cper_given(const struct hest_cper_image *im, const char *key)
{
	size_t i;
	return find(im, key, &i) && (im->given >> i & 1);
}

const char *hest_cper_valid_bit_name(const struct hest_cper_desc *d, const struct hest_cper_type *t, unsigned bit)
{
	for (size_t i = 0; i < d->nfields; i++)
		if (d->fields[i].valid_bit == (int)bit)
			return d->fields[i].key;
	if (t && t->body == d && t->tail_valid_bit == (int)bit)
		return t->tail_key;
	for (unsigned v = 0; t && t->body == d && v < HEST_CPER_MAX_VAR && t->var[v].key; v++)
		if (t->var[v].valid_bit == (int)bit)
			return t->var[v].key;
	/* the bit error information structures set that no count field claims */
	if (t && t->body == d && bit < 64 && (t->info_valid >> bit & 1))
		return "error_info";
	return NULL;
}

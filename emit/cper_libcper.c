/* CPER record -> libcper's JSON (full log form), driven by the rows of
 * lib/cper_libcper_map.c.  The JSON is built as a small tree (keys in row
 * order, nested objects from dotted paths), printed, then read back with
 * the reader of parser/cper_libcper.c, encoded and compared with the
 * record: what libcper's form cannot carry is an error, never a silent
 * loss. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper_libcper.h>

/* --- a JSON tree ------------------------------------------------------------ */

enum jkind { J_OBJ, J_ARR, J_INT, J_STR, J_BOOL, J_SINT };

struct jv {
	enum jkind kind;
	char *key;          /* member name in an object (NULL in an array) */
	uint64_t i;         /* J_INT, J_BOOL; J_SINT: an int64_t */
	char *s;            /* J_STR */
	size_t slen;
	struct jv *first, *last, *next;
};

struct jctx {
	bool oom;
	/* the first structure with a part libcper decodes that it does not hold whole */
	const struct hest_cper_image *short_im;
	const struct hest_lc_variant *short_v;
	const uint8_t *rec; /* the record's bytes (sections written as bytes) */
	size_t reclen;
};

static struct jv *jv_new(struct jctx *c, struct jv *parent, const char *key, size_t keylen, enum jkind kind)
{
	struct jv *v = calloc(1, sizeof(*v));
	if (!v) {
		c->oom = true;
		return NULL;
	}
	v->kind = kind;
	if (key) {
		v->key = malloc(keylen + 1);
		if (!v->key) {
			free(v);
			c->oom = true;
			return NULL;
		}
		memcpy(v->key, key, keylen);
		v->key[keylen] = '\0';
	}
	if (parent) {
		if (parent->last)
			parent->last->next = v;
		else
			parent->first = v;
		parent->last = v;
	}
	return v;
}

static void jv_free(struct jv *v)
{
	while (v) {
		struct jv *next = v->next;
		jv_free(v->first);
		free(v->key);
		free(v->s);
		free(v);
		v = next;
	}
}

static struct jv *jv_member(struct jv *obj, const char *key, size_t len)
{
	for (struct jv *m = obj->first; m; m = m->next)
		if (m->key && strlen(m->key) == len && memcmp(m->key, key, len) == 0)
			return m;
	return NULL;
}

/* The leaf for a dotted path, creating the objects on the way. */
static struct jv *jv_at(struct jctx *c, struct jv *obj, const char *path, enum jkind kind)
{
	const char *dot;
	while (obj && (dot = strchr(path, '.')) != NULL) {
		struct jv *m = jv_member(obj, path, (size_t)(dot - path));
		if (!m)
			m = jv_new(c, obj, path, (size_t)(dot - path), J_OBJ);
		obj = m;
		path = dot + 1;
	}
	return obj ? jv_new(c, obj, path, strlen(path), kind) : NULL;
}

/* The objects on the way to a dotted path's leaf, without the leaf. */
static void jv_parents(struct jctx *c, struct jv *obj, const char *path)
{
	const char *dot;
	while (obj && (dot = strchr(path, '.')) != NULL) {
		struct jv *m = jv_member(obj, path, (size_t)(dot - path));
		obj = m ? m : jv_new(c, obj, path, (size_t)(dot - path), J_OBJ);
		path = dot + 1;
	}
}

static void jv_str(struct jctx *c, struct jv *v, const char *s, size_t n)
{
	if (!v)
		return;
	v->s = malloc(n + 1);
	if (!v->s) {
		c->oom = true;
		return;
	}
	memcpy(v->s, s, n);
	v->s[n] = '\0';
	v->slen = n;
}

static void jv_print(struct hest_buf *o, const struct jv *v, unsigned depth)
{
	switch (v->kind) {
	case J_INT:
		hest_buf_printf(o, "%" PRIu64, v->i);
		return;
	case J_SINT:
		hest_buf_printf(o, "%" PRId64, (int64_t)v->i);
		return;
	case J_BOOL:
		hest_buf_printf(o, "%s", v->i ? "true" : "false");
		return;
	case J_STR:
		hest_buf_json_string(o, v->s ? v->s : "", v->slen);
		return;
	case J_OBJ:
	case J_ARR:
		break;
	}
	bool obj = v->kind == J_OBJ;
	if (!v->first) {
		hest_buf_printf(o, obj ? "{}" : "[]");
		return;
	}
	hest_buf_printf(o, obj ? "{\n" : "[\n");
	for (const struct jv *m = v->first; m; m = m->next) {
		hest_buf_printf(o, "%*s", (int)(2 * (depth + 1)), "");
		if (obj) {
			hest_buf_json_cstr(o, m->key);
			hest_buf_printf(o, ": ");
		}
		jv_print(o, m, depth + 1);
		hest_buf_printf(o, m->next ? ",\n" : "\n");
	}
	hest_buf_printf(o, "%*s%s", (int)(2 * depth), "", obj ? "}" : "]");
}

/* --- values ------------------------------------------------------------------ */

static unsigned bcd(uint8_t v)
{
	return (unsigned)(v >> 4) * 10u + (v & 0xfu);
}

static uint64_t range_of(const struct hest_lc_row *r, uint64_t v)
{
	if (!r->width)
		return v;
	v >>= r->shift;
	return r->width >= 64 ? v : v & (((uint64_t)1 << r->width) - 1);
}

static bool field_valid(const struct hest_cper_image *im, const struct hest_cper_field *f)
{
	if (f->valid_bit < 0 || !im->desc->valid_size)
		return true;
	uint64_t vb = 0;
	for (unsigned i = 0; i < im->desc->valid_size; i++)
		vb |= (uint64_t)im->bytes[im->desc->valid_offset + i] << (8 * i);
	return (vb >> f->valid_bit) & 1;
}

/* A hex spelling: "0x%016llX" unless the row gives its format (one
 * unsigned 64-bit argument, the libcper printf of that key). */
static void hex(char *buf, size_t size, const char *fmt, uint64_t v)
{
	if (!fmt)
		snprintf(buf, size, "0x%016" PRIX64, v);
	else if (strcmp(fmt, "%0X") == 0)
		snprintf(buf, size, "%" PRIX64, v);
	else if (strcmp(fmt, "%08X") == 0)
		snprintf(buf, size, "%08" PRIX64, v);
	else
		snprintf(buf, size, "0x%016" PRIX64, v);
}

static const char *name_or(const struct hest_names *names, uint64_t v, const char *unknown)
{
	for (size_t i = 0; names && i < names->n; i++)
		if (names->v[i].value == v)
			return names->v[i].name;
	return unknown ? unknown : "Unknown";
}

static void put_image(struct jctx *c, struct jv *obj, const struct hest_cper_image *im,
		      const struct hest_cper_section *s, const char *readable);

/* A list of the section's repeated structures of table `key` (the kind's
 * error information or context structures), one object each. */
static void put_array(struct jctx *c, struct jv *obj, const struct hest_lc_row *r, const struct hest_cper_section *s)
{
	const struct hest_cper_image *v = NULL;
	size_t n = 0;
	if (s && s->type->info && strcmp(s->type->info->key, r->field) == 0) {
		v = s->info;
		n = s->ninfo;
	} else if (s && s->type->ctx && strcmp(s->type->ctx->key, r->field) == 0) {
		v = s->ctx;
		n = s->nctx;
	}
	struct jv *arr = jv_at(c, obj, r->path, J_ARR);
	for (size_t i = 0; arr && i < n; i++) {
		struct jv *e = jv_new(c, arr, NULL, 0, J_OBJ);
		if (e)
			put_image(c, e, &v[i], s, NULL);
	}
}

/* An NVP's description (integer_to_readable_pair_with_desc): the label of its name. */
static const char *desc_of(const struct hest_names *names, uint64_t v)
{
	for (size_t i = 0; names && i < names->n; i++)
		if (names->v[i].value == v)
			return names->v[i].label;
	return NULL;
}

static uint64_t bits_at(const uint8_t *p, size_t avail, unsigned shift, unsigned width)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < width && i < 64; i++) {
		unsigned bit = shift + i;
		if (bit / 8 < avail && (p[bit / 8] >> (bit % 8) & 1))
			v |= (uint64_t)1 << i;
	}
	return v;
}

/* Adds one row's value for image im to obj; cond: the in-place variant the
 * row is of (NULL: one of the structure's own rows). */
static void put_row(struct jctx *c, struct jv *obj, const struct hest_lc_row *r, const struct hest_lc_variant *cond,
		    const struct hest_cper_image *im, const struct hest_cper_section *s, const char *readable)
{
	if (r->flags & HEST_LC_READ_ONLY)
		return; /* another generation's spelling */
	if (r->form == HEST_LC_ARRAY) {
		put_array(c, obj, r, s);
		return;
	}
	if (r->form == HEST_LC_EXTRA) {
		struct hest_buf b64;
		hest_buf_init(&b64);
		uint32_t fixed = im->desc->size < im->len ? im->desc->size : im->len;
		if (!hest_buf_base64(&b64, im->bytes + fixed, im->len - fixed) || b64.oom)
			c->oom = true;
		else
			jv_str(c, jv_at(c, obj, r->path, J_STR), b64.p ? (const char *)b64.p : "", b64.len);
		hest_buf_free(&b64);
		return;
	}
	const struct hest_cper_field *f;
	int var = hest_lc_row_target(r, s, im, &f); /* a variable part, HEST_CPER_MAX_VAR: the trailing bytes */
	if (var == -2)
		return; /* a row for a field the table does not have: nothing to write */
	if (cond && !hest_lc_variant_applies(cond, im->desc, im->bytes, im->len)) {
		jv_parents(c, obj, r->path); /* libcper makes the object, then fills it by condition */
		return;
	}
	if (f && (r->flags & HEST_LC_IF_VALID) && !field_valid(im, f))
		return;
	if (var == HEST_CPER_MAX_VAR && (r->flags & HEST_LC_IF_VALID) && !s->taillen)
		return; /* trailing bytes (ARM vendor data): written when there are some */
	const uint8_t *p = f ? im->bytes + f->offset : NULL;
	uint64_t v = f && hest_cper_field_is_int(f) ? range_of(r, hest_cper_field_get(f, im->bytes)) : 0;
	if (hest_lc_over_bytes(r, f))
		v = bits_at(p, im->len - f->offset, r->shift, r->width);
	struct jv *x;
	char buf[48];
	switch ((enum hest_lc_form)r->form) {
	case HEST_LC_INT:
		if ((x = jv_at(c, obj, r->path, J_INT)) != NULL)
			x->i = v;
		break;
	case HEST_LC_INT32:
		if ((x = jv_at(c, obj, r->path, J_SINT)) != NULL)
			x->i = (uint64_t)(int64_t)(int32_t)(uint32_t)v;
		break;
	case HEST_LC_HEX:
		hex(buf, sizeof(buf), r->unknown, v);
		jv_str(c, jv_at(c, obj, r->path, J_STR), buf, strlen(buf));
		break;
	case HEST_LC_BCD:
		if ((x = jv_at(c, obj, r->path, J_INT)) != NULL)
			x->i = bcd((uint8_t)v);
		break;
	case HEST_LC_BE:
		if ((x = jv_at(c, obj, r->path, J_INT)) != NULL)
			for (unsigned i = 0; i < f->size; i++)
				x->i = x->i << 8 | p[i];
		break;
	case HEST_LC_BYTES_INT: {
		uint64_t w = 0;
		for (unsigned i = r->width; i-- > 0;)
			w = w << 8 | (r->shift + i < f->size ? p[r->shift + i] : 0);
		if (r->unknown) {
			hex(buf, sizeof(buf), r->unknown, w);
			jv_str(c, jv_at(c, obj, r->path, J_STR), buf, strlen(buf));
		} else if ((x = jv_at(c, obj, r->path, J_INT)) != NULL) {
			x->i = w;
		}
		break;
	}
	case HEST_LC_BOOL:
		if ((x = jv_at(c, obj, r->path, J_BOOL)) != NULL)
			x->i = v & 1;
		break;
	case HEST_LC_NAME: {
		const char *name = name_or(r->names, v, r->unknown);
		jv_str(c, jv_at(c, obj, r->path, J_STR), name, strlen(name));
		break;
	}
	case HEST_LC_ARRAY:
	case HEST_LC_EXTRA:
		break; /* above */
	case HEST_LC_STATE:
		jv_str(c, jv_at(c, obj, r->path, J_STR), v & 1 ? "Uncorrected" : "Corrected",
		       v & 1 ? 11 : 9);
		break;
	case HEST_LC_NVP:
	case HEST_LC_SEVERITY:
		if ((x = jv_at(c, obj, r->path, J_OBJ)) != NULL) {
			bool sev = r->form == HEST_LC_SEVERITY;
			const char *name = sev ? hest_lc_severity_name(v) : name_or(r->names, v, r->unknown);
			const char *dsc = sev ? NULL : desc_of(r->names, v);
			struct jv *k = jv_new(c, x, sev ? "code" : "value", sev ? 4 : 5, J_INT);
			if (k)
				k->i = v;
			jv_str(c, jv_new(c, x, "name", 4, J_STR), name, strlen(name));
			if (dsc)
				jv_str(c, jv_new(c, x, "description", 11, J_STR), dsc, strlen(dsc));
		}
		break;
	case HEST_LC_NAMED: {
		const char *name = name_or(r->names, v, r->unknown);
		jv_str(c, jv_at(c, obj, r->path, J_STR), name, strlen(name));
		break;
	}
	case HEST_LC_BITS:
		if ((x = jv_at(c, obj, r->path, J_OBJ)) != NULL)
			for (size_t i = 0; r->names && i < r->names->n; i++) {
				struct jv *k = jv_new(c, x, r->names->v[i].name, strlen(r->names->v[i].name), J_BOOL);
				if (k)
					k->i = (v >> i) & 1;
			}
		break;
	case HEST_LC_REVISION:
		if ((x = jv_at(c, obj, r->path, J_OBJ)) != NULL) {
			struct jv *k = jv_new(c, x, "major", 5, J_INT);
			if (k)
				k->i = v >> 8;
			if ((k = jv_new(c, x, "minor", 5, J_INT)) != NULL)
				k->i = v & 0xff;
		}
		break;
	case HEST_LC_GUID: {
		char g[37];
		hest_guid_format(p, g);
		jv_str(c, jv_at(c, obj, r->path, J_STR), g, 36);
		break;
	}
	case HEST_LC_GUID_NAME: {
		const char *name = readable;
		if (!name) {
			name = r->unknown ? r->unknown : "Unknown";
			const char *ours = hest_cper_guid_name_of(f->guids, p);
			for (size_t i = 0; ours && r->names && i < r->names->n; i++)
				if (r->names->v[i].label && strcmp(r->names->v[i].label, ours) == 0)
					name = r->names->v[i].name;
		}
		jv_str(c, jv_at(c, obj, r->path, J_STR), name, strlen(name));
		break;
	}
	case HEST_LC_TEXT: {
		size_t n = 0;
		while (n < f->size && p[n] >= 0x20 && p[n] < 0x7f)
			n++;
		if (n < f->size && p[n] != 0)
			break; /* libcper add_untrusted_string(): not printable, not written */
		jv_str(c, jv_at(c, obj, r->path, J_STR), (const char *)p, n);
		break;
	}
	case HEST_LC_TIMESTAMP: {
		/* bytes: seconds, minutes, hours, flags, day, month, year, century */
		snprintf(buf, sizeof(buf), "%02u%02u-%02u-%02uT%02u:%02u:%02u+00:00", bcd(p[7]) % 100,
			 bcd(p[6]) % 100, bcd(p[5]) % 100, bcd(p[4]) % 100, bcd(p[2]) % 100, bcd(p[1]) % 100,
			 bcd(p[0]) % 100);
		jv_str(c, jv_at(c, obj, r->path, J_STR), buf, strlen(buf));
		break;
	}
	case HEST_LC_BANK:
		if ((x = jv_at(c, obj, r->path, J_OBJ)) != NULL) {
			struct jv *k;
			if (field_valid(im, f)) {
				if ((k = jv_new(c, x, "value", 5, J_INT)) != NULL)
					k->i = v;
			} else {
				if ((k = jv_new(c, x, "address", 7, J_INT)) != NULL)
					k->i = v & 0xff;
				if ((k = jv_new(c, x, "group", 5, J_INT)) != NULL)
					k->i = v >> 8;
			}
		}
		break;
	case HEST_LC_BASE64: {
		struct hest_buf b64;
		hest_buf_init(&b64);
		const uint8_t *bp = f ? p : var == HEST_CPER_MAX_VAR ? s->tail : var >= 0 ? s->var[var] : NULL;
		size_t bn = f ? f->size : var == HEST_CPER_MAX_VAR ? s->taillen : var >= 0 ? s->varlen[var] : 0;
		if (!bp)
			bp = (const uint8_t *)"";
		if (!f && var < 0 && s) {
			/* the section's bytes from byte `shift`, as many as its own length field
			 * (libcper: length - header) or the descriptor says */
			uint64_t start = (uint64_t)(s->type->kind == HEST_CPER_RAW ? s->tail_at : s->body.at) + r->shift;
			uint64_t total = 0;
			if (!hest_cper_bits_get(&s->type->length, im->bytes, &total))
				hest_cper_get(&s->header, "section_length", &total);
			uint64_t count = total > r->shift ? total - r->shift : 0;
			if (start > c->reclen)
				count = 0;
			else if (count > c->reclen - start)
				count = c->reclen - start;
			bp = count ? c->rec + start : bp;
			bn = (size_t)count;
		}
		if (!hest_buf_base64(&b64, bp, bn) || b64.oom)
			c->oom = true;
		else
			jv_str(c, jv_at(c, obj, r->path, J_STR), b64.p ? (const char *)b64.p : "", b64.len);
		hest_buf_free(&b64);
		break;
	}
	}
}

/* The rows of desc key `key` for image im, with those of its in-place
 * variants in their place. */
static void put_rows(struct jctx *c, struct jv *obj, const char *key, const struct hest_cper_image *im,
		     const struct hest_cper_section *s, const char *readable)
{
	size_t n;
	const struct hest_lc_row *rows = hest_lc_rows(&n);
	for (size_t i = 0; i < n; i++) {
		const struct hest_lc_variant *cond = NULL;
		if (strcmp(rows[i].desc, key) == 0 || (cond = hest_lc_in_place_of(&rows[i], key)) != NULL)
			put_row(c, obj, &rows[i], cond, im, s, readable);
	}
}

/* The rows of the structure (with its in-place variants'), then those of
 * its other variants that apply (a part decoded by type: written when the
 * image holds the whole part). */
static void put_image(struct jctx *c, struct jv *obj, const struct hest_cper_image *im,
		      const struct hest_cper_section *s, const char *readable)
{
	size_t nv;
	const struct hest_lc_variant *vs = hest_lc_variants(&nv);
	put_rows(c, obj, im->desc->key, im, s, readable);
	for (size_t i = 0; i < nv; i++) {
		const struct hest_lc_variant *v = &vs[i];
		if (v->in_place || !hest_lc_variant_applies(v, im->desc, im->bytes, im->len))
			continue;
		struct hest_cper_image part = *im;
		if (v->view) {
			if ((uint32_t)v->at + v->view->size > im->len) {
				/* not all there: libcper's form has no place for a part of it */
				if (!c->short_im) {
					c->short_im = im;
					c->short_v = v;
				}
				continue;
			}
			part.desc = v->view;
			part.bytes = im->bytes + v->at;
			part.len = v->view->size;
			part.given = 0;
		}
		put_rows(c, obj, v->key, &part, s, readable);
	}
}

/* --- the record a status block becomes ----------------------------------------- */

static int copy_image(struct hest_cper_image *to, const struct hest_cper_image *from)
{
	if (to->desc != from->desc || to->len != from->len)
		return -1;
	memcpy(to->bytes, from->bytes, from->len);
	to->given = from->given;
	return 0;
}

static struct hest_loc at_offset(const char *file, uint64_t off)
{
	struct hest_loc l = { file, 0, 0, true, off };
	return l;
}

#define ERR(d, file, off, ...) hest_diag_add(d, HEST_SEV_ERROR, NULL, at_offset(file, off), __VA_ARGS__)

/* Whether an entry before i (revision >= 0x300) had a valid timestamp. */
static bool ts_seen(const struct hest_cper_block *b, size_t i)
{
	for (size_t k = 0; k < i; k++) {
		uint64_t vb = 0, rev = 0;
		hest_cper_get(&b->sec[k].header, "validation_bits", &vb);
		hest_cper_get(&b->sec[k].header, "revision", &rev);
		if (rev >= HEST_CPER_ENTRY_REVISION && (vb & 4))
			return true;
	}
	return false;
}

static int record_of_block(const struct hest_cper_block *b, struct hest_cper_block *rec, const char *file,
			   struct hest_diags *d)
{
	if (hest_cper_block_init(rec, HEST_CPER_RECORD) < 0)
		return -1;
	uint64_t sev = 0, ts = 0;
	bool have_ts = false;
	hest_cper_get(&b->head, "severity", &sev);
	hest_cper_set(&rec->head, "severity", sev);
	/* the entries' timestamp becomes the record's: one for all of them */
	bool any = ts_seen(b, b->nsec);
	for (size_t i = 0; any && i < b->nsec; i++) {
		const struct hest_cper_section *s = &b->sec[i];
		uint64_t vb = 0, rev = 0, t = 0;
		hest_cper_get(&s->header, "validation_bits", &vb);
		hest_cper_get(&s->header, "revision", &rev);
		if (rev < HEST_CPER_ENTRY_REVISION)
			continue;
		hest_cper_get(&s->header, "timestamp", &t);
		if (!(vb & 4) || (have_ts && t != ts)) {
			ERR(d, file, s->header.at,
			    "libcper's JSON has no form for a Generic Error Status Block, and the record that "
			    "carries its sections has one timestamp: data entry #%zu %s", i,
			    (vb & 4) ? "has a timestamp that differs from an earlier entry's"
				     : "has no valid timestamp while another entry has one");
			return -1;
		}
		ts = t;
		have_ts = true;
	}
	if (have_ts)
		hest_cper_set(&rec->head, "timestamp", ts);
	if (b->rawlen) {
		ERR(d, file, b->raw_at,
		    "libcper's JSON has no form for a Generic Error Status Block: its record form cannot carry "
		    "the block's %" PRIu32 " bytes of raw data", b->rawlen);
		return -1;
	}
	for (size_t i = 0; i < b->nsec; i++) {
		const struct hest_cper_section *s = &b->sec[i];
		uint64_t vb = 0, v;
		hest_cper_get(&s->header, "validation_bits", &vb);
		if (vb & ~(uint64_t)7) {
			ERR(d, file, s->header.at,
			    "libcper's JSON has no form for a Generic Error Status Block: its record form cannot "
			    "carry validation bits 0x%" PRIx64 " of data entry #%zu", vb, i);
			return -1;
		}
		struct hest_cper_section *t = hest_cper_add_section(rec, s->type->kind);
		if (!t)
			return -1;
		size_t len;
		const uint8_t *g = hest_cper_get_bytes(&s->header, "section_type", &len);
		hest_cper_set(&t->header, "validation_bits", vb & 3);
		hest_cper_get(&s->header, "revision", &v);
		hest_cper_set(&t->header, "revision", v);
		hest_cper_set_bytes(&t->header, "section_type", g, 16);
		hest_cper_get(&s->header, "flags", &v);
		hest_cper_set(&t->header, "flags", v);
		hest_cper_get(&s->header, "severity", &v);
		hest_cper_set(&t->header, "severity", v);
		g = hest_cper_get_bytes(&s->header, "fru_id", &len);
		hest_cper_set_bytes(&t->header, "fru_id", g, 16);
		g = hest_cper_get_bytes(&s->header, "fru_text", &len);
		hest_cper_set_bytes(&t->header, "fru_text", g, len);
		if (copy_image(&t->body, &s->body) < 0)
			return -1;
		for (size_t k = 0; k < s->ninfo; k++) {
			struct hest_cper_image *im = hest_cper_add_info(t);
			if (!im || copy_image(im, &s->info[k]) < 0)
				return -1;
		}
		for (size_t k = 0; k < s->nctx; k++) {
			struct hest_cper_image *im = hest_cper_add_context(t, s->ctx[k].bytes + s->ctx[k].desc->size,
									    s->ctx[k].len - s->ctx[k].desc->size);
			if (!im || copy_image(im, &s->ctx[k]) < 0)
				return -1;
		}
		for (unsigned vi = 0; vi < HEST_CPER_MAX_VAR; vi++)
			if (s->varlen[vi] && hest_cper_set_var(t, vi, s->var[vi], s->varlen[vi]) < 0)
				return -1;
		if (s->taillen && hest_cper_set_tail(t, s->tail, s->taillen) < 0)
			return -1;
	}
	return 0;
}

static int first_diff(const struct hest_buf *a, const struct hest_buf *b, size_t *at)
{
	size_t n = a->len < b->len ? a->len : b->len;
	for (size_t i = 0; i < n; i++)
		if (a->p[i] != b->p[i]) {
			*at = i;
			return 1;
		}
	*at = n;
	return a->len != b->len;
}

int hest_cper_libcper_to_block(const struct hest_cper_block *rec, struct hest_cper_block *blk, const char *file,
			       struct hest_diags *d)
{
	uint64_t sev = 0, ts = 0, hvb = 0, v;
	size_t len;
	if (hest_cper_block_init(blk, HEST_CPER_STATUS_BLOCK) < 0)
		goto oom;
	hest_cper_get(&rec->head, "severity", &sev);
	hest_cper_get(&rec->head, "validation_bits", &hvb);
	hest_cper_get(&rec->head, "timestamp", &ts);
	hest_cper_set(&blk->head, "severity", sev);
	for (size_t i = 0; i < rec->nsec; i++) {
		const struct hest_cper_section *s = &rec->sec[i];
		struct hest_cper_section *t = hest_cper_add_section(blk, s->type->kind);
		uint64_t rev = 0, vb = 0;
		if (!t)
			goto oom;
		t->src_line = s->src_line;
		t->src_col = s->src_col;
		hest_cper_get(&s->header, "revision", &rev);
		hest_cper_get(&s->header, "validation_bits", &vb);
		vb &= 3;
		hest_cper_set(&t->header, "revision", rev);
		if (rev >= HEST_CPER_ENTRY_REVISION && (hvb & 2)) {
			vb |= 4;
			hest_cper_set(&t->header, "timestamp", ts);
		}
		hest_cper_set(&t->header, "validation_bits", vb);
		hest_cper_set_bytes(&t->header, "section_type", hest_cper_get_bytes(&s->header, "section_type", &len), 16);
		hest_cper_get(&s->header, "flags", &v);
		if (v > 0xff) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, s->src_line, s->src_col, false, 0 },
				      "section #%zu: flags 0x%" PRIx64 " do not fit a data entry's 8 bits", i, v);
			return -1;
		}
		hest_cper_set(&t->header, "flags", v);
		hest_cper_get(&s->header, "severity", &v);
		hest_cper_set(&t->header, "severity", v);
		hest_cper_set_bytes(&t->header, "fru_id", hest_cper_get_bytes(&s->header, "fru_id", &len), 16);
		const uint8_t *p = hest_cper_get_bytes(&s->header, "fru_text", &len);
		hest_cper_set_bytes(&t->header, "fru_text", p, len);
		if (copy_image(&t->body, &s->body) < 0)
			goto oom;
		for (size_t k = 0; k < s->ninfo; k++) {
			struct hest_cper_image *im = hest_cper_add_info(t);
			if (!im || copy_image(im, &s->info[k]) < 0)
				goto oom;
		}
		for (size_t k = 0; k < s->nctx; k++) {
			struct hest_cper_image *im = hest_cper_add_context(t, s->ctx[k].bytes + s->ctx[k].desc->size,
									    s->ctx[k].len - s->ctx[k].desc->size);
			if (!im || copy_image(im, &s->ctx[k]) < 0)
				goto oom;
		}
		for (unsigned vi = 0; vi < HEST_CPER_MAX_VAR; vi++)
			if (s->varlen[vi] && hest_cper_set_var(t, vi, s->var[vi], s->varlen[vi]) < 0)
				goto oom;
		if (s->taillen && hest_cper_set_tail(t, s->tail, s->taillen) < 0)
			goto oom;
	}
	/* nothing of the record may be lost: it must be the record of this block */
	struct hest_cper_block again;
	struct hest_buf x, y;
	struct hest_diags tmp;
	size_t at = 0;
	int differs = 1;
	memset(&again, 0, sizeof(again));
	hest_buf_init(&x);
	hest_buf_init(&y);
	hest_diags_init(&tmp);
	if (record_of_block(blk, &again, file, &tmp) == 0 && hest_cper_encode(&again, &x, file, &tmp) == 0 &&
	    hest_cper_encode(rec, &y, file, &tmp) == 0 && !x.oom && !y.oom)
		differs = first_diff(&x, &y, &at);
	hest_cper_block_free(&again);
	hest_buf_free(&x);
	hest_buf_free(&y);
	if (differs) {
		/* name what would be lost: a header field, or a descriptor's */
		const char *what = tmp.n ? tmp.v[0].message : "a section descriptor field";
		char buf[96];
		const struct hest_cper_desc *hd = &hest_cper_desc_record;
		size_t desc_at = at >= HEST_CPER_RECORD_SIZE ? (at - HEST_CPER_RECORD_SIZE) % HEST_CPER_DESCRIPTOR_SIZE : 0;
		if (at >= HEST_CPER_RECORD_SIZE && at < HEST_CPER_RECORD_SIZE + rec->nsec * HEST_CPER_DESCRIPTOR_SIZE)
			hd = &hest_cper_desc_descriptor;
		else if (at >= HEST_CPER_RECORD_SIZE)
			hd = NULL;
		for (size_t k = 0; hd && !tmp.n && k < hd->nfields; k++) {
			size_t off = hd == &hest_cper_desc_record ? at : desc_at;
			if (off >= hd->fields[k].offset && off < (size_t)hd->fields[k].offset + hd->fields[k].size) {
				snprintf(buf, sizeof(buf), "the %s's %s", hd == &hest_cper_desc_record ? "record header" :
					 "section descriptor", hd->fields[k].key);
				what = buf;
				break;
			}
		}
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 },
			      "this record is not one a Generic Error Status Block maps to: its byte 0x%zx (%s) has "
			      "no place in the block (a status block keeps the record's severity, the timestamp "
			      "in its entries, and its sections)", at, what);
		hest_diags_free(&tmp);
		return -1;
	}
	hest_diags_free(&tmp);
	return 0;
oom:
	hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 }, "out of memory");
	return -1;
}

/* --- the record ------------------------------------------------------------------ */

static struct jv *tree_of(struct jctx *c, const struct hest_cper_block *r)
{
	struct jv *root = jv_new(c, NULL, NULL, 0, J_OBJ);
	if (!root)
		return NULL;
	struct jv *h = jv_new(c, root, "header", 6, J_OBJ);
	if (h)
		put_image(c, h, &r->head, NULL, NULL);
	struct jv *ds = jv_new(c, root, "sectionDescriptors", 18, J_ARR);
	struct jv *ss = jv_new(c, root, "sections", 8, J_ARR);
	for (size_t i = 0; ds && ss && i < r->nsec; i++) {
		const struct hest_cper_section *s = &r->sec[i];
		const struct hest_lc_kind *k = hest_lc_kind_of(s->type->kind);
		struct jv *dv = jv_new(c, ds, NULL, 0, J_OBJ);
		if (dv)
			put_image(c, dv, &s->header, s, k ? k->readable : "Unknown");
		struct jv *sv = jv_new(c, ss, NULL, 0, J_OBJ);
		struct jv *body = sv && k ? jv_new(c, sv, k->key, strlen(k->key), J_OBJ) : NULL;
		if (body)
			put_image(c, body, &s->body, s, NULL);
	}
	return root;
}

/* The field of image im that holds byte rel of it (reserved ones last). */
static const char *field_at(const struct hest_cper_image *im, uint32_t rel)
{
	const char *key = rel >= im->desc->size ? "its register data" : "bytes past its fields";
	for (size_t k = 0; rel < im->desc->size && k < im->desc->nfields; k++) {
		const struct hest_cper_field *f = &im->desc->fields[k];
		if (rel >= f->offset && rel < (uint32_t)f->offset + f->size && f->kind != HEST_CF_RESERVED)
			return f->key;
		if (rel >= f->offset && rel < (uint32_t)f->offset + f->size)
			key = f->key;
	}
	return key;
}

/* Where a decoded section's bytes begin (an opaque section's body is its
 * trailing bytes) and end: its fixed part, structures and trailing bytes. */
static uint32_t section_start(const struct hest_cper_section *s)
{
	return s->body.len || !s->taillen ? s->body.at : s->tail_at;
}

static uint32_t section_end(const struct hest_cper_section *s)
{
	uint32_t end = section_start(s) + (s->body.len ? s->body.len : 1) + s->taillen;
	for (size_t k = 0; k < s->ninfo; k++)
		if (s->info[k].at + s->info[k].len > end)
			end = s->info[k].at + s->info[k].len;
	for (size_t k = 0; k < s->nctx; k++)
		if (s->ctx[k].at + s->ctx[k].len > end)
			end = s->ctx[k].at + s->ctx[k].len;
	if (s->taillen && s->tail_at + s->taillen > end)
		end = s->tail_at + s->taillen;
	return end;
}

/* The first structure of the record that holds byte `off`, for the error. */
static void where_is(const struct hest_cper_block *r, uint32_t off, char *buf, size_t size)
{
	snprintf(buf, size, "the record header");
	for (size_t i = 0; i < r->nsec; i++) {
		const struct hest_cper_section *s = &r->sec[i];
		for (unsigned v = 0; v < HEST_CPER_MAX_VAR; v++)
			if (s->varlen[v] && off >= s->var_at[v] && off < s->var_at[v] + s->varlen[v]) {
				snprintf(buf, size, "section #%zu (%s), byte %" PRIu32 " of its %s", i, s->type->key,
					 off - s->var_at[v], s->type->var[v].key);
				return;
			}
		if (off >= s->header.at && off < s->header.at + s->header.len)
			snprintf(buf, size, "the section descriptor of section #%zu (%s)", i, s->type->key);
		else if (off >= section_start(s) && off < section_end(s)) {
			uint32_t rel = off - section_start(s);
			const char *key = "bytes past its fields";
			for (size_t k = 0; k < s->body.desc->nfields; k++) {
				const struct hest_cper_field *f = &s->body.desc->fields[k];
				if (rel >= f->offset && rel < (uint32_t)f->offset + f->size && f->kind != HEST_CF_RESERVED) {
					key = f->key;
					break;
				}
				if (rel >= f->offset && rel < (uint32_t)f->offset + f->size)
					key = f->key;
			}
			snprintf(buf, size, "section #%zu (%s), byte %" PRIu32 " of the section: %s", i, s->type->key,
				 rel, key);
			/* the repeated structures: the item and its field */
			for (size_t k = 0; k < s->ninfo; k++)
				if (off >= s->info[k].at && off < s->info[k].at + s->info[k].len)
					snprintf(buf, size, "section #%zu (%s), byte %" PRIu32 " of the section: %s #%zu, %s",
						 i, s->type->key, rel, s->info[k].desc->key, k,
						 field_at(&s->info[k], off - s->info[k].at));
			for (size_t k = 0; k < s->nctx; k++)
				if (off >= s->ctx[k].at && off < s->ctx[k].at + s->ctx[k].len)
					snprintf(buf, size, "section #%zu (%s), byte %" PRIu32 " of the section: %s #%zu, %s",
						 i, s->type->key, rel, s->ctx[k].desc->key, k,
						 field_at(&s->ctx[k], off - s->ctx[k].at));
			if (s->taillen && off >= s->tail_at && off < s->tail_at + s->taillen)
				snprintf(buf, size, "section #%zu (%s), byte %" PRIu32 " of the section: %s", i,
					 s->type->key, rel, s->type->tail_key ? s->type->tail_key : "trailing bytes");
		}
	}
}

int hest_cper_format_libcper(const struct hest_cper_block *b, struct hest_buf *out, const char *file,
			     struct hest_diags *d)
{
	struct hest_cper_block rec, dec, back;
	struct hest_buf bytes, text, again;
	struct hest_diags tmp;
	struct jctx c = { false, NULL, NULL, NULL, 0 };
	struct jv *tree = NULL;
	int rc = -1;
	memset(&rec, 0, sizeof(rec));
	memset(&dec, 0, sizeof(dec));
	memset(&back, 0, sizeof(back));
	hest_buf_init(&bytes);
	hest_buf_init(&text);
	hest_buf_init(&again);
	hest_diags_init(&tmp);
	const struct hest_cper_block *r = b;
	if (b->form == HEST_CPER_STATUS_BLOCK) {
		if (record_of_block(b, &rec, file, d) < 0) {
			if (!d->errors)
				ERR(d, file, 0, "out of memory");
			goto done;
		}
		r = &rec;
	}
	for (size_t i = 0; i < r->nsec; i++) {
		const struct hest_cper_section *s = &r->sec[i];
		if (!hest_lc_kind_of(s->type->kind)) {
			char list[512] = "";
			size_t nk;
			const struct hest_lc_kind *kinds = hest_lc_kinds(&nk);
			for (size_t j = 0; j < nk; j++)
				if (kinds[j].kind != HEST_CPER_RAW)
					snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s, ",
						 hest_cper_type_of(kinds[j].kind)->key);
			ERR(d, file, b->sec[i].header.at,
			    "section #%zu: hestc does not write libcper's JSON of %s sections yet (libcper's "
			    "form: %sand other GUIDs as Unknown)", i, s->type->title, list);
			goto done;
		}
		if (s->type->kind == HEST_CPER_RAW) {
			size_t len;
			const uint8_t *g = hest_cper_get_bytes(&s->header, "section_type", &len);
			const struct hest_cper_field *tf = hest_cper_field_find(s->header.desc, "section_type", 12);
			const char *name = g && tf ? hest_cper_guid_name_of(tf->guids, g) : NULL;
			/* a GUID libcper writes as Unknown itself (FRU memory poison) is fine as bytes */
			const struct hest_cper_type *gt = g ? hest_cper_type_by_guid(g) : NULL;
			const struct hest_lc_kind *gk = gt ? hest_lc_kind_of(gt->kind) : NULL;
			const struct hest_lc_kind *rk = hest_lc_kind_of(HEST_CPER_RAW);
			if (gk && rk && strcmp(gk->key, rk->key) == 0)
				name = NULL;
			if (name) {
				ERR(d, file, b->sec[i].header.at,
				    "section #%zu: a %s section held as raw bytes: libcper decodes that GUID itself, "
				    "and hestc does not write its libcper form yet", i, name);
				goto done;
			}
		}
	}
	if (hest_cper_encode(r, &bytes, file, d) < 0 || bytes.oom)
		goto done;
	if (hest_cper_decode(&dec, bytes.p, bytes.len, HEST_CPER_RECORD, file, &tmp) < 0 || tmp.errors) {
		ERR(d, file, 0, "the record does not decode again, so libcper could not read it either");
		goto done;
	}
	c.rec = bytes.p;
	c.reclen = bytes.len;
	tree = tree_of(&c, &dec);
	if (c.oom || !tree)
		goto oom;
	if (c.short_im) {
		const struct hest_cper_image *im = c.short_im;
		ERR(d, file, im->at,
		    "libcper's JSON cannot carry this %s exactly: the %s at byte 0x%" PRIx32 " of the record has %" PRIu32
		    " bytes of %s where libcper decodes %u (%s)", b->form == HEST_CPER_STATUS_BLOCK ? "block" : "record",
		    im->desc->key, im->at, im->len > c.short_v->at ? im->len - c.short_v->at : 0,
		    c.short_v->at >= im->desc->size ? "register data" : "bytes", (unsigned)c.short_v->view->size,
		    c.short_v->view->title);
		goto done;
	}
	jv_print(&text, tree, 0);
	hest_buf_append(&text, "\n", 1);
	if (text.oom)
		goto oom;
	/* read back: what libcper's form did not carry is an error */
	hest_diags_free(&tmp);
	hest_diags_init(&tmp);
	if (hest_cper_libcper_parse(&back, file, text.p, text.len, &tmp) < 0 ||
	    hest_cper_encode(&back, &again, file, &tmp) < 0 || again.oom) {
		ERR(d, file, 0, "libcper's JSON cannot carry this %s exactly: what it says does not read back (%s)",
		    b->form == HEST_CPER_STATUS_BLOCK ? "block" : "record", tmp.n ? tmp.v[0].message : "no diagnostic");
		goto done;
	}
	size_t n = again.len < bytes.len ? again.len : bytes.len, at = n;
	for (size_t i = 0; i < n; i++)
		if (again.p[i] != bytes.p[i]) {
			at = i;
			break;
		}
	if (at < n || again.len != bytes.len) {
		char where[128];
		where_is(&dec, (uint32_t)at, where, sizeof(where));
		ERR(d, file, at,
		    "libcper's JSON cannot carry this %s exactly: byte 0x%zx of the record (in %s) is 0x%02x, "
		    "and reads back as 0x%02x (a reserved bit, a value without a validation bit, or a field "
		    "libcper does not write)",
		    b->form == HEST_CPER_STATUS_BLOCK ? "block" : "record", at, where,
		    at < bytes.len ? bytes.p[at] : 0, at < again.len ? again.p[at] : 0);
		goto done;
	}
	if (b->form == HEST_CPER_STATUS_BLOCK) {
		/* and the block itself comes back from the record */
		struct hest_cper_block blk;
		struct hest_buf want, got;
		memset(&blk, 0, sizeof(blk));
		hest_buf_init(&want);
		hest_buf_init(&got);
		hest_diags_free(&tmp);
		hest_diags_init(&tmp);
		int ok = hest_cper_libcper_to_block(&back, &blk, file, &tmp) == 0 &&
			 hest_cper_encode(&blk, &got, file, &tmp) == 0 && hest_cper_encode(b, &want, file, &tmp) == 0;
		size_t bat = 0;
		if (ok && first_diff(&want, &got, &bat))
			ok = 0;
		hest_cper_block_free(&blk);
		hest_buf_free(&want);
		hest_buf_free(&got);
		if (!ok) {
			ERR(d, file, bat,
			    "libcper's JSON has no form for a Generic Error Status Block, and the record that carries "
			    "this block's sections does not give it back: byte 0x%zx of the block is lost%s%s", bat,
			    tmp.n ? ": " : "", tmp.n ? tmp.v[0].message : "");
			goto done;
		}
	}
	if (!hest_buf_append(out, text.p, text.len))
		goto oom;
	rc = 0;
	goto done;
oom:
	ERR(d, file, 0, "out of memory");
done:
	jv_free(tree);
	hest_cper_block_free(&rec);
	hest_cper_block_free(&dec);
	hest_cper_block_free(&back);
	hest_buf_free(&bytes);
	hest_buf_free(&text);
	hest_buf_free(&again);
	hest_diags_free(&tmp);
	return rc;
}

/* CPER block/record -> the description `hestc cper` reads (YAML or JSON),
 * driven by the descriptor tables.  The description is as short as an exact
 * one can be: a field is written when its bytes differ from what `hestc cper`
 * would put there without it (its table default; lengths, counts, GUIDs,
 * validation bits and severities as encoding computes them), or when the
 * structure marks it valid.  Every description is checked before it is
 * returned: read back, encoded and compared with the block's own encoding;
 * a field whose value did not come back is then written explicitly. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>

/* --- a writer of nested maps and lists, as YAML (block style) or JSON ----- */

#define W_DEPTH 16

struct w {
	struct hest_buf *o;
	bool json;
	bool compact;             /* JSON on one line */
	unsigned depth;           /* open containers */
	bool list[W_DEPTH];       /* container at each depth is a list */
	bool empty[W_DEPTH];      /* nothing written in it yet */
	bool dash;                /* YAML: a list item's "- " is written, its first key goes on the same line */
};

static void w_indent(struct w *w, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		hest_buf_append(w->o, "  ", 2);
}

/* Before a member (key != NULL) or a list element of the innermost container. */
static void w_member(struct w *w, const char *key)
{
	unsigned d = w->depth;
	if (w->json) {
		if (!d)
			return;
		if (!w->empty[d - 1])
			hest_buf_append(w->o, ",", 1);
		if (!w->compact) {
			hest_buf_append(w->o, "\n", 1);
			w_indent(w, d);
		}
		if (key)
			hest_buf_printf(w->o, w->compact ? "\"%s\":" : "\"%s\": ", key);
	} else if (key) {
		if (w->dash)
			w->dash = false;
		else
			w_indent(w, d ? d - 1 : 0);
		hest_buf_printf(w->o, "%s:", key);
	}
	if (d)
		w->empty[d - 1] = false;
}

static void w_open(struct w *w, const char *key, bool list)
{
	if (w->depth || w->json)
		w_member(w, key);
	if (w->json)
		hest_buf_append(w->o, list ? "[" : "{", 1);
	else if (key)
		hest_buf_append(w->o, "\n", 1);
	if (w->depth < W_DEPTH) {
		w->list[w->depth] = list;
		w->empty[w->depth] = true;
	}
	w->depth++;
}

/* A list element that is a mapping. */
static void w_open_item(struct w *w)
{
	if (w->json) {
		w_open(w, NULL, false);
		return;
	}
	w_indent(w, w->depth - 1);
	hest_buf_append(w->o, "- ", 2);
	w->empty[w->depth - 1] = false;
	w->list[w->depth] = false;
	w->empty[w->depth] = true;
	w->depth++;
	w->dash = true;
}

static void w_close(struct w *w)
{
	w->depth--;
	bool list = w->list[w->depth], empty = w->empty[w->depth];
	if (w->json) {
		if (!empty && !w->compact) {
			hest_buf_append(w->o, "\n", 1);
			w_indent(w, w->depth);
		}
		hest_buf_append(w->o, list ? "]" : "}", 1);
	} else if (empty) {
		/* YAML: an empty container written after its key */
		if (w->dash) {
			hest_buf_append(w->o, "{}\n", 3);
			w->dash = false;
		} else {
			w->o->len--; /* the newline after "key:" */
			hest_buf_append(w->o, list ? " []\n" : " {}\n", 4);
		}
	}
}

/* key: value, the value already spelled for the output (number, name,
 * quoted string, flow list). */
static void w_value(struct w *w, const char *key, const char *text)
{
	w_member(w, key);
	hest_buf_printf(w->o, w->json ? "%s" : " %s\n", text);
}

/* --- values ---------------------------------------------------------------- */

#define JSON_EXACT (UINT64_C(1) << 53)

static void spell_int(const struct w *w, const struct hest_cper_field *f, uint64_t v, char *buf, size_t size)
{
	if (w->json)
		snprintf(buf, size, v < JSON_EXACT ? "%" PRIu64 : "\"0x%" PRIx64 "\"", v);
	else
		snprintf(buf, size, f && (f->attr & HEST_CA_DEC) ? "%" PRIu64 : "0x%" PRIx64, v);
}

/* A name as YAML plain scalar or JSON string. */
static void spell_name(const struct w *w, const char *name, char *buf, size_t size)
{
	snprintf(buf, size, w->json ? "\"%s\"" : "%s", name);
}

static void put_hex(struct w *w, const char *key, const uint8_t *p, size_t n)
{
	w_member(w, key);
	hest_buf_append(w->o, w->json ? "\"" : " \"", w->json ? 1 : 2);
	for (size_t i = 0; i < n; i++)
		hest_buf_printf(w->o, "%s%02x", i ? " " : "", p[i]);
	hest_buf_append(w->o, w->json ? "\"" : "\"\n", w->json ? 1 : 2);
}

/* A flag set as a list of names when every set bit has one, else NULL. */
static bool spell_flags(const struct w *w, const struct hest_cper_field *f, const struct hest_cper_desc *d,
			const struct hest_cper_type *t, uint64_t v, struct hest_buf *b)
{
	hest_buf_append(b, "[", 1);
	bool any = false;
	for (unsigned bit = 0; bit < 64; bit++) {
		if (!(v >> bit & 1))
			continue;
		const char *name = f->attr & HEST_CA_VALIDATION ? hest_cper_valid_bit_name(d, t, bit)
								: hest_name_of(f->names, (uint64_t)1 << bit);
		if (!name)
			return false;
		hest_buf_printf(b, w->json ? "%s\"%s\"" : "%s%s", any ? (w->compact ? "," : ", ") : "", name);
		any = true;
	}
	hest_buf_append(b, "]", 1);
	return !b->oom;
}

static unsigned bcd(uint8_t v)
{
	return (v >> 4) * 10u + (v & 15u);
}

static bool is_bcd(uint8_t v)
{
	return (v >> 4) < 10 && (v & 15) < 10;
}

/* "YYYY-MM-DD hh:mm:ss[ precise]" when `hestc cper` reads it back to v. */
static bool spell_timestamp(uint64_t v, char *buf, size_t size)
{
	uint8_t t[8];
	hest_put_le(t, 8, v);
	for (int i = 0; i < 8; i++)
		if (i != 3 && !is_bcd(t[i]))
			return false;
	unsigned s = bcd(t[0]), mi = bcd(t[1]), h = bcd(t[2]), d = bcd(t[4]), mo = bcd(t[5]);
	if (t[3] > 1 || s > 59 || mi > 59 || h > 23 || d < 1 || d > 31 || mo < 1 || mo > 12)
		return false;
	snprintf(buf, size, "\"%02u%02u-%02u-%02u %02u:%02u:%02u%s\"", bcd(t[7]), bcd(t[6]), mo, d, h, mi, s,
		 t[3] ? " precise" : "");
	return true;
}

/* Text a field holds: printable ASCII up to its NUL padding. */
static bool printable_text(const uint8_t *p, size_t n, size_t *len)
{
	while (n && !p[n - 1])
		n--;
	for (size_t i = 0; i < n; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			return false;
	*len = n;
	return true;
}

static void put_field(struct w *w, const struct hest_cper_image *im, const struct hest_cper_field *f,
		      const struct hest_cper_type *t)
{
	const uint8_t *p = im->bytes + f->offset;
	char buf[64];
	if (f->kind == HEST_CF_GUID) {
		const char *name = hest_cper_guid_name_of(f->guids, p);
		char g[37];
		hest_guid_format(p, g);
		spell_name(w, name ? name : g, buf, sizeof(buf));
		w_value(w, f->key, buf);
		return;
	}
	if (f->kind == HEST_CF_TEXT) {
		size_t n;
		if (!printable_text(p, f->size, &n)) {
			for (n = f->size; n && !p[n - 1]; n--)
				; /* the reader pads with NULs again */
			w_open(w, f->key, false);
			put_hex(w, "hex", p, n);
			w_close(w);
			return;
		}
		w_member(w, f->key);
		if (!w->json)
			hest_buf_append(w->o, " ", 1);
		hest_buf_json_string(w->o, p, n); /* printable ASCII: the same in YAML */
		if (!w->json)
			hest_buf_append(w->o, "\n", 1);
		return;
	}
	if (!hest_cper_field_is_int(f)) {
		put_hex(w, f->key, p, f->size);
		return;
	}
	uint64_t v = hest_cper_field_get(f, im->bytes);
	const char *name = NULL;
	if (f->kind == HEST_CF_ENUM && (name = hest_name_of(f->names, v)) != NULL) {
		spell_name(w, name, buf, sizeof(buf));
		w_value(w, f->key, buf);
		return;
	}
	if (f->kind == HEST_CF_FLAGS) {
		struct hest_buf b;
		hest_buf_init(&b);
		if (spell_flags(w, f, im->desc, t, v, &b) && hest_buf_append(&b, "", 1)) {
			w_value(w, f->key, (const char *)b.p);
			hest_buf_free(&b);
			return;
		}
		hest_buf_free(&b);
	}
	if (strcmp(f->key, "timestamp") == 0 && v && spell_timestamp(v, buf, sizeof(buf))) {
		w_value(w, f->key, buf);
		return;
	}
	spell_int(w, f, v, buf, sizeof(buf));
	w_value(w, f->key, buf);
}

/* --- which fields ----------------------------------------------------------- */

/* Bytes of the image the encoding writes (a data entry before revision
 * 0x300 has no timestamp). */
static uint32_t image_len(const struct hest_cper_image *im)
{
	uint64_t rev = 0;
	if (im->desc == &hest_cper_desc_entry && hest_cper_get(im, "revision", &rev) == 0 &&
	    hest_cper_entry_size((uint16_t)rev) < HEST_CPER_ENTRY_SIZE)
		return HEST_CPER_ENTRY_SIZE_OLD;
	return im->len < im->desc->size ? im->len : im->desc->size;
}

static bool field_in(const struct hest_cper_image *im, const struct hest_cper_field *f)
{
	return (uint32_t)f->offset + f->size <= image_len(im);
}

static uint64_t valid_bits(const struct hest_cper_image *im)
{
	const struct hest_cper_desc *d = im->desc;
	if (!d->valid_size || (uint32_t)d->valid_offset + d->valid_size > im->len)
		return 0;
	return hest_get_le(im->bytes + d->valid_offset, d->valid_size);
}

/* Fields worth a line without verification: those whose bytes differ from
 * the default image's, or that the structure marks valid (non-computed
 * fields only; computed ones are added where the check shows the need). */
static uint64_t wanted(const struct hest_cper_image *im, const struct hest_cper_image *def)
{
	uint64_t m = 0, valid = valid_bits(im);
	for (size_t i = 0; i < im->desc->nfields && i < 64; i++) {
		const struct hest_cper_field *f = &im->desc->fields[i];
		/* computed GUIDs (a section's type) are what the kind sets */
		if (!field_in(im, f) || (f->attr & HEST_CA_VALIDATION) ||
		    ((f->attr & HEST_CA_COMPUTED) && f->kind != HEST_CF_GUID))
			continue;
		bool differs = (uint32_t)f->offset + f->size > def->len ||
			       (hest_cper_field_is_int(f) ? hest_cper_field_get(f, im->bytes) !=
								 hest_cper_field_get(f, def->bytes)
							  : memcmp(im->bytes + f->offset, def->bytes + f->offset,
								   f->size) != 0);
		if (differs || (f->valid_bit >= 0 && (valid >> f->valid_bit & 1)))
			m |= (uint64_t)1 << i;
	}
	return m;
}

/* --- the document -------------------------------------------------------- */

/* One mask of fields to write per image, in block order: head, then per
 * section its header, body, error infos, contexts. */
struct plan {
	uint64_t *mask;
	size_t n;
};

static size_t plan_count(const struct hest_cper_block *b)
{
	size_t n = 1;
	for (size_t i = 0; i < b->nsec; i++)
		n += 2 + b->sec[i].ninfo + b->sec[i].nctx;
	return n;
}

static void put_image(struct w *w, const struct hest_cper_image *im, uint64_t mask, const struct hest_cper_type *t)
{
	for (size_t i = 0; i < im->desc->nfields && i < 64; i++)
		if ((mask >> i & 1) && field_in(im, &im->desc->fields[i]))
			put_field(w, im, &im->desc->fields[i], t);
}

static void put_block(struct w *w, const struct hest_cper_block *b, const uint64_t *mask)
{
	size_t k = 0;
	bool record = b->form == HEST_CPER_RECORD;
	w_open(w, NULL, false);
	if (record)
		w_value(w, "form", w->json ? "\"record\"" : "record");
	put_image(w, &b->head, mask[k++], NULL);
	if (!record && b->rawlen)
		put_hex(w, "raw_data", b->raw, b->rawlen);
	w_open(w, "sections", true);
	for (size_t i = 0; i < b->nsec; i++) {
		const struct hest_cper_section *s = &b->sec[i];
		const struct hest_cper_type *t = s->type;
		char buf[48];
		w_open_item(w);
		spell_name(w, t->key, buf, sizeof(buf));
		w_value(w, "type", buf);
		if (mask[k]) {
			w_open(w, "header", false);
			put_image(w, &s->header, mask[k], t);
			w_close(w);
		}
		k++;
		put_image(w, &s->body, mask[k++], t);
		if (s->ninfo) {
			w_open(w, "error_info", true);
			for (size_t j = 0; j < s->ninfo; j++) {
				w_open_item(w);
				put_image(w, &s->info[j], mask[k++], t);
				w_close(w);
			}
			w_close(w);
		}
		if (s->nctx) {
			w_open(w, "context", true);
			for (size_t j = 0; j < s->nctx; j++) {
				const struct hest_cper_image *c = &s->ctx[j];
				w_open_item(w);
				put_image(w, c, mask[k++], t);
				put_hex(w, "registers", c->bytes + c->desc->size, c->len - c->desc->size);
				w_close(w);
			}
			w_close(w);
		}
		for (unsigned v = 0; v < HEST_CPER_MAX_VAR && t->var[v].key; v++)
			if (s->varlen[v])
				put_hex(w, t->var[v].key, s->var[v], s->varlen[v]);
		if (s->taillen)
			put_hex(w, t->tail_key, s->tail, s->taillen);
		w_close(w);
	}
	w_close(w);
	w_close(w);
	if (w->json && !w->compact)
		hest_buf_append(w->o, "\n", 1);
}

/* The images a fresh block of the same shape starts with (what the reader
 * builds before it sets any field). */
static int default_block(const struct hest_cper_block *b, struct hest_cper_block *def)
{
	if (hest_cper_block_init(def, b->form) < 0)
		return -1;
	for (size_t i = 0; i < b->nsec; i++) {
		const struct hest_cper_section *s = &b->sec[i];
		struct hest_cper_section *ds = hest_cper_add_section(def, s->type->kind);
		if (!ds)
			return -1;
		for (size_t j = 0; j < s->ninfo; j++)
			if (!hest_cper_add_info(ds))
				return -1;
		for (size_t j = 0; j < s->nctx; j++)
			if (!hest_cper_add_context(ds, NULL, 0))
				return -1;
	}
	return 0;
}

/* Whether two blocks have the same form, sections and structures. */
static bool same_shape(const struct hest_cper_block *a, const struct hest_cper_block *b)
{
	if (a->form != b->form || a->nsec != b->nsec)
		return false;
	for (size_t i = 0; i < a->nsec; i++)
		if (a->sec[i].type != b->sec[i].type || a->sec[i].ninfo != b->sec[i].ninfo ||
		    a->sec[i].nctx != b->sec[i].nctx)
			return false;
	return true;
}

static const struct hest_cper_image *image_at(const struct hest_cper_block *b, size_t k)
{
	if (k == 0)
		return &b->head;
	k--;
	for (size_t i = 0; i < b->nsec; i++) {
		const struct hest_cper_section *s = &b->sec[i];
		if (k == 0)
			return &s->header;
		if (k == 1)
			return &s->body;
		k -= 2;
		if (k < s->ninfo)
			return &s->info[k];
		k -= s->ninfo;
		if (k < s->nctx)
			return &s->ctx[k];
		k -= s->nctx;
	}
	return NULL;
}

/* Marks in `mask` each field whose bytes differ between the two blocks;
 * returns how many were newly marked (SIZE_MAX: the shapes differ). */
static size_t mark_differences(const struct hest_cper_block *want, const struct hest_cper_block *got,
			       uint64_t *mask, size_t n)
{
	if (!same_shape(want, got))
		return SIZE_MAX;
	size_t added = 0;
	for (size_t k = 0; k < n; k++) {
		const struct hest_cper_image *a = image_at(want, k), *b = image_at(got, k);
		for (size_t i = 0; i < a->desc->nfields && i < 64; i++) {
			const struct hest_cper_field *f = &a->desc->fields[i];
			if (!field_in(a, f) || (mask[k] >> i & 1))
				continue;
			bool differs = !field_in(b, f) ||
				       (hest_cper_field_is_int(f)
						? hest_cper_field_get(f, a->bytes) != hest_cper_field_get(f, b->bytes)
						: memcmp(a->bytes + f->offset, b->bytes + f->offset, f->size) != 0);
			if (differs) {
				mask[k] |= (uint64_t)1 << i;
				added++;
			}
		}
	}
	return added;
}

/* Reads the description back: 0 when it encodes to `ref`; 1 when not
 * (`got` then holds what it decodes to, when it could be read); -1 OOM. */
static int check_back(const struct hest_buf *text, const struct hest_buf *ref, struct hest_cper_block *got)
{
	struct hest_cper_block back;
	struct hest_diags d;
	struct hest_buf enc;
	int rc = 1;
	hest_diags_init(&d);
	hest_buf_init(&enc);
	if (hest_cper_desc_parse(&back, "description", text->p, text->len, &d) == 0 &&
	    hest_cper_encode(&back, &enc, NULL, &d) == 0) {
		if (enc.len == ref->len && memcmp(enc.p, ref->p, ref->len) == 0)
			rc = 0;
		else if (hest_cper_decode(got, enc.p, enc.len, (int)back.form, NULL, &d) < 0)
			rc = d.oom ? -1 : 1;
	}
	if (d.oom || enc.oom)
		rc = -1;
	hest_cper_block_free(&back);
	hest_buf_free(&enc);
	hest_diags_free(&d);
	return rc;
}

int hest_cper_format_desc(const struct hest_cper_block *b, unsigned flags, struct hest_buf *out, const char *file,
			  struct hest_diags *d)
{
	struct hest_cper_block def, got;
	struct hest_buf ref, text;
	struct plan p = { NULL, plan_count(b) };
	int rc = -1;
	memset(&def, 0, sizeof(def));
	memset(&got, 0, sizeof(got));
	hest_buf_init(&ref);
	hest_buf_init(&text);
	struct hest_loc loc = { file, 0, 0, false, 0 };
	if (hest_cper_encode(b, &ref, file, d) < 0)
		goto done;
	p.mask = calloc(p.n, sizeof(*p.mask));
	if (!p.mask || default_block(b, &def) < 0)
		goto oom;
	for (size_t k = 0; k < p.n; k++)
		p.mask[k] = wanted(image_at(b, k), image_at(&def, k));
	/* Each round adds the fields that did not come back; a field once
	 * written comes back, so this ends (the last round writes them all). */
	for (int round = 0;; round++) {
		bool json = flags & (HEST_CPER_DESC_JSON | HEST_CPER_DESC_COMPACT);
		struct w w = { &text, json, (flags & HEST_CPER_DESC_COMPACT) != 0, 0, { false }, { false }, false };
		text.len = 0;
		put_block(&w, b, p.mask);
		if (text.oom)
			goto oom;
		hest_cper_block_free(&got);
		memset(&got, 0, sizeof(got));
		int r = check_back(&text, &ref, &got);
		if (r < 0)
			goto oom;
		if (r == 0)
			break;
		size_t added = got.head.desc ? mark_differences(b, &got, p.mask, p.n) : SIZE_MAX;
		if (added == 0 || added == SIZE_MAX || round >= 8) {
			if (round >= 9 || added == 0) {
				hest_diag_add(d, HEST_SEV_ERROR, NULL, loc,
					      "this block cannot be written as a description that builds the same bytes "
					      "(a bug of ours: please report it with the block)");
				goto done;
			}
			for (size_t k = 0; k < p.n; k++)
				p.mask[k] = UINT64_MAX;
		}
	}
	if (!hest_buf_append(out, text.p, text.len))
		goto oom;
	rc = 0;
	goto done;
oom:
	hest_diag_add(d, HEST_SEV_ERROR, NULL, loc, "out of memory");
	d->oom = true;
done:
	free(p.mask);
	hest_cper_block_free(&def);
	hest_cper_block_free(&got);
	hest_buf_free(&ref);
	hest_buf_free(&text);
	return rc;
}

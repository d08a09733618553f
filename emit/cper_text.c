/* Listings of a CPER block or record: every field of every structure, by
 * name, driven by the descriptor tables (text for people, JSON for tools). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <hest/cper.h>

struct fmt {
	struct hest_buf *out;
	bool json;
	unsigned depth;
	bool first; /* JSON: no comma before the next member */
};

static void indent(struct fmt *f)
{
	for (unsigned i = 0; i < f->depth; i++)
		hest_buf_append(f->out, "  ", 2);
}

/* JSON member name (with the comma) or text "name: ". */
static void key(struct fmt *f, const char *k)
{
	if (f->json) {
		hest_buf_printf(f->out, "%s\"%s\":", f->first ? "" : ",", k);
		f->first = false;
	} else {
		indent(f);
		hest_buf_printf(f->out, "%s: ", k);
	}
}

static void open_obj(struct fmt *f, const char *k, const char *text_title)
{
	if (f->json) {
		if (k)
			key(f, k);
		else if (!f->first)
			hest_buf_append(f->out, ",", 1);
		hest_buf_append(f->out, "{", 1);
		f->first = true;
	} else {
		indent(f);
		hest_buf_printf(f->out, "%s:\n", text_title ? text_title : k);
		f->depth++;
	}
}

static void close_obj(struct fmt *f)
{
	if (f->json) {
		hest_buf_append(f->out, "}", 1);
		f->first = false;
	} else {
		f->depth--;
	}
}

static void hex(struct hest_buf *b, const uint8_t *p, size_t n, bool quoted)
{
	if (quoted)
		hest_buf_append(b, "\"", 1);
	for (size_t i = 0; i < n; i++)
		hest_buf_printf(b, "%02x", p[i]);
	if (quoted)
		hest_buf_append(b, "\"", 1);
}

/* Text of a fixed-width field: up to the last non-NUL byte. */
static size_t text_len(const uint8_t *p, size_t n)
{
	while (n && !p[n - 1])
		n--;
	return n;
}

static void flag_names(struct fmt *f, const struct hest_cper_field *fd, const struct hest_cper_desc *d,
		       const struct hest_cper_type *t, uint64_t v)
{
	bool any = false;
	hest_buf_append(f->out, f->json ? "[" : " [", f->json ? 1 : 2);
	for (unsigned bit = 0; bit < 64; bit++) {
		if (!(v >> bit & 1))
			continue;
		const char *name = fd->attr & HEST_CA_VALIDATION ? hest_cper_valid_bit_name(d, t, bit)
								 : hest_name_of(fd->names, (uint64_t)1 << bit);
		char other[16];
		if (!name) {
			snprintf(other, sizeof(other), "bit %u", bit);
			name = other;
		}
		if (f->json)
			hest_buf_printf(f->out, "%s\"%s\"", any ? "," : "", name);
		else
			hest_buf_printf(f->out, "%s%s", any ? ", " : "", name);
		any = true;
	}
	hest_buf_append(f->out, "]", 1);
}

static unsigned bcd(uint8_t v)
{
	return (v >> 4) * 10u + (v & 15u);
}

static void timestamp_text(struct hest_buf *b, uint64_t v)
{
	uint8_t t[8];
	hest_put_le(t, 8, v);
	if (v)
		hest_buf_printf(b, " (%02u%02u-%02u-%02u %02u:%02u:%02u%s)", bcd(t[7]), bcd(t[6]), bcd(t[5]), bcd(t[4]),
				bcd(t[2]), bcd(t[1]), bcd(t[0]), t[3] & 1 ? ", precise" : "");
}

static void int_value(struct fmt *f, const struct hest_cper_field *fd, const struct hest_cper_image *im,
		      const struct hest_cper_type *t)
{
	uint64_t v = hest_cper_field_get(fd, im->bytes);
	const char *name;
	switch (fd->kind) {
	case HEST_CF_ENUM:
		name = hest_name_of(fd->names, v);
		if (f->json) {
			hest_buf_printf(f->out, "{\"value\":%" PRIu64 ",\"name\":", v);
			if (name)
				hest_buf_printf(f->out, "\"%s\"}", name);
			else
				hest_buf_append(f->out, "null}", 5);
		} else {
			hest_buf_printf(f->out, "%" PRIu64 " (%s)", v, name ? name : "undefined");
		}
		break;
	case HEST_CF_FLAGS:
		if (f->json) {
			hest_buf_printf(f->out, "{\"value\":%" PRIu64 ",\"names\":", v);
			flag_names(f, fd, im->desc, t, v);
			hest_buf_append(f->out, "}", 1);
		} else {
			hest_buf_printf(f->out, "0x%" PRIx64, v);
			if (v)
				flag_names(f, fd, im->desc, t, v);
		}
		break;
	default:
		if (f->json)
			hest_buf_printf(f->out, "%" PRIu64, v);
		else if (fd->attr & HEST_CA_DEC)
			hest_buf_printf(f->out, "%" PRIu64, v);
		else
			hest_buf_printf(f->out, "0x%" PRIx64, v);
		if (!f->json && strcmp(fd->key, "timestamp") == 0)
			timestamp_text(f->out, v);
		break;
	}
}

static bool is_valid(const struct hest_cper_image *im, const struct hest_cper_field *fd)
{
	const struct hest_cper_desc *d = im->desc;
	if (fd->valid_bit < 0 || !d->valid_size || (uint32_t)d->valid_offset + d->valid_size > im->len)
		return true;
	return hest_get_le(im->bytes + d->valid_offset, d->valid_size) >> fd->valid_bit & 1;
}

static void field(struct fmt *f, const struct hest_cper_image *im, const struct hest_cper_field *fd,
		  const struct hest_cper_type *t)
{
	const uint8_t *p = im->bytes + fd->offset;
	char g[37];
	key(f, fd->key);
	if (hest_cper_field_is_int(fd)) {
		int_value(f, fd, im, t);
	} else if (fd->kind == HEST_CF_GUID) {
		hest_guid_format(p, g);
		const char *name = hest_cper_guid_name_of(fd->guids, p);
		if (f->json)
			hest_buf_printf(f->out, "\"%s\"", g);
		else
			hest_buf_printf(f->out, "%s%s%s%s", g, name ? " (" : "", name ? name : "", name ? ")" : "");
	} else if (fd->kind == HEST_CF_TEXT) {
		size_t n = text_len(p, fd->size);
		if (f->json)
			hest_buf_json_string(f->out, p, n);
		else
			hest_buf_quoted(f->out, p, n);
	} else {
		hex(f->out, p, fd->size, f->json);
	}
	if (!f->json) {
		if (!is_valid(im, fd))
			hest_buf_append(f->out, "  (not valid)", 13);
		hest_buf_append(f->out, "\n", 1);
	}
}

static void image(struct fmt *f, const struct hest_cper_image *im, const char *k, const char *title,
		  const struct hest_cper_type *t)
{
	open_obj(f, k, title);
	for (size_t i = 0; i < im->desc->nfields; i++) {
		const struct hest_cper_field *fd = &im->desc->fields[i];
		if ((uint32_t)fd->offset + fd->size <= im->len)
			field(f, im, fd, t);
	}
}

static void bytes_member(struct fmt *f, const char *k, const uint8_t *p, size_t n)
{
	key(f, k);
	hex(f->out, p, n, f->json);
	if (!f->json)
		hest_buf_append(f->out, "\n", 1);
}

static void number_member(struct fmt *f, const char *k, uint64_t v)
{
	key(f, k);
	hest_buf_printf(f->out, f->json ? "%" PRIu64 : "%" PRIu64 "\n", v);
}

static void string_member(struct fmt *f, const char *k, const char *v)
{
	key(f, k);
	if (f->json)
		hest_buf_json_string(f->out, (const uint8_t *)v, strlen(v));
	else
		hest_buf_printf(f->out, "%s\n", v);
}

static void list_open(struct fmt *f, const char *k)
{
	if (f->json) {
		key(f, k);
		hest_buf_append(f->out, "[", 1);
		f->first = true;
	}
}

static void list_close(struct fmt *f)
{
	if (f->json) {
		hest_buf_append(f->out, "]", 1);
		f->first = false;
	}
}

static bool entry_is_short(const struct hest_cper_section *s)
{
	uint64_t rev = 0;
	return s->header.desc == &hest_cper_desc_entry && hest_cper_get(&s->header, "revision", &rev) == 0 &&
	       hest_cper_entry_size((uint16_t)rev) < HEST_CPER_ENTRY_SIZE;
}

static void section(struct fmt *f, const struct hest_cper_section *s, size_t index, enum hest_cper_form form)
{
	const struct hest_cper_type *t = s->type;
	char title[96], sub[48];
	snprintf(title, sizeof(title), "section #%zu: %s (%s), header at 0x%" PRIx32, index, t->title, t->key,
		 s->header.at);
	open_obj(f, NULL, title);
	if (f->json) {
		string_member(f, "type", t->key);
		number_member(f, "offset", s->header.at);
	}
	struct hest_cper_image hdr = s->header;
	if (entry_is_short(s))
		hdr.len = HEST_CPER_ENTRY_SIZE_OLD; /* no timestamp before revision 0x300 */
	image(f, &hdr, form == HEST_CPER_RECORD ? "descriptor" : "entry", NULL, t);
	close_obj(f);
	if (t->kind != HEST_CPER_RAW) {
		snprintf(sub, sizeof(sub), "%s at 0x%" PRIx32, t->body->key, s->body.at);
		image(f, &s->body, "body", f->json ? NULL : sub, t);
		close_obj(f);
	}
	if (t->info) {
		list_open(f, "error_info");
		for (size_t i = 0; i < s->ninfo; i++) {
			snprintf(sub, sizeof(sub), "error_info #%zu at 0x%" PRIx32, i, s->info[i].at);
			image(f, &s->info[i], NULL, sub, t);
			close_obj(f);
		}
		list_close(f);
	}
	if (t->ctx) {
		list_open(f, "context");
		for (size_t i = 0; i < s->nctx; i++) {
			const struct hest_cper_image *c = &s->ctx[i];
			snprintf(sub, sizeof(sub), "context #%zu at 0x%" PRIx32, i, c->at);
			image(f, c, NULL, sub, t);
			bytes_member(f, "registers", c->bytes + c->desc->size, c->len - c->desc->size);
			close_obj(f);
		}
		list_close(f);
	}
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR && t->var[v].key; v++)
		bytes_member(f, t->var[v].key, s->var[v], s->varlen[v]);
	if (s->taillen || f->json)
		bytes_member(f, t->tail_key, s->tail, s->taillen);
	close_obj(f);
}

static int format(const struct hest_cper_block *b, struct hest_buf *out, bool json)
{
	struct fmt f = { out, json, 0, true };
	char title[64];
	bool record = b->form == HEST_CPER_RECORD;
	if (json) {
		hest_buf_append(out, "{", 1);
		string_member(&f, "form", record ? "record" : "status-block");
		number_member(&f, "length", b->length);
	}
	snprintf(title, sizeof(title), "%s (%" PRIu64 " bytes by its header)", record ? "record" : "status block",
		 b->length);
	image(&f, &b->head, record ? "record" : "status", title, NULL);
	close_obj(&f);
	list_open(&f, "sections");
	for (size_t i = 0; i < b->nsec; i++)
		section(&f, &b->sec[i], i, b->form);
	list_close(&f);
	if (!record && (b->rawlen || json))
		bytes_member(&f, "raw_data", b->raw, b->rawlen);
	if (json)
		hest_buf_append(out, "}", 1);
	return out->oom ? -1 : 0;
}

int hest_cper_format_text(const struct hest_cper_block *b, struct hest_buf *out)
{
	return format(b, out, false);
}

int hest_cper_format_json(const struct hest_cper_block *b, struct hest_buf *out)
{
	return format(b, out, true);
}

/* --- the reference of every table (docs/cper.md) -------------------------- */

static const char *kind_text(const struct hest_cper_field *f)
{
	switch (f->kind) {
	case HEST_CF_ENUM:
		return "name";
	case HEST_CF_FLAGS:
		return "flags";
	case HEST_CF_GUID:
		return "GUID";
	case HEST_CF_BYTES:
		return "hex bytes";
	case HEST_CF_TEXT:
		return "text";
	case HEST_CF_RESERVED:
		return "reserved";
	default:
		return "integer";
	}
}

static bool reference_table(struct hest_buf *o, const struct hest_cper_desc *d, const char *heading)
{
	bool ok = hest_buf_printf(o, "\n### %s: %s (%s), %u bytes\n\n| key | offset | size | kind | valid bit | meaning |\n"
				  "|---|---|---|---|---|---|\n", heading, d->title, d->doc, d->size);
	for (size_t i = 0; i < d->nfields && ok; i++) {
		const struct hest_cper_field *f = &d->fields[i];
		char size[32], valid[8] = "";
		if (f->width)
			snprintf(size, sizeof(size), "bits %u-%u", f->shift, f->shift + f->width - 1);
		else
			snprintf(size, sizeof(size), "%u", f->size);
		if (f->valid_bit >= 0)
			snprintf(valid, sizeof(valid), "%d", f->valid_bit);
		ok = hest_buf_printf(o, "| `%s` | %u | %s | %s%s | %s | %s", f->key, f->offset, size, kind_text(f),
				     f->attr & HEST_CA_COMPUTED ? ", computed" : "", valid, f->doc);
		const struct hest_names *names = f->names;
		for (size_t k = 0; names && k < names->n && ok; k++)
			ok = hest_buf_printf(o, "%s`%s` (%#" PRIx64 ")", k ? ", " : ": ", names->v[k].name,
					     names->v[k].value);
		for (size_t k = 0; f->guids && k < f->guids->n && ok; k++)
			ok = hest_buf_printf(o, "%s`%s`", k ? ", " : ": ", f->guids->v[k].name);
		ok = ok && hest_buf_printf(o, " |\n");
	}
	return ok;
}

int hest_cper_reference_markdown(struct hest_buf *o)
{
	bool ok = hest_buf_printf(o, "Section kinds (`type:` of a section; `sections:` of a GHES source):\n\n"
				     "| type | GUID | fixed part | sized as | parts |\n|---|---|---|---|---|\n");
	for (int k = 0; k < HEST_CPER_NKINDS && ok; k++) {
		const struct hest_cper_type *t = hest_cper_type_of((enum hest_cper_kind)k);
		char g[37] = "any (`guid:`)";
		if (t->kind != HEST_CPER_RAW)
			hest_guid_format(t->guid, g);
		char parts[160];
		size_t used = (size_t)snprintf(parts, sizeof(parts), "%s%s", t->info ? "`error_info`, " : "",
					       t->ctx ? "`context` (with `registers`), " : "");
		for (unsigned v = 0; v < HEST_CPER_MAX_VAR && t->var[v].key && used < sizeof(parts); v++)
			used += (size_t)snprintf(parts + used, sizeof(parts) - used, "`%s`, ", t->var[v].key);
		ok = hest_buf_printf(o, "| `%s`%s%s%s | %s | %u | %u | %s`%s` |\n", t->key, t->alias ? " (`" : "",
				     t->alias ? t->alias : "", t->alias ? "`)" : "", g, t->body->size, t->worst, parts,
				     t->tail_key);
	}
	ok = ok && hest_buf_printf(o, "\nWhere each layout comes from (spec clause, the Linux code that reads it, "
				     "rasdaemon/libcper):\n\n| type | source of truth |\n|---|---|\n");
	for (int k = 0; k < HEST_CPER_NKINDS && ok; k++) {
		const struct hest_cper_type *t = hest_cper_type_of((enum hest_cper_kind)k);
		ok = hest_buf_printf(o, "| `%s` | %s |\n", t->key, t->source ? t->source : t->doc);
	}
	ok = ok && reference_table(o, &hest_cper_desc_status, "top level (status block)") &&
	     reference_table(o, &hest_cper_desc_entry, "`header:` of a section (status block)") &&
	     reference_table(o, &hest_cper_desc_record, "top level (`form: record`)") &&
	     reference_table(o, &hest_cper_desc_descriptor, "`header:` of a section (record)");
	for (int k = 0; k < HEST_CPER_NKINDS && ok; k++) {
		const struct hest_cper_type *t = hest_cper_type_of((enum hest_cper_kind)k);
		char h[64];
		if (t->kind == HEST_CPER_RAW)
			continue;
		snprintf(h, sizeof(h), "`type: %s`", t->key);
		ok = reference_table(o, t->body, h);
		if (ok && t->info) {
			snprintf(h, sizeof(h), "`error_info:` items of `%s`", t->key);
			ok = reference_table(o, t->info, h);
		}
		if (ok && t->ctx) {
			snprintf(h, sizeof(h), "`context:` items of `%s` (then `registers:`)", t->key);
			ok = reference_table(o, t->ctx, h);
		}
	}
	return ok && !o->oom ? 0 : -1;
}

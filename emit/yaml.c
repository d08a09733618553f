/* Model -> description YAML (hestc decompile).
 *
 * Driven by the field-descriptor tables like every other pass: a field is
 * written when its value differs from the descriptor's default (required
 * fields and error_block_length always), enums and flags by name, with the
 * field's table offset in a comment.  What a canonical description cannot
 * say is written through an explicit key and reported as a warning. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/decompile.h>
#include <hest/decode.h>

#define COMMENT_COL 44u
#define HEX_PER_LINE 16u

struct yw {
	struct hest_buf *out;
	const struct hest_model *m;
	struct hest_diags *d;
	bool offsets;
	bool dash; /* the next line starts a list item */
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void warn(struct yw *w, uint64_t off, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	hest_diag_add(w->d, HEST_SEV_WARNING, NULL, (struct hest_loc){ w->m->file, 0, 0, true, off }, "%s", msg);
}

static void pad(struct hest_buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hest_buf_append(b, " ", 1);
}

/* One line at `indent`; `off` >= 0 adds "# 0xOFF" when offsets are on,
 * `note` (or NULL) is appended to the comment. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void line(struct yw *w, unsigned indent, int64_t off, const char *note, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	size_t start = w->out->len;
	if (w->dash && indent >= 2) {
		pad(w->out, indent - 2);
		hest_buf_append(w->out, "- ", 2);
		w->dash = false;
	} else {
		pad(w->out, indent);
	}
	hest_buf_append(w->out, text, strlen(text));
	bool with_off = w->offsets && off >= 0;
	if (with_off || note) {
		size_t col = w->out->len - start;
		pad(w->out, col < COMMENT_COL ? COMMENT_COL - col : 1);
		if (with_off)
			hest_buf_printf(w->out, "# 0x%03" PRIx64 "%s%s", (uint64_t)off, note ? ": " : "", note ? note : "");
		else
			hest_buf_printf(w->out, "# %s", note);
	}
	hest_buf_append(w->out, "\n", 1);
}

/* Bytes as hex pairs, HEX_PER_LINE to a line, at `indent`. */
static void hex_lines(struct yw *w, unsigned indent, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i += HEX_PER_LINE) {
		pad(w->out, indent);
		for (size_t j = i; j < n && j < i + HEX_PER_LINE; j++)
			hest_buf_printf(w->out, "%s%02x", j == i ? "" : " ", p[j]);
		hest_buf_append(w->out, "\n", 1);
	}
}

/* --- values --------------------------------------------------------------- */

/* Registers, masks and addresses read best in hex. */
static bool hex_key(const char *key)
{
	static const char *const ends[] = { "address", "_mask", "_severity", "_capabilities", "_command",
					    "_data", "_msr", "preserve", "write", "device_control", "bus" };
	size_t kl = strlen(key);
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t el = strlen(ends[i]);
		if (kl >= el && strcmp(key + kl - el, ends[i]) == 0)
			return true;
	}
	return false;
}

static void format_uint(char *buf, size_t size, const char *key, uint64_t v)
{
	if ((hex_key(key) && v >= 10) || v > 0xffff)
		snprintf(buf, size, "0x%" PRIx64, v);
	else
		snprintf(buf, size, "%" PRIu64, v);
}

static bool printable(uint8_t c)
{
	return c >= 0x20 && c <= 0x7e;
}

/* A character field: a double-quoted string when every byte is printable
 * ASCII or NUL (NUL spelled \0), else { hex: "..." }.  Returns false for the
 * hex form. */
static bool format_chars(char *buf, size_t size, const uint8_t *p, unsigned n)
{
	bool text = true;
	for (unsigned i = 0; i < n; i++)
		if (!printable(p[i]) && p[i] != 0)
			text = false;
	size_t at = 0;
	if (text) {
		buf[at++] = '"';
		for (unsigned i = 0; i < n && at + 4 < size; i++) {
			if (p[i] == 0) {
				buf[at++] = '\\';
				buf[at++] = '0';
			} else {
				if (p[i] == '"' || p[i] == '\\')
					buf[at++] = '\\';
				buf[at++] = (char)p[i];
			}
		}
		buf[at++] = '"';
		buf[at] = '\0';
		return true;
	}
	at += (size_t)snprintf(buf, size, "{ hex: \"");
	for (unsigned i = 0; i < n && at + 8 < size; i++)
		at += (size_t)snprintf(buf + at, size - at, "%s%02x", i ? " " : "", p[i]);
	snprintf(buf + at, size - at, "\" }");
	return false;
}

static bool chars_default(const struct hest_field *f, const uint8_t *p)
{
	const char *def = f->def_chars ? f->def_chars : "";
	size_t dl = strlen(def);
	for (unsigned i = 0; i < f->size; i++)
		if (p[i] != (i < dl ? (uint8_t)def[i] : ' '))
			return false;
	return true;
}

static bool struct_written(const struct hest_struct_desc *d, const uint8_t *p);

static bool value_differs(const struct hest_field *f, const uint8_t *p)
{
	switch (f->kind) {
	case HEST_FK_INT:
	case HEST_FK_ENUM:
	case HEST_FK_FLAGS:
		return f->size > 8 ? !hest_all_zero(p, f->size) : hest_get_le(p, f->size) != f->def;
	case HEST_FK_CHARS:
		return !chars_default(f, p);
	case HEST_FK_STRUCT:
		return struct_written(f->sub, p);
	default: /* reserved, bytes */
		return !hest_all_zero(p, f->size);
	}
}

/* Whether a field goes into the description (arrays are handled apart). */
static bool field_written(const struct hest_field *f, const uint8_t *p)
{
	if (f->attr & HEST_FA_TYPE)
		return false;
	if (f->attr & (HEST_FA_REQUIRED | HEST_FA_BLOCKLEN))
		return true;
	if (f->attr & HEST_FA_COMPUTED)
		return false; /* decided by the caller, against what the compiler computes */
	return value_differs(f, p);
}

static bool struct_written(const struct hest_struct_desc *d, const uint8_t *p)
{
	for (size_t i = 0; i < d->nfields; i++)
		if (d->fields[i].kind != HEST_FK_ARRAY && field_written(&d->fields[i], p + d->fields[i].offset))
			return true;
	return false;
}

/* The spelling of one scalar field's value; warns about what is not
 * canonical.  `who` names the structure, `path` the field. */
static void format_value(struct yw *w, const struct hest_field *f, const uint8_t *p, uint64_t off, const char *who,
			 const char *path, char *buf, size_t size, const char **note)
{
	*note = NULL;
	uint64_t v = f->size <= 8 ? hest_get_le(p, f->size) : 0;
	switch (f->kind) {
	case HEST_FK_ENUM: {
		const char *name = hest_name_of(f->names, v);
		if (name) {
			snprintf(buf, size, "%s", name);
		} else {
			snprintf(buf, size, v >= 10 ? "0x%" PRIx64 : "%" PRIu64, v);
			warn(w, off, "%s: %s %s is not a value ACPI 6.5 defines; kept as a number", who, path, buf);
			*note = "kept: not a value ACPI 6.5 defines";
		}
		break;
	}
	case HEST_FK_CHARS:
		if (!format_chars(buf, size, p, f->size)) {
			warn(w, off, "%s: %s holds bytes that are not printable ASCII; kept as { hex: ... }", who, path);
			*note = "kept: not printable ASCII";
		}
		break;
	case HEST_FK_RESERVED:
	case HEST_FK_BYTES:
		if (f->size <= 8) {
			snprintf(buf, size, "0x%" PRIx64, v);
		} else {
			size_t at = (size_t)snprintf(buf, size, "0x");
			for (unsigned i = f->size; i-- > 0 && at + 3 < size;)
				at += (size_t)snprintf(buf + at, size - at, "%02x", p[i]);
		}
		warn(w, off, "%s: reserved field %s is %s, not 0; kept as '%s: %s'", who, path, buf, path, buf);
		*note = "kept: reserved, not 0 in the table";
		break;
	default:
		format_uint(buf, size, f->key, v);
		break;
	}
}

static void emit_fields(struct yw *w, const struct hest_source *s, const struct hest_struct_desc *d, size_t base,
			uint64_t toff, unsigned indent, const char *who, const char *prefix);

/* Flags as a list of names; bits without a name are kept as one number in
 * the list.  Up to two items on one line, more as a block list. */
static void emit_flags(struct yw *w, const struct hest_field *f, const uint8_t *p, uint64_t off, unsigned indent,
		       const char *who, const char *path)
{
	uint64_t v = hest_get_le(p, f->size), known = 0;
	char items[17][48];
	size_t n = 0;
	for (size_t i = 0; f->names && i < f->names->n && n < 16; i++) {
		const struct hest_name *nm = &f->names->v[i];
		if (nm->value && (v & nm->value) == nm->value)
			snprintf(items[n++], sizeof(items[0]), "%s", nm->name);
		known |= nm->value;
	}
	if (v & ~known) {
		snprintf(items[n++], sizeof(items[0]), "0x%" PRIx64, v & ~known);
		warn(w, off, "%s: %s has bits 0x%" PRIx64 " that ACPI 6.5 leaves reserved; kept as a number in the list",
		     who, path, v & ~known);
	}
	const char *note = (v & ~known) ? "kept: bits ACPI 6.5 leaves reserved" : NULL;
	if (n <= 2) {
		line(w, indent, (int64_t)off, note, "%s: [%s%s%s]", f->key, n ? items[0] : "", n > 1 ? ", " : "",
		     n > 1 ? items[1] : "");
		return;
	}
	line(w, indent, (int64_t)off, note, "%s:", f->key);
	for (size_t i = 0; i < n; i++)
		line(w, indent + 2, -1, NULL, "- %s", items[i]);
}

static void emit_banks(struct yw *w, const struct hest_source *s, const struct hest_field *f, size_t base,
		       uint64_t toff, unsigned indent, const char *who)
{
	size_t start = base + f->offset;
	size_t n = s->len > start ? (s->len - start) / f->size : 0;
	if (n == 0)
		return;
	line(w, indent, (int64_t)(toff + start), NULL, "%s:", f->key);
	for (size_t i = 0; i < n; i++) {
		char prefix[64];
		snprintf(prefix, sizeof(prefix), "%s[%zu].", f->key, i);
		w->dash = true;
		emit_fields(w, s, f->sub, start + i * f->size, toff, indent + 4, who, prefix);
		if (w->dash)
			line(w, indent + 4, (int64_t)(toff + start + i * f->size), "all defaults", "{}");
	}
}

static void emit_fields(struct yw *w, const struct hest_source *s, const struct hest_struct_desc *d, size_t base,
			uint64_t toff, unsigned indent, const char *who, const char *prefix)
{
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_field *f = &d->fields[i];
		size_t at = base + f->offset;
		if (f->kind == HEST_FK_ARRAY) {
			emit_banks(w, s, f, base, toff, indent, who);
			continue;
		}
		if (at + f->size > s->len || !field_written(f, s->bytes + at))
			continue;
		char path[128];
		snprintf(path, sizeof(path), "%s%s", prefix, f->key);
		if (f->kind == HEST_FK_STRUCT) {
			char sub[140];
			snprintf(sub, sizeof(sub), "%s.", path);
			line(w, indent, (int64_t)(toff + at), NULL, "%s:", f->key);
			emit_fields(w, s, f->sub, at, toff, indent + 2, who, sub);
			continue;
		}
		if (f->kind == HEST_FK_FLAGS) {
			emit_flags(w, f, s->bytes + at, toff + at, indent, who, path);
			continue;
		}
		char val[256];
		const char *note;
		format_value(w, f, s->bytes + at, toff + at, who, path, val, sizeof(val), &note);
		line(w, indent, (int64_t)(toff + at), note, "%s: %s", f->key, val);
	}
}

/* --- the header -------------------------------------------------------------- */

/* What `hestc compile` computes for the computed header fields of this
 * model: length and count from the sources, the checksum over the table
 * (trailing bytes excluded) with the header as it stands. */
static void computed_header(const struct hest_model *m, uint64_t *length, uint64_t *count, uint8_t *checksum)
{
	uint64_t len = m->hdr.len;
	/* the header without its checksum byte (9) */
	uint8_t sum = (uint8_t)(hest_byte_sum(m->hdr.bytes, m->hdr.len) - m->hdr.bytes[9]);
	for (size_t i = 0; i < m->nsrc; i++) {
		len += m->src[i].len;
		sum = (uint8_t)(sum + hest_byte_sum(m->src[i].bytes, m->src[i].len));
	}
	*length = len;
	*count = m->nsrc;
	*checksum = (uint8_t)(0x100 - sum);
}

/* The value `hestc compile` gives a computed header field, and why. */
static uint64_t computed_value(const struct hest_model *m, const struct hest_field *f, uint64_t length,
			       uint64_t count, uint8_t checksum, char *fact, size_t size)
{
	if (strcmp(f->key, "region_length") == 0) {
		snprintf(fact, size, "the region given is %" PRIu32 " bytes", m->region_len);
		return m->region_len;
	}
	if (strcmp(f->key, "length") == 0) {
		snprintf(fact, size, "the structures end at 0x%" PRIx64, length);
		return length;
	}
	if (strcmp(f->key, "checksum") == 0) {
		snprintf(fact, size, "the bytes need 0x%02x to sum to 0", checksum);
		return checksum;
	}
	snprintf(fact, size, "%" PRIu64 " %s%s listed below", count, m->kind == HEST_TABLE_HEST ? "source" : "entr",
		 m->kind == HEST_TABLE_HEST ? (count == 1 ? " is" : "s are") : (count == 1 ? "y is" : "ies are"));
	return count;
}

/* Whether the header field at `f` goes into the description. */
/* A computed field the model has nothing to compute from: BERT's region
 * length when the region itself is not at hand. */
static bool plain_computed(const struct hest_model *m, const struct hest_field *f)
{
	return !m->region && strcmp(f->key, "region_length") == 0;
}

static bool header_written(const struct hest_model *m, const struct hest_field *f, const uint8_t *h,
			   uint64_t length, uint64_t count, uint8_t checksum)
{
	char fact[128];
	if (m->kind != HEST_TABLE_HEST && strcmp(f->key, "signature") == 0)
		return true; /* says which table the description is */
	if (plain_computed(m, f))
		return hest_get_le(h + f->offset, f->size) != 0;
	if (!(f->attr & HEST_FA_COMPUTED))
		return field_written(f, h + f->offset);
	return hest_get_le(h + f->offset, f->size) !=
	       computed_value(m, f, length, count, checksum, fact, sizeof(fact));
}

static void emit_header(struct yw *w)
{
	const struct hest_model *m = w->m;
	const uint8_t *h = m->hdr.bytes;
	uint64_t length, count;
	uint8_t checksum;
	computed_header(m, &length, &count, &checksum);
	const struct hest_struct_desc *hd = m->hdr.desc;
	bool any = false;
	for (size_t i = 0; i < hd->nfields; i++)
		any = any || header_written(m, &hd->fields[i], h, length, count, checksum);
	if (!any)
		return;
	line(w, 0, 0, NULL, "table:");
	for (size_t i = 0; i < hd->nfields; i++) {
		const struct hest_field *f = &hd->fields[i];
		const uint8_t *p = h + f->offset;
		char val[256], note[160], fact[128];
		if (!header_written(m, f, h, length, count, checksum))
			continue;
		if (!(f->attr & HEST_FA_COMPUTED) || plain_computed(m, f)) {
			const char *vnote;
			format_value(w, f, p, f->offset, "table", f->key, val, sizeof(val), &vnote);
			if (strcmp(f->key, "signature") == 0 && m->kind == HEST_TABLE_HEST)
				warn(w, f->offset, "table: signature %s is not \"HEST\"; kept as 'signature: %s'", val, val);
			line(w, 2, f->offset, vnote, "%s: %s", f->key, val);
			continue;
		}
		computed_value(m, f, length, count, checksum, fact, sizeof(fact));
		uint64_t v = hest_get_le(p, f->size);
		snprintf(val, sizeof(val), f->size == 1 ? "0x%02" PRIx64 : "%" PRIu64, v);
		snprintf(note, sizeof(note), "deliberate: %s", fact);
		warn(w, f->offset, "table: %s is %s but %s; kept as '%s: %s'", f->key, val, fact, f->key, val);
		line(w, 2, f->offset, note, "%s: %s", f->key, val);
	}
}

/* --- sources ----------------------------------------------------------------- */

static void type_name(const struct hest_struct_desc *d, char *buf, size_t size)
{
	snprintf(buf, size, "%s", d->key);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
}

/* Unique source names: type_id, and type_id_index for a repeated pair. */
struct namer {
	uint8_t *seen; /* one bit per (descriptor, id) */
	size_t ndesc;
};

static int namer_init(struct namer *n)
{
	hest_source_descs(&n->ndesc);
	n->seen = calloc(n->ndesc, 65536 / 8);
	return n->seen ? 0 : -1;
}

static void source_name(struct namer *n, const struct hest_source *s, size_t index, uint64_t toff, char *buf,
			size_t size)
{
	if (!s->desc) {
		snprintf(buf, size, "raw_0x%" PRIx64, toff);
		return;
	}
	size_t nd, k = 0;
	const struct hest_struct_desc *const *descs = hest_source_descs(&nd);
	while (k < nd && descs[k] != s->desc)
		k++;
	uint64_t id = 0;
	hest_source_get(s, "id", &id);
	char base[32];
	type_name(s->desc, base, sizeof(base));
	size_t bit = k * 65536 + (size_t)id;
	if (k < nd && !(n->seen[bit / 8] & (1u << (bit % 8)))) {
		n->seen[bit / 8] |= (uint8_t)(1u << (bit % 8));
		snprintf(buf, size, "%s_%" PRIu64, base, id);
	} else {
		snprintf(buf, size, "%s_%" PRIu64 "_%zu", base, id, index);
	}
}

static void describe_raw(const struct hest_source *s, char *buf, size_t size)
{
	unsigned type = s->len >= 2 ? (unsigned)hest_get_le(s->bytes, 2) : 0xffffu;
	const struct hest_struct_desc *d = s->len >= 2 ? hest_source_desc_by_type(type) : NULL;
	if (s->len < 4)
		snprintf(buf, size, "%" PRIu32 " leftover byte%s, too few for a structure", s->len,
			 s->len == 1 ? "" : "s");
	else if (d && hest_struct_len(type, s->bytes, s->len) > s->len)
		snprintf(buf, size, "a %s structure (type %u) cut short: %" PRIu32 " bytes of the %" PRIu32
			 " it needs", d->key, type, s->len, hest_struct_len(type, s->bytes, s->len));
	else if (d) /* whole structures: the decoder stopped at its limit (parser/bin.c) */
		snprintf(buf, size, "structures from a %s (type %u) on, past the %u that hestc decodes", d->key, type,
			 HEST_MAX_SOURCES - 2);
	else
		snprintf(buf, size, "type %u (0x%x), which ACPI 6.5 reserves: its length is unknown", type, type);
}

/* The comment line above a source: what it is, and where (with offsets). */
static void heading(struct yw *w, uint64_t toff, const char *what)
{
	if (w->offsets)
		line(w, 2, -1, NULL, "# 0x%03" PRIx64 ": %s", toff, what);
	else
		line(w, 2, -1, NULL, "# %s", what);
}

static void emit_raw(struct yw *w, const struct hest_source *s, uint64_t toff, const char *name)
{
	char why[160];
	describe_raw(s, why, sizeof(why));
	warn(w, toff, "%" PRIu32 " byte%s at 0x%" PRIx64 " are not a structure hestc decodes (%s); kept as 'raw:' "
		      "bytes in source '%s'", s->len, s->len == 1 ? "" : "s", toff, why, name);
	heading(w, toff, why);
	w->dash = true;
	line(w, 4, -1, NULL, "name: %s", name);
	line(w, 4, (int64_t)toff, "bytes kept verbatim", "raw: |");
	hex_lines(w, 6, s->bytes, s->len);
}

static void emit_source(struct yw *w, const struct hest_source *s, uint64_t toff, const char *name)
{
	char what[160];
	snprintf(what, sizeof(what), "%s (type %u), %" PRIu32 " bytes", s->desc->title, s->type, s->len);
	heading(w, toff, what);
	w->dash = true;
	line(w, 4, -1, NULL, "name: %s", name);
	line(w, 4, (int64_t)toff, NULL, "type: %s", s->desc->key);
	emit_fields(w, s, s->desc, 0, toff, 4, name, "");
}

/* Source ids used twice (by structures the compiler checks). */
static int has_duplicate_ids(const struct hest_model *m, bool *dup)
{
	uint8_t *seen = calloc(65536 / 8, 1);
	if (!seen)
		return -1;
	*dup = false;
	for (size_t i = 0; i < m->nsrc && !*dup; i++) {
		uint64_t id;
		if (!m->src[i].desc || !hest_source_get(&m->src[i], "id", &id))
			continue;
		if (seen[id / 8] & (1u << (id % 8)))
			*dup = true;
		seen[id / 8] |= (uint8_t)(1u << (id % 8));
	}
	free(seen);
	return 0;
}

/* The smallest block one record fits in: a Generic Error Status Block (20
 * bytes) and one Generic Error Data Entry header (72); the compiler refuses
 * less (CPER-SIZE-ENTRY) unless the description allows it. */
#define MIN_BLOCK (20u + 72u)

/* `allow:` for what the compiler refuses unless told it is deliberate. */
static void emit_allow(struct yw *w, bool dup)
{
	const struct hest_model *m = w->m;
	const char *names[3], *why[3];
	size_t n = 0;
	uint64_t toff = HEST_SOURCES_OFFSET;
	bool small = false;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		uint64_t len;
		size_t off;
		if (s->desc && (s->type == 9 || s->type == 10) && hest_source_get(s, "error_block_length", &len) &&
		    len < MIN_BLOCK && hest_field_path(s->desc, "error_block_length", &off)) {
			warn(w, toff + off, "error_block_length %" PRIu64 " of the source at 0x%" PRIx64 " cannot hold "
					    "one record (%u bytes); kept with 'allow: [undersized-error-blocks]'",
			     len, toff, MIN_BLOCK);
			small = true;
		}
		toff += s->len;
	}
	if (dup) {
		warn(w, HEST_SOURCES_OFFSET, "source ids repeat; kept with 'allow: [duplicate-source-ids]'");
		why[n] = "the table repeats source ids";
		names[n++] = "duplicate-source-ids";
	}
	if (m->nsrc == 0) {
		warn(w, HEST_SOURCES_OFFSET, "the table has no error source; kept with 'allow: [no-sources]'");
		why[n] = "the table has no error source";
		names[n++] = "no-sources";
	}
	if (small) {
		why[n] = "its blocks are too small for a record";
		names[n++] = "undersized-error-blocks";
	}
	if (n == 0)
		return;
	char list[160] = "", note[200] = "deliberate: ";
	for (size_t i = 0; i < n; i++) {
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "", names[i]);
		snprintf(note + strlen(note), sizeof(note) - strlen(note), "%s%s", i ? "; " : "", why[i]);
	}
	line(w, 0, -1, note, "allow: [%s]", list);
}

/* A BERT or EINJ: the header, placement none, the region's bytes (BERT)
 * or the entries (EINJ), the trailing bytes. */
static int emit_apei_yaml(struct yw *w, const struct hest_yaml_options *o)
{
	const struct hest_model *m = w->m;
	const struct hest_table_desc *t = hest_table_desc_of(m->kind);
	uint64_t total = m->hdr.len;
	for (size_t i = 0; i < m->nsrc; i++)
		total += m->src[i].len;
	hest_buf_printf(w->out, "# %s decompiled by hestc%s%s: %" PRIu64 " bytes", t->signature,
			o && o->origin ? " from " : "", o && o->origin ? o->origin : "", total + m->trailing_len);
	if (t->entry)
		hest_buf_printf(w->out, ", %zu entr%s", m->nsrc, m->nsrc == 1 ? "y" : "ies");
	hest_buf_printf(w->out, ".\n# `hestc compile` turns this description back into the same bytes.%s\n\n",
			w->offsets ? "  Comments give\n# each value's offset in the table." : "");
	emit_header(w);
	line(w, 0, -1, NULL, "placement:");
	line(w, 2, -1, m->kind == HEST_TABLE_BERT ? "the region address is the table's own"
						  : "register addresses are the table's own", "mode: none");
	if (m->region) {
		hest_buf_append(w->out, "\n", 1);
		line(w, 0, -1, "the boot error region, kept verbatim", "region: |");
		hex_lines(w, 2, m->region, m->region_len);
	}
	if (t->entry) {
		hest_buf_append(w->out, "\n", 1);
		line(w, 0, -1, NULL, m->nsrc ? "%s:" : "%s: []", t->entries_key);
		uint64_t toff = m->hdr.len;
		for (size_t i = 0; i < m->nsrc; i++) {
			const struct hest_source *s = &m->src[i];
			char who[32];
			snprintf(who, sizeof(who), "entry %zu", i);
			uint64_t action = s->bytes[0];
			const struct hest_field *af = hest_field_find(s->desc, "action");
			const char *an = af ? hest_name_of(af->names, action) : NULL;
			if (w->offsets)
				line(w, 2, -1, NULL, "# 0x%03" PRIx64 ": entry %zu (%s)", toff, i, an ? an : "undefined action");
			w->dash = true;
			emit_fields(w, s, s->desc, 0, toff, 4, who, "");
			toff += s->len;
		}
	}
	if (m->trailing_len) {
		warn(w, total, "%" PRIu32 " byte%s after the table's %s; kept as 'trailing_bytes:'", m->trailing_len,
		     m->trailing_len == 1 ? "" : "s", t->entry ? "last whole entry" : "header");
		hest_buf_append(w->out, "\n", 1);
		line(w, 0, (int64_t)total, "bytes after the structures, kept verbatim", "trailing_bytes: |");
		hex_lines(w, 2, m->trailing, m->trailing_len);
	}
	return w->out->oom ? -1 : 0;
}

int hest_emit_yaml(const struct hest_model *m, const struct hest_yaml_options *o, struct hest_buf *out,
		   struct hest_diags *d)
{
	struct yw w = { out, m, d, o && o->offsets, false };
	if (m->kind != HEST_TABLE_HEST)
		return emit_apei_yaml(&w, o);
	uint64_t total = HEST_SOURCES_OFFSET;
	size_t nraw = 0;
	for (size_t i = 0; i < m->nsrc; i++) {
		total += m->src[i].len;
		nraw += !m->src[i].desc;
	}
	bool dup;
	struct namer nm;
	if (has_duplicate_ids(m, &dup) < 0 || namer_init(&nm) < 0) {
		out->oom = true;
		return -1;
	}
	hest_buf_printf(out, "# HEST decompiled by hestc%s%s: %" PRIu64 " bytes, %zu structure%s",
			o && o->origin ? " from " : "", o && o->origin ? o->origin : "", total + m->trailing_len,
			m->nsrc - nraw, m->nsrc - nraw == 1 ? "" : "s");
	if (nraw)
		hest_buf_printf(out, " and %zu run%s of raw bytes", nraw, nraw == 1 ? "" : "s");
	hest_buf_printf(out, ".\n# `hestc compile` turns this description back into the same bytes.%s\n\n",
			w.offsets ? "  Comments give\n# each value's offset in the table." : "");
	emit_header(&w);
	emit_allow(&w, dup);
	line(&w, 0, -1, NULL, "placement:");
	line(&w, 2, -1, "GAS addresses are the table's own", "mode: none");
	hest_buf_append(out, "\n", 1);
	if (m->nsrc == 0)
		line(&w, 0, -1, NULL, "sources: []");
	else
		line(&w, 0, -1, NULL, "sources:");
	uint64_t toff = HEST_SOURCES_OFFSET;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		char name[80];
		source_name(&nm, s, i, toff, name, sizeof(name));
		if (i)
			hest_buf_append(out, "\n", 1);
		if (s->desc)
			emit_source(&w, s, toff, name);
		else
			emit_raw(&w, s, toff, name);
		toff += s->len;
	}
	if (m->trailing_len) {
		warn(&w, toff, "%" PRIu32 " byte%s after the table's end (its Length is %" PRIu32 "); kept as "
			       "'trailing_bytes:'", m->trailing_len, m->trailing_len == 1 ? "" : "s",
		     (uint32_t)hest_get_le(m->hdr.bytes + 4, 4));
		hest_buf_append(out, "\n", 1);
		line(&w, 0, (int64_t)toff, "bytes after the table's end, kept verbatim", "trailing_bytes: |");
		hex_lines(&w, 2, m->trailing, m->trailing_len);
	}
	free(nm.seen);
	return out->oom ? -1 : 0;
}

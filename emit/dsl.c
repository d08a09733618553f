/* Model -> iasl data-table source (hest.dsl), the format of `iasl -T HEST`
 * and `iasl -d` as ACPICA 20200925 reads it back:
 *
 *   [0004]                          Signature : "HEST"    [Hardware Error Source Table]
 *
 * iasl matches each line's label against its own HEST tables in order (the
 * labels are the `label` column of lib/fields.c), reads integers as hex,
 * pads strings with NUL and ignores the [ByteLength] prefix and bracketed
 * comments.  What it does not take from the source, found by compiling
 * with iasl 20200925: Table Length and Checksum (recomputed), Asl Compiler
 * ID and Revision (its own "INTL" and version, unless run with -z), and the
 * value of a "Flags (decoded below)" line (the byte is built from the
 * named bit lines only, each 0 or 1), and the value of a field labelled
 * exactly "Reserved" (always 0; "Reserved1" and "Reserved2" are kept), and
 * the Notify Length (always 28).  Strings end at the first '"' and
 * must be printable ASCII (a byte above 0x7F makes iasl take the file for
 * a binary table). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <inttypes.h>
#include <hest/decompile.h>

#define LABEL_WIDTH 35 /* "[0004]" then the label right-aligned: ':' in column 43 */

struct dw {
	struct hest_buf *out;
	const struct hest_model *m;
	struct hest_diags *d;
	const struct hest_source *s; /* the structure being written (the header too) */
	bool failed;
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void fail(struct dw *w, const char *path, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	const struct hest_given *g = path ? hest_source_given(w->s, path) : NULL;
	struct hest_pos p = g ? g->pos : w->s->pos;
	hest_diag_add(w->d, HEST_SEV_ERROR, NULL, (struct hest_loc){ w->m->file, p.line, p.col, false, 0 },
		      "--emit dsl: %s", msg);
	w->failed = true;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void field_line(struct dw *w, unsigned size, const char *label, const char *fmt, ...)
{
	char val[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(val, sizeof(val), fmt, ap);
	va_end(ap);
	hest_buf_printf(w->out, "[%04u]%*s : %s\n", size, LABEL_WIDTH, label, val);
}

static void blank(struct dw *w)
{
	if (w->out->len >= 2 && !(w->out->p[w->out->len - 1] == '\n' && w->out->p[w->out->len - 2] == '\n'))
		hest_buf_append(w->out, "\n", 1);
}

static void hex(char *buf, size_t size, const uint8_t *p, unsigned n)
{
	size_t at = 0;
	buf[0] = '\0';
	for (unsigned i = n; i-- > 0 && at + 3 < size;)
		at += (size_t)snprintf(buf + at, size - at, "%02X", p[i]);
}

/* Printable ASCII without '"', then NUL padding: what iasl's strings say. */
static bool iasl_string(const uint8_t *p, unsigned n, char *buf, size_t size)
{
	unsigned end = n;
	while (end > 0 && p[end - 1] == 0)
		end--;
	if (end + 1 > size)
		return false;
	for (unsigned i = 0; i < end; i++) {
		if (p[i] < 0x20 || p[i] > 0x7e || p[i] == '"')
			return false;
		buf[i] = (char)p[i];
	}
	buf[end] = '\0';
	return true;
}

static const char *name_label(const struct hest_names *names, uint64_t v)
{
	for (size_t i = 0; names && i < names->n; i++)
		if (names->v[i].value == v)
			return names->v[i].label;
	return NULL;
}

/* iasl decodes these flag bytes below the value line, one line per bit. */
static bool decoded_below(const struct hest_field *f)
{
	return f->kind == HEST_FK_FLAGS && strstr(f->label, "(decoded below)") != NULL;
}

/* ACPICA's HEST tables (20200925) give the AER "Global" line bit 0, the bit
 * of "Firmware First" (iasl -d shows it as Global : 0 for a flags byte of
 * 02, and "Global : 1" compiles to 01).  No line of iasl's source sets bit
 * 1, so the line is written 0, lest it turn on firmware-first, and a
 * Global flag is reported as lost. */
static bool iasl_misplaced(const struct hest_name *nm)
{
	return strcmp(nm->label, "Global") == 0;
}

static void flags_lines(struct dw *w, const struct hest_field *f, uint64_t v, const char *path)
{
	uint64_t known = 0;
	for (size_t i = 0; i < f->names->n; i++) {
		const struct hest_name *nm = &f->names->v[i];
		bool set = (v & nm->value) != 0;
		known |= nm->value;
		if (!iasl_misplaced(nm)) {
			hest_buf_printf(w->out, "%*s : %u\n", LABEL_WIDTH + 6, nm->label, set ? 1u : 0u);
			continue;
		}
		hest_buf_printf(w->out, "%*s : 0%s\n", LABEL_WIDTH + 6, nm->label,
				set ? "    /* 1 in hest.aml (bit 1): iasl 20200925 reads this line as bit 0 */" : "");
		if (set) {
			const struct hest_given *g = hest_source_given(w->s, path);
			struct hest_pos p = g ? g->pos : w->s->pos;
			hest_diag_add(w->d, HEST_SEV_WARNING, NULL,
				      (struct hest_loc){ w->m->file, p.line, p.col, false, 0 },
				      "--emit dsl: source '%s': iasl 20200925 cannot set flags bit 1 (%s): its HEST "
				      "table reads the '%s' line as bit 0 (Firmware First), so hest.dsl says %s : 0 "
				      "and the table iasl compiles from it lacks bit 1",
				      w->s->name, nm->name, nm->label, nm->label);
		}
	}
	if (v & ~known)
		fail(w, path, "%s bits 0x%" PRIx64 " have no line in iasl's source: iasl builds the byte from the "
			      "named bits only", path, v & ~known);
}

/* Fields whose value iasl 20200925 does not take from the source: it
 * compiles its own constant there, whatever the line says (found by
 * tests/roundtrip/dsl-sweep.sh, which compiles every field of lib/fields.c
 * with iasl).  The header's Table Length and Checksum, which iasl computes,
 * are checked in dsl_header. */
struct iasl_fixed {
	const struct hest_struct_desc *desc;
	const char *key;
	uint64_t value;
};
static const struct iasl_fixed iasl_fixed[] = {
	/* "Notify Length": always 28, the structure's size (real firmware has
	 * shipped 92, the size of a GHESv2) */
	{ &hest_desc_notification, "length", 28 },
};

static const struct iasl_fixed *iasl_fixed_value(const struct hest_struct_desc *d, const struct hest_field *f)
{
	for (size_t i = 0; i < sizeof(iasl_fixed) / sizeof(iasl_fixed[0]); i++)
		if (iasl_fixed[i].desc == d && strcmp(iasl_fixed[i].key, f->key) == 0)
			return &iasl_fixed[i];
	return NULL;
}

static void dsl_fields(struct dw *w, const struct hest_struct_desc *d, const uint8_t *p, const char *prefix);

static void dsl_banks(struct dw *w, const struct hest_field *f, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		blank(w);
		char prefix[64];
		snprintf(prefix, sizeof(prefix), "%s[%zu].", f->key, i);
		dsl_fields(w, f->sub, p + i * f->size, prefix);
	}
}

static void dsl_field(struct dw *w, const struct hest_struct_desc *d, const struct hest_field *f, const uint8_t *p,
		      const char *path)
{
	char val[160];
	uint64_t v = f->size <= 8 ? hest_get_le(p, f->size) : 0;
	switch (f->kind) {
	case HEST_FK_STRUCT:
		if (f->sub == &hest_desc_gas || f->sub == &hest_desc_notification) {
			blank(w);
			field_line(w, f->size, f->label, "[%s]", f->sub->title);
			char sub[140];
			snprintf(sub, sizeof(sub), "%s.", path);
			dsl_fields(w, f->sub, p, sub);
			blank(w);
		} else { /* iasl lists the read-ack fields in the GHESv2 itself */
			char sub[140];
			snprintf(sub, sizeof(sub), "%s.", path);
			dsl_fields(w, f->sub, p, sub);
		}
		return;
	case HEST_FK_CHARS:
		if (!iasl_string(p, f->size, val, sizeof(val))) {
			hex(val, sizeof(val), p, f->size);
			fail(w, path, "%s is not printable ASCII padded with NUL bytes, which iasl's strings cannot "
				      "say", path);
		}
		if (f->attr == 0 && strcmp(f->key, "signature") == 0)
			field_line(w, f->size, f->label, "\"%s\"    [%s]", val, d->title);
		else
			field_line(w, f->size, f->label, "\"%s\"", val);
		return;
	default:
		break;
	}
	hex(val, sizeof(val), p, f->size);
	const struct iasl_fixed *fx = iasl_fixed_value(d, f);
	if (fx && v != fx->value)
		fail(w, path, "source '%s': %s %" PRIu64 " (0x%" PRIx64 ") cannot be written for iasl, which always "
			      "compiles %" PRIu64 " (0x%" PRIx64 ") there", w->s->name, path, v, v, fx->value, fx->value);
	/* iasl writes 0 for a field labelled exactly "Reserved", whatever the
	 * source says (with a warning); "Reserved1"/"Reserved2" it keeps. */
	if (f->kind == HEST_FK_RESERVED && strcmp(f->label, "Reserved") == 0 && strspn(val, "0") != strlen(val))
		fail(w, path, "%s is 0x%s, but iasl writes 0 for every field labelled \"Reserved\"", path, val);
	const char *comment = NULL;
	if (f->attr & HEST_FA_TYPE)
		comment = d->title;
	else if (f->kind == HEST_FK_ENUM && !(f->names && strcmp(f->names->v[0].name, "false") == 0))
		comment = name_label(f->names, v); /* (true/false fields print as plain 01/00) */
	if (comment)
		field_line(w, f->size, f->label, "%s [%s]", val, comment);
	else
		field_line(w, f->size, f->label, "%s", val);
	if (decoded_below(f))
		flags_lines(w, f, v, path);
}

static void dsl_fields(struct dw *w, const struct hest_struct_desc *d, const uint8_t *p, const char *prefix)
{
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_field *f = &d->fields[i];
		char path[128];
		snprintf(path, sizeof(path), "%s%s", prefix, f->key);
		if (f->kind == HEST_FK_ARRAY) {
			const struct hest_field *countf;
			hest_array_field(d, &countf);
			size_t n = countf ? (size_t)hest_get_le(p + countf->offset, countf->size) : 0;
			dsl_banks(w, f, p + f->offset, n);
			continue;
		}
		dsl_field(w, d, f, p + f->offset, path);
	}
}

static void dsl_header(struct dw *w, const uint8_t *table, size_t tlen)
{
	const struct hest_struct_desc *hd = w->m->hdr.desc;
	const char *sig = hest_table_desc_of(w->m->kind)->signature;
	for (size_t i = 0; i < hd->nfields; i++) {
		const struct hest_field *f = &hd->fields[i];
		if (f->offset == 36) /* after the ACPI header */
			blank(w);
		dsl_field(w, hd, f, table + f->offset, f->key);
	}
	if (memcmp(table, sig, 4) != 0)
		fail(w, "signature", "the signature is not %s; iasl would compile another table", sig);
	uint32_t length = (uint32_t)hest_get_le(table + 4, 4);
	if (length != tlen)
		fail(w, "length", "Table Length 0x%" PRIx32 " is not the table's %zu bytes; iasl computes the "
				  "length itself", length, tlen);
	if (hest_byte_sum(table, tlen) != 0)
		fail(w, "checksum", "the checksum is deliberately wrong; iasl computes the checksum itself");
}

int hest_emit_dsl(const struct hest_model *m, const uint8_t *table, size_t len, struct hest_buf *out,
		  struct hest_diags *d)
{
	struct dw w = { out, m, d, &m->hdr, false };
	size_t tlen = len - (len >= m->trailing_len ? m->trailing_len : 0);
	const char *sig = hest_table_desc_of(m->kind)->signature;
	if (tlen < m->hdr.len) {
		fail(&w, NULL, "the table is shorter than its header");
		return -1;
	}
	/* the description's base name, unless it would end the comment */
	const char *origin = m->file ? strrchr(m->file, '/') : NULL;
	origin = origin ? origin + 1 : m->file;
	if (origin && (strstr(origin, "*/") || strchr(origin, '\n')))
		origin = NULL;
	hest_buf_printf(out, "/*\n"
			     " * %s as iasl data-table source, written by hestc%s%s.\n"
			     " * Compile with `iasl %s.dsl` (ACPICA 20200925 or later).  iasl computes the\n"
			     " * Table Length and Checksum itself, and replaces Asl Compiler ID and Revision\n"
			     " * with its own (\"INTL\" and its version) unless run with -z; with -z the\n"
			     " * result is hestc's %s.aml byte for byte.\n"
			     " *\n"
			     " * Format: [ByteLength]  FieldName : HexFieldValue\n"
			     " */\n",
			sig, origin ? " from " : "", origin ? origin : "", hest_table_desc_of(m->kind)->name,
			hest_table_desc_of(m->kind)->name);
	dsl_header(&w, table, tlen);
	blank(&w);
	if (m->trailing_len) {
		struct hest_loc l = { m->file, 0, 0, false, 0 };
		hest_diag_add(d, HEST_SEV_ERROR, NULL, l,
			      "--emit dsl: iasl's source cannot carry trailing_bytes (bytes after the table's end)");
		w.failed = true;
	}
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		w.s = s;
		blank(&w);
		if (!s->desc) {
			fail(&w, NULL, "source '%s' is raw bytes; iasl's HEST compiler only takes structures of the "
				       "types it knows (0-2, 6-11)", s->name);
			continue;
		}
		dsl_fields(&w, s->desc, s->bytes, "");
		if (!hest_buf_drain(out)) /* streamed: a write failed */
			return -1;
	}
	return w.failed || out->oom ? -1 : 0;
}

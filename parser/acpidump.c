/* acpidump text -> tables.  Two layouts carry table bytes as hex lines:
 *
 *   HEST @ 0x00000000BF7DE000                       (acpidump)
 *       0000: 48 45 53 54 A8 00 00 00 01 43 53 4D 43 49 20 20  HEST.....CSMCI
 *
 *   Raw Table Data: Length 224 (0xE0)               (iasl -d, acpixtract)
 *
 *       0000: 48 45 53 54 E0 00 00 00 01 F0 42 4F 43 48 53 20  // HEST......BOCHS
 *
 * A hex line is an offset, a colon, then bytes each preceded by one space;
 * two spaces (or "//") start the ASCII column, which is never read as data
 * even when it looks like hex. */
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/decode.h>
#include "cursor.h"

#define MAX_TABLE (256u * 1024u * 1024u)

struct dctx {
	const char *file;
	struct hest_dump *out;
	struct hest_diags *d;
	struct hest_dump_table *cur; /* table receiving hex lines, or NULL */
	size_t cap;                  /* allocated bytes of cur->data */
	size_t gap_budget;           /* zero bytes gaps may still add: at most the text's length */
	bool oom;
};

static struct hest_loc at_line(const struct dctx *x, uint32_t line, uint32_t col)
{
	return (struct hest_loc){ x->file, line, col, false, 0 };
}

/* "SIG @ 0xADDR": four signature characters (letters, digits, '_', '!'). */
static bool parse_heading(struct hest_cursor *l, char sig[5], uint64_t *addr)
{
	hest_cur_skip_blanks(l);
	for (int i = 0; i < 4; i++) {
		int ch = hest_cur_peek(l);
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
		      ch == '!'))
			return false;
		sig[i] = (char)ch;
		l->at++;
	}
	sig[4] = 0;
	if (!hest_cur_accept(l, " @ 0x") && !hest_cur_accept(l, " @ 0X"))
		return false;
	if (!hest_cur_hex(l, 16, addr))
		return false;
	hest_cur_skip_blanks(l);
	return hest_cur_eof(l);
}

static bool is_raw_heading(struct hest_cursor *l)
{
	hest_cur_skip_blanks(l);
	return hest_cur_accept(l, "Raw Table Data:");
}

static bool is_blank(struct hest_cursor *l)
{
	hest_cur_skip_blanks(l);
	return hest_cur_eof(l);
}

/* "  XXXX:" at the start of a hex line; the cursor is left after ':'. */
static bool hex_line_offset(struct hest_cursor *l, uint64_t *off)
{
	hest_cur_skip_blanks(l);
	if (!hest_cur_hex(l, 8, off))
		return false;
	return hest_cur_accept(l, ":");
}

static bool grow(struct dctx *x, size_t need)
{
	if (need <= x->cap)
		return true;
	size_t cap = x->cap ? x->cap : 256;
	while (cap < need)
		cap *= 2;
	uint8_t *p = realloc(x->cur->data, cap);
	if (!p) {
		x->oom = true;
		return false;
	}
	x->cur->data = p;
	x->cap = cap;
	return true;
}

static void finish_table(struct dctx *x)
{
	struct hest_dump_table *t = x->cur;
	x->cur = NULL;
	if (!t)
		return;
	if (t->len == 0) {
		free(t->data);
		t->data = NULL;
		x->out->n--;
		return;
	}
	if (!t->sig[0]) {
		for (size_t i = 0; i < 4; i++)
			t->sig[i] = i < t->len && t->data[i] >= 0x20 && t->data[i] < 0x7f ? (char)t->data[i] : '?';
		t->sig[4] = 0;
	}
}

static void start_table(struct dctx *x, const char *sig, uint64_t addr, uint32_t line)
{
	finish_table(x);
	struct hest_dump *o = x->out;
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 16;
		struct hest_dump_table *v = realloc(o->v, cap * sizeof(*v));
		if (!v) {
			x->oom = true;
			return;
		}
		o->v = v;
		o->cap = cap;
	}
	struct hest_dump_table *t = &o->v[o->n++];
	memset(t, 0, sizeof(*t));
	/* "" for raw table data: the signature comes from the bytes later. */
	memcpy(t->sig, sig, strnlen(sig, 4));
	t->address = addr;
	t->line = line;
	x->cur = t;
	x->cap = 0;
}

/* The bytes of one hex line (the cursor is after the offset's colon). */
static void hex_line_bytes(struct dctx *x, struct hest_cursor *l, uint64_t off, uint32_t lineno)
{
	struct hest_dump_table *t = x->cur;
	if (off != t->len) {
		hest_diag_add(x->d, HEST_SEV_ERROR, NULL, at_line(x, lineno, 1),
			      "hex line at offset 0x%" PRIx64 " in table '%s' follows 0x%zx bytes; lines must be "
			      "contiguous",
			      off, t->sig[0] ? t->sig : "(raw table data)", t->len);
		/* A gap is filled with zeros so later offsets stay right, but
		 * all gaps together add at most as many bytes as the text has:
		 * a 20-byte line must not make the parser allocate 256 MiB. */
		if (off < t->len || off > MAX_TABLE || off - t->len > x->gap_budget)
			return;
		x->gap_budget -= (size_t)off - t->len;
		if (!grow(x, (size_t)off))
			return;
		memset(t->data + t->len, 0, (size_t)off - t->len);
		t->len = (size_t)off;
	}
	for (;;) {
		size_t save = l->at;
		if (!hest_cur_accept(l, " "))
			break;
		int hi = hest_hex_digit(hest_cur_peek(l));
		int lo = hest_cur_has_at(l, l->at + 1, 1) ? hest_hex_digit(l->p[l->at + 1]) : -1;
		bool ends = !hest_cur_has_at(l, l->at + 2, 1) || l->p[l->at + 2] == ' ' || l->p[l->at + 2] == '\t';
		if (hi < 0 || lo < 0 || !ends) {
			l->at = save;
			break;
		}
		l->at += 2;
		if (t->len >= MAX_TABLE || !grow(x, t->len + 1))
			return;
		t->data[t->len++] = (uint8_t)(hi << 4 | lo);
	}
}

static void parse_line(struct dctx *x, struct hest_cursor *line, uint32_t lineno)
{
	struct hest_cursor l = *line;
	char sig[5];
	uint64_t v;
	if (parse_heading(&l, sig, &v)) {
		start_table(x, sig, v, lineno);
		return;
	}
	l = *line;
	if (is_raw_heading(&l)) {
		start_table(x, "", 0, lineno);
		return;
	}
	l = *line;
	if (is_blank(&l))
		return;
	l = *line;
	if (x->cur && hex_line_offset(&l, &v)) {
		hex_line_bytes(x, &l, v, lineno);
		return;
	}
	/* Any other text ends the table being read. */
	finish_table(x);
}

bool hest_dump_is_text(const uint8_t *p, size_t len)
{
	struct hest_cursor c, line;
	size_t probe = len < 4096 ? len : 4096;
	for (size_t i = 0; i < probe; i++)
		if (p[i] == 0)
			return false;
	hest_cur_init(&c, p, len);
	while (hest_cur_line(&c, &line)) {
		struct hest_cursor l = line;
		char sig[5];
		uint64_t v;
		if (parse_heading(&l, sig, &v))
			return true;
		l = line;
		if (is_raw_heading(&l))
			return true;
	}
	return false;
}

int hest_dump_parse(const uint8_t *text, size_t len, const char *file, struct hest_dump *out,
		    struct hest_diags *d)
{
	struct dctx x = { file, out, d, NULL, 0, len, false };
	struct hest_cursor c, line;
	uint32_t lineno = 0;
	memset(out, 0, sizeof(*out));
	hest_cur_init(&c, text, len);
	while (!x.oom && hest_cur_line(&c, &line)) {
		if (lineno < UINT32_MAX)
			lineno++;
		parse_line(&x, &line, lineno);
	}
	finish_table(&x);
	if (x.oom) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, at_line(&x, 0, 0), "out of memory reading tables from text");
		return -1;
	}
	if (out->n == 0) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, at_line(&x, 0, 0),
			      "no table found: expected acpidump text ('SIG @ 0xADDR' followed by hex lines) or "
			      "a 'Raw Table Data' block");
		return -1;
	}
	return 0;
}

void hest_dump_free(struct hest_dump *dump)
{
	for (size_t i = 0; i < dump->n; i++)
		free(dump->v[i].data);
	free(dump->v);
	memset(dump, 0, sizeof(*dump));
}

const struct hest_dump_table *hest_dump_find(const struct hest_dump *dump, const char *sig)
{
	for (size_t i = 0; i < dump->n; i++)
		if (strncmp(dump->v[i].sig, sig, 4) == 0)
			return &dump->v[i];
	return NULL;
}

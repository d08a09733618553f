/* Text -> tables.  Three layouts carry table bytes as hex lines:
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
 * even when it looks like hex.
 *
 *    --------------- HEST Table ---------------      (UEFI Shell acpiview)
 *
 *   Address  : 0x7FB7A000
 *   Length   : 132
 *
 *   00000000 : 48 45 53 54 84 00 00 00 - 01 A1 42 4F 43 48 53 20   HEST......BOCHS
 *
 * edk2's ShellPkg acpiview (AcpiParser.c DumpRaw) prints "Address  : 0x%p"
 * (upper-case hex, no fixed width), "Length   : %d", then per 16 bytes the
 * offset as "%08X : ", each byte as "%02X " with "- " after the eighth, and
 * the ASCII column after two more spaces; the last line is padded with
 * spaces to the column.  A banner " --------------- SIG Table --------------- "
 * comes before it (ProcessTableReportOptions).  Such a dump is read
 * strictly: its hex lines must hold exactly that, and Length must match
 * the bytes.  The UEFI Shell's redirection (`acpiview -s HEST > f.txt`)
 * writes UCS-2 with a byte order mark; that is read as the text it holds. */
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
	/* acpiview: the banner's signature waiting for its "Address" line, and
	 * the table being read's "Length" (declared_line 0: none yet) */
	char banner_sig[5];
	uint32_t banner_line;
	bool acpiview; /* cur is an acpiview dump */
	uint64_t declared_len;
	uint32_t declared_line;
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
	if (x->acpiview && x->declared_line && x->declared_len != t->len)
		hest_diag_add(x->d, HEST_SEV_ERROR, NULL, at_line(x, x->declared_line, 12),
			      "acpiview dump of '%s' says Length %" PRIu64 " but its hex lines hold %zu byte%s",
			      t->sig[0] ? t->sig : "(no banner)", x->declared_len, t->len, t->len == 1 ? "" : "s");
	x->acpiview = false;
	x->declared_line = 0;
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
	x->acpiview = false;
	x->declared_line = 0;
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

/* --- acpiview ------------------------------------------------------------ */

/* " --------------- SIG Table --------------- " */
static bool acpiview_banner(struct hest_cursor *l, char sig[5])
{
	hest_cur_skip_blanks(l);
	if (!hest_cur_accept(l, "---------------"))
		return false;
	hest_cur_skip_blanks(l);
	for (int i = 0; i < 4; i++) {
		int ch = hest_cur_peek(l);
		if (ch < 0x21 || ch > 0x7e)
			return false;
		sig[i] = (char)ch;
		l->at++;
	}
	sig[4] = 0;
	if (!hest_cur_accept(l, " Table "))
		return false;
	hest_cur_skip_blanks(l);
	if (!hest_cur_accept(l, "---------------"))
		return false;
	hest_cur_skip_blanks(l);
	return hest_cur_eof(l);
}

/* "Address  : 0x7FB7A000" */
static bool acpiview_address(struct hest_cursor *l, uint64_t *addr)
{
	if (!hest_cur_accept(l, "Address  : 0x") || !hest_cur_hex(l, 16, addr))
		return false;
	hest_cur_skip_blanks(l);
	return hest_cur_eof(l);
}

/* "Length   : 132" (decimal, as %d prints it) */
static bool acpiview_length(struct hest_cursor *l, uint64_t *len)
{
	if (!hest_cur_accept(l, "Length   : "))
		return false;
	int ch = hest_cur_peek(l);
	if (ch < '0' || ch > '9')
		return false;
	*len = 0;
	while ((ch = hest_cur_peek(l)) >= '0' && ch <= '9') {
		if (*len > UINT32_MAX)
			return false;
		*len = *len * 10 + (uint64_t)(ch - '0');
		l->at++;
	}
	hest_cur_skip_blanks(l);
	return hest_cur_eof(l);
}

/* "00000010 : " (exactly 8 digits, from the first column); the cursor is
 * left after it. */
static bool acpiview_offset(struct hest_cursor *l, uint64_t *off)
{
	for (size_t i = 0; i < 8; i++)
		if (!hest_cur_has_at(l, i, 1) || hest_hex_digit(l->p[i]) < 0)
			return false;
	if (!hest_cur_hex(l, 8, off))
		return false;
	return hest_cur_accept(l, " : ");
}

/* Zero bytes up to `upto` (bounded by the declared Length, when given, and
 * by the text's length), so that the lines after a damaged one keep their
 * offsets and report nothing more. */
static void zero_fill(struct dctx *x, size_t upto)
{
	struct hest_dump_table *t = x->cur;
	if (x->declared_line && upto > x->declared_len)
		upto = (size_t)x->declared_len;
	if (upto <= t->len || upto > MAX_TABLE || upto - t->len > x->gap_budget)
		return;
	x->gap_budget -= upto - t->len;
	if (!grow(x, upto))
		return;
	memset(t->data + t->len, 0, upto - t->len);
	t->len = upto;
}

/* The bytes of an acpiview hex line: "XX " sixteen times, "- " after the
 * eighth, then two spaces and the ASCII column (a shorter last line is
 * padded to the column with spaces).  Anything else is reported where it
 * stands; a byte that is not one reads as 0, and a line that goes wrong
 * otherwise is completed with zeros, so that one mistake is one error. */
static void acpiview_bytes(struct dctx *x, struct hest_cursor *l, uint64_t off, uint32_t lineno)
{
	struct hest_dump_table *t = x->cur;
	if (off != t->len) {
		hest_diag_add(x->d, HEST_SEV_ERROR, NULL, at_line(x, lineno, 1),
			      "acpiview hex line at offset 0x%" PRIx64 " in table '%s' follows 0x%zx bytes; lines must be "
			      "contiguous, 16 bytes each",
			      off, t->sig[0] ? t->sig : "(no banner)", t->len);
		if (off < t->len)
			return; /* read again: skipped */
		zero_fill(x, (size_t)off);
		if (off != t->len)
			return;
	}
	size_t start = t->len;
	bool dashed = false;
	for (unsigned n = 0; n < 16 && !hest_cur_eof(l);) {
		if (n == 8 && !dashed) {
			dashed = true;
			if (hest_cur_accept(l, "- "))
				continue;
			hest_diag_add(x->d, HEST_SEV_ERROR, NULL, at_line(x, lineno, (uint32_t)l->at + 1),
				      "acpiview hex line: \"- \" expected after the eighth byte");
			zero_fill(x, start + 16);
			return;
		}
		int hi = hest_hex_digit(hest_cur_peek(l));
		int lo = hest_cur_has_at(l, l->at + 1, 1) ? hest_hex_digit(l->p[l->at + 1]) : -1;
		bool ends = !hest_cur_has_at(l, l->at + 2, 1) || l->p[l->at + 2] == ' ';
		if (hi < 0 || lo < 0 || !ends) {
			if (n > 0 && hest_cur_peek(l) == ' ')
				break; /* the padding before the ASCII column of a short last line */
			size_t k = 0;
			while (hest_cur_has_at(l, l->at + k, 1) && k < 8 && l->p[l->at + k] != ' ')
				k++;
			hest_diag_add(x->d, HEST_SEV_ERROR, NULL, at_line(x, lineno, (uint32_t)l->at + 1),
				      "acpiview hex line: '%.*s' is not a byte (two hex digits and a space)",
				      (int)(k ? k : 1), (const char *)l->p + l->at);
			if (k != 2) {
				zero_fill(x, start + 16);
				return;
			}
			hi = lo = 0; /* in its place a 0, and on with the line */
		}
		if (t->len >= MAX_TABLE || !grow(x, t->len + 1))
			return;
		t->data[t->len++] = (uint8_t)(hi << 4 | lo);
		n++;
		l->at += hest_cur_has_at(l, l->at + 2, 1) ? 3 : 2;
		if (hest_cur_peek(l) == ' ')
			break; /* two spaces: the ASCII column */
	}
}

/* acpiview's lines; true when the line was one of them. */
static bool acpiview_line(struct dctx *x, const struct hest_cursor *line, uint32_t lineno)
{
	struct hest_cursor l = *line;
	char sig[5];
	uint64_t v;
	if (acpiview_banner(&l, sig)) {
		finish_table(x);
		memcpy(x->banner_sig, sig, 5);
		x->banner_line = lineno;
		return true;
	}
	l = *line;
	if (acpiview_address(&l, &v)) {
		/* the banner's signature, when it came just before */
		start_table(x, x->banner_line ? x->banner_sig : "", v, x->banner_line ? x->banner_line : lineno);
		x->banner_line = 0;
		x->acpiview = x->cur != NULL;
		return true;
	}
	if (!x->cur || !x->acpiview)
		return false;
	l = *line;
	if (!x->declared_line && x->cur->len == 0 && acpiview_length(&l, &v)) {
		x->declared_len = v;
		x->declared_line = lineno;
		return true;
	}
	l = *line;
	if (acpiview_offset(&l, &v)) {
		acpiview_bytes(x, &l, v, lineno);
		return true;
	}
	return false;
}

static void parse_line(struct dctx *x, struct hest_cursor *line, uint32_t lineno)
{
	struct hest_cursor l = *line;
	char sig[5];
	uint64_t v;
	if (acpiview_line(x, line, lineno))
		return;
	if (!is_blank(&l))
		x->banner_line = 0; /* a banner is followed by its Address line */
	l = *line;
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
	if (x->cur && !x->acpiview && hex_line_offset(&l, &v)) {
		hex_line_bytes(x, &l, v, lineno);
		return;
	}
	/* Any other text ends the table being read. */
	finish_table(x);
}

/* UCS-2 (UTF-16LE) text with its byte order mark, as the UEFI Shell's `>`
 * writes it: the characters, one byte each ('?' for those beyond ASCII; a
 * dump is ASCII), so that lines and columns stay those of the text.  NULL
 * when it is not such text or out of memory. */
static uint8_t *from_ucs2(const uint8_t *p, size_t len, size_t *out_len)
{
	if (len < 2 || p[0] != 0xff || p[1] != 0xfe)
		return NULL;
	size_t n = (len - 2) / 2;
	uint8_t *o = malloc(n ? n : 1);
	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned u = p[2 + 2 * i] | (unsigned)p[3 + 2 * i] << 8;
		o[i] = u && u < 0x80 ? (uint8_t)u : u ? '?' : 0;
	}
	*out_len = n;
	return o;
}

static bool is_text(const uint8_t *p, size_t len)
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
		l = line;
		if (acpiview_address(&l, &v))
			return true;
	}
	return false;
}

bool hest_dump_is_text(const uint8_t *p, size_t len)
{
	size_t n;
	/* the first 4 KiB of characters are enough to tell */
	uint8_t *t = from_ucs2(p, len < 8194 ? len : 8194, &n);
	if (!t)
		return is_text(p, len);
	bool yes = is_text(t, n);
	free(t);
	return yes;
}

static int parse_text(const uint8_t *text, size_t len, const char *file, struct hest_dump *out,
		      struct hest_diags *d)
{
	struct dctx x = { file, out, d, NULL, 0, len, false, "", 0, false, 0, 0 };
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
			      "no table found: expected acpidump text ('SIG @ 0xADDR' followed by hex lines), "
			      "a 'Raw Table Data' block or an acpiview dump ('Address  : 0x...', 'Length   : N', "
			      "hex lines)");
		return -1;
	}
	return 0;
}

int hest_dump_parse(const uint8_t *text, size_t len, const char *file, struct hest_dump *out,
		    struct hest_diags *d)
{
	size_t n;
	uint8_t *t = from_ucs2(text, len, &n);
	if (!t && len >= 2 && text[0] == 0xff && text[1] == 0xfe) {
		memset(out, 0, sizeof(*out));
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 },
			      "out of memory reading tables from text");
		return -1;
	}
	if (!t)
		return parse_text(text, len, file, out, d);
	int rc = parse_text(t, n, file, out, d);
	free(t);
	return rc;
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

/* Loader scripts in: the binary form and the text listing. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <inttypes.h>
#include <hest/desc.h>
#include <hest/loader.h>
#include "cursor.h"

static struct hest_loc at_offset(const char *file, uint64_t off)
{
	struct hest_loc l = { file, 0, 0, true, off };
	return l;
}

static void get_name(const uint8_t *p, char *dst, bool *terminated)
{
	const uint8_t *nul = memchr(p, 0, HEST_LOADER_FILESZ);
	size_t n = nul ? (size_t)(nul - p) : HEST_LOADER_FILESZ;
	memcpy(dst, p, n);
	dst[n] = '\0';
	*terminated = nul != NULL;
}

int hest_loader_decode(const uint8_t *p, size_t len, const char *file, struct hest_loader *l,
		       struct hest_diags *d)
{
	int rc = 0;
	if (len % HEST_LOADER_ENTRY_SIZE) {
		hest_diag_add(d, HEST_SEV_ERROR, "LOADER-SIZE", at_offset(file, len - len % HEST_LOADER_ENTRY_SIZE),
			      "script is %zu bytes, not a multiple of %u; SeaBIOS refuses the whole script", len,
			      HEST_LOADER_ENTRY_SIZE);
		rc = -1;
	}
	size_t n = len / HEST_LOADER_ENTRY_SIZE;
	if (n > HEST_LOADER_MAX_ENTRIES) {
		hest_diag_add(d, HEST_SEV_ERROR, "LOADER-SIZE", at_offset(file, 0),
			      "script has %zu commands; more than %u is not a plausible loader script", n,
			      HEST_LOADER_MAX_ENTRIES);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const uint8_t *e = p + i * HEST_LOADER_ENTRY_SIZE;
		struct hest_loader_entry x;
		memset(&x, 0, sizeof(x));
		x.byte_offset = i * HEST_LOADER_ENTRY_SIZE;
		x.command = (uint32_t)hest_get_le(e, 4);
		get_name(e + 4, x.file, &x.name_ok);
		x.src_ok = true;
		switch (x.command) {
		case HEST_LOADER_ALLOCATE:
			x.align = (uint32_t)hest_get_le(e + 60, 4);
			x.zone = e[64];
			break;
		case HEST_LOADER_ADD_POINTER:
			get_name(e + 60, x.src, &x.src_ok);
			x.offset = (uint32_t)hest_get_le(e + 116, 4);
			x.size = e[120];
			break;
		case HEST_LOADER_ADD_CHECKSUM:
			x.offset = (uint32_t)hest_get_le(e + 60, 4);
			x.start = (uint32_t)hest_get_le(e + 64, 4);
			x.length = (uint32_t)hest_get_le(e + 68, 4);
			break;
		case HEST_LOADER_WRITE_POINTER:
			get_name(e + 60, x.src, &x.src_ok);
			x.offset = (uint32_t)hest_get_le(e + 116, 4);
			x.src_offset = (uint32_t)hest_get_le(e + 120, 4);
			x.size = e[124];
			break;
		default:
			x.file[0] = '\0';
			x.name_ok = true;
			break;
		}
		if (!hest_loader_push(l, &x)) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, at_offset(file, x.byte_offset), "out of memory");
			return -1;
		}
	}
	return rc;
}

/* --- text listing ------------------------------------------------------- */

enum key_type { K_STR, K_U32, K_U8, K_ZONE };

struct key_spec {
	const char *key;
	enum key_type type;
	size_t field; /* offsetof in struct hest_loader_entry */
};

#define KS(k, t, f) { k, t, offsetof(struct hest_loader_entry, f) }

static const struct key_spec alloc_keys[] = { KS("file", K_STR, file), KS("align", K_U32, align),
					      KS("zone", K_ZONE, zone) };
static const struct key_spec ptr_keys[] = { KS("dest", K_STR, file), KS("offset", K_U32, offset),
					    KS("size", K_U8, size), KS("src", K_STR, src) };
static const struct key_spec ck_keys[] = { KS("file", K_STR, file), KS("offset", K_U32, offset),
					   KS("start", K_U32, start), KS("length", K_U32, length) };
static const struct key_spec wp_keys[] = { KS("dest", K_STR, file), KS("offset", K_U32, offset),
					   KS("size", K_U8, size), KS("src", K_STR, src),
					   KS("src_offset", K_U32, src_offset) };
static const struct key_spec unk_keys[] = { KS("command", K_U32, command) };

static const struct {
	const char *name;
	uint32_t command;
	const struct key_spec *keys;
	size_t nkeys;
} commands[] = {
	{ "ALLOCATE", HEST_LOADER_ALLOCATE, alloc_keys, 3 },
	{ "ADD_POINTER", HEST_LOADER_ADD_POINTER, ptr_keys, 4 },
	{ "ADD_CHECKSUM", HEST_LOADER_ADD_CHECKSUM, ck_keys, 4 },
	{ "WRITE_POINTER", HEST_LOADER_WRITE_POINTER, wp_keys, 5 },
	{ "UNKNOWN", 0, unk_keys, 1 },
};

struct lexer {
	const char *p, *end, *line_start;
	uint32_t line;
	const char *file;
	struct hest_diags *d;
};

static struct hest_loc here(const struct lexer *x, const char *at)
{
	struct hest_loc l = { x->file, x->line, (uint32_t)(at - x->line_start) + 1, false, 0 };
	return l;
}

#define LERR(x, at, ...) hest_diag_add((x)->d, HEST_SEV_ERROR, "LOADER-SYNTAX", here((x), (at)), __VA_ARGS__)

static void skip_blanks(struct lexer *x)
{
	while (x->p < x->end && (*x->p == ' ' || *x->p == '\t' || *x->p == '\r'))
		x->p++;
}

static bool at_eol(struct lexer *x)
{
	skip_blanks(x);
	return x->p >= x->end || *x->p == '\n' || *x->p == '#';
}

static size_t word_len(const struct lexer *x)
{
	const char *q = x->p;
	while (q < x->end && (*q == '_' || (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') ||
			      (*q >= '0' && *q <= '9')))
		q++;
	return (size_t)(q - x->p);
}

/* A quoted name with \" \\ and \xNN escapes, at most 55 bytes. */
static bool lex_string(struct lexer *x, char *dst)
{
	const char *start = x->p;
	if (x->p >= x->end || *x->p != '"') {
		LERR(x, x->p, "expected a quoted file name");
		return false;
	}
	x->p++;
	size_t n = 0;
	while (x->p < x->end && *x->p != '"' && *x->p != '\n') {
		int ch = (unsigned char)*x->p++;
		if (ch == '\\' && x->p < x->end) {
			char esc = *x->p++;
			if (esc == 'x' && x->end - x->p >= 2 && hest_hex_digit(x->p[0]) >= 0 && hest_hex_digit(x->p[1]) >= 0) {
				ch = hest_hex_digit(x->p[0]) * 16 + hest_hex_digit(x->p[1]);
				x->p += 2;
			} else if (esc == '"' || esc == '\\') {
				ch = esc;
			} else {
				LERR(x, x->p - 2, "unknown escape in a file name (use \\\", \\\\ or \\xNN)");
				return false;
			}
		}
		if (n >= HEST_LOADER_FILESZ - 1 || ch == 0) {
			LERR(x, start, ch ? "file name longer than %u bytes" : "file name holds a NUL byte",
			     HEST_LOADER_FILESZ - 1);
			return false;
		}
		dst[n++] = (char)ch;
	}
	if (x->p >= x->end || *x->p != '"') {
		LERR(x, start, "unterminated file name");
		return false;
	}
	x->p++;
	dst[n] = '\0';
	return true;
}

static bool lex_value(struct lexer *x, const struct key_spec *k, struct hest_loader_entry *e)
{
	uint8_t *field = (uint8_t *)e + k->field;
	const char *start = x->p;
	if (k->type == K_STR)
		return lex_string(x, (char *)field);
	size_t n = word_len(x);
	if (k->type == K_ZONE && ((n == 4 && memcmp(start, "high", 4) == 0) || (n == 4 && memcmp(start, "fseg", 4) == 0))) {
		*field = start[0] == 'h' ? 1 : 2;
		x->p += n;
		return true;
	}
	uint64_t v;
	const char *why;
	if (!n || hest_parse_uint(start, n, &v, &why) < 0) {
		LERR(x, start, "'%s' needs %s", k->key, k->type == K_ZONE ? "high, fseg or a number" : "a number");
		return false;
	}
	uint64_t max = (k->type == K_U32) ? UINT32_MAX : UINT8_MAX;
	if (v > max) {
		LERR(x, start, "'%s' value %.*s does not fit in %u bits", k->key, (int)n, start,
		     k->type == K_U32 ? 32u : 8u);
		return false;
	}
	x->p += n;
	if (k->type == K_U32)
		*(uint32_t *)(void *)field = (uint32_t)v;
	else
		*field = (uint8_t)v;
	return true;
}

static bool parse_command(struct lexer *x, struct hest_loader_entry *e)
{
	const char *start = x->p;
	size_t n = word_len(x);
	size_t ci;
	for (ci = 0; ci < sizeof(commands) / sizeof(commands[0]); ci++)
		if (strlen(commands[ci].name) == n && memcmp(commands[ci].name, start, n) == 0)
			break;
	if (ci == sizeof(commands) / sizeof(commands[0])) {
		LERR(x, start, "unknown command '%.*s' (ALLOCATE, ADD_POINTER, ADD_CHECKSUM, WRITE_POINTER)",
		     (int)(n ? n : 1), start);
		return false;
	}
	x->p += n;
	e->command = commands[ci].command;
	unsigned seen = 0;
	while (!at_eol(x)) {
		const char *kstart = x->p;
		size_t kn = word_len(x);
		size_t k;
		for (k = 0; k < commands[ci].nkeys; k++)
			if (strlen(commands[ci].keys[k].key) == kn && memcmp(commands[ci].keys[k].key, kstart, kn) == 0)
				break;
		if (k == commands[ci].nkeys) {
			LERR(x, kstart, "unknown key '%.*s' for %s", (int)(kn ? kn : 1), kstart, commands[ci].name);
			return false;
		}
		if (seen & (1u << k)) {
			LERR(x, kstart, "'%s' given twice", commands[ci].keys[k].key);
			return false;
		}
		seen |= 1u << k;
		x->p += kn;
		if (x->p >= x->end || *x->p != '=') {
			LERR(x, x->p, "expected '=' after '%s'", commands[ci].keys[k].key);
			return false;
		}
		x->p++;
		if (!lex_value(x, &commands[ci].keys[k], e))
			return false;
	}
	for (size_t k = 0; k < commands[ci].nkeys; k++)
		if (!(seen & (1u << k))) {
			LERR(x, start, "%s needs '%s'", commands[ci].name, commands[ci].keys[k].key);
			return false;
		}
	return true;
}

int hest_loader_parse_text(const char *text, size_t len, const char *file, struct hest_loader *l,
			   struct hest_diags *d)
{
	struct lexer x = { text, text + len, text, 1, file, d };
	int rc = 0;
	while (x.p < x.end) {
		x.line_start = x.p;
		if (!at_eol(&x)) {
			struct hest_loader_entry e;
			memset(&e, 0, sizeof(e));
			e.name_ok = e.src_ok = true;
			e.line = x.line;
			e.byte_offset = (uint64_t)l->n * HEST_LOADER_ENTRY_SIZE;
			if (parse_command(&x, &e)) {
				if (!hest_loader_push(l, &e)) {
					/* Refused as a whole, like a binary script of that
					 * size: nothing of it is simulated or checked. */
					bool full = l->n >= HEST_LOADER_MAX_ENTRIES;
					hest_diag_add(d, HEST_SEV_ERROR, full ? "LOADER-SIZE" : NULL, here(&x, x.line_start),
						      full ? "more than %u commands; not a plausible loader script, "
							     "refused as a whole" : "out of memory (%u commands)",
						      full ? HEST_LOADER_MAX_ENTRIES : (unsigned)l->n);
					hest_loader_free(l);
					hest_loader_init(l);
					return -1;
				}
			} else {
				rc = -1;
			}
		}
		const char *nl = memchr(x.p, '\n', (size_t)(x.end - x.p));
		x.p = nl ? nl + 1 : x.end;
		x.line++;
	}
	return rc;
}

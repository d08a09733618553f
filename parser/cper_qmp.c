/* QEMU's QMP error injection command (or bare base64) -> the error status
 * block it carries, for `hestval cper`.  The command is read the way QEMU
 * takes it (qapi/acpi-hest.json): one JSON object, "execute":
 * "inject-ghes-v2-error", "arguments": {"cper": BASE64} and an optional
 * "id"; any other member is refused, as QEMU refuses it.  Errors carry
 * file:line:col of the text. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>

#define JSON_MAX_DEPTH 64

struct jp {
	const uint8_t *p;
	size_t len, i;
	const char *file;
	struct hest_diags *d;
	bool failed;
};

static struct hest_loc loc_at(const struct jp *j, size_t off)
{
	uint32_t line = 1, col = 1;
	for (size_t k = 0; k < off && k < j->len; k++) {
		if (j->p[k] == '\n') {
			line++;
			col = 1;
		} else if (col < UINT32_MAX) {
			col++;
		}
	}
	return (struct hest_loc){ j->file, line, col, false, 0 };
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool jerr(struct jp *j, size_t off, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!j->failed)
		hest_diag_add(j->d, HEST_SEV_ERROR, NULL, loc_at(j, off), "%s", msg);
	j->failed = true;
	return false;
}

static void jws(struct jp *j)
{
	while (j->i < j->len && (j->p[j->i] == ' ' || j->p[j->i] == '\t' || j->p[j->i] == '\n' || j->p[j->i] == '\r'))
		j->i++;
}

static bool jpeek(struct jp *j, char c)
{
	jws(j);
	return j->i < j->len && j->p[j->i] == (uint8_t)c;
}

static bool jexpect(struct jp *j, char c, const char *what)
{
	if (jpeek(j, c)) {
		j->i++;
		return true;
	}
	if (j->i >= j->len)
		return jerr(j, j->i, "the QMP command ends where %s was expected", what);
	return jerr(j, j->i, "expected %s", what);
}

static int hexval(uint8_t c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A JSON string at j->i.  With s (and map) non-NULL, the decoded bytes
 * (malloc'd, NUL-terminated; characters beyond ASCII as 0xff, which no
 * value here may contain) and, per byte, its offset in the text. */
static bool jstring(struct jp *j, char **s, size_t **map, size_t *n)
{
	if (!jexpect(j, '"', "a string"))
		return false;
	size_t cap = j->len - j->i + 1, k = 0;
	char *v = s ? malloc(cap) : NULL;
	size_t *m = s ? malloc(cap * sizeof(*m)) : NULL;
	if (s && (!v || !m)) {
		free(v);
		free(m);
		return jerr(j, j->i, "out of memory");
	}
	while (j->i < j->len && j->p[j->i] != '"') {
		size_t at = j->i;
		uint8_t c = j->p[j->i++];
		if (c < 0x20) {
			jerr(j, at, "a control character (0x%02x) inside a string; JSON needs it escaped", c);
			goto bad;
		}
		if (c == '\\') {
			if (j->i >= j->len)
				break;
			uint8_t e = j->p[j->i++];
			switch (e) {
			case '"': case '\\': case '/': c = e; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'u': {
				unsigned u = 0;
				for (int q = 0; q < 4; q++) {
					int h = j->i < j->len ? hexval(j->p[j->i]) : -1;
					if (h < 0) {
						jerr(j, at, "'\\u' needs four hex digits");
						goto bad;
					}
					u = u << 4 | (unsigned)h;
					j->i++;
				}
				c = u && u < 0x80 ? (uint8_t)u : 0xff;
				break;
			}
			default:
				jerr(j, at, "unknown escape '\\%c' in a string", e >= 0x20 && e < 0x7f ? e : '?');
				goto bad;
			}
		}
		if (v) {
			v[k] = (char)c;
			m[k++] = at;
		}
	}
	if (j->i >= j->len) {
		jerr(j, j->i, "the QMP command ends inside a string");
		goto bad;
	}
	j->i++; /* closing quote */
	if (v) {
		v[k] = 0;
		m[k] = j->i - 1;
		*s = v;
		*map = m;
		*n = k;
	}
	return true;
bad:
	free(v);
	free(m);
	return false;
}

static bool jskip(struct jp *j, int depth);

static bool jskip_container(struct jp *j, int depth, char close, bool object)
{
	if (depth > JSON_MAX_DEPTH)
		return jerr(j, j->i, "values nested deeper than %d levels", JSON_MAX_DEPTH);
	j->i++;
	if (jpeek(j, close)) {
		j->i++;
		return true;
	}
	do {
		if (object && (!jstring(j, NULL, NULL, NULL) || !jexpect(j, ':', "':' after a member name")))
			return false;
		if (!jskip(j, depth + 1))
			return false;
	} while (jpeek(j, ',') && ++j->i);
	return jexpect(j, close, close == '}' ? "',' or '}'" : "',' or ']'");
}

/* Any JSON value (the "id" QMP lets a client add). */
static bool jskip(struct jp *j, int depth)
{
	jws(j);
	if (j->i >= j->len)
		return jerr(j, j->i, "the QMP command ends where a value was expected");
	uint8_t c = j->p[j->i];
	if (c == '"')
		return jstring(j, NULL, NULL, NULL);
	if (c == '{')
		return jskip_container(j, depth, '}', true);
	if (c == '[')
		return jskip_container(j, depth, ']', false);
	static const char *const words[] = { "true", "false", "null" };
	for (size_t w = 0; w < 3; w++) {
		size_t n = strlen(words[w]);
		if (j->len - j->i >= n && memcmp(j->p + j->i, words[w], n) == 0) {
			j->i += n;
			return true;
		}
	}
	size_t start = j->i;
	if (j->p[j->i] == '-')
		j->i++;
	while (j->i < j->len && strchr("0123456789.eE+-", j->p[j->i]) && j->p[j->i])
		j->i++;
	if (j->i == start || (j->i == start + 1 && j->p[start] == '-'))
		return jerr(j, start, "expected a JSON value");
	return true;
}

struct member_seen {
	const char *name;
	size_t at; /* offset of its name; 0 = not seen (a name is never at 0) */
};

/* The member name at j->i and its ':'; *seen updated, duplicates refused. */
static bool jmember(struct jp *j, struct member_seen *seen, size_t nseen, char **name, size_t *at)
{
	size_t *map, n;
	jws(j);
	*at = j->i;
	if (!jstring(j, name, &map, &n))
		return false;
	free(map);
	for (size_t k = 0; k < nseen; k++) {
		if (strcmp(*name, seen[k].name) != 0)
			continue;
		if (seen[k].at) {
			struct hest_loc first = loc_at(j, seen[k].at);
			jerr(j, *at, "member '%.64s' given twice (first at %" PRIu32 ":%" PRIu32 ")", *name, first.line,
			     first.col);
			free(*name);
			return false;
		}
		seen[k].at = *at;
	}
	if (!jexpect(j, ':', "':' after a member name")) {
		free(*name);
		return false;
	}
	return true;
}

/* The "arguments" object: its one member, "cper", into *cper. */
static bool jarguments(struct jp *j, char **cper, size_t **map, size_t *n, size_t *cper_at)
{
	struct member_seen seen[] = { { "cper", 0 } };
	size_t open = (jws(j), j->i);
	if (!jexpect(j, '{', "'arguments' to be an object"))
		return false;
	if (!jpeek(j, '}')) {
		do {
			char *name;
			size_t at;
			if (!jmember(j, seen, 1, &name, &at))
				return false;
			bool is_cper = strcmp(name, "cper") == 0;
			if (!is_cper) {
				jerr(j, at, "'%s': " HEST_QMP_INJECT_COMMAND " takes one argument, 'cper' (QEMU refuses others)",
				     name);
				free(name);
				return false;
			}
			free(name);
			jws(j);
			*cper_at = j->i;
			if (!jpeek(j, '"'))
				return jerr(j, j->i, "'cper' must be a string (the base64 of an error status block)");
			if (!jstring(j, cper, map, n))
				return false;
		} while (jpeek(j, ',') && ++j->i);
	}
	if (!jexpect(j, '}', "',' or '}'"))
		return false;
	if (!seen[0].at)
		return jerr(j, open, "'arguments' has no 'cper' (the base64 of an error status block)");
	return true;
}

static void take_base64(struct jp *j, const char *s, size_t n, const size_t *map, struct hest_buf *out)
{
	/* QEMU's qbase64_decode() takes the alphabet, '=' and newlines only. */
	for (size_t k = 0; k < n; k++)
		if (s[k] == ' ' || s[k] == '\t' || s[k] == '\r') {
			jerr(j, map ? map[k] : k, "'cper' holds a %s; QEMU's base64 decoder refuses every blank but a newline",
			     s[k] == ' ' ? "space" : s[k] == '\t' ? "tab" : "carriage return");
			return;
		}
	struct hest_base64_error e = { 0, NULL };
	if (hest_base64_decode(s, n, out, &e) == 0)
		return;
	size_t off = map ? map[e.offset <= n ? e.offset : n] : e.offset;
	jerr(j, off, "'cper' is not base64: %s", e.why);
}

static int read_qmp(struct jp *j, struct hest_buf *out)
{
	struct member_seen seen[] = { { "execute", 0 }, { "arguments", 0 }, { "id", 0 } };
	char *cper = NULL;
	size_t *map = NULL, n = 0, cper_at = 0;
	jws(j);
	size_t open = j->i;
	if (!jexpect(j, '{', "'{' (a QMP command is a JSON object)"))
		return -1;
	if (!jpeek(j, '}')) {
		do {
			char *name;
			size_t at;
			if (!jmember(j, seen, 3, &name, &at))
				goto done;
			if (strcmp(name, "execute") == 0) {
				char *cmd;
				size_t *m, k, vat = (jws(j), j->i);
				if (!jpeek(j, '"')) {
					jerr(j, vat, "'execute' must be a string (the command name)");
				} else if (jstring(j, &cmd, &m, &k)) {
					if (strcmp(cmd, HEST_QMP_INJECT_COMMAND) != 0)
						jerr(j, vat, "the command is '%.64s'; hestval cper reads QEMU's " HEST_QMP_INJECT_COMMAND,
						     cmd);
					free(cmd);
					free(m);
				}
			} else if (strcmp(name, "arguments") == 0) {
				jarguments(j, &cper, &map, &n, &cper_at);
			} else if (strcmp(name, "id") == 0) {
				jskip(j, 1);
			} else {
				jerr(j, at, "unknown member '%.64s' of a QMP command (execute, arguments, id)", name);
			}
			free(name);
			if (j->failed)
				goto done;
		} while (jpeek(j, ',') && ++j->i);
	}
	if (!jexpect(j, '}', "',' or '}'"))
		goto done;
	jws(j);
	if (j->i < j->len) {
		jerr(j, j->i, "text after the QMP command (one command per input)");
		goto done;
	}
	if (!seen[0].at)
		jerr(j, open, "the QMP command has no 'execute' (expected \"execute\": \"" HEST_QMP_INJECT_COMMAND "\")");
	else if (!seen[1].at)
		jerr(j, open, "the QMP command has no 'arguments' (expected \"arguments\": {\"cper\": BASE64})");
	else
		take_base64(j, cper, n, map, out);
	(void)cper_at;
done:
	free(cper);
	free(map);
	return j->failed ? -1 : 0;
}

/* --- hest-layout.json: one source's error status block size -------------- */

/* An unsigned JSON integer at j->i. */
static bool jnumber(struct jp *j, uint64_t *v)
{
	jws(j);
	size_t start = j->i;
	uint64_t x = 0;
	while (j->i < j->len && j->p[j->i] >= '0' && j->p[j->i] <= '9') {
		unsigned dgt = (unsigned)(j->p[j->i] - '0');
		if (x > (UINT64_MAX - dgt) / 10)
			return jerr(j, start, "number out of range");
		x = x * 10 + dgt;
		j->i++;
	}
	if (j->i == start || (j->i < j->len && strchr(".eE-+", j->p[j->i])))
		return jerr(j, start, "expected an unsigned integer");
	*v = x;
	return true;
}

struct layout_source {
	char *name;
	uint64_t id, block_size;
	bool has_id, has_block;
};

static bool jlayout_source(struct jp *j, struct layout_source *ls)
{
	if (!jexpect(j, '{', "a source object"))
		return false;
	if (jpeek(j, '}')) {
		j->i++;
		return true;
	}
	do {
		char *name;
		size_t *map, n;
		jws(j);
		if (!jstring(j, &name, &map, &n))
			return false;
		free(map);
		bool ok = jexpect(j, ':', "':' after a member name");
		if (ok && strcmp(name, "name") == 0 && !ls->name) {
			size_t *m2, n2;
			ok = jstring(j, &ls->name, &m2, &n2);
			if (ok)
				free(m2);
		} else if (ok && strcmp(name, "id") == 0) {
			ok = ls->has_id = jnumber(j, &ls->id);
		} else if (ok && strcmp(name, "block_size") == 0) {
			ok = ls->has_block = jnumber(j, &ls->block_size);
		} else if (ok) {
			ok = jskip(j, 2);
		}
		free(name);
		if (!ok)
			return false;
	} while (jpeek(j, ',') && ++j->i);
	return jexpect(j, '}', "',' or '}'");
}

static bool source_matches(const struct layout_source *ls, const char *want)
{
	if (ls->name && strcmp(ls->name, want) == 0)
		return true;
	char *end;
	unsigned long long id = strtoull(want, &end, 0);
	return ls->has_id && *want >= '0' && *want <= '9' && !*end && id == ls->id;
}

int hest_layout_json_block_size(const uint8_t *text, size_t len, const char *file, const char *source,
				uint64_t *block_size, char *name, size_t namelen, struct hest_diags *d)
{
	struct jp j = { text, len, 0, file, d, false };
	char names[256] = "";
	bool found = false, sources = false;
	if (!jexpect(&j, '{', "'{' (hest-layout.json is a JSON object)"))
		return -1;
	if (!jpeek(&j, '}')) {
		do {
			char *key;
			size_t *map, n;
			jws(&j);
			if (!jstring(&j, &key, &map, &n))
				return -1;
			free(map);
			bool is_sources = strcmp(key, "sources") == 0;
			free(key);
			if (!jexpect(&j, ':', "':' after a member name"))
				return -1;
			if (!is_sources) {
				if (!jskip(&j, 1))
					return -1;
				continue;
			}
			sources = true;
			if (!jexpect(&j, '[', "'sources' to be an array"))
				return -1;
			if (jpeek(&j, ']')) {
				j.i++;
				continue;
			}
			do {
				struct layout_source ls = { NULL, 0, 0, false, false };
				jws(&j);
				size_t at = j.i;
				if (!jlayout_source(&j, &ls)) {
					free(ls.name);
					return -1;
				}
				if (ls.name && strlen(names) + strlen(ls.name) + 3 < sizeof(names)) {
					if (*names)
						strcat(names, ", ");
					strcat(names, ls.name);
				}
				if (!found && source_matches(&ls, source)) {
					found = true;
					snprintf(name, namelen, "%s", ls.name ? ls.name : source);
					if (!ls.has_block)
						jerr(&j, at, "source '%.64s' has no error status block (no block_size)", source);
					*block_size = ls.block_size;
				}
				free(ls.name);
			} while (jpeek(&j, ',') && ++j.i);
			if (!jexpect(&j, ']', "',' or ']'"))
				return -1;
		} while (jpeek(&j, ',') && ++j.i);
	}
	if (!jexpect(&j, '}', "',' or '}'"))
		return -1;
	if (!sources)
		jerr(&j, 0, "no 'sources' array (is this hestc's hest-layout.json?)");
	else if (!found)
		jerr(&j, 0, "no source named '%.64s' (nor with that id); the layout has: %s", source, *names ? names : "none");
	return j.failed ? -1 : 0;
}

static bool is_blank(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

enum hest_cper_input hest_cper_input_guess(const uint8_t *text, size_t len)
{
	size_t i = 0;
	while (i < len && is_blank(text[i]))
		i++;
	if (i == len)
		return HEST_CPER_INPUT_BINARY;
	bool printable = true, base64 = true;
	for (size_t k = i; k < len; k++) {
		uint8_t c = text[k];
		printable &= is_blank(c) || (c >= 0x20 && c < 0x7f);
		base64 &= is_blank(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			  c == '+' || c == '/' || c == '=';
	}
	if (printable && text[i] == '{')
		return HEST_CPER_INPUT_QMP;
	return base64 ? HEST_CPER_INPUT_BASE64 : HEST_CPER_INPUT_BINARY;
}

int hest_cper_qmp_read(const uint8_t *text, size_t len, enum hest_cper_input input, const char *file,
		       struct hest_buf *out, struct hest_diags *d)
{
	struct jp j = { text, len, 0, file, d, false };
	if (input == HEST_CPER_INPUT_QMP)
		return read_qmp(&j, out);
	if (input == HEST_CPER_INPUT_BASE64) {
		struct hest_base64_error e = { 0, NULL };
		if (hest_base64_decode((const char *)text, len, out, &e) == 0)
			return 0;
		jerr(&j, e.offset, "not base64: %s", e.why);
		return -1;
	}
	return hest_buf_append(out, text, len) ? 0 : -1;
}

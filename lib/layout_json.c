/* hest-layout.json back into numbers (see <hest/inject.h>): a small strict
 * JSON reader (objects, arrays, strings, numbers, literals; depth 32) and
 * the keys hestc compile --emit json writes (docs/placement.md). */
#include <stdlib.h>
#include <string.h>
#include "digits.h"
#include <hest/inject.h>

enum jt { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jv {
	enum jt t;
	size_t at;           /* byte offset in the input */
	char *s;             /* J_STR (decoded), J_NUM (text) */
	bool b;
	struct jv *v;        /* J_ARR / J_OBJ members */
	char **keys;         /* J_OBJ */
	size_t n;
};

struct jp {
	const char *p, *start, *end;
	const char *file;
	struct hest_diags *d;
	bool failed;
};

static void jfree(struct jv *v)
{
	free(v->s);
	for (size_t i = 0; i < v->n; i++) {
		jfree(&v->v[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->v);
	free(v->keys);
	memset(v, 0, sizeof(*v));
}

static struct hest_loc loc_at(const struct jp *c, size_t at)
{
	uint32_t line = 1, col = 1;
	for (size_t i = 0; i < at && c->start + i < c->end; i++) {
		if (c->start[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	return (struct hest_loc){ c->file, line, col, false, 0 };
}

#define JERR(c, at, ...)                                                                     \
	do {                                                                                 \
		if (!(c)->failed)                                                            \
			hest_diag_add((c)->d, HEST_SEV_ERROR, NULL, loc_at((c), (at)), __VA_ARGS__); \
		(c)->failed = true;                                                          \
	} while (0)

static void ws(struct jp *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
		c->p++;
}

static size_t here(const struct jp *c)
{
	return (size_t)(c->p - c->start);
}

static bool parse_value(struct jp *c, struct jv *out, int depth);

static bool parse_string(struct jp *c, char **out)
{
	size_t at = here(c);
	c->p++; /* the quote */
	size_t cap = (size_t)(c->end - c->p) + 1, n = 0;
	char *s = malloc(cap);
	if (!s) {
		JERR(c, at, "out of memory");
		return false;
	}
	while (c->p < c->end && *c->p != '"') {
		unsigned char ch = (unsigned char)*c->p++;
		if (ch < 0x20) {
			JERR(c, here(c) - 1, "control character in a string");
			free(s);
			return false;
		}
		if (ch == '\\') {
			if (c->p >= c->end)
				break;
			char e = *c->p++;
			switch (e) {
			case '"': case '\\': case '/': ch = (unsigned char)e; break;
			case 'b': ch = '\b'; break;
			case 'f': ch = '\f'; break;
			case 'n': ch = '\n'; break;
			case 'r': ch = '\r'; break;
			case 't': ch = '\t'; break;
			case 'u': {
				unsigned v = 0;
				for (int i = 0; i < 4; i++, c->p++) {
					char h = c->p < c->end ? *c->p : 0;
					int dg = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
						 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
					if (dg < 0) {
						JERR(c, here(c), "bad \\u escape");
						free(s);
						return false;
					}
					v = v << 4 | (unsigned)dg;
				}
				/* source names are what the description allowed; keep ASCII, mark the rest */
				ch = v && v < 0x80 ? (unsigned char)v : '?';
				break;
			}
			default:
				JERR(c, here(c) - 1, "bad escape '\\%c'", e);
				free(s);
				return false;
			}
		}
		s[n++] = (char)ch;
	}
	if (c->p >= c->end) {
		JERR(c, at, "unterminated string");
		free(s);
		return false;
	}
	c->p++;
	s[n] = 0;
	*out = s;
	return true;
}

static bool push(struct jp *c, struct jv *arr, size_t *cap, struct jv *item, char *key)
{
	if (arr->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		struct jv *nv = realloc(arr->v, nc * sizeof(*nv));
		if (!nv)
			goto oom;
		arr->v = nv;
		if (arr->t == J_OBJ) {
			char **nk = realloc(arr->keys, nc * sizeof(*nk));
			if (!nk)
				goto oom;
			arr->keys = nk;
		}
		*cap = nc;
	}
	arr->v[arr->n] = *item;
	if (arr->t == J_OBJ)
		arr->keys[arr->n] = key;
	arr->n++;
	return true;
oom:
	JERR(c, item->at, "out of memory");
	jfree(item);
	free(key);
	return false;
}

static bool parse_container(struct jp *c, struct jv *out, int depth, bool object)
{
	char close = object ? '}' : ']';
	size_t cap = 0;
	out->t = object ? J_OBJ : J_ARR;
	c->p++;
	ws(c);
	if (c->p < c->end && *c->p == close) {
		c->p++;
		return true;
	}
	for (;;) {
		char *key = NULL;
		ws(c);
		if (object) {
			if (c->p >= c->end || *c->p != '"') {
				JERR(c, here(c), "expected a key (a string)");
				return false;
			}
			if (!parse_string(c, &key))
				return false;
			ws(c);
			if (c->p >= c->end || *c->p != ':') {
				JERR(c, here(c), "expected ':' after the key");
				free(key);
				return false;
			}
			c->p++;
		}
		struct jv item;
		memset(&item, 0, sizeof(item));
		if (!parse_value(c, &item, depth + 1)) {
			free(key);
			jfree(&item);
			return false;
		}
		if (!push(c, out, &cap, &item, key))
			return false;
		ws(c);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == close) {
			c->p++;
			return true;
		}
		JERR(c, here(c), "expected ',' or '%c'", close);
		return false;
	}
}

static bool parse_value(struct jp *c, struct jv *out, int depth)
{
	ws(c);
	out->at = here(c);
	if (depth > 32) {
		JERR(c, here(c), "nested deeper than 32");
		return false;
	}
	if (c->p >= c->end) {
		JERR(c, here(c), "unexpected end of the file");
		return false;
	}
	char ch = *c->p;
	if (ch == '{' || ch == '[')
		return parse_container(c, out, depth, ch == '{');
	if (ch == '"') {
		out->t = J_STR;
		return parse_string(c, &out->s);
	}
	static const struct {
		const char *w;
		enum jt t;
		bool b;
	} lits[] = { { "true", J_BOOL, true }, { "false", J_BOOL, false }, { "null", J_NULL, false } };
	for (size_t i = 0; i < 3; i++) {
		size_t l = strlen(lits[i].w);
		if ((size_t)(c->end - c->p) >= l && memcmp(c->p, lits[i].w, l) == 0) {
			out->t = lits[i].t;
			out->b = lits[i].b;
			c->p += l;
			return true;
		}
	}
	const char *s = c->p;
	while (c->p < c->end && strchr("+-.0123456789eE", *c->p) && *c->p)
		c->p++;
	if (c->p == s) {
		JERR(c, here(c), "expected a value");
		return false;
	}
	out->t = J_NUM;
	out->s = malloc((size_t)(c->p - s) + 1);
	if (!out->s) {
		JERR(c, out->at, "out of memory");
		return false;
	}
	memcpy(out->s, s, (size_t)(c->p - s));
	out->s[c->p - s] = 0;
	return true;
}

static const struct jv *get(const struct jv *o, const char *key)
{
	if (!o || o->t != J_OBJ)
		return NULL;
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return &o->v[i];
	return NULL;
}

/* An unsigned integer: a JSON number (decimal digits only) or a "0x..."
 * string, as hest-layout.json writes addresses and masks. */
static bool uint_of(struct jp *c, const struct jv *o, const char *key, bool required, uint64_t max, uint64_t *out)
{
	const struct jv *v = get(o, key);
	if (!v) {
		if (required)
			JERR(c, o->at, "'%s' is missing", key);
		return false;
	}
	const char *s = v->s;
	unsigned base = 10;
	if (v->t == J_STR && s && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (v->t != J_NUM) {
		JERR(c, v->at, "'%s' must be %s", key, "a number or a \"0x...\" string");
		return false;
	}
	uint64_t x = 0;
	const char *p = s ? hest_scan_digits(s, base, &x) : NULL;
	if (!p || p == s || *p || x > max) {
		JERR(c, v->at, "'%s' is not an unsigned integer up to 0x%llx", key, (unsigned long long)max);
		return false;
	}
	*out = x;
	return true;
}

static char *str_of(struct jp *c, const struct jv *o, const char *key)
{
	const struct jv *v = get(o, key);
	if (!v || v->t != J_STR) {
		JERR(c, v ? v->at : o->at, "'%s' %s", key, v ? "must be a string" : "is missing");
		return NULL;
	}
	char *s = strdup(v->s);
	if (!s)
		JERR(c, v->at, "out of memory");
	return s;
}

void hest_layout_info_free(struct hest_layout_info *li)
{
	for (size_t i = 0; i < li->nsrc; i++) {
		free(li->src[i].name);
		free(li->src[i].type);
	}
	free(li->src);
	memset(li, 0, sizeof(*li));
}

static void read_source(struct jp *c, const struct jv *o, struct hest_layout_src *s)
{
	uint64_t v;
	if (o->t != J_OBJ) {
		JERR(c, o->at, "a source must be an object");
		return;
	}
	s->name = str_of(c, o, "name");
	s->type = str_of(c, o, "type");
	if (uint_of(c, o, "id", true, 0xffff, &v))
		s->id = (uint16_t)v;
	if (!get(o, "register_offset"))
		return; /* no register: MCE, AER, ... (or placement none) */
	s->has_block = true;
	uint_of(c, o, "register_offset", true, UINT64_MAX, &s->register_offset);
	if (uint_of(c, o, "block_size", true, UINT32_MAX, &v))
		s->block_size = (uint32_t)v;
	s->block_pinned = !get(o, "block_offset");
	if (!s->block_pinned)
		uint_of(c, o, "block_offset", true, UINT64_MAX, &s->block_offset);
	s->has_read_ack = get(o, "read_ack_offset") != NULL;
	if (s->has_read_ack) {
		uint_of(c, o, "read_ack_offset", true, UINT64_MAX, &s->read_ack_offset);
		uint_of(c, o, "read_ack_preserve", true, UINT64_MAX, &s->read_ack_preserve);
		uint_of(c, o, "read_ack_write", true, UINT64_MAX, &s->read_ack_write);
		s->read_ack_bit_width = 64;
		if (uint_of(c, o, "read_ack_bit_offset", false, 63, &v))
			s->read_ack_bit_offset = (uint8_t)v;
		if (uint_of(c, o, "read_ack_bit_width", false, 64, &v))
			s->read_ack_bit_width = (uint8_t)v;
	}
	s->has_addresses = get(o, "register_address") != NULL;
	if (s->has_addresses) {
		uint_of(c, o, "register_address", true, UINT64_MAX, &s->register_address);
		uint_of(c, o, "block_address", true, UINT64_MAX, &s->block_address);
		if (s->has_read_ack)
			uint_of(c, o, "read_ack_address", true, UINT64_MAX, &s->read_ack_address);
	} else if (s->block_pinned) {
		JERR(c, o->at, "source '%s' has neither block_offset nor block_address", s->name ? s->name : "?");
	}
}

int hest_layout_json_parse(struct hest_layout_info *li, const char *file, const uint8_t *buf, size_t len,
			   struct hest_diags *d)
{
	struct jp c = { (const char *)buf, (const char *)buf, (const char *)buf + len, file, d, false };
	struct jv root;
	memset(&root, 0, sizeof(root));
	memset(li, 0, sizeof(*li));
	if (parse_value(&c, &root, 0)) {
		ws(&c);
		if (c.p != c.end)
			JERR(&c, here(&c), "text after the JSON value");
	}
	if (!c.failed && root.t != J_OBJ)
		JERR(&c, 0, "hest-layout.json must be an object");
	const struct jv *pl = c.failed ? NULL : get(&root, "placement");
	if (!c.failed && (!pl || pl->t != J_OBJ))
		JERR(&c, root.at, "'placement' is missing: not a hest-layout.json");
	if (!c.failed) {
		char *mode = str_of(&c, pl, "mode");
		if (mode) {
			if (strcmp(mode, "fixed") == 0)
				li->mode = HEST_PLACE_FIXED;
			else if (strcmp(mode, "linker-loader") == 0)
				li->mode = HEST_PLACE_LINKER_LOADER;
			else if (strcmp(mode, "none") == 0)
				li->mode = HEST_PLACE_NONE;
			else
				JERR(&c, get(pl, "mode")->at, "unknown placement mode '%s'", mode);
			free(mode);
		}
		if (li->mode == HEST_PLACE_FIXED)
			uint_of(&c, pl, "base", true, UINT64_MAX, &li->base);
		if (li->mode != HEST_PLACE_NONE)
			uint_of(&c, pl, "blob_size", true, UINT64_MAX, &li->blob_size);
	}
	const struct jv *srcs = c.failed ? NULL : get(&root, "sources");
	if (!c.failed && (!srcs || srcs->t != J_ARR))
		JERR(&c, root.at, "'sources' (an array) is missing");
	if (!c.failed && srcs->n) {
		li->src = calloc(srcs->n, sizeof(*li->src));
		if (!li->src)
			JERR(&c, srcs->at, "out of memory");
		else
			li->nsrc = srcs->n;
		for (size_t i = 0; i < li->nsrc && !c.failed; i++)
			read_source(&c, &srcs->v[i], &li->src[i]);
	}
	jfree(&root);
	if (c.failed) {
		hest_layout_info_free(li);
		return -1;
	}
	return 0;
}

long hest_layout_find(const struct hest_layout_info *li, const char *key)
{
	for (size_t i = 0; i < li->nsrc; i++)
		if (li->src[i].name && strcmp(li->src[i].name, key) == 0)
			return (long)i;
	const char *p = strncmp(key, "id:", 3) == 0 ? key + 3 : key;
	char *end;
	if (*p < '0' || *p > '9')
		return -1;
	unsigned long id = strtoul(p, &end, 10);
	if (*end || id > 0xffff)
		return -1;
	for (size_t i = 0; i < li->nsrc; i++)
		if (li->src[i].id == id)
			return (long)i;
	return -1;
}

int hest_layout_target(const struct hest_layout_info *li, size_t i, uint64_t blob_address,
		       struct hest_ghes_target *t, const char **why)
{
	memset(t, 0, sizeof(*t));
	if (i >= li->nsrc) {
		*why = "no such source";
		return -1;
	}
	const struct hest_layout_src *s = &li->src[i];
	if (!s->has_block) {
		*why = "the source has no error status block (only GHES and GHESv2 sources do)";
		return -1;
	}
	t->block_length = s->block_size;
	if (s->has_read_ack) {
		t->read_ack_preserve = s->read_ack_preserve;
		t->read_ack_write = s->read_ack_write;
		t->read_ack_bit_offset = s->read_ack_bit_offset;
		t->read_ack_bit_width = s->read_ack_bit_width == 64 ? 0 : s->read_ack_bit_width;
	}
	switch (li->mode) {
	case HEST_PLACE_FIXED:
		if (blob_address && blob_address != li->base) {
			*why = "with fixed placement the region is at the layout's base; --blob-address differs";
			return -1;
		}
		if (!s->has_addresses) {
			*why = "the layout gives no addresses for the source";
			return -1;
		}
		t->register_address = s->register_address;
		t->read_ack_address = s->has_read_ack ? s->read_ack_address : 0;
		t->block_address = s->block_address;
		return 0;
	case HEST_PLACE_LINKER_LOADER:
		if (!blob_address) {
			*why = "linker-loader placement: the firmware chose the region's address; give it (--blob-address)";
			return -1;
		}
		if (s->block_pinned) {
			*why = "the layout gives no block offset for the source";
			return -1;
		}
		if (blob_address + li->blob_size < blob_address) {
			*why = "the region would run past the end of the address space";
			return -1;
		}
		t->register_address = blob_address + s->register_offset;
		t->read_ack_address = s->has_read_ack ? blob_address + s->read_ack_offset : 0;
		t->block_address = blob_address + s->block_offset;
		return 0;
	default:
		*why = "placement none: the layout has no registers to follow";
		return -1;
	}
}

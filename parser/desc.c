/* YAML description -> model, driven by the field-descriptor tables. */
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/aml.h>
#include <hest/desc.h>
#include <hest/schema.h>
#include <hest/cper.h>
#include <hest/profile.h>
#include "cursor.h"
#include "suggest.h"
#include "ytree.h"
#include "cper_desc.h"

/* What the parser knows of each source of the model beyond the model. */
struct srcinfo {
	bool named;               /* the name was given with `name:` (else derived from type and id) */
	struct hest_pos name_pos; /* ... and where */
	bool clean;               /* parsed without errors: takes part in the cross-source checks */
};

/* A `block_address:` read while the sources were streamed (see
 * hest_desc_parse), before the placement mode was known: settled when the
 * sources' diagnostics join the others, at the place it would have had. */
struct pending_block {
	size_t src;               /* model source */
	size_t at;                /* index among the sources' diagnostics */
	struct hest_loc key;      /* the key, for "needs placement mode fixed" */
	struct hest_diags value;  /* what reading the value said */
	bool ok;
	uint64_t address;
	struct hest_pos pos;
};

struct dctx {
	struct hest_model *m;
	const char *file;
	struct hest_diags *d;
	struct srcinfo *info; /* one per model source */
	size_t infocap;
	/* a source's given-field list while it is parsed (see parse_source) */
	struct hest_given *given;
	size_t givencap;
	/* streaming the sources (hest_desc_parse) */
	struct hest_diags *main_d;  /* the caller's list while the sources' go to srcd */
	struct hest_diags srcd;
	struct pending_block *pend;
	size_t npend, pendcap;
	/* what a profile (placement.profile) is checked against: the value
	 * of each placement key given (index as in the option table) and of
	 * target.arch */
	const struct ynode *placement_given[32];
	const struct ynode *arch_given;
	bool profile_refused; /* an unknown profile: its sources are not missing */
};

static struct hest_loc at(const struct dctx *c, const struct ynode *n)
{
	struct hest_loc l = { c->file, n ? n->line : 0, n ? n->col : 0, false, 0 };
	return l;
}

static struct hest_pos pos_of(const struct ynode *n)
{
	struct hest_pos p = { n->line, n->col };
	return p;
}

#define ERR(c, node, ...) hest_diag_add((c)->d, HEST_SEV_ERROR, NULL, at((c), (node)), __VA_ARGS__)

/* --- scalars ---------------------------------------------------------- */

int hest_parse_uint(const char *s, size_t len, uint64_t *v, const char **why)
{
	size_t i = 0;
	unsigned base = 10;
	if (len == 0) {
		*why = "empty value";
		return -1;
	}
	if (s[0] == '-') {
		*why = "negative values are not allowed";
		return -1;
	}
	if (s[0] == '+')
		i++;
	if (len - i > 2 && s[i] == '0') {
		char p = s[i + 1];
		if (p == 'x' || p == 'X')
			base = 16;
		else if (p == 'o' || p == 'O')
			base = 8;
		else if (p == 'b' || p == 'B')
			base = 2;
		if (base != 10)
			i += 2;
	}
	uint64_t acc = 0;
	/* acc * base + dv overflows exactly when acc > lim or acc == lim and
	 * dv > lim_dv (no division per digit) */
	const uint64_t lim = UINT64_MAX / base, lim_dv = UINT64_MAX % base;
	size_t digits = 0;
	for (; i < len; i++) {
		char ch = s[i];
		unsigned dv;
		if (ch == '_' && digits)
			continue;
		if (ch >= '0' && ch <= '9')
			dv = (unsigned)(ch - '0');
		else if (ch >= 'a' && ch <= 'f')
			dv = (unsigned)(ch - 'a' + 10);
		else if (ch >= 'A' && ch <= 'F')
			dv = (unsigned)(ch - 'A' + 10);
		else
			break;
		if (dv >= base) {
			if (base == 10 && dv < 16)
				break; /* maybe a suffix; checked below */
			*why = "digit out of range for the base";
			return -1;
		}
		if (acc > lim || (acc == lim && dv > lim_dv)) {
			*why = "does not fit in 64 bits";
			return -1;
		}
		acc = acc * base + dv;
		digits++;
	}
	if (!digits) {
		*why = "not a number";
		return -1;
	}
	if (i < len) {
		/* K (or k), M, G, T, each also with "iB" */
		size_t rest = len - i;
		unsigned shift = 0;
		switch (s[i]) {
		case 'K':
		case 'k':
			shift = 10;
			break;
		case 'M':
			shift = 20;
			break;
		case 'G':
			shift = 30;
			break;
		case 'T':
			shift = 40;
			break;
		default:
			break;
		}
		bool found = shift && (rest == 1 || (rest == 3 && s[i] != 'k' && s[i + 1] == 'i' && s[i + 2] == 'B'));
		if (!found || base != 10) {
			*why = "unknown suffix (sizes take K, KiB, M, MiB, G, GiB, T or TiB)";
			return -1;
		}
		if (acc > (UINT64_MAX >> shift)) {
			*why = "does not fit in 64 bits";
			return -1;
		}
		acc <<= shift;
	}
	*v = acc;
	return 0;
}

static bool want_scalar(struct dctx *c, const struct ynode *n, const char *what, const char *expect)
{
	if (n->kind == Y_SCALAR)
		return true;
	ERR(c, n, "'%s' must be %s, not %s", what, expect, ynode_kind_name(n));
	return false;
}

static bool node_uint(struct dctx *c, const struct ynode *n, const char *what, unsigned size, uint64_t *v)
{
	if (!want_scalar(c, n, what, "an integer"))
		return false;
	if (n->quoted) {
		ERR(c, n, "'%s' must be an integer, not a string (remove the quotes)", what);
		return false;
	}
	if (n->len == 0) {
		ERR(c, n, "'%s' has no value; expected an integer", what);
		return false;
	}
	const char *why;
	if (hest_parse_uint(n->str, n->len, v, &why) < 0) {
		ERR(c, n, "'%s': invalid integer '%s': %s", what, n->str, why);
		return false;
	}
	uint64_t max = hest_field_max(size);
	if (*v > max) {
		ERR(c, n, "'%s': value %s is out of range for a %u-byte field (0..0x%" PRIx64 ")", what, n->str,
		    size, max);
		return false;
	}
	return true;
}

static void names_list(const struct hest_names *names, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < names->n && used < size; i++) {
		int k = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", names->v[i].name);
		if (k < 0)
			break;
		used += (size_t)k;
	}
}

/* Where a structure is, for messages: fixed text ("notification"), or
 * A B INDEX ("ghes-v2 source #3", "bank 2") formatted only when a message
 * needs it (this is passed for every structure of every source). */
struct where {
	const char *text;
	const char *a, *b;
	size_t index;
	char buf[96];
};

#define WHERE_TEXT(t) { (t), NULL, NULL, 0, "" }

static const char *wtext(struct where *w)
{
	if (!w)
		return NULL;
	if (!w->text) {
		snprintf(w->buf, sizeof(w->buf), "%s%s%zu", w->a, w->b, w->index);
		w->text = w->buf;
	}
	return w->text;
}

/* An enum value: a name of the table, or an integer within the width.  `key`
 * names the YAML key in type and number errors; an unknown name is reported
 * as "unknown WHAT 'name' [in IN] (did you mean ...)". */
static bool node_name_or_uint(struct dctx *c, const struct ynode *n, const char *key, const char *what,
			      struct where *inw, unsigned size, const struct hest_names *names, uint64_t *v)
{
	if (!want_scalar(c, n, key, "a name or an integer"))
		return false;
	if (n->len && ((n->str[0] >= '0' && n->str[0] <= '9') || n->str[0] == '-' || n->str[0] == '+'))
		return node_uint(c, n, key, size, v);
	if (hest_name_lookup(names, n->str, n->len, v))
		return true;
	struct suggest sg = SUGGEST_INIT;
	for (size_t i = 0; names && i < names->n; i++)
		suggest_consider(&sg, n->str, n->len, names->v[i].name);
	char list[512], sbuf[96];
	const char *in = wtext(inw);
	if (names)
		names_list(names, list, sizeof(list));
	else
		snprintf(list, sizeof(list), "an integer");
	ERR(c, n, "unknown %s '%s'%s%s%s; expected one of: %s", what, n->str, in ? " in " : "", in ? in : "",
	    suggest_text(&sg, sbuf, sizeof(sbuf)), list);
	return false;
}

/* A setting of the model (not a wire field): a name, or the number of one. */
static bool node_setting(struct dctx *c, const struct ynode *n, const char *key, const char *what,
			 const struct hest_names *names, uint64_t *v)
{
	if (!node_name_or_uint(c, n, key, what, NULL, 1, names, v))
		return false;
	if (hest_name_of(names, *v))
		return true;
	char list[256];
	names_list(names, list, sizeof(list));
	ERR(c, n, "%s %s is not defined; expected one of: %s", what, n->str, list);
	return false;
}

static bool node_bool(struct dctx *c, const struct ynode *n, const char *what, bool *b)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	if (!want_scalar(c, n, what, "true or false"))
		return false;
	for (size_t i = 0; i < 3; i++) {
		if (yscalar_is(n, yes[i])) {
			*b = true;
			return true;
		}
		if (yscalar_is(n, no[i])) {
			*b = false;
			return true;
		}
	}
	ERR(c, n, "'%s' must be true or false, not '%s'", what, n->str);
	return false;
}

static bool node_flags(struct dctx *c, const struct ynode *n, const struct hest_field *f, uint64_t *v)
{
	uint64_t acc = 0, bit;
	if (n->kind == Y_SCALAR) {
		struct where in = WHERE_TEXT(f->key);
		if (!node_name_or_uint(c, n, f->key, "flag", &in, f->size, f->names, &bit))
			return false;
		*v = bit;
		return true;
	}
	if (n->kind != Y_SEQ) {
		ERR(c, n, "'%s' must be a list of flag names, a name or an integer, not %s", f->key,
		    ynode_kind_name(n));
		return false;
	}
	bool ok = true;
	YSEQ_FOREACH(n, it) {
		struct where in = WHERE_TEXT(f->key);
		if (node_name_or_uint(c, it, f->key, "flag", &in, f->size, f->names, &bit))
			acc |= bit;
		else
			ok = false;
	}
	*v = acc;
	return ok;
}

static bool node_chars(struct dctx *c, const struct ynode *n, const char *what, unsigned size, uint8_t *dst)
{
	if (!want_scalar(c, n, what, "a string"))
		return false;
	if (n->len > size) {
		ERR(c, n, "'%s' is %zu bytes long; the field holds %u", what, n->len, size);
		return false;
	}
	memset(dst, ' ', size);
	memcpy(dst, n->str, n->len);
	return true;
}

/* Hex bytes, the spelling of content kept verbatim (raw sources, trailing
 * bytes, OEM ids that are not text): pairs of hex digits, blanks and line
 * breaks between pairs allowed ("d2 04 00 00", "d2040000").  Returns a
 * malloc'd buffer (at least one byte allocated) or NULL after an error. */
static uint8_t *node_hex(struct dctx *c, const struct ynode *n, const char *what, size_t *len)
{
	if (!want_scalar(c, n, what, "hex bytes (pairs of hex digits)"))
		return NULL;
	if (n->len / 2 > UINT32_MAX - HEST_SOURCES_OFFSET) {
		ERR(c, n, "'%s': %zu bytes do not fit in a table", what, n->len / 2);
		return NULL;
	}
	uint8_t *b = malloc(n->len / 2 + 1);
	if (!b) {
		ERR(c, n, "out of memory");
		return NULL;
	}
	size_t k = 0;
	int hi = -1;
	for (size_t i = 0; i < n->len; i++) {
		char ch = n->str[i];
		int dv = hest_hex_digit(ch);
		if (dv < 0 && hi < 0 && (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'))
			continue;
		if (dv < 0) {
			ERR(c, n, "'%s': %s at character %zu; expected hex bytes such as \"0a 1b ff\"", what,
			    hi >= 0 ? "half a byte" : "not a hex digit", i + 1);
			free(b);
			return NULL;
		}
		if (hi < 0) {
			hi = dv;
		} else {
			b[k++] = (uint8_t)(hi << 4 | dv);
			hi = -1;
		}
	}
	if (hi >= 0 || k == 0) {
		ERR(c, n, "'%s': %s; expected hex bytes such as \"0a 1b ff\"", what,
		    k == 0 && hi < 0 ? "no bytes given" : "odd number of hex digits");
		free(b);
		return NULL;
	}
	*len = k;
	return b;
}

/* A character field given as `{ hex: "..." }`: exactly the field's bytes,
 * for ids that are not printable text. */
static void node_chars_hex(struct dctx *c, const struct ynode *n, const char *what, unsigned size, uint8_t *dst)
{
	const struct ynode *hex = NULL;
	YMAP_FOREACH(n, k, v) {
		if (!yscalar_is(k, "hex") || hex) {
			ERR(c, k, "'%s' as a mapping takes one key, 'hex' (the field's bytes), not '%s'", what,
			    k->kind == Y_SCALAR ? k->str : "?");
			return;
		}
		hex = v;
	}
	if (!hex) {
		ERR(c, n, "'%s' as a mapping needs 'hex' (the field's %u bytes)", what, size);
		return;
	}
	size_t len;
	uint8_t *b = node_hex(c, hex, what, &len);
	if (!b)
		return;
	if (len != size)
		ERR(c, hex, "'%s': %zu hex bytes given; the field is exactly %u", what, len, size);
	else
		memcpy(dst, b, size);
	free(b);
}

/* --- structures --------------------------------------------------------- */

/* Duplicate keys: each known key of a mapping has a slot holding its first
 * occurrence (linear in the mapping's size; an unknown key is reported as
 * unknown each time it appears). */
static bool first_use(struct dctx *c, const struct ynode **slot, const struct ynode *key)
{
	if (*slot) {
		ERR(c, key, "duplicate key '%s' (first given at line %" PRIu32 ")", key->str, (*slot)->line);
		return false;
	}
	*slot = key;
	return true;
}

/* Index of a key in a NULL-terminated list, or SIZE_MAX. */
static size_t key_index(const struct ynode *key, const char *const *keys)
{
	for (size_t i = 0; keys && keys[i]; i++)
		if (yscalar_is(key, keys[i]))
			return i;
	return SIZE_MAX;
}

/* The keys of an option group (lib/options.c) as a NULL-terminated list:
 * the parser accepts exactly what the docs and the JSON Schema list. */
#define MAX_OPTION_KEYS 32

static void option_keys(enum hest_option_group g, const char **out)
{
	size_t n, i = 0;
	const struct hest_option *v = hest_options(g, &n);
	for (; i < n && i < MAX_OPTION_KEYS - 1; i++)
		out[i] = v[i].key;
	out[i] = NULL;
}

static bool plain_key(struct dctx *c, const struct ynode *k)
{
	if (k->kind == Y_SCALAR)
		return true;
	ERR(c, k, "keys must be plain names, not %s", ynode_kind_name(k));
	return false;
}

static void unknown_key(struct dctx *c, const struct ynode *key, const char *where,
			const struct hest_struct_desc *d, const char *const *extra)
{
	struct suggest sg = SUGGEST_INIT;
	for (size_t i = 0; d && i < d->nfields; i++)
		if (!(d->fields[i].attr & HEST_FA_TYPE))
			suggest_consider(&sg, key->str, key->len, d->fields[i].key);
	for (size_t i = 0; extra && extra[i]; i++)
		suggest_consider(&sg, key->str, key->len, extra[i]);
	char sbuf[96];
	ERR(c, key, "unknown key '%s' in %s%s", key->str, where, suggest_text(&sg, sbuf, sizeof(sbuf)));
}

static void parse_struct(struct dctx *c, struct hest_source *s, const struct hest_struct_desc *d, size_t base,
			 unsigned depth, const struct ynode *map, struct where *where, const char *const *extra);

/* depth: the banks field's (hest_given.depth); each bank's fields are one deeper */
static void parse_banks(struct dctx *c, struct hest_source *s, const struct hest_field *f, unsigned depth,
			const struct ynode *n)
{
	if (n->kind != Y_SEQ) {
		ERR(c, n, "'%s' must be a list of banks, not %s", f->key, ynode_kind_name(n));
		return;
	}
	const struct hest_field *countf;
	hest_array_field(s->desc, &countf);
	uint64_t max = countf ? hest_field_max(countf->size) : 255;
	if (n->n > max) {
		ERR(c, n, "%zu banks given; '%s' holds at most %" PRIu64, n->n, countf ? countf->key : "banks", max);
		return;
	}
	size_t len = f->offset + n->n * f->size;
	if (!hest_source_resize(c->m, s, (uint32_t)len)) {
		ERR(c, n, "out of memory");
		return;
	}
	memset(s->bytes + f->offset, 0, len - f->offset);
	size_t i = 0;
	YSEQ_FOREACH(n, it) {
		size_t off = f->offset + i * f->size;
		hest_apply_defaults(f->sub, s->bytes + off);
		struct where where = { NULL, "bank ", "", i, "" };
		if (it->kind != Y_MAP)
			ERR(c, it, "each bank must be a mapping, not %s", ynode_kind_name(it));
		else
			parse_struct(c, s, f->sub, off, depth + 1, it, &where, NULL);
		i++;
	}
	if (countf && !hest_source_given(s, countf->key))
		hest_put_le(s->bytes + countf->offset, countf->size, n->n);
}

static void parse_field(struct dctx *c, struct hest_source *s, const struct hest_field *f, size_t off,
			unsigned depth, const struct ynode *v, struct where *where)
{
	uint64_t val;
	uint8_t *p = s->bytes + off;
	switch (f->kind) {
	case HEST_FK_INT:
	case HEST_FK_RESERVED:
		if ((f->attr & HEST_FA_BLOCKLEN) && v->kind == Y_SCALAR && !v->quoted && yscalar_is(v, "auto")) {
			s->sections.block_length_auto = true; /* sized from `sections:` (hest_cper_source_block_length) */
			break;
		}
		if (node_uint(c, v, f->key, f->size > 8 ? 8 : f->size, &val))
			hest_put_le(p, f->size, val);
		break;
	case HEST_FK_ENUM: {
		/* "unknown notification type 'x'", "unknown space_id 'x' in error_status_address"
		 * (joined by hand: this runs for every enum of every source) */
		char what[64];
		bool is_type = strcmp(f->key, "type") == 0;
		const char *wt = is_type ? wtext(where) : "";
		size_t wl = is_type ? strlen(wt) : 0, kl = strlen(f->key);
		if (wl + 1 + kl >= sizeof(what))
			snprintf(what, sizeof(what), "%s%s%s", wt, is_type ? " " : "", f->key);
		else if (is_type) {
			memcpy(what, wt, wl);
			what[wl] = ' ';
			memcpy(what + wl + 1, f->key, kl + 1);
		} else {
			memcpy(what, f->key, kl + 1);
		}
		if (f->names && f->names->v[0].name[0] == 'f' && strcmp(f->names->v[0].name, "false") == 0 &&
		    v->kind == Y_SCALAR && !v->quoted && !(v->len && v->str[0] >= '0' && v->str[0] <= '9')) {
			bool b;
			if (node_bool(c, v, f->key, &b))
				hest_put_le(p, f->size, b);
		} else if (node_name_or_uint(c, v, f->key, what, is_type ? NULL : where, f->size, f->names, &val)) {
			hest_put_le(p, f->size, val);
		}
		break;
	}
	case HEST_FK_FLAGS:
		if (node_flags(c, v, f, &val))
			hest_put_le(p, f->size, val);
		break;
	case HEST_FK_CHARS:
		if (v->kind == Y_MAP)
			node_chars_hex(c, v, f->key, f->size, p);
		else
			node_chars(c, v, f->key, f->size, p);
		break;
	case HEST_FK_STRUCT:
		if (v->kind == Y_SCALAR && f->sub == &hest_desc_gas) {
			/* shorthand: a bare number is the register address */
			const struct hest_field *a = hest_field_find(&hest_desc_gas, "address");
			if (node_uint(c, v, f->key, a->size, &val)) {
				hest_put_le(p + a->offset, a->size, val);
				hest_source_mark_given(s, (uint16_t)(off + a->offset), depth + 1, pos_of(v));
			}
		} else if (v->kind != Y_MAP) {
			ERR(c, v, "'%s' must be a mapping, not %s", f->key, ynode_kind_name(v));
		} else {
			struct where in = WHERE_TEXT(f->key);
			parse_struct(c, s, f->sub, off, depth + 1, v, &in, NULL);
		}
		break;
	case HEST_FK_ARRAY:
		parse_banks(c, s, f, depth, v);
		break;
	default:
		ERR(c, v, "'%s' cannot be set", f->key);
		break;
	}
}

/* d's fields at base in s's image; depth: how deep d is in the source's
 * structure (0: the source's own, 1: a structure or bank inside it...). */
static void parse_struct(struct dctx *c, struct hest_source *s, const struct hest_struct_desc *d, size_t base,
			 unsigned depth, const struct ynode *map, struct where *where, const char *const *extra)
{
	size_t nextra = 0;
	while (extra && extra[nextra])
		nextra++;
	/* first occurrence of each field, then of each extra key (on the stack
	 * for every structure HEST has: this runs for each of every source) */
	const struct ynode *seen_here[64];
	size_t nseen = d->nfields + nextra + 1;
	const struct ynode **seen = nseen <= 64 ? seen_here : calloc(nseen, sizeof(*seen));
	if (!seen) {
		ERR(c, map, "out of memory");
		return;
	}
	if (seen == seen_here)
		memset(seen_here, 0, nseen * sizeof(*seen));
	YMAP_FOREACH(map, k, v) {
		if (!plain_key(c, k))
			continue;
		/* a field, else one of the extra keys (which name no field but
		 * the type: tests/unit/fields_test) */
		const struct hest_field *f = hest_field_find(d, k->str);
		if (!f || (f->attr & HEST_FA_TYPE)) {
			size_t x = key_index(k, extra);
			if (x != SIZE_MAX)
				first_use(c, &seen[d->nfields + x], k);
			else
				unknown_key(c, k, wtext(where), d, extra);
			continue;
		}
		if (!first_use(c, &seen[f - d->fields], k))
			continue;
		size_t off = base + f->offset;
		if (f->kind != HEST_FK_ARRAY && off + f->size > s->len) {
			ERR(c, k, "'%s' lies outside the structure", f->key);
			continue;
		}
		if (!hest_source_mark_given(s, (uint16_t)off, depth, pos_of(v))) {
			ERR(c, v, "out of memory");
			break;
		}
		parse_field(c, s, f, off, depth, v, where);
	}
	for (size_t i = 0; i < d->nfields; i++)
		if ((d->fields[i].attr & HEST_FA_REQUIRED) && !seen[i])
			ERR(c, map, "missing required key '%s' in %s", d->fields[i].key, wtext(where));
	if (seen != seen_here)
		free(seen);
}

/* --- placement, target, allow ------------------------------------------ */

/* The names of these enums live with the option tables (lib/options.c). */


static bool is_pow2(uint64_t v)
{
	return v && !(v & (v - 1));
}

static void fw_cfg_name(struct dctx *c, const struct ynode *v, const char *key, char *dst, bool may_be_empty)
{
	if (!want_scalar(c, v, key, "a fw_cfg file name"))
		return;
	if (v->len >= HEST_FW_CFG_NAME_MAX) {
		ERR(c, v, "'%s': name '%s' is %zu bytes; fw_cfg names hold at most %u", key, v->str, v->len,
		    HEST_FW_CFG_NAME_MAX - 1);
		return;
	}
	if (memchr(v->str, '\0', v->len) || (!may_be_empty && v->len == 0)) {
		ERR(c, v, "'%s' must be a non-empty name without NUL bytes", key);
		return;
	}
	memcpy(dst, v->str, v->len);
	dst[v->len] = '\0';
}

/* `profile: NAME`: names only (a number is no profile). */
static void parse_profile_name(struct dctx *c, struct hest_placement *p, const struct ynode *v)
{
	if (!want_scalar(c, v, "profile", "a profile name"))
		return;
	const struct hest_profile *pr = hest_profile_find(v->str, v->len);
	if (!pr) {
		struct suggest sg = SUGGEST_INIT;
		for (size_t i = 0; i < hest_profile_names.n; i++)
			suggest_consider(&sg, v->str, v->len, hest_profile_names.v[i].name);
		char list[512], sbuf[96];
		names_list(&hest_profile_names, list, sizeof(list));
		ERR(c, v, "unknown placement profile '%s'%s; expected one of: %s", v->str,
		    suggest_text(&sg, sbuf, sizeof(sbuf)), list);
		c->profile_refused = true;
		return;
	}
	p->profile = pr;
	p->profile_pos = pos_of(v);
}

static void parse_placement_key(struct dctx *c, struct hest_placement *p, const struct ynode *k,
				const struct ynode *v, bool *base_given)
{
	uint64_t x;
	bool b;
	if (yscalar_is(k, "profile")) {
		parse_profile_name(c, p, v);
	} else if (yscalar_is(k, "mode")) {
		if (node_setting(c, v, "mode", "placement mode", &hest_placement_mode_names, &x))
			p->mode = (enum hest_placement_mode)x;
	} else if (yscalar_is(k, "blob")) {
		fw_cfg_name(c, v, "blob", p->blob, false);
	} else if (yscalar_is(k, "address_blob")) {
		fw_cfg_name(c, v, "address_blob", p->address_blob, true);
	} else if (yscalar_is(k, "tables_blob")) {
		fw_cfg_name(c, v, "tables_blob", p->tables_blob, false);
	} else if (yscalar_is(k, "hest_address_blob")) {
		fw_cfg_name(c, v, "hest_address_blob", p->hest_address_blob, true);
	} else if (yscalar_is(k, "tables_blob_size")) {
		if (node_uint(c, v, "tables_blob_size", 4, &x))
			p->tables_blob_size = x;
	} else if (yscalar_is(k, "table_offset")) {
		p->table_offset_pos = pos_of(v);
		if (node_uint(c, v, "table_offset", 4, &x))
			p->table_offset = (uint32_t)x;
	} else if (yscalar_is(k, "align") || yscalar_is(k, "tables_align")) {
		if (node_uint(c, v, k->str, 4, &x)) {
			if (!is_pow2(x))
				ERR(c, v, "'%s' must be a power of two, not %" PRIu64, k->str, x);
			else if (k->str[0] == 'a')
				p->align = (uint32_t)x;
			else
				p->tables_align = (uint32_t)x;
		}
	} else if (yscalar_is(k, "zone")) {
		if (node_setting(c, v, "zone", "allocation zone", &hest_zone_names, &x))
			p->zone = (enum hest_zone)x;
	} else if (yscalar_is(k, "base")) {
		p->base_pos = pos_of(v);
		if (node_uint(c, v, "base", 8, &x)) {
			p->base = x;
			*base_given = true;
		}
	} else if (yscalar_is(k, "block_size")) {
		p->block_size_pos = pos_of(v);
		if (node_uint(c, v, "block_size", 4, &x))
			p->block_size = (uint32_t)x;
	} else if (yscalar_is(k, "register_order")) {
		if (node_setting(c, v, "register_order", "register order", &hest_register_order_names, &x))
			p->order = (enum hest_register_order)x;
	} else if (yscalar_is(k, "write_pointer")) {
		if (node_bool(c, v, "write_pointer", &b))
			p->write_pointer = b;
	} else if (yscalar_is(k, "standalone")) {
		if (node_bool(c, v, "standalone", &b))
			p->standalone = b;
	} else if (yscalar_is(k, "read_ack_init")) {
		if (node_uint(c, v, "read_ack_init", 4, &x))
			p->read_ack_init = (uint32_t)x;
	}
}

static void parse_placement(struct dctx *c, const struct ynode *map)
{
	struct hest_placement *p = &c->m->placement;
	if (map->kind != Y_MAP) {
		ERR(c, map, "'placement' must be a mapping, not %s", ynode_kind_name(map));
		return;
	}
	p->pos = pos_of(map);
	bool base_given = false;
	const struct ynode *mode_node = NULL, *base_node = NULL;
	const char *placement_keys[MAX_OPTION_KEYS];
	const struct ynode *seen[MAX_OPTION_KEYS] = { NULL };
	option_keys(HEST_OPTS_PLACEMENT, placement_keys);
	YMAP_FOREACH(map, k, v) {
		if (!plain_key(c, k))
			continue;
		size_t x = key_index(k, placement_keys);
		if (x == SIZE_MAX) {
			unknown_key(c, k, "placement", NULL, placement_keys);
			continue;
		}
		if (!first_use(c, &seen[x], k))
			continue;
		if (x < sizeof(c->placement_given) / sizeof(c->placement_given[0]))
			c->placement_given[x] = v;
		if (yscalar_is(k, "mode"))
			mode_node = v;
		if (yscalar_is(k, "base"))
			base_node = v;
		parse_placement_key(c, p, k, v, &base_given);
	}
	if (p->mode == HEST_PLACE_FIXED && !base_given)
		ERR(c, mode_node ? mode_node : map, "placement mode fixed needs 'base' (the blob's absolute address)");
	if (p->mode != HEST_PLACE_FIXED && base_given)
		ERR(c, base_node, "'base' is only meaningful with placement mode fixed");
	if (base_given && p->align && p->base % p->align)
		ERR(c, base_node, "base 0x%" PRIx64 " is not aligned to %" PRIu32 " (placement.align)", p->base,
		    p->align);
}

static void parse_target(struct dctx *c, const struct ynode *map)
{
	const char *keys[MAX_OPTION_KEYS];
	option_keys(HEST_OPTS_TARGET, keys);
	if (map->kind != Y_MAP) {
		ERR(c, map, "'target' must be a mapping, not %s", ynode_kind_name(map));
		return;
	}
	const struct ynode *seen = NULL;
	YMAP_FOREACH(map, k, v) {
		uint64_t x;
		if (!plain_key(c, k))
			continue;
		if (!yscalar_is(k, "arch"))
			unknown_key(c, k, "target", NULL, keys);
		else if (first_use(c, &seen, k) && node_setting(c, v, "arch", "architecture", &hest_arch_names, &x)) {
			c->m->arch = (enum hest_arch)x;
			c->arch_given = v;
		}
	}
}

static void parse_allow(struct dctx *c, const struct ynode *seq)
{
	if (seq->kind != Y_SEQ) {
		ERR(c, seq, "'allow' must be a list of names, not %s", ynode_kind_name(seq));
		return;
	}
	YSEQ_FOREACH(seq, it) {
		uint64_t x;
		if (it->kind == Y_SCALAR && it->len && it->str[0] >= '0' && it->str[0] <= '9') {
			ERR(c, it, "'allow' takes names, not numbers");
			continue;
		}
		if (node_name_or_uint(c, it, "allow", "allowance", NULL, 1, &hest_allow_names, &x))
			c->m->allow |= (unsigned)x;
	}
}

/* --- sources ------------------------------------------------------------ */

static bool valid_name(const struct ynode *n)
{
	if (n->len == 0 || n->len > 63)
		return false;
	for (size_t i = 0; i < n->len; i++) {
		char ch = n->str[i];
		bool alpha = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
		bool digit = ch >= '0' && ch <= '9';
		if (!(alpha || (i && (digit || ch == '-'))))
			return false;
	}
	return true;
}

static const struct hest_struct_desc *source_type(struct dctx *c, const struct ynode *v)
{
	size_t nd;
	const struct hest_struct_desc *const *descs = hest_source_descs(&nd);
	if (!want_scalar(c, v, "type", "a source type name"))
		return NULL;
	uint64_t t;
	const char *why;
	if (!v->quoted && hest_parse_uint(v->str, v->len, &t, &why) == 0) {
		const struct hest_struct_desc *d = t <= 0xffff ? hest_source_desc_by_type((unsigned)t) : NULL;
		if (!d)
			ERR(c, v, "error source type %s is reserved or unknown in ACPI 6.5", v->str);
		return d;
	}
	for (size_t i = 0; i < nd; i++)
		if (yscalar_is(v, descs[i]->key))
			return descs[i];
	struct suggest sg = SUGGEST_INIT;
	char list[256] = "", sbuf[96];
	size_t used = 0;
	for (size_t i = 0; i < nd; i++) {
		suggest_consider(&sg, v->str, v->len, descs[i]->key);
		int k = snprintf(list + used, sizeof(list) - used, "%s%s", i ? ", " : "", descs[i]->key);
		if (k > 0 && (size_t)k < sizeof(list) - used)
			used += (size_t)k;
	}
	ERR(c, v, "unknown source type '%s'%s; expected one of: %s", v->str, suggest_text(&sg, sbuf, sizeof(sbuf)),
	    list);
	return NULL;
}


/* --- the SSDT's names and the sources' events (emit/ssdt.c) -------------- */

/* An ACPI name path setting, checked here so that a mistake points at its
 * line.  '^' prefixes are refused: a setting is used in several scopes. */
static void aml_path(struct dctx *c, const struct ynode *v, const char *key, bool absolute, bool segment,
		     char *dst)
{
	if (!want_scalar(c, v, key, "an ACPI name path"))
		return;
	const char *why = v->len >= HEST_AML_PATH_MAX || memchr(v->str, '\0', v->len) ? "too long"
											: hest_aml_path_check(v->str);
	if (!why && v->str[0] == '^')
		why = "write an absolute path ('\\' first) or a name in the scope instead of '^'";
	else if (!why && absolute && v->str[0] != '\\')
		why = "it must be an absolute path ('\\' first, like \\_SB.GPO0)";
	else if (!why && segment && (v->str[0] == '\\' || strchr(v->str, '.')))
		why = "it must be one name segment (1 to 4 characters)";
	if (why) {
		ERR(c, v, "'%s': '%s' is not a usable ACPI name: %s", key, v->str, why);
		return;
	}
	memcpy(dst, v->str, v->len + 1);
}

static void parse_ssdt_key(struct dctx *c, struct hest_ssdt *s, const struct ynode *k, const struct ynode *v)
{
	uint64_t x;
	bool b;
	if (yscalar_is(k, "scope")) {
		aml_path(c, v, "scope", true, false, s->scope);
	} else if (yscalar_is(k, "error_device")) {
		aml_path(c, v, "error_device", false, false, s->error_device);
	} else if (yscalar_is(k, "ged")) {
		aml_path(c, v, "ged", false, true, s->ged);
	} else if (yscalar_is(k, "gpio_controller")) {
		aml_path(c, v, "gpio_controller", true, false, s->gpio_controller);
	} else if (yscalar_is(k, "external_error_device") || yscalar_is(k, "external_aei")) {
		if (node_bool(c, v, k->str, &b))
			*(yscalar_is(k, "external_aei") ? &s->external_aei : &s->external_error_device) = b;
	} else if (yscalar_is(k, "error_device_uid") || yscalar_is(k, "ged_uid")) {
		if (node_uint(c, v, k->str, 4, &x))
			*(yscalar_is(k, "ged_uid") ? &s->ged_uid : &s->error_device_uid) = (uint32_t)x;
	} else if (yscalar_is(k, "oem_table_id") && want_scalar(c, v, "oem_table_id", "a string")) {
		bool text = v->len > 0 && v->len <= 8;
		for (size_t i = 0; i < v->len && text; i++)
			text = v->str[i] >= 0x20 && v->str[i] <= 0x7E && v->str[i] != '"' && v->str[i] != '\\';
		if (!text)
			ERR(c, v, "'oem_table_id' must be 1 to 8 printable characters (no '\"' or '\\')");
		else
			memcpy(s->oem_table_id, v->str, v->len + 1);
	}
}

static void parse_ssdt(struct dctx *c, const struct ynode *map)
{
	struct hest_ssdt *s = &c->m->ssdt;
	if (map->kind != Y_MAP) {
		ERR(c, map, "'ssdt' must be a mapping, not %s", ynode_kind_name(map));
		return;
	}
	s->given = true;
	s->pos = pos_of(map);
	const char *keys[MAX_OPTION_KEYS];
	const struct ynode *seen[MAX_OPTION_KEYS] = { NULL }, *device = NULL;
	option_keys(HEST_OPTS_SSDT, keys);
	YMAP_FOREACH(map, k, v) {
		if (!plain_key(c, k))
			continue;
		size_t x = key_index(k, keys);
		if (x == SIZE_MAX) {
			unknown_key(c, k, "ssdt", NULL, keys);
			continue;
		}
		if (!first_use(c, &seen[x], k))
			continue;
		if (yscalar_is(k, "error_device"))
			device = v;
		parse_ssdt_key(c, s, k, v);
	}
	if (device && s->error_device[0] && !s->external_error_device &&
	    (s->error_device[0] == '\\' || strchr(s->error_device, '.')))
		ERR(c, device, "'error_device': '%s' is declared by this SSDT in 'scope', so it is one name segment; "
			       "a path names a device declared elsewhere (external_error_device: true)", device->str);
}

/* `event:` of a GHES: the GED interrupt or GPIO pin that signals it. */
static void parse_event(struct dctx *c, struct hest_source *s, const struct ynode *map)
{
	struct hest_event *e = &s->event;
	if (s->type != 9 && s->type != 10) {
		ERR(c, map, "'event' applies to ghes and ghes-v2 sources only");
		return;
	}
	if (map->kind != Y_MAP) {
		ERR(c, map, "'event' must be a mapping, not %s", ynode_kind_name(map));
		return;
	}
	const char *keys[MAX_OPTION_KEYS];
	const struct ynode *seen[MAX_OPTION_KEYS] = { NULL }, *number = NULL;
	option_keys(HEST_OPTS_EVENT, keys);
	uint64_t nt = 0, x;
	hest_source_get(s, "notification.type", &nt);
	e->via = nt == 7 ? HEST_EVENT_GPIO : HEST_EVENT_GED; /* gpio-notified: a pin; else an interrupt */
	e->pos = pos_of(map);
	size_t errors = c->d->errors;
	YMAP_FOREACH(map, k, v) {
		if (!plain_key(c, k))
			continue;
		size_t i = key_index(k, keys);
		if (i == SIZE_MAX) {
			unknown_key(c, k, "event", NULL, keys);
			continue;
		}
		if (!first_use(c, &seen[i], k))
			continue;
		if (yscalar_is(k, "via") && node_setting(c, v, "via", "event source", &hest_event_via_names, &x))
			e->via = (enum hest_event_via)x;
		else if ((yscalar_is(k, "interrupt") || yscalar_is(k, "pin")) &&
			 node_uint(c, v, k->str, k->str[0] == 'i' ? 4 : 2, &x)) {
			e->number = (uint32_t)x;
			number = k;
		} else if (yscalar_is(k, "trigger") &&
			   node_setting(c, v, "trigger", "trigger", &hest_event_trigger_names, &x))
			e->level = x != 0;
		else if (yscalar_is(k, "polarity") &&
			 node_setting(c, v, "polarity", "polarity", &hest_event_polarity_names, &x))
			e->polarity = (enum hest_event_polarity)x;
		else if (yscalar_is(k, "method") && node_setting(c, v, "method", "event method", &hest_event_method_names, &x))
			e->method = (enum hest_event_method)x;
	}
	const char *want = e->via == HEST_EVENT_GED ? "interrupt" : "pin";
	if (c->d->errors != errors)
		return; /* the mistake above is the one to fix */
	if (!number)
		ERR(c, map, "'event' via %s needs '%s' (the %s)", e->via == HEST_EVENT_GED ? "ged" : "gpio", want,
		    e->via == HEST_EVENT_GED ? "GSIV of the GED's interrupt" : "GPIO pin");
	else if (!yscalar_is(number, want))
		ERR(c, number, "'%s' belongs to events via %s; this one is via %s and takes '%s'", number->str,
		    e->via == HEST_EVENT_GED ? "gpio" : "ged", e->via == HEST_EVENT_GED ? "ged" : "gpio", want);
}

/* Source keys that are not wire fields. */
/* `sections:` and `largest_section:` of a GHES/GHESv2 source (<hest/cper.h>). */
static void parse_sections(struct dctx *c, struct hest_source *s, const struct ynode *k, const struct ynode *v)
{
	struct hest_source_sections *sec = &s->sections;
	uint64_t x;
	if (s->type != 9 && s->type != 10) {
		ERR(c, k, "'%s' applies to ghes and ghes-v2 sources only", k->str);
		return;
	}
	if (yscalar_is(k, "largest_section")) {
		if (node_uint(c, v, "largest_section", 4, &x)) {
			sec->largest = (uint32_t)x;
			sec->largest_pos = pos_of(v);
		}
		return;
	}
	if (v->kind != Y_SEQ) {
		ERR(c, v, "'sections' must be a list of CPER section kinds, not %s", ynode_kind_name(v));
		return;
	}
	if (v->n == 0) {
		ERR(c, v, "'sections' is empty; list the CPER section kinds the records may carry");
		return;
	}
	sec->pos = pos_of(k);
	YSEQ_FOREACH(v, it) {
		if (it->kind == Y_SCALAR && it->len && it->str[0] >= '0' && it->str[0] <= '9') {
			ERR(c, it, "'sections' takes section kind names, not numbers");
			continue;
		}
		if (!node_name_or_uint(c, it, "sections", "section kind", NULL, 1, &hest_cper_kind_names, &x))
			continue;
		bool dup = false;
		for (uint8_t i = 0; i < sec->n; i++)
			dup |= sec->kind[i] == x;
		if (dup)
			ERR(c, it, "section kind '%s' is listed twice", it->str);
		else if (sec->n < HEST_SOURCE_MAX_SECTION_KINDS)
			sec->kind[sec->n++] = (uint8_t)x;
	}
}

static void defer_block_address(struct dctx *c, const struct ynode *k, const struct ynode *v)
{
	if (c->npend == c->pendcap) {
		size_t cap = c->pendcap ? c->pendcap * 2 : 8;
		struct pending_block *p = realloc(c->pend, cap * sizeof(*p));
		if (!p) {
			ERR(c, k, "out of memory");
			return;
		}
		c->pend = p;
		c->pendcap = cap;
	}
	struct pending_block *p = &c->pend[c->npend++];
	memset(p, 0, sizeof(*p));
	p->src = c->m->nsrc - 1;
	p->at = c->d->n;
	p->key = at(c, k);
	p->pos = pos_of(v);
	hest_diags_init(&p->value);
	struct hest_diags *d = c->d;
	c->d = &p->value;
	p->ok = node_uint(c, v, "block_address", 8, &p->address);
	c->d = d;
}

static void parse_source_extra(struct dctx *c, struct hest_source *s, const struct ynode *map)
{
	YMAP_FOREACH(map, k, v) {
		uint64_t x;
		if (yscalar_is(k, "sections") || yscalar_is(k, "largest_section")) {
			parse_sections(c, s, k, v);
			continue;
		}
		if (yscalar_is(k, "event")) {
			parse_event(c, s, v);
			continue;
		}
		if (!yscalar_is(k, "block_address"))
			continue;
		if (s->type != 9 && s->type != 10) {
			ERR(c, k, "'block_address' applies to ghes and ghes-v2 sources only");
		} else if (c->main_d) {
			defer_block_address(c, k, v);
		} else if (c->m->placement.mode != HEST_PLACE_FIXED) {
			ERR(c, k, "'block_address' pins a block at an absolute address; it needs placement mode fixed");
		} else if (node_uint(c, v, "block_address", 8, &x)) {
			s->layout.block_pinned = true;
			s->layout.block_address = x;
			s->layout.block_address_pos = pos_of(v);
		}
	}
}

/* `raw: <hex bytes>`: bytes kept verbatim in the structure list (a
 * decompiled table's structure of a reserved type, or bytes that are not a
 * whole structure).  Takes only `name` beside; no field is interpreted, so
 * nothing is checked. */
static void parse_raw_source(struct dctx *c, const struct ynode *map, const struct ynode *raw, size_t index)
{
	size_t errors = c->d->errors;
	const struct ynode *nnode = NULL, *seen_name = NULL, *seen_raw = NULL;
	YMAP_FOREACH(map, k, v) {
		if (!plain_key(c, k))
			continue;
		if (yscalar_is(k, "name")) {
			if (first_use(c, &seen_name, k))
				nnode = v;
		} else if (yscalar_is(k, "raw")) {
			first_use(c, &seen_raw, k);
		} else {
			ERR(c, k, "a raw source (source #%zu, given by 'raw') takes only 'name' beside 'raw', not '%s'",
			    index, k->str);
		}
	}
	size_t len = 0;
	uint8_t *b = node_hex(c, raw, "raw", &len);
	if (!b)
		return;
	unsigned type = len >= 2 ? (unsigned)hest_get_le(b, 2) : 0xffffu;
	struct hest_source *s = hest_model_add_source(c->m, type, (uint32_t)len);
	if (!s) {
		ERR(c, map, "out of memory");
		free(b);
		return;
	}
	memcpy(s->bytes, b, len);
	free(b);
	s->desc = NULL;
	s->pos = pos_of(map);
	struct srcinfo *info = &c->info[c->m->nsrc - 1];
	char buf[40];
	snprintf(buf, sizeof(buf), "raw_%zu", index);
	if (nnode && want_scalar(c, nnode, "name", "a string") && !valid_name(nnode))
		ERR(c, nnode, "invalid source name '%s': a name is 1 to 63 letters, digits, '_' or '-', starting "
			      "with a letter or '_'", nnode->str);
	else if (nnode && nnode->kind == Y_SCALAR) {
		info->named = true;
		info->name_pos = pos_of(nnode);
	}
	if (!hest_source_set_name(c->m, s, info->named ? nnode->str : buf)) {
		ERR(c, map, "out of memory");
		return;
	}
	info->clean = c->d->errors == errors;
}

static void parse_source(struct dctx *c, const struct ynode *map, size_t index)
{
	if (map->kind != Y_MAP) {
		ERR(c, map, "each source must be a mapping, not %s", ynode_kind_name(map));
		return;
	}
	size_t errors = c->d->errors;
	const struct ynode *tnode = NULL, *nnode = NULL, *rnode = NULL;
	YMAP_FOREACH(map, k, v) {
		if (k->kind != Y_SCALAR)
			continue;
		switch (k->str[0]) { /* once per key of every source */
		case 't':
			tnode = tnode ? tnode : yscalar_is(k, "type") ? v : NULL;
			break;
		case 'n':
			nnode = nnode ? nnode : yscalar_is(k, "name") ? v : NULL;
			break;
		case 'r':
			rnode = rnode ? rnode : yscalar_is(k, "raw") ? v : NULL;
			break;
		}
	}
	if (rnode) {
		parse_raw_source(c, map, rnode, index);
		return;
	}
	if (!tnode) {
		ERR(c, map, "missing required key 'type' in source #%zu", index);
		return;
	}
	const struct hest_struct_desc *d = source_type(c, tnode);
	if (!d)
		return;
	struct hest_source *s = hest_model_add_source(c->m, (unsigned)d->type, 0);
	if (!s) {
		ERR(c, map, "out of memory");
		return;
	}
	struct srcinfo *info = &c->info[c->m->nsrc - 1];
	s->pos = pos_of(map);
	if (nnode && !want_scalar(c, nnode, "name", "a string")) {
		nnode = NULL;
	} else if (nnode && !valid_name(nnode)) {
		ERR(c, nnode, "invalid source name '%s': a name is 1 to 63 letters, digits, '_' or '-', starting "
			      "with a letter or '_'", nnode->str);
		nnode = NULL;
	} else if (nnode) {
		info->named = true;
		info->name_pos = pos_of(nnode);
	}
	struct where where = { NULL, d->key, " source #", index, "" };
	const char *source_extra[MAX_OPTION_KEYS];
	option_keys(HEST_OPTS_SOURCE, source_extra);
	/* The given fields go to a list kept from source to source, and the
	 * source gets a copy of just its entries (one allocation of the right
	 * size, instead of a list grown and trimmed for each source). */
	if (c->given) {
		s->given = c->given;
		s->givencap = c->givencap;
		c->given = NULL;
	}
	parse_struct(c, s, d, 0, 0, map, &where, source_extra);
	parse_source_extra(c, s, map);
	if (s->ngiven) {
		struct hest_given *own = hest_model_alloc(c->m, s->ngiven * sizeof(*own), alignof(struct hest_given));
		if (own) {
			memcpy(own, s->given, s->ngiven * sizeof(*own));
			c->given = s->given; /* the list, grown if this source needed it, is kept */
			c->givencap = s->givencap;
			s->given = own;
			s->givencap = 0; /* model storage */
		}
	} else if (s->given) {
		c->given = s->given;
		c->givencap = s->givencap;
		s->given = NULL;
		s->givencap = 0;
	}

	/* num_banks deliberately given must agree with the banks listed: the
	 * structure's length follows num_banks. */
	const struct hest_field *countf;
	const struct hest_field *arr = hest_array_field(d, &countf);
	const struct hest_given *g = countf ? hest_source_given(s, countf->key) : NULL;
	if (arr && g) {
		uint64_t want = hest_get_le(s->bytes + countf->offset, countf->size);
		uint64_t listed = (s->len - arr->offset) / arr->size;
		if (want != listed) {
			struct hest_loc l = { c->file, g->pos.line, g->pos.col, false, 0 };
			hest_diag_add(c->d, HEST_SEV_ERROR, NULL, l,
				      "%s is %" PRIu64 " but %" PRIu64 " bank%s listed under '%s'; the structure's "
				      "length follows %s, so list that many banks",
				      countf->key, want, listed, listed == 1 ? " is" : "s are", arr->key, countf->key);
		}
	}

	char buf[40];
	if (!nnode) {
		uint64_t id = 0;
		hest_source_get(s, "id", &id);
		snprintf(buf, sizeof(buf), "%s_%" PRIu64, d->key, id);
		for (char *p = buf; *p; p++)
			if (*p == '-')
				*p = '_';
	}
	info->clean = c->d->errors == errors;
	if (!hest_source_set_name(c->m, s, nnode ? nnode->str : buf))
		ERR(c, map, "out of memory");
}

static void check_ids(struct dctx *c)
{
	struct hest_model *m = c->m;
	/* index + 1 of the first source with each id (zeroed: only the pages
	 * of ids in use are ever touched) */
	uint32_t *first = calloc(65536, sizeof(*first));
	if (!first) {
		ERR(c, NULL, "out of memory");
		return;
	}
	struct hest_path_memo idp = HEST_PATH_MEMO("id"); /* looked up once per source type */
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		const struct hest_given *g = hest_source_given_m(s, &idp);
		uint64_t id;
		if (!c->info[i].clean || !g || !hest_source_get_m(s, &idp, &id) || id > 0xffff)
			continue;
		if (!first[id]) {
			first[id] = (uint32_t)i + 1;
		} else if (!(m->allow & HEST_ALLOW_DUPLICATE_IDS)) {
			struct hest_loc l = { c->file, g->pos.line, g->pos.col, false, 0 };
			hest_diag_add(c->d, HEST_SEV_ERROR, NULL, l,
				      "duplicate source id %" PRIu64 " (also the id of the source at line %" PRIu32
				      "); list 'duplicate-source-ids' under 'allow:' if this is deliberate",
				      id, m->src[first[id] - 1].pos.line);
		}
	}
	free(first);
}

struct name_ref {
	const char *name;
	size_t i;
};

static int name_ref_cmp(const void *a, const void *b)
{
	const struct name_ref *x = a, *y = b;
	int r = strcmp(x->name, y->name);
	return r ? r : (x->i > y->i) - (x->i < y->i);
}

/* True when no two sources share a name, the usual case, found in linear
 * time with a hash set; false when some do or memory is short, and then
 * check_names' sorted passes find and settle them. */
static bool names_unique(const struct hest_model *m)
{
	size_t cap = 16;
	while (cap < 2 * m->nsrc)
		cap *= 2;
	uint32_t *slot = calloc(cap, sizeof(*slot)); /* source index + 1; 0 = empty */
	if (!slot)
		return false;
	bool unique = true;
	for (size_t i = 0; i < m->nsrc && unique; i++) {
		const char *name = m->src[i].name;
		uint64_t h = 14695981039346656037u; /* FNV-1a */
		for (const char *p = name; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211u;
		for (size_t k = (size_t)h & (cap - 1);; k = (k + 1) & (cap - 1)) {
			if (!slot[k]) {
				slot[k] = (uint32_t)i + 1;
				break;
			}
			if (strcmp(m->src[slot[k] - 1].name, name) == 0) {
				unique = false;
				break;
			}
		}
	}
	free(slot);
	return unique;
}

/* Source names are unique.  Two names given with `name:` that repeat are an
 * error; a derived name (type_id) that repeats another gets the source's
 * index appended, until every name is unique.  Sorting keeps it n log n. */
static void check_names(struct dctx *c)
{
	struct hest_model *m = c->m;
	if (m->nsrc < 2 || names_unique(m))
		return;
	struct name_ref *r = malloc(m->nsrc * sizeof(*r));
	if (!r) {
		ERR(c, NULL, "out of memory");
		return;
	}
	for (int pass = 0; pass < 8; pass++) {
		for (size_t i = 0; i < m->nsrc; i++)
			r[i] = (struct name_ref){ m->src[i].name, i };
		qsort(r, m->nsrc, sizeof(*r), name_ref_cmp);
		bool renamed = false;
		for (size_t g0 = 0, g1; g0 < m->nsrc; g0 = g1) {
			const struct srcinfo *keep = NULL; /* first `name:` of the group */
			for (g1 = g0; g1 < m->nsrc && strcmp(r[g1].name, r[g0].name) == 0; g1++)
				if (!keep && c->info[r[g1].i].named)
					keep = &c->info[r[g1].i];
			for (size_t k = g0; k < g1; k++) {
				const struct srcinfo *nn = &c->info[r[k].i];
				if (nn->named && nn != keep && pass == 0) {
					struct hest_loc l = { c->file, nn->name_pos.line, nn->name_pos.col, false, 0 };
					hest_diag_add(c->d, HEST_SEV_ERROR, NULL, l,
						      "duplicate source name '%s' (also the name of the source at line %" PRIu32
						      ")", m->src[r[k].i].name, keep->name_pos.line);
				} else if (!nn->named && (keep || k != g0)) {
					char buf[96];
					snprintf(buf, sizeof(buf), "%s_%zu", m->src[r[k].i].name, r[k].i);
					if (!hest_source_set_name(m, &m->src[r[k].i], buf)) {
						ERR(c, NULL, "out of memory");
						free(r);
						return;
					}
					renamed = true;
				}
			}
		}
		if (!renamed)
			break;
	}
	free(r);
}

/* `trailing_bytes:` reproduces bytes a decompiled table holds after its
 * end; they are outside every structure, the length and the checksum, and
 * only make sense for a table kept as found (placement mode none). */
static void parse_trailing(struct dctx *c, const struct ynode *v)
{
	size_t len = 0;
	uint8_t *b = node_hex(c, v, "trailing_bytes", &len);
	if (!b)
		return;
	if (c->m->placement.mode != HEST_PLACE_NONE)
		ERR(c, v, "'trailing_bytes' keep a table's bytes as found; they need placement mode none");
	free(c->m->trailing);
	c->m->trailing = b;
	c->m->trailing_len = (uint32_t)len;
}

static bool grow_info(struct dctx *c, size_t n)
{
	if (n <= c->infocap)
		return true;
	size_t cap = c->infocap ? c->infocap : 64;
	while (cap < n)
		cap *= 2;
	struct srcinfo *v = realloc(c->info, cap * sizeof(*v));
	if (!v)
		return false;
	memset(v + c->infocap, 0, (cap - c->infocap) * sizeof(*v));
	c->info = v;
	c->infocap = cap;
	return true;
}

/* ytree's streaming hook: one source, complete, parsed now (its nodes are
 * released after).  Its diagnostics wait in srcd until parse_root reaches
 * the sources, so they come out where they always did: after the table's,
 * placement's and the other keys' (whatever their order in the file). */
static void stream_source(void *ctx, const struct ynode *item, size_t index)
{
	struct dctx *c = ctx;
	if (index >= HEST_MAX_SOURCES) /* parse_root refuses the list; only counted */
		return;
	if (!grow_info(c, index + 1)) {
		c->srcd.oom = true;
		return;
	}
	c->d = &c->srcd;
	parse_source(c, item, index);
	c->d = c->main_d;
}

/* Moves src's diagnostics [from, to) to the end of d (HEST_DIAGS_MAX
 * applies as if they had been added there); the counts are the caller's. */
/* Adds src's diagnostics [from, to) to d, as if they had been added there
 * (counted, HEST_DIAGS_MAX applied); join_counts adds what src counted but
 * did not record. */
static void move_diags(struct hest_diags *d, const struct hest_diags *src, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		const struct hest_diag *dg = &src->v[i];
		hest_diag_add(d, dg->severity, dg->rule, dg->loc, "%s", dg->message);
	}
}

static void join_counts(struct hest_diags *d, const struct hest_diags *src)
{
	size_t errors = 0, warnings = 0;
	for (size_t i = 0; i < src->n; i++) {
		errors += src->v[i].severity == HEST_SEV_ERROR;
		warnings += src->v[i].severity == HEST_SEV_WARNING;
	}
	d->errors += src->errors - errors;
	d->warnings += src->warnings - warnings;
	d->dropped += src->dropped;
	d->oom = d->oom || src->oom;
}

/* The streamed sources' diagnostics join the caller's, each deferred
 * `block_address` settled (now that the placement mode is known) at the
 * place its diagnostic would have had. */
static void join_streamed(struct dctx *c)
{
	struct hest_diags *d = c->d, *sd = &c->srcd;
	size_t next = 0;
	for (size_t i = 0; i < c->npend; i++) {
		struct pending_block *p = &c->pend[i];
		size_t at = p->at < sd->n ? p->at : sd->n;
		move_diags(d, sd, next, at);
		next = at;
		if (c->m->placement.mode != HEST_PLACE_FIXED) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, p->key,
				      "'block_address' pins a block at an absolute address; it needs placement mode fixed");
			c->info[p->src].clean = false;
		} else if (p->ok) {
			struct hest_source *s = &c->m->src[p->src];
			s->layout.block_pinned = true;
			s->layout.block_address = p->address;
			s->layout.block_address_pos = p->pos;
		} else {
			move_diags(d, &p->value, 0, p->value.n);
			join_counts(d, &p->value);
			c->info[p->src].clean = false;
		}
	}
	move_diags(d, sd, next, sd->n);
	join_counts(d, sd);
}

static void free_streamed(struct dctx *c)
{
	hest_diags_free(&c->srcd);
	for (size_t i = 0; i < c->npend; i++)
		hest_diags_free(&c->pend[i].value);
	free(c->pend);
	c->pend = NULL;
	c->npend = c->pendcap = 0;
}

/* --- BERT and EINJ ---------------------------------------------------- */

/* The kind a description is of: its `table: { signature: ... }` when that
 * names a kind hestc knows, else HEST (whose parse reports the rest). */
static const struct hest_table_desc *description_kind(const struct ynode *root)
{
	YMAP_FOREACH(root, k, v) {
		if (!yscalar_is(k, "table") || v->kind != Y_MAP)
			continue;
		YMAP_FOREACH(v, tk, tv) {
			if (yscalar_is(tk, "signature") && tv->kind == Y_SCALAR)
				return hest_table_desc_by_signature(tv->str, tv->len);
		}
	}
	return NULL;
}

/* `records:` of a BERT: each item an error status block as `hestc cper`
 * reads it, encoded one after the other into the boot error region. */
static void parse_records(struct dctx *c, const struct ynode *seq)
{
	if (seq->kind != Y_SEQ) {
		ERR(c, seq, "'records' must be a list of error status blocks, not %s", ynode_kind_name(seq));
		return;
	}
	struct hest_buf region;
	hest_buf_init(&region);
	bool ok = true;
	YSEQ_FOREACH(seq, it) {
		struct hest_cper_block b;
		if (hest_cper_desc_parse_node(&b, c->file, it, c->d) == 0 &&
		    hest_cper_encode(&b, &region, c->file, c->d) < 0)
			ok = false;
		hest_cper_block_free(&b);
	}
	if (region.oom)
		ERR(c, seq, "out of memory");
	else if (region.len > UINT32_MAX)
		ERR(c, seq, "the records take %zu bytes; a region length is 32-bit", region.len);
	else if (ok && !hest_model_set_region(c->m, region.p, (uint32_t)region.len))
		ERR(c, seq, "out of memory");
	hest_buf_free(&region);
}

/* `register_at: NAME` of an entry: its register is that memory register
 * (placed with the blob); the index is kept until placement. */
static void entry_register_at(struct dctx *c, struct hest_source *s, const struct ynode *map)
{
	const struct ynode *v = NULL;
	YMAP_FOREACH(map, k, kv) {
		if (yscalar_is(k, "register_at"))
			v = kv;
	}
	if (!v || !want_scalar(c, v, "register_at", "the name of a register under 'registers'"))
		return;
	for (size_t i = 0; i < c->m->nregs; i++)
		if (strcmp(c->m->regs[i].name, v->str) == 0) {
			if (hest_source_given(s, "register.address")) {
				ERR(c, v, "give the register as 'register_at' or as 'register: { address }', not both");
				return;
			}
			s->layout.placed = true;
			s->layout.register_offset = i;
			s->layout.block_address_pos = pos_of(v);
			return;
		}
	struct suggest sg = SUGGEST_INIT;
	for (size_t i = 0; i < c->m->nregs; i++)
		suggest_consider(&sg, v->str, v->len, c->m->regs[i].name);
	char sbuf[96];
	ERR(c, v, "register_at: no register named '%s' under 'registers'%s", v->str, suggest_text(&sg, sbuf, sizeof(sbuf)));
}

/* `entries:` (the EINJ's own) or `trigger:` (the trigger action table). */
static void parse_entries(struct dctx *c, const struct hest_table_desc *t, const struct ynode *seq, bool trigger)
{
	const char *extra[MAX_OPTION_KEYS] = { NULL };
	if (t->kind == HEST_TABLE_EINJ) /* register_at: registers are an EINJ's */
		option_keys(HEST_OPTS_EINJ_ENTRY, extra);
	const char *key = trigger ? "trigger" : t->entries_key;
	if (seq->kind != Y_SEQ) {
		ERR(c, seq, "'%s' must be a list, not %s", key, ynode_kind_name(seq));
		return;
	}
	size_t i = 0;
	YSEQ_FOREACH(seq, it) {
		struct where in = { NULL, trigger ? "trigger entry " : "entry ", "", i++, "" };
		struct hest_source *s = trigger ? hest_model_add_trigger_entry(c->m, t->entry)
						: hest_model_add_entry(c->m, t->entry);
		if (!s) {
			ERR(c, it, "out of memory");
			return;
		}
		s->pos = pos_of(it);
		if (it->kind != Y_MAP) {
			ERR(c, it, "each entry must be a mapping, not %s", ynode_kind_name(it));
			continue;
		}
		parse_struct(c, s, t->entry, 0, 0, it, &in, extra);
		if (t->kind == HEST_TABLE_EINJ)
			entry_register_at(c, s, it);
	}
}

/* `registers:` of an EINJ: name, size (8), value or bytes, points_to. */
static void parse_register(struct dctx *c, const struct ynode *map, size_t index)
{
	const char *keys[MAX_OPTION_KEYS];
	option_keys(HEST_OPTS_EINJ_REGISTER, keys);
	const struct ynode *seen[MAX_OPTION_KEYS] = { NULL }, *name = NULL, *size = NULL, *value = NULL,
			   *bytes = NULL, *points = NULL, *block = NULL;
	const struct hest_struct_desc *bd = NULL; /* `block:` */
	if (map->kind != Y_MAP) {
		ERR(c, map, "each register must be a mapping (name, size, value...), not %s", ynode_kind_name(map));
		return;
	}
	YMAP_FOREACH(map, bk, bv) {
		if (yscalar_is(bk, "block"))
			block = bv;
	}
	if (block) {
		if (!yscalar_is(block, hest_desc_einj_setwa.key)) {
			ERR(c, block, "'block' takes '%s' (the parameter block of SET_ERROR_TYPE_WITH_ADDRESS)",
			    hest_desc_einj_setwa.key);
			return;
		}
		bd = &hest_desc_einj_setwa;
	}
	YMAP_FOREACH(map, k, v) {
		if (!plain_key(c, k))
			continue;
		size_t x = key_index(k, keys);
		if (x == SIZE_MAX) {
			if (bd)
				continue; /* a field of the block, or unknown: parse_struct says which below */
			char where[40];
			snprintf(where, sizeof(where), "register #%zu", index);
			unknown_key(c, k, where, bd, keys);
			continue;
		}
		if (!first_use(c, &seen[x], k))
			continue;
		if (yscalar_is(k, "name"))
			name = v;
		else if (yscalar_is(k, "size"))
			size = v;
		else if (yscalar_is(k, "value"))
			value = v;
		else if (yscalar_is(k, "bytes"))
			bytes = v;
		else if (yscalar_is(k, "points_to"))
			points = v;
	}
	if (!name) {
		ERR(c, map, "missing required key 'name' in register #%zu", index);
		return;
	}
	if (!want_scalar(c, name, "name", "a register name") || !valid_name(name) ||
	    name->len >= HEST_REG_NAME_MAX) {
		ERR(c, name, "register name '%s': a letter or '_', then letters, digits, '_' or '-', at most %u characters", name->str,
		    HEST_REG_NAME_MAX - 1);
		return;
	}
	for (size_t i = 0; i < c->m->nregs; i++)
		if (strcmp(c->m->regs[i].name, name->str) == 0) {
			ERR(c, name, "register name '%s' is used twice", name->str);
			return;
		}
	uint64_t sz = bd ? bd->size : 8;
	if (size && (!node_uint(c, size, "size", 4, &sz) || sz == 0 || sz > 4096)) {
		ERR(c, size, "'size' must be 1 to 4096 bytes");
		return;
	}
	if (bd && sz < bd->size) {
		ERR(c, size, "a %s block takes at least %u bytes (the EINJv2 header included), not %" PRIu64, bd->key,
		    bd->size, sz);
		return;
	}
	if (bd && (value || bytes)) {
		ERR(c, value ? value : bytes, "a %s block is given by its fields, not by '%s'", bd->key,
		    value ? "value" : "bytes");
		return;
	}
	struct hest_mem_register *r = hest_model_add_register(c->m, name->str, (uint32_t)sz);
	if (!r) {
		ERR(c, map, "out of memory");
		return;
	}
	r->pos = pos_of(map);
	if (bd) { /* its fields by name, through the descriptor */
		struct hest_source blk;
		memset(&blk, 0, sizeof(blk));
		blk.desc = bd;
		blk.bytes = r->init;
		blk.len = r->size;
		blk.type = HEST_ENTRY_TYPE;
		hest_apply_defaults(bd, r->init);
		char wbuf[HEST_REG_NAME_MAX + 16];
		snprintf(wbuf, sizeof(wbuf), "register '%s'", r->name);
		struct where in = WHERE_TEXT(wbuf);
		parse_struct(c, &blk, bd, 0, 0, map, &in, keys);
		if (blk.givencap)
			free(blk.given);
	}
	if (value && bytes)
		ERR(c, bytes, "give a register's 'value' or its 'bytes', not both");
	if (value) {
		uint64_t v;
		if (node_uint(c, value, "value", sz < 8 ? (unsigned)sz : 8, &v))
			hest_put_le(r->init, sz < 8 ? (unsigned)sz : 8, v);
	} else if (bytes) {
		size_t n = 0;
		uint8_t *b = node_hex(c, bytes, "bytes", &n);
		if (b && n > sz)
			ERR(c, bytes, "'bytes': %zu given, the register is %" PRIu64, n, sz);
		else if (b)
			memcpy(r->init, b, n);
		free(b);
	}
	if (points) {
		if (!yscalar_is(points, "trigger"))
			ERR(c, points, "'points_to' takes 'trigger' (the register holds the trigger action table's address)");
		else if (sz != 8)
			ERR(c, points, "a register that holds an address is 8 bytes, not %" PRIu64, sz);
		else
			r->points = HEST_REG_POINTS_TRIGGER;
	}
}

static void parse_registers(struct dctx *c, const struct ynode *seq)
{
	if (seq->kind != Y_SEQ) {
		ERR(c, seq, "'registers' must be a list, not %s", ynode_kind_name(seq));
		return;
	}
	size_t i = 0;
	YSEQ_FOREACH(seq, it) {
		parse_register(c, it, i++);
	}
}

/* A BERT or EINJ description: table, placement, trailing_bytes, and BERT's
 * records or region bytes, or EINJ's entries. */
static void parse_apei_root(struct dctx *c, const struct ynode *root, const struct hest_table_desc *t)
{
	const char *keys[MAX_OPTION_KEYS];
	option_keys(t->kind == HEST_TABLE_BERT	 ? HEST_OPTS_BERT_TOP
		    : t->kind == HEST_TABLE_ERST ? HEST_OPTS_ERST_TOP
						 : HEST_OPTS_EINJ_TOP,
		    keys);
	const struct ynode *seen[MAX_OPTION_KEYS] = { NULL }, *trailing = NULL, *records = NULL, *region = NULL;
	const struct ynode *entries = NULL, *registers = NULL, *trigger = NULL;
	if (!hest_model_set_kind(c->m, t->kind)) {
		ERR(c, root, "out of memory");
		return;
	}
	if (t->kind == HEST_TABLE_BERT)
		strcpy(c->m->placement.blob, "etc/boot_errors");
	else if (t->kind == HEST_TABLE_EINJ)
		strcpy(c->m->placement.blob, "etc/einj_registers");
	YMAP_FOREACH(root, k, v) {
		if (!plain_key(c, k))
			continue;
		size_t x = key_index(k, keys);
		if (x == SIZE_MAX) {
			char where[32];
			snprintf(where, sizeof(where), "the %s description", t->signature);
			unknown_key(c, k, where, NULL, keys);
			continue;
		}
		if (!first_use(c, &seen[x], k))
			continue;
		if (yscalar_is(k, "table")) {
			struct where in = WHERE_TEXT("table");
			parse_struct(c, &c->m->hdr, t->header, 0, 0, v, &in, NULL);
		} else if (yscalar_is(k, "placement")) {
			parse_placement(c, v);
		} else if (yscalar_is(k, "trailing_bytes")) {
			trailing = v;
		} else if (yscalar_is(k, "records")) {
			records = v;
		} else if (yscalar_is(k, "region")) {
			region = v;
		} else if (yscalar_is(k, "registers")) {
			registers = v;
		} else if (yscalar_is(k, "trigger")) {
			trigger = v;
		} else {
			entries = v;
		}
	}
	if (registers) /* first: entries name them */
		parse_registers(c, registers);
	if (entries)
		parse_entries(c, t, entries, false);
	if (trigger) {
		c->m->has_trigger = true;
		c->m->trigger_pos = pos_of(trigger);
		parse_entries(c, t, trigger, true);
	}
	for (size_t i = 0; !trigger && i < c->m->nregs; i++)
		if (c->m->regs[i].points == HEST_REG_POINTS_TRIGGER)
			hest_diag_add(c->d, HEST_SEV_ERROR, NULL,
				      (struct hest_loc){ c->file, c->m->regs[i].pos.line, c->m->regs[i].pos.col, false, 0 },
				      "register '%s' holds the trigger action table's address, but the description has "
				      "no 'trigger:' (give 'trigger: []' for a table without actions)", c->m->regs[i].name);
	if (t->kind == HEST_TABLE_EINJ && c->m->placement.mode == HEST_PLACE_NONE && (registers || trigger))
		ERR(c, registers ? registers : trigger, "'%s' are memory the VMM backs: they need placement mode fixed "
			"or linker-loader", registers ? "registers" : "trigger");

	if (trailing)
		parse_trailing(c, trailing);
	if (records && region)
		ERR(c, region, "give the boot error region as 'records' or as 'region' bytes, not both");
	else if (records)
		parse_records(c, records);
	else if (region) {
		size_t len = 0;
		uint8_t *b = node_hex(c, region, "region", &len);
		if (b && (len > UINT32_MAX || !hest_model_set_region(c->m, b, (uint32_t)len)))
			ERR(c, region, "out of memory");
		free(b);
	}
	if (records || region)
		c->m->records_pos = pos_of(records ? records : region);
	if (t->kind == HEST_TABLE_BERT && c->m->placement.mode != HEST_PLACE_NONE && !records && !region)
		ERR(c, root, "placement mode %s places the boot error region: give its 'records' (or 'region' bytes)",
		    c->m->placement.mode == HEST_PLACE_FIXED ? "fixed" : "linker-loader");
}

/* --- profiles (placement.profile, lib/profiles.c) ----------------------------
 *
 * A profile stands for keys a description could write.  Each of its values
 * goes through the parser's own code for that key, as a scalar placed at
 * the profile's name (so any diagnostic about it points there).  A key the
 * description gave is compared by what it encodes, not by its spelling:
 * equal is fine, different is an error when the profile fixes the key and
 * the description's value when it is only a default. */

static struct ynode profile_scalar(const struct dctx *c, const char *value)
{
	struct ynode n;
	memset(&n, 0, sizeof(n));
	n.kind = Y_SCALAR;
	n.line = c->m->placement.profile_pos.line;
	n.col = c->m->placement.profile_pos.col;
	n.str = value;
	n.len = strlen(value);
	return n;
}

static void profile_conflict(struct dctx *c, struct hest_pos at_pos, const char *what,
			     const struct hest_profile_key *k)
{
	struct hest_loc l = { c->file, at_pos.line, at_pos.col, false, 0 };
	hest_diag_add(c->d, HEST_SEV_ERROR, NULL, l,
		      "%s contradicts placement profile '%s', which fixes it to \"%s\" (%s); remove the key, or "
		      "drop the profile",
		      what, c->m->placement.profile->name, k->value, k->why);
}

/* A wire field of s (the header, or a GHESv2 source): the profile's value,
 * unless the description gave one; a given value that differs from a fixed
 * one is an error. */
static void profile_field(struct dctx *c, struct hest_source *s, const char *path, const char *what,
			  const struct hest_profile_key *k)
{
	size_t off;
	const struct hest_field *f = hest_field_path(s->desc, path, &off);
	if (!f || f->kind == HEST_FK_STRUCT || f->kind == HEST_FK_ARRAY || off + f->size > s->len) {
		ERR(c, NULL, "placement profile '%s': '%s' is not a key it can set (a bug in lib/profiles.c)",
		    c->m->placement.profile->name, k->key);
		return;
	}
	/* the value as the parser reads it, into a copy of the image */
	uint8_t *copy = malloc(s->len);
	if (!copy) {
		ERR(c, NULL, "out of memory");
		return;
	}
	memcpy(copy, s->bytes, s->len);
	struct hest_source tmp = *s;
	tmp.bytes = copy;
	struct ynode v = profile_scalar(c, k->value);
	size_t errors = c->d->errors;
	parse_field(c, &tmp, f, off, 0, &v, NULL);
	if (c->d->errors != errors) {
		free(copy);
		return;
	}
	const struct hest_given *g = hest_source_given(s, path);
	if (!g) {
		memcpy(s->bytes + off, copy + off, f->size);
		if (!hest_source_mark_given(s, (uint16_t)off, (unsigned)(strchr(path, '.') != NULL),
					    c->m->placement.profile_pos))
			ERR(c, NULL, "out of memory");
	} else if (k->fixed && memcmp(s->bytes + off, copy + off, f->size) != 0) {
		profile_conflict(c, g->pos, what, k);
	}
	free(copy);
}

static void profile_placement(struct dctx *c, const struct hest_profile_key *k)
{
	struct hest_placement *p = &c->m->placement;
	const char *key = k->key + strlen("placement.");
	const char *keys[MAX_OPTION_KEYS];
	option_keys(HEST_OPTS_PLACEMENT, keys);
	struct ynode kn = profile_scalar(c, key), vn = profile_scalar(c, k->value);
	size_t x = key_index(&kn, keys);
	if (x == SIZE_MAX || strcmp(key, "profile") == 0 || strcmp(key, "base") == 0) {
		ERR(c, NULL, "placement profile '%s': '%s' is not a key it can set (a bug in lib/profiles.c)",
		    p->profile->name, k->key);
		return;
	}
	struct hest_placement want = *p;
	bool base_given = false;
	size_t errors = c->d->errors;
	parse_placement_key(c, &want, &kn, &vn, &base_given);
	if (c->d->errors != errors)
		return;
	const struct ynode *given = x < sizeof(c->placement_given) / sizeof(c->placement_given[0])
					    ? c->placement_given[x] : NULL;
	if (!given) {
		*p = want;
		return;
	}
	/* what the key encodes, positions aside */
	want.pos = p->pos;
	want.base_pos = p->base_pos;
	want.table_offset_pos = p->table_offset_pos;
	want.block_size_pos = p->block_size_pos;
	if (k->fixed && memcmp(&want, p, sizeof(want)) != 0)
		profile_conflict(c, pos_of(given), k->key, k);
}

static void profile_target(struct dctx *c, const struct hest_profile_key *k)
{
	uint64_t x;
	struct ynode vn = profile_scalar(c, k->value);
	if (strcmp(k->key, "target.arch") != 0 || !node_setting(c, &vn, "arch", "architecture", &hest_arch_names, &x)) {
		ERR(c, NULL, "placement profile '%s': '%s' is not a key it can set (a bug in lib/profiles.c)",
		    c->m->placement.profile->name, k->key);
		return;
	}
	if (!c->arch_given)
		c->m->arch = (enum hest_arch)x;
	else if (k->fixed && (uint64_t)c->m->arch != x)
		profile_conflict(c, pos_of(c->arch_given), k->key, k);
}

/* Table, target and placement keys: right after the description's own
 * keys were read, before anything depends on the placement mode. */
static void apply_profile_settings(struct dctx *c)
{
	const struct hest_profile *pr = c->m->placement.profile;
	for (size_t i = 0; pr && i < pr->nkeys; i++) {
		const struct hest_profile_key *k = &pr->keys[i];
		if (strncmp(k->key, "table.", 6) == 0)
			profile_field(c, &c->m->hdr, k->key + 6, k->key, k);
		else if (strncmp(k->key, "target.", 7) == 0)
			profile_target(c, k);
		else if (strncmp(k->key, "placement.", 10) == 0)
			profile_placement(c, k);
	}
}

/* No `sources:`: the sources QEMU defines, read from the profile's text
 * and placed at the profile's name. */
static void profile_sources(struct dctx *c)
{
	const struct hest_profile *pr = c->m->placement.profile;
	struct ytree t;
	char file[96];
	snprintf(file, sizeof(file), "profile %s", pr->name);
	if (ytree_parse(&t, file, (const uint8_t *)pr->sources, strlen(pr->sources), NULL, c->d) < 0)
		return;
	if (!t.root || t.root->kind != Y_SEQ || !grow_info(c, t.root->n)) {
		ERR(c, NULL, "placement profile '%s': '%s' is not a key it can set (a bug in lib/profiles.c)",
		    pr->name, "sources");
		ytree_free(&t);
		return;
	}
	const char *saved = c->file;
	size_t i = c->m->nsrc;
	c->file = file;
	YSEQ_FOREACH(t.root, it) {
		parse_source(c, it, i++);
	}
	c->file = saved;
	ytree_free(&t);
	for (size_t j = 0; j < c->m->nsrc; j++) {
		struct hest_source *s = &c->m->src[j];
		s->pos = c->m->placement.profile_pos;
		for (size_t g = 0; g < s->ngiven; g++)
			s->given[g].pos = c->m->placement.profile_pos;
		c->info[j].name_pos = c->m->placement.profile_pos;
	}
}

/* The GHESv2 fields the profile fixes, on every GHESv2 source; and the
 * number and kind of GHES sources QEMU can serve. */
static void apply_profile_sources(struct dctx *c)
{
	const struct hest_profile *pr = c->m->placement.profile;
	if (!pr)
		return;
	unsigned nghes = 0;
	for (size_t i = 0; i < c->m->nsrc; i++) {
		struct hest_source *s = &c->m->src[i];
		if (!s->desc || (s->type != 9 && s->type != 10))
			continue;
		nghes++;
		if (pr->max_ghes && (nghes > pr->max_ghes || s->type == 9)) {
			struct hest_loc l = { c->file, s->pos.line, s->pos.col, false, 0 };
			hest_diag_add(c->d, HEST_SEV_ERROR, NULL, l,
				      "source '%s' (%s): placement profile '%s' has room for %u GHESv2 source%s only: "
				      "%s",
				      s->name, s->desc->key, pr->name, pr->max_ghes, pr->max_ghes == 1 ? "" : "s",
				      pr->max_ghes_why);
		}
		if (s->type != 10)
			continue;
		for (size_t k = 0; k < pr->nkeys; k++) {
			const struct hest_profile_key *key = &pr->keys[k];
			if (strncmp(key->key, "ghes-v2.", 8) != 0)
				continue;
			char what[160];
			snprintf(what, sizeof(what), "source '%s': %s", s->name, key->key + 8);
			profile_field(c, s, key->key + 8, what, key);
		}
	}
}

static void parse_root(struct dctx *c, const struct ynode *root)
{
	const struct hest_table_desc *kind = description_kind(root);
	if (kind && kind->kind != HEST_TABLE_HEST) {
		parse_apei_root(c, root, kind);
		return;
	}
	size_t errors = c->d->errors;
	const struct ynode *sources = NULL, *trailing = NULL;
	const char *top_keys[MAX_OPTION_KEYS];
	const struct ynode *seen[MAX_OPTION_KEYS] = { NULL };
	option_keys(HEST_OPTS_TOP, top_keys);
	YMAP_FOREACH(root, k, v) {
		if (!plain_key(c, k))
			continue;
		size_t x = key_index(k, top_keys);
		if (x == SIZE_MAX) {
			unknown_key(c, k, "the description", NULL, top_keys);
			continue;
		}
		if (!first_use(c, &seen[x], k))
			continue;
		if (yscalar_is(k, "table")) {
			struct where in = WHERE_TEXT("table");
			if (v->kind != Y_MAP)
				ERR(c, v, "'table' must be a mapping, not %s", ynode_kind_name(v));
			else
				parse_struct(c, &c->m->hdr, &hest_desc_header, 0, 0, v, &in, NULL);
		} else if (yscalar_is(k, "target")) {
			parse_target(c, v);
		} else if (yscalar_is(k, "placement")) {
			parse_placement(c, v);
		} else if (yscalar_is(k, "ssdt")) {
			parse_ssdt(c, v);
		} else if (yscalar_is(k, "allow")) {
			parse_allow(c, v);
		} else if (yscalar_is(k, "trailing_bytes")) {
			trailing = v;
		} else {
			sources = v;
		}
	}
	apply_profile_settings(c);
	if (trailing)
		parse_trailing(c, trailing);
	if (!sources && c->m->placement.profile) {
		profile_sources(c);
		apply_profile_sources(c);
		check_ids(c);
		if (c->d->errors == errors)
			hest_ssdt_check(c->m, c->d);
		return;
	}
	if (!sources) {
		if (!c->profile_refused)
			ERR(c, root, "missing required key 'sources'");
		return;
	}
	if (sources->kind != Y_SEQ) {
		ERR(c, sources, "'sources' must be a list, not %s", ynode_kind_name(sources));
		return;
	}
	if (sources->n == 0) {
		if (!(c->m->allow & HEST_ALLOW_NO_SOURCES))
			ERR(c, sources, "'sources' is empty; a HEST needs at least one error source (list "
					"'no-sources' under 'allow:' if a table of only the header is deliberate)");
		return;
	}
	if (sources->n > HEST_MAX_SOURCES) {
		ERR(c, sources, "%zu sources given; source ids are 16-bit, so a HEST holds at most %u", sources->n,
		    HEST_MAX_SOURCES);
		return;
	}
	if (c->main_d) {
		join_streamed(c); /* the sources were parsed as they were read */
	} else {
		if (!grow_info(c, sources->n)) {
			ERR(c, sources, "out of memory");
			return;
		}
		size_t i = 0;
		YSEQ_FOREACH(sources, it) {
			parse_source(c, it, i++);
		}
	}
	apply_profile_sources(c);
	check_ids(c);
	check_names(c);
	if (c->d->errors == errors)
		hest_ssdt_check(c->m, c->d); /* events against their sources, once every source is known */
}

int hest_desc_parse(struct hest_model *m, const char *file, const uint8_t *buf, size_t len,
		    struct hest_diags *d)
{
	struct dctx c;
	memset(&c, 0, sizeof(c));
	c.m = m;
	c.file = file;
	c.d = d;
	/* The sources are parsed one by one as libyaml reads them, each then
	 * released (ytree's struct ystream): a description of thousands of
	 * sources never exists whole as a tree. */
	c.main_d = d;
	hest_diags_init(&c.srcd);
	struct ystream st = { "sources", stream_source, &c, false };
	struct ytree t;
	size_t errors = d->errors;
	m->file = file;
	int rc = ytree_parse_stream(&t, file, buf, len, NULL, &st, d);
	c.d = d;
	if (!st.active)
		c.main_d = NULL;
	if (rc < 0)
		;
	else if (!t.root)
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 1, 1, false, 0 },
			      "the description is empty");
	else if (t.root->kind != Y_MAP)
		ERR(&c, t.root, "a description must be a mapping with 'sources' (and optionally table, target, "
				"placement, allow), not %s", ynode_kind_name(t.root));
	else
		parse_root(&c, t.root);
	ytree_free(&t);
	free_streamed(&c);
	free(c.info);
	free(c.given);
	return rc < 0 || d->errors > errors || d->oom ? -1 : 0;
}

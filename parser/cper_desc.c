/* YAML -> CPER block or record (`hestc cper`), driven by the descriptor
 * tables of lib/cper_fields.c.  Errors carry file:line:col. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/cper.h>
#include <hest/desc.h>
#include "cursor.h"
#include "suggest.h"
#include "ytree.h"
#include "cper_libcper.h"
#include "cper_desc.h"

struct pctx {
	const char *file;
	struct hest_diags *d;
	struct hest_cper_block *b;
};

static struct hest_loc at(const struct pctx *c, const struct ynode *n)
{
	struct hest_loc l = { c->file, n ? n->line : 0, n ? n->col : 0, false, 0 };
	return l;
}

#define ERR(c, node, ...) hest_diag_add((c)->d, HEST_SEV_ERROR, NULL, at((c), (node)), __VA_ARGS__)

/* --- suggestions -------------------------------------------------------- */

/* The closest candidate (parser/suggest.c) and the list of all of them. */
struct hint {
	struct suggest near;
	char list[640];
	size_t used;
};

static void hint_add(struct hint *h, const struct ynode *word, const char *cand)
{
	suggest_consider(&h->near, word->str, word->len, cand);
	if (h->used < sizeof(h->list)) {
		int k = snprintf(h->list + h->used, sizeof(h->list) - h->used, "%s%s", h->used ? ", " : "", cand);
		if (k > 0)
			h->used += (size_t)k;
	}
}

static const char *hint_text(const struct hint *h, char *buf, size_t size)
{
	return suggest_text(&h->near, buf, size);
}

/* --- scalars ------------------------------------------------------------- */

static bool scalar(struct pctx *c, const struct ynode *n, const char *what, const char *expect)
{
	if (n->kind == Y_SCALAR)
		return true;
	ERR(c, n, "'%s' must be %s, not %s", what, expect, ynode_kind_name(n));
	return false;
}

static bool looks_numeric(const struct ynode *n)
{
	return n->len && ((n->str[0] >= '0' && n->str[0] <= '9') || n->str[0] == '-' || n->str[0] == '+');
}

static bool uint_of(struct pctx *c, const struct ynode *n, const char *what, uint64_t max, uint64_t *v)
{
	const char *why;
	if (!scalar(c, n, what, "an integer"))
		return false;
	/* JSON spells integers past 2^53 as "0x..." strings (they are exact) */
	if (n->quoted && !(n->len > 2 && n->str[0] == '0' && (n->str[1] == 'x' || n->str[1] == 'X'))) {
		ERR(c, n, "'%s' must be an integer, not a string (remove the quotes)", what);
		return false;
	}
	if (hest_parse_uint(n->str, n->len, v, &why) < 0) {
		ERR(c, n, "'%s': invalid integer '%s': %s", what, n->str, why);
		return false;
	}
	if (*v > max) {
		ERR(c, n, "'%s': value %s is out of range (0..0x%" PRIx64 ")", what, n->str, max);
		return false;
	}
	return true;
}

static bool name_of(struct pctx *c, const struct ynode *n, const char *what, const struct hest_names *names,
		    uint64_t max, uint64_t *v)
{
	if (!scalar(c, n, what, "a name or an integer"))
		return false;
	if (looks_numeric(n))
		return uint_of(c, n, what, max, v);
	if (hest_name_lookup(names, n->str, n->len, v))
		return true;
	struct hint h = { SUGGEST_INIT, "", 0 };
	char sb[96];
	for (size_t i = 0; names && i < names->n; i++)
		hint_add(&h, n, names->v[i].name);
	ERR(c, n, "unknown %s '%s'%s; expected one of: %s, or a number", what, n->str, hint_text(&h, sb, sizeof(sb)),
	    h.list);
	return false;
}

/* Validation bit of a field key (the names of a validation-bits field). */
static int valid_bit_of(const struct hest_cper_desc *d, const struct hest_cper_type *t, const struct ynode *n)
{
	for (size_t i = 0; i < d->nfields; i++)
		if (d->fields[i].valid_bit >= 0 && strlen(d->fields[i].key) == n->len &&
		    memcmp(d->fields[i].key, n->str, n->len) == 0)
			return d->fields[i].valid_bit;
	if (t && t->body == d && t->tail_valid_bit >= 0 && yscalar_is(n, t->tail_key))
		return t->tail_valid_bit;
	for (unsigned v = 0; t && t->body == d && v < HEST_CPER_MAX_VAR && t->var[v].key; v++)
		if (t->var[v].valid_bit >= 0 && yscalar_is(n, t->var[v].key))
			return t->var[v].valid_bit;
	/* "error_info": the bit error information structures set that no
	 * count field claims (hest_cper_valid_bit_name) */
	for (unsigned bit = 0; t && t->body == d && bit < 64 && yscalar_is(n, "error_info"); bit++)
		if ((t->info_valid >> bit & 1) && hest_cper_valid_bit_name(d, t, bit) &&
		    strcmp(hest_cper_valid_bit_name(d, t, bit), "error_info") == 0)
			return (int)bit;
	return -1;
}

static bool flag_of(struct pctx *c, const struct ynode *n, const struct hest_cper_desc *d,
		    const struct hest_cper_field *f, const struct hest_cper_type *t, uint64_t *v)
{
	uint64_t max = hest_cper_field_max(f);
	if (!scalar(c, n, f->key, "a flag name or an integer"))
		return false;
	if (looks_numeric(n))
		return uint_of(c, n, f->key, max, v);
	if (f->attr & HEST_CA_VALIDATION) {
		int bit = valid_bit_of(d, t, n);
		if (bit >= 0 && (uint64_t)1 << bit <= max) {
			*v = (uint64_t)1 << bit;
			return true;
		}
		struct hint h = { SUGGEST_INIT, "", 0 };
		char sb[96];
		for (size_t i = 0; i < d->nfields; i++)
			if (d->fields[i].valid_bit >= 0)
				hint_add(&h, n, d->fields[i].key);
		ERR(c, n, "'%s': '%s' names no validated field%s; expected field names: %s, or a number", f->key,
		    n->str, hint_text(&h, sb, sizeof(sb)), h.list);
		return false;
	}
	return name_of(c, n, f->key, f->names, max, v);
}

static bool flags_of(struct pctx *c, const struct ynode *n, const struct hest_cper_desc *d,
		     const struct hest_cper_field *f, const struct hest_cper_type *t, uint64_t *v)
{
	uint64_t bit, acc = 0;
	if (n->kind != Y_SEQ)
		return flag_of(c, n, d, f, t, v);
	bool ok = true;
	YSEQ_FOREACH(n, it) {
		if (flag_of(c, it, d, f, t, &bit))
			acc |= bit;
		else
			ok = false;
	}
	*v = acc;
	return ok;
}

/* Hex bytes: "00 11 22", "001122", "00:11:22" (an optional 0x prefix).
 * *out is malloc'd (NULL when empty). */
static bool hex_of(struct pctx *c, const struct ynode *n, const char *what, size_t max, uint8_t **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	if (!scalar(c, n, what, "hex bytes"))
		return false;
	uint8_t *p = malloc(n->len / 2 + 1);
	if (!p) {
		ERR(c, n, "out of memory");
		return false;
	}
	size_t k = 0;
	int hi = -1;
	for (size_t i = 0; i < n->len; i++) {
		char ch = n->str[i];
		if (ch == ' ' || ch == ':' || ch == '\n' || ch == '\t' || ch == '_' || ch == '-')
			continue;
		if (ch == '0' && i + 1 < n->len && (n->str[i + 1] == 'x' || n->str[i + 1] == 'X') && hi < 0) {
			i++;
			continue;
		}
		int v = hest_hex_digit(ch);
		if (v < 0) {
			ERR(c, n, "'%s': '%c' is not a hex digit (bytes are written like \"00 11 22\")", what, ch);
			free(p);
			return false;
		}
		if (hi < 0) {
			hi = v;
		} else {
			p[k++] = (uint8_t)(hi << 4 | v);
			hi = -1;
		}
	}
	if (hi >= 0) {
		ERR(c, n, "'%s': odd number of hex digits", what);
		free(p);
		return false;
	}
	if (k > max) {
		ERR(c, n, "'%s' is %zu bytes; the field holds %zu", what, k, max);
		free(p);
		return false;
	}
	if (!k) {
		free(p);
		p = NULL;
	}
	*out = p;
	*len = k;
	return true;
}

static bool guid_of(struct pctx *c, const struct ynode *n, const char *what, const struct hest_cper_guid_names *gn,
		    uint8_t g[16])
{
	if (!scalar(c, n, what, "a GUID"))
		return false;
	if (hest_guid_parse(n->str, n->len, g) == 0)
		return true;
	for (size_t i = 0; gn && i < gn->n; i++)
		if (yscalar_is(n, gn->v[i].name)) {
			memcpy(g, gn->v[i].guid, 16);
			return true;
		}
	struct hint h = { SUGGEST_INIT, "", 0 };
	char sb[96];
	for (size_t i = 0; gn && i < gn->n; i++)
		hint_add(&h, n, gn->v[i].name);
	ERR(c, n, "'%s': '%s' is not a GUID (01234567-89ab-cdef-0123-456789abcdef)%s%s%s", what, n->str,
	    hint_text(&h, sb, sizeof(sb)), gn ? " or one of: " : "", gn ? h.list : "");
	return false;
}

static unsigned to_bcd(unsigned v)
{
	return (v / 10) << 4 | (v % 10);
}

/* "YYYY-MM-DD hh:mm:ss[ precise]" -> UEFI BCD timestamp (N.2.1). */
static bool timestamp_of(const struct ynode *n, uint64_t *v)
{
	unsigned y, mo, d, h, mi, s;
	char sep, rest[16] = "";
	int k = sscanf(n->str, "%4u-%2u-%2u%c%2u:%2u:%2u %15s", &y, &mo, &d, &sep, &h, &mi, &s, rest);
	if (k < 7 || (sep != ' ' && sep != 'T') || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    s > 59 || y > 9999 || (k == 8 && strcmp(rest, "precise") != 0))
		return false;
	uint8_t t[8] = { (uint8_t)to_bcd(s), (uint8_t)to_bcd(mi), (uint8_t)to_bcd(h), (uint8_t)(k == 8),
			 (uint8_t)to_bcd(d), (uint8_t)to_bcd(mo), (uint8_t)to_bcd(y % 100), (uint8_t)to_bcd(y / 100) };
	*v = hest_get_le(t, 8);
	return true;
}

/* --- fields ---------------------------------------------------------------- */

static const struct ynode *lookup(const struct ynode *map, const char *key);

static void set_field(struct pctx *c, struct hest_cper_image *im, const struct hest_cper_field *f,
		      const struct ynode *v, const struct hest_cper_type *t)
{
	uint64_t x;
	uint8_t g[16], *bytes;
	size_t n;
	bool ok = false;
	switch (f->kind) {
	case HEST_CF_ENUM:
		ok = name_of(c, v, f->key, f->names, hest_cper_field_max(f), &x);
		break;
	case HEST_CF_FLAGS:
		ok = flags_of(c, v, im->desc, f, t, &x);
		break;
	case HEST_CF_GUID:
		if (guid_of(c, v, f->key, f->guids, g) && hest_cper_set_bytes(im, f->key, g, 16) < 0)
			ERR(c, v, "out of memory");
		return;
	case HEST_CF_TEXT:
		if (v->kind == Y_MAP) { /* { hex: "..." }: bytes that are not printable text */
			const struct ynode *h = lookup(v, "hex");
			if (!h || v->n != 2) {
				ERR(c, v, "'%s' must be a string or { hex: \"bytes\" }", f->key);
				return;
			}
			if (hex_of(c, h, f->key, f->size, &bytes, &n))
				hest_cper_set_bytes(im, f->key, bytes, n);
			free(bytes);
			return;
		}
		if (!scalar(c, v, f->key, "a string"))
			return;
		if (v->len > f->size)
			ERR(c, v, "'%s' is %zu bytes long; the field holds %u", f->key, v->len, f->size);
		else
			hest_cper_set_bytes(im, f->key, v->str, v->len);
		return;
	case HEST_CF_BYTES:
		if (hex_of(c, v, f->key, f->size, &bytes, &n))
			hest_cper_set_bytes(im, f->key, bytes, n);
		free(bytes);
		return;
	case HEST_CF_RESERVED:
		if (!hest_cper_field_is_int(f)) {
			if (hex_of(c, v, f->key, f->size, &bytes, &n))
				hest_cper_set_bytes(im, f->key, bytes, n);
			free(bytes);
			return;
		}
		ok = uint_of(c, v, f->key, hest_cper_field_max(f), &x);
		break;
	default:
		if (strcmp(f->key, "timestamp") == 0 && v->kind == Y_SCALAR && memchr(v->str, '-', v->len)) {
			ok = timestamp_of(v, &x);
			if (!ok)
				ERR(c, v, "'timestamp' must be an integer or \"YYYY-MM-DD hh:mm:ss\" (optionally followed "
					  "by \" precise\"), not '%s'", v->str);
			break;
		}
		ok = uint_of(c, v, f->key, hest_cper_field_max(f), &x);
		break;
	}
	if (ok && hest_cper_set(im, f->key, x) < 0)
		ERR(c, v, "'%s' cannot be set to %" PRIu64, f->key, x);
}

static bool is_extra(const struct ynode *k, const char *const *extra)
{
	for (size_t i = 0; extra && extra[i]; i++)
		if (yscalar_is(k, extra[i]))
			return true;
	return false;
}

static bool duplicate(struct pctx *c, const struct ynode *map, const struct ynode *key)
{
	YMAP_FOREACH(map, k, v) {
		(void)v;
		if (k == key)
			return false;
		if (k->kind == Y_SCALAR && key->kind == Y_SCALAR && k->len == key->len &&
		    memcmp(k->str, key->str, k->len) == 0) {
			ERR(c, key, "duplicate key '%s' (first given at line %" PRIu32 ")", key->str, k->line);
			return true;
		}
	}
	return false;
}

static void unknown_key(struct pctx *c, const struct ynode *k, const char *where, const struct hest_cper_desc *d,
			const char *const *extra)
{
	struct hint h = { SUGGEST_INIT, "", 0 };
	char sb[96];
	for (size_t i = 0; extra && extra[i]; i++)
		hint_add(&h, k, extra[i]);
	for (size_t i = 0; d && i < d->nfields; i++)
		hint_add(&h, k, d->fields[i].key);
	ERR(c, k, "unknown key '%s' in %s%s; known keys: %s", k->str, where, hint_text(&h, sb, sizeof(sb)), h.list);
}

/* Sets every key of `map` that names a field of the image; `extra` keys are
 * left to the caller. */
static void parse_fields(struct pctx *c, struct hest_cper_image *im, const struct ynode *map, const char *where,
			 const char *const *extra, const struct hest_cper_type *t)
{
	if (map->kind != Y_MAP) {
		ERR(c, map, "%s must be a mapping, not %s", where, ynode_kind_name(map));
		return;
	}
	YMAP_FOREACH(map, k, v) {
		if (k->kind != Y_SCALAR) {
			ERR(c, k, "keys must be plain names, not %s", ynode_kind_name(k));
			continue;
		}
		if (duplicate(c, map, k) || is_extra(k, extra))
			continue;
		const struct hest_cper_field *f = hest_cper_field_find(im->desc, k->str, k->len);
		if (!f) {
			unknown_key(c, k, where, im->desc, extra);
			continue;
		}
		set_field(c, im, f, v, t);
	}
}

static const struct ynode *lookup(const struct ynode *map, const char *key)
{
	if (map->kind != Y_MAP)
		return NULL;
	YMAP_FOREACH(map, k, v) {
		if (yscalar_is(k, key))
			return v;
	}
	return NULL;
}

/* --- sections -------------------------------------------------------------- */

static const struct hest_cper_type *section_type(struct pctx *c, const struct ynode *v)
{
	if (!scalar(c, v, "type", "a section type name"))
		return NULL;
	const struct hest_cper_type *t = hest_cper_type_by_key(v->str, v->len);
	if (t)
		return t;
	struct hint h = { SUGGEST_INIT, "", 0 };
	char sb[96];
	for (int k = 0; k < HEST_CPER_NKINDS; k++)
		hint_add(&h, v, hest_cper_type_of((enum hest_cper_kind)k)->key);
	ERR(c, v, "unknown section type '%s'%s; expected one of: %s", v->str, hint_text(&h, sb, sizeof(sb)), h.list);
	return NULL;
}

static void parse_infos(struct pctx *c, struct hest_cper_section *s, const struct ynode *seq, const char *where)
{
	if (seq->kind != Y_SEQ) {
		ERR(c, seq, "'error_info' must be a list of mappings, not %s", ynode_kind_name(seq));
		return;
	}
	size_t i = 0;
	YSEQ_FOREACH(seq, it) {
		char w[96];
		snprintf(w, sizeof(w), "%s error_info #%zu", where, i++);
		struct hest_cper_image *im = hest_cper_add_info(s);
		if (!im) {
			ERR(c, it, "too many error information structures (or out of memory)");
			return;
		}
		parse_fields(c, im, it, w, NULL, s->type);
	}
	uint64_t max = s->type->info_count.width >= 64 ? UINT64_MAX : (1ull << s->type->info_count.width) - 1;
	if (s->ninfo > max)
		ERR(c, seq, "%zu error information structures; the section counts at most %" PRIu64, s->ninfo, max);
}

static void parse_contexts(struct pctx *c, struct hest_cper_section *s, const struct ynode *seq, const char *where)
{
	static const char *const extra[] = { "registers", NULL };
	if (seq->kind != Y_SEQ) {
		ERR(c, seq, "'context' must be a list of mappings, not %s", ynode_kind_name(seq));
		return;
	}
	size_t i = 0;
	YSEQ_FOREACH(seq, it) {
		char w[96];
		snprintf(w, sizeof(w), "%s context #%zu", where, i++);
		uint8_t *regs = NULL;
		size_t n = 0;
		const struct ynode *r = lookup(it, "registers");
		if (r && !hex_of(c, r, "registers", SIZE_MAX, &regs, &n))
			continue;
		struct hest_cper_image *im = hest_cper_add_context(s, regs, n);
		free(regs);
		if (!im) {
			ERR(c, r ? r : it, "register data too long for the context's size field (or out of memory)");
			continue;
		}
		parse_fields(c, im, it, w, extra, s->type);
	}
	uint64_t max = s->type->ctx_count.width >= 64 ? UINT64_MAX : (1ull << s->type->ctx_count.width) - 1;
	if (s->nctx > max)
		ERR(c, seq, "%zu context structures; the section counts at most %" PRIu64, s->nctx, max);
}

static void parse_section(struct pctx *c, const struct ynode *map, size_t index)
{
	if (map->kind != Y_MAP) {
		ERR(c, map, "each section must be a mapping with a 'type', not %s", ynode_kind_name(map));
		return;
	}
	const struct ynode *tn = lookup(map, "type");
	if (!tn) {
		ERR(c, map, "missing required key 'type' in section #%zu", index);
		return;
	}
	const struct hest_cper_type *t = section_type(c, tn);
	if (!t)
		return;
	struct hest_cper_section *s = hest_cper_add_section(c->b, t->kind);
	if (!s) {
		ERR(c, map, "too many sections (a status block counts at most %u)", HEST_CPER_MAX_ENTRIES);
		return;
	}
	s->src_line = map->line;
	s->src_col = map->col;
	char where[64];
	snprintf(where, sizeof(where), "%s section #%zu", t->key, index);
	const char *extra[] = { "type", "header", "guid", "error_info", "context", t->tail_key,
				t->var[0].key ? t->var[0].key : "type", t->var[1].key ? t->var[1].key : "type", NULL };
	const char *const *ex = extra;
	if (!t->info)
		extra[3] = "type"; /* not offered */
	if (!t->ctx)
		extra[4] = "type";
	parse_fields(c, &s->body, map, where, ex, t);
	const struct ynode *v;
	if ((v = lookup(map, "header"))) {
		char w[80];
		uint64_t rev = 0;
		snprintf(w, sizeof(w), "%s header", where);
		parse_fields(c, &s->header, v, w, NULL, t);
		const struct ynode *ts = lookup(v, "timestamp");
		if (ts && s->header.desc == &hest_cper_desc_entry && hest_cper_get(&s->header, "revision", &rev) == 0 &&
		    hest_cper_entry_size((uint16_t)rev) < HEST_CPER_ENTRY_SIZE)
			ERR(c, ts, "a timestamp needs entry revision 0x300 or later (revision 0x%" PRIx64
				   " entries are 64 bytes, without one)", rev);
	}
	uint8_t g[16];
	if ((v = lookup(map, "guid")) && guid_of(c, v, "guid", NULL, g))
		hest_cper_set_bytes(&s->header, "section_type", g, 16);
	if (t->kind == HEST_CPER_RAW && !hest_cper_given(&s->header, "section_type") && !lookup(map, "guid"))
		ERR(c, map, "a raw section needs 'guid' (its section type)");
	if (t->info && (v = lookup(map, "error_info")))
		parse_infos(c, s, v, where);
	if (t->ctx && (v = lookup(map, "context")))
		parse_contexts(c, s, v, where);
	for (unsigned k = 0; k < HEST_CPER_MAX_VAR && t->var[k].key; k++) {
		if (!(v = lookup(map, t->var[k].key)))
			continue;
		uint8_t *p;
		size_t n;
		if (hex_of(c, v, t->var[k].key, UINT32_MAX, &p, &n) && hest_cper_set_var(s, k, p, n) < 0)
			ERR(c, v, "'%s' is %zu bytes; its length field holds at most %" PRIu64, t->var[k].key, n,
			    t->var[k].len.width >= 64 ? UINT64_MAX : ((uint64_t)1 << t->var[k].len.width) - 1);
		free(p);
	}
	if ((v = lookup(map, t->tail_key))) {
		uint8_t *p;
		size_t n;
		if (hex_of(c, v, t->tail_key, UINT32_MAX, &p, &n) && hest_cper_set_tail(s, p, n) < 0)
			ERR(c, v, "out of memory");
		free(p);
	}
}

/* --- the document -------------------------------------------------------- */

static const struct hest_name form_v[] = {
	{ "status-block", HEST_CPER_STATUS_BLOCK, NULL },
	{ "record", HEST_CPER_RECORD, NULL },
};
static const struct hest_names form_names = { form_v, 2 };

static void parse_root(struct pctx *c, const struct ynode *root)
{
	/* hestval cper's JSON report: the description is its "record" */
	const struct ynode *v = lookup(root, "record");
	if (v && lookup(root, "block") && lookup(root, "diagnostics")) {
		if (v->kind != Y_MAP) {
			ERR(c, v, "this report has no record to build (its block could not be decoded)");
			return;
		}
		root = v;
	}
	v = lookup(root, "form");
	uint64_t form = HEST_CPER_STATUS_BLOCK;
	if (v && name_of(c, v, "form", &form_names, 1, &form) && form == HEST_CPER_RECORD) {
		hest_cper_block_free(c->b);
		if (hest_cper_block_init(c->b, HEST_CPER_RECORD) < 0) {
			ERR(c, v, "out of memory");
			return;
		}
	}
	static const char *const block_extra[] = { "form", "sections", "raw_data", NULL };
	static const char *const record_extra[] = { "form", "sections", NULL };
	const char *where = form == HEST_CPER_RECORD ? "the record" : "the status block";
	parse_fields(c, &c->b->head, root, where, form == HEST_CPER_RECORD ? record_extra : block_extra, NULL);
	if (form != HEST_CPER_RECORD && (v = lookup(root, "raw_data"))) {
		c->b->raw_line = v->line;
		c->b->raw_col = v->col;
		uint8_t *p;
		size_t n;
		if (hex_of(c, v, "raw_data", UINT32_MAX, &p, &n) && hest_cper_set_raw_data(c->b, p, n) < 0)
			ERR(c, v, "out of memory");
		free(p);
	}
	if (!(v = lookup(root, "sections")))
		return;
	if (v->kind != Y_SEQ) {
		ERR(c, v, "'sections' must be a list of sections, not %s", ynode_kind_name(v));
		return;
	}
	size_t i = 0;
	YSEQ_FOREACH(v, it) {
		parse_section(c, it, i++);
	}
}

int hest_cper_desc_parse_node(struct hest_cper_block *b, const char *file, const struct ynode *root,
			      struct hest_diags *d)
{
	struct pctx c = { file, d, b };
	size_t errors = d->errors;
	if (hest_cper_block_init(b, HEST_CPER_STATUS_BLOCK) < 0) {
		ERR(&c, NULL, "out of memory");
		return -1;
	}
	if (root->kind != Y_MAP)
		ERR(&c, root, "an error record must be a mapping (severity, sections, ...), not %s",
		    ynode_kind_name(root));
	else
		parse_root(&c, root);
	return d->errors > errors || d->oom ? -1 : 0;
}

int hest_cper_desc_parse(struct hest_cper_block *b, const char *file, const uint8_t *buf, size_t len,
			 struct hest_diags *d)
{
	struct pctx c = { file, d, b };
	struct ytree t;
	size_t errors = d->errors;
	if (hest_cper_block_init(b, HEST_CPER_STATUS_BLOCK) < 0) {
		ERR(&c, NULL, "out of memory");
		return -1;
	}
	if (ytree_parse(&t, file, buf, len, NULL, d) < 0)
		return -1;
	if (!t.root)
		ERR(&c, NULL, "the error description is empty");
	else if (t.root->kind != Y_MAP)
		ERR(&c, t.root, "an error description must be a mapping (severity, sections, ...), not %s",
		    ynode_kind_name(t.root));
	else if (hest_cper_libcper_is(t.root))
		hest_cper_libcper_read(b, file, t.root, d); /* openbmc/libcper's JSON */
	else
		parse_root(&c, t.root);
	ytree_free(&t);
	return d->errors > errors || d->oom ? -1 : 0;
}

/* libcper's JSON (openbmc/libcper's IR) -> CPER record, driven by the rows
 * of lib/cper_libcper_map.c.  It builds the bytes libcper's own
 * ir-to-CPER conversion builds: fields its JSON leaves out are zero (its
 * structures are calloc'd), validation bits come from "validationBits"
 * where the JSON has them and from the fields present where it does not (as
 * libcper's newer writer and reader do), counts, lengths and offsets are
 * taken as written.  What cannot be represented exactly (a value too wide
 * for its field, a key libcper does not have, a section kind hestc does not
 * map yet) is an error at its line and column. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper_libcper.h>
#include "cper_libcper.h"

struct lctx {
	const char *file;
	struct hest_diags *d;
};

static struct hest_loc at(const struct lctx *c, const struct ynode *n)
{
	struct hest_loc l = { c->file, n ? n->line : 0, n ? n->col : 0, false, 0 };
	return l;
}

#define ERR(c, node, ...) hest_diag_add((c)->d, HEST_SEV_ERROR, NULL, at((c), (node)), __VA_ARGS__)

static const struct ynode *get(const struct ynode *map, const char *key, size_t len)
{
	if (!map || map->kind != Y_MAP)
		return NULL;
	YMAP_FOREACH(map, k, v) {
		if (k->kind == Y_SCALAR && k->len == len && memcmp(k->str, key, len) == 0)
			return v;
	}
	return NULL;
}

static const struct ynode *get_path(const struct ynode *map, const char *path)
{
	const char *dot;
	while (map && (dot = strchr(path, '.')) != NULL) {
		map = get(map, path, (size_t)(dot - path));
		path = dot + 1;
	}
	return get(map, path, strlen(path));
}

bool hest_cper_libcper_is(const struct ynode *root)
{
	return root && root->kind == Y_MAP &&
	       (get(root, "sectionDescriptors", 18) || get(root, "sectionDescriptor", 17));
}

/* --- scalars -------------------------------------------------------------------- */

static bool want_map(struct lctx *c, const struct ynode *n, const char *what)
{
	if (n->kind == Y_MAP)
		return true;
	ERR(c, n, "libcper's '%s' must be an object, not %s", what, ynode_kind_name(n));
	return false;
}

/* A JSON integer (decimal digits, no sign, no fraction) up to max. */
static bool int_of(struct lctx *c, const struct ynode *n, const char *what, uint64_t max, uint64_t *v)
{
	if (n->kind != Y_SCALAR || n->quoted || !n->len) {
		ERR(c, n, "libcper's '%s' must be a JSON integer, not %s", what,
		    n->kind == Y_SCALAR ? "a string" : ynode_kind_name(n));
		return false;
	}
	uint64_t x = 0;
	for (size_t i = 0; i < n->len; i++) {
		unsigned dg = (unsigned)(n->str[i] - '0');
		if (dg > 9) {
			ERR(c, n, "libcper's '%s' must be a non-negative JSON integer, not '%s'", what, n->str);
			return false;
		}
		if (x > (UINT64_MAX - dg) / 10) {
			ERR(c, n, "libcper's '%s': %s does not fit in 64 bits", what, n->str);
			return false;
		}
		x = x * 10 + dg;
	}
	if (x > max) {
		ERR(c, n, "libcper's '%s': %s does not fit the field (at most %" PRIu64 "), so it cannot be "
			  "represented exactly", what, n->str, max);
		return false;
	}
	*v = x;
	return true;
}

static bool bool_of(struct lctx *c, const struct ynode *n, const char *what, bool *v)
{
	if (n->kind == Y_SCALAR && !n->quoted && (yscalar_is(n, "true") || yscalar_is(n, "false"))) {
		*v = n->str[0] == 't';
		return true;
	}
	ERR(c, n, "libcper's '%s' must be true or false", what);
	return false;
}

static bool str_of(struct lctx *c, const struct ynode *n, const char *what)
{
	if (n->kind == Y_SCALAR)
		return true;
	ERR(c, n, "libcper's '%s' must be a string, not %s", what, ynode_kind_name(n));
	return false;
}

/* The bytes of a base64 string (out initialised either way; the caller
 * frees it), or false after the error. */
static bool base64_of(struct lctx *c, const struct ynode *n, const char *what, struct hest_buf *out)
{
	struct hest_base64_error e;
	hest_buf_init(out);
	if (!str_of(c, n, what))
		return false;
	if (hest_base64_decode(n->str, n->len, out, &e) < 0)
		ERR(c, n, "libcper's '%s' is not base64", what);
	else if (out->oom)
		ERR(c, n, "out of memory");
	else
		return true;
	hest_buf_free(out);
	return false;
}

/* The members of an object one form reads: any other is an error. */
static bool only_keys(struct lctx *c, const struct ynode *map, const char *what, const char *const *keys)
{
	bool ok = true;
	YMAP_FOREACH(map, k, v) {
		bool known = false;
		for (size_t i = 0; keys[i] && !known; i++)
			known = yscalar_is(k, keys[i]);
		if (!known) {
			ERR(c, k, "unknown key '%s' in libcper's '%s'", k->str, what);
			ok = false;
		}
	}
	return ok;
}

static unsigned to_bcd(unsigned v)
{
	return (v / 10) << 4 | (v % 10);
}

/* "CCYY-MM-DDThh:mm:ss+00:00" (libcper timestamp_to_string()) -> BCD bytes. */
static bool timestamp_of(struct lctx *c, const struct ynode *n, uint64_t *v)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd+00:00";
	bool ok = n->kind == Y_SCALAR && n->len == sizeof(shape) - 1;
	for (size_t i = 0; ok && i < n->len; i++)
		ok = shape[i] == 'd' ? n->str[i] >= '0' && n->str[i] <= '9' : n->str[i] == shape[i];
	if (!ok) {
		ERR(c, n, "libcper's 'timestamp' must be written like \"2024-05-01T12:34:56+00:00\"");
		return false;
	}
#define D2(i) ((unsigned)(n->str[i] - '0') * 10u + (unsigned)(n->str[(i) + 1] - '0'))
	uint8_t t[8] = { (uint8_t)to_bcd(D2(17)), (uint8_t)to_bcd(D2(14)), (uint8_t)to_bcd(D2(11)), 0,
			 (uint8_t)to_bcd(D2(8)),  (uint8_t)to_bcd(D2(5)),  (uint8_t)to_bcd(D2(2)),  (uint8_t)to_bcd(D2(0)) };
#undef D2
	*v = 0;
	for (unsigned i = 0; i < 8; i++)
		*v |= (uint64_t)t[i] << (8 * i);
	return true;
}

/* --- rows ------------------------------------------------------------------------- */

static uint64_t range_max(const struct hest_lc_row *r, const struct hest_cper_field *f)
{
	uint64_t max = hest_cper_field_max(f);
	if (r->width)
		max = r->width >= 64 ? UINT64_MAX : ((uint64_t)1 << r->width) - 1;
	return max;
}

/* Sets bytes [lo, hi) of im from tmp (a copy of its bytes with new ones
 * there): every field they cover is set (given, its validation bit marked),
 * then the bytes themselves (reserved bits included). */
static void set_range(struct hest_cper_image *im, size_t lo, size_t hi, const uint8_t *tmp)
{
	if (hi > im->len)
		hi = im->len;
	for (size_t i = 0; lo < hi && i < im->desc->nfields; i++) {
		const struct hest_cper_field *g = &im->desc->fields[i];
		if (g->offset >= hi || (size_t)g->offset + g->size <= lo || (g->attr & HEST_CA_VALIDATION))
			continue;
		if (hest_cper_field_is_int(g))
			hest_cper_set(im, g->key, hest_cper_field_get(g, tmp));
		else
			hest_cper_set_bytes(im, g->key, tmp + g->offset, g->size);
	}
	if (lo < hi)
		memcpy(im->bytes + lo, tmp + lo, hi - lo);
}

/* Writes v into a row's bit range over the structure's bytes from the field's offset. */
static void put_over_bytes(struct lctx *c, const struct ynode *n, struct hest_cper_image *im,
			   const struct hest_lc_row *r, const struct hest_cper_field *f, uint64_t v)
{
	uint8_t *tmp = malloc(im->len ? im->len : 1);
	if (!tmp) {
		ERR(c, n, "out of memory");
		return;
	}
	memcpy(tmp, im->bytes, im->len);
	size_t base = (size_t)f->offset * 8 + r->shift;
	for (unsigned i = 0; i < r->width && i < 64; i++) {
		size_t bit = base + i;
		if (bit / 8 >= im->len)
			break;
		tmp[bit / 8] = (uint8_t)((tmp[bit / 8] & ~(1u << (bit % 8))) | ((v >> i & 1) << (bit % 8)));
	}
	set_range(im, base / 8, (base + r->width + 7) / 8, tmp);
	free(tmp);
}

/* Writes v into the row's bit range of the field (the field marked given). */
static void put(struct lctx *c, const struct ynode *n, struct hest_cper_image *im, const struct hest_lc_row *r,
		const struct hest_cper_field *f, uint64_t v)
{
	if (hest_lc_over_bytes(r, f)) {
		put_over_bytes(c, n, im, r, f, v);
		/* a bit of the validation bits themselves (IA32/X64 localAPICIDValid): they are given */
		if ((f->attr & HEST_CA_VALIDATION) && hest_cper_field_is_int(f))
			hest_cper_set(im, f->key, hest_cper_field_get(f, im->bytes));
		return;
	}
	uint64_t cur = hest_cper_field_get(f, im->bytes);
	if (r->width && r->width < 64) {
		uint64_t mask = (((uint64_t)1 << r->width) - 1) << r->shift;
		v = (cur & ~mask) | ((v << r->shift) & mask);
	}
	if (hest_cper_set(im, f->key, v) < 0)
		ERR(c, n, "libcper's '%s': value 0x%" PRIx64 " does not fit %s", r->path, v, f->key);
}

static void read_image(struct lctx *c, struct hest_cper_section *s, struct hest_cper_image *im,
		       const struct ynode *map, const char *what);

/* Makes image im `len` bytes long (register data past its fixed part), the new bytes zero. */
static bool image_resize(struct lctx *c, const struct ynode *n, struct hest_cper_image *im, size_t len)
{
	if (len == im->len)
		return true;
	uint8_t *p = len > UINT32_MAX ? NULL : realloc(im->bytes, len ? len : 1);
	if (!p) {
		ERR(c, n, "out of memory");
		return false;
	}
	if (len > im->len)
		memset(p + im->len, 0, len - im->len);
	im->bytes = p;
	im->len = (uint32_t)len;
	return true;
}

/* A list of the section's repeated structures of table r->field. */
static void read_array(struct lctx *c, struct hest_cper_section *s, const struct hest_lc_row *r,
		       const struct ynode *n)
{
	bool info = s && s->type->info && strcmp(s->type->info->key, r->field) == 0;
	bool ctx = s && s->type->ctx && strcmp(s->type->ctx->key, r->field) == 0;
	if (!info && !ctx)
		return;
	if (n->kind != Y_SEQ) {
		ERR(c, n, "libcper's '%s' must be a list, not %s", r->path, ynode_kind_name(n));
		return;
	}
	size_t i = 0;
	YSEQ_FOREACH(n, it) {
		char what[64];
		struct hest_cper_image *im = info ? hest_cper_add_info(s) : hest_cper_add_context(s, NULL, 0);
		if (!im) {
			ERR(c, it, "out of memory, or more than 65535 items in '%s'", r->path);
			return;
		}
		snprintf(what, sizeof(what), "'%s' item #%zu", r->path, i++);
		read_image(c, s, im, it, what);
	}
}

static void read_row(struct lctx *c, struct hest_cper_section *s, struct hest_cper_image *im,
		     const struct hest_lc_row *r, const struct ynode *n)
{
	if (r->form == HEST_LC_ARRAY) {
		read_array(c, s, r, n);
		return;
	}
	if (r->form == HEST_LC_EXTRA) {
		struct hest_buf out;
		if (!base64_of(c, n, r->path, &out))
			return;
		if (image_resize(c, n, im, (size_t)im->desc->size + out.len) && out.len)
			memcpy(im->bytes + im->desc->size, out.p, out.len);
		hest_buf_free(&out);
		return;
	}
	const struct hest_cper_field *f;
	int var = hest_lc_row_target(r, s, im, &f); /* a variable part, HEST_CPER_MAX_VAR: the trailing bytes */
	if (var == -2)
		return;
	if (r->flags & HEST_LC_WRITE_ONLY) {
		str_of(c, n, r->path); /* names and hex companions: libcper reads nothing from them */
		return;
	}
	uint64_t v = 0;
	bool b;
	switch ((enum hest_lc_form)r->form) {
	case HEST_LC_INT:
		if (int_of(c, n, r->path, range_max(r, f), &v))
			put(c, n, im, r, f, v);
		return;
	case HEST_LC_INT32: {
		/* json_object_get_int(): a 32-bit signed integer (larger ones are clamped) */
		bool neg = n->kind == Y_SCALAR && !n->quoted && n->len > 1 && n->str[0] == '-';
		struct ynode m = *n;
		if (neg) {
			m.str++;
			m.len--;
		}
		if (!int_of(c, &m, r->path, UINT64_MAX, &v))
			return;
		if (v > (neg ? (uint64_t)1 << 31 : ((uint64_t)1 << 31) - 1)) {
			ERR(c, n, "libcper's '%s': %s is not a 32-bit signed integer, which libcper reads it as "
				  "(json_object_get_int), so it cannot be represented exactly", r->path, n->str);
			return;
		}
		put(c, n, im, r, f, neg ? (uint32_t)(0 - (uint32_t)v) : v);
		return;
	}
	case HEST_LC_HEX:
	case HEST_LC_STATE:
	case HEST_LC_GUID_NAME:
	case HEST_LC_NAME:
		str_of(c, n, r->path);
		return;
	case HEST_LC_ARRAY:
	case HEST_LC_EXTRA:
		return; /* above */
	case HEST_LC_BYTES_INT: /* decoded from a bytes field: libcper reads the bytes */
		if (r->unknown)
			str_of(c, n, r->path);
		else
			int_of(c, n, r->path, UINT64_MAX, &v);
		return;
	case HEST_LC_BCD:
		if (int_of(c, n, r->path, 99, &v))
			put(c, n, im, r, f, (v / 10) << 4 | (v % 10));
		return;
	case HEST_LC_BE: {
		uint64_t le = 0;
		if (!int_of(c, n, r->path, hest_cper_field_max(f), &v))
			return;
		for (unsigned i = 0; i < f->size; i++)
			le |= ((v >> (8 * (f->size - 1 - i))) & 0xff) << (8 * i);
		put(c, n, im, r, f, le);
		return;
	}
	case HEST_LC_BOOL:
		if (bool_of(c, n, r->path, &b))
			put(c, n, im, r, f, b);
		return;
	case HEST_LC_NVP:
	case HEST_LC_SEVERITY: {
		bool sev = r->form == HEST_LC_SEVERITY;
		static const char *const nvp_keys[] = { "value", "name", "description", NULL };
		static const char *const sev_keys[] = { "code", "name", NULL };
		if (!want_map(c, n, r->path) || !only_keys(c, n, r->path, sev ? sev_keys : nvp_keys))
			return;
		const struct ynode *x = get(n, sev ? "code" : "value", sev ? 4 : 5);
		if (!x) {
			ERR(c, n, "libcper's '%s' has no '%s'", r->path, sev ? "code" : "value");
			return;
		}
		const struct ynode *name = get(n, "name", 4);
		if (name && !str_of(c, name, "name"))
			return;
		if (int_of(c, x, r->path, range_max(r, f), &v))
			put(c, x, im, r, f, v);
		return;
	}
	case HEST_LC_NAMED: {
		if (!str_of(c, n, r->path))
			return;
		for (size_t i = 0; r->names && i < r->names->n; i++)
			if (yscalar_is(n, r->names->v[i].name)) {
				put(c, n, im, r, f, r->names->v[i].value);
				return;
			}
		char list[128] = "";
		for (size_t i = 0; r->names && i < r->names->n; i++)
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s'%s'", i ? ", " : "",
				 r->names->v[i].name);
		ERR(c, n, "libcper's '%s' is '%s'; libcper writes %s", r->path, n->str, list);
		return;
	}
	case HEST_LC_BITS: {
		if (!want_map(c, n, r->path))
			return;
		YMAP_FOREACH(n, k, x) {
			size_t i = 0;
			while (r->names && i < r->names->n && !yscalar_is(k, r->names->v[i].name))
				i++;
			if (!r->names || i == r->names->n) {
				ERR(c, k, "unknown key '%s' in libcper's '%s'", k->str, r->path);
				continue;
			}
			if (bool_of(c, x, k->str, &b) && b)
				v |= (uint64_t)1 << i;
		}
		put(c, n, im, r, f, v);
		return;
	}
	case HEST_LC_REVISION: {
		static const char *const keys[] = { "major", "minor", NULL };
		uint64_t major = 0, minor = 0;
		const struct ynode *x;
		if (!want_map(c, n, r->path) || !only_keys(c, n, r->path, keys))
			return;
		if ((x = get(n, "major", 5)) != NULL && !int_of(c, x, "major", 0xff, &major))
			return;
		if ((x = get(n, "minor", 5)) != NULL && !int_of(c, x, "minor", 0xff, &minor))
			return;
		put(c, n, im, r, f, major << 8 | minor);
		return;
	}
	case HEST_LC_GUID: {
		uint8_t g[16];
		if (!str_of(c, n, r->path))
			return;
		if (hest_guid_parse(n->str, n->len, g) < 0) {
			ERR(c, n, "libcper's '%s': '%s' is not a GUID (01234567-89ab-cdef-0123-456789abcdef)", r->path,
			    n->str);
			return;
		}
		hest_cper_set_bytes(im, f->key, g, 16);
		return;
	}
	case HEST_LC_TEXT:
		if (!str_of(c, n, r->path))
			return;
		if (n->len > f->size || memchr(n->str, 0, n->len)) {
			ERR(c, n, "libcper's '%s' is %zu bytes%s; the field holds %u, so it cannot be represented "
				  "exactly", r->path, n->len, memchr(n->str, 0, n->len) ? " with a NUL" : "",
			    (unsigned)f->size);
			return;
		}
		hest_cper_set_bytes(im, f->key, n->str, n->len);
		return;
	case HEST_LC_TIMESTAMP:
		if (timestamp_of(c, n, &v))
			put(c, n, im, r, f, v);
		return;
	case HEST_LC_BANK: {
		static const char *const keys[] = { "value", "address", "group", NULL };
		const struct ynode *x, *y;
		if (!want_map(c, n, r->path) || !only_keys(c, n, r->path, keys))
			return;
		if ((x = get(n, "value", 5)) != NULL) {
			if (get(n, "address", 7) || get(n, "group", 5)) {
				ERR(c, n, "libcper's 'bank' has a 'value' and an 'address'/'group': one or the other");
				return;
			}
			if (int_of(c, x, "bank.value", 0xffff, &v))
				put(c, x, im, r, f, v);
			return;
		}
		uint64_t a = 0, g = 0;
		if ((x = get(n, "address", 7)) != NULL && !int_of(c, x, "bank.address", 0xff, &a))
			return;
		if ((y = get(n, "group", 5)) != NULL && !int_of(c, y, "bank.group", 0xff, &g))
			return;
		if (hest_cper_given(im, "validation_bits")) {
			put(c, n, im, r, f, a | g << 8);
		} else {
			/* libcper's reader: the address/group form sets the bank address and group bits */
			hest_cper_set(im, "bank_address", a);
			hest_cper_set(im, "bank_group", g);
		}
		return;
	}
	case HEST_LC_BASE64: {
		struct hest_buf out;
		if (!base64_of(c, n, r->path, &out))
			return;
		if (f && out.len > f->size)
			ERR(c, n, "libcper's '%s' holds %zu bytes; the field holds %u, so it cannot be represented "
				  "exactly", r->path, out.len, (unsigned)f->size);
		else if (f)
			hest_cper_set_bytes(im, f->key, out.p, out.len);
		else if (var == HEST_CPER_MAX_VAR) {
			if (hest_cper_set_tail(s, out.p, out.len) < 0)
				ERR(c, n, "out of memory");
		} else if (var >= 0) {
			if (hest_cper_set_var(s, (unsigned)var, out.p, out.len) < 0)
				ERR(c, n, "libcper's '%s' holds %zu bytes, more than its length field counts", r->path,
				    out.len);
		} else {
			/* the section's bytes from byte `shift`: the rest of the fixed part, then the tail */
			size_t room = im->len > r->shift ? im->len - r->shift : 0, k = out.len < room ? out.len : room;
			uint8_t *tmp = k ? malloc(im->len) : NULL;
			if (k && !tmp) {
				ERR(c, n, "out of memory");
			} else if (k) {
				memcpy(tmp, im->bytes, im->len);
				memcpy(tmp + r->shift, out.p, k);
				set_range(im, r->shift, r->shift + k, tmp);
			}
			free(tmp);
			/* out.p is NULL for empty base64: no pointer arithmetic on it */
			if ((out.len > k || !room) && hest_cper_set_tail(s, out.len > k ? out.p + k : NULL, out.len - k) < 0)
				ERR(c, n, "out of memory");
		}
		hest_buf_free(&out);
		return;
	}
	}
}

/* Whether some row of desc has key `k` at `prefix` (a leaf, or an object on
 * the way to one: *nested). */
#define MAX_KEYS 8
struct keyset {
	const char *v[MAX_KEYS]; /* the structure's desc key, its in-place variants', its others' that apply */
	size_t n;
};

static bool in_keyset(const struct keyset *ks, const char *desc)
{
	for (size_t i = 0; i < ks->n; i++)
		if (strcmp(ks->v[i], desc) == 0)
			return true;
	return false;
}

static bool row_key(const struct keyset *ks, const char *prefix, const struct ynode *k, bool *nested)
{
	size_t n, pl = strlen(prefix);
	const struct hest_lc_row *rows = hest_lc_rows(&n);
	for (size_t i = 0; i < n; i++) {
		const char *p = rows[i].path;
		if (!in_keyset(ks, rows[i].desc) || strlen(p) < pl || memcmp(p, prefix, pl) != 0)
			continue;
		p += pl;
		if (strlen(p) < k->len || memcmp(p, k->str, k->len) != 0)
			continue;
		if (p[k->len] == '\0') {
			*nested = false;
			return true;
		}
		if (p[k->len] == '.') {
			*nested = true;
			return true;
		}
	}
	return false;
}

static void check_keys(struct lctx *c, const struct keyset *ks, const char *prefix, const struct ynode *map,
		       const char *what)
{
	YMAP_FOREACH(map, k, v) {
		bool nested = false;
		if (k->kind != Y_SCALAR || !row_key(ks, prefix, k, &nested)) {
			ERR(c, k, "unknown key '%s' in libcper's %s", k->kind == Y_SCALAR ? k->str : "?", what);
			continue;
		}
		for (struct ynode *k2 = map->first; k2 != k; k2 = k2->next ? k2->next->next : NULL)
			if (k2->kind == Y_SCALAR && k2->len == k->len && memcmp(k2->str, k->str, k->len) == 0) {
				ERR(c, k, "duplicate key '%s' in libcper's %s", k->str, what);
				break;
			}
		if (nested && want_map(c, v, k->str)) {
			char sub[96];
			snprintf(sub, sizeof(sub), "%s%.*s.", prefix, (int)k->len, k->str);
			check_keys(c, ks, sub, v, what);
		}
	}
}

/* The condition of variant v in words: "agent_type is 0", "bits 31:31 of running_state is 0",
 * "type is not 0 or 1 or 2". */
static void cond_text(char *buf, size_t size, const struct hest_lc_variant *v)
{
	int n = v->width ? snprintf(buf, size, "bits %u:%u of %s is %s", v->shift + v->width - 1u, v->shift, v->field,
				    v->others ? "not " : "")
			 : snprintf(buf, size, "%s is %s", v->field, v->others ? "not " : "");
	const char *sep = "";
	for (unsigned x = 0; x < 64 && n >= 0 && (size_t)n < size; x++)
		if (v->values >> x & 1) {
			n += snprintf(buf + n, size - (size_t)n, "%s%u", sep, x);
			sep = " or ";
		}
}

/* The rows of desc key `key` for image im, with those of its in-place
 * variants in their place. Returns whether a key of them was present. */
static bool read_rows(struct lctx *c, struct hest_cper_section *s, struct hest_cper_image *im, const char *key,
		      const struct ynode *map)
{
	size_t n;
	bool any = false;
	const struct hest_lc_row *rows = hest_lc_rows(&n);
	for (size_t i = 0; i < n; i++) {
		const struct hest_lc_variant *cond = NULL;
		if (strcmp(rows[i].desc, key) != 0 && !(cond = hest_lc_in_place_of(&rows[i], key)))
			continue;
		const struct ynode *v = get_path(map, rows[i].path);
		if (cond && !hest_lc_variant_applies(cond, im->desc, im->bytes, im->len)) {
			/* libcper reads it only under its condition: not silently dropped here */
			if (v) {
				uint64_t x;
				char what[96];
				hest_lc_variant_value(cond, im->desc, im->bytes, im->len, &x);
				cond_text(what, sizeof(what), cond);
				ERR(c, v, "libcper's '%s' is read only when %s (here %" PRIu64 ")", rows[i].path, what,
				    x);
			}
			continue;
		}
		if (v) {
			any = true;
			read_row(c, s, im, &rows[i], v);
			continue;
		}
		/* absent: libcper's structure is calloc'd, so the field is 0 */
		const struct hest_cper_field *f =
			rows[i].field ? hest_cper_field_find(im->desc, rows[i].field, strlen(rows[i].field)) : NULL;
		if (f && hest_cper_field_is_int(f) && f->valid_bit < 0 && !(f->attr & HEST_CA_VALIDATION) &&
		    !(rows[i].flags & HEST_LC_WRITE_ONLY) && !hest_cper_given(im, f->key))
			hest_cper_set(im, f->key, 0);
	}
	return any;
}

/* Whether a key of the rows of desc key `key` is in map. */
static bool rows_present(const char *key, const struct ynode *map)
{
	size_t n;
	const struct hest_lc_row *rows = hest_lc_rows(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].desc, key) == 0 && get_path(map, rows[i].path))
			return true;
	return false;
}

static void read_image(struct lctx *c, struct hest_cper_section *s, struct hest_cper_image *im,
		       const struct ynode *map, const char *what)
{
	struct keyset ks = { { im->desc->key }, 1 };
	size_t nv;
	const struct hest_lc_variant *vs = hest_lc_variants(&nv);
	if (!want_map(c, map, what))
		return;
	read_rows(c, s, im, im->desc->key, map);
	/* the keys of in-place variants are the structure's (read, or refused, above) */
	for (size_t i = 0; i < nv; i++)
		if (vs[i].in_place && strcmp(vs[i].desc, im->desc->key) == 0 && ks.n < MAX_KEYS)
			ks.v[ks.n++] = vs[i].key;
	/* the parts libcper decodes by the value just read (a union by type, register arrays) */
	for (size_t i = 0; i < nv; i++) {
		const struct hest_lc_variant *v = &vs[i];
		if (v->in_place || !hest_lc_variant_applies(v, im->desc, im->bytes, im->len))
			continue;
		if (ks.n < MAX_KEYS)
			ks.v[ks.n++] = v->key;
		if (!v->view) {
			read_rows(c, s, im, v->key, map);
			continue;
		}
		if (!rows_present(v->key, map))
			continue; /* absent: the part stays as it is (no register data) */
		if ((size_t)v->at + v->view->size > im->len && !image_resize(c, map, im, (size_t)v->at + v->view->size))
			return;
		struct hest_cper_image part = { v->view, im->bytes + v->at, v->view->size, 0, 0 };
		if (!read_rows(c, s, &part, v->key, map))
			continue;
		/* present: the structure's field the part lies in is given (its validation bit) */
		for (size_t k = 0; k < im->desc->nfields; k++) {
			const struct hest_cper_field *f = &im->desc->fields[k];
			if (f->offset > v->at || (size_t)f->offset + f->size < (size_t)v->at + v->view->size ||
			    f->kind == HEST_CF_RESERVED)
				continue;
			if (hest_cper_field_is_int(f))
				hest_cper_set(im, f->key, hest_cper_field_get(f, im->bytes));
			else {
				uint8_t keep[256]; /* hest_cper_set_bytes() clears the field first */
				size_t n = f->size < sizeof(keep) ? f->size : sizeof(keep);
				memcpy(keep, im->bytes + f->offset, n);
				hest_cper_set_bytes(im, f->key, keep, n);
			}
		}
	}
	check_keys(c, &ks, "", map, what);
}

/* --- sections and the record ------------------------------------------------------- */

/* Our kind of a libcper section key.  Several of our kinds share one key:
 * libcper's Unknown is read as bytes (whatever the GUID: the same bytes),
 * and the CXL component events are told apart by the descriptor's section
 * type GUID, as libcper does.  NULL (with an error when the key is known). */
static const struct hest_lc_kind *kind_of(struct lctx *c, const struct ynode *key, const struct ynode *desc,
					  size_t i)
{
	size_t nk, found = 0;
	const struct hest_lc_kind *kinds = hest_lc_kinds(&nk), *k = NULL;
	for (size_t j = 0; j < nk; j++)
		if (yscalar_is(key, kinds[j].key)) {
			if (kinds[j].kind == HEST_CPER_RAW)
				return &kinds[j];
			k = &kinds[j];
			found++;
		}
	if (found < 2)
		return k;
	const struct ynode *g = get_path(desc, "sectionType.data");
	uint8_t guid[16];
	if (g && g->kind == Y_SCALAR && hest_guid_parse(g->str, g->len, guid) == 0)
		for (size_t j = 0; j < nk; j++)
			if (yscalar_is(key, kinds[j].key) && memcmp(hest_cper_type_of(kinds[j].kind)->guid, guid, 16) == 0)
				return &kinds[j];
	char list[512] = "";
	for (size_t j = 0; j < nk; j++)
		if (yscalar_is(key, kinds[j].key)) {
			char gs[37];
			hest_guid_format(hest_cper_type_of(kinds[j].kind)->guid, gs);
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s (%s)", list[0] ? ", " : "",
				 kinds[j].readable, gs);
		}
	ERR(c, g ? g : desc, "section #%zu: libcper's '%s' section is told apart by its descriptor's "
			     "sectionType.data, and hestc reads it for %s", i, key->str, list);
	return NULL;
}

static void read_section(struct lctx *c, struct hest_cper_block *b, const struct ynode *desc,
			 const struct ynode *sec, size_t i)
{
	char what[64];
	if (!want_map(c, sec, "sections[]") || !want_map(c, desc, "sectionDescriptors[]"))
		return;
	const struct hest_lc_kind *k = NULL;
	const struct ynode *body = NULL, *key = NULL;
	YMAP_FOREACH(sec, kn, v) {
		if (yscalar_is(kn, "message")) { /* libcper's description of the section: informative */
			str_of(c, v, "message");
			continue;
		}
		if (body) {
			ERR(c, kn, "section #%zu has two bodies ('%s' and '%s')", i, key->str, kn->str);
			return;
		}
		body = v;
		key = kn;
	}
	if (!body) {
		ERR(c, sec, "section #%zu has no body (an object like {\"Memory\": {...}})", i);
		return;
	}
	k = key->kind == Y_SCALAR ? kind_of(c, key, desc, i) : NULL;
	if (!k) {
		if (key->kind == Y_SCALAR && hest_lc_kind_by_key(key->str, key->len))
			return; /* kind_of() said why */
		size_t nk;
		const struct hest_lc_kind *kinds = hest_lc_kinds(&nk);
		char list[512] = "";
		for (size_t j = 0; j < nk; j++)
			if (hest_lc_kind_by_key(kinds[j].key, strlen(kinds[j].key)) == &kinds[j])
				snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", j ? ", " : "",
					 kinds[j].key);
		ERR(c, key, "section #%zu: hestc does not read libcper's '%s' sections (it reads %s)", i,
		    key->kind == Y_SCALAR ? key->str : "?", list);
		return;
	}
	struct hest_cper_section *s = hest_cper_add_section(b, k->kind);
	if (!s) {
		ERR(c, sec, "out of memory, or more than %u sections", HEST_CPER_MAX_ENTRIES);
		return;
	}
	s->src_line = sec->line;
	s->src_col = sec->col;
	snprintf(what, sizeof(what), "section descriptor #%zu", i);
	read_image(c, s, &s->header, desc, what);
	snprintf(what, sizeof(what), "%s section #%zu", k->key, i);
	if (k->kind == HEST_CPER_RAW) {
		static const char *const keys[] = { "data", NULL };
		if (!want_map(c, body, k->key) || !only_keys(c, body, k->key, keys))
			return;
		const struct ynode *data = get(body, "data", 4);
		size_t n;
		const struct hest_lc_row *rows = hest_lc_rows(&n);
		for (size_t j = 0; data && j < n; j++)
			if (rows[j].form == HEST_LC_BASE64 && strcmp(rows[j].desc, "raw") == 0)
				read_row(c, s, &s->body, &rows[j], data);
		return;
	}
	read_image(c, s, &s->body, body, what);
}

int hest_cper_libcper_read(struct hest_cper_block *b, const char *file, const struct ynode *root,
			   struct hest_diags *d)
{
	struct lctx c = { file, d };
	size_t errors = d->errors;
	hest_cper_block_free(b);
	if (hest_cper_block_init(b, HEST_CPER_RECORD) < 0) {
		ERR(&c, root, "out of memory");
		return -1;
	}
	const struct ynode *header = get(root, "header", 6);
	const struct ynode *descs = get(root, "sectionDescriptors", 18);
	const struct ynode *secs = get(root, "sections", 8);
	const struct ynode *desc1 = get(root, "sectionDescriptor", 17);
	const struct ynode *sec1 = get(root, "section", 7);
	static const char *const full_keys[] = { "header", "sectionDescriptors", "sections", NULL };
	static const char *const one_keys[] = { "header", "sectionDescriptor", "section", NULL };
	if (!only_keys(&c, root, "log", descs ? full_keys : one_keys))
		return -1;
	if (!header) {
		ERR(&c, root, "this libcper JSON has no 'header': hestc builds CPER records, and a section "
			      "without its record header is not one");
		return -1;
	}
	read_image(&c, NULL, &b->head, header, "header");
	if (descs) {
		if (!secs) {
			ERR(&c, root, "libcper's full log has 'sectionDescriptors' but no 'sections'");
			return -1;
		}
		if (descs->kind != Y_SEQ || secs->kind != Y_SEQ) {
			ERR(&c, descs->kind != Y_SEQ ? descs : secs, "libcper's '%s' must be a list",
			    descs->kind != Y_SEQ ? "sectionDescriptors" : "sections");
			return -1;
		}
		if (descs->n != secs->n) {
			ERR(&c, secs, "libcper's full log has %zu section descriptors and %zu sections", descs->n,
			    secs->n);
			return -1;
		}
		const struct ynode *dn = descs->first, *sn = secs->first;
		for (size_t i = 0; dn && sn && d->errors == errors; i++, dn = dn->next, sn = sn->next)
			read_section(&c, b, dn, sn, i);
	} else {
		if (!sec1) {
			ERR(&c, root, "libcper's section log has 'sectionDescriptor' but no 'section'");
			return -1;
		}
		read_section(&c, b, desc1, sec1, 0);
	}
	return d->errors > errors || d->oom ? -1 : 0;
}

int hest_cper_libcper_parse(struct hest_cper_block *b, const char *file, const uint8_t *buf, size_t len,
			    struct hest_diags *d)
{
	struct ytree t;
	struct lctx c = { file, d };
	memset(b, 0, sizeof(*b));
	if (ytree_parse(&t, file, buf, len, NULL, d) < 0)
		return -1;
	int rc = -1;
	if (!hest_cper_libcper_is(t.root))
		ERR(&c, t.root, "not libcper's JSON (no 'sectionDescriptors' or 'sectionDescriptor')");
	else
		rc = hest_cper_libcper_read(b, file, t.root, d);
	ytree_free(&t);
	return rc;
}

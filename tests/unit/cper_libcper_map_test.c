/* The mapping table between libhest's CPER tables and libcper's JSON
 * (lib/cper_libcper_map.c): every row names a structure and a field that
 * exist (a row for a missing field would be skipped, so its value would be
 * lost), arrays name the kind's repeated structures, variants name their
 * structure, discriminator and part, every kind and variant has rows, and
 * the rows of an in-place variant (the CXL agent address by agent type) are
 * fields of the structure, after its discriminator's row, with keys of
 * their own. */
#include <stdbool.h>
#include <string.h>
#include <hest/cper.h>
#include <hest/cper_libcper.h>
#include "tap.h"

static const struct hest_cper_desc *desc_by_key(const char *key)
{
	size_t n;
	const struct hest_cper_desc *const *all = hest_cper_descs(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(all[i]->key, key) == 0)
			return all[i];
	for (int k = 0; k < HEST_CPER_NKINDS; k++) { /* the opaque section's empty table */
		const struct hest_cper_type *t = hest_cper_type_of((enum hest_cper_kind)k);
		if (t && strcmp(t->body->key, key) == 0)
			return t->body;
	}
	return NULL;
}

static const struct hest_lc_variant *variant_by_key(const char *key)
{
	size_t n;
	const struct hest_lc_variant *v = hest_lc_variants(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].key, key) == 0)
			return &v[i];
	return NULL;
}

/* The table a row's fields come from: its structure's, or its variant's part. */
static const struct hest_cper_desc *table_of(const struct hest_lc_row *r)
{
	const struct hest_lc_variant *v = variant_by_key(r->desc);
	if (v)
		return v->view ? v->view : desc_by_key(v->desc);
	return desc_by_key(r->desc);
}

/* Whether `key` is the repeated structure (info or context) of the kind whose body is `body`. */
static int repeated_of(const char *body, const char *key)
{
	for (int k = 0; k < HEST_CPER_NKINDS; k++) {
		const struct hest_cper_type *t = hest_cper_type_of((enum hest_cper_kind)k);
		if (!t || strcmp(t->body->key, body) != 0)
			continue;
		if ((t->info && strcmp(t->info->key, key) == 0) || (t->ctx && strcmp(t->ctx->key, key) == 0))
			return 1;
	}
	return 0;
}

/* Whether `key` names a variable part or the trailing bytes of the kind whose body is `body`. */
static int part_of(const char *body, const char *key)
{
	for (int k = 0; k < HEST_CPER_NKINDS; k++) {
		const struct hest_cper_type *t = hest_cper_type_of((enum hest_cper_kind)k);
		if (!t || strcmp(t->body->key, body) != 0)
			continue;
		if (t->tail_key && strcmp(t->tail_key, key) == 0)
			return 1;
		for (int i = 0; i < HEST_CPER_MAX_VAR; i++)
			if (t->var[i].key && strcmp(t->var[i].key, key) == 0)
				return 1;
	}
	return 0;
}

/* The rows of in-place variant v: each a field of its structure d (not a
 * part), after the row that reads the discriminator, at a key the
 * structure's own rows do not have. */
static int in_place_ok(const struct hest_lc_variant *v, const struct hest_cper_desc *d)
{
	size_t n, disc = (size_t)-1;
	const struct hest_lc_row *rows = hest_lc_rows(&n);
	int ok = !v->view && v->at == 0 && v->field != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		const struct hest_lc_row *r = &rows[i];
		if (strcmp(r->desc, v->desc) == 0 && r->field && strcmp(r->field, v->field) == 0 &&
		    !(r->flags & (HEST_LC_WRITE_ONLY | HEST_LC_READ_ONLY)) && disc == (size_t)-1)
			disc = i;
		if (strcmp(r->desc, v->key) != 0)
			continue;
		if (!r->field || !hest_cper_field_find(d, r->field, strlen(r->field)) || disc == (size_t)-1 ||
		    hest_lc_in_place_of(r, v->desc) != v) {
			tap_ok(0, "in-place variant %s: row %s is a field of %s after its discriminator's row", v->key,
			       r->path, d->key);
			ok = 0;
		}
		for (size_t j = 0; j < n; j++)
			if (strcmp(rows[j].path, r->path) == 0 && (strcmp(rows[j].desc, v->desc) == 0 ||
								   (j != i && hest_lc_in_place_of(&rows[j], v->desc)))) {
				tap_ok(0, "in-place variant %s: key %s is its own", v->key, r->path);
				ok = 0;
			}
	}
	return ok;
}

static int rows_for(const char *key)
{
	size_t n;
	int c = 0;
	const struct hest_lc_row *rows = hest_lc_rows(&n);
	for (size_t i = 0; i < n; i++)
		c += strcmp(rows[i].desc, key) == 0;
	return c;
}

int main(void)
{
	size_t nr, nv, nk;
	const struct hest_lc_row *rows = hest_lc_rows(&nr);
	const struct hest_lc_variant *vs = hest_lc_variants(&nv);
	const struct hest_lc_kind *kinds = hest_lc_kinds(&nk);

	int known = 1, fields = 1, arrays = 1, nofield = 1, ranges = 1, unique = 1;
	for (size_t i = 0; i < nr; i++) {
		const struct hest_lc_row *r = &rows[i];
		const struct hest_cper_desc *d = table_of(r);
		if (!d) {
			known = 0;
			tap_ok(0, "row %zu (%s): its structure is a table or a variant", i, r->path);
			continue;
		}
		if (r->form == HEST_LC_ARRAY) {
			if (!r->field || !repeated_of(r->desc, r->field)) {
				arrays = 0;
				tap_ok(0, "row %s %s: the list is of the kind's repeated structures", r->desc, r->path);
			}
			continue;
		}
		if (!r->field) {
			if (r->form != HEST_LC_BASE64 && r->form != HEST_LC_EXTRA) {
				nofield = 0;
				tap_ok(0, "row %s %s: only base64 rows have no field", r->desc, r->path);
			}
			continue;
		}
		const struct hest_cper_field *f = hest_cper_field_find(d, r->field, strlen(r->field));
		if (!f && r->form == HEST_LC_BASE64 && part_of(r->desc, r->field))
			continue; /* a variable part or the trailing bytes */
		if (!f) {
			fields = 0;
			tap_ok(0, "row %s %s: field %s is in %s", r->desc, r->path, r->field, d->key);
			continue;
		}
		/* a range inside the field, or (hest_lc_over_bytes) over the structure from the field's offset */
		unsigned room = hest_lc_over_bytes(r, f) ? 8u * (d->size - f->offset) : 8u * f->size;
		if (r->width && r->form != HEST_LC_BYTES_INT && (unsigned)r->shift + r->width > room) {
			ranges = 0;
			tap_ok(0, "row %s %s: bits %u+%u inside %s", r->desc, r->path, r->shift, r->width, f->key);
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(rows[j].desc, r->desc) == 0 && strcmp(rows[j].path, r->path) == 0) {
				unique = 0;
				tap_ok(0, "row %s %s: one row per key", r->desc, r->path);
			}
	}
	tap_ok(known, "every row's structure is a table or a variant (%zu rows)", nr);
	tap_ok(fields, "every row's field is in its table");
	tap_ok(arrays, "every list row names the kind's error information or context table");
	tap_ok(nofield, "rows without a field are base64 (trailing bytes, register data)");
	tap_ok(ranges, "bit ranges lie inside their fields");
	tap_ok(unique, "one row per structure and key");

	int vok = 1;
	for (size_t i = 0; i < nv; i++) {
		const struct hest_lc_variant *v = &vs[i];
		const struct hest_cper_desc *d = desc_by_key(v->desc);
		const struct hest_cper_field *f = d && v->field ? hest_cper_field_find(d, v->field, strlen(v->field)) : NULL;
		int ok = d && (!v->field || f) && rows_for(v->key) > 0 && !variant_by_key(v->desc);
		if (ok && f && v->width)
			ok = (unsigned)v->shift + v->width <= 8u * f->size;
		if (ok && v->view) {
			/* a part lies inside the structure, or past it (a context's register data) */
			ok = (unsigned)v->at >= d->size || (unsigned)v->at + v->view->size <= d->size;
			for (size_t k = 0; ok && k < v->view->nfields; k++)
				ok = (unsigned)v->view->fields[k].offset + v->view->fields[k].size <= v->view->size;
		}
		if (!ok)
			vok = 0;
		tap_ok(ok, "variant %s: structure %s, discriminator %s, part and rows", v->key, v->desc,
		       v->field ? v->field : "(always)");
		if (v->in_place) {
			ok = d && in_place_ok(v, d);
			vok &= ok;
			tap_ok(ok, "in-place variant %s: rows (%d) are fields of %s after its %s row, keys of their own",
			       v->key, rows_for(v->key), v->desc, v->field ? v->field : "?");
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(vs[j].key, v->key) == 0)
				tap_ok(0, "variant %s: one variant per key", v->key);
	}
	tap_ok(vok, "%zu variants", nv);

	for (size_t i = 0; i < nk; i++) {
		const struct hest_cper_type *t = hest_cper_type_of(kinds[i].kind);
		/* Unknown: the section's bytes (a GUID libcper does not decode), no rows of its own */
		bool unknown = strcmp(kinds[i].key, "Unknown") == 0;
		tap_ok(t && (unknown || rows_for(t->body->key) > 0), "kind %s (%s): a section type with rows",
		       kinds[i].key, t ? t->key : "?");
		const struct hest_lc_kind *byk = hest_lc_kind_by_key(kinds[i].key, strlen(kinds[i].key));
		tap_ok(byk && strcmp(byk->key, kinds[i].key) == 0 && hest_lc_kind_of(kinds[i].kind) == &kinds[i],
		       "kind %s (%s): one row per kind, found by its key", kinds[i].key, t ? t->key : "?");
		if (t && t->info && !unknown)
			tap_ok(rows_for(t->info->key) > 0, "kind %s: rows for its %s items", kinds[i].key, t->info->key);
		if (t && t->ctx && !unknown)
			tap_ok(rows_for(t->ctx->key) > 0, "kind %s: rows for its %s items", kinds[i].key, t->ctx->key);
	}
	return tap_done();
}

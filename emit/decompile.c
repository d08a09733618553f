/* A HEST back to a description, checked by compiling the description again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/decode.h>
#include <hest/decompile.h>
#include <hest/desc.h>
#include <hest/encode.h>
#include <hest/layout.h>

static struct hest_loc whole(const char *file)
{
	return (struct hest_loc){ file, 0, 0, false, 0 };
}

/* The decoder keeps bytes beyond the header's Length as a last raw source;
 * a description says them with `trailing_bytes:`, outside the structures. */
static bool take_trailing(struct hest_model *m, const struct hest_decode_info *info)
{
	if (!info->beyond || m->nsrc == 0 || m->kind != HEST_TABLE_HEST)
		return true;
	struct hest_source *s = &m->src[m->nsrc - 1];
	m->trailing = malloc(s->len ? s->len : 1);
	if (!m->trailing)
		return false;
	memcpy(m->trailing, s->bytes, s->len);
	m->trailing_len = s->len;
	if (s->givencap)
		free(s->given);
	m->nsrc--;
	return true;
}

/* Compiles the description the way `hestc compile` does and compares the
 * result with the input.  Returns 0 when they are the same bytes. */
static int check_round_trip(const struct hest_buf *desc, const uint8_t *p, size_t len, const char *file,
			    struct hest_diags *d)
{
	static const char name[] = "<decompiled description>";
	struct hest_model m;
	struct hest_diags cd;
	uint8_t *table = NULL;
	size_t tlen = 0;
	hest_diags_init(&cd);
	if (hest_model_init(&m) < 0) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, whole(file), "out of memory");
		return -1;
	}
	int rc = -1;
	if (hest_desc_parse(&m, name, desc->p, desc->len, &cd) == 0 && hest_compile(&m, &cd) == 0 &&
	    hest_encode_table(&m, &table, &tlen, &cd) == 0 && !hest_diags_failed(&cd)) {
		size_t i = 0;
		while (i < len && i < tlen && table[i] == p[i])
			i++;
		if (i == len && i == tlen)
			rc = 0;
		else
			hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, true, i },
				      "internal error: the description compiles to %zu bytes that differ from the "
				      "table's %zu from offset 0x%zx; please report this table",
				      tlen, len, i);
	} else {
		const char *why = "unknown";
		for (size_t k = 0; k < cd.n; k++)
			if (cd.v[k].severity == HEST_SEV_ERROR) {
				why = cd.v[k].message;
				break;
			}
		hest_diag_add(d, HEST_SEV_ERROR, NULL, whole(file),
			      "internal error: the description of this table does not compile (%s); please report "
			      "this table", why);
	}
	free(table);
	hest_model_free(&m);
	hest_diags_free(&cd);
	return rc;
}

int hest_decompile(const uint8_t *p, size_t len, const char *file, const struct hest_yaml_options *o,
		   struct hest_buf *out, struct hest_diags *d)
{
	return hest_decompile_region(p, len, file, NULL, 0, o, out, d);
}

int hest_decompile_region(const uint8_t *p, size_t len, const char *file, const uint8_t *region, size_t rlen,
			  const struct hest_yaml_options *o, struct hest_buf *out, struct hest_diags *d)
{
	const struct hest_table_desc *kind = len >= 4 ? hest_table_desc_by_signature((const char *)p, 4) : NULL;
	if (kind && kind->kind != HEST_TABLE_HEST && len < kind->header->size) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, whole(file), "the input is %zu byte%s; a %s starts with a %u-byte "
			      "header", len, len == 1 ? "" : "s", kind->signature, kind->header->size);
		return -1;
	}
	if ((!kind || kind->kind == HEST_TABLE_HEST) && len < HEST_SOURCES_OFFSET) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, whole(file),
			      "the input is %zu byte%s; a HEST starts with a %u-byte header (the ACPI table header "
			      "and the error source count)", len, len == 1 ? "" : "s", HEST_SOURCES_OFFSET);
		return -1;
	}
	if (!kind) {
		char sig[20];
		bool text = true;
		for (int i = 0; i < 4; i++)
			text = text && p[i] >= 0x20 && p[i] <= 0x7e;
		if (text)
			snprintf(sig, sizeof(sig), "'%c%c%c%c'", p[0], p[1], p[2], p[3]);
		else
			snprintf(sig, sizeof(sig), "%02x %02x %02x %02x", p[0], p[1], p[2], p[3]);
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, true, 0 },
			      "not a HEST, BERT, EINJ or ERST: the signature is %s", sig);
		return -1;
	}
	struct hest_model m;
	struct hest_decode_info info;
	if (hest_model_init(&m) < 0) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, whole(file), "out of memory");
		return -1;
	}
	int rc = -1;
	if (hest_decode_table(p, len, file, &m, &info, d) == 0) {
		if (region && m.kind != HEST_TABLE_BERT) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, whole(file), "a boot error region goes with a BERT; this is "
				      "a%s %s", m.kind != HEST_TABLE_HEST ? "n" : "", hest_table_desc_of(m.kind)->signature);
		} else if (region && rlen > UINT32_MAX) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, whole(file), "the region is %zu bytes; a BERT's region "
				      "length is 32-bit", rlen);
		} else if ((region && !hest_model_set_region(&m, region, (uint32_t)rlen)) || !take_trailing(&m, &info) ||
			   hest_emit_yaml(&m, o, out, d) < 0)
			hest_diag_add(d, HEST_SEV_ERROR, NULL, whole(file), "out of memory writing the description");
		else
			rc = check_round_trip(out, p, len, file, d);
	}
	hest_model_free(&m);
	return rc;
}

/* Binary BERT / EINJ -> model.  The header is the kind's 48-byte header
 * structure; EINJ's instruction entries are walked in 32-byte steps up to
 * the table length, the way Linux's einj_check_table sizes them (the
 * declared entry count is the validator's business, not the walk's).
 * Bytes that are no whole structure (a short header, a partial entry, bytes
 * past the length) are kept as the model's trailing bytes, so nothing is
 * dropped and decompile round-trips them. */
#include <stdlib.h>
#include <string.h>
#include <hest/decode.h>
#include <hest/fields.h>
#include "cursor.h"

static int oom(struct hest_diags *d, const char *file)
{
	hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 },
		      "out of memory while decoding the table");
	return -1;
}

int hest_apei_decode(const struct hest_table_desc *t, const uint8_t *p, size_t len, const char *file,
		     struct hest_model *m, struct hest_decode_info *info, struct hest_diags *d)
{
	struct hest_cursor c;
	uint64_t v;
	if (!hest_model_set_kind(m, t->kind))
		return oom(d, file);
	const uint32_t hsize = t->header->size;
	hest_cur_init(&c, p, len);
	memset(m->hdr.bytes, 0, hsize);
	memcpy(m->hdr.bytes, p, len < hsize ? len : hsize);
	if (hest_cur_peek_le(&c, 4, 4, &v))
		info->header_len = (uint32_t)v;
	const struct hest_field *count = hest_field_find(t->header, "entry_count");
	if (count && hest_cur_peek_le(&c, count->offset, count->size, &v))
		info->declared_count = (uint32_t)v;
	info->walk_end = info->header_len >= hsize && info->header_len <= len ? info->header_len : (uint32_t)len;
	uint32_t at = hsize;
	if (t->entry) {
		while (at < info->walk_end && info->walk_end - at >= t->entry->size) {
			if (m->nsrc >= HEST_MAX_SOURCES)
				break;
			struct hest_source *s = hest_model_add_entry(m, t->entry);
			if (!s)
				return oom(d, file);
			memcpy(s->bytes, p + at, t->entry->size);
			s->layout.hest_offset = at;
			s->layout.gas_address_offset = at + 8; /* register.address */
			info->nstruct++;
			at += t->entry->size;
		}
	}
	if (at < info->walk_end) {
		info->tail = HEST_TAIL_TRUNCATED;
		info->tail_offset = at;
		info->tail_need = t->entry ? t->entry->size : 0;
	}
	if (len > at) {
		m->trailing = malloc(len - at);
		if (!m->trailing)
			return oom(d, file);
		memcpy(m->trailing, p + at, len - at);
		m->trailing_len = (uint32_t)(len - at);
	}
	if (len > info->walk_end) {
		info->beyond = true;
		info->beyond_offset = info->walk_end;
	}
	return 0;
}

/* Model -> HEST binary (ACPI 6.5 section 18.3.2). */
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/encode.h>
#include <hest/cper.h>

uint8_t hest_checksum(const uint8_t *p, size_t len)
{
	return (uint8_t)(0x100 - hest_byte_sum(p, len));
}

static struct hest_loc src_loc(const struct hest_model *m, const struct hest_source *s)
{
	struct hest_loc l = { m->file, s->pos.line, s->pos.col, false, 0 };
	return l;
}

/* The paths of the two GAS address fields, resolved once per source type
 * rather than once per source. */
struct gas_paths {
	struct hest_path_memo gas, ack;
};

/* Field offsets of a GHES's address GAS inside the table, for placement and
 * the layout outputs. */
static void note_gas_offsets(struct hest_source *s, uint32_t at, struct gas_paths *p)
{
	size_t off;
	s->layout.hest_offset = at;
	s->layout.has_block = s->type == 9 || s->type == 10;
	s->layout.has_read_ack = s->type == 10;
	if (hest_source_field_m(s, &p->gas, &off))
		s->layout.gas_address_offset = at + (uint32_t)off;
	if (hest_source_field_m(s, &p->ack, &off))
		s->layout.read_ack_address_offset = at + (uint32_t)off;
}

/* BERT and EINJ: the header's computed fields (length, EINJ's entry count,
 * BERT's region length from the region's bytes). */
static int layout_apei(struct hest_model *m, struct hest_diags *d)
{
	uint64_t at = m->hdr.len;
	for (size_t i = 0; i < m->nsrc; i++) {
		m->src[i].layout.hest_offset = (uint32_t)at;
		m->src[i].layout.gas_address_offset = (uint32_t)at + 8;
		at += m->src[i].len;
	}
	if (at > UINT32_MAX) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ m->file, 0, 0, false, 0 },
			      "the table grows past 4 GiB");
		return -1;
	}
	uint8_t *h = m->hdr.bytes;
	if (!hest_source_given(&m->hdr, "length"))
		hest_put_le(h + 4, 4, at);
	if (hest_table_desc_of(m->kind)->entry && !hest_source_given(&m->hdr, "entry_count"))
		hest_put_le(h + 44, 4, m->nsrc);
	if (m->kind == HEST_TABLE_BERT && m->region && !hest_source_given(&m->hdr, "region_length"))
		hest_put_le(h + 36, 4, m->region_len);
	return 0;
}

int hest_model_layout_table(struct hest_model *m, struct hest_diags *d)
{
	if (m->kind != HEST_TABLE_HEST)
		return layout_apei(m, d);
	uint64_t at = HEST_SOURCES_OFFSET;
	bool sized = true;
	struct gas_paths paths = { HEST_PATH_MEMO("error_status_address.address"),
				   HEST_PATH_MEMO("read_ack.register.address") };
	for (size_t i = 0; i < m->nsrc; i++) {
		struct hest_source *s = &m->src[i];
		/* default, `auto` from `sections:`, HEST-GHES-BLOCK-SIZE/-CAP */
		if (s->desc && (s->desc->type == 9 || s->desc->type == 10) &&
		    hest_cper_source_block_length(m, s, d) < 0)
			sized = false; /* go on: report every source */
		uint32_t want = hest_source_wire_len(s);
		if (want != s->len) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, src_loc(m, s),
				      "source '%s': num_banks says %" PRIu32 " bytes but %" PRIu32
				      " are described; give as many banks as num_banks",
				      s->name, want, s->len);
			return -1;
		}
		note_gas_offsets(s, (uint32_t)at, &paths);
		at += s->len;
		if (at > UINT32_MAX) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, src_loc(m, s),
				      "the table grows past 4 GiB at source '%s'", s->name);
			return -1;
		}
	}
	if (!sized)
		return -1;
	uint8_t *h = m->hdr.bytes;
	if (!hest_source_given(&m->hdr, "length"))
		hest_put_le(h + 4, 4, at);
	if (!hest_source_given(&m->hdr, "error_source_count"))
		hest_put_le(h + 36, 4, m->nsrc);
	return 0;
}

int hest_encode_table(struct hest_model *m, uint8_t **out, size_t *len, struct hest_diags *d)
{
	*out = NULL;
	*len = 0;
	if (hest_model_layout_table(m, d) < 0)
		return -1;
	return hest_encode_laid_out(m, out, len, d);
}

int hest_encode_laid_out(const struct hest_model *m, uint8_t **out, size_t *len, struct hest_diags *d)
{
	*out = NULL;
	*len = 0;
	size_t total = m->hdr.len;
	for (size_t i = 0; i < m->nsrc; i++)
		total += m->src[i].len;
	size_t table = total; /* what the checksum covers: not the trailing bytes */
	total += m->trailing_len;
	uint8_t *buf = malloc(total);
	if (!buf) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ m->file, 0, 0, false, 0 },
			      "out of memory (%zu-byte table)", total);
		return -1;
	}
	memcpy(buf, m->hdr.bytes, m->hdr.len);
	size_t at = m->hdr.len;
	for (size_t i = 0; i < m->nsrc; i++) {
		memcpy(buf + at, m->src[i].bytes, m->src[i].len);
		at += m->src[i].len;
	}
	if (m->trailing_len)
		memcpy(buf + at, m->trailing, m->trailing_len);
	if (!hest_source_given(&m->hdr, "checksum")) {
		buf[9] = 0;
		buf[9] = hest_checksum(buf, table);
	}
	*out = buf;
	*len = total;
	return 0;
}

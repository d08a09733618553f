/* The placement blob (etc/hardware_errors: registers pointing at their
 * blocks) and the ACPI tables blob, as hest_place laid them out. */
#include <string.h>
#include <hest/encode.h>
#include <hest/loader.h>

/* One address or read-ack register (place/place.c lays them out). */
#define REG_SIZE 8u

bool hest_emit_blob(const struct hest_model *m, struct hest_buf *out)
{
	uint64_t size = hest_placement_blob_size(m);
	size_t at = out->len;
	if (!hest_buf_zeros(out, (size_t)size))
		return false;
	uint8_t *blob = out->p + at;
	if (m->kind == HEST_TABLE_BERT) { /* the records, then zeros up to region_length */
		if (m->region_len)
			memcpy(blob, m->region, m->region_len);
		return true;
	}
	if (m->kind == HEST_TABLE_EINJ) { /* the registers, the trigger action table */
		for (size_t i = 0; i < m->nregs; i++)
			memcpy(blob + m->regs[i].offset, m->regs[i].init, m->regs[i].size);
		if (m->has_trigger) {
			uint8_t *t = blob + m->trigger_offset;
			uint32_t tsize = hest_einj_trigger_size(m);
			/* ACPI 6.6 table 18.27: header size, revision, table size, entry count */
			hest_put_le(t, 4, HEST_EINJ_TRIGGER_HEADER);
			hest_put_le(t + 8, 4, tsize);
			hest_put_le(t + 12, 4, m->ntrig);
			for (size_t i = 0; i < m->ntrig; i++)
				memcpy(t + HEST_EINJ_TRIGGER_HEADER + i * m->trig[i].len, m->trig[i].bytes, m->trig[i].len);
		}
		return true;
	}
	uint64_t base = m->placement.mode == HEST_PLACE_FIXED ? m->placement.base : 0;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source_layout *L = &m->src[i].layout;
		if (!L->placed)
			continue;
		uint64_t block = L->block_pinned ? L->block_address : base + L->block_offset;
		hest_put_le(blob + L->register_offset, REG_SIZE, block);
		if (L->has_read_ack)
			hest_put_le(blob + L->read_ack_offset, REG_SIZE, m->placement.read_ack_init);
	}
	return true;
}

bool hest_emit_tables_blob(const struct hest_model *m, const uint8_t *table, size_t tablelen, struct hest_buf *out)
{
	const struct hest_placement *p = &m->placement;
	uint64_t end = (uint64_t)p->table_offset + tablelen;
	if (p->standalone)
		end = hest_loader_anchor_offset(m, tablelen) + 8;
	if (p->tables_blob_size > end)
		end = p->tables_blob_size;
	size_t at = out->len;
	if (end > SIZE_MAX || !hest_buf_zeros(out, (size_t)end))
		return false;
	uint8_t *t = out->p + at;
	memcpy(t + p->table_offset, table, tablelen);
	hest_loader_served_table(t + p->table_offset, tablelen);
	if (p->standalone)
		hest_put_le(t + hest_loader_anchor_offset(m, tablelen), 8, p->table_offset);
	return true;
}

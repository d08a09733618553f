/* Placement of the other APEI tables.  BERT: the boot error region is the
 * placement blob (etc/boot_errors by default): at `base` in fixed mode, or
 * allocated by the firmware with the table's region_address patched by an
 * ADD_POINTER (linker-loader, place/loader_build.c).  EINJ: the memory
 * registers of `registers:` and the trigger action table of `trigger:` are
 * the blob (etc/einj_registers), at `base` or allocated by the firmware;
 * entries with `register_at:` point at them. */
#include <inttypes.h>
#include <hest/encode.h>
#include <hest/layout.h>
#include <hest/loader.h>
#include <hest/validate.h>
#include "place.h"

uint64_t hest_bert_region_size(const struct hest_model *m)
{
	uint64_t declared = hest_get_le(m->hdr.bytes + 36, 4);
	return declared > m->region_len ? declared : m->region_len;
}

static void place_bert(struct hest_model *m, struct hest_diags *d)
{
	const struct hest_given *g = hest_source_given(&m->hdr, "region_address");
	uint64_t rl = hest_get_le(m->hdr.bytes + 36, 4);
	if (m->region && rl < m->region_len)
		hest_diag_add(d, HEST_SEV_WARNING, "BERT-REGION-LENGTH", pos_loc(m, m->records_pos),
			      "the records take %" PRIu32 " bytes but region_length is %" PRIu64 ": the OS reads only "
			      "the first %" PRIu64, m->region_len, rl, rl);
	if (m->placement.mode == HEST_PLACE_NONE)
		return;
	if (g) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, pos_loc(m, g->pos),
			      "region_address is set by placement mode %s; give it only with placement mode none",
			      m->placement.mode == HEST_PLACE_FIXED ? "fixed" : "linker-loader");
		return;
	}
	/* linker-loader: the offset in the blob (0); ADD_POINTER adds the
	 * blob's address */
	hest_put_le(m->hdr.bytes + 40, 8, m->placement.mode == HEST_PLACE_FIXED ? m->placement.base : 0);
}

static uint64_t align8(uint64_t v)
{
	return (v + 7) & ~(uint64_t)7;
}

uint64_t hest_einj_blob_size(const struct hest_model *m)
{
	uint64_t end = 0;
	for (size_t i = 0; i < m->nregs; i++)
		end = m->regs[i].offset + m->regs[i].size;
	if (m->has_trigger)
		end = m->trigger_offset + hest_einj_trigger_size(m);
	return end;
}

/* An entry whose register is a memory register: its GAS address is the
 * register's (an offset in the blob until ADD_POINTER adds the blob's
 * address, with linker-loader). */
static void place_entry(struct hest_model *m, struct hest_source *s, uint64_t base)
{
	if (!s->layout.placed)
		return;
	const struct hest_mem_register *r = &m->regs[s->layout.register_offset];
	s->layout.register_offset = r->offset;
	hest_put_le(s->bytes + 8, 8, base + r->offset);
}

/* EINJ: the registers one after the other (8-byte aligned), then the
 * trigger action table; entries and address-holding registers patched. */
static void place_einj(struct hest_model *m)
{
	uint64_t at = 0, base = m->placement.mode == HEST_PLACE_FIXED ? m->placement.base : 0;
	for (size_t i = 0; i < m->nregs; i++) {
		m->regs[i].offset = (uint32_t)at;
		at = align8(at + m->regs[i].size);
	}
	m->trigger_offset = (uint32_t)at;
	for (size_t i = 0; i < m->nsrc; i++)
		place_entry(m, &m->src[i], base);
	for (size_t i = 0; i < m->ntrig; i++)
		place_entry(m, &m->trig[i], base);
	for (size_t i = 0; i < m->nregs; i++)
		if (m->regs[i].points == HEST_REG_POINTS_TRIGGER)
			hest_put_le(m->regs[i].init, 8, base + m->trigger_offset);
}

int hest_place_apei(struct hest_model *m, struct hest_diags *d)
{
	if (m->kind == HEST_TABLE_BERT) {
		place_bert(m, d);
	} else if (m->kind == HEST_TABLE_ERST && m->placement.mode != HEST_PLACE_NONE) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, pos_loc(m, m->placement.pos),
			      "an ERST description takes placement mode none: each instruction's register address is "
			      "given in its entry");
		return -1;
	} else if (m->placement.mode != HEST_PLACE_NONE) {
		place_einj(m);
	}
	return hest_diags_failed(d) ? -1 : 0;
}

/* BERT / EINJ -> bert-layout.json / einj-layout.json: where placement put
 * the boot error region, or the EINJ's registers and trigger action table,
 * for the VMM that serves them (fw_cfg blob names, the table's offset in
 * the tables blob) and backs them (an EINJ register's address is what the
 * VMM traps or polls). */
#include "config.h"
#include <inttypes.h>
#include <hest/layout.h>
#include <hest/loader.h>

static const char *mode_name(enum hest_placement_mode mode)
{
	return mode == HEST_PLACE_FIXED ? "fixed" : mode == HEST_PLACE_LINKER_LOADER ? "linker-loader" : "none";
}

static bool placement_json(const struct hest_model *m, struct hest_buf *o)
{
	const struct hest_placement *p = &m->placement;
	bool ok = hest_buf_printf(o, "  \"placement\": {\"mode\": \"%s\"", mode_name(p->mode));
	if (p->mode != HEST_PLACE_NONE)
		ok = ok && hest_buf_printf(o, ", \"blob\": ") && hest_buf_json_cstr(o, p->blob) &&
		     hest_buf_printf(o, ", \"blob_size\": %" PRIu64 ", \"align\": %" PRIu32, hest_placement_blob_size(m),
				     p->align);
	if (p->mode == HEST_PLACE_LINKER_LOADER) {
		ok = ok && hest_buf_printf(o, ", \"zone\": \"%s\", \"tables_blob\": ", p->zone == HEST_ZONE_FSEG ? "fseg" : "high") &&
		     hest_buf_json_cstr(o, p->tables_blob) && hest_buf_printf(o, ", \"table_offset\": %" PRIu32, p->table_offset);
		if (p->standalone)
			ok = ok && hest_buf_printf(o, ", \"install_anchor\": %" PRIu64,
						   hest_loader_anchor_offset(m, hest_get_le(m->hdr.bytes + 4, 4)));
	}
	if (p->mode == HEST_PLACE_FIXED)
		ok = ok && hest_buf_printf(o, ", \"base\": \"0x%" PRIx64 "\"", p->base);
	return ok && hest_buf_printf(o, "}");
}

/* An address in the blob: absolute with fixed placement, an offset
 * (patched by the loader) otherwise. */
static bool where_json(const struct hest_model *m, struct hest_buf *o, uint64_t off)
{
	bool ok = hest_buf_printf(o, "\"offset\": %" PRIu64, off);
	if (m->placement.mode == HEST_PLACE_FIXED)
		ok = ok && hest_buf_printf(o, ", \"address\": \"0x%" PRIx64 "\"", m->placement.base + off);
	return ok;
}

int hest_emit_apei_layout_json(const struct hest_model *m, struct hest_buf *o, struct hest_diags *d)
{
	(void)d;
	const struct hest_table_desc *t = hest_table_desc_of(m->kind);
	bool ok = hest_buf_printf(o, "{\n  \"generator\": \"hestc %s\",\n  \"table\": {\"signature\": \"%s\", "
				     "\"length\": %" PRIu64 "},\n", PACKAGE_VERSION, t->signature,
				  hest_get_le(m->hdr.bytes + 4, 4));
	ok = ok && placement_json(m, o);
	if (m->kind == HEST_TABLE_BERT) {
		ok = ok && hest_buf_printf(o, ",\n  \"region\": {\"length\": %" PRIu64 ", \"records_bytes\": %" PRIu32,
					   hest_get_le(m->hdr.bytes + 36, 4), m->region_len);
		if (m->placement.mode != HEST_PLACE_NONE)
			ok = ok && hest_buf_printf(o, ", ") && where_json(m, o, 0);
		ok = ok && hest_buf_printf(o, ", \"region_address_offset\": 40}");
	} else if (m->kind == HEST_TABLE_EINJ) {
		ok = ok && hest_buf_printf(o, ",\n  \"registers\": [");
		for (size_t i = 0; i < m->nregs && ok; i++) {
			const struct hest_mem_register *r = &m->regs[i];
			ok = hest_buf_printf(o, "%s\n    {\"name\": ", i ? "," : "") && hest_buf_json_cstr(o, r->name) &&
			     hest_buf_printf(o, ", \"size\": %" PRIu32 ", ", r->size) && where_json(m, o, r->offset);
			/* the entries that use it: their actions and instructions */
			ok = ok && hest_buf_printf(o, ", \"used_by\": [");
			bool first = true;
			for (size_t k = 0; k < m->nsrc && ok; k++) {
				const struct hest_source *s = &m->src[k];
				if (!s->layout.placed || s->layout.register_offset != r->offset)
					continue;
				const char *a = hest_name_of(&hest_einj_action_names, s->bytes[0]);
				const char *ins = hest_name_of(&hest_einj_instruction_names, s->bytes[1]);
				ok = hest_buf_printf(o, "%s{\"entry\": %zu, \"action\": \"%s\", \"instruction\": \"%s\"}",
						     first ? "" : ", ", k, a ? a : "?", ins ? ins : "?");
				first = false;
			}
			ok = ok && hest_buf_printf(o, "]}");
		}
		ok = ok && hest_buf_printf(o, "%s]", m->nregs ? "\n  " : "");
		if (m->has_trigger)
			ok = ok && hest_buf_printf(o, ",\n  \"trigger\": {\"entries\": %zu, \"size\": %" PRIu32 ", ", m->ntrig,
						   hest_einj_trigger_size(m)) &&
			     where_json(m, o, m->trigger_offset) && hest_buf_printf(o, "}");
	}
	ok = ok && hest_buf_printf(o, "\n}\n");
	return ok ? 0 : -1;
}

/* Placement of the other APEI tables.  BERT: the boot error region is the
 * placement blob (etc/boot_errors by default): at `base` in fixed mode, or
 * allocated by the firmware with the table's region_address patched by an
 * ADD_POINTER (linker-loader, place/loader_build.c).  EINJ instruction
 * registers are given by address (placement mode none). */
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

int hest_place_apei(struct hest_model *m, struct hest_diags *d)
{
	if (m->kind == HEST_TABLE_BERT) {
		place_bert(m, d);
	} else if (m->placement.mode != HEST_PLACE_NONE) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, pos_loc(m, m->placement.pos),
			      "an EINJ description takes placement mode none: each instruction's register address is "
			      "given in its entry");
		return -1;
	}
	return hest_diags_failed(d) ? -1 : 0;
}

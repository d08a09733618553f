/* Error status block sizing of GHES/GHESv2 sources: the block must hold the
 * 20-byte Generic Error Status Block, the raw data the source may carry,
 * and (for a decoded table, whose sections nobody declared) a record of
 * max_sections_per_record sections of the largest kind libhest knows a size
 * for.  The worst case is libhest's (hest_cper_worst_case), shared with
 * the compiler's HEST-GHES-BLOCK-SIZE. */
#include <inttypes.h>
#include <hest/cper.h>
#include "check_passes.h"

/* Every section kind with a known size: the validator cannot know which a
 * firmware's source carries. */
static const struct hest_cper_size any_section[] = {
	{ HEST_CPER_MEMORY, 0 },    { HEST_CPER_MEMORY2, 0 }, { HEST_CPER_PROC_GENERIC, 0 },
	{ HEST_CPER_IA32X64, 0 },   { HEST_CPER_ARM, 0 },     { HEST_CPER_PCIE, 0 },
	{ HEST_CPER_FW_ERROR_REF, 0 },
};
#define NANY (sizeof(any_section) / sizeof(any_section[0]))
/* The smallest record of the commonest kind: a status block, one entry
 * header as revisions before 0x300 wrote it (64 bytes, no timestamp) and a
 * memory error section as UEFI 2.1 defined it (73 bytes; Linux still reads
 * that form, cper_sec_mem_err_old).  Firmware that sizes its blocks for
 * exactly this record (157 bytes) ships on many servers. */
#define COMMON_RECORD (HEST_CPER_STATUS_SIZE + 64u + 73u)

static const struct hest_cper_type *largest_kind(void)
{
	const struct hest_cper_type *best = NULL;
	for (size_t i = 0; i < NANY; i++) {
		const struct hest_cper_type *t = hest_cper_type_of(any_section[i].kind);
		if (t && (!best || t->worst > best->worst))
			best = t;
	}
	return best;
}

static void check_worst(struct vctx *c, const struct hest_source *s, uint64_t ebl, uint64_t raw,
			struct vmemo *sections_m) /* max_sections_per_record */
{
	uint64_t worst;
	uint64_t sections = vget_m(s, sections_m);
	if (sections > UINT32_MAX || raw > UINT32_MAX ||
	    hest_cper_worst_case((uint32_t)sections, any_section, NANY, (uint32_t)raw, &worst) < 0 || ebl >= worst)
		return;
	const struct hest_cper_type *t = largest_kind();
	vreport(c, "CPER-SIZE-WORST", s, "error_block_length", 0,
		"error_block_length %" PRIu64 " is smaller than a worst-case record of %" PRIu64 " bytes (%u-byte "
		"status block, %" PRIu64 " x (%u-byte entry + %u-byte %s section), %" PRIu64 " bytes of raw data)",
		ebl, worst, HEST_CPER_STATUS_SIZE, sections ? sections : 1, HEST_CPER_ENTRY_SIZE, t ? t->worst : 0,
		t ? t->key : "?", raw);
}

void check_cper(struct vctx *c)
{
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (!vis_ghes(s) || s->len < s->desc->size || vall_zero(s))
			continue;
		uint64_t ebl = vget_m(s, &c->mm->ebl);
		uint64_t raw = vget_m(s, &c->mm->raw);
		if (ebl < HEST_CPER_STATUS_SIZE) {
			vreport(c, "CPER-SIZE-HEADER", s, "error_block_length", 0,
				"error_block_length %" PRIu64 " is smaller than the %u-byte Generic Error Status Block; "
				"Linux refuses the source (\"Invalid error block length\")",
				ebl, HEST_CPER_STATUS_SIZE);
			continue;
		}
		if (ebl < HEST_CPER_STATUS_SIZE + HEST_CPER_ENTRY_SIZE) {
			vreport(c, "CPER-SIZE-ENTRY", s, "error_block_length", 0,
				"error_block_length %" PRIu64 " cannot hold the %u-byte status block and one %u-byte data "
				"entry header: no record fits (Linux: \"Invalid error status block length!\")",
				ebl, HEST_CPER_STATUS_SIZE, HEST_CPER_ENTRY_SIZE);
			continue;
		}
		if (ebl < COMMON_RECORD) {
			vreport(c, "CPER-SIZE-COMMON", s, "error_block_length", 0,
				"error_block_length %" PRIu64 " cannot hold a record of one memory error section even in "
				"its oldest form (%u bytes): Linux drops such a record (\"[Firmware Warn]: GHES: Invalid error status block "
				"length!\")",
				ebl, COMMON_RECORD);
			continue;
		}
		if (raw > ebl - HEST_CPER_STATUS_SIZE) {
			/* no OS reads max_raw_data_length; firmware commonly sets it to the block length */
			vreport(c, "CPER-SIZE-RAW", s, "max_raw_data_length", 0,
				"max_raw_data_length %" PRIu64 " does not fit in the %" PRIu64
				"-byte error status block after its %u-byte header",
				raw, ebl, HEST_CPER_STATUS_SIZE);
			continue;
		}
		/* Descriptions get these from the compiler, with their declared sections. */
		if (!c->info)
			continue;
		if (ebl > HEST_GHES_LINUX_MAX_BLOCK)
			vreport(c, "HEST-GHES-BLOCK-CAP", s, "error_block_length", 0,
				"error_block_length %" PRIu64 " is above Linux's %u-byte limit; Linux warns (\"Error "
				"status block length is too long\") and reads only the first %u bytes",
				ebl, HEST_GHES_LINUX_MAX_BLOCK, HEST_GHES_LINUX_MAX_BLOCK);
		check_worst(c, s, ebl, raw, &c->mm->sections);
	}
}

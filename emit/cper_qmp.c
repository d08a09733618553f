/* A finished CPER block as QEMU's QMP error injection command, and the
 * check that a block fits the error status block it is meant for. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>

int hest_cper_qmp_command(const uint8_t *block, size_t len, struct hest_buf *out)
{
	/* Member order as QEMU's own scripts/qmp_helper.py sends it; no
	 * blanks, so the output is one deterministic line. */
	hest_buf_append(out, "{\"execute\":\"" HEST_QMP_INJECT_COMMAND "\",\"arguments\":{\"cper\":\"",
			sizeof("{\"execute\":\"" HEST_QMP_INJECT_COMMAND "\",\"arguments\":{\"cper\":\"") - 1);
	hest_buf_base64(out, block, len);
	hest_buf_append(out, "\"}}\n", 4);
	return out->oom ? -1 : 0;
}

/* Where each entry of an encoded status block (or section of a record)
 * ends, read back from the bytes; false when the bytes do not walk into
 * b->nsec of them (lengths given by hand). */
static bool section_ends(const struct hest_cper_block *b, const uint8_t *bytes, size_t len, uint64_t *ends)
{
	struct hest_cper_block x;
	struct hest_diags quiet;
	hest_diags_init(&quiet);
	bool ok = hest_cper_decode(&x, bytes, len, (int)b->form, NULL, &quiet) == 0 && x.nsec == b->nsec;
	for (size_t i = 0; ok && i < x.nsec; i++) {
		const struct hest_cper_section *s = &x.sec[i];
		uint64_t end;
		if (s->taillen)
			end = (uint64_t)s->tail_at + s->taillen;
		else if (s->nctx)
			end = (uint64_t)s->ctx[s->nctx - 1].at + s->ctx[s->nctx - 1].len;
		else if (s->ninfo)
			end = (uint64_t)s->info[s->ninfo - 1].at + s->info[s->ninfo - 1].len;
		else if (s->body.len)
			end = (uint64_t)s->body.at + s->body.len;
		else
			end = (uint64_t)s->header.at + s->header.len;
		ends[i] = end;
	}
	hest_cper_block_free(&x);
	hest_diags_free(&quiet);
	return ok;
}

int hest_cper_check_fits(const struct hest_cper_block *b, const uint8_t *bytes, size_t len, uint64_t block_size,
			 const char *target, const char *file, struct hest_diags *d)
{
	if (len <= block_size)
		return 0;
	const char *what = b->form == HEST_CPER_RECORD ? "record" : "block";
	struct hest_loc loc = { file, 1, 1, false, 0 };
	char where[160] = "";
	uint64_t *ends = b->nsec ? calloc(b->nsec, sizeof(*ends)) : NULL;
	if (ends && section_ends(b, bytes, len, ends)) {
		size_t i = 0;
		while (i < b->nsec && ends[i] <= block_size)
			i++;
		if (i < b->nsec) {
			const struct hest_cper_section *s = &b->sec[i];
			if (s->src_line)
				loc = (struct hest_loc){ file, s->src_line, s->src_col, false, 0 };
			uint64_t start = i ? ends[i - 1] : HEST_CPER_STATUS_SIZE;
			if (b->form == HEST_CPER_RECORD)
				snprintf(where, sizeof(where), ": %s section #%zu ends at byte %" PRIu64, s->type->key, i,
					 ends[i]);
			else
				snprintf(where, sizeof(where),
					 ": %s section #%zu (bytes %" PRIu64 "-%" PRIu64 ", %" PRIu64
					 " with its data entry) is the first that does not fit; %zu of %zu entries do",
					 s->type->key, i, start, ends[i] - 1, ends[i] - start, i, b->nsec);
		} else if (b->rawlen) {
			if (b->raw_line)
				loc = (struct hest_loc){ file, b->raw_line, b->raw_col, false, 0 };
			snprintf(where, sizeof(where), ": the %" PRIu32 " bytes of raw_data do not fit after the entries",
				 b->rawlen);
		}
	}
	free(ends);
	hest_diag_add(d, HEST_SEV_ERROR, "HEST-CPER-BLOCK-LENGTH", loc,
		      "the %s is %zu bytes; the error status block holds %" PRIu64 " (%s)%s", what, len, block_size,
		      target, where);
	return -1;
}

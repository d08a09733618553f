/* Fuzz target: an error record description (`hestc cper ERROR.yaml`)
 * through the YAML reader and the encoder, then the bytes back through the
 * decoder and the checks.
 *
 * The input may also be openbmc/libcper's JSON of a record (hestc cper
 * reads it by its top-level keys); a record is also mapped to the status
 * block of its sections, and every block that encodes is written back as
 * libcper's JSON.
 *
 * Invariants: what the encoder writes, the decoder reads (it may judge it,
 * a description can ask for wrong lengths on purpose, but it must be able
 * to walk it); a refusal records an error; libcper's JSON that
 * hest_cper_format_libcper() writes reads back to the same bytes. */
#include <string.h>
#include <hest/cper.h>
#include <hest/cper_libcper.h>
#include "fuzz.h"

/* libcper's JSON of an encodable block reads back to its bytes; a record
 * maps to a status block or says why not. */
static void libcper_both_ways(const struct hest_cper_block *b, const struct hest_buf *bytes)
{
	struct hest_buf text;
	struct hest_diags d;
	hest_buf_init(&text);
	hest_diags_init(&d);
	if (hest_cper_format_libcper(b, &text, "fuzz", &d) == 0) {
		struct hest_cper_block back;
		struct hest_buf again;
		hest_buf_init(&again);
		int rc = hest_cper_libcper_parse(&back, "libcper.json", text.p, text.len, &d);
		FUZZ_ASSERT(rc == 0 || d.oom, "libcper's JSON hestc wrote does not read back");
		if (rc == 0 && b->form == HEST_CPER_RECORD) {
			rc = hest_cper_encode(&back, &again, "libcper.json", &d);
			FUZZ_ASSERT(d.oom || again.oom ||
					    (rc == 0 && again.len == bytes->len && memcmp(again.p, bytes->p, again.len) == 0),
				    "libcper's JSON of a record does not build its bytes again");
		}
		hest_buf_free(&again);
		hest_cper_block_free(&back);
	} else {
		FUZZ_ASSERT(hest_diags_failed(&d), "libcper's JSON refused without an error");
	}
	if (b->form == HEST_CPER_RECORD) {
		struct hest_cper_block blk;
		memset(&blk, 0, sizeof(blk));
		size_t errors = d.errors;
		if (hest_cper_libcper_to_block(b, &blk, "fuzz", &d) < 0)
			FUZZ_ASSERT(d.errors > errors || d.oom, "a record refused as a status block without an error");
		hest_cper_block_free(&blk);
	}
	fuzz_format_diags(&d);
	hest_diags_free(&d);
	hest_buf_free(&text);
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	struct hest_cper_block b;
	struct hest_diags d;
	hest_diags_init(&d);
	/* hest_cper_desc_parse initialises the block (a record or a status
	 * block, as the description says); it is freed either way. */
	if (hest_cper_desc_parse(&b, "fuzz.yaml", p, len, &d) == 0) {
		struct hest_buf out;
		hest_buf_init(&out);
		if (hest_cper_encode(&b, &out, "fuzz.yaml", &d) == 0 && out.len <= (64u << 20)) {
			struct hest_cper_block back;
			struct hest_diags bd;
			hest_diags_init(&bd);
			if (hest_cper_decode(&back, out.p, out.len, (int)b.form, "encoded", &bd) == 0)
				hest_cper_check(&back, 0, "encoded", &bd);
			fuzz_format_diags(&bd);
			hest_cper_block_free(&back);
			hest_diags_free(&bd);
			libcper_both_ways(&b, &out);
		}
		hest_buf_free(&out);
	}
	fuzz_format_diags(&d);
	hest_cper_block_free(&b);
	hest_diags_free(&d);
	return 0;
}

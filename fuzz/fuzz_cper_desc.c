/* Fuzz target: an error record description (`hestc cper ERROR.yaml`)
 * through the YAML reader and the encoder, then the bytes back through the
 * decoder and the checks.
 *
 * Invariant: what the encoder writes, the decoder reads (it may judge it,
 * a description can ask for wrong lengths on purpose, but it must be able
 * to walk it). */
#include <string.h>
#include <hest/cper.h>
#include "fuzz.h"

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
		}
		hest_buf_free(&out);
	}
	fuzz_format_diags(&d);
	hest_cper_block_free(&b);
	hest_diags_free(&d);
	return 0;
}

/* Fuzz target: decompile -> compile.  `hestc decompile` promises a
 * description that compiles back to the input byte for byte, for any
 * HEST.  The target checks it twice: hest_decompile's own check must pass,
 * and the description it wrote, compiled here independently, must give the
 * input again (with or without the offset comments, by the length's parity).
 *
 * Inputs that cannot be a HEST, BERT or EINJ (shorter than the kind's
 * header, another signature) are refused with an error; anything else must
 * round-trip. */
#include <string.h>
#include <hest/decompile.h>
#include <hest/desc.h>
#include <hest/encode.h>
#include <hest/layout.h>
#include "fuzz.h"

static void compile_back(const struct hest_buf *desc, const uint8_t *p, size_t len)
{
	struct hest_model m;
	struct hest_diags d;
	uint8_t *table = NULL;
	size_t tlen = 0;
	hest_diags_init(&d);
	if (hest_model_init(&m) < 0)
		return;
	int ok = hest_desc_parse(&m, "decompiled.yaml", desc->p, desc->len, &d) == 0 && hest_compile(&m, &d) == 0 &&
		 hest_encode_table(&m, &table, &tlen, &d) == 0 && !hest_diags_failed(&d);
	if (!ok)
		fprintf(stderr, "%.*s\n", (int)desc->len, (const char *)desc->p);
	FUZZ_ASSERT(ok, "the decompiled description does not compile: %s", fuzz_first_error(&d));
	FUZZ_ASSERT(tlen == len && memcmp(table, p, len) == 0, "the decompiled description compiles to %zu other bytes "
		    "(input %zu)", tlen, len);
	free(table);
	hest_model_free(&m);
	hest_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	const struct hest_table_desc *kind = len >= 4 ? hest_table_desc_by_signature((const char *)p, 4) : NULL;
	bool hest = kind && len >= (kind->kind == HEST_TABLE_HEST ? HEST_SOURCES_OFFSET : kind->header->size);
	struct hest_diags d;
	struct hest_buf out;
	hest_diags_init(&d);
	hest_buf_init(&out);
	/* Offset comments or not: the length's low bit picks, so both are
	 * tried without running the whole pipeline twice per input. */
	struct hest_yaml_options o = { "fuzz.aml", (len & 1) != 0 };
	int rc = hest_decompile(p, len, "fuzz.aml", &o, &out, &d);
	FUZZ_ASSERT(rc == 0 || !hest || d.oom || out.oom, "decompile refused a HEST/BERT/EINJ: %s", fuzz_first_error(&d));
	FUZZ_ASSERT(rc < 0 || hest, "decompile accepted something that is not a HEST, BERT or EINJ");
	if (rc == 0)
		compile_back(&out, p, len);
	fuzz_format_diags(&d);
	hest_buf_free(&out);
	hest_diags_free(&d);
	return 0;
}

/* Fuzz target: CPER error status blocks and records through the decoder,
 * the checks (`hestval cper`), both listings and the encoder.
 *
 * The form is detected from the input ("CPER" starts a record), as
 * `hestval cper` does by default.
 *
 * Invariants: the decoder's memory stays proportional to the input (no
 * section is copied more than once); a block that decodes and checks
 * without any diagnostic encodes to bytes that decode to the same
 * structures. */
#include <string.h>
#include <hest/cper.h>
#include "fuzz.h"

static size_t held_bytes(const struct hest_cper_block *b)
{
	size_t n = b->rawlen;
	for (size_t i = 0; i < b->nsec; i++) {
		const struct hest_cper_section *s = &b->sec[i];
		n += s->header.len + s->body.len + s->taillen;
		for (size_t j = 0; j < s->ninfo; j++)
			n += s->info[j].len;
		for (size_t j = 0; j < s->nctx; j++)
			n += s->ctx[j].len;
		for (unsigned j = 0; j < HEST_CPER_MAX_VAR; j++)
			n += s->varlen[j];
	}
	return n;
}

static bool same_image(const struct hest_cper_image *a, const struct hest_cper_image *b)
{
	return a->desc == b->desc && a->len == b->len && (a->len == 0 || memcmp(a->bytes, b->bytes, a->len) == 0);
}

static bool same_bytes(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

/* Every structure of a equals b's: what decode(encode(x)) must give for a
 * block x that decoded without a diagnostic.  (Bytes inside the container
 * that belong to no structure, a gap before a section, are not kept.) */
static const char *differs(const struct hest_cper_block *a, const struct hest_cper_block *b)
{
	if (a->form != b->form || !same_image(&a->head, &b->head))
		return "the header";
	if (a->nsec != b->nsec)
		return "the number of sections";
	if (!same_bytes(a->raw, a->rawlen, b->raw, b->rawlen))
		return "the raw data";
	for (size_t i = 0; i < a->nsec; i++) {
		const struct hest_cper_section *x = &a->sec[i], *y = &b->sec[i];
		if (x->type != y->type || !same_image(&x->header, &y->header) || !same_image(&x->body, &y->body) ||
		    x->ninfo != y->ninfo || x->nctx != y->nctx || !same_bytes(x->tail, x->taillen, y->tail, y->taillen))
			return "a section";
		for (size_t j = 0; j < x->ninfo; j++)
			if (!same_image(&x->info[j], &y->info[j]))
				return "an error information structure";
		for (size_t j = 0; j < x->nctx; j++)
			if (!same_image(&x->ctx[j], &y->ctx[j]))
				return "a context structure";
		for (unsigned j = 0; j < HEST_CPER_MAX_VAR; j++)
			if (!same_bytes(x->var[j], x->varlen[j], y->var[j], y->varlen[j]))
				return "a variable-length part";
	}
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	struct hest_cper_block b;
	struct hest_diags d;
	hest_diags_init(&d);
	int rc = hest_cper_decode(&b, p, len, -1, "fuzz.bin", &d);
	if (rc == 0) {
		size_t held = held_bytes(&b);
		FUZZ_ASSERT(held <= 2 * len + 4096, "%zu bytes decoded from a %zu-byte input", held, len);
		hest_cper_check(&b, 0, "fuzz.bin", &d);
		bool clean = d.n == 0 && !d.oom;
		hest_cper_check(&b, len, "fuzz.bin", &d);
		struct hest_buf out;
		hest_buf_init(&out);
		(void)hest_cper_format_text(&b, &out);
		hest_buf_free(&out);
		hest_buf_init(&out);
		(void)hest_cper_format_json(&b, &out);
		hest_buf_free(&out);
		hest_buf_init(&out);
		struct hest_diags ed;
		hest_diags_init(&ed);
		/* A block with errors may carry offsets the encoder honours
		 * (a section_offset of 4 GiB pads the output to it): encode
		 * only what decoded without errors. */
		int erc = hest_diags_failed(&d) ? -1 : hest_cper_encode(&b, &out, "fuzz.bin", &ed);
		if (clean) {
			FUZZ_ASSERT(erc == 0, "a clean block does not encode: %s", fuzz_first_error(&ed));
			struct hest_cper_block back;
			struct hest_diags bd;
			hest_diags_init(&bd);
			int brc = hest_cper_decode(&back, out.p, out.len, (int)b.form, "encoded", &bd);
			FUZZ_ASSERT(brc == 0, "the encoding of a clean block does not decode: %s", fuzz_first_error(&bd));
			const char *what = differs(&b, &back);
			FUZZ_ASSERT(!what, "a clean %zu-byte block encodes to %zu bytes whose %s differs", len, out.len,
				    what);
			hest_cper_block_free(&back);
			hest_diags_free(&bd);
		}
		fuzz_format_diags(&ed);
		hest_diags_free(&ed);
		hest_buf_free(&out);
	}
	fuzz_format_diags(&d);
	hest_cper_block_free(&b);
	hest_diags_free(&d);
	return 0;
}

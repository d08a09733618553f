/* Fuzz target: CPER error status blocks and records through the decoder,
 * the checks (`hestval cper`), both listings and the encoder; the same
 * input as a QMP inject-ghes-v2-error command, as base64 and as a
 * hest-layout.json (`hestc cper --format qmp --layout`); the YAML and JSON
 * descriptions of every block that encodes (`hestval cper --format yaml`).
 *
 * The form is detected from the input ("CPER" starts a record), as
 * `hestval cper` does by default.
 *
 * Invariants: the decoder's memory stays proportional to the input (no
 * section is copied more than once); a block that decodes and checks
 * without any diagnostic encodes to bytes that decode to the same
 * structures; base64 that decodes is no longer than 3/4 of its text and
 * encodes back to bytes that decode to the same payload. */
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

/* The QMP and base64 readers, and hest-layout.json's. */
static void text_readers(const uint8_t *p, size_t len)
{
	(void)hest_cper_input_guess(p, len);
	for (int in = HEST_CPER_INPUT_QMP; in <= HEST_CPER_INPUT_BASE64; in++) {
		struct hest_buf out;
		struct hest_diags d;
		hest_buf_init(&out);
		hest_diags_init(&d);
		int rc = hest_cper_qmp_read(p, len, (enum hest_cper_input)in, "fuzz.qmp", &out, &d);
		FUZZ_ASSERT(rc == 0 || hest_diags_failed(&d), "a refused %s input without an error",
			    in == HEST_CPER_INPUT_QMP ? "QMP" : "base64");
		FUZZ_ASSERT(rc < 0 || out.len <= len / 4 * 3 + 3, "%zu bytes decoded from %zu characters", out.len, len);
		if (rc == 0 && in == HEST_CPER_INPUT_BASE64) {
			struct hest_buf enc, back;
			hest_buf_init(&enc);
			hest_buf_init(&back);
			hest_buf_base64(&enc, out.p, out.len);
			int brc = hest_base64_decode((const char *)enc.p, enc.len, &back, NULL);
			FUZZ_ASSERT(brc == 0 && back.len == out.len && (out.len == 0 || memcmp(back.p, out.p, out.len) == 0),
				    "base64 of a %zu-byte payload does not decode back to it", out.len);
			hest_buf_free(&enc);
			hest_buf_free(&back);
		}
		fuzz_format_diags(&d);
		hest_diags_free(&d);
		hest_buf_free(&out);
	}
	uint64_t size = 0;
	char name[64];
	struct hest_diags d;
	hest_diags_init(&d);
	(void)hest_layout_json_block_size(p, len, "fuzz.json", "0", &size, name, sizeof(name), &d);
	fuzz_format_diags(&d);
	hest_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	text_readers(p, len);
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
		if (erc == 0) {
			/* the descriptions of what decoded build the same bytes
			 * (hest_cper_format_desc checks that itself and fails
			 * otherwise) */
			for (unsigned flags = 0; flags <= HEST_CPER_DESC_JSON; flags++) {
				struct hest_buf text;
				struct hest_diags td;
				hest_buf_init(&text);
				hest_diags_init(&td);
				int drc = hest_cper_format_desc(&b, flags, &text, "fuzz.bin", &td);
				FUZZ_ASSERT(drc == 0 || td.oom, "no %s description of an encodable block: %s",
					    flags ? "JSON" : "YAML", fuzz_first_error(&td));
				hest_buf_free(&text);
				hest_diags_free(&td);
			}
		}
		if (clean) {
			FUZZ_ASSERT(erc == 0, "a clean block does not encode: %s", fuzz_first_error(&ed));
			struct hest_cper_block back;
			struct hest_diags bd;
			hest_diags_init(&bd);
			int brc = hest_cper_decode(&back, out.p, out.len, (int)b.form, "encoded", &bd);
			FUZZ_ASSERT(brc == 0, "the encoding of a clean block does not decode: %s", fuzz_first_error(&bd));
			const char *what = differs(&b, &back);
			struct hest_diags fd;
			hest_diags_init(&fd);
			int frc = hest_cper_check_fits(&b, out.p, out.len, out.len / 2, "half", "fuzz.bin", &fd);
			FUZZ_ASSERT((frc == 0) == (out.len / 2 >= out.len) && (frc == 0 || hest_diags_failed(&fd)),
				    "check_fits on a %zu-byte block and half its size", out.len);
			fuzz_format_diags(&fd);
			hest_diags_free(&fd);
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

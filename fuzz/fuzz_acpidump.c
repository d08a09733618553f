/* Fuzz target: acpidump text (and iasl's "Raw Table Data" blocks) through
 * the dump parser, then the HEST found there through the decoder and the
 * validator, as `hestval validate dump.txt` does.
 *
 * Invariants: every table returned has bytes and a 4-character signature;
 * the parser's memory stays proportional to its input (a hex line with a
 * far offset does not allocate the gap). */
#include <string.h>
#include <hest/decode.h>
#include <hest/validate.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	(void)hest_dump_is_text(p, len);
	struct hest_dump dump;
	struct hest_diags d;
	hest_diags_init(&d);
	if (hest_dump_parse(p, len, "fuzz.txt", &dump, &d) == 0) {
		size_t total = 0;
		for (size_t i = 0; i < dump.n; i++) {
			const struct hest_dump_table *t = &dump.v[i];
			FUZZ_ASSERT(t->len > 0 && t->data != NULL, "table %zu has no bytes", i);
			FUZZ_ASSERT(strlen(t->sig) == 4, "table %zu signature '%s' is not 4 characters", i, t->sig);
			total += t->len;
		}
		/* Each byte is two hex digits and a space, gaps are bounded by the text. */
		FUZZ_ASSERT(total <= 2 * len + 1, "%zu table bytes from %zu bytes of text", total, len);
		const struct hest_dump_table *h = hest_dump_find(&dump, "HEST");
		if (h) {
			struct hest_model m;
			struct hest_decode_info info;
			if (hest_model_init(&m) == 0) {
				if (hest_decode_table(h->data, h->len, "fuzz.txt[HEST]", &m, &info, &d) == 0) {
					struct hest_validate_options vo = { .arch = HEST_ARCH_ANY, .decode = &info,
									    .table = h->data };
					hest_validate(&m, &vo, &d);
				}
				hest_model_free(&m);
			}
		}
		size_t off, tlen;
		for (size_t i = 0; i < dump.n; i++)
			if (hest_find_acpi_table(dump.v[i].data, dump.v[i].len, "HEST", &off, &tlen))
				FUZZ_ASSERT(off <= dump.v[i].len && tlen <= dump.v[i].len - off,
					    "hest_find_acpi_table: 0x%zx+0x%zx outside %zu bytes", off, tlen, dump.v[i].len);
	}
	fuzz_format_diags(&d);
	hest_dump_free(&dump);
	hest_diags_free(&d);
	return 0;
}

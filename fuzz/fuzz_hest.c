/* Fuzz target: a binary HEST through the decoder, every validation rule
 * and the Linux summary (what `hestval validate TABLE` does; a BERT or EINJ
 * through their own rules), for each
 * target architecture.
 *
 * Invariants: the decoder keeps every byte (the structures it reports tile
 * the walked range and each keeps its input bytes); nothing crashes, leaks
 * or reads out of bounds. */
#include <string.h>
#include <hest/decode.h>
#include <hest/validate.h>
#include "fuzz.h"

static void check_tiling(const uint8_t *p, size_t len, const struct hest_model *m, const struct hest_decode_info *info)
{
	FUZZ_ASSERT(info->input_len == len, "input_len %zu for %zu bytes", info->input_len, len);
	/* a BERT/EINJ keeps what is no whole entry as trailing bytes */
	uint64_t hsize = m->kind == HEST_TABLE_HEST ? HEST_SOURCES_OFFSET : m->hdr.len;
	FUZZ_ASSERT(info->walk_end <= len || len < hsize, "walk_end %u past the input (%zu)",
		    (unsigned)info->walk_end, len);
	uint64_t at = len < hsize ? len : hsize;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		FUZZ_ASSERT(s->layout.hest_offset == at, "source %zu at 0x%x, expected 0x%llx", i,
			    (unsigned)s->layout.hest_offset, (unsigned long long)at);
		FUZZ_ASSERT(s->len > 0 && at + s->len <= len, "source %zu (%u bytes at 0x%llx) past the input", i,
			    (unsigned)s->len, (unsigned long long)at);
		FUZZ_ASSERT(memcmp(s->bytes, p + at, s->len) == 0, "source %zu does not hold its input bytes", i);
		at += s->len;
	}
	if (m->kind != HEST_TABLE_HEST) {
		FUZZ_ASSERT(m->trailing_len == 0 || memcmp(m->trailing, p + at, m->trailing_len) == 0,
			    "the trailing bytes are not the input's");
		at += m->trailing_len;
	}
	FUZZ_ASSERT(at == len || len < hsize,
		    "sources end at 0x%llx but the input has %zu bytes: bytes were dropped", (unsigned long long)at, len);
}

static void validate_for(const uint8_t *p, size_t len, enum hest_arch arch, bool werror)
{
	struct hest_model m;
	struct hest_decode_info info;
	struct hest_diags d;
	hest_diags_init(&d);
	if (hest_model_init(&m) < 0)
		return;
	memset(&info, 0, sizeof(info));
	if (hest_decode_table(p, len, "fuzz.aml", &m, &info, &d) == 0) {
		check_tiling(p, len, &m, &info);
		struct hest_validate_options vo = {
			.arch = arch, .werror = werror, .decode = &info, .table = p,
		};
		hest_validate(&m, &vo, &d);
		struct hest_linux_summary s;
		if (hest_linux_summarize(&m, &info, arch, (unsigned)(len % 64), &s) == 0) {
			size_t want = m.kind == HEST_TABLE_HEST ? m.nsrc : 0; /* the HEST model only */
			FUZZ_ASSERT(s.n == want, "Linux summary has %zu verdicts for %zu sources", s.n, want);
			for (size_t i = 0; i < s.n; i++) {
				FUZZ_ASSERT(s.v[i].index < m.nsrc, "verdict for source %zu of %zu", s.v[i].index, m.nsrc);
				FUZZ_ASSERT(hest_linux_verdict_name(s.v[i].verdict) != NULL, "unnamed verdict");
				FUZZ_ASSERT(memchr(s.v[i].reason, 0, sizeof(s.v[i].reason)), "unterminated reason");
			}
			hest_linux_summary_free(&s);
		}
	}
	fuzz_format_diags(&d);
	hest_model_free(&m);
	hest_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	/* The architecture changes only a few rules: the checksum byte picks
	 * it (and --werror), so mutations of one byte try them all. */
	static const enum hest_arch arch[] = { HEST_ARCH_ANY, HEST_ARCH_X86_64, HEST_ARCH_ARM64, HEST_ARCH_ANY };
	uint8_t k = len > 9 ? p[9] : 0;
	validate_for(p, len, arch[k & 3], (k & 4) != 0);
	return 0;
}

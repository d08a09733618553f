/* Shared by the fuzz targets (libFuzzer entry point) and their replay
 * driver (fuzz/replay.c, built with the normal compiler for `make check`).
 *
 * A target returns normally for every input that libhest handles correctly,
 * whatever the input; it aborts (FUZZ_ASSERT) when an invariant the
 * library promises is broken, so the fuzzer reports it like a crash. */
#ifndef HEST_FUZZ_H
#define HEST_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <hest/diag.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond, ...)                                                         \
	do {                                                                           \
		if (!(cond)) {                                                         \
			fprintf(stderr, "%s:%d: fuzz invariant broken: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);                                  \
			fputc('\n', stderr);                                           \
			abort();                                                       \
		}                                                                      \
	} while (0)

/* Formats every diagnostic (the printing path of both programs) and checks
 * the counters agree with the list. */
static inline void fuzz_format_diags(const struct hest_diags *d)
{
	size_t e = 0, w = 0;
	for (size_t i = 0; i < d->n; i++) {
		char *s = hest_diag_format(&d->v[i]);
		FUZZ_ASSERT(s != NULL || d->oom, "hest_diag_format returned NULL");
		free(s);
		e += d->v[i].severity == HEST_SEV_ERROR;
		w += d->v[i].severity == HEST_SEV_WARNING;
	}
	/* Past HEST_DIAGS_MAX, diagnostics are counted but not recorded. */
	FUZZ_ASSERT(d->oom || (d->dropped ? e <= d->errors && w <= d->warnings && d->n == HEST_DIAGS_MAX
					  : e == d->errors && w == d->warnings),
		    "diagnostic counters (%zu errors, %zu warnings, %zu dropped) disagree with the list (%zu, %zu)",
		    (size_t)d->errors, (size_t)d->warnings, (size_t)d->dropped, e, w);
}

/* The first error message, for invariant reports. */
static inline const char *fuzz_first_error(const struct hest_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].severity == HEST_SEV_ERROR)
			return d->v[i].message;
	return d->oom ? "out of memory" : "(none)";
}

#endif

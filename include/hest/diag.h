/* libhest diagnostics: values the library collects and the programs print. */
#ifndef HEST_DIAG_H
#define HEST_DIAG_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum hest_severity {
	HEST_SEV_NOTE = 0,
	HEST_SEV_WARNING = 1,
	HEST_SEV_ERROR = 2,
};

/* Where a diagnostic points: a YAML position (line/col, 1-based) or a byte
 * offset into a binary input.  Both zero/absent means "the whole file". */
struct hest_loc {
	const char *file; /* not owned; must outlive the diagnostic list */
	uint32_t line;
	uint32_t col;
	bool has_offset;
	uint64_t offset;
};

struct hest_diag {
	enum hest_severity severity;
	const char *rule; /* stable rule id, or NULL for plain syntax/usage errors */
	struct hest_loc loc;
	char *message;    /* owned */
};

/* At most this many diagnostics are recorded; later ones are counted in
 * `dropped` (errors and warnings still count), so hostile input with
 * millions of mistakes cannot exhaust memory or the terminal. */
#define HEST_DIAGS_MAX 1000u

struct hest_diags {
	struct hest_diag *v;
	size_t n, cap;
	size_t errors, warnings;
	size_t dropped; /* not recorded past HEST_DIAGS_MAX */
	bool oom;       /* a diagnostic could not be recorded: treat as an error */
};

void hest_diags_init(struct hest_diags *d);
void hest_diags_free(struct hest_diags *d);

/* printf-style; never fails visibly (sets d->oom on allocation failure). */
void hest_diag_add(struct hest_diags *d, enum hest_severity sev, const char *rule,
		   struct hest_loc loc, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

/* Same, with the message already formatted: its first `len` bytes are
 * copied (no format directives are read). */
void hest_diag_add_msg(struct hest_diags *d, enum hest_severity sev, const char *rule, struct hest_loc loc,
		       const char *msg, size_t len);

bool hest_diags_failed(const struct hest_diags *d);
const char *hest_severity_name(enum hest_severity sev);

/* Formats one diagnostic the way the programs print it:
 *   file:line:col: error: message [RULE]
 *   file:0xOFFSET: error[RULE]: message
 * Returns a malloc'd string or NULL. */
char *hest_diag_format(const struct hest_diag *dg);
/* The same line into buf, snprintf-style: at most size - 1 bytes and a NUL
 * (when size > 0); returns the line's full length, so a result >= size
 * means it was cut short. */
size_t hest_diag_format_buf(const struct hest_diag *dg, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif

/* The rule catalogue: stable ids for every check the tools make. */
#ifndef HEST_RULES_H
#define HEST_RULES_H

#include <stddef.h>
#include <stdint.h>
#include <hest/diag.h>

#ifdef __cplusplus
extern "C" {
#endif

struct hest_rule {
	const char *id;                 /* stable, e.g. "HEST-DUP-ID" */
	enum hest_severity severity;    /* default */
	const char *summary;            /* one line */
	const char *cite;               /* spec clause or consumer behaviour */
};

/* The catalogue, in a stable order: index 0 .. hest_rules_count()-1. */
size_t hest_rules_count(void);
const struct hest_rule *hest_rule_at(size_t index);
const struct hest_rule *hest_rule_find(const char *id);

/* A diagnostic at byte offset `off` of `file`, with the rule's default
 * severity (an error when `rule` is not in the catalogue): for readers of
 * binary input. */
void hest_rule_report_at(struct hest_diags *d, const char *file, const char *rule, uint64_t off, const char *fmt,
			 ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

#ifdef __cplusplus
}
#endif
#endif

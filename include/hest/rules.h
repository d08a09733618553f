/* The rule catalogue: stable ids for every check the tools make. */
#ifndef HEST_RULES_H
#define HEST_RULES_H

#include <stddef.h>
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

const struct hest_rule *hest_rules(size_t *n);
const struct hest_rule *hest_rule_find(const char *id);

#ifdef __cplusplus
}
#endif
#endif

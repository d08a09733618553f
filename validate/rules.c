/* The rule catalogue (docs/rules.md documents each one; a test keeps the
 * two in step).  Each area keeps its rules in its own const table. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "rules.h"

static const struct hest_rule_table *const parts[] = {
	&hest_rules_table_part,
	&hest_rules_loader_part,
	&hest_rules_cper_part,
	&hest_rules_val_part,
	&hest_rules_ssdt_part,
	&hest_rules_apei_part,
};

#define NPARTS (sizeof(parts) / sizeof(parts[0]))

size_t hest_rules_count(void)
{
	size_t n = 0;
	for (size_t i = 0; i < NPARTS; i++)
		n += parts[i]->n;
	return n;
}

const struct hest_rule *hest_rule_at(size_t index)
{
	for (size_t i = 0; i < NPARTS; i++) {
		if (index < parts[i]->n)
			return &parts[i]->v[index];
		index -= parts[i]->n;
	}
	return NULL;
}

/* Parts in the order the validator's reports use them most (the order of
 * the search does not matter: an id is in one part only). */
static const struct hest_rule_table *const search_order[] = {
	&hest_rules_val_part,
	&hest_rules_table_part,
	&hest_rules_cper_part,
	&hest_rules_loader_part,
	&hest_rules_ssdt_part,
	&hest_rules_apei_part,
};

_Static_assert(sizeof(search_order) / sizeof(search_order[0]) == NPARTS, "every part is searched");

const struct hest_rule *hest_rule_find(const char *id)
{
	for (size_t i = 0; i < NPARTS; i++) {
		const struct hest_rule_table *t = search_order[i];
		size_t lo = 0, hi = t->n; /* each part is sorted by id (rules.h) */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = strcmp(id, t->v[mid].id);
			if (c == 0)
				return &t->v[mid];
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return NULL;
}

void hest_rule_report_at(struct hest_diags *d, const char *file, const char *rule, uint64_t off, const char *fmt,
			 ...)
{
	char msg[320];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	const struct hest_rule *r = hest_rule_find(rule);
	struct hest_loc l = { file, 0, 0, true, off };
	hest_diag_add(d, r ? r->severity : HEST_SEV_ERROR, r ? r->id : NULL, l, "%s", msg);
}

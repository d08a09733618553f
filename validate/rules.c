/* The rule catalogue (docs/rules.md documents each one; a test keeps the
 * two in step).  Each area keeps its rules in its own const table. */
#include <string.h>
#include "rules.h"

static const struct hest_rule_table *const parts[] = {
	&hest_rules_table_part,
	&hest_rules_loader_part,
	&hest_rules_cper_part,
	&hest_rules_val_part,
	&hest_rules_ssdt_part,
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

const struct hest_rule *hest_rule_find(const char *id)
{
	for (size_t i = 0; i < NPARTS; i++)
		for (size_t j = 0; j < parts[i]->n; j++)
			if (strcmp(parts[i]->v[j].id, id) == 0)
				return &parts[i]->v[j];
	return NULL;
}

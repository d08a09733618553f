/* Internal: each area contributes one const rule table; rules.c joins them.
 * Each table is sorted by id in strcmp order (hest_rule_find bisects it;
 * tests/val/rules_test fails when a table is out of order or an id is used
 * twice), so the catalogue lists an area's rules alphabetically. */
#ifndef HEST_VALIDATE_RULES_H
#define HEST_VALIDATE_RULES_H
#include <stddef.h>
#include <hest/rules.h>

struct hest_rule_table {
	const struct hest_rule *v;
	size_t n;
};

extern const struct hest_rule_table hest_rules_table_part; /* table/structure/GAS rules (rules_table.c) */
extern const struct hest_rule_table hest_rules_loader_part; /* placement and loader rules (rules_loader.c) */
extern const struct hest_rule_table hest_rules_cper_part; /* CPER blocks and GHES block sizes (rules_cper.c) */
extern const struct hest_rule_table hest_rules_ssdt_part; /* hestval validate --ssdt: event paths (rules_ssdt.c) */
extern const struct hest_rule_table hest_rules_val_part; /* hestval validate: table, structures, GAS, loader, Linux (rules_val.c) */
extern const struct hest_rule_table hest_rules_apei_part; /* BERT and EINJ (rules_apei.c) */
#endif

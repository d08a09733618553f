/* Rules about the table, its structures and their GAS fields. */
#include "rules.h"

static const struct hest_rule rules[] = {
	{ "HEST-CHECKSUM", HEST_SEV_ERROR, "table bytes do not sum to zero",
	  "ACPI 6.5 5.2.6 (Checksum); Linux warns, firmware loaders recompute" },
	{ "HEST-COUNT", HEST_SEV_ERROR, "declared error source count differs from the structures present",
	  "ACPI 6.5 table 18.3: Error Source Count; Linux walks exactly that many structures" },
	{ "HEST-DUP-ID", HEST_SEV_ERROR, "two error sources share a source id",
	  "ACPI 6.5 18.3.2: Source Id uniquely identifies the error source; Linux keys GHES devices by it" },
	{ "HEST-GAS-ZERO", HEST_SEV_WARNING, "a GHES register address is 0 and nothing patches it",
	  "Linux apei_check_gar / ghes probe: \"probe of GHES.N failed with error -22\"" },
	{ "HEST-LENGTH", HEST_SEV_ERROR, "table length field differs from the bytes present",
	  "ACPI 6.5 5.2.6 (System Description Table Header: Length)" },
};

const struct hest_rule_table hest_rules_table_part = { rules, sizeof(rules) / sizeof(rules[0]) };

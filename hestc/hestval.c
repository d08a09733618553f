/* hestval: validate HEST tables.  Argument parsing and printing only. */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include <hest/hest.h>
#include <hest/rules.h>
#include "cli.h"
#include "dispatch.h"
#include "hestval.h"

const char *const hestval_prog = "hestval";

static const struct cli_command commands[] = {
	{ "validate", hestval_cmd_validate, "check HEST, BERT, EINJ, ERST tables (raw, acpidump text, fw_cfg directory), loader scripts and blobs" },
	{ "rules", hestval_cmd_rules, "print the rule catalogue (id, default severity, summary, citation)" },
	{ "cper", hestval_cmd_cper, "decode and check an error status block or CPER record" },
};

int hestval_cmd_rules(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: hestval rules\n\n"
		       "Print the rule catalogue: each rule's stable id, default severity, summary and\n"
		       "the specification clause or consumer behaviour it enforces (docs/rules.md\n"
		       "explains each).  hestval validate -W/-E/-w RULE change a rule's severity.\n");
		return EXIT_OK;
	}
	if (argc > 1) {
		fprintf(stderr, "%s: error: 'rules' takes no arguments\n", hestval_prog);
		return EXIT_USAGE;
	}
	for (size_t i = 0; i < hest_rules_count(); i++) {
		const struct hest_rule *r = hest_rule_at(i);
		printf("%-28s %-8s %s\n%-28s %-8s   (%s)\n", r->id, hest_severity_name(r->severity), r->summary, "",
		       "", r->cite);
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	static const struct cli_program program = {
		"hestval", "Validate ACPI HEST, BERT, EINJ and ERST tables against ACPI 6.6, UEFI 2.11 and what Linux accepts.", commands,
		sizeof(commands) / sizeof(commands[0]), ""
	};
	return cli_dispatch(&program, argc, argv);
}

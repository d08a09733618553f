/* hestval: validate HEST tables.  Argument parsing and printing only. */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include <hest/hest.h>
#include <hest/rules.h>
#include "cli.h"
#include "hestval.h"

const char *const hestval_prog = "hestval";

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "validate", hestval_cmd_validate, "check HEST tables (raw, acpidump text, fw_cfg directory), loader scripts and blobs" },
	{ "rules", hestval_cmd_rules, "print the rule catalogue (id, default severity, summary, citation)" },
	{ "cper", hestval_cmd_cper, "decode and check an error status block or CPER record" },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: hestval COMMAND [options] ...\n"
		   "       hestval --help | --version\n"
		   "\n"
		   "Validate ACPI HEST tables against ACPI 6.5, UEFI 2.10 and what Linux accepts.\n"
		   "\n"
		   "commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nExit status: 0 success, 1 the input has errors, 2 usage or I/O error.\n");
}

int hestval_cmd_rules(int argc, char **argv)
{
	(void)argv;
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
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("hestval (%s) %s\n", PACKAGE_NAME, hest_version());
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(cmd, commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "%s: error: unknown command '%s'\n", hestval_prog, cmd);
	usage(stderr);
	return EXIT_USAGE;
}

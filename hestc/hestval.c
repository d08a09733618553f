/* hestval: validate HEST tables.  Argument parsing and printing only. */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include <hest/hest.h>
#include <hest/rules.h>
#include "cli.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hestval rules\n"
		"       hestval --help | --version\n"
		"\n"
		"Validate ACPI HEST tables against ACPI 6.5, UEFI 2.10 and what Linux accepts.\n"
		"\n"
		"commands:\n"
		"  rules      print the rule catalogue (id, default severity, summary, citation)\n"
		"\n"
		"Exit status: 0 success, 1 the input has errors, 2 usage or I/O error.\n");
}

static int cmd_rules(void)
{
	size_t n;
	const struct hest_rule *r = hest_rules(&n);
	for (size_t i = 0; i < n; i++)
		printf("%-24s %-8s %s\n%-24s %-8s   (%s)\n", r[i].id, hest_severity_name(r[i].severity),
		       r[i].summary, "", "", r[i].cite);
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
	if (strcmp(cmd, "rules") == 0)
		return cmd_rules();
	fprintf(stderr, "hestval: error: unknown command '%s'\n", cmd);
	usage(stderr);
	return EXIT_USAGE;
}

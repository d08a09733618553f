/* hestc: compile HEST descriptions.  Argument parsing and printing only. */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "hestc.h"

const char *const hestc_prog = "hestc";

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "compile", hestc_cmd_compile, "DESC.yaml -> OUTDIR/hest.aml (and more with --emit)" },
	{ "decompile", hestc_cmd_decompile, "a HEST (raw or acpidump text) -> a description that compiles back to it" },
	{ "schema", hestc_cmd_schema, "the description format as JSON Schema or a Markdown reference" },
	{ "cper", hestc_cmd_cper, "ERROR.yaml -> a CPER error status block (or record)" },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: hestc COMMAND [options] ...\n"
		   "       hestc --help | --version\n"
		   "\n"
		   "Compile YAML descriptions of hardware error sources into ACPI HEST tables.\n"
		   "\n"
		   "commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n"
		   "Run 'hestc COMMAND --help' for a command's options.  Exit status: 0 success,\n"
		   "1 the input has errors, 2 usage or I/O error.\n");
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
		printf("hestc (%s) %s\n", PACKAGE_NAME, hest_version());
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(cmd, commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "%s: error: unknown command '%s'\n", hestc_prog, cmd);
	usage(stderr);
	return EXIT_USAGE;
}

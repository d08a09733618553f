#include "config.h"
#include <stdio.h>
#include <string.h>
#include <hest/hest.h>
#include "cli.h"
#include "dispatch.h"

static void usage(const struct cli_program *p, FILE *f)
{
	fprintf(f, "usage: %s COMMAND [options] ...\n       %s --help | --version\n\n%s\n\ncommands:\n", p->prog, p->prog,
		p->about);
	for (size_t i = 0; i < p->ncommands; i++)
		fprintf(f, "  %-11s %s\n", p->commands[i].name, p->commands[i].summary);
	fprintf(f, "\nRun '%s COMMAND --help' for a command's options.\n"
		   "Exit status: 0 success, 1 the input has errors, 2 usage or I/O error%s.\n",
		p->prog, p->exit_more);
}

int cli_dispatch(const struct cli_program *p, int argc, char **argv)
{
	if (argc < 2) {
		usage(p, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(p, stdout);
		return EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("%s (%s) %s\n", p->prog, PACKAGE_NAME, hest_version());
		return EXIT_OK;
	}
	for (size_t i = 0; i < p->ncommands; i++)
		if (strcmp(cmd, p->commands[i].name) == 0)
			return p->commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "%s: error: unknown command '%s'\n", p->prog, cmd);
	usage(p, stderr);
	return EXIT_USAGE;
}

/* The shape both programs share: PROG COMMAND [args], --help, --version. */
#ifndef HESTC_DISPATCH_H
#define HESTC_DISPATCH_H

#include <stddef.h>

struct cli_command {
	const char *name;
	int (*fn)(int argc, char **argv); /* argv[0] is the command name */
	const char *summary;
};

struct cli_program {
	const char *prog;  /* "hestc" */
	const char *about; /* one line under the usage */
	const struct cli_command *commands;
	size_t ncommands;
	const char *exit_more; /* exit statuses past 2, ", 3 ..." (or "") */
};

/* Runs the command argv[1] names; returns the exit status. */
int cli_dispatch(const struct cli_program *p, int argc, char **argv);

#endif

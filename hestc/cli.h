/* Shared by the hestc and hestval front ends: input, output, printing. */
#ifndef HESTC_CLI_H
#define HESTC_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <hest/diag.h>

#define CLI_MAX_INPUT (256u * 1024u * 1024u)

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* Reads a whole file ("-" = stdin).  Returns 0, or -1 after printing why. */
int cli_read_file(const char *prog, const char *path, uint8_t **buf, size_t *len);
/* cli_read_file, but a directory is not an error: CLI_READ_DIR (nothing
 * read, nothing printed), for commands that take a file or a directory. */
#define CLI_READ_DIR 1
int cli_read_path(const char *prog, const char *path, uint8_t **buf, size_t *len);

/* Prints every diagnostic to stderr. */
void cli_print_diags(const struct hest_diags *d);

/* A set of output files committed together: each is written to a temporary
 * file beside its destination, and only when all are written are they
 * renamed into place.  On any failure no destination is touched. */
struct cli_output {
	char *path;
	char *tmp;
};

struct cli_outputs {
	const char *prog;
	struct cli_output *v;
	size_t n, cap;
};

void cli_outputs_init(struct cli_outputs *o, const char *prog);
/* Stages `len` bytes for `path`.  Returns 0 or -1 (printed). */
int cli_outputs_add(struct cli_outputs *o, const char *path, const void *data, size_t len);

/* The same in steps, for an output written as it is produced: open makes
 * the temporary file, cli_stream_write (a hest_buf_sink_fn) appends to it,
 * close stages it (keep) or removes it (!keep: the output failed).  A write
 * error is remembered and reported by close.  open and close return 0 or -1
 * (printed). */
struct cli_stream {
	int fd;
	int error; /* errno of the first failed write */
	char *path, *tmp;
};
int cli_outputs_open(struct cli_outputs *o, const char *path, struct cli_stream *st);
bool cli_stream_write(void *ctx, const uint8_t *p, size_t len);
int cli_outputs_close(struct cli_outputs *o, struct cli_stream *st, bool keep);
/* Renames everything into place.  Returns 0 or -1 (printed). */
int cli_outputs_commit(struct cli_outputs *o);
/* Removes staged temporaries and frees. */
void cli_outputs_discard(struct cli_outputs *o);

/* Reports a getopt_long failure (c is ':' for a missing value, '?' else)
 * the same way in every command: "unknown option", "needs a value", "takes
 * no value".  Call with the optstring starting with ':'. */
void cli_option_error(const char *prog, int c, char **argv);

/* Makes `dir` and missing parents.  Returns 0 or -1 (printed). */
int cli_ensure_dir(const char *prog, const char *dir);
char *cli_join(const char *dir, const char *name);
/* The names in DIR (not those starting with '.'), sorted with strcmp so
 * every walk is deterministic: 0 with *names (each and the array malloc'd;
 * cli_free_names) and *n, or -1 with errno set (nothing to free). */
int cli_dir_names(const char *dir, char ***names, size_t *n);
void cli_free_names(char **names, size_t n);

#endif

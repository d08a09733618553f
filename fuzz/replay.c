/* Runs a fuzz target over files, without libFuzzer: `make check` replays
 * the regression inputs (fuzz/regressions/TARGET/) and the seeds with the
 * normal compiler (and its sanitizers under --enable-sanitizers).
 *
 *   replay_TARGET [-v] FILE_OR_DIR...
 *
 * A directory means every regular file in it, in name order.  An input that
 * breaks an invariant aborts (the target's FUZZ_ASSERT) or trips a
 * sanitizer; the exit status is then non-zero.  -v names each input on
 * stderr before running it. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"
#include "../hestc/cli.h"

static bool verbose;
static size_t ran;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: cannot open '%s': %s\n", path, strerror(errno));
		return -1;
	}
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);
	for (;;) {
		if (!buf) {
			fprintf(stderr, "replay: out of memory reading '%s'\n", path);
			fclose(f);
			return -1;
		}
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		cap *= 2;
		uint8_t *nb = realloc(buf, cap);
		if (!nb)
			free(buf);
		buf = nb;
	}
	bool err = ferror(f) != 0;
	fclose(f);
	if (err) {
		fprintf(stderr, "replay: cannot read '%s'\n", path);
		free(buf);
		return -1;
	}
	if (verbose)
		fprintf(stderr, "replay: %s (%zu bytes)\n", path, n);
	/* libFuzzer hands over a buffer of exactly the input's size; so does
	 * this copy, so that a read past the end is caught here too. */
	uint8_t *exact = malloc(n ? n : 1);
	if (!exact) {
		free(buf);
		return -1;
	}
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	ran++;
	return 0;
}

static int run_dir(const char *dir)
{
	char **names;
	size_t n;
	if (cli_dir_names(dir, &names, &n) < 0) {
		fprintf(stderr, "replay: cannot read '%s': %s\n", dir, strerror(errno));
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *path = cli_join(dir, names[i]);
		struct stat st;
		if (!path)
			rc = -1;
		else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && run_file(path) < 0)
			rc = -1;
		free(path);
	}
	cli_free_names(names, n);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (strcmp(argv[i], "-v") == 0) {
			verbose = true;
		} else if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "replay: cannot stat '%s': %s\n", argv[i], strerror(errno));
			rc = 1;
		} else if ((S_ISDIR(st.st_mode) ? run_dir(argv[i]) : run_file(argv[i])) < 0) {
			rc = 1;
		}
	}
	printf("replay: %zu input%s\n", ran, ran == 1 ? "" : "s");
	return rc;
}

/* hestc cper --random: valid, varied blocks and records for testing
 * consumers (hest_cper_random), reproducible from the seed. */
#include "config.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>
#include <hest/desc.h>
#include "cli.h"
#include "hestc.h"

/* "memory,arm" -> a mask of kinds.  0 or -1 (printed). */
int hestc_cper_random_kinds(const char *list, uint32_t *kinds)
{
	*kinds = 0;
	for (const char *p = list; *p;) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		const struct hest_cper_type *t = hest_cper_type_by_key(p, n);
		if (!t) {
			fprintf(stderr, "%s: error: --kind: unknown section type '%.*s' (known:", hestc_prog, (int)n, p);
			for (int k = 0; k < HEST_CPER_NKINDS; k++)
				fprintf(stderr, " %s", hest_cper_type_of((enum hest_cper_kind)k)->key);
			fprintf(stderr, ")\n");
			return -1;
		}
		*kinds |= 1u << t->kind;
		p += n + (end ? 1 : 0);
	}
	if (!*kinds) {
		fprintf(stderr, "%s: error: --kind needs at least one section type\n", hestc_prog);
		return -1;
	}
	return 0;
}

/* One block (count 1: to `out`, a file or "-") or `count` blocks into the
 * directory `out`, named random-SEED.bin so that each one can be made again
 * alone.  All files are committed together, or none. */
int hestc_cper_random(uint64_t seed, uint64_t count, const struct hest_cper_random_options *o, uint64_t block_size,
		      const char *out, bool quiet)
{
	struct cli_outputs outs;
	struct hest_buf bytes;
	int rc = EXIT_OK;
	bool dir = count > 1;
	if (dir && (strcmp(out, "-") == 0)) {
		fprintf(stderr, "%s: error: --count %" PRIu64 " writes files: give a directory with -o\n", hestc_prog,
			count);
		return EXIT_USAGE;
	}
	if (dir && cli_ensure_dir(hestc_prog, out) < 0)
		return EXIT_USAGE;
	cli_outputs_init(&outs, hestc_prog);
	hest_buf_init(&bytes);
	for (uint64_t i = 0; i < count && rc == EXIT_OK; i++) {
		struct hest_cper_block b;
		struct hest_diags d;
		uint64_t s = seed + i;
		hest_diags_init(&d);
		bytes.len = 0;
		if (hest_cper_random(&b, s, o) < 0 || hest_cper_encode(&b, &bytes, NULL, &d) < 0 || bytes.oom) {
			fprintf(stderr, "%s: error: seed %" PRIu64 ": no block fits %" PRIu32 " bytes (or out of memory)\n",
				hestc_prog, s, o->max_bytes);
			rc = EXIT_USAGE;
		} else if (block_size) {
			hest_buf_zeros(&bytes, (size_t)(block_size - bytes.len));
		}
		hest_cper_block_free(&b);
		hest_diags_free(&d);
		if (rc != EXIT_OK)
			break;
		if (!dir && strcmp(out, "-") == 0) {
			if (fwrite(bytes.p, 1, bytes.len, stdout) != bytes.len || fflush(stdout) != 0) {
				fprintf(stderr, "%s: error: cannot write to standard output\n", hestc_prog);
				rc = EXIT_USAGE;
			}
			break;
		}
		char name[48];
		snprintf(name, sizeof(name), "random-%" PRIu64 ".bin", s);
		char *path = dir ? cli_join(out, name) : strdup(out);
		if (!path || cli_outputs_add(&outs, path, bytes.p, bytes.len) < 0)
			rc = EXIT_USAGE;
		free(path);
	}
	if (rc == EXIT_OK && outs.n && cli_outputs_commit(&outs) < 0)
		rc = EXIT_USAGE;
	cli_outputs_discard(&outs);
	hest_buf_free(&bytes);
	if (rc == EXIT_OK && !quiet && strcmp(out, "-") != 0) {
		if (count == 1)
			printf("%s: wrote %s (random, seed %" PRIu64 ")\n", hestc_prog, out, seed);
		else
			printf("%s: wrote %" PRIu64 " random blocks to %s (seeds %" PRIu64 " to %" PRIu64 ")\n", hestc_prog,
			       count, out, seed, seed + count - 1);
	}
	return rc;
}

/* hestc cper: a YAML error description -> Generic Error Status Block bytes
 * (or a CPER record with `form: record`). */
#include "config.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <hest/cper.h>
#include "cli.h"
#include "hestc.h"

static void cper_usage(FILE *f)
{
	fprintf(f, "usage: hestc cper ERROR.yaml [-o BLOCK.bin] [--block-size N] [-q]\n"
		   "       hestc cper --random SEED [--count N] [--kind K,...] [--form FORM]\n"
		   "                  [--block-size N] [-o FILE|DIR] [-q]\n"
		   "       hestc cper --reference\n"
		   "\n"
		   "Builds a Generic Error Status Block (data entries and sections) ready to be\n"
		   "written into a GHES error status block, or a CPER record (form: record).\n"
		   "The description is YAML or JSON (hestval cper --format yaml|json writes one\n"
		   "back from any block, and its whole JSON report is read too).\n"
		   "\n"
		   "  -o, --output FILE    where to write the bytes (default: standard output,\n"
		   "                       unless it is a terminal)\n"
		   "  --block-size N       the error status block length: fail if the block does not\n"
		   "                       fit, pad it with zeros to N bytes otherwise\n"
		   "  -q, --quiet          do not report what was written\n"
		   "  --random SEED        a valid block or record of random content instead of a\n"
		   "                       description; the same seed gives the same bytes\n"
		   "  --count N            N of them, seeds SEED to SEED+N-1, written to the\n"
		   "                       directory -o DIR as random-SEED.bin\n"
		   "  --kind K,...         draw sections only of these types (default: all)\n"
		   "  --form FORM          status-block or record (default: either, at random)\n"
		   "                       (random blocks stay within --block-size, or 4096 bytes)\n"
		   "  --reference          print every key of every section kind (Markdown)\n"
		   "  -h, --help           this text\n"
		   "\n"
		   "Section types: memory memory2 processor-generic ia32x64 arm pcie fw-error-ref raw.\n"
		   "Nothing is written when the description has errors.\n");
}

static int print_reference(void)
{
	struct hest_buf b;
	hest_buf_init(&b);
	int rc = hest_cper_reference_markdown(&b) < 0 || fwrite(b.p, 1, b.len, stdout) != b.len ? EXIT_USAGE : EXIT_OK;
	if (rc != EXIT_OK)
		fprintf(stderr, "%s: error: cannot print the reference\n", hestc_prog);
	hest_buf_free(&b);
	return rc;
}

static int write_output(const char *out, const struct hest_buf *b)
{
	if (strcmp(out, "-") == 0) {
		if (fwrite(b->p, 1, b->len, stdout) != b->len || fflush(stdout) != 0) {
			fprintf(stderr, "%s: error: cannot write to standard output\n", hestc_prog);
			return -1;
		}
		return 0;
	}
	struct cli_outputs o;
	cli_outputs_init(&o, hestc_prog);
	int rc = cli_outputs_add(&o, out, b->p, b->len) < 0 || cli_outputs_commit(&o) < 0 ? -1 : 0;
	cli_outputs_discard(&o);
	return rc;
}

static int build(const char *path, const char *out, uint64_t block_size, bool quiet)
{
	uint8_t *text;
	size_t textlen;
	if (cli_read_file(hestc_prog, path, &text, &textlen) < 0)
		return EXIT_USAGE;
	struct hest_diags d;
	struct hest_cper_block b;
	struct hest_buf bytes;
	hest_diags_init(&d);
	hest_buf_init(&bytes);
	int rc = EXIT_INPUT;
	if (hest_cper_desc_parse(&b, path, text, textlen, &d) == 0 && hest_cper_encode(&b, &bytes, path, &d) == 0) {
		if (block_size && bytes.len > block_size)
			hest_diag_add(&d, HEST_SEV_ERROR, "HEST-CPER-BLOCK-LENGTH", (struct hest_loc){ path, 0, 0, false, 0 },
				      "the %s is %zu bytes; --block-size is %llu", b.form == HEST_CPER_RECORD ? "record" : "block",
				      bytes.len, (unsigned long long)block_size);
		else if (block_size)
			hest_buf_zeros(&bytes, (size_t)(block_size - bytes.len));
		if (!hest_diags_failed(&d) && !bytes.oom)
			rc = write_output(out, &bytes) < 0 ? EXIT_USAGE : EXIT_OK;
	}
	cli_print_diags(&d);
	if (rc == EXIT_OK && !quiet && strcmp(out, "-") != 0)
		printf("%s: wrote %s (%zu bytes, %zu section%s)\n", hestc_prog, out, bytes.len, b.nsec,
		       b.nsec == 1 ? "" : "s");
	hest_cper_block_free(&b);
	hest_buf_free(&bytes);
	hest_diags_free(&d);
	free(text);
	return rc;
}

int hestc_cmd_cper(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "block-size", required_argument, NULL, 'b' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "reference", no_argument, NULL, 'r' },
		{ "random", required_argument, NULL, 'R' },
		{ "count", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "form", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = "-", *why;
	uint64_t block_size = 0, seed = 0, count = 1;
	bool quiet = false, random = false, count_given = false, kind_given = false, form_given = false;
	struct hest_cper_random_options ro = { -1, 0, 0, 0 };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'b':
			if (hest_parse_uint(optarg, strlen(optarg), &block_size, &why) < 0 || !block_size ||
			    block_size > UINT32_MAX) {
				(void)why;
				fprintf(stderr, "%s: error: --block-size '%s': expected a size from 1 byte to 4 GiB\n",
					hestc_prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case 'q':
			quiet = true;
			break;
		case 'r':
			return print_reference();
		case 'R':
			if (hest_parse_uint(optarg, strlen(optarg), &seed, &why) < 0) {
				fprintf(stderr, "%s: error: --random '%s': expected a seed (an integer): %s\n", hestc_prog,
					optarg, why);
				return EXIT_USAGE;
			}
			random = true;
			break;
		case 'n':
			if (hest_parse_uint(optarg, strlen(optarg), &count, &why) < 0 || !count || count > 1000000) {
				fprintf(stderr, "%s: error: --count '%s': expected 1 to 1000000\n", hestc_prog, optarg);
				return EXIT_USAGE;
			}
			count_given = true;
			break;
		case 'k':
			if (hestc_cper_random_kinds(optarg, &ro.kinds) < 0)
				return EXIT_USAGE;
			kind_given = true;
			break;
		case 'F':
			if (strcmp(optarg, "status-block") == 0)
				ro.form = HEST_CPER_STATUS_BLOCK;
			else if (strcmp(optarg, "record") == 0)
				ro.form = HEST_CPER_RECORD;
			else {
				fprintf(stderr, "%s: error: --form takes status-block or record, not '%s'\n", hestc_prog,
					optarg);
				return EXIT_USAGE;
			}
			form_given = true;
			break;
		case 'h':
			cper_usage(stdout);
			return EXIT_OK;
		default:
			cper_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!random && (count_given || kind_given || form_given)) {
		fprintf(stderr, "%s: error: --count, --kind and --form go with --random\n", hestc_prog);
		return EXIT_USAGE;
	}
	if (random && optind != argc) {
		fprintf(stderr, "%s: error: --random takes no description\n", hestc_prog);
		return EXIT_USAGE;
	}
	if (random && strcmp(out, "-") == 0 && count == 1 && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s: error: not writing binary data to a terminal; use -o FILE\n", hestc_prog);
		return EXIT_USAGE;
	}
	if (random) {
		ro.max_bytes = block_size ? (uint32_t)block_size : 0;
		return hestc_cper_random(seed, count, &ro, block_size, out, quiet);
	}
	if (optind != argc - 1) {
		fprintf(stderr, "%s: error: cper takes exactly one error description\n", hestc_prog);
		cper_usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(out, "-") == 0 && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s: error: not writing binary data to a terminal; use -o FILE\n", hestc_prog);
		return EXIT_USAGE;
	}
	return build(argv[optind], out, block_size, quiet);
}

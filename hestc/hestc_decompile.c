/* hestc decompile */
#include "config.h"
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <hest/decode.h>
#include <hest/decompile.h>
#include "cli.h"
#include "hestc.h"

static void decompile_usage(FILE *f)
{
	fprintf(f, "usage: hestc decompile TABLE [-o DESC.yaml] [--region FILE] [--no-offsets] [-q]\n"
		   "\n"
		   "TABLE is a raw HEST, BERT or EINJ, or acpidump text or a UEFI Shell acpiview\n"
		   "dump (the HEST is found among the tables).\n"
		   "Writes a description that 'hestc compile' turns back into the same bytes.\n"
		   "\n"
		   "  -o, --output FILE  write the description to FILE (default: standard output)\n"
		   "  --region FILE      a BERT's boot error region: kept as 'region:' bytes\n"
		   "  --no-offsets       no '# 0x...' comments with each value's table offset\n"
		   "  -q, --quiet        do not report what is kept through explicit keys\n"
		   "  -h, --help         this text\n"
		   "\n"
		   "Whatever a canonical description cannot say (non-zero reserved bytes, unknown\n"
		   "flag bits, a count, length or checksum that disagrees with the table, bytes\n"
		   "that are not a structure, bytes after the table's end) is kept through an\n"
		   "explicit key and reported on standard error as a warning.\n");
}

/* The HEST bytes of a file: the file itself, or the HEST of acpidump text.
 * `label` names it in messages.  Returns 0, or -1 (printed). */
static int read_table(const char *path, uint8_t **bytes, size_t *len, char **label, struct hest_diags *d)
{
	uint8_t *buf;
	size_t n;
	if (cli_read_file(hestc_prog, path, &buf, &n) < 0)
		return -1;
	/* Text first: `acpidump -n HEST` output starts with "HEST @ 0x...". */
	if (hest_dump_is_text(buf, n)) {
		struct hest_dump dump;
		int rc = hest_dump_parse(buf, n, path, &dump, d);
		free(buf);
		const struct hest_dump_table *h = rc == 0 ? hest_dump_find(&dump, "HEST") : NULL;
		/* without a HEST, a BERT or EINJ (the first found) */
		if (rc == 0 && !h && !(h = hest_dump_find(&dump, "BERT")) && !(h = hest_dump_find(&dump, "EINJ")))
			h = hest_dump_find(&dump, "ERST");
		if (!h) {
			cli_print_diags(d);
			if (rc == 0)
				fprintf(stderr, "%s: error: '%s': no HEST among its %zu table%s\n", hestc_prog, path, dump.n,
					dump.n == 1 ? "" : "s");
			hest_dump_free(&dump);
			return -1;
		}
		size_t ln = strlen(path) + 32;
		*bytes = malloc(h->len ? h->len : 1);
		*label = malloc(ln);
		if (!*bytes || !*label) {
			fprintf(stderr, "%s: error: out of memory\n", hestc_prog);
			free(*bytes);
			free(*label);
			hest_dump_free(&dump);
			return -1;
		}
		memcpy(*bytes, h->data, h->len);
		*len = h->len;
		snprintf(*label, ln, "%s:%" PRIu32 "[%s]", path, h->line, h->sig);
		hest_dump_free(&dump);
		return 0;
	}
	*bytes = buf;
	*len = n;
	*label = strdup(path);
	if (!*label) {
		fprintf(stderr, "%s: error: out of memory\n", hestc_prog);
		free(buf);
		return -1;
	}
	return 0;
}

int hestc_cmd_decompile(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "no-offsets", no_argument, NULL, 'n' },
		{ "region", required_argument, NULL, 'r' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL, *region_path = NULL;
	bool quiet = false, offsets = true;
	int c;
	optind = 1;
	opterr = 0; /* getopt would name the program after argv[0], "decompile" */
	while ((c = getopt_long(argc, argv, ":o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'n':
			offsets = false;
			break;
		case 'r':
			region_path = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			decompile_usage(stdout);
			return EXIT_OK;
		default: /* ':' or '?' */
			cli_option_error(hestc_prog, c, argv);
			decompile_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "%s: error: decompile takes exactly one table\n", hestc_prog);
		decompile_usage(stderr);
		return EXIT_USAGE;
	}
	const char *path = argv[optind];
	struct hest_diags d;
	hest_diags_init(&d);
	uint8_t *table;
	size_t len;
	char *label;
	if (read_table(path, &table, &len, &label, &d) < 0) {
		hest_diags_free(&d);
		return EXIT_USAGE;
	}
	uint8_t *region = NULL;
	size_t rlen = 0;
	if (region_path && cli_read_file(hestc_prog, region_path, &region, &rlen) < 0) {
		free(table);
		free(label);
		hest_diags_free(&d);
		return EXIT_USAGE;
	}
	const char *base = strrchr(path, '/');
	struct hest_yaml_options o = { base ? base + 1 : path, offsets };
	struct hest_buf out;
	hest_buf_init(&out);
	int rc = EXIT_OK;
	if (hest_decompile_region(table, len, label, region, rlen, &o, &out, &d) < 0) {
		rc = EXIT_INPUT;
	} else if (output) {
		struct cli_outputs w;
		cli_outputs_init(&w, hestc_prog);
		if (cli_outputs_add(&w, output, out.p, out.len) < 0 || cli_outputs_commit(&w) < 0)
			rc = EXIT_USAGE;
		cli_outputs_discard(&w);
	} else if (fwrite(out.p, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		fprintf(stderr, "%s: error: cannot write the description to standard output\n", hestc_prog);
		rc = EXIT_USAGE;
	}
	if (!quiet || rc != EXIT_OK) {
		if (quiet) { /* errors only */
			for (size_t i = 0; i < d.n; i++)
				if (d.v[i].severity == HEST_SEV_ERROR) {
					char *s = hest_diag_format(&d.v[i]);
					if (s)
						fprintf(stderr, "%s\n", s);
					free(s);
				}
		} else {
			cli_print_diags(&d);
		}
	}
	hest_buf_free(&out);
	hest_diags_free(&d);
	free(table);
	free(region);
	free(label);
	return rc;
}

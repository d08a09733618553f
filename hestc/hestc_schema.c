/* hestc schema: the description format, generated from the field tables. */
#include "config.h"
#include <getopt.h>
#include <string.h>
#include <hest/schema.h>
#include "cli.h"
#include "hestc.h"

static void schema_usage(FILE *f)
{
	fprintf(f, "usage: hestc schema [--format json|markdown]\n"
		   "\n"
		   "Print the description format, generated from the same tables the compiler uses:\n"
		   "  json      JSON Schema (draft 2020-12) for editors (default;\n"
		   "            schemas/hest-description.schema.json is this output)\n"
		   "  markdown  the key reference of docs/description-format.md\n");
}

int hestc_cmd_schema(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool markdown = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			schema_usage(stdout);
			return EXIT_OK;
		}
		if (c == 'f' && (strcmp(optarg, "json") == 0 || strcmp(optarg, "markdown") == 0)) {
			markdown = optarg[0] == 'm';
			continue;
		}
		if (c == 'f')
			fprintf(stderr, "%s: error: unknown --format '%s' (json, markdown)\n", hestc_prog, optarg);
		schema_usage(stderr);
		return EXIT_USAGE;
	}
	if (optind != argc) {
		fprintf(stderr, "%s: error: schema takes no file arguments\n", hestc_prog);
		return EXIT_USAGE;
	}
	struct hest_buf b;
	hest_buf_init(&b);
	bool ok = markdown ? hest_reference_markdown(&b) : hest_schema_json(&b);
	if (!ok || fwrite(b.p, 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
		fprintf(stderr, "%s: error: cannot write the schema\n", hestc_prog);
		hest_buf_free(&b);
		return EXIT_USAGE;
	}
	hest_buf_free(&b);
	return EXIT_OK;
}

/* hestc schema: the description format, generated from the field tables. */
#include "config.h"
#include <getopt.h>
#include <string.h>
#include <hest/schema.h>
#include <hest/profile.h>
#include "cli.h"
#include "hestc.h"

static void schema_usage(FILE *f)
{
	fprintf(f, "usage: hestc schema [--format json|markdown|profiles|profiles-roff]\n"
		   "\n"
		   "Print the description format, generated from the same tables the compiler uses:\n"
		   "  json      JSON Schema (draft 2020-12) for editors (default;\n"
		   "            schemas/hest-description.schema.json is this output)\n"
		   "  markdown  the key reference of docs/description-format.md\n"
		   "  profiles  the placement profiles, as docs/placement.md lists them\n"
		   "  profiles-roff  the same for hestc(1)\n");
}

int hestc_cmd_schema(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum { JSON, MARKDOWN, PROFILES, PROFILES_ROFF } format = JSON;
	static const char *const names[] = { "json", "markdown", "profiles", "profiles-roff" };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			schema_usage(stdout);
			return EXIT_OK;
		}
		if (c == 'f') {
			size_t i = 0;
			while (i < sizeof(names) / sizeof(names[0]) && strcmp(optarg, names[i]) != 0)
				i++;
			if (i < sizeof(names) / sizeof(names[0])) {
				format = i;
				continue;
			}
			fprintf(stderr, "%s: error: unknown --format '%s' (json, markdown, profiles, profiles-roff)\n",
				hestc_prog, optarg);
		}
		schema_usage(stderr);
		return EXIT_USAGE;
	}
	if (optind != argc) {
		fprintf(stderr, "%s: error: schema takes no file arguments\n", hestc_prog);
		return EXIT_USAGE;
	}
	struct hest_buf b;
	hest_buf_init(&b);
	bool ok = format == MARKDOWN ? hest_reference_markdown(&b) :
		  format == PROFILES	? hest_profiles_markdown(&b) :
		  format == PROFILES_ROFF ? hest_profiles_roff(&b) :
					    hest_schema_json(&b);
	if (!ok || fwrite(b.p, 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
		fprintf(stderr, "%s: error: cannot write the schema\n", hestc_prog);
		hest_buf_free(&b);
		return EXIT_USAGE;
	}
	hest_buf_free(&b);
	return EXIT_OK;
}

/* hestc: compile HEST descriptions.  Argument parsing and printing only. */
#include "config.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <hest/hest.h>
#include "cli.h"

static const char *const prog = "hestc";

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hestc compile DESC.yaml [-o OUTDIR] [--emit KINDS] [-q]\n"
		"       hestc --help | --version\n"
		"\n"
		"Compile a YAML description of hardware error sources into an ACPI HEST.\n"
		"\n"
		"commands:\n"
		"  compile    DESC.yaml -> OUTDIR/hest.aml (and more with --emit)\n"
		"\n"
		"Run 'hestc COMMAND --help' for a command's options.  Exit status: 0 success,\n"
		"1 the input has errors, 2 usage or I/O error.\n");
}

static void compile_usage(FILE *f)
{
	fprintf(f,
		"usage: hestc compile DESC.yaml [-o OUTDIR] [--emit KINDS] [-q]\n"
		"\n"
		"  -o, --output OUTDIR  directory for the outputs (default: .; created if missing)\n"
		"  --emit KINDS         comma list of: hest (OUTDIR/hest.aml, the default), all\n"
		"  -q, --quiet          do not list the files written\n"
		"  -h, --help           this text\n"
		"\n"
		"Nothing is written when the description has errors; outputs are replaced\n"
		"atomically, so an existing file is either the old or the new one.\n");
}

enum emit_kind { EMIT_HEST = 1u << 0 };

static const struct {
	const char *name;
	unsigned bits;
} emit_kinds[] = {
	{ "hest", EMIT_HEST },
	{ "all", EMIT_HEST },
};

static int parse_emit(const char *arg, unsigned *kinds)
{
	char *copy = strdup(arg);
	if (!copy)
		return -1;
	int rc = 0;
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool found = false;
		for (size_t i = 0; i < sizeof(emit_kinds) / sizeof(emit_kinds[0]); i++)
			if (strcmp(tok, emit_kinds[i].name) == 0) {
				*kinds |= emit_kinds[i].bits;
				found = true;
			}
		if (!found) {
			fprintf(stderr, "%s: error: unknown --emit kind '%s' (known: hest, all)\n", prog, tok);
			rc = -1;
		}
	}
	free(copy);
	return rc;
}

static int cmd_compile(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "emit", required_argument, NULL, 'e' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *outdir = ".";
	unsigned kinds = 0;
	bool quiet = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'e':
			if (parse_emit(optarg, &kinds) < 0)
				return EXIT_USAGE;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			compile_usage(stdout);
			return EXIT_OK;
		default:
			compile_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "%s: error: compile takes exactly one description file\n", prog);
		compile_usage(stderr);
		return EXIT_USAGE;
	}
	if (!kinds)
		kinds = EMIT_HEST;
	const char *path = argv[optind];

	uint8_t *text;
	size_t textlen;
	if (cli_read_file(prog, path, &text, &textlen) < 0)
		return EXIT_USAGE;

	struct hest_model m;
	struct hest_diags d;
	hest_diags_init(&d);
	if (hest_model_init(&m) < 0) {
		fprintf(stderr, "%s: error: out of memory\n", prog);
		free(text);
		return EXIT_USAGE;
	}
	uint8_t *table = NULL;
	size_t tablelen = 0;
	int rc = EXIT_INPUT;
	if (hest_desc_parse(&m, path, text, textlen, &d) == 0 && hest_encode_table(&m, &table, &tablelen, &d) == 0 &&
	    !hest_diags_failed(&d))
		rc = EXIT_OK;
	cli_print_diags(&d);

	if (rc == EXIT_OK) {
		struct cli_outputs out;
		cli_outputs_init(&out, prog);
		char *hest_path = cli_join(outdir, "hest.aml");
		if (!hest_path || cli_ensure_dir(prog, outdir) < 0 ||
		    ((kinds & EMIT_HEST) && cli_outputs_add(&out, hest_path, table, tablelen) < 0) ||
		    cli_outputs_commit(&out) < 0)
			rc = EXIT_USAGE;
		if (rc == EXIT_OK && !quiet)
			for (size_t i = 0; i < out.n; i++)
				printf("%s: wrote %s\n", prog, out.v[i].path);
		if (rc == EXIT_OK && !quiet)
			printf("%s: HEST %zu bytes, %zu error source%s\n", prog, tablelen, m.nsrc,
			       m.nsrc == 1 ? "" : "s");
		cli_outputs_discard(&out);
		free(hest_path);
	}
	free(table);
	hest_model_free(&m);
	hest_diags_free(&d);
	free(text);
	return rc;
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
	if (strcmp(cmd, "compile") == 0)
		return cmd_compile(argc - 1, argv + 1);
	fprintf(stderr, "%s: error: unknown command '%s'\n", prog, cmd);
	usage(stderr);
	return EXIT_USAGE;
}

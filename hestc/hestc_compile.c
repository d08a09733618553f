/* hestc compile */
#include "config.h"
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <hest/layout.h>
#include "cli.h"
#include "hestc.h"

#define MAX_KINDS 32

static void compile_usage(FILE *f)
{
	size_t n;
	const struct emitter *e = hestc_emitters(&n);
	fprintf(f, "usage: hestc compile DESC.yaml [-o OUTDIR] [--emit KINDS] [-q]\n"
		   "\n"
		   "  -o, --output OUTDIR  directory for the outputs (default: .; created if missing)\n"
		   "  --emit KINDS         comma list of output kinds, or 'all':\n");
	for (size_t i = 0; i < n; i++)
		fprintf(f, "                         %-8s %-22s %s\n", (i && strcmp(e[i].kind, e[i - 1].kind) == 0)
			? "" : e[i].kind, e[i].file, e[i].doc);
	fprintf(f, "  -q, --quiet          do not list the files written\n"
		   "  -h, --help           this text\n"
		   "\n"
		   "Nothing is written when the description has errors; outputs are replaced\n"
		   "atomically, so an existing file is either the old or the new one.\n");
}

/* Marks the emitter rows selected by a comma list ("all" marks every row;
 * select_applicable() drops the ones that do not apply).  Returns 0 or -1. */
static int parse_emit(const char *arg, bool *want, bool *named, size_t n, const struct emitter *e)
{
	char *copy = strdup(arg);
	if (!copy)
		return -1;
	int rc = 0;
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool found = false;
		for (size_t i = 0; i < n; i++)
			if (strcmp(tok, "all") == 0 || strcmp(tok, e[i].kind) == 0) {
				want[i] = true;
				named[i] |= strcmp(tok, "all") != 0;
				found = true;
			}
		if (!found) {
			fprintf(stderr, "%s: error: unknown --emit kind '%s' (known:", hestc_prog, tok);
			for (size_t i = 0; i < n; i++)
				if (!i || strcmp(e[i].kind, e[i - 1].kind) != 0)
					fprintf(stderr, " %s", e[i].kind);
			fprintf(stderr, ", all)\n");
			rc = -1;
		}
	}
	free(copy);
	return rc;
}

/* Drops rows that do not apply to this model; a row named explicitly that
 * does not apply is an error.  Returns 0 or -1. */
static int select_applicable(const struct hest_model *m, bool *want, const bool *named, size_t n,
			     const struct emitter *e)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const char *why = want[i] && e[i].not_applicable ? e[i].not_applicable(m) : NULL;
		if (!why)
			continue;
		want[i] = false;
		if (!named[i])
			continue;
		bool any = false; /* another row of the same kind applies */
		for (size_t j = 0; j < n; j++)
			if (j != i && strcmp(e[j].kind, e[i].kind) == 0 && (!e[j].not_applicable || !e[j].not_applicable(m)))
				any = true;
		if (!any && (i == 0 || strcmp(e[i].kind, e[i - 1].kind) != 0)) {
			fprintf(stderr, "%s: error: --emit %s %s\n", hestc_prog, e[i].kind, why);
			rc = -1;
		}
	}
	return rc;
}

static int write_outputs(const struct emit_ctx *c, const char *outdir, const bool *want, size_t n,
			 const struct emitter *e, bool quiet)
{
	struct cli_outputs out;
	cli_outputs_init(&out, hestc_prog);
	int rc = EXIT_OK;
	for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
		if (!want[i])
			continue;
		/* written to its temporary file as it is produced (the largest
		 * outputs need not fit in memory) */
		struct emit_result r;
		struct cli_stream st;
		char *path = cli_join(outdir, e[i].file);
		if (!path) {
			fprintf(stderr, "%s: error: out of memory producing %s\n", hestc_prog, e[i].file);
			rc = EXIT_USAGE;
			break;
		}
		if (cli_outputs_open(&out, path, &st) < 0) {
			free(path);
			rc = EXIT_USAGE;
			break;
		}
		bool ok = hestc_emit(&e[i], c, cli_stream_write, &st, &r) == 0 && !r.buf.oom;
		if (!ok && !r.buf.sink_failed) {
			rc = hest_diags_failed(c->d) ? EXIT_INPUT : EXIT_USAGE;
			if (r.buf.oom)
				fprintf(stderr, "%s: error: out of memory producing %s\n", hestc_prog, e[i].file);
		}
		/* a refused write is kept for close to report (and remove) */
		if (cli_outputs_close(&out, &st, ok || r.buf.sink_failed) < 0 && rc == EXIT_OK)
			rc = EXIT_USAGE;
		free(path);
		hest_buf_free(&r.buf);
	}
	cli_print_diags(c->d);
	if (rc == EXIT_OK && cli_outputs_commit(&out) < 0)
		rc = EXIT_USAGE;
	if (rc == EXIT_OK && !quiet)
		for (size_t i = 0; i < out.n; i++)
			printf("%s: wrote %s\n", hestc_prog, out.v[i].path);
	cli_outputs_discard(&out);
	return rc;
}

/* --emit against the BERT/EINJ rows: a kind they do not have is an error
 * (the HEST-only outputs do not exist for these tables). */
static int parse_apei_emit(const char *arg, bool *want, bool *named, size_t n, const struct emitter *e)
{
	char *copy = strdup(arg);
	if (!copy)
		return -1;
	int rc = 0;
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool found = strcmp(tok, "hest") == 0; /* the table: always written */
		for (size_t i = 0; i < n; i++)
			if (strcmp(tok, "all") == 0 || strcmp(tok, e[i].kind) == 0) {
				want[i] = true;
				named[i] |= strcmp(tok, "all") != 0;
				found = true;
			}
		if (!found) {
			fprintf(stderr, "%s: error: --emit %s applies to a HEST only (BERT/EINJ outputs: table, dsl, "
					"loader, blobs, all)\n", hestc_prog, tok);
			rc = -1;
		}
	}
	free(copy);
	return rc;
}

int hestc_cmd_compile(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "emit", required_argument, NULL, 'e' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	size_t ne;
	const struct emitter *e = hestc_emitters(&ne);
	bool want[MAX_KINDS] = { false }, named[MAX_KINDS] = { false };
	const char *outdir = ".";
	bool quiet = false;
	const char *emit_arg = NULL; /* re-read against the BERT/EINJ rows */
	int c;
	optind = 1;
	opterr = 0; /* getopt would name the program after argv[0], "compile" */
	while ((c = getopt_long(argc, argv, ":o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'e':
			emit_arg = optarg;
			if (parse_emit(optarg, want, named, ne, e) < 0)
				return EXIT_USAGE;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			compile_usage(stdout);
			return EXIT_OK;
		default: /* ':' or '?' */
			cli_option_error(hestc_prog, c, argv);
			compile_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "%s: error: compile takes exactly one description file\n", hestc_prog);
		compile_usage(stderr);
		return EXIT_USAGE;
	}
	want[0] = true; /* hest.aml is always written */
	const char *path = argv[optind];

	uint8_t *text;
	size_t textlen;
	if (cli_read_file(hestc_prog, path, &text, &textlen) < 0)
		return EXIT_USAGE;
	struct hest_model m;
	struct hest_diags d;
	hest_diags_init(&d);
	if (hest_model_init(&m) < 0) {
		fprintf(stderr, "%s: error: out of memory\n", hestc_prog);
		free(text);
		return EXIT_USAGE;
	}
	uint8_t *table = NULL;
	size_t tablelen = 0;
	int rc;
	if (hest_desc_parse(&m, path, text, textlen, &d) == 0 && hest_compile(&m, &d) == 0 &&
	    hest_encode_laid_out(&m, &table, &tablelen, &d) == 0 && !hest_diags_failed(&d)) {
		struct emit_ctx ctx = { &m, table, tablelen, &d, path };
		if (m.kind != HEST_TABLE_HEST) {
			e = hestc_apei_emitters(&ne);
			memset(want, 0, sizeof(want));
			memset(named, 0, sizeof(named));
			want[0] = want[1] = want[2] = true; /* the table is always written */
			if (emit_arg && parse_apei_emit(emit_arg, want, named, ne, e) < 0)
				e = NULL;
		}
		if (!e) {
			cli_print_diags(&d);
			rc = EXIT_USAGE;
		} else if (select_applicable(&m, want, named, ne, e) < 0) {
			cli_print_diags(&d);
			rc = EXIT_USAGE;
		} else if (cli_ensure_dir(hestc_prog, outdir) < 0) {
			cli_print_diags(&d);
			rc = EXIT_USAGE;
		} else {
			rc = write_outputs(&ctx, outdir, want, ne, e, quiet);
		}
		if (rc == EXIT_OK && !quiet && m.kind == HEST_TABLE_HEST)
			printf("%s: HEST %zu bytes, %zu error source%s\n", hestc_prog, tablelen, m.nsrc,
			       m.nsrc == 1 ? "" : "s");
		else if (rc == EXIT_OK && !quiet && m.kind != HEST_TABLE_BERT)
			printf("%s: %s %zu bytes, %zu entr%s\n", hestc_prog, hest_table_desc_of(m.kind)->signature, tablelen,
			       m.nsrc, m.nsrc == 1 ? "y" : "ies");
		else if (rc == EXIT_OK && !quiet)
			printf("%s: BERT %zu bytes, boot error region %" PRIu64 " bytes\n", hestc_prog, tablelen,
			       hest_bert_region_size(&m));
	} else {
		cli_print_diags(&d);
		rc = EXIT_INPUT;
	}
	free(table);
	hest_model_free(&m);
	hest_diags_free(&d);
	free(text);
	return rc;
}

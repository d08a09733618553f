/* hestval cper: decode an error status block (or CPER record), list every
 * field by name, and check it (rule ids HEST-CPER-*). */
#include "config.h"
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>
#include <hest/desc.h>
#include <hest/validate.h>
#include "cli.h"
#include "hestval.h"

static void cper_usage(FILE *f)
{
	fprintf(f, "usage: hestval cper BLOCK.bin [--format text|json|yaml] [--block-size N]\n"
		   "                    [--form auto|status-block|record] [-W RULE] [-E RULE] [-w RULE]\n"
		   "                    [--werror]\n"
		   "\n"
		   "Decodes a Generic Error Status Block (or a CPER record, found by its \"CPER\"\n"
		   "signature), lists every field by name and checks it against ACPI 6.5, UEFI 2.10\n"
		   "and what Linux accepts.  Trailing bytes after the block (a dumped error status\n"
		   "block) are ignored.\n"
		   "\n"
		   "  --format FORMAT      text: the listing and diagnostics (default); json: one\n"
		   "                       object with the listing (block), the description that\n"
		   "                       builds the same bytes (record: hestc cper reads the\n"
		   "                       whole object back) and the diagnostics; yaml: that\n"
		   "                       description as YAML (diagnostics on stderr)\n"
		   "  --block-size N       the error status block length the block must fit\n"
		   "  --form FORM          do not guess the container\n"
		   "  -W/-E/-w RULE        report RULE (an id or a prefix ending in '*') as a warning,\n"
		   "                       an error, or not at all (as hestval validate does)\n"
		   "  --werror             warnings make the exit status 1\n"
		   "  -h, --help           this text\n");
}

static void json_diags(struct hest_buf *b, const struct hest_diags *d)
{
	hest_buf_append(b, "[", 1);
	for (size_t i = 0; i < d->n; i++) {
		const struct hest_diag *g = &d->v[i];
		hest_buf_printf(b, "%s{\"severity\":\"%s\",\"rule\":", i ? "," : "", hest_severity_name(g->severity));
		if (g->rule)
			hest_buf_json_cstr(b, g->rule);
		else
			hest_buf_append(b, "null", 4);
		if (g->loc.has_offset)
			hest_buf_printf(b, ",\"offset\":%" PRIu64, g->loc.offset);
		hest_buf_append(b, ",\"message\":", 11);
		hest_buf_json_cstr(b, g->message);
		hest_buf_append(b, "}", 1);
	}
	hest_buf_append(b, "]", 1);
}

#define MAX_SETTINGS 64

struct settings {
	struct hest_rule_setting v[MAX_SETTINGS];
	size_t n;
	bool werror;
};

/* Diagnostics with the -W/-E/-w/--werror severities (silenced ones dropped). */
static void apply_settings(const struct hest_diags *in, const struct settings *st, struct hest_diags *out)
{
	for (size_t i = 0; i < in->n; i++) {
		const struct hest_diag *g = &in->v[i];
		enum hest_severity sev = g->severity;
		if (g->rule && !hest_rule_effective(g->rule, st->v, st->n, st->werror, &sev))
			continue;
		hest_diag_add(out, sev, g->rule, g->loc, "%s", g->message);
	}
	out->oom |= in->oom;
}

static int exit_status(const struct hest_diags *d, bool werror)
{
	return hest_diags_failed(d) || (werror && d->warnings) ? EXIT_INPUT : EXIT_OK;
}

enum format { FMT_TEXT, FMT_JSON, FMT_YAML };

static int validate(const char *path, enum format fmt, uint64_t block_size, int form, const struct settings *st)
{
	bool werror = st->werror, json = fmt == FMT_JSON;
	uint8_t *buf;
	size_t len;
	if (cli_read_file(hestval_prog, path, &buf, &len) < 0)
		return EXIT_USAGE;
	struct hest_diags raw, d;
	struct hest_cper_block b;
	struct hest_buf out;
	hest_diags_init(&raw);
	hest_diags_init(&d);
	hest_buf_init(&out);
	bool decoded = hest_cper_decode(&b, buf, len, form, path, &raw) == 0;
	if (decoded)
		hest_cper_check(&b, block_size, path, &raw);
	apply_settings(&raw, st, &d);
	if (json) {
		hest_buf_append(&out, "{\"file\":", 8);
		hest_buf_json_cstr(&out, path);
		hest_buf_append(&out, ",\"record\":", 10);
		if (!decoded || hest_cper_format_desc(&b, HEST_CPER_DESC_COMPACT, &out, path, &d) < 0)
			hest_buf_append(&out, "null", 4);
		hest_buf_append(&out, ",\"block\":", 9);
		if (!decoded || hest_cper_format_json(&b, &out) < 0)
			hest_buf_append(&out, "null", 4);
		hest_buf_printf(&out, ",\"errors\":%zu,\"warnings\":%zu,\"diagnostics\":", d.errors, d.warnings);
		json_diags(&out, &d);
		hest_buf_append(&out, "}\n", 2);
	} else if (decoded && fmt == FMT_YAML) {
		hest_cper_format_desc(&b, 0, &out, path, &d);
	} else if (decoded) {
		hest_cper_format_text(&b, &out);
	}
	int rc = exit_status(&d, werror);
	if (out.oom) {
		fprintf(stderr, "%s: error: out of memory\n", hestval_prog);
		rc = EXIT_USAGE;
	} else if (out.len) {
		fwrite(out.p, 1, out.len, stdout);
	}
	if (!json)
		cli_print_diags(&d);
	hest_cper_block_free(&b);
	hest_buf_free(&out);
	hest_diags_free(&raw);
	hest_diags_free(&d);
	free(buf);
	return rc;
}

int hestval_cmd_cper(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "block-size", required_argument, NULL, 'b' },
		{ "form", required_argument, NULL, 'F' },
		{ "werror", no_argument, NULL, 'X' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum format fmt = FMT_TEXT;
	struct settings st = { .n = 0, .werror = false };
	uint64_t block_size = 0;
	int form = -1, c;
	const char *why;
	optind = 1;
	while ((c = getopt_long(argc, argv, "W:E:w:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				fmt = FMT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				fmt = FMT_JSON;
			else if (strcmp(optarg, "yaml") == 0)
				fmt = FMT_YAML;
			else {
				fprintf(stderr, "%s: error: --format takes text, json or yaml, not '%s'\n", hestval_prog,
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'b':
			if (hest_parse_uint(optarg, strlen(optarg), &block_size, &why) < 0 || !block_size) {
				fprintf(stderr, "%s: error: --block-size '%s': expected a positive size\n", hestval_prog,
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'F':
			if (strcmp(optarg, "auto") == 0)
				form = -1;
			else if (strcmp(optarg, "status-block") == 0)
				form = HEST_CPER_STATUS_BLOCK;
			else if (strcmp(optarg, "record") == 0)
				form = HEST_CPER_RECORD;
			else {
				fprintf(stderr, "%s: error: --form takes auto, status-block or record, not '%s'\n",
					hestval_prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case 'X':
			st.werror = true;
			break;
		case 'W':
		case 'E':
		case 'w':
			if (!hest_rule_pattern_valid(optarg) || st.n == MAX_SETTINGS) {
				fprintf(stderr, "%s: error: %s '%s' (see 'hestval rules')\n", hestval_prog,
					st.n == MAX_SETTINGS ? "too many rule settings at" : "no rule matches", optarg);
				return EXIT_USAGE;
			}
			st.v[st.n++] = (struct hest_rule_setting){ optarg, c == 'W' ? HEST_RULE_WARNING
									 : c == 'E' ? HEST_RULE_ERROR : HEST_RULE_OFF };
			break;
		case 'h':
			cper_usage(stdout);
			return EXIT_OK;
		default:
			cper_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "%s: error: cper takes exactly one block file\n", hestval_prog);
		cper_usage(stderr);
		return EXIT_USAGE;
	}
	return validate(argv[optind], fmt, block_size, form, &st);
}

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
	fprintf(f, "usage: hestval cper BLOCK [--format text|json|yaml] [--block-size N]\n"
		   "                    [--input auto|binary|qmp|base64]\n"
		   "                    [--form auto|status-block|record] [-W RULE] [-E RULE] [-w RULE]\n"
		   "                    [--werror]\n"
		   "\n"
		   "Decodes a Generic Error Status Block (or a CPER record, found by its \"CPER\"\n"
		   "signature), lists every field by name and checks it against ACPI 6.5, UEFI 2.10\n"
		   "and what Linux accepts.  Trailing bytes after the block (a dumped error status\n"
		   "block) are ignored.  BLOCK may also be QEMU's QMP inject-ghes-v2-error command\n"
		   "(hestc cper --format qmp) or bare base64: the block it carries is decoded.\n"
		   "\n"
		   "  --format FORMAT      text: the listing and diagnostics (default); json: one\n"
		   "                       object with the listing (block), the description that\n"
		   "                       builds the same bytes (record: hestc cper reads the\n"
		   "                       whole object back) and the diagnostics; yaml: that\n"
		   "                       description as YAML (diagnostics on stderr)\n"
		   "  --input KIND         what BLOCK holds: auto (default: a QMP command when it is\n"
		   "                       text starting with '{', base64 when it is only base64\n"
		   "                       characters, else binary), binary, qmp or base64\n"
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

static const char *const input_names[] = { "binary", "qmp", "base64" };

enum format { FMT_TEXT, FMT_JSON, FMT_YAML };

/* -1 when b encodes to the first bytes of buf (a dumped error status block
 * may have more after it), else the first offset that differs. */
static long long first_difference(const struct hest_cper_block *b, const uint8_t *buf, size_t len)
{
	struct hest_buf enc;
	struct hest_diags d;
	hest_buf_init(&enc);
	hest_diags_init(&d);
	long long at = -1;
	if (hest_cper_encode(b, &enc, NULL, &d) < 0 || enc.oom) {
		at = 0;
	} else {
		size_t n = enc.len < len ? enc.len : len;
		for (size_t i = 0; i < n && at < 0; i++)
			if (enc.p[i] != buf[i])
				at = (long long)i;
		if (at < 0 && enc.len > len)
			at = (long long)len;
	}
	hest_buf_free(&enc);
	hest_diags_free(&d);
	return at;
}

static int validate(const char *path, enum format fmt, uint64_t block_size, int form, int input,
		    const struct settings *st)
{
	bool werror = st->werror, json = fmt == FMT_JSON;
	uint8_t *text;
	size_t textlen;
	if (cli_read_file(hestval_prog, path, &text, &textlen) < 0)
		return EXIT_USAGE;
	struct hest_diags raw, d;
	struct hest_cper_block b;
	struct hest_buf out, payload;
	hest_diags_init(&raw);
	hest_diags_init(&d);
	hest_buf_init(&out);
	hest_buf_init(&payload);
	memset(&b, 0, sizeof(b));
	enum hest_cper_input in = input >= 0 ? (enum hest_cper_input)input : hest_cper_input_guess(text, textlen);
	/* The payload of a QMP command or base64 text: diagnostics name its
	 * byte offsets as FILE[cper] (or FILE[base64]). */
	char *origin = NULL;
	const uint8_t *buf = text;
	size_t len = textlen;
	bool decoded = false;
	if (in != HEST_CPER_INPUT_BINARY) {
		size_t n = strlen(path) + 10;
		origin = malloc(n);
		if (!origin) {
			fprintf(stderr, "%s: error: out of memory\n", hestval_prog);
			free(text);
			return EXIT_USAGE;
		}
		snprintf(origin, n, "%s[%s]", path, in == HEST_CPER_INPUT_QMP ? "cper" : "base64");
		if (hest_cper_qmp_read(text, textlen, in, path, &payload, &raw) < 0)
			goto report;
		buf = payload.p ? payload.p : (const uint8_t *)"";
		len = payload.len;
	}
	decoded = hest_cper_decode(&b, buf, len, form, origin ? origin : path, &raw) == 0;
	if (decoded)
		hest_cper_check(&b, block_size, origin ? origin : path, &raw);
report:
	apply_settings(&raw, st, &d);
	/* Whether the block encodes to the input's own bytes (then its
	 * description does too): -1, or the first offset that differs. */
	long long exact_at = decoded ? first_difference(&b, buf, len) : -1;
	if (json) {
		hest_buf_append(&out, "{\"file\":", 8);
		hest_buf_json_cstr(&out, path);
		hest_buf_printf(&out, ",\"input\":\"%s\"", input_names[in]);
		hest_buf_append(&out, ",\"block\":", 9);
		if (!decoded || hest_cper_format_json(&b, &out) < 0)
			hest_buf_append(&out, "null", 4);
		hest_buf_append(&out, ",\"record\":", 10);
		if (!decoded || hest_cper_format_desc(&b, HEST_CPER_DESC_COMPACT, &out, path, &d) < 0)
			hest_buf_append(&out, "null", 4);
		else
			hest_buf_printf(&out, ",\"record_exact\":%s", exact_at < 0 ? "true" : "false");
		hest_buf_printf(&out, ",\"errors\":%zu,\"warnings\":%zu,\"diagnostics\":", d.errors, d.warnings);
		json_diags(&out, &d);
		hest_buf_append(&out, "}\n", 2);
	} else if (decoded && fmt == FMT_YAML) {
		if (exact_at >= 0)
			hest_buf_printf(&out, "# This description builds the block as decoded, which differs from the\n"
					      "# input from byte 0x%llx on (the diagnostics say why).\n",
					(unsigned long long)exact_at);
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
	hest_buf_free(&payload);
	hest_diags_free(&raw);
	hest_diags_free(&d);
	free(origin);
	free(text);
	return rc;
}

int hestval_cmd_cper(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "block-size", required_argument, NULL, 'b' },
		{ "form", required_argument, NULL, 'F' },
		{ "input", required_argument, NULL, 'i' },
		{ "werror", no_argument, NULL, 'X' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum format fmt = FMT_TEXT;
	struct settings st = { .n = 0, .werror = false };
	uint64_t block_size = 0;
	int form = -1, input = -1, c;
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
		case 'i':
			input = -2;
			if (strcmp(optarg, "auto") == 0)
				input = -1;
			for (int k = 0; k < 3; k++)
				if (strcmp(optarg, input_names[k]) == 0)
					input = k;
			if (input == -2) {
				fprintf(stderr, "%s: error: --input takes auto, binary, qmp or base64, not '%s'\n",
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
	return validate(argv[optind], fmt, block_size, form, input, &st);
}

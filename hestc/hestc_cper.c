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
	fprintf(f, "usage: hestc cper ERROR.yaml [-o OUT] [--format bin|qmp] [-q]\n"
		   "                  [--block-size N | --layout hest-layout.json --source NAME]\n"
		   "       hestc cper --random SEED [--count N] [--kind K,...] [--form FORM]\n"
		   "                  [--block-size N] [-o FILE|DIR] [-q]\n"
		   "       hestc cper --reference\n"
		   "\n"
		   "Builds a Generic Error Status Block (data entries and sections) ready to be\n"
		   "written into a GHES error status block, or a CPER record (form: record); or\n"
		   "QEMU's QMP command that injects the block (inject-ghes-v2-error, QEMU 10.2).\n"
		   "The description is YAML or JSON (hestval cper --format yaml|json writes one\n"
		   "back from any block, and its whole JSON report is read too).\n"
		   "\n"
		   "  -o, --output FILE    where to write (default: standard output, unless it is a\n"
		   "                       terminal and the output is binary)\n"
		   "  --format bin|qmp     the bytes (default), or one line of JSON: the QMP command\n"
		   "                       whose 'cper' is the block in base64\n"
		   "  --block-size N       the error status block length (1KiB, 4KiB, ...): fail if\n"
		   "                       the block does not fit; bin pads it with zeros to N bytes.\n"
		   "                       qmp defaults to QEMU's 1 KiB (4KiB for a QEMU whose\n"
		   "                       x-error-block-size is 4096)\n"
		   "  --layout FILE        take the block size of --source NAME (its name or id) from\n"
		   "  --source NAME        hestc compile's hest-layout.json\n"
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
		   "Section types: memory memory2 processor-generic ia32x64 arm pcie fw-error-ref cxl-protocol\n"
		   "  cxl-general-media cxl-dram cxl-memory-module fru-memory-poison pci-bus pci-device\n"
		   "  dmar-generic dmar-vtd dmar-iommu ccix-per nvidia ampere raw.\n"
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

struct build_opts {
	bool qmp;
	uint64_t block_size;    /* 0: none given */
	const char *size_arg;   /* as given */
	const char *layout, *source;
	bool quiet;
};

static int build(const char *path, const char *out, const struct build_opts *o)
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
	struct build_opts lo = *o;
	char target[160], srcname[64];
	if (o->layout) {
		uint8_t *lt;
		size_t ll;
		if (cli_read_file(hestc_prog, o->layout, &lt, &ll) < 0) {
			free(text);
			hest_diags_free(&d);
			return EXIT_USAGE;
		}
		int lrc = hest_layout_json_block_size(lt, ll, o->layout, o->source, &lo.block_size, srcname,
						      sizeof(srcname), &d);
		free(lt);
		if (lrc < 0) {
			cli_print_diags(&d);
			free(text);
			hest_diags_free(&d);
			return EXIT_INPUT;
		}
		o = &lo;
	}
	struct hest_buf qmp;
	hest_buf_init(&qmp);
	if (hest_cper_desc_parse(&b, path, text, textlen, &d) == 0 && hest_cper_encode(&b, &bytes, path, &d) == 0) {
		uint64_t size = o->block_size;
		if (o->layout)
			snprintf(target, sizeof(target), "source '%s' of %s", srcname, o->layout);
		else if (o->block_size)
			snprintf(target, sizeof(target), "--block-size %s", o->size_arg);
		else if (o->qmp) {
			size = HEST_QEMU_GHES_BLOCK_SIZE;
			snprintf(target, sizeof(target), "QEMU's, the default of --format qmp; --block-size 4KiB for a "
				 "QEMU whose x-error-block-size is 4096");
		}
		if (o->qmp && b.form == HEST_CPER_RECORD)
			hest_diag_add(&d, HEST_SEV_ERROR, NULL, (struct hest_loc){ path, 0, 0, false, 0 },
				      "--format qmp: " HEST_QMP_INJECT_COMMAND " takes a Generic Error Status Block, "
				      "not a CPER record (form: record)");
		else if (size && hest_cper_check_fits(&b, bytes.p, bytes.len, size, target, path, &d) == 0 && !o->qmp)
			hest_buf_zeros(&bytes, (size_t)(size - bytes.len));
		if (!hest_diags_failed(&d) && o->qmp)
			hest_cper_qmp_command(bytes.p, bytes.len, &qmp);
		if (!hest_diags_failed(&d) && !bytes.oom && !qmp.oom)
			rc = write_output(out, o->qmp ? &qmp : &bytes) < 0 ? EXIT_USAGE : EXIT_OK;
	}
	cli_print_diags(&d);
	if (rc == EXIT_OK && !o->quiet && strcmp(out, "-") != 0) {
		if (o->qmp)
			printf("%s: wrote %s (QMP " HEST_QMP_INJECT_COMMAND ", a %zu-byte block, %zu section%s)\n",
			       hestc_prog, out, bytes.len, b.nsec, b.nsec == 1 ? "" : "s");
		else
			printf("%s: wrote %s (%zu bytes, %zu section%s)\n", hestc_prog, out, bytes.len, b.nsec,
			       b.nsec == 1 ? "" : "s");
	}
	hest_cper_block_free(&b);
	hest_buf_free(&bytes);
	hest_buf_free(&qmp);
	hest_diags_free(&d);
	free(text);
	return rc;
}

int hestc_cmd_cper(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "block-size", required_argument, NULL, 'b' },
		{ "format", required_argument, NULL, 'f' },
		{ "layout", required_argument, NULL, 'L' },
		{ "source", required_argument, NULL, 's' },
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
	struct build_opts o = { false, 0, NULL, NULL, NULL, false };
	uint64_t seed = 0, count = 1;
	bool random = false, count_given = false, kind_given = false, form_given = false;
	struct hest_cper_random_options ro = { -1, 0, 0, 0 };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'b':
			o.size_arg = optarg;
			if (hest_parse_uint(optarg, strlen(optarg), &o.block_size, &why) < 0 || !o.block_size ||
			    o.block_size > UINT32_MAX) {
				(void)why;
				fprintf(stderr, "%s: error: --block-size '%s': expected a size from 1 byte to 4 GiB\n",
					hestc_prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case 'f':
			if (strcmp(optarg, "bin") != 0 && strcmp(optarg, "qmp") != 0) {
				fprintf(stderr, "%s: error: --format takes bin or qmp, not '%s'\n", hestc_prog, optarg);
				return EXIT_USAGE;
			}
			o.qmp = strcmp(optarg, "qmp") == 0;
			break;
		case 'L':
			o.layout = optarg;
			break;
		case 's':
			o.source = optarg;
			break;
		case 'q':
			o.quiet = true;
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
	if (random && (o.qmp || o.layout)) {
		fprintf(stderr, "%s: error: --random writes binary blocks (not with --format qmp or --layout)\n",
			hestc_prog);
		return EXIT_USAGE;
	}
	if (random) {
		ro.max_bytes = (uint32_t)o.block_size;
		return hestc_cper_random(seed, count, &ro, o.block_size, out, o.quiet);
	}
	if (optind != argc - 1) {
		fprintf(stderr, "%s: error: cper takes exactly one error description\n", hestc_prog);
		cper_usage(stderr);
		return EXIT_USAGE;
	}
	if (!o.layout != !o.source || (o.layout && o.block_size)) {
		fprintf(stderr, "%s: error: %s\n", hestc_prog,
			o.block_size ? "--block-size and --layout both give the block size; give one"
				     : "--layout and --source go together (the source whose block the record is for)");
		return EXIT_USAGE;
	}
	if (!o.qmp && strcmp(out, "-") == 0 && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s: error: not writing binary data to a terminal; use -o FILE\n", hestc_prog);
		return EXIT_USAGE;
	}
	return build(argv[optind], out, &o);
}

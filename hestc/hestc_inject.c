/* hestc inject: writes one error record into a running guest's error status
 * block through the file that backs its RAM, following the GHES/GHESv2
 * handshake (libhest: <hest/inject.h>, hest_ghes_write_record). */
#include "config.h"
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>
#include <hest/desc.h>
#include <hest/inject.h>
#include "cli.h"
#include "hestc.h"

/* Exit status of a wait that ran out (nothing written, or written and not
 * acknowledged with --wait-ack). */
#define EXIT_TIMEOUT 3

static void inject_usage(FILE *f)
{
	fprintf(f,
		"usage: hestc inject RECORD --memory FILE --layout hest-layout.json --source NAME|ID\n"
		"                    [--machine q35|pc|virt] [--ram-size N] [--map GPA:SIZE@OFFSET]...\n"
		"                    [--blob-address ADDR] [--timeout MS] [--poll-interval MS] [--wait-ack]\n"
		"                    [--access auto|pread|mmap] [-q]\n"
		"\n"
		"Writes an error record into a running guest's GHES/GHESv2 error status block\n"
		"through the file that backs the guest's RAM (QEMU: -object\n"
		"memory-backend-file,id=m,size=...,mem-path=FILE,share=on -machine memory-backend=m).\n"
		"Finds the block through the source's error status address register, waits\n"
		"until the OS has acknowledged the previous record (GHESv2: the read-ack\n"
		"register; GHES: block_status back to 0), writes the record (block_status\n"
		"last) and re-arms the read-ack register.  On timeout nothing is written.\n"
		"\n"
		"  RECORD                 an error status block from 'hestc cper' (binary), or a\n"
		"                         record description (.yaml/.yml) built here the same way\n"
		"  --memory FILE          the guest's RAM file (mem-path=, share=on)\n"
		"  --layout FILE          hest-layout.json of the HEST the guest runs\n"
		"  --source NAME|ID       the source, by name or by id (id:N)\n"
		"  --machine M            guest-physical -> file offset map: q35 (default: RAM below\n"
		"                         0x80000000 or 0xb0000000, the rest from 4 GiB), pc\n"
		"                         (i440fx), virt (arm: RAM from 1 GiB)\n"
		"  --ram-size N           the guest's RAM size for --machine (default: the file's size)\n"
		"  --max-ram-below-4g N   as QEMU's machine option of that name (q35, pc)\n"
		"  --map GPA:SIZE@OFFSET  a range of the map instead of --machine (repeatable)\n"
		"  --blob-address ADDR    where the firmware put the region (linker-loader\n"
		"                         placement: required); fixed placement: must be the base\n"
		"  --timeout MS           how long to wait for the OS (default 5000; 0: no wait)\n"
		"  --poll-interval MS     how often to look (default 1)\n"
		"  --wait-ack             then wait (same timeout) until the OS acknowledges it\n"
		"  --access M             how to reach the file: pread (pread/pwrite), mmap (shared\n"
		"                         mapping), auto (default: mmap on hugetlbfs, else pread)\n"
		"  -q, --quiet            print only errors\n"
		"  -h, --help             this text\n"
		"\n"
		"Exit status: 0 written (and acknowledged with --wait-ack), 1 the record has\n"
		"errors, 2 usage or I/O error, 3 the wait ran out (nothing written; or, with\n"
		"--wait-ack, written but not acknowledged).\n");
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* The record's bytes: a YAML description encoded, or a binary status block
 * checked as hestval cper checks it.  Returns EXIT_OK or the exit status. */
static int load_record(const char *path, uint32_t block_size, struct hest_buf *out)
{
	uint8_t *text;
	size_t len;
	if (cli_read_file(hestc_prog, path, &text, &len) < 0)
		return EXIT_USAGE;
	struct hest_diags d;
	struct hest_cper_block b;
	hest_diags_init(&d);
	memset(&b, 0, sizeof(b));
	int rc = EXIT_INPUT;
	if (ends_with(path, ".yaml") || ends_with(path, ".yml")) {
		if (hest_cper_desc_parse(&b, path, text, len, &d) == 0) {
			if (b.form != HEST_CPER_STATUS_BLOCK)
				hest_diag_add(&d, HEST_SEV_ERROR, NULL, (struct hest_loc){ path, 0, 0, false, 0 },
					      "form: record makes a CPER record; a GHES block takes a status block");
			else if (hest_cper_encode(&b, out, path, &d) == 0 && !out->oom)
				rc = EXIT_OK;
		}
	} else {
		/* a status block, never the "CPER" record form */
		if (len >= 4 && memcmp(text, "CPER", 4) == 0)
			hest_diag_add(&d, HEST_SEV_ERROR, NULL, (struct hest_loc){ path, 0, 0, true, 0 },
				      "a CPER record (signature \"CPER\"), not a generic error status block: GHES "
				      "blocks take status blocks (hestc cper without form: record)");
		else if (hest_cper_decode(&b, text, len, HEST_CPER_STATUS_BLOCK, path, &d) == 0 && !hest_diags_failed(&d)) {
			hest_cper_check(&b, 0, path, &d);
			if (!hest_diags_failed(&d) && hest_buf_append(out, text, len) && !out->oom)
				rc = EXIT_OK;
		}
	}
	if (rc == EXIT_OK && out->len > block_size) {
		hest_diag_add(&d, HEST_SEV_ERROR, "HEST-CPER-BLOCK-LENGTH", (struct hest_loc){ path, 0, 0, false, 0 },
			      "the record is %zu bytes; the source's error status block holds %" PRIu32, out->len,
			      block_size);
		rc = EXIT_INPUT;
	}
	if (rc == EXIT_OK && hest_diags_failed(&d))
		rc = EXIT_INPUT;
	cli_print_diags(&d);
	hest_cper_block_free(&b);
	hest_diags_free(&d);
	free(text);
	return rc;
}

static int read_layout(const char *path, struct hest_layout_info *li)
{
	uint8_t *text;
	size_t len;
	if (cli_read_file(hestc_prog, path, &text, &len) < 0)
		return EXIT_USAGE;
	struct hest_diags d;
	hest_diags_init(&d);
	int rc = hest_layout_json_parse(li, path, text, len, &d) == 0 ? EXIT_OK : EXIT_USAGE;
	cli_print_diags(&d);
	hest_diags_free(&d);
	free(text);
	return rc;
}

static bool parse_size_opt(const char *opt, const char *arg, uint64_t *v)
{
	const char *why;
	if (hest_parse_uint(arg, strlen(arg), v, &why) < 0) {
		fprintf(stderr, "%s: error: %s '%s': %s\n", hestc_prog, opt, arg, why);
		return false;
	}
	return true;
}

/* Around each write attempt: no SIGINT/SIGTERM/SIGHUP/SIGQUIT between
 * re-arming the read-ack register and writing block_status (a source left
 * re-armed without a record would stay busy); they are delivered when the
 * attempt is over. */
struct signal_guard {
	sigset_t old;
};

static void block_signals(void *user, int enter)
{
	struct signal_guard *g = user;
	if (enter) {
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGHUP);
		sigaddset(&set, SIGQUIT);
		sigprocmask(SIG_BLOCK, &set, &g->old);
	} else {
		sigprocmask(SIG_SETMASK, &g->old, NULL);
	}
}

static double ms(uint64_t ns)
{
	return (double)ns / 1e6;
}

struct inject_opts {
	const char *record, *memory, *layout, *source, *machine;
	uint64_t ram_size, max_below_4g, blob_address, timeout_ms, poll_ms;
	struct hest_gpa_map map;
	bool wait_ack, quiet;
	enum hest_file_mem_access access;
};

static int build_map(const struct inject_opts *o, uint64_t file_size, struct hest_gpa_map *m)
{
	if (o->map.n) {
		*m = o->map;
		return 0;
	}
	uint64_t ram = o->ram_size ? o->ram_size : file_size;
	int rc;
	if (strcmp(o->machine, "q35") == 0)
		rc = hest_gpa_map_q35(m, ram, o->max_below_4g);
	else if (strcmp(o->machine, "pc") == 0)
		rc = hest_gpa_map_pc(m, ram, o->max_below_4g);
	else
		rc = hest_gpa_map_arm_virt(m, ram);
	if (rc < 0) {
		fprintf(stderr, "%s: error: no %s memory map for %" PRIu64 " bytes of RAM\n", hestc_prog, o->machine, ram);
		return -1;
	}
	return 0;
}

static int run(const struct inject_opts *o)
{
	struct hest_layout_info li;
	int rc = read_layout(o->layout, &li);
	if (rc != EXIT_OK)
		return rc;
	long si = hest_layout_find(&li, o->source);
	struct hest_ghes_target t;
	const char *why = NULL;
	struct hest_buf rec;
	struct hest_file_mem fm;
	hest_buf_init(&rec);
	memset(&fm, 0, sizeof(fm));
	fm.fd = -1;
	if (si < 0) {
		fprintf(stderr, "%s: error: %s has no source '%s' (give a name or an id)\n", hestc_prog, o->layout,
			o->source);
		rc = EXIT_USAGE;
		goto out;
	}
	const struct hest_layout_src *s = &li.src[si];
	if (hest_layout_target(&li, (size_t)si, o->blob_address, &t, &why) < 0) {
		fprintf(stderr, "%s: error: source '%s': %s\n", hestc_prog, s->name, why);
		rc = EXIT_USAGE;
		goto out;
	}
	rc = load_record(o->record, t.block_length, &rec);
	if (rc != EXIT_OK)
		goto out;
	/* the map needs the file's size: open read-only first, then for real */
	struct hest_gpa_map probe, map;
	hest_gpa_map_init(&probe);
	hest_gpa_map_add(&probe, 0, 1, 0);
	if (hest_file_mem_open(&fm, o->memory, &probe, false) < 0) {
		fprintf(stderr, "%s: error: %s: %s\n", hestc_prog, o->memory, fm.err);
		rc = EXIT_USAGE;
		goto out;
	}
	uint64_t file_size = fm.file_size;
	hest_file_mem_close(&fm);
	if (build_map(o, file_size, &map) < 0) {
		rc = EXIT_USAGE;
		goto out;
	}
	if (hest_file_mem_open_access(&fm, o->memory, &map, true, o->access) < 0) {
		fprintf(stderr, "%s: error: %s: %s\n", hestc_prog, o->memory, fm.err);
		rc = EXIT_USAGE;
		goto out;
	}
	struct hest_guest_mem mem = hest_file_mem_callbacks(&fm);
	struct signal_guard sg;
	memset(&sg, 0, sizeof(sg));
	struct hest_ghes_wait w = { o->timeout_ms * UINT64_C(1000000), o->poll_ms * UINT64_C(1000000), NULL, NULL, &sg,
				    block_signals };
	struct hest_ghes_report r;
	bool v2 = t.read_ack_address != 0;
	if (hest_ghes_inject(&mem, &t, rec.p, rec.len, &w, &r) < 0) {
		switch (r.status) {
		case HEST_GHES_TIMEOUT:
			if (v2)
				fprintf(stderr, "%s: error: source '%s' (id %u): the OS has not acknowledged the previous record "
						"within %" PRIu64 " ms (read-ack register 0x%" PRIx64 " = 0x%" PRIx64 "); nothing written\n",
					hestc_prog, s->name, s->id, o->timeout_ms, t.read_ack_address, r.read_ack_before);
			else
				fprintf(stderr, "%s: error: source '%s' (id %u): the OS has not consumed the previous record "
						"within %" PRIu64 " ms (block_status 0x%" PRIx32 " at 0x%" PRIx64 "); nothing written\n",
					hestc_prog, s->name, s->id, o->timeout_ms, r.block_status_before, r.block_address);
			rc = EXIT_TIMEOUT;
			break;
		case HEST_GHES_NO_BLOCK:
			fprintf(stderr, "%s: error: source '%s': the error status address register at 0x%" PRIx64
					" holds 0: the region is not in the guest's memory yet (loaded? the firmware's loader run?)\n",
				hestc_prog, s->name, t.register_address);
			rc = EXIT_USAGE;
			break;
		case HEST_GHES_WRONG_BLOCK:
			fprintf(stderr, "%s: error: source '%s': the error status address register at 0x%" PRIx64
					" holds 0x%" PRIx64 ", not the block the layout says (0x%" PRIx64 "): another HEST, "
					"a wrong --blob-address or --map?\n",
				hestc_prog, s->name, t.register_address, r.block_address, t.block_address);
			rc = EXIT_USAGE;
			break;
		case HEST_GHES_IO_ERROR:
			fprintf(stderr, "%s: error: %s: %s%s\n", hestc_prog, o->memory, fm.err,
				fm.err_errno ? "" : " (is the map right? --machine, --ram-size, --map)");
			rc = EXIT_USAGE;
			break;
		default:
			fprintf(stderr, "%s: error: source '%s': %s\n", hestc_prog, s->name, hest_ghes_status_name(r.status));
			rc = EXIT_USAGE;
			break;
		}
		goto out;
	}
	if (!o->quiet) {
		if (v2)
			printf("%s: source '%s' (id %u): wrote %" PRIu32 " bytes at 0x%" PRIx64 "; read-ack 0x%" PRIx64
			       " -> 0x%" PRIx64 " after %.1f ms (%" PRIu32 " poll%s)\n",
			       hestc_prog, s->name, s->id, r.bytes_written, r.block_address, r.read_ack_before,
			       r.read_ack_after, ms(r.waited_ns), r.attempts, r.attempts == 1 ? "" : "s");
		else
			printf("%s: source '%s' (id %u): wrote %" PRIu32 " bytes at 0x%" PRIx64 "; block_status was 0x%" PRIx32
			       " after %.1f ms (%" PRIu32 " poll%s)\n",
			       hestc_prog, s->name, s->id, r.bytes_written, r.block_address, r.block_status_before,
			       ms(r.waited_ns), r.attempts, r.attempts == 1 ? "" : "s");
		fflush(stdout);
	}
	if (o->wait_ack) {
		struct hest_ghes_report a;
		memset(&a, 0, sizeof(a));
		if (hest_ghes_wait_consumed(&mem, &t, &w, &a) < 0) {
			if (a.status == HEST_GHES_TIMEOUT) {
				fprintf(stderr, "%s: error: source '%s' (id %u): the record was written but the OS did not "
						"acknowledge it within %" PRIu64 " ms (%s 0x%" PRIx64 ")\n",
					hestc_prog, s->name, s->id, o->timeout_ms, v2 ? "read-ack" : "block_status",
					v2 ? a.read_ack_acked : (uint64_t)a.block_status_before);
				rc = EXIT_TIMEOUT;
			} else {
				fprintf(stderr, "%s: error: source '%s': %s\n", hestc_prog, s->name,
					a.status == HEST_GHES_IO_ERROR ? fm.err : hest_ghes_status_name(a.status));
				rc = EXIT_USAGE;
			}
			goto out;
		}
		if (!o->quiet) {
			if (v2)
				printf("%s: source '%s' (id %u): acknowledged: read-ack 0x%" PRIx64 " after %.1f ms\n", hestc_prog,
				       s->name, s->id, a.read_ack_acked, ms(a.waited_ns));
			else
				printf("%s: source '%s' (id %u): consumed: block_status 0x0 after %.1f ms\n", hestc_prog, s->name,
				       s->id, ms(a.waited_ns));
		}
	}
	rc = EXIT_OK;
out:
	hest_file_mem_close(&fm);
	hest_buf_free(&rec);
	hest_layout_info_free(&li);
	return rc;
}

int hestc_cmd_inject(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "memory", required_argument, NULL, 'm' },
		{ "layout", required_argument, NULL, 'l' },
		{ "source", required_argument, NULL, 's' },
		{ "machine", required_argument, NULL, 'M' },
		{ "ram-size", required_argument, NULL, 'R' },
		{ "max-ram-below-4g", required_argument, NULL, 'B' },
		{ "map", required_argument, NULL, 'P' },
		{ "blob-address", required_argument, NULL, 'A' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "poll-interval", required_argument, NULL, 'I' },
		{ "wait-ack", no_argument, NULL, 'W' },
		{ "access", required_argument, NULL, 'X' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct inject_opts o;
	memset(&o, 0, sizeof(o));
	o.machine = "q35";
	o.timeout_ms = 5000;
	o.poll_ms = 1;
	hest_gpa_map_init(&o.map);
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
		switch (c) {
		case 'm': o.memory = optarg; break;
		case 'l': o.layout = optarg; break;
		case 's': o.source = optarg; break;
		case 'M':
			if (strcmp(optarg, "q35") && strcmp(optarg, "pc") && strcmp(optarg, "virt")) {
				fprintf(stderr, "%s: error: --machine '%s': expected q35, pc or virt\n", hestc_prog, optarg);
				return EXIT_USAGE;
			}
			o.machine = optarg;
			break;
		case 'R':
			if (!parse_size_opt("--ram-size", optarg, &o.ram_size) || !o.ram_size) {
				if (!o.ram_size)
					fprintf(stderr, "%s: error: --ram-size must not be 0\n", hestc_prog);
				return EXIT_USAGE;
			}
			break;
		case 'B':
			if (!parse_size_opt("--max-ram-below-4g", optarg, &o.max_below_4g))
				return EXIT_USAGE;
			break;
		case 'P': {
			struct hest_gpa_range r;
			const char *why;
			if (hest_gpa_range_parse(optarg, &r, &why) < 0) {
				fprintf(stderr, "%s: error: --map '%s': %s\n", hestc_prog, optarg, why);
				return EXIT_USAGE;
			}
			if (hest_gpa_map_add(&o.map, r.gpa, r.size, r.offset) < 0) {
				fprintf(stderr, "%s: error: --map '%s': overlaps an earlier --map, or more than %u ranges\n",
					hestc_prog, optarg, HEST_GPA_MAP_MAX);
				return EXIT_USAGE;
			}
			break;
		}
		case 'A':
			if (!parse_size_opt("--blob-address", optarg, &o.blob_address))
				return EXIT_USAGE;
			break;
		case 'T':
			if (!parse_size_opt("--timeout", optarg, &o.timeout_ms))
				return EXIT_USAGE;
			if (o.timeout_ms > UINT64_C(86400000)) {
				fprintf(stderr, "%s: error: --timeout '%s': at most 86400000 ms (a day)\n", hestc_prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case 'I':
			if (!parse_size_opt("--poll-interval", optarg, &o.poll_ms))
				return EXIT_USAGE;
			if (!o.poll_ms || o.poll_ms > 60000) {
				fprintf(stderr, "%s: error: --poll-interval '%s': from 1 to 60000 ms\n", hestc_prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case 'W': o.wait_ack = true; break;
		case 'X':
			if (strcmp(optarg, "auto") == 0)
				o.access = HEST_FILE_MEM_AUTO;
			else if (strcmp(optarg, "pread") == 0)
				o.access = HEST_FILE_MEM_PREAD;
			else if (strcmp(optarg, "mmap") == 0)
				o.access = HEST_FILE_MEM_MMAP;
			else {
				fprintf(stderr, "%s: error: --access '%s': expected auto, pread or mmap\n", hestc_prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case 'q': o.quiet = true; break;
		case 'h':
			inject_usage(stdout);
			return EXIT_OK;
		default:
			cli_option_error(hestc_prog, c, argv);
			inject_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "%s: error: inject takes exactly one record (a status block or a .yaml description)\n",
			hestc_prog);
		inject_usage(stderr);
		return EXIT_USAGE;
	}
	o.record = argv[optind];
	const char *missing = !o.memory ? "--memory FILE (the guest's RAM file)" :
			      !o.layout ? "--layout FILE (hest-layout.json)" : !o.source ? "--source NAME|ID" : NULL;
	if (missing) {
		fprintf(stderr, "%s: error: inject needs %s\n", hestc_prog, missing);
		return EXIT_USAGE;
	}
	if (o.map.n && (o.ram_size || o.max_below_4g)) {
		fprintf(stderr, "%s: error: --map replaces the machine's map; --ram-size and --max-ram-below-4g do not apply\n",
			hestc_prog);
		return EXIT_USAGE;
	}
	return run(&o);
}

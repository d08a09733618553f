/* hestval validate: read inputs, run the library's checks, print. */
#include "config.h"
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <hest/decode.h>
#include <hest/schema.h>
#include <hest/aml.h>
#include <hest/loader.h>
#include <hest/rules.h>
#include <hest/validate.h>
#include "cli.h"
#include "hestval.h"
#include "hestval_outdir.h"

#define MAX_BLOBS 1024
#define MAX_DEPTH 8

struct blobfile {
	char *name; /* fw_cfg name */
	char *path; /* where it came from */
	uint8_t *data;
	size_t len;
	enum hest_blob_access access;
};

/* Grown as files are added (most inputs use none): at most MAX_BLOBS. */
struct blobset {
	struct blobfile *v;
	size_t n, cap;
	uint64_t total; /* bytes of the files read from a directory */
};

struct vopts {
	enum hest_arch arch;
	bool json, quiet, werror;
	/* each has room for one entry per command-line argument (an option adds
	 * at most one): no limit, and no pages touched for unused room */
	struct hest_rule_setting *settings;
	size_t nsettings;
	const char *loader;
	const char **blob_args;
	enum hest_blob_access *blob_access; /* --blob: unknown, --writable, --read-only */
	size_t nblob_args;
	unsigned firmwares; /* --firmware: HEST_FW_* bits */
	unsigned phys_bits; /* --phys-bits: the CPU's physical address width (0: the arch's widest) */
	const char *ssdt;       /* --ssdt FILE: its event paths are checked against each table */
	uint8_t *ssdt_bytes;
	size_t ssdt_len;
	const char *region;     /* --region FILE: a BERT's boot error region, walked and checked */
	uint8_t *region_bytes;
	size_t region_len;
	/* one for all inputs: what a table's validation looked up serves the
	 * next, and the model keeps its memory from table to table */
	struct hest_vcache *vcache;
	struct hest_model *model;
};

/* Totals over all inputs. */
struct totals {
	size_t errors, warnings, notes;
	bool io;  /* an input could not be read or recognised */
	bool first_json;
};

static void validate_usage(FILE *f)
{
	fprintf(f, "usage: hestval validate [options] INPUT...\n"
		   "\n"
		   "INPUT is a raw HEST, acpidump text (the HEST is found among the tables, also in\n"
		   "iasl's \"Raw Table Data\" form), a UEFI Shell acpiview dump, a hestc output\n"
		   "directory (hestc compile -o DIR --emit all: its hest-layout.json names the fw_cfg\n"
		   "files; the loader script runs with no further options), or a directory of fw_cfg\n"
		   "files (DIR/etc/acpi/tables, DIR/etc/table-loader, DIR/etc/hardware_errors, ...).\n"
		   "\n"
		   "  --loader FILE        a table-loader script (binary or text listing) to run first\n"
		   "  --blob NAME=FILE     a fw_cfg file the script uses (repeatable); the INPUT table is\n"
		   "                       etc/acpi/tables unless given\n"
		   "  --writable NAME=FILE, --read-only NAME=FILE\n"
		   "                       the same, saying whether the VMM registers it writable\n"
		   "                       (WRITE_POINTER targets; QEMU's -fw_cfg files are read-only)\n"
		   "  --firmware FW        seabios, uefi (OVMF/AAVMF) or all (default): the firmware\n"
		   "                       models that run the loader script\n"
		   "  --ssdt FILE          an SSDT (AML) whose event paths the GPIO- and GSIV-notified\n"
		   "                       GHES need (PNP0C33 device, GED _CRS/_EVT, GPIO _AEI)\n"
		   "  --region FILE        a BERT's boot error region (its bytes from region_address):\n"
		   "                       every error status block in it is walked and checked\n"
		   "  --arch ARCH          x86_64, arm64, riscv64 or any (default): notification types\n"
		   "                       to expect, and the kernel the Linux summary models\n"
		   "  --phys-bits N        the CPU's physical address width (32-64) for the Linux\n"
		   "                       summary: ioremap refuses registers above it (default:\n"
		   "                       the architecture's widest, x86_64 52, arm64 48)\n"
		   "  --format FORMAT      text (default) or json\n"
		   "  -W RULE, -E RULE     report RULE as a warning / as an error (RULE may end in '*')\n"
		   "  -w RULE              do not report RULE\n"
		   "  --werror             report warnings as errors\n"
		   "  -q, --quiet          text format: omit the Linux summary\n"
		   "  -h, --help           this text\n"
		   "\n"
		   "`hestval rules` lists the rules; docs/rules.md explains each.\n"
		   "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O error.\n");
}

/* --- JSON output helpers -------------------------------------------------- */

static void json_str(FILE *f, const char *s)
{
	struct hest_buf b;
	hest_buf_init(&b);
	if (hest_buf_json_cstr(&b, s))
		fwrite(b.p, 1, b.len, f);
	hest_buf_free(&b);
}

static const char *arch_name(enum hest_arch a)
{
	const char *n = hest_name_of(&hest_arch_names, a);
	return n ? n : "any";
}

/* --- diagnostics in a stable order ---------------------------------------- */

struct order {
	const struct hest_diag *g;
	size_t index;
	size_t group; /* order of first appearance of its file */
};

static int cmp_order(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	uint64_t kx = x->g->loc.has_offset ? x->g->loc.offset : ((uint64_t)x->g->loc.line << 20) + x->g->loc.col;
	uint64_t ky = y->g->loc.has_offset ? y->g->loc.offset : ((uint64_t)y->g->loc.line << 20) + y->g->loc.col;
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The diagnostics in print order (malloc'd; NULL when out of memory). */
static struct order *sorted(const struct hest_diags *d)
{
	size_t n = d->n ? d->n : 1;
	/* one block: the orders, then the files in order of appearance */
	struct order *o = malloc(n * (sizeof(*o) + sizeof(const char *)));
	if (!o)
		return NULL;
	const char **files = (const char **)(void *)(o + n);
	size_t nfiles = 0;
	for (size_t i = 0; i < d->n; i++) {
		const char *f = d->v[i].loc.file ? d->v[i].loc.file : "";
		size_t g = 0;
		while (g < nfiles && files[g] != f && strcmp(files[g], f) != 0)
			g++;
		if (g == nfiles)
			files[nfiles++] = f;
		o[i] = (struct order){ &d->v[i], i, g };
	}
	if (d->n > 16) {
		qsort(o, d->n, sizeof(*o), cmp_order);
		return o;
	}
	/* a table's few diagnostics: insertion sort (cmp_order is a total
	 * order, so the result is qsort's) */
	for (size_t i = 1; i < d->n; i++) {
		struct order t = o[i];
		size_t j = i;
		for (; j > 0 && cmp_order(&o[j - 1], &t) > 0; j--)
			o[j] = o[j - 1];
		o[j] = t;
	}
	return o;
}

/* --- printing one input's results ----------------------------------------- */

struct result {
	const char *input;     /* as given */
	const char *label;     /* names the table in diagnostics */
	bool loaded;           /* checked after a loader script ran */
	const struct hest_model *m;
	const struct hest_loaded *ld; /* when loaded: what each firmware model did */
	struct hest_linux_summary linux;
	bool have_linux;
};

static void count(const struct hest_diags *d, size_t *e, size_t *w, size_t *n)
{
	*e = *w = *n = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].severity == HEST_SEV_ERROR)
			(*e)++;
		else if (d->v[i].severity == HEST_SEV_WARNING)
			(*w)++;
		else
			(*n)++;
	}
	if (d->oom)
		(*e)++;
}

/* Appends the decimal digits of v at p; returns the end. */
static char *put_dec(char *p, size_t v)
{
	char tmp[24];
	size_t k = sizeof(tmp);
	do {
		tmp[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(p, tmp + k, sizeof(tmp) - k);
	return p + (sizeof(tmp) - k);
}

/* "LABEL: E errors, W warnings, N notes" (what printf("%s: %zu error%s,
 * ...") printed, without its cost per table). */
static void print_counts(const char *label, size_t e, size_t w, size_t n)
{
	char line[128];
	char *p = line;
	const size_t v[3] = { e, w, n };
	static const char *const word[3] = { " error", " warning", " note" };
	for (int i = 0; i < 3; i++) {
		p = put_dec(p, v[i]);
		size_t len = strlen(word[i]);
		memcpy(p, word[i], len);
		p += len;
		if (v[i] != 1)
			*p++ = 's';
		if (i < 2) {
			*p++ = ',';
			*p++ = ' ';
		}
	}
	*p++ = '\n';
	fputs(label, stdout);
	fputs(": ", stdout);
	fwrite(line, 1, (size_t)(p - line), stdout);
}

/* The firmware models that ran and did not give the OS the HEST. */
static bool uefi_dropped(const struct result *r)
{
	return r->ld && r->ld->fw[HEST_FW_UEFI].ran && !r->ld->fw[HEST_FW_UEFI].installed;
}

static bool only_uefi(const struct result *r)
{
	return r->ld && !r->ld->fw[HEST_FW_SEABIOS].ran;
}

/* "LABEL: loader under SeaBIOS: ..." per firmware model that ran. */
static void print_firmware_text(const struct result *r)
{
	for (int fw = 0; r->ld && fw < HEST_FW_COUNT; fw++) {
		const struct hest_loaded_firmware *f = &r->ld->fw[fw];
		if (!f->ran)
			continue;
		printf("%s: loader under %s: ", r->label, hest_firmware_title((enum hest_firmware)fw));
		if (!f->installed) {
			printf("HEST not installed: %s\n", f->why);
			continue;
		}
		if (fw == HEST_FW_SEABIOS) {
			printf("HEST in memory, patched\n");
			continue;
		}
		printf("installs %zu table%s:", f->ntables, f->ntables == 1 ? "" : "s");
		for (size_t i = 0; i < f->ntables && i < 64; i++)
			printf(" %s", f->tables[i]);
		printf("%s\n", f->ntables > 64 ? " ..." : "");
	}
}

static void print_text(const struct result *r, const struct hest_diags *d, const struct vopts *o)
{
	struct order *ord = sorted(d);
	/* the lines go to stdout a buffer at a time, not one call each */
	char out[4096];
	size_t used = 0;
	for (size_t i = 0; ord && i < d->n; i++) {
		for (int tries = 0; tries < 2; tries++) {
			size_t room = sizeof(out) - used;
			size_t len = hest_diag_format_buf(ord[i].g, out + used, room);
			if (len + 1 < room) {
				out[used + len] = '\n';
				used += len + 1;
				break;
			}
			fwrite(out, 1, used, stdout);
			used = 0;
			if (tries == 0)
				continue;
			char *s = hest_diag_format(ord[i].g); /* longer than the buffer */
			if (s)
				printf("%s\n", s);
			free(s);
		}
	}
	fwrite(out, 1, used, stdout);
	free(ord);
	if (d->oom)
		printf("%s: error: out of memory while recording diagnostics\n", r->input);
	if (!o->quiet)
		print_firmware_text(r);
	if (r->have_linux && !o->quiet && only_uefi(r) && uefi_dropped(r)) {
		printf("%s: linux (%s), after the loader script under OVMF/AAVMF: not installed by UEFI: Linux sees no "
		       "HEST; 0 GHES registered\n", r->label, arch_name(r->linux.arch));
	} else if (r->have_linux && !o->quiet) {
		const struct hest_linux_summary *L = &r->linux;
		printf("%s: linux (%s)%s: %s%s; %u GHES registered%s\n", r->label, arch_name(L->arch),
		       r->loaded ? ", after the loader script" : "",
		       L->table == HEST_LINUX_TABLE_OK ? "" : "table refused: ", L->table_reason, L->registered,
		       uefi_dropped(r) ? " (SeaBIOS); under OVMF/AAVMF: not installed by UEFI, Linux sees no HEST" : "");
		for (size_t i = 0; i < L->n; i++) {
			const struct hest_source *s = &r->m->src[L->v[i].index];
			char tb[24];
			const char *type = s->desc ? s->desc->key : (snprintf(tb, sizeof(tb), "raw"), tb);
			printf("  0x%04" PRIx32 " %-13s id %-5u %-12s %s\n", s->layout.hest_offset, type,
			       s->len >= 4 ? (unsigned)hest_get_le(s->bytes + 2, 2) : 0xFFFFu,
			       hest_linux_verdict_name(L->v[i].verdict), L->v[i].reason);
		}
	}
	size_t e, w, n;
	count(d, &e, &w, &n);
	print_counts(r->label, e, w, n);
}

static void print_json(const struct result *r, const struct hest_diags *d, struct totals *t)
{
	printf("%s\n    {\"input\": ", t->first_json ? "" : ",");
	t->first_json = false;
	json_str(stdout, r->input);
	printf(", \"table\": ");
	json_str(stdout, r->label);
	printf(", \"loaded\": %s,\n     \"diagnostics\": [", r->loaded ? "true" : "false");
	struct order *ord = sorted(d);
	for (size_t i = 0; ord && i < d->n; i++) {
		const struct hest_diag *g = ord[i].g;
		printf("%s\n       {\"file\": ", i ? "," : "");
		json_str(stdout, g->loc.file);
		if (g->loc.has_offset)
			printf(", \"offset\": %" PRIu64, g->loc.offset);
		else if (g->loc.line)
			printf(", \"line\": %" PRIu32 ", \"column\": %" PRIu32, g->loc.line, g->loc.col);
		printf(", \"severity\": \"%s\", \"rule\": ", hest_severity_name(g->severity));
		if (g->rule)
			json_str(stdout, g->rule);
		else
			printf("null");
		printf(", \"message\": ");
		json_str(stdout, g->message);
		printf("}");
	}
	free(ord);
	printf("%s]", d->n ? "\n     " : "");
	for (int fw = 0, first = 1; r->ld && fw < HEST_FW_COUNT; fw++) {
		const struct hest_loaded_firmware *f = &r->ld->fw[fw];
		if (!f->ran)
			continue;
		printf("%s{\"name\": \"%s\", \"installed\": %s", first ? ",\n     \"firmware\": [" : ", ",
		       hest_firmware_name((enum hest_firmware)fw), f->installed ? "true" : "false");
		if (!f->installed) {
			printf(", \"reason\": ");
			json_str(stdout, f->why);
		}
		if (fw == HEST_FW_UEFI) {
			printf(", \"tables\": [");
			for (size_t i = 0; i < f->ntables && i < 64; i++)
				printf("%s\"%s\"", i ? ", " : "", f->tables[i]);
			printf("]");
		}
		printf("}");
		first = 0;
	}
	if (r->ld)
		printf("]");
	if (r->have_linux) {
		const struct hest_linux_summary *L = &r->linux;
		/* with UEFI alone, a HEST it does not install is no table at all for Linux */
		bool gone = only_uefi(r) && uefi_dropped(r);
		printf(",\n     \"linux\": {\"arch\": \"%s\", \"table\": \"%s\", \"reason\": ", arch_name(L->arch),
		       gone ? "not-installed" : L->table == HEST_LINUX_TABLE_OK ? "accepted" : "refused");
		json_str(stdout, gone ? "not installed by UEFI firmware (OVMF/AAVMF)" : L->table_reason);
		printf(", \"registered\": %u, \"phys_bits\": %u, \"sources\": [", gone ? 0u : L->registered,
		       L->phys_bits);
		for (size_t i = 0; i < L->n; i++) {
			const struct hest_source *s = &r->m->src[L->v[i].index];
			printf("%s\n       {\"offset\": %" PRIu32 ", \"type\": %u, \"name\": ", i ? "," : "",
			       s->layout.hest_offset, s->type);
			json_str(stdout, s->desc ? s->desc->key : "raw");
			printf(", \"id\": %u, \"verdict\": \"%s\", \"reason\": ",
			       s->len >= 4 ? (unsigned)hest_get_le(s->bytes + 2, 2) : 0xFFFFu,
			       gone ? "not-installed" : hest_linux_verdict_name(L->v[i].verdict));
			json_str(stdout, gone ? "the HEST is not installed by UEFI firmware (OVMF/AAVMF)" : L->v[i].reason);
			printf("}");
		}
		printf("%s]}", L->n ? "\n     " : "");
	}
	size_t e, w, n;
	count(d, &e, &w, &n);
	printf(",\n     \"summary\": {\"errors\": %zu, \"warnings\": %zu, \"notes\": %zu}}", e, w, n);
}

/* --- inputs ------------------------------------------------------------------ */

/* Text that is neither a dump nor a table: a description, a listing... */
static bool looks_like_text(const uint8_t *p, size_t len)
{
	if (len == 0)
		return true;
	for (size_t i = 0; i < len && i < 4096; i++)
		if (p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t')
			return false;
	return true;
}

static void blobs_free(struct blobset *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].name);
		free(b->v[i].path);
		free(b->v[i].data);
	}
	free(b->v);
	b->v = NULL;
	b->n = b->cap = 0;
}

static struct blobfile *blob_find(struct blobset *b, const char *name)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->v[i].name, name) == 0)
			return &b->v[i];
	return NULL;
}

/* Adds (or replaces) a fw_cfg file; takes ownership of data.  0 or -1. */
static int blob_put(struct blobset *b, const char *name, const char *path, uint8_t *data, size_t len)
{
	struct blobfile *f = blob_find(b, name);
	if (!f) {
		if (b->n == MAX_BLOBS) {
			fprintf(stderr, "%s: error: more than %u fw_cfg files\n", hestval_prog, MAX_BLOBS);
			free(data);
			return -1;
		}
		if (b->n == b->cap) {
			size_t cap = b->cap ? b->cap * 2 : 8;
			struct blobfile *v = cap <= MAX_BLOBS ? realloc(b->v, cap * sizeof(*v)) : NULL;
			if (!v) {
				fprintf(stderr, "%s: error: out of memory\n", hestval_prog);
				free(data);
				return -1;
			}
			b->v = v;
			b->cap = cap;
		}
		f = &b->v[b->n++];
		memset(f, 0, sizeof(*f));
	} else {
		free(f->name);
		free(f->path);
		free(f->data);
	}
	f->name = strdup(name);
	f->path = strdup(path);
	f->data = data;
	f->len = len;
	f->access = HEST_BLOB_ACCESS_UNKNOWN;
	if (!f->name || !f->path) {
		fprintf(stderr, "%s: error: out of memory\n", hestval_prog);
		return -1;
	}
	return 0;
}

/* Every regular file under dir/rel, named by its path relative to dir. */
static int scan_dir(const char *dir, const char *rel, int depth, struct blobset *b)
{
	char *path = rel[0] ? cli_join(dir, rel) : strdup(dir);
	if (!path)
		return -1;
	char **names;
	size_t n;
	if (cli_dir_names(path, &names, &n) < 0) {
		fprintf(stderr, "%s: error: cannot read directory '%s': %s\n", hestval_prog, path, strerror(errno));
		free(path);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *r = rel[0] ? cli_join(rel, names[i]) : strdup(names[i]);
		char *full = r ? cli_join(dir, r) : NULL;
		struct stat st;
		if (!r || !full)
			rc = -1;
		else if (stat(full, &st) < 0)
			;
		else if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
			rc = scan_dir(dir, r, depth + 1, b);
		else if (S_ISREG(st.st_mode)) {
			/* A directory's files together get the one-input bound:
			 * `hestval validate /` must not read 1024 files of 256 MiB. */
			uint8_t *data;
			size_t len;
			if (b->total + (uint64_t)st.st_size > CLI_MAX_INPUT) {
				fprintf(stderr, "%s: error: the files under '%s' add up to more than %u MiB\n", hestval_prog,
					dir, CLI_MAX_INPUT >> 20);
				rc = -1;
			} else if (cli_read_file(hestval_prog, full, &data, &len) < 0 ||
				   blob_put(b, r, full, data, len) < 0) {
				rc = -1;
			} else {
				b->total += len;
			}
		}
		free(r);
		free(full);
	}
	cli_free_names(names, n);
	free(path);
	return rc;
}

static const char *const access_option[] = { "--blob", "--read-only", "--writable" };

static int add_blob_args(const struct vopts *o, struct blobset *b)
{
	for (size_t i = 0; i < o->nblob_args; i++) {
		const char *arg = o->blob_args[i], *eq = strchr(arg, '=');
		if (!eq || eq == arg || !eq[1]) {
			fprintf(stderr, "%s: error: %s takes NAME=FILE, not '%s'\n", hestval_prog,
				access_option[o->blob_access[i]], arg);
			return -1;
		}
		char *name = strndup(arg, (size_t)(eq - arg));
		uint8_t *data;
		size_t len;
		int rc = !name || cli_read_file(hestval_prog, eq + 1, &data, &len) < 0 ? -1
		       : blob_put(b, name, eq + 1, data, len);
		if (rc == 0)
			blob_find(b, name)->access = o->blob_access[i];
		free(name);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* QEMU's HEST commands are a fragment of its script: the ACPI tables blob
 * is ALLOCATEd by the commands that build the other tables.  When a script
 * patches etc/acpi/tables without allocating it and we hold that blob (the
 * INPUT table), allocate it first, as the whole script would, and say so. */
static int allocate_tables_first(struct hest_loader *l, const char *path, const char *tables, struct hest_diags *d,
				 bool *fragment)
{
	bool used = false;
	*fragment = false;
	for (size_t i = 0; i < l->n; i++) {
		const struct hest_loader_entry *e = &l->v[i];
		if (e->command == HEST_LOADER_ALLOCATE && strcmp(e->file, tables) == 0)
			return 0;
		if (strcmp(e->file, tables) == 0 || strcmp(e->src, tables) == 0)
			used = true;
	}
	if (!used)
		return 0;
	struct hest_loader full;
	struct hest_loader_entry a;
	memset(&a, 0, sizeof(a));
	a.command = HEST_LOADER_ALLOCATE;
	snprintf(a.file, sizeof(a.file), "%s", tables);
	a.name_ok = true;
	a.align = 64;
	a.zone = 1;
	hest_loader_init(&full);
	if (!hest_loader_push(&full, &a))
		goto oom;
	for (size_t i = 0; i < l->n; i++)
		if (!hest_loader_push(&full, &l->v[i]))
			goto oom;
	hest_loader_free(l);
	*l = full;
	hest_diag_add(d, HEST_SEV_NOTE, NULL, (struct hest_loc){ path, 0, 0, false, 0 },
		      "the script patches '%s' without allocating it (a fragment of a full script); "
		      "it is allocated first, and its HEST taken as pointed at by the rest (an XSDT entry), as "
		      "QEMU's whole script does", tables);
	*fragment = true;
	return 0;
oom:
	hest_loader_free(&full);
	fprintf(stderr, "%s: error: out of memory\n", hestval_prog);
	return -1;
}

static int read_loader(const char *path, struct hest_loader *l, struct hest_diags *d)
{
	uint8_t *buf;
	size_t len;
	if (cli_read_file(hestval_prog, path, &buf, &len) < 0)
		return -1;
	/* A text listing starts with a command name or a comment; the binary
	 * form starts with a small command number. */
	bool text = len > 0 && looks_like_text(buf, len);
	if (text)
		hest_loader_parse_text((const char *)buf, len, path, l, d);
	else
		hest_loader_decode(buf, len, path, l, d);
	free(buf);
	return 0;
}

/* The table to check and where it came from. */
struct source_table {
	uint8_t *bytes; /* owned */
	size_t len;
	char *label;
};

/* A file INPUT: raw table or dump text.  0, or -1 (printed; I/O or unrecognised). */
/* The table of a file; CLI_READ_DIR when INPUT is a directory. */
static int table_from_file(const char *input, struct source_table *t, struct hest_diags *d)
{
	uint8_t *buf;
	size_t len;
	int got = cli_read_path(hestval_prog, input, &buf, &len);
	if (got != 0)
		return got;
	/* `acpidump -n HEST` text starts with "HEST @ 0x...": text first. */
	if (len >= 4 && memcmp(buf, "HEST", 4) == 0 && !hest_dump_is_text(buf, len)) {
		t->bytes = buf;
		t->len = len;
		t->label = strdup(input);
		return t->label ? 0 : -1;
	}
	if (hest_dump_is_text(buf, len)) {
		struct hest_dump dump;
		int rc = hest_dump_parse(buf, len, input, &dump, d);
		free(buf);
		const struct hest_dump_table *h = rc == 0 ? hest_dump_find(&dump, "HEST") : NULL;
		/* without a HEST, a BERT or EINJ (the first found) */
		if (rc == 0 && !h && !(h = hest_dump_find(&dump, "BERT")) && !(h = hest_dump_find(&dump, "EINJ")))
			h = hest_dump_find(&dump, "ERST");
		if (!h) {
			if (rc == 0)
				fprintf(stderr, "%s: error: '%s': no HEST among its %zu table%s\n", hestval_prog, input, dump.n,
					dump.n == 1 ? "" : "s");
			hest_dump_free(&dump);
			return -1;
		}
		t->bytes = malloc(h->len);
		t->len = h->len;
		size_t n = strlen(input) + 32;
		t->label = malloc(n);
		if (t->bytes && t->label) {
			memcpy(t->bytes, h->data, h->len);
			snprintf(t->label, n, "%s:%" PRIu32 "[%s]", input, h->line, h->sig);
		}
		hest_dump_free(&dump);
		return t->bytes && t->label ? 0 : -1;
	}
	if (looks_like_text(buf, len)) {
		fprintf(stderr,
			"%s: error: '%s' is neither a HEST nor acpidump text (a description? use 'hestc compile')\n",
			hestval_prog, input);
		free(buf);
		return -1;
	}
	/* Binary that does not start with "HEST": decode it anyway, so the
	 * validator says what it is (HEST-SIGNATURE). */
	t->bytes = buf;
	t->len = len;
	t->label = strdup(input);
	return t->label ? 0 : -1;
}

static char *loaded_label(const struct blobset *b, const struct hest_loaded *ld)
{
	const char *path = ld->file->name;
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->v[i].name, ld->file->name) == 0)
			path = b->v[i].path;
	size_t n = strlen(path) + 48;
	char *s = malloc(n);
	if (!s)
		return NULL;
	if (ld->offset)
		snprintf(s, n, "%s[HEST@0x%" PRIx64 "]", path, ld->offset);
	else
		snprintf(s, n, "%s", path);
	return s;
}

static void add_totals(const struct hest_diags *d, struct totals *t)
{
	size_t e, w, n;
	count(d, &e, &w, &n);
	t->errors += e;
	t->warnings += w;
	t->notes += n;
}

/* Decodes, validates and prints one table.  `ld` when a loader ran. */
static void check_table_bytes(const char *input, struct source_table *tb, const struct hest_loaded *ld,
			      const struct vopts *o, struct hest_diags *d, struct totals *t)
{
	struct hest_model *mp = o->model;
	struct hest_decode_info info;
	const struct hest_sim *sim = ld ? &ld->sim : NULL;
	struct result r = { input, tb->label, ld != NULL, mp, ld, { 0 }, false };
	if (hest_model_reset(mp) < 0) {
		fprintf(stderr, "%s: error: out of memory\n", hestval_prog);
		t->io = true;
		return;
	}
	int decoded = hest_decode_table(tb->bytes, tb->len, tb->label, mp, &info, d);
	if (decoded == 0 && o->region)
		mp->region_file = o->region;
	if (decoded == 0 && o->region &&
	    (mp->kind != HEST_TABLE_BERT || !hest_model_set_region(mp, o->region_bytes, (uint32_t)o->region_len))) {
		if (mp->kind != HEST_TABLE_BERT)
			fprintf(stderr, "%s: error: --region is a BERT's boot error region; %s is not a BERT\n",
				hestval_prog, tb->label);
		else
			fprintf(stderr, "%s: error: out of memory\n", hestval_prog);
		t->io = true;
		return;
	}
	if (decoded == 0) {
		struct hest_validate_options vo = { o->arch, o->settings, o->nsettings, o->werror, &info, tb->bytes, sim,
						    o->vcache, o->phys_bits };
		hest_validate(mp, &vo, d);
		if (o->ssdt && hest_validate_ssdt(mp, o->ssdt_bytes, o->ssdt_len, o->ssdt, &vo, d) < 0)
			d->oom = true;
		/* the summary is printed unless the text output is --quiet */
		if ((o->json || !o->quiet) && mp->kind == HEST_TABLE_HEST)
			r.have_linux = hest_linux_summarize(mp, &info, o->arch, o->phys_bits, &r.linux) == 0;
	}
	add_totals(d, t);
	if (o->json)
		print_json(&r, d, t);
	else
		print_text(&r, d, o);
	if (r.have_linux)
		hest_linux_summary_free(&r.linux);
	/* the model is emptied by the next table's hest_model_reset */
}

static void validate_input(const char *input, const struct vopts *o, struct totals *t)
{
	struct hest_diags d;
	struct blobset set = { NULL, 0, 0, 0 }, *blobs = &set;
	struct source_table tb = { NULL, 0, NULL };
	struct hest_loader l;
	const char *loader = o->loader;
	char *dir_loader = NULL;
	/* the blob the HEST is served in: QEMU's, or a hestc output's layout's */
	const char *tables = "etc/acpi/tables";
	struct outdir od;
	memset(&od, 0, sizeof(od));
	hest_diags_init(&d);
	hest_loader_init(&l);
	int got = table_from_file(input, &tb, &d); /* a file's table, or CLI_READ_DIR */
	bool dir = got == CLI_READ_DIR;
	int outdir = dir ? outdir_read(hestval_prog, input, &od, &d) : 1; /* 0: a hestc output directory */
	if (outdir < 0)
		goto io;
	if (outdir == 0 && !od.loader) {
		/* fixed placement: hest.aml holds the addresses; nothing is loaded */
		dir = false;
		got = table_from_file(od.table, &tb, &d);
		if (got != 0) {
			cli_print_diags(&d);
			goto io;
		}
	} else if (outdir == 0) {
		/* linker-loader placement: the files as the VMM serves them */
		for (size_t i = 0; i < od.n; i++) {
			if (blob_put(blobs, od.v[i].name, od.v[i].path, od.v[i].data, od.v[i].len) < 0) {
				od.v[i].data = NULL;
				goto io;
			}
			od.v[i].data = NULL;
			blob_find(blobs, od.v[i].name)->access = od.v[i].writable ? HEST_BLOB_WRITABLE
										   : HEST_BLOB_READ_ONLY;
		}
		if (!loader)
			loader = od.script;
		tables = od.tables_blob;
	} else if (dir) {
		if (scan_dir(input, "", 0, blobs) < 0)
			goto io;
		if (!loader && blob_find(blobs, "etc/table-loader"))
			loader = dir_loader = cli_join(input, "etc/table-loader");
	} else if (got < 0) {
		cli_print_diags(&d); /* the input could not be read as a table: stderr, like I/O errors */
		goto io;
	}
	if (add_blob_args(o, blobs) < 0)
		goto io;
	if (!dir && loader && !blob_find(blobs, "etc/acpi/tables")) {
		uint8_t *copy = malloc(tb.len ? tb.len : 1);
		if (!copy || (memcpy(copy, tb.bytes, tb.len), blob_put(blobs, "etc/acpi/tables", input, copy, tb.len) < 0))
			goto io;
	}
	if (loader) {
		if (read_loader(loader, &l, &d) < 0)
			goto io;
		if (outdir == 0 && loader == od.script && outdir_check_script(hestval_prog, &od, &l) < 0)
			goto io;
		bool fragment = false;
		if (blob_find(blobs, tables) && allocate_tables_first(&l, loader, tables, &d, &fragment) < 0)
			goto io;
		/* on the heap: MAX_BLOBS of them on the stack would be 24 KiB of
		 * stack pages touched by every input */
		struct hest_blob *hb = malloc((blobs->n ? blobs->n : 1) * sizeof(*hb));
		if (!hb)
			goto io;
		for (size_t i = 0; i < blobs->n; i++)
			hb[i] = (struct hest_blob){ blobs->v[i].name, blobs->v[i].data, blobs->v[i].len,
						    blobs->v[i].access };
		struct hest_validate_options vo = { o->arch, o->settings, o->nsettings, o->werror, NULL, NULL, NULL,
						    o->vcache, o->phys_bits };
		/* a fragment's HEST is reached by the rest of the VMM's script */
		struct hest_sim_options so = { 0x7f000000u, 0xe0000u, 0x100000u, NULL, 0, HEST_FW_SEABIOS, NULL, 0 };
		struct hest_sim_target hest_entry = { tables, 0 };
		struct blobfile *tf = blob_find(blobs, tables);
		size_t hoff, hlen;
		if (fragment && tf && hest_find_acpi_table(tf->data, tf->len, "HEST", &hoff, &hlen)) {
			hest_entry.offset = hoff;
			so.assume = &hest_entry;
			so.nassume = 1;
		}
		struct hest_loaded ld;
		int lrc = hest_load_tables(&l, hb, blobs->n, &so, o->firmwares, loader, &vo, &ld, &d);
		free(hb);
		if (lrc == 0) {
			struct source_table lt = { malloc(ld.len ? ld.len : 1), ld.len, loaded_label(blobs, &ld) };
			if (!lt.bytes || !lt.label) {
				free(lt.bytes);
				free(lt.label);
				hest_loaded_free(&ld);
				goto io;
			}
			memcpy(lt.bytes, ld.file->data + ld.offset, ld.len);
			check_table_bytes(input, &lt, &ld, o, &d, t);
			free(lt.bytes);
			free(lt.label);
			hest_loaded_free(&ld);
			goto done;
		}
		hest_loaded_free(&ld);
		if (dir && !tb.bytes) {
			/* Nothing to fall back to: report what the loader said. */
			struct result r = { input, input, false, NULL, NULL, { 0 }, false };
			add_totals(&d, t);
			if (o->json)
				print_json(&r, &d, t);
			else
				print_text(&r, &d, o);
			goto done;
		}
	}
	if (dir && !tb.bytes) {
		struct blobfile *f = blob_find(blobs, "etc/acpi/tables");
		size_t off, len;
		if (!f || !hest_find_acpi_table(f->data, f->len, "HEST", &off, &len)) {
			fprintf(stderr, "%s: error: '%s': no etc/acpi/tables with a HEST (and no loader script)\n",
				hestval_prog, input);
			goto io;
		}
		tb.bytes = malloc(len ? len : 1);
		tb.len = len;
		tb.label = cli_join(input, "etc/acpi/tables");
		if (!tb.bytes || !tb.label)
			goto io;
		memcpy(tb.bytes, f->data + off, len);
	}
	check_table_bytes(input, &tb, NULL, o, &d, t);
	goto done;
io:
	t->io = true;
done:
	outdir_free(&od);
	free(dir_loader);
	free(tb.bytes);
	free(tb.label);
	hest_loader_free(&l);
	blobs_free(blobs);
	hest_diags_free(&d);
}

/* --- options ---------------------------------------------------------------- */

static int add_setting(struct vopts *o, const char *rule, enum hest_rule_action a)
{
	if (!hest_rule_pattern_valid(rule)) {
		fprintf(stderr, "%s: error: no rule matches '%s' (see 'hestval rules')\n", hestval_prog, rule);
		return -1;
	}
	o->settings[o->nsettings++] = (struct hest_rule_setting){ rule, a };
	return 0;
}

enum { OPT_LOADER = 256, OPT_BLOB, OPT_WRITABLE, OPT_READ_ONLY, OPT_FIRMWARE, OPT_ARCH, OPT_PHYS_BITS, OPT_FORMAT,
       OPT_WERROR, OPT_SSDT, OPT_REGION };

static int parse_options(int argc, char **argv, struct vopts *o)
{
	static const struct option longopts[] = {
		{ "loader", required_argument, NULL, OPT_LOADER },
		{ "blob", required_argument, NULL, OPT_BLOB },
		{ "writable", required_argument, NULL, OPT_WRITABLE },
		{ "read-only", required_argument, NULL, OPT_READ_ONLY },
		{ "firmware", required_argument, NULL, OPT_FIRMWARE },
		{ "arch", required_argument, NULL, OPT_ARCH },
		{ "phys-bits", required_argument, NULL, OPT_PHYS_BITS },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "werror", no_argument, NULL, OPT_WERROR },
		{ "ssdt", required_argument, NULL, OPT_SSDT },
		{ "region", required_argument, NULL, OPT_REGION },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "W:E:w:qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'W':
			if (add_setting(o, optarg, HEST_RULE_WARNING) < 0)
				return -1;
			break;
		case 'E':
			if (add_setting(o, optarg, HEST_RULE_ERROR) < 0)
				return -1;
			break;
		case 'w':
			if (add_setting(o, optarg, HEST_RULE_OFF) < 0)
				return -1;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'h':
			validate_usage(stdout);
			return 1;
		case OPT_LOADER:
			o->loader = optarg;
			break;
		case OPT_BLOB:
		case OPT_WRITABLE:
		case OPT_READ_ONLY:
			o->blob_access[o->nblob_args] = ch == OPT_WRITABLE    ? HEST_BLOB_WRITABLE
						      : ch == OPT_READ_ONLY ? HEST_BLOB_READ_ONLY
									    : HEST_BLOB_ACCESS_UNKNOWN;
			o->blob_args[o->nblob_args++] = optarg;
			break;
		case OPT_FIRMWARE:
			if (strcmp(optarg, "seabios") == 0)
				o->firmwares = 1u << HEST_FW_SEABIOS;
			else if (strcmp(optarg, "uefi") == 0 || strcmp(optarg, "ovmf") == 0 || strcmp(optarg, "aavmf") == 0)
				o->firmwares = 1u << HEST_FW_UEFI;
			else if (strcmp(optarg, "all") == 0)
				o->firmwares = HEST_FW_ALL;
			else {
				fprintf(stderr, "%s: error: --firmware takes seabios, uefi or all, not '%s'\n",
					hestval_prog, optarg);
				return -1;
			}
			break;
		case OPT_PHYS_BITS: {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (!*optarg || *end || v < 32 || v > 64) {
				fprintf(stderr, "%s: error: --phys-bits takes a width from 32 to 64, not '%s'\n",
					hestval_prog, optarg);
				return -1;
			}
			o->phys_bits = (unsigned)v;
			break;
		}
		case OPT_ARCH: {
			uint64_t a;
			if (!hest_name_lookup(&hest_arch_names, optarg, strlen(optarg), &a)) {
				fprintf(stderr, "%s: error: --arch takes x86_64, arm64, riscv64 or any, not '%s'\n",
					hestval_prog, optarg);
				return -1;
			}
			o->arch = (enum hest_arch)a;
			break;
		}
		case OPT_FORMAT:
			if (strcmp(optarg, "json") == 0)
				o->json = true;
			else if (strcmp(optarg, "text") == 0)
				o->json = false;
			else {
				fprintf(stderr, "%s: error: --format takes text or json, not '%s'\n", hestval_prog, optarg);
				return -1;
			}
			break;
		case OPT_WERROR:
			o->werror = true;
			break;
		case OPT_SSDT:
			o->ssdt = optarg;
			break;
		case OPT_REGION:
			o->region = optarg;
			break;
		default:
			if (optopt && optopt < 256)
				fprintf(stderr, "%s: error: option '-%c' %s\n", hestval_prog, optopt,
					strchr("WEw", optopt) ? "needs a rule id" : "is not known");
			else
				fprintf(stderr, "%s: error: option '%s' is not known or lacks its argument\n",
					hestval_prog, argv[optind - 1]);
			return -1;
		}
	}
	return 0;
}

static void vopts_free(struct vopts *o)
{
	if (!o)
		return;
	free(o->settings);
	free(o->blob_args);
	free(o->blob_access);
	free(o->ssdt_bytes);
	free(o->region_bytes);
	hest_vcache_free(o->vcache);
	if (o->model)
		hest_model_free(o->model);
	free(o->model);
	free(o);
}

int hestval_cmd_validate(int argc, char **argv)
{
	size_t room = argc > 0 ? (size_t)argc : 1;
	struct vopts *o = calloc(1, sizeof(*o));
	if (o) {
		o->settings = malloc(room * sizeof(*o->settings));
		o->blob_args = malloc(room * sizeof(*o->blob_args));
		o->blob_access = malloc(room * sizeof(*o->blob_access));
		o->vcache = hest_vcache_new();
		o->model = calloc(1, sizeof(*o->model)); /* zeroed: the first hest_model_reset initialises it */
	}
	if (!o || !o->settings || !o->blob_args || !o->blob_access || !o->vcache || !o->model) {
		fprintf(stderr, "%s: error: out of memory\n", hestval_prog);
		vopts_free(o);
		return EXIT_USAGE;
	}
	int rc = parse_options(argc, argv, o);
	if (rc != 0) {
		if (rc < 0)
			fprintf(stderr, "Try 'hestval validate --help'.\n");
		vopts_free(o);
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "%s: error: validate needs at least one INPUT\n", hestval_prog);
		validate_usage(stderr);
		vopts_free(o);
		return EXIT_USAGE;
	}
	if (o->ssdt && cli_read_file(hestval_prog, o->ssdt, &o->ssdt_bytes, &o->ssdt_len) < 0) {
		vopts_free(o);
		return EXIT_USAGE;
	}
	if (o->region && cli_read_file(hestval_prog, o->region, &o->region_bytes, &o->region_len) < 0) {
		vopts_free(o);
		return EXIT_USAGE;
	}
	if (o->region && o->region_len > UINT32_MAX) {
		fprintf(stderr, "%s: error: --region %s: %zu bytes; a BERT's region length is 32-bit\n", hestval_prog,
			o->region, o->region_len);
		vopts_free(o);
		return EXIT_USAGE;
	}
	struct totals t = { 0, 0, 0, false, true };
	if (o->json)
		printf("{\"inputs\": [");
	for (int i = optind; i < argc; i++)
		validate_input(argv[i], o, &t);
	int status = t.io ? EXIT_USAGE : t.errors ? EXIT_INPUT : EXIT_OK;
	if (o->json)
		printf("\n  ],\n \"summary\": {\"inputs\": %d, \"errors\": %zu, \"warnings\": %zu, \"notes\": %zu, "
		       "\"exit\": %d}}\n",
		       argc - optind, t.errors, t.warnings, t.notes, status);
	vopts_free(o);
	return status;
}

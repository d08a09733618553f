/* Loader cross-check: run the script over its fw_cfg files, find the
 * patched HEST, then check that every GHES points where QEMU's layout says
 * it must (docs/specs/acpi_hest_ghes.rst): the error status address at an
 * 8-byte register inside an allocated file, the register holding the
 * address of error_block_length bytes of allocated memory, blocks apart
 * from each other and from the registers, read-ack registers inside a
 * file.  Register addresses shared between sources are GAS-OVERLAP. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/rules.h>
#include "check_passes.h"

#define REGISTER_SIZE 8u

static bool same_diag(const struct hest_diag *a, const struct hest_diag *b)
{
	return a->loc.line == b->loc.line && a->loc.offset == b->loc.offset && a->loc.has_offset == b->loc.has_offset &&
	       a->severity == b->severity && (a->rule == b->rule || (a->rule && b->rule && !strcmp(a->rule, b->rule))) &&
	       strcmp(a->message, b->message) == 0;
}

/* Re-issues the simulator's diagnostics under the rule settings; one the
 * other firmware model already reported (from `first` on) is not repeated. */
static void relay(const struct hest_diags *from, const struct hest_validate_options *vo, struct hest_diags *d,
		  size_t first)
{
	for (size_t i = 0; i < from->n; i++) {
		const struct hest_diag *g = &from->v[i];
		enum hest_severity sev = g->severity;
		if (g->rule && !hest_rule_effective(g->rule, vo->settings, vo->nsettings, vo->werror, &sev))
			continue;
		if (!g->rule && vo->werror && sev == HEST_SEV_WARNING)
			sev = HEST_SEV_ERROR;
		struct hest_diag probe = *g;
		probe.severity = sev;
		bool dup = false;
		for (size_t j = first; j < d->n && !dup; j++)
			dup = same_diag(&d->v[j], &probe);
		if (!dup)
			hest_diag_add(d, sev, g->rule, g->loc, "%s", g->message);
	}
	if (from->oom)
		d->oom = true;
}

static void report(const struct hest_validate_options *vo, struct hest_diags *d, const char *rule,
		   struct hest_loc loc, const char *msg)
{
	enum hest_severity sev;
	if (hest_rule_effective(rule, vo->settings, vo->nsettings, vo->werror, &sev))
		hest_diag_add(d, sev, rule, loc, "%s", msg);
}

static bool find_in(const struct hest_sim_file *f, uint64_t *off, size_t *len)
{
	size_t o;
	if (!hest_find_acpi_table(f->data, f->len, "HEST", &o, len))
		return false;
	*off = o;
	return true;
}

/* The file holding the HEST after the script: etc/acpi/tables first. */
static const struct hest_sim_file *find_hest(const struct hest_sim *sim, uint64_t *off, size_t *len)
{
	const struct hest_sim_file *pref = hest_sim_find(sim, "etc/acpi/tables");
	if (pref && find_in(pref, off, len))
		return pref;
	for (size_t i = 0; i < sim->nfiles; i++)
		if (find_in(&sim->files[i], off, len))
			return &sim->files[i];
	return NULL;
}

/* What the OS gets from this firmware's run, and LOADER-HEST-NOT-INSTALLED
 * when UEFI leaves a HEST it holds uninstalled. */
/* Whether an ADD_POINTER (or the rest of the VMM's script) points at addr. */
static bool pointed_at(const struct hest_loader *l, const struct hest_sim *sim, uint64_t addr,
		       const struct hest_sim_options *o)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct hest_loader_entry *e = &l->v[i];
		const struct hest_sim_file *dst = e->command == HEST_LOADER_ADD_POINTER ? hest_sim_find(sim, e->file) : NULL;
		if (dst && e->offset <= dst->len && dst->len - e->offset >= e->size &&
		    hest_get_le(dst->data + e->offset, e->size) == addr)
			return true;
	}
	for (size_t i = 0; i < o->nassume; i++) {
		const struct hest_sim_file *f = hest_sim_find(sim, o->assume[i].file);
		if (f && f->addr + o->assume[i].offset == addr)
			return true;
	}
	return false;
}

static void judge(const struct hest_loader *l, const struct hest_sim_options *assume, const struct hest_sim *sim,
		  enum hest_firmware fw, const char *loader_file,
		  const struct hest_validate_options *vo, struct hest_loaded_firmware *r, struct hest_diags *d)
{
	uint64_t off = 0;
	size_t len = 0;
	const struct hest_sim_file *f = find_hest(sim, &off, &len);
	r->ran = true;
	r->hest_found = f != NULL;
	r->ntables = sim->ntables;
	for (size_t i = 0; i < sim->ntables && i < 64; i++)
		memcpy(r->tables[i], sim->tables[i].signature, 5);
	if (fw == HEST_FW_SEABIOS || !f) {
		r->installed = f != NULL;
		if (!f)
			snprintf(r->why, sizeof(r->why), "no HEST in memory after the script");
		return;
	}
	r->installed = hest_sim_installed(sim, f, off) != NULL;
	if (r->installed)
		return;
	uint8_t sum = hest_byte_sum(f->data + off, len);
	if (sim->halted)
		snprintf(r->why, sizeof(r->why), "OVMF/AAVMF stop at the WRITE_POINTER into a read-only file: the guest "
			 "never boots");
	else if (sim->rolled_back)
		snprintf(r->why, sizeof(r->why), "OVMF/AAVMF roll the whole script back after its error: they install "
			 "no table, so the OS sees no HEST");
	else if (sum)
		snprintf(r->why, sizeof(r->why), "after OVMF/AAVMF run the script the HEST in '%s' sums to 0x%02x, not "
			 "0: they take it for no table and do not install it, so the OS sees no HEST%s", f->name, sum,
			 pointed_at(l, sim, f->addr + off, assume) ? "" : " (and no ADD_POINTER points at it)");
	else
		snprintf(r->why, sizeof(r->why), "no ADD_POINTER points at the HEST ('%s'+0x%" PRIx64 "): OVMF/AAVMF "
			 "install only tables a pointer reaches, so the OS sees no HEST", f->name, off);
	report(vo, d, "LOADER-HEST-NOT-INSTALLED", (struct hest_loc){ loader_file, 0, 0, false, 0 }, r->why);
}

int hest_load_tables(const struct hest_loader *l, const struct hest_blob *blobs, size_t nblobs,
		     const struct hest_sim_options *so, unsigned firmwares, const char *loader_file,
		     const struct hest_validate_options *vo, struct hest_loaded *out, struct hest_diags *d)
{
	static const struct hest_sim_options defaults = { 0x7f000000u, 0xe0000u, 0x100000u, NULL, 0, HEST_FW_SEABIOS,
							  NULL, 0 };
	struct hest_sim_options o = so ? *so : defaults;
	memset(out, 0, sizeof(*out));
	if (!(firmwares & HEST_FW_ALL))
		firmwares = HEST_FW_ALL;
	size_t first = d->n;
	bool primary_set = false;
	for (int fw = 0; fw < HEST_FW_COUNT; fw++) {
		if (!(firmwares & (1u << fw)))
			continue;
		struct hest_diags sd;
		struct hest_sim sim;
		hest_diags_init(&sd);
		o.firmware = (enum hest_firmware)fw;
		hest_loader_simulate(l, blobs, nblobs, &o, loader_file, &sim, &sd);
		relay(&sd, vo, d, first);
		hest_diags_free(&sd);
		judge(l, &o, &sim, (enum hest_firmware)fw, loader_file, vo, &out->fw[fw], d);
		if (primary_set) {
			hest_sim_free(&sim);
			continue;
		}
		out->sim = sim;
		out->primary = (enum hest_firmware)fw;
		primary_set = true;
	}
	out->file = find_hest(&out->sim, &out->offset, &out->len);
	if (out->file)
		return 0;
	char msg[160];
	snprintf(msg, sizeof(msg), "no allocated file holds a table with the signature 'HEST' after the script "
				   "ran (%zu file%s allocated)",
		 out->sim.nfiles, out->sim.nfiles == 1 ? "" : "s");
	report(vo, d, "LOADER-HEST-MISSING", (struct hest_loc){ loader_file, 0, 0, false, 0 }, msg);
	return -1;
}

void hest_loaded_free(struct hest_loaded *ld)
{
	hest_sim_free(&ld->sim);
	memset(ld, 0, sizeof(*ld));
}

/* --- checks over the patched model ---------------------------------------- */

static const struct hest_sim_file *covering(const struct hest_sim *sim, uint64_t addr, uint64_t n)
{
	for (size_t i = 0; i < sim->nfiles; i++) {
		const struct hest_sim_file *f = &sim->files[i];
		/* UEFI frees what only held tables: a register there is gone */
		if (f->freed && !sim->rolled_back)
			continue;
		if (addr >= f->addr && addr - f->addr <= f->len && f->len - (addr - f->addr) >= n)
			return f;
	}
	return NULL;
}

static const struct hest_sim_file *containing(const struct hest_sim *sim, uint64_t addr)
{
	for (size_t i = 0; i < sim->nfiles; i++) {
		const struct hest_sim_file *f = &sim->files[i];
		if (addr >= f->addr && addr - f->addr < f->len)
			return f;
	}
	return NULL;
}

struct span {
	const struct hest_source *s;
	const char *what;
	uint64_t addr, end;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return strcmp(x->what, y->what);
}

static void check_register(struct vctx *c, const struct hest_source *s, struct span *sp, size_t *n)
{
	const struct hest_sim *sim = c->o->sim;
	uint64_t a = vget(s, "error_status_address.address");
	if (!a)
		return; /* HEST-GAS-ZERO */
	const struct hest_sim_file *f = covering(sim, a, REGISTER_SIZE);
	if (!f) {
		const struct hest_sim_file *g = containing(sim, a);
		if (g)
			vreport(c, "LOADER-REGISTER", s, "error_status_address.address", 0,
				"the error status address 0x%" PRIx64 " lies in '%s' but fewer than %u bytes remain "
				"before its end",
				a, g->name, REGISTER_SIZE);
		else
			vreport(c, "LOADER-REGISTER", s, "error_status_address.address", 0,
				"the error status address 0x%" PRIx64 " is outside every allocated file", a);
		return;
	}
	sp[(*n)++] = (struct span){ s, "error status address register", a, a + REGISTER_SIZE };
	uint64_t block = hest_get_le(f->data + (a - f->addr), REGISTER_SIZE);
	uint64_t ebl = vget(s, "error_block_length");
	if (!block) {
		vreport(c, "LOADER-BLOCK", s, "error_status_address.address", 0,
			"the register at 0x%" PRIx64 " ('%s'+0x%" PRIx64 ") holds 0: no ADD_POINTER sets it, so the "
			"OS finds no error status block",
			a, f->name, a - f->addr);
		return;
	}
	const struct hest_sim_file *b = covering(sim, block, ebl);
	if (!b) {
		const struct hest_sim_file *g = containing(sim, block);
		if (g)
			vreport(c, "LOADER-BLOCK", s, "error_status_address.address", 0,
				"the register at 0x%" PRIx64 " points at 0x%" PRIx64 " in '%s', where only %" PRIu64
				" bytes remain; error_block_length is %" PRIu64,
				a, block, g->name, g->len - (block - g->addr), ebl);
		else
			vreport(c, "LOADER-BLOCK", s, "error_status_address.address", 0,
				"the register at 0x%" PRIx64 " points at 0x%" PRIx64 ", outside every allocated file", a,
				block);
		return;
	}
	sp[(*n)++] = (struct span){ s, "error status block", block, block + (ebl ? ebl : 1) };
}

static void check_read_ack(struct vctx *c, const struct hest_source *s, struct span *sp, size_t *n)
{
	uint64_t a = vget(s, "read_ack.register.address");
	if (!a)
		return; /* HEST-GAS-ZERO */
	if (!covering(c->o->sim, a, REGISTER_SIZE)) {
		vreport(c, "LOADER-READ-ACK", s, "read_ack.register.address", 0,
			"the read-ack register 0x%" PRIx64 " is not %u bytes inside an allocated file", a, REGISTER_SIZE);
		return;
	}
	sp[(*n)++] = (struct span){ s, "read-ack register", a, a + REGISTER_SIZE };
}

/* Blocks must not overlap each other or any register; registers among
 * themselves are GAS-OVERLAP's business. */
static void check_spans(struct vctx *c, struct span *sp, size_t n)
{
	qsort(sp, n, sizeof(*sp), cmp_span);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n && sp[j].addr < sp[i].end; j++) {
			const struct span *a = &sp[i], *b = &sp[j];
			bool ablock = strcmp(a->what, "error status block") == 0;
			bool bblock = strcmp(b->what, "error status block") == 0;
			if (!ablock && !bblock)
				continue;
			const struct span *blk = bblock ? b : a, *other = bblock ? a : b;
			char tb[32];
			vreport(c, "LOADER-BLOCK-OVERLAP", blk->s, "error_status_address.address", 0,
				"its error status block 0x%" PRIx64 "..0x%" PRIx64 " overlaps the %s of source %u (%s) "
				"at 0x%" PRIx64 "..0x%" PRIx64,
				blk->addr, blk->end, other->what, vsource_id(other->s), vtype_name(other->s, tb, sizeof(tb)),
				other->addr, other->end);
		}
	}
}

void check_loader(struct vctx *c)
{
	if (!c->o->sim)
		return;
	struct span *sp = calloc(3 * (c->nreal + 1), sizeof(*sp));
	size_t n = 0;
	if (!sp) {
		c->d->oom = true;
		return;
	}
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (!vis_ghes(s) || s->len < s->desc->size || vall_zero(s))
			continue;
		check_register(c, s, sp, &n);
		if (s->type == 10)
			check_read_ack(c, s, sp, &n);
	}
	check_spans(c, sp, n);
	free(sp);
}

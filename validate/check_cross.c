/* Rules across structures: source ids, related sources, GLOBAL AER
 * structures, firmware-first and GHES_ASSIST sources and the GHES that
 * serve them, one-per-platform types. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/fields.h>
#include "check_passes.h"

#define FLAG_FIRMWARE_FIRST 0x1u
#define FLAG_GLOBAL 0x2u
#define FLAG_GHES_ASSIST 0x4u
#define NO_SOURCE 0xFFFFu

static bool considered(const struct hest_source *s)
{
	return s->desc && s->len >= s->desc->size && !vall_zero(s);
}

/* The first structure with each id (vidmap_get: its index + 1, 0 if none);
 * sized by the number of structures, not by the largest id. */
static int index_ids(struct vctx *c, struct vidmap *first)
{
	if (vidmap_init(first, c->nreal) < 0) {
		c->d->oom = true;
		return -1;
	}
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (considered(s))
			vidmap_add(first, vsource_id(s), i);
	}
	return 0;
}

static void check_dup_ids(struct vctx *c, const struct vidmap *first)
{
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (!considered(s))
			continue;
		unsigned id = vsource_id(s);
		size_t f = vidmap_get(first, id) - 1;
		if (f == i)
			continue;
		const struct hest_source *o = &c->m->src[f];
		char tb[32];
		if (c->info)
			vreport(c, "HEST-DUP-ID", s, "id", 0, "source id %u is already used by the %s structure at 0x%" PRIx32,
				id, vtype_name(o, tb, sizeof(tb)), o->layout.hest_offset);
		else
			vreport(c, "HEST-DUP-ID", s, "id", 0, "source id %u is already used by source '%s' (line %" PRIu32 ")",
				id, o->name, o->pos.line);
	}
}

static void check_related(struct vctx *c, const struct vidmap *first)
{
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (!considered(s) || !vis_ghes(s))
			continue;
		unsigned rel = (unsigned)vget_m(s, &c->mm->related);
		if (rel == NO_SOURCE)
			continue;
		size_t f = vidmap_get(first, rel);
		if (!f) {
			vreport(c, "HEST-RELATED-MISSING", s, "related_source_id", 0,
				"related_source_id %u names no source of the table (0xFFFF means none)", rel);
			continue;
		}
		const struct hest_source *t = &c->m->src[f - 1];
		char tb[32];
		if (t == s)
			vreport(c, "HEST-RELATED-KIND", s, "related_source_id", 0,
				"related_source_id %u names this source itself (0xFFFF means none)", rel);
		else if (vis_ghes(t))
			vreport(c, "HEST-RELATED-KIND", s, "related_source_id", 0,
				"related_source_id %u names a %s source; a GHES is an alternate for MCE, CMC, NMI, AER "
				"or deferred MC sources, not for another GHES",
				rel, vtype_name(t, tb, sizeof(tb)));
	}
}

static void check_global_aer(struct vctx *c)
{
	for (unsigned type = 6; type <= 8; type++) {
		const struct hest_source *firstg = NULL;
		for (size_t i = 0; i < c->nreal; i++) {
			const struct hest_source *s = &c->m->src[i];
			if (s->type != type || !considered(s) || !(vget_m(s, &c->mm->flags) & FLAG_GLOBAL))
				continue;
			if (!firstg) {
				firstg = s;
				continue;
			}
			if (c->info)
				vreport(c, "HEST-AER-GLOBAL-DUP", s, "flags", 0,
					"a second GLOBAL %s structure; the one at 0x%" PRIx32 " already applies to every "
					"device of this kind",
					s->desc->key, firstg->layout.hest_offset);
			else
				vreport(c, "HEST-AER-GLOBAL-DUP", s, "flags", 0,
					"a second GLOBAL %s structure; source '%s' already applies to every device of "
					"this kind",
					s->desc->key, firstg->name);
		}
	}
}

/* Whether the structures the decoder found after a gap include a GHES
 * (HEST-GAP explains them; they are not hidden from the firmware's view). */
static bool ghes_after_gap(const struct vctx *c)
{
	const struct hest_decode_info *in = c->info;
	const uint8_t *t = c->o->table;
	if (!in || !in->resync || !t)
		return false;
	uint32_t at = in->resync_offset;
	for (uint32_t i = 0; i < in->resync_count && at + 4 <= in->walk_end; i++) {
		unsigned type = (unsigned)hest_get_le(t + at, 2);
		uint32_t n = hest_struct_len(type, t + at, in->walk_end - at);
		if (type == 9 || type == 10)
			return true;
		if (!n)
			break;
		at += n;
	}
	return false;
}

static void check_firmware_first(struct vctx *c)
{
	bool any_ghes = ghes_after_gap(c);
	for (size_t i = 0; i < c->nreal && !any_ghes; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (vis_ghes(s) && considered(s) && vget_m(s, &c->mm->enabled))
			any_ghes = true;
	}
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (!(vis_mc(s) || vis_aer(s)) || !considered(s))
			continue;
		uint64_t flags = vget_m(s, &c->mm->flags);
		if ((flags & FLAG_FIRMWARE_FIRST) && !any_ghes)
			vreport(c, "HEST-FF-NO-GHES", s, "flags", 0,
				"FIRMWARE_FIRST is set but the table has no enabled GHES through which firmware could "
				"report the errors it handles");
		if (vis_mc(s) && (flags & FLAG_GHES_ASSIST) && !(flags & FLAG_FIRMWARE_FIRST)) {
			bool served = false;
			for (size_t j = 0; j < c->nreal && !served; j++) {
				const struct hest_source *g = &c->m->src[j];
				served = vis_ghes(g) && considered(g) && vget_m(g, &c->mm->related) == vsource_id(s);
			}
			if (!served)
				vreport(c, "HEST-ASSIST-NO-GHES", s, "flags", 0,
					"GHES_ASSIST is set but no GHES has related_source_id %u", vsource_id(s));
		}
	}
}

/* ACPI: only one IA-32 MCE, CMC and NMI structure per table.  All-zero
 * structures count: every consumer that walks the table sees them. */
static void check_singletons(struct vctx *c)
{
	static const struct {
		unsigned type;
		const char *what;
	} one[] = {
		{ 0, "IA-32 machine check exception" },
		{ 1, "IA-32 corrected machine check" },
		{ 2, "IA-32 NMI" },
	};
	for (size_t k = 0; k < sizeof(one) / sizeof(one[0]); k++) {
		size_t n = 0;
		const struct hest_source *second = NULL, *firsts = NULL;
		for (size_t i = 0; i < c->nreal; i++) {
			const struct hest_source *s = &c->m->src[i];
			if (!s->desc || s->type != one[k].type)
				continue;
			if (++n == 1)
				firsts = s;
			else if (n == 2)
				second = s;
		}
		if (n < 2)
			continue;
		if (c->info)
			vreport(c, "HEST-SINGLETON", second, NULL, 0,
				"%zu %s structures (the first at 0x%" PRIx32 "); only one is permitted per table", n,
				one[k].what, firsts->layout.hest_offset);
		else
			vreport(c, "HEST-SINGLETON", second, NULL, 0,
				"%zu %s structures (the first is '%s'); only one is permitted per table", n, one[k].what,
				firsts->name);
	}
}

void check_cross(struct vctx *c)
{
	struct vidmap first;
	if (index_ids(c, &first) == 0) {
		if (!(c->m->allow & HEST_ALLOW_DUPLICATE_IDS))
			check_dup_ids(c, &first);
		check_related(c, &first);
		vidmap_free(&first);
	}
	check_global_aer(c);
	check_firmware_first(c);
	check_singletons(c);
}

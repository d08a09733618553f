/* The checks hestc compile runs on a description, located at its YAML
 * positions: a notification type the target architecture cannot raise,
 * revision 2's order of structure types, and QEMU's own walk of a HEST
 * whose address it is told (QEMU-HEST-WALK). */
#include <inttypes.h>
#include <hest/layout.h>
#include <hest/rules.h>
#include <hest/schema.h>
#include "check_helpers.h"

static struct hest_loc at(const struct hest_model *m, const struct hest_source *s, const char *path)
{
	const struct hest_given *g = hest_source_given(s, path);
	struct hest_pos p = g ? g->pos : s->pos;
	return (struct hest_loc){ m->file, p.line, p.col, false, 0 };
}

static enum hest_severity severity(const char *rule)
{
	const struct hest_rule *r = hest_rule_find(rule);
	return r ? r->severity : HEST_SEV_ERROR;
}

static void check_arch(const struct hest_model *m, const struct hest_source *s, struct hest_diags *d)
{
	uint64_t type;
	if (m->arch == HEST_ARCH_ANY || !hest_source_get(s, "notification.type", &type))
		return;
	enum hest_arch home = vnotify_arch(type);
	if (home == HEST_ARCH_ANY || home == m->arch)
		return;
	const char *name = hest_name_of(&hest_notify_type_names, type);
	hest_diag_add(d, severity("HEST-NOTIFY-ARCH"), "HEST-NOTIFY-ARCH", at(m, s, "notification.type"),
		      "source '%s': notification type %s is %s mechanism; it cannot signal errors on target.arch %s",
		      s->name, name ? name : "?", vnotify_arch_words(home), hest_name_of(&hest_arch_names, m->arch));
}

static void check_type_order(const struct hest_model *m, struct hest_diags *d)
{
	if (hest_get_le(m->hdr.bytes + 8, 1) < 2)
		return;
	const struct hest_source *highest = NULL;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		if (!s->desc || s->type >= 12)
			continue;
		if (highest && s->type < highest->type)
			hest_diag_add(d, severity("HEST-ORDER"), "HEST-ORDER", at(m, s, "type"),
				      "source '%s' (%s, type %u) comes after '%s' (%s, type %u): revision 2 (ACPI 6.5) "
				      "orders structures of types 0-11 by type; reorder the sources, or set "
				      "table.revision: 1",
				      s->name, s->desc->key, s->type, highest->name, highest->desc->key, highest->type);
		else if (!highest || s->type > highest->type)
			highest = s;
	}
}

/* QEMU-HEST-WALK for a description whose loader tells QEMU the HEST's
 * address (validate/check_qemu.c). */
static void check_qemu_walk(const struct hest_model *m, struct hest_diags *d)
{
	if (!hest_qemu_walks(m))
		return;
	for (size_t k = 0; k < m->nsrc; k++) {
		const struct hest_source *s = &m->src[k];
		size_t stop = 0;
		enum hest_qemu_walk r;
		if (!vis_ghes(s) || (r = hest_qemu_walk(m, m->nsrc, k, &stop)) == HEST_QEMU_WALK_FOUND)
			continue;
		char msg[400];
		hest_qemu_walk_message(m, k, r, stop, msg, sizeof(msg));
		hest_diag_add(d, severity("QEMU-HEST-WALK"), "QEMU-HEST-WALK", at(m, s, "type"), "source '%s': %s",
			      s->name, msg);
	}
}

void hest_check_description(const struct hest_model *m, struct hest_diags *d)
{
	for (size_t i = 0; i < m->nsrc; i++)
		check_arch(m, &m->src[i], d);
	check_type_order(m, d);
	check_qemu_walk(m, d);
}

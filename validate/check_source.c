/* Rules over each structure on its own: reserved fields and flag bits,
 * booleans, counts that must be at least 1, the notification structure,
 * MCA banks.  Raw sources (undecodable bytes) and all-zero structures
 * (reported once by HEST-ZERO-STRUCT) are skipped. */
#include <stdio.h>
#include <string.h>
#include <inttypes.h>
#include <hest/fields.h>
#include <hest/schema.h>
#include "check_passes.h"

#define FLAG_FIRMWARE_FIRST 0x1u
#define FLAG_GLOBAL 0x2u
#define FLAG_GHES_ASSIST 0x4u


/* Reserved fields of a structure and its sub structures. */
static void reserved_fields(struct vctx *c, const struct hest_source *s, const struct hest_struct_desc *d,
			    uint32_t base, const char *where)
{
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_field *f = &d->fields[i];
		uint32_t off = base + f->offset;
		if (f->kind == HEST_FK_STRUCT) {
			reserved_fields(c, s, f->sub, off, f->key);
			continue;
		}
		if (f->kind != HEST_FK_RESERVED || off + f->size > s->len || f->size > 8)
			continue;
		uint64_t v = hest_get_le(s->bytes + off, f->size);
		if (!v)
			continue;
		if (f->size == 1)
			vreport(c, "HEST-RESERVED", s, NULL, off, "reserved %s%sbyte %" PRIu32 " holds 0x%02" PRIx64
				"; must be zero", where ? where : "", where ? " " : "", off, v);
		else
			vreport(c, "HEST-RESERVED", s, NULL, off, "reserved %s%sbytes %" PRIu32 "..%" PRIu32
				" hold 0x%0*" PRIx64 "; must be zero", where ? where : "", where ? " " : "", off,
				off + f->size - 1u, (int)(2 * f->size), v);
	}
}

/* The fields of an MCA bank the checks read, looked up once per pass. */
struct bankf {
	const struct hest_field *res, *num, *clr, *fmt;
};

static void reserved_banks(struct vctx *c, const struct hest_source *s, const struct bankf *mm)
{
	size_t n, stride;
	const uint8_t *b0 = vbanks(s, &n, &stride);
	const struct hest_field *res = mm->res;
	for (size_t i = 0; b0 && res && i < n; i++) {
		const uint8_t *b = b0 + i * stride;
		uint64_t v = hest_get_le(b + res->offset, res->size);
		if (v)
			vreport(c, "HEST-RESERVED", s, NULL, vbank_offset(s, i) + res->offset,
				"bank %zu: reserved byte 3 holds 0x%02" PRIx64 "; must be zero", i, v);
	}
}

static const char *flag_name(unsigned bit)
{
	switch (bit) {
	case FLAG_FIRMWARE_FIRST:
		return " (FIRMWARE_FIRST)";
	case FLAG_GLOBAL:
		return " (GLOBAL, defined for AER structures only)";
	case FLAG_GHES_ASSIST:
		return " (GHES_ASSIST, defined for IA-32 machine check structures only)";
	default:
		return "";
	}
}

static void check_flags(struct vctx *c, const struct hest_source *s, struct vmemos *mm)
{
	size_t off;
	const struct hest_field *f = vfield(s, &mm->flags, &off);
	if (!f)
		return;
	uint64_t flags = vget_m(s, &mm->flags), allowed = 0;
	for (size_t i = 0; f->names && i < f->names->n; i++)
		allowed |= f->names->v[i].value;
	uint64_t bad = flags & ~allowed;
	for (unsigned n = 0; n < 8; n++)
		if (bad & (1u << n))
			vreport(c, "HEST-FLAGS-RESERVED", s, "flags", 0,
				"flags 0x%02" PRIx64 ": bit %u%s is reserved for %s structures", flags, n,
				flag_name(1u << n), s->desc->key);
	if (vis_mc(s) && (flags & FLAG_FIRMWARE_FIRST) && (flags & FLAG_GHES_ASSIST))
		vreport(c, "HEST-FLAGS-FF-ASSIST", s, "flags", 0,
			"flags 0x%02" PRIx64 " set both FIRMWARE_FIRST and GHES_ASSIST; GHES_ASSIST is reserved when "
			"firmware handles the errors first",
			flags);
}

static void check_counts(struct vctx *c, const struct hest_source *s, struct vmemos *mm)
{
	uint64_t v;
	if (vget_has(s, &mm->enabled, &v) && v > 1)
		vreport(c, "HEST-ENABLED", s, "enabled", 0, "enabled is %" PRIu64 "; only 0 and 1 are defined", v);
	if (vget_has(s, &mm->records, &v) && v == 0)
		vreport(c, "HEST-RECORDS", s, "records_to_preallocate", 0,
			"records_to_preallocate is 0; the OS must preallocate at least one error record");
	if (vget_has(s, &mm->sections, &v) && v == 0)
		vreport(c, "HEST-MAX-SECTIONS", s, "max_sections_per_record", 0,
			"max_sections_per_record is 0; a record holds at least one section");
}

static const char *notify_name(uint64_t type, char *buf, size_t size)
{
	const char *n = hest_name_of(&hest_notify_type_names, type);
	if (n)
		return n;
	snprintf(buf, size, "%" PRIu64, type);
	return buf;
}

static void check_notify_arch(struct vctx *c, const struct hest_source *s, uint64_t type)
{
	char nb[24];
	enum hest_arch arch = c->o->arch, home = vnotify_arch(type);
	if (arch != HEST_ARCH_ANY && home != HEST_ARCH_ANY && home != arch)
		vreport(c, "HEST-NOTIFY-ARCH", s, "notification.type", 0,
			"notification type %s is %s mechanism; it cannot signal errors on %s",
			notify_name(type, nb, sizeof(nb)), vnotify_arch_words(home), hest_name_of(&hest_arch_names, arch));
}

static void check_notification(struct vctx *c, const struct hest_source *s, struct vmemos *mm)
{
	uint64_t type;
	if (!vget_has(s, &mm->ntype, &type))
		return;
	uint64_t len = vget_m(s, &mm->nlength);
	uint64_t cwe = vget_m(s, &mm->ncwe);
	if (len != 28)
		vreport(c, "HEST-NOTIFY-LENGTH", s, "notification.length", 0,
			"notification length is %" PRIu64 "; the structure is 28 bytes", len);
	if (type > NOTIFY_LAST)
		vreport(c, "HEST-NOTIFY-TYPE", s, "notification.type", 0,
			"notification type %" PRIu64 " is reserved; 0 (polled) to 12 (RISC-V SSE) are defined", type);
	if (cwe & ~(uint64_t)0x3f)
		vreport(c, "HEST-NOTIFY-RESERVED", s, "notification.config_write_enable", 0,
			"configuration write enable 0x%04" PRIx64 " sets reserved bits 0x%04" PRIx64
			" (only bits 0-5 are defined)",
			cwe, cwe & ~(uint64_t)0x3f);
	if (type == NOTIFY_POLLED && vget_m(s, &mm->npoll) == 0) {
		if (vis_ghes(s))
			vreport(c, "HEST-POLL-INTERVAL", s, "notification.poll_interval_ms", 0,
				"polled notification with a poll interval of 0 ms; Linux never polls it (\"Poll "
				"interval is 0 ... disabled\")");
		else
			vreport(c, "HEST-POLL-INTERVAL-MC", s, "notification.poll_interval_ms", 0,
				"polled notification with a poll interval of 0 ms; an OS that polls this source has "
				"no interval (Linux polls machine check banks on its own schedule)");
	}
	check_notify_arch(c, s, type);
}

static void check_banks(struct vctx *c, const struct hest_source *s, const struct bankf *mm)
{
	size_t n, stride;
	const struct hest_field *num = mm->num, *clr = mm->clr, *fmt = mm->fmt;
	const uint8_t *b0 = vbanks(s, &n, &stride);
	if (!num || !clr || !fmt || !b0)
		return;
	uint8_t seen[256 / 8] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const uint8_t *b = b0 + i * stride;
		unsigned number = b[num->offset];
		if (seen[number / 8] & (1u << (number % 8)))
			vreport(c, "HEST-BANK-DUP", s, NULL, vbank_offset(s, i) + num->offset,
				"bank %zu repeats bank number %u", i, number);
		seen[number / 8] |= (uint8_t)(1u << (number % 8));
		if (b[clr->offset] > 1)
			vreport(c, "HEST-BANK-CLEAR", s, NULL, vbank_offset(s, i) + clr->offset,
				"bank %zu (number %u): clear_status_on_init is %u; only 0 and 1 are defined", i, number,
				b[clr->offset]);
		if (b[fmt->offset] > 2)
			vreport(c, "HEST-BANK-FORMAT", s, NULL, vbank_offset(s, i) + fmt->offset,
				"bank %zu (number %u): status_data_format is %u; 0 (IA-32 MCA), 1 (Intel 64 MCA) and "
				"2 (AMD64 MCA) are defined",
				i, number, b[fmt->offset]);
	}
}

void check_sources(struct vctx *c)
{
	struct bankf bf = {
		hest_field_find(&hest_desc_bank, "reserved_3"),
		hest_field_find(&hest_desc_bank, "bank_number"),
		hest_field_find(&hest_desc_bank, "clear_status_on_init"),
		hest_field_find(&hest_desc_bank, "status_data_format"),
	};
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (!s->desc || s->len < s->desc->size || vall_zero(s))
			continue;
		reserved_fields(c, s, s->desc, 0, NULL);
		reserved_banks(c, s, &bf);
		check_flags(c, s, c->mm);
		check_counts(c, s, c->mm);
		check_notification(c, s, c->mm);
		check_banks(c, s, &bf);
	}
}

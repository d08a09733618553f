/* Table-level rules: signature, length, revision, checksum, header ids,
 * declared count, and how the structure walk ended. */
#include <stdio.h>
#include <string.h>
#include <inttypes.h>
#include <hest/encode.h>
#include <hest/fields.h>
#include "check_passes.h"

static void check_signature(struct vctx *c)
{
	const uint8_t *h = c->m->hdr.bytes;
	if (memcmp(h, "HEST", 4) == 0)
		return;
	bool printable = true;
	for (int i = 0; i < 4; i++)
		if (h[i] < 0x20 || h[i] > 0x7e)
			printable = false;
	if (printable)
		vreport(c, "HEST-SIGNATURE", NULL, "signature", 0, "the signature is '%.4s', not 'HEST'%s",
			(const char *)h,
			c->info ? "; this is another ACPI table, decoded as a HEST anyway" : "");
	else
		vreport(c, "HEST-SIGNATURE", NULL, "signature", 0,
			"the signature bytes are %02x %02x %02x %02x, not 'HEST'", h[0], h[1], h[2], h[3]);
}

static void check_length(struct vctx *c)
{
	const struct hest_decode_info *in = c->info;
	if (in->input_len < HEST_SOURCES_OFFSET) {
		vreport(c, "HEST-LENGTH", NULL, NULL, 0,
			"the input has %zu bytes; a HEST needs at least 40 (36-byte ACPI header and the error "
			"source count)",
			in->input_len);
		return;
	}
	if (in->header_len < HEST_SOURCES_OFFSET)
		vreport(c, "HEST-LENGTH", NULL, "length", 0,
			"Length is %" PRIu32 ", smaller than the 40-byte HEST header; structures were read up to "
			"the end of the input (%zu bytes)",
			in->header_len, in->input_len);
	else if (in->header_len > in->input_len)
		vreport(c, "HEST-LENGTH", NULL, "length", 0,
			"Length says %" PRIu32 " bytes but only %zu are present: the table is truncated",
			in->header_len, in->input_len);
	else if (in->header_len < in->input_len)
		vreport(c, "HEST-LENGTH", NULL, "length", 0,
			"Length says %" PRIu32 " bytes but the input has %zu: the %zu bytes from 0x%" PRIx32
			" are not part of the table",
			in->header_len, in->input_len, in->input_len - in->header_len, in->header_len);
}

static void check_revision(struct vctx *c)
{
	uint64_t rev = hest_get_le(c->m->hdr.bytes + 8, 1);
	if (rev != 1 && rev != 2)
		vreport(c, "HEST-REVISION", NULL, "revision", 0,
			"revision is %" PRIu64 "; ACPI defines 1 (up to 6.4) and 2 (6.5 and later)", rev);
}

/* Revision 2 (ACPI 6.5) orders the structures of types 0-11 by type. */
static void check_order(struct vctx *c)
{
	if (hest_get_le(c->m->hdr.bytes + 8, 1) < 2)
		return;
	unsigned highest = 0;
	const struct hest_source *after = NULL;
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (s->type >= 12)
			continue;
		if (after && s->type < highest) {
			char ta[24], tb[24];
			vreport(c, "HEST-ORDER", s, "type", 0,
				"structure of type %u (%s) after one of type %u (source %u, %s): revision 2 (ACPI 6.5) "
				"orders structures of types 0-11 by type; reorder the sources, or set revision 1",
				s->type, vtype_name(s, ta, sizeof(ta)), highest, vsource_id(after),
				vtype_name(after, tb, sizeof(tb)));
			continue;
		}
		if (!after || s->type > highest) {
			highest = s->type;
			after = s;
		}
	}
}

static void check_checksum(struct vctx *c)
{
	const struct hest_decode_info *in = c->info;
	const uint8_t *t = c->o->table;
	if (!t || in->input_len < 10)
		return;
	size_t n = in->header_len >= HEST_SOURCES_OFFSET && in->header_len <= in->input_len ? in->header_len
											   : in->input_len;
	uint8_t sum = hest_byte_sum(t, n);
	if (sum == 0)
		return;
	uint8_t want = (uint8_t)(t[9] - sum);
	vreport(c, c->o->sim ? "LOADER-HEST-CHECKSUM" : "HEST-CHECKSUM", NULL, "checksum", 0,
		"the %zu bytes of the table sum to 0x%02x, not 0; the checksum byte is 0x%02x and should be "
		"0x%02x%s",
		n, sum, t[9], want,
		c->o->sim ? " (after the loader script ran: an ADD_CHECKSUM is missing or comes too early)"
			  : "; Linux warns (\"Incorrect checksum in table [HEST]\") and uses the table anyway");
}

/* OEM id, OEM table id and creator id: printable ASCII, ideally padded
 * with spaces. */
static void check_id(struct vctx *c, const char *key, const char *what)
{
	/* a key of the header itself (keys are unique: the first is the one) */
	const struct hest_field *f = hest_field_find(&hest_desc_header, key);
	if (!f)
		return;
	const uint8_t *p = c->m->hdr.bytes + f->offset;
	size_t n = f->size, end = n;
	while (end > 0 && p[end - 1] == 0)
		end--;
	bool bad = false;
	for (size_t i = 0; i < end; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			bad = true;
	if (bad) {
		char hex[64] = "";
		for (size_t i = 0, k = 0; i < n && k + 4 < sizeof(hex); i++)
			k += (size_t)snprintf(hex + k, sizeof(hex) - k, "%s%02x", i ? " " : "", p[i]);
		vreport(c, "HEST-ID-ASCII", NULL, key, 0, "%s holds bytes that are not printable ASCII (%s)", what, hex);
	} else if (end == 0)
		vreport(c, "HEST-ID-PADDING", NULL, key, 0, "%s is empty: all %zu bytes are NUL", what, n);
	else if (end < n)
		vreport(c, "HEST-ID-PADDING", NULL, key, 0, "%s '%.*s' is padded with %zu NUL byte%s instead of spaces",
			what, (int)end, (const char *)p, n - end, n - end == 1 ? "" : "s");
}

static const char *type_word(uint32_t type)
{
	if (type >= 3 && type <= 5)
		return "reserved (types 3-5 were IA-64 sources and must not be used)";
	if (type >= 12 && type <= 0xFFFF)
		return "reserved (ACPI 6.5 defines types 0-11)";
	return "unknown";
}

static void check_count(struct vctx *c)
{
	const struct hest_decode_info *in = c->info;
	uint32_t declared = in->declared_count;
	size_t found = in->nstruct;
	bool partial = in->tail == HEST_TAIL_UNKNOWN_TYPE || in->tail == HEST_TAIL_TRUNCATED ||
		       in->tail == HEST_TAIL_TOO_MANY;
	if (declared == found && !partial)
		return;
	if (partial) {
		if (declared > found)
			vreport(c, "HEST-COUNT", NULL, "error_source_count", 0,
				"Error Source Count is %" PRIu32 " but only %zu structure%s could be decoded before "
				"the walk stopped at 0x%" PRIx32,
				declared, found, found == 1 ? "" : "s", in->tail_offset);
		else if (declared < found)
			vreport(c, "HEST-COUNT", NULL, "error_source_count", 0,
				"Error Source Count is %" PRIu32 " but %zu structures were decoded before the walk "
				"stopped at 0x%" PRIx32 "; consumers that trust the count stop at 0x%" PRIx32,
				declared, found, in->tail_offset, c->m->src[declared].layout.hest_offset);
		return;
	}
	if (declared > found)
		vreport(c, "HEST-COUNT", NULL, "error_source_count", 0,
			"Error Source Count is %" PRIu32 " but the table holds %zu structure%s; Linux reads %" PRIu32
			" and runs past the end of the table",
			declared, found, found == 1 ? "" : "s", declared);
	else
		vreport(c, "HEST-COUNT", NULL, "error_source_count", 0,
			"Error Source Count is %" PRIu32 " but the table holds %zu structures; Linux and other "
			"consumers that trust the count ignore the last %zu (from 0x%" PRIx32 ")",
			declared, found, found - declared, c->m->src[declared].layout.hest_offset);
}

static void check_tail(struct vctx *c)
{
	const struct hest_decode_info *in = c->info;
	uint32_t left = in->walk_end - in->tail_offset;
	switch (in->tail) {
	case HEST_TAIL_NONE:
		break;
	case HEST_TAIL_UNKNOWN_TYPE:
		vreport_at(c, "HEST-UNKNOWN-TYPE", in->tail_offset,
			   "structure type %" PRIu32 " (0x%04" PRIx32 ") is %s; the %" PRIu32
			   " bytes from here to the end of the table (0x%" PRIx32 ") cannot be decoded",
			   in->tail_type, in->tail_type, type_word(in->tail_type), left, in->walk_end);
		break;
	case HEST_TAIL_TRUNCATED: {
		const struct hest_struct_desc *d = hest_source_desc_by_type(in->tail_type);
		const struct hest_source *raw = &c->m->src[in->nstruct];
		const struct hest_field *count;
		const struct hest_field *arr = d ? hest_array_field(d, &count) : NULL;
		if (arr && count && count->offset + count->size <= raw->len) {
			uint64_t n = hest_get_le(raw->bytes + count->offset, count->size);
			vreport_at(c, "HEST-TRUNCATED", in->tail_offset,
				   "a %s structure with %" PRIu64 " bank%s needs %" PRIu32 " bytes (%u + 28 x %" PRIu64
				   ") but only %" PRIu32 " remain before the end of the table (0x%" PRIx32 ")",
				   d->key, n, n == 1 ? "" : "s", in->tail_need, d->size, n, left, in->walk_end);
		} else {
			vreport_at(c, "HEST-TRUNCATED", in->tail_offset,
				   "a %s structure needs %" PRIu32 " bytes but only %" PRIu32
				   " remain before the end of the table (0x%" PRIx32 ")",
				   d ? d->key : "?", in->tail_need, left, in->walk_end);
		}
		break;
	}
	case HEST_TAIL_SHORT:
		vreport_at(c, "HEST-TRAILING", in->tail_offset,
			   "%" PRIu32 " byte%s after the last structure (up to 0x%" PRIx32
			   ") are too few for a structure header (type and source id, 4 bytes)",
			   left, left == 1 ? "" : "s", in->walk_end);
		break;
	case HEST_TAIL_TOO_MANY:
		vreport_at(c, "HEST-LIMIT", in->tail_offset,
			   "more than %zu structures; the %" PRIu32 " bytes from here are kept undecoded",
			   in->nstruct, left);
		break;
	}
}

/* Runs of all-zero structures: padding that a walk reads as empty IA-32
 * machine check structures (type 0, id 0, no banks). */
static void check_zero_runs(struct vctx *c)
{
	size_t i = 0;
	while (i < c->nreal) {
		if (!vall_zero(&c->m->src[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < c->nreal && vall_zero(&c->m->src[j]))
			j++;
		const struct hest_source *a = &c->m->src[i], *b = &c->m->src[j - 1];
		if (j - i == 1)
			vreport_at(c, "HEST-ZERO-STRUCT", a->layout.hest_offset,
				   "the %" PRIu32 " bytes at 0x%" PRIx32 " are all zero: padding read as an empty %s "
				   "structure (type %u, id 0)",
				   a->len, a->layout.hest_offset, a->desc->key, a->type);
		else
			vreport_at(c, "HEST-ZERO-STRUCT", a->layout.hest_offset,
				   "%zu structures from 0x%" PRIx32 " to 0x%" PRIx32 " are all zero bytes: padding read "
				   "as empty %s structures (type %u, id 0)",
				   j - i, a->layout.hest_offset, b->layout.hest_offset + b->len, a->desc->key, a->type);
		i = j;
	}
}

static void resync_types(struct vctx *c, char *buf, size_t size)
{
	const struct hest_decode_info *in = c->info;
	const uint8_t *t = c->o->table;
	uint32_t at = in->resync_offset;
	size_t k = 0;
	buf[0] = 0;
	for (uint32_t i = 0; i < in->resync_count && at + 4 <= in->walk_end; i++) {
		unsigned type = (unsigned)hest_get_le(t + at, 2);
		const struct hest_struct_desc *d = hest_source_desc_by_type(type);
		uint32_t n = hest_struct_len(type, t + at, in->walk_end - at);
		if (!d || !n)
			break;
		if (i == 4) {
			snprintf(buf + k, size - k, ", ...");
			break;
		}
		int w = snprintf(buf + k, size - k, "%s%s at 0x%" PRIx32, i ? ", " : "", d->key, at);
		if (w < 0 || (size_t)w >= size - k)
			break;
		k += (size_t)w;
		at += n;
	}
}

static void check_gap(struct vctx *c)
{
	const struct hest_decode_info *in = c->info;
	const uint8_t *t = c->o->table;
	if (!in->resync || !t)
		return;
	uint32_t len = in->resync_offset - in->gap_offset;
	bool zero = true;
	for (uint32_t i = in->gap_offset; i < in->resync_offset; i++)
		if (t[i])
			zero = false;
	char types[200];
	resync_types(c, types, sizeof(types));
	char hint[200] = "";
	if (in->resync_before > 0) {
		const struct hest_source *prev = &c->m->src[in->resync_before - 1];
		size_t nb;
		vbank(prev, 0, &nb);
		if (vis_mc(prev) && prev->layout.hest_offset + prev->len == in->gap_offset && len % 28 == 0)
			snprintf(hint, sizeof(hint),
				 "; the %s structure before the gap says %zu banks, and %zu banks would end exactly "
				 "at 0x%" PRIx32 ": space reserved for more banks than num_banks counts",
				 prev->desc->key, nb, nb + len / 28, in->resync_offset);
	}
	vreport_at(c, "HEST-GAP", in->gap_offset,
		   "the %" PRIu32 " bytes from 0x%" PRIx32 " to 0x%" PRIx32 "%s belong to no structure: from 0x%" PRIx32
		   ", %" PRIu32 " structure%s (%s) end%s exactly at the table length and, with the %" PRIu32
		   " before, make the declared count of %" PRIu32 "%s",
		   len, in->gap_offset, in->resync_offset, zero ? " (all zero)" : "", in->resync_offset,
		   in->resync_count, in->resync_count == 1 ? "" : "s", types, in->resync_count == 1 ? "s" : "",
		   in->resync_before, in->declared_count, hint);
}

void check_table(struct vctx *c)
{
	check_id(c, "oem_id", "OEM ID");
	check_id(c, "oem_table_id", "OEM Table ID");
	check_id(c, "creator_id", "Creator ID");
	if (!c->info)
		return;
	check_signature(c);
	check_length(c);
	if (c->info->input_len < HEST_SOURCES_OFFSET)
		return;
	check_revision(c);
	check_order(c);
	check_checksum(c);
	check_count(c);
	check_tail(c);
	check_zero_runs(c);
	check_gap(c);
}

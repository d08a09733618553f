/* Checks of decoded CPER blocks and records (rule ids HEST-CPER-*), and the
 * GHES block sizing rules the compiler applies (HEST-GHES-BLOCK-*). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/cper.h>
#include <hest/rules.h>

struct chk {
	const char *file;
	struct hest_diags *d;
};

/* a diagnostic at an offset of the input, with the rule's default severity */
#define REPORT(x, ...) hest_rule_report_at((x)->d, (x)->file, __VA_ARGS__)

static uint64_t get(const struct hest_cper_image *im, const char *key)
{
	uint64_t v = 0;
	hest_cper_get(im, key, &v);
	return v;
}

static uint64_t field_at(const struct hest_cper_image *im, const char *key)
{
	const struct hest_cper_field *f = hest_cper_field_find(im->desc, key, strlen(key));
	return im->at + (f ? f->offset : 0);
}

static const char *enum_rule(const struct hest_cper_image *im, const struct hest_cper_field *f)
{
	if (strcmp(f->key, "severity") == 0)
		return "HEST-CPER-SEVERITY";
	if (strcmp(im->desc->key, "arm-context") == 0 || strcmp(im->desc->key, "ia32x64-context") == 0)
		return "HEST-CPER-CONTEXT";
	return "HEST-CPER-ENUM";
}

/* Checks every table-driven property of one structure: reserved fields,
 * closed enumerations, validation bits without a field. */
static void check_image(struct chk *c, const struct hest_cper_image *im, const char *what, uint64_t extra_valid)
{
	const struct hest_cper_desc *d = im->desc;
	uint64_t defined = extra_valid;
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_cper_field *f = &d->fields[i];
		if ((uint32_t)f->offset + f->size > im->len || !(im->given >> i & 1))
			continue;
		uint64_t at = im->at + f->offset;
		if (f->kind == HEST_CF_RESERVED) {
			bool zero = hest_cper_field_is_int(f) ? hest_cper_field_get(f, im->bytes) == 0
							      : hest_all_zero(im->bytes + f->offset, f->size);
			if (!zero)
				REPORT(c, "HEST-CPER-RESERVED", at, "%s: reserved field '%s' is not zero", what, f->key);
		}
		if (f->kind == HEST_CF_ENUM && (f->attr & HEST_CA_CLOSED)) {
			uint64_t v = hest_cper_field_get(f, im->bytes);
			if (!hest_name_of(f->names, v))
				REPORT(c, enum_rule(im, f), at, "%s: %s %" PRIu64 " is not a defined value", what, f->key,
				       v);
		}
		if (f->valid_bit >= 0)
			defined |= (uint64_t)1 << f->valid_bit;
		if (d->valid_size && f->offset == d->valid_offset && f->width && !(f->attr & HEST_CA_VALIDATION))
			defined |= (f->width >= 64 ? UINT64_MAX : ((uint64_t)1 << f->width) - 1) << f->shift;
	}
	if (d->valid_size && (uint32_t)d->valid_offset + d->valid_size <= im->len) {
		uint64_t v = hest_get_le(im->bytes + d->valid_offset, d->valid_size);
		if (v & ~defined)
			REPORT(c, "HEST-CPER-VALID-BITS", im->at + d->valid_offset,
			       "%s: validation bits 0x%" PRIx64 " name no field of the %s", what, v & ~defined, d->title);
	}
}

static void check_arm(struct chk *c, const struct hest_cper_section *s, uint64_t body_len, const char *what)
{
	uint64_t declared = get(&s->body, "section_length");
	uint64_t least = s->body.desc->size + 32u * get(&s->body, "error_info_num");
	if (declared != body_len || declared < least)
		REPORT(c, "HEST-CPER-ARM-LENGTH", field_at(&s->body, "section_length"),
		       "%s: section_length %" PRIu64 " but the section is %" PRIu64 " bytes", what, declared, body_len);
	for (size_t i = 0; i < s->ninfo; i++) {
		uint64_t type = get(&s->info[i], "type");
		if (type == 0 || (type & ~(uint64_t)0x1e))
			REPORT(c, "HEST-CPER-ARM-TYPE", field_at(&s->info[i], "type"),
			       "%s: error information structure #%zu has type 0x%02" PRIx64 ", %s; UEFI 2.10 "
			       "defines bits 4:1 (0x02 cache, 0x04 TLB, 0x08 bus, 0x10 micro-architectural; Linux "
			       "kernels without the 2025 alignment read the byte as an index, 0 = cache)", what, i, type,
			       type ? "with reserved bits" : "no error type bit");
	}
	for (size_t i = 0; i < s->ninfo; i++)
		if (get(&s->info[i], "length") != 32)
			REPORT(c, "HEST-CPER-ARM-INFO", field_at(&s->info[i], "length"),
			       "%s: error information structure #%zu has length %" PRIu64 ", not 32", what, i,
			       get(&s->info[i], "length"));
	for (size_t i = 0; i < s->nctx; i++) {
		uint64_t type = get(&s->ctx[i], "register_context_type");
		uint64_t size = s->ctx[i].len - s->ctx[i].desc->size;
		uint32_t fixed, unit;
		bool ok = !hest_cper_context_layout(s->type, type, &fixed, &unit) ||
			  (fixed ? size == fixed : size % unit == 0);
		if (!ok)
			REPORT(c, "HEST-CPER-CONTEXT", s->ctx[i].at,
			       "%s: context #%zu (type %" PRIu64 ") has %" PRIu64 " bytes of registers; the type has %s",
			       what, i, type, size, type < 8 ? "a fixed size" : "10-byte entries");
	}
}

static uint64_t section_len(const struct hest_cper_section *s);

/* What a section's own layout promises beyond its table: a checksum, a
 * whole-section length, the counts Linux trusts. */
static void check_kind(struct chk *c, const struct hest_cper_section *s, const char *what)
{
	const struct hest_cper_type *t = s->type;
	uint64_t len = section_len(s), v = 0;
	if (t->checksum.width && hest_cper_bits_get(&t->checksum, s->body.bytes, &v)) {
		/* fmpm: the byte sum of the section without the checksum bytes,
		 * negated, is the checksum. */
		uint32_t sum = 0;
		const struct hest_cper_image *parts[] = { &s->body };
		for (uint32_t i = 0; i < parts[0]->len; i++)
			if (i < t->checksum.offset || i >= (uint32_t)t->checksum.offset + t->checksum.size)
				sum += parts[0]->bytes[i];
		for (size_t i = 0; i < s->ninfo; i++)
			for (uint32_t k = 0; k < s->info[i].len; k++)
				sum += s->info[i].bytes[k];
		for (uint32_t k = 0; k < s->taillen; k++)
			sum += s->tail[k];
		if ((uint32_t)(v + sum) != 0)
			REPORT(c, "HEST-CPER-CHECKSUM", s->body.at + t->checksum.offset,
			       "%s: checksum 0x%08" PRIx64 " but the section's other bytes sum to 0x%08" PRIx32
			       " (want 0x%08" PRIx32 ")", what, v, sum, (uint32_t)(0u - sum));
	}
	/* Linux 6.12 cxl_cper_print_prot_err() prints the 88-byte CXL RAS
	 * capability (struct cxl_ras_capability_regs) whatever error_log_length
	 * says; measured by tests/e2e/arm-virt.sh: with a 16-byte log it printed
	 * the next section's GUID as cxl_ras_cor_mask. */
	if (t->kind == HEST_CPER_CXL_GEN_MEDIA || t->kind == HEST_CPER_CXL_DRAM || t->kind == HEST_CPER_CXL_MEM_MODULE) {
		/* Linux ghes.c cxl_cper_post_event() (6.8 on): the length must
		 * be above the 32-byte section header and at most struct
		 * cxl_cper_event_rec (144: the header and the 112-byte event
		 * record without its UUID); later kernels also want the whole
		 * 144 bytes present (ghes_cxl_event_len_valid).  Then the
		 * event record must be marked valid. */
		uint64_t elen = hest_get_le(s->body.bytes, 4);
		if (elen <= 32 || elen > 144 || len < 144)
			REPORT(c, "HEST-CPER-CXL-EVENT", s->body.at,
			       "%s: the length field says %" PRIu64 " bytes in a %" PRIu64 "-byte section; Linux wants "
			       "33 to 144 and 144 bytes present, says \"CXL CPER Invalid section length\" and drops "
			       "it", what, elen, len);
		else if (!(hest_get_le(s->body.bytes + 4, 8) & 0x4))
			REPORT(c, "HEST-CPER-CXL-EVENT", s->body.at + 4,
			       "%s: the CXL event record is not marked valid (validation bit 2); Linux says \"CXL CPER "
			       "invalid event\" and drops it", what);
	}
	if (t->kind == HEST_CPER_CXL_PROTOCOL) {
		/* What Linux's CXL protocol error handler (ghes.c/cper_cxl.c
		 * cxl_cper_handle_prot_err_info) needs before it hands the
		 * section to the CXL driver. */
		uint64_t vb = hest_get_le(s->body.bytes, 8), agent = s->body.bytes[8];
		const char *why = !(vb & 0x40)   ? "no valid error log (Linux: \"Not a valid protocol error log\")"
				  : !(vb & 0x04) ? "no valid device id (Linux: \"Not a valid Device ID\")"
				  : !(vb & 0x02) ? "no valid agent address"
				  : agent == 1 || agent > 7
					  ? "an agent type without an SBDF (Linux: \"Not a valid agent type\")"
				  : !(vb & 0x08) && agent != 5 && agent != 6 && agent != 7
					  ? "no valid serial number for a device agent (Linux: \"Not a valid serial number\")"
					  : NULL;
		if (why)
			REPORT(c, "HEST-CPER-CXL-AGENT", s->body.at,
			       "%s: %s; Linux logs the section but does not hand it to the CXL driver", what, why);
	}
	if (t->kind == HEST_CPER_CXL_PROTOCOL && (hest_get_le(s->body.bytes, 8) & 0x40) && s->varlen[1] != 88)
		REPORT(c, "HEST-CPER-CXL-RAS-LOG", s->body.at + t->var[1].len.offset,
		       "%s: the error log is %" PRIu32 " bytes; Linux reads it as the 88-byte CXL RAS capability "
		       "structure (6.12 prints 88 bytes whatever error_log_length says)", what, s->varlen[1]);
	if (t->length.width && t->kind != HEST_CPER_ARM && hest_cper_bits_get(&t->length, s->body.bytes, &v) &&
	    v != len)
		REPORT(c, "HEST-CPER-PART-LENGTH", s->body.at + t->length.offset,
		       "%s: its length field says %" PRIu64 " bytes, the section is %" PRIu64, what, v, len);
}

static uint64_t section_len(const struct hest_cper_section *s)
{
	uint64_t n = s->body.len + (uint64_t)s->taillen;
	for (size_t i = 0; i < s->ninfo; i++)
		n += s->info[i].len;
	for (size_t i = 0; i < s->nctx; i++)
		n += s->ctx[i].len;
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR; v++)
		n += s->varlen[v];
	return n;
}

static void check_section(struct chk *c, const struct hest_cper_section *s, size_t index)
{
	const struct hest_cper_type *t = s->type;
	char what[64];
	snprintf(what, sizeof(what), "%s section #%zu", t->key, index);
	check_image(c, &s->header, what, 0);
	if (s->header.desc == &hest_cper_desc_entry) {
		uint64_t rev = get(&s->header, "revision");
		if ((rev >> 8) > 3)
			REPORT(c, "HEST-CPER-REVISION", field_at(&s->header, "revision"),
			       "%s: data entry revision 0x%" PRIx64 " is newer than 0x300", what, rev);
		if (hest_cper_entry_size((uint16_t)rev) < HEST_CPER_ENTRY_SIZE && (get(&s->header, "validation_bits") & 4))
			REPORT(c, "HEST-CPER-TIMESTAMP", field_at(&s->header, "validation_bits"),
			       "%s: timestamp marked valid, but a revision 0x%" PRIx64 " entry has no timestamp", what,
			       rev);
	}
	if (t->kind == HEST_CPER_RAW)
		return;
	uint64_t extra = (t->tail_valid_bit >= 0 ? (uint64_t)1 << t->tail_valid_bit : 0) | t->info_valid;
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR && t->var[v].key; v++)
		if (t->var[v].valid_bit >= 0)
			extra |= (uint64_t)1 << t->var[v].valid_bit;
	check_image(c, &s->body, what, extra);
	check_kind(c, s, what);
	for (size_t i = 0; i < s->ninfo; i++)
		check_image(c, &s->info[i], what, 0);
	for (size_t i = 0; i < s->nctx; i++)
		check_image(c, &s->ctx[i], what, 0);
	if (!t->info && !t->ctx && s->taillen && t->tail_valid_bit < 0)
		REPORT(c, "HEST-CPER-SECTION-LONG", s->tail_at,
		       "%s: %" PRIu32 " bytes follow the %u-byte %s", what, s->taillen, t->body->size, t->body->title);
	if (t->kind == HEST_CPER_ARM)
		check_arm(c, s, section_len(s), what);
}

static unsigned severity_count(const struct hest_cper_block *b, bool corrected)
{
	unsigned n = 0;
	for (size_t i = 0; i < b->nsec; i++) {
		uint64_t sev = get(&b->sec[i].header, "severity");
		n += corrected ? sev == 2 : sev <= 1;
	}
	return n;
}

static void check_status(struct chk *c, const struct hest_cper_block *b, uint64_t block_size)
{
	const struct hest_cper_image *h = &b->head;
	check_image(c, h, "status block", 0);
	uint64_t count = get(h, "entry_count"), bits = get(h, "block_status");
	uint64_t data_length = get(h, "data_length"), raw_off = get(h, "raw_data_offset");
	uint64_t raw_len = get(h, "raw_data_length");
	if (count != b->nsec)
		REPORT(c, "HEST-CPER-ENTRY-COUNT", 0, "block_status counts %" PRIu64 " data entries, %zu are present",
		       count, b->nsec);
	if (b->nsec && hest_get_le(h->bytes, 4) == 0)
		REPORT(c, "HEST-CPER-BLOCK-STATUS-ZERO", 0,
		       "block_status is 0 with %zu data entries: an OS reads nothing (Linux: no error pending)",
		       b->nsec);
	unsigned unc = severity_count(b, false), cor = severity_count(b, true);
	uint64_t want = (unc ? 1u : 0) | (cor ? 2u : 0) | (unc > 1 ? 4u : 0) | (cor > 1 ? 8u : 0);
	if (bits != want && b->nsec)
		REPORT(c, "HEST-CPER-BLOCK-STATUS", 0,
		       "block_status bits 0x%" PRIx64 " but the entries (%u uncorrectable, %u corrected) make 0x%" PRIx64,
		       bits, unc, cor, want);
	if (raw_len && raw_off < HEST_CPER_STATUS_SIZE + data_length)
		REPORT(c, "HEST-CPER-RAW-DATA", 4,
		       "raw data at offset 0x%" PRIx64 " overlaps the data entries (they end at 0x%" PRIx64 ")", raw_off,
		       HEST_CPER_STATUS_SIZE + data_length);
	if (block_size && b->length > block_size)
		REPORT(c, "HEST-CPER-BLOCK-LENGTH", 12,
		       "the block needs %" PRIu64 " bytes; the error status block holds %" PRIu64, b->length,
		       block_size);
}

static void check_record(struct chk *c, const struct hest_cper_block *b, uint64_t block_size)
{
	const struct hest_cper_image *h = &b->head;
	check_image(c, h, "record header", 0);
	if (memcmp(h->bytes, "CPER", 4) != 0 || get(h, "signature_end") != 0xffffffffu)
		REPORT(c, "HEST-CPER-RECORD-SIGNATURE", 0,
		       "signature must be \"CPER\" and signature_end 0xFFFFFFFF (found 0x%08" PRIx64 ")",
		       get(h, "signature_end"));
	uint64_t least = HEST_CPER_RECORD_SIZE + (uint64_t)HEST_CPER_DESCRIPTOR_SIZE * get(h, "section_count");
	if (b->length < least)
		REPORT(c, "HEST-CPER-RECORD-LENGTH", 20,
		       "record_length %" PRIu64 " is shorter than the header and its descriptors (%" PRIu64 ")",
		       b->length, least);
	if (block_size && b->length > block_size)
		REPORT(c, "HEST-CPER-BLOCK-LENGTH", 20, "the record needs %" PRIu64 " bytes; %" PRIu64 " are available",
		       b->length, block_size);
}

void hest_cper_check(const struct hest_cper_block *b, uint64_t block_size, const char *file, struct hest_diags *d)
{
	struct chk c = { file, d };
	if (b->form == HEST_CPER_RECORD)
		check_record(&c, b, block_size);
	else
		check_status(&c, b, block_size);
	for (size_t i = 0; i < b->nsec; i++)
		check_section(&c, &b->sec[i], i);
}

/* --- GHES block sizing for the compiler ---------------------------------- */

static struct hest_loc pos_loc(const struct hest_model *m, struct hest_pos p)
{
	struct hest_loc l = { m->file, p.line, p.col, false, 0 };
	return l;
}

/* Layout runs once per output; a warning is said once. */
static bool reported(const struct hest_diags *d, const char *rule, struct hest_loc l)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].rule && strcmp(d->v[i].rule, rule) == 0 && d->v[i].loc.line == l.line &&
		    d->v[i].loc.col == l.col)
			return true;
	return false;
}

/* The worst case of a source's declared sections; 0 and a diagnostic when
 * it cannot be computed. */
static uint64_t declared_worst(const struct hest_model *m, const struct hest_source *s, struct hest_diags *d,
			       const struct hest_cper_type **largest)
{
	const struct hest_source_sections *sec = &s->sections;
	struct hest_cper_size v[HEST_SOURCE_MAX_SECTION_KINDS];
	uint64_t max_sections = 1, max_raw = 0, worst = 0, body = 0;
	hest_source_get(s, "max_sections_per_record", &max_sections);
	hest_source_get(s, "max_raw_data_length", &max_raw);
	*largest = NULL;
	for (uint8_t i = 0; i < sec->n; i++) {
		const struct hest_cper_type *t = hest_cper_type_of((enum hest_cper_kind)sec->kind[i]);
		v[i].kind = t->kind;
		v[i].body = sec->largest > t->worst ? sec->largest : 0;
		if (!t->worst && !sec->largest) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, pos_loc(m, sec->pos),
				      "source '%s': a %s section has no size of its own; give 'largest_section' (the "
				      "largest section body, in bytes)", s->name, t->key);
			return 0;
		}
		uint64_t b = v[i].body ? v[i].body : t->worst;
		if (b > body) {
			body = b;
			*largest = t;
		}
	}
	if (hest_cper_worst_case((uint32_t)max_sections, v, sec->n, (uint32_t)max_raw, &worst) < 0) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, pos_loc(m, sec->pos),
			      "source '%s': the worst-case record of its sections does not fit in 64 bits", s->name);
		return 0;
	}
	return worst;
}

int hest_cper_source_block_length(struct hest_model *m, struct hest_source *s, struct hest_diags *d)
{
	const struct hest_source_sections *sec = &s->sections;
	/* runs for every GHES of a compile: the field is resolved once here */
	struct hest_path_memo ebl = HEST_PATH_MEMO("error_block_length");
	const struct hest_given *g = hest_source_given_m(s, &ebl);
	const struct hest_cper_type *largest = NULL;
	uint64_t worst = 0, length = 0, max_sections = 1, max_raw = 0;
	struct hest_pos at = g ? g->pos : m->placement.block_size_pos;
	if (sec->n && !(worst = declared_worst(m, s, d, &largest)))
		return -1;
	if (sec->block_length_auto) {
		if (!sec->n) {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, pos_loc(m, at),
				      "source '%s': error_block_length: auto needs 'sections:' (the CPER section kinds "
				      "its records may carry)", s->name);
			return -1;
		}
		if (worst > UINT32_MAX) {
			hest_diag_add(d, HEST_SEV_ERROR, "HEST-GHES-BLOCK-SIZE", pos_loc(m, at),
				      "source '%s': one record can need %" PRIu64 " bytes; error_block_length holds at "
				      "most 4 GiB", s->name, worst);
			return -1;
		}
		length = hest_source_set_m(s, &ebl, worst) ? worst : 0;
	} else if (!g) {
		if (hest_source_set_m(s, &ebl, m->placement.block_size))
			length = m->placement.block_size;
		if (!at.line)
			at = sec->pos;
	} else {
		hest_source_get_m(s, &ebl, &length);
	}
	/* Every compile runs this for every GHES source (twice): the other
	 * fields are looked up only for the message. */
	if (sec->n && length < worst) {
		hest_source_get(s, "max_sections_per_record", &max_sections);
		hest_source_get(s, "max_raw_data_length", &max_raw);
		hest_diag_add(d, HEST_SEV_ERROR, "HEST-GHES-BLOCK-SIZE", pos_loc(m, at),
			      "source '%s': error_block_length %" PRIu64 "%s is smaller than the %" PRIu64
			      " bytes one record can need (20 + %" PRIu64 " x (72 + %" PRIu64 " for %s) + %" PRIu64
			      " raw data bytes)",
			      s->name, length, g ? "" : " (from placement.block_size)", worst,
			      max_sections ? max_sections : 1,
			      (worst - 20 - max_raw) / (max_sections ? max_sections : 1) - 72, largest ? largest->key : "?",
			      max_raw);
		return -1;
	}
	if (length > HEST_GHES_LINUX_MAX_BLOCK && !reported(d, "HEST-GHES-BLOCK-CAP", pos_loc(m, at)))
		hest_diag_add(d, HEST_SEV_WARNING, "HEST-GHES-BLOCK-CAP", pos_loc(m, at),
			      "source '%s': error_block_length %" PRIu64 " is above Linux's %u-byte limit; Linux warns "
			      "(\"Error status block length is too long\") and reads only the first %u bytes",
			      s->name, length, HEST_GHES_LINUX_MAX_BLOCK, HEST_GHES_LINUX_MAX_BLOCK);
	return 0;
}

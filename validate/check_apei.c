/* The BERT and EINJ rules (ids BERT-*, EINJ-*; validate/rules_apei.c).
 * What Linux does with each table is the yardstick: drivers/acpi/apei/
 * bert.c (bert_check_table, bert_print_all), einj-core.c
 * (einj_check_table, the probe's resource collection and GAR mapping) and
 * apei-base.c (apei_check_gar, the instruction interpreter). */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <hest/cper.h>
#include <hest/validate.h>
#include <hest/rules.h>
#include "check_helpers.h"

#define BERT_REGION_MIN 20u /* sizeof(struct acpi_bert_region): one status block header */

struct actx {
	const struct hest_model *m;
	const struct hest_validate_options *o;
	struct hest_diags *d;
};

/* A diagnostic at table offset `off` (decoded tables) or at the YAML
 * position of the entry / header field (descriptions). */
VCHECK_PRINTF(6, 7)
static void areport(struct actx *c, const char *rule, const struct hest_source *s, const char *path, uint64_t off,
		    const char *fmt, ...)
{
	enum hest_severity sev;
	if (!hest_rule_effective(rule, c->o ? c->o->settings : NULL, c->o ? c->o->nsettings : 0,
				 c->o && c->o->werror, &sev))
		return;
	struct hest_loc loc = { c->m->file, 0, 0, false, 0 };
	const struct hest_source *at = s ? s : &c->m->hdr;
	if (c->o && c->o->decode) {
		loc.has_offset = true;
		loc.offset = off;
	} else {
		const struct hest_given *g = path ? hest_source_given(at, path) : NULL;
		struct hest_pos p = g ? g->pos : at->pos;
		loc.line = p.line;
		loc.col = p.col;
	}
	if (!c->o && sev == HEST_SEV_ERROR)
		sev = HEST_SEV_WARNING; /* hestc compile: said, not refused (a table can be made broken on purpose) */
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	hest_diag_add(c->d, sev, rule, loc, "%s", msg);
}

static uint64_t hdr(const struct hest_model *m, unsigned off, unsigned size)
{
	return off + size <= m->hdr.len ? hest_get_le(m->hdr.bytes + off, size) : 0;
}

/* The table-level facts only a decoded table has. */
/* False when the table is too short for anything else to be checked. */
static bool check_header(struct actx *c, const char *sig)
{
	const struct hest_decode_info *info = c->o ? c->o->decode : NULL;
	if (!info)
		return true;
	if (info->input_len < c->m->hdr.desc->size || info->header_len < c->m->hdr.desc->size) {
		char rule[16];
		snprintf(rule, sizeof(rule), "%s-LENGTH", sig);
		areport(c, rule, NULL, "length", 4,
			"%zu bytes given, length field %" PRIu32 ": the %s header alone takes %u; Linux refuses the "
			"table", info->input_len, info->header_len, sig, c->m->hdr.desc->size);
		return false;
	} else if (info->header_len != info->input_len)
		areport(c, "APEI-LENGTH", NULL, "length", 4, "table length %" PRIu32 " but %zu bytes are given", info->header_len,
			info->input_len);
	if (c->o->table && info->input_len >= 10 && info->header_len <= info->input_len &&
	    hest_byte_sum(c->o->table, info->header_len) != 0)
		areport(c, "APEI-CHECKSUM", NULL, "checksum", 9, "the table's %" PRIu32 " bytes sum to 0x%02x, not 0",
			info->header_len, hest_byte_sum(c->o->table, info->header_len));
	return true;
}

/* --- BERT ------------------------------------------------------------------ */

/* Walks the region as bert_print_all does: status block after status
 * block while 20 bytes remain, stopping at block_status 0; each block is
 * checked by the CPER rules, their offsets moved into the region. */
/* A diagnostic at offset `off` of the region: in its own file when it came
 * from one (hestval --region), else at the table's region_length. */
VCHECK_PRINTF(4, 5)
static void region_report(struct actx *c, const char *rule, uint64_t off, const char *fmt, ...)
{
	enum hest_severity sev;
	if (!hest_rule_effective(rule, c->o ? c->o->settings : NULL, c->o ? c->o->nsettings : 0,
				 c->o && c->o->werror, &sev))
		return;
	if (!c->o && sev == HEST_SEV_ERROR)
		sev = HEST_SEV_WARNING;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	const char *rf = c->m->region_file;
	struct hest_loc loc = { rf ? rf : c->m->file, 0, 0, rf || (c->o && c->o->decode), rf ? off : 36 };
	if (!rf && !(c->o && c->o->decode)) {
		loc.line = c->m->records_pos.line;
		loc.col = c->m->records_pos.col;
	}
	hest_diag_add(c->d, sev, rule, loc, "%s", msg);
}

static void walk_region(struct actx *c, uint64_t rlen)
{
	const struct hest_model *m = c->m;
	uint64_t len = rlen < m->region_len ? rlen : m->region_len;
	uint64_t at = 0;
	unsigned n = 0;
	if (m->region_len < rlen && c->o) /* compiled: the blob is zero-padded to region_length */
		areport(c, "BERT-REGION-SHORT", NULL, "region_length", 36,
			"the region given is %" PRIu32 " bytes, region_length says %" PRIu64 ": the rest is not checked",
			m->region_len, rlen);
	while (len - at >= BERT_REGION_MIN) {
		const uint8_t *b = m->region + at;
		uint32_t status = (uint32_t)hest_get_le(b, 4);
		/* Linux's cper_estatus_len: raw data offset + length when there
		 * is raw data, else the header and data_length */
		uint64_t raw_end = hest_get_le(b + 4, 4) + hest_get_le(b + 8, 4);
		uint64_t blen = hest_get_le(b + 8, 4) ? raw_end : HEST_CPER_STATUS_SIZE + hest_get_le(b + 12, 4);
		if (blen > len - at && len < rlen)
			return; /* runs into what was not given (BERT-REGION-SHORT said so) */
		if (blen > len - at) {
			region_report(c, "BERT-REGION-BLOCK", at,
				"region offset 0x%" PRIx64 ": a status block of %" PRIu64 " bytes runs past the region's "
				"%" PRIu64 "; Linux prints \"Truncated status block\" and stops", at, blen, len);
			return;
		}
		if (!status)
			break;
		struct hest_cper_block blk;
		struct hest_diags bd;
		hest_diags_init(&bd);
		const char *rf = m->region_file ? m->region_file : m->file;
		if (hest_cper_decode(&blk, b, (size_t)blen, HEST_CPER_STATUS_BLOCK, rf, &bd) == 0) {
			hest_cper_check(&blk, blen, rf, &bd);
			hest_cper_block_free(&blk);
		}
		for (size_t i = 0; i < bd.n; i++) {
			struct hest_diag *x = &bd.v[i];
			enum hest_severity sev = x->severity;
			if (x->rule && !hest_rule_effective(x->rule, c->o ? c->o->settings : NULL,
							    c->o ? c->o->nsettings : 0, c->o && c->o->werror, &sev))
				continue;
			if (!c->o && sev == HEST_SEV_ERROR)
				sev = HEST_SEV_WARNING;
			struct hest_loc loc = x->loc;
			if (rf == m->file) { /* a description's records: at `records:` */
				loc.has_offset = false;
				loc.line = m->records_pos.line;
				loc.col = m->records_pos.col;
			} else {
				loc.offset += at;
			}
			hest_diag_add(c->d, sev, x->rule, loc, "boot error region, record %u at 0x%" PRIx64 ": %s", n, at,
				      x->message);
		}
		hest_diags_free(&bd);
		n++;
		at += blen;
	}
	if (n == 0)
		region_report(c, "BERT-REGION-EMPTY", 0,
			"the boot error region holds no record (the first block_status is 0): Linux prints nothing");
}

static void check_bert(struct actx *c)
{
	const struct hest_model *m = c->m;
	uint64_t rlen = hdr(m, 36, 4), addr = hdr(m, 40, 8);
	if (!check_header(c, "BERT"))
		return;
	if (rlen < BERT_REGION_MIN)
		areport(c, "BERT-REGION-LENGTH", NULL, "region_length", 36,
			"region_length %" PRIu64 " is below one status block header (%u bytes); Linux says \"BERT: "
			"[Firmware Bug]: table invalid.\" and ignores the table", rlen, BERT_REGION_MIN);
	if (!addr && m->placement.mode != HEST_PLACE_LINKER_LOADER)
		areport(c, "BERT-REGION-ADDRESS", NULL, "region_address", 40,
			"region_address is 0: there is no boot error region for the OS to read");
	if (m->region && rlen >= BERT_REGION_MIN)
		walk_region(c, rlen);
}

/* --- EINJ ------------------------------------------------------------------ */

/* apei_check_gar: what the probe refuses (-EINVAL, einj does not load). */
/* `what`: "entry" or "trigger entry"; `then`: what follows in Linux. */
static void check_entry_gas_rule(struct actx *c, const char *rule, const struct hest_source *s, size_t i,
				 uint64_t toff, const char *what, const char *then)
{
	const uint8_t *g = s->bytes + 4;
	unsigned space = g[0], width = g[1], boff = g[2], acc = g[3];
	uint64_t addr = hest_get_le(g + 4, 8);
	if (!addr) {
		areport(c, rule, s, "register.address", toff + 8,
			"%s %zu: register address 0; Linux: \"APEI: Invalid physical address in GAR\", %s", what, i, then);
		return;
	}
	if (acc < 1 || acc > 4) {
		areport(c, rule, s, "register.access_size", toff + 7,
			"%s %zu: access size %u is not byte, word, dword or qword; Linux: \"APEI: Invalid access "
			"size code in GAR\", %s", what, i, acc, then);
		return;
	}
	unsigned abw = 1u << (acc + 2);
	if (width == 32 && boff == 0 && (addr & 3) == 0 && abw < 32)
		abw = 32; /* Linux's fix-up of a common BIOS bug */
	else if (width == 64 && boff == 0 && (addr & 7) == 0 && abw < 64)
		abw = 64;
	if (width + boff > abw)
		areport(c, rule, s, "register.bit_width", toff + 5,
			"%s %zu: bit width %u + offset %u exceed the %u-bit access; Linux: \"APEI: Invalid bit width "
			"+ offset in GAR\", %s", what, i, width, boff, abw, then);
	else if (space != 0 && space != 1)
		areport(c, rule, s, "register.space_id", toff + 4,
			"%s %zu: address space %u is neither system-memory nor system-io; Linux: \"APEI: Invalid "
			"address space type in GAR\", %s", what, i, space, then);
}

static void check_entry_gas(struct actx *c, const struct hest_source *s, size_t i, uint64_t toff, const char *what,
			    const char *then)
{
	check_entry_gas_rule(c, "EINJ-GAS", s, i, toff, what, then);
}

static void check_einj_registers(struct actx *c);
static void check_einj_trigger(struct actx *c);

static void check_einj(struct actx *c)
{
	const struct hest_model *m = c->m;
	if (!check_header(c, "EINJ"))
		return;
	uint64_t hl = hdr(m, 36, 4), count = hdr(m, 44, 4);
	const struct hest_decode_info *info = c->o ? c->o->decode : NULL;
	if (hl != 12 && hl != 48)
		areport(c, "EINJ-HEADER-LENGTH", NULL, "header_length", 36,
			"injection header length %" PRIu64 " is neither 12 (ACPI) nor 48; Linux: \"EINJ: Invalid EINJ "
			"table.\", einj does not load", hl);
	else if (hl == 48)
		areport(c, "EINJ-HEADER-LENGTH-48", NULL, "header_length", 36,
			"injection header length 48 counts the ACPI header; ACPI 6.6 table 18.23 means the 12 bytes after "
			"it (Linux takes both)");
	uint64_t tlen = info ? info->header_len : hdr(m, 4, 4);
	uint64_t fit = tlen >= 48 ? (tlen - 48) / 32 : 0;
	if (count != fit)
		areport(c, "EINJ-COUNT", NULL, "entry_count", 44,
			"entry count %" PRIu64 " but the table length %" PRIu64 " holds %" PRIu64 " entries; Linux: "
			"\"EINJ: Invalid EINJ table.\", einj does not load", count, tlen, fit);
	else if (tlen >= 48 && (tlen - 48) % 32)
		areport(c, "EINJ-COUNT", NULL, "length", 4, "the table length %" PRIu64 " leaves %" PRIu64
			" bytes after the last whole entry", tlen, (tlen - 48) % 32);
	bool have[256] = { false };
	uint64_t toff = m->hdr.len;
	for (size_t i = 0; i < m->nsrc; toff += m->src[i].len, i++) {
		const struct hest_source *s = &m->src[i];
		if (!s->desc || s->len < 32)
			continue;
		unsigned action = s->bytes[0], ins = s->bytes[1];
		have[action] = true;
		if (!hest_name_of(&hest_einj_action_names, action))
			areport(c, "EINJ-ACTION", s, "action", toff, "entry %zu: action 0x%02x is not one ACPI defines; "
				"Linux never runs it but still maps its register", i, action);
		else if (action == 0xff)
			areport(c, "EINJ-ACTION", s, "action", toff, "entry %zu: trigger-error belongs in the trigger "
				"action table, not in the EINJ", i);
		if (ins > 4) {
			areport(c, "EINJ-INSTRUCTION", s, "instruction", toff + 1,
				"entry %zu: instruction %u is not one EINJ defines (0-4); Linux: \"Invalid action table, "
				"unknown instruction type\", einj does not load", i, ins);
			continue;
		}
		if (s->bytes[2] & ~1u)
			areport(c, "EINJ-FLAGS", s, "flags", toff + 2, "entry %zu: flags 0x%02x set bits ACPI reserves", i,
				s->bytes[2]);
		if (ins != 4)
			check_entry_gas(c, s, i, toff, "entry", "einj does not load");
	}
	/* the actions __einj_error_inject runs unconditionally; GET_ERROR_TYPE at load */
	static const struct { unsigned action; const char *why; } need[] = {
		{ 0x03, "the probe reads the available error types with it" },
		{ 0x05, "every injection runs it" },
		{ 0x06, "every injection polls it" },
		{ 0x07, "every injection reads the result with it" },
		{ 0x01, "every injection gets the trigger table with it" },
	};
	for (size_t k = 0; k < sizeof(need) / sizeof(need[0]); k++)
		if (!have[need[k].action])
			areport(c, "EINJ-ACTION-MISSING", NULL, "entry_count", 44, "no %s entry: %s (Linux fails with "
				"-EINVAL)", hest_name_of(&hest_einj_action_names, need[k].action), need[k].why);
	if (!have[0x02] && !have[0x08])
		areport(c, "EINJ-ACTION-MISSING", NULL, "entry_count", 44, "neither set-error-type nor "
			"set-error-type-with-address: Linux cannot say what to inject");
	if (m->nregs)
		check_einj_registers(c);
	if (m->has_trigger)
		check_einj_trigger(c);
	if (m->trailing_len && (!info || info->tail != HEST_TAIL_NONE))
		areport(c, "EINJ-COUNT", NULL, "length", toff, "%" PRIu32 " bytes after the last whole entry",
			m->trailing_len);
}

/* The memory register a placed entry uses, or NULL. */
static const struct hest_mem_register *entry_register(const struct hest_model *m, const struct hest_source *s)
{
	if (!s->layout.placed)
		return NULL;
	for (size_t i = 0; i < m->nregs; i++)
		if (m->regs[i].offset == s->layout.register_offset)
			return &m->regs[i];
	return NULL;
}

/* A description's registers: what the entries will find in them. */
static void check_einj_registers(struct actx *c)
{
	const struct hest_model *m = c->m;
	bool v2 = false, have_v2_action = false;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		const struct hest_mem_register *r = entry_register(m, s);
		have_v2_action |= s->bytes[0] == 0x11;
		if (!r)
			continue;
		uint64_t v = hest_get_le(r->init, r->size < 8 ? r->size : 8);
		if (s->bytes[0] == 0x03 && s->bytes[1] == 0) /* get-error-type, read-register */
			v2 |= ((v >> s->bytes[6]) & hest_get_le(s->bytes + 24, 8)) >> 30 & 1;
		if (s->bytes[0] == 0x08 && s->bytes[1] == 2 && r->size < HEST_EINJ_SETWA_V1_SIZE)
			areport(c, "EINJ-PARAM-BLOCK", s, NULL, s->layout.hest_offset,
				"entry %zu: set-error-type-with-address points at register '%s' of %" PRIu32 " bytes; Linux "
				"reads and writes the whole %u-byte parameter block there", i, r->name, r->size,
				HEST_EINJ_SETWA_V1_SIZE);
	}
	for (size_t i = 0; v2 && i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		const struct hest_mem_register *r = entry_register(m, s);
		if (!r || s->bytes[0] != 0x08 || s->bytes[1] != 2 || r->size < HEST_EINJ_SETWA_V1_SIZE)
			continue;
		uint64_t len = r->size >= 40 ? hest_get_le(r->init + 36, 4) : 0;
		if (r->size < hest_desc_einj_setwa.size || len < 8 || HEST_EINJ_SETWA_V1_SIZE + len > r->size ||
		    (len - 8) % HEST_EINJ_V2_COMPONENT_SIZE)
			areport(c, "EINJ-PARAM-BLOCK", s, NULL, s->layout.hest_offset,
				"entry %zu: EINJv2 is advertised but register '%s' (%" PRIu32 " bytes) does not hold the "
				"EINJv2 extension its einjv2_length (%" PRIu64 ") says: 8 header bytes and 32 per "
				"component after the first 36", i, r->name, r->size, len);
	}
	if (v2 && !have_v2_action)
		areport(c, "EINJ-V2-ACTION", NULL, "entry_count", 44,
			"the get-error-type register advertises EINJv2 (bit 30) but no entry has action "
			"einjv2-get-error-type: Linux's probe runs it and fails, einj does not load");
}

/* A description's trigger action table: __einj_error_trigger checks its
 * header (at most a page), collects, requests and maps its registers and
 * runs its TRIGGER_ERROR entries; a failure fails the injection. */
static void check_einj_trigger(struct actx *c)
{
	const struct hest_model *m = c->m;
	uint32_t size = hest_einj_trigger_size(m);
	if (size > 4096)
		areport(c, "EINJ-TRIGGER", NULL, NULL, 0, "the trigger action table is %" PRIu32 " bytes; Linux takes at "
			"most a page (4096): \"Invalid trigger error action table.\", every injection fails", size);
	for (size_t i = 0; i < m->ntrig; i++) {
		const struct hest_source *s = &m->trig[i];
		unsigned ins = s->bytes[1];
		if (s->bytes[0] != 0xff)
			areport(c, "EINJ-TRIGGER", s, "action", 0, "trigger entry %zu: action %s; Linux runs only "
				"trigger-error entries of the trigger table (this one is mapped, never run)", i,
				hest_name_of(&hest_einj_action_names, s->bytes[0]) ? hest_name_of(&hest_einj_action_names, s->bytes[0])
										 : "undefined");
		if (ins > 4) {
			areport(c, "EINJ-INSTRUCTION", s, "instruction", 0, "trigger entry %zu: instruction %u is not one "
				"EINJ defines (0-4); Linux refuses the trigger table, every injection fails", i, ins);
			continue;
		}
		if (ins != 4)
			check_entry_gas(c, s, i, 0, "trigger entry", "every injection fails");
	}
}

/* ERST: Linux's erst.c checks the header as einj does (erst_check_table)
 * and its interpreter knows instructions 0-0x12, all but noop, add,
 * subtract, stall and goto accessing a register (apei_check_gar at
 * erst_init: a refused one disables ERST). */
static void check_erst(struct actx *c)
{
	const struct hest_model *m = c->m;
	if (!check_header(c, "ERST"))
		return;
	const struct hest_decode_info *info = c->o ? c->o->decode : NULL;
	uint64_t hl = hdr(m, 36, 4), count = hdr(m, 44, 4);
	if (hl != 12 && hl != 48)
		areport(c, "ERST-HEADER-LENGTH", NULL, "header_length", 36,
			"serialization header length %" PRIu64 " is neither 48 nor 12; Linux: \"ERST: [Firmware Bug]: ERST "
			"table is invalid.\", ERST is not used", hl);
	uint64_t tlen = info ? info->header_len : hdr(m, 4, 4);
	uint64_t fit = tlen >= 48 ? (tlen - 48) / 32 : 0;
	if (count != fit)
		areport(c, "ERST-COUNT", NULL, "entry_count", 44, "entry count %" PRIu64 " but the table length %" PRIu64
			" holds %" PRIu64 " entries; Linux: \"ERST table is invalid.\", ERST is not used", count, tlen, fit);
	uint64_t toff = m->hdr.len;
	for (size_t i = 0; i < m->nsrc; toff += m->src[i].len, i++) {
		const struct hest_source *s = &m->src[i];
		if (!s->desc || s->len < 32)
			continue;
		unsigned action = s->bytes[0], ins = s->bytes[1];
		if (!hest_name_of(&hest_erst_action_names, action))
			areport(c, "ERST-ACTION", s, "action", toff, "entry %zu: action 0x%02x is not one ACPI defines; "
				"Linux never runs it but still maps its register", i, action);
		if (ins > 0x12) {
			areport(c, "ERST-INSTRUCTION", s, "instruction", toff + 1,
				"entry %zu: instruction 0x%02x is not one ERST defines (0-0x12); Linux: \"Invalid action "
				"table, unknown instruction type\", ERST is not used", i, ins);
			continue;
		}
		if (s->bytes[2] & ~1u)
			areport(c, "EINJ-FLAGS", s, "flags", toff + 2, "entry %zu: flags 0x%02x set bits ACPI reserves", i,
				s->bytes[2]);
		if (ins != 0x04 && ins != 0x08 && ins != 0x09 && ins != 0x0c && ins != 0x0f)
			check_entry_gas_rule(c, "ERST-GAS", s, i, toff, "entry", "ERST is not used");
	}
	if (m->trailing_len && (!info || info->tail != HEST_TAIL_NONE))
		areport(c, "ERST-COUNT", NULL, "length", toff, "%" PRIu32 " bytes after the last whole entry",
			m->trailing_len);
}

void hest_apei_validate(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d)
{
	struct actx c = { m, o, d };
	if (m->kind == HEST_TABLE_BERT)
		check_bert(&c);
	else if (m->kind == HEST_TABLE_EINJ)
		check_einj(&c);
	else if (m->kind == HEST_TABLE_ERST)
		check_erst(&c);
}

void hest_apei_check(const struct hest_model *m, struct hest_diags *d)
{
	hest_apei_validate(m, NULL, d);
}

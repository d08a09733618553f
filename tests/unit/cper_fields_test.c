/* CPER descriptor tables against UEFI 2.10 Appendix N / ACPI 6.5 18.3.2.7:
 * sizes, offsets of landmark fields, bit coverage, GUIDs, sizing. */
#include <string.h>
#include <stdint.h>
#include <hest/cper.h>
#include "tap.h"

static uint64_t bits_of(const struct hest_cper_field *f)
{
	if (!f->width)
		return 0;
	return (f->width >= 64 ? UINT64_MAX : ((uint64_t)1 << f->width) - 1) << f->shift;
}

static void check_desc(const struct hest_cper_desc *d)
{
	uint8_t cover[256][8];
	int unique = 1, inside = 1, overlap = 0, fit = 1, valid_ok = 1;
	memset(cover, 0, sizeof(cover));
	tap_ok(d->nfields <= 64, "%s: at most 64 fields (given mask)", d->key);
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_cper_field *f = &d->fields[i];
		if ((unsigned)f->offset + f->size > d->size || (f->width && f->shift + f->width > 8u * f->size))
			inside = 0;
		for (size_t j = 0; j < i; j++)
			if (strcmp(d->fields[j].key, f->key) == 0)
				unique = 0;
		if (hest_cper_field_is_int(f) && f->def > hest_cper_field_max(f))
			fit = 0;
		if (f->valid_bit >= 0 && f->valid_bit >= 8 * d->valid_size)
			valid_ok = 0;
		if ((f->attr & HEST_CA_VALIDATION) && f->offset != d->valid_offset)
			valid_ok = 0;
		/* Whole fields own their bytes once; bit ranges own their bits once
		 * and may also lie under one whole field of the same bytes. */
		for (unsigned b = 0; b < f->size && f->offset + b < 256; b++) {
			uint8_t mask = f->width ? (uint8_t)(bits_of(f) >> (8 * b)) : 0xff;
			uint8_t *c = cover[f->offset + b];
			unsigned layer = f->width ? 1 : 0;
			if (c[layer] & mask)
				overlap = 1;
			c[layer] |= mask;
		}
	}
	int full = 1;
	for (unsigned b = 0; b < d->size && b < 256; b++)
		if ((cover[b][0] | cover[b][1]) != 0xff)
			full = 0;
	tap_ok(unique, "%s: keys are unique", d->key);
	tap_ok(inside, "%s: fields lie inside its %u bytes", d->key, d->size);
	tap_ok(!overlap, "%s: no two fields claim the same bits", d->key);
	tap_ok(full, "%s: every bit of every byte is described", d->key);
	tap_ok(fit, "%s: defaults fit their fields", d->key);
	tap_ok(valid_ok, "%s: validation bits lie in the validation field", d->key);
}

static const struct hest_cper_desc *desc_named(const char *key)
{
	size_t n;
	const struct hest_cper_desc *const *v = hest_cper_descs(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i]->key, key) == 0)
			return v[i];
	return NULL;
}

static void check_offset(const char *desc, const char *key, unsigned off, unsigned size)
{
	const struct hest_cper_desc *d = desc_named(desc);
	const struct hest_cper_field *f = d ? hest_cper_field_find(d, key, strlen(key)) : NULL;
	tap_ok(f && f->offset == off && f->size == size, "%s.%s at %u, %u bytes", desc, key, off, size);
}

/* The field of a table that holds a type's count/size bit range. */
static const struct hest_cper_field *field_of(const struct hest_cper_desc *d, const struct hest_cper_bits *b)
{
	for (size_t i = 0; d && i < d->nfields; i++) {
		const struct hest_cper_field *f = &d->fields[i];
		unsigned shift = f->width ? f->shift : 0, width = f->width ? f->width : 8u * f->size;
		if (f->offset == b->offset && f->size == b->size && shift == b->shift && width == b->width)
			return f;
	}
	return NULL;
}

static void check_types(void)
{
	static const struct {
		enum hest_cper_kind kind;
		const char *guid;
		unsigned body;
	} want[] = {
		{ HEST_CPER_MEMORY, "a5bc1114-6f64-4ede-b863-3e83ed7c83b1", 80 },
		{ HEST_CPER_MEMORY2, "61ec04fc-48e6-d813-25c9-8daa44750b12", 96 },
		{ HEST_CPER_PROC_GENERIC, "9876ccad-47b4-4bdb-b65e-16f193c4f3db", 192 },
		{ HEST_CPER_IA32X64, "dc3ea0b0-a144-4797-b95b-53fa242b6e1d", 64 },
		{ HEST_CPER_ARM, "e19e3d16-bc11-11e4-9caa-c2051d5d46b0", 40 },
		{ HEST_CPER_PCIE, "d995e954-bbc1-430f-ad91-b44dcb3c6f35", 208 },
		{ HEST_CPER_FW_ERROR_REF, "81212a96-09ed-4996-9471-8d729c8e69ed", 32 },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct hest_cper_type *t = hest_cper_type_of(want[i].kind);
		char g[37];
		hest_guid_format(t->guid, g);
		tap_ok(strcmp(g, want[i].guid) == 0, "%s GUID is %s", t->key, want[i].guid);
		tap_ok(t->body->size == want[i].body, "%s fixed part is %u bytes", t->key, want[i].body);
		tap_ok(hest_cper_type_by_guid(t->guid) == t, "%s found by its GUID", t->key);
		tap_ok(hest_cper_type_by_key(t->key, strlen(t->key)) == t, "%s found by its name", t->key);
		if (t->info)
			tap_ok(field_of(t->body, &t->info_count) &&
				       (field_of(t->body, &t->info_count)->attr & HEST_CA_COMPUTED),
			       "%s: the error information count is a computed field", t->key);
		if (t->ctx)
			tap_ok(field_of(t->body, &t->ctx_count) && field_of(t->ctx, &t->ctx_size),
			       "%s: context count and size are fields", t->key);
		if (t->length.width)
			tap_ok(field_of(t->body, &t->length) != NULL, "%s: section length is a field", t->key);
	}
	tap_ok(hest_cper_type_by_key("arm-processor", 13) == hest_cper_type_of(HEST_CPER_ARM),
	       "'arm-processor' names the ARM section (PRODUCT.md sections: spelling)");
	tap_ok(hest_cper_type_of(HEST_CPER_IA32X64)->info->size == 64 && hest_cper_type_of(HEST_CPER_IA32X64)->ctx->size == 16,
	       "IA32/X64: 64-byte error information, 16-byte context header");
	tap_ok(hest_cper_type_of(HEST_CPER_ARM)->info->size == 32 && hest_cper_type_of(HEST_CPER_ARM)->ctx->size == 8,
	       "ARM: 32-byte error information, 8-byte context header");
}

static void check_guids(void)
{
	/* QEMU's UUID_LE(0xA5BC1114, 0x6F64, 0x4EDE, 0xB8, 0x63, ...) bytes. */
	static const uint8_t mem[16] = { 0x14, 0x11, 0xbc, 0xa5, 0x64, 0x6f, 0xde, 0x4e,
					 0xb8, 0x63, 0x3e, 0x83, 0xed, 0x7c, 0x83, 0xb1 };
	uint8_t g[16];
	char text[37];
	tap_ok(memcmp(hest_cper_type_of(HEST_CPER_MEMORY)->guid, mem, 16) == 0,
	       "GUIDs are stored mixed-endian (first three groups little-endian)");
	tap_ok(hest_guid_parse("A5BC1114-6F64-4EDE-B863-3E83ED7C83B1", 36, g) == 0 && memcmp(g, mem, 16) == 0,
	       "upper-case GUID text parses");
	tap_ok(hest_guid_parse("{a5bc1114-6f64-4ede-b863-3e83ed7c83b1}", 38, g) == 0 && memcmp(g, mem, 16) == 0,
	       "braced GUID text parses");
	hest_guid_format(mem, text);
	tap_ok(strcmp(text, "a5bc1114-6f64-4ede-b863-3e83ed7c83b1") == 0, "GUID formats back");
	tap_ok(hest_guid_parse("a5bc1114-6f64-4ede-b863-3e83ed7c83b", 35, g) < 0, "short GUID rejected");
	tap_ok(hest_guid_parse("a5bc1114x6f64-4ede-b863-3e83ed7c83b1", 36, g) < 0, "misplaced dash rejected");
	tap_ok(hest_guid_parse("g5bc1114-6f64-4ede-b863-3e83ed7c83b1", 36, g) < 0, "non-hex digit rejected");
}

static void check_sizing(void)
{
	uint64_t v = 0;
	struct hest_cper_size mem = { HEST_CPER_MEMORY, 0 };
	struct hest_cper_size two[2] = { { HEST_CPER_MEMORY, 0 }, { HEST_CPER_ARM, 0 } };
	struct hest_cper_size pcie_arm[2] = { { HEST_CPER_ARM, 0 }, { HEST_CPER_PCIE, 0 } };
	struct hest_cper_size raw = { HEST_CPER_RAW, 0 }, raw4k = { HEST_CPER_RAW, 4096 };
	struct hest_cper_size big = { HEST_CPER_RAW, UINT32_MAX };
	tap_ok(hest_cper_worst_case(1, &mem, 1, 0, &v) == 0 && v == 20 + 72 + 80, "memory, 1 section: 172 bytes");
	tap_ok(hest_cper_worst_case(1, &mem, 1, 1024, &v) == 0 && v == 1196,
	       "QEMU's source (1 section, max raw 1024) needs 1196 bytes for a memory record");
	tap_ok(hest_cper_worst_case(2, two, 2, 1024, &v) == 0 && v == 20 + 2 * (72 + 80) + 1024,
	       "memory + arm, 2 sections, raw 1024: the largest section counts");
	tap_ok(hest_cper_worst_case(3, pcie_arm, 2, 0, &v) == 0 && v == 20 + 3 * (72 + 208), "pcie dominates arm");
	tap_ok(hest_cper_worst_case(0, &mem, 1, 0, &v) == 0 && v == 172, "max_sections 0 counts as 1");
	tap_ok(hest_cper_worst_case(1, &raw, 1, 0, &v) < 0, "a raw section without a size cannot be sized");
	tap_ok(hest_cper_worst_case(4, &raw4k, 1, 16, &v) == 0 && v == 20 + 4 * (72 + 4096) + 16, "raw with a size");
	tap_ok(hest_cper_worst_case(1, NULL, 0, 0, &v) < 0, "no section kinds: no answer");
	tap_ok(hest_cper_worst_case(UINT32_MAX, &big, 1, UINT32_MAX, &v) < 0, "overflow past 64 bits is refused");
	tap_ok(hest_cper_worst_case(65535, &big, 1, UINT32_MAX, &v) == 0 &&
		       v == 20 + 65535ull * (72 + (uint64_t)UINT32_MAX) + UINT32_MAX,
	       "large but representable sizes are exact");
}

int main(void)
{
	size_t n;
	const struct hest_cper_desc *const *v = hest_cper_descs(&n);
	for (size_t i = 0; i < n; i++)
		check_desc(v[i]);
	static const struct {
		const char *key;
		unsigned size;
	} sizes[] = {
		{ "status", 20 }, { "entry", 72 }, { "record", 128 }, { "descriptor", 72 }, { "memory", 80 },
		{ "memory2", 96 }, { "processor-generic", 192 }, { "ia32x64", 64 }, { "ia32x64-error-info", 64 },
		{ "ia32x64-context", 16 }, { "arm", 40 }, { "arm-error-info", 32 }, { "arm-context", 8 },
		{ "pcie", 208 }, { "fw-error-ref", 32 },
	};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		const struct hest_cper_desc *d = desc_named(sizes[i].key);
		tap_ok(d && d->size == sizes[i].size, "%s is %u bytes", sizes[i].key, sizes[i].size);
	}
	/* Landmarks from the spec tables (and Linux's packed structs). */
	check_offset("status", "data_length", 12, 4);
	check_offset("status", "severity", 16, 4);
	check_offset("entry", "revision", 20, 2);
	check_offset("entry", "error_data_length", 24, 4);
	check_offset("entry", "fru_text", 44, 20);
	check_offset("entry", "timestamp", 64, 8);
	check_offset("record", "section_count", 10, 2);
	check_offset("record", "notification_type", 80, 16);
	check_offset("record", "persistence_information", 108, 8);
	check_offset("descriptor", "section_type", 16, 16);
	check_offset("descriptor", "severity", 48, 4);
	check_offset("memory", "physical_address", 16, 8);
	check_offset("memory", "requestor_id", 48, 8);
	check_offset("memory", "error_type", 72, 1);
	check_offset("memory", "module_handle", 78, 2);
	check_offset("memory2", "rank", 52, 4);
	check_offset("memory2", "chip_id", 60, 1);
	check_offset("memory2", "module_handle", 92, 4);
	check_offset("processor-generic", "cpu_brand", 24, 128);
	check_offset("processor-generic", "instruction_ip", 184, 8);
	check_offset("ia32x64", "cpuid", 16, 48);
	check_offset("ia32x64-error-info", "instruction_ip", 56, 8);
	check_offset("ia32x64-context", "mm_register_address", 8, 8);
	check_offset("arm", "mpidr", 16, 8);
	check_offset("arm", "psci_state", 36, 4);
	check_offset("arm-error-info", "physical_fault_address", 24, 8);
	check_offset("arm-context", "register_array_size", 4, 4);
	check_offset("pcie", "segment", 33, 2);
	check_offset("pcie", "serial_number", 40, 8);
	check_offset("pcie", "capability", 52, 60);
	check_offset("pcie", "aer_info", 112, 96);
	check_offset("fw-error-ref", "record_identifier_guid", 16, 16);
	check_types();
	check_guids();
	check_sizing();
	return tap_done();
}

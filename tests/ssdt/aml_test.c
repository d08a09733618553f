/* Unit tests of the AML encoder (lib/aml.c).  Expected bytes are written out
 * by hand from ACPI 6.5 §20 (and, for the resource descriptors, checked
 * against what iasl 20200925 produced for the same ASL). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <hest/fields.h>
#include <hest/aml.h>
#include "../unit/tap.h"

static int same(const struct hest_buf *b, const uint8_t *want, size_t n)
{
	return b->len == n && memcmp(b->p, want, n) == 0;
}

static void pkglen_bytes(uint32_t payload, const uint8_t *want, unsigned n)
{
	uint8_t got[4] = { 0 };
	unsigned k = hest_aml_pkglen(payload, got);
	tap_ok(k == n && memcmp(got, want, n) == 0, "PkgLength of a %u-byte payload is %u byte(s) %02x %02x %02x %02x",
	       payload, n, want[0], n > 1 ? want[1] : 0, n > 2 ? want[2] : 0, n > 3 ? want[3] : 0);
}

static void test_pkglen(void)
{
	/* One byte holds a total (payload + itself) up to 63. */
	pkglen_bytes(0, (const uint8_t[]){ 0x01 }, 1);
	pkglen_bytes(62, (const uint8_t[]){ 0x3F }, 1);
	/* 63 + 1 = 64 does not fit 6 bits: two bytes, total 65 = 0x041. */
	pkglen_bytes(63, (const uint8_t[]){ 0x41, 0x04 }, 2);
	pkglen_bytes(64, (const uint8_t[]){ 0x42, 0x04 }, 2);
	/* Two bytes hold 12 bits: up to 4095. */
	pkglen_bytes(4093, (const uint8_t[]){ 0x4F, 0xFF }, 2);
	pkglen_bytes(4094, (const uint8_t[]){ 0x81, 0x00, 0x01 }, 3); /* 4097 */
	pkglen_bytes(4096, (const uint8_t[]){ 0x83, 0x00, 0x01 }, 3); /* 4099 */
	/* Three bytes: 20 bits, up to 0xFFFFF. */
	pkglen_bytes(0xFFFFC, (const uint8_t[]){ 0x8F, 0xFF, 0xFF }, 3);
	pkglen_bytes(0xFFFFD, (const uint8_t[]){ 0xC1, 0x00, 0x00, 0x01 }, 4); /* 0x100001 */
	/* Four bytes: 28 bits. */
	pkglen_bytes(0x0FFFFFFB, (const uint8_t[]){ 0xCF, 0xFF, 0xFF, 0xFF }, 4);
	uint8_t out[4];
	tap_ok(hest_aml_pkglen(0x0FFFFFFC, out) == 0, "a package longer than 2^28 - 1 bytes is refused");

	/* Every payload around the boundaries decodes back to payload + size,
	 * in the fewest bytes. */
	static const uint32_t around[] = { 0, 62, 63, 64, 4093, 4094, 4095, 4096, 0xFFFFC, 0xFFFFD, 0x0FFFFFFB };
	int good = 1;
	for (size_t i = 0; i < sizeof(around) / sizeof(around[0]); i++)
		for (uint32_t d = 0; d < 3; d++) {
			uint32_t p = around[i] >= d ? around[i] - d : 0, len;
			unsigned n = hest_aml_pkglen(p, out);
			unsigned m = hest_aml_pkglen_decode(out, n, &len);
			unsigned fewest = p + 1 <= 63 ? 1 : p + 2 <= 0xFFF ? 2 : p + 3 <= 0xFFFFF ? 3 : 4;
			good &= n == fewest && m == n && len == p + n;
		}
	tap_ok(good, "PkgLength round trip around the 1/2/3/4-byte boundaries, in the fewest bytes");

	uint32_t len;
	tap_ok(hest_aml_pkglen_decode((const uint8_t[]){ 0x41 }, 1, &len) == 0, "a truncated PkgLength is refused");
	tap_ok(hest_aml_pkglen_decode((const uint8_t[]){ 0x71, 0x04 }, 2, &len) == 0,
	       "a multi-byte PkgLength with reserved bits 4-5 set is refused");
	tap_ok(hest_aml_pkglen_decode(NULL, 0, &len) == 0, "an empty PkgLength is refused");
}

static void name_bytes(const char *path, const uint8_t *want, size_t n)
{
	struct hest_buf b;
	hest_buf_init(&b);
	int ok = hest_aml_name_encode(&b, path) && same(&b, want, n);
	tap_ok(ok, "NameString of %s", path);
	hest_buf_free(&b);
}

static void test_names(void)
{
	name_bytes("\\", (const uint8_t[]){ 0x5C, 0x00 }, 2);
	name_bytes("\\_SB", (const uint8_t[]){ 0x5C, '_', 'S', 'B', '_' }, 5);
	name_bytes("HED0", (const uint8_t[]){ 'H', 'E', 'D', '0' }, 4);
	name_bytes("\\_SB.GPO0", (const uint8_t[]){ 0x5C, 0x2E, '_', 'S', 'B', '_', 'G', 'P', 'O', '0' }, 10);
	name_bytes("\\_SB.PCI0.GPO0",
		   (const uint8_t[]){ 0x5C, 0x2F, 3, '_', 'S', 'B', '_', 'P', 'C', 'I', '0', 'G', 'P', 'O', '0' }, 15);
	name_bytes("^^FOO", (const uint8_t[]){ 0x5E, 0x5E, 'F', 'O', 'O', '_' }, 6);
	name_bytes("^_SB.A", (const uint8_t[]){ 0x5E, 0x2E, '_', 'S', 'B', '_', 'A', '_', '_', '_' }, 10);
	name_bytes("A.B.C.D", (const uint8_t[]){ 0x2F, 4, 'A', '_', '_', '_', 'B', '_', '_', '_', 'C', '_', '_', '_',
						 'D', '_', '_', '_' }, 18);
	static const char *const bad[] = { "", "hed0", "ABCDE", "A..B", "A.", ".A", "\\\\A", "\\^A", "1ABC", "A-B",
					   "^", "\\_SB.", "_SB\\X" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct hest_buf b;
		hest_buf_init(&b);
		tap_ok(hest_aml_path_check(bad[i]) != NULL && !hest_aml_name_encode(&b, bad[i]),
		       "'%s' is not a name path", bad[i]);
		hest_buf_free(&b);
	}
	char many[4 * 256 + 2] = "\\";
	for (int i = 0; i < 256; i++)
		strcat(many, i ? ".A" : "A");
	tap_ok(hest_aml_path_check(many) != NULL, "a path of 256 segments is refused (the count is one byte)");
}

static void int_bytes(uint64_t v, const uint8_t *want, size_t n)
{
	struct hest_buf b;
	struct hest_aml a;
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_integer(&a, v);
	tap_ok(hest_aml_ok(&a) && same(&b, want, n), "integer 0x%llx encodes in %zu byte(s)", (unsigned long long)v, n);
	hest_buf_free(&b);
}

static void test_integers(void)
{
	int_bytes(0, (const uint8_t[]){ 0x00 }, 1);
	int_bytes(1, (const uint8_t[]){ 0x01 }, 1);
	int_bytes(2, (const uint8_t[]){ 0x0A, 0x02 }, 2);
	int_bytes(0x80, (const uint8_t[]){ 0x0A, 0x80 }, 2);
	int_bytes(0x100, (const uint8_t[]){ 0x0B, 0x00, 0x01 }, 3);
	int_bytes(0xFFFF, (const uint8_t[]){ 0x0B, 0xFF, 0xFF }, 3);
	int_bytes(0x10000, (const uint8_t[]){ 0x0C, 0x00, 0x00, 0x01, 0x00 }, 5);
	int_bytes(0x100000000ull, (const uint8_t[]){ 0x0E, 0, 0, 0, 0, 1, 0, 0, 0 }, 9);
	int_bytes(UINT64_MAX, (const uint8_t[]){ 0xFF }, 1);
	uint32_t v = 0;
	tap_ok(hest_aml_eisaid("PNP0C33", &v) && v == 0x330CD041u, "EisaId(\"PNP0C33\") is 0x330CD041");
	tap_ok(hest_aml_eisaid("PNP0A03", &v) && v == 0x030AD041u, "EisaId(\"PNP0A03\") is 0x030AD041");
	tap_ok(!hest_aml_eisaid("pnp0c33", &v) && !hest_aml_eisaid("PNP0C3G", &v) && !hest_aml_eisaid("PNP0C3", &v),
	       "malformed EISA ids are refused");
}

/* A Buffer of k filler bytes: BufferOp, PkgLength, BufferSize, bytes. */
static void test_packages(void)
{
	struct hest_buf b;
	struct hest_aml a;
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_buffer(&a);
	for (int i = 0; i < 60; i++)
		hest_aml_byte(&a, 0xAA);
	hest_aml_end(&a);
	/* payload = BufferSize (0A 3C) + 60 = 62: one PkgLength byte, 0x3F. */
	tap_ok(hest_aml_ok(&a) && b.len == 64 && b.p[0] == 0x11 && b.p[1] == 0x3F && b.p[2] == 0x0A && b.p[3] == 60,
	       "a Buffer whose package is 63 bytes has a 1-byte PkgLength");
	hest_buf_free(&b);

	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_buffer(&a);
	for (int i = 0; i < 61; i++)
		hest_aml_byte(&a, 0xAA);
	hest_aml_end(&a);
	tap_ok(hest_aml_ok(&a) && b.len == 66 && b.p[1] == 0x41 && b.p[2] == 0x04 && b.p[3] == 0x0A && b.p[4] == 61,
	       "one more byte: a 2-byte PkgLength (total 65)");
	hest_buf_free(&b);

	/* Nested: the inner package closes first; the outer counts its
	 * inserted PkgLength. */
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_scope(&a, "\\_SB");
	hest_aml_method(&a, "_EVT", 1, false);
	hest_aml_if(&a);
	hest_aml_op(&a, HEST_AML_LEQUAL);
	hest_aml_op(&a, HEST_AML_ARG0);
	hest_aml_integer(&a, 0x6A);
	hest_aml_notify(&a, "\\_SB.HED0", 0x80);
	hest_aml_end(&a);
	hest_aml_end(&a);
	hest_aml_end(&a);
	static const uint8_t want[] = { 0x10, 0x20, 0x5C, '_', 'S', 'B', '_', 0x14, 0x19, '_', 'E', 'V', 'T', 0x01,
					0xA0, 0x12, 0x93, 0x68, 0x0A, 0x6A, 0x86, 0x5C, 0x2E, '_', 'S', 'B', '_', 'H',
					'E', 'D', '0', 0x0A, 0x80 };
	tap_ok(hest_aml_ok(&a) && same(&b, want, sizeof(want)), "Scope/Method/If/LEqual/Notify nest as iasl encodes them");
	hest_buf_free(&b);

	/* A package whose payload passes 4093 bytes gets a 3-byte PkgLength, and the
	 * enclosing one grows with it. */
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_scope(&a, "\\");
	hest_aml_buffer(&a);
	for (int i = 0; i < 4091; i++)
		hest_aml_byte(&a, 0);
	hest_aml_end(&a);
	hest_aml_end(&a);
	uint32_t outer = 0, inner = 0;
	unsigned no = hest_aml_pkglen_decode(b.p + 1, b.len - 1, &outer);
	unsigned ni = no ? hest_aml_pkglen_decode(b.p + 1 + no + 2 + 1, b.len, &inner) : 0;
	tap_ok(hest_aml_ok(&a) && no == 3 && ni == 3 && inner == 3 + 3 + 4091 && outer == b.len - 1,
	       "a 4091-byte Buffer: 3-byte PkgLengths inside and out, lengths consistent");
	hest_buf_free(&b);

	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_end(&a);
	tap_ok(!hest_aml_ok(&a), "closing a package that was never opened makes the encoder bad");
	hest_buf_free(&b);
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_scope(&a, "\\_SB");
	tap_ok(!hest_aml_ok(&a), "an unclosed package is not ok");
	hest_buf_free(&b);
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	for (int i = 0; i <= HEST_AML_MAX_DEPTH; i++)
		hest_aml_if(&a);
	for (int i = 0; i <= HEST_AML_MAX_DEPTH; i++)
		hest_aml_end(&a);
	tap_ok(!hest_aml_ok(&a), "nesting deeper than %d packages makes the encoder bad", HEST_AML_MAX_DEPTH);
	hest_buf_free(&b);
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_device(&a, "hed0");
	hest_aml_end(&a);
	tap_ok(!hest_aml_ok(&a), "an invalid name makes the encoder bad");
	hest_buf_free(&b);
}

static void test_resources(void)
{
	struct hest_buf b;
	struct hest_aml a;
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_res_interrupt(&a, HEST_AML_INT_CONSUMER | HEST_AML_INT_EDGE, 0x6A);
	hest_aml_res_interrupt(&a, HEST_AML_INT_CONSUMER | HEST_AML_INT_ACTIVE_LOW, 0x1234);
	hest_aml_res_end(&a);
	static const uint8_t irq[] = { 0x89, 0x06, 0x00, 0x03, 0x01, 0x6A, 0x00, 0x00, 0x00,
				       0x89, 0x06, 0x00, 0x05, 0x01, 0x34, 0x12, 0x00, 0x00, 0x79, 0x00 };
	tap_ok(same(&b, irq, sizeof(irq)), "Interrupt (ResourceConsumer, Edge/Level, ActiveHigh/Low, Exclusive) {n}");
	hest_buf_free(&b);

	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_res_gpioint(&a, true, HEST_AML_GPIO_HIGH, 5, "\\_SB.GPO0");
	static const uint8_t gpio[] = { 0x8C, 0x20, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
					0x00, 0x00, 0x17, 0x00, 0x00, 0x19, 0x00, 0x23, 0x00, 0x00, 0x00, 0x05,
					0x00, '\\', '_', 'S', 'B', '.', 'G', 'P', 'O', '0', 0x00 };
	tap_ok(same(&b, gpio, sizeof(gpio)), "GpioInt (Edge, ActiveHigh, Exclusive, PullDefault, 0, \"\\\\_SB.GPO0\") {5}");
	hest_buf_free(&b);

	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_res_gpioint(&a, false, HEST_AML_GPIO_BOTH, 0x1234, "\\G");
	tap_ok(b.len == 28 && b.p[1] == 25 && b.p[7] == 0x04 && b.p[8] == 0x00 && b.p[23] == 0x34 && b.p[24] == 0x12,
	       "GpioInt level, ActiveBoth (interrupt flags 0x0004), pin 0x1234");
	hest_buf_free(&b);
}

static void test_table(void)
{
	struct hest_buf b;
	struct hest_aml a;
	hest_buf_init(&b);
	hest_aml_init(&a, &b);
	hest_aml_table_begin(&a, "SSDT", 2, (const uint8_t *)"HESTC ", (const uint8_t *)"HESTEVNT", 1,
			     (const uint8_t *)"HSTC", 1);
	hest_aml_scope(&a, "\\_SB");
	hest_aml_device(&a, "HED0");
	hest_aml_end(&a);
	hest_aml_end(&a);
	int finished = hest_aml_table_finish(&a, 0);
	uint8_t sum = 0;
	for (size_t i = 0; i < b.len; i++)
		sum = (uint8_t)(sum + b.p[i]);
	tap_ok(finished && sum == 0 && b.len == 36 + 2 + 5 + 3 + 4 && b.p[4] == b.len && b.p[8] == 2 &&
		       memcmp(b.p + 10, "HESTC HESTEVNT", 14) == 0,
	       "definition block: length, revision, ids, checksum sums to zero");
	hest_buf_free(&b);
}

/* An SSDT like hestc's, through the encoder: read back, every truncation
 * and many byte flips must leave the reader inside the buffer (run under
 * ASan in CI) and give a consistent answer. */
static void build_ssdt(struct hest_buf *b)
{
	struct hest_aml a;
	hest_aml_init(&a, b);
	hest_aml_table_begin(&a, "SSDT", 2, (const uint8_t *)"HESTC ", (const uint8_t *)"HESTEVNT", 1,
			     (const uint8_t *)"HSTC", 1);
	hest_aml_if(&a);
	hest_aml_op(&a, HEST_AML_ZERO);
	hest_aml_external(&a, "\\_SB.GPO0", HEST_AML_OBJ_DEVICE, 0);
	hest_aml_end(&a);
	hest_aml_scope(&a, "\\_SB");
	hest_aml_device(&a, "HED0");
	hest_aml_name_decl(&a, "_HID");
	hest_aml_integer(&a, 0x330CD041u);
	hest_aml_end(&a);
	hest_aml_device(&a, "GEDE");
	hest_aml_name_decl(&a, "_HID");
	hest_aml_string(&a, "ACPI0013");
	hest_aml_name_decl(&a, "_CRS");
	hest_aml_buffer(&a);
	hest_aml_res_interrupt(&a, HEST_AML_INT_CONSUMER | HEST_AML_INT_EDGE, 0x6A);
	hest_aml_res_interrupt(&a, HEST_AML_INT_CONSUMER, 0x29);
	hest_aml_res_end(&a);
	hest_aml_end(&a);
	hest_aml_method(&a, "_EVT", 1, false);
	hest_aml_if(&a);
	hest_aml_op(&a, HEST_AML_LEQUAL);
	hest_aml_op(&a, HEST_AML_ARG0);
	hest_aml_integer(&a, 0x6A);
	hest_aml_notify(&a, "\\_SB.HED0", 0x80);
	hest_aml_end(&a);
	hest_aml_end(&a);
	hest_aml_method(&a, "_L29", 0, false);
	hest_aml_notify(&a, "HED0", 0x80);
	hest_aml_end(&a);
	hest_aml_end(&a);
	hest_aml_end(&a);
	hest_aml_scope(&a, "\\_SB.GPO0");
	hest_aml_name_decl(&a, "_AEI");
	hest_aml_buffer(&a);
	hest_aml_res_gpioint(&a, true, HEST_AML_GPIO_HIGH, 5, "\\_SB.GPO0");
	hest_aml_res_end(&a);
	hest_aml_end(&a);
	hest_aml_method(&a, "_E05", 0, false);
	hest_aml_notify(&a, "\\_SB.HED0", 0x80);
	hest_aml_end(&a);
	hest_aml_end(&a);
	hest_aml_table_finish(&a, 0);
}

static void test_reader(void)
{
	struct hest_buf b;
	hest_buf_init(&b);
	build_ssdt(&b);
	static struct hest_aml_summary s;
	char why[160];
	size_t off = 0;
	int rc = hest_aml_read(b.p, b.len, &s, why, sizeof(why), &off);
	tap_ok(rc == 0 && !s.incomplete, "an encoded SSDT reads back completely");
	tap_ok(s.ndev == 2 && strcmp(s.dev[0].path, "\\_SB_.HED0") == 0 && s.dev[0].hid_is_eisa &&
		       s.dev[0].hid_eisa == 0x330CD041u && strcmp(s.dev[1].hid, "ACPI0013") == 0,
	       "devices and their _HID (EisaId and string)");
	tap_ok(s.nres == 3 && s.res[0].number == 0x6A && s.res[0].edge && !s.res[0].gpio && s.res[1].number == 0x29 &&
		       !s.res[1].edge && s.res[2].gpio && s.res[2].number == 5 &&
		       strcmp(s.res[2].device, "\\_SB_.GPO0") == 0,
	       "interrupts of the _CRS and the pin of the _AEI, with their triggers");
	tap_ok(s.nnotify == 3 && s.notify[0].cond && s.notify[0].arg == 0x6A && s.notify[0].value == 0x80 &&
		       strcmp(s.notify[0].method, "\\_SB_.GEDE._EVT") == 0 && !s.notify[1].cond && s.notify[1].search &&
		       strcmp(s.notify[1].seg, "HED0") == 0 && strcmp(s.notify[2].target, "\\_SB_.HED0") == 0,
	       "Notify statements: under If (Arg0 == n), bare, and by a bare name to search");
	tap_ok(s.nexternals == 1 && strcmp(s.externals[0], "\\_SB_.GPO0") == 0 && s.nmethods == 3 && s.naei == 1,
	       "externals, methods and the _AEI owner");

	int sane = 1;
	uint8_t *t = malloc(b.len);
	for (size_t n = 0; t && n <= b.len; n++) {
		memcpy(t, b.p, n);
		if (n >= 8)
			hest_put_le(t + 4, 4, n);
		rc = hest_aml_read(t, n, &s, why, sizeof(why), &off);
		sane &= (rc == 0 || rc == -1) && (rc == 0 || off <= n) && s.ndev <= HEST_AML_READ_MAX;
	}
	tap_ok(t && sane, "every truncation of it reads safely (%zu lengths)", b.len + 1);
	uint32_t x = 12345;
	unsigned flips = 0;
	for (int i = 0; t && i < 20000; i++) {
		memcpy(t, b.p, b.len);
		for (int k = 0; k < 1 + i % 4; k++) {
			x = x * 1103515245u + 12345u;
			size_t at = 36 + (x >> 8) % (b.len - 36);
			x = x * 1103515245u + 12345u;
			t[at] = (uint8_t)(x >> 16);
		}
		rc = hest_aml_read(t, b.len, &s, why, sizeof(why), &off);
		sane &= (rc == 0 || rc == -1) && s.nres <= HEST_AML_READ_MAX && s.nnotify <= HEST_AML_READ_MAX;
		flips += rc != 0 || s.incomplete;
	}
	tap_ok(t && sane && flips > 0, "20000 random byte flips read safely (%u of them refused or partly read)", flips);
	free(t);
	hest_buf_free(&b);
}

int main(void)
{
	test_pkglen();
	test_names();
	test_integers();
	test_packages();
	test_resources();
	test_table();
	test_reader();
	return tap_done();
}

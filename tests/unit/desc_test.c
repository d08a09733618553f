/* Description parser: integers and a small description to bytes. */
#include <stdlib.h>
#include <string.h>
#include <hest/hest.h>
#include "tap.h"

static void uint_case(const char *s, int ok, uint64_t want)
{
	uint64_t v = 0;
	const char *why = NULL;
	int rc = hest_parse_uint(s, strlen(s), &v, &why);
	if (ok)
		tap_ok(rc == 0 && v == want, "'%s' parses as %llu", s, (unsigned long long)want);
	else
		tap_ok(rc < 0 && why, "'%s' is refused (%s)", s, why ? why : "no reason");
}

static int compile(const char *text, uint8_t **out, size_t *len, struct hest_diags *d)
{
	struct hest_model m;
	hest_model_init(&m);
	int rc = hest_desc_parse(&m, "t.yaml", (const uint8_t *)text, strlen(text), d);
	if (rc == 0)
		rc = hest_encode_table(&m, out, len, d);
	hest_model_free(&m);
	return rc;
}

int main(void)
{
	uint_case("0", 1, 0);
	uint_case("4096", 1, 4096);
	uint_case("0x1000", 1, 4096);
	uint_case("0X1f", 1, 31);
	uint_case("0b101", 1, 5);
	uint_case("0o17", 1, 15);
	uint_case("4K", 1, 4096);
	uint_case("4KiB", 1, 4096);
	uint_case("1MiB", 1, 1048576);
	uint_case("2G", 1, 2147483648ull);
	uint_case("1_000", 1, 1000);
	uint_case("18446744073709551615", 1, UINT64_MAX);
	uint_case("18446744073709551616", 0, 0);
	uint_case("-1", 0, 0);
	uint_case("4KB", 0, 0);
	uint_case("0x", 0, 0);
	uint_case("abc", 0, 0);
	uint_case("0x10K", 0, 0);
	uint_case("17179869184T", 0, 0);
	/* every suffix, and the near misses */
	uint_case("3k", 1, 3072);
	uint_case("1M", 1, 1048576);
	uint_case("1GiB", 1, 1073741824ull);
	uint_case("1T", 1, 1099511627776ull);
	uint_case("1TiB", 1, 1099511627776ull);
	uint_case("16777215TiB", 1, 16777215ull << 40);
	uint_case("16777216TiB", 0, 0);
	uint_case("1kiB", 0, 0);
	uint_case("1Ki", 0, 0);
	uint_case("1KiBB", 0, 0);
	uint_case("1Kib", 0, 0);
	uint_case("1P", 0, 0);
	uint_case("1 K", 0, 0);
	uint_case("0b10K", 0, 0);
	/* overflow at the last digit, in each base */
	uint_case("0xffffffffffffffff", 1, UINT64_MAX);
	uint_case("0x10000000000000000", 0, 0);
	uint_case("0o1777777777777777777777", 1, UINT64_MAX);
	uint_case("0o2000000000000000000000", 0, 0);
	uint_case("18446744073709551610", 1, 18446744073709551610ull);

	struct hest_diags d;
	hest_diags_init(&d);
	uint8_t *t = NULL;
	size_t len = 0;
	int rc = compile("sources:\n"
			 "  - { type: ghes, id: 7, notification: { type: polled, poll_interval_ms: 1000 },\n"
			 "      error_status_address: 0x1000 }\n",
			 &t, &len, &d);
	tap_ok(rc == 0 && len == 104, "one GHES compiles to 104 bytes");
	if (rc == 0 && len == 104) {
		uint8_t sum = 0;
		for (size_t i = 0; i < len; i++)
			sum = (uint8_t)(sum + t[i]);
		tap_ok(sum == 0, "checksum makes the table sum to 0");
		tap_ok(memcmp(t, "HEST", 4) == 0 && hest_get_le(t + 4, 4) == 104 && t[8] == 2,
		       "signature, length and revision (2, ACPI 6.5 and later, by default)");
		tap_ok(hest_get_le(t + 36, 4) == 1, "error source count 1");
		tap_ok(hest_get_le(t + 40, 2) == 9 && hest_get_le(t + 42, 2) == 7, "type 9, id 7");
		tap_ok(hest_get_le(t + 44, 2) == 0xffff, "related source defaults to 0xffff");
		tap_ok(t[60] == 0 && t[61] == 64 && t[63] == 4 && hest_get_le(t + 64, 8) == 0x1000,
		       "GAS: system memory, 64 bits, qword, address from the shorthand");
		tap_ok(t[72] == 0 && t[73] == 28 && hest_get_le(t + 76, 4) == 1000, "notification polled, 1000 ms");
		tap_ok(hest_get_le(t + 100, 4) == 1024, "error block length defaults to 1024");
	}
	free(t);
	hest_diags_free(&d);

	hest_diags_init(&d);
	t = NULL;
	rc = compile("sources:\n  - { type: mce, id: 0, banks: [ {bank_number: 0}, {bank_number: 1, "
		     "status_data_format: intel64-mca} ] }\n",
		     &t, &len, &d);
	tap_ok(rc == 0 && len == 40 + 40 + 56, "MCE with two banks is 136 bytes");
	if (rc == 0 && len == 136) {
		tap_ok(t[72] == 2, "num_banks computed as 2");
		tap_ok(t[80 + 28] == 1 && t[80 + 28 + 2] == 1, "second bank number and format");
	}
	free(t);
	hest_diags_free(&d);
	return tap_done();
}

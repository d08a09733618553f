/* libhest base64 (RFC 4648 section 4): the RFC's test vectors both ways,
 * every byte value and every length up to 300 round-trip, and each way a
 * text is refused, with the offset reported. */
#include <stdlib.h>
#include <string.h>
#include <hest/buf.h>
#include "tap.h"

static char *enc(const void *p, size_t n)
{
	struct hest_buf b;
	hest_buf_init(&b);
	hest_buf_base64(&b, p, n);
	hest_buf_append(&b, "", 1);
	char *s = b.oom ? NULL : strdup((const char *)b.p);
	hest_buf_free(&b);
	return s;
}

/* Decodes s; returns 1 when it decodes to want (n bytes). */
static int dec_is(const char *s, const void *want, size_t n)
{
	struct hest_buf b;
	struct hest_base64_error e = { 0, NULL };
	hest_buf_init(&b);
	int ok = hest_base64_decode(s, strlen(s), &b, &e) == 0 && b.len == n && (n == 0 || memcmp(b.p, want, n) == 0);
	hest_buf_free(&b);
	return ok;
}

static void refused(const char *s, size_t at, const char *why_part)
{
	struct hest_buf b;
	struct hest_base64_error e = { 0, NULL };
	hest_buf_init(&b);
	int rc = hest_base64_decode(s, strlen(s), &b, &e);
	tap_ok(rc == -1 && e.offset == at && e.why && strstr(e.why, why_part),
	       "'%s' is refused at offset %zu: %s (got %d at %zu: %s)", s, at, why_part, rc, e.offset,
	       e.why ? e.why : "-");
	hest_buf_free(&b);
}

int main(void)
{
	static const char *const vec[][2] = {
		{ "", "" },         { "f", "Zg==" },         { "fo", "Zm8=" },        { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
	};
	for (size_t i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		char *s = enc(vec[i][0], strlen(vec[i][0]));
		tap_ok(s && strcmp(s, vec[i][1]) == 0, "RFC 4648 section 10: BASE64(\"%s\") = \"%s\" (got \"%s\")",
		       vec[i][0], vec[i][1], s ? s : "(null)");
		free(s);
		tap_ok(dec_is(vec[i][1], vec[i][0], strlen(vec[i][0])), "and \"%s\" decodes back to \"%s\"", vec[i][1],
		       vec[i][0]);
	}

	uint8_t all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (uint8_t)i;
	char *s = enc(all, sizeof(all));
	tap_ok(s && strlen(s) == 344 && strncmp(s, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g", 44) == 0 &&
		       strcmp(s + 336, "/P3+/w==") == 0,
	       "every byte value: 344 characters, the known first 44 and last 8 (with '+', '/' and '==')");
	tap_ok(s && dec_is(s, all, sizeof(all)), "... and they decode back to the 256 bytes");
	free(s);

	/* Every length from 0 to 300 of a pseudo-random pattern round-trips. */
	uint8_t buf[300];
	uint32_t x = 0x12345678;
	int rt = 1;
	for (size_t n = 0; n <= sizeof(buf); n++) {
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = (uint8_t)(x >> 16);
		}
		char *t = enc(buf, n);
		rt &= t && strlen(t) == (n + 2) / 3 * 4 && dec_is(t, buf, n);
		free(t);
	}
	tap_ok(rt, "lengths 0 to 300 round-trip, each encoding 4 x ceil(n / 3) characters");

	/* What the decoder skips: line breaks (base64(1) wraps at 76), CR LF, a final newline. */
	tap_ok(dec_is("Zm9v\nYmFy\n", "foobar", 6), "a line break between groups and a final newline are skipped");
	tap_ok(dec_is("Zm\r\n9vYg==\r\n", "foob", 4), "CR LF inside a group is skipped");
	tap_ok(dec_is(" \n", "", 0), "blank text decodes to nothing");

	/* What it refuses. */
	refused("Zm9", 3, "ends inside a group");
	refused("Zg=", 3, "ends inside a group");
	refused("Z===", 1, "'=' where a base64 digit is needed");
	refused("Zg=a", 3, "a base64 digit after '='");
	refused("Zg==Zg==", 4, "data after the final '='");
	refused("Zh==", 1, "not canonical");
	refused("Zm9=", 2, "not canonical");
	refused("Zm9v!", 4, "not a base64 character");
	refused("Zm-v", 2, "URL-safe");
	refused("Zm_v", 2, "URL-safe");
	refused("Zm9v\"", 4, "not a base64 character");

	/* Appends: a decoder output that already holds bytes keeps them. */
	struct hest_buf b;
	hest_buf_init(&b);
	hest_buf_append(&b, "x", 1);
	tap_ok(hest_base64_decode("Zm8=", 4, &b, NULL) == 0 && b.len == 3 && memcmp(b.p, "xfo", 3) == 0,
	       "decoding appends to what the buffer holds");
	hest_buf_free(&b);
	return tap_done();
}

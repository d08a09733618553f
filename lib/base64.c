/* Base64 (RFC 4648 section 4: the standard alphabet, '=' padding), for the
 * QMP command `hestc cper --format qmp` writes and `hestval cper` reads. */
#include <stdlib.h>
#include <string.h>
#include <hest/buf.h>

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool hest_buf_base64(struct hest_buf *b, const void *data, size_t n)
{
	const uint8_t *p = data;
	char q[4];
	for (size_t i = 0; i < n; i += 3) {
		size_t left = n - i;
		uint32_t v = (uint32_t)p[i] << 16;
		if (left > 1)
			v |= (uint32_t)p[i + 1] << 8;
		if (left > 2)
			v |= p[i + 2];
		q[0] = alphabet[v >> 18 & 63];
		q[1] = alphabet[v >> 12 & 63];
		q[2] = left > 1 ? alphabet[v >> 6 & 63] : '=';
		q[3] = left > 2 ? alphabet[v & 63] : '=';
		if (!hest_buf_append(b, q, 4))
			return false;
	}
	return !b->oom;
}

static int digit(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static bool blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int fail(struct hest_base64_error *e, size_t at, const char *why)
{
	if (e) {
		e->offset = at;
		e->why = why;
	}
	return -1;
}

int hest_base64_decode(const char *s, size_t len, struct hest_buf *out, struct hest_base64_error *e)
{
	uint32_t acc = 0;
	size_t quad = 0;      /* digits (and pads) in the current group of four */
	size_t pads = 0;      /* '=' seen in the current group */
	size_t last = 0;      /* offset of the last digit, for the trailing-bits error */
	bool ended = false;   /* a padded group closed the data */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (blank(c))
			continue; /* line breaks (base64(1) wraps at 76), a final newline */
		if (ended)
			return fail(e, i, "data after the final '=' padding");
		if (c == '=') {
			if (quad < 2)
				return fail(e, i, "'=' where a base64 digit is needed (padding ends a group of four)");
			acc <<= 6; /* a zero digit */
			pads++;
			quad++;
		} else {
			int d = digit(c);
			if (d < 0)
				return fail(e, i, c == '-' || c == '_' ? "'-' and '_' are the URL-safe alphabet; base64 uses '+' and '/'"
								: "not a base64 character");
			if (pads)
				return fail(e, i, "a base64 digit after '=' padding");
			acc = acc << 6 | (uint32_t)d;
			last = i;
			quad++;
		}
		if (quad == 4) {
			uint8_t bytes[3] = { (uint8_t)(acc >> 16), (uint8_t)(acc >> 8), (uint8_t)acc };
			if (pads == 1 && (acc & 0xff) != 0) /* acc holds 3 digits << 6 */
				return fail(e, last, "the last digit before '=' has bits set that encode nothing (not canonical base64)");
			if (pads == 2 && (acc & 0xffff) != 0)
				return fail(e, last, "the last digit before '==' has bits set that encode nothing (not canonical base64)");
			if (!hest_buf_append(out, bytes, 3 - pads))
				return fail(e, i, "out of memory");
			ended = pads > 0;
			quad = pads = 0;
			acc = 0;
		}
	}
	if (quad)
		return fail(e, len, "the data ends inside a group of four characters (truncated, or padding missing)");
	return 0;
}

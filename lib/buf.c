#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/buf.h>
#include <hest/fields.h>

void hest_buf_init(struct hest_buf *b)
{
	memset(b, 0, sizeof(*b));
}

void hest_buf_free(struct hest_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

void hest_buf_set_sink(struct hest_buf *b, hest_buf_sink_fn fn, void *ctx)
{
	b->sink = fn;
	b->sink_ctx = ctx;
}

/* Sends the first n buffered bytes to the sink and moves the rest down. */
static bool send(struct hest_buf *b, size_t n)
{
	if (!b->sink_failed && n && !b->sink(b->sink_ctx, b->p, n))
		b->sink_failed = true;
	memmove(b->p, b->p + n, b->len - n + 1); /* with the NUL */
	b->len -= n;
	b->drained += n;
	return !b->sink_failed;
}

bool hest_buf_drain(struct hest_buf *b)
{
	if (!b->sink || b->len < HEST_BUF_DRAIN_AT)
		return !b->sink_failed;
	return send(b, b->len - HEST_BUF_KEEP);
}

bool hest_buf_flush(struct hest_buf *b)
{
	if (!b->sink || !b->p)
		return !b->sink_failed;
	return send(b, b->len);
}

static bool reserve(struct hest_buf *b, size_t more)
{
	if (b->oom)
		return false;
	if (more <= b->cap - b->len)
		return true;
	if (more > SIZE_MAX / 2 - b->len) {
		b->oom = true;
		return false;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < more)
		cap *= 2;
	uint8_t *p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

bool hest_buf_append(struct hest_buf *b, const void *data, size_t len)
{
	if (!reserve(b, len + 1))
		return false;
	if (len)
		memcpy(b->p + b->len, data, len);
	b->len += len;
	b->p[b->len] = 0; /* text stays NUL-terminated */
	return true;
}

bool hest_buf_zeros(struct hest_buf *b, size_t len)
{
	if (!reserve(b, len + 1))
		return false;
	memset(b->p + b->len, 0, len + 1);
	b->len += len;
	return true;
}

bool hest_buf_printf(struct hest_buf *b, const char *fmt, ...)
{
	if (!reserve(b, 128))
		return false;
	/* Format into the spare room first; only a line that does not fit is
	 * formatted a second time (emitters print millions of short lines). */
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	size_t room = b->cap - b->len;
	int n = vsnprintf((char *)b->p + b->len, room, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n >= room) {
		if (!reserve(b, (size_t)n + 1)) {
			va_end(ap2);
			return false;
		}
		n = vsnprintf((char *)b->p + b->len, (size_t)n + 1, fmt, ap2);
	}
	va_end(ap2);
	if (n < 0) {
		b->p[b->len] = 0;
		b->oom = true;
		return false;
	}
	b->len += (size_t)n;
	return true;
}

bool hest_buf_le(struct hest_buf *b, unsigned size, uint64_t v)
{
	uint8_t tmp[8];
	hest_put_le(tmp, size, v);
	return hest_buf_append(b, tmp, size);
}

static bool escaped(struct hest_buf *b, const void *p, size_t n, bool json)
{
	const uint8_t *s = p;
	bool ok = hest_buf_append(b, "\"", 1);
	for (size_t i = 0; i < n && ok; i++) {
		uint8_t ch = s[i];
		if (ch == '"' || ch == '\\')
			ok = hest_buf_printf(b, "\\%c", ch);
		else if (ch >= 0x20 && ch < 0x7f)
			ok = hest_buf_append(b, &ch, 1);
		else if (json)
			ok = hest_buf_printf(b, "\\u%04x", ch);
		else
			ok = hest_buf_printf(b, "\\x%02x", ch);
	}
	return ok && hest_buf_append(b, "\"", 1);
}

bool hest_buf_json_string(struct hest_buf *b, const void *p, size_t n)
{
	return escaped(b, p, n, true);
}

bool hest_buf_json_cstr(struct hest_buf *b, const char *s)
{
	return escaped(b, s ? s : "", s ? strlen(s) : 0, true);
}

bool hest_buf_quoted(struct hest_buf *b, const void *p, size_t n)
{
	return escaped(b, p, n, false);
}

/* One bounds-checked cursor for every read of input bytes (binary tables,
 * acpidump text).  A read past the end never touches memory: it sets `fail`
 * and yields zero, so a parser can read a whole structure and check once.
 * Header-only: each function is small and inlined where it is used. */
#ifndef HEST_PARSER_CURSOR_H
#define HEST_PARSER_CURSOR_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

struct hest_cursor {
	const uint8_t *p;
	size_t len; /* bytes readable from p */
	size_t at;  /* next read position, 0 <= at <= len */
	bool fail;  /* a read or seek went out of bounds */
};

static inline void hest_cur_init(struct hest_cursor *c, const void *p, size_t len)
{
	c->p = (const uint8_t *)p;
	c->len = p ? len : 0;
	c->at = 0;
	c->fail = false;
}

static inline size_t hest_cur_left(const struct hest_cursor *c)
{
	return c->len - c->at;
}

static inline bool hest_cur_eof(const struct hest_cursor *c)
{
	return c->at >= c->len;
}

/* True when `n` bytes are readable at absolute offset `off`. */
static inline bool hest_cur_has_at(const struct hest_cursor *c, size_t off, size_t n)
{
	return off <= c->len && n <= c->len - off;
}

static inline bool hest_cur_seek(struct hest_cursor *c, size_t off)
{
	if (off > c->len) {
		c->fail = true;
		return false;
	}
	c->at = off;
	return true;
}

/* Little-endian integer of `size` (1..8) bytes at absolute offset `off`,
 * without moving; false (and *v = 0) when out of bounds. */
static inline bool hest_cur_peek_le(const struct hest_cursor *c, size_t off, unsigned size, uint64_t *v)
{
	*v = 0;
	if (size == 0 || size > 8 || !hest_cur_has_at(c, off, size))
		return false;
	for (unsigned i = size; i-- > 0;)
		*v = (*v << 8) | c->p[off + i];
	return true;
}

/* Reads and advances; out of bounds sets `fail` and returns 0. */
static inline uint64_t hest_cur_le(struct hest_cursor *c, unsigned size)
{
	uint64_t v;
	if (!hest_cur_peek_le(c, c->at, size, &v)) {
		c->fail = true;
		return 0;
	}
	c->at += size;
	return v;
}

/* A pointer to `n` bytes at the cursor, advancing past them, or NULL. */
static inline const uint8_t *hest_cur_take(struct hest_cursor *c, size_t n)
{
	if (!hest_cur_has_at(c, c->at, n)) {
		c->fail = true;
		return NULL;
	}
	const uint8_t *q = c->p + c->at;
	c->at += n;
	return q;
}

/* Byte at the cursor without advancing, or -1 at the end. */
static inline int hest_cur_peek(const struct hest_cursor *c)
{
	return c->at < c->len ? c->p[c->at] : -1;
}

/* --- text helpers (acpidump and other line-oriented inputs) ------------ */

/* The next line (without its '\n' or "\r\n"), advancing past it.  False at
 * the end of input. */
static inline bool hest_cur_line(struct hest_cursor *c, struct hest_cursor *line)
{
	if (c->at >= c->len)
		return false;
	size_t start = c->at, end = start;
	while (end < c->len && c->p[end] != '\n')
		end++;
	c->at = end < c->len ? end + 1 : end;
	if (end > start && c->p[end - 1] == '\r')
		end--;
	hest_cur_init(line, c->p + start, end - start);
	return true;
}

static inline void hest_cur_skip_blanks(struct hest_cursor *c)
{
	while (c->at < c->len && (c->p[c->at] == ' ' || c->p[c->at] == '\t'))
		c->at++;
}

/* Consumes `s` when the input continues with it. */
static inline bool hest_cur_accept(struct hest_cursor *c, const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	if (!hest_cur_has_at(c, c->at, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (c->p[c->at + i] != (uint8_t)s[i])
			return false;
	c->at += n;
	return true;
}

static inline int hest_hex_digit(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Up to `max` hex digits (at least one) into *v; false when there is no hex
 * digit or the value needs more than `max` digits. */
static inline bool hest_cur_hex(struct hest_cursor *c, unsigned max, uint64_t *v)
{
	unsigned n = 0;
	*v = 0;
	while (c->at < c->len && hest_hex_digit(c->p[c->at]) >= 0) {
		if (n == max)
			return false;
		*v = (*v << 4) | (uint64_t)hest_hex_digit(c->p[c->at]);
		c->at++;
		n++;
	}
	return n > 0;
}

#endif

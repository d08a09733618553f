/* A growable byte buffer for emitters (binary or text). */
#ifndef HEST_BUF_H
#define HEST_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

struct hest_buf {
	uint8_t *p;
	size_t len, cap;
	bool oom; /* an append failed; the content is incomplete */
};

void hest_buf_init(struct hest_buf *b);
void hest_buf_free(struct hest_buf *b);
/* Appends; on allocation failure sets b->oom and returns false. */
bool hest_buf_append(struct hest_buf *b, const void *data, size_t len);
bool hest_buf_zeros(struct hest_buf *b, size_t len);
bool hest_buf_printf(struct hest_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* A JSON string of n bytes: quotes, backslash, control bytes and bytes
 * above 0x7e escaped (\u00XX), so the output is ASCII and always valid. */
bool hest_buf_json_string(struct hest_buf *b, const void *p, size_t n);
bool hest_buf_json_cstr(struct hest_buf *b, const char *s); /* NULL = "" */
/* A C-style quoted string: \" \\ and \xNN for other bytes outside 0x20-0x7e
 * (loader listings, CPER text; their readers take the same escapes). */
bool hest_buf_quoted(struct hest_buf *b, const void *p, size_t n);
/* Little-endian integer of `size` bytes (1..8). */
bool hest_buf_le(struct hest_buf *b, unsigned size, uint64_t v);

#ifdef __cplusplus
}
#endif
#endif

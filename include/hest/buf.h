/* A growable byte buffer for emitters (binary or text). */
#ifndef HEST_BUF_H
#define HEST_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where a buffer's finished bytes go (hest_buf_set_sink); false when they
 * could not be taken (a write error: the sink keeps its reason). */
typedef bool (*hest_buf_sink_fn)(void *ctx, const uint8_t *p, size_t len);

struct hest_buf {
	uint8_t *p;
	size_t len, cap;
	bool oom; /* an append failed; the content is incomplete */
	/* With a sink, the bytes before p went to it already (hest_buf_drain):
	 * drained of them, and sink_failed when it refused some. */
	hest_buf_sink_fn sink;
	void *sink_ctx;
	uint64_t drained;
	bool sink_failed;
};

void hest_buf_init(struct hest_buf *b);
void hest_buf_free(struct hest_buf *b);

/* Streaming: emitters that write a large output piece by piece call
 * hest_buf_drain between pieces (after each source, each loader command);
 * with a sink set, once HEST_BUF_DRAIN_AT bytes are buffered they go to the
 * sink, all but the last HEST_BUF_KEEP (which an emitter may still read
 * back), so the output never has to fit in memory.  Offsets into p taken
 * before a drain are then stale; emitters that patch earlier bytes do not
 * drain.  Without a sink, drain does nothing.  hest_buf_flush sends
 * everything buffered: the owner calls it when the emitter is done.  Both
 * return false once the sink has refused bytes (later bytes are dropped). */
#define HEST_BUF_DRAIN_AT (256u * 1024u)
#define HEST_BUF_KEEP 16u
void hest_buf_set_sink(struct hest_buf *b, hest_buf_sink_fn fn, void *ctx);
bool hest_buf_drain(struct hest_buf *b);
bool hest_buf_flush(struct hest_buf *b);
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

/* Base64, RFC 4648 section 4 (alphabet A-Z a-z 0-9 + /, '=' padding, no
 * line breaks): appends the encoding of n bytes. */
bool hest_buf_base64(struct hest_buf *b, const void *data, size_t n);

/* Where and why a base64 text was refused. */
struct hest_base64_error {
	size_t offset;   /* of the offending character in the text (len: it ended too soon) */
	const char *why;
};
/* Decodes len characters of base64 and appends the bytes to out.  Blanks
 * (space, tab, CR, LF: line-wrapped text, a final newline) are skipped;
 * anything else outside the alphabet, '=' anywhere but at the end of the
 * last group of four, a text that ends inside a group, and padding bits that
 * are not zero (a non-canonical encoding) are refused.  Returns 0, or -1
 * with *e filled (e may be NULL). */
int hest_base64_decode(const char *s, size_t len, struct hest_buf *out, struct hest_base64_error *e);

#ifdef __cplusplus
}
#endif
#endif

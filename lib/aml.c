/* A minimal AML encoder (ACPI 6.5 §20): the opcodes hestc's SSDT needs. */
#include <string.h>
#include <hest/aml.h>
#include <hest/fields.h>

void hest_aml_init(struct hest_aml *a, struct hest_buf *out)
{
	memset(a, 0, sizeof(*a));
	a->out = out;
}

bool hest_aml_ok(const struct hest_aml *a)
{
	return !a->bad && !a->out->oom && a->depth == 0;
}

/* --- encodings --------------------------------------------------------- */

unsigned hest_aml_pkglen(uint32_t payload, uint8_t out[4])
{
	/* The encoded length includes the PkgLength bytes: one byte holds up to
	 * 63 (6 bits); n > 1 bytes hold 4 + 8 (n - 1) bits. */
	static const uint32_t max[5] = { 0, 0x3F, 0xFFF, 0xFFFFF, HEST_AML_PKGLEN_MAX };
	for (unsigned n = 1; n <= 4; n++) {
		if (payload > max[n] - n)
			continue;
		uint32_t len = payload + n;
		if (n == 1) {
			out[0] = (uint8_t)len;
		} else {
			out[0] = (uint8_t)(((n - 1) << 6) | (len & 0x0F));
			for (unsigned i = 1; i < n; i++)
				out[i] = (uint8_t)(len >> (4 + 8 * (i - 1)));
		}
		return n;
	}
	return 0;
}

unsigned hest_aml_pkglen_decode(const uint8_t *p, size_t avail, uint32_t *len)
{
	if (avail < 1)
		return 0;
	unsigned n = 1u + (p[0] >> 6);
	if (n == 1) {
		*len = p[0] & 0x3Fu;
		return 1;
	}
	if (avail < n || (p[0] & 0x30))
		return 0;
	uint32_t v = p[0] & 0x0Fu;
	for (unsigned i = 1; i < n; i++)
		v |= (uint32_t)p[i] << (4 + 8 * (i - 1));
	*len = v;
	return n;
}

static bool lead_char(char c)
{
	return (c >= 'A' && c <= 'Z') || c == '_';
}

static bool name_char(char c)
{
	return lead_char(c) || (c >= '0' && c <= '9');
}

const char *hest_aml_path_check(const char *path)
{
	const char *p = path;
	if (*p == '\\') {
		p++;
		if (*p == '\0')
			return NULL; /* the root itself */
	} else {
		while (*p == '^')
			p++;
	}
	unsigned segs = 0;
	for (;;) {
		size_t n = 0;
		if (!lead_char(*p))
			return *p >= 'a' && *p <= 'z' ? "names are upper case" : "a name segment starts with A-Z or '_'";
		while (name_char(p[n]))
			n++;
		if (n > 4)
			return "a name segment has at most 4 characters";
		if (++segs > 255)
			return "a name path has at most 255 segments";
		p += n;
		if (*p == '\0')
			return NULL;
		if (*p != '.')
			return *p >= 'a' && *p <= 'z' ? "names are upper case"
						      : "a name segment holds only A-Z, 0-9 and '_'";
		p++;
	}
}

bool hest_aml_name_encode(struct hest_buf *b, const char *path)
{
	if (hest_aml_path_check(path))
		return false;
	const char *p = path;
	uint8_t prefix;
	if (*p == '\\') {
		prefix = HEST_AML_ROOT_CHAR;
		if (!hest_buf_append(b, &prefix, 1))
			return false;
		p++;
		if (*p == '\0') { /* "\" alone: the root, a NullName after the RootChar */
			prefix = 0;
			return hest_buf_append(b, &prefix, 1);
		}
	}
	for (; *p == '^'; p++) {
		prefix = HEST_AML_PARENT_PREFIX;
		if (!hest_buf_append(b, &prefix, 1))
			return false;
	}
	unsigned segs = 1;
	for (const char *q = p; *q; q++)
		segs += *q == '.';
	uint8_t pre[2] = { HEST_AML_DUAL_NAME_PREFIX, 0 };
	if (segs == 2 && !hest_buf_append(b, pre, 1))
		return false;
	pre[0] = HEST_AML_MULTI_NAME_PREFIX;
	pre[1] = (uint8_t)segs;
	if (segs > 2 && !hest_buf_append(b, pre, 2))
		return false;
	while (*p) {
		uint8_t seg[4] = { '_', '_', '_', '_' };
		size_t n = 0;
		for (; p[n] && p[n] != '.'; n++)
			seg[n] = (uint8_t)p[n];
		if (!hest_buf_append(b, seg, 4))
			return false;
		p += n;
		if (*p == '.')
			p++;
	}
	return true;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool hest_aml_eisaid(const char *id, uint32_t *out)
{
	if (strlen(id) != 7)
		return false;
	uint32_t v = 0;
	for (int i = 0; i < 3; i++) {
		if (id[i] < 'A' || id[i] > 'Z')
			return false;
		v = (v << 5) | (uint32_t)(id[i] - 0x40);
	}
	for (int i = 3; i < 7; i++) {
		int d = hex_digit(id[i]);
		if (d < 0)
			return false;
		v = (v << 4) | (uint32_t)d;
	}
	/* The 32 bits in big-endian order (vendor letters first) are stored
	 * byte by byte; read back as a little-endian DWORD that is a swap. */
	*out = ((v >> 24) & 0xFFu) | ((v >> 8) & 0xFF00u) | ((v << 8) & 0xFF0000u) | ((v << 24) & 0xFF000000u);
	return true;
}

/* --- terms --------------------------------------------------------------- */

void hest_aml_byte(struct hest_aml *a, uint8_t v)
{
	hest_buf_append(a->out, &v, 1);
}

void hest_aml_op(struct hest_aml *a, unsigned op)
{
	if (op > 0xFF)
		hest_aml_byte(a, (uint8_t)(op >> 8));
	hest_aml_byte(a, (uint8_t)op);
}

void hest_aml_integer(struct hest_aml *a, uint64_t v)
{
	if (v == 0)
		hest_aml_byte(a, HEST_AML_ZERO);
	else if (v == 1)
		hest_aml_byte(a, HEST_AML_ONE);
	else if (v == UINT64_MAX)
		hest_aml_byte(a, HEST_AML_ONES);
	else if (v <= 0xFF) {
		hest_aml_byte(a, HEST_AML_BYTE_PREFIX);
		hest_buf_le(a->out, 1, v);
	} else if (v <= 0xFFFF) {
		hest_aml_byte(a, HEST_AML_WORD_PREFIX);
		hest_buf_le(a->out, 2, v);
	} else if (v <= 0xFFFFFFFFu) {
		hest_aml_byte(a, HEST_AML_DWORD_PREFIX);
		hest_buf_le(a->out, 4, v);
	} else {
		hest_aml_byte(a, HEST_AML_QWORD_PREFIX);
		hest_buf_le(a->out, 8, v);
	}
}

void hest_aml_string(struct hest_aml *a, const char *s)
{
	/* An AML string is ASCII 0x01-0x7F up to its NUL (§20.2.3). */
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p > 0x7F)
			a->bad = true;
	hest_aml_byte(a, HEST_AML_STRING_PREFIX);
	hest_buf_append(a->out, s, strlen(s) + 1);
}

void hest_aml_name(struct hest_aml *a, const char *path)
{
	if (!hest_aml_name_encode(a->out, path))
		a->bad = true;
}

static void open_package(struct hest_aml *a, bool buffer)
{
	if (a->depth >= HEST_AML_MAX_DEPTH) {
		a->bad = true;
		return;
	}
	a->open[a->depth] = a->out->len;
	a->buffer_data[a->depth] = buffer ? a->out->len : SIZE_MAX;
	a->depth++;
}

/* Inserts n bytes at pos, moving what follows. */
static bool insert(struct hest_buf *b, size_t pos, const uint8_t *bytes, size_t n)
{
	size_t tail = b->len - pos;
	if (!hest_buf_zeros(b, n))
		return false;
	memmove(b->p + pos + n, b->p + pos, tail);
	memcpy(b->p + pos, bytes, n);
	return true;
}

void hest_aml_end(struct hest_aml *a)
{
	if (a->depth == 0) {
		a->bad = true;
		return;
	}
	a->depth--;
	if (a->out->oom)
		return;
	size_t pos = a->open[a->depth];
	size_t data = a->buffer_data[a->depth];
	if (data != SIZE_MAX) {
		/* BufferSize, an integer term, precedes the byte list. */
		struct hest_buf size;
		hest_buf_init(&size);
		struct hest_aml tmp;
		hest_aml_init(&tmp, &size);
		hest_aml_integer(&tmp, a->out->len - data);
		if (size.oom || !insert(a->out, data, size.p, size.len))
			a->out->oom = true;
		hest_buf_free(&size);
	}
	size_t payload = a->out->len - pos;
	uint8_t enc[4];
	unsigned n = payload <= HEST_AML_PKGLEN_MAX ? hest_aml_pkglen((uint32_t)payload, enc) : 0;
	if (n == 0)
		a->bad = true;
	else
		insert(a->out, pos, enc, n);
}

void hest_aml_scope(struct hest_aml *a, const char *path)
{
	hest_aml_op(a, HEST_AML_SCOPE);
	open_package(a, false);
	hest_aml_name(a, path);
}

void hest_aml_device(struct hest_aml *a, const char *path)
{
	hest_aml_op(a, HEST_AML_DEVICE);
	open_package(a, false);
	hest_aml_name(a, path);
}

void hest_aml_method(struct hest_aml *a, const char *path, unsigned nargs, bool serialized)
{
	if (nargs > 7)
		a->bad = true;
	hest_aml_op(a, HEST_AML_METHOD);
	open_package(a, false);
	hest_aml_name(a, path);
	/* MethodFlags: bits 0-2 ArgCount, bit 3 SerializeFlag, bits 4-7 SyncLevel (0). */
	hest_aml_byte(a, (uint8_t)((nargs & 7u) | (serialized ? 0x08u : 0u)));
}

void hest_aml_if(struct hest_aml *a)
{
	hest_aml_op(a, HEST_AML_IF);
	open_package(a, false);
}

void hest_aml_buffer(struct hest_aml *a)
{
	hest_aml_op(a, HEST_AML_BUFFER);
	open_package(a, true);
}

void hest_aml_name_decl(struct hest_aml *a, const char *path)
{
	hest_aml_op(a, HEST_AML_NAME);
	hest_aml_name(a, path);
}

void hest_aml_notify(struct hest_aml *a, const char *target, uint64_t value)
{
	hest_aml_op(a, HEST_AML_NOTIFY);
	hest_aml_name(a, target);
	hest_aml_integer(a, value);
}

void hest_aml_external(struct hest_aml *a, const char *path, uint8_t objtype, uint8_t nargs)
{
	hest_aml_op(a, HEST_AML_EXTERNAL);
	hest_aml_name(a, path);
	hest_aml_byte(a, objtype);
	hest_aml_byte(a, nargs);
}

/* --- resource descriptors ------------------------------------------------ */

void hest_aml_res_interrupt(struct hest_aml *a, unsigned flags, uint32_t gsiv)
{
	/* Large item 0x09 (tag byte 0x89), length 6: flags, one interrupt. */
	hest_aml_byte(a, 0x89);
	hest_buf_le(a->out, 2, 6);
	hest_aml_byte(a, (uint8_t)(flags & 0x1Fu));
	hest_aml_byte(a, 1);
	hest_buf_le(a->out, 4, gsiv);
}

void hest_aml_res_gpioint(struct hest_aml *a, bool edge, enum hest_aml_gpio_polarity pol, uint16_t pin,
			  const char *source)
{
	/* Large item 0x0C (tag 0x8C): 23 bytes of fixed part, the pin table,
	 * then the resource source name (with its NUL); no vendor data. */
	size_t name = strlen(source) + 1;
	if (name > 0xFFFF - 25) {
		a->bad = true;
		return;
	}
	uint16_t pins_at = 23, name_at = (uint16_t)(pins_at + 2), vendor_at = (uint16_t)(name_at + name);
	hest_aml_byte(a, 0x8C);
	hest_buf_le(a->out, 2, (uint64_t)vendor_at - 3); /* length after the tag and length bytes */
	hest_aml_byte(a, 1);                             /* revision id */
	hest_aml_byte(a, 0);                             /* connection type: interrupt */
	hest_buf_le(a->out, 2, 1);                       /* general flags: consumer */
	hest_buf_le(a->out, 2, (uint64_t)((edge ? 1u : 0u) | ((unsigned)pol << 1))); /* exclusive, no wake */
	hest_aml_byte(a, 0);                             /* pin configuration: default */
	hest_buf_le(a->out, 2, 0);                       /* output drive strength */
	hest_buf_le(a->out, 2, 0);                       /* debounce timeout */
	hest_buf_le(a->out, 2, pins_at);
	hest_aml_byte(a, 0);                             /* resource source index */
	hest_buf_le(a->out, 2, name_at);
	hest_buf_le(a->out, 2, vendor_at);
	hest_buf_le(a->out, 2, 0);                       /* vendor data length */
	hest_buf_le(a->out, 2, pin);
	hest_buf_append(a->out, source, name);
}

void hest_aml_res_end(struct hest_aml *a)
{
	hest_aml_byte(a, 0x79);
	hest_aml_byte(a, 0);
}

/* --- definition block ---------------------------------------------------- */

void hest_aml_table_begin(struct hest_aml *a, const char sig[4], uint8_t revision, const uint8_t oem_id[6],
			  const uint8_t oem_table_id[8], uint32_t oem_revision, const uint8_t creator_id[4],
			  uint32_t creator_revision)
{
	hest_buf_append(a->out, sig, 4);
	hest_buf_le(a->out, 4, 0); /* length, filled by hest_aml_table_finish */
	hest_aml_byte(a, revision);
	hest_aml_byte(a, 0);       /* checksum */
	hest_buf_append(a->out, oem_id, 6);
	hest_buf_append(a->out, oem_table_id, 8);
	hest_buf_le(a->out, 4, oem_revision);
	hest_buf_append(a->out, creator_id, 4);
	hest_buf_le(a->out, 4, creator_revision);
}

bool hest_aml_table_finish(struct hest_aml *a, size_t start)
{
	struct hest_buf *b = a->out;
	if (!hest_aml_ok(a) || start > b->len || b->len - start < HEST_AML_HEADER_SIZE ||
	    b->len - start > UINT32_MAX) {
		a->bad = true;
		return false;
	}
	uint8_t *t = b->p + start;
	size_t len = b->len - start;
	hest_put_le(t + 4, 4, len);
	t[9] = 0;
	t[9] = (uint8_t)(0x100 - hest_byte_sum(t, len));
	return true;
}

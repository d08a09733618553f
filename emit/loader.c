/* Loader scripts out: the 128-byte binary form (QEMU's BiosLinkerLoaderEntry
 * layout) and the readable listing. */
#include <inttypes.h>
#include <string.h>
#include <hest/loader.h>

/* Offsets inside a 128-byte entry (after the u32 command at 0). */
enum {
	E_FILE = 4,         /* ALLOCATE file, pointer dest, checksum file */
	E_ALLOC_ALIGN = 60,
	E_ALLOC_ZONE = 64,
	E_SRC = 60,         /* pointer source file */
	E_PTR_OFFSET = 116,
	E_PTR_SIZE = 120,
	E_CK_OFFSET = 60,
	E_CK_START = 64,
	E_CK_LENGTH = 68,
	E_WP_DST_OFFSET = 116,
	E_WP_SRC_OFFSET = 120,
	E_WP_SIZE = 124,
};

static void put_name(uint8_t *p, const char *name)
{
	size_t n = strlen(name);
	memcpy(p, name, n < HEST_LOADER_FILESZ ? n : HEST_LOADER_FILESZ);
}

static void encode_entry(const struct hest_loader_entry *e, uint8_t *p)
{
	memset(p, 0, HEST_LOADER_ENTRY_SIZE);
	hest_put_le(p, 4, e->command);
	put_name(p + E_FILE, e->file);
	switch (e->command) {
	case HEST_LOADER_ALLOCATE:
		hest_put_le(p + E_ALLOC_ALIGN, 4, e->align);
		p[E_ALLOC_ZONE] = e->zone;
		break;
	case HEST_LOADER_ADD_POINTER:
		put_name(p + E_SRC, e->src);
		hest_put_le(p + E_PTR_OFFSET, 4, e->offset);
		p[E_PTR_SIZE] = e->size;
		break;
	case HEST_LOADER_ADD_CHECKSUM:
		hest_put_le(p + E_CK_OFFSET, 4, e->offset);
		hest_put_le(p + E_CK_START, 4, e->start);
		hest_put_le(p + E_CK_LENGTH, 4, e->length);
		break;
	case HEST_LOADER_WRITE_POINTER:
		put_name(p + E_SRC, e->src);
		hest_put_le(p + E_WP_DST_OFFSET, 4, e->offset);
		hest_put_le(p + E_WP_SRC_OFFSET, 4, e->src_offset);
		p[E_WP_SIZE] = e->size;
		break;
	default:
		break;
	}
}

bool hest_loader_encode(const struct hest_loader *l, struct hest_buf *out)
{
	uint8_t entry[HEST_LOADER_ENTRY_SIZE];
	for (size_t i = 0; i < l->n; i++) {
		encode_entry(&l->v[i], entry);
		if (!hest_buf_append(out, entry, sizeof(entry)) || !hest_buf_drain(out))
			return false;
	}
	return true;
}

static const char *zone_name(uint8_t zone)
{
	return zone == 1 ? "high" : zone == 2 ? "fseg" : NULL;
}

bool hest_loader_format(const struct hest_loader *l, struct hest_buf *out)
{
	bool ok = hest_buf_printf(out, "# BIOS linker/loader script: %zu command%s, 128 bytes each\n", l->n,
				  l->n == 1 ? "" : "s");
	for (size_t i = 0; i < l->n && ok; i++) {
		const struct hest_loader_entry *e = &l->v[i];
		const char *name = hest_loader_command_name(e->command);
		if (e->note[0])
			ok = hest_buf_printf(out, "# %s\n", e->note);
		ok = ok && hest_buf_printf(out, "%-13s ", name ? name : "UNKNOWN");
		switch (e->command) {
		case HEST_LOADER_ALLOCATE:
			ok = ok && hest_buf_printf(out, "file=") && hest_buf_quoted(out, e->file, strlen(e->file)) &&
			     hest_buf_printf(out, " align=%" PRIu32, e->align);
			if (zone_name(e->zone))
				ok = ok && hest_buf_printf(out, " zone=%s\n", zone_name(e->zone));
			else
				ok = ok && hest_buf_printf(out, " zone=%u\n", e->zone);
			break;
		case HEST_LOADER_ADD_POINTER:
			ok = ok && hest_buf_printf(out, "dest=") && hest_buf_quoted(out, e->file, strlen(e->file)) &&
			     hest_buf_printf(out, " offset=0x%" PRIx32 " size=%u src=", e->offset, e->size) &&
			     hest_buf_quoted(out, e->src, strlen(e->src)) && hest_buf_printf(out, "\n");
			break;
		case HEST_LOADER_ADD_CHECKSUM:
			ok = ok && hest_buf_printf(out, "file=") && hest_buf_quoted(out, e->file, strlen(e->file)) &&
			     hest_buf_printf(out, " offset=0x%" PRIx32 " start=0x%" PRIx32 " length=0x%" PRIx32 "\n",
					     e->offset, e->start, e->length);
			break;
		case HEST_LOADER_WRITE_POINTER:
			ok = ok && hest_buf_printf(out, "dest=") && hest_buf_quoted(out, e->file, strlen(e->file)) &&
			     hest_buf_printf(out, " offset=0x%" PRIx32 " size=%u src=", e->offset, e->size) &&
			     hest_buf_quoted(out, e->src, strlen(e->src)) && hest_buf_printf(out, " src_offset=0x%" PRIx32 "\n", e->src_offset);
			break;
		default:
			ok = ok && hest_buf_printf(out, "command=%" PRIu32 "\n", e->command);
			break;
		}
		ok = ok && hest_buf_drain(out);
	}
	return ok;
}

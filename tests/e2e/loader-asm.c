/* Test-only: assembles a linker/loader listing (the text form hestc writes
 * as table-loader.txt) into the 128-byte-per-command binary firmware reads.
 * The end-to-end harness writes its companion-table commands (RSDP, XSDT,
 * FADT...) as a listing and turns them into etc/table-loader pieces with
 * this, through libhest's own parser and encoder.
 *
 *   loader-asm LISTING.txt OUT.bin
 *
 * Exit status: 0 written, 1 the listing has errors, 2 usage or I/O error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hest/buf.h>
#include <hest/diag.h>
#include <hest/loader.h>

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct hest_buf b;
	hest_buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (!hest_buf_append(&b, chunk, n))
			break;
	int bad = ferror(f) || b.oom;
	fclose(f);
	if (bad) {
		hest_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	if (!b.p) /* empty file: an empty, valid listing */
		return calloc(1, 1);
	return (char *)b.p;
}

static int write_all(const char *path, const struct hest_buf *b)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = b->len ? fwrite(b->p, 1, b->len, f) : 0;
	if (fclose(f) != 0 || w != b->len) {
		remove(path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: loader-asm LISTING.txt OUT.bin\n");
		return 2;
	}
	size_t len = 0;
	char *text = read_all(argv[1], &len);
	if (!text) {
		fprintf(stderr, "loader-asm: %s: %s\n", argv[1], strerror(errno ? errno : EIO));
		return 2;
	}
	struct hest_loader l;
	struct hest_diags d;
	hest_loader_init(&l);
	hest_diags_init(&d);
	int rc = hest_loader_parse_text(text, len, argv[1], &l, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *msg = hest_diag_format(&d.v[i]);
		fprintf(stderr, "%s\n", msg ? msg : "loader-asm: out of memory");
		free(msg);
	}
	int status = 0;
	if (rc < 0 || hest_diags_failed(&d)) {
		status = 1;
	} else {
		struct hest_buf out;
		hest_buf_init(&out);
		if (!hest_loader_encode(&l, &out) || write_all(argv[2], &out) < 0) {
			fprintf(stderr, "loader-asm: cannot write %s\n", argv[2]);
			status = 2;
		}
		hest_buf_free(&out);
	}
	hest_diags_free(&d);
	hest_loader_free(&l);
	free(text);
	return status;
}

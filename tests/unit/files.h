/* Reading test inputs: a whole file, and the files of a directory in name
 * order (the same order on every file system). */
#ifndef TESTS_FILES_H
#define TESTS_FILES_H
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file, NUL-terminated (not counted in *len); NULL (and *len
 * 0) when it cannot be read. */
static inline uint8_t *tests_slurp(const char *path, size_t *len)
{
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n + 4096 > cap) {
			cap = (cap + 4096) * 2;
			uint8_t *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

/* The source tree and ../shared, as the test harness names them
 * (top_srcdir, shared_dir). */
static inline const char *tests_top(void)
{
	const char *t = getenv("top_srcdir");
	return t ? t : ".";
}

static inline const char *tests_shared(void)
{
	const char *s = getenv("shared_dir");
	return s ? s : "../shared";
}

static inline int tests_cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* fn(path, ctx) for each of the (first 256) files in dir whose name ends
 * in suffix, in name order. */
static inline void tests_each(const char *dir, const char *suffix, void (*fn)(const char *path, void *ctx), void *ctx)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char *names[256];
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d)) && n < 256;) {
		size_t l = strlen(e->d_name), s = strlen(suffix);
		if (l > s && strcmp(e->d_name + l - s, suffix) == 0 && (names[n] = strdup(e->d_name)) != NULL)
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), tests_cmp_name);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		fn(path, ctx);
		free(names[i]);
	}
}
#endif

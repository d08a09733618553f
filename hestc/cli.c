#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

/* The whole file (or stdin for "-"), NUL-terminated.  A regular file's
 * size is known: a file over the limit is refused before it is read, and
 * the buffer is allocated once at its size and filled by one read (the
 * file as it was when opened); other inputs grow by doubling until a read
 * returns nothing. */
int cli_read_path(const char *prog, const char *path, uint8_t **buf, size_t *len)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	*buf = NULL;
	*len = 0;
	if (fd < 0) {
		fprintf(stderr, "%s: error: cannot open '%s': %s\n", prog, path, strerror(errno));
		return -1;
	}
	size_t cap = 65536, n = 0, size = SIZE_MAX;
	uint8_t *b = NULL;
	struct stat st;
	bool stat_ok = fstat(fd, &st) == 0;
	if (stat_ok && S_ISDIR(st.st_mode) && !is_stdin) {
		close(fd);
		return CLI_READ_DIR;
	}
	if (stat_ok && S_ISREG(st.st_mode)) {
		if ((uint64_t)st.st_size > CLI_MAX_INPUT) {
			fprintf(stderr, "%s: error: '%s' is larger than %u MiB\n", prog, path, CLI_MAX_INPUT >> 20);
			goto fail;
		}
		size = (size_t)st.st_size;
		cap = size + 1;
	}
	b = malloc(cap + 1);
	if (!b)
		goto oom;
	for (;;) {
		if (n == cap) {
			if (cap >= CLI_MAX_INPUT) {
				fprintf(stderr, "%s: error: '%s' is larger than %u MiB\n", prog, path,
					CLI_MAX_INPUT >> 20);
				goto fail;
			}
			cap = cap * 2 < CLI_MAX_INPUT ? cap * 2 : CLI_MAX_INPUT;
			uint8_t *nb = realloc(b, cap + 1);
			if (!nb)
				goto oom;
			b = nb;
		}
		ssize_t got = read(fd, b + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			fprintf(stderr, "%s: error: cannot read '%s': %s\n", prog, path, strerror(errno));
			goto fail;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n == size)
			break;
	}
	if (!is_stdin)
		close(fd);
	b[n] = 0;
	*buf = b;
	*len = n;
	return 0;
oom:
	fprintf(stderr, "%s: error: out of memory reading '%s'\n", prog, path);
fail:
	free(b);
	if (!is_stdin)
		close(fd);
	return -1;
}

int cli_read_file(const char *prog, const char *path, uint8_t **buf, size_t *len)
{
	int rc = cli_read_path(prog, path, buf, len);
	if (rc == CLI_READ_DIR) {
		fprintf(stderr, "%s: error: cannot read '%s': %s\n", prog, path, strerror(EISDIR));
		return -1;
	}
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cli_dir_names(const char *dir, char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	DIR *dh = opendir(dir);
	if (!dh)
		return -1;
	char **v = NULL;
	size_t k = 0, cap = 0;
	int rc = 0;
	for (struct dirent *e; (e = readdir(dh));) {
		if (e->d_name[0] == '.')
			continue;
		if (k == cap) {
			cap = cap ? cap * 2 : 16;
			char **nv = realloc(v, cap * sizeof(*nv));
			if (!nv) {
				rc = -1;
				break;
			}
			v = nv;
		}
		if (!(v[k] = strdup(e->d_name))) {
			rc = -1;
			break;
		}
		k++;
	}
	closedir(dh);
	if (rc < 0) {
		cli_free_names(v, k);
		errno = ENOMEM;
		return -1;
	}
	if (k) /* qsort(NULL, 0) is undefined */
		qsort(v, k, sizeof(*v), cmp_name);
	*names = v;
	*n = k;
	return 0;
}

void cli_free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Colour only on a terminal, never with NO_COLOR (https://no-color.org) or
 * TERM=dumb; CLICOLOR_FORCE=1 forces it (for tests). */
static bool use_colour(void)
{
	const char *force = getenv("CLICOLOR_FORCE");
	if (force && *force && strcmp(force, "0") != 0)
		return true;
	const char *no = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	return !(no && *no) && !(term && strcmp(term, "dumb") == 0) && isatty(STDERR_FILENO);
}

/* stderr is unbuffered: the diagnostics are gathered here and written a
 * buffer at a time, not a character (fputc) or a piece (fprintf) at a time. */
struct errbuf {
	char *b;
	size_t n, cap;
};

static void eb_flush(struct errbuf *e)
{
	if (e->n)
		fwrite(e->b, 1, e->n, stderr);
	e->n = 0;
}

static void eb_write(struct errbuf *e, const char *s, size_t len)
{
	if (len > e->cap - e->n) {
		eb_flush(e);
		if (len > e->cap) {
			fwrite(s, 1, len, stderr);
			return;
		}
	}
	memcpy(e->b + e->n, s, len);
	e->n += len;
}

static void eb_puts(struct errbuf *e, const char *s)
{
	eb_write(e, s, strlen(s));
}

static void eb_putc(struct errbuf *e, char c)
{
	if (e->n == e->cap)
		eb_flush(e);
	e->b[e->n++] = c;
}

/* The text of the file a diagnostic names, read once per file, and where
 * each of its lines starts (found once: a caret line is then looked up,
 * not counted from the start of the file each time). */
struct src_cache {
	char *path;
	uint8_t *text;
	size_t len;
	size_t *line_start; /* line_start[k]: offset of line k + 1 */
	size_t nlines;
	bool tried, indexed;
};

static void src_cache_reset(struct src_cache *c)
{
	free(c->path);
	free(c->text);
	free(c->line_start);
	memset(c, 0, sizeof(*c));
}

static const uint8_t *source_text(struct src_cache *c, const char *path, size_t *len)
{
	if (!path || strcmp(path, "-") == 0)
		return NULL;
	if (!c->tried || strcmp(c->path, path) != 0) {
		src_cache_reset(c);
		c->tried = true;
		c->path = strdup(path);
		FILE *f = c->path ? fopen(path, "rb") : NULL;
		if (f) {
			size_t cap = 0;
			for (;;) {
				if (c->len == cap) {
					if (cap >= CLI_MAX_INPUT)
						break;
					uint8_t *nb = realloc(c->text, cap = cap ? cap * 2 : 65536);
					if (!nb)
						break;
					c->text = nb;
				}
				size_t got = fread(c->text + c->len, 1, cap - c->len, f);
				if (!got)
					break;
				c->len += got;
			}
			fclose(f);
		}
	}
	*len = c->len;
	return c->text;
}

/* The offset where line `line` (from 1) starts: lines end at '\n' only, so
 * a file ending in '\n' has an empty last line.  false when the file has
 * fewer lines (it changed since it was read) or the index cannot be had. */
static bool line_offset(struct src_cache *c, uint32_t line, size_t *at)
{
	if (!c->indexed) {
		c->indexed = true;
		size_t n = 1;
		for (const uint8_t *p = c->text, *end = c->text + c->len; p && p < end; p++) {
			p = memchr(p, '\n', (size_t)(end - p));
			if (!p)
				break;
			n++;
		}
		c->line_start = malloc(n * sizeof(*c->line_start));
		if (!c->line_start)
			return false;
		c->line_start[0] = 0;
		c->nlines = 1;
		for (size_t i = 0; i < c->len; i++)
			if (c->text[i] == '\n')
				c->line_start[c->nlines++] = i + 1;
	}
	if (!c->line_start || line == 0 || line > c->nlines)
		return false;
	*at = c->line_start[line - 1];
	return true;
}

/* Like a compiler:
 *     12 |     type: seaa
 *        |           ^
 */
static void print_caret(struct errbuf *e, struct src_cache *c, uint32_t line, uint32_t col, bool colour)
{
	const uint8_t *text = c->text;
	size_t len = c->len, at;
	if (!line_offset(c, line, &at))
		return; /* the file changed since it was read */
	size_t end = at;
	while (end < len && text[end] != '\n' && text[end] != '\r')
		end++;
	if (end - at > 400 || col == 0 || col > end - at + 1)
		return; /* a huge or ill-matched line helps nobody */
	char num[32];
	int k = snprintf(num, sizeof(num), " %5" PRIu32 " | ", line);
	eb_write(e, num, (size_t)k);
	eb_write(e, (const char *)text + at, end - at);
	eb_puts(e, "\n       | ");
	for (size_t i = at; i < at + col - 1; i++)
		if (text[i] == '\t')
			eb_putc(e, '\t');
		else if ((text[i] & 0xc0) != 0x80)
			eb_putc(e, ' ');
	eb_puts(e, colour ? "\033[1;32m^\033[0m\n" : "^\n");
}

static void print_colour(struct errbuf *e, const char *s, const struct hest_diag *dg)
{
	/* "file:line:col: error: message" or "file:0xOFF: error[RULE]: message" */
	const char *sev = hest_severity_name(dg->severity);
	const char *at = strstr(s, sev);
	while (at && !(at > s && at[-1] == ' ' && at[-2] == ':'))
		at = strstr(at + 1, sev);
	if (!at) {
		eb_puts(e, s);
		eb_putc(e, '\n');
		return;
	}
	const char *tint = dg->severity == HEST_SEV_ERROR ? "\033[1;31m"
			   : dg->severity == HEST_SEV_WARNING ? "\033[1;35m"
							      : "\033[1;36m";
	const char *colon = strchr(at, ':');
	size_t sevlen = colon ? (size_t)(colon - at) : strlen(sev);
	eb_puts(e, "\033[1m");
	eb_write(e, s, (size_t)(at - s));
	eb_puts(e, "\033[0m");
	eb_puts(e, tint);
	eb_write(e, at, sevlen);
	eb_puts(e, "\033[0m");
	eb_puts(e, at + sevlen);
	eb_putc(e, '\n');
}

void cli_print_diags(const struct hest_diags *d)
{
	bool colour = use_colour();
	struct src_cache cache;
	memset(&cache, 0, sizeof(cache));
	char small[256];
	struct errbuf eb = { malloc(16384), 0, 16384 }, *e = &eb;
	if (!eb.b) /* out of memory: a small buffer still works */
		eb = (struct errbuf){ small, 0, sizeof(small) };
	for (size_t i = 0; i < d->n; i++) {
		const struct hest_diag *dg = &d->v[i];
		char *s = hest_diag_format(dg);
		if (!s)
			continue;
		if (colour)
			print_colour(e, s, dg);
		else {
			eb_puts(e, s);
			eb_putc(e, '\n');
		}
		free(s);
		size_t len = 0;
		const uint8_t *text = dg->loc.line && !dg->loc.has_offset ? source_text(&cache, dg->loc.file, &len) : NULL;
		if (text)
			print_caret(e, &cache, dg->loc.line, dg->loc.col, colour);
	}
	src_cache_reset(&cache);
	if (d->dropped) {
		char tail[64];
		int k = snprintf(tail, sizeof(tail), "... and %zu more diagnostics not shown\n", d->dropped);
		eb_write(e, tail, (size_t)k);
	}
	if (d->oom)
		eb_puts(e, "error: out of memory while recording diagnostics\n");
	eb_flush(e);
	if (eb.b != small)
		free(eb.b);
}

void cli_outputs_init(struct cli_outputs *o, const char *prog)
{
	memset(o, 0, sizeof(*o));
	o->prog = prog;
}

char *cli_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p = malloc(a + b + 2);
	if (!p)
		return NULL;
	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, name, b + 1);
	return p;
}

static int write_all(int fd, const uint8_t *p, size_t len)
{
	while (len) {
		ssize_t k = write(fd, p, len);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += k;
		len -= (size_t)k;
	}
	return 0;
}

int cli_outputs_open(struct cli_outputs *o, const char *path, struct cli_stream *st)
{
	memset(st, 0, sizeof(*st));
	st->fd = -1;
	size_t pl = strlen(path);
	st->tmp = malloc(pl + 16);
	st->path = strdup(path);
	if (!st->tmp || !st->path) {
		fprintf(stderr, "%s: error: out of memory\n", o->prog);
		goto fail;
	}
	memcpy(st->tmp, path, pl);
	memcpy(st->tmp + pl, ".tmp-XXXXXX", 12);
	st->fd = mkstemp(st->tmp);
	if (st->fd < 0) {
		fprintf(stderr, "%s: error: cannot create a file beside '%s': %s\n", o->prog, path, strerror(errno));
		goto fail;
	}
	/* mkstemp makes 0600; outputs are ordinary files */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(st->fd, 0666 & ~mask) < 0) {
		fprintf(stderr, "%s: error: cannot write '%s': %s\n", o->prog, path, strerror(errno));
		close(st->fd);
		unlink(st->tmp);
		goto fail;
	}
	return 0;
fail:
	free(st->tmp);
	free(st->path);
	memset(st, 0, sizeof(*st));
	st->fd = -1;
	return -1;
}

bool cli_stream_write(void *ctx, const uint8_t *p, size_t len)
{
	struct cli_stream *st = ctx;
	if (st->error)
		return false;
	if (write_all(st->fd, p, len) < 0) {
		st->error = errno ? errno : EIO;
		return false;
	}
	return true;
}

static bool grow_outputs(struct cli_outputs *o)
{
	if (o->n < o->cap)
		return true;
	size_t cap = o->cap ? o->cap * 2 : 8;
	struct cli_output *v = realloc(o->v, cap * sizeof(*v));
	if (!v)
		return false;
	o->v = v;
	o->cap = cap;
	return true;
}

int cli_outputs_close(struct cli_outputs *o, struct cli_stream *st, bool keep)
{
	if (st->fd < 0)
		return -1;
	if (keep && !st->error && fsync(st->fd) < 0)
		st->error = errno;
	if (close(st->fd) < 0 && keep && !st->error)
		st->error = errno;
	st->fd = -1;
	int rc = -1;
	if (!keep)
		; /* the output failed: its temporary goes */
	else if (st->error)
		fprintf(stderr, "%s: error: cannot write '%s': %s\n", o->prog, st->path, strerror(st->error));
	else if (!grow_outputs(o))
		fprintf(stderr, "%s: error: out of memory\n", o->prog);
	else {
		o->v[o->n++] = (struct cli_output){ st->path, st->tmp };
		rc = 0;
	}
	if (rc < 0) {
		unlink(st->tmp);
		free(st->tmp);
		free(st->path);
	}
	st->tmp = st->path = NULL;
	return rc;
}

int cli_outputs_add(struct cli_outputs *o, const char *path, const void *data, size_t len)
{
	struct cli_stream st;
	if (cli_outputs_open(o, path, &st) < 0)
		return -1;
	cli_stream_write(&st, data, len);
	return cli_outputs_close(o, &st, true);
}

/* A second name (a hard link) for the current `path`, so that a commit that
 * fails half-way can put it back.  NULL when there is no such file, or when
 * the file system cannot link (*existed is then still true). */
static char *keep_old(const char *path, bool *existed)
{
	struct stat st;
	*existed = lstat(path, &st) == 0;
	if (!*existed)
		return NULL;
	size_t pl = strlen(path);
	char *old = malloc(pl + 16);
	if (!old)
		return NULL;
	memcpy(old, path, pl);
	memcpy(old + pl, ".old-XXXXXX", 12);
	int fd = mkstemp(old); /* reserves a fresh name beside path */
	if (fd >= 0) {
		close(fd);
		unlink(old);
		if (link(path, old) == 0)
			return old;
	}
	free(old);
	return NULL;
}

/* Test hook (docs/robustness.md): HESTC_TEST_FAIL_RENAME=N makes the Nth
 * rename of a commit fail with EIO, to show the rollback below. */
static int commit_rename(const char *from, const char *to, size_t i)
{
	const char *f = getenv("HESTC_TEST_FAIL_RENAME");
	if (f && strtoul(f, NULL, 10) == i + 1) {
		errno = EIO;
		return -1;
	}
	return rename(from, to);
}

/* Makes a rename durable: syncs the directory holding `path`. */
static void sync_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY) : -1;
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Each file is renamed over its destination (atomic per file).  When one
 * rename fails, the ones already done are undone: the destinations they
 * replaced get their old content back (kept as hard links), the ones they
 * created are removed, so an error leaves every destination as it was. */
int cli_outputs_commit(struct cli_outputs *o)
{
	struct stat st;
	for (size_t i = 0; i < o->n; i++)
		if (lstat(o->v[i].path, &st) == 0 && S_ISDIR(st.st_mode)) {
			fprintf(stderr, "%s: error: cannot replace '%s': it is a directory\n", o->prog, o->v[i].path);
			return -1;
		}
	char **old = calloc(o->n ? o->n : 1, sizeof(*old));
	bool *existed = calloc(o->n ? o->n : 1, sizeof(*existed));
	if (!old || !existed) {
		free(old);
		free(existed);
		fprintf(stderr, "%s: error: out of memory\n", o->prog);
		return -1;
	}
	int rc = 0;
	size_t done;
	for (done = 0; done < o->n; done++) {
		struct cli_output *f = &o->v[done];
		old[done] = keep_old(f->path, &existed[done]);
		if (commit_rename(f->tmp, f->path, done) < 0) {
			fprintf(stderr, "%s: error: cannot rename into '%s': %s\n", o->prog, f->path, strerror(errno));
			rc = -1;
			break;
		}
		free(f->tmp);
		f->tmp = NULL;
	}
	for (size_t j = done; rc < 0 && j-- > 0;) {
		const char *path = o->v[j].path;
		if (old[j] ? rename(old[j], path) == 0 : !existed[j] && unlink(path) == 0) {
			if (old[j]) {
				free(old[j]);
				old[j] = NULL;
			}
		} else {
			fprintf(stderr, "%s: error: '%s' was already replaced and could not be restored\n", o->prog,
				path);
		}
	}
	for (size_t j = 0; j < o->n; j++) {
		if (old[j])
			unlink(old[j]);
		free(old[j]);
	}
	free(old);
	free(existed);
	for (size_t j = 0; rc == 0 && j < o->n; j++)
		sync_dir_of(o->v[j].path);
	return rc;
}

void cli_outputs_discard(struct cli_outputs *o)
{
	for (size_t i = 0; i < o->n; i++) {
		if (o->v[i].tmp) {
			unlink(o->v[i].tmp);
			free(o->v[i].tmp);
		}
		free(o->v[i].path);
	}
	free(o->v);
	memset(o, 0, sizeof(*o));
}

/* mkdir -p: creates missing parents too. */
int cli_ensure_dir(const char *prog, const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		fprintf(stderr, "%s: error: '%s' exists and is not a directory\n", prog, dir);
		return -1;
	}
	char *path = strdup(dir);
	if (!path) {
		fprintf(stderr, "%s: error: out of memory\n", prog);
		return -1;
	}
	int rc = 0;
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			fprintf(stderr, "%s: error: cannot create directory '%s': %s\n", prog, path, strerror(errno));
			rc = -1;
			break;
		}
		*p = saved;
		if (!saved)
			break;
	}
	if (rc == 0 && (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))) {
		fprintf(stderr, "%s: error: '%s' is not a directory\n", prog, dir);
		rc = -1;
	}
	free(path);
	return rc;
}

void cli_option_error(const char *prog, int c, char **argv)
{
	const char *arg = argv[optind - 1];
	if (c == ':')
		fprintf(stderr, "%s: error: option '%s' needs a value\n", prog, arg);
	else if (optopt && strncmp(arg, "--", 2) == 0)
		fprintf(stderr, "%s: error: option '%s' takes no value\n", prog, arg);
	else if (optopt)
		fprintf(stderr, "%s: error: unknown option '-%c'\n", prog, optopt);
	else
		fprintf(stderr, "%s: error: unknown option '%s'\n", prog, arg);
}

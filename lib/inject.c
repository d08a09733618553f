/* Injection into a running guest (see <hest/inject.h>): the guest-physical
 * map, guest memory backed by a shared RAM file, and the handshake with a
 * deadline. */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>
#include "digits.h"
#include <hest/inject.h>

/* --- the map ------------------------------------------------------------------ */

void hest_gpa_map_init(struct hest_gpa_map *m)
{
	memset(m, 0, sizeof(*m));
}

int hest_gpa_map_add(struct hest_gpa_map *m, uint64_t gpa, uint64_t size, uint64_t offset)
{
	if (!size || m->n >= HEST_GPA_MAP_MAX || gpa + (size - 1) < gpa || offset + (size - 1) < offset)
		return -1;
	for (size_t i = 0; i < m->n; i++) {
		const struct hest_gpa_range *r = &m->v[i];
		/* inclusive ends: no overflow at the top of the address space */
		if (gpa <= r->gpa + (r->size - 1) && r->gpa <= gpa + (size - 1))
			return -1;
	}
	m->v[m->n++] = (struct hest_gpa_range){ gpa, size, offset };
	return 0;
}

#define GIB UINT64_C(0x40000000)
#define FOUR_GIB UINT64_C(0x100000000)

/* RAM split around the 32-bit hole: [0, lowmem) at 0, the rest at 4 GiB. */
static int split_low_high(struct hest_gpa_map *m, uint64_t ram_size, uint64_t lowmem, uint64_t max_below_4g)
{
	hest_gpa_map_init(m);
	if (!ram_size)
		return -1;
	if (max_below_4g && lowmem > max_below_4g)
		lowmem = max_below_4g;
	if (!lowmem)
		return -1;
	if (ram_size <= lowmem)
		return hest_gpa_map_add(m, 0, ram_size, 0);
	if (hest_gpa_map_add(m, 0, lowmem, 0) < 0 || hest_gpa_map_add(m, FOUR_GIB, ram_size - lowmem, lowmem) < 0)
		return -1;
	return 0;
}

int hest_gpa_map_q35(struct hest_gpa_map *m, uint64_t ram_size, uint64_t max_ram_below_4g)
{
	uint64_t lowmem = ram_size >= UINT64_C(0xb0000000) ? UINT64_C(0x80000000) : UINT64_C(0xb0000000);
	return split_low_high(m, ram_size, lowmem, max_ram_below_4g);
}

int hest_gpa_map_pc(struct hest_gpa_map *m, uint64_t ram_size, uint64_t max_ram_below_4g)
{
	uint64_t lowmem = ram_size >= UINT64_C(0xe0000000) ? UINT64_C(0xc0000000) : UINT64_C(0xe0000000);
	return split_low_high(m, ram_size, lowmem, max_ram_below_4g);
}

int hest_gpa_map_arm_virt(struct hest_gpa_map *m, uint64_t ram_size)
{
	hest_gpa_map_init(m);
	return ram_size ? hest_gpa_map_add(m, HEST_ARM_VIRT_RAM_BASE, ram_size, 0) : -1;
}

/* A C integer with an optional K/M/G/T (1024-based) suffix, ending at `stop`
 * (or the end of the string). */
static const char *parse_size(const char *s, char stop, uint64_t *v)
{
	uint64_t x = 0;
	unsigned base = 10;
	const char *p = s;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	const char *digits = p;
	p = hest_scan_digits(digits, base, &x);
	if (!p || p == digits)
		return NULL;
	unsigned shift = 0;
	switch (*p) {
	case 'k': case 'K': shift = 10; p++; break;
	case 'm': case 'M': shift = 20; p++; break;
	case 'g': case 'G': shift = 30; p++; break;
	case 't': case 'T': shift = 40; p++; break;
	default: break;
	}
	if (shift && x > (UINT64_MAX >> shift))
		return NULL;
	x <<= shift;
	if (*p != stop)
		return NULL;
	*v = x;
	return p;
}

int hest_gpa_range_parse(const char *s, struct hest_gpa_range *r, const char **why)
{
	const char *p = parse_size(s, ':', &r->gpa);
	if (!p) {
		*why = "expected GPA:SIZE@OFFSET (GPA an integer)";
		return -1;
	}
	p = parse_size(p + 1, '@', &r->size);
	if (!p) {
		*why = "expected GPA:SIZE@OFFSET (SIZE an integer, K/M/G/T allowed)";
		return -1;
	}
	p = parse_size(p + 1, '\0', &r->offset);
	if (!p) {
		*why = "expected GPA:SIZE@OFFSET (OFFSET an integer)";
		return -1;
	}
	if (!r->size) {
		*why = "SIZE is 0";
		return -1;
	}
	if (r->gpa + (r->size - 1) < r->gpa || r->offset + (r->size - 1) < r->offset) {
		*why = "the range runs past the end of the 64-bit space";
		return -1;
	}
	return 0;
}

int hest_gpa_map_lookup(const struct hest_gpa_map *m, uint64_t gpa, uint64_t len, uint64_t *offset)
{
	if (!len)
		len = 1;
	if (gpa + (len - 1) < gpa)
		return -1;
	for (size_t i = 0; i < m->n; i++) {
		const struct hest_gpa_range *r = &m->v[i];
		if (gpa >= r->gpa && gpa - r->gpa <= r->size - 1 && len - 1 <= r->size - 1 - (gpa - r->gpa)) {
			*offset = r->offset + (gpa - r->gpa);
			return 0;
		}
	}
	return -1;
}

/* --- guest memory in a file ----------------------------------------------------- */

static int fm_fail(struct hest_file_mem *fm, uint64_t gpa, uint64_t len, int err, const char *what)
{
	fm->err_gpa = gpa;
	fm->err_len = len;
	fm->err_errno = err;
	if (err)
		snprintf(fm->err, sizeof(fm->err), "guest address 0x%llx (%llu bytes): %s: %s", (unsigned long long)gpa,
			 (unsigned long long)len, what, strerror(err));
	else
		snprintf(fm->err, sizeof(fm->err), "guest address 0x%llx (%llu bytes): %s", (unsigned long long)gpa,
			 (unsigned long long)len, what);
	return -1;
}

/* The file offset of an access, checked against the map and the file. */
static int fm_locate(struct hest_file_mem *fm, uint64_t gpa, size_t len, uint64_t *off)
{
	if (hest_gpa_map_lookup(&fm->map, gpa, len, off) < 0)
		return fm_fail(fm, gpa, len, 0, "not inside one range of the guest memory map");
	if (*off > fm->file_size || len > fm->file_size - *off)
		return fm_fail(fm, gpa, len, 0, "maps past the end of the memory file");
	return 0;
}

static int fm_read(void *user, uint64_t gpa, void *buf, size_t len)
{
	struct hest_file_mem *fm = user;
	uint64_t off;
	if (fm_locate(fm, gpa, len, &off) < 0)
		return -1;
	if (fm->base) {
		/* the guest's stores before this load are seen (its block before its status) */
		atomic_thread_fence(memory_order_seq_cst);
		memcpy(buf, fm->base + off, len);
		atomic_thread_fence(memory_order_seq_cst);
		fm->reads++;
		return 0;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t n = pread(fm->fd, (uint8_t *)buf + done, len - done, (off_t)(off + done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return fm_fail(fm, gpa, len, n < 0 ? errno : 0, n < 0 ? "read" : "short read (the file shrank?)");
		done += (size_t)n;
	}
	fm->reads++;
	return 0;
}

static int fm_write(void *user, uint64_t gpa, const void *buf, size_t len)
{
	struct hest_file_mem *fm = user;
	uint64_t off;
	if (!fm->writable)
		return fm_fail(fm, gpa, len, EBADF, "write");
	if (fm_locate(fm, gpa, len, &off) < 0)
		return -1;
	if (fm->base) {
		/* ordered: the record's body is visible before its block_status */
		atomic_thread_fence(memory_order_seq_cst);
		memcpy(fm->base + off, buf, len);
		atomic_thread_fence(memory_order_seq_cst);
		fm->writes++;
		return 0;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t n = pwrite(fm->fd, (const uint8_t *)buf + done, len - done, (off_t)(off + done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return fm_fail(fm, gpa, len, n < 0 ? errno : 0, n < 0 ? "write" : "short write");
		done += (size_t)n;
	}
	fm->writes++;
	return 0;
}

int hest_file_mem_open(struct hest_file_mem *fm, const char *path, const struct hest_gpa_map *map, bool writable)
{
	return hest_file_mem_open_access(fm, path, map, writable, HEST_FILE_MEM_AUTO);
}

#define HUGETLBFS_MAGIC_NUMBER 0x958458f6

int hest_file_mem_open_access(struct hest_file_mem *fm, const char *path, const struct hest_gpa_map *map,
			      bool writable, enum hest_file_mem_access access)
{
	memset(fm, 0, sizeof(*fm));
	fm->fd = -1;
	fm->map = *map;
	fm->writable = writable;
	int fd = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (fd < 0) {
		snprintf(fm->err, sizeof(fm->err), "%s", strerror(errno));
		fm->err_errno = errno;
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		fm->err_errno = errno;
		snprintf(fm->err, sizeof(fm->err), "%s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(fm->err, sizeof(fm->err), "not a regular file (a guest RAM file, mem-path=)");
		close(fd);
		return -1;
	}
	fm->file_size = (uint64_t)st.st_size;
	if (!map->n) {
		snprintf(fm->err, sizeof(fm->err), "the guest memory map is empty");
		close(fd);
		return -1;
	}
	for (size_t i = 0; i < map->n; i++) {
		const struct hest_gpa_range *r = &map->v[i];
		if (r->offset > fm->file_size || r->size > fm->file_size - r->offset) {
			snprintf(fm->err, sizeof(fm->err),
				 "guest range 0x%llx+0x%llx maps to file offsets 0x%llx..0x%llx, past the file's %llu bytes",
				 (unsigned long long)r->gpa, (unsigned long long)r->size, (unsigned long long)r->offset,
				 (unsigned long long)(r->offset + (r->size - 1)), (unsigned long long)fm->file_size);
			close(fd);
			return -1;
		}
	}
	if (access == HEST_FILE_MEM_AUTO) {
		struct statfs sf;
		access = fstatfs(fd, &sf) == 0 && (unsigned long)sf.f_type == HUGETLBFS_MAGIC_NUMBER ? HEST_FILE_MEM_MMAP
												       : HEST_FILE_MEM_PREAD;
	}
	if (access == HEST_FILE_MEM_MMAP) {
		if (fm->file_size > SIZE_MAX || !fm->file_size) {
			snprintf(fm->err, sizeof(fm->err), "cannot map a file of %llu bytes",
				 (unsigned long long)fm->file_size);
			close(fd);
			return -1;
		}
		void *p = mmap(NULL, (size_t)fm->file_size, PROT_READ | (writable ? PROT_WRITE : 0), MAP_SHARED, fd, 0);
		if (p == MAP_FAILED) {
			fm->err_errno = errno;
			snprintf(fm->err, sizeof(fm->err), "mmap: %s", strerror(errno));
			close(fd);
			return -1;
		}
		fm->base = p;
	}
	fm->access = access;
	fm->fd = fd;
	return 0;
}

void hest_file_mem_close(struct hest_file_mem *fm)
{
	if (fm->base)
		munmap(fm->base, (size_t)fm->file_size);
	fm->base = NULL;
	if (fm->fd >= 0)
		close(fm->fd);
	fm->fd = -1;
}

struct hest_guest_mem hest_file_mem_callbacks(struct hest_file_mem *fm)
{
	return (struct hest_guest_mem){ fm, fm_read, fm_write };
}

/* --- waiting -------------------------------------------------------------------- */

static uint64_t mono_ns(void *user)
{
	(void)user;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * UINT64_C(1000000000) + (uint64_t)ts.tv_nsec;
}

static void mono_sleep(void *user, uint64_t ns)
{
	(void)user;
	struct timespec ts = { (time_t)(ns / UINT64_C(1000000000)), (long)(ns % UINT64_C(1000000000)) };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

struct clock {
	uint64_t (*now)(void *);
	void (*sleep)(void *, uint64_t);
	void *user;
	uint64_t start, timeout, interval;
};

static void clock_start(struct clock *c, const struct hest_ghes_wait *w)
{
	c->now = w && w->now_ns ? w->now_ns : mono_ns;
	c->sleep = w && w->sleep_ns ? w->sleep_ns : mono_sleep;
	c->user = w ? w->user : NULL;
	c->timeout = w ? w->timeout_ns : 0;
	c->interval = w && w->interval_ns ? w->interval_ns : UINT64_C(1000000);
	c->start = c->now(c->user);
}

/* Sleeps before the next attempt; false when the deadline has passed. */
static bool clock_next(struct clock *c, uint64_t *waited)
{
	uint64_t now = c->now(c->user);
	uint64_t spent = now - c->start;
	*waited = spent;
	if (spent >= c->timeout)
		return false;
	uint64_t left = c->timeout - spent;
	c->sleep(c->user, left < c->interval ? left : c->interval);
	*waited = c->now(c->user) - c->start;
	return true;
}

int hest_ghes_inject(const struct hest_guest_mem *mem, const struct hest_ghes_target *t, const uint8_t *record,
		     size_t len, const struct hest_ghes_wait *w, struct hest_ghes_report *r)
{
	struct clock c;
	uint64_t waited = 0;
	uint32_t attempts = 0;
	clock_start(&c, w);
	for (;;) {
		attempts++;
		if (w && w->guard)
			w->guard(w->user, 1);
		int rc = hest_ghes_write_record(mem, t, record, len, r);
		if (w && w->guard)
			w->guard(w->user, 0);
		r->attempts = attempts;
		r->waited_ns = waited;
		if (rc == 0 || r->status != HEST_GHES_BUSY)
			return rc;
		/* busy: the writer wrote nothing; wait while time is left */
		if (!clock_next(&c, &waited)) {
			r->waited_ns = waited;
			r->status = HEST_GHES_TIMEOUT;
			return -1;
		}
	}
}

int hest_ghes_wait_consumed(const struct hest_guest_mem *mem, const struct hest_ghes_target *t,
			    const struct hest_ghes_wait *w, struct hest_ghes_report *r)
{
	struct clock c;
	uint64_t waited = 0, reg = 0;
	uint32_t attempts = 0, bs = 0;
	enum hest_ghes_status st;
	clock_start(&c, w);
	for (;;) {
		attempts++;
		int f = hest_ghes_source_free(mem, t, &reg, &bs, &st);
		r->attempts = attempts;
		r->waited_ns = waited;
		if (f < 0) {
			r->status = st;
			return -1;
		}
		if (f == 1) {
			r->read_ack_acked = reg;
			r->status = HEST_GHES_WRITTEN;
			return 0;
		}
		if (!clock_next(&c, &waited)) {
			r->waited_ns = waited;
			r->read_ack_acked = reg;
			r->block_status_before = bs;
			r->status = HEST_GHES_TIMEOUT;
			return -1;
		}
	}
}

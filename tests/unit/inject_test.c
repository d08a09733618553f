/* <hest/inject.h>: the guest-physical map, guest memory in a file, the
 * handshake with a deadline against a fake guest (a child process that
 * polls the file and acknowledges the way Linux's ghes_proc does), the
 * busy -> timeout path (nothing written), and the hest-layout.json reader. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <hest/cper.h>
#include <hest/inject.h>
#include "tap.h"

#define tap_diag(...) (printf("# "), printf(__VA_ARGS__), printf("\n"))

#define GIB UINT64_C(0x40000000)

static void test_maps(void)
{
	struct hest_gpa_map m;
	uint64_t off = 0;
	tap_ok(hest_gpa_map_q35(&m, 512u << 20, 0) == 0 && m.n == 1 && m.v[0].gpa == 0 && m.v[0].size == 512u << 20,
	       "q35 512 MiB: one range at 0");
	tap_ok(hest_gpa_map_q35(&m, UINT64_C(0xa0000000), 0) == 0 && m.n == 1,
	       "q35 2.5 GiB (below 0xb0000000): all below 4 GiB");
	tap_ok(hest_gpa_map_q35(&m, UINT64_C(0xb0000000), 0) == 0 && m.n == 2 && m.v[0].size == UINT64_C(0x80000000) &&
		       m.v[1].gpa == 4 * GIB && m.v[1].offset == UINT64_C(0x80000000) &&
		       m.v[1].size == UINT64_C(0x30000000),
	       "q35 2.75 GiB: 2 GiB low, the rest at 4 GiB from file offset 2 GiB (pc_q35.c's lowmem rule)");
	tap_ok(hest_gpa_map_q35(&m, 4 * GIB, GIB) == 0 && m.n == 2 && m.v[0].size == GIB && m.v[1].offset == GIB &&
		       m.v[1].size == 3 * GIB,
	       "q35 max-ram-below-4g=1G lowers the split");
	tap_ok(hest_gpa_map_pc(&m, UINT64_C(0xe0000000), 0) == 0 && m.n == 2 && m.v[0].size == UINT64_C(0xc0000000),
	       "pc 3.5 GiB: 3 GiB low (gigabyte alignment)");
	tap_ok(hest_gpa_map_pc(&m, 3 * GIB, 0) == 0 && m.n == 1, "pc 3 GiB: all below 4 GiB");
	tap_ok(hest_gpa_map_arm_virt(&m, GIB) == 0 && m.n == 1 && m.v[0].gpa == GIB && m.v[0].offset == 0,
	       "arm virt: RAM at 1 GiB, file offset 0");
	tap_ok(hest_gpa_map_lookup(&m, GIB + 0x1000, 8, &off) == 0 && off == 0x1000, "lookup inside the range");
	tap_ok(hest_gpa_map_lookup(&m, GIB - 1, 2, &off) < 0, "an access starting below the range is refused");
	tap_ok(hest_gpa_map_lookup(&m, 2 * GIB - 4, 8, &off) < 0, "an access running past the range's end is refused");
	tap_ok(hest_gpa_map_lookup(&m, UINT64_MAX - 2, 8, &off) < 0, "an access wrapping past 2^64 is refused");
	tap_ok(hest_gpa_map_q35(&m, 6 * GIB, 0) == 0 && hest_gpa_map_lookup(&m, UINT64_C(0x80000000) - 4, 8, &off) < 0,
	       "an access straddling the low range's end (into the PCI hole) is refused");
	tap_ok(hest_gpa_map_q35(&m, 0, 0) < 0 && hest_gpa_map_arm_virt(&m, 0) < 0, "RAM of 0 bytes has no map");

	hest_gpa_map_init(&m);
	tap_ok(hest_gpa_map_add(&m, 0x1000, 0x1000, 0) == 0 && hest_gpa_map_add(&m, 0x1800, 0x1000, 0x1000) < 0,
	       "overlapping ranges are refused");
	tap_ok(hest_gpa_map_add(&m, UINT64_MAX - 0xfff, 0x1000, 0) == 0 &&
		       hest_gpa_map_add(&m, 0x10000, 0, 0) < 0 && hest_gpa_map_add(&m, UINT64_MAX, 2, 0x9000) < 0,
	       "a range ending at 2^64 - 1 fits; empty and wrapping ranges are refused");

	struct hest_gpa_range r;
	const char *why = NULL;
	tap_ok(hest_gpa_range_parse("0x100000000:2G@0x80000000", &r, &why) == 0 && r.gpa == 4 * GIB &&
		       r.size == 2 * GIB && r.offset == UINT64_C(0x80000000),
	       "--map 0x100000000:2G@0x80000000");
	tap_ok(hest_gpa_range_parse("0:512M@0", &r, &why) == 0 && r.size == 512u << 20, "--map 0:512M@0");
	static const char *const bad[] = { "", "0x1000", "0:0@0", "0:1M", "0:1M@", "x:1@0", "0:1Q@0",
					   "0xffffffffffffffff:2@0", "0:99999999999999999999@0", "0:1M@0 " };
	bool all = true;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		if (hest_gpa_range_parse(bad[i], &r, &why) == 0 || !why) {
			all = false;
			tap_diag("accepted: '%s'", bad[i]);
		}
	}
	tap_ok(all, "malformed --map values are refused with a reason");
}

/* --- a RAM file with fixed placement: region at BASE -------------------------- */

#define RAM_SIZE (8u << 20)
#define BASE UINT64_C(0x100000)
/* two sources, as hestc lays them out: registers, read-ack, blocks */
#define REG_V2 (BASE + 0)
#define REG_V1 (BASE + 8)
#define ACK_V2 (BASE + 16)
#define BLK_V2 (BASE + 24)
#define BLK_V1 (BASE + 24 + 1024)

static char ram_path[64];
/* each test below runs once per access mode */
static enum hest_file_mem_access acc = HEST_FILE_MEM_PREAD;
static const char *acc_name(void)
{
	return acc == HEST_FILE_MEM_MMAP ? "mmap" : "pread";
}

static void put_u64(int fd, uint64_t gpa, uint64_t v)
{
	uint8_t b[8];
	hest_put_le(b, 8, v);
	if (pwrite(fd, b, 8, (off_t)gpa) != 8)
		tap_diag("pwrite failed");
}

static uint64_t get_u64(int fd, uint64_t gpa, unsigned size)
{
	uint8_t b[8] = { 0 };
	if (pread(fd, b, size, (off_t)gpa) != (ssize_t)size)
		return UINT64_MAX;
	return hest_get_le(b, size);
}

static int make_ram(void)
{
	snprintf(ram_path, sizeof(ram_path), "inject-test-ram.%ld", (long)getpid());
	int fd = open(ram_path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, RAM_SIZE) < 0)
		return -1;
	put_u64(fd, REG_V2, BLK_V2);
	put_u64(fd, REG_V1, BLK_V1);
	put_u64(fd, ACK_V2, 1); /* read_ack_init */
	return fd;
}

static void targets(struct hest_ghes_target *v2, struct hest_ghes_target *v1)
{
	memset(v2, 0, sizeof(*v2));
	memset(v1, 0, sizeof(*v1));
	v2->register_address = REG_V2;
	v2->read_ack_address = ACK_V2;
	v2->read_ack_preserve = ~UINT64_C(1);
	v2->read_ack_write = 1;
	v2->block_length = 1024;
	v2->block_address = BLK_V2;
	v1->register_address = REG_V1;
	v1->block_length = 1024;
	v1->block_address = BLK_V1;
}

static void record(struct hest_buf *out, uint64_t pa)
{
	struct hest_cper_block b;
	struct hest_diags d;
	hest_diags_init(&d);
	hest_cper_block_init(&b, HEST_CPER_STATUS_BLOCK);
	struct hest_cper_section *s = hest_cper_add_section(&b, HEST_CPER_MEMORY);
	hest_cper_set(&s->body, "physical_address", pa);
	hest_buf_init(out);
	hest_cper_encode(&b, out, NULL, &d);
	hest_cper_block_free(&b);
	hest_diags_free(&d);
}

static void test_file_mem(void)
{
	struct hest_gpa_map m;
	struct hest_file_mem fm;
	hest_gpa_map_init(&m);
	hest_gpa_map_add(&m, 0, RAM_SIZE + 4096, 0);
	tap_ok(hest_file_mem_open(&fm, ram_path, &m, true) < 0 && strstr(fm.err, "past the file"),
	       "a map larger than the file is refused at open (%s)", fm.err);
	tap_ok(hest_file_mem_open(&fm, "/nonexistent/ram", &m, true) < 0 && fm.err_errno == ENOENT,
	       "a missing file: ENOENT");
	/* the file seen at 1 GiB (arm virt) */
	hest_gpa_map_arm_virt(&m, RAM_SIZE);
	tap_ok(hest_file_mem_open_access(&fm, ram_path, &m, true, acc) == 0, "%s: the RAM file opens with arm virt's map",
	       acc_name());
	struct hest_guest_mem g = hest_file_mem_callbacks(&fm);
	uint8_t b[8];
	tap_ok(g.read(g.user, GIB + REG_V2, b, 8) == 0 && hest_get_le(b, 8) == BLK_V2,
	       "reads go to file offset gpa - 1 GiB");
	tap_ok(g.read(g.user, REG_V2, b, 8) != 0 && strstr(fm.err, "not inside"),
	       "an address outside the map is refused (%s)", fm.err);
	tap_ok(g.write(g.user, GIB + RAM_SIZE - 4, b, 8) != 0, "a write running past the end of the file is refused");
	hest_put_le(b, 8, 0x1122334455667788u);
	tap_ok(g.write(g.user, GIB + 0x200000, b, 8) == 0, "a write inside goes through");
	hest_file_mem_close(&fm);
	int fd = open(ram_path, O_RDONLY);
	tap_ok(get_u64(fd, 0x200000, 8) == 0x1122334455667788u, "... and lands at the mapped file offset");
	close(fd);
	hest_gpa_map_init(&m);
	hest_gpa_map_add(&m, 0, RAM_SIZE, 0);
	tap_ok(hest_file_mem_open_access(&fm, ram_path, &m, false, acc) == 0, "%s: read-only open", acc_name());
	g = hest_file_mem_callbacks(&fm);
	tap_ok(g.write(g.user, 0x1000, b, 8) != 0, "a read-only guest memory refuses writes");
	uint8_t c[8];
	tap_ok(g.read(g.user, 0x200000, c, 8) == 0 && hest_get_le(c, 8) == 0x1122334455667788u,
	       "... and reads what was written");
	hest_file_mem_close(&fm);
}

/* --- the fake OS: a child polling the file as ghes_proc does ------------------ */

/* Polls both blocks every 200 us; for each record: reads it, checks that
 * its physical address is the next one expected for that source (pa_base
 * + 0x1000 * k for source k's n-th record, interleaved), clears
 * block_status, and for GHESv2 acknowledges: reg = (reg & ~1) | 1.
 * Exits 0 after `total` records in order, 1 on a wrong record, 2 on a
 * timeout. */
static int fake_os(unsigned total, uint64_t pa_base)
{
	int fd = open(ram_path, O_RDWR);
	if (fd < 0)
		return 3;
	unsigned seen = 0, next[2] = { 0, 0 };
	const uint64_t blk[2] = { BLK_V2, BLK_V1 };
	struct timespec start, now, nap = { 0, 200000 };
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (seen < total) {
		for (int k = 0; k < 2; k++) {
			uint64_t bs = get_u64(fd, blk[k], 4);
			if (!bs)
				continue;
			uint8_t buf[1024];
			if (pread(fd, buf, sizeof(buf), (off_t)blk[k]) != (ssize_t)sizeof(buf))
				return 3;
			struct hest_cper_block b;
			struct hest_diags d;
			hest_diags_init(&d);
			uint64_t pa = 0;
			int ok = hest_cper_decode(&b, buf, sizeof(buf), HEST_CPER_STATUS_BLOCK, NULL, &d) == 0 &&
				 !hest_diags_failed(&d) && b.nsec == 1 &&
				 hest_cper_get(&b.sec[0].body, "physical_address", &pa) == 0;
			hest_cper_block_free(&b);
			hest_diags_free(&d);
			/* sources alternate: record i goes to source i % 2 */
			uint64_t want = pa_base + 0x1000u * (2 * next[k] + (unsigned)k);
			if (!ok || pa != want) {
				fprintf(stderr, "# fake OS: source %d: record with pa 0x%llx, want 0x%llx\n", k,
					(unsigned long long)pa, (unsigned long long)want);
				return 1;
			}
			next[k]++;
			seen++;
			uint8_t zero[4] = { 0 };
			if (pwrite(fd, zero, 4, (off_t)blk[k]) != 4)
				return 3;
			if (k == 0)
				put_u64(fd, ACK_V2, (get_u64(fd, ACK_V2, 8) & ~UINT64_C(1)) | 1);
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec > 20)
			return 2;
		nanosleep(&nap, NULL);
	}
	close(fd);
	return 0;
}

static void test_handshake(void)
{
	enum { N = 40 };
	const uint64_t pa_base = 0x80000000u;
	struct hest_ghes_target v2, v1;
	targets(&v2, &v1);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(fake_os(N, pa_base));
	tap_ok(pid > 0, "the fake OS runs (child %ld)", (long)pid);
	if (pid < 0)
		return;
	struct hest_gpa_map m;
	struct hest_file_mem fm;
	hest_gpa_map_q35(&m, RAM_SIZE, 0);
	tap_ok(hest_file_mem_open_access(&fm, ram_path, &m, true, acc) == 0 && fm.access == acc,
	       "%s: the RAM file opens", acc_name());
	struct hest_guest_mem g = hest_file_mem_callbacks(&fm);
	struct hest_ghes_wait w = { UINT64_C(5000000000), UINT64_C(100000), NULL, NULL, NULL, NULL };
	unsigned written = 0, armed = 0, acked = 0;
	for (unsigned i = 0; i < N; i++) {
		struct hest_buf rec;
		struct hest_ghes_report r, a;
		const struct hest_ghes_target *t = i % 2 ? &v1 : &v2;
		record(&rec, pa_base + 0x1000u * i);
		if (hest_ghes_inject(&g, t, rec.p, rec.len, &w, &r) == 0 && r.bytes_written == rec.len)
			written++;
		else
			tap_diag("record %u: %s", i, hest_ghes_status_name(r.status));
		if (t == &v2 && r.read_ack_before == 1 && r.read_ack_after == 0)
			armed++;
		memset(&a, 0, sizeof(a));
		/* every other GHESv2 record: wait for the acknowledgement here */
		if (t == &v2 && i % 4 == 0 && hest_ghes_wait_consumed(&g, t, &w, &a) == 0 && a.read_ack_acked == 1)
			acked++;
		hest_buf_free(&rec);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	tap_ok(written == N, "%u of %d records written through the handshake, sources interleaved", written, N);
	tap_ok(armed == N / 2, "each GHESv2 record found read-ack 1 and re-armed it to 0 (%u of %d)", armed, N / 2);
	tap_ok(acked == N / 4, "hest_ghes_wait_consumed saw read-ack back at 1 (%u of %d)", acked, N / 4);
	tap_ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the fake OS read every record once, in order per source (status %d)",
	       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	tap_ok(fm.writes > 0 && fm.reads > 0, "the writes went through the file (%llu reads, %llu writes)",
	       (unsigned long long)fm.reads, (unsigned long long)fm.writes);
	hest_file_mem_close(&fm);
}

/* A fake clock: sleeping advances it; nothing else does.  The guard
 * counts its calls and notes a sleep inside it. */
struct vclock {
	uint64_t now;
	unsigned sleeps;
	unsigned entered, left;
	int depth;
	bool slept_guarded, bad_nesting;
};
static uint64_t v_now(void *u)
{
	return ((struct vclock *)u)->now;
}
static void v_sleep(void *u, uint64_t ns)
{
	struct vclock *c = u;
	c->now += ns;
	c->sleeps++;
	if (c->depth)
		c->slept_guarded = true;
}
static void v_guard(void *u, int enter)
{
	struct vclock *c = u;
	if (enter) {
		c->entered++;
		c->depth++;
	} else {
		c->left++;
		c->depth--;
	}
	if (c->depth < 0 || c->depth > 1)
		c->bad_nesting = true;
}

static void test_timeout(void)
{
	struct hest_ghes_target v2, v1;
	targets(&v2, &v1);
	struct hest_gpa_map m;
	struct hest_file_mem fm;
	hest_gpa_map_q35(&m, RAM_SIZE, 0);
	hest_file_mem_open_access(&fm, ram_path, &m, true, acc);
	struct hest_guest_mem g = hest_file_mem_callbacks(&fm);
	struct hest_buf a, b;
	struct hest_ghes_report r;
	record(&a, 0x1000);
	record(&b, 0x2000);
	/* the OS is away: the first record goes in, the second waits */
	struct hest_ghes_wait now = { 0, 0, NULL, NULL, NULL, NULL };
	tap_ok(hest_ghes_inject(&g, &v2, a.p, a.len, &now, &r) == 0, "GHESv2: the first record goes in");
	tap_ok(hest_ghes_inject(&g, &v1, a.p, a.len, &now, &r) == 0, "GHES: the first record goes in");
	uint8_t before[2][1024 + 32], after[2][1024 + 32];
	int fd = open(ram_path, O_RDONLY);
	pread(fd, before[0], sizeof(before[0]), (off_t)BASE);
	pread(fd, before[1], 1024, (off_t)BLK_V1);
	uint64_t writes = fm.writes;

	struct vclock vc = { 1000, 0, 0, 0, 0, false, false };
	struct hest_ghes_wait w = { UINT64_C(10000000), UINT64_C(1000000), v_now, v_sleep, &vc, v_guard };
	int rc = hest_ghes_inject(&g, &v2, b.p, b.len, &w, &r);
	tap_ok(rc < 0 && r.status == HEST_GHES_TIMEOUT, "GHESv2 busy: timeout (%s)", hest_ghes_status_name(r.status));
	tap_ok(r.attempts == 11 && vc.sleeps == 10 && r.waited_ns == UINT64_C(10000000),
	       "10 ms at 1 ms intervals: 11 looks, 10 sleeps, 10 ms waited (%u, %u)", r.attempts, vc.sleeps);
	tap_ok(r.read_ack_before == 0, "the report has the read-ack value that kept it busy");
	tap_ok(vc.entered == 11 && vc.left == 11 && !vc.bad_nesting && !vc.slept_guarded,
	       "the guard brackets each of the 11 attempts and no sleep (%u in, %u out)", vc.entered, vc.left);
	vc = (struct vclock){ 0, 0, 0, 0, 0, false, false };
	w.timeout_ns = UINT64_C(2500000);
	rc = hest_ghes_inject(&g, &v1, b.p, b.len, &w, &r);
	tap_ok(rc < 0 && r.status == HEST_GHES_TIMEOUT && r.block_status_before != 0 && r.attempts == 4,
	       "GHES busy (block_status 0x%x): timeout after 4 looks (the last sleep cut to the deadline)",
	       r.block_status_before);
	/* real clock, real sleeps */
	struct hest_ghes_wait real = { UINT64_C(30000000), UINT64_C(2000000), NULL, NULL, NULL, NULL };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = hest_ghes_inject(&g, &v2, b.p, b.len, &real, &r);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double spent = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	tap_ok(rc < 0 && r.status == HEST_GHES_TIMEOUT && spent >= 30.0 && r.waited_ns >= UINT64_C(30000000),
	       "with the monotonic clock: timeout after %.1f ms (30 ms asked)", spent);
	pread(fd, after[0], sizeof(after[0]), (off_t)BASE);
	pread(fd, after[1], 1024, (off_t)BLK_V1);
	tap_ok(fm.writes == writes && memcmp(before[0], after[0], sizeof(before[0])) == 0 && memcmp(before[1], after[1], 1024) == 0,
	       "on timeout nothing was written: registers and blocks byte for byte as before");
	tap_ok(hest_ghes_wait_consumed(&g, &v2, &w, &r) < 0 && r.status == HEST_GHES_TIMEOUT,
	       "hest_ghes_wait_consumed times out too while the OS is away");
	/* the OS comes back: the waiting writer goes through */
	hest_ghes_os_acknowledge(&g, &v2);
	tap_ok(hest_ghes_inject(&g, &v2, b.p, b.len, &real, &r) == 0 && r.attempts == 1,
	       "once acknowledged, the next record goes in at the first look");
	/* a register holding something else: an error at once, not a wait */
	int wfd = open(ram_path, O_RDWR);
	put_u64(wfd, REG_V1, 0);
	tap_ok(hest_ghes_inject(&g, &v1, b.p, b.len, &real, &r) < 0 && r.status == HEST_GHES_NO_BLOCK && r.attempts == 1,
	       "a register holding 0: no-block, at once");
	put_u64(wfd, REG_V1, BLK_V1 + 8);
	tap_ok(hest_ghes_inject(&g, &v1, b.p, b.len, &real, &r) < 0 && r.status == HEST_GHES_WRONG_BLOCK,
	       "a register pointing elsewhere: wrong-block");
	put_u64(wfd, REG_V1, BLK_V1);
	close(wfd);
	close(fd);
	hest_buf_free(&a);
	hest_buf_free(&b);
	hest_file_mem_close(&fm);
}

static const char layout_json[] =
	"{\n  \"generator\": \"hestc test\",\n"
	"  \"placement\": {\"mode\": \"linker-loader\", \"blob\": \"etc/hardware_errors\", \"blob_size\": 2080},\n"
	"  \"sources\": [\n"
	"    {\"name\": \"mem\", \"type\": \"ghes-v2\", \"id\": 7, \"block_size\": 1024, \"read_ack_preserve\": \"0xfffffffffffffffe\","
	" \"read_ack_write\": \"0x1\", \"read_ack_bit_offset\": 0, \"read_ack_bit_width\": 64, \"register_offset\": 0,"
	" \"read_ack_offset\": 16, \"block_offset\": 32},\n"
	"    {\"name\": \"mce\", \"type\": \"mce\", \"id\": 8}\n  ]\n}\n";

static void test_layout(void)
{
	struct hest_layout_info li;
	struct hest_diags d;
	struct hest_ghes_target t;
	const char *why = NULL;
	hest_diags_init(&d);
	tap_ok(hest_layout_json_parse(&li, "l.json", (const uint8_t *)layout_json, strlen(layout_json), &d) == 0 &&
		       li.nsrc == 2 && li.mode == HEST_PLACE_LINKER_LOADER,
	       "a linker-loader hest-layout.json reads");
	tap_ok(hest_layout_find(&li, "mem") == 0 && hest_layout_find(&li, "8") == 1 && hest_layout_find(&li, "id:7") == 0 &&
		       hest_layout_find(&li, "nope") < 0,
	       "sources by name and by id");
	tap_ok(hest_layout_target(&li, 0, 0, &t, &why) < 0 && strstr(why, "--blob-address"),
	       "linker-loader: the region's address is required");
	tap_ok(hest_layout_target(&li, 0, 0x7fff0000u, &t, &why) == 0 && t.register_address == 0x7fff0000u &&
		       t.read_ack_address == 0x7fff0010u && t.block_address == 0x7fff0020u && t.block_length == 1024 &&
		       t.read_ack_write == 1 && t.read_ack_preserve == ~UINT64_C(1),
	       "linker-loader: addresses are the region's plus the offsets");
	tap_ok(hest_layout_target(&li, 1, 0x7fff0000u, &t, &why) < 0, "an MCE source has no block");
	hest_layout_info_free(&li);
	static const char *const bad[] = {
		"", "[]", "{\"placement\": {\"mode\": \"fixed\"}, \"sources\": []}",
		"{\"placement\": {\"mode\": \"linker-loader\", \"blob_size\": 1}, \"sources\": [{\"name\": \"a\", \"type\": \"ghes\", "
		"\"id\": 70000}]}",
		"{\"placement\": {\"mode\": \"linker-loader\", \"blob_size\": 1}, \"sources\": [}",
		"{\"placement\": {\"mode\": \"odd\"}, \"sources\": []}",
		"{\"placement\": {\"mode\": \"linker-loader\", \"blob_size\": 1}, \"sources\": []} x",
	};
	bool all = true;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		hest_diags_free(&d);
		hest_diags_init(&d);
		if (hest_layout_json_parse(&li, "bad.json", (const uint8_t *)bad[i], strlen(bad[i]), &d) == 0 ||
		    !hest_diags_failed(&d) || d.v[0].loc.line == 0) {
			all = false;
			tap_diag("bad layout %zu accepted or without a position", i);
		}
	}
	tap_ok(all, "malformed layouts are refused with file:line:col");
	hest_diags_free(&d);
}

int main(void)
{
	test_maps();
	int fd = make_ram();
	tap_ok(fd >= 0, "a RAM file with a fixed region");
	if (fd < 0)
		return tap_done();
	close(fd);
	for (int k = 0; k < 2; k++) {
		acc = k ? HEST_FILE_MEM_MMAP : HEST_FILE_MEM_PREAD;
		fd = make_ram();
		close(fd);
		test_file_mem();
		test_handshake();
		test_timeout();
	}
	struct hest_gpa_map m;
	struct hest_file_mem fm;
	hest_gpa_map_q35(&m, RAM_SIZE, 0);
	tap_ok(hest_file_mem_open(&fm, ram_path, &m, true) == 0 && fm.access == HEST_FILE_MEM_PREAD && !fm.base,
	       "auto: pread/pwrite for a file that is not on hugetlbfs");
	hest_file_mem_close(&fm);
	test_layout();
	unlink(ram_path);
	return tap_done();
}

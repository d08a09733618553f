/* Injection rate (bench/README.md, "Injection"): records per second through
 * the whole GHESv2/GHES handshake against an in-process simulated OS (a
 * thread that polls the block and acknowledges as Linux's ghes_proc does),
 * over guest memory in a RAM file (hestc inject's path) and in process
 * memory; and the run-time writer's own cost per record.
 *
 *   inject_bench [--records N] [--runs R] [--dir DIR] [--out FILE.md]
 *
 * Writes a Markdown section to FILE.md (default: standard output). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <hest/cper.h>
#include <hest/inject.h>

#define RAM (1u << 20)
#define BASE UINT64_C(0x100000) /* the region inside a 2 MiB guest */
#define REG (BASE + 0)
#define ACK (BASE + 8)
#define BLK (BASE + 64)

/* /proc/loadavg's first three fields, for the results (a shared machine) */
static void loadavg(char *out, size_t size)
{
	FILE *f = fopen("/proc/loadavg", "r");
	double a = 0, b = 0, c = 0;
	if (f && fscanf(f, "%lf %lf %lf", &a, &b, &c) == 3)
		snprintf(out, size, "%.2f %.2f %.2f", a, b, c);
	else
		snprintf(out, size, "unknown");
	if (f)
		fclose(f);
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* --- guest memory in process memory ----------------------------------------- */

struct mem {
	_Alignas(8) uint8_t b[2 * RAM];
};

static int m_read(void *u, uint64_t gpa, void *buf, size_t len)
{
	struct mem *m = u;
	if (gpa > sizeof(m->b) || len > sizeof(m->b) - gpa)
		return -1;
	memcpy(buf, m->b + gpa, len);
	return 0;
}

static int m_write(void *u, uint64_t gpa, const void *buf, size_t len)
{
	struct mem *m = u;
	if (gpa > sizeof(m->b) || len > sizeof(m->b) - gpa)
		return -1;
	memcpy(m->b + gpa, buf, len);
	return 0;
}

static void target(struct hest_ghes_target *t, bool v2)
{
	memset(t, 0, sizeof(*t));
	t->register_address = REG;
	t->block_address = BLK;
	t->block_length = 4096;
	if (v2) {
		t->read_ack_address = ACK;
		t->read_ack_preserve = ~UINT64_C(1);
		t->read_ack_write = 1;
	}
}

static void init_region(const struct hest_guest_mem *g)
{
	uint8_t b[8];
	hest_put_le(b, 8, BLK);
	g->write(g->user, REG, b, 8);
	hest_put_le(b, 8, 1);
	g->write(g->user, ACK, b, 8);
	memset(b, 0, 8);
	g->write(g->user, BLK, b, 4);
}

static struct hest_buf record(uint64_t pa)
{
	struct hest_cper_block b;
	struct hest_diags d;
	struct hest_buf out;
	hest_diags_init(&d);
	hest_buf_init(&out);
	hest_cper_block_init(&b, HEST_CPER_STATUS_BLOCK);
	struct hest_cper_section *s = hest_cper_add_section(&b, HEST_CPER_MEMORY);
	hest_cper_set(&s->body, "physical_address", pa);
	hest_cper_encode(&b, &out, NULL, &d);
	hest_cper_block_free(&b);
	hest_diags_free(&d);
	return out;
}

/* The writer alone: hest_ghes_write_record timed call by call, the OS's
 * acknowledgement (hest_ghes_os_acknowledge) between calls untimed.
 * Returns ns per record (the clock's own cost subtracted), best of runs. */
static double writer_cost(const struct hest_guest_mem *g, bool v2, const struct hest_buf *rec, unsigned n,
			  unsigned runs)
{
	struct hest_ghes_target t;
	target(&t, v2);
	uint64_t clock_cost = UINT64_MAX;
	for (unsigned i = 0; i < 1000; i++) {
		uint64_t a = now_ns(), b = now_ns();
		if (b - a < clock_cost)
			clock_cost = b - a;
	}
	double best = 1e18;
	for (unsigned r = 0; r < runs; r++) {
		init_region(g);
		uint64_t total = 0;
		struct hest_ghes_report rep;
		for (unsigned i = 0; i < n; i++) {
			uint64_t a = now_ns();
			int rc = hest_ghes_write_record(g, &t, rec->p, rec->len, &rep);
			uint64_t b = now_ns();
			if (rc < 0) {
				fprintf(stderr, "inject_bench: write %u: %s\n", i, hest_ghes_status_name(rep.status));
				exit(1);
			}
			total += b - a - (b - a > clock_cost ? clock_cost : 0);
			hest_ghes_os_acknowledge(g, &t);
		}
		double per = (double)total / n;
		if (per < best)
			best = per;
	}
	return best;
}

/* --- the simulated OS: a thread polling the block --------------------------- */

struct os {
	const struct hest_guest_mem *g;
	struct hest_ghes_target t;
	atomic_bool stop;
	atomic_uint consumed;
	unsigned bad;
	uint64_t next_pa;
};

static void *os_thread(void *arg)
{
	struct os *o = arg;
	uint8_t buf[256];
	while (!atomic_load(&o->stop)) {
		if (o->g->read(o->g->user, BLK, buf, 4) != 0 || !hest_get_le(buf, 4)) {
			sched_yield();
			continue;
		}
		/* the record: check it is the next one (physical_address at 20 + 72 + 16) */
		if (o->g->read(o->g->user, BLK, buf, 172) != 0 || hest_get_le(buf + 108, 8) != o->next_pa)
			o->bad++;
		o->next_pa += 0x1000;
		hest_ghes_os_acknowledge(o->g, &o->t);
		atomic_fetch_add(&o->consumed, 1);
	}
	return NULL;
}

/* n records through hest_ghes_inject (polling every interval_ns) while the
 * OS thread consumes them.  Returns records per second, best of runs. */
static void yield_sleep(void *user, uint64_t ns)
{
	(void)user;
	(void)ns;
	sched_yield();
}

static double handshake_rate(const struct hest_guest_mem *g, bool v2, unsigned n, unsigned runs, uint64_t interval_ns,
			     double *per_us)
{
	double best = 0;
	struct hest_buf *recs = malloc(n * sizeof(*recs));
	for (unsigned i = 0; i < n; i++)
		recs[i] = record(0x80000000u + 0x1000u * i);
	for (unsigned r = 0; r < runs; r++) {
		struct os o;
		memset(&o, 0, sizeof(o));
		o.g = g;
		target(&o.t, v2);
		o.next_pa = 0x80000000u;
		init_region(g);
		pthread_t th;
		pthread_create(&th, NULL, os_thread, &o);
		/* interval 0: look again after a yield, to time the handshake itself */
		struct hest_ghes_wait w = { UINT64_C(10000000000), interval_ns, NULL, interval_ns ? NULL : yield_sleep, NULL, NULL };
		uint64_t a = now_ns();
		for (unsigned i = 0; i < n; i++) {
			struct hest_ghes_report rep;
			if (hest_ghes_inject(g, &o.t, recs[i].p, recs[i].len, &w, &rep) < 0) {
				fprintf(stderr, "inject_bench: inject %u: %s\n", i, hest_ghes_status_name(rep.status));
				exit(1);
			}
		}
		/* The OS takes the last record; a run that stops making progress
		 * for 60 s is an error with what the block says, never a hang. */
		unsigned seen = atomic_load(&o.consumed);
		uint64_t since = now_ns();
		while (seen < n) {
			sched_yield();
			unsigned c = atomic_load(&o.consumed);
			if (c != seen) {
				seen = c;
				since = now_ns();
			} else if (now_ns() - since > UINT64_C(60000000000)) {
				uint8_t st[4] = { 0 };
				g->read(g->user, BLK, st, 4);
				fprintf(stderr,
					"inject_bench: the simulated OS took %u of %u records and nothing more for 60 s "
					"(block_status 0x%08" PRIx64 ")\n",
					seen, n, hest_get_le(st, 4));
				exit(1);
			}
		}
		uint64_t b = now_ns();
		atomic_store(&o.stop, true);
		pthread_join(th, NULL);
		if (o.bad) {
			fprintf(stderr, "inject_bench: the OS saw %u records out of order\n", o.bad);
			exit(1);
		}
		double rate = n / ((double)(b - a) / 1e9);
		if (rate > best) {
			best = rate;
			*per_us = (double)(b - a) / 1e3 / n;
		}
	}
	for (unsigned i = 0; i < n; i++)
		hest_buf_free(&recs[i]);
	free(recs);
	return best;
}

int main(int argc, char **argv)
{
	unsigned n = 20000, runs = 5;
	const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", *out = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--records") == 0 && i + 1 < argc)
			n = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
			out = argv[++i];
		else {
			fprintf(stderr, "usage: inject_bench [--records N] [--runs R] [--dir DIR] [--out FILE.md]\n");
			return 2;
		}
	}
	if (!n || !runs) {
		fprintf(stderr, "inject_bench: --records and --runs must be positive\n");
		return 2;
	}
	/* a RAM file, as hestc inject sees a guest's */
	char path[4096];
	snprintf(path, sizeof(path), "%s/inject-bench-ram.%ld", dir, (long)getpid());
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, 2 * RAM) < 0) {
		fprintf(stderr, "inject_bench: %s: %s\n", path, strerror(errno));
		return 1;
	}
	close(fd);
	struct hest_gpa_map map;
	struct hest_file_mem fm;
	hest_gpa_map_q35(&map, 2 * RAM, 0);
	if (hest_file_mem_open(&fm, path, &map, true) < 0) {
		fprintf(stderr, "inject_bench: %s: %s\n", path, fm.err);
		return 1;
	}
	struct hest_file_mem fmm;
	if (hest_file_mem_open_access(&fmm, path, &map, true, HEST_FILE_MEM_MMAP) < 0) {
		fprintf(stderr, "inject_bench: %s: %s\n", path, fmm.err);
		return 1;
	}
	static struct mem pm;
	struct hest_guest_mem file = hest_file_mem_callbacks(&fm), proc = { &pm, m_read, m_write };
	struct hest_guest_mem mapped = hest_file_mem_callbacks(&fmm);
	struct hest_buf rec = record(0x12345000);
	char load_start[64];
	loadavg(load_start, sizeof(load_start));

	double w_proc2 = writer_cost(&proc, true, &rec, n * 5, runs);
	double w_proc1 = writer_cost(&proc, false, &rec, n * 5, runs);
	double w_file2 = writer_cost(&file, true, &rec, n, runs);
	double w_file1 = writer_cost(&file, false, &rec, n, runs);
	double w_map2 = writer_cost(&mapped, true, &rec, n * 5, runs);
	double us_f2, us_f1, us_p2, us_f2s, us_m2;
	double r_map2 = handshake_rate(&mapped, true, n, runs, 0, &us_m2);
	double r_file2 = handshake_rate(&file, true, n, runs, 0, &us_f2);
	double r_file1 = handshake_rate(&file, false, n, runs, 0, &us_f1);
	double r_proc2 = handshake_rate(&proc, true, n, runs, 0, &us_p2);
	/* hestc inject's own default: a look every millisecond */
	unsigned nslow = n / 50 ? n / 50 : 1;
	double r_file2s = handshake_rate(&file, true, nslow, runs, 1000000, &us_f2s);
	hest_file_mem_close(&fm);
	hest_file_mem_close(&fmm);
	unlink(path);
	size_t reclen = rec.len;
	char load_end[64];
	loadavg(load_end, sizeof(load_end));
	hest_buf_free(&rec);

	FILE *f = out ? fopen(out, "w") : stdout;
	if (!f) {
		fprintf(stderr, "inject_bench: %s: %s\n", out, strerror(errno));
		return 1;
	}
	fprintf(f, "## Injection: records into a guest's error status block\n\n"
		   "bench/inject_bench: a %zu-byte memory error record (one section), best of %u runs.  "
		   "*Handshake*: hest_ghes_inject waits until the simulated OS (a thread polling the block "
		   "without pause and acknowledging as Linux does: block_status cleared, read-ack written) has "
		   "consumed the previous record, writes, re-arms; the OS checks every record's address.  "
		   "*Writer*: hest_ghes_write_record alone (the acknowledgement between calls untimed).  "
		   "*RAM file*: guest memory through hest_file_mem (pread/pwrite on a %u MiB file in %s), as "
		   "hestc inject uses it by default; *mapped*: the same file through a shared mapping, with fences "
		   "around each access (hestc inject --access mmap, the default on hugetlbfs); *process memory*: "
		   "memcpy callbacks.\n\n",
		reclen, runs, (2 * RAM) >> 20, dir);
	fprintf(f, "Load average at start %s, at end %s (2 shared cores: the handshake rows need both, so other "
		   "work on the machine shows in them first).\n\n",
		load_start, load_end);
	fprintf(f, "| case | records | per record | records/s |\n|---|---:|---:|---:|\n");
	fprintf(f, "| handshake, GHESv2, RAM file, the writer looks again after a yield | %u | %.2f µs | %.0f |\n", n, us_f2, r_file2);
	fprintf(f, "| handshake, GHES, RAM file, same | %u | %.2f µs | %.0f |\n", n, us_f1, r_file1);
	fprintf(f, "| handshake, GHESv2, RAM file mapped (--access mmap), same | %u | %.2f µs | %.0f |\n", n, us_m2, r_map2);
	fprintf(f, "| handshake, GHESv2, process memory, same | %u | %.2f µs | %.0f |\n", n, us_p2, r_proc2);
	fprintf(f, "| handshake, GHESv2, RAM file, writer polls every 1 ms (hestc inject's default) | %u | %.2f µs | %.0f |\n",
		nslow, us_f2s, r_file2s);
	fprintf(f, "| writer alone, GHESv2, RAM file | %u | %.2f µs | %.0f |\n", n, w_file2 / 1e3, 1e9 / w_file2);
	fprintf(f, "| writer alone, GHES, RAM file | %u | %.2f µs | %.0f |\n", n, w_file1 / 1e3, 1e9 / w_file1);
	fprintf(f, "| writer alone, GHESv2, RAM file mapped (--access mmap) | %u | %.0f ns | %.0f |\n", n * 5, w_map2, 1e9 / w_map2);
	fprintf(f, "| writer alone, GHESv2, process memory | %u | %.0f ns | %.0f |\n", n * 5, w_proc2, 1e9 / w_proc2);
	fprintf(f, "| writer alone, GHES, process memory | %u | %.0f ns | %.0f |\n", n * 5, w_proc1, 1e9 / w_proc1);
	fprintf(f, "\nA real guest adds its own poll interval (Linux: the source's poll_interval_ms, or an "
		   "interrupt) to every handshake; tests/e2e/inject.sh measures that end to end.\n");
	if (out && fclose(f) != 0) {
		fprintf(stderr, "inject_bench: %s: %s\n", out, strerror(errno));
		return 1;
	}
	return 0;
}

/* The floor for `hestc compile`: libyaml's event parse of a file and nothing
 * else.  It reads the whole file into memory and hands it to libyaml as a
 * string, the way hestc does, then pulls every event and frees it.
 *
 * usage: yaml_baseline FILE
 * Prints the number of events (so the work cannot be optimised away) and
 * exits 0; 1 on a YAML error, 2 on a usage or I/O error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1u << 16, n = 0;
	unsigned char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		unsigned char *more = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
		if (!more) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = more;
		cap *= 2;
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: yaml_baseline FILE\n");
		return 2;
	}
	size_t len;
	unsigned char *buf = read_all(argv[1], &len);
	if (!buf) {
		perror(argv[1]);
		return 2;
	}
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		fprintf(stderr, "yaml_baseline: out of memory\n");
		free(buf);
		return 2;
	}
	yaml_parser_set_input_string(&p, buf, len);
	unsigned long events = 0;
	int rc = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "%s:%zu:%zu: YAML error: %s\n", argv[1], p.problem_mark.line + 1,
				p.problem_mark.column + 1, p.problem ? p.problem : "error");
			rc = 1;
			break;
		}
		events++;
		yaml_event_type_t type = ev.type;
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&p);
	free(buf);
	if (rc == 0)
		printf("%lu events\n", events);
	return rc;
}

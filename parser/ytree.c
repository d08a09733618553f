/* YAML events -> arena tree.  See ytree.h. */
#define _DEFAULT_SOURCE /* madvise, where the platform has it */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "ytree.h"
#include "../lib/huge.h"

/* Chunks double from 64 KiB to 256 KiB, then are 2 MiB huge chunks
 * (lib/huge.h): a big description (65535 sources) needs tens of MiB of
 * nodes. */
#define ARENA_CHUNK (64u * 1024u)
#define ARENA_BIG_CHUNK HEST_HUGE_CHUNK

struct yarena_block {
	struct yarena_block *next;
	size_t used, cap;
	/* data follows, max_align_t aligned */
	_Alignas(max_align_t) unsigned char data[];
};

static struct yarena_block *arena_block(size_t prev_cap, size_t size)
{
	size_t cap = prev_cap ? prev_cap * 2 : ARENA_CHUNK;
	if (cap > ARENA_BIG_CHUNK / 8) /* after the 256 KiB chunk, huge ones */
		cap = ARENA_BIG_CHUNK - sizeof(struct yarena_block);
	if (cap < size)
		cap = size;
	struct yarena_block *b = NULL;
	if (sizeof(*b) + cap == ARENA_BIG_CHUNK)
		b = hest_huge_chunk();
	else
		b = malloc(sizeof(*b) + cap);
	if (b) {
		b->used = 0;
		b->cap = cap;
	}
	return b;
}

static void *arena_grow(struct ytree *t, size_t size)
{
	struct yarena_block *b;
	if (t->spare && t->spare->cap >= size) {
		b = t->spare;
		t->spare = NULL;
	} else {
		b = arena_block(t->blocks ? t->blocks->cap : 0, size);
	}
	if (!b)
		return NULL;
	b->next = t->blocks;
	t->blocks = b;
	b->used = size;
	return b->data;
}

/* Nodes are aligned for their pointers; strings (align 1) are packed.  Called
 * for every node and scalar: the common case stays inline. */
static inline void *arena_alloc(struct ytree *t, size_t size, size_t align)
{
	struct yarena_block *b = t->blocks;
	if (b) {
		size_t at = (b->used + align - 1) & ~(align - 1);
		if (at <= b->cap && b->cap - at >= size) {
			b->used = at + size;
			return b->data + at;
		}
	}
	return arena_grow(t, size);
}

/* Where the arena is, to go back there. */
struct arena_mark {
	struct yarena_block *block;
	size_t used;
};

static struct arena_mark arena_mark(const struct ytree *t)
{
	return (struct arena_mark){ t->blocks, t->blocks ? t->blocks->used : 0 };
}

/* Releases everything allocated since the mark; one block of those is kept
 * for the next allocations (an item that crosses a block's end would
 * otherwise free and allocate a block per item). */
static void arena_release(struct ytree *t, struct arena_mark m)
{
	while (t->blocks && t->blocks != m.block) {
		struct yarena_block *b = t->blocks;
		t->blocks = b->next;
		if (t->spare && t->spare->cap >= b->cap) {
			free(b);
		} else {
			free(t->spare);
			t->spare = b;
		}
	}
	if (t->blocks)
		t->blocks->used = m.used;
}

void ytree_free(struct ytree *t)
{
	struct yarena_block *b = t->blocks;
	while (b) {
		struct yarena_block *n = b->next;
		free(b);
		b = n;
	}
	free(t->spare);
	t->spare = NULL;
	t->blocks = NULL;
	t->root = NULL;
}

/* An open collection while its children arrive. */
struct frame {
	struct ynode *node;
	struct ynode *last;
	struct ynode *kept;   /* streamed sequence: its last item not released */
	bool stream;          /* the streamed sequence (struct ystream) */
};

struct anchor {
	char *name;
	struct ynode *node;
};

struct builder {
	struct ytree *t;
	const char *file;
	struct hest_diags *d;
	const struct ylimits *lim;
	struct frame *stack;
	size_t depth, cap;
	struct anchor *anchors;
	size_t nanchors, anchorcap;
	size_t nodes;
	size_t expanded; /* nodes so far with aliases expanded */
	/* streaming (struct ystream) */
	struct ystream *st;
	bool key_seen;          /* the root mapping's first st->key was read */
	bool value_next;        /* ... and its value comes next */
	bool stream_next;       /* the collection being opened is the streamed sequence */
	size_t items;           /* items handed to st->item() */
	struct arena_mark mark; /* the arena before the current item */
	size_t mark_anchors;    /* anchors before the current item */
	size_t mark_nodes;      /* nodes before the current item */
};

static struct hest_loc loc_of(const char *file, yaml_mark_t m)
{
	struct hest_loc l = { file, (uint32_t)m.line + 1, (uint32_t)m.column + 1, false, 0 };
	return l;
}

/* libyaml counts marks in characters; these map them to UTF-8 bytes (a
 * byte order mark is not counted). */
static size_t text_start(const uint8_t *buf, size_t len)
{
	return len >= 3 && buf[0] == 0xef && buf[1] == 0xbb && buf[2] == 0xbf ? 3 : 0;
}

static size_t byte_at(const uint8_t *buf, size_t len, size_t chars)
{
	size_t i = text_start(buf, len);
	for (; i < len && chars; chars--)
		for (i++; i < len && (buf[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

/* The position just after the last non-blank character of buf: where an
 * error found at the end of the input points (libyaml's own mark there is
 * past the last line). */
static yaml_mark_t end_mark(const uint8_t *buf, size_t len)
{
	yaml_mark_t m = { 0, 0, 0 };
	while (len && (buf[len - 1] == ' ' || buf[len - 1] == '\t' || buf[len - 1] == '\r' || buf[len - 1] == '\n'))
		len--;
	for (size_t i = text_start(buf, len); i < len; i++) {
		if (buf[i] == '\n') {
			m.line++;
			m.column = 0;
		} else if ((buf[i] & 0xc0) != 0x80) {
			m.column++;
		}
		if ((buf[i] & 0xc0) != 0x80)
			m.index++;
	}
	return m;
}

static struct ynode *new_node(struct builder *b, uint8_t kind, yaml_mark_t m)
{
	if (++b->nodes > b->lim->max_nodes) {
		hest_diag_add(b->d, HEST_SEV_ERROR, NULL, loc_of(b->file, m),
			      "document has more than %zu YAML nodes", b->lim->max_nodes);
		return NULL;
	}
	struct ynode *n = arena_alloc(b->t, sizeof(*n), alignof(struct ynode));
	if (!n) {
		hest_diag_add(b->d, HEST_SEV_ERROR, NULL, loc_of(b->file, m), "out of memory");
		return NULL;
	}
	*n = (struct ynode){ .kind = kind, .line = (uint32_t)m.line + 1, .col = (uint32_t)m.column + 1 };
	return n;
}

/* Counts `weight` more nodes of the expanded document.  An alias adds the
 * whole subtree it stands for, so a document whose aliases multiply it
 * (billion laughs) stops here after at most max_nodes of counting. */
static inline int expand(struct builder *b, size_t weight, yaml_mark_t m)
{
	if (weight > b->lim->max_nodes - b->expanded) {
		hest_diag_add(b->d, HEST_SEV_ERROR, NULL, loc_of(b->file, m),
			      "YAML aliases expand the document to more than %zu nodes", b->lim->max_nodes);
		return -1;
	}
	b->expanded += weight;
	return 0;
}

/* Links a finished node into the open collection (or makes it the root). An
 * aliased node is wrapped in a fresh link cell so sibling lists stay trees. */
static void item_done(struct builder *b, struct ynode *n);

static int attach(struct builder *b, struct ynode *n, yaml_mark_t m, bool shared, bool complete)
{
	if (shared) {
		struct ynode *cell = new_node(b, n->kind, m);
		if (!cell)
			return -1;
		*cell = *n;
		cell->next = NULL;
		cell->line = (uint32_t)m.line + 1;
		cell->col = (uint32_t)m.column + 1;
		n = cell;
	}
	if (b->depth == 0) {
		b->t->root = n;
		return 0;
	}
	struct frame *f = &b->stack[b->depth - 1];
	if (b->st && b->depth == 1 && f->node->kind == Y_MAP) {
		bool key = (f->node->n % 2) == 0;
		if (key) {
			b->value_next = !b->key_seen && yscalar_is(n, b->st->key);
			b->key_seen = b->key_seen || b->value_next;
		} else {
			b->stream_next = b->value_next && n->kind == Y_SEQ && !shared && !complete;
			b->value_next = false;
		}
	}
	if (f->last)
		f->last->next = n;
	else
		f->node->first = n;
	f->last = n;
	f->node->n++;
	if (complete && f->stream)
		item_done(b, n);
	return 0;
}

/* Hands the streamed items read since the last flush to st->item(), then
 * releases their nodes unless one of them defined an anchor.  Items go in
 * batches of about STREAM_BATCH nodes: the consumer's allocations then come
 * in bursts, not interleaved with libyaml's per-event ones (which fragments
 * the heap: malloc gets measurably slower), and a batch stays within the
 * arena's first small chunks (never a 2 MiB one). */
#define STREAM_BATCH 1024u

static void stream_flush(struct builder *b, struct frame *f)
{
	struct ynode *from = f->kept ? f->kept->next : f->node->first;
	if (!from)
		return;
	b->st->active = true;
	for (struct ynode *n = from; n; n = n->next)
		b->st->item(b->st->ctx, n, b->items++);
	if (b->nanchors != b->mark_anchors) {
		f->kept = f->last;
	} else {
		f->last = f->kept;
		if (f->kept)
			f->kept->next = NULL;
		else
			f->node->first = NULL;
		arena_release(b->t, b->mark);
	}
	b->mark = arena_mark(b->t);
	b->mark_anchors = b->nanchors;
	b->mark_nodes = b->nodes;
}

static void item_done(struct builder *b, struct ynode *n)
{
	(void)n;
	if (b->nodes - b->mark_nodes >= STREAM_BATCH)
		stream_flush(b, &b->stack[b->depth - 1]);
}

static int remember_anchor(struct builder *b, const yaml_char_t *name, struct ynode *n)
{
	if (!name)
		return 0;
	if (b->nanchors == b->anchorcap) {
		size_t cap = b->anchorcap ? b->anchorcap * 2 : 8;
		struct anchor *v = realloc(b->anchors, cap * sizeof(*v));
		if (!v)
			return -1;
		b->anchors = v;
		b->anchorcap = cap;
	}
	char *copy = strdup((const char *)name);
	if (!copy)
		return -1;
	b->anchors[b->nanchors++] = (struct anchor){ copy, n };
	return 0;
}

static struct ynode *find_anchor(struct builder *b, const yaml_char_t *name)
{
	for (size_t i = b->nanchors; i-- > 0;)
		if (strcmp(b->anchors[i].name, (const char *)name) == 0)
			return b->anchors[i].node;
	return NULL;
}

static int push(struct builder *b, struct ynode *n, yaml_mark_t m)
{
	if (b->depth >= b->lim->max_depth) {
		hest_diag_add(b->d, HEST_SEV_ERROR, NULL, loc_of(b->file, m),
			      "YAML nesting deeper than %u levels", b->lim->max_depth);
		return -1;
	}
	if (b->depth == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		struct frame *v = realloc(b->stack, cap * sizeof(*v));
		if (!v)
			return -1;
		b->stack = v;
		b->cap = cap;
	}
	b->stack[b->depth++] = (struct frame){ n, NULL, NULL, false };
	return 0;
}

static int on_scalar(struct builder *b, yaml_event_t *ev)
{
	struct ynode *n = new_node(b, Y_SCALAR, ev->start_mark);
	if (!n)
		return -1;
	size_t len = ev->data.scalar.length;
	char *s = arena_alloc(b->t, len + 1, 1);
	if (!s)
		return -1;
	memcpy(s, ev->data.scalar.value, len);
	s[len] = '\0';
	n->str = s;
	n->len = len;
	n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	n->weight = 1;
	if (expand(b, 1, ev->start_mark) < 0)
		return -1;
	if (remember_anchor(b, ev->data.scalar.anchor, n) < 0)
		return -1;
	return attach(b, n, ev->start_mark, false, true);
}

static int on_start(struct builder *b, yaml_event_t *ev, uint8_t kind, const yaml_char_t *anchor)
{
	struct ynode *n = new_node(b, kind, ev->start_mark);
	if (!n || expand(b, 1, ev->start_mark) < 0)
		return -1;
	n->open = true;
	if (attach(b, n, ev->start_mark, false, false) < 0 || push(b, n, ev->start_mark) < 0)
		return -1;
	if (b->stream_next && !anchor) { /* an anchored list may be aliased whole: keep it */
		b->stack[b->depth - 1].stream = true;
		b->mark = arena_mark(b->t);
		b->mark_anchors = b->nanchors;
		b->mark_nodes = b->nodes;
	}
	b->stream_next = false;
	return remember_anchor(b, anchor, n);
}

/* The collection on top of the stack is complete: its weight is itself
 * plus its children's (each alias cell carries its target's). */
static void on_end(struct builder *b)
{
	if (!b->depth)
		return;
	struct frame *closing = &b->stack[--b->depth];
	struct ynode *n = closing->node;
	if (closing->stream)
		stream_flush(b, closing);
	n->weight = 1;
	for (struct ynode *c = n->first; c; c = c->next)
		n->weight += c->weight;
	n->open = false;
	if (b->depth && b->stack[b->depth - 1].stream)
		item_done(b, n);
}

static int on_event(struct builder *b, yaml_event_t *ev, bool *done)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(b, ev, Y_SEQ, ev->data.sequence_start.anchor);
	case YAML_MAPPING_START_EVENT:
		return on_start(b, ev, Y_MAP, ev->data.mapping_start.anchor);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(b);
		return 0;
	case YAML_ALIAS_EVENT: {
		struct ynode *n = find_anchor(b, ev->data.alias.anchor);
		if (!n) {
			hest_diag_add(b->d, HEST_SEV_ERROR, NULL, loc_of(b->file, ev->start_mark),
				      "unknown YAML alias '*%s'", (const char *)ev->data.alias.anchor);
			return -1;
		}
		/* The collection is not complete: the alias would make it
		 * contain itself, and every walk over it endless. */
		if (n->open) {
			hest_diag_add(b->d, HEST_SEV_ERROR, NULL, loc_of(b->file, ev->start_mark),
				      "YAML alias '*%s' is inside the collection it names; a description "
				      "cannot contain itself", (const char *)ev->data.alias.anchor);
			return -1;
		}
		if (expand(b, n->weight, ev->start_mark) < 0)
			return -1;
		return attach(b, n, ev->start_mark, true, true);
	}
	case YAML_DOCUMENT_START_EVENT:
		if (b->t->root) {
			hest_diag_add(b->d, HEST_SEV_ERROR, NULL, loc_of(b->file, ev->start_mark),
				      "more than one YAML document; a description is one document");
			return -1;
		}
		return 0;
	case YAML_STREAM_END_EVENT:
		*done = true;
		return 0;
	default:
		return 0;
	}
}

int ytree_parse(struct ytree *t, const char *file, const uint8_t *buf, size_t len,
		const struct ylimits *lim, struct hest_diags *d)
{
	return ytree_parse_stream(t, file, buf, len, lim, NULL, d);
}

int ytree_parse_stream(struct ytree *t, const char *file, const uint8_t *buf, size_t len,
		       const struct ylimits *lim, struct ystream *st, struct hest_diags *d)
{
	static const struct ylimits deflim = { YTREE_DEFAULT_DEPTH, YTREE_DEFAULT_NODES };
	struct builder b;
	memset(&b, 0, sizeof(b));
	memset(t, 0, sizeof(*t));
	b.t = t;
	b.file = file;
	b.d = d;
	b.lim = lim ? lim : &deflim;
	b.st = st;
	if (st)
		st->active = false;

	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 },
			      "out of memory");
		return -1;
	}
	yaml_parser_set_input_string(&p, buf, len);
	int rc = 0;
	bool done = false;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			yaml_mark_t m = p.problem_mark;
			/* A key without ':' is found only at the next line; point at the key. */
			if (p.context && strcmp(p.context, "while scanning a simple key") == 0)
				m = p.context_mark;
			size_t at = byte_at(buf, len, m.index);
			const char *at_end = "";
			if (at >= len) {
				m = end_mark(buf, len);
				if (!p.problem || !strstr(p.problem, "end of stream"))
					at_end = " at the end of the file";
			}
			/* libyaml says "found character that cannot start any token"
			 * for a tab; name it. */
			const char *hint = at < len && buf[at] == '\t' && !(p.problem && strstr(p.problem, "tab"))
				? " (a tab; YAML indents with spaces only)" : "";
			bool show_context = p.context && byte_at(buf, len, p.context_mark.index) < len &&
					    (p.context_mark.line != m.line || p.context_mark.column != m.column);
			if (p.error == YAML_MEMORY_ERROR)
				hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(file, m), "out of memory");
			else if (show_context)
				hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(file, m),
					      "YAML syntax: %s%s%s (%s that starts at line %zu, column %zu)",
					      p.problem ? p.problem : "error", hint, at_end, p.context,
					      p.context_mark.line + 1, p.context_mark.column + 1);
			else
				hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(file, m), "YAML syntax: %s%s%s",
					      p.problem ? p.problem : "error", hint, at_end);
			rc = -1;
			break;
		}
		rc = on_event(&b, &ev, &done);
		yaml_event_delete(&ev);
		if (rc < 0)
			break;
	}
	yaml_parser_delete(&p);
	for (size_t i = 0; i < b.nanchors; i++)
		free(b.anchors[i].name);
	free(b.anchors);
	free(b.stack);
	if (rc < 0) {
		if (!hest_diags_failed(d))
			hest_diag_add(d, HEST_SEV_ERROR, NULL, (struct hest_loc){ file, 0, 0, false, 0 },
				      "out of memory");
		ytree_free(t);
	}
	return rc;
}

const char *ynode_kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case Y_MAP:
		return "a mapping";
	case Y_SEQ:
		return "a sequence";
	default:
		if (n->quoted)
			return "a string";
		return n->len ? "a scalar" : "an empty value";
	}
}

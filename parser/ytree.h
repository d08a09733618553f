/* A YAML document as a tree of nodes with source positions, built from
 * libyaml's event stream into an arena.  Aliases share the anchored node
 * (the tree is then a DAG); nothing is ever expanded.  An alias to a
 * collection that is still open (a recursive document) is refused. */
#ifndef HEST_PARSER_YTREE_H
#define HEST_PARSER_YTREE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/diag.h>

enum ynode_kind { Y_SCALAR, Y_MAP, Y_SEQ };

/* The small members first: 64 bytes a node, not 72 (a description of 65535
 * sources has 1.7 million nodes). */
struct ynode {
	uint8_t kind;
	bool quoted;          /* scalar written with quotes or block style */
	bool open;            /* a collection whose end has not been read yet */
	uint32_t line, col;   /* 1-based */
	const char *str;      /* scalar bytes, NUL-terminated (may hold NULs) */
	size_t len;
	struct ynode *first;  /* map: key, value, key, value...; seq: items */
	struct ynode *next;   /* sibling in the parent's list */
	size_t n;             /* map: keys and values (two per pair); seq: items */
	size_t weight;        /* nodes of this subtree with its aliases expanded (set when it closes) */
};

struct yarena_block;

struct ytree {
	struct yarena_block *blocks;
	struct yarena_block *spare; /* a released block kept for reuse */
	struct ynode *root;   /* NULL for an empty document */
};

struct ylimits {
	unsigned max_depth;   /* nesting of maps/sequences */
	size_t max_nodes;     /* nodes in the document, and in the document with
				 its aliases expanded (consumers walk an aliased
				 subtree once per alias: a billion-laughs document
				 is refused, in time linear in its length) */
};

#define YTREE_DEFAULT_DEPTH 64u
#define YTREE_DEFAULT_NODES 20000000u

/* Parses buf (len bytes).  Errors go to d with file:line:col.  Returns 0 on
 * success, -1 on error (the tree is freed). */
int ytree_parse(struct ytree *t, const char *file, const uint8_t *buf, size_t len,
		const struct ylimits *lim, struct hest_diags *d);

/* Streaming one list: the items of the sequence that is the value of the
 * first `key` of the root mapping are handed to item() one by one, each as
 * soon as it is complete, and then released, so a document of many items
 * never holds more than one of them as nodes.  An item that defines an
 * anchor is kept (a later alias may name it), and a sequence with an anchor
 * of its own is not streamed.  After a streamed item is released the
 * sequence node still counts it (`n`) but no longer lists it: a consumer
 * that set `active` takes the items from item(), not from the tree. */
struct ystream {
	const char *key;
	void (*item)(void *ctx, const struct ynode *item, size_t index);
	void *ctx;
	bool active; /* out: item() was called */
};

int ytree_parse_stream(struct ytree *t, const char *file, const uint8_t *buf, size_t len,
		       const struct ylimits *lim, struct ystream *st, struct hest_diags *d);
void ytree_free(struct ytree *t);

/* Iteration helpers. */
#define YMAP_FOREACH(map, k, v) \
	for (struct ynode *k = (map)->first, *v = k ? k->next : NULL; k && v; \
	     k = v->next, v = k ? k->next : NULL)
#define YSEQ_FOREACH(seq, it) for (struct ynode *it = (seq)->first; it; it = it->next)

/* n is a scalar spelled exactly s.  Inline: the parser tries every key
 * against each name it may be; the loop stops at the first byte that
 * differs instead of measuring s first. */
static inline bool yscalar_is(const struct ynode *n, const char *s)
{
	if (!n || n->kind != Y_SCALAR)
		return false;
	for (size_t i = 0; i < n->len; i++)
		if (!s[i] || s[i] != n->str[i])
			return false;
	return s[n->len] == '\0';
}
const char *ynode_kind_name(const struct ynode *n);

#endif

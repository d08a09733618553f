/* "did you mean ...?" for unknown keys and names: the closest candidate by
 * edit distance, if it is close enough to be a typo. */
#ifndef HEST_PARSER_SUGGEST_H
#define HEST_PARSER_SUGGEST_H

#include <stddef.h>

struct suggest {
	const char *best; /* NULL: nothing close */
	size_t dist;
};

#define SUGGEST_INIT { NULL, (size_t)-1 }

/* Levenshtein distance; SIZE_MAX for words over 64 bytes. */
size_t suggest_distance(const char *a, size_t la, const char *b);
/* Keeps `cand` when it is within len/3 + 1 edits of `word` and closer than
 * the best so far. */
void suggest_consider(struct suggest *s, const char *word, size_t len, const char *cand);
/* " (did you mean 'x'?)" or "" */
const char *suggest_text(const struct suggest *s, char *buf, size_t size);

#endif

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "suggest.h"

size_t suggest_distance(const char *a, size_t la, const char *b)
{
	size_t lb = strlen(b);
	if (la > 64 || lb > 64)
		return SIZE_MAX;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

void suggest_consider(struct suggest *s, const char *word, size_t len, const char *cand)
{
	size_t dd = suggest_distance(word, len, cand);
	if (dd <= len / 3 + 1 && dd < s->dist) {
		s->best = cand;
		s->dist = dd;
	}
}

const char *suggest_text(const struct suggest *s, char *buf, size_t size)
{
	if (!s->best)
		return "";
	snprintf(buf, size, " (did you mean '%s'?)", s->best);
	return buf;
}

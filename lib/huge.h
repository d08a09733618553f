/* Large working memory offered to the kernel as transparent huge pages. */
#ifndef HEST_LIB_HUGE_H
#define HEST_LIB_HUGE_H

#include <stdlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/* Touching many MiB a 4 KiB page at a time costs more than the work done in
 * them (a page fault each, ~2 us under a hypervisor); a 2 MiB chunk, aligned,
 * is offered as one huge page where the kernel has them (Linux's
 * transparent huge pages in "madvise" mode): one fault instead of 512.  Freed
 * with free(). */
#define HEST_HUGE_CHUNK (2u * 1024u * 1024u)

static inline void *hest_huge_chunk(void)
{
	void *p = aligned_alloc(HEST_HUGE_CHUNK, HEST_HUGE_CHUNK);
#if defined(MADV_HUGEPAGE)
	if (p)
		madvise(p, HEST_HUGE_CHUNK, MADV_HUGEPAGE); /* advice only: no error to handle */
#endif
	return p;
}

#endif

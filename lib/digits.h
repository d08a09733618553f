/* Internal to lib/: reading the digits of an unsigned integer. */
#ifndef HEST_LIB_DIGITS_H
#define HEST_LIB_DIGITS_H

#include <stdint.h>
#include <stddef.h>

/* The digits of an integer in base 10 or 16 at p, up to the first character
 * that is not one: *v gets the value; returns where the digits end (p when
 * there are none), or NULL when the value passes 2^64 - 1. */
static inline const char *hest_scan_digits(const char *p, unsigned base, uint64_t *v)
{
	uint64_t x = 0;
	for (;; p++) {
		unsigned d;
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			break;
		if (x > (UINT64_MAX - d) / base)
			return NULL;
		x = x * base + d;
	}
	*v = x;
	return p;
}

#endif

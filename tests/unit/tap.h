/* Minimal TAP producer for C unit tests. */
#ifndef TESTS_TAP_H
#define TESTS_TAP_H
#include <stdio.h>
#include <stdarg.h>

static int tap_n, tap_failed;

static void tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	if (!cond)
		tap_failed++;
}

static int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}
#endif

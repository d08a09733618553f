/* vfmt: the validator's message formatter (a subset of vsnprintf written
 * without stdio, which dominated the time of tables with many findings). */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include "check_helpers.h"

/* Appends n bytes (those that fit before size - 1 are written). */
static void fput(char *buf, size_t size, size_t *at, const char *s, size_t n)
{
	if (*at + 1 < size) {
		size_t room = size - 1 - *at;
		memcpy(buf + *at, s, n < room ? n : room);
	}
	*at += n;
}

static void fpad(char *buf, size_t size, size_t *at, char c, size_t n)
{
	if (*at + 1 < size) {
		size_t room = size - 1 - *at;
		memset(buf + *at, c, n < room ? n : room);
	}
	*at += n;
}

enum vlen { VL_INT, VL_CHAR, VL_SHORT, VL_LONG, VL_LLONG, VL_SIZE, VL_INTMAX, VL_PTRDIFF };

#define VFMT_FIELD_MAX 4096 /* widths and precisions past this go to vsnprintf */

int vfmt(char *buf, size_t size, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	size_t at = 0;
	const char *p = fmt;
	while (*p) {
		if (*p != '%') {
			const char *q = strchr(p, '%');
			size_t n = q ? (size_t)(q - p) : strlen(p);
			fput(buf, size, &at, p, n);
			p += n;
			continue;
		}
		if (p[1] == '%') {
			fput(buf, size, &at, "%", 1);
			p += 2;
			continue;
		}
		p++;
		bool left = false, zero = false;
		for (;; p++) {
			if (*p == '-')
				left = true;
			else if (*p == '0')
				zero = true;
			else
				break;
		}
		size_t width = 0;
		if (*p == '*') {
			int w = va_arg(aq, int);
			if (w < 0) {
				left = true;
				w = w == INT_MIN ? INT_MAX : -w;
			}
			width = (size_t)w;
			p++;
		} else {
			while (*p >= '0' && *p <= '9' && width <= VFMT_FIELD_MAX)
				width = width * 10 + (size_t)(*p++ - '0');
		}
		long prec = -1;
		if (*p == '.') {
			p++;
			if (*p == '*') {
				int v = va_arg(aq, int);
				prec = v < 0 ? -1 : v;
				p++;
			} else {
				prec = 0;
				while (*p >= '0' && *p <= '9' && prec <= VFMT_FIELD_MAX)
					prec = prec * 10 + (*p++ - '0');
			}
		}
		if (width > VFMT_FIELD_MAX || prec > VFMT_FIELD_MAX)
			goto fallback;
		enum vlen len = VL_INT;
		if (*p == 'h') {
			len = p[1] == 'h' ? VL_CHAR : VL_SHORT;
			p += p[1] == 'h' ? 2 : 1;
		} else if (*p == 'l') {
			len = p[1] == 'l' ? VL_LLONG : VL_LONG;
			p += p[1] == 'l' ? 2 : 1;
		} else if (*p == 'z') {
			len = VL_SIZE;
			p++;
		} else if (*p == 'j') {
			len = VL_INTMAX;
			p++;
		} else if (*p == 't') {
			len = VL_PTRDIFF;
			p++;
		}
		char conv = *p++;
		if (conv == 's' || conv == 'c') {
			char ch;
			const char *s;
			size_t n;
			if (zero || len != VL_INT)
				goto fallback;
			if (conv == 'c') {
				ch = (char)va_arg(aq, int);
				s = &ch;
				n = 1;
			} else {
				s = va_arg(aq, const char *);
				if (!s)
					goto fallback;
				const char *end = prec >= 0 ? memchr(s, 0, (size_t)prec) : NULL;
				n = prec < 0 ? strlen(s) : end ? (size_t)(end - s) : (size_t)prec;
			}
			if (!left && width > n)
				fpad(buf, size, &at, ' ', width - n);
			fput(buf, size, &at, s, n);
			if (left && width > n)
				fpad(buf, size, &at, ' ', width - n);
			continue;
		}
		if (conv != 'd' && conv != 'i' && conv != 'u' && conv != 'x' && conv != 'X')
			goto fallback;
		uintmax_t v;
		bool neg = false;
		if (conv == 'd' || conv == 'i') {
			intmax_t sv;
			switch (len) {
			case VL_CHAR: sv = (signed char)va_arg(aq, int); break;
			case VL_SHORT: sv = (short)va_arg(aq, int); break;
			case VL_LONG: sv = va_arg(aq, long); break;
			case VL_LLONG: sv = va_arg(aq, long long); break;
			case VL_SIZE: sv = (intmax_t)va_arg(aq, size_t); break;
			case VL_INTMAX: sv = va_arg(aq, intmax_t); break;
			case VL_PTRDIFF: sv = va_arg(aq, ptrdiff_t); break;
			default: sv = va_arg(aq, int); break;
			}
			neg = sv < 0;
			v = neg ? (uintmax_t)0 - (uintmax_t)sv : (uintmax_t)sv;
		} else {
			switch (len) {
			case VL_CHAR: v = (unsigned char)va_arg(aq, unsigned); break;
			case VL_SHORT: v = (unsigned short)va_arg(aq, unsigned); break;
			case VL_LONG: v = va_arg(aq, unsigned long); break;
			case VL_LLONG: v = va_arg(aq, unsigned long long); break;
			case VL_SIZE: v = va_arg(aq, size_t); break;
			case VL_INTMAX: v = va_arg(aq, uintmax_t); break;
			case VL_PTRDIFF: v = (uintmax_t)va_arg(aq, ptrdiff_t); break;
			default: v = va_arg(aq, unsigned); break;
			}
		}
		const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
		char tmp[24];
		size_t k = sizeof(tmp);
		if (conv == 'x' || conv == 'X')
			for (; v; v >>= 4)
				tmp[--k] = digits[v & 15];
		else
			for (; v; v /= 10)
				tmp[--k] = (char)('0' + v % 10);
		size_t nd = sizeof(tmp) - k;
		if (nd == 0 && prec != 0)
			tmp[--k] = '0', nd = 1;
		size_t body = prec > 0 && (size_t)prec > nd ? (size_t)prec : nd;
		size_t total = body + (neg ? 1 : 0);
		size_t pad = width > total ? width - total : 0;
		if (pad && !left && !(zero && prec < 0))
			fpad(buf, size, &at, ' ', pad);
		if (neg)
			fput(buf, size, &at, "-", 1);
		if (pad && !left && zero && prec < 0)
			fpad(buf, size, &at, '0', pad);
		if (body > nd)
			fpad(buf, size, &at, '0', body - nd);
		fput(buf, size, &at, tmp + k, nd);
		if (pad && left)
			fpad(buf, size, &at, ' ', pad);
	}
	va_end(aq);
	if (at > INT_MAX)
		return vsnprintf(buf, size, fmt, ap);
	if (size)
		buf[at < size ? at : size - 1] = 0;
	return (int)at;
fallback:
	va_end(aq);
	return vsnprintf(buf, size, fmt, ap);
}

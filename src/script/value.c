/*
 * DOC: value - RouterOS script values: literals, copy, free, print, arrays.
 *
 * A literal word ("42", "0x1F", "1h30m", "10.0.0.1/8", "*1A", "yes") is
 * classified once by scr_val_from_text() following reference/
 * routeros-scripting.md §1.6; anything that is not a number, bool, id,
 * address, prefix or time stays a string.  Printing follows §8.1: times as
 * [Nw][Nd]HH:MM:SS[.frac] with the fraction in groups of three digits,
 * arrays joined with ';' (keyed elements as k=v, nested arrays flattened),
 * nil and nothing as nothing at all.
 *
 * Arrays (§3.3) keep their unkeyed elements first, in insertion order,
 * then the keyed ones sorted by key (byte order); both halves are found by
 * binary search, so building a big list or map stays cheap.  Values own
 * their data: scr_val_copy() is deep, scr_val_free() releases everything.
 * Called from everywhere in src/script/.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

/* deeper arrays are not printed further (they can only come from loops) */
#define PRINT_DEPTH	10000

void
scr_val_free(struct scr_val *v)
{
	size_t i;

	switch (v->k) {
	case SV_STR:
	case SV_CODE:
		free(v->u.s);
		break;
	case SV_ARRAY:
		if (v->u.arr == NULL)
			break;
		for (i = 0; i < v->u.arr->n; i++) {
			free(v->u.arr->keys[i]);
			scr_val_free(&v->u.arr->v[i]);
		}
		free(v->u.arr->keys);
		free(v->u.arr->v);
		free(v->u.arr);
		break;
	default:
		break;
	}
	v->k = SV_NOTHING;
}

struct scr_val
scr_val_copy(const struct scr_val *s)
{
	struct scr_val d = *s;
	size_t i;

	if (s->k == SV_STR || s->k == SV_CODE)
		d.u.s = xstrdup(s->u.s);
	else if (s->k == SV_ARRAY) {
		struct scr_arr *a = xcalloc(1, sizeof(*a));

		if (s->u.arr) {
			a->n = a->cap = s->u.arr->n;
			a->keys = xcalloc(a->n + 1, sizeof(char *));
			a->v = xcalloc(a->n + 1, sizeof(struct scr_val));
			for (i = 0; i < a->n; i++) {
				a->keys[i] = s->u.arr->keys[i] ?
				    xstrdup(s->u.arr->keys[i]) : NULL;
				a->v[i] = scr_val_copy(&s->u.arr->v[i]);
			}
		}
		d.u.arr = a;
	}
	return d;
}

struct scr_val
scr_str(const char *s)
{
	struct scr_val v;

	memset(&v, 0, sizeof(v));
	v.k = SV_STR;
	v.u.s = xstrdup(s);
	return v;
}

struct scr_val
scr_num(int64_t n)
{
	struct scr_val v;

	memset(&v, 0, sizeof(v));
	v.k = SV_NUM;
	v.u.n = n;
	return v;
}

struct scr_val
scr_kind_val(enum scr_kind k, int64_t n)
{
	struct scr_val v;

	memset(&v, 0, sizeof(v));
	v.k = k;
	v.u.n = n;
	return v;
}

struct scr_val
scr_array_new(void)
{
	struct scr_val v;

	memset(&v, 0, sizeof(v));
	v.k = SV_ARRAY;
	v.u.arr = scr_arr_new();
	return v;
}

const char *
scr_type_name(const struct scr_val *v)
{
	static const char *const names[] = { "nothing", "nil", "str", "num",
	    "bool", "time", "ip", "ip-prefix", "ip6", "ip6-prefix", "id",
	    "array", "code" };

	if ((size_t)v->k >= NELEM(names))
		return "nothing";
	/* ROS v7: a do={} function is an array of 2, code at index 1 */
	if (v->k == SV_CODE && v->is_fn)
		return "array";
	return names[v->k];
}

/* ---- time ---- */

#define NS_S	1000000000LL

/* [-][Nw][Nd]HH:MM:SS[.fff] (§8.1); the fraction in groups of 3 digits */
static void
time_print(int64_t t, struct strbuf *sb)
{
	uint64_t ns, s, frac;

	if (t < 0) {
		sb_addc(sb, '-');
		ns = 0 - (uint64_t)t;	/* INT64_MIN too */
	} else
		ns = (uint64_t)t;
	s = ns / NS_S;
	frac = ns % NS_S;
	if (s >= 7 * 86400)
		sb_addf(sb, "%lluw", (unsigned long long)(s / (7 * 86400)));
	s %= 7 * 86400;
	if (s >= 86400)
		sb_addf(sb, "%llud", (unsigned long long)(s / 86400));
	s %= 86400;
	sb_addf(sb, "%02llu:%02llu:%02llu", (unsigned long long)(s / 3600),
	    (unsigned long long)(s / 60 % 60), (unsigned long long)(s % 60));
	if (frac) {
		if (frac % 1000000 == 0)
			sb_addf(sb, ".%03llu",
			    (unsigned long long)(frac / 1000000));
		else if (frac % 1000 == 0)
			sb_addf(sb, ".%06llu",
			    (unsigned long long)(frac / 1000));
		else
			sb_addf(sb, ".%09llu", (unsigned long long)frac);
	}
}

/* *acc += v * mul, false on overflow */
static bool
acc_add(int64_t *acc, int64_t v, int64_t mul)
{
	int64_t x;

	if (__builtin_mul_overflow(v, mul, &x) ||
	    __builtin_add_overflow(*acc, x, acc))
		return false;
	return true;
}

/* digits as a non-negative number; NULL on overflow or no digit */
static const char *
digits(const char *p, int64_t *out)
{
	int64_t v = 0;
	const char *s = p;

	for (; isdigit((unsigned char)*p); p++)
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, *p - '0', &v))
			return NULL;
	if (p == s)
		return NULL;
	*out = v;
	return p;
}

/* ".ddddddddd" -> ns (extra digits are cut off) */
static const char *
fraction(const char *p, int64_t unit, int64_t *out)
{
	int64_t num = 0, den = 1;

	*out = 0;
	if (*p != '.')
		return p;
	p++;
	if (!isdigit((unsigned char)*p))
		return NULL;
	for (; isdigit((unsigned char)*p); p++)
		if (den < 1000000000LL) {
			num = num * 10 + (*p - '0');
			den *= 10;
		}
	/* unit / den is exact for every unit of 1 s and up; ms, us: ok */
	if (unit >= den)
		*out = num * (unit / den);
	else
		*out = num * unit / den;
	return p;
}

/* clock form: [Nw][Nd]H:MM[:SS[.frac]] */
static int
time_clock(const char *p, int64_t *ns)
{
	int64_t total = 0, v, h, m, s = 0, fr = 0;
	const char *e;

	for (;;) {
		e = digits(p, &v);
		if (e == NULL)
			return -1;
		if (*e == 'w' || *e == 'd') {
			if (!acc_add(&total, v, (*e == 'w' ? 7 : 1) * 86400 *
			    NS_S))
				return -1;
			p = e + 1;
			continue;
		}
		break;
	}
	h = v;
	if (*e != ':')
		return -1;
	p = e + 1;
	if ((e = digits(p, &m)) == NULL || e - p > 2 || m > 59)
		return -1;
	p = e;
	if (*p == ':') {
		p++;
		if ((e = digits(p, &s)) == NULL || e - p > 2 || s > 59)
			return -1;
		p = e;
		if ((p = fraction(p, NS_S, &fr)) == NULL)
			return -1;
	}
	if (*p != '\0')
		return -1;
	if (!acc_add(&total, h, 3600 * NS_S) ||
	    !acc_add(&total, m, 60 * NS_S) || !acc_add(&total, s, NS_S) ||
	    !acc_add(&total, fr, 1))
		return -1;
	*ns = total;
	return 0;
}

/* unit form: 1w2d3h4m5s, 500ms, 1us, 1ns, 1.5s; bare: a number = seconds */
static int
time_units(const char *p, int64_t *ns, bool bare_secs)
{
	static const struct { const char *u; int64_t mul; } units[] = {
		{ "ms", 1000000LL }, { "us", 1000LL }, { "ns", 1 },
		{ "w", 7 * 86400 * NS_S }, { "d", 86400 * NS_S },
		{ "h", 3600 * NS_S }, { "m", 60 * NS_S }, { "s", NS_S },
	};
	int64_t total = 0, v, fr;
	bool any_unit = false;

	if (*p == '\0')
		return -1;
	while (*p) {
		const char *e = digits(p, &v), *f;
		size_t i;

		if (e == NULL)
			return -1;
		for (i = 0; i < NELEM(units); i++) {
			size_t l = strlen(units[i].u);

			f = e;
			if (*f == '.') {
				/* 1.5s: skip the fraction to find the unit */
				f++;
				while (isdigit((unsigned char)*f))
					f++;
			}
			if (strncmp(f, units[i].u, l) == 0)
				break;
		}
		if (i == NELEM(units)) {
			/* a trailing bare number: seconds where a time is
			 * expected (:delay 0.5, :totime "90") */
			if (!bare_secs || any_unit)
				return -1;
			if ((f = fraction(e, NS_S, &fr)) == NULL || *f)
				return -1;
			if (!acc_add(&total, v, NS_S) ||
			    !acc_add(&total, fr, 1))
				return -1;
			break;
		}
		if ((f = fraction(e, units[i].mul, &fr)) == NULL)
			return -1;
		if (!acc_add(&total, v, units[i].mul) ||
		    !acc_add(&total, fr, 1))
			return -1;
		p = f + strlen(units[i].u);
		any_unit = true;
	}
	*ns = total;
	return 0;
}

int
scr_time_parse(const char *s, int64_t *ns, bool bare_secs)
{
	bool neg = false;
	int64_t t;
	int rc;

	if (*s == '-') {
		neg = true;
		s++;
	}
	if (!isdigit((unsigned char)*s))
		return -1;
	rc = strchr(s, ':') ? time_clock(s, &t) : time_units(s, &t, bare_secs);
	if (rc < 0)
		return -1;
	*ns = neg ? -t : t;
	return 0;
}

/* ---- addresses ---- */

/*
 * Dotted quad, or a short form whose last part fills the low bytes:
 * "10.1" is 10.0.0.1 and "1.2.3" is 1.2.0.3 (§1.6, :convert docs).
 */
int
scr_ip4_parse_short(const char *s, uint32_t *out)
{
	uint32_t part[4];
	int n = 0;
	const char *p = s;

	for (;;) {
		unsigned v = 0;
		int nd = 0;

		for (; isdigit((unsigned char)*p); p++) {
			if (++nd > 3)
				return -1;
			v = v * 10 + (unsigned)(*p - '0');
		}
		if (nd == 0 || v > 255 || n == 4)
			return -1;
		part[n++] = v;
		if (*p == '\0')
			break;
		if (*p++ != '.')
			return -1;
	}
	if (n < 2)
		return -1;
	*out = part[0] << 24 | part[n - 1];
	if (n >= 3)
		*out |= part[1] << 16;
	if (n == 4)
		*out |= part[2] << 8;
	return 0;
}

/* "n" after a '/': 0..max */
static int
plen_parse(const char *s, int max)
{
	int64_t v;
	const char *e = digits(s, &v);

	if (e == NULL || *e || e - s > 3 || v > max)
		return -1;
	return (int)v;
}

static bool
parse_ip4_val(const char *t, struct scr_val *v)
{
	const char *sl = strchr(t, '/');
	char buf[20];
	uint32_t a;
	int pl;

	if (sl == NULL) {
		if (sch_ip4_parse(t, &a) < 0)
			return false;
		v->k = SV_IP;
		v->u.ip.a = a;
		v->u.ip.plen = 32;
		return true;
	}
	if ((size_t)(sl - t) >= sizeof(buf))
		return false;
	memcpy(buf, t, (size_t)(sl - t));
	buf[sl - t] = '\0';
	if (sch_ip4_parse(buf, &a) < 0 || (pl = plen_parse(sl + 1, 32)) < 0)
		return false;
	v->k = SV_IPP;
	v->u.ip.a = a;		/* ROS keeps host bits: 10.1.101.1/24 */
	v->u.ip.plen = (uint8_t)pl;
	return true;
}

static bool
parse_ip6_val(const char *t, struct scr_val *v)
{
	const char *sl = strchr(t, '/');
	char buf[64];
	uint8_t a[16];
	int pl = 128;

	if (strlen(t) >= sizeof(buf))
		return false;
	strcpy(buf, t);
	if (sl) {
		buf[sl - t] = '\0';
		if ((pl = plen_parse(sl + 1, 128)) < 0)
			return false;
	}
	if (sch_ip6_parse(buf, a) < 0)
		return false;
	memcpy(v->u.ip6.a, a, 16);
	v->u.ip6.plen = (uint8_t)pl;
	v->k = sl ? SV_IP6P : SV_IP6;
	return true;
}

/* ---- literals ---- */

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

int
scr_num_parse(const char *t, int64_t *out)
{
	int64_t v;
	const char *p = t;
	bool neg = false;

	if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
		uint64_t u = 0;

		p = t + 2;
		if (*p == '\0' || strlen(p) > 16 ||
		    strspn(p, "0123456789abcdefABCDEF") != strlen(p))
			return -1;
		u = strtoull(p, NULL, 16);
		*out = (int64_t)u;	/* 0xFFFFFFFFFFFFFFFF is -1 */
		return 0;
	}
	if (*p == '-') {
		neg = true;
		p++;
	}
	if (!all_digits(p))
		return -1;
	/* accumulate negatively so that INT64_MIN fits */
	for (v = 0; *p; p++)
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_sub_overflow(v, *p - '0', &v))
			return -1;
	if (!neg) {
		if (v == INT64_MIN)
			return -1;
		v = -v;
	}
	*out = v;
	return 0;
}

struct scr_val
scr_val_from_text(const char *t, bool words_are_str)
{
	struct scr_val v;
	int64_t n;

	(void)words_are_str;
	memset(&v, 0, sizeof(v));
	if (t[0] == '\0')
		return scr_str(t);
	/*
	 * A number too big for 64 bits stays text (UNKNOWN on a router;
	 * wrapping silently seemed worse).
	 */
	if (isdigit((unsigned char)t[0]) || (t[0] == '-' &&
	    isdigit((unsigned char)t[1]))) {
		if (scr_num_parse(t, &n) == 0) {
			v.k = SV_NUM;
			v.u.n = n;
			return v;
		}
	}
	if (!strcmp(t, "true") || !strcmp(t, "yes"))
		return scr_kind_val(SV_BOOL, 1);
	if (!strcmp(t, "false") || !strcmp(t, "no"))
		return scr_kind_val(SV_BOOL, 0);
	if (t[0] == '*' && t[1] && strlen(t + 1) <= 16 &&
	    strspn(t + 1, "0123456789abcdefABCDEF") == strlen(t + 1)) {
		v.k = SV_ID;
		v.u.n = (int64_t)strtoull(t + 1, NULL, 16);
		return v;
	}
	if (isdigit((unsigned char)t[0]) && parse_ip4_val(t, &v))
		return v;
	if ((isdigit((unsigned char)t[0]) || (t[0] == '-' &&
	    isdigit((unsigned char)t[1]))) && scr_time_parse(t, &n, false) == 0)
		return scr_kind_val(SV_TIME, n);
	if (strchr(t, ':') && (t[0] == ':' || isxdigit((unsigned char)t[0])) &&
	    parse_ip6_val(t, &v))
		return v;
	return scr_str(t);
}

/* ---- printing ---- */

static void
val_print(const struct scr_val *v, struct strbuf *sb, int depth)
{
	size_t i;

	switch (v->k) {
	case SV_NOTHING:
	case SV_NIL:
		break;
	case SV_STR:
		sb_add(sb, v->u.s);
		break;
	case SV_NUM:
		sb_addf(sb, "%lld", (long long)v->u.n);
		break;
	case SV_BOOL:
		sb_add(sb, v->u.n ? "true" : "false");
		break;
	case SV_TIME:
		time_print(v->u.n, sb);
		break;
	case SV_IP:
		sch_ip4_print(v->u.ip.a, sb);
		break;
	case SV_IPP:
		sch_ip4_print(v->u.ip.a, sb);
		sb_addf(sb, "/%u", v->u.ip.plen);
		break;
	case SV_IP6:
		sch_ip6_print(v->u.ip6.a, sb);
		break;
	case SV_IP6P:
		sch_ip6_print(v->u.ip6.a, sb);
		sb_addf(sb, "/%u", v->u.ip6.plen);
		break;
	case SV_ID:
		sb_addf(sb, "*%llX", (unsigned long long)v->u.n);
		break;
	case SV_ARRAY:
		if (depth >= PRINT_DEPTH)
			break;
		/* ROS: nested arrays are flattened, no braces (§8.1) */
		for (i = 0; v->u.arr && i < v->u.arr->n; i++) {
			if (i)
				sb_addc(sb, ';');
			if (v->u.arr->keys[i])
				sb_addf(sb, "%s=", v->u.arr->keys[i]);
			val_print(&v->u.arr->v[i], sb, depth + 1);
		}
		break;
	case SV_CODE:
		/* ROS prints the parsed form (its IL); :tostr gives this */
		sb_add(sb, "(code)");
		break;
	}
}

void
scr_val_print(const struct scr_val *v, struct strbuf *sb)
{
	val_print(v, sb, 0);
}

char *
scr_val_text(const struct scr_val *v)
{
	struct strbuf sb = STRBUF_INIT;

	val_print(v, &sb, 0);
	return sb_steal(&sb);
}

/* ---- arrays ---- */

struct scr_arr *
scr_arr_new(void)
{
	return xcalloc(1, sizeof(struct scr_arr));
}

/* number of unkeyed elements (they come first) */
size_t
scr_arr_nlist(const struct scr_arr *a)
{
	size_t lo = 0, hi = a->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a->keys[mid] == NULL)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* index of key, or (as ~index) where it would go */
static size_t
key_search(const struct scr_arr *a, const char *key, bool *found)
{
	size_t lo = scr_arr_nlist(a), hi = a->n;

	*found = false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(a->keys[mid], key);

		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
arr_insert(struct scr_arr *a, size_t at, char *key, struct scr_val v)
{
	if (a->n + 1 > a->cap) {
		a->cap = a->cap ? a->cap * 2 : 4;
		a->keys = xrealloc(a->keys, a->cap * sizeof(char *));
		a->v = xrealloc(a->v, a->cap * sizeof(struct scr_val));
	}
	memmove(a->keys + at + 1, a->keys + at, (a->n - at) * sizeof(char *));
	memmove(a->v + at + 1, a->v + at, (a->n - at) * sizeof(struct scr_val));
	a->keys[at] = key;
	a->v[at] = v;
	a->n++;
}

/* unkeyed elements append after the other unkeyed ones; keyed stay sorted */
void
scr_arr_push(struct scr_arr *a, const char *key, struct scr_val v)
{
	size_t at;
	bool found;

	if (key == NULL) {
		arr_insert(a, scr_arr_nlist(a), NULL, v);
		return;
	}
	at = key_search(a, key, &found);
	if (found) {
		scr_val_free(&a->v[at]);
		a->v[at] = v;
		return;
	}
	arr_insert(a, at, xstrdup(key), v);
}

struct scr_val *
scr_arr_get(struct scr_arr *a, const char *key)
{
	bool found;
	size_t at = key_search(a, key, &found);

	return found ? &a->v[at] : NULL;
}

void
scr_arr_split(struct scr_arr *a, const char *s, const char *delim,
    bool skip_empty)
{
	size_t dl = strlen(delim);
	const char *e;
	char *t;

	if (dl == 0)
		delim = ",", dl = 1;
	for (;;) {
		e = strstr(s, delim);
		t = xstrndup(s, e ? (size_t)(e - s) : strlen(s));
		if (*t || !skip_empty)
			scr_arr_push(a, NULL, scr_val_from_text(t, true));
		free(t);
		if (e == NULL)
			break;
		s = e + dl;
	}
}

struct scr_val *
scr_arr_slot(struct scr_arr *a, const char *key)
{
	bool found;
	size_t at = key_search(a, key, &found);
	struct scr_val v;

	if (!found) {
		memset(&v, 0, sizeof(v));
		v.k = SV_NOTHING;
		arr_insert(a, at, xstrdup(key), v);
	}
	return &a->v[at];
}

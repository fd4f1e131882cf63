/*
 * DOC: value - RouterOS script values: copy, free, print, classify.
 *
 * Printing follows reference/routeros-scripting.md §8.1: times as
 * [Nw][Nd]HH:MM:SS[.frac], arrays joined with ';' (keyed as k=v), nil and
 * nothing as empty.  Keyed array elements are kept sorted by key with the
 * unkeyed ones first (§3.3).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

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
	else if (s->k == SV_ARRAY && s->u.arr) {
		struct scr_arr *a = xcalloc(1, sizeof(*a));

		a->n = a->cap = s->u.arr->n;
		a->keys = xcalloc(a->n + 1, sizeof(char *));
		a->v = xcalloc(a->n + 1, sizeof(struct scr_val));
		for (i = 0; i < a->n; i++) {
			a->keys[i] = s->u.arr->keys[i] ?
			    xstrdup(s->u.arr->keys[i]) : NULL;
			a->v[i] = scr_val_copy(&s->u.arr->v[i]);
		}
		d.u.arr = a;
	}
	return d;
}

struct scr_val
scr_str(const char *s)
{
	struct scr_val v;

	v.k = SV_STR;
	v.u.s = xstrdup(s);
	return v;
}

struct scr_val
scr_num(int64_t n)
{
	struct scr_val v;

	v.k = SV_NUM;
	v.u.n = n;
	return v;
}

const char *
scr_type_name(const struct scr_val *v)
{
	static const char *const names[] = { "nothing", "nil", "str", "num",
	    "bool", "time", "ip", "ip-prefix", "ip6", "ip6-prefix", "id",
	    "array", "code" };

	return names[v->k];
}

static void
time_print(int64_t ns, struct strbuf *sb)
{
	int64_t s, frac;

	if (ns < 0) {
		sb_addc(sb, '-');
		ns = -ns;
	}
	s = ns / 1000000000LL;
	frac = ns % 1000000000LL;
	if (s >= 7 * 86400)
		sb_addf(sb, "%lldw", (long long)(s / (7 * 86400)));
	s %= 7 * 86400;
	if (s >= 86400)
		sb_addf(sb, "%lldd", (long long)(s / 86400));
	s %= 86400;
	sb_addf(sb, "%02lld:%02lld:%02lld", (long long)(s / 3600),
	    (long long)(s / 60 % 60), (long long)(s % 60));
	if (frac) {
		if (frac % 1000000 == 0)
			sb_addf(sb, ".%03lld", (long long)(frac / 1000000));
		else if (frac % 1000 == 0)
			sb_addf(sb, ".%06lld", (long long)(frac / 1000));
		else
			sb_addf(sb, ".%09lld", (long long)frac);
	}
}

void
scr_val_print(const struct scr_val *v, struct strbuf *sb)
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
		for (i = 0; v->u.arr && i < v->u.arr->n; i++) {
			if (i)
				sb_addc(sb, ';');
			if (v->u.arr->keys[i])
				sb_addf(sb, "%s=", v->u.arr->keys[i]);
			scr_val_print(&v->u.arr->v[i], sb);
		}
		break;
	case SV_CODE:
		sb_add(sb, "(code)");
		break;
	}
}

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

struct scr_val
scr_val_from_text(const char *t, bool words_are_str)
{
	struct scr_val v;
	uint32_t a;

	memset(&v, 0, sizeof(v));
	if (all_digits(t) || (t[0] == '-' && all_digits(t + 1))) {
		v.k = SV_NUM;
		v.u.n = strtoll(t, NULL, 10);
		return v;
	}
	if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X') && t[2] &&
	    strspn(t + 2, "0123456789abcdefABCDEF") == strlen(t + 2)) {
		v.k = SV_NUM;
		v.u.n = (int64_t)strtoull(t + 2, NULL, 16);
		return v;
	}
	if (!strcmp(t, "true") || !strcmp(t, "yes")) {
		v.k = SV_BOOL;
		v.u.n = 1;
		return v;
	}
	if (!strcmp(t, "false") || !strcmp(t, "no")) {
		v.k = SV_BOOL;
		return v;
	}
	if (t[0] == '*' && t[1] && strspn(t + 1, "0123456789abcdefABCDEF") ==
	    strlen(t + 1)) {
		v.k = SV_ID;
		v.u.n = (int64_t)strtoull(t + 1, NULL, 16);
		return v;
	}
	if (isdigit((unsigned char)t[0])) {
		const char *sl = strchr(t, '/');

		if (sch_ip4_parse(t, &a) == 0) {
			v.k = SV_IP;
			v.u.ip.a = a;
			v.u.ip.plen = 32;
			return v;
		}
		if (sl && !strchr(sl + 1, '/')) {
			char buf[32];
			char *e;
			long pl = strtol(sl + 1, &e, 10);

			if ((size_t)(sl - t) < sizeof(buf) && !*e && pl >= 0 &&
			    pl <= 32 && e != sl + 1) {
				memcpy(buf, t, (size_t)(sl - t));
				buf[sl - t] = '\0';
				if (sch_ip4_parse(buf, &a) == 0) {
					v.k = SV_IPP;
					v.u.ip.a = a;	/* host bits kept */
					v.u.ip.plen = (uint8_t)pl;
					return v;
				}
			}
		}
		if (sch_time_parse(t, &v.u.n) == 0 && !strchr(t, '.')) {
			v.k = SV_TIME;
			return v;
		}
	}
	if (strchr(t, ':')) {
		uint8_t a6[16];
		char buf[64];
		const char *sl = strchr(t, '/');

		if (strlen(t) < sizeof(buf)) {
			strcpy(buf, t);
			if (sl)
				buf[sl - t] = '\0';
			if (sch_ip6_parse(buf, a6) == 0) {
				memcpy(v.u.ip6.a, a6, 16);
				v.k = sl ? SV_IP6P : SV_IP6;
				v.u.ip6.plen = sl ? (uint8_t)atoi(sl + 1) : 128;
				return v;
			}
		}
	}
	(void)words_are_str;
	return scr_str(t);
}

/* ---- arrays ---- */

struct scr_arr *scr_arr_new(void);
void	 scr_arr_push(struct scr_arr *, const char *key, struct scr_val v);
struct scr_val *scr_arr_get(struct scr_arr *, const char *key);

struct scr_arr *
scr_arr_new(void)
{
	return xcalloc(1, sizeof(struct scr_arr));
}

/* unkeyed elements append after the other unkeyed ones; keyed stay sorted */
void
scr_arr_push(struct scr_arr *a, const char *key, struct scr_val v)
{
	size_t at, i;

	if (key) {
		for (i = 0; i < a->n; i++)
			if (a->keys[i] && strcmp(a->keys[i], key) == 0) {
				scr_val_free(&a->v[i]);
				a->v[i] = v;
				return;
			}
	}
	if (a->n + 1 > a->cap) {
		a->cap = a->cap ? a->cap * 2 : 4;
		a->keys = xrealloc(a->keys, a->cap * sizeof(char *));
		a->v = xrealloc(a->v, a->cap * sizeof(struct scr_val));
	}
	at = 0;
	if (key == NULL) {
		while (at < a->n && a->keys[at] == NULL)
			at++;
	} else {
		at = a->n;
		for (i = 0; i < a->n; i++)
			if (a->keys[i] && strcmp(a->keys[i], key) > 0) {
				at = i;
				break;
			}
	}
	memmove(a->keys + at + 1, a->keys + at, (a->n - at) * sizeof(char *));
	memmove(a->v + at + 1, a->v + at, (a->n - at) * sizeof(struct scr_val));
	a->keys[at] = key ? xstrdup(key) : NULL;
	a->v[at] = v;
	a->n++;
}

struct scr_val *
scr_arr_get(struct scr_arr *a, const char *key)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (a->keys[i] && strcmp(a->keys[i], key) == 0)
			return &a->v[i];
	return NULL;
}

/*
 * DOC: expr - expression operators (reference/routeros-scripting.md §4).
 *
 * Precedence is the grammar's (grammar/parser.y); this file gives each
 * operator its meaning:
 *   + - * / %   64-bit two's complement, wrapping; division truncates;
 *               time +- time, time * or / num, ip +- num, ip - ip,
 *               ip6 +- num;
 *               a numeric string is a number, nil/nothing is 0.
 *   .           concatenation of printed forms; with an array it applies
 *               to every element (§4.5); "," joins arrays.
 *   = != < > <= >=  see scr_val_eq() / val_order().
 *   ~           POSIX extended regex on printed forms (binary), bit
 *               inversion (unary); & | ^ << >> on num, ip and ip6.
 *   in          address or prefix inside a prefix.
 *   -> (chainable) array element by index or key.
 *   && || !     (and or not) on truthiness, short-circuit.
 * An operator given kinds it has no meaning for yields nil (UNKNOWN what a
 * router does; nil keeps a script running the way a failed conversion
 * does).  Division by zero is an error.  Called from eval.c (eval_node)
 * and builtins.c (:set ($a->k) v, :find).
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

#define NS_S	1000000000LL

bool
scr_truthy(const struct scr_val *v)
{
	switch (v->k) {
	case SV_BOOL:
	case SV_NUM:
		return v->u.n != 0;
	case SV_NOTHING:
	case SV_NIL:
		return false;
	case SV_STR:
		return strcmp(v->u.s, "true") == 0 ||
		    strcmp(v->u.s, "yes") == 0;
	case SV_ARRAY:
		return v->u.arr && v->u.arr->n > 0;
	default:
		return true;
	}
}

static struct scr_val
nil(void)
{
	return scr_kind_val(SV_NIL, 0);
}

/*
 * An operand as arithmetic sees it: nil and nothing are 0, a string that
 * reads as a number, time, address or prefix is that ("5" + 10 = 15).
 * Returns a value to free.
 */
static struct scr_val
operand(const struct scr_val *v)
{
	if (v->k == SV_NOTHING || v->k == SV_NIL)
		return scr_num(0);
	if (v->k == SV_STR) {
		struct scr_val t = scr_val_from_text(v->u.s, true);

		if (t.k == SV_NUM || t.k == SV_TIME || t.k == SV_IP ||
		    t.k == SV_IPP || t.k == SV_IP6 || t.k == SV_IP6P)
			return t;
		scr_val_free(&t);
	}
	return scr_val_copy(v);
}

/* 128-bit big-endian address + signed 64-bit n */
static void
ip6_add(uint8_t a[16], int64_t n)
{
	uint64_t hi = 0, lo = 0, add = (uint64_t)n, old;
	int i;

	for (i = 0; i < 8; i++) {
		hi = hi << 8 | a[i];
		lo = lo << 8 | a[8 + i];
	}
	old = lo;
	lo += add;
	if (n >= 0)
		hi += lo < old;			/* carry */
	else
		hi -= (lo > old);		/* borrow */
	for (i = 7; i >= 0; i--) {
		a[i] = (uint8_t)hi;
		a[8 + i] = (uint8_t)lo;
		hi >>= 8;
		lo >>= 8;
	}
}

/* low 64 bits of a - b */
static int64_t
ip6_diff(const uint8_t a[16], const uint8_t b[16])
{
	uint64_t x = 0, y = 0;
	int i;

	for (i = 8; i < 16; i++) {
		x = x << 8 | a[i];
		y = y << 8 | b[i];
	}
	return (int64_t)(x - y);
}

static int64_t
wrap_add(int64_t x, int64_t y)
{
	return (int64_t)((uint64_t)x + (uint64_t)y);
}

static int64_t
wrap_sub(int64_t x, int64_t y)
{
	return (int64_t)((uint64_t)x - (uint64_t)y);
}

static int64_t
wrap_mul(int64_t x, int64_t y)
{
	return (int64_t)((uint64_t)x * (uint64_t)y);
}

static bool
is_addr(enum scr_kind k)
{
	return k == SV_IP || k == SV_IPP;
}

static bool
is_addr6(enum scr_kind k)
{
	return k == SV_IP6 || k == SV_IP6P;
}

/* + - * / % on operands already passed through operand() */
static enum scr_status
arith(struct scr_frame *f, const struct ast *n, int op,
    const struct scr_val *a, const struct scr_val *b, struct scr_val *out)
{
	enum scr_kind ka = a->k, kb = b->k;
	int64_t x = a->u.n, y = b->u.n;

	*out = nil();
	if (op == OP_ADD || op == OP_SUB) {
		if (ka == SV_NUM && kb == SV_NUM) {
			*out = scr_num(op == OP_ADD ? wrap_add(x, y) :
			    wrap_sub(x, y));
			return SCR_OK;
		}
		/* time +- time; a number next to a time is seconds */
		if ((ka == SV_TIME || ka == SV_NUM) &&
		    (kb == SV_TIME || kb == SV_NUM)) {
			if (ka == SV_NUM)
				x = wrap_mul(x, NS_S);
			if (kb == SV_NUM)
				y = wrap_mul(y, NS_S);
			*out = scr_kind_val(SV_TIME, op == OP_ADD ?
			    wrap_add(x, y) : wrap_sub(x, y));
			return SCR_OK;
		}
		if (is_addr(ka) && kb == SV_NUM) {
			*out = *a;
			out->u.ip.a += (uint32_t)(op == OP_ADD ? (uint64_t)y :
			    0 - (uint64_t)y);
			return SCR_OK;
		}
		if (ka == SV_NUM && is_addr(kb) && op == OP_ADD) {
			*out = *b;
			out->u.ip.a += (uint32_t)x;
			return SCR_OK;
		}
		if (is_addr(ka) && is_addr(kb) && op == OP_SUB) {
			/* v2.9 lists ip - ip; its type is UNKNOWN: num */
			*out = scr_num((int64_t)a->u.ip.a - (int64_t)b->u.ip.a);
			return SCR_OK;
		}
		if (is_addr6(ka) && kb == SV_NUM) {
			*out = *a;
			ip6_add(out->u.ip6.a, op == OP_ADD ? y :
			    wrap_sub(0, y));
			return SCR_OK;
		}
		if (ka == SV_NUM && is_addr6(kb) && op == OP_ADD) {
			*out = *b;
			ip6_add(out->u.ip6.a, x);
			return SCR_OK;
		}
		if (is_addr6(ka) && is_addr6(kb) && op == OP_SUB) {
			*out = scr_num(ip6_diff(a->u.ip6.a, b->u.ip6.a));
			return SCR_OK;
		}
		return SCR_OK;
	}
	if (op == OP_MUL) {
		if (ka == SV_NUM && kb == SV_NUM)
			*out = scr_num(wrap_mul(x, y));
		else if (ka == SV_TIME && kb == SV_NUM)
			*out = scr_kind_val(SV_TIME, wrap_mul(x, y));
		else if (ka == SV_NUM && kb == SV_TIME)
			*out = scr_kind_val(SV_TIME, wrap_mul(x, y));
		return SCR_OK;
	}
	/* / and %: num by num, time by num (time), time by time */
	if (!((ka == SV_NUM || ka == SV_TIME) && (kb == SV_NUM ||
	    kb == SV_TIME)) || (ka == SV_NUM && kb == SV_TIME))
		return SCR_OK;
	if (y == 0)
		/* the message is UNKNOWN (reference §4.3) */
		return scr_fail(f, n->start, "division by zero");
	if (x == INT64_MIN && y == -1)
		x = op == OP_DIV ? INT64_MIN : 0;	/* wraps, no trap */
	else
		x = op == OP_DIV ? x / y : x % y;
	if (ka == SV_TIME && (kb == SV_NUM || op == OP_MOD))
		*out = scr_kind_val(SV_TIME, x);	/* (1h / 60) */
	else
		*out = scr_num(x);		/* time / time: a ratio */
	return SCR_OK;
}

/* ---- comparison ---- */

static bool
empty_like(const struct scr_val *v)
{
	return v->k == SV_NOTHING || v->k == SV_NIL ||
	    (v->k == SV_STR && v->u.s[0] == '\0') ||
	    (v->k == SV_ARRAY && (v->u.arr == NULL || v->u.arr->n == 0));
}

static bool
text_eq(const struct scr_val *a, const struct scr_val *b)
{
	char *x = scr_val_text(a), *y = scr_val_text(b);
	bool eq = strcmp(x, y) == 0;

	free(x);
	free(y);
	return eq;
}

/*
 * Equality.  Like kinds compare natively (arrays element by element);
 * a number equals a string holding it ((5 = "5") is true); (true = 1) is
 * false; nothing equals nothing and "", never a number ((nothing = 0) is
 * false, §5.3); an empty array equals "" (an empty find result, used by
 * defconf); otherwise a string compares with a value's printed form
 * (property values may arrive typed), and other mixed kinds are unequal.
 */
bool
scr_val_eq(const struct scr_val *a, const struct scr_val *b)
{
	size_t i;
	int64_t n;

	if (a->k == b->k) {
		switch (a->k) {
		case SV_NOTHING:
		case SV_NIL:
			return true;
		case SV_STR:
		case SV_CODE:
			return strcmp(a->u.s, b->u.s) == 0;
		case SV_IP:
		case SV_IPP:
			return a->u.ip.a == b->u.ip.a &&
			    a->u.ip.plen == b->u.ip.plen;
		case SV_IP6:
		case SV_IP6P:
			return memcmp(a->u.ip6.a, b->u.ip6.a, 16) == 0 &&
			    a->u.ip6.plen == b->u.ip6.plen;
		case SV_ARRAY:
			if (a->u.arr->n != b->u.arr->n)
				return false;
			for (i = 0; i < a->u.arr->n; i++) {
				const char *ka = a->u.arr->keys[i];
				const char *kb = b->u.arr->keys[i];

				if ((ka == NULL) != (kb == NULL) ||
				    (ka && strcmp(ka, kb)) ||
				    !scr_val_eq(&a->u.arr->v[i],
				    &b->u.arr->v[i]))
					return false;
			}
			return true;
		default:
			return a->u.n == b->u.n;
		}
	}
	if (a->k == SV_NOTHING || a->k == SV_NIL || b->k == SV_NOTHING ||
	    b->k == SV_NIL)
		return empty_like(a) && empty_like(b);
	if (a->k == SV_NUM && b->k == SV_STR)
		return scr_num_parse(b->u.s, &n) == 0 && n == a->u.n;
	if (a->k == SV_STR && b->k == SV_NUM)
		return scr_num_parse(a->u.s, &n) == 0 && n == b->u.n;
	if ((a->k == SV_ARRAY && empty_like(a) && empty_like(b)) ||
	    (b->k == SV_ARRAY && empty_like(b) && empty_like(a)))
		return true;
	if (a->k == SV_STR || b->k == SV_STR || a->k == SV_ARRAY ||
	    b->k == SV_ARRAY)
		return text_eq(a, b);
	return false;
}

static int
cmp64(int64_t x, int64_t y)
{
	return x < y ? -1 : x > y;
}

/*
 * Order of a and b in *c; false when they cannot be ordered.  Like kinds
 * of num, time, ip, ip6, id, bool; a number and a numeric string; a time
 * and a number (seconds); nil/nothing before any number ((nothing < 0) is
 * true, §5.3).  Two strings cannot be ordered ([TS]: "abc" < "xyz" is an
 * error) unless both hold numbers.
 */
static bool
val_order(const struct scr_val *a, const struct scr_val *b, int *c)
{
	int64_t x, y;

	if (a->k == b->k) {
		switch (a->k) {
		case SV_NUM:
		case SV_TIME:
		case SV_ID:
		case SV_BOOL:
			*c = cmp64(a->u.n, b->u.n);
			return true;
		case SV_IP:
		case SV_IPP:
			*c = a->u.ip.a != b->u.ip.a ? (a->u.ip.a < b->u.ip.a ?
			    -1 : 1) : cmp64(a->u.ip.plen, b->u.ip.plen);
			return true;
		case SV_IP6:
		case SV_IP6P:
			*c = memcmp(a->u.ip6.a, b->u.ip6.a, 16);
			if (*c == 0)
				*c = cmp64(a->u.ip6.plen, b->u.ip6.plen);
			return true;
		case SV_STR:
			if (scr_num_parse(a->u.s, &x) == 0 &&
			    scr_num_parse(b->u.s, &y) == 0) {
				*c = cmp64(x, y);
				return true;
			}
			return false;
		case SV_NOTHING:
		case SV_NIL:
			*c = 0;
			return true;
		default:
			return false;
		}
	}
	if (a->k == SV_NOTHING || a->k == SV_NIL) {
		*c = -1;
		return b->k == SV_NUM || b->k == SV_TIME || b->k == SV_NIL ||
		    b->k == SV_NOTHING;
	}
	if (b->k == SV_NOTHING || b->k == SV_NIL) {
		*c = 1;
		return a->k == SV_NUM || a->k == SV_TIME;
	}
	if (a->k == SV_NUM && b->k == SV_STR &&
	    scr_num_parse(b->u.s, &y) == 0) {
		*c = cmp64(a->u.n, y);
		return true;
	}
	if (a->k == SV_STR && b->k == SV_NUM &&
	    scr_num_parse(a->u.s, &x) == 0) {
		*c = cmp64(x, b->u.n);
		return true;
	}
	if (a->k == SV_TIME && b->k == SV_NUM) {
		*c = cmp64(a->u.n, wrap_mul(b->u.n, NS_S));
		return true;
	}
	if (a->k == SV_NUM && b->k == SV_TIME) {
		*c = cmp64(wrap_mul(a->u.n, NS_S), b->u.n);
		return true;
	}
	return false;
}

/* <0, 0, >0; *ok false when the kinds cannot be ordered (then 0 is "=") */
int
scr_cmp(const struct scr_val *a, const struct scr_val *b, bool *ok)
{
	int c = 0;

	*ok = val_order(a, b, &c);
	if (!*ok)
		return scr_val_eq(a, b) ? 0 : 1;
	return c;
}

/* ---- concatenation and arrays ---- */

/*
 * a . b.  With an array on one side the concatenation applies to each of
 * its elements and the result is an array (§4.5: ("x" . {"a";"b"}) is
 * "xa;xb").  Keyed elements drop out: a keyed array concatenated printed
 * an empty line on a router (forum 169947, §4.5) and "text $keyed" printed
 * nothing (§1.8).
 */
struct scr_val
scr_cat(const struct scr_val *a, const struct scr_val *b)
{
	struct scr_val r;
	struct strbuf sb = STRBUF_INIT;
	size_t i, nl;

	if (a->k == SV_ARRAY || b->k == SV_ARRAY) {
		const struct scr_val *arr = a->k == SV_ARRAY ? a : b;

		r = scr_array_new();
		nl = arr->u.arr ? scr_arr_nlist(arr->u.arr) : 0;
		for (i = 0; i < nl; i++) {
			struct scr_val e = arr == a ?
			    scr_cat(&arr->u.arr->v[i], b) :
			    scr_cat(a, &arr->u.arr->v[i]);

			scr_arr_push(r.u.arr, NULL, e);
		}
		return r;
	}
	scr_val_print(a, &sb);
	scr_val_print(b, &sb);
	memset(&r, 0, sizeof(r));
	r.k = SV_STR;
	r.u.s = sb_steal(&sb);
	return r;
}

/*
 * a , b: an array of a's elements then b's; a scalar is one element.
 * nil and nothing add nothing (UNKNOWN; lets ($list, $x) start from an
 * unset variable).  Keys of b override keys of a.
 */
static struct scr_val
comma(const struct scr_val *a, const struct scr_val *b)
{
	struct scr_val r = scr_array_new();
	const struct scr_val *s;
	size_t i, k;

	for (i = 0; i < 2; i++) {
		s = i ? b : a;
		if (s->k == SV_NOTHING || s->k == SV_NIL)
			continue;
		if (s->k != SV_ARRAY) {
			scr_arr_push(r.u.arr, NULL, scr_val_copy(s));
			continue;
		}
		for (k = 0; s->u.arr && k < s->u.arr->n; k++)
			scr_arr_push(r.u.arr, s->u.arr->keys[k],
			    scr_val_copy(&s->u.arr->v[k]));
	}
	return r;
}

/*
 * ($a->key): a number indexes the unkeyed elements, anything else (or a
 * number past them) is a key.  A missing element, or a non-array, gives
 * nothing (§3.1).  Returns a borrowed pointer or NULL.
 */
static struct scr_val *
element(struct scr_val *a, const struct scr_val *key)
{
	struct scr_val *e;
	char *k;

	if (a->k != SV_ARRAY || a->u.arr == NULL)
		return NULL;
	if (key->k == SV_NUM && key->u.n >= 0 &&
	    (uint64_t)key->u.n < scr_arr_nlist(a->u.arr))
		return &a->u.arr->v[key->u.n];
	k = scr_val_text(key);
	e = scr_arr_get(a->u.arr, k);
	free(k);
	return e;
}

static enum scr_status
arrow_key(struct scr_frame *f, const struct ast *kn, struct scr_val *k)
{
	/* ($a->name): a bare word is the key itself, not a variable */
	if (kn->kind == A_IDENT) {
		*k = scr_str(kn->s);
		return SCR_OK;
	}
	return eval_expr(f, kn, k);
}

/*
 * The element that ($base->k1->k2 ...) names, for :set: missing keys are
 * created (as nothing) and a non-array on the way becomes an empty array
 * ("assigning into an empty array creates the key", §3.3).  *slot is NULL
 * when the base variable does not exist.  All keys are evaluated before
 * any pointer is taken, so a key expression cannot move the slot.
 */
enum scr_status
scr_arrow_slot(struct scr_frame *f, const struct ast *n, struct scr_val **slot)
{
	struct scr_val key, *base;
	enum scr_status st;

	*slot = NULL;
	while (n && n->kind == A_PAREN)
		n = n->a;
	if (n == NULL)
		return SCR_OK;
	if (n->kind == A_VAR || n->kind == A_IDENT) {
		base = var_find(f, n->s);
		if (base == NULL && f->args)
			base = scr_arr_get(f->args, n->s);
		*slot = base;
		return SCR_OK;
	}
	if (n->kind != A_BIN || n->op != OP_ARROW)
		return SCR_OK;
	if ((st = arrow_key(f, n->b, &key)) != SCR_OK)
		return st;
	if ((st = scr_arrow_slot(f, n->a, &base)) != SCR_OK || base == NULL) {
		scr_val_free(&key);
		return st;
	}
	if (base->k != SV_ARRAY) {
		scr_val_free(base);
		*base = scr_array_new();
	}
	if (key.k == SV_NUM && key.u.n >= 0 &&
	    (uint64_t)key.u.n < scr_arr_nlist(base->u.arr))
		*slot = &base->u.arr->v[key.u.n];
	else {
		/* past the end of the list: a key (UNKNOWN on a router) */
		char *k = scr_val_text(&key);

		*slot = scr_arr_slot(base->u.arr, k);
		free(k);
	}
	scr_val_free(&key);
	return SCR_OK;
}

/* ---- in, regex, bits ---- */

static bool
in_prefix(const struct scr_val *a, const struct scr_val *p)
{
	unsigned pl, i;

	if (is_addr(a->k) && is_addr(p->k)) {
		uint32_t m;

		pl = p->u.ip.plen;
		if (a->k == SV_IPP && a->u.ip.plen < pl)
			return false;
		m = pl ? 0xffffffffu << (32 - pl) : 0;
		return (a->u.ip.a & m) == (p->u.ip.a & m);
	}
	if (is_addr6(a->k) && is_addr6(p->k)) {
		pl = p->u.ip6.plen;
		if (a->k == SV_IP6P && a->u.ip6.plen < pl)
			return false;
		for (i = 0; i < 16 && pl; i++) {
			unsigned bits = pl >= 8 ? 8 : pl;
			uint8_t m = (uint8_t)(0xff << (8 - bits));

			if ((a->u.ip6.a[i] & m) != (p->u.ip6.a[i] & m))
				return false;
			pl -= bits;
		}
		return true;
	}
	return false;
}

static bool
op_in(const struct scr_val *a, const struct scr_val *b)
{
	struct scr_val x, y;
	bool r;
	size_t i;

	/* 7.24: x in an array is membership (2nd [VER]) */
	if (b->k == SV_ARRAY) {
		for (i = 0; b->u.arr && i < b->u.arr->n; i++)
			if (scr_val_eq(a, &b->u.arr->v[i]))
				return true;
		return false;
	}
	x = operand(a);
	y = operand(b);
	r = in_prefix(&x, &y);
	scr_val_free(&x);
	scr_val_free(&y);
	return r;
}

/* the last pattern stays compiled: loops match one pattern many times */
static struct {
	char	*pat;
	regex_t	 re;
	bool	 ok;
} re_cache;

bool
scr_regex_match(const char *s, const char *pat)
{
	if (re_cache.pat == NULL || strcmp(re_cache.pat, pat) != 0) {
		if (re_cache.pat) {
			if (re_cache.ok)
				regfree(&re_cache.re);
			free(re_cache.pat);
		}
		re_cache.pat = xstrdup(pat);
		re_cache.ok = regcomp(&re_cache.re, pat,
		    REG_EXTENDED | REG_NOSUB) == 0;
	}
	/* a pattern that does not compile matches nothing (UNKNOWN) */
	return re_cache.ok && regexec(&re_cache.re, s, 0, NULL, 0) == 0;
}

/* & | ^ << >> on num, ip (a prefix acts as its address) and ip6 */
static struct scr_val
bits(int op, const struct scr_val *a, const struct scr_val *b)
{
	struct scr_val r = nil();
	int64_t x = a->u.n, y = b->u.n;
	int i;

	if (op == OP_SHL || op == OP_SHR) {
		if (b->k != SV_NUM || (a->k != SV_NUM && !is_addr(a->k)))
			return r;	/* not on ip6 (§4.1) */
		if (is_addr(a->k)) {
			uint32_t v = a->u.ip.a;

			v = y < 0 || y >= 32 ? 0 : op == OP_SHL ? v << y :
			    v >> y;
			r = *a;
			r.k = SV_IP;
			r.u.ip.a = v;
			r.u.ip.plen = 32;
			return r;
		}
		if (y < 0 || y >= 64)
			x = op == OP_SHR && x < 0 ? -1 : 0;
		else
			x = op == OP_SHL ? (int64_t)((uint64_t)x << y) :
			    x >> y;
		return scr_num(x);
	}
	if (a->k == SV_NUM && b->k == SV_NUM)
		return scr_num(op == OP_BAND ? x & y : op == OP_BOR ? x | y :
		    x ^ y);
	if ((is_addr(a->k) || a->k == SV_NUM) && (is_addr(b->k) ||
	    b->k == SV_NUM) && (is_addr(a->k) || is_addr(b->k))) {
		uint32_t p = is_addr(a->k) ? a->u.ip.a : (uint32_t)x;
		uint32_t q = is_addr(b->k) ? b->u.ip.a : (uint32_t)y;

		r.k = SV_IP;
		r.u.ip.a = op == OP_BAND ? p & q : op == OP_BOR ? p | q : p ^ q;
		r.u.ip.plen = 32;
		return r;
	}
	if (is_addr6(a->k) && is_addr6(b->k)) {
		r = *a;
		r.k = SV_IP6;
		r.u.ip6.plen = 128;
		for (i = 0; i < 16; i++)
			r.u.ip6.a[i] = (uint8_t)(op == OP_BAND ?
			    a->u.ip6.a[i] & b->u.ip6.a[i] : op == OP_BOR ?
			    a->u.ip6.a[i] | b->u.ip6.a[i] :
			    a->u.ip6.a[i] ^ b->u.ip6.a[i]);
		return r;
	}
	return r;
}

static struct scr_val
unary(int op, const struct scr_val *v)
{
	struct scr_val a = operand(v), r = nil();
	int i;

	switch (op) {
	case OP_NEG:
		if (a.k == SV_NUM || a.k == SV_TIME)
			r = scr_kind_val(a.k, wrap_sub(0, a.u.n));
		break;
	case OP_BNOT:
		if (a.k == SV_NUM)
			r = scr_num(~a.u.n);
		else if (is_addr(a.k)) {
			r = a;
			r.k = SV_IP;
			r.u.ip.a = ~a.u.ip.a;	/* (~0.0.0.0) */
			r.u.ip.plen = 32;
		} else if (is_addr6(a.k)) {
			r = a;
			r.k = SV_IP6;
			r.u.ip6.plen = 128;
			for (i = 0; i < 16; i++)
				r.u.ip6.a[i] = (uint8_t)~a.u.ip6.a[i];
		}
		break;
	}
	scr_val_free(&a);
	return r;
}

/* ---- strings ---- */

/*
 * "text $v $(expr) $[cmd]": the parts concatenated with "." semantics, so
 * an array inside spreads (§1.8: "strarr=$strarr" with {"abc";"def"} is
 * the array "strarr=abc;strarr=def").  A string that is one interpolation
 * only is that value.
 */
enum scr_status
scr_eval_str(struct scr_frame *f, const struct ast *n, struct scr_val *out)
{
	struct strbuf sb = STRBUF_INIT;
	struct scr_val acc, v, t;
	const struct ast *k;
	enum scr_status st;
	bool spread = false;

	if (n->n_kids == 1 && n->kids->kind != A_LIT)
		return eval_node(f, n->kids, out);
	memset(&acc, 0, sizeof(acc));
	for (k = n->kids; k; k = k->next) {
		if (k->kind == A_LIT) {
			if (!spread) {
				sb_add(&sb, k->s);
				continue;
			}
			v = scr_str(k->s);
		} else if ((st = eval_node(f, k, &v)) != SCR_OK) {
			sb_fini(&sb);
			scr_val_free(&acc);
			return st;
		}
		if (!spread && v.k != SV_ARRAY) {
			scr_val_print(&v, &sb);
			scr_val_free(&v);
			continue;
		}
		if (!spread) {
			spread = true;
			acc = scr_str(sb_str(&sb));
		}
		t = scr_cat(&acc, &v);
		scr_val_free(&acc);
		scr_val_free(&v);
		acc = t;
	}
	if (spread) {
		sb_fini(&sb);
		*out = acc;
		return SCR_OK;
	}
	memset(out, 0, sizeof(*out));
	out->k = SV_STR;
	out->u.s = sb_steal(&sb);
	return SCR_OK;
}

/* ---- the evaluator ---- */

static enum scr_status
binary(struct scr_frame *f, const struct ast *n, struct scr_val *a,
    struct scr_val *b, struct scr_val *out)
{
	struct scr_val x, y;
	enum scr_status st = SCR_OK;
	int c;
	char *s, *p;

	switch (n->op) {
	case OP_ADD:
	case OP_SUB:
	case OP_MUL:
	case OP_DIV:
	case OP_MOD:
		x = operand(a);
		y = operand(b);
		st = arith(f, n, n->op, &x, &y, out);
		scr_val_free(&x);
		scr_val_free(&y);
		return st;
	case OP_CAT:
		*out = scr_cat(a, b);
		return SCR_OK;
	case OP_COMMA:
		*out = comma(a, b);
		return SCR_OK;
	case OP_EQ:
	case OP_NE:
		c = scr_val_eq(a, b);
		*out = scr_kind_val(SV_BOOL, n->op == OP_EQ ? c : !c);
		return SCR_OK;
	case OP_LT:
	case OP_GT:
	case OP_LE:
	case OP_GE:
		if (!val_order(a, b, &c))
			/* [TS]: only = and != compare strings; text UNKNOWN */
			return scr_fail(f, n->start,
			    "cannot compare %s with %s", scr_type_name(a),
			    scr_type_name(b));
		*out = scr_kind_val(SV_BOOL, n->op == OP_LT ? c < 0 :
		    n->op == OP_GT ? c > 0 : n->op == OP_LE ? c <= 0 : c >= 0);
		return SCR_OK;
	case OP_IN:
		*out = scr_kind_val(SV_BOOL, op_in(a, b));
		return SCR_OK;
	case OP_REGEX:
		s = scr_val_text(a);
		p = scr_val_text(b);
		*out = scr_kind_val(SV_BOOL, scr_regex_match(s, p));
		free(s);
		free(p);
		return SCR_OK;
	case OP_BAND:
	case OP_BOR:
	case OP_BXOR:
	case OP_SHL:
	case OP_SHR:
		x = operand(a);
		y = operand(b);
		*out = bits(n->op, &x, &y);
		scr_val_free(&x);
		scr_val_free(&y);
		return SCR_OK;
	case OP_ARROW: {
		struct scr_val *e = element(a, b);

		if (e)
			*out = scr_val_copy(e);
		return SCR_OK;
	}
	default:
		return scr_fail(f, n->start, "syntax error");
	}
}

enum scr_status
eval_expr(struct scr_frame *f, const struct ast *n, struct scr_val *out)
{
	struct scr_val a, b;
	enum scr_status st;
	bool t;

	out->k = SV_NOTHING;
	if (n->kind != A_BIN && n->kind != A_UN)
		return eval_node(f, n, out);
	if (n->kind == A_UN) {
		if (n->op == OP_QUOTE) {
			*out = code_of(f, n->a);
			return SCR_OK;
		}
		if ((st = eval_expr(f, n->a, &a)) != SCR_OK)
			return st;
		if (n->op == OP_NOT)
			*out = scr_kind_val(SV_BOOL, !scr_truthy(&a));
		else
			*out = unary(n->op, &a);
		scr_val_free(&a);
		return SCR_OK;
	}
	/* && || (and or) short-circuit */
	if (n->op == OP_AND || n->op == OP_OR) {
		if ((st = eval_expr(f, n->a, &a)) != SCR_OK)
			return st;
		t = scr_truthy(&a);
		scr_val_free(&a);
		if (t == (n->op == OP_OR)) {
			*out = scr_kind_val(SV_BOOL, t);
			return SCR_OK;
		}
		if ((st = eval_expr(f, n->b, &b)) != SCR_OK)
			return st;
		*out = scr_kind_val(SV_BOOL, scr_truthy(&b));
		scr_val_free(&b);
		return SCR_OK;
	}
	if ((st = eval_expr(f, n->a, &a)) != SCR_OK)
		return st;
	if (n->op == OP_ARROW)
		st = arrow_key(f, n->b, &b);
	else
		st = eval_expr(f, n->b, &b);
	if (st != SCR_OK) {
		scr_val_free(&a);
		return st;
	}
	st = binary(f, n, &a, &b, out);
	scr_val_free(&a);
	scr_val_free(&b);
	return st;
}

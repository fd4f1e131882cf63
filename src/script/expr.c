/*
 * DOC: expr - expression operators (reference/routeros-scripting.md §4).
 *
 * Arithmetic on num, time and ip; "." concatenates (spreading over
 * arrays); "," joins arrays; comparisons compare like kinds natively and
 * anything else by printed form; "~" is a POSIX extended regex; "in"
 * tests an address or prefix against a prefix; "->" indexes arrays.
 * nil/nothing act as 0 in arithmetic and "" in concatenation.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

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
		return strcmp(v->u.s, "true") == 0 || strcmp(v->u.s, "yes") == 0;
	case SV_ARRAY:
		return v->u.arr && v->u.arr->n > 0;
	default:
		return true;
	}
}

static int
num_like(const struct scr_val *v, int64_t *n)
{
	switch (v->k) {
	case SV_NUM:
	case SV_TIME:
	case SV_BOOL:
	case SV_ID:
		*n = v->u.n;
		return 1;
	case SV_IP:
		*n = v->u.ip.a;
		return 1;
	case SV_NOTHING:
	case SV_NIL:
		*n = 0;
		return 1;
	case SV_STR: {
		char *e;

		if (v->u.s[0] == '\0')
			return 0;
		*n = strtoll(v->u.s, &e, 10);
		return *e == '\0';
	}
	default:
		return 0;
	}
}

/* <0, 0, >0; *ok false when the kinds cannot be ordered */
int
scr_cmp(const struct scr_val *a, const struct scr_val *b, bool *ok)
{
	int64_t x, y;

	*ok = true;
	if (a->k == b->k && (a->k == SV_NUM || a->k == SV_TIME ||
	    a->k == SV_BOOL || a->k == SV_ID))
		return a->u.n < b->u.n ? -1 : a->u.n > b->u.n;
	if (a->k == b->k && (a->k == SV_IP || a->k == SV_IPP)) {
		if (a->u.ip.a != b->u.ip.a)
			return a->u.ip.a < b->u.ip.a ? -1 : 1;
		return (int)a->u.ip.plen - (int)b->u.ip.plen;
	}
	if ((a->k == SV_NOTHING || a->k == SV_NIL) && b->k == SV_NUM)
		return -1;	/* ROS: [:nothing] < 0, not = 0, not > 0 */
	if ((a->k == SV_NUM && b->k == SV_STR) ||
	    (a->k == SV_STR && b->k == SV_NUM)) {
		if (num_like(a, &x) && num_like(b, &y))
			return x < y ? -1 : x > y;
	}
	{
		struct strbuf sa = STRBUF_INIT, sb = STRBUF_INIT;
		int r;

		scr_val_print(a, &sa);
		scr_val_print(b, &sb);
		r = strcmp(sb_str(&sa), sb_str(&sb));
		sb_fini(&sa);
		sb_fini(&sb);
		if (a->k != b->k && !(a->k == SV_STR || b->k == SV_STR))
			*ok = false;
		if (a->k == SV_ARRAY && b->k == SV_STR)
			*ok = true;
		return r;
	}
}

static struct scr_val
cat(const struct scr_val *a, const struct scr_val *b)
{
	struct scr_val r;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	/* ROS: "." applied to an array applies to every element */
	if (a->k == SV_ARRAY || b->k == SV_ARRAY) {
		const struct scr_val *arr = a->k == SV_ARRAY ? a : b;

		r.k = SV_ARRAY;
		r.u.arr = scr_arr_new();
		for (i = 0; arr->u.arr && i < arr->u.arr->n; i++) {
			struct scr_val e = arr == a ?
			    cat(&arr->u.arr->v[i], b) : cat(a, &arr->u.arr->v[i]);

			scr_arr_push(r.u.arr, arr->u.arr->keys[i], e);
		}
		return r;
	}
	scr_val_print(a, &sb);
	scr_val_print(b, &sb);
	r.k = SV_STR;
	r.u.s = sb_steal(&sb);
	return r;
}

static struct scr_val
arrow(struct scr_val *a, const struct scr_val *key)
{
	struct scr_val r;
	struct strbuf sb = STRBUF_INIT;
	struct scr_val *e;

	r.k = SV_NOTHING;
	if (a->k != SV_ARRAY || a->u.arr == NULL)
		return r;
	if (key->k == SV_NUM) {
		if (key->u.n >= 0 && (size_t)key->u.n < a->u.arr->n)
			return scr_val_copy(&a->u.arr->v[key->u.n]);
		return r;
	}
	scr_val_print(key, &sb);
	e = scr_arr_get(a->u.arr, sb_str(&sb));
	sb_fini(&sb);
	return e ? scr_val_copy(e) : r;
}

static bool
in_prefix(const struct scr_val *a, const struct scr_val *p)
{
	uint32_t m;
	uint8_t pl;

	if (p->k != SV_IPP && p->k != SV_IP)
		return false;
	if (a->k != SV_IP && a->k != SV_IPP)
		return false;
	pl = p->u.ip.plen;
	if (a->k == SV_IPP && a->u.ip.plen < pl)
		return false;
	m = pl ? 0xffffffffu << (32 - pl) : 0;
	return (a->u.ip.a & m) == (p->u.ip.a & m);
}

enum scr_status
eval_expr(struct scr_frame *f, const struct ast *n, struct scr_val *out)
{
	struct scr_val a, b;
	enum scr_status st;
	int64_t x, y;
	bool ok;

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
		switch (n->op) {
		case OP_NOT:
			out->k = SV_BOOL;
			out->u.n = !scr_truthy(&a);
			break;
		case OP_NEG:
			if (a.k == SV_TIME) {
				*out = a;
				out->u.n = -a.u.n;
				return SCR_OK;
			}
			num_like(&a, &x);
			*out = scr_num(-x);
			break;
		case OP_BNOT:
			if (a.k == SV_IP) {
				*out = a;
				out->u.ip.a = ~a.u.ip.a;
				return SCR_OK;
			}
			num_like(&a, &x);
			*out = scr_num(~x);
			break;
		}
		scr_val_free(&a);
		return SCR_OK;
	}
	/* short-circuit logic */
	if (n->op == OP_AND || n->op == OP_OR) {
		if ((st = eval_expr(f, n->a, &a)) != SCR_OK)
			return st;
		ok = scr_truthy(&a);
		scr_val_free(&a);
		out->k = SV_BOOL;
		if ((n->op == OP_AND && !ok) || (n->op == OP_OR && ok)) {
			out->u.n = ok;
			return SCR_OK;
		}
		if ((st = eval_expr(f, n->b, &b)) != SCR_OK)
			return st;
		out->k = SV_BOOL;
		out->u.n = scr_truthy(&b);
		scr_val_free(&b);
		return SCR_OK;
	}
	if ((st = eval_expr(f, n->a, &a)) != SCR_OK)
		return st;
	if (n->op == OP_ARROW && n->b->kind == A_IDENT)
		b = scr_str(n->b->s);
	else if ((st = eval_expr(f, n->b, &b)) != SCR_OK) {
		scr_val_free(&a);
		return st;
	}
	st = SCR_OK;
	switch (n->op) {
	case OP_ADD:
	case OP_SUB:
		if (a.k == SV_IP && b.k == SV_NUM) {
			*out = a;
			out->u.ip.a += (uint32_t)(n->op == OP_ADD ? b.u.n : -b.u.n);
			a.k = SV_NOTHING;
			break;
		}
		if (a.k == SV_IP && b.k == SV_IP && n->op == OP_SUB) {
			*out = scr_num((int64_t)a.u.ip.a - (int64_t)b.u.ip.a);
			break;
		}
		if (!num_like(&a, &x) || !num_like(&b, &y)) {
			st = scr_fail(f, n->start, "syntax error");
			break;
		}
		*out = scr_num(n->op == OP_ADD ? (int64_t)((uint64_t)x +
		    (uint64_t)y) : (int64_t)((uint64_t)x - (uint64_t)y));
		if (a.k == SV_TIME || b.k == SV_TIME)
			out->k = SV_TIME;
		break;
	case OP_MUL:
	case OP_DIV:
	case OP_MOD:
		if (!num_like(&a, &x) || !num_like(&b, &y)) {
			st = scr_fail(f, n->start, "syntax error");
			break;
		}
		if (n->op != OP_MUL && y == 0) {
			st = scr_fail(f, n->start, "division by zero");
			break;
		}
		*out = scr_num(n->op == OP_MUL ? (int64_t)((uint64_t)x *
		    (uint64_t)y) : n->op == OP_DIV ? x / y : x % y);
		if (a.k == SV_TIME)
			out->k = SV_TIME;
		break;
	case OP_CAT:
		*out = cat(&a, &b);
		break;
	case OP_COMMA: {
		struct scr_val r;
		size_t i;

		r.k = SV_ARRAY;
		r.u.arr = scr_arr_new();
		for (i = 0; i < 2; i++) {
			struct scr_val *s = i ? &b : &a;
			size_t k;

			if (s->k == SV_ARRAY) {
				for (k = 0; s->u.arr && k < s->u.arr->n; k++)
					scr_arr_push(r.u.arr, s->u.arr->keys[k],
					    scr_val_copy(&s->u.arr->v[k]));
			} else
				scr_arr_push(r.u.arr, NULL, scr_val_copy(s));
		}
		*out = r;
		break;
	}
	case OP_EQ:
	case OP_NE: {
		int c = scr_cmp(&a, &b, &ok);
		bool eq = c == 0;

		/* ROS: an empty find result equals "" */
		if (a.k == SV_ARRAY && a.u.arr->n == 0 && b.k == SV_STR &&
		    b.u.s[0] == '\0')
			eq = true;
		if ((a.k == SV_NOTHING || a.k == SV_NIL) && b.k == SV_NUM)
			eq = false;
		out->k = SV_BOOL;
		out->u.n = n->op == OP_EQ ? eq : !eq;
		break;
	}
	case OP_LT:
	case OP_GT:
	case OP_LE:
	case OP_GE: {
		int c = scr_cmp(&a, &b, &ok);

		out->k = SV_BOOL;
		out->u.n = n->op == OP_LT ? c < 0 : n->op == OP_GT ? c > 0 :
		    n->op == OP_LE ? c <= 0 : c >= 0;
		break;
	}
	case OP_IN:
		out->k = SV_BOOL;
		out->u.n = in_prefix(&a, &b);
		break;
	case OP_REGEX: {
		struct strbuf sa = STRBUF_INIT, sr = STRBUF_INIT;
		regex_t re;

		scr_val_print(&a, &sa);
		scr_val_print(&b, &sr);
		out->k = SV_BOOL;
		if (regcomp(&re, sb_str(&sr), REG_EXTENDED | REG_NOSUB) == 0) {
			out->u.n = regexec(&re, sb_str(&sa), 0, NULL, 0) == 0;
			regfree(&re);
		} else
			out->u.n = 0;
		sb_fini(&sa);
		sb_fini(&sr);
		break;
	}
	case OP_BAND:
	case OP_BOR:
	case OP_BXOR:
	case OP_SHL:
	case OP_SHR:
		num_like(&a, &x);
		num_like(&b, &y);
		switch (n->op) {
		case OP_BAND: x &= y; break;
		case OP_BOR: x |= y; break;
		case OP_BXOR: x ^= y; break;
		case OP_SHL: x = (y >= 0 && y < 64) ? (int64_t)((uint64_t)x << y) : 0; break;
		default: x = (y >= 0 && y < 64) ? x >> y : 0; break;
		}
		if (a.k == SV_IP) {
			out->k = SV_IP;
			out->u.ip.a = (uint32_t)x;
			out->u.ip.plen = 32;
		} else
			*out = scr_num(x);
		break;
	case OP_ARROW:
		*out = arrow(&a, &b);
		break;
	default:
		st = scr_fail(f, n->start, "syntax error");
	}
	scr_val_free(&a);
	scr_val_free(&b);
	return st;
}

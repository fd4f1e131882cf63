/*
 * DOC: data - the data and conversion ":" commands (reference/
 * routeros-scripting.md §3.4, §5.3): :typeof :len :pick :find :range
 * :nothing, :tostr :tonum :tobool :toip :toip6 :toid :totime :tonsec
 * :toarray :tolf :tocrlf, :rndnum :rndstr; :convert, :serialize and
 * :deserialize live in codec.c.
 *
 * Each command takes its arguments by their real names (Appendix B and
 * the 7.22 command tree: ":pick counter begin end", ":find in key from")
 * or positionally in that order.  A conversion that fails gives nil, as a
 * router does (§3.4); nothing here raises an error except :range asked for
 * too many elements.  builtins.c dispatches here (data_builtin_run()).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

#define DMAX	8
#define NS_S	1000000000LL
/* :range refuses more elements than this (a router has some limit too) */
#define RANGE_MAX	1000000

struct dargs {
	const struct ast *pos[DMAX];
	int	 n_pos;
	const struct ast *named[DMAX];
	int	 n_named;
};

static void
dcollect(const struct ast *it, struct dargs *d)
{
	memset(d, 0, sizeof(*d));
	for (; it; it = it->next) {
		if (it->kind == A_ARG && it->b == NULL) {
			if (d->n_named < DMAX)
				d->named[d->n_named++] = it;
		} else if (d->n_pos < DMAX)
			d->pos[d->n_pos++] = it;
	}
}

static const struct ast *
dnamed(const struct dargs *d, const char *name)
{
	int i;

	for (i = 0; i < d->n_named; i++)
		if (strcmp(d->named[i]->s, name) == 0)
			return d->named[i];
	return NULL;
}

/* whether the argument is given at all */
static bool
dhas(const struct dargs *d, const char *name, int pos)
{
	return dnamed(d, name) != NULL || (pos >= 0 && pos < d->n_pos);
}

/* named argument, else the pos-th positional one; nothing if absent */
static enum scr_status
dval(struct scr_frame *f, const struct dargs *d, const char *name, int pos,
    struct scr_val *out)
{
	const struct ast *a = dnamed(d, name);

	memset(out, 0, sizeof(*out));
	out->k = SV_NOTHING;
	if (a) {
		if (a->a == NULL) {
			*out = scr_str("");
			return SCR_OK;
		}
		return eval_node(f, a->a, out);
	}
	if (pos >= 0 && pos < d->n_pos)
		return eval_node(f, d->pos[pos], out);
	return SCR_OK;
}

/* the AST of an argument (for :serialize value=a,b,c) */
static const struct ast *
dnode(const struct dargs *d, const char *name, int pos)
{
	const struct ast *a = dnamed(d, name);

	if (a)
		return a->a;
	return pos >= 0 && pos < d->n_pos ? d->pos[pos] : NULL;
}

static struct scr_val
nil(void)
{
	return scr_kind_val(SV_NIL, 0);
}

/* a value used as a count or position: num, or a string holding one */
static bool
as_int(const struct scr_val *v, int64_t *n)
{
	if (v->k == SV_NUM) {
		*n = v->u.n;
		return true;
	}
	if (v->k == SV_STR)
		return scr_num_parse(v->u.s, n) == 0;
	return false;
}

/* ---- conversions (§3.4) ---- */

/*
 * :tonum - integers in decimal (optional sign) or 0x hex; a time gives
 * its whole seconds; everything else is nil: "23.8", "cow&chicken",
 * " 100 ", "", true ([MM-Scr], [TS]).  An address is nil too (UNKNOWN).
 */
static struct scr_val
to_num(const struct scr_val *v)
{
	int64_t n;

	switch (v->k) {
	case SV_NUM:
		return *v;
	case SV_TIME:
		return scr_num(v->u.n / NS_S);
	case SV_STR:
		if (scr_num_parse(v->u.s, &n) == 0)
			return scr_num(n);
		return nil();
	default:
		return nil();
	}
}

/*
 * :tobool - numbers: 0 false, others true (forum 130860); strings
 * true/false/yes/no (7.22: "implemented string casting in :tobool");
 * anything else nil.
 */
static struct scr_val
to_bool(const struct scr_val *v)
{
	switch (v->k) {
	case SV_BOOL:
		return *v;
	case SV_NUM:
		return scr_kind_val(SV_BOOL, v->u.n != 0);
	case SV_STR:
		if (!strcmp(v->u.s, "true") || !strcmp(v->u.s, "yes"))
			return scr_kind_val(SV_BOOL, 1);
		if (!strcmp(v->u.s, "false") || !strcmp(v->u.s, "no"))
			return scr_kind_val(SV_BOOL, 0);
		return nil();
	default:
		return nil();
	}
}

/* :toip - an address; a prefix gives its address ([TS]); "10.1" too */
static struct scr_val
to_ip(const struct scr_val *v)
{
	struct scr_val r = nil();
	uint32_t a;

	if (v->k == SV_IP || v->k == SV_IPP) {
		r = *v;
		r.k = SV_IP;
		r.u.ip.plen = 32;
		return r;
	}
	if (v->k == SV_STR) {
		char buf[24];
		const char *sl = strchr(v->u.s, '/');
		size_t l = sl ? (size_t)(sl - v->u.s) : strlen(v->u.s);
		struct scr_val p;

		if (sl) {
			/* a prefix in text: its address, if it is one */
			p = scr_val_from_text(v->u.s, true);
			if (p.k != SV_IPP) {
				scr_val_free(&p);
				return r;
			}
		}
		if (l >= sizeof(buf))
			return r;
		memcpy(buf, v->u.s, l);
		buf[l] = '\0';
		if (scr_ip4_parse_short(buf, &a) == 0) {
			r.k = SV_IP;
			r.u.ip.a = a;
			r.u.ip.plen = 32;
		}
	}
	return r;
}

static struct scr_val
to_ip6(const struct scr_val *v)
{
	struct scr_val r = nil(), p;

	if (v->k == SV_IP6 || v->k == SV_IP6P) {
		r = *v;
		r.k = SV_IP6;
		r.u.ip6.plen = 128;
		return r;
	}
	if (v->k == SV_STR && strchr(v->u.s, ':')) {
		p = scr_val_from_text(v->u.s, true);
		if (p.k == SV_IP6 || p.k == SV_IP6P) {
			r = p;
			r.k = SV_IP6;
			r.u.ip6.plen = 128;
		} else
			scr_val_free(&p);
	}
	return r;
}

/* :toid - "*1A" (or an id) */
static struct scr_val
to_id(const struct scr_val *v)
{
	struct scr_val p;

	if (v->k == SV_ID)
		return *v;
	if (v->k == SV_STR && v->u.s[0] == '*') {
		p = scr_val_from_text(v->u.s, true);
		if (p.k == SV_ID)
			return p;
		scr_val_free(&p);
	}
	return nil();
}

/*
 * :totime - "1h30m" is 01:30:00, "1w2d3h4m5s" 1w2d03:04:05 ([TS][DT]); a
 * number, or a string holding one, is seconds (as :delay 1); garbage nil.
 */
static struct scr_val
to_time(const struct scr_val *v)
{
	int64_t ns;

	switch (v->k) {
	case SV_TIME:
		return *v;
	case SV_NUM:
		return scr_kind_val(SV_TIME, (int64_t)((uint64_t)v->u.n *
		    (uint64_t)NS_S));
	case SV_STR:
		if (scr_time_parse(v->u.s, &ns, true) == 0)
			return scr_kind_val(SV_TIME, ns);
		return nil();
	default:
		return nil();
	}
}

/* :tonsec - a time in nanoseconds (:tonsec value=10:00 = 36000000000000) */
static struct scr_val
to_nsec(const struct scr_val *v)
{
	struct scr_val t = to_time(v);

	if (t.k != SV_TIME)
		return nil();
	return scr_num(t.u.n);
}

/*
 * :toarray - an array is itself; a string splits at "," (or delimiter=,
 * 7.21) into elements read as console values ("1,2,3" gives numbers);
 * "" and nil give an empty array; any other value one element.
 */
static struct scr_val
to_array(const struct scr_val *v, const char *delim)
{
	struct scr_val r;

	if (v->k == SV_ARRAY)
		return scr_val_copy(v);
	r = scr_array_new();
	if (v->k == SV_NOTHING || v->k == SV_NIL)
		return r;
	if (v->k != SV_STR) {
		scr_arr_push(r.u.arr, NULL, scr_val_copy(v));
		return r;
	}
	if (v->u.s[0] != '\0')
		scr_arr_split(r.u.arr, v->u.s, delim ? delim : ",", false);
	return r;
}

/* :tocrlf / :tolf (7.14): line endings of a string */
static struct scr_val
line_ends(const struct scr_val *v, bool crlf)
{
	struct strbuf sb = STRBUF_INIT;
	char *s = scr_val_text(v), *p;
	struct scr_val r;

	for (p = s; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;	/* the \n writes the line end */
		if (*p == '\n' || *p == '\r') {
			sb_add(&sb, crlf ? "\r\n" : "\n");
			continue;
		}
		sb_addc(&sb, *p);
	}
	free(s);
	memset(&r, 0, sizeof(r));
	r.k = SV_STR;
	r.u.s = sb_steal(&sb);
	return r;
}

/* ---- :len :pick :find :range ---- */

/*
 * :len - bytes of a string, elements of an array, bytes of any other
 * value's printed form ([:len $vlanid] on a num, §5.1); nil/nothing 0.
 */
static struct scr_val
len_of(const struct scr_val *v)
{
	char *s;
	size_t l;

	if (v->k == SV_ARRAY)
		return scr_num(v->u.arr ? (int64_t)v->u.arr->n : 0);
	if (v->k == SV_CODE && v->is_fn)
		return scr_num(2);	/* v7 functions (§3.2) */
	if (v->k == SV_STR)
		return scr_num((int64_t)strlen(v->u.s));
	s = scr_val_text(v);
	l = strlen(s);
	free(s);
	return scr_num((int64_t)l);
}

/*
 * :pick counter begin [end] - 0-based, end exclusive ("abcde" 1 3 is bc).
 * Without end a string gives one character and an array one element; with
 * end an array gives a slice (keys kept).  Out-of-range positions are
 * clipped; a nil end (a failed :find) gives an empty result (2nd [VER]).
 * Any other value is picked from its printed form (§5.3: an ip-prefix).
 */
static struct scr_val
pick(const struct scr_val *v, const struct scr_val *bv,
    const struct scr_val *ev, bool has_end)
{
	int64_t b = 0, e, n, i;
	struct scr_val r;
	char *s;

	if (!as_int(bv, &b) || b < 0)
		b = 0;
	if (ev->k == SV_NOTHING)
		has_end = false;
	if (v->k == SV_ARRAY) {
		n = v->u.arr ? (int64_t)v->u.arr->n : 0;
		if (!has_end)
			return b < n ? scr_val_copy(&v->u.arr->v[b]) :
			    scr_kind_val(SV_NOTHING, 0);
		r = scr_array_new();
		if (!as_int(ev, &e))
			return r;
		for (i = b; i < e && i < n; i++)
			scr_arr_push(r.u.arr, v->u.arr->keys[i],
			    scr_val_copy(&v->u.arr->v[i]));
		return r;
	}
	s = v->k == SV_STR ? xstrdup(v->u.s) : scr_val_text(v);
	n = (int64_t)strlen(s);
	if (!has_end)
		e = b + 1;
	else if (!as_int(ev, &e))
		e = 0;
	if (e > n)
		e = n;
	r = scr_str("");
	if (b < e) {
		free(r.u.s);
		r.u.s = xstrndup(s + b, (size_t)(e - b));
	}
	free(s);
	return r;
}

/*
 * :find in key [from] - position of a substring or of an array element
 * equal to key (= semantics), nil when absent.  The search starts after
 * position from, which is why scripts pass -1 ([:find "abc" "a" -1] is 0);
 * without from it starts at 0 (§5.3, inferred).  A keyed element found
 * gives its key (UNKNOWN).
 */
static struct scr_val
find(const struct scr_val *in, const struct scr_val *key,
    const struct scr_val *fv)
{
	int64_t from = -1, i, n;
	char *h, *nd, *p;
	struct scr_val r = nil();

	if (fv->k != SV_NOTHING && !as_int(fv, &from))
		from = -1;
	if (from < -1)
		from = -1;
	if (in->k == SV_ARRAY) {
		n = in->u.arr ? (int64_t)in->u.arr->n : 0;
		for (i = from + 1; i < n; i++)
			if (scr_val_eq(&in->u.arr->v[i], key))
				return in->u.arr->keys[i] ?
				    scr_str(in->u.arr->keys[i]) : scr_num(i);
		return r;
	}
	h = scr_val_text(in);
	nd = scr_val_text(key);
	n = (int64_t)strlen(h);
	if (from + 1 <= n && (p = strstr(h + from + 1, nd)) != NULL)
		r = scr_num(p - h);
	free(h);
	free(nd);
	return r;
}

/* :range from to - [:range 2 8] is 2;3;4;5;6;7;8 (inclusive, §5.3) */
static enum scr_status
range(struct scr_frame *f, const struct ast *stmt, const struct scr_val *fv,
    const struct scr_val *tv, struct scr_val *out)
{
	int64_t a, b, step, x;
	uint64_t cnt;

	*out = scr_array_new();
	if (!as_int(fv, &a) || !as_int(tv, &b))
		return SCR_OK;
	/* from > to counts down (UNKNOWN; as :for does) */
	step = a <= b ? 1 : -1;
	cnt = a <= b ? (uint64_t)b - (uint64_t)a : (uint64_t)a - (uint64_t)b;
	if (cnt >= RANGE_MAX) {
		scr_val_free(out);
		return scr_fail(f, stmt->start, "range too big");
	}
	for (x = a;; x += step) {
		scr_arr_push(out->u.arr, NULL, scr_num(x));
		if (x == b)
			break;
	}
	return SCR_OK;
}

/* ---- random (deterministic: the emulator replays the same way) ---- */

static uint64_t rnd_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
rnd_next(void)
{
	/* xorshift64* */
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545f4914f6cdd1dULL;
}

/* :rndnum from to - inclusive */
static struct scr_val
rndnum(const struct scr_val *fv, const struct scr_val *tv)
{
	int64_t a = 0, b = 0, t;
	uint64_t span;

	if (!as_int(fv, &a) || !as_int(tv, &b))
		return nil();
	if (a > b) {
		t = a;
		a = b;
		b = t;
	}
	span = (uint64_t)b - (uint64_t)a + 1;
	return scr_num((int64_t)((uint64_t)a + (span ? rnd_next() % span :
	    rnd_next())));
}

/* :rndstr [from=chars] [length=16] - letters and digits by default */
static struct scr_val
rndstr(const struct scr_val *fv, const struct scr_val *lv)
{
	static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789";
	char *set = fv->k == SV_NOTHING ? xstrdup(alnum) : scr_val_text(fv);
	size_t n = strlen(set);
	int64_t len = 16, i;
	struct strbuf sb = STRBUF_INIT;
	struct scr_val r;

	if (lv->k != SV_NOTHING && (!as_int(lv, &len) || len < 0))
		len = 0;
	if (len > 65536)
		len = 65536;
	for (i = 0; n && i < len; i++)
		sb_addc(&sb, set[rnd_next() % n]);
	free(set);
	memset(&r, 0, sizeof(r));
	r.k = SV_STR;
	r.u.s = sb_steal(&sb);
	return r;
}

/* ---- dispatch ---- */

static const char *const data_cmds[] = {
	"typeof", "len", "pick", "find", "range", "nothing", "tostr",
	"tonum", "tobool", "toip", "toip6", "toid", "totime", "tonsec",
	"toarray", "tolf", "tocrlf", "rndnum", "rndstr", "convert",
	"serialize", "deserialize",
};

bool
data_builtin_find(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(data_cmds); i++)
		if (strcmp(data_cmds[i], name) == 0)
			return true;
	return false;
}

enum scr_status
data_builtin_run(struct scr_frame *f, const char *c, const struct ast *stmt,
    const struct ast *args, struct scr_val *out)
{
	struct dargs d;
	struct scr_val v, w, x;
	enum scr_status st;

	memset(out, 0, sizeof(*out));
	out->k = SV_NOTHING;
	dcollect(args, &d);
	v.k = w.k = x.k = SV_NOTHING;
	if (!strcmp(c, "nothing"))
		return SCR_OK;
	if (!strcmp(c, "convert")) {
		char *fr = NULL, *to = NULL, *tr = NULL;

		if ((st = dval(f, &d, "value", 0, &v)) != SCR_OK ||
		    (st = dval(f, &d, "from", -1, &w)) != SCR_OK ||
		    (st = dval(f, &d, "to", -1, &x)) != SCR_OK)
			goto out;
		if (w.k != SV_NOTHING)
			fr = scr_val_text(&w);
		if (x.k != SV_NOTHING)
			to = scr_val_text(&x);
		scr_val_free(&w);
		if ((st = dval(f, &d, "transform", -1, &w)) == SCR_OK) {
			if (w.k != SV_NOTHING)
				tr = scr_val_text(&w);
			st = codec_convert(f, stmt, &v, fr, to, tr, out);
		}
		free(fr);
		free(to);
		free(tr);
		goto out;
	}
	if (!strcmp(c, "serialize") || !strcmp(c, "deserialize")) {
		const struct ast *vn = dnode(&d, "value", 0);

		if ((st = dval(f, &d, "value", 0, &v)) != SCR_OK)
			return st;
		if ((st = dval(f, &d, c[0] == 's' ? "to" : "from", -1, &w)) !=
		    SCR_OK || (st = dval(f, &d, "options", -1, &x)) != SCR_OK) {
			scr_val_free(&v);
			scr_val_free(&w);
			return st;
		}
		/* §1.10: ":serialize value=a,b,c" - an unquoted comma list
		 * is an array */
		if (vn && vn->kind == A_WORD && strchr(vn->s, ',') &&
		    v.k == SV_STR) {
			struct scr_val a = to_array(&v, ",");

			scr_val_free(&v);
			v = a;
		}
		{
			struct scr_val dl, ord;

			if ((st = dval(f, &d, "delimiter", -1, &dl)) != SCR_OK)
				goto ser_out;
			if ((st = dval(f, &d, "order", -1, &ord)) != SCR_OK) {
				scr_val_free(&dl);
				goto ser_out;
			}
			st = c[0] == 's' ?
			    codec_serialize(f, stmt, &v, &w, &x, &dl, &ord,
			    out) :
			    codec_deserialize(f, stmt, &v, &w, &x, &dl, out);
			scr_val_free(&dl);
			scr_val_free(&ord);
		}
ser_out:
		scr_val_free(&v);
		scr_val_free(&w);
		scr_val_free(&x);
		return st;
	}
	if (!strcmp(c, "tolf") || !strcmp(c, "tocrlf")) {
		if ((st = dval(f, &d, "input", 0, &v)) != SCR_OK)
			return st;
		*out = line_ends(&v, c[2] == 'c');
		scr_val_free(&v);
		return SCR_OK;
	}
	if (!strcmp(c, "pick")) {
		if ((st = dval(f, &d, "counter", 0, &v)) != SCR_OK ||
		    (st = dval(f, &d, "begin", 1, &w)) != SCR_OK ||
		    (st = dval(f, &d, "end", 2, &x)) != SCR_OK)
			goto out;
		*out = pick(&v, &w, &x, dhas(&d, "end", 2));
		goto out;
	}
	if (!strcmp(c, "find")) {
		if ((st = dval(f, &d, "in", 0, &v)) != SCR_OK ||
		    (st = dval(f, &d, "key", 1, &w)) != SCR_OK ||
		    (st = dval(f, &d, "from", 2, &x)) != SCR_OK)
			goto out;
		*out = find(&v, &w, &x);
		goto out;
	}
	if (!strcmp(c, "range") || !strcmp(c, "rndnum")) {
		if ((st = dval(f, &d, "from", 0, &v)) != SCR_OK ||
		    (st = dval(f, &d, "to", 1, &w)) != SCR_OK)
			goto out;
		if (c[1] == 'a')
			st = range(f, stmt, &v, &w, out);
		else
			*out = rndnum(&v, &w);
		goto out;
	}
	if (!strcmp(c, "rndstr")) {
		if ((st = dval(f, &d, "from", -1, &v)) != SCR_OK ||
		    (st = dval(f, &d, "length", 0, &w)) != SCR_OK)
			goto out;
		*out = rndstr(&v, &w);
		goto out;
	}
	/* one value: :typeof :len :to* */
	if ((st = dval(f, &d, "value", 0, &v)) != SCR_OK)
		return st;
	if (!strcmp(c, "typeof"))
		*out = scr_str(scr_type_name(&v));
	else if (!strcmp(c, "len"))
		*out = len_of(&v);
	else if (!strcmp(c, "tostr")) {
		memset(out, 0, sizeof(*out));
		out->k = SV_STR;
		out->u.s = scr_val_text(&v);
	} else if (!strcmp(c, "tonum"))
		*out = to_num(&v);
	else if (!strcmp(c, "tobool"))
		*out = to_bool(&v);
	else if (!strcmp(c, "toip"))
		*out = to_ip(&v);
	else if (!strcmp(c, "toip6"))
		*out = to_ip6(&v);
	else if (!strcmp(c, "toid"))
		*out = to_id(&v);
	else if (!strcmp(c, "totime"))
		*out = to_time(&v);
	else if (!strcmp(c, "tonsec"))
		*out = to_nsec(&v);
	else if (!strcmp(c, "toarray")) {
		char *dl = NULL;

		if ((st = dval(f, &d, "delimiter", -1, &w)) != SCR_OK)
			goto out;
		if (w.k != SV_NOTHING)
			dl = scr_val_text(&w);
		*out = to_array(&v, dl);
		free(dl);
	}
out:
	scr_val_free(&v);
	scr_val_free(&w);
	scr_val_free(&x);
	return st;
}

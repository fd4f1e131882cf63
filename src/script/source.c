/*
 * DOC: source - line joining before the scanner sees the text.
 *
 * RouterOS joins a line ending in a backslash with the next one, both in
 * code and inside quoted strings, and exports break lines anywhere (inside
 * words, inside strings) with the continuation indented by 4 spaces.  The
 * scanner would need a rule for that in every state, so this pass removes
 * the continuations once, tracking only what it must to find them: code,
 * comments, quoted strings, and $( ) / $[ ] inside strings (which may hold
 * quotes of their own).  Every removed run is recorded as a splice so error
 * positions still point into the original text.
 *
 * ROS: the continuation line's indentation is not part of the value (else
 * exports would not round-trip); "\_" is how exports write a leading space.
 * A backslash followed by blanks and then more text on the same line (seen
 * in OCR'd documents) is dropped as if it were a space.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

enum { ST_CODE, ST_STR, ST_INTERP };

struct jstate {
	int	 kind;
	int	 depth;		/* bracket depth inside ST_INTERP */
};

static void
splice(struct src_text *s, size_t out, size_t dropped_total)
{
	xgrow((void **)&s->sp_at, &s->cap_sp, s->n_sp + 1, sizeof(uint32_t));
	s->sp_delta = xrealloc(s->sp_delta, s->cap_sp * sizeof(uint32_t));
	s->sp_at[s->n_sp] = (uint32_t)out;
	s->sp_delta[s->n_sp] = (uint32_t)dropped_total;
	s->n_sp++;
}

/* length of a line break at p (0 if none) */
static size_t
nl_len(const char *p, const char *end)
{
	if (p < end && p[0] == '\r')
		return (p + 1 < end && p[1] == '\n') ? 2 : 1;
	if (p < end && p[0] == '\n')
		return 1;
	return 0;
}

/*
 * Bytes that need the state machine in code; everything else is copied in
 * runs (a big import is mostly plain words: this pass was a tenth of its
 * load time byte by byte).
 */
static const unsigned char code_special[256] = {
	['"'] = 1, ['#'] = 1, ['\\'] = 1, ['\r'] = 1, ['\n'] = 1, [';'] = 1,
	['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1,
};

/* copies p[0..n) to o unless they are the same bytes (no joining) */
static void
copy_run(char *o, const char *p, size_t n)
{
	if (o != p)
		memcpy(o, p, n);
}

static void
add_chunk(struct src_text *s, size_t at)
{
	xgrow((void **)&s->chunk, &s->cap_chunk, s->n_chunk + 1,
	    sizeof(uint32_t));
	s->chunk[s->n_chunk++] = (uint32_t)at;
}

struct src_text *
src_new(const char *name, const char *text, size_t len)
{
	return src_new_take(name, xstrndup(text, len), len);
}

struct src_text *
src_new_take(const char *name, char *text, size_t len)
{
	struct src_text *s = xcalloc(1, sizeof(*s));
	const char *p, *end;
	struct jstate stk[64];
	int sp = 0;
	char *o;
	size_t dropped = 0;
	int at_tok = 1;		/* at a token start (for '#') */
	int depth = 0;		/* bracket depth of top-level code */

	s->name = name ? xstrdup(name) : NULL;
	s->orig = text;
	s->orig_len = len;
	/*
	 * Without a backslash or a CR nothing is dropped or rewritten, so the
	 * joined text is the original: share it (a 1,000,000-line address
	 * list import is 45 MB) and let the loop below copy bytes onto
	 * themselves while it finds the chunks.
	 */
	if (memchr(s->orig, '\\', len) == NULL &&
	    memchr(s->orig, '\r', len) == NULL)
		s->buf = s->orig;
	else
		s->buf = xmalloc(len + 2);
	o = s->buf;
	p = s->orig;
	end = p + len;
	stk[0].kind = ST_CODE;
	stk[0].depth = 0;
	add_chunk(s, 0);

	while (p < end) {
		struct jstate *t = &stk[sp];
		char c = *p;
		const char *run = p;

		if (t->kind == ST_STR) {
			while (run < end && *run != '\\' && *run != '"' &&
			    *run != '$')
				run++;
		} else {
			while (run < end && !code_special[(unsigned char)*run])
				run++;
			if (run > p)
				at_tok = (run[-1] == ' ' || run[-1] == '\t');
		}
		if (run > p) {
			copy_run(o, p, (size_t)(run - p));
			o += run - p;
			p = run;
			continue;
		}
		if (t->kind == ST_STR) {
			if (c == '\\') {
				const char *q = p + 1;
				size_t nl;

				while (q < end && (*q == ' ' || *q == '\t'))
					q++;
				nl = nl_len(q, end);
				if (nl) {
					q += nl;
					while (q < end && (*q == ' ' || *q == '\t'))
						q++;
					dropped += (size_t)(q - p);
					splice(s, (size_t)(o - s->buf), dropped);
					p = q;
					continue;
				}
				*o++ = *p++;
				if (p < end)
					*o++ = *p++;
				continue;
			}
			if (c == '"') {
				sp--;
				*o++ = *p++;
				continue;
			}
			if (c == '$' && p + 1 < end && (p[1] == '(' || p[1] == '[')
			    && sp + 1 < (int)NELEM(stk)) {
				sp++;
				stk[sp].kind = ST_INTERP;
				stk[sp].depth = 1;
				*o++ = *p++;
				*o++ = *p++;
				continue;
			}
			*o++ = *p++;
			continue;
		}

		/* code (top level or inside $( ) of a string) */
		if (c == '"' && sp + 1 < (int)NELEM(stk)) {
			sp++;
			stk[sp].kind = ST_STR;
			stk[sp].depth = 0;
			*o++ = *p++;
			at_tok = 0;
			continue;
		}
		if (c == '#' && at_tok && t->kind == ST_CODE) {
			while (p < end && *p != '\n' && *p != '\r')
				*o++ = *p++;
			continue;
		}
		if (c == '\\') {
			const char *q = p + 1;
			size_t nl;

			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			nl = nl_len(q, end);
			if (nl) {
				/*
				 * ROS: outside strings "\" does not continue
				 * a token (scripting reference 1.3): the
				 * joint separates words, "print\" + "
				 * as-value" is "print as-value".  Exports
				 * break code only between words and after
				 * "name=" (where blanks may follow).
				 */
				q += nl;
				while (q < end && (*q == ' ' || *q == '\t'))
					q++;
				if (o > s->buf && o[-1] != ' ' &&
				    o[-1] != '\t')
					*o++ = ' ';
				else
					dropped++;
				dropped += (size_t)(q - p) - 1;
				splice(s, (size_t)(o - s->buf), dropped);
				p = q;
				at_tok = 1;
				continue;
			}
			if (q > p + 1) {	/* "\ " then text: a stray mark */
				dropped++;
				splice(s, (size_t)(o - s->buf), dropped);
				p++;
				continue;
			}
			*o++ = *p++;
			at_tok = 0;
			continue;
		}
		if (c == '\r') {
			/* CRLF or lone CR -> LF */
			if (p + 1 < end && p[1] == '\n') {
				dropped++;
				splice(s, (size_t)(o - s->buf), dropped);
				p++;
				continue;
			}
			*o++ = '\n';
			p++;
			at_tok = 1;
			if (sp == 0 && depth == 0)
				add_chunk(s, (size_t)(o - s->buf));
			continue;
		}
		if (sp == 0) {
			if (c == '(' || c == '[' || c == '{')
				depth++;
			else if ((c == ')' || c == ']' || c == '}') && depth > 0)
				depth--;
			else if (c == '\n' && depth == 0) {
				*o++ = *p++;
				at_tok = 1;
				add_chunk(s, (size_t)(o - s->buf));
				continue;
			}
		}
		if (t->kind == ST_INTERP) {
			if (c == '(' || c == '[')
				t->depth++;
			else if ((c == ')' || c == ']') && --t->depth == 0) {
				sp--;
				*o++ = *p++;
				continue;
			}
		}
		at_tok = (c == ' ' || c == '\t' || c == '\n' || c == ';' ||
		    c == '{' || c == '}');
		*o++ = *p++;
	}
	*o = '\0';
	s->len = (size_t)(o - s->buf);
	if (s->chunk[s->n_chunk - 1] != s->len)
		add_chunk(s, s->len);
	return s;
}

void
src_free(struct src_text *s)
{
	if (s == NULL)
		return;
	free(s->name);
	if (s->buf != s->orig)
		free(s->buf);
	free(s->orig);
	free(s->sp_at);
	free(s->sp_delta);
	free(s->chunk);
	free(s);
}

void
src_linecol(const struct src_text *s, uint32_t off, int *line, int *col)
{
	size_t lo = 0, hi = s->n_sp, orig, i, ls = 0;
	int l = 1;

	/* last splice with sp_at <= off */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->sp_at[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	orig = off + (lo ? s->sp_delta[lo - 1] : 0);
	if (orig > s->orig_len)
		orig = s->orig_len;
	for (i = 0; i < orig; i++) {
		if (s->orig[i] == '\n' ||
		    (s->orig[i] == '\r' && (i + 1 >= s->orig_len ||
		    s->orig[i + 1] != '\n'))) {
			l++;
			ls = i + 1;
		}
	}
	*line = l + s->line_base;
	*col = (int)(orig - ls) + 1;
}

/* memmem without _GNU_SOURCE */
static const char *
find_mem(const char *p, size_t n, const char *w, size_t wl)
{
	const char *end = p + n;

	for (; wl <= (size_t)(end - p); p++)
		if (*p == *w && memcmp(p, w, wl) == 0)
			return p;
	return NULL;
}

static size_t
count_word(const char *t, size_t len, const char *w, bool bare)
{
	size_t n = 0, wl = strlen(w);
	const char *p = t, *end = t + len;

	while ((p = find_mem(p, (size_t)(end - p), w, wl)) != NULL) {
		/* bare: not the tail of a longer name (new-routing-mark=) */
		if (!bare || p == t || p[-1] == ' ' || p[-1] == '\t')
			n++;
		p += wl;
	}
	return n;
}

/*
 * ROS: markers are properties and menus that exist in only one major
 * version: v6 routes and rules carry routing-mark=, v6 has /ip route rule,
 * /routing ospf network, /routing bgp instance; v7 has routing-table=,
 * /routing table, /routing rule, OSPF interface templates and slash paths.
 * new-routing-mark= (mangle) exists in both and says nothing.
 */
int
src_guess_ros(const char *text, size_t len, char *ver, size_t vlen)
{
	/* v6 /ip route type=blackhole (v7: the blackhole flag) */
	static const char *const v6[] = { "routing-mark=", "/ip route rule",
	    "/routing ospf network", "/routing bgp instance",
	    "/routing bgp peer", "/routing filter\n", " type=blackhole",
	    " type=unreachable", " type=prohibit" };
	static const char *const v7[] = { "routing-table=", "/routing table",
	    "/routing rule", "interface-template", "/ip/", "/interface/",
	    "/system/", "/routing/", ":onerror " };
	const char *p;
	size_t a = 0, b = 0, i;
	size_t head = len < 4096 ? len : 4096;

	if (ver && vlen)
		ver[0] = '\0';
	p = find_mem(text, head, "by RouterOS ", 12);
	if (p != NULL && p + 12 < text + len && (p[12] == '6' || p[12] == '7')) {
		/* "7.15rc2" and "6.48.6" alike: digits, dots, letters */
		for (i = 0; ver && i + 1 < vlen && p + 12 + i < text + len &&
		    (isalnum((unsigned char)p[12 + i]) || p[12 + i] == '.'); i++)
			ver[i] = p[12 + i];
		if (ver && vlen)
			ver[i < vlen ? i : vlen - 1] = '\0';
		return p[12] - '0';
	}
	/* line by line: markers in # comments are no evidence */
	for (p = text; p < text + len; ) {
		const char *e = memchr(p, '\n', (size_t)(text + len - p));
		const char *q = p;
		size_t ll;

		e = e ? e + 1 : text + len;
		ll = (size_t)(e - p);
		while (q < e && (*q == ' ' || *q == '\t'))
			q++;
		if (q < e && *q != '#') {
			for (i = 0; i < sizeof(v6) / sizeof(v6[0]); i++)
				a += count_word(p, ll, v6[i], i == 0);
			for (i = 0; i < sizeof(v7) / sizeof(v7[0]); i++)
				b += count_word(p, ll, v7[i], false);
		}
		p = e;
	}
	if (a == 0 && b == 0)
		return 0;
	return a > b ? 6 : 7;
}

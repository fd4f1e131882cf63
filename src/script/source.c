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
	struct src_text *s = xcalloc(1, sizeof(*s));
	const char *p, *end;
	struct jstate stk[64];
	int sp = 0;
	char *o;
	size_t dropped = 0;
	int at_tok = 1;		/* at a token start (for '#') */
	int depth = 0;		/* bracket depth of top-level code */

	s->name = name ? xstrdup(name) : NULL;
	s->orig = xstrndup(text, len);
	s->orig_len = len;
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
				q += nl;
				while (q < end && (*q == ' ' || *q == '\t'))
					q++;
				dropped += (size_t)(q - p);
				splice(s, (size_t)(o - s->buf), dropped);
				p = q;
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
	free(s->orig);
	free(s->buf);
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

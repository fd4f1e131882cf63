/*
 * DOC: util - allocation wrappers, strbuf, arena, strmap.
 *
 * The leaf module: depends on nothing else in rosemu.  Allocation failure
 * prints a message and aborts, so no caller handles NULL from x*alloc().
 * strmap is an open-addressing table (linear probing, tombstone-free
 * deletion by back-shifting) keyed by borrowed C strings: the caller keeps
 * the key alive as long as the entry.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void
oom(void)
{
	fputs("rosemu: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
xgrow(void **p, size_t *cap, size_t need, size_t sz)
{
	size_t c = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (c < need)
		c *= 2;
	*p = xrealloc(*p, c * sz);
	*cap = c;
}

/* ---- strbuf ---- */

static void
sb_need(struct strbuf *sb, size_t more)
{
	size_t need = sb->len + more + 1;

	if (need > sb->cap) {
		size_t c = sb->cap ? sb->cap : 64;

		while (c < need)
			c *= 2;
		sb->buf = xrealloc(sb->buf, c);
		sb->cap = c;
	}
}

void
sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	sb_need(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sb_add(struct strbuf *sb, const char *s)
{
	sb_addn(sb, s, strlen(s));
}

void
sb_addc(struct strbuf *sb, char c)
{
	sb_need(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void
sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	size_t room;
	int n;

	/* format straight into the buffer; a second pass only if it is short */
	if (sb->cap - sb->len < 32)
		sb_need(sb, 31);
	room = sb->cap - sb->len;
	va_copy(ap2, ap);
	n = vsnprintf(sb->buf + sb->len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		sb->buf[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		sb_need(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
}

void
sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void
sb_pad(struct strbuf *sb, size_t col)
{
	while (sb->len < col)
		sb_addc(sb, ' ');
}

void
sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

const char *
sb_str(struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *
sb_steal(struct strbuf *sb)
{
	char *p = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void
sb_fini(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

/* ---- arena ---- */

struct arena_blk {
	struct arena_blk *next;
	size_t	 used, size;
	max_align_t data[];
};

#define ARENA_BLK	(32 * 1024)

void
arena_init(struct arena *a)
{
	a->head = NULL;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_blk *b = a->head;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (b == NULL || b->size - b->used < n) {
		size_t sz = n > ARENA_BLK ? n : ARENA_BLK;

		b = xmalloc(sizeof(*b) + sz);
		b->used = 0;
		b->size = sz;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void
arena_reset(struct arena *a)
{
	struct arena_blk *b = a->head, *keep = NULL;

	/* keep the oldest standard-size block, free the rest */
	while (b) {
		struct arena_blk *n = b->next;

		if (n == NULL && b->size == ARENA_BLK) {
			keep = b;
			keep->used = 0;
		} else
			free(b);
		b = n;
	}
	a->head = keep;
	if (keep)
		keep->next = NULL;
}

void
arena_fini(struct arena *a)
{
	struct arena_blk *b = a->head;

	while (b) {
		struct arena_blk *n = b->next;

		free(b);
		b = n;
	}
	a->head = NULL;
}

/* ---- strmap ---- */

uint32_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261u;		/* FNV-1a */

	while (n--) {
		h ^= *s++;
		h *= 16777619u;
	}
	return h;
}

uint32_t
hash_str(const char *s)
{
	return hash_bytes(s, strlen(s));
}

void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
strmap_fini(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

static size_t
strmap_slot(const struct strmap *m, const char *key)
{
	size_t mask = m->cap - 1, i = hash_str(key) & mask;

	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & mask;
	return i;
}

void *
strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = strmap_slot(m, key);
	return m->keys[i] ? m->vals[i] : NULL;
}

static void
strmap_rehash(struct strmap *m, size_t cap)
{
	struct strmap o = *m;
	size_t i;

	m->cap = cap;
	m->n = 0;
	m->keys = xcalloc(cap, sizeof(*m->keys));
	m->vals = xcalloc(cap, sizeof(*m->vals));
	for (i = 0; i < o.cap; i++)
		if (o.keys[i])
			strmap_put(m, o.keys[i], o.vals[i]);
	free(o.keys);
	free(o.vals);
}

void
strmap_put(struct strmap *m, const char *key, void *val)
{
	size_t i;

	if ((m->n + 1) * 4 >= m->cap * 3)
		strmap_rehash(m, m->cap ? m->cap * 2 : 16);
	i = strmap_slot(m, key);
	if (m->keys[i] == NULL)
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
}

void
strmap_del(struct strmap *m, const char *key)
{
	size_t mask, i, j;

	if (m->cap == 0)
		return;
	mask = m->cap - 1;
	i = strmap_slot(m, key);
	if (m->keys[i] == NULL)
		return;
	m->keys[i] = NULL;
	m->n--;
	/* back-shift the following cluster so lookups stay correct */
	for (j = (i + 1) & mask; m->keys[j]; j = (j + 1) & mask) {
		const char *k = m->keys[j];
		void *v = m->vals[j];
		size_t h;

		m->keys[j] = NULL;
		h = strmap_slot(m, k);
		m->keys[h] = k;
		m->vals[h] = v;
	}
}

char *
util_read_file(const char *path, size_t *lenp)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_addn(&sb, buf, n);
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		sb_fini(&sb);
		errno = e;
		return NULL;
	}
	fclose(f);
	if (lenp)
		*lenp = sb.len;
	return sb_steal(&sb);
}

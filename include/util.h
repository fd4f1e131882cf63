/*
 * util.h - allocation, growable strings, arenas and a small hash table.
 *
 * Allocation failure aborts (see STYLE.md §6), so callers never check for
 * NULL after xmalloc() and friends.
 */
#ifndef ROSEMU_UTIL_H
#define ROSEMU_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Grows *p (of *cap elements of size sz) so that it holds at least need. */
void	 xgrow(void **p, size_t *cap, size_t need, size_t sz);

/* A growable NUL-terminated byte string.  STRBUF_INIT is an empty buffer. */
struct strbuf {
	char	*buf;
	size_t	 len, cap;
};
#define STRBUF_INIT	{ NULL, 0, 0 }
void	 sb_add(struct strbuf *, const char *);
void	 sb_addn(struct strbuf *, const char *, size_t);
void	 sb_addc(struct strbuf *, char);
void	 sb_addf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sb_vaddf(struct strbuf *, const char *, va_list);
void	 sb_pad(struct strbuf *, size_t col);	/* spaces up to len == col */
void	 sb_reset(struct strbuf *);
const char *sb_str(struct strbuf *);		/* never NULL */
char	*sb_steal(struct strbuf *);		/* owned by caller; sb emptied */
void	 sb_fini(struct strbuf *);

/*
 * Arena: bump allocator for per-command temporaries (AST nodes, tokens).
 * Everything is released by arena_fini()/arena_reset() in one call.
 */
struct arena_blk;
struct arena {
	struct arena_blk *head;
};
void	 arena_init(struct arena *);
void	*arena_alloc(struct arena *, size_t);	/* zeroed */
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_strdup(struct arena *, const char *);
void	 arena_reset(struct arena *);		/* keeps the first block */
void	 arena_fini(struct arena *);

/* String-keyed open-addressing hash map: key (borrowed) -> void *. */
struct strmap {
	const char **keys;
	void	**vals;
	size_t	 n, cap;
};
void	 strmap_init(struct strmap *);
void	 strmap_fini(struct strmap *);
void	*strmap_get(const struct strmap *, const char *key);
void	 strmap_put(struct strmap *, const char *key, void *val);
void	 strmap_del(struct strmap *, const char *key);
uint32_t hash_str(const char *);
uint32_t hash_bytes(const void *, size_t);

/* Reads a whole file; returns NULL and sets errno on failure. */
char	*util_read_file(const char *path, size_t *len);

#endif

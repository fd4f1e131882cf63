/*
 * DOC: codec - :convert, :serialize and :deserialize (reference/
 * routeros-scripting.md §5.3; 7.11+ and 7.13+).
 *
 * :convert reads its value in the from= format (none: the value as the
 * console parses it, so 001 is "1" and "10.1" is "10.0.0.1"), applies
 * each transform= in turn and writes the to= format (none: raw).  The
 * formats and transforms are those of the 7.22 command tree; md5 and
 * sha512 are implemented here from RFC 1321 and FIPS 180-4 (the constants
 * were computed from their definitions), the ed25519/x25519 key
 * conversions are not (an error says so).
 *
 * :serialize to=json writes compact JSON: keyed arrays as objects (keys
 * are already sorted), lists as arrays, nil/nothing as null, and by
 * default a string that reads as a number as a number with six decimals
 * ({"number":1234,"string":1234.000000}); options=json.no-string-
 * conversion keeps strings.  :deserialize from=json reads JSON back
 * (objects become keyed arrays).  DSV (7.16) is delimiter-separated
 * values, one line per row.  Called by data.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

/* JSON nesting deeper than this is refused (no stack overflow) */
#define JSON_DEPTH	512

static struct scr_val
nil(void)
{
	return scr_kind_val(SV_NIL, 0);
}

static struct scr_val
str_take(char *s)
{
	struct scr_val v;

	memset(&v, 0, sizeof(v));
	v.k = SV_STR;
	v.u.s = s;
	return v;
}

/* does comma-separated list have word w */
static bool
has_word(const char *list, const char *w)
{
	size_t l = strlen(w);
	const char *p = list;

	while (p && *p) {
		if (strncmp(p, w, l) == 0 && (p[l] == ',' || p[l] == '\0'))
			return true;
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return false;
}

/* ---- MD5 (RFC 1321) ---- */

static const uint32_t md5_t[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
	0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
	0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
	0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
	0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
	0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
	0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
	0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
	0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
	0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
	0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
	0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
	0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

static const uint8_t md5_r[16] = {
	7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21,
};

static uint32_t
rol32(uint32_t x, unsigned n)
{
	return x << n | x >> (32 - n);
}

static void
md5_block(uint32_t h[4], const uint8_t *p)
{
	uint32_t m[16], a = h[0], b = h[1], c = h[2], d = h[3], fv, t;
	unsigned i, g;

	for (i = 0; i < 16; i++)
		m[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 |
		    (uint32_t)p[4 * i + 2] << 16 | (uint32_t)p[4 * i + 3] << 24;
	for (i = 0; i < 64; i++) {
		switch (i / 16) {
		case 0:
			fv = (b & c) | (~b & d);
			g = i;
			break;
		case 1:
			fv = (d & b) | (~d & c);
			g = (5 * i + 1) % 16;
			break;
		case 2:
			fv = b ^ c ^ d;
			g = (3 * i + 5) % 16;
			break;
		default:
			fv = c ^ (b | ~d);
			g = (7 * i) % 16;
			break;
		}
		t = d;
		d = c;
		c = b;
		b = b + rol32(a + fv + md5_t[i] + m[g],
		    md5_r[(i / 16) * 4 + i % 4]);
		a = t;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
}

static void
md5(const uint8_t *in, size_t len, uint8_t out[16])
{
	uint32_t h[4] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 };
	uint8_t blk[128];
	size_t i, n, tail;
	uint64_t bits = (uint64_t)len * 8;

	for (i = 0; i + 64 <= len; i += 64)
		md5_block(h, in + i);
	tail = len - i;
	memset(blk, 0, sizeof(blk));
	memcpy(blk, in + i, tail);
	blk[tail] = 0x80;
	n = tail < 56 ? 64 : 128;
	for (i = 0; i < 8; i++)
		blk[n - 8 + i] = (uint8_t)(bits >> (8 * i));
	md5_block(h, blk);
	if (n == 128)
		md5_block(h, blk + 64);
	for (i = 0; i < 16; i++)
		out[i] = (uint8_t)(h[i / 4] >> (8 * (i % 4)));
}

/* ---- SHA-512 (FIPS 180-4) ---- */

static const uint64_t sha512_k[80] = {
	0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL,
	0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
	0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
	0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
	0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
	0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
	0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL,
	0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
	0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
	0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
	0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL,
	0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
	0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL,
	0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
	0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
	0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
	0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL,
	0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
	0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL,
	0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
	0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
	0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
	0xd192e819d6ef5218ULL, 0xd69906245565a910ULL,
	0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
	0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
	0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
	0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
	0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
	0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL,
	0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
	0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL,
	0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
	0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
	0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
	0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
	0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
	0x28db77f523047d84ULL, 0x32caab7b40c72493ULL,
	0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
	0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
	0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static uint64_t
ror64(uint64_t x, unsigned n)
{
	return x >> n | x << (64 - n);
}

static void
sha512_block(uint64_t h[8], const uint8_t *p)
{
	uint64_t w[80], v[8], t1, t2;
	unsigned i, j;

	for (i = 0; i < 16; i++) {
		w[i] = 0;
		for (j = 0; j < 8; j++)
			w[i] = w[i] << 8 | p[8 * i + j];
	}
	for (i = 16; i < 80; i++)
		w[i] = (ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^
		    (w[i - 2] >> 6)) + w[i - 7] + (ror64(w[i - 15], 1) ^
		    ror64(w[i - 15], 8) ^ (w[i - 15] >> 7)) + w[i - 16];
	memcpy(v, h, sizeof(v));
	for (i = 0; i < 80; i++) {
		t1 = v[7] + (ror64(v[4], 14) ^ ror64(v[4], 18) ^
		    ror64(v[4], 41)) + ((v[4] & v[5]) ^ (~v[4] & v[6])) +
		    sha512_k[i] + w[i];
		t2 = (ror64(v[0], 28) ^ ror64(v[0], 34) ^ ror64(v[0], 39)) +
		    ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof(uint64_t));
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		h[i] += v[i];
}

static void
sha512(const uint8_t *in, size_t len, uint8_t out[64])
{
	uint64_t h[8] = {
		0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL,
		0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
		0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
		0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
	};
	uint8_t blk[256];
	size_t i, n, tail;
	uint64_t bits = (uint64_t)len * 8;

	for (i = 0; i + 128 <= len; i += 128)
		sha512_block(h, in + i);
	tail = len - i;
	memset(blk, 0, sizeof(blk));
	memcpy(blk, in + i, tail);
	blk[tail] = 0x80;
	n = tail < 112 ? 128 : 256;
	/* the high 64 bits of the 128-bit length stay 0 */
	for (i = 0; i < 8; i++)
		blk[n - 1 - i] = (uint8_t)(bits >> (8 * i));
	sha512_block(h, blk);
	if (n == 256)
		sha512_block(h, blk + 128);
	for (i = 0; i < 64; i++)
		out[i] = (uint8_t)(h[i / 8] >> (8 * (7 - i % 8)));
}

/* ---- byte formats ---- */

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static void
enc_base64(const uint8_t *p, size_t n, struct strbuf *o)
{
	size_t i;
	uint32_t v;

	for (i = 0; i < n; i += 3) {
		v = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		sb_addc(o, b64[v >> 18 & 63]);
		sb_addc(o, b64[v >> 12 & 63]);
		sb_addc(o, i + 1 < n ? b64[v >> 6 & 63] : '=');
		sb_addc(o, i + 2 < n ? b64[v & 63] : '=');
	}
}

/* alphabet decoder for base64 (bits 6) and base32 (bits 5); -1 bad */
static int
dec_base(const char *alpha, unsigned bits, const char *s, struct strbuf *o)
{
	uint32_t acc = 0;
	unsigned have = 0;
	const char *q;

	for (; *s && *s != '='; s++) {
		char c = *s;

		if (bits == 5)
			c = (char)toupper((unsigned char)c);
		if ((q = strchr(alpha, c)) == NULL || c == '\0')
			return -1;
		acc = acc << bits | (uint32_t)(q - alpha);
		have += bits;
		if (have >= 8) {
			have -= 8;
			sb_addc(o, (char)(acc >> have & 0xff));
		}
	}
	for (; *s; s++)
		if (*s != '=')
			return -1;
	return 0;
}

static void
enc_base32(const uint8_t *p, size_t n, struct strbuf *o)
{
	uint32_t acc = 0;
	unsigned have = 0;
	size_t i, out = 0;

	for (i = 0; i < n; i++) {
		acc = acc << 8 | p[i];
		have += 8;
		while (have >= 5) {
			have -= 5;
			sb_addc(o, b32[acc >> have & 31]);
			out++;
		}
	}
	if (have) {
		sb_addc(o, b32[acc << (5 - have) & 31]);
		out++;
	}
	while (out % 8) {
		sb_addc(o, '=');
		out++;
	}
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int
dec_hex(const char *s, struct strbuf *o)
{
	int hi, lo;

	if (strlen(s) % 2)
		return -1;
	for (; *s; s += 2) {
		if ((hi = hexval((unsigned char)s[0])) < 0 ||
		    (lo = hexval((unsigned char)s[1])) < 0)
			return -1;
		sb_addc(o, (char)(hi << 4 | lo));
	}
	return 0;
}

static int
dec_url(const char *s, struct strbuf *o)
{
	int hi, lo;

	for (; *s; s++) {
		if (*s != '%') {
			sb_addc(o, *s);
			continue;
		}
		if ((hi = hexval((unsigned char)s[1])) < 0 ||
		    (lo = hexval((unsigned char)s[2])) < 0)
			return -1;
		sb_addc(o, (char)(hi << 4 | lo));
		s += 2;
	}
	return 0;
}

/* percent-encodes all but RFC 3986 unreserved characters */
static void
enc_url(const uint8_t *p, size_t n, struct strbuf *o)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (isalnum(p[i]) || (p[i] && strchr("-._~", p[i])))
			sb_addc(o, (char)p[i]);
		else
			sb_addf(o, "%%%02X", p[i]);
	}
}

/* the input bytes: value in format from (NULL: as the console parses it) */
static int
input_bytes(const struct scr_val *v, const char *from, struct strbuf *o)
{
	char *s;
	int rc = 0;
	size_t i;

	if (from && !strcmp(from, "byte-array")) {
		int64_t n;

		if (v->k != SV_ARRAY) {
			/* "1,2,3" */
			s = scr_val_text(v);
			for (char *p = s; *p; ) {
				char *e = strchr(p, ',');

				if (e)
					*e = '\0';
				if (scr_num_parse(p, &n) < 0 || n < 0 ||
				    n > 255)
					rc = -1;
				else
					sb_addc(o, (char)n);
				if (e == NULL)
					break;
				p = e + 1;
			}
			free(s);
			return rc;
		}
		for (i = 0; i < v->u.arr->n; i++) {
			const struct scr_val *e = &v->u.arr->v[i];

			if (e->k == SV_NUM)
				n = e->u.n;
			else if (e->k != SV_STR ||
			    scr_num_parse(e->u.s, &n) < 0)
				return -1;
			if (n < 0 || n > 255)
				return -1;
			sb_addc(o, (char)n);
		}
		return 0;
	}
	if (from && !strcmp(from, "num")) {
		/* the number as big-endian bytes, no leading zeros (UNKNOWN) */
		int64_t n;
		int k;
		bool any = false;

		if (v->k == SV_NUM)
			n = v->u.n;
		else if (v->k != SV_STR || scr_num_parse(v->u.s, &n) < 0)
			return -1;
		for (k = 7; k >= 0; k--) {
			uint8_t b = (uint8_t)((uint64_t)n >> (8 * k));

			if (b || any || k == 0) {
				sb_addc(o, (char)b);
				any = true;
			}
		}
		return 0;
	}
	if (from == NULL && v->k == SV_STR) {
		/* auto: "001" is 1, "10.1" is 10.0.0.1 (:convert docs) */
		struct scr_val t = scr_val_from_text(v->u.s, true);
		uint32_t a;

		if (t.k != SV_STR)
			s = scr_val_text(&t);
		else if (strchr(v->u.s, '.') &&
		    scr_ip4_parse_short(v->u.s, &a) == 0) {
			struct scr_val ip = scr_kind_val(SV_IP, 0);

			ip.u.ip.a = a;
			ip.u.ip.plen = 32;
			s = scr_val_text(&ip);
		} else
			s = xstrdup(v->u.s);
		scr_val_free(&t);
	} else
		s = scr_val_text(v);
	if (from == NULL || !strcmp(from, "raw"))
		sb_add(o, s);
	else if (!strcmp(from, "hex"))
		rc = dec_hex(s, o);
	else if (!strcmp(from, "base64"))
		rc = dec_base(b64, 6, s, o);
	else if (!strcmp(from, "base32"))
		rc = dec_base(b32, 5, s, o);
	else if (!strcmp(from, "url"))
		rc = dec_url(s, o);
	else
		rc = -1;
	free(s);
	return rc;
}

/* one transform on the bytes in b; -1 unknown / unsupported */
static int
transform(const char *t, struct strbuf *b)
{
	size_t i, n = b->len;
	uint8_t dig[64];
	char *p = b->buf;

	if (!strcmp(t, "none") || !strcmp(t, ""))
		return 0;
	if (!strcmp(t, "lc") || !strcmp(t, "uc")) {
		for (i = 0; i < n; i++)
			p[i] = (char)(t[0] == 'l' ?
			    tolower((unsigned char)p[i]) :
			    toupper((unsigned char)p[i]));
		return 0;
	}
	if (!strcmp(t, "lcfirst") || !strcmp(t, "ucfirst")) {
		if (n)
			p[0] = (char)(t[0] == 'l' ?
			    tolower((unsigned char)p[0]) :
			    toupper((unsigned char)p[0]));
		return 0;
	}
	if (!strcmp(t, "rot13")) {
		for (i = 0; i < n; i++) {
			char c = p[i];

			if (c >= 'a' && c <= 'z')
				p[i] = (char)('a' + (c - 'a' + 13) % 26);
			else if (c >= 'A' && c <= 'Z')
				p[i] = (char)('A' + (c - 'A' + 13) % 26);
		}
		return 0;
	}
	if (!strcmp(t, "reverse")) {
		for (i = 0; i < n / 2; i++) {
			char c = p[i];

			p[i] = p[n - 1 - i];
			p[n - 1 - i] = c;
		}
		return 0;
	}
	if (!strcmp(t, "md5") || !strcmp(t, "sha512")) {
		size_t dl = t[0] == 'm' ? 16 : 64;

		if (t[0] == 'm')
			md5((const uint8_t *)(p ? p : ""), n, dig);
		else
			sha512((const uint8_t *)(p ? p : ""), n, dig);
		sb_reset(b);
		sb_addn(b, (const char *)dig, dl);
		return 0;
	}
	if (!strcmp(t, "crlf") || !strcmp(t, "lf")) {
		struct strbuf o = STRBUF_INIT;

		for (i = 0; i < n; i++) {
			if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
				continue;
			if (p[i] == '\n' || p[i] == '\r')
				sb_add(&o, t[0] == 'c' ? "\r\n" : "\n");
			else
				sb_addc(&o, p[i]);
		}
		sb_fini(b);
		*b = o;
		return 0;
	}
	return -1;
}

static struct scr_val
bytes_array(const uint8_t *p, size_t n, int bits)
{
	struct scr_val r = scr_array_new();
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		if (bits == 0) {
			scr_arr_push(r.u.arr, NULL, scr_num(p[i]));
			continue;
		}
		for (k = 0; k < 8; k++)
			scr_arr_push(r.u.arr, NULL, scr_num(bits > 0 ?
			    p[i] >> (7 - k) & 1 : p[i] >> k & 1));
	}
	return r;
}

static int
output(const uint8_t *p, size_t n, const char *to, struct scr_val *out)
{
	struct strbuf o = STRBUF_INIT;
	size_t i;

	if (to == NULL || !strcmp(to, "raw")) {
		/* strings end at a NUL byte: binary output is cut there */
		sb_addn(&o, (const char *)p, n);
		*out = str_take(sb_steal(&o));
		return 0;
	}
	if (!strcmp(to, "hex")) {
		for (i = 0; i < n; i++)
			sb_addf(&o, "%02x", p[i]);
	} else if (!strcmp(to, "base64"))
		enc_base64(p, n, &o);
	else if (!strcmp(to, "base32"))
		enc_base32(p, n, &o);
	else if (!strcmp(to, "url"))
		enc_url(p, n, &o);
	else if (!strcmp(to, "byte-array") || !strcmp(to, "bit-array-msb") ||
	    !strcmp(to, "bit-array-lsb")) {
		*out = bytes_array(p, n, to[1] == 'y' ? 0 :
		    !strcmp(to, "bit-array-msb") ? 1 : -1);
		return 0;
	} else if (!strcmp(to, "num")) {
		uint64_t v = 0;

		/* big-endian, at most 8 bytes (UNKNOWN) */
		if (n == 0 || n > 8)
			return -1;
		for (i = 0; i < n; i++)
			v = v << 8 | p[i];
		*out = scr_num((int64_t)v);
		return 0;
	} else
		return -1;
	*out = str_take(sb_steal(&o));
	return 0;
}

enum scr_status
codec_convert(struct scr_frame *f, const struct ast *stmt,
    const struct scr_val *v, const char *from, const char *to,
    const char *tr, struct scr_val *out)
{
	struct strbuf b = STRBUF_INIT;
	const char *p = tr;

	*out = nil();
	if (input_bytes(v, from, &b) < 0) {
		sb_fini(&b);
		return SCR_OK;		/* undecodable input: nil */
	}
	while (p && *p) {
		size_t l = strcspn(p, ",");
		char *t = xstrndup(p, l);

		if (transform(t, &b) < 0) {
			enum scr_status st = scr_fail(f, stmt->start,
			    "transform %s is not supported", t);

			free(t);
			sb_fini(&b);
			return st;
		}
		free(t);
		p += l;
		if (*p)
			p++;
	}
	if (output((const uint8_t *)(b.buf ? b.buf : ""), b.len, to, out) < 0)
		*out = nil();
	sb_fini(&b);
	return SCR_OK;
}

/* ---- JSON ---- */

/* a string that reads as a JSON number: -?digits[.digits][e[+-]digits] */
static bool
numeric_text(const char *s)
{
	if (*s == '-')
		s++;
	if (!isdigit((unsigned char)*s))
		return false;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s == '.') {
		s++;
		if (!isdigit((unsigned char)*s))
			return false;
		while (isdigit((unsigned char)*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!isdigit((unsigned char)*s))
			return false;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

static void
json_str(const char *s, struct strbuf *o)
{
	sb_addc(o, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"': sb_add(o, "\\\""); break;
		case '\\': sb_add(o, "\\\\"); break;
		case '\n': sb_add(o, "\\n"); break;
		case '\r': sb_add(o, "\\r"); break;
		case '\t': sb_add(o, "\\t"); break;
		case '\b': sb_add(o, "\\b"); break;
		case '\f': sb_add(o, "\\f"); break;
		default:
			if (c < 0x20)
				sb_addf(o, "\\u%04x", c);
			else
				sb_addc(o, (char)c);
		}
	}
	sb_addc(o, '"');
}

static void
json_indent(struct strbuf *o, int pretty, int depth)
{
	int i;

	if (!pretty)
		return;
	sb_addc(o, '\n');
	for (i = 0; i < depth; i++)
		sb_add(o, "    ");
}

static void
json_val(const struct scr_val *v, struct strbuf *o, bool conv, int pretty,
    int depth)
{
	size_t i, n, nl;
	char *s;

	switch (v->k) {
	case SV_NOTHING:
	case SV_NIL:
		sb_add(o, "null");
		return;
	case SV_NUM:
		sb_addf(o, "%lld", (long long)v->u.n);
		return;
	case SV_BOOL:
		sb_add(o, v->u.n ? "true" : "false");
		return;
	case SV_STR:
		if (conv && numeric_text(v->u.s))
			/* ROS: {"string":1234.000000} (§5.3) */
			sb_addf(o, "%f", strtod(v->u.s, NULL));
		else
			json_str(v->u.s, o);
		return;
	case SV_ARRAY:
		break;
	default:
		s = scr_val_text(v);
		json_str(s, o);
		free(s);
		return;
	}
	n = v->u.arr ? v->u.arr->n : 0;
	if (depth >= JSON_DEPTH) {
		sb_add(o, "null");
		return;
	}
	nl = n ? scr_arr_nlist(v->u.arr) : 0;
	/* a list is a JSON array; keys make it an object whose unkeyed
	 * elements are keyed by their index (UNKNOWN) */
	sb_addc(o, nl == n ? '[' : '{');
	for (i = 0; i < n; i++) {
		if (i)
			sb_addc(o, ',');
		json_indent(o, pretty, depth + 1);
		if (nl != n) {
			char k[24];

			if (v->u.arr->keys[i])
				json_str(v->u.arr->keys[i], o);
			else {
				snprintf(k, sizeof(k), "%zu", i);
				json_str(k, o);
			}
			sb_add(o, pretty ? ": " : ":");
		}
		json_val(&v->u.arr->v[i], o, conv, pretty, depth + 1);
	}
	if (n)
		json_indent(o, pretty, depth);
	sb_addc(o, nl == n ? ']' : '}');
}

struct jp {
	const char *s;
	size_t	 pos;
	bool	 conv;
	const char *err;
};

static void
jp_ws(struct jp *j)
{
	while (j->s[j->pos] == ' ' || j->s[j->pos] == '\t' ||
	    j->s[j->pos] == '\n' || j->s[j->pos] == '\r')
		j->pos++;
}

static void
utf8_put(struct strbuf *o, uint32_t c)
{
	if (c < 0x80)
		sb_addc(o, (char)c);
	else if (c < 0x800) {
		sb_addc(o, (char)(0xc0 | c >> 6));
		sb_addc(o, (char)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		sb_addc(o, (char)(0xe0 | c >> 12));
		sb_addc(o, (char)(0x80 | (c >> 6 & 0x3f)));
		sb_addc(o, (char)(0x80 | (c & 0x3f)));
	} else {
		sb_addc(o, (char)(0xf0 | c >> 18));
		sb_addc(o, (char)(0x80 | (c >> 12 & 0x3f)));
		sb_addc(o, (char)(0x80 | (c >> 6 & 0x3f)));
		sb_addc(o, (char)(0x80 | (c & 0x3f)));
	}
}

static int
jp_hex4(struct jp *j, uint32_t *c)
{
	int i, h;

	*c = 0;
	for (i = 0; i < 4; i++) {
		if ((h = hexval((unsigned char)j->s[j->pos])) < 0)
			return -1;
		*c = *c << 4 | (uint32_t)h;
		j->pos++;
	}
	return 0;
}

/* the string at j->pos (after the quote) into o */
static int
jp_string(struct jp *j, struct strbuf *o)
{
	uint32_t c, lo;

	for (;;) {
		char ch = j->s[j->pos++];

		if (ch == '"')
			return 0;
		if (ch == '\0' || (unsigned char)ch < 0x20)
			return -1;
		if (ch != '\\') {
			sb_addc(o, ch);
			continue;
		}
		ch = j->s[j->pos++];
		switch (ch) {
		case '"': case '\\': case '/': sb_addc(o, ch); break;
		case 'n': sb_addc(o, '\n'); break;
		case 'r': sb_addc(o, '\r'); break;
		case 't': sb_addc(o, '\t'); break;
		case 'b': sb_addc(o, '\b'); break;
		case 'f': sb_addc(o, '\f'); break;
		case 'u':
			if (jp_hex4(j, &c) < 0)
				return -1;
			if (c >= 0xd800 && c < 0xdc00 && j->s[j->pos] == '\\' &&
			    j->s[j->pos + 1] == 'u') {
				j->pos += 2;
				if (jp_hex4(j, &lo) < 0)
					return -1;
				if (lo >= 0xdc00 && lo < 0xe000)
					c = 0x10000 + ((c - 0xd800) << 10) +
					    (lo - 0xdc00);
			}
			if (c == 0)
				return -1;	/* strings cannot hold NUL */
			utf8_put(o, c);
			break;
		default:
			return -1;
		}
	}
}

static int jp_value(struct jp *, struct scr_val *, int depth);

static int
jp_fail(struct jp *j, const char *msg)
{
	if (j->err == NULL)
		j->err = msg;
	return -1;
}

static int
jp_array(struct jp *j, struct scr_val *out, int depth, bool obj)
{
	struct strbuf key = STRBUF_INIT;
	struct scr_val e;
	char close = obj ? '}' : ']';

	*out = scr_array_new();
	jp_ws(j);
	if (j->s[j->pos] == close) {
		j->pos++;
		return 0;
	}
	for (;;) {
		jp_ws(j);
		if (obj) {
			sb_reset(&key);
			if (j->s[j->pos] != '"') {
				jp_fail(j, "expected a key");
				goto fail;
			}
			j->pos++;
			if (jp_string(j, &key) < 0) {
				jp_fail(j, "bad string");
				goto fail;
			}
			jp_ws(j);
			if (j->s[j->pos] != ':') {
				jp_fail(j, "expected ':'");
				goto fail;
			}
			j->pos++;
		}
		if (jp_value(j, &e, depth + 1) < 0)
			goto fail;
		scr_arr_push(out->u.arr, obj ? sb_str(&key) : NULL, e);
		jp_ws(j);
		if (j->s[j->pos] == ',') {
			j->pos++;
			continue;
		}
		if (j->s[j->pos] == close) {
			j->pos++;
			sb_fini(&key);
			return 0;
		}
		jp_fail(j, obj ? "expected ',' or '}'" : "expected ',' or ']'");
		goto fail;
	}
fail:
	sb_fini(&key);
	scr_val_free(out);
	return -1;
}

static int
jp_value(struct jp *j, struct scr_val *out, int depth)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	size_t l;

	memset(out, 0, sizeof(*out));
	out->k = SV_NOTHING;
	if (depth > JSON_DEPTH)
		return jp_fail(j, "nested too deep");
	jp_ws(j);
	p = j->s + j->pos;
	switch (*p) {
	case '{':
	case '[':
		j->pos++;
		return jp_array(j, out, depth, *p == '{');
	case '"':
		j->pos++;
		if (jp_string(j, &sb) < 0) {
			sb_fini(&sb);
			return jp_fail(j, "bad string");
		}
		if (j->conv) {
			/*
			 * string conversion (the default, UNKNOWN in detail):
			 * a string that is a console number or address
			 * becomes one; options=json.no-string-conversion
			 * keeps it a string
			 */
			struct scr_val t = scr_val_from_text(sb_str(&sb), true);

			if (t.k == SV_NUM || t.k == SV_IP || t.k == SV_IPP ||
			    t.k == SV_IP6 || t.k == SV_IP6P) {
				*out = t;
				sb_fini(&sb);
				return 0;
			}
			scr_val_free(&t);
		}
		*out = str_take(sb_steal(&sb));
		return 0;
	case 't':
	case 'f':
	case 'n':
		l = *p == 'f' ? 5 : 4;
		if (strncmp(p, *p == 't' ? "true" : *p == 'f' ? "false" :
		    "null", l) != 0)
			return jp_fail(j, "unexpected word");
		j->pos += l;
		*out = *p == 'n' ? nil() : scr_kind_val(SV_BOOL, *p == 't');
		return 0;
	default:
		l = strspn(p, "0123456789+-.eE");
		if (l == 0)
			return jp_fail(j, "unexpected character");
		{
			char *t = xstrndup(p, l);
			int64_t n;

			j->pos += l;
			if (!numeric_text(t)) {
				free(t);
				return jp_fail(j, "bad number");
			}
			/* no floats in RouterOS: a fraction stays text */
			if (scr_num_parse(t, &n) == 0) {
				free(t);
				*out = scr_num(n);
			} else
				*out = str_take(t);
		}
		return 0;
	}
}

/* ---- DSV ---- */

static void
dsv_field(const struct scr_val *v, const char *dl, bool wrap,
    struct strbuf *o)
{
	char *s = scr_val_text(v), *p;
	bool q = (wrap && v->k == SV_STR) || strstr(s, dl) ||
	    strpbrk(s, "\"\r\n");

	if (!q) {
		sb_add(o, s);
		free(s);
		return;
	}
	sb_addc(o, '"');
	for (p = s; *p; p++) {
		if (*p == '"')
			sb_addc(o, '"');
		sb_addc(o, *p);
	}
	sb_addc(o, '"');
	free(s);
}

/* keys of the columns: order= if given, else every key of every row */
static struct scr_val
dsv_columns(const struct scr_val *rows, const struct scr_val *order)
{
	struct scr_val cols = scr_array_new();
	size_t i, k;

	if (order->k == SV_ARRAY) {
		for (i = 0; i < order->u.arr->n; i++)
			scr_arr_push(cols.u.arr, NULL,
			    scr_val_copy(&order->u.arr->v[i]));
		return cols;
	}
	if (order->k == SV_STR && order->u.s[0]) {
		struct scr_val t = scr_array_new();
		char *s = xstrdup(order->u.s), *p = s;

		scr_val_free(&cols);
		for (;;) {
			char *e = strchr(p, ',');

			if (e)
				*e = '\0';
			scr_arr_push(t.u.arr, NULL, scr_str(p));
			if (e == NULL)
				break;
			p = e + 1;
		}
		free(s);
		return t;
	}
	{
		/* the union of the rows' keys, sorted: a keyed array does it */
		struct scr_val seen = scr_array_new();

		for (i = 0; i < rows->u.arr->n; i++) {
			const struct scr_val *r = &rows->u.arr->v[i];

			for (k = 0; r->k == SV_ARRAY && k < r->u.arr->n; k++)
				if (r->u.arr->keys[k])
					scr_arr_push(seen.u.arr,
					    r->u.arr->keys[k],
					    scr_kind_val(SV_NOTHING, 0));
		}
		for (k = 0; k < seen.u.arr->n; k++)
			scr_arr_push(cols.u.arr, NULL,
			    scr_str(seen.u.arr->keys[k]));
		scr_val_free(&seen);
	}
	return cols;
}

static void
dsv_serialize(const struct scr_val *v, const char *dl, const char *opts,
    const struct scr_val *order, struct strbuf *o)
{
	bool wrap = has_word(opts, "dsv.wrap-strings");
	struct scr_val rows, cols;
	size_t i, k;
	bool maps = false, lists = false;

	/* a list of rows; a single row (scalars, or one map) is one row */
	if (v->k != SV_ARRAY) {
		dsv_field(v, dl, wrap, o);
		return;
	}
	for (i = 0; i < v->u.arr->n; i++) {
		const struct scr_val *r = &v->u.arr->v[i];

		if (r->k == SV_ARRAY && scr_arr_nlist(r->u.arr) < r->u.arr->n)
			maps = true;
		else if (r->k == SV_ARRAY)
			lists = true;
	}
	if (!maps && !lists) {
		if (scr_arr_nlist(v->u.arr) < v->u.arr->n) {
			rows = scr_array_new();
			scr_arr_push(rows.u.arr, NULL, scr_val_copy(v));
			dsv_serialize(&rows, dl, opts, order, o);
			scr_val_free(&rows);
			return;
		}
		for (i = 0; i < v->u.arr->n; i++) {
			if (i)
				sb_add(o, dl);
			dsv_field(&v->u.arr->v[i], dl, wrap, o);
		}
		return;
	}
	if (maps) {
		cols = dsv_columns(v, order);
		for (k = 0; k < cols.u.arr->n; k++) {
			if (k)
				sb_add(o, dl);
			dsv_field(&cols.u.arr->v[k], dl, wrap, o);
		}
		for (i = 0; i < v->u.arr->n; i++) {
			const struct scr_val *r = &v->u.arr->v[i];

			sb_addc(o, '\n');
			for (k = 0; k < cols.u.arr->n; k++) {
				char *key = scr_val_text(&cols.u.arr->v[k]);
				struct scr_val *e = r->k == SV_ARRAY ?
				    scr_arr_get(r->u.arr, key) : NULL;

				if (k)
					sb_add(o, dl);
				if (e)
					dsv_field(e, dl, wrap, o);
				free(key);
			}
		}
		scr_val_free(&cols);
		return;
	}
	for (i = 0; i < v->u.arr->n; i++) {
		const struct scr_val *r = &v->u.arr->v[i];

		if (i)
			sb_addc(o, '\n');
		if (r->k != SV_ARRAY) {
			dsv_field(r, dl, wrap, o);
			continue;
		}
		for (k = 0; k < r->u.arr->n; k++) {
			if (k)
				sb_add(o, dl);
			dsv_field(&r->u.arr->v[k], dl, wrap, o);
		}
	}
}

/* one line of fields; *p moves past its line end */
static struct scr_val
dsv_line(const char **pp, const char *dl, bool plain)
{
	struct scr_val row = scr_array_new();
	struct strbuf fld = STRBUF_INIT;
	const char *p = *pp;
	size_t dll = strlen(dl);

	for (;;) {
		sb_reset(&fld);
		if (*p == '"' && !plain) {
			for (p++; *p; p++) {
				if (*p == '"' && p[1] == '"') {
					sb_addc(&fld, '"');
					p++;
				} else if (*p == '"') {
					p++;
					break;
				} else
					sb_addc(&fld, *p);
			}
		}
		while (*p && *p != '\n' && *p != '\r' &&
		    strncmp(p, dl, dll) != 0)
			sb_addc(&fld, *p++);
		scr_arr_push(row.u.arr, NULL, scr_str(sb_str(&fld)));
		if (strncmp(p, dl, dll) == 0 && *p) {
			p += dll;
			continue;
		}
		break;
	}
	if (*p == '\r')
		p++;
	if (*p == '\n')
		p++;
	*pp = p;
	sb_fini(&fld);
	return row;
}

static struct scr_val
dsv_deserialize(const char *s, const char *dl, const char *opts)
{
	bool plain = has_word(opts, "dsv.plain");
	bool arr = plain || has_word(opts, "dsv.array");
	struct scr_val out = scr_array_new(), hdr, row, m;
	const char *p = s;
	size_t k;

	if (arr) {
		while (*p)
			scr_arr_push(out.u.arr, NULL, dsv_line(&p, dl, plain));
		return out;
	}
	/* "returns a map by default": the first line names the columns */
	if (*p == '\0')
		return out;
	hdr = dsv_line(&p, dl, false);
	while (*p) {
		row = dsv_line(&p, dl, false);
		m = scr_array_new();
		for (k = 0; k < row.u.arr->n; k++) {
			char *key = k < hdr.u.arr->n ?
			    scr_val_text(&hdr.u.arr->v[k]) : NULL;

			scr_arr_push(m.u.arr, key,
			    scr_val_copy(&row.u.arr->v[k]));
			free(key);
		}
		scr_arr_push(out.u.arr, NULL, m);
		scr_val_free(&row);
	}
	scr_val_free(&hdr);
	return out;
}

/* ---- the commands ---- */

static char *
opt_text(const struct scr_val *v)
{
	return v->k == SV_NOTHING ? xstrdup("") : scr_val_text(v);
}

enum scr_status
codec_serialize(struct scr_frame *f, const struct ast *stmt,
    const struct scr_val *v, const struct scr_val *to,
    const struct scr_val *opts, const struct scr_val *delim,
    const struct scr_val *order, struct scr_val *out)
{
	struct strbuf o = STRBUF_INIT;
	char *fmt = opt_text(to), *op = opt_text(opts), *dl = opt_text(delim);
	enum scr_status st = SCR_OK;

	if (!strcmp(fmt, "json"))
		json_val(v, &o, !has_word(op, "json.no-string-conversion"),
		    has_word(op, "json.pretty"), 0);
	else if (!strcmp(fmt, "dsv"))
		dsv_serialize(v, *dl ? dl : ",", op, order, &o);
	else
		st = scr_fail(f, stmt->start,
		    "input does not match any value of to");
	if (st == SCR_OK)
		*out = str_take(sb_steal(&o));
	sb_fini(&o);
	free(fmt);
	free(op);
	free(dl);
	return st;
}

enum scr_status
codec_deserialize(struct scr_frame *f, const struct ast *stmt,
    const struct scr_val *v, const struct scr_val *from,
    const struct scr_val *opts, const struct scr_val *delim,
    struct scr_val *out)
{
	char *fmt = opt_text(from), *op = opt_text(opts), *dl = opt_text(delim);
	char *s = scr_val_text(v);
	enum scr_status st = SCR_OK;
	struct jp j;

	if (!strcmp(fmt, "json")) {
		memset(&j, 0, sizeof(j));
		j.s = s;
		j.conv = !has_word(op, "json.no-string-conversion");
		if (jp_value(&j, out, 0) == 0) {
			jp_ws(&j);
			if (s[j.pos] != '\0') {
				scr_val_free(out);
				jp_fail(&j, "trailing characters");
			}
		}
		if (j.err) {
			/* the router's wording is UNKNOWN */
			st = scr_fail(f, stmt->start,
			    "failure: invalid json (%s at %zu)", j.err, j.pos);
			*out = nil();
		}
	} else if (!strcmp(fmt, "dsv"))
		*out = dsv_deserialize(s, *dl ? dl : ",", op);
	else
		st = scr_fail(f, stmt->start,
		    "input does not match any value of from");
	free(s);
	free(fmt);
	free(op);
	free(dl);
	return st;
}

/*
 * DOC: pcc - per-connection-classifier (routeros-engine.md §8).
 *
 * RouterOS v6 (xt_misc.c in its GPL release) concatenates the selected
 * header fields in network byte order -- source address, destination
 * address, then, for TCP/UDP/UDP-Lite/SCTP/DCCP only, source port and
 * destination port -- hashes them with the kernel's jhash (Bob Jenkins'
 * public-domain lookup3, "hashlittle" form) under a per-boot random
 * initval, and matches when hash % denominator == remainder, XOR '!'.
 * Here the initval is the emulator's seed (DESIGN.md: 0 by default).
 * pcc_jhash() is written from that description; the test vectors of §8
 * and lookup3's own published values pin it (tests/unit/check_engine.c).
 * The match is stateless: the engine calls it on each packet reaching a
 * rule, typically only connection-state=new ones.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"

static uint32_t
rotl32(uint32_t x, unsigned k)
{
	return x << k | x >> (32 - k);
}

/* lookup3's reversible mix of three words (between 12-byte blocks) */
#define JH_MIX(a, b, c) do {						\
	a -= c; a ^= rotl32(c, 4);  c += b;				\
	b -= a; b ^= rotl32(a, 6);  a += c;				\
	c -= b; c ^= rotl32(b, 8);  b += a;				\
	a -= c; a ^= rotl32(c, 16); c += b;				\
	b -= a; b ^= rotl32(a, 19); a += c;				\
	c -= b; c ^= rotl32(b, 4);  b += a;				\
} while (0)

/* lookup3's final avalanche of three words into c */
#define JH_FINAL(a, b, c) do {						\
	c ^= b; c -= rotl32(b, 14);					\
	a ^= c; a -= rotl32(c, 11);					\
	b ^= a; b -= rotl32(a, 25);					\
	c ^= b; c -= rotl32(b, 16);					\
	a ^= c; a -= rotl32(c, 4);					\
	b ^= a; b -= rotl32(a, 14);					\
	c ^= b; c -= rotl32(b, 24);					\
} while (0)

static uint32_t
le32(const uint8_t *k)
{
	return (uint32_t)k[0] | (uint32_t)k[1] << 8 | (uint32_t)k[2] << 16 |
	    (uint32_t)k[3] << 24;
}

uint32_t
pcc_jhash(const uint8_t *key, size_t len, uint32_t initval)
{
	uint32_t w[3], a, b, c;
	size_t i;

	a = b = c = 0xdeadbeefU + (uint32_t)len + initval;
	/* whole blocks while more than 12 bytes remain: the last 1..12
	 * always take the byte-wise path below */
	while (len > 12) {
		a += le32(key);
		b += le32(key + 4);
		c += le32(key + 8);
		JH_MIX(a, b, c);
		key += 12;
		len -= 12;
	}
	if (len == 0)
		return c;	/* nothing left to add: no final mix */
	/* byte i of the tail lands in word i / 4 at bits 8 * (i % 4) */
	w[0] = w[1] = w[2] = 0;
	for (i = 0; i < len; i++)
		w[i / 4] += (uint32_t)key[i] << (8 * (i % 4));
	a += w[0];
	b += w[1];
	c += w[2];
	JH_FINAL(a, b, c);
	return c;
}

uint32_t
pcc_hash3(uint32_t a, uint32_t b, uint32_t c, uint32_t initval)
{
	uint32_t iv = 0xdeadbeefU + 12 + initval;

	a += iv;
	b += iv;
	c += iv;
	JH_FINAL(a, b, c);
	return c;
}

static const struct {
	const char *name;
	uint8_t	 fields;
} pcc_forms[] = {
	{ "src-address", PCC_SRC_ADDR },
	{ "dst-address", PCC_DST_ADDR },
	{ "both-addresses", PCC_SRC_ADDR | PCC_DST_ADDR },
	{ "src-port", PCC_SRC_PORT },
	{ "dst-port", PCC_DST_PORT },
	{ "both-ports", PCC_SRC_PORT | PCC_DST_PORT },
	{ "src-address-and-port", PCC_SRC_ADDR | PCC_SRC_PORT },
	{ "dst-address-and-port", PCC_DST_ADDR | PCC_DST_PORT },
	{ "both-addresses-and-ports", PCC_SRC_ADDR | PCC_DST_ADDR |
	    PCC_SRC_PORT | PCC_DST_PORT },
};

/* a decimal number of at most 10 digits that fits 32 bits */
static const char *
parse_u32(const char *s, uint32_t *out)
{
	uint64_t v = 0;
	int n = 0;

	while (*s >= '0' && *s <= '9') {
		if (++n > 10)
			return NULL;
		v = v * 10 + (uint64_t)(*s++ - '0');
	}
	if (n == 0 || v > UINT32_MAX)
		return NULL;
	*out = (uint32_t)v;
	return s;
}

int
pcc_parse(const char *text, struct pcc_rule *out)
{
	struct pcc_rule r;
	const char *colon, *s;
	size_t i, nl;

	memset(&r, 0, sizeof(r));
	if (*text == '!') {
		r.neg = true;
		text++;
	}
	colon = strchr(text, ':');
	if (colon == NULL)
		return -1;
	nl = (size_t)(colon - text);
	for (i = 0; i < sizeof(pcc_forms) / sizeof(pcc_forms[0]); i++)
		if (strlen(pcc_forms[i].name) == nl &&
		    memcmp(pcc_forms[i].name, text, nl) == 0)
			break;
	if (i == sizeof(pcc_forms) / sizeof(pcc_forms[0]))
		return -1;
	r.fields = pcc_forms[i].fields;
	s = parse_u32(colon + 1, &r.den);
	if (s == NULL || *s != '/')
		return -1;
	s = parse_u32(s + 1, &r.rem);
	/* a remainder >= denominator could never match */
	if (s == NULL || *s != '\0' || r.den == 0 || r.rem >= r.den)
		return -1;
	*out = r;
	return 0;
}

size_t
pcc_print(const struct pcc_rule *r, char *buf, size_t size)
{
	const char *name = "?";
	size_t i;
	int n;

	for (i = 0; i < sizeof(pcc_forms) / sizeof(pcc_forms[0]); i++)
		if (pcc_forms[i].fields == r->fields)
			name = pcc_forms[i].name;
	n = snprintf(buf, size, "%s%s:%u/%u", r->neg ? "!" : "", name,
	    (unsigned)r->den, (unsigned)r->rem);
	return n < 0 ? 0 : (size_t)n;
}

static void
put_be32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

int
pcc_eval(const struct pcc_rule *r, const struct pkt *p, uint32_t seed)
{
	uint8_t key[16 + 16 + 2 + 2];
	size_t n = 0;
	bool hit;

	/* xt_misc: a packet that is not IP returns the inversion flag */
	if (p->family != PF_IP4 && p->family != PF_IP6)
		return r->neg;
	if (r->fields & PCC_SRC_ADDR) {
		if (p->family == PF_IP4)
			put_be32(key + n, p->src4);
		else
			memcpy(key + n, p->src6, 16);
		n += p->family == PF_IP4 ? 4 : 16;
	}
	if (r->fields & PCC_DST_ADDR) {
		if (p->family == PF_IP4)
			put_be32(key + n, p->dst4);
		else
			memcpy(key + n, p->dst6, 16);
		n += p->family == PF_IP4 ? 4 : 16;
	}
	if ((r->fields & (PCC_SRC_PORT | PCC_DST_PORT)) &&
	    (p->proto == IPP_TCP || p->proto == IPP_UDP ||
	    p->proto == IPP_UDPLITE || p->proto == IPP_SCTP ||
	    p->proto == IPP_DCCP)) {
		/* netfilter "hotdrop" when the port header is unreadable */
		if (!p->has_l4)
			return -1;
		if (r->fields & PCC_SRC_PORT) {
			key[n++] = (uint8_t)(p->sport >> 8);
			key[n++] = (uint8_t)p->sport;
		}
		if (r->fields & PCC_DST_PORT) {
			key[n++] = (uint8_t)(p->dport >> 8);
			key[n++] = (uint8_t)p->dport;
		}
	}
	hit = r->den != 0 && pcc_jhash(key, n, seed) % r->den == r->rem;
	return hit != r->neg;
}

bool
pcc_match(const struct pcc_rule *r, const struct pkt *p, uint32_t seed)
{
	return pcc_eval(r, p, seed) == 1;
}

/*
 * DOC: types - RouterOS value types: parse once, print canonically.
 *
 * Every property value is parsed when it is set (add/set/import), checked
 * with RouterOS's message, and kept as typed data plus its canonical
 * printed text, which print and export reuse.  Parsers take the value
 * without a leading '!' (negation is handled by the caller for P_NEG
 * properties).  Canonical forms follow what RouterOS prints: "yes"/"no",
 * compact times (1d2h3m), /32 hosts without prefix in address fields,
 * prefixes normalised to their network, upper-case MAC addresses.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

#define T(n, k)		{ n, k, NULL, 1, 0 }
const struct sch_type vt_text = T("string", VK_TEXT);
const struct sch_type vt_num = T("integer", VK_NUM);
const struct sch_type vt_u32 = { "integer", VK_NUM, NULL, 0, 4294967295LL };
const struct sch_type vt_distance = { "integer", VK_NUM, NULL, 0, 255 };
const struct sch_type vt_bool = T("yes | no", VK_BOOL);
const struct sch_type vt_time = T("time interval", VK_TIME);
const struct sch_type vt_ip = T("IP address", VK_IP);
const struct sch_type vt_ip_prefix = T("IP prefix", VK_IP_PREFIX);
const struct sch_type vt_ip_range = T("IP address range", VK_IP_RANGE);
const struct sch_type vt_ip6 = T("IPv6 address", VK_IP6);
const struct sch_type vt_ip6_prefix = T("IPv6 prefix", VK_IP6_PREFIX);
const struct sch_type vt_addr = T("IP address/netmask", VK_ADDR);
const struct sch_type vt_mac = T("MAC address", VK_MAC);
const struct sch_type vt_ports = T("port list", VK_PORTS);
const struct sch_type vt_name = T("name", VK_NAME);
const struct sch_type vt_names = T("names", VK_NAMES);
const struct sch_type vt_id = T("id", VK_ID);
const struct sch_type vt_al_addr = { "IP address range or DNS name",
    VK_IP_RANGE, "dns", 1, 0 };
const struct sch_type vt_prefix_list = T("IP prefix list", VK_NAMES);

void
sch_val_fini(struct sch_val *v)
{
	free(v->text);
	memset(v, 0, sizeof(*v));
}

void
sch_val_copy(struct sch_val *d, const struct sch_val *s)
{
	*d = *s;
	d->text = s->text ? xstrdup(s->text) : NULL;
}

/* ---- IPv4 ---- */

int
sch_ip4_parse(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	int parts = 0;

	for (;;) {
		unsigned n = 0;
		int nd = 0;

		/* 1 to 3 digits up to 255; by hand, not strtoul (hot) */
		for (; *s >= '0' && *s <= '9'; s++) {
			if (++nd > 3)
				return -1;
			n = n * 10 + (unsigned)(*s - '0');
		}
		if (nd == 0 || n > 255)
			return -1;
		v = (v << 8) | (uint32_t)n;
		parts++;
		if (*s == '\0')
			break;
		if (*s != '.' || parts == 4)
			return -1;
		s++;
	}
	if (parts != 4)
		return -1;
	*out = v;
	return 0;
}

/*
 * Formatted by hand, as is "/len" below: through printf these two were a
 * quarter of the time it takes to load a large address list.
 */
void
sch_ip4_print(uint32_t a, struct strbuf *sb)
{
	char buf[16], *p = buf;
	int sh;

	for (sh = 24; sh >= 0; sh -= 8) {
		unsigned o = (a >> sh) & 255;

		if (o >= 100)
			*p++ = (char)('0' + o / 100);
		if (o >= 10)
			*p++ = (char)('0' + o / 10 % 10);
		*p++ = (char)('0' + o % 10);
		if (sh)
			*p++ = '.';
	}
	sb_addn(sb, buf, (size_t)(p - buf));
}

/* "/plen" for a prefix length of 0..128 */
static void
plen_print(long plen, struct strbuf *sb)
{
	char buf[8], *p = buf;

	*p++ = '/';
	if (plen >= 100)
		*p++ = (char)('0' + plen / 100);
	if (plen >= 10)
		*p++ = (char)('0' + plen / 10 % 10);
	*p++ = (char)('0' + plen % 10);
	sb_addn(sb, buf, (size_t)(p - buf));
}

static uint32_t
plen_mask(int plen)
{
	return plen == 0 ? 0 : 0xffffffffu << (32 - plen);
}

/* "a.b.c.d/n" (n optional: 32); host bits kept */
static int
ip4_prefix_parse(const char *s, uint32_t *a, int *plen)
{
	const char *sl = strchr(s, '/');
	char buf[32];

	*plen = 32;
	if (sl) {
		char *e;
		long n;
		uint32_t m;

		if ((size_t)(sl - s) >= sizeof(buf))
			return -1;
		memcpy(buf, s, (size_t)(sl - s));
		buf[sl - s] = '\0';
		if (!isdigit((unsigned char)sl[1]))
			return -1;
		n = strtol(sl + 1, &e, 10);
		if (*e == '.') {
			/* netmask form a.b.c.d/255.255.255.0 */
			if (sch_ip4_parse(sl + 1, &m) < 0)
				return -1;
			for (n = 0; n < 32 && (m & (1u << (31 - n))); n++)
				;
			if (plen_mask((int)n) != m)
				return -1;
		} else if (*e || n < 0 || n > 32)
			return -1;
		*plen = (int)n;
		return sch_ip4_parse(buf, a);
	}
	return sch_ip4_parse(s, a);
}

/* ---- IPv6 ---- */

int
sch_ip6_parse(const char *s, uint8_t a[16])
{
	uint16_t w[8];
	int n = 0, gap = -1, i;
	const char *p = s;

	if (p[0] == ':' && p[1] == ':') {
		gap = 0;
		p += 2;
		if (*p == '\0')
			goto done;
	} else if (*p == ':')
		return -1;
	while (*p) {
		const char *q = p;
		unsigned long v;
		char *e;

		if (n == 8)
			return -1;
		/* embedded IPv4 tail */
		if (strchr(q, '.') && !strchr(q, ':')) {
			uint32_t v4;

			if (n > 6 || sch_ip4_parse(q, &v4) < 0)
				return -1;
			w[n++] = (uint16_t)(v4 >> 16);
			w[n++] = (uint16_t)v4;
			break;
		}
		if (!isxdigit((unsigned char)*q))
			return -1;
		v = strtoul(q, &e, 16);
		if (e - q > 4)
			return -1;
		w[n++] = (uint16_t)v;
		p = e;
		if (*p == '\0')
			break;
		if (*p != ':')
			return -1;
		p++;
		if (*p == ':') {
			if (gap >= 0)
				return -1;
			gap = n;
			p++;
			if (*p == '\0')
				break;
		} else if (*p == '\0')
			return -1;
	}
done:
	if (gap < 0 && n != 8)
		return -1;
	if (gap >= 0 && n > 7)
		return -1;
	memset(a, 0, 16);
	for (i = 0; i < n; i++) {
		int pos = (gap >= 0 && i >= gap) ? i + (8 - n) : i;

		a[pos * 2] = (uint8_t)(w[i] >> 8);
		a[pos * 2 + 1] = (uint8_t)w[i];
	}
	return 0;
}

/* RFC 5952: lower case, longest run of >= 2 zero groups as "::" */
void
sch_ip6_print(const uint8_t a[16], struct strbuf *sb)
{
	uint16_t w[8];
	int i, best = -1, blen = 0;

	for (i = 0; i < 8; i++)
		w[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
	for (i = 0; i < 8; i++) {
		int j = i;

		while (j < 8 && w[j] == 0)
			j++;
		if (j - i > blen && j - i >= 2) {
			best = i;
			blen = j - i;
		}
		if (j > i)
			i = j - 1;
	}
	for (i = 0; i < 8; i++) {
		if (i == best) {
			sb_add(sb, "::");
			i += blen - 1;
			continue;
		}
		if (i && !(best >= 0 && i == best + blen))
			sb_addc(sb, ':');
		sb_addf(sb, "%x", w[i]);
	}
}

/* ---- time ---- */

int
sch_time_parse(const char *s, int64_t *ns)
{
	int64_t total = 0;
	const char *p = s;
	int neg = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p == '\0')
		return -1;
	if (strchr(p, ':')) {
		/* [Nw][Nd]HH:MM[:SS[.frac]] */
		long h, m, sec = 0;
		int64_t frac = 0;
		char *e;

		while (isdigit((unsigned char)*p)) {
			long v = strtol(p, &e, 10);

			if (*e == 'w')
				total += (int64_t)v * 7 * 86400 * 1000000000LL;
			else if (*e == 'd')
				total += (int64_t)v * 86400 * 1000000000LL;
			else
				break;
			p = e + 1;
		}
		h = strtol(p, &e, 10);
		if (e == p || *e != ':')
			return -1;
		p = e + 1;
		m = strtol(p, &e, 10);
		if (e == p || m > 59)
			return -1;
		p = e;
		if (*p == ':') {
			p++;
			sec = strtol(p, &e, 10);
			if (e == p || sec > 59)
				return -1;
			p = e;
			if (*p == '.') {
				int64_t mul = 100000000;

				p++;
				while (isdigit((unsigned char)*p) && mul) {
					frac += (*p - '0') * mul;
					mul /= 10;
					p++;
				}
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		if (*p)
			return -1;
		total += ((int64_t)h * 3600 + m * 60 + sec) * 1000000000LL + frac;
	} else {
		int any = 0;

		while (*p) {
			char *e;
			double v;
			int64_t mul;

			if (!isdigit((unsigned char)*p) && *p != '.')
				return -1;
			v = strtod(p, &e);
			if (e == p)
				return -1;
			p = e;
			if (strncmp(p, "ms", 2) == 0) {
				mul = 1000000;
				p += 2;
			} else if (strncmp(p, "us", 2) == 0) {
				mul = 1000;
				p += 2;
			} else if (strncmp(p, "ns", 2) == 0) {
				mul = 1;
				p += 2;
			} else if (*p == 'w') {
				mul = 7 * 86400 * 1000000000LL;
				p++;
			} else if (*p == 'd') {
				mul = 86400 * 1000000000LL;
				p++;
			} else if (*p == 'h') {
				mul = 3600 * 1000000000LL;
				p++;
			} else if (*p == 'm') {
				mul = 60 * 1000000000LL;
				p++;
			} else if (*p == 's' || *p == '\0') {
				mul = 1000000000LL;	/* bare number: seconds */
				if (*p)
					p++;
			} else
				return -1;
			total += (int64_t)(v * (double)mul + 0.5);
			any = 1;
		}
		if (!any)
			return -1;
	}
	*ns = neg ? -total : total;
	return 0;
}

void
sch_time_print(int64_t ns, struct strbuf *sb)
{
	static const struct { const char *u; int64_t n; } units[] = {
		{ "w", 7 * 86400 * 1000000000LL }, { "d", 86400 * 1000000000LL },
		{ "h", 3600 * 1000000000LL }, { "m", 60 * 1000000000LL },
		{ "s", 1000000000LL }, { "ms", 1000000LL }, { "us", 1000LL },
		{ "ns", 1 },
	};
	size_t i;

	if (ns < 0) {
		sb_addc(sb, '-');
		ns = -ns;
	}
	if (ns == 0) {
		sb_add(sb, "0s");
		return;
	}
	for (i = 0; i < NELEM(units); i++) {
		if (ns >= units[i].n) {
			sb_addf(sb, "%lld%s", (long long)(ns / units[i].n),
			    units[i].u);
			ns %= units[i].n;
		}
	}
}

/* ---- helpers ---- */

static int
enum_match(const char *enums, const char *in, size_t inlen, struct strbuf *out,
    int64_t *idx)
{
	const char *p = enums;
	int64_t i = 0, hit = -1, nhit = 0;
	const char *hs = NULL;
	size_t hl = 0;

	while (*p) {
		const char *e = strchr(p, '|');
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (l == inlen && memcmp(p, in, l) == 0) {
			hit = i;
			hs = p;
			hl = l;
			nhit = 1;
			break;
		}
		if (l > inlen && memcmp(p, in, inlen) == 0) {
			if (nhit++ == 0) {
				hit = i;
				hs = p;
				hl = l;
			}
		}
		i++;
		p += l;
		if (*p == '|')
			p++;
	}
	if (nhit != 1 || inlen == 0)
		return nhit > 1 ? -2 : -1;
	sb_addn(out, hs, hl);
	if (idx)
		*idx = hit;
	return 0;
}

static int
num_parse(const char *s, int64_t *out)
{
	char *e;
	long long v;

	if (*s == '\0')
		return -1;
	errno = 0;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		v = strtoll(s + 2, &e, 16);
	else
		v = strtoll(s, &e, 10);
	if (errno || *e)
		return -1;
	*out = v;
	return 0;
}

/* an ASCII letter anywhere in s (strpbrk with 52 letters is slow) */
static bool
has_letter(const char *s)
{
	for (; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			return true;
	return false;
}

int
sch_type_parse(const struct sch_type *t, const char *in, struct sch_val *out,
    const char **err)
{
	struct strbuf sb = STRBUF_INIT;
	static const char bad[] = "invalid value";

	memset(out, 0, sizeof(*out));
	*err = bad;
	switch (t->kind) {
	case VK_TEXT:
	case VK_NAME:
	case VK_NAMES:
	case VK_ID:
		/* the text is the value: no strbuf round trip */
		out->text = xstrdup(in);
		*err = NULL;
		return 0;
	case VK_NUM:
		if (num_parse(in, &out->u.num) < 0)
			goto fail;
		if (t->min <= t->max &&
		    (out->u.num < t->min || out->u.num > t->max)) {
			*err = "value out of range";
			goto fail;
		}
		sb_addf(&sb, "%lld", (long long)out->u.num);
		break;
	case VK_BOOL:
		if (!strcmp(in, "yes") || !strcmp(in, "true"))
			out->u.num = 1;
		else if (!strcmp(in, "no") || !strcmp(in, "false"))
			out->u.num = 0;
		else {
			*err = "input does not match any value";
			goto fail;
		}
		sb_add(&sb, out->u.num ? "yes" : "no");
		break;
	case VK_TIME:
		if (sch_time_parse(in, &out->u.num) < 0)
			goto fail;
		sch_time_print(out->u.num, &sb);
		break;
	case VK_IP:
		if (sch_ip4_parse(in, &out->u.ip4.lo) < 0)
			goto fail;
		out->u.ip4.hi = out->u.ip4.lo;
		out->u.ip4.plen = 32;
		sch_ip4_print(out->u.ip4.lo, &sb);
		break;
	case VK_ADDR:
	case VK_IP_PREFIX: {
		uint32_t a;
		int plen;

		if (ip4_prefix_parse(in, &a, &plen) < 0)
			goto fail;
		if (t->kind == VK_IP_PREFIX)
			a &= plen_mask(plen);	/* ROS: stored as the network */
		out->u.ip4.lo = a;
		out->u.ip4.hi = a | ~plen_mask(plen);
		out->u.ip4.plen = (uint8_t)plen;
		sch_ip4_print(a, &sb);
		plen_print(plen, &sb);
		break;
	}
	case VK_IP_RANGE: {
		const char *dash = strchr(in, '-');
		uint32_t a, b;
		int plen;

		/* address lists also hold DNS names (ip-adress.eu) */
		if (t->enums && has_letter(in) && !strchr(in, '/')) {
			sb_add(&sb, in);
			out->u.ip4.plen = 255;
			break;
		}
		if (dash) {
			char buf[32];

			if ((size_t)(dash - in) >= sizeof(buf))
				goto fail;
			memcpy(buf, in, (size_t)(dash - in));
			buf[dash - in] = '\0';
			if (sch_ip4_parse(buf, &a) < 0 ||
			    sch_ip4_parse(dash + 1, &b) < 0 || b < a)
				goto fail;
			/* ROS: a range that is exactly a prefix becomes it */
			for (plen = 0; plen <= 32; plen++)
				if ((a & ~plen_mask(plen)) == 0 &&
				    (a | ~plen_mask(plen)) == b)
					break;
			if (plen <= 32) {
				out->u.ip4.lo = a;
				out->u.ip4.hi = b;
				out->u.ip4.plen = (uint8_t)plen;
				sch_ip4_print(a, &sb);
				if (plen != 32)
					plen_print(plen, &sb);
				break;
			}
			out->u.ip4.lo = a;
			out->u.ip4.hi = b;
			out->u.ip4.plen = 0;
			sch_ip4_print(a, &sb);
			sb_addc(&sb, '-');
			sch_ip4_print(b, &sb);
			break;
		}
		if (ip4_prefix_parse(in, &a, &plen) < 0)
			goto fail;
		a &= plen_mask(plen);
		out->u.ip4.lo = a;
		out->u.ip4.hi = a | ~plen_mask(plen);
		out->u.ip4.plen = (uint8_t)plen;
		sch_ip4_print(a, &sb);
		if (plen != 32)		/* ROS: hosts print without /32 */
			plen_print(plen, &sb);
		break;
	}
	case VK_IP6:
	case VK_IP6_PREFIX: {
		char buf[64];
		const char *sl = strchr(in, '/');
		long plen = 128;

		if (strlen(in) >= sizeof(buf))
			goto fail;
		strcpy(buf, in);
		if (sl) {
			char *e;

			buf[sl - in] = '\0';
			plen = strtol(sl + 1, &e, 10);
			if (*e || plen < 0 || plen > 128 || e == sl + 1)
				goto fail;
		} else if (t->kind == VK_IP6_PREFIX)
			goto fail;
		if (sch_ip6_parse(buf, out->u.ip6.a) < 0)
			goto fail;
		out->plen6 = (uint8_t)plen;
		sch_ip6_print(out->u.ip6.a, &sb);
		if (sl)
			plen_print(plen, &sb);
		break;
	}
	case VK_MAC: {
		unsigned m[6];
		int i, n = 0;

		if (sscanf(in, "%2x%*1[:-]%2x%*1[:-]%2x%*1[:-]%2x%*1[:-]%2x%*1[:-]%2x%n",
		    &m[0], &m[1], &m[2], &m[3], &m[4], &m[5], &n) != 6 ||
		    in[n] != '\0')
			goto fail;
		for (i = 0; i < 6; i++)
			out->u.mac[i] = (uint8_t)m[i];
		sb_addf(&sb, "%02X:%02X:%02X:%02X:%02X:%02X", m[0], m[1], m[2],
		    m[3], m[4], m[5]);
		break;
	}
	case VK_PORTS: {
		const char *p = in;

		/* 80,443,1000-2000; service names are kept as written */
		while (*p) {
			const char *e = strchr(p, ',');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			char buf[64];
			unsigned long lo, hi;
			char *x;

			if (l == 0 || l >= sizeof(buf))
				goto fail;
			memcpy(buf, p, l);
			buf[l] = '\0';
			if (isdigit((unsigned char)buf[0])) {
				lo = strtoul(buf, &x, 10);
				hi = lo;
				if (*x == '-')
					hi = strtoul(x + 1, &x, 10);
				if (*x || lo > 65535 || hi > 65535 || hi < lo)
					goto fail;
			}
			p += l;
			if (*p == ',')
				p++;
		}
		sb_add(&sb, in);
		break;
	}
	case VK_ENUM: {
		int r = enum_match(t->enums, in, strlen(in), &sb, &out->u.num);

		if (r < 0) {
			*err = r == -2 ? "ambiguous value" :
			    "input does not match any value";
			goto fail;
		}
		break;
	}
	case VK_ENUMS: {
		const char *p = in;

		while (*p) {
			const char *e = strchr(p, ',');
			size_t l = e ? (size_t)(e - p) : strlen(p);

			if (sb.len)
				sb_addc(&sb, ',');
			if (enum_match(t->enums, p, l, &sb, NULL) < 0) {
				*err = "input does not match any value";
				goto fail;
			}
			p += l;
			if (*p == ',')
				p++;
		}
		if (sb.len == 0 && *in == '\0')
			sb_add(&sb, "");
		break;
	}
	}
	/* exact size: items keep it (sb_steal would hand over 64 bytes) */
	out->text = xstrndup(sb_str(&sb), sb.len);
	sb_fini(&sb);
	*err = NULL;
	return 0;
fail:
	sb_fini(&sb);
	return -1;
}

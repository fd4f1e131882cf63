/*
 * DOC: pcap - capture files in and out (libpcap), merge by timestamp.
 *
 * Readers open with nanosecond precision (libpcap scales microsecond
 * files) and hand out Ethernet II frames in a buffer of their own, so the
 * engine may rewrite a frame in place.  Other link types are converted by
 * prepending a synthetic Ethernet header.  The merge keeps one look-ahead
 * frame per input and returns the smallest (timestamp, input index): a
 * stable k-way merge, deterministic for equal timestamps.  Writers use a
 * "dead" DLT_EN10MB handle with nanosecond precision; timestamps come from
 * the virtual clock, so the same replay writes byte-identical files.
 * Called by the replay front end; errors are text in a strbuf.
 */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "util.h"

#define SNAPLEN		262144
#define ETH_HLEN	14
/*
 * The read buffer under libpcap's FILE.  glibc's default is st_blksize
 * (4 KiB), one read(2) per 4 KiB: on a 1,000,000-frame capture that is
 * most of the time a bare pcap_next_ex() loop takes (tests/bench/run.sh
 * shows both).  256 KiB makes the system calls vanish from the profile.
 */
#define READ_BUF	(256 * 1024)

struct io_pcap_in {
	pcap_t	*pc;
	int	 dlt;
	uint8_t	*buf;
	size_t	 cap;
	char	*path;
	char	*iobuf;		/* the FILE's buffer, freed after it */
};

static void
err_add(struct strbuf *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
err_add(struct strbuf *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	sb_vaddf(err, fmt, ap);
	va_end(ap);
}

static bool
dlt_supported(int dlt)
{
	switch (dlt) {
	case DLT_EN10MB:
	case DLT_LINUX_SLL:
	case DLT_LINUX_SLL2:
	case DLT_RAW:
	case DLT_IPV4:
	case DLT_IPV6:
	case DLT_NULL:
	case DLT_LOOP:
		return true;
	default:
		/* LINKTYPE_RAW (101) may come back unmapped */
		return dlt == 101;
	}
}

struct io_pcap_in *
io_pcap_open(const char *path, struct strbuf *err)
{
	char ebuf[PCAP_ERRBUF_SIZE];
	struct io_pcap_in *in;
	char *iobuf = NULL;
	FILE *fp;
	pcap_t *pc;
	int dlt;

	ebuf[0] = '\0';
	/* "-" is standard input, as for pcap_open_offline() */
	if (!strcmp(path, "-"))
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL) {
		err_add(err, "%s: %s", path, strerror(errno));
		return NULL;
	} else {
		/* glibc ignores the size unless it is given the buffer */
		iobuf = xmalloc(READ_BUF);
		setvbuf(fp, iobuf, _IOFBF, READ_BUF);
	}
	/* on success pcap_close() closes fp (never stdin) */
	pc = pcap_fopen_offline_with_tstamp_precision(fp,
	    PCAP_TSTAMP_PRECISION_NANO, ebuf);
	if (pc == NULL) {
		err_add(err, "%s: %s", path, ebuf[0] ? ebuf :
		    "cannot open capture");
		if (fp != stdin)
			fclose(fp);
		free(iobuf);
		return NULL;
	}
	dlt = pcap_datalink(pc);
	if (!dlt_supported(dlt)) {
		const char *name = pcap_datalink_val_to_name(dlt);

		err_add(err, "%s: unsupported link type %s (%d)", path,
		    name ? name : "?", dlt);
		pcap_close(pc);
		free(iobuf);
		return NULL;
	}
	in = xcalloc(1, sizeof(*in));
	in->pc = pc;
	in->iobuf = iobuf;
	in->dlt = dlt;
	in->path = xstrdup(path);
	return in;
}

int
io_pcap_linktype(const struct io_pcap_in *in)
{
	return in->dlt;
}

void
io_pcap_close(struct io_pcap_in *in)
{
	if (in == NULL)
		return;
	pcap_close(in->pc);
	free(in->iobuf);
	free(in->buf);
	free(in->path);
	free(in);
}

static uint16_t
rd16(const uint8_t *b)
{
	return (uint16_t)((unsigned)b[0] << 8 | b[1]);
}

static uint32_t
rd32be(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

/* EtherType of a raw IP packet from its version nibble (0: neither) */
static uint16_t
ip_ethertype(const uint8_t *d, size_t n)
{
	if (n == 0)
		return 0;
	switch (d[0] >> 4) {
	case 4: return 0x0800;
	case 6: return 0x86dd;
	default: return 0;
	}
}

/* BSD loopback address family -> EtherType (AF_INET6 differs per OS) */
static uint16_t
af_ethertype(uint32_t af)
{
	switch (af) {
	case 2: return 0x0800;
	case 10: case 24: case 28: case 30: return 0x86dd;
	default: return 0;
	}
}

/*
 * Builds the frame in in->buf: an Ethernet header (dst, src, type) and
 * the payload.  dst/src NULL = zero address.
 */
static size_t
frame_build(struct io_pcap_in *in, const uint8_t *dst, const uint8_t *src,
    uint16_t type, const uint8_t *payload, size_t n)
{
	xgrow((void **)&in->buf, &in->cap, ETH_HLEN + n, 1);
	memset(in->buf, 0, 12);
	if (dst != NULL)
		memcpy(in->buf, dst, 6);
	if (src != NULL)
		memcpy(in->buf + 6, src, 6);
	in->buf[12] = (uint8_t)(type >> 8);
	in->buf[13] = (uint8_t)type;
	if (n > 0)
		memcpy(in->buf + ETH_HLEN, payload, n);
	return ETH_HLEN + n;
}

/* Linux cooked header fields -> Ethernet addresses */
static size_t
frame_sll(struct io_pcap_in *in, uint16_t pkttype, uint16_t hatype,
    unsigned halen, const uint8_t *addr, uint16_t proto,
    const uint8_t *payload, size_t n)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	const uint8_t *src = hatype == 1 && halen == 6 ? addr : NULL;

	/* packet type 1: broadcast; protocol values below 0x600 are
	 * Linux-internal (802.2, CAN...), not EtherTypes */
	return frame_build(in, pkttype == 1 ? bcast : NULL, src,
	    proto >= 0x600 ? proto : 0, payload, n);
}

int
io_pcap_next(struct io_pcap_in *in, struct io_frame *out, struct strbuf *err)
{
	struct pcap_pkthdr *h;
	const u_char *d;
	size_t n, len;
	int rc = pcap_next_ex(in->pc, &h, &d);

	if (rc == PCAP_ERROR_BREAK)
		return 0;
	if (rc != 1) {
		err_add(err, "%s: %s", in->path, pcap_geterr(in->pc));
		return -1;
	}
	n = h->caplen;
	switch (in->dlt) {
	case DLT_EN10MB:
		xgrow((void **)&in->buf, &in->cap, n, 1);
		if (n > 0)
			memcpy(in->buf, d, n);
		len = n;
		break;
	case DLT_LINUX_SLL:
		if (n < 16)
			len = frame_build(in, NULL, NULL, 0, NULL, 0);
		else
			len = frame_sll(in, rd16(d), rd16(d + 2),
			    (unsigned)rd16(d + 4), d + 6, rd16(d + 14),
			    d + 16, n - 16);
		break;
	case DLT_LINUX_SLL2:
		if (n < 20)
			len = frame_build(in, NULL, NULL, 0, NULL, 0);
		else
			len = frame_sll(in, d[10], rd16(d + 8), d[11],
			    d + 12, rd16(d), d + 20, n - 20);
		break;
	case DLT_NULL:
	case DLT_LOOP:
		if (n < 4)
			len = frame_build(in, NULL, NULL, 0, NULL, 0);
		else {
			uint32_t be = rd32be(d);
			/* DLT_NULL is in the capturing host's order */
			uint32_t le = (uint32_t)d[0] | (uint32_t)d[1] << 8 |
			    (uint32_t)d[2] << 16 | (uint32_t)d[3] << 24;
			uint32_t af = in->dlt == DLT_LOOP || be < le ? be : le;

			len = frame_build(in, NULL, NULL, af_ethertype(af),
			    d + 4, n - 4);
		}
		break;
	default:	/* raw IPv4/IPv6 */
		len = frame_build(in, NULL, NULL, ip_ethertype(d, n), d, n);
		break;
	}
	out->ts = (int64_t)h->ts.tv_sec * 1000000000 + (int64_t)h->ts.tv_usec;
	out->buf = in->buf;
	out->len = len;
	/* bytes not captured stay missing after the conversion */
	out->wire_len = h->len > n ? len + (h->len - n) : len;
	out->src = 0;
	return 1;
}

/* ---- merge ---- */

struct io_merge_in {
	struct io_pcap_in *in;
	struct io_frame f;
	bool	 have;		/* f holds the look-ahead frame */
	bool	 done;		/* end of file (or error) */
};

struct io_merge {
	struct io_merge_in *v;
	size_t	 n, cap;
	int	 last;		/* input whose frame was handed out */
};

struct io_merge *
io_merge_new(void)
{
	struct io_merge *m = xcalloc(1, sizeof(*m));

	m->last = -1;
	return m;
}

int
io_merge_add_take(struct io_merge *m, struct io_pcap_in *in)
{
	xgrow((void **)&m->v, &m->cap, m->n + 1, sizeof(*m->v));
	memset(&m->v[m->n], 0, sizeof(m->v[m->n]));
	m->v[m->n].in = in;
	return (int)m->n++;
}

int
io_merge_next(struct io_merge *m, struct io_frame *out, struct strbuf *err)
{
	size_t i;
	int best = -1;

	/* the frame handed out last time is gone now: its buffer is
	 * reused by the read below */
	if (m->last >= 0)
		m->v[m->last].have = false;
	m->last = -1;
	for (i = 0; i < m->n; i++) {
		struct io_merge_in *x = &m->v[i];
		int rc;

		if (x->have || x->done)
			continue;
		rc = io_pcap_next(x->in, &x->f, err);
		if (rc < 0) {
			x->done = true;
			return -1;
		}
		if (rc == 0)
			x->done = true;
		else {
			x->f.src = (int)i;
			x->have = true;
		}
	}
	for (i = 0; i < m->n; i++)
		if (m->v[i].have && (best < 0 || m->v[i].f.ts <
		    m->v[best].f.ts))
			best = (int)i;
	if (best < 0)
		return 0;
	*out = m->v[best].f;
	m->last = best;
	return 1;
}

void
io_merge_free(struct io_merge *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		io_pcap_close(m->v[i].in);
	free(m->v);
	free(m);
}

/* ---- writing ---- */

struct io_pcap_out {
	pcap_t	*dead;
	pcap_dumper_t *d;
	char	*path;
};

struct io_pcap_out *
io_pcap_create(const char *path, struct strbuf *err)
{
	struct io_pcap_out *o;
	pcap_t *dead;
	pcap_dumper_t *d;

	dead = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, SNAPLEN,
	    PCAP_TSTAMP_PRECISION_NANO);
	if (dead == NULL) {
		err_add(err, "%s: cannot create a pcap handle", path);
		return NULL;
	}
	d = pcap_dump_open(dead, path);
	if (d == NULL) {
		err_add(err, "%s", pcap_geterr(dead));
		pcap_close(dead);
		return NULL;
	}
	o = xcalloc(1, sizeof(*o));
	o->dead = dead;
	o->d = d;
	o->path = xstrdup(path);
	return o;
}

int
io_pcap_write(struct io_pcap_out *o, int64_t ts, const uint8_t *buf,
    size_t len, struct strbuf *err)
{
	struct pcap_pkthdr h;

	if (ts < 0)
		ts = 0;
	memset(&h, 0, sizeof(h));
	/* a nanosecond handle reads tv_usec as nanoseconds */
	h.ts.tv_sec = (time_t)(ts / 1000000000);
	h.ts.tv_usec = (suseconds_t)(ts % 1000000000);
	h.caplen = (bpf_u_int32)(len > SNAPLEN ? SNAPLEN : len);
	h.len = (bpf_u_int32)len;
	pcap_dump((u_char *)o->d, &h, buf);
	if (ferror(pcap_dump_file(o->d))) {
		err_add(err, "%s: write error", o->path);
		return -1;
	}
	return 0;
}

int
io_pcap_out_close(struct io_pcap_out *o, struct strbuf *err)
{
	int rc = 0;

	if (o == NULL)
		return 0;
	if (pcap_dump_flush(o->d) < 0 || ferror(pcap_dump_file(o->d))) {
		err_add(err, "%s: write error", o->path);
		rc = -1;
	}
	pcap_dump_close(o->d);
	pcap_close(o->dead);
	free(o->path);
	free(o);
	return rc;
}

/* ---- per-interface directory ---- */

struct io_pcap_dir {
	char	*dir;
	struct strmap files;	/* interface name (key in names) -> out */
	char	**names;	/* creation order */
	struct io_pcap_out **outs;
	size_t	 n, cap, cap_outs;
};

struct io_pcap_dir *
io_pcap_dir_new(const char *dir)
{
	struct io_pcap_dir *d = xcalloc(1, sizeof(*d));

	d->dir = xstrdup(dir);
	strmap_init(&d->files);
	return d;
}

static struct io_pcap_out *
dir_get(struct io_pcap_dir *d, const char *ifname, struct strbuf *err)
{
	struct io_pcap_out *o = strmap_get(&d->files, ifname);
	struct strbuf path = STRBUF_INIT;
	char *key;
	const char *s;

	if (o != NULL)
		return o;
	sb_add(&path, d->dir);
	sb_addc(&path, '/');
	for (s = ifname; *s; s++)
		sb_addc(&path, *s == '/' ? '_' : *s);
	sb_add(&path, ".pcap");
	o = io_pcap_create(sb_str(&path), err);
	sb_fini(&path);
	if (o == NULL)
		return NULL;
	key = xstrdup(ifname);
	xgrow((void **)&d->names, &d->cap, d->n + 1, sizeof(*d->names));
	xgrow((void **)&d->outs, &d->cap_outs, d->n + 1, sizeof(*d->outs));
	d->names[d->n] = key;
	d->outs[d->n++] = o;
	strmap_put(&d->files, key, o);
	return o;
}

int
io_pcap_dir_touch(struct io_pcap_dir *d, const char *ifname,
    struct strbuf *err)
{
	return dir_get(d, ifname, err) ? 0 : -1;
}

int
io_pcap_dir_write(struct io_pcap_dir *d, const char *ifname, int64_t ts,
    const uint8_t *buf, size_t len, struct strbuf *err)
{
	struct io_pcap_out *o = dir_get(d, ifname, err);

	return o ? io_pcap_write(o, ts, buf, len, err) : -1;
}

int
io_pcap_dir_free(struct io_pcap_dir *d, struct strbuf *err)
{
	size_t i;
	int rc = 0;

	if (d == NULL)
		return 0;
	strmap_fini(&d->files);
	for (i = 0; i < d->n; i++) {
		if (io_pcap_out_close(d->outs[i], err) < 0)
			rc = -1;
		free(d->names[i]);
	}
	free(d->names);
	free(d->outs);
	free(d->dir);
	free(d);
	return rc;
}

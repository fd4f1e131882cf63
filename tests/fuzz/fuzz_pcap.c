/*
 * fuzz_pcap - arbitrary bytes as a capture file: io_pcap_open() and every
 * frame io_pcap_next() returns (the converted link types included).
 */
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "util.h"
#include "fuzz_common.h"

int	 LLVMFuzzerInitialize(int *, char ***);
int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_setup();
	fz_guard(1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct strbuf err = STRBUF_INIT;
	struct io_pcap_in *in;
	struct io_frame fr;
	FILE *f;
	int i;

	if ((f = fopen("in.pcap", "wb")) == NULL)
		abort();
	fwrite(data, 1, len, f);
	fclose(f);
	if ((in = io_pcap_open("in.pcap", &err)) != NULL) {
		for (i = 0; i < 100000; i++) {
			size_t k;
			unsigned sum = 0;
			int rc = io_pcap_next(in, &fr, &err);

			if (rc <= 0)
				break;
			if (fr.len > 0 && fr.buf == NULL)
				abort();
			for (k = 0; k < fr.len; k++)
				sum += fr.buf[k];
			(void)sum;
		}
		io_pcap_close(in);
	}
	sb_fini(&err);
	return 0;
}

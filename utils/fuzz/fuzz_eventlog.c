/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer target: the firmware event log parser (SHA-1 format and crypto-agile, with and
 * without the Spec ID header) and the IMA list parser (both byte orders, SHA-1 and SHA-256
 * template hashes) over arbitrary bytes, as eventextend / imaextend drive them: every event
 * is simulated into PCRs and every IMA entry's data checked. The first byte picks the mode.
 * Every returned event must lie inside the input; the parsers must stop (no endless loop). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "tool/eventlog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void inside(const uint8_t *p, size_t n, const uint8_t *buf, size_t len)
{
    if (n > 0 && (p == NULL || p < buf || p + n > buf + len))
        abort();
}

static void firmware(const uint8_t *buf, size_t len, int nospec)
{
    static el_pcrs pcrs;
    el_log l;
    el_event e;
    el_pcrs_init(&pcrs);
    if (el_open(&l, buf, len, nospec) != 0)
        return;
    for (unsigned n = 0; n <= len && el_next(&l, &e) > 0; n++) {
        inside(e.data, e.datalen, buf, len);
        for (uint32_t i = 0; i < e.ndigests; i++) {
            inside(e.dig[i].bytes, e.dig[i].size, buf, len);
            el_pcrs_extend(&pcrs, e.dig[i].alg, e.pcr, e.dig[i].bytes, e.dig[i].size);
        }
        (void)el_type_name(e.type);
        if (n == len)
            abort(); /* more events than bytes: the parser did not advance */
    }
}

static void ima(const uint8_t *buf, size_t len, int little, uint16_t hashlen)
{
    ima_log l;
    ima_entry e;
    char why[128];
    ima_open(&l, buf, len, little, hashlen);
    for (unsigned n = 0; ima_next(&l, &e) > 0; n++) {
        if (n > len)
            abort();
        inside(e.hash, hashlen, buf, len);
        if (e.tdata != l.ima_tdata)
            inside(e.tdata, e.tdatalen, buf, len);
        (void)ima_check_data(&e, why, sizeof(why));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t *buf = data + 1;
    size_t len = size - 1;
    switch (data[0] % 6) {
    case 0: firmware(buf, len, 0); break;
    case 1: firmware(buf, len, 1); break;
    case 2: ima(buf, len, 0, 20); break;
    case 3: ima(buf, len, 1, 20); break;
    case 4: ima(buf, len, 1, 32); break;
    default: ima(buf, len, 0, 32); break;
    }
    return 0;
}

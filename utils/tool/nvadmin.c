/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "tool/nv.h"
#include "tool/nvadmin.h"

/* words that follow argv[i] as its value(s) when argv[i] is one of t's options */
static int value_words(const tool *t, const char *a)
{
    if (strncmp(a, "-se", 3) == 0 && a[3] >= '0' && a[3] < '0' + t->nsessions && a[4] == '\0')
        return 2;
    for (const tool_opt *o = t->opts; o != NULL && o->flag != NULL; o++)
        if (strcmp(o->flag, a) == 0)
            return o->kind == T_FLAG ? 0 : 1;
    return 0;
}

int nva_take(const tool *t, int *argc, char **argv, const char *const *flags, const int *nvals,
             nva_take_fn fn, void *user)
{
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        int which = 0;
        while (flags[which] != NULL && strcmp(flags[which], argv[i]) != 0)
            which++;
        if (flags[which] == NULL) { /* not ours: keep it and whatever value it takes */
            int n = value_words(t, argv[i]);
            for (int k = 0; k <= n && i + k < *argc; k++)
                argv[out++] = argv[i + k];
            i += n;
            continue;
        }
        if (i + nvals[which] >= *argc)
            return tool_error(t, "%s needs %d value%s", argv[i], nvals[which],
                              nvals[which] == 1 ? "" : "s");
        if (fn(user, which, argv + i + 1) != 0)
            return EXIT_FAILURE;
        i += nvals[which];
    }
    *argc = out;
    return 0;
}

int nva_check_index(const tool *t, uint32_t ha)
{
    if ((ha >> 24) == TPM_HT_NV_INDEX)
        return 0;
    return tool_error(t, "-ha %08x is not an NV index handle (01xxxxxx)", ha);
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

TPM_RC nva_response_rc(const uint8_t *rsp)
{
    return (TPM_RC)rsp[6] << 24 | (TPM_RC)rsp[7] << 16 | (TPM_RC)rsp[8] << 8 | rsp[9];
}

TPM_RC nva_read_packet(const tool *t, const char *path, uint8_t *buf, uint32_t cap, uint32_t *len)
{
    unsigned char *data = NULL;
    size_t n = 0;
    TPM_RC rc = tool_read_bytes(t, path, &data, &n);
    if (rc != 0)
        return rc;
    *len = 0;
    if (n > 0 && data[0] == 0x80) { /* binary: TPM_ST_NO_SESSIONS / TPM_ST_SESSIONS */
        if (n > cap)
            rc = TSS_RC_INSUFFICIENT_BUFFER;
        else
            memcpy(buf, data, *len = (uint32_t)n);
    }
    for (size_t i = 0; rc == 0 && n > 0 && data[0] != 0x80 && i < n; i++) {
        if (isspace(data[i]))
            continue;
        int hi = hexval(data[i]), lo = i + 1 < n ? hexval(data[i + 1]) : -1;
        if (hi < 0 || lo < 0)
            rc = TSS_RC_BAD_ARGUMENT;
        else if (*len >= cap)
            rc = TSS_RC_INSUFFICIENT_BUFFER;
        else
            buf[(*len)++] = (uint8_t)(hi << 4 | lo);
        i++;
    }
    free(data);
    if (rc == 0 && (*len < 10 || ((uint32_t)buf[2] << 24 | (uint32_t)buf[3] << 16 |
                                  (uint32_t)buf[4] << 8 | buf[5]) != *len))
        rc = TSS_RC_BAD_ARGUMENT;
    if (rc != 0)
        tool_error(t,
                   "%s is not a command packet (binary, or hexascii digit pairs, whose header "
                   "size is its length)",
                   path);
    return rc;
}

const char *const ntc2_names[NTC2_NFIELDS] = {
    "i2cLoc1_2", "i2cLoc3_4", "AltCfg", "Direction", "PullUp",  "PushPull",
    "CFG_A",     "CFG_B",     "CFG_C",  "CFG_D",     "CFG_E",   "CFG_F",
    "CFG_G",     "CFG_H",     "CFG_I",  "CFG_J",     "IsValid", "IsLocked"};

static const size_t ntc2_offsets[NTC2_NFIELDS] = {
    offsetof(NTC2_CFG_STRUCT, i2cLoc1_2), offsetof(NTC2_CFG_STRUCT, i2cLoc3_4),
    offsetof(NTC2_CFG_STRUCT, AltCfg),    offsetof(NTC2_CFG_STRUCT, Direction),
    offsetof(NTC2_CFG_STRUCT, PullUp),    offsetof(NTC2_CFG_STRUCT, PushPull),
    offsetof(NTC2_CFG_STRUCT, CFG_A),     offsetof(NTC2_CFG_STRUCT, CFG_B),
    offsetof(NTC2_CFG_STRUCT, CFG_C),     offsetof(NTC2_CFG_STRUCT, CFG_D),
    offsetof(NTC2_CFG_STRUCT, CFG_E),     offsetof(NTC2_CFG_STRUCT, CFG_F),
    offsetof(NTC2_CFG_STRUCT, CFG_G),     offsetof(NTC2_CFG_STRUCT, CFG_H),
    offsetof(NTC2_CFG_STRUCT, CFG_I),     offsetof(NTC2_CFG_STRUCT, CFG_J),
    offsetof(NTC2_CFG_STRUCT, IsValid),   offsetof(NTC2_CFG_STRUCT, IsLocked)};

/* IBM System P8 / P9 settings (I2C addresses for localities, GPIO); P9 moves the
 * locality addresses and CFG_H */
static const uint8_t ntc2_p8[NTC2_NFIELDS] = {0xff, 0xff, 0x03, 0x00, 0xff, 0xff, 0xfe, 0xff, 0xff,
                                              0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xaa, 0x00};
static const uint8_t ntc2_p9[NTC2_NFIELDS] = {0xa9, 0xa5, 0x03, 0x00, 0xff, 0xff, 0xfe, 0xff, 0xff,
                                              0xff, 0xff, 0xff, 0xff, 0xf0, 0xff, 0xff, 0xaa, 0x00};
/* registers with one permitted value: field index, value */
static const uint8_t ntc2_fixed[][2] = {{3, 0x00},  {4, 0xff},  {5, 0xff},           {11, 0xff},
                                        {14, 0xff}, {15, 0xff}, {NTC2_ISVALID, 0xaa}};

uint8_t *ntc2_field(NTC2_CFG_STRUCT *c, int i)
{
    return (uint8_t *)c + ntc2_offsets[i];
}

void ntc2_print(NTC2_CFG_STRUCT *c)
{
    for (int i = 0; i < NTC2_NFIELDS; i++) /* names shorter than 7 need a second tab */
        printf("%s:\t%s%02x\n", ntc2_names[i], strlen(ntc2_names[i]) < 7 ? "\t" : "",
               *ntc2_field(c, i));
}

void ntc2_required(NTC2_CFG_STRUCT *c, int p9)
{
    for (int i = 0; i < NTC2_NFIELDS; i++)
        *ntc2_field(c, i) = (p9 ? ntc2_p9 : ntc2_p8)[i];
}

TPM_RC ntc2_check_fixed(const tool *t, NTC2_CFG_STRUCT *c)
{
    for (size_t k = 0; k < sizeof(ntc2_fixed) / sizeof(ntc2_fixed[0]); k++) {
        if (*ntc2_field(c, ntc2_fixed[k][0]) != ntc2_fixed[k][1]) {
            tool_error(t, "%s must be %02x", ntc2_names[ntc2_fixed[k][0]], ntc2_fixed[k][1]);
            return TPM_RC_RANGE;
        }
    }
    return 0;
}

int nva_lock_main(const char *name, TPM_CC cc, int argc, char **argv)
{
    static uint32_t ha;
    static int hia = -1;
    static const char *pwdn;
    static const tool_opt opts[] = {
        {"-hia", T_CHOICE, &hia, "hierarchy", "hierarchy authorization (o, p) (default index authorization)", 0, nv_hia},
        {"-ha", T_X32, &ha, "index", "NV index handle", TOOL_REQUIRED, NULL},
        {"-pwdn", T_STR, &pwdn, "password", "authorization password (default empty)", 0, NULL},
        {NULL, 0, NULL, NULL, NULL, 0, NULL}};
    tool t = {name, cc == TPM_CC_NV_ReadLock ? "Runs TPM2_NV_ReadLock" : "Runs TPM2_NV_WriteLock",
              opts, 3, 0, {0}, {0}, {0}};
    TSS_CONTEXT *ctx = NULL;
    if (tool_parse(&t, argc, argv) != 0 || nva_check_index(&t, ha) != 0)
        return EXIT_FAILURE;
    NV_ReadLock_In rl = {.authHandle = nv_auth_handle(hia, ha), .nvIndex = ha};
    NV_WriteLock_In wl = {.authHandle = nv_auth_handle(hia, ha), .nvIndex = ha};
    void *in = cc == TPM_CC_NV_ReadLock ? (void *)&rl : (void *)&wl;
    TPM_RC rc = tool_context(&t, &ctx);
    if (rc == 0)
        rc = tool_execute(&t, ctx, NULL, in, cc, 1, pwdn, NULL);
    return tool_finish(&t, ctx, rc);
}

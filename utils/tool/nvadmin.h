/* SPDX-License-Identifier: BSD-3-Clause */
/* What the NV administration, PCR allocation, raw-command and Nuvoton utilities share:
 * options that repeat or take several words (taken out of argv before tool_parse), raw
 * command packet files, and the Nuvoton NTC2 configuration block. */
#ifndef TSS_TOOL_NVADMIN_H
#define TSS_TOOL_NVADMIN_H

#include "tool/tool.h"

/* Called for each occurrence of flags[which] with its nvals following words. Returns 0, or
 * nonzero after printing why the value is bad. */
typedef int (*nva_take_fn)(void *user, int which, char **vals);

/* Removes every occurrence of the words in flags[] (NULL-terminated), with nvals[i] words
 * following flags[i], from argv and hands them to fn, in command-line order. Values of t's own
 * options and of -se0..-se2 are skipped, so a password spelled like a flag stays a
 * password. 0, or EXIT_FAILURE after a message. */
int nva_take(const tool *t, int *argc, char **argv, const char *const *flags, const int *nvals,
             nva_take_fn fn, void *user);

/* 0 if ha is an NV index handle (01xxxxxx), else EXIT_FAILURE after a message */
int nva_check_index(const tool *t, uint32_t ha);

/* Reads a command packet: binary when the file starts with a TPM tag byte (0x80), else
 * hexascii (whitespace between digits is ignored, as IBM's timepacket files end in a
 * space). The packet must hold at least a header whose size field equals its length, so a
 * TPM is never left waiting for bytes that will not come. 0 or an error (printed). */
TPM_RC nva_read_packet(const tool *t, const char *path, uint8_t *buf, uint32_t cap, uint32_t *len);
/* the response code in a response header (at least 10 bytes) */
TPM_RC nva_response_rc(const uint8_t *rsp);

/* NTC2_CFG_STRUCT: 18 bytes, named as IBM's utilities name them (their flags, minus the -) */
#define NTC2_NFIELDS 18
#define NTC2_ISVALID 16 /* index of IsValid; IsLocked (17) cannot be set */
extern const char *const ntc2_names[NTC2_NFIELDS];
uint8_t *ntc2_field(NTC2_CFG_STRUCT *c, int i);
/* prints "name:<tabs>xx" a line, as IBM's ntc2getconfig */
void ntc2_print(NTC2_CFG_STRUCT *c);
/* the values an IBM System P8 (p9 = 0) or P9 (p9 = 1) requires; IsLocked 0 */
void ntc2_required(NTC2_CFG_STRUCT *c, int p9);
/* registers that must keep Nuvoton's fixed values; 0 or TPM_RC_RANGE (printed) */
TPM_RC ntc2_check_fixed(const tool *t, NTC2_CFG_STRUCT *c);

/* nvreadlock and nvwritelock: the whole program (-hia, -ha, -pwdn; one authorization) for
 * TPM_CC_NV_ReadLock or TPM_CC_NV_WriteLock */
int nva_lock_main(const char *name, TPM_CC cc, int argc, char **argv);

#endif

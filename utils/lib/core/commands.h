/* SPDX-License-Identifier: BSD-3-Clause */
/* The single command table (generated from commands.tdl into cmdtable_gen.c, sorted by
 * command code). One row per command: its In/Out descriptors (handles first), how many
 * handles it has and which of them need an authorization session, how many handles the
 * response returns, and whether its first parameter can be encrypted. */
#ifndef TSS_COMMANDS_H
#define TSS_COMMANDS_H

#include "marshal/mdesc.h"

#define TSS_CMD_DECRYPT 0x01 /* first command parameter is a TPM2B: may be encrypted */
#define TSS_CMD_ENCRYPT 0x02 /* first response parameter is a TPM2B: may be encrypted */

typedef struct tss_command {
    TPM_CC cc;
    const char *name;
    const tss_type *in;  /* NULL when the command has neither handles nor parameters */
    const tss_type *out; /* NULL when the response has neither */
    uint8_t in_handles;
    uint8_t auth_handles; /* handles that need an authorization (Part 3 "@") */
    uint8_t auth_mask;    /* bit i set: handle i needs an authorization */
    uint8_t out_handles;
    uint8_t flags;
} tss_command;

extern const tss_command tss_commands[];
extern const size_t tss_commands_count;

/* NULL when the TSS does not know the command */
const tss_command *tss_command_find(TPM_CC cc);

#endif

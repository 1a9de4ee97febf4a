/* SPDX-License-Identifier: BSD-3-Clause */
/* Turning a response code into words, for people reading utility output or debug logs.
 *
 * Same entry point as IBM's TSS. The three strings are meant to be printed back to back:
 *
 *     const char *msg, *submsg, *num;
 *     TSS_ResponseCode_toString(&msg, &submsg, &num, rc);
 *     printf("%s%s%s\n", msg, submsg, num);
 *
 * which gives, for example,
 *
 *     TPM_RC_VALUE - the value is out of range or wrong for the context, parameter 2
 *
 *   msg     "NAME - explanation" of the base code; for a code nobody defined, a text that
 *           starts with "response code unknown" or says what kind of code it is (TPM 1.2,
 *           vendor specific, another software layer).
 *   submsg  only for format-one TPM codes: ", parameter ", ", handle " or ", session ";
 *           otherwise "".
 *   num     only for format-one TPM codes: "1".."15", or "unspecified" when the TPM did
 *           not say which one; otherwise "".
 *
 * Every rc gives three non-NULL static strings: nothing is allocated, nothing is kept
 * between calls, so the function is safe to call from any thread. A NULL output pointer
 * is skipped. The wording is for humans and may change; compare rc values, not texts. */
#ifndef TSS_TSSRESPONSECODE_H
#define TSS_TSSRESPONSECODE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

void TSS_ResponseCode_toString(const char **msg, const char **submsg, const char **num,
                               uint32_t rc);

#ifdef __cplusplus
}
#endif

#endif

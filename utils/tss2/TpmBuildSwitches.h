/* SPDX-License-Identifier: BSD-3-Clause */
/* Build switches an application may test. IBM's TSS names this header in its include chain
 * (TPM_Types.h brings it); here it only provides the portability macros its public headers
 * and programs written for it use, each left alone when the application defines it first.
 * Unlike IBM's, it does not define NDEBUG: including a TSS header never turns off a
 * program's assert(). */
#ifndef TSS_TPMBUILDSWITCHES_H
#define TSS_TPMBUILDSWITCHES_H

/* marks a function of the public API (this library exports by version script instead) */
#ifndef LIB_EXPORT
#define LIB_EXPORT
#endif
#ifndef LIB_IMPORT
#define LIB_IMPORT
#endif

#ifndef NORETURN
#define NORETURN
#endif

#ifndef INLINE
#define INLINE inline
#endif

#ifndef NOT_REFERENCED
#define NOT_REFERENCED(x) ((void)(x))
#endif

#endif

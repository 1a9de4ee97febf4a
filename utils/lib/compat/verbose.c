/* SPDX-License-Identifier: BSD-3-Clause */
/* The verbose flag IBM's utility helpers (cryptoutils.c, ekutils.c ... in libibmtssutils)
 * define and its programs set with -v. Alone in its object: a program that compiles IBM's
 * helpers defines the flag itself, and linking the static library then pulls nothing in
 * from here. The library never reads it. */
#include "tss2/tssutils.h"

int tssUtilsVerbose = 0;

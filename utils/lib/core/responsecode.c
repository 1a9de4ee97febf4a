/* SPDX-License-Identifier: BSD-3-Clause */
/* Response code to text (see tss2/tssresponsecode.h for the contract).
 *
 * How a 32-bit code is read, in this order (TPM 2.0 Part 2, clause 6.6):
 *
 *   0                              success
 *   bits 16..31 not zero           not a TPM code. 0x000b.... is this TSS (tsserror.h);
 *                                  anything else belongs to some other software layer
 *   bits 12..15 not zero           a TPM never sets them: unknown
 *   bit 7 (F) set                  format one: error number in bits 0..5; bit 6 (P) says
 *                                  bits 8..11 number a parameter (1..15), else bit 11
 *                                  says bits 8..10 number a session, else a handle
 *   bit 8 (V) clear                a TPM 1.2 code (a TPM 2.0 answers a 1.2 command
 *                                  with TPM_RC_BAD_TAG, 0x01E)
 *   bit 10 (T) set                 defined by the TPM vendor
 *   bit 9 set                      reserved: unknown
 *   bit 11 (S) set                 format-zero warning, number in bits 0..6
 *   otherwise                      format-zero error, number in bits 0..6
 *
 * TPM code values are written as numbers so that this file needs no constants header;
 * the TSS codes use the names from tsserror.h, so a code added there without a text
 * here is caught by the unit test, and a renamed one by the compiler. */

#include <stddef.h>
#include <stdint.h>

#include "tss2/tsserror.h"
#include "tss2/tssresponsecode.h"

typedef struct {
    uint32_t rc;
    const char *text;
} rc_text;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Part 2 Table 16, format zero, RC_VER1 (0x100) + number */
static const rc_text fmt0_errors[] = {
    {0x100, "TPM_RC_INITIALIZE - TPM2_Startup has not been run yet, or was run a second time"},
    {0x101, "TPM_RC_FAILURE - the TPM is in failure mode and refuses most commands"},
    {0x103, "TPM_RC_SEQUENCE - a sequence handle was used in a way it cannot be"},
    {0x10b, "TPM_RC_PRIVATE - reserved code, not returned by current TPMs"},
    {0x119, "TPM_RC_HMAC - reserved code, not returned by current TPMs"},
    {0x120, "TPM_RC_DISABLED - this command has been disabled"},
    {0x121, "TPM_RC_EXCLUSIVE - the command needs the exclusive audit session, and it was not"},
    {0x124, "TPM_RC_AUTH_TYPE - this kind of authorization cannot be used with this handle"},
    {0x125, "TPM_RC_AUTH_MISSING - a handle needs an authorization session and none was sent"},
    {0x126, "TPM_RC_POLICY - a policy computation failed or the authPolicy value is not valid"},
    {0x127, "TPM_RC_PCR - the PCR values do not match the ones the policy requires"},
    {0x128, "TPM_RC_PCR_CHANGED - PCR values changed after the policy session checked them"},
    {0x12d, "TPM_RC_UPGRADE - a field upgrade is in progress; only upgrade commands are taken"},
    {0x12e, "TPM_RC_TOO_MANY_CONTEXTS - the context ID counter has reached its limit"},
    {0x12f, "TPM_RC_AUTH_UNAVAILABLE - neither authValue nor authPolicy may be used for this entity"},
    {0x130, "TPM_RC_REBOOT - the TPM must see _TPM_Init and then TPM2_Startup(CLEAR)"},
    {0x131, "TPM_RC_UNBALANCED - the session's hash is weaker than its symmetric algorithm"},
    {0x142, "TPM_RC_COMMAND_SIZE - the commandSize field disagrees with the bytes received"},
    {0x143, "TPM_RC_COMMAND_CODE - this TPM does not implement the command"},
    {0x144, "TPM_RC_AUTHSIZE - the authorizationSize field is out of range"},
    {0x145, "TPM_RC_AUTH_CONTEXT - the command does not accept authorization sessions"},
    {0x146, "TPM_RC_NV_RANGE - offset plus size goes past the end of the NV index"},
    {0x147, "TPM_RC_NV_SIZE - the NV size asked for is larger than this TPM allows"},
    {0x148, "TPM_RC_NV_LOCKED - the NV index is locked against this access"},
    {0x149, "TPM_RC_NV_AUTHORIZATION - the authorization used does not permit this NV access"},
    {0x14a, "TPM_RC_NV_UNINITIALIZED - the NV index has not been written yet"},
    {0x14b, "TPM_RC_NV_SPACE - not enough NV memory is left for the allocation"},
    {0x14c, "TPM_RC_NV_DEFINED - an NV index or persistent object already has this handle"},
    {0x150, "TPM_RC_BAD_CONTEXT - the context given to TPM2_ContextLoad is not valid"},
    {0x151, "TPM_RC_CPHASH - the session's cpHash is already set or does not match"},
    {0x152, "TPM_RC_PARENT - the object named as parent cannot be a parent"},
    {0x153, "TPM_RC_NEEDS_TEST - a function the command needs has not been self-tested yet"},
    {0x154, "TPM_RC_NO_RESULT - an internal operation could not produce a result"},
    {0x155, "TPM_RC_SENSITIVE - the sensitive area did not unmarshal after decryption"},
    {0x156, "TPM_RC_READ_ONLY - the TPM is in read-only mode and refused the command"},
};

/* Part 2 Table 16, format one, RC_FMT1 (0x080) + number (bits 0..5) */
static const rc_text fmt1_errors[] = {
    {0x081, "TPM_RC_ASYMMETRIC - the asymmetric algorithm is not supported or does not fit"},
    {0x082, "TPM_RC_ATTRIBUTES - the attributes are inconsistent"},
    {0x083, "TPM_RC_HASH - the hash algorithm is not supported or not suitable here"},
    {0x084, "TPM_RC_VALUE - the value is out of range or wrong for the context"},
    {0x085, "TPM_RC_HIERARCHY - the hierarchy is disabled or cannot be used here"},
    {0x087, "TPM_RC_KEY_SIZE - the key size is not supported"},
    {0x088, "TPM_RC_MGF - the mask generation function is not supported"},
    {0x089, "TPM_RC_MODE - the mode of operation is not supported"},
    {0x08a, "TPM_RC_TYPE - the type of the value does not suit this use"},
    {0x08b, "TPM_RC_HANDLE - the handle cannot be used here"},
    {0x08c, "TPM_RC_KDF - the key derivation function is not supported or not suitable"},
    {0x08d, "TPM_RC_RANGE - the value is outside the allowed range"},
    {0x08e, "TPM_RC_AUTH_FAIL - authorization failed and the dictionary-attack counter was incremented"},
    {0x08f, "TPM_RC_NONCE - the nonce has the wrong size or does not match"},
    {0x090, "TPM_RC_PP - physical presence must be asserted for this authorization"},
    {0x092, "TPM_RC_SCHEME - the scheme is not supported or does not fit"},
    {0x095, "TPM_RC_SIZE - a size is wrong for the structure"},
    {0x096, "TPM_RC_SYMMETRIC - the symmetric algorithm or key size is not supported or not suitable"},
    {0x097, "TPM_RC_TAG - the structure tag is wrong"},
    {0x098, "TPM_RC_SELECTOR - the union selector is wrong"},
    {0x09a, "TPM_RC_INSUFFICIENT - the input ended before the value could be unmarshaled"},
    {0x09b, "TPM_RC_SIGNATURE - the signature does not verify"},
    {0x09c, "TPM_RC_KEY - the key's fields do not allow this use"},
    {0x09d, "TPM_RC_POLICY_FAIL - a policy check failed"},
    {0x09f, "TPM_RC_INTEGRITY - the integrity check failed"},
    {0x0a0, "TPM_RC_TICKET - the ticket is not valid"},
    {0x0a1, "TPM_RC_RESERVED_BITS - bits that must be zero are set"},
    {0x0a2, "TPM_RC_BAD_AUTH - authorization failed (no dictionary-attack consequence)"},
    {0x0a3, "TPM_RC_EXPIRED - the policy session has expired"},
    {0x0a4, "TPM_RC_POLICY_CC - the policy's command code is not this command's"},
    {0x0a5, "TPM_RC_BINDING - the public and sensitive areas of the object do not belong together"},
    {0x0a6, "TPM_RC_CURVE - the elliptic curve is not supported"},
    {0x0a7, "TPM_RC_ECC_POINT - the point is not on the curve"},
    {0x0a8, "TPM_RC_FW_LIMITED - the hierarchy is firmware-limited and the firmware secret is not available"},
    {0x0a9, "TPM_RC_SVN_LIMITED - the hierarchy is SVN-limited and the secret for that SVN is not available"},
    {0x0aa, "TPM_RC_PARMS - the parameter set is not supported"},
    {0x0ab, "TPM_RC_EXT_MU - an externally computed mu is not supported"},
    {0x0ac, "TPM_RC_ONE_SHOT_SIGNATURE - this key signs only a message sent whole, not in a sequence"},
    {0x0ad, "TPM_RC_SIGN_CONTEXT_KEY - the signing sequence is finished with another key than it began with"},
    {0x0b0, "TPM_RC_CHANNEL - the command must be protected by a secure channel"},
    {0x0b1, "TPM_RC_CHANNEL_KEY - the secure channel was not set up with the required key"},
};

/* Part 2 Table 16, format zero, RC_WARN (0x900) + number */
static const rc_text warnings[] = {
    {0x901, "TPM_RC_CONTEXT_GAP - the context ID gap is too large; load or flush the oldest saved session"},
    {0x902, "TPM_RC_OBJECT_MEMORY - no room is left for another object"},
    {0x903, "TPM_RC_SESSION_MEMORY - no room is left for another session"},
    {0x904, "TPM_RC_MEMORY - shared object/session memory is full, or the TPM needs room to work"},
    {0x905, "TPM_RC_SESSION_HANDLES - every session handle is in use; flush one before starting another"},
    {0x906, "TPM_RC_OBJECT_HANDLES - the object handle space is used up; the TPM must be restarted"},
    {0x907, "TPM_RC_LOCALITY - the command is not allowed at this locality"},
    {0x908, "TPM_RC_YIELDED - the TPM paused the command after making progress; send it again"},
    {0x909, "TPM_RC_CANCELED - the command was cancelled"},
    {0x90a, "TPM_RC_TESTING - the TPM is running its self-tests"},
    {0x910, "TPM_RC_REFERENCE_H0 - the first handle names an object or session that is not loaded"},
    {0x911, "TPM_RC_REFERENCE_H1 - the second handle names an object or session that is not loaded"},
    {0x912, "TPM_RC_REFERENCE_H2 - the third handle names an object or session that is not loaded"},
    {0x913, "TPM_RC_REFERENCE_H3 - the fourth handle names an object or session that is not loaded"},
    {0x914, "TPM_RC_REFERENCE_H4 - the fifth handle names an object or session that is not loaded"},
    {0x915, "TPM_RC_REFERENCE_H5 - the sixth handle names an object or session that is not loaded"},
    {0x916, "TPM_RC_REFERENCE_H6 - the seventh handle names an object or session that is not loaded"},
    {0x918, "TPM_RC_REFERENCE_S0 - the first session handle names a session that is not loaded"},
    {0x919, "TPM_RC_REFERENCE_S1 - the second session handle names a session that is not loaded"},
    {0x91a, "TPM_RC_REFERENCE_S2 - the third session handle names a session that is not loaded"},
    {0x91b, "TPM_RC_REFERENCE_S3 - the fourth session handle names a session that is not loaded"},
    {0x91c, "TPM_RC_REFERENCE_S4 - the fifth session handle names a session that is not loaded"},
    {0x91d, "TPM_RC_REFERENCE_S5 - the sixth session handle names a session that is not loaded"},
    {0x91e, "TPM_RC_REFERENCE_S6 - the seventh session handle names a session that is not loaded"},
    {0x920, "TPM_RC_NV_RATE - the TPM is slowing NV writes down to keep its memory from wearing out"},
    {0x921, "TPM_RC_LOCKOUT - the TPM is in dictionary-attack lockout and refuses DA-protected authorizations"},
    {0x922, "TPM_RC_RETRY - the TPM could not start the command; send it again"},
    {0x923, "TPM_RC_NV_UNAVAILABLE - the command may have to write NV, and NV cannot be reached now"},
    {0x97f, "TPM_RC_NOT_USED - a reserved value that a TPM never returns"},
};

/* tsserror.h: the name comes from the macro so it cannot drift from the value */
#define TSS_CODE(name, text) {name, #name " - " text}

static const rc_text tss_codes[] = {
    TSS_CODE(TSS_RC_OUT_OF_MEMORY, "memory allocation failed"),
    TSS_CODE(TSS_RC_ALLOC_INPUT, "the pointer to allocate into already holds a buffer"),
    TSS_CODE(TSS_RC_MALLOC_SIZE, "an allocation of zero bytes or of too many bytes was asked for"),
    TSS_CODE(TSS_RC_INSUFFICIENT_BUFFER, "the destination buffer is too small for the data"),
    TSS_CODE(TSS_RC_BAD_PROPERTY, "no such TSS property"),
    TSS_CODE(TSS_RC_BAD_PROPERTY_VALUE, "the value given for the TSS property is not valid"),
    TSS_CODE(TSS_RC_INSUPPORTED_INTERFACE, "this TPM interface type is not supported"),
    TSS_CODE(TSS_RC_NO_CONNECTION, "could not connect to the TPM or its simulator"),
    TSS_CODE(TSS_RC_BAD_CONNECTION, "sending to or receiving from the TPM failed"),
    TSS_CODE(TSS_RC_MALFORMED_RESPONSE, "the TPM response could not be parsed"),
    TSS_CODE(TSS_RC_NULL_PARAMETER, "a required argument is NULL"),
    TSS_CODE(TSS_RC_NOT_IMPLEMENTED, "this TSS does not implement the function"),
    TSS_CODE(TSS_RC_BAD_READ_VALUE, "the value read back differs from the value expected"),
    TSS_CODE(TSS_RC_FILE_OPEN, "a file could not be opened"),
    TSS_CODE(TSS_RC_FILE_SEEK, "seeking in a file failed"),
    TSS_CODE(TSS_RC_FILE_FTELL, "the position in a file could not be read"),
    TSS_CODE(TSS_RC_FILE_READ, "reading a file failed"),
    TSS_CODE(TSS_RC_FILE_CLOSE, "closing a file failed"),
    TSS_CODE(TSS_RC_FILE_WRITE, "writing a file failed"),
    TSS_CODE(TSS_RC_FILE_REMOVE, "a file could not be removed"),
    TSS_CODE(TSS_RC_RNG_FAILURE, "the random number generator failed"),
    TSS_CODE(TSS_RC_BAD_PWAP_NONCE, "a password session in the response carries a nonce"),
    TSS_CODE(TSS_RC_BAD_PWAP_ATTRIBUTES, "a password session in the response has wrong attributes"),
    TSS_CODE(TSS_RC_BAD_PWAP_HMAC, "a password session in the response carries an HMAC"),
    TSS_CODE(TSS_RC_NAME_NOT_IMPLEMENTED, "the TSS cannot compute a Name for this kind of handle"),
    TSS_CODE(TSS_RC_MALFORMED_NV_PUBLIC, "the NV public area does not hash to the NV index Name"),
    TSS_CODE(TSS_RC_NAME_FILENAME, "the arguments for building a Name file path disagree"),
    TSS_CODE(TSS_RC_MALFORMED_PUBLIC, "the public area does not hash to the object Name"),
    TSS_CODE(TSS_RC_DECRYPT_SESSIONS, "more than one session asks to encrypt the command"),
    TSS_CODE(TSS_RC_ENCRYPT_SESSIONS, "more than one session asks to encrypt the response"),
    TSS_CODE(TSS_RC_NO_DECRYPT_PARAMETER, "a session asks to encrypt the command, which has no parameter for it"),
    TSS_CODE(TSS_RC_NO_ENCRYPT_PARAMETER, "a session asks to encrypt the response, which has no parameter for it"),
    TSS_CODE(TSS_RC_BAD_DECRYPT_ALGORITHM, "the session's command encryption algorithm is not implemented"),
    TSS_CODE(TSS_RC_BAD_ENCRYPT_ALGORITHM, "the session's response encryption algorithm is not implemented"),
    TSS_CODE(TSS_RC_AES_ENCRYPT_FAILURE, "AES encryption failed"),
    TSS_CODE(TSS_RC_AES_DECRYPT_FAILURE, "AES decryption failed"),
    TSS_CODE(TSS_RC_BAD_ENCRYPT_SIZE, "the size of the encrypted parameter does not match"),
    TSS_CODE(TSS_RC_AES_KEYGEN_FAILURE, "making the AES key failed"),
    TSS_CODE(TSS_RC_SESSION_NUMBER, "the session number is out of range"),
    TSS_CODE(TSS_RC_BAD_SALT_KEY, "this key cannot be used to salt a session"),
    TSS_CODE(TSS_RC_KDFA_FAILED, "KDFa failed"),
    TSS_CODE(TSS_RC_HMAC, "computing an HMAC failed"),
    TSS_CODE(TSS_RC_HMAC_SIZE, "the response HMAC has the wrong size"),
    TSS_CODE(TSS_RC_HMAC_VERIFY, "an HMAC does not verify (a TPM response or a signature): not trusted"),
    TSS_CODE(TSS_RC_BAD_HASH_ALGORITHM, "the hash algorithm is not supported by the TSS"),
    TSS_CODE(TSS_RC_HASH, "computing a hash failed"),
    TSS_CODE(TSS_RC_RSA_KEY_CONVERT, "an RSA key could not be converted"),
    TSS_CODE(TSS_RC_RSA_PADDING, "RSA padding failed"),
    TSS_CODE(TSS_RC_RSA_ENCRYPT, "RSA encryption failed"),
    TSS_CODE(TSS_RC_BIGNUM, "a big number operation failed"),
    TSS_CODE(TSS_RC_RSA_SIGNATURE, "the RSA signature does not verify"),
    TSS_CODE(TSS_RC_EC_SIGNATURE, "the ECC signature does not verify"),
    TSS_CODE(TSS_RC_EC_KEY_CONVERT, "an ECC key could not be converted"),
    TSS_CODE(TSS_RC_BAD_SIGNATURE_ALGORITHM, "the signature algorithm is not supported by the TSS"),
    TSS_CODE(TSS_RC_X509_ERROR, "an X.509 certificate operation failed"),
    TSS_CODE(TSS_RC_PEM_ERROR, "a PEM file could not be parsed"),
    TSS_CODE(TSS_RC_COMMAND_UNIMPLEMENTED, "the TSS does not implement this command code"),
    TSS_CODE(TSS_RC_IN_PARAMETER, "a command input parameter is out of range"),
    TSS_CODE(TSS_RC_OUT_PARAMETER, "a response output parameter is out of range"),
    TSS_CODE(TSS_RC_BAD_HANDLE_NUMBER, "the number of handles does not match the command"),
    TSS_CODE(TSS_RC_KDFE_FAILED, "KDFe failed"),
    TSS_CODE(TSS_RC_EC_EPHEMERAL_FAILURE, "making an ephemeral ECC key failed"),
    TSS_CODE(TSS_RC_FAIL, "an internal TSS operation failed"),
    TSS_CODE(TSS_RC_NO_SESSION_SLOT, "the TSS context has no room for another session"),
    TSS_CODE(TSS_RC_NO_OBJECTPUBLIC_SLOT, "the TSS context has no room for another object public area"),
    TSS_CODE(TSS_RC_NO_NVPUBLIC_SLOT, "the TSS context has no room for another NV public area"),
    TSS_CODE(TSS_RC_TIMEOUT, "the TPM did not answer in time"),
    TSS_CODE(TSS_RC_STATE_FILE, "a TSS state file in TPM_DATA_DIR does not decrypt or verify: wrong TPM_SESSION_ENCKEY, or the file was damaged or altered"),
    TSS_CODE(TSS_RC_STATE_KEY, "the state file key (TPM_SESSION_ENCKEY) is missing or wrong"),
    TSS_CODE(TSS_RC_RESPONSE_TAG, "the response tag does not fit the command"),
    TSS_CODE(TSS_RC_RETRY_EXHAUSTED, "the TPM kept asking for a retry; the TSS gave up"),
    TSS_CODE(TSS_RC_BAD_ARGUMENT, "a command line argument is missing or not valid"),
    TSS_CODE(TSS_RC_NO_CRYPTO, "OpenSSL's libcrypto.so.3 could not be loaded (is libssl3 installed?)"),
};

/* "unspecified" when the TPM did not say which parameter, handle or session */
static const char *const numbers[16] = {
    "unspecified", "1", "2", "3", "4", "5", "6", "7",
    "8", "9", "10", "11", "12", "13", "14", "15",
};

static const char *find(const rc_text *table, size_t count, uint32_t rc)
{
    for (size_t i = 0; i < count; i++) {
        if (table[i].rc == rc)
            return table[i].text;
    }
    return NULL;
}

static const char *or_default(const char *text, const char *fallback)
{
    return text != NULL ? text : fallback;
}

/* Format one: the error number names the problem; the rest says where it was. */
static const char *format_one(uint32_t rc, const char **submsg, const char **num)
{
    unsigned int n = (rc >> 8) & 0xf;

    if (rc & 0x040) {
        *submsg = ", parameter ";
        *num = numbers[n];
    } else if (rc & 0x800) {
        *submsg = ", session ";
        *num = numbers[n & 0x7];
    } else {
        *submsg = ", handle ";
        *num = numbers[n & 0x7];
    }
    return or_default(find(fmt1_errors, COUNT(fmt1_errors), 0x080 | (rc & 0x03f)),
                      "response code unknown - format-one error not defined by TPM 2.0");
}

static const char *format_zero(uint32_t rc)
{
    if (!(rc & 0x100)) {
        if (rc == 0x01e)
            return "TPM_RC_BAD_TAG - the command tag is not valid (TPM 1.2 style answer)";
        return "TPM 1.2 response code - not a TPM 2.0 code";
    }
    if (rc & 0x400) {
        if (rc & 0x800)
            return "TPM vendor warning - its meaning is defined by the TPM manufacturer";
        return "TPM vendor error - its meaning is defined by the TPM manufacturer";
    }
    if (rc & 0x200)
        return "response code unknown - reserved bit 9 is set";
    if (rc & 0x800)
        return or_default(find(warnings, COUNT(warnings), rc),
                          "response code unknown - warning not defined by TPM 2.0");
    return or_default(find(fmt0_errors, COUNT(fmt0_errors), rc),
                      "response code unknown - format-zero error not defined by TPM 2.0");
}

static const char *decode(uint32_t rc, const char **submsg, const char **num)
{
    uint32_t layer = rc >> 16;

    if (rc == 0)
        return "TPM_RC_SUCCESS - the command completed";
    if (layer == 0x000b)
        return or_default(find(tss_codes, COUNT(tss_codes), rc),
                          "response code unknown - TSS code not defined by this TSS");
    if (layer != 0)
        return "response code unknown - not a TPM code (from another software layer)";
    if (rc & 0xf000)
        return "response code unknown - bits 12 to 15 are set, which a TPM never does";
    if (rc & 0x080)
        return format_one(rc, submsg, num);
    return format_zero(rc);
}

void TSS_ResponseCode_toString(const char **msg, const char **submsg, const char **num,
                               uint32_t rc)
{
    const char *sub = "";
    const char *n = "";
    const char *text = decode(rc, &sub, &n);

    if (msg != NULL)
        *msg = text;
    if (submsg != NULL)
        *submsg = sub;
    if (num != NULL)
        *num = n;
}

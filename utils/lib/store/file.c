/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/file.h"
#include "tss2/tssfile.h"
#include "tss2/tsserror.h"

#define TSS_FILE_MAX (16u * 1024u * 1024u)

int TSS_File_Open(FILE **file, const char *filename, const char *mode)
{
    if (file == NULL || filename == NULL || mode == NULL)
        return TSS_RC_NULL_PARAMETER;
    *file = fopen(filename, mode);
    return *file != NULL ? 0 : TSS_RC_FILE_OPEN;
}

TPM_RC TSS_File_ReadBinaryFile(unsigned char **data, size_t *length, const char *filename)
{
    if (data == NULL || length == NULL || filename == NULL)
        return TSS_RC_NULL_PARAMETER;
    *data = NULL;
    *length = 0;
    int fd = open(filename, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return TSS_RC_FILE_OPEN;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > TSS_FILE_MAX) {
        close(fd);
        return TSS_RC_FILE_READ;
    }
    size_t cap = (size_t)st.st_size;
    unsigned char *buf = malloc(cap + 1); /* +1: never malloc(0), room for a NUL */
    if (buf == NULL) {
        close(fd);
        return TSS_RC_OUT_OF_MEMORY;
    }
    size_t got = 0;
    while (got < cap) {
        ssize_t n = read(fd, buf + got, cap - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got != cap) {
        free(buf);
        return TSS_RC_FILE_READ;
    }
    buf[got] = 0;
    *data = buf;
    *length = got;
    return 0;
}

/* writes all of data to an open descriptor */
static TPM_RC write_all(int fd, const unsigned char *p, size_t length)
{
    size_t done = 0;
    while (done < length) {
        ssize_t w = write(fd, p + done, length - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return TSS_RC_FILE_WRITE;
        done += (size_t)w;
    }
    return 0;
}

TPM_RC tss_file_write_atomic(const char *filename, const void *data, size_t length, mode_t mode,
                             int durable)
{
    size_t n = strlen(filename);
    char *tmp = malloc(n + 16);
    if (tmp == NULL)
        return TSS_RC_OUT_OF_MEMORY;
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", filename);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return TSS_RC_FILE_OPEN;
    }
    TPM_RC rc = 0;
    if (fchmod(fd, mode) != 0)
        rc = TSS_RC_FILE_WRITE;
    if (rc == 0)
        rc = write_all(fd, data, length);
    if (rc == 0 && durable && fsync(fd) != 0)
        rc = TSS_RC_FILE_WRITE;
    if (close(fd) != 0 && rc == 0)
        rc = TSS_RC_FILE_CLOSE;
    if (rc == 0 && rename(tmp, filename) != 0)
        rc = TSS_RC_FILE_WRITE;
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

/* the process's umask, read without changing it (Linux: /proc/self/status) where possible,
 * since umask() cannot read it without setting it and another thread may create files */
static mode_t current_umask(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    char line[128];
    unsigned m;
    while (f != NULL && fgets(line, sizeof(line), f) != NULL)
        if (sscanf(line, "Umask: %o", &m) == 1) {
            fclose(f);
            return (mode_t)m & 0777;
        }
    if (f != NULL)
        fclose(f);
    mode_t mask = umask(022);
    umask(mask);
    return mask;
}

/* A path that is not a regular file (a device such as /dev/stdout or /dev/full, a FIFO,
 * a terminal) is written in place, as IBM's utilities do: replacing it with a regular
 * file would destroy the device node. */
static TPM_RC write_in_place(const char *filename, const unsigned char *data, size_t length)
{
    int fd = open(filename, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return TSS_RC_FILE_OPEN;
    TPM_RC rc = write_all(fd, data, length);
    if (close(fd) != 0 && rc == 0)
        rc = TSS_RC_FILE_CLOSE;
    return rc;
}

TPM_RC tss_file_write_output(const char *filename, const void *data, size_t length, int private_data)
{
    struct stat st;
    char *resolved = NULL;
    const char *target = filename;
    mode_t mode;
    if (stat(filename, &st) == 0) {
        if (!S_ISREG(st.st_mode))
            return write_in_place(filename, data, length);
        /* an existing file (through any symlinks) is replaced whole, keeping its mode;
         * a symlink stays a symlink */
        resolved = realpath(filename, NULL);
        if (resolved == NULL)
            return TSS_RC_FILE_OPEN;
        target = resolved;
        mode = st.st_mode & 07777;
        if (private_data)
            mode &= 0700;
    } else {
        mode = (private_data ? 0600 : 0666) & ~current_umask();
    }
    TPM_RC rc = tss_file_write_atomic(target, data, length, mode, 1);
    free(resolved);
    return rc;
}

TPM_RC TSS_File_WriteBinaryFile(const unsigned char *data, size_t length, const char *filename)
{
    if ((data == NULL && length != 0) || filename == NULL)
        return TSS_RC_NULL_PARAMETER;
    return tss_file_write_output(filename, data, length, 0);
}

TPM_RC TSS_File_WritePrivateFile(const unsigned char *data, size_t length, const char *filename)
{
    if ((data == NULL && length != 0) || filename == NULL)
        return TSS_RC_NULL_PARAMETER;
    return tss_file_write_output(filename, data, length, 1);
}

TPM_RC TSS_File_WriteStructure(void *structure, MarshalFunction_t marshalFunction,
                               const char *filename)
{
    uint8_t *buf = NULL;
    uint16_t written = 0;
    if (structure == NULL || marshalFunction == NULL || filename == NULL)
        return TSS_RC_NULL_PARAMETER;
    TPM_RC rc = TSS_Structure_Marshal(&buf, &written, structure, marshalFunction);
    if (rc == 0)
        rc = TSS_File_WriteBinaryFile(buf, written, filename);
    free(buf);
    return rc;
}

static TPM_RC read_structure(void *structure, UnmarshalFunction_t plain, UnmarshalFunctionFlag_t flag,
                             BOOL allowNull, const char *filename)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (structure == NULL || filename == NULL)
        return TSS_RC_NULL_PARAMETER;
    TPM_RC rc = TSS_File_ReadBinaryFile(&data, &len, filename);
    if (rc != 0)
        return rc;
    uint8_t *p = data;
    uint32_t size = (uint32_t)len;
    rc = plain != NULL ? plain(structure, &p, &size) : flag(structure, &p, &size, allowNull);
    if (rc == 0 && size != 0)
        rc = TPM_RC_SIZE; /* trailing bytes: not the structure we were asked for */
    free(data);
    return rc;
}

TPM_RC TSS_File_ReadStructure(void *structure, UnmarshalFunction_t unmarshalFunction,
                              const char *filename)
{
    if (unmarshalFunction == NULL)
        return TSS_RC_NULL_PARAMETER;
    return read_structure(structure, unmarshalFunction, NULL, NO, filename);
}

TPM_RC TSS_File_ReadStructureFlag(void *structure, UnmarshalFunctionFlag_t unmarshalFunction,
                                  BOOL allowNull, const char *filename)
{
    if (unmarshalFunction == NULL)
        return TSS_RC_NULL_PARAMETER;
    return read_structure(structure, NULL, unmarshalFunction, allowNull, filename);
}

TPM_RC TSS_File_Read2B(TPM2B *tpm2b, uint16_t targetSize, const char *filename)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (tpm2b == NULL)
        return TSS_RC_NULL_PARAMETER;
    TPM_RC rc = TSS_File_ReadBinaryFile(&data, &len, filename);
    if (rc == 0 && len > targetSize)
        rc = TSS_RC_INSUFFICIENT_BUFFER;
    if (rc == 0) {
        memcpy(tpm2b->buffer, data, len);
        tpm2b->size = (uint16_t)len;
    }
    free(data);
    return rc;
}

TPM_RC TSS_File_DeleteFile(const char *filename)
{
    if (filename == NULL)
        return TSS_RC_NULL_PARAMETER;
    return (unlink(filename) == 0 || errno == ENOENT) ? 0 : TSS_RC_FILE_REMOVE;
}

/*
 * seq_buffer.c: the text of a /proc file, printed in one go by its show function into a buffer
 * that doubles when full. A read then copies from this snapshot, so a file read in several
 * pieces is consistent, as with Linux's seq_file.
 */
#include <kuid/format.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <uapi/errno.h>

#include "procfs_internal.h"

#define SEQ_FIRST_CAPACITY 512

void seq_init(struct seq_buffer *seq)
{
	*seq = (struct seq_buffer){ 0 };
}

void seq_init_fixed(struct seq_buffer *seq, char *buffer, size_t size)
{
	*seq = (struct seq_buffer){ .data = buffer, .capacity = size, .fixed = true };
	if (size > 0)
		buffer[0] = '\0';
}

/* Room for `more` bytes and a NUL; false (and seq->error set) if there is none. */
static bool seq_reserve(struct seq_buffer *seq, size_t more)
{
	size_t capacity = seq->capacity ? seq->capacity : SEQ_FIRST_CAPACITY;
	char *bigger;

	if (seq->error)
		return false;
	if (seq->length + more + 1 <= seq->capacity)
		return true;
	if (seq->fixed) {
		seq->error = -ENOSPC;
		return false;
	}
	while (seq->length + more + 1 > capacity)
		capacity *= 2;
	bigger = kmalloc(capacity);
	if (!bigger) {
		seq->error = -ENOMEM;
		return false;
	}
	if (seq->data)
		memcpy(bigger, seq->data, seq->length);
	kfree(seq->data);
	seq->data = bigger;
	seq->capacity = capacity;
	return true;
}

void seq_write(struct seq_buffer *seq, const void *data, size_t length)
{
	if (!seq_reserve(seq, length))
		return;
	memcpy(seq->data + seq->length, data, length);
	seq->length += length;
	seq->data[seq->length] = '\0';
}

void seq_printf(struct seq_buffer *seq, const char *format, ...)
{
	va_list args;
	int length;

	va_start(args, format);
	length = vsnprintf(NULL, 0, format, args);
	va_end(args);
	if (length < 0 || !seq_reserve(seq, (size_t)length))
		return;
	va_start(args, format);
	vsnprintf(seq->data + seq->length, (size_t)length + 1, format, args);
	va_end(args);
	seq->length += (size_t)length;
}

void seq_release(struct seq_buffer *seq)
{
	if (!seq->fixed)
		kfree(seq->data);
	seq->data = NULL;
	seq->length = seq->capacity = 0;
}

/*
 * random.c: kuid's random numbers (see kuid/random.h for what they are not)
 * and getrandom(2). Each request mixes in fresh hardware randomness or cycle
 * counts, so two boots, or two calls, do not repeat each other.
 */
#include <kuid/arch.h>
#include <kuid/random.h>
#include <kuid/spinlock.h>
#include <kuid/string.h>
#include <kuid/syscall_handlers.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <uapi/random.h>

#define GETRANDOM_CHUNK 256

static uint64_t state;
static struct spinlock random_lock = SPINLOCK_INIT("random");

/* Fresh unpredictability: rdrand if there is one, else the cycle counter. */
static uint64_t fresh_seed(void)
{
	uint64_t value;

	if (arch_hardware_random(&value))
		return value;
	return arch_cycle_counter() * 0x9e3779b97f4a7c15ull;
}

/* xorshift64* (Vigna): a fast generator with a full 2^64 - 1 period. */
static uint64_t next_value(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dull;
}

void random_bytes(void *buffer, size_t length)
{
	unsigned long irq_state = spin_lock_irqsave(&random_lock);
	uint8_t *bytes = buffer;

	state ^= fresh_seed();
	if (state == 0)
		state = 0x6b756964;	/* xorshift must never hold 0 */
	while (length > 0) {
		uint64_t value = next_value();
		size_t chunk = MIN(length, sizeof(value));

		memcpy(bytes, &value, chunk);
		bytes += chunk;
		length -= chunk;
	}
	spin_unlock_irqrestore(&random_lock, irq_state);
}

/* The pool is always "initialised", so no flag ever makes this block. */
long sys_getrandom(void __user *buffer, size_t length, unsigned int flags)
{
	uint8_t chunk[GETRANDOM_CHUNK];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	/* Linux returns at most 32 MiB - 1 per call. */
	length = MIN(length, (size_t)(32u << 20) - 1);
	while (done < length) {
		size_t count = MIN(length - done, sizeof(chunk));

		random_bytes(chunk, count);
		if (copy_to_user((uint8_t *)buffer + done, chunk, count))
			return done ? (long)done : -EFAULT;
		done += count;
	}
	return (long)done;
}

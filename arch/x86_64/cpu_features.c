/*
 * cpu_features.c: what the CPU offers that the portable kernel asks about:
 * the feature bits handed to programs (AT_HWCAP), the rdrand random number
 * instruction, and the time-stamp counter.
 */
#include <kuid/arch.h>

#define CPUID_FEATURES		1
#define CPUID_ECX_RDRAND	(1u << 30)
#define RDRAND_RETRIES		10

static void cpuid(uint32_t leaf, uint32_t *eax, uint32_t *ebx, uint32_t *ecx, uint32_t *edx)
{
	__asm__ volatile("cpuid" : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			 : "a"(leaf), "c"(0));
}

unsigned long arch_elf_hwcap(void)
{
	uint32_t eax, ebx, ecx, edx;

	cpuid(CPUID_FEATURES, &eax, &ebx, &ecx, &edx);
	return edx;
}

bool arch_hardware_random(uint64_t *value)
{
	uint32_t eax, ebx, ecx, edx;

	cpuid(CPUID_FEATURES, &eax, &ebx, &ecx, &edx);
	if (!(ecx & CPUID_ECX_RDRAND))
		return false;
	/* rdrand may fail (carry clear) when its entropy runs dry; Intel says retry. */
	for (int attempt = 0; attempt < RDRAND_RETRIES; attempt++) {
		uint8_t ok;

		__asm__ volatile("rdrand %0; setc %1" : "=r"(*value), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

uint64_t arch_cycle_counter(void)
{
	uint32_t low, high;

	__asm__ volatile("rdtsc" : "=a"(low), "=d"(high));
	return ((uint64_t)high << 32) | low;
}

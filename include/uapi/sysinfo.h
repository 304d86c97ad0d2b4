/* sysinfo(2)'s answer on Linux x86_64: uptime, load, memory and process count (112 bytes). */
#ifndef KUID_UAPI_SYSINFO_H
#define KUID_UAPI_SYSINFO_H

#include <stdint.h>

#define SI_LOAD_SHIFT   16              /* loads are fixed-point with 16 fraction bits */

struct sysinfo {
	int64_t uptime;                 /* seconds since boot */
	uint64_t loads[3];              /* 1, 5 and 15 minute load averages */
	uint64_t totalram;              /* in units of mem_unit bytes */
	uint64_t freeram;
	uint64_t sharedram;
	uint64_t bufferram;
	uint64_t totalswap;
	uint64_t freeswap;
	uint16_t procs;                 /* number of processes */
	uint16_t pad;
	uint32_t pad2;
	uint64_t totalhigh;
	uint64_t freehigh;
	uint32_t mem_unit;
	char _f[4];                     /* pads the struct to 112 bytes */
};

#endif /* KUID_UAPI_SYSINFO_H */

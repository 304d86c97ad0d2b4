/* Flags of getrandom(2), with Linux's values.
 * Without flags, getrandom blocks until the pool is initialised, then never again. */
#ifndef KUID_UAPI_RANDOM_H
#define KUID_UAPI_RANDOM_H

#define GRND_NONBLOCK   0x0001          /* EAGAIN instead of blocking */
#define GRND_RANDOM     0x0002          /* historical /dev/random pool */
#define GRND_INSECURE   0x0004          /* never block, even before initialisation */

#endif /* KUID_UAPI_RANDOM_H */

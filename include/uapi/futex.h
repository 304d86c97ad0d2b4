/* futex(2) operations and flags with Linux x86_64 values (linux/futex.h). */
#ifndef KUID_UAPI_FUTEX_H
#define KUID_UAPI_FUTEX_H

#define FUTEX_WAIT              0       /* sleep if *uaddr == val (relative timeout) */
#define FUTEX_WAKE              1       /* wake up to val waiters */
#define FUTEX_FD                2       /* removed from Linux long ago */
#define FUTEX_REQUEUE           3       /* wake val, move up to val2 to uaddr2 */
#define FUTEX_CMP_REQUEUE       4       /* the same, if *uaddr == val3 */
#define FUTEX_WAKE_OP           5
#define FUTEX_LOCK_PI           6
#define FUTEX_UNLOCK_PI         7
#define FUTEX_TRYLOCK_PI        8
#define FUTEX_WAIT_BITSET       9       /* FUTEX_WAIT with a bitset, absolute timeout */
#define FUTEX_WAKE_BITSET       10      /* wake waiters whose bitset shares a bit with val3 */

#define FUTEX_PRIVATE_FLAG      128     /* the word is not shared with other processes */
#define FUTEX_CLOCK_REALTIME    256     /* FUTEX_WAIT_BITSET's timeout is CLOCK_REALTIME */
#define FUTEX_CMD_MASK          (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

#define FUTEX_BITSET_MATCH_ANY  0xffffffffu

#endif /* KUID_UAPI_FUTEX_H */

/* Operations of prctl(2) that concern a process's name, credentials and privileges,
 * with Linux's numbers. */
#ifndef KUID_UAPI_PRCTL_H
#define KUID_UAPI_PRCTL_H

#define PR_SET_PDEATHSIG        1       /* signal to receive when the parent dies */
#define PR_GET_PDEATHSIG        2
#define PR_GET_DUMPABLE         3
#define PR_SET_DUMPABLE         4       /* 0 or 1; also decides who may ptrace or read /proc */
#define PR_GET_KEEPCAPS         7
#define PR_SET_KEEPCAPS         8       /* keep permitted capabilities across setuid from 0 */
#define PR_SET_NAME             15      /* the thread's name (comm), up to 15 bytes + NUL */
#define PR_GET_NAME             16
#define PR_GET_SECCOMP          21
#define PR_SET_SECCOMP          22
#define PR_CAPBSET_READ         23      /* is capability arg2 in the bounding set? */
#define PR_CAPBSET_DROP         24      /* remove it (needs CAP_SETPCAP) */
#define PR_GET_SECUREBITS       27
#define PR_SET_SECUREBITS       28      /* SECBIT_* from capability.h */
#define PR_SET_TIMERSLACK       29
#define PR_GET_TIMERSLACK       30
#define PR_SET_CHILD_SUBREAPER  36      /* orphaned descendants are reparented to us */
#define PR_GET_CHILD_SUBREAPER  37
#define PR_SET_NO_NEW_PRIVS     38      /* execve may never grant privileges again; one way */
#define PR_GET_NO_NEW_PRIVS     39
#define PR_GET_TID_ADDRESS      40
#define PR_SET_THP_DISABLE      41
#define PR_GET_THP_DISABLE      42
#define PR_CAP_AMBIENT          47      /* the ambient set; arg2 is one of: */
#define PR_CAP_AMBIENT_IS_SET           1
#define PR_CAP_AMBIENT_RAISE            2
#define PR_CAP_AMBIENT_LOWER            3
#define PR_CAP_AMBIENT_CLEAR_ALL        4

/* Longest name PR_SET_NAME keeps, with its NUL. */
#define TASK_COMM_LEN           16

#endif /* KUID_UAPI_PRCTL_H */

# Kernel sources that are pure logic (no arch/ header, no CPU access) and are
# therefore compiled into the host unit tests as well as into the kernel.
# lib/*.c is always included; add one line per kernel file.
HOST_PURE_SRCS += kernel/boot/multiboot2.c
HOST_PURE_SRCS += kernel/boot/command_line.c
HOST_PURE_SRCS += kernel/printk/log_level.c
HOST_PURE_SRCS += kernel/exec/elf_parse.c
HOST_PURE_SRCS += kernel/fs/cpio_parse.c
HOST_PURE_SRCS += tests/unit/uapi_host_values.c
HOST_PURE_SRCS += tests/unit/uapi_host_libc_values.c
HOST_PURE_SRCS += kernel/mm/page_alloc.c
HOST_PURE_SRCS += kernel/mm/heap.c
HOST_PURE_SRCS += kernel/printk/printk.c
HOST_PURE_SRCS += tests/unit/host_arch.c
HOST_PURE_SRCS += kernel/signal/signal_rules.c
HOST_PURE_SRCS += kernel/tty/line_discipline.c
HOST_PURE_SRCS += kernel/user_namespace/id_map.c
HOST_PURE_SRCS += kernel/user_namespace/id_map_parse.c
HOST_PURE_SRCS += kernel/user_namespace/userns_rules.c
HOST_PURE_SRCS += kernel/mm/region_list.c
HOST_PURE_SRCS += kernel/exec/script_parse.c
HOST_PURE_SRCS += kernel/exec/initial_stack.c
HOST_PURE_SRCS += kernel/signal/signal_restart.c
HOST_PURE_SRCS += kernel/fs/path_name.c
HOST_PURE_SRCS += kernel/fs/permission_rule.c
HOST_PURE_SRCS += kernel/fs/device_number.c
HOST_PURE_SRCS += kernel/user_namespace/user_namespace.c
HOST_PURE_SRCS += kernel/user_namespace/id_translation.c
HOST_PURE_SRCS += kernel/user_namespace/ucount.c
HOST_PURE_SRCS += kernel/user_namespace/ns_inode_number.c
HOST_PURE_SRCS += kernel/user_namespace/capability.c
HOST_PURE_SRCS += kernel/user_namespace/capability_transitions.c
HOST_PURE_SRCS += kernel/cred/set_id_rules.c
HOST_PURE_SRCS += kernel/cred/capability_rules.c
HOST_PURE_SRCS += kernel/exec/set_id_exec.c

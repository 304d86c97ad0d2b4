# kuid: top-level build.
#
#   make             build/kuid.elf and build/kuid.iso (GRUB, multiboot2)
#   make run         boot kuid in QEMU, serial console on this terminal
#   make test        unit, ktest, boot-test, user-test, conformance; one total
#   make unit        host unit tests (cmocka, ASan+UBSan)
#   make ktest       boot the test entry and run the in-kernel tests only
#   make boot-test   boot with bad input (options, initramfs, init); kuid must stop cleanly
#   make user-test   tests/user/*.c in kuid, in one boot
#   make test-native the same programs on this Linux machine (the oracle; run as root)
#   make conformance an external suite in kuid (SUITE=DIR, default ../shared/conformance)
#   make debug       QEMU waiting for gdb; see tools/gdbinit
#   make bench       benchmarks (figures, never pass/fail); also bench-user, bench-id-map
#   make clean       remove build/
#   make help        this list
#
# Everything is built under build/. Sources are found by wildcard, so adding a
# .c or .S file under arch/, kernel/, lib/ or tests/kernel/ needs no edit here.

# ---------------------------------------------------------------------------
# Toolchain. The kernel is built freestanding with an x86_64 ELF gcc: the host
# gcc on x86_64 Linux, or a cross compiler named by its prefix, for example
#   make CROSS_COMPILE=x86_64-elf-
# ---------------------------------------------------------------------------
CROSS_COMPILE ?=
CC      := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
HOSTCC  ?= gcc

BUILD := build

# Probe the compiler once and explain what is wrong instead of failing later
# with a wall of assembler errors. Skipped for targets that need no compiler.
NO_TOOLCHAIN_GOALS := clean deps help
ifneq ($(filter-out $(NO_TOOLCHAIN_GOALS),$(or $(MAKECMDGOALS),all)),)
CC_MACHINE := $(shell $(CC) -dumpmachine 2>/dev/null)
ifeq ($(CC_MACHINE),)
$(error '$(CC)' was not found. Install gcc (tools/install-deps does), or set CROSS_COMPILE to the prefix of an x86_64 ELF cross compiler, e.g. make CROSS_COMPILE=x86_64-elf-)
endif
ifeq ($(filter x86_64-%,$(CC_MACHINE)),)
$(error '$(CC)' targets '$(CC_MACHINE)', but kuid needs an x86_64 compiler. Set CROSS_COMPILE to the prefix of an x86_64 ELF cross compiler, e.g. make CROSS_COMPILE=x86_64-elf-)
endif
endif

# ---------------------------------------------------------------------------
# Kernel flags. -mcmodel=kernel because the kernel lives in the top 2 GiB;
# no red zone because interrupts push onto the kernel stack; general
# registers only so the kernel never touches user SSE state; frame pointers
# so the exception handler can print a backtrace.
# ---------------------------------------------------------------------------
WARNINGS := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow
KERNEL_CFLAGS := -std=gnu11 -O2 -g $(WARNINGS) \
	-ffreestanding -fno-builtin -fno-stack-protector -fno-pic -fno-pie \
	-fno-omit-frame-pointer -fno-strict-aliasing -fno-common \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
	-Iinclude -Iarch/x86_64/include -I$(BUILD)/generated -MMD -MP
KERNEL_ASFLAGS := -g -Iinclude -Iarch/x86_64/include -MMD -MP -D__ASSEMBLY__
KERNEL_LDFLAGS := -nostdlib -static -no-pie -Wl,-T,linker.ld -Wl,-z,max-page-size=0x1000 \
	-Wl,--build-id=none -Wl,-z,noexecstack

KERNEL_SRCS := $(sort $(shell find arch kernel lib tests/kernel -name '*.c' -o -name '*.S' 2>/dev/null))
KERNEL_OBJS := $(patsubst %,$(BUILD)/kernel/%.o,$(KERNEL_SRCS))

KERNEL_ELF := $(BUILD)/kuid.elf
KERNEL_ISO := $(BUILD)/kuid.iso
INITRAMFS  := $(BUILD)/initramfs.cpio

.PHONY: all run test ktest boot-test shell-test unit debug bench clean deps deps-host help conformance test-native user-test
all: $(KERNEL_ISO)

# Keep intermediate files (the host test objects): without this, make deletes
# them after linking and compiles them again on the next run.
.SECONDARY:

# Compiling and linking print one short line each ("  CC      lib/string.c"),
# so that a warning stands out; `make V=1` prints the full commands instead.
ifeq ($(V),1)
Q :=
SAY := @true
else
Q := @
SAY := @printf '  %-7s %s\n'
endif

$(BUILD)/kernel/%.c.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(SAY) CC $<
	$(Q)$(CC) $(KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/kernel/%.S.o: %.S Makefile
	@mkdir -p $(dir $@)
	$(SAY) AS $<
	$(Q)$(CC) $(KERNEL_ASFLAGS) -c $< -o $@

# The name of every Linux system call, one SYSCALL_NAME(name) line each, for
# the name table in kernel/syscall/syscall_table.c. It is made from the ABI
# header at build time, so the list of system calls is written down once.
SYSCALL_NAMES := $(BUILD)/generated/syscall_names.h
$(SYSCALL_NAMES): include/uapi/syscall_numbers.h Makefile
	@mkdir -p $(dir $@)
	$(SAY) GEN $@
	$(Q)sed -n 's/^#define __NR_\([a-z0-9_]*\) .*$$/SYSCALL_NAME(\1)/p' $< > $@.tmp
	$(Q)mv $@.tmp $@
$(BUILD)/kernel/kernel/syscall/syscall_table.c.o: $(SYSCALL_NAMES)

$(KERNEL_ELF): $(KERNEL_OBJS) linker.ld
	$(SAY) LD $@
	$(Q)$(CC) $(KERNEL_LDFLAGS) -o $@ $(KERNEL_OBJS) -lgcc

# ---------------------------------------------------------------------------
# The initramfs and the bootable ISO. tools/mkinitramfs assembles the root
# file system (busybox and its applet links, /init, test programs). Both ISOs
# hold the same kernel, initramfs and GRUB menu ("kuid" and "kuid tests");
# they differ in the entry GRUB boots by itself:
#   build/kuid.iso       "kuid", after 2 seconds    (make run, make debug)
#   build/kuid-test.iso  "kuid tests", at once      (make ktest)
# ---------------------------------------------------------------------------
KERNEL_TEST_ISO := $(BUILD)/kuid-test.iso
ISO_INPUTS := $(KERNEL_ELF) $(INITRAMFS) tools/mkiso tools/grub.cfg.in

# `make` (the target all) builds the test ISO too.
all: $(KERNEL_TEST_ISO)

INITRAMFS_INPUTS := tools/mkinitramfs $(wildcard tools/initramfs/*)
$(INITRAMFS): $(INITRAMFS_INPUTS)
	@mkdir -p $(dir $@)
	tools/mkinitramfs $@

$(KERNEL_ISO): $(ISO_INPUTS)
	tools/mkiso $@ $(KERNEL_ELF) $(INITRAMFS) --default normal

$(KERNEL_TEST_ISO): $(ISO_INPUTS)
	tools/mkiso $@ $(KERNEL_ELF) $(INITRAMFS) --default ktest

# ---------------------------------------------------------------------------
# Host unit tests: every tests/unit/test_*.c becomes one cmocka binary linked
# against the pure (CPU-independent) sources: all of lib/ plus the kernel files
# listed in tests/unit/pure-sources.mk. Built with ASan and UBSan.
# ---------------------------------------------------------------------------
HOST_PURE_SRCS := $(wildcard lib/*.c)
-include tests/unit/pure-sources.mk
HOST_CFLAGS := -std=gnu11 -O1 -g $(WARNINGS) -DKUID_HOSTED=1 \
	-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
	-Iinclude -Itests/unit -MMD -MP
HOST_LDFLAGS := -fsanitize=address,undefined
UNIT_TEST_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_TEST_BINS := $(patsubst tests/unit/%.c,$(BUILD)/host/%,$(UNIT_TEST_SRCS))
HOST_PURE_OBJS := $(patsubst %.c,$(BUILD)/host/obj/%.o,$(HOST_PURE_SRCS))

$(BUILD)/host/obj/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(SAY) HOSTCC $<
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -c $< -o $@

$(BUILD)/host/libkuid-pure.a: $(HOST_PURE_OBJS)
	@rm -f $@
	$(SAY) AR $@
	$(Q)ar rcs $@ $^

$(BUILD)/host/test_%: $(BUILD)/host/obj/tests/unit/test_%.o $(BUILD)/host/libkuid-pure.a
	$(SAY) HOSTLD $@
	$(Q)$(HOSTCC) $(HOST_LDFLAGS) -o $@ $^ -lcmocka

unit: deps-host $(UNIT_TEST_BINS)
	tools/run-unit-tests $(UNIT_TEST_BINS)

# ---------------------------------------------------------------------------
# Running kuid. tools/qemu-run turns QEMU's exit status into pass/fail; the
# console output of `make ktest` is also kept in build/ktest.log. A slow
# machine can allow more time, for example: make ktest KTEST_TIMEOUT=300
# ---------------------------------------------------------------------------
QEMU_RUN := tools/qemu-run
KTEST_TIMEOUT ?= 60

run: deps $(KERNEL_ISO)
	$(QEMU_RUN) --interactive $(KERNEL_ISO)

ktest: deps $(KERNEL_TEST_ISO)
	$(QEMU_RUN) --timeout $(KTEST_TIMEOUT) --log $(BUILD)/ktest.log $(KERNEL_TEST_ISO)

# Boot with bad boot input (an unknown option, no or a corrupt initramfs, a
# hostile or missing init, a kernel page fault) and check that kuid stops with
# a clear report; ISOs in build/boot-tests/.
boot-test: deps $(KERNEL_ELF) $(INITRAMFS)
	KUID_BUILD=$(BUILD) tools/run-boot-tests

# Busybox's namespace commands (unshare, nsenter, hostname, mount) in a booted kuid, checked
# against what they print in Debian's Linux (tools/run-shell-checks --linux).
shell-test: deps $(KERNEL_ELF) kuid-run-init
	KUID_KERNEL=$(abspath $(KERNEL_ELF)) KUID_RUN_INIT=$(abspath $(BUILD))/guest/kuid-run-init \
		tools/run-shell-checks

debug: deps $(KERNEL_ISO)
	@echo "QEMU waits for gdb on :1234. In another terminal: gdb -x tools/gdbinit"
	$(QEMU_RUN) --interactive --gdb $(KERNEL_ISO)

test: deps
	KUID_BUILD=$(BUILD) tools/run-all-tests

bench: deps $(KERNEL_ISO) $(KERNEL_TEST_ISO)
	BUILD=$(BUILD) tools/bench

# ---------------------------------------------------------------------------
# Benchmarks of pure code: host programs built with -O2 and no sanitizers
# against the very kernel sources the unit tests use. They print BENCH lines,
# figures and never pass/fail. `make bench-id-map`: id map lookups, 1 to 340
# extents (tests/bench/id_map_bench.c).
# ---------------------------------------------------------------------------
BENCH_CFLAGS := -std=gnu11 -O2 $(WARNINGS) -DKUID_HOSTED=1 -Iinclude
ID_MAP_BENCH_SRCS := tests/bench/id_map_bench.c kernel/user_namespace/id_map.c \
	kernel/user_namespace/userns_rules.c lib/format.c lib/string.c

.PHONY: bench-id-map
$(BUILD)/host/id_map_bench: $(ID_MAP_BENCH_SRCS) include/kuid/id_map.h \
		include/kuid/userns_rules.h Makefile
	@mkdir -p $(dir $@)
	$(SAY) HOSTCC $@
	$(Q)$(HOSTCC) $(BENCH_CFLAGS) -o $@ $(ID_MAP_BENCH_SRCS)

bench-id-map: $(BUILD)/host/id_map_bench
	$(BUILD)/host/id_map_bench

deps:
	@tools/install-deps

deps-host:
	@tools/install-deps --host-only

clean:
	rm -rf $(BUILD)

help:
	@sed -n '2,17p' Makefile

-include $(KERNEL_OBJS:.o=.d) $(HOST_PURE_OBJS:.o=.d) \
	$(patsubst tests/unit/%.c,$(BUILD)/host/obj/tests/unit/%.d,$(UNIT_TEST_SRCS))

# ---------------------------------------------------------------------------
# User-space tests and kuid-run.
#   make user            build tests/user/*.c into build/user/NAME (static musl)
#   make test-native     run them natively on this Linux machine (the oracle)
#   make user-test       run them in kuid, in one boot (tools/kuid-run --suite)
#   make conformance     build an external suite folder and run it in kuid:
#                        make conformance SUITE=DIR (default ../shared/conformance)
#   make bench-user      system-call benchmarks: native, kuid, Linux under QEMU
# A suite folder has a Makefile whose default target builds its programs; every
# executable in its build/ folder (or build/user for tests/user) is one program.
# Each of these prints one verdict per program and closes with
# "N passed, N failed" counted over programs.
# ---------------------------------------------------------------------------
MUSL_CC := musl-gcc
USER_CFLAGS := -static -O2 -Wall -Wextra -Werror -std=gnu11
KUID_RUN_INIT := $(BUILD)/guest/kuid-run-init
# tools/kuid-run boots these; exported so every tool started from make uses
# the kernel and init of this build directory (make BUILD=dir ... included).
export KUID_KERNEL := $(abspath $(KERNEL_ELF))
export KUID_RUN_INIT
SUITE ?= ../shared/conformance
KUID_RUN_TIMEOUT ?= 120
USER_PROGRAM_NAMES := $(basename $(notdir $(wildcard tests/user/*.c)))
USER_PROGRAMS := $(addprefix $(BUILD)/user/,$(USER_PROGRAM_NAMES))

.PHONY: user user-test bench-user kuid-run-init

$(KUID_RUN_INIT): tools/guest/kuid-run-init.c Makefile
	@mkdir -p $(dir $@)
	$(MUSL_CC) $(USER_CFLAGS) -o $@ $<

kuid-run-init: deps $(KUID_RUN_INIT)

user: deps
	$(MAKE) -C tests/user OUT=$(abspath $(BUILD)/user)

test-native: user
	tools/run-programs $(USER_PROGRAMS)

user-test: user $(KERNEL_ELF) $(KUID_RUN_INIT)
	tools/kuid-run --suite --timeout $(KUID_RUN_TIMEOUT) $(USER_PROGRAMS)

# The external suite is built in its own folder (it is never modified), then
# every executable file in its build/ runs in kuid.
# A suite on a read-only file system is built from a copy under build/suites/.
SUITE_BUILD_DIR = $(if $(shell test -w $(SUITE) && echo writable),$(SUITE),$(BUILD)/suites/$(notdir $(abspath $(SUITE))))

conformance: deps $(KERNEL_ELF) $(KUID_RUN_INIT)
	@if [ "$(SUITE_BUILD_DIR)" != "$(SUITE)" ]; then \
		rm -rf $(SUITE_BUILD_DIR) && mkdir -p $(dir $(SUITE_BUILD_DIR)) && \
		cp -r $(SUITE) $(SUITE_BUILD_DIR) && rm -rf $(SUITE_BUILD_DIR)/build; fi
	$(MAKE) -C $(SUITE_BUILD_DIR)
	tools/kuid-run --suite --timeout $(KUID_RUN_TIMEOUT) \
		$$(find $(SUITE_BUILD_DIR)/build -maxdepth 1 -type f -perm -u+x | LC_ALL=C sort)

$(BUILD)/bench-user/bench: tests/bench/bench.c Makefile
	@mkdir -p $(dir $@)
	$(MUSL_CC) $(USER_CFLAGS) -o $@ $<

bench-user: deps $(BUILD)/bench-user/bench $(KUID_RUN_INIT)
	BUILD=$(BUILD) tools/bench-user

# Kernel sources that are pure logic (no arch/ header, no CPU access) and are
# therefore compiled into the host unit tests as well as into the kernel.
# lib/*.c is always included; add one line per kernel file.

/* serial.h: the COM1 UART, kuid's console (see serial.c). */
#ifndef ARCH_SERIAL_H
#define ARCH_SERIAL_H

void serial_init(void);
void serial_enable_receive_interrupt(void);

/* The next received byte, or -1 when none is waiting. */
int serial_read_byte(void);

#endif

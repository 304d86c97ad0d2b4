/* serial.h: the COM1..COM3 UARTs; COM1 is kuid's console (see serial.c). */
#ifndef ARCH_SERIAL_H
#define ARCH_SERIAL_H

/* Set up every UART that is there, receive interrupts off; the console first. */
void serial_init(void);

/* The next byte received on COM1, or -1 when none is waiting (polled). */
int serial_read_byte(void);

#endif

/*
 * serial.c: the 16550 UART on COM1, kuid's console. Output is polled so it
 * works from any context, even inside an exception handler; input arrives
 * through IRQ 4 once the tty layer asks for it.
 */
#include <kuid/arch.h>
#include <arch/io.h>
#include <arch/serial.h>

#define COM1				0x3f8
#define REGISTER_DATA			0	/* divisor low byte while DLAB is set */
#define REGISTER_INTERRUPT_ENABLE	1	/* divisor high byte while DLAB is set */
#define REGISTER_FIFO_CONTROL		2
#define REGISTER_LINE_CONTROL		3
#define REGISTER_MODEM_CONTROL		4
#define REGISTER_LINE_STATUS		5

#define LINE_CONTROL_8N1		0x03
#define LINE_CONTROL_DIVISOR_LATCH	0x80
#define FIFO_ENABLE_AND_CLEAR		0x07
#define MODEM_DATA_READY_AND_OUT2	0x0b	/* OUT2 gates the IRQ line */
#define LINE_STATUS_DATA_READY		0x01
#define LINE_STATUS_TRANSMIT_EMPTY	0x20
#define INTERRUPT_ON_RECEIVE		0x01

#define BASE_CLOCK_HZ			115200
#define BAUD_RATE			115200

void serial_init(void)
{
	unsigned int divisor = BASE_CLOCK_HZ / BAUD_RATE;

	port_write8(COM1 + REGISTER_INTERRUPT_ENABLE, 0);
	port_write8(COM1 + REGISTER_LINE_CONTROL, LINE_CONTROL_DIVISOR_LATCH);
	port_write8(COM1 + REGISTER_DATA, divisor & 0xff);
	port_write8(COM1 + REGISTER_INTERRUPT_ENABLE, divisor >> 8);
	port_write8(COM1 + REGISTER_LINE_CONTROL, LINE_CONTROL_8N1);
	port_write8(COM1 + REGISTER_FIFO_CONTROL, FIFO_ENABLE_AND_CLEAR);
	port_write8(COM1 + REGISTER_MODEM_CONTROL, MODEM_DATA_READY_AND_OUT2);
}

void serial_enable_receive_interrupt(void)
{
	port_write8(COM1 + REGISTER_INTERRUPT_ENABLE, INTERRUPT_ON_RECEIVE);
}

static void serial_write_byte(char byte)
{
	while (!(port_read8(COM1 + REGISTER_LINE_STATUS) & LINE_STATUS_TRANSMIT_EMPTY))
		arch_cpu_relax();
	port_write8(COM1 + REGISTER_DATA, (uint8_t)byte);
}

int serial_read_byte(void)
{
	if (!(port_read8(COM1 + REGISTER_LINE_STATUS) & LINE_STATUS_DATA_READY))
		return -1;
	return port_read8(COM1 + REGISTER_DATA);
}

void arch_console_write(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++) {
		/* A terminal needs a carriage return before each line feed. */
		if (text[i] == '\n')
			serial_write_byte('\r');
		serial_write_byte(text[i]);
	}
}

/*
 * serial.c: the 16550 UARTs on COM1..COM3. COM1 is kuid's console. Output is
 * polled so it works from any context, even inside an exception handler;
 * input arrives through IRQ 4 (COM1, COM3) and IRQ 3 (COM2) once the tty
 * layer asks for it, and each byte is handed to tty_receive_from_interrupt.
 */
#include <kuid/arch.h>
#include <kuid/tty.h>
#include <arch/interrupts.h>
#include <arch/io.h>
#include <arch/serial.h>

#define REGISTER_DATA			0	/* divisor low byte while DLAB is set */
#define REGISTER_INTERRUPT_ENABLE	1	/* divisor high byte while DLAB is set */
#define REGISTER_FIFO_CONTROL		2
#define REGISTER_LINE_CONTROL		3
#define REGISTER_MODEM_CONTROL		4
#define REGISTER_LINE_STATUS		5
#define REGISTER_SCRATCH		7

#define LINE_CONTROL_8N1		0x03
#define LINE_CONTROL_DIVISOR_LATCH	0x80
#define FIFO_ENABLE_AND_CLEAR		0x07
#define MODEM_DATA_READY_AND_OUT2	0x0b	/* OUT2 gates the IRQ line */
#define LINE_STATUS_DATA_READY		0x01
#define LINE_STATUS_TRANSMIT_EMPTY	0x20
#define INTERRUPT_ON_RECEIVE		0x01

#define BASE_CLOCK_HZ			115200
#define BAUD_RATE			115200

#define IRQ_COM2			3	/* COM1 and COM3 share IRQ_COM1 (4) */

struct serial_port {
	uint16_t base;
	unsigned int irq;
	bool present;
};

static struct serial_port ports[ARCH_SERIAL_PORTS] = {
	{ .base = 0x3f8, .irq = IRQ_COM1 },
	{ .base = 0x2f8, .irq = IRQ_COM2 },
	{ .base = 0x3e8, .irq = IRQ_COM1 },
};

/*
 * A missing UART reads back 0xff from every register; a real one keeps what
 * is written to its scratch register.
 */
static bool port_probe(uint16_t base)
{
	port_write8(base + REGISTER_SCRATCH, 0x5a);
	if (port_read8(base + REGISTER_SCRATCH) != 0x5a)
		return false;
	port_write8(base + REGISTER_SCRATCH, 0xa5);
	return port_read8(base + REGISTER_SCRATCH) == 0xa5;
}

static void port_init(uint16_t base)
{
	unsigned int divisor = BASE_CLOCK_HZ / BAUD_RATE;

	port_write8(base + REGISTER_INTERRUPT_ENABLE, 0);
	port_write8(base + REGISTER_LINE_CONTROL, LINE_CONTROL_DIVISOR_LATCH);
	port_write8(base + REGISTER_DATA, divisor & 0xff);
	port_write8(base + REGISTER_INTERRUPT_ENABLE, divisor >> 8);
	port_write8(base + REGISTER_LINE_CONTROL, LINE_CONTROL_8N1);
	port_write8(base + REGISTER_FIFO_CONTROL, FIFO_ENABLE_AND_CLEAR);
	port_write8(base + REGISTER_MODEM_CONTROL, MODEM_DATA_READY_AND_OUT2);
}

void serial_init(void)
{
	/* COM1 is the console: it is used even if the probe is not convincing. */
	ports[0].present = true;
	port_init(ports[0].base);
	for (unsigned int port = 1; port < ARCH_SERIAL_PORTS; port++) {
		ports[port].present = port_probe(ports[port].base);
		if (ports[port].present)
			port_init(ports[port].base);
	}
}

bool arch_serial_present(unsigned int port)
{
	return port < ARCH_SERIAL_PORTS && ports[port].present;
}

static void port_write_byte(uint16_t base, char byte)
{
	while (!(port_read8(base + REGISTER_LINE_STATUS) & LINE_STATUS_TRANSMIT_EMPTY))
		arch_cpu_relax();
	port_write8(base + REGISTER_DATA, (uint8_t)byte);
}

void arch_serial_write(unsigned int port, const char *bytes, size_t length)
{
	if (!arch_serial_present(port))
		return;
	for (size_t i = 0; i < length; i++)
		port_write_byte(ports[port].base, bytes[i]);
}

/* Drain every UART on this line: with a FIFO, one interrupt may bring several bytes. */
static void serial_interrupt(struct interrupt_frame *frame)
{
	unsigned int irq = (unsigned int)(frame->vector - IRQ_BASE_VECTOR);

	for (unsigned int port = 0; port < ARCH_SERIAL_PORTS; port++) {
		uint16_t base = ports[port].base;

		if (!ports[port].present || ports[port].irq != irq)
			continue;
		while (port_read8(base + REGISTER_LINE_STATUS) & LINE_STATUS_DATA_READY)
			tty_receive_from_interrupt(port, port_read8(base + REGISTER_DATA));
	}
}

void arch_serial_enable_receive(unsigned int port)
{
	if (!arch_serial_present(port))
		return;
	irq_set_handler(ports[port].irq, serial_interrupt);
	port_write8(ports[port].base + REGISTER_INTERRUPT_ENABLE, INTERRUPT_ON_RECEIVE);
}

int serial_read_byte(void)
{
	if (!(port_read8(ports[0].base + REGISTER_LINE_STATUS) & LINE_STATUS_DATA_READY))
		return -1;
	return port_read8(ports[0].base + REGISTER_DATA);
}

void arch_console_write(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++) {
		/* A terminal needs a carriage return before each line feed. */
		if (text[i] == '\n')
			port_write_byte(ports[0].base, '\r');
		port_write_byte(ports[0].base, text[i]);
	}
}

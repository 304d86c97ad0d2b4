/*
 * pic.c: the two cascaded 8259 interrupt controllers. By default they deliver
 * IRQs on vectors 8..15, which collide with CPU exceptions, so they are
 * remapped to 32..47. Every line starts masked until a handler is set.
 */
#include <arch/interrupts.h>
#include <arch/io.h>

#define PIC1_COMMAND	0x20
#define PIC1_DATA	0x21
#define PIC2_COMMAND	0xA0
#define PIC2_DATA	0xA1

#define ICW1_INIT_WITH_ICW4	0x11
#define ICW4_8086_MODE		0x01
#define PIC2_CASCADE_IRQ	2
#define COMMAND_END_OF_INTERRUPT 0x20

static uint16_t masked_lines = 0xffff;

static void pic_write_masks(void)
{
	port_write8(PIC1_DATA, masked_lines & 0xff);
	port_write8(PIC2_DATA, masked_lines >> 8);
}

void pic_init(void)
{
	port_write8(PIC1_COMMAND, ICW1_INIT_WITH_ICW4);
	port_write8(PIC2_COMMAND, ICW1_INIT_WITH_ICW4);
	port_write8(PIC1_DATA, IRQ_BASE_VECTOR);
	port_write8(PIC2_DATA, IRQ_BASE_VECTOR + 8);
	port_write8(PIC1_DATA, 1 << PIC2_CASCADE_IRQ);	/* slave on line 2 */
	port_write8(PIC2_DATA, PIC2_CASCADE_IRQ);	/* slave's identity */
	port_write8(PIC1_DATA, ICW4_8086_MODE);
	port_write8(PIC2_DATA, ICW4_8086_MODE);

	masked_lines = 0xffff & ~(1u << PIC2_CASCADE_IRQ);
	pic_write_masks();
}

void pic_unmask(unsigned int irq)
{
	masked_lines &= ~(1u << irq);
	pic_write_masks();
}

void pic_end_of_interrupt(unsigned int irq)
{
	if (irq >= 8)
		port_write8(PIC2_COMMAND, COMMAND_END_OF_INTERRUPT);
	port_write8(PIC1_COMMAND, COMMAND_END_OF_INTERRUPT);
}

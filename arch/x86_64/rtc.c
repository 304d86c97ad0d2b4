/*
 * rtc.c: the PC's battery-backed clock (the MC146818 "CMOS" RTC), read once
 * to learn the date. Its registers hold the time in BCD or binary, 12- or
 * 24-hour format, as register B says; an update in progress makes a read
 * unreliable, so it is read until two reads agree.
 */
#include <kuid/arch.h>
#include <arch/io.h>

#define CMOS_ADDRESS		0x70
#define CMOS_DATA		0x71
#define RTC_SECONDS		0x00
#define RTC_MINUTES		0x02
#define RTC_HOURS		0x04
#define RTC_DAY			0x07
#define RTC_MONTH		0x08
#define RTC_YEAR		0x09
#define RTC_STATUS_A		0x0a
#define RTC_STATUS_B		0x0b
#define STATUS_A_UPDATING	0x80
#define STATUS_B_BINARY		0x04
#define STATUS_B_24_HOUR	0x02
#define HOUR_PM			0x80

struct rtc_time {
	unsigned int second, minute, hour, day, month, year;
};

static uint8_t cmos_read(uint8_t reg)
{
	port_write8(CMOS_ADDRESS, reg);
	return port_read8(CMOS_DATA);
}

static void rtc_read_raw(struct rtc_time *time)
{
	while (cmos_read(RTC_STATUS_A) & STATUS_A_UPDATING)
		arch_cpu_relax();
	time->second = cmos_read(RTC_SECONDS);
	time->minute = cmos_read(RTC_MINUTES);
	time->hour = cmos_read(RTC_HOURS);
	time->day = cmos_read(RTC_DAY);
	time->month = cmos_read(RTC_MONTH);
	time->year = cmos_read(RTC_YEAR);
}

static unsigned int from_bcd(unsigned int value)
{
	return (value & 0x0f) + (value >> 4) * 10;
}

/* Days from 1970-01-01 to year-month-day (the proleptic Gregorian calendar). */
static int64_t days_since_epoch(int64_t year, unsigned int month, unsigned int day)
{
	/* Count years from March, so the leap day is the last day of a "year". */
	if (month <= 2) {
		year--;
		month += 12;
	}
	return 365 * year + year / 4 - year / 100 + year / 400 + (153 * (month - 3) + 2) / 5 +
	       day - 1 - 719468;
}

int64_t arch_read_wall_clock(void)
{
	struct rtc_time first, second;
	uint8_t status_b;
	bool pm;

	do {
		rtc_read_raw(&first);
		rtc_read_raw(&second);
	} while (first.second != second.second || first.minute != second.minute ||
		 first.hour != second.hour || first.day != second.day ||
		 first.month != second.month || first.year != second.year);

	status_b = cmos_read(RTC_STATUS_B);
	pm = second.hour & HOUR_PM;
	second.hour &= ~HOUR_PM;
	if (!(status_b & STATUS_B_BINARY)) {
		second.second = from_bcd(second.second);
		second.minute = from_bcd(second.minute);
		second.hour = from_bcd(second.hour);
		second.day = from_bcd(second.day);
		second.month = from_bcd(second.month);
		second.year = from_bcd(second.year);
	}
	if (!(status_b & STATUS_B_24_HOUR))
		second.hour = (second.hour % 12) + (pm ? 12 : 0);

	/* The RTC keeps two digits of year; QEMU's clock is in this century. */
	return days_since_epoch(2000 + second.year, second.month, second.day) * 86400 +
	       second.hour * 3600 + second.minute * 60 + second.second;
}

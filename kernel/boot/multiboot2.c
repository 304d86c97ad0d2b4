/*
 * multiboot2.c: read GRUB's multiboot2 boot information into struct
 * boot_info. The information is a list of tags, each 8-byte aligned with a
 * type and a size; kuid needs the command line, the memory map and the
 * modules. Every length is checked, so a malformed list is refused with a
 * reason instead of sending the kernel off into random memory.
 */
#include <kuid/boot_info.h>
#include <kuid/string.h>
#include <uapi/errno.h>

#define TAG_END			0
#define TAG_COMMAND_LINE	1
#define TAG_MODULE		3
#define TAG_MEMORY_MAP		6
#define MEMORY_AVAILABLE	1

struct information_header {
	uint32_t total_size;
	uint32_t reserved;
};

struct tag_header {
	uint32_t type;
	uint32_t size;
};

struct module_tag {
	struct tag_header header;
	uint32_t module_start;
	uint32_t module_end;
	char name[];
};

struct memory_map_tag {
	struct tag_header header;
	uint32_t entry_size;
	uint32_t entry_version;
};

struct memory_map_entry {
	uint64_t base;
	uint64_t length;
	uint32_t type;
	uint32_t reserved;
};

/* Copy a string that must end inside [text, text + length). */
static int copy_bounded_string(char *destination, size_t destination_size, const char *text,
			       size_t length)
{
	if (strnlen(text, length) == length)
		return -EINVAL;
	string_copy(destination, text, destination_size);
	return 0;
}

/*
 * A command line cut short could change its meaning ("init=/sbin/x" would
 * become "init=/sb"), so one that does not fit is refused, not truncated.
 */
static int read_command_line(const struct tag_header *tag, struct boot_info *info,
			     const char **reason)
{
	const char *text = (const char *)(tag + 1);

	if (copy_bounded_string(info->command_line, sizeof(info->command_line), text,
				tag->size - sizeof(*tag)) < 0) {
		*reason = "command line is not terminated";
		return -EINVAL;
	}
	if (strlen(text) >= sizeof(info->command_line)) {
		*reason = "command line does not fit in BOOT_COMMAND_LINE_MAX bytes";
		return -EINVAL;
	}
	return 0;
}

static int parse_memory_map(const struct memory_map_tag *tag, struct boot_info *info,
			    const char **reason)
{
	const uint8_t *entry = (const uint8_t *)(tag + 1);
	const uint8_t *end = (const uint8_t *)tag + tag->header.size;

	if (tag->header.size < sizeof(*tag) || tag->entry_size < sizeof(struct memory_map_entry) ||
	    tag->entry_size % 8 != 0) {
		*reason = "memory map tag has a bad entry size";
		return -EINVAL;
	}
	for (; entry + tag->entry_size <= end; entry += tag->entry_size) {
		const struct memory_map_entry *region = (const struct memory_map_entry *)entry;

		if (region->type != MEMORY_AVAILABLE || region->length == 0)
			continue;
		if (region->base + region->length < region->base) {
			*reason = "memory map region wraps around the address space";
			return -EINVAL;
		}
		if (info->usable_memory_count == BOOT_MEMORY_REGIONS_MAX)
			continue;	/* keep what fits; the rest is simply not used */
		info->usable_memory[info->usable_memory_count++] = (struct memory_region){
			.start = region->base,
			.end = region->base + region->length,
		};
	}
	return 0;
}

static int parse_module(const struct module_tag *tag, struct boot_info *info, const char **reason)
{
	struct boot_module *module;

	if (tag->header.size < sizeof(*tag) + 1 || tag->module_end < tag->module_start) {
		*reason = "module tag is malformed";
		return -EINVAL;
	}
	if (info->module_count == BOOT_MODULES_MAX) {
		*reason = "too many boot modules";
		return -EINVAL;
	}
	module = &info->modules[info->module_count];
	if (copy_bounded_string(module->name, sizeof(module->name), tag->name,
				tag->header.size - sizeof(*tag)) < 0) {
		*reason = "module name is not terminated";
		return -EINVAL;
	}
	module->location.start = tag->module_start;
	module->location.end = tag->module_end;
	info->module_count++;
	return 0;
}

int multiboot2_parse(const void *information, size_t available, physical_address_t physical,
		     struct boot_info *info, const char **reason)
{
	const struct information_header *header = information;
	const uint8_t *cursor = (const uint8_t *)(header + 1);
	const uint8_t *end;
	bool saw_memory_map = false;
	int error = 0;

	memset(info, 0, sizeof(*info));
	if (available < sizeof(*header) || header->total_size < sizeof(*header) + 8 ||
	    header->total_size > available) {
		*reason = "boot information has an impossible total size";
		return -EINVAL;
	}
	end = (const uint8_t *)information + header->total_size;
	info->information.start = physical;
	info->information.end = physical + header->total_size;

	for (;;) {
		const struct tag_header *tag = (const struct tag_header *)cursor;

		if (cursor + sizeof(*tag) > end || tag->size < sizeof(*tag) ||
		    tag->size > (size_t)(end - cursor)) {
			*reason = "boot information tag runs past the end";
			return -EINVAL;
		}
		if (tag->type == TAG_END)
			break;
		switch (tag->type) {
		case TAG_COMMAND_LINE:
			error = read_command_line(tag, info, reason);
			break;
		case TAG_MODULE:
			error = parse_module((const struct module_tag *)tag, info, reason);
			break;
		case TAG_MEMORY_MAP:
			error = parse_memory_map((const struct memory_map_tag *)tag, info, reason);
			saw_memory_map = true;
			break;
		default:
			break;	/* tags kuid does not use */
		}
		if (error)
			return error;
		cursor += ALIGN_UP(tag->size, 8);
	}
	if (!saw_memory_map || info->usable_memory_count == 0) {
		*reason = "the boot loader gave no usable memory map";
		return -EINVAL;
	}
	return 0;
}

const struct boot_module *boot_info_find_module(const struct boot_info *info, const char *name)
{
	for (size_t i = 0; i < info->module_count; i++)
		if (strcmp(info->modules[i].name, name) == 0)
			return &info->modules[i];
	return NULL;
}

/*
 * initial_stack.c: the stack a new program finds (see kuid/exec.h for the
 * picture). Pure logic: it fills a buffer standing for the top of the user
 * stack, computing the user address of everything it places, so the same
 * code runs in the kernel and in a host unit test.
 */
#include <kuid/exec.h>
#include <kuid/string.h>
#include <uapi/auxvec.h>
#include <uapi/errno.h>

/* A downward-growing cursor over the image, in user addresses. */
struct stack_cursor {
	uintptr_t address;		/* the lowest byte used so far */
	uintptr_t bottom;		/* the image's lowest address */
	uint8_t *image;
	uintptr_t image_base;		/* the user address of image[0] */
};

/* Reserve length bytes below the cursor. False if they do not fit. */
static bool reserve(struct stack_cursor *cursor, size_t length)
{
	if (cursor->address - cursor->bottom < length)
		return false;
	cursor->address -= length;
	return true;
}

static void *at(struct stack_cursor *cursor, uintptr_t address)
{
	return cursor->image + (address - cursor->image_base);
}

/* Push bytes; their user address is the cursor's afterwards. */
static bool push_bytes(struct stack_cursor *cursor, const void *bytes, size_t length)
{
	if (!reserve(cursor, length))
		return false;
	memcpy(at(cursor, cursor->address), bytes, length);
	return true;
}

static bool push_string(struct stack_cursor *cursor, const char *string, uintptr_t *address)
{
	if (!push_bytes(cursor, string, strlen(string) + 1))
		return false;
	*address = cursor->address;
	return true;
}

static void put_word(struct stack_cursor *cursor, uintptr_t address, uint64_t value)
{
	memcpy(at(cursor, address), &value, sizeof(value));
}

/*
 * Push strings last to first, so that strings[0] ends up lowest, and store
 * the address of each in addresses[].
 */
static bool push_strings(struct stack_cursor *cursor, const char *const *strings, size_t count,
			 uintptr_t *addresses)
{
	for (size_t i = count; i > 0; i--)
		if (!push_string(cursor, strings[i - 1], &addresses[i - 1]))
			return false;
	return true;
}

int initial_stack_build(const struct initial_stack_input *input, uintptr_t stack_top,
			uint8_t *image, size_t image_size, uintptr_t *stack_pointer)
{
	struct stack_cursor cursor = {
		.address = stack_top,
		.bottom = stack_top - image_size,
		.image = image,
		.image_base = stack_top - image_size,
	};
	struct initial_stack_strings strings;
	uintptr_t execfn, platform, random, word;
	uintptr_t *argv_addresses, *envp_addresses;
	size_t pointer_words;
	const uint64_t zero = 0;
	size_t scratch_size = (input->argc + input->envc) * sizeof(uintptr_t);

	/* Scratch room for the string addresses at the very bottom of the image. */
	if (image_size < scratch_size)
		return -E2BIG;
	argv_addresses = (uintptr_t *)image;
	envp_addresses = argv_addresses + input->argc;
	cursor.bottom += scratch_size;

	if (!push_bytes(&cursor, &zero, sizeof(zero)) ||
	    !push_string(&cursor, input->execfn, &execfn))
		return -E2BIG;
	strings.env_end = cursor.address;
	if (!push_strings(&cursor, input->envp, input->envc, envp_addresses))
		return -E2BIG;
	strings.env_start = strings.arg_end = cursor.address;
	if (!push_strings(&cursor, input->argv, input->argc, argv_addresses))
		return -E2BIG;
	strings.arg_start = cursor.address;
	if (input->strings)
		*input->strings = strings;
	if (!push_string(&cursor, input->platform, &platform) ||
	    !push_bytes(&cursor, input->random, sizeof(input->random)))
		return -E2BIG;
	random = cursor.address;
	cursor.address = ALIGN_DOWN(cursor.address, 16);

	/* argc, argv[] + NULL, envp[] + NULL, the auxiliary vector + AT_NULL. */
	pointer_words = 1 + (input->argc + 1) + (input->envc + 1) + 2 * (input->auxv_count + 1);
	if (cursor.address - cursor.bottom < pointer_words * 8 + 16)
		return -E2BIG;
	cursor.address = ALIGN_DOWN(cursor.address - pointer_words * 8, 16);
	*stack_pointer = cursor.address;

	word = cursor.address;
	put_word(&cursor, word, input->argc);
	word += 8;
	for (size_t i = 0; i < input->argc; i++, word += 8)
		put_word(&cursor, word, argv_addresses[i]);
	put_word(&cursor, word, 0);
	word += 8;
	for (size_t i = 0; i < input->envc; i++, word += 8)
		put_word(&cursor, word, envp_addresses[i]);
	put_word(&cursor, word, 0);
	word += 8;
	for (size_t i = 0; i < input->auxv_count; i++, word += 16) {
		uint64_t value = input->auxv[i].value;

		if (input->auxv[i].key == AT_EXECFN)
			value = execfn;
		else if (input->auxv[i].key == AT_PLATFORM)
			value = platform;
		else if (input->auxv[i].key == AT_RANDOM)
			value = random;
		put_word(&cursor, word, input->auxv[i].key);
		put_word(&cursor, word + 8, value);
	}
	put_word(&cursor, word, AT_NULL);
	put_word(&cursor, word + 8, 0);
	return 0;
}

/*
 * Intrusive doubly linked lists. An object joins a list through a
 * struct list_node embedded in it; container_of gets the object back.
 * A list is a circular ring through one extra node, the head, that is in no object.
 */
#ifndef KUID_LIST_H
#define KUID_LIST_H

#include <kuid/types.h>

struct list_node {
	struct list_node *next;
	struct list_node *prev;
};

/* Initializer for a head defined statically: static struct list_node tasks = LIST_INIT(tasks); */
#define LIST_INIT(name) { .next = &(name), .prev = &(name) }

/*
 * An empty list is a head pointing at itself, and so is a node that is in no
 * list: this way neither case needs NULL checks.
 */
static inline void list_init(struct list_node *node)
{
	node->next = node;
	node->prev = node;
}

static inline bool list_empty(const struct list_node *head)
{
	return head->next == head;
}

static inline void list_insert_between(struct list_node *node, struct list_node *prev,
				       struct list_node *next)
{
	node->prev = prev;
	node->next = next;
	prev->next = node;
	next->prev = node;
}

/* Add node at the front of the list, right after head. */
static inline void list_add(struct list_node *head, struct list_node *node)
{
	list_insert_between(node, head, head->next);
}

/* Add node at the back of the list, right before head. */
static inline void list_add_tail(struct list_node *head, struct list_node *node)
{
	list_insert_between(node, head->prev, head);
}

/*
 * Unlink node from its list. The node then points at itself again, so
 * removing it twice is harmless and list_empty(node) says it is in no list.
 */
static inline void list_remove(struct list_node *node)
{
	node->prev->next = node->next;
	node->next->prev = node->prev;
	list_init(node);
}

/* The object of the given type whose member is the list node at pointer. */
#define list_entry(pointer, type, member) container_of(pointer, type, member)

/* The first object of a list that must not be empty. */
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)

/* The object after entry in its list; used by the loops below. */
#define list_next_entry(entry, member) \
	list_entry((entry)->member.next, __typeof__(*(entry)), member)

/*
 * Visit each object of the list, front to back, in entry (a pointer to the
 * object type). The loop body must not remove entry from the list.
 */
#define list_for_each_entry(entry, head, member)                              \
	for (entry = list_entry((head)->next, __typeof__(*(entry)), member); \
	     &(entry)->member != (head);                                     \
	     entry = list_next_entry(entry, member))

/*
 * As list_for_each_entry, but the body may remove (and free) entry: the next
 * object is looked up in next_entry before the body runs.
 */
#define list_for_each_entry_safe(entry, next_entry, head, member)              \
	for (entry = list_entry((head)->next, __typeof__(*(entry)), member),  \
	     next_entry = list_next_entry(entry, member);                     \
	     &(entry)->member != (head);                                      \
	     entry = next_entry, next_entry = list_next_entry(next_entry, member))

#endif /* KUID_LIST_H */

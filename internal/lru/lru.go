// Package lru is a cache of the values used most recently, bounded by their
// total size in bytes.
package lru

import (
	"container/list"
	"sync"
)

// Cache maps keys to values, dropping the least recently used ones when the
// sizes given to Add sum to more than its bound. It is safe for concurrent
// use.
type Cache[K comparable, V any] struct {
	mu    sync.Mutex
	max   int
	size  int
	order *list.List // front: most recently used
	items map[K]*list.Element
}

type entry[K comparable, V any] struct {
	key   K
	value V
	size  int
}

// New returns a cache holding at most maxBytes of values.
func New[K comparable, V any](maxBytes int) *Cache[K, V] {
	return &Cache[K, V]{max: maxBytes, order: list.New(), items: map[K]*list.Element{}}
}

// Get returns the value for key and whether it was there, marking it used.
func (c *Cache[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry[K, V]).value, true
}

// Add stores value for key with its size in bytes, replacing any value the
// key had, and drops the least recently used values until the cache is
// within its bound. A value larger than the bound is not kept.
func (c *Cache[K, V]) Add(key K, value V, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.size -= e.Value.(*entry[K, V]).size
		c.order.Remove(e)
		delete(c.items, key)
	}
	if size > c.max {
		return
	}
	c.items[key] = c.order.PushFront(&entry[K, V]{key: key, value: value, size: size})
	c.size += size
	for c.size > c.max {
		last := c.order.Back()
		en := last.Value.(*entry[K, V])
		c.order.Remove(last)
		delete(c.items, en.key)
		c.size -= en.size
	}
}

// Len is the number of values held.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

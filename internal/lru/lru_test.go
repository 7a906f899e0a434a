package lru

import "testing"

func TestCache(t *testing.T) {
	c := New[string, int](10)
	c.Add("a", 1, 4)
	c.Add("b", 2, 4)
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Fatalf("a = %v, %v", v, ok)
	}
	c.Add("c", 3, 4) // over the bound: b, the least recently used, goes
	if _, ok := c.Get("b"); ok {
		t.Error("b kept")
	}
	if _, ok := c.Get("a"); !ok {
		t.Error("a dropped")
	}
	c.Add("a", 5, 2) // replaced, with its new size
	if v, _ := c.Get("a"); v != 5 || c.Len() != 2 {
		t.Errorf("a = %v, len %d", v, c.Len())
	}
	c.Add("big", 9, 11)
	if _, ok := c.Get("big"); ok || c.Len() != 2 {
		t.Errorf("a value over the bound was kept (len %d)", c.Len())
	}
}

package news

import "testing"

func TestCanonicalURL(t *testing.T) {
	for in, want := range map[string]string{
		"HTTP://WWW.Example.com/a/b/?utm_source=x&b=2&a=1#top": "https://example.com/a/b?a=1&b=2",
		"https://example.com/a/b":                              "https://example.com/a/b",
		"":                                                     "",
		"not a url":                                            "",
	} {
		if got := CanonicalURL(in); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestContentHashIgnoresCosmetics(t *testing.T) {
	if ContentHash("Hello,  World!\n") != ContentHash("hello world") {
		t.Error("cosmetic differences changed the hash")
	}
	if ContentHash("hello world") == ContentHash("hello there") {
		t.Error("different texts share a hash")
	}
}

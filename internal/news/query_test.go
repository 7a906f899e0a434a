package news

import (
	"reflect"
	"testing"
)

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Query
	}{
		{"milan week", Query{All: [][]string{{"milan"}, {"week"}}}},
		{`"Michele Morrone" milan`, Query{All: [][]string{{"Michele Morrone"}, {"milan"}}}},
		{"rain OR snow milan", Query{All: [][]string{{"rain", "snow"}, {"milan"}}}},
		{"rain or snow", Query{All: [][]string{{"rain"}, {"or"}, {"snow"}}}},
		{`milan -rain -"fashion week"`, Query{All: [][]string{{"milan"}}, Not: []string{"rain", "fashion week"}}},
		{`"unbalanced phrase`, Query{All: [][]string{{"unbalanced phrase"}}}},
		{`OR milan OR`, Query{All: [][]string{{"milan"}}}},
		{`AND OR NOT (`, Query{All: [][]string{{"AND", "NOT"}}}},
		{`* col:foo - e-mail`, Query{All: [][]string{{"col foo"}, {"e mail"}}}},
		{`-rain`, Query{Not: []string{"rain"}}},
		{``, Query{}},
	} {
		if got := ParseQuery(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseQuery(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	f.Add(`a OR "b c" -d`)
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		for _, g := range q.All {
			for _, term := range g {
				if term == "" {
					t.Fatalf("empty term from %q", s)
				}
			}
		}
	})
}

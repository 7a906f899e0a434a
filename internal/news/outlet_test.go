package news

import "testing"

// Articles of unknown outlets read from one JSONL file are not one outlet
// named after the file: each is shown by the id its input line gave it.
func TestOutletOf(t *testing.T) {
	for _, tc := range []struct {
		a    Article
		want string
	}{
		{Article{Source: "Daily Planet", Analysis: Analysis{InputID: "x1"}, Path: "a.jsonl"}, "Daily Planet"},
		{Article{URL: "https://www.example.org/a", Analysis: Analysis{InputID: "x1"}, Path: "a.jsonl"}, "unknown (example.org)"},
		{Article{Analysis: Analysis{InputID: "line-7"}, Path: "/data/a.jsonl"}, "unknown outlet line-7"},
		{Article{Path: "/data/page.html"}, "unknown (page.html)"},
		{Article{}, "unknown"},
	} {
		if got := OutletOf(&tc.a); got != tc.want {
			t.Errorf("OutletOf(source %q, url %q, path %q, input id %q) = %q, want %q", tc.a.Source, tc.a.URL, tc.a.Path, tc.a.InputID, got, tc.want)
		}
	}
}

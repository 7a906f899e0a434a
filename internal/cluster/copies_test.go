package cluster

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// quoteOf marks the quoted words of a between the first pair of curly
// quotation marks, as the quote stage would.
func quoteOf(a *news.Article) {
	i := strings.Index(a.Text, "“") + len("“")
	j := strings.Index(a.Text, "”")
	a.Quotes = []news.QuoteMention{{Span: news.Span{Start: i, End: j}, Text: a.Text[i:j]}}
}

func TestCopyKindsAndIndependence(t *testing.T) {
	quote := "“We will not reopen the northern crossing until every cable on the bridge has been replaced and tested by engineers from outside the region,”"
	prose := "Traffic on the coastal road doubled within a week as lorries rerouted south, and shop owners in three villages reported falling sales through the whole of the month."
	day := func(d int) time.Time { return time.Date(2031, 5, d, 0, 0, 0, 0, time.UTC) }
	a := &news.Article{ID: "a", Source: "Ledger", Published: day(2),
		Text: "The regional transport minister spoke on Tuesday. " + quote + " she told the Ledger in a long interview about the budget.\n\n" + prose}
	b := &news.Article{ID: "b", Source: "Coast", Published: day(3),
		Text: "Speaking to reporters at a press conference on the harbour, the minister was firm. " + quote + " the minister said, before leaving without questions."}
	c := &news.Article{ID: "c", Source: "Daily", Published: day(4), PublishedEstimated: true,
		Text: "Local businesses are worried about the closure. " + prose + " Some have asked for help."}
	for _, x := range []*news.Article{a, b} {
		quoteOf(x)
	}
	v := news.NewStoryView("s", "bridge")
	if err := (Copies{}).Build(t.Context(), v, []*news.Article{a, b, c}); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]news.Copy{}
	for _, cp := range v.Copies {
		kinds[cp.FromArticleID+cp.ToArticleID] = cp
	}
	if cp, ok := kinds["ab"]; !ok || cp.Kind != news.CommonSource {
		t.Errorf("the minister's words in a and b: %+v, want a common source", v.Copies)
	}
	// c's date is an estimate: it orders nothing.
	if cp, ok := kinds["ac"]; !ok || cp.Kind != news.CopyPassage || cp.Via != "" {
		t.Errorf("the prose shared by a and c: %+v, want a copy of unknown direction", v.Copies)
	}
	ind := news.Independence(v)
	if !ind["a"] || !ind["b"] || ind["c"] {
		t.Errorf("independence = %v, want a and b independent (quoting the minister is no copy), c not", ind)
	}
}

// The band index finds every pair the comparison of all pairs finds: the
// bands outnumber the positions two near-duplicates can differ in, and on
// signatures differing around the threshold both give the same groups.
func TestNearDupGroupsAsAllPairs(t *testing.T) {
	if bands := dedup.NumHashes / bandRows; bands <= maxDiffering() {
		t.Fatalf("%d bands of %d values, but near-duplicates differ in up to %d positions", bands, bandRows, maxDiffering())
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var sigs [][]uint64
	for range 300 {
		if len(sigs) == 0 || rng.IntN(3) == 0 {
			sig := make([]uint64, dedup.NumHashes)
			for k := range sig {
				sig[k] = rng.Uint64()
			}
			sigs = append(sigs, sig)
			continue
		}
		// an edit of an earlier signature: 20 to 30 positions changed,
		// around the 25 a near-duplicate can differ in
		sig := slices.Clone(sigs[rng.IntN(len(sigs))])
		for _, k := range rng.Perm(dedup.NumHashes)[:20+rng.IntN(11)] {
			sig[k] = rng.Uint64()
		}
		sigs = append(sigs, sig)
	}
	sigs = append(sigs, nil, sigs[0][:3]) // too short to fingerprint
	want := make([]int, len(sigs))
	for i := range want {
		want[i] = i
	}
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			if want[j] == j && dedup.Similarity(sigs[i], sigs[j]) >= dedup.NearDupJacc {
				want[j] = want[i]
			}
		}
	}
	got := nearDupGroups(sigs)
	if !slices.Equal(got, want) {
		t.Errorf("groups\n%v, want\n%v", got, want)
	}
	joined := 0
	for j, g := range want {
		if g != j {
			joined++
		}
	}
	if joined < 50 {
		t.Errorf("only %d signatures joined a group: the test does not test much", joined)
	}
}

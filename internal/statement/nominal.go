package statement

import "github.com/crosscheck-news/crosscheck/internal/news"

// nominalCues are nouns that carry a report the cue tagger, trained on
// verbs, does not read: "got confirmation from the police that …",
// "received assurances from the ministry that …", "had word from his
// agent that …".
var nominalCues = map[string]bool{"confirmation": true, "assurance": true, "assurances": true, "word": true}

// nominalReports finds the reports a noun carries, "NOUN from|through|via|by
// SOURCE that CONTENT", outside quotations: the noun is the cue, the one to
// eight words before "that" the source, the rest of the sentence the content.
// It returns them in text order.
func nominalReports(d *doc) []news.Statement {
	var out []news.Statement
	for _, s := range d.sents {
		for i := s.t0; i+4 < s.t1; i++ {
			if d.toks[i].inQ || !nominalCues[lower(d.toks[i].w)] || !d.is(i+1, "from", "through", "via", "by") {
				continue
			}
			j := i + 2
			for j < s.t1 && j <= i+10 && !d.toks[j].punct && !d.is(j, "that") {
				j++
			}
			if j == i+2 || j >= s.t1 || !d.is(j, "that") {
				continue // no source, or none ending at "that" ("confirmation from police, who …")
			}
			k := s.t1
			for k > j+1 && d.toks[k-1].punct {
				k--
			}
			if k-(j+1) < 3 {
				continue
			}
			out = append(out, news.Statement{Content: d.span(j+1, k), Cue: d.span(i, i+1), Source: d.span(i+2, j),
				Span: s.span, Kind: "indirect"})
		}
	}
	return out
}

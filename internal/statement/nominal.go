package statement

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

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

// negatedCue tells whether a statement's cue is negated: "had not
// confirmed that …", "did not say …", "never told …", "would" + "not
// confirm whether …". The source is said not to have stated the content,
// so the statement states nothing, for or against it.
func negatedCue(text string, st news.Statement) bool {
	from := st.Cue.Start
	if st.Source.Len() > 0 && st.Source.End <= st.Cue.Start {
		from = max(st.Source.End, st.Cue.Start-30)
	}
	before := strings.Fields(strings.ToLower(text[from:st.Cue.Start]))
	if len(before) > 3 {
		before = before[len(before)-3:]
	}
	cue := strings.Fields(strings.ToLower(st.Cue.Text(text)))
	for _, w := range append(before, cue...) {
		if negatorWord(w) {
			return true
		}
	}
	if len(cue) == 1 && auxiliaries[cue[0]] && st.Content.Start >= st.Cue.End {
		f := strings.Fields(strings.ToLower(text[st.Content.Start:min(len(text), st.Content.Start+12)]))
		return len(f) > 0 && negatorWord(f[0])
	}
	return false
}

// negatorWord: not, never, cannot and the contractions in n't.
func negatorWord(w string) bool {
	w = strings.Trim(w, ",;:")
	return w == "not" || w == "never" || w == "cannot" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// auxiliaries the cue tagger sometimes takes alone for the cue ("Police
// would" + "not confirm whether …").
var auxiliaries = map[string]bool{"would": true, "could": true, "will": true, "can": true, "did": true, "does": true,
	"do": true, "has": true, "have": true, "had": true, "is": true, "was": true, "are": true, "were": true, "should": true}

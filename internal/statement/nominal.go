package statement

import (
	"sort"
	"strings"
	"unicode"

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
			if w := d.toks[i].w; len(w) != 4 && len(w) < 9 || d.toks[i].inQ || !nominalCues[lower(w)] || !d.is(i+1, "from", "through", "via", "by") {
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

// sourcePrepositions open a phrase that says where or how something was
// said, not who said it ("in a press release dated …", "on its website").
var sourcePrepositions = map[string]bool{"in": true, "on": true, "at": true, "during": true, "via": true,
	"through": true, "from": true, "with": true, "for": true, "of": true, "to": true, "after": true, "before": true}

// sourceTimeWords name a time, never a speaker ("was on Thursday dismissed").
var sourceTimeWords = map[string]bool{"on": true, "last": true, "this": true, "early": true, "late": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "yesterday": true, "today": true, "tonight": true, "morning": true, "evening": true, "night": true}

// fixSource mends a statement's source that the reader took from a phrase
// naming no one, and tells whether the statement stands. A source made of
// time words ("The ministry on Thursday said") gives way to the noun phrase
// right before it; after a form of "be" ("was on Thursday dismissed from
// service") the statement is a passive, no attribution. A source opening
// with a preposition in lower case ("X, in a press release dated Jan. 8,
// announced …") gives way to the noun phrase before the comma that precedes
// it. When no noun phrase is there, the statement is dropped.
func (d *doc) fixSource(st *news.Statement) bool {
	if st.Source.Len() == 0 || st.Source.Start > st.Cue.Start {
		return true
	}
	words := strings.Fields(st.Source.Text(d.text))
	// time words before the source are none of it: "[Tuesday] he"
	for len(words) > 1 && (dayWord(words[0]) || strings.EqualFold(words[0], "on") && dayWord(words[1])) {
		rest := d.text[st.Source.Start+len(words[0]) : st.Source.End]
		st.Source.Start = st.Source.End - len(strings.TrimLeft(rest, " ,"))
		words = words[1:]
	}
	timeOnly := true
	for _, w := range words {
		if !sourceTimeWords[strings.ToLower(strings.Trim(w, ","))] {
			timeOnly = false
			break
		}
	}
	if !timeOnly && !sourcePrepositions[words[0]] {
		return true
	}
	// no noun phrase before it: a time word is no source, and a phrase
	// opening with a preposition keeps what the reader found ("In a
	// statement to the paper, Comcast defended …" names its speaker after
	// the comma)
	keep := !timeOnly
	si := sort.Search(len(d.sents), func(k int) bool { return d.sents[k].span.End > st.Source.Start })
	if si == len(d.sents) {
		return keep
	}
	from := d.sents[si].span.Start
	before := strings.TrimRight(d.text[from:st.Source.Start], " ")
	if gap := strings.TrimSpace(d.text[st.Source.End:st.Cue.Start]); timeOnly && subjectPronouns[strings.ToLower(gap)] {
		// "By Tuesday he said": the pronoun after the time is the source
		start := st.Source.End + strings.Index(d.text[st.Source.End:st.Cue.Start], gap)
		st.Source = news.Span{Start: start, End: start + len(gap)}
		return true
	}
	if timeOnly {
		before = strings.TrimSuffix(before, " on")
		if lw := strings.ToLower(lastWord(before)); beForms[lw] || lw == "been" || lw == "being" {
			return false
		}
	} else {
		var ok bool
		if before, ok = strings.CutSuffix(before, ","); !ok {
			return keep
		}
	}
	np := strings.TrimSpace(before)
	ws := strings.Fields(np)
	if len(ws) == 0 || len(ws) > 12 || !unicode.IsUpper([]rune(np)[0]) || strings.Contains(np, ",") ||
		sourcePrepositions[strings.ToLower(ws[len(ws)-1])] || strings.EqualFold(ws[len(ws)-1], "by") {
		return keep // "By Tuesday": the time phrase's own preposition
	}
	for _, w := range ws {
		if lw := strings.ToLower(w); finite[lw] || finiteVerbs[lw] {
			return keep // a clause, not a noun phrase
		}
	}
	start := from + strings.Index(d.text[from:st.Source.Start], np)
	st.Source = news.Span{Start: start, End: start + len(np)}
	return true
}

// dayWord: a weekday, yesterday, today or tonight, a comma after it or not.
func dayWord(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ",")) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight":
		return true
	}
	return false
}

// progressiveCues are reporting verbs in -ing that the cue tagger, which
// rarely saw them after "is", misses: "The Wall Street Journal is reporting
// that …".
var progressiveCues = map[string]bool{"reporting": true, "saying": true, "claiming": true, "confirming": true,
	"denying": true, "insisting": true, "telling": true, "warning": true, "alleging": true}

// progressiveReports finds "SOURCE is|are|was|were VERB-ing [that] CONTENT"
// at the start of a sentence, outside quotations: the subject (one to eight
// words, no punctuation but full stops) is the source, the auxiliary and
// the verb the cue, the rest of the sentence the content.
func progressiveReports(d *doc) []news.Statement {
	var out []news.Statement
	for _, s := range d.sents {
		for i := s.t0 + 1; i+3 < s.t1 && i <= s.t0+8; i++ {
			if d.toks[i].inQ || !d.is(i, "is", "are", "was", "were") || !progressiveCues[lower(d.toks[i+1].w)] {
				continue
			}
			start := s.t0
			for start < i && (leadingJoins[lower(d.toks[start].w)] || dayWord(d.toks[start].w)) {
				start++
			}
			ok := start < i && (d.toks[start].cap || determinerWords[lower(d.toks[start].w)])
			for k := start; k < i && ok; k++ {
				if d.toks[k].punct && d.toks[k].w != "." {
					ok = false
				}
			}
			c := i + 2
			if d.is(c, "that") {
				c++
			}
			e := s.t1
			for e > c && d.toks[e-1].punct {
				e--
			}
			if !ok || e-c < 3 {
				break
			}
			out = append(out, news.Statement{Content: d.span(c, e), Cue: d.span(i, i+2), Source: d.span(start, i),
				Span: s.span, Kind: "indirect"})
			break
		}
	}
	return out
}

// determinerWords open a noun phrase in lower case.
var determinerWords = map[string]bool{"the": true, "a": true, "an": true, "one": true, "two": true, "several": true,
	"many": true, "some": true, "local": true}

// tellCues take the one told before what is told: "told the Guardian on
// Tuesday that …".
var tellCues = map[string]bool{"told": true, "tells": true, "tell": true, "telling": true, "informed": true,
	"assured": true, "warned": true, "reminded": true, "notified": true, "advised": true}

// contentTimeWords may stand between a cue and "that": "confirmed early
// Wednesday that …".
var contentTimeWords = map[string]bool{"early": true, "late": true, "on": true, "this": true, "last": true,
	"morning": true, "afternoon": true, "evening": true, "night": true, "yesterday": true, "today": true,
	"tonight": true, "earlier": true, "later": true, "week": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true}

// trimContentHead starts a statement's content after "that" when what
// stands before it is the one told ("told the Journal that this is just an
// experiment") or a time ("confirmed early Wednesday that U.S. intelligence
// had deemed the video authentic"): neither is part of what was said.
func trimContentHead(text string, st *news.Statement) {
	content := st.Content.Text(text)
	words := strings.Fields(content)
	at := -1
	for k, w := range words {
		if k > 6 {
			break
		}
		if strings.EqualFold(w, "that") {
			at = k
			break
		}
	}
	if at < 1 || at == len(words)-1 {
		return
	}
	cue := strings.Fields(strings.ToLower(st.Cue.Text(text)))
	tell := len(cue) > 0 && tellCues[cue[len(cue)-1]]
	for _, w := range words[:at] {
		lw := strings.ToLower(strings.Trim(w, ","))
		if !contentTimeWords[lw] && !(tell && !finite[lw] && !finiteVerbs[lw] && !strings.HasSuffix(w, ",")) {
			return
		}
	}
	i := 0
	for k := 0; k <= at; k++ {
		i += strings.Index(content[i:], words[k]) + len(words[k])
	}
	rest := strings.TrimLeft(content[i:], " ")
	st.Content.Start = st.Content.End - len(rest)
}

// Package timeline builds a story's dated timeline: the events its articles
// date to a day or a month, and the words of the people involved and of
// officials on its claims, dated by the article that reports them. The same
// event told by several articles is one event with all their citations,
// first reported by the earliest.
package timeline

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/dates"
	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Stage is the story stage that fills v.Timeline. Run it after the claims
// and status stages.
type Stage struct{}

type event struct {
	date      string
	when      time.Time
	estimated bool
	text      string
	words     map[string]bool
	first     *news.Article
	cites     []news.Citation
	seen      map[string]bool
}

// sameEvent is how much of the smaller word set two texts of one date must
// share to be one event.
const sameEvent = 0.3

// sameTelling is how much of the larger word set two texts of one date in
// one article must share to be one sentence repeated (a paragraph pasted
// twice), not two events.
const sameTelling = 0.9

// eventWords are the content words of a telling, without the words of its
// date (month names, numbers), which every telling of that date shares.
func eventWords(text string) map[string]bool {
	w := fold.Words(text)
	for k := range w {
		if k[0] >= '0' && k[0] <= '9' || dates.IsMonth(k) || dates.IsWeekday(k) {
			delete(w, k)
		}
	}
	return w
}

// Build implements news.StoryStage.
func (Stage) Build(_ context.Context, v *news.StoryView, arts []*news.Article) error {
	byID := make(map[string]*news.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	var events []*event
	// join adds a telling to the event of the same date it shares enough
	// words with, and says whether there was one.
	join := func(date, text string, a *news.Article, span news.Span) bool {
		w := eventWords(text)
		for _, e := range events {
			if e.date == date && e.seen[a.ID] && fold.Alike(e.words, w) >= sameTelling {
				return true // the article repeats its own sentence
			}
			// An article tells an event once: two of its sentences of one
			// date are two events.
			if e.date == date && !e.seen[a.ID] && fold.Overlap(e.words, w) >= sameEvent {
				e.seen[a.ID] = true
				e.cites = append(e.cites, news.Cite(a.ID, span))
				// The telling of the earliest dated article leads, and a
				// whole sentence is better than a part of one.
				whole := !strings.HasPrefix(text, "…") && strings.HasPrefix(e.text, "…")
				if earlier(a, e.first) && !a.PublishedEstimated || whole {
					e.first, e.text = a, text
				}
				return true
			}
		}
		return false
	}
	add := func(date string, when time.Time, estimated bool, text string, a *news.Article, span news.Span) {
		if join(date, text, a, span) {
			return
		}
		w := eventWords(text)
		events = append(events, &event{date: date, when: when, estimated: estimated, text: text, words: w, first: a,
			cites: []news.Citation{news.Cite(a.ID, span)}, seen: map[string]bool{a.ID: true}})
	}
	// Dates the text gives come first; a date completed against an
	// estimated publication date ("in February" in an undated article)
	// names no year of its own, so it only joins an event another article
	// dates, and never makes one.
	var guessed []dated
	for _, a := range arts {
		for _, p := range datedParts(a) {
			if p.date.Estimated {
				guessed = append(guessed, p)
				continue
			}
			add(dayOrMonth(p.date), p.date.Value, false, fold.Clip(p.text, 240), a, p.span)
		}
	}
	for _, p := range guessed {
		join(dayOrMonth(p.date), p.text, p.a, p.span)
	}
	// What the people involved and officials said on a claim, dated by the
	// article that reports it.
	for _, c := range v.Claims {
		for _, e := range c.Stances {
			a := byID[e.ArticleID]
			if a == nil || e.By == "" || e.Voice != news.VoiceParty && e.Voice != news.VoiceOfficial ||
				a.Published.IsZero() || a.PublishedEstimated || len(e.Citations) == 0 ||
				e.Stance != news.Denies && e.Stance != news.Asserts {
				continue
			}
			verb := " denies that "
			if e.Stance == news.Asserts {
				verb = " confirms that "
			}
			text := e.By + verb + c.Text + " (reported by " + news.OutletOf(a) + ")"
			span := news.Span{Start: e.Citations[0].Start, End: e.Citations[0].End}
			add(a.Published.Format("2006-01-02"), a.Published, false, text, a, span)
		}
	}
	sort.SliceStable(events, func(i, j int) bool {
		if !events[i].when.Equal(events[j].when) {
			return events[i].when.Before(events[j].when)
		}
		return events[i].date < events[j].date
	})
	v.Timeline = make([]news.TimelineEvent, 0, len(events))
	for _, e := range events {
		v.Timeline = append(v.Timeline, news.TimelineEvent{Date: e.date, DateEstimated: e.estimated, Text: e.text,
			FirstReported: e.first.ID, Citations: e.cites})
	}
	return nil
}

// dated is a sentence, or the part of one, that one date mention dates.
type dated struct {
	a    *news.Article
	date news.DateMention
	span news.Span
	text string
}

// datedParts returns the parts of a's sentences that its day- and
// month-precise dates date. A sentence with one such date is one part; a
// sentence with several different dates ("told People in June that…, and
// later revealed in an August interview…") is cut between them at a
// clause boundary, so that each event is told once, under its own date.
// Without a boundary the sentence goes under its first date only.
func datedParts(a *news.Article) []dated {
	var out []dated
	var cur news.Span
	var in []news.DateMention
	flush := func() {
		if len(in) == 0 {
			return
		}
		start := cur.Start
		for i, d := range in {
			end, next := cur.End, cur.End
			if i+1 < len(in) {
				if in[i+1].Value.Equal(d.Value) {
					in[i+1].Span.Start = d.Span.Start // the same date twice: one part
					continue
				}
				cut, resume, ok := clauseBoundary(a.Text, d.Span.End, in[i+1].Span.Start)
				if !ok {
					if !otherTime(a.Text, cur, d) && !ahead(a.Text, cur, d) {
						out = append(out, dated{a: a, date: d, span: cur, text: a.Text[cur.Start:cur.End]})
					}
					break
				}
				end, next = cut, resume
			}
			sp := news.Span{Start: start, End: end}
			text := strings.TrimSpace(a.Text[sp.Start:sp.End])
			text = strings.TrimRight(text, " ,;")
			if sp.Start > cur.Start {
				text = "…" + text
			}
			if sp.End < cur.End {
				text += "…"
			}
			if !otherTime(a.Text, sp, d) && !ahead(a.Text, sp, d) && !eventless(text) {
				out = append(out, dated{a: a, date: d, span: sp, text: text})
			}
			start = next
		}
		in = in[:0]
	}
	for _, d := range a.Dates {
		if d.Precision != "day" && d.Precision != "month" || inPost(a, d.Span.Start) || inBrackets(a.Text, d.Span) ||
			inHeadline(a.Text, d.Span) {
			continue // a pasted post's date line, an editor's note ("[Collected via email, May 2031]"), is no event of the story
		}
		s, ok := sentenceAt(a, d.Span.Start)
		if !ok || eventless(a.Text[s.Start:s.End]) || !dates.Past(a.Text[s.Start:s.End]) || isCaption(a.Text[s.Start:s.End]) ||
			captionDate(a.Text, s, d) {
			continue // an event is told in the past tense: not a caption ("A grenade explodes … on June 13, 2003"), a schedule or an aside
		}
		s = closeQuote(a, s)
		if s != cur {
			flush()
			cur = s
		}
		in = append(in, d)
	}
	flush()
	return out
}

// ahead tells whether the part sp of text dates by d what will or may
// happen: a "will", "is expected to"… before the date in its clause ("he
// will announce his run in February 2015", "will not be produced until
// January"). A "would" after the date ("in 1976 he said the planets would
// align") or in another clause (“I will not forget,” she said in May) is
// not the date's.
func ahead(text string, sp news.Span, d news.DateMention) bool {
	if d.Span.Start < sp.Start || d.Span.Start > sp.End {
		return false
	}
	if d.Span.End <= sp.End {
		if m := fronted.FindString(text[d.Span.End:sp.End]); m != "" && !saidBefore(m) {
			return true // "on the morning of January 4th 2014, an astronomical event will occur"
		}
	}
	if d.Span.Start == sp.Start {
		return false
	}
	before := text[sp.Start:d.Span.Start]
	locs := forecast.FindAllStringIndex(before, -1)
	if len(locs) == 0 {
		return false
	}
	rest := before[locs[len(locs)-1][1]:]
	for _, b := range clauseBreak.FindAllStringIndex(rest, -1) {
		w := rest[b[0]:b[1]]
		if (w == "before" || w == "after") && preposition(rest[b[1]:]) {
			continue // "expected to reveal it before the end of April"
		}
		return false
	}
	return true
}

// preposition tells whether "before" or "after" followed by rest opens a
// phrase ("before the end of April", "after May 3"), not a clause ("before
// he left").
func preposition(rest string) bool {
	f := strings.Fields(rest)
	if len(f) == 0 {
		return true
	}
	w := strings.ToLower(strings.Trim(f[0], ",.;:"))
	switch w {
	case "the", "a", "an", "its", "his", "her", "their", "this", "next", "last", "mid", "early", "late":
		return true
	}
	return dates.IsMonth(w) || dates.IsWeekday(w) || w != "" && w[0] >= '0' && w[0] <= '9'
}

// inBrackets tells whether span sp of text stands inside square brackets
// within its line: an editor's note, not the story's telling.
func inBrackets(text string, sp news.Span) bool {
	open := strings.LastIndexAny(text[:sp.Start], "[]\n")
	if open < 0 || text[open] != '[' {
		return false
	}
	cls := strings.IndexAny(text[sp.End:], "[]\n")
	return cls >= 0 && text[sp.End+cls] == ']'
}

// clauseBreak ends the clause of a forecast word before a date.
var clauseBreak = regexp.MustCompile(`["“”;]|\b(said|says|told|that|which|who|when|but|after|before)\b`)

// fronted is what follows a date that opens a clause about what will
// happen: ", an astronomical event will occur".
var fronted = regexp.MustCompile(`^\s*,\s*(?:[\w’'-]+\s+){1,5}?(?:will|is going to|are going to|is expected to|are expected to|is set to|are set to)\s`)

// saidBefore tells whether words before a "will" hold a verb in the past
// that the forecast depends on: ", he said he will run".
func saidBefore(words string) bool {
	for _, w := range strings.Fields(words) {
		w = strings.ToLower(strings.Trim(w, ",;:"))
		if strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "wrote" || w == "says" || w == "thought" {
			return true
		}
	}
	return false
}

// forecast marks a clause about what will or may happen. Lower case only:
// "May" is a month.
var forecast = regexp.MustCompile(`\b(will|would|could|may|might|shall|going to|plans? to|planning to|set to|expected to|likely to|due to|about to|scheduled to)\b`)

// caption marks a photo's caption, which tells what the picture shows
// ("A car is pictured on the hill after a shooting on Oct. 22, 2031"; "In
// this photo provided by…"; "(R) A patrol vehicle is parked at…", the mark
// of the picture's place on the page opening it), not an event in its own
// words.
var caption = regexp.MustCompile(`(?i)^\W*(?:photo|image|picture)s?:|^\s*\((?:r|l|c|left|right|top|bottom|above|below|inset|centre|center)\)\s|^\W*(?:an?|the|this)?\s*(?:screengrab|screen grab|screenshot|video grab|still|file photo|handout photo)\b|\b(?:is|are) (?:pictured|seen|shown)\b|\bin this (?:undated |file |handout )?(?:photo|image|picture|video)\b|\b(?:photo|image|picture) (?:provided|released|taken|posted) by\b`)

// isCaption tells whether sentence s is a photo's caption: caption's
// words, or "pictured" with no "was" or "were" before it ("ISIS fighters
// pictured in June 2031, when…"; not "he was pictured leaving").
func isCaption(s string) bool {
	low := strings.ToLower(s)
	cheap := false // every caption word holds one of these: the regular expression runs on few sentences
	for _, k := range captionKeys {
		if strings.Contains(low, k) {
			cheap = true
			break
		}
	}
	if !cheap {
		return false
	}
	if caption.MatchString(s) {
		return true
	}
	for i := strings.Index(low, "pictured"); i >= 0; {
		f := strings.Fields(low[:i])
		if len(f) > 0 && !pastBe[f[len(f)-1]] && !strings.HasSuffix(low[:i], "(") {
			return true // not "Lin (pictured, left) gave…", which points at a photo beside an event
		}
		j := strings.Index(low[i+1:], "pictured")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// captionDate tells whether date d closes sentence s the way a wire
// photo's caption ends: a day's date right after a place's name, with no
// "on" before it ("…march during a rally in Abuja October 17, 2014.").
// Prose says "in Abuja on October 17, 2014".
func captionDate(text string, s news.Span, d news.DateMention) bool {
	if d.Precision != "day" || d.Span.End > s.End || strings.TrimRight(text[d.Span.End:s.End], ".\"”’ ") != "" {
		return false
	}
	f := strings.Fields(text[s.Start:d.Span.Start])
	if len(f) < 2 {
		return false
	}
	place, before := f[len(f)-1], strings.ToLower(f[len(f)-2])
	r, _ := utf8.DecodeRuneInString(place)
	low := strings.ToLower(strings.TrimRight(place, ","))
	return unicode.IsUpper(r) && !strings.HasSuffix(place, ",") && !dates.IsMonth(low) && !dates.IsWeekday(low) &&
		(before == "in" || before == "at" || before == "near" || before == "outside")
}

// captionKeys are parts of every word caption and isCaption look for.
var captionKeys = []string{"pictur", "photo", "image", "seen", "shown", "grab", "screenshot", "still", "video", ") "}

// pastBe are the words before "pictured" in a past telling.
var pastBe = map[string]bool{"was": true, "were": true, "been": true, "being": true, "be": true, "later": true, "also": true}

// timeWords date a clause by another time than an absolute date does
// (lower-case "today": NBC's "Today" show is no time).
var timeWords = regexp.MustCompile(`\b([Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|yesterday|today|tonight|(?:last|this|next) (?:week|month|year|weekend)|earlier this (?:week|month|year))\b`)

// otherTime reports whether the part sp of text, dated by d, also holds a
// time of its own that is not d's ("who on Thursday announced his candidacy
// for elections on Feb. 14"): two events in one clause, and the date may
// be the other one's. A weekday that is d's own ("on Sunday, Sept. 24")
// does not count.
func otherTime(text string, sp news.Span, d news.DateMention) bool {
	for _, loc := range timeWords.FindAllStringIndex(text[sp.Start:sp.End], -1) {
		at := sp.Start + loc[0]
		if at >= d.Span.Start && at < d.Span.End {
			continue
		}
		w := strings.ToLower(text[at : sp.Start+loc[1]])
		if strings.EqualFold(w, d.Value.Weekday().String()) && d.Precision == "day" {
			continue
		}
		return true
	}
	return false
}

// boundaries open a new clause; the last one between two dates cuts there.
var boundaries = []string{"; ", ", and ", ", but ", ", while ", ", then ", " and later ", " and then ", " but ", " and "}

// clauseBoundary returns where the clause of one date ends and the clause
// of the next starts, looking only between the end of the one and the
// start of the other.
func clauseBoundary(text string, from, to int) (end, next int, ok bool) {
	if from >= to {
		return 0, 0, false
	}
	gap := text[from:to]
	for _, b := range boundaries {
		if i := strings.LastIndex(gap, b); i >= 0 {
			return from + i, from + i + len(b), true
		}
	}
	return 0, 0, false
}

// closeQuote extends a sentence that opens a quotation without closing it
// (a splitter cut at "!!!" inside the quote) over the next sentences of the
// same line until the quotation closes, at most three of them.
func closeQuote(a *news.Article, s news.Span) news.Span {
	open := func(t string) bool {
		return strings.Count(t, "“") > strings.Count(t, "”") || strings.Count(t, "\"")%2 == 1
	}
	if !open(a.Text[s.Start:s.End]) {
		return s
	}
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].Start >= s.End })
	for k := 0; k < 3 && i+k < len(a.Sentences); k++ {
		next := a.Sentences[i+k]
		if strings.Contains(a.Text[s.End:next.Start], "\n") {
			break
		}
		s.End = next.End
		if !open(a.Text[s.Start:s.End]) {
			return s
		}
	}
	return s
}

// inPost tells whether offset at lies inside a pasted social post.
func inPost(a *news.Article, at int) bool {
	for _, p := range a.Social {
		if p.Span.Start <= at && at < p.Span.End {
			return true
		}
	}
	return false
}

// eventless tells whether a sentence says nothing but its date: a dateline,
// a signature, a caption credit ("— The First Lady (@FLOTUS) May 7, 2014",
// "Monday 08 September 2014"). It needs three content words besides the
// date's own and a word in lower case, as a sentence telling an event has.
func eventless(s string) bool {
	if messageHeader(s) {
		return true // "From: Ada Moss To: Ivo Brandt Date: Tue, Jul 29, 2031": when a message was sent, no event
	}
	n, lower := len(eventWords(s)), false
	for _, f := range strings.Fields(s) {
		if r := f[0]; r >= 'a' && r <= 'z' && len(f) > 3 {
			lower = true
			break
		}
	}
	return n < 3 || !lower
}

// messageHeader tells whether a sentence holds an e-mail's header: a
// "From:" and a "To:", "Date:" or "Sent:" field.
func messageHeader(s string) bool {
	return strings.Contains(s, "From:") && (strings.Contains(s, "To:") || strings.Contains(s, "Date:") || strings.Contains(s, "Sent:"))
}

func dayOrMonth(d news.DateMention) string {
	if d.Precision == "month" {
		return d.Value.Format("2006-01")
	}
	return d.Value.Format("2006-01-02")
}

// earlier tells whether a was published before b (a known date first).
func earlier(a, b *news.Article) bool {
	if a.Published.IsZero() != b.Published.IsZero() {
		return !a.Published.IsZero()
	}
	return a.Published.Before(b.Published)
}

// sentenceAt returns the sentence (or, without sentences, the paragraph)
// holding byte offset at.
func sentenceAt(a *news.Article, at int) (news.Span, bool) {
	ss := a.Sentences
	if len(ss) == 0 {
		ss = a.Paragraphs
	}
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > at })
	if i < len(ss) && ss[i].Start <= at {
		return ss[i], true
	}
	return news.Span{}, false
}

// inHeadline tells whether span sp stands inside a quoted headline on its
// line: curly or straight double marks around four words or more, most of
// them capitalised ("the website titled “Nasa Confirms Earth Will Experience
// 6 Days of Total Darkness in December 2014!”"). A headline's date is what
// it announces, not an event of the story.
func inHeadline(text string, sp news.Span) bool {
	lineStart := strings.LastIndexByte(text[:sp.Start], '\n') + 1
	before := text[lineStart:sp.Start]
	open := strings.LastIndexAny(before, "“\"")
	if open < 0 || strings.Count(before, "\"")%2 == 0 && strings.LastIndex(before, "“") <= strings.LastIndex(before, "”") {
		return false
	}
	rest := text[sp.End:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	cls := strings.IndexAny(rest, "”\"")
	if cls < 0 {
		return false
	}
	inner := before[open:] + text[sp.Start:sp.End] + rest[:cls]
	words, caps := 0, 0
	for _, w := range strings.Fields(strings.Trim(inner, "“\" ")) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*7
}

// Package dates finds absolute and relative date expressions in news text
// and normalises them against the article's publication date.
package dates

import (
	"context"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Precisions of a date mention.
const (
	Day   = "day"
	Month = "month"
	Year  = "year"
)

// Stage fills a.Dates with the date expressions of a.Text, normalised against
// a.Published. When a.Published is zero it is first estimated with Latest
// and marked estimated; without any reference date, only absolute dates are
// kept.
type Stage struct{}

var _ news.Stage = Stage{}

// Process finds a's dates.
func (Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Dates = Find(a.Text, a.Published)
	if a.Published.IsZero() {
		if t, ok := Estimate(a.Text, a.Dates); ok {
			a.Published, a.PublishedEstimated = t, true
			a.Dates = Find(a.Text, a.Published)
		}
	}
	if a.PublishedEstimated {
		for i := range a.Dates {
			a.Dates[i].Estimated = a.Dates[i].Relative
		}
	}
	return nil
}

const (
	monthFull  = `January|February|March|April|May|June|July|August|September|October|November|December`
	monthShort = `Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec`
	monthAny   = `(` + monthFull + `|(?:` + monthShort + `)\.?)`
	dayNum     = `(\d{1,2})(?:st|nd|rd|th)?`
	yearNum    = `((?:19|20)\d{2})`
	weekday    = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	// wb closes a match at a word boundary (Go's \b is ASCII only: enough here).
	wb = `\b`
)

// pattern is one kind of date expression and how to resolve its match.
type pattern struct {
	// yearless patterns complete a calendar day without a year ("September
	// 24") with the reference date's nearest year.
	yearless bool
	need     feature // what a line must contain for the pattern to match in it
	re       *regexp.Regexp
	resolve  func(m []string, ref time.Time) (time.Time, string, bool, bool) // value, precision, relative, ok
}

var patterns = []pattern{
	// 2022-09-26
	{need: fYear, re: regexp.MustCompile(`\b` + yearNum + `-(\d{2})-(\d{2})\b`), resolve: func(m []string, _ time.Time) (time.Time, string, bool, bool) {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]), Day, false)
	}},
	// Sept. 24, 2022 / September 24 2022
	{need: fYear | fMonth, re: regexp.MustCompile(`\b` + monthAny + `\s+` + dayNum + `,?\s+` + yearNum + wb), resolve: func(m []string, _ time.Time) (time.Time, string, bool, bool) {
		return ymd(atoi(m[3]), month(m[1]), atoi(m[2]), Day, false)
	}},
	// 24 September 2022 / 24th of Sept 2022
	{need: fYear | fMonth, re: regexp.MustCompile(`\b` + dayNum + `\s+(?:of\s+)?` + monthAny + `,?\s+` + yearNum + wb), resolve: func(m []string, _ time.Time) (time.Time, string, bool, bool) {
		return ymd(atoi(m[3]), month(m[2]), atoi(m[1]), Day, false)
	}},
	// June 2022
	{need: fYear | fMonth, re: regexp.MustCompile(`\b(` + monthFull + `|(?:` + monthShort + `)\.)\s+(?:of\s+)?` + yearNum + wb), resolve: func(m []string, _ time.Time) (time.Time, string, bool, bool) {
		return ymd(atoi(m[2]), month(m[1]), 1, Month, false)
	}},
	// September 24 / Sept. 24th (year from the reference date)
	{yearless: true, need: fDigit | fMonth, re: regexp.MustCompile(`\b` + monthAny + `\s+` + dayNum + `\b`), resolve: func(m []string, ref time.Time) (time.Time, string, bool, bool) {
		return nearestYear(ref, month(m[1]), atoi(m[2]), Day)
	}},
	// 24 September / the 24th of September
	{yearless: true, need: fDigit | fMonthFull, re: regexp.MustCompile(`\b` + dayNum + `\s+(?:of\s+)?(` + monthFull + `)\b`), resolve: func(m []string, ref time.Time) (time.Time, string, bool, bool) {
		return nearestYear(ref, month(m[2]), atoi(m[1]), Day)
	}},
	// in August / since March / last May
	{need: fMonthFull, re: regexp.MustCompile(`(?:\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Tt]his|[Nn]ext|[Ee]nd\s+of|[Bb]eginning\s+of)\s+)(` + monthFull + `)\b`), resolve: func(m []string, ref time.Time) (time.Time, string, bool, bool) {
		return nearestYear(ref, month(m[1]), 1, Month)
	}},
	// in 2020 / since 2016
	{need: fYear, re: regexp.MustCompile(`\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hrough|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?)\s+` + yearNum + `\b`), resolve: func(m []string, _ time.Time) (time.Time, string, bool, bool) {
		return ymd(atoi(m[1]), 1, 1, Year, false)
	}},
	// last Thursday / on Thursday / next Friday
	{need: fWeekday, re: regexp.MustCompile(`\b(?:([Ll]ast|[Nn]ext|[Tt]his)\s+)?` + weekday + `\b`), resolve: func(m []string, ref time.Time) (time.Time, string, bool, bool) {
		return weekdayDate(ref, strings.ToLower(m[1]), m[2])
	}},
	// this weekend / over the weekend / last weekend / next weekend
	{need: fWeekend, re: regexp.MustCompile(`(?i)\b(this|last|next|over\s+the|on\s+the|past)\s+weekend\b`), resolve: func(m []string, ref time.Time) (time.Time, string, bool, bool) {
		return weekend(ref, strings.Join(strings.Fields(strings.ToLower(m[1])), " "))
	}},
	// today, yesterday, tomorrow, tonight
	{need: fDeictic, re: regexp.MustCompile(`\b([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b`), resolve: func(m []string, ref time.Time) (time.Time, string, bool, bool) {
		if ref.IsZero() {
			return time.Time{}, "", false, false
		}
		d := map[string]int{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[strings.ToLower(m[1])]
		return day(ref).AddDate(0, 0, d), Day, true, true
	}},
	// earlier this year / last month / next year / this month
	{need: fUnit, re: regexp.MustCompile(`(?i)\b(?:(?:earlier|later)\s+)?(this|last|next|the\s+past|the\s+previous)\s+(month|year)\b`), resolve: func(m []string, ref time.Time) (time.Time, string, bool, bool) {
		return relUnit(ref, strings.ToLower(m[1]), strings.ToLower(m[2]))
	}},
	// three days ago / 2 months ago
	{need: fAgo, re: regexp.MustCompile(`(?i)\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago\b`), resolve: func(m []string, ref time.Time) (time.Time, string, bool, bool) {
		return ago(ref, number(m[1]), strings.ToLower(m[2]))
	}},
}

// feature is a kind of word a line contains, for skipping patterns.
type feature uint16

const (
	fDigit     feature = 1 << iota // a digit
	fYear                          // 19xx or 20xx
	fMonth                         // a month name or abbreviation (case-sensitive)
	fMonthFull                     // a full month name
	fWeekday                       // a weekday name
	fWeekend                       // "weekend"
	fDeictic                       // today, yesterday, tomorrow, tonight
	fUnit                          // "month" or "year"
	fAgo                           // " ago"
)

var (
	monthFullNames  = strings.Split(monthFull, "|")
	monthShortNames = strings.Split(monthShort, "|")
	weekdayNames    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// features tells which kinds of date words line contains.
func features(line string) feature {
	var f feature
	for i := 0; i < len(line); i++ {
		if c := line[i]; c >= '0' && c <= '9' {
			f |= fDigit
			if i+3 < len(line) && (c == '1' && line[i+1] == '9' || c == '2' && line[i+1] == '0') &&
				isDigit(line[i+2]) && isDigit(line[i+3]) {
				f |= fYear
			}
		}
	}
	if containsAny(line, monthFullNames) {
		f |= fMonth | fMonthFull
	} else if containsAny(line, monthShortNames) {
		f |= fMonth
	}
	if containsAny(line, weekdayNames) {
		f |= fWeekday
	}
	low := strings.ToLower(line)
	if strings.Contains(low, "weekend") {
		f |= fWeekend
	}
	if containsAny(low, []string{"today", "yesterday", "tomorrow", "tonight"}) {
		f |= fDeictic
	}
	if strings.Contains(low, "month") || strings.Contains(low, "year") {
		f |= fUnit
	}
	if strings.Contains(low, " ago") {
		f |= fAgo
	}
	return f
}

// IsMonth tells whether a lower-case word names a month, in full or
// abbreviated ("sept").
func IsMonth(w string) bool { return monthWords[w] }

// IsWeekday tells whether a lower-case word names a day of the week, in
// full or abbreviated ("sat", "thurs").
func IsWeekday(w string) bool { return weekdayWords[w] }

// IsDayWord tells whether a lower-case word names the day a report dates
// itself by: a day of the week in full, "yesterday" or "today".
func IsDayWord(w string) bool {
	return len(w) > 5 && weekdayWords[w] || w == "yesterday" || w == "today"
}

var weekdayWords = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range weekdayNames {
		m[strings.ToLower(n)] = true
	}
	for _, n := range strings.Fields("mon tue tues wed thu thur thurs fri sat sun") {
		m[n] = true
	}
	return m
}()

var monthWords = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range append(append([]string{}, monthFullNames...), monthShortNames...) {
		m[strings.ToLower(n)] = true
	}
	return m
}()

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Find returns the date expressions of text in text order, normalised
// against ref (the publication date). Expressions that need ref are left out
// when ref is zero. Overlapping matches keep the longest.
func Find(text string, ref time.Time) []news.DateMention { return find(text, ref, patterns) }

// yearlessPatterns are the patterns of calendar days without a year.
var yearlessPatterns = func() []pattern {
	var out []pattern
	for _, p := range patterns {
		if p.yearless {
			out = append(out, p)
		}
	}
	return out
}()

// find is Find with only the given patterns.
func find(text string, ref time.Time, patterns []pattern) []news.DateMention {
	var out []news.DateMention
	// Dates never span lines: each line runs only the patterns whose
	// required words it contains, which skips most prose quickly.
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		f := features(line)
		for _, p := range patterns {
			if f&p.need != p.need {
				continue
			}
			for _, loc := range p.re.FindAllStringSubmatchIndex(line, -1) {
				m := make([]string, len(loc)/2)
				for i := range m {
					if loc[2*i] >= 0 {
						m[i] = line[loc[2*i]:loc[2*i+1]]
					}
				}
				v, prec, rel, ok := p.resolve(m, ref)
				if !ok {
					continue
				}
				out = append(out, news.DateMention{Span: news.Span{Start: start + loc[0], End: start + loc[1]},
					Value: v, Precision: prec, Relative: rel})
			}
		}
		start = end + 1
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Span.Start != out[j].Span.Start {
			return out[i].Span.Start < out[j].Span.Start
		}
		return out[i].Span.Len() > out[j].Span.Len()
	})
	kept := out[:0]
	for _, d := range out {
		if len(kept) > 0 && kept[len(kept)-1].Span.Overlaps(d.Span) {
			if last := &kept[len(kept)-1]; d.Span.Len() > last.Span.Len() {
				*last = d
			}
			continue
		}
		kept = append(kept, d)
	}
	return kept
}

// LedeBytes bounds the opening of a text whose dates estimate when it was
// written. News tells its latest event first (the inverted pyramid); dates
// further down are mostly background ("killed in October 2011", "on Sept.
// 11, 2001") and put an estimate years too early (docs/dates.md measures it).
const LedeBytes = 600

// Estimate estimates when an undated text was written from its date
// mentions ds (found with no reference date, as Find(text, time.Time{})
// does): the latest calendar day in its opening (LedeBytes) that it reports
// in the past tense or states alone on a line (a dateline: "November 7
// 2012", "Posted Wednesday, January 4, 2012"). A day without a year ("on
// September 24") is taken in the year that puts it nearest the latest year
// the text mentions. An article is written after the events it tells as
// past; days it looks ahead to ("the show is on December 30"), months and
// years ("in March 2031") estimate nothing.
func Estimate(text string, ds []news.DateMention) (time.Time, bool) {
	var est time.Time
	take := func(d news.DateMention) {
		if d.Precision == Day && d.Span.Start < LedeBytes && d.Value.After(est) &&
			(dateline(text, d.Span) || pastClause(text, d.Span)) {
			est = d.Value
		}
	}
	for _, d := range ds {
		if !d.Relative {
			take(d)
		}
	}
	anchor, ok := latestOf(ds)
	if !ok {
		return est, !est.IsZero()
	}
	if est.After(anchor) {
		anchor = est
	}
	withYear := est
	for _, d := range find(text[:min(len(text), LedeBytes)], anchor, yearlessPatterns) {
		if d.Relative && !yearFollows(text, d.Span.End) {
			take(d)
		}
	}
	if est.After(withYear) {
		// The estimate is a day without its year, placed in the text's
		// latest year: an article is written after the latest event it
		// reports, so a later calendar day with its year, reported in the
		// past tense further down, moves it on ("In a June 15 episode ..."
		// opens a rewrite that reports "on Sept. 24, 2022").
		for _, d := range ds {
			if !d.Relative && d.Precision == Day && d.Value.After(est) && pastClause(text, d.Span) {
				est = d.Value
			}
		}
	}
	return est, !est.IsZero()
}

// dateline tells whether span is a page's own date: nearly alone on its
// line ("By Ann Lee | November 7, 2012 3:07 PM"), on the text's first line
// (a headline's date), or right after "posted", "published" or "updated".
func dateline(text string, span news.Span) bool {
	start, end := span.Start, span.End
	for start > 0 && text[start-1] != '\n' {
		start--
	}
	for end < len(text) && text[end] != '\n' {
		end++
	}
	if (end-start)-span.Len() <= 40 {
		return true
	}
	if start == 0 && end < len(text) { // the headline, when the text has lines
		_, ahead := tense(text, span)
		return !ahead
	}
	before := strings.ToLower(text[max(start, span.Start-16):span.Start])
	before = strings.TrimSuffix(strings.TrimRight(before, " :"), " on")
	for _, w := range []string{"posted", "published", "updated"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// yearFollows tells whether a year comes right after offset at ("24, 2022").
func yearFollows(text string, at int) bool {
	rest := strings.TrimLeft(text[at:min(len(text), at+8)], ", ")
	return len(rest) >= 4 && (strings.HasPrefix(rest, "19") || strings.HasPrefix(rest, "20")) &&
		isDigit(rest[2]) && isDigit(rest[3])
}

// futureWords mark a clause that looks ahead.
var futureWords = map[string]bool{"will": true, "shall": true, "upcoming": true, "scheduled": true, "expected": true,
	"plans": true, "planned": true, "planning": true, "next": true, "due": true, "ll": true, "going": true,
	"tomorrow": true, "hopes": true, "intends": true}

// pastVerbs are frequent irregular past-tense verbs (grammar, not topic).
var pastVerbs = map[string]bool{"was": true, "were": true, "had": true, "did": true, "said": true, "told": true,
	"made": true, "went": true, "came": true, "saw": true, "met": true, "took": true, "gave": true, "got": true,
	"left": true, "wrote": true, "became": true, "began": true, "brought": true, "found": true, "held": true,
	"kept": true, "led": true, "lost": true, "paid": true, "put": true, "ran": true, "sent": true, "spoke": true,
	"stood": true, "thought": true, "won": true, "shared": true, "knew": true, "felt": true, "fell": true,
	"broke": true, "chose": true, "drew": true, "flew": true, "grew": true, "hit": true, "sat": true, "shot": true,
	"sold": true, "struck": true, "threw": true, "wore": true}

// morePast are more irregular past forms, for Past only (the estimate of
// publication dates was measured with pastVerbs alone).
var morePast = map[string]bool{"died": true, "lied": true, "bought": true,
	"built": true, "caught": true, "taught": true, "fought": true, "sought": true, "lit": true, "fled": true,
	"pled": true, "hung": true, "stole": true, "drove": true, "ate": true, "hid": true, "slept": true,
	"dealt": true, "meant": true, "spent": true, "lent": true, "forgot": true, "heard": true,
	"understood": true, "swore": true, "tore": true, "woke": true}

// notPast are words ending in -ed that are not past-tense verbs.
var notPast = map[string]bool{"need": true, "speed": true, "seed": true, "feed": true, "bed": true,
	"red": true, "shed": true, "hundred": true, "indeed": true, "breed": true, "greed": true, "weed": true,
	"proceed": true, "succeed": true, "exceed": true, "bleed": true, "creed": true, "ned": true, "fred": true}

// pastClause tells whether the clause around span (bounded by sentence
// ends, semicolons and line breaks) is told in the past tense: it holds a
// past-tense verb and nothing that looks ahead.
func pastClause(text string, span news.Span) bool {
	past, ahead := tense(text, span)
	return past && !ahead
}

// Past tells whether a sentence holds a past-tense verb ("was", "said", a
// word in -ed) or a perfect ("has been"): how news tells what happened.
func Past(sentence string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		if pastWord(w) || morePast[w] || w == "been" {
			return true
		}
	}
	return false
}

// pastWord tells whether a lower-case word is a past-tense verb: a frequent
// irregular one or a word in -ed that is one.
func pastWord(w string) bool {
	return pastVerbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !notPast[w]
}

// tense tells whether the clause around span holds a past-tense verb, and
// whether it holds a word that looks ahead.
func tense(text string, span news.Span) (past, ahead bool) {
	start, end := span.Start, span.End
	for start > 0 && !strings.ContainsRune(".!?;\n", rune(text[start-1])) {
		start--
	}
	for end < len(text) && !strings.ContainsRune(".!?;\n", rune(text[end])) {
		end++
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(text[start:end]), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		switch {
		case futureWords[w]:
			ahead = true
		case pastWord(w):
			past = true
		}
	}
	return past, ahead
}

// Latest returns the latest absolute date with a year that text mentions: a
// full date, or the first day of a month ("in August 2023") when no full date
// is as late. Dates without a year are never completed.
func Latest(text string) (time.Time, bool) { return latestOf(Find(text, time.Time{})) }

// latestOf is Latest over found mentions; relative ones are ignored.
func latestOf(ds []news.DateMention) (time.Time, bool) {
	var best, bestMonth time.Time
	for _, d := range ds {
		if d.Relative {
			continue
		}
		switch {
		case d.Precision == Day && d.Value.After(best):
			best = d.Value
		case d.Precision == Month && d.Value.After(bestMonth):
			bestMonth = d.Value
		}
	}
	// A month ("in August 2022") bounds the date too: the article is from
	// that month or later. A day-precise date wins when it is as late.
	if bestMonth.After(best) && bestMonth.AddDate(0, 1, -1).After(best) {
		best = bestMonth
	}
	return best, !best.IsZero()
}

func ymd(y, m, d int, prec string, rel bool) (time.Time, string, bool, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 {
		return time.Time{}, "", false, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // February 30
		return time.Time{}, "", false, false
	}
	return t, prec, rel, true
}

// nearestYear completes a month (and day) without a year with the year that
// puts it nearest to ref.
func nearestYear(ref time.Time, m, d int, prec string) (time.Time, string, bool, bool) {
	if ref.IsZero() {
		return time.Time{}, "", false, false
	}
	// The nearest occurrence, with the future counted twice as far: news
	// mostly tells what has happened ("in February", written in September,
	// is the last February), yet "the party is on December 30" is ahead.
	var best time.Time
	bestDist := time.Duration(1<<63 - 1)
	r := day(ref)
	for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
		t, _, _, ok := ymd(y, m, d, prec, true)
		if !ok {
			continue
		}
		dist := t.Sub(r)
		if dist < 0 {
			dist = -dist
		} else {
			dist = 2*dist + time.Hour
		}
		if dist < bestDist {
			best, bestDist = t, dist
		}
	}
	if best.IsZero() {
		return time.Time{}, "", false, false
	}
	return best, prec, true, true
}

var weekdays = map[string]time.Weekday{"Sunday": 0, "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6}

// weekdayDate resolves "Thursday" to the latest Thursday on or before ref,
// "last Thursday" to the one strictly before, "next Thursday" to the one after.
func weekdayDate(ref time.Time, mod, name string) (time.Time, string, bool, bool) {
	if ref.IsZero() {
		return time.Time{}, "", false, false
	}
	r := day(ref)
	back := (int(r.Weekday()) - int(weekdays[name]) + 7) % 7
	switch mod {
	case "last":
		if back == 0 {
			back = 7
		}
	case "next":
		fwd := 7 - back
		return r.AddDate(0, 0, fwd), Day, true, true
	}
	return r.AddDate(0, 0, -back), Day, true, true
}

// weekend resolves a weekend to its Saturday. "This weekend" is the nearest
// one: the current weekend on Saturday and Sunday, the past one on Monday and
// Tuesday, the coming one from Wednesday to Friday. "Over the", "past" and
// "last" weekend look back; "next" looks ahead.
func weekend(ref time.Time, mod string) (time.Time, string, bool, bool) {
	if ref.IsZero() {
		return time.Time{}, "", false, false
	}
	r := day(ref)
	wd := int(r.Weekday())
	prevSat := r.AddDate(0, 0, -((wd + 1) % 7)) // Saturday on or before r
	switch mod {
	case "next":
		return prevSat.AddDate(0, 0, 7), Day, true, true
	case "last", "past", "over the":
		if wd == 6 || wd == 0 { // during a weekend, "last weekend" is the one before
			if mod == "last" {
				return prevSat.AddDate(0, 0, -7), Day, true, true
			}
		}
		return prevSat, Day, true, true
	default: // this, on the
		if wd >= 3 && wd <= 5 {
			return prevSat.AddDate(0, 0, 7), Day, true, true
		}
		return prevSat, Day, true, true
	}
}

func relUnit(ref time.Time, mod, unit string) (time.Time, string, bool, bool) {
	if ref.IsZero() {
		return time.Time{}, "", false, false
	}
	n := map[string]int{"this": 0, "last": -1, "next": 1, "the past": -1, "the previous": -1}[strings.Join(strings.Fields(mod), " ")]
	if unit == "year" {
		return time.Date(ref.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), Year, true, true
	}
	return time.Date(ref.Year(), ref.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC), Month, true, true
}

func ago(ref time.Time, n int, unit string) (time.Time, string, bool, bool) {
	if ref.IsZero() || n <= 0 {
		return time.Time{}, "", false, false
	}
	r := day(ref)
	switch unit {
	case "day":
		return r.AddDate(0, 0, -n), Day, true, true
	case "week":
		return r.AddDate(0, 0, -7*n), Day, true, true
	case "month":
		return time.Date(r.Year(), r.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC), Month, true, true
	default:
		return time.Date(r.Year()-n, 1, 1, 0, 0, 0, 0, time.UTC), Year, true, true
	}
}

// day is t's calendar date at midnight UTC, in t's own location.
func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

func month(s string) int {
	s = strings.TrimSuffix(s, ".")
	if len(s) < 3 {
		return 0
	}
	switch strings.ToLower(s[:3]) {
	case "jan":
		return 1
	case "feb":
		return 2
	case "mar":
		return 3
	case "apr":
		return 4
	case "may":
		return 5
	case "jun":
		return 6
	case "jul":
		return 7
	case "aug":
		return 8
	case "sep":
		return 9
	case "oct":
		return 10
	case "nov":
		return 11
	case "dec":
		return 12
	}
	return 0
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

func number(s string) int {
	if n, ok := numberWords[strings.ToLower(s)]; ok {
		return n
	}
	return atoi(s)
}

package contradiction

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/fold"
)

// token is a word, a number or a symbol of a sentence, with byte offsets
// into the article's text.
type token struct {
	low        string // folded: lower case, no diacritics
	start, end int
	num        bool // digits, with , and . inside
	glued      byte // the byte right after the token when it is not a space: '-', '/', ':', ...
	upper      bool // starts with an upper-case letter
}

// tokenize splits text (starting at byte offset base) into tokens.
func tokenize(text string, base int) []token {
	out := make([]token, 0, len(text)/4+4)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= '0' && r <= '9':
			j := i
			if i > 0 && text[i-1] == '.' && (i == 1 || text[i-2] == ' ') && len(out) > 0 && out[len(out)-1].low == "." {
				out = out[:len(out)-1] // ".20": a decimal written without its zero
				i--
			}
			for j < len(text) && (text[j] >= '0' && text[j] <= '9' ||
				(text[j] == ',' || text[j] == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9') {
				j++
			}
			num := text[i:j]
			if num[0] == '.' {
				num = "0" + num
			}
			out = append(out, token{low: num, start: base + i, end: base + j, num: true})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || (r2 == '\'' || r2 == '’') && j+n2 < len(text) && isLetterAt(text, j+n2)) {
					break
				}
				j += n2
			}
			w := text[i:j]
			out = append(out, token{low: fold.String(w), start: base + i, end: base + j, upper: unicode.IsUpper(r)})
			i = j
		case unicode.IsSpace(r):
			i += n
			continue
		default:
			out = append(out, token{low: text[i : i+n], start: base + i, end: base + i + n})
			i += n
		}
		if k := len(out) - 1; k >= 0 && i < len(text) && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' {
			out[k].glued = text[i]
		}
	}
	return out
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// approx are words before a number that make it approximate; lower and
// upper make it a bound.
var (
	approx = map[string]bool{"about": true, "around": true, "approximately": true, "roughly": true, "some": true,
		"estimated": true, "nearly": true, "almost": true, "close": true, "circa": true, "reportedly": true}
	lowerBound = map[string]bool{"least": true, "more": true, "over": true, "upwards": true, "excess": true,
		"exceeding": true, "plus": true}
	upperBound = map[string]bool{"up": true, "under": true, "fewer": true, "less": true, "below": true,
		"nearly": true, "almost": true, "maximum": true}
	// updating words say a figure has changed or may change: a later
	// article's figure with them replaces an earlier one.
	updating = map[string]bool{"rose": true, "risen": true, "rises": true, "rising": true, "climbed": true,
		"climbs": true, "climbing": true, "now": true, "least": true, "far": true, "updated": true,
		"increased": true, "jumped": true, "reached": true, "grew": true, "grown": true, "revised": true,
		"mounted": true, "mounting": true, "raised": true, "toll": true, "tally": true, "surged": true,
		"soared": true, "swelled": true, "currently": true, "yet": true, "still": true}
	// speculative words make a sentence's figures forecasts or guesses.
	speculative = map[string]bool{"would": true, "think": true, "thinks": true, "guess": true, "could": true, "might": true, "may": true,
		"expect": true, "expects": true, "expected": true, "predict": true, "predicts": true, "predicted": true,
		"forecast": true, "forecasts": true, "estimating": true, "estimates": true, "projected": true,
		"projects": true, "aims": true, "aiming": true, "believe": true, "believes": true, "believed": true,
		"plans": true, "planned": true, "hopes": true, "likely": true, "possible": true, "possibly": true,
		"if": true, "target": true, "targets": true, "suggest": true, "suggests": true, "suggested": true, "suggesting": true}
	// partial words make a figure a part of a count: "an additional 14",
	// "the first seven", "four more".
	partial = map[string]bool{"additional": true, "another": true, "further": true, "extra": true,
		"first": true, "last": true, "remaining": true, "other": true, "final": true, "more": true, "others": true}
	// rescheduled words say a date moved.
	rescheduled = map[string]bool{"postponed": true, "delayed": true, "rescheduled": true, "moved": true,
		"pushed": true, "brought": true, "cancelled": true, "canceled": true, "changed": true}
	numberWords = map[string]float64{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
	scales = map[string]float64{"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
		"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12, "millions": 1e6, "billions": 1e9}
	currencies = map[string]string{"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dollars": "USD", "dollar": "USD",
		"euros": "EUR", "euro": "EUR", "pounds": "GBP", "yuan": "CNY", "rupees": "INR", "yen": "JPY", "rubles": "RUB",
		"roubles": "RUB", "usd": "USD", "eur": "EUR", "gbp": "GBP"}
	months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
		"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
		"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
		"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}
	clock = map[string]bool{"am": true, "pm": true, "a": true, "p": true, "gmt": true, "utc": true, "bst": true,
		"est": true, "edt": true, "pst": true, "pdt": true, "cet": true, "hours": false, "o'clock": true}
	// labels are words after which a number names something: "No. 5",
	// "number 10", "page 3", "round 2".
	labels = map[string]bool{"no": true, "number": true, "page": true, "round": true, "chapter": true,
		"section": true, "article": true, "episode": true, "season": true, "part": true, "level": true,
		"grade": true, "category": true, "phase": true, "stage": true, "type": true, "version": true,
		"flight": true, "route": true, "room": true, "gate": true, "platform": true, "channel": true,
		"code": true, "model": true, "size": true, "line": true, "ward": true, "district": true,
		"floor": true, "box": true, "unit": true, "apartment": true, "suite": true, "highway": true,
		"interstate": true, "resolution": true, "top": true, "week": true, "day": true, "year": true, "tier": true}
	// compass words after a number make it a position: "latitude 25.6 north".
	compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northeast": true,
		"northwest": true, "southeast": true, "southwest": true}
	timeUnits = map[string]bool{"year": true, "month": true, "week": true, "day": true, "hour": true,
		"minute": true, "second": true, "decade": true, "century": true}
	// linking words are skipped when looking for the word a figure hangs
	// from or leads to.
	linking = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "by": true, "at": true,
		"in": true, "on": true, "for": true, "with": true, "from": true, "and": true, "or": true, "as": true,
		"were": true, "was": true, "are": true, "is": true, "be": true, "been": true, "being": true, "have": true,
		"has": true, "had": true, "who": true, "that": true, "which": true, "than": true, "it": true, "its": true,
		"their": true, "his": true, "her": true, "they": true, "he": true, "she": true, "we": true, "this": true,
		"these": true, "those": true, "there": true, "some": true, "all": true, "s": true, "more": true,
		"less": true, "least": true, "most": true, "only": true, "just": true, "over": true, "up": true,
		"about": true, "around": true, "nearly": true, "almost": true, "roughly": true, "approximately": true,
		"estimated": true, "reportedly": true, "another": true, "additional": true, "other": true, "total": true,
		"so": true, "far": true, "now": true, "then": true, "also": true, "said": true, "says": true,
		"say": true, "according": true, "will": true, "would": true, "could": true, "may": true, "might": true,
		"not": true, "no": true, "per": true, "cent": true, "percent": true, "into": true,
		"close": true, "under": true, "fewer": true, "excess": true, "upwards": true, "further": true,
		"i": true, "you": true, "our": true, "my": true, "your": true, "them": true, "him": true, "if": true,
		"but": true, "when": true, "while": true, "after": true, "before": true, "since": true, "did": true,
		"do": true, "does": true, "can": true, "what": true, "how": true, "where": true, "why": true,
		"new": true, "latest": true, "among": true, "including": true, "between": true}
)

// mayCount reports whether a sentence may hold a figure: a digit outside a
// date (inDate is told offsets from base) or a number word. Most sentences
// have neither and are not tokenized.
func mayCount(text string, inDate func(int) bool, base int) bool {
	var buf [9]byte
	for i := 0; i < len(text); {
		c := text[i]
		if c >= '0' && c <= '9' {
			if !inDate(base + i) {
				return true
			}
			i++
			continue
		}
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i
		for j < len(text) && isASCIILetter(text[j]) {
			j++
		}
		if n := j - i; n >= 3 && n <= len(buf) && numberStart[text[i]|0x20-'a'][text[i+1]|0x20-'a'] {
			for k := range n {
				buf[k] = text[i+k] | 0x20 // lower case
			}
			if _, ok := numberWords[string(buf[:n])]; ok {
				return true
			}
		}
		i = j
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// numberStart holds the first two letters of the number words, so that
// mayCount looks up only words that may be one.
var numberStart = func() (out [26][26]bool) {
	for w := range numberWords {
		out[w[0]-'a'][w[1]-'a'] = true
	}
	return out
}()

// change are words after which a number is an amount of change ("rose 31
// cents", "fell 4.5 percent", "up 8 cents", "increased by 64 percent"), not a
// level; "rose to 15" is a level.
var change = map[string]bool{"rose": true, "rise": true, "rises": true, "risen": true, "fell": true, "fall": true,
	"falls": true, "fallen": true, "dropped": true, "drops": true, "gained": true, "gains": true, "lost": true,
	"loses": true, "added": true, "adds": true, "slid": true, "slipped": true, "jumped": true, "climbed": true,
	"declined": true, "increased": true, "decreased": true, "up": true, "down": true, "shed": true,
	"surged": true, "soared": true, "plunged": true, "tumbled": true, "dipped": true, "eased": true,
	"grew": true, "shrank": true, "advanced": true, "retreated": true, "gaining": true, "losing": true,
	"rising": true, "falling": true, "higher": true, "lower": true}

// changeAmount reports whether the number at toks[i] follows a word of
// change, directly or through "by" and approximation words.
func changeAmount(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := toks[k].low
		switch {
		case change[w]:
			return true
		case w == "by" || approx[w] || w == "$" || w == "shot" || currencies[w] != "" && len(w) == 1:
		default:
			return false
		}
	}
	return false
}

// figure is a number of something stated in one sentence.
type figure struct {
	value      float64
	lo, hi     float64 // the values it allows, bounds and rounding included
	start, end int     // byte offsets of the written figure: "$2.3 billion", "15 people"
	unit       string  // the bucket: the counted noun's stem, "money:USD", "percent", "age"
	anchors    []string
	qualified  bool   // anchors[1] is a word after the counted noun: "$500 for the steel model"
	updating   bool   // the sentence says the figure changed or may change
	part       bool   // a part of a count or one end of a range
	owner      string // ages: the name of the person it is the age of
}

// figures extracts the figures of one sentence's tokens. skip reports
// byte offsets that belong to a date.
func figures(toks []token, skip func(int) bool) []figure {
	var out []figure
	any := false
	for _, t := range toks {
		if _, w := numberWords[t.low]; t.num || w {
			any = true
			break
		}
	}
	if !any {
		return nil
	}
	upd := false
	for _, t := range toks {
		if updating[t.low] {
			upd = true
		}
		if speculative[t.low] {
			return nil // forecasts and guesses differ without contradicting
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		word, isWord := numberWords[t.low]
		if !t.num && !isWord || skip(t.start) {
			continue
		}
		if f, ok := figureAt(toks, i, word, isWord); ok {
			f.updating = upd
			out = append(out, f)
		}
	}
	// A sentence giving two values of one unit, or a part of a count ("four
	// more shots", "an additional 14 officers"), breaks a count down or
	// lists things: none of its figures of that unit is the story's count.
	several := map[string]bool{}
	for i, f := range out {
		if f.part {
			several[f.unit] = true
		}
		for _, g := range out[i+1:] {
			if f.unit == g.unit && f.value != g.value {
				several[f.unit] = true
			}
		}
	}
	kept := out[:0]
	for _, f := range out {
		if !several[f.unit] && !f.part {
			kept = append(kept, f)
		}
	}
	return kept
}

// figureAt reads the figure whose number is toks[i]; ok is false for
// numbers that are not quantities: years, times, dates, ordinals, labels,
// phone numbers, ranges, list markers.
func figureAt(toks []token, i int, word float64, isWord bool) (figure, bool) {
	t := toks[i]
	prev := func(k int) token {
		if i-k >= 0 {
			return toks[i-k]
		}
		return token{}
	}
	value := word
	e := i // the number's last token
	if isWord && t.glued == '-' && i+2 < len(toks) && toks[i+1].low == "-" {
		if u, ok := numberWords[toks[i+2].low]; ok && value >= 20 && u < 10 {
			value += u // "twenty-two"
			e = i + 2
			t.glued = toks[e].glued
		}
	}
	if isWord && prev(1).low == "-" && numberWords[prev(2).low] > 0 {
		return figure{}, false // the "two" of "twenty-two"
	}
	if !isWord {
		if t.glued == '-' && i+1 < len(toks) && toks[i+1].low == "-" && i+2 < len(toks) && toks[i+2].num ||
			t.glued == '/' || t.glued == ':' || prev(1).low == "/" || prev(1).low == ":" || i+1 < len(toks) && toks[i+1].num ||
			prev(1).low == "-" && prev(2).num || prev(1).low == "#" || prev(1).low == "(" && i >= 1 && t.glued == ')' {
			return figure{}, false // ranges, phone numbers, scores, fractions, times, "#1"
		}
		v, ok := parseNumber(t.low)
		if !ok {
			return figure{}, false
		}
		value = v
		if i+1 < len(toks) && t.glued != 0 && t.glued != '%' && t.glued != ',' && t.glued != '.' && t.glued != '-' && t.glued != ')' {
			// glued letters: "1st", "1990s", "3pm" are not counts; "5bn"
			// after a currency is a scale; "100m", "42mm" are units of
			// their own, read as the counted word.
			if nx := toks[i+1]; !nx.num && nx.start == t.end {
				_, sc := scales[nx.low]
				switch {
				case sc && i > 0 && currencies[toks[i-1].low] != "":
				case nx.low == "s" || nx.low == "st" || nx.low == "nd" || nx.low == "rd" || nx.low == "th" || clock[nx.low]:
					return figure{}, false
				}
			}
		}
		if i == 0 && (t.glued == '.' || t.glued == ')') {
			return figure{}, false // a list marker
		}
		if !strings.ContainsAny(t.low, ",.") && value >= 1000 && value <= 2100 {
			return figure{}, false // a year
		}
	}
	p := prev(1)
	if months[p.low] || labels[p.low] || p.upper && i > 1 && !isWord && !months[p.low] && currencies[p.low] == "" && p.low != "us" {
		return figure{}, false // "September 3", "No. 5", "Flight 17", "Boeing 777"
	}
	if isWord && p.low == "the" && e+1 < len(toks) && linking[toks[e+1].low] {
		return figure{}, false // "the two of them"
	}
	f := figure{value: value, start: t.start, end: toks[e].end}
	f.part = partial[p.low] || p.low == "or" || p.low == "minus" || p.low == "plus" || changeAmount(toks, i) || p.low == "to" && prev(2).num || partial[prev(2).low] && (p.low == "the" || p.low == "an") ||
		e+1 < len(toks) && (partial[toks[e+1].low] || toks[e+1].low == "or" || toks[e+1].low == "to" && e+2 < len(toks) && toks[e+2].num)
	// Before the number: a currency symbol, approximation and bound words.
	cur := ""
	j := i - 1
	if j >= 0 && currencies[toks[j].low] != "" && len(toks[j].low) == 1 {
		cur = currencies[toks[j].low]
		f.start = toks[j].start
		if j-1 >= 0 && (toks[j-1].low == "us" || toks[j-1].low == "a") && toks[j-1].glued == '$' {
			f.start = toks[j-1].start
		}
		j--
	}
	approximate, lower, upper := false, false, false
	for k := j; k >= max(0, j-2); k-- {
		w := toks[k].low
		switch {
		case approx[w]:
			approximate = true
		case lowerBound[w]:
			lower = true
		case upperBound[w] && w != "up" || w == "up" && k+1 < len(toks) && toks[k+1].low == "to":
			upper = true
		case w == "to" || w == "of" || w == "an" || w == "than":
		default:
			k = -1
		}
	}
	// After the number: scale, currency word, percent, the counted noun.
	written := value
	k := e + 1
	if k < len(toks) {
		if s, ok := scales[toks[k].low]; ok && (len(toks[k].low) > 2 || toks[k].start == t.end && cur != "") {
			if !(isWord && toks[k].low == "hundred" && value == 100) {
				f.value *= s
				value *= s
				f.end = toks[k].end
				k++
			}
		}
	}
	if t.glued == '-' && k < len(toks) && toks[k].low == "-" {
		if !(k+3 < len(toks) && toks[k+1].low == "year" && toks[k+3].low == "old") {
			return figure{}, false // "a 12-inch laptop", "a 10-mile walk": what it is, not a count
		}
		k++ // "34-year-old"
	}
	unit := ""
	switch {
	case k < len(toks) && toks[k].low == "%", k < len(toks) && (toks[k].low == "percent" || toks[k].low == "per" && k+1 < len(toks) && toks[k+1].low == "cent"):
		unit = "percent"
		if toks[k].low == "per" {
			k++
		}
		f.end = toks[k].end
		k++
	case k < len(toks) && currencies[toks[k].low] != "" && len(toks[k].low) > 1:
		cur = currencies[toks[k].low]
		f.end = toks[k].end
		k++
	}
	if cur != "" {
		unit = "money:" + cur
		if k+1 < len(toks) && (toks[k].low == "a" || toks[k].low == "per" || toks[k].low == "each" || toks[k].low == "an") {
			return figure{}, false // "$28.39 a barrel", "$15,000 each": a price, which moves
		}
		if k < len(toks) && toks[k].low == "each" {
			return figure{}, false
		}
	}
	// The counted noun: the first lower-case word that follows (names and
	// nationalities before it are skipped: "15 Palestinian civilians"),
	// before a linking word or punctuation.
	head, headEnd := "", k-1
	if k < len(toks) && partial[toks[k].low] {
		k++ // "four more shots"
	}
	for n := 0; k < len(toks) && n < 3; n++ {
		w := toks[k]
		if w.num || !isLetterAt(w.low, 0) || linking[w.low] {
			break
		}
		k++
		if w.upper {
			continue
		}
		head, headEnd = w.low, k-1
		break
	}
	if head != "" {
		f.end = toks[headEnd].end
	}
	stem := stemWord(head)
	switch {
	case unit != "":
	case stem == "year" && headEnd+1 < len(toks) && (toks[headEnd+1].low == "old" || toks[headEnd+1].low == "-" && headEnd+2 < len(toks) && toks[headEnd+2].low == "old"),
		prev(1).low == "aged" || prev(1).low == "age":
		unit = "age"
	case timeUnits[stem] && headEnd+1 < len(toks) && (toks[headEnd+1].low == "ago" || toks[headEnd+1].low == "later" ||
		toks[headEnd+1].low == "earlier" || toks[headEnd+1].low == "after" || toks[headEnd+1].low == "before"):
		return figure{}, false // a relative date
	case stem == "":
		return figure{}, false // a bare number: nothing counted
	case clock[stem] || months[stem] || stem == "th" || stem == "st" || stem == "nd" || stem == "rd" || compass[stem]:
		return figure{}, false
	default:
		unit = stem
	}
	f.unit = unit
	if f.start > f.end || f.start < toks[0].start {
		f.start = t.start
	}
	// Tolerance: approximate words, round numbers and bounds widen what
	// the figure allows.
	tol := 0.005
	switch {
	case approximate:
		tol = math.Max(0.1, roundingTolerance(t.low, value))
	case isWord && value >= 100:
		tol = 0.1
	case written >= 100 && math.Mod(written, 100) == 0, written != value && written == math.Trunc(written):
		tol = 0.05 // "2,000", "$2 billion": round numbers
	}
	f.lo, f.hi = value*(1-tol), value*(1+tol)
	if lower {
		f.hi = math.Inf(1)
	}
	if upper {
		f.lo = 0
	}
	// Anchors: the content word the figure hangs from (before it, else the
	// one it leads to), then the one it leads to, as stems.
	for a := i - 1; a >= max(0, i-5); a-- {
		w := toks[a]
		if w.num || !isLetterAt(w.low, 0) {
			if w.low == "," || w.low == "." || w.low == ";" || w.low == ":" {
				break
			}
			continue
		}
		if !linking[w.low] && !approx[w.low] && !lowerBound[w.low] && !upperBound[w.low] && currencies[w.low] == "" {
			f.anchors = append(f.anchors, stemWord(w.low))
			break
		}
	}
	for a := headEnd + 1; a < min(len(toks), headEnd+5); a++ {
		w := toks[a]
		if w.num || !isLetterAt(w.low, 0) {
			break
		}
		if !linking[w.low] {
			f.anchors = append(f.anchors, stemWord(w.low))
			f.qualified = len(f.anchors) == 2
			break
		}
	}
	return f, true
}

var unpunct = strings.NewReplacer(",", "", ".", "")

// roundingTolerance is half the last significant place of a written
// number, relative to its value: "2,000" allows 500 either way at most.
func roundingTolerance(written string, value float64) float64 {
	digits := unpunct.Replace(written)
	zeros := len(digits) - len(strings.TrimRight(digits, "0"))
	if strings.Contains(written, ".") || zeros == 0 || value == 0 {
		return 0
	}
	return math.Min(0.25, 0.5*math.Pow(10, float64(zeros))/value*valueScale(written, value))
}

// valueScale is how much a scale word multiplied the written number.
func valueScale(written string, value float64) float64 {
	v, ok := parseNumber(written)
	if !ok || v == 0 {
		return 1
	}
	return value / v
}

// parseNumber reads "2,000", "2.3", "15".
func parseNumber(s string) (float64, bool) {
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ",")
		for _, p := range parts[1:] {
			if len(p) < 3 || len(p) > 3 && !strings.Contains(p, ".") {
				return 0, false // "15,12" is not a thousands separator
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	if strings.Count(s, ".") > 1 {
		return 0, false // "1.2.3": a version
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// stemWord strips common inflections so that "killed", "kills" and
// "killing" meet, and "people" and "persons" stay apart.
func stemWord(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return strings.TrimSuffix(w[:len(w)-3], "e")
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		b := w[:len(w)-2]
		if len(b) > 2 && b[len(b)-1] == b[len(b)-2] && b[len(b)-1] != 'l' && b[len(b)-1] != 's' {
			b = b[:len(b)-1] // "stopped"
		}
		return strings.TrimSuffix(b, "e")
	}
	return w
}

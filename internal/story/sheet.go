package story

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Sheet is the last story stage: it writes the "All we know" sheet from the
// view's claims, entities, quotes, contradictions, timeline and sources.
// Every line carries citations; a line with nothing to cite is left out.
type Sheet struct {
	// MaxPeople, MaxQuotes and MaxEvents bound the sections (0: defaults).
	MaxPeople, MaxQuotes, MaxEvents int
}

// Build implements news.StoryStage.
func (s Sheet) Build(_ context.Context, v *news.StoryView, arts []*news.Article) error {
	maxPeople, maxQuotes, maxEvents := orDefault(s.MaxPeople, 8), orDefault(s.MaxQuotes, 12), orDefault(s.MaxEvents, 15)
	byID := map[string]*news.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	var lines []news.SheetLine
	add := func(section, text string, cites []news.Citation) {
		cites = validCites(cites, byID)
		if len(cites) > 0 && strings.TrimSpace(text) != "" {
			lines = append(lines, news.SheetLine{Section: section, Text: text, Citations: dedupCites(cites)})
		}
	}
	// The summary: the main claim with its status and why (or the story's
	// headline when no lead reads as a claim), who reported it first, the
	// words of a party that matter most, and what outlets dispute.
	mainShown := len(v.Claims) > 0 && v.Claims[0].Main
	if mainShown {
		c := v.Claims[0]
		add("Summary", "Claim: "+c.Text, allCites(c, 6))
		add("Summary", strings.ToUpper(string(c.Status[:1]))+string(c.Status[1:])+": "+c.Reason, decidingCites(c))
		if text, cites := firstReport(c, v.Articles); text != "" {
			add("Summary", text, cites)
		}
	} else {
		add("Summary", v.Title, titleCites(arts))
	}
	if q, ok := partyQuote(v); ok {
		var cites []news.Citation
		var outlets []string
		for _, c := range q.Carriers {
			cites = append(cites, c.Citations...)
			if s := outletOf(v, c.ArticleID); !contains(outlets, s) {
				outlets = append(outlets, s)
			}
		}
		add("Summary", fmt.Sprintf("%s, as carried by %s: “%s”", q.Speaker.Name, words.Some(outlets, summaryOutlets, "outlet"), clip(q.Text, 160)), cites)
	}
	for _, c := range v.Contradictions {
		if c.ExplainedByTime {
			continue
		}
		var cites []news.Citation
		for _, s := range c.Sides {
			cites = append(cites, s.Citations...)
		}
		label := "Disputed: "
		if c.Kind == "stale" {
			label = "Out of date: "
		}
		add("Summary", label+c.Explanation, cites)
		break
	}
	for i, c := range v.Claims {
		if i == 0 && mainShown {
			continue
		}
		add("Key facts", fmt.Sprintf("%s: %s (%s)", c.Text, c.Status, stanceCounts(c)), allCites(c, 6))
	}
	people := append([]news.Entity(nil), v.Entities...)
	sort.SliceStable(people, func(i, j int) bool { return len(people[i].Mentions) > len(people[j].Mentions) })
	n := 0
	for _, e := range people {
		if e.Type != news.PER || n >= maxPeople {
			continue
		}
		facts, cites := personFacts(e)
		if len(facts) == 0 && len(e.Articles) < 2 {
			continue // a passing mention: not one of the story's people
		}
		if len(facts) == 0 && !strings.Contains(e.Name, " ") && !hasAttribute(e, "gender") {
			// one word the recogniser called a person, with nothing a
			// person has (an attribute, a pronoun or honorific that
			// told its gender): too often a thing ("Watch", "Lassa")
			continue
		}
		n++
		text := e.Name
		if len(facts) > 0 {
			text += ": " + strings.Join(facts, "; ")
		} else {
			text += fmt.Sprintf(": mentioned in %s", words.Count(len(e.Articles), "article"))
			cites = e.Mentions[:min(len(e.Mentions), 3)]
		}
		add("People", text, cites)
	}
	// Fans' posts are one line, after the quotes of people who speak for
	// themselves or others: one fan's tweet is not a source.
	var quotes, fans []news.Quote
	for _, q := range v.Quotes {
		if q.Speaker.Role == "headline" || q.Speaker.Role == "caption" {
			continue // a headline quoted ("It's an eye-catching headline: “…”") is nobody's words
		}
		fan := FanPost(q)
		if q.Speaker.Name == "" && len(q.Carriers) < 2 && !fan {
			continue // words one article quotes without saying whose: nothing a reader can weigh
		}
		if fan {
			fans = append(fans, q)
		} else {
			quotes = append(quotes, q)
		}
	}
	quotes = dropNested(quotes)
	sort.SliceStable(quotes, func(i, j int) bool { return len(quotes[i].Carriers) > len(quotes[j].Carriers) })
	for i, q := range quotes {
		if i >= maxQuotes {
			break
		}
		var cites []news.Citation
		var to []string
		for _, c := range q.Carriers {
			cites = append(cites, c.Citations...)
			if c.ToldTo != "" && !contains(to, c.ToldTo) {
				to = append(to, c.ToldTo)
			}
		}
		speaker := q.Speaker.Name
		if speaker == "" {
			speaker = "Unattributed"
		}
		text := fmt.Sprintf("%s: “%s” (carried by %s", speaker, clip(q.Text, 220), words.Count(len(q.Carriers), "article"))
		if len(to) > 0 {
			text += "; told to " + strings.Join(to, ", ")
		}
		if q.Altered {
			text += "; wording differs between carriers"
		}
		if q.SpeakerConflict {
			text += "; outlets disagree on the speaker"
		}
		add("Quotes", text+")", cites)
	}
	if len(fans) > 0 {
		var cites []news.Citation
		arts := map[string]bool{}
		for _, q := range fans {
			for _, c := range q.Carriers {
				arts[c.ArticleID] = true
				if len(cites) < 6 {
					cites = append(cites, c.Citations...)
				}
			}
		}
		line := fmt.Sprintf("Fans' posts: %s quoted in %s", words.Count(len(fans), "post"), words.Count(len(arts), "article"))
		if ex := postExample(fans); ex != "" {
			line += fmt.Sprintf(", such as “%s”", clip(ex, 120))
		}
		add("Quotes", line, cites)
	}
	for _, c := range v.Contradictions {
		var cites []news.Citation
		for _, s := range c.Sides {
			cites = append(cites, s.Citations...)
		}
		prefix := ""
		if c.ExplainedByTime {
			prefix = "Explained by time: "
		}
		add("Contradictions", prefix+c.Explanation, cites)
	}
	for i, e := range v.Timeline {
		if i >= maxEvents {
			break
		}
		date := e.Date
		if e.DateEstimated {
			date += " (estimated)"
		}
		add("Timeline", date+": "+e.Text, e.Citations)
	}
	ind := news.Independence(v)
	source := map[string]string{}
	for _, a := range v.Articles {
		source[a.ID] = a.Source
	}
	copiedFrom := map[string][]string{}
	for _, c := range v.Copies {
		if c.Kind != news.CommonSource && !contains(copiedFrom[c.ToArticleID], source[c.FromArticleID]) {
			copiedFrom[c.ToArticleID] = append(copiedFrom[c.ToArticleID], source[c.FromArticleID])
		}
	}
	for _, a := range v.Articles {
		date := dateLabel(a)
		kind := "independent"
		switch {
		case ind[a.ID]:
		case a.Group != "" && a.Group != a.ID:
			kind = "near-duplicate of " + source[a.Group]
		case len(copiedFrom[a.ID]) > 0:
			kind = "shares passages with " + strings.Join(copiedFrom[a.ID], ", ")
		}
		add("Outlets", fmt.Sprintf("%s, %s: %s (%s)", a.Source, date, a.Title, kind), titleCites([]*news.Article{byID[a.ID]}))
	}
	v.Sheet = lines
	return nil
}

func orDefault(v, d int) int {
	if v > 0 {
		return v
	}
	return d
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// titleCites cites where each article's title stands in its text, else its
// opening paragraph.
// firstReport says which article first stated or reported c, among those
// with a date of their own; articles dated only by estimate or undated are
// named as possibly earlier rather than ordered.
func firstReport(c news.Claim, arts []news.StoryArticle) (string, []news.Citation) {
	byID := map[string]news.StoryArticle{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	var first *news.StanceEntry
	var unsure []string
	for i, s := range c.Stances {
		if s.Stance != news.Asserts && s.Stance != news.Rumour || len(s.Citations) == 0 {
			continue
		}
		a := byID[s.ArticleID]
		if a.Published.IsZero() || a.PublishedEstimated {
			if !contains(unsure, a.Source) {
				unsure = append(unsure, a.Source)
			}
			continue
		}
		if first == nil || a.Published.Before(byID[first.ArticleID].Published) {
			first = &c.Stances[i]
		}
	}
	if first == nil {
		return "", nil
	}
	a := byID[first.ArticleID]
	text := fmt.Sprintf("First reported by %s on %s, among the articles that give their date", a.Source, a.Published.Format("2006-01-02"))
	if len(unsure) > 0 {
		verb := " has no date of its own and may be earlier)"
		if len(unsure) > 1 {
			verb = " have no date of their own and may be earlier)"
		}
		text += " (" + words.Some(unsure, summaryOutlets, "outlet") + verb
	}
	return text, first.Citations
}

// partyQuote picks the quote that matters most: words of a person the main
// claim names (or of someone speaking for them), carried by the most
// articles; without a main claim, the quote carried by the most articles
// if more than one carries it. Fans' posts never qualify.
func partyQuote(v *news.StoryView) (news.Quote, bool) {
	var parties []string
	if len(v.Claims) > 0 && v.Claims[0].Main {
		claim := fold.String(v.Claims[0].Text)
		for _, e := range v.Entities {
			if e.Type == news.PER && strings.Contains(claim, fold.String(e.Name)) {
				parties = append(parties, fold.String(e.Name))
			}
		}
	}
	party := func(q news.Quote) bool {
		name := fold.String(q.Speaker.Name)
		for _, p := range parties {
			if strings.Contains(name, p) {
				return true
			}
		}
		return false
	}
	var best news.Quote
	found := false
	for _, q := range v.Quotes {
		if FanPost(q) || q.Speaker.Name == "" {
			continue
		}
		if len(parties) > 0 && !party(q) || len(parties) == 0 && len(q.Carriers) < 2 {
			continue
		}
		if !found || len(q.Carriers) > len(best.Carriers) {
			best, found = q, true
		}
	}
	return best, found
}

func outletOf(v *news.StoryView, id string) string {
	for _, a := range v.Articles {
		if a.ID == id {
			return a.Source
		}
	}
	return id
}

func titleCites(arts []*news.Article) []news.Citation {
	var out []news.Citation
	for _, a := range arts {
		if a == nil {
			continue
		}
		if i := strings.Index(a.Text, a.Title); a.Title != "" && i >= 0 {
			out = append(out, news.Citation{ArticleID: a.ID, Start: i, End: i + len(a.Title)})
		} else if len(a.Paragraphs) > 0 {
			out = append(out, news.Cite(a.ID, a.Paragraphs[0]))
		} else if a.Text != "" {
			out = append(out, news.Citation{ArticleID: a.ID, Start: 0, End: min(len(a.Text), 200)})
		}
		if len(out) >= 3 {
			break
		}
	}
	return out
}

// decidingCites cites the stances that decide a claim's status: denials
// and debunks for a denied claim, assertions for a confirmed one, both sides
// and doubts for a disputed or outdated one (the sources' own statements,
// not the model's readings), else everything.
func decidingCites(c news.Claim) []news.Citation {
	want := map[news.Stance]bool{}
	switch c.Status {
	case news.Denied:
		want[news.Denies], want[news.Debunks] = true, true
	case news.Confirmed:
		want[news.Asserts] = true
	default:
		want[news.Denies], want[news.Debunks], want[news.Asserts], want[news.Questions] = true, true, true, true
	}
	var out []news.Citation
	for _, s := range c.Stances {
		if want[s.Stance] && s.Voice != news.VoiceModel && s.By != "model" && len(out) < 12 {
			out = append(out, s.Citations...)
		}
	}
	if len(out) == 0 {
		return allCites(c, 6)
	}
	return out
}

func allCites(c news.Claim, n int) []news.Citation {
	var out []news.Citation
	for _, s := range c.Stances {
		out = append(out, s.Citations...)
		if len(out) >= n {
			break
		}
	}
	return out
}

func stanceCounts(c news.Claim) string {
	counts := map[news.Stance]map[string]bool{}
	for _, s := range c.Stances {
		if counts[s.Stance] == nil {
			counts[s.Stance] = map[string]bool{}
		}
		counts[s.Stance][s.ArticleID] = true
	}
	var parts []string
	for _, st := range []struct {
		stance news.Stance
		verb   string
	}{{news.Asserts, "stated"}, {news.Denies, "denied"}, {news.Debunks, "called false"}, {news.Questions, "questioned"}, {news.Rumour, "reported as a rumour"}} {
		if n := len(counts[st.stance]); n > 0 {
			parts = append(parts, fmt.Sprintf("%s in %s", st.verb, words.Count(n, "article")))
		}
	}
	return strings.Join(parts, ", ")
}

func uniqueArticles(cs []news.Citation) map[string]bool {
	out := map[string]bool{}
	for _, c := range cs {
		out[c.ArticleID] = true
	}
	return out
}

// validCites keeps citations that resolve to a non-empty span of a story article.
func validCites(cs []news.Citation, byID map[string]*news.Article) []news.Citation {
	out := cs[:0:0]
	for _, c := range cs {
		a := byID[c.ArticleID]
		if a != nil && c.Start >= 0 && c.End <= len(a.Text) && c.Start < c.End {
			out = append(out, c)
		}
	}
	return out
}

func dedupCites(cs []news.Citation) []news.Citation {
	seen := map[news.Citation]bool{}
	out := cs[:0:0]
	for _, c := range cs {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// hasAttribute reports whether e has an attribute of that name.
func hasAttribute(e news.Entity, name string) bool {
	for _, at := range e.Attributes {
		if at.Name == name {
			return true
		}
	}
	return false
}

// shownAttrs are the attributes a sheet states, in order; gender (inferred
// from pronouns) and birth years (derived from ages) stay in the JSON.
var shownAttrs = []string{"age", "nationality", "hometown", "birthplace", "residence", "occupation", "status", "children"}

// personFacts lists a person's attributes as the sources state them:
// "age 31 (3 sources); occupation actor (4 sources), singer (1 source)".
func personFacts(e news.Entity) ([]string, []news.Citation) {
	byName := map[string][]news.Attribute{}
	var relations []string
	for _, at := range specificRelations(e.Attributes) {
		byName[at.Name] = append(byName[at.Name], at)
		if strings.HasPrefix(at.Name, "relation:") && len(byName[at.Name]) == 1 {
			relations = append(relations, at.Name)
		}
	}
	var facts []string
	var cites []news.Citation
	for _, name := range append(append([]string(nil), shownAttrs...), relations...) {
		ats := byName[name]
		if len(ats) == 0 {
			continue
		}
		sort.SliceStable(ats, func(i, j int) bool {
			return len(uniqueArticles(ats[i].Citations)) > len(uniqueArticles(ats[j].Citations))
		})
		var vals []string
		for _, at := range ats {
			vals = append(vals, fmt.Sprintf("%s (%s)", at.Value, words.Count(len(uniqueArticles(at.Citations)), "source")))
			cites = append(cites, at.Citations...)
		}
		facts = append(facts, strings.TrimPrefix(name, "relation:")+" "+strings.Join(vals, ", "))
	}
	return facts, cites
}

// specificRelations folds a general relation into a more specific one with
// the same value: "ex Tristan Thompson" and "ex-boyfriend Tristan Thompson"
// are one fact, told by the sources of both.
func specificRelations(ats []news.Attribute) []news.Attribute {
	out := make([]news.Attribute, 0, len(ats))
	for i, at := range ats {
		into := -1
		if strings.HasPrefix(at.Name, "relation:") {
			for j, o := range ats {
				if j != i && o.Value == at.Value && strings.HasPrefix(o.Name, at.Name+"-") {
					into = j
					break
				}
			}
		}
		if into < 0 {
			out = append(out, at)
		}
	}
	for i, at := range ats {
		if !strings.HasPrefix(at.Name, "relation:") {
			continue
		}
		for j, o := range ats {
			if j != i && o.Value == at.Value && strings.HasPrefix(o.Name, at.Name+"-") {
				for k := range out {
					if out[k].Name == o.Name && out[k].Value == o.Value {
						out[k].Citations = append(append([]news.Citation(nil), out[k].Citations...), at.Citations...)
					}
				}
				break
			}
		}
	}
	return out
}

// fanWords name a speaker who posts rather than speaks for anyone: "a
// Twitter user", "one fan", "another commenter".
var fanWords = map[string]bool{"fan": true, "fans": true, "user": true, "users": true, "follower": true,
	"followers": true, "commenter": true, "commenters": true, "netizen": true, "netizens": true, "redditor": true,
	"tweeter": true, "poster": true}

// FanPost tells whether a quote is a fan's post rather than anyone's word
// on the story: a pasted social-media post, or words of an anonymous poster
// ("a Twitter user") or of an account named by its handle only ("“…,”
// @redletter tweeted"). The sheet and the story page group these.
func FanPost(q news.Quote) bool {
	return q.Social || q.Speaker.Role == "fan" || fanSpeaker(q.Speaker.Name) || strings.HasPrefix(q.Speaker.Name, "@")
}

// fanSpeaker tells whether a quote's speaker is an anonymous social-media poster.
func fanSpeaker(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if fanWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// postExample picks the words of a fans' post to show: the first that
// reads as a post, not the signature line of an embedded tweet ("— Ann
// (@ann) May 2, 2015") or a bare link; "" when none does.
func postExample(fans []news.Quote) string {
	for _, q := range fans {
		t := strings.TrimSpace(q.Text)
		if strings.HasPrefix(t, "—") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "-") ||
			strings.HasPrefix(t, "http") || strings.HasPrefix(t, "pic.twitter") || len(strings.Fields(t)) < 3 {
			continue
		}
		return t
	}
	return ""
}

// summaryOutlets is how many outlets a summary line names before it counts
// the rest: a summary is read at once; the sections below and the
// citations list every one.
const summaryOutlets = 3

// dropNested leaves out a quote quoted inside another one ("At lunch, Ada
// goes, ‘You’ll never guess…’"): each of its passages lies within a longer
// passage of another quote in the same article, so the outer line already
// shows it. Passages are looked up per article, so a story of thousands of
// quotes costs what its articles' own quotes do.
func dropNested(qs []news.Quote) []news.Quote {
	type passage struct {
		start, end, quote int
	}
	byArticle := map[string][]passage{}
	for i, q := range qs {
		for _, c := range q.Carriers {
			for _, ct := range c.Citations {
				byArticle[ct.ArticleID] = append(byArticle[ct.ArticleID], passage{ct.Start, ct.End, i})
			}
		}
	}
	inside := func(i int, ct news.Citation) bool {
		for _, o := range byArticle[ct.ArticleID] {
			if o.quote != i && o.start <= ct.Start && ct.End <= o.end && o.end-o.start > ct.End-ct.Start {
				return true
			}
		}
		return false
	}
	out := qs[:0:0]
	for i, q := range qs {
		nested, cites := true, 0
		for _, c := range q.Carriers {
			for _, ct := range c.Citations {
				cites++
				if nested && !inside(i, ct) {
					nested = false
				}
			}
		}
		if !nested || cites == 0 {
			out = append(out, q)
		}
	}
	return out
}

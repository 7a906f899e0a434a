package news

import "strings"

// Stance is a source's position toward a claim.
type Stance string

// Stances.
const (
	Asserts   Stance = "asserts"
	Debunks   Stance = "debunks" // says the claim is false, a hoax or fake
	Denies    Stance = "denies"
	Questions Stance = "questions"
	Rumour    Stance = "reports_rumour"
	Unrelated Stance = "unrelated"
)

// Status is a claim's standing across sources.
type Status string

// Statuses.
const (
	Confirmed  Status = "confirmed"
	Denied     Status = "denied"
	Disputed   Status = "disputed"
	Unverified Status = "unverified"
	Outdated   Status = "outdated"
)

// Statement is one thing an article states, with who stands behind it: an
// attribution (direct, indirect or mixed speech: "X said (that) ...",
// "according to X, ...", "X denied ...") with its Source, Cue and Content
// spans, or the outlet's own factual assertion (Kind "assertion", no
// Source or Cue). Relation statements (Predicate set) normalise what the
// content says about two entities.
type Statement struct {
	Span     Span   `json:"span"`               // the sentence(s) the statement stands in
	Content  Span   `json:"content"`            // what is stated
	Source   Span   `json:"source,omitzero"`    // who states it, where the text names them
	Cue      Span   `json:"cue,omitzero"`       // "said", "according to", "denied", ...
	Kind     string `json:"kind,omitempty"`     // "direct", "indirect", "mixed", "assertion"
	Voice    string `json:"voice,omitempty"`    // who stands behind it: see the Voice constants
	Modality string `json:"modality,omitempty"` // the hedge or modal that weakens it: "reportedly", "may", ...
	Question bool   `json:"question,omitempty"`

	Subject   string `json:"subject,omitempty"`   // entity key or name
	Predicate string `json:"predicate,omitempty"` // canonical: "dating", "married", "commented", ...
	Object    string `json:"object,omitempty"`    // entity key, name or normalised value
	Negated   bool   `json:"negated"`
	Hedged    bool   `json:"hedged"`
	// By is who makes the statement: "" for the outlet's own voice, else a
	// speaker ("Michele Morrone's representative", "fans").
	By string `json:"by,omitempty"`
	// ByKey is the entity key of the speaker, when it is a named entity.
	ByKey  string `json:"by_key,omitempty"`
	Stance Stance `json:"stance"`
	// Unsaid marks an attribution whose cue is negated ("had not confirmed
	// that …", "did not say …"): the source is reported not to have stated
	// the content, so it stands for nothing, for or against.
	Unsaid bool `json:"unsaid,omitempty"`
}

// Voices: who stands behind a statement.
const (
	VoiceOutlet    = "outlet"    // the outlet's own words
	VoiceParty     = "party"     // a party involved in the claim (set per claim, by the claims stage)
	VoiceNamed     = "named"     // a named person or organisation
	VoiceOfficial  = "official"  // an office holder, a government body, police, a spokesperson
	VoiceExpert    = "expert"    // a researcher, analyst or other expert
	VoiceAnonymous = "anonymous" // "a source", "insiders", "people familiar with"
	VoiceFans      = "fans"      // fans, social-media users
	VoiceMedia     = "media"     // another outlet ("according to the BBC")
	VoiceModel     = "model"     // no statement: the stance model's reading of the article
)

// Claim is one claim across sources, with each source's stance and a status.
type Claim struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Status Status `json:"status"`
	Reason string `json:"reason"`
	// Main marks the story's main claim: the central proposition of its
	// headlines and leads. It is always the first claim.
	Main bool `json:"main,omitempty"`
	// Kind is where the claim comes from: "main" (the story's main claim),
	// "relation" (a relation between two people), "statement" (statements
	// matched across outlets).
	Kind    string        `json:"kind,omitempty"`
	Stances []StanceEntry `json:"stances"`
}

// StanceEntry is one article's stance toward a claim.
type StanceEntry struct {
	ArticleID string `json:"article_id"`
	Stance    Stance `json:"stance"`
	By        string `json:"by"`
	Voice     string `json:"voice,omitempty"` // who stands behind it (Voice constants); "model" when read by the stance model
	Text      string `json:"text,omitempty"`  // the article's own wording
	// OnRecord: a named speaker confirmed the claim in so many words ("X
	// confirmed the death"), which weighs like a party's or an official's word.
	OnRecord  bool       `json:"on_record,omitempty"`
	Citations []Citation `json:"citations"`
}

// Contradiction is two or more sources disagreeing, possibly explained by time.
type Contradiction struct {
	Kind            string `json:"kind"` // "attribute", "figure", "date", "place", "opposite_claims", "stale"
	Explanation     string `json:"explanation"`
	ExplainedByTime bool   `json:"explained_by_time"`
	Sides           []Side `json:"sides"`
}

// Side is one side of a contradiction.
type Side struct {
	Text      string     `json:"text"`
	Citations []Citation `json:"citations"`
}

// TimelineEvent is a dated event in a story.
type TimelineEvent struct {
	Date          string     `json:"date"` // YYYY-MM-DD, YYYY-MM or YYYY
	DateEstimated bool       `json:"date_estimated"`
	Text          string     `json:"text"`
	FirstReported string     `json:"first_reported,omitempty"` // article id
	Citations     []Citation `json:"citations"`
}

// SheetLine is one line of a story's "All we know" sheet.
type SheetLine struct {
	Section   string     `json:"section"`
	Text      string     `json:"text"`
	Citations []Citation `json:"citations"`
}

// OwnWordsAside returns entries without the assertions in an outlet's own
// voice of the articles that also debunk the claim, or report someone's
// denial of it: such an article states the claim to knock it down
// ("Elon University has banned the word freshman… it has not"), and is no
// source asserting it. An assertion it reports from someone else stays, and
// so does every entry of the stance model, which neither asserts nor denies
// for the article. An assertion that a speaker who denies the claim in
// the same article is read to make ("Elon has gone to using 'first-year'
// more", from the spokesman who said it has not banned the word) goes too.
// The entries kept keep their order; entries is not changed.
func OwnWordsAside(entries []StanceEntry) []StanceEntry {
	var against map[string]bool
	var deniers map[[2]string]bool // article and speaker of a denial or a debunk
	for _, e := range entries {
		if e.Voice == VoiceModel || e.By == "model" {
			continue
		}
		by := strings.TrimSpace(e.By)
		if e.Stance == Debunks || e.Stance == Denies && by != "" && by != "fans" {
			if against == nil {
				against, deniers = map[string]bool{}, map[[2]string]bool{}
			}
			against[e.ArticleID] = true
			if by != "" {
				deniers[[2]string{e.ArticleID, strings.ToLower(by)}] = true
			}
		}
	}
	if against == nil {
		return entries
	}
	out := make([]StanceEntry, 0, len(entries))
	for _, e := range entries {
		by := strings.TrimSpace(e.By)
		if e.Stance == Asserts && against[e.ArticleID] && (by == "" || e.Voice == VoiceOutlet) {
			continue
		}
		if e.Stance == Asserts && by != "" && deniers[[2]string{e.ArticleID, strings.ToLower(by)}] {
			continue // one speaker who denies it in so many words and "asserts" it in an explanation: the denial stands
		}
		out = append(out, e)
	}
	return out
}

package news

// Stance is a source's position toward a claim.
type Stance string

// Stances.
const (
	Asserts   Stance = "asserts"
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

// Statement is a claim-bearing sentence in one article: a normalised
// relation or attribute with its polarity, hedging and attribution.
type Statement struct {
	Span      Span   `json:"span"`
	Subject   string `json:"subject"`   // entity key or name
	Predicate string `json:"predicate"` // canonical: "dating", "married", "parent_of", "age", ...
	Object    string `json:"object"`    // entity key, name or normalised value
	Negated   bool   `json:"negated"`
	Hedged    bool   `json:"hedged"`
	// By is who makes the statement: "" for the outlet's own voice, else a
	// speaker ("Michele Morrone's representative", "fans").
	By     string `json:"by,omitempty"`
	Stance Stance `json:"stance"`
}

// Claim is one claim across sources, with each source's stance and a status.
type Claim struct {
	ID      string        `json:"id"`
	Text    string        `json:"text"`
	Status  Status        `json:"status"`
	Reason  string        `json:"reason"`
	Stances []StanceEntry `json:"stances"`
}

// StanceEntry is one article's stance toward a claim.
type StanceEntry struct {
	ArticleID string     `json:"article_id"`
	Stance    Stance     `json:"stance"`
	By        string     `json:"by"`
	Citations []Citation `json:"citations"`
}

// Contradiction is two or more sources disagreeing, possibly explained by time.
type Contradiction struct {
	Kind            string `json:"kind"` // "attribute", "opposite_claims", "stale"
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

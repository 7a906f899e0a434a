package news

// QuoteMention is one direct quote inside one article.
type QuoteMention struct {
	Span    Span   `json:"span"`    // the quoted words, without the quotation marks
	Text    string `json:"text"`    // the quoted words (for several pieces, joined)
	Pieces  []Span `json:"pieces"`  // the pieces when interrupted by the attribution
	Speaker string `json:"speaker"` // resolved speaker name, or role ("a rep for Michele Morrone")
	// SpeakerKey is the Mention.Key of the speaker, when it is a named entity.
	SpeakerKey  string `json:"speaker_key,omitempty"`
	SpeakerSpan Span   `json:"speaker_span"`
	// Role is set for role speakers: "representative", "source", "insider", "fan", ...
	Role string `json:"role,omitempty"`
	// For is the entity a role speaker speaks for ("Michele Morrone").
	For     string `json:"for,omitempty"`
	Cue     string `json:"cue"`
	CueSpan Span   `json:"cue_span"`
	ToldTo  string `json:"told_to,omitempty"` // "TODAY", "People"
	Medium  string `json:"medium,omitempty"`  // "Instagram post", "Twitter", "interview with Decider"
	When    string `json:"when,omitempty"`    // "August 2022"
	Social  bool   `json:"social,omitempty"`  // an embedded social post
	// Partial is set for a quoted fragment inside reported speech ("he said
	// he was “absolutely single”"), as opposed to a quote standing as speech.
	Partial bool `json:"partial,omitempty"`
	// Nested quotes inside this one have their own QuoteMention and Parent set
	// to this quote's index.
	Parent int `json:"parent"` // -1 when top-level
}

// Quote is one statement across outlets: each carrier's variant, the
// speaker, and whether carriers altered the words.
type Quote struct {
	ID             string    `json:"id"`
	Text           string    `json:"text"`
	Speaker        Speaker   `json:"speaker"`
	Carriers       []Carrier `json:"carriers"`
	FirstArticleID string    `json:"first_article_id"`
	Altered        bool      `json:"altered"`
	Social         bool      `json:"social,omitempty"`
	// SpeakerConflict is set when outlets give these words to different speakers.
	SpeakerConflict bool `json:"speaker_conflict,omitempty"`
}

// Speaker is who said a quote.
type Speaker struct {
	Name     string `json:"name"`
	EntityID string `json:"entity_id"`
	Role     string `json:"role"`
}

// Carrier is one article carrying a quote, with its own variant of the words.
type Carrier struct {
	ArticleID string     `json:"article_id"`
	Text      string     `json:"text"`
	ToldTo    string     `json:"told_to"`
	Medium    string     `json:"medium"`
	Diff      string     `json:"diff,omitempty"` // how the variant differs from the first carrier's
	Citations []Citation `json:"citations"`
}

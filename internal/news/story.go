package news

import (
	"sort"
	"time"
)

// Story is a group of articles telling the same story.
type Story struct {
	ID             string    `json:"id"`
	Title          string    `json:"title"`
	ArticleCount   int       `json:"article_count"`
	Sources        []string  `json:"sources"`
	FirstPublished time.Time `json:"first_published"`
	LastPublished  time.Time `json:"last_published"`
	FirstEstimated bool      `json:"first_estimated,omitempty"` // the first date is an article's estimated one
	LastEstimated  bool      `json:"last_estimated,omitempty"`
	Status         Status    `json:"status,omitempty"` // status of the main claim, when known
	// Recent counts the articles ingested since ListOptions.GrowthSince; set
	// only in lists sorted by growth.
	Recent *int `json:"recent_articles,omitempty"`
}

// StoryView is the whole cross-source view of a story: the public JSON
// contract of `crosscheck story ID --json`, documented in docs/json.md.
type StoryView struct {
	ID             string          `json:"id"`
	Title          string          `json:"title"`
	Articles       []StoryArticle  `json:"articles"`
	Entities       []Entity        `json:"entities"`
	Quotes         []Quote         `json:"quotes"`
	Claims         []Claim         `json:"claims"`
	Contradictions []Contradiction `json:"contradictions"`
	Timeline       []TimelineEvent `json:"timeline"`
	Copies         []Copy          `json:"copies"`
	Sheet          []SheetLine     `json:"sheet"`
	// DirtyMark is the story's dirty mark read before its articles were
	// (StoryStore.DirtyMarks), for SaveView; not part of the JSON contract.
	DirtyMark int64 `json:"-"`
}

// StoryArticle is an article as listed in a story view.
type StoryArticle struct {
	ID                 string    `json:"id"`
	Title              string    `json:"title"`
	Source             string    `json:"source"`
	URL                string    `json:"url"`
	Path               string    `json:"path"`
	Published          time.Time `json:"published"`
	PublishedEstimated bool      `json:"published_estimated"`
	// Group is the near-duplicate group: articles with the same Group are one
	// independent source with several carriers.
	Group string `json:"group,omitempty"`
}

// Copy is a passage copied from one article into another.
type Copy struct {
	FromArticleID string `json:"from_article_id"`
	ToArticleID   string `json:"to_article_id"`
	Text          string `json:"text"`
	// Via says how the direction was found: "attribution" (the receiver
	// credits the source), "date" (the source was published first, by dates
	// the articles give); empty when nothing decides it, and then From and
	// To are only story order.
	Via string `json:"via,omitempty"`
	// Kind is CopyPassage for prose one article took from another, and
	// CommonSource for words both took from a third party (a quotation, a
	// pasted post): those make neither article a copy of the other.
	Kind      string     `json:"kind"`
	Citations []Citation `json:"citations"`
}

// Kinds of shared passage.
const (
	CopyPassage  = "copy"
	CommonSource = "common_source"
)

// Independence tells which articles of a story are independent sources:
// the first of their near-duplicate group, with no prose copied into them
// from another article of the story (quoting the same third party is not
// copying). It is the one answer every output shows.
func Independence(v *StoryView) map[string]bool {
	copied := map[string]bool{}
	for _, c := range v.Copies {
		if c.Kind != CommonSource {
			copied[c.ToArticleID] = true
		}
	}
	first := map[string]string{}
	for _, a := range v.Articles {
		if _, ok := first[a.Group]; !ok && a.Group != "" {
			first[a.Group] = a.ID
		}
	}
	ind := make(map[string]bool, len(v.Articles))
	for _, a := range v.Articles {
		lead := a.Group == "" || first[a.Group] == a.ID || a.Group == a.ID
		ind[a.ID] = lead && !copied[a.ID]
	}
	return ind
}

// NewStoryView returns a view with every list empty (not null), as the JSON
// contract requires.
func NewStoryView(id, title string) *StoryView {
	return &StoryView{ID: id, Title: title, Articles: []StoryArticle{}, Entities: []Entity{},
		Quotes: []Quote{}, Claims: []Claim{}, Contradictions: []Contradiction{},
		Timeline: []TimelineEvent{}, Copies: []Copy{}, Sheet: []SheetLine{}}
}

// Summary derives the story's list summary from its view.
func (v *StoryView) Summary() Story {
	st := Story{ID: v.ID, Title: v.Title, ArticleCount: len(v.Articles), Sources: []string{}}
	seen := map[string]bool{}
	for _, a := range v.Articles {
		if a.Source != "" && !seen[a.Source] {
			seen[a.Source] = true
			st.Sources = append(st.Sources, a.Source)
		}
		if a.Published.IsZero() {
			continue
		}
		if st.FirstPublished.IsZero() || a.Published.Before(st.FirstPublished) ||
			a.Published.Equal(st.FirstPublished) && !a.PublishedEstimated {
			st.FirstPublished, st.FirstEstimated = a.Published, a.PublishedEstimated
		}
		if a.Published.After(st.LastPublished) || a.Published.Equal(st.LastPublished) && !a.PublishedEstimated {
			st.LastPublished, st.LastEstimated = a.Published, a.PublishedEstimated
		}
	}
	sort.Strings(st.Sources)
	if len(v.Claims) > 0 {
		st.Status = v.Claims[0].Status
	}
	return st
}

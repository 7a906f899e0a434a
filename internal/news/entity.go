package news

// EntityType is the kind of a named entity.
type EntityType string

// Entity types: the four CoNLL types, refined by rules where the text tells.
const (
	PER   EntityType = "PER"
	ORG   EntityType = "ORG"
	LOC   EntityType = "LOC"
	MISC  EntityType = "MISC"
	WORK  EntityType = "WORK"  // films, shows, books, songs
	EVENT EntityType = "EVENT" // festivals, fashion weeks, shows
)

// Mention is one occurrence of a named entity in an article.
type Mention struct {
	Span Span       `json:"span"`
	Text string     `json:"text"`
	Type EntityType `json:"type"`
	// Key groups the mentions of one entity inside the article (resolution
	// inside the article): "Morrone" and "Michele Morrone" share a Key.
	Key string `json:"key"`
	// Name is the resolved full name inside the article.
	Name string `json:"name"`
	// Via tells how the mention was found: "ner", "alias", "descriptor", "pronoun".
	Via string `json:"via,omitempty"`
	// Guessed: a description linked to the entity by nearness, not by
	// syntax ("the NBA player's" after a name); it follows the entity but
	// is never shown as one of its names.
	Guessed bool `json:"guessed,omitempty"`
}

// AttrMention is an attribute a source gives about an entity, such as
// age=31 or hometown=Reggio Calabria, with the span that states it.
type AttrMention struct {
	Key   string `json:"key"`   // the Mention.Key of the entity
	Name  string `json:"name"`  // "age", "birth_year", "hometown", "residence", "occupation", "nationality", "relation:sister", "status"
	Value string `json:"value"` // normalised value
	Span  Span   `json:"span"`
}

// Entity is one real-world thing across spellings and articles.
type Entity struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"` // canonical: the most common full form
	Type       EntityType  `json:"type"`
	Aliases    []string    `json:"aliases"`
	Articles   []string    `json:"articles"`
	Mentions   []Citation  `json:"mentions"`
	Attributes []Attribute `json:"attributes"`
}

// Attribute is one value of an entity's attribute with every source giving it.
type Attribute struct {
	Name      string     `json:"name"`
	Value     string     `json:"value"`
	Citations []Citation `json:"citations"`
}

// Package news is crosscheck's vocabulary: the domain types every stage shares
// (articles, spans, mentions, entities, quotes, claims, stories) and the few
// contracts (Stage, StoryStage, Store) that the concrete parts implement.
// It imports only the standard library; read it first.
package news

// Package claim finds what articles claim and how each source stands on it:
// a per-article stage that turns sentences into normalised statements
// (relation, polarity, hedging, who says it), and a story stage that merges
// statements across outlets into claims with stances and a status, finds
// contradictions (time-aware) and builds the story's timeline.
package claim

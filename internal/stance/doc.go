// Package stance detects the stance of a text toward a claim: FNC-1 stance
// (agree, disagree, discuss, unrelated) of an article body toward a headline,
// and Emergent stance (for, against, observing) of an article headline toward
// a claim. Both models are small networks over hand features and sparse
// TF-IDF words, trained in Go by `crosscheck train stance` and embedded
// compressed; Default and DefaultEmergent load them.
package stance

// Package paraphrase tells whether two news sentences say the same thing.
//
// A sentence is analysed once (Prepare) into sets of hashed word, stem and
// character n-grams, its numbers, capitalised names and negations, and its
// content words with their IDF and word vectors. A pair of sentences becomes
// a few dozen symmetric features (n-gram coverage in both directions, longest
// common subsequence, edit distance, length, number and name agreement,
// negation mismatch, soft word alignment through the vectors), which a small
// network scores. The IDF and the skip-gram word vectors are learnt from
// unlabelled news text, the network from the Microsoft Research Paraphrase
// Corpus, all by `crosscheck train paraphrase`; Default loads the embedded
// weights.
package paraphrase

// Package eval scores crosscheck's stages on public benchmarks with the
// metrics defined in ../shared/data/README.md: extraction shingles, CoNLL
// entity F1, PolNeAR quotes and speakers, FNC-1 stance, BCubed clustering.
package eval

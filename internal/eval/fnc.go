package eval

import (
	"fmt"
	"io"
)

// fncLabels are the FNC-1 labels in report order.
var fncLabels = []string{"agree", "disagree", "discuss", "unrelated"}

// ClassScore is one label's precision, recall and F1.
type ClassScore struct {
	Label                 string
	Precision, Recall, F1 float64
	Support               int // gold count
}

// FNCReport is the FNC-1 evaluation of a set of predictions.
type FNCReport struct {
	N         int
	Score     float64 // points earned
	MaxScore  float64 // points of a perfect submission
	Percent   float64 // 100 * Score / MaxScore
	Accuracy  float64
	Classes   []ClassScore // in fncLabels order
	MacroF1   float64
	Confusion [4][4]int // [gold][predicted], in fncLabels order
}

// FNC scores predictions against gold FNC-1 labels: +0.25 for a correct
// related/unrelated decision and +0.75 more for the exact label of a related
// pair, as a percentage of the maximum; per-class and macro F1; confusion.
func FNC(gold, pred []string) (FNCReport, error) {
	if len(gold) != len(pred) {
		return FNCReport{}, fmt.Errorf("fnc: %d gold labels, %d predictions", len(gold), len(pred))
	}
	idx := map[string]int{}
	for i, l := range fncLabels {
		idx[l] = i
	}
	r := FNCReport{N: len(gold)}
	correct := 0
	for i := range gold {
		g, ok := idx[gold[i]]
		if !ok {
			return FNCReport{}, fmt.Errorf("fnc: unknown gold label %q", gold[i])
		}
		p, ok := idx[pred[i]]
		if !ok {
			return FNCReport{}, fmt.Errorf("fnc: unknown predicted label %q", pred[i])
		}
		r.Confusion[g][p]++
		gRel, pRel := g != 3, p != 3
		if gRel {
			r.MaxScore += 1
		} else {
			r.MaxScore += 0.25
		}
		if gRel == pRel {
			r.Score += 0.25
		}
		if gRel && g == p {
			r.Score += 0.75
		}
		if g == p {
			correct++
		}
	}
	if r.MaxScore > 0 {
		r.Percent = 100 * r.Score / r.MaxScore
	}
	if r.N > 0 {
		r.Accuracy = float64(correct) / float64(r.N)
	}
	r.Classes, r.MacroF1 = classScores(fncLabels, r.Confusion[:])
	return r, nil
}

// classScores computes per-class P/R/F1 and their macro-F1 from a square
// confusion matrix given as rows [gold][predicted].
func classScores[R ~[4]int | []int](labels []string, conf []R) ([]ClassScore, float64) {
	var out []ClassScore
	var macro float64
	for c, l := range labels {
		tp := conf[c][c]
		var gold, pred int
		for k := range labels {
			gold += conf[c][k]
			pred += conf[k][c]
		}
		s := ClassScore{Label: l, Support: gold}
		if pred > 0 {
			s.Precision = float64(tp) / float64(pred)
		}
		if gold > 0 {
			s.Recall = float64(tp) / float64(gold)
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		macro += s.F1
		out = append(out, s)
	}
	return out, macro / float64(len(labels))
}

// Print writes the report as text.
func (r FNCReport) Print(w io.Writer) {
	fmt.Fprintf(w, "pairs        %d\n", r.N)
	fmt.Fprintf(w, "FNC score    %.2f%% (%.2f of %.2f)\n", r.Percent, r.Score, r.MaxScore)
	fmt.Fprintf(w, "accuracy     %.4f\n", r.Accuracy)
	fmt.Fprintf(w, "macro-F1     %.4f\n\n", r.MacroF1)
	printClasses(w, r.Classes)
	fmt.Fprintf(w, "\nconfusion (rows gold, columns predicted)\n%-10s", "")
	for _, l := range fncLabels {
		fmt.Fprintf(w, " %9s", l)
	}
	fmt.Fprintln(w)
	for g, l := range fncLabels {
		fmt.Fprintf(w, "%-10s", l)
		for p := range fncLabels {
			fmt.Fprintf(w, " %9d", r.Confusion[g][p])
		}
		fmt.Fprintln(w)
	}
}

func printClasses(w io.Writer, cs []ClassScore) {
	fmt.Fprintf(w, "%-10s %9s %9s %9s %9s\n", "class", "precision", "recall", "F1", "support")
	for _, c := range cs {
		fmt.Fprintf(w, "%-10s %9.4f %9.4f %9.4f %9d\n", c.Label, c.Precision, c.Recall, c.F1, c.Support)
	}
}

// AccuracyReport is a multi-class accuracy with per-class scores.
type AccuracyReport struct {
	N        int
	Accuracy float64
	Classes  []ClassScore
	MacroF1  float64
}

// Accuracy scores predictions against gold labels over the given labels.
func Accuracy(labels, gold, pred []string) (AccuracyReport, error) {
	if len(gold) != len(pred) {
		return AccuracyReport{}, fmt.Errorf("accuracy: %d gold labels, %d predictions", len(gold), len(pred))
	}
	idx := map[string]int{}
	for i, l := range labels {
		idx[l] = i
	}
	conf := make([][]int, len(labels))
	for i := range conf {
		conf[i] = make([]int, len(labels))
	}
	r := AccuracyReport{N: len(gold)}
	correct := 0
	for i := range gold {
		g, ok := idx[gold[i]]
		if !ok {
			return AccuracyReport{}, fmt.Errorf("accuracy: unknown gold label %q", gold[i])
		}
		p, ok := idx[pred[i]]
		if !ok {
			return AccuracyReport{}, fmt.Errorf("accuracy: unknown predicted label %q", pred[i])
		}
		conf[g][p]++
		if g == p {
			correct++
		}
	}
	if r.N > 0 {
		r.Accuracy = float64(correct) / float64(r.N)
	}
	r.Classes, r.MacroF1 = classScores(labels, conf)
	return r, nil
}

// Print writes the report as text.
func (r AccuracyReport) Print(w io.Writer) {
	fmt.Fprintf(w, "pairs        %d\naccuracy     %.2f%%\nmacro-F1     %.4f\n\n", r.N, 100*r.Accuracy, r.MacroF1)
	printClasses(w, r.Classes)
}

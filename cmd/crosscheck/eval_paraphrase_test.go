package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/paraphrase"
)

func TestPrintParaphraseScores(t *testing.T) {
	var buf bytes.Buffer
	printParaphraseScores(&buf, paraphrase.Score([]bool{true, true, false, false}, []bool{true, false, false, true}))
	for _, want := range []string{"pairs 4\n", "accuracy 0.5000\n", "precision 0.5000\n", "recall 0.5000\n", "F1 0.5000\n"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("output %q lacks %q", buf.String(), want)
		}
	}
}

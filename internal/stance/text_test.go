package stance

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	got := sentences("First one. Second? \"Third!\" he said. U.S. officials. e.g. this.\nA line\n\nLast")
	want := []string{"First one.", "Second?", "\"Third!\" he said.", "U.S. officials. e.g. this.", "A line", "Last"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func TestDevSplit(t *testing.T) {
	n := 0
	for id := range 2000 {
		if DevBody(id) {
			n++
		}
	}
	if f := float64(n) / 2000; f < 0.17 || f > 0.23 {
		t.Errorf("dev fraction %.3f, want about 0.2", f)
	}
	train, dev := SplitFNC([]Pair{{BodyID: 1}, {BodyID: 2}, {BodyID: 3}, {BodyID: 4}, {BodyID: 5}, {BodyID: 6}})
	if len(train)+len(dev) != 6 {
		t.Errorf("split lost pairs: %d + %d", len(train), len(dev))
	}
	for _, p := range dev {
		if !DevBody(p.BodyID) {
			t.Errorf("body %d in dev", p.BodyID)
		}
	}
}

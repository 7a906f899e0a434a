package eval

import (
	"math"
	"testing"
)

func TestScorePageType(t *testing.T) {
	gold := []bool{true, true, true, false, false}
	pred := []bool{true, true, false, false, true}
	s := ScorePageType(gold, pred)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if s.Pages != 5 || !near(s.Accuracy, 0.6) {
		t.Errorf("pages %d accuracy %v", s.Pages, s.Accuracy)
	}
	if !near(s.NonArticle.Precision, 0.5) || !near(s.NonArticle.Recall, 0.5) || s.NonArticle.Support != 2 {
		t.Errorf("non-article %+v", s.NonArticle)
	}
	if !near(s.Article.Precision, 2.0/3) || !near(s.Article.Recall, 2.0/3) || s.Article.Support != 3 {
		t.Errorf("article %+v", s.Article)
	}
	if !ArticleLabel("one two three", 3) || ArticleLabel("one two", 3) {
		t.Error("ArticleLabel")
	}
}

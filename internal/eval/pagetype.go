package eval

// ArticleLabel is the page-type benchmark's labelling rule on the
// extraction benchmark's pages: a page whose gold main text has fewer than
// minWords words (as the benchmark counts them, \w runs; the gold text
// includes the title and byline) is not an article.
func ArticleLabel(goldBody string, minWords int) bool {
	return Words(goldBody) >= minWords
}

// PageTypeScore scores the article / non-article decision.
type PageTypeScore struct {
	Pages      int
	Accuracy   float64
	Article    ClassScore // Label "article"
	NonArticle ClassScore // Label "non-article"
}

// ScorePageType scores predicted article decisions (true: article)
// against gold ones.
func ScorePageType(gold, pred []bool) PageTypeScore {
	s := PageTypeScore{Pages: len(gold)}
	var art, non [3]int // gold, predicted, both
	right := 0
	for i, g := range gold {
		p := pred[i]
		if g == p {
			right++
		}
		tally(&art, g, p)
		tally(&non, !g, !p)
	}
	if s.Pages > 0 {
		s.Accuracy = float64(right) / float64(s.Pages)
	}
	s.Article = classScore("article", art)
	s.NonArticle = classScore("non-article", non)
	return s
}

func tally(c *[3]int, gold, pred bool) {
	if gold {
		c[0]++
	}
	if pred {
		c[1]++
	}
	if gold && pred {
		c[2]++
	}
}

func classScore(label string, c [3]int) ClassScore {
	s := ClassScore{Label: label, Support: c[0]}
	if c[1] > 0 {
		s.Precision = float64(c[2]) / float64(c[1])
	}
	if c[0] > 0 {
		s.Recall = float64(c[2]) / float64(c[0])
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Words counts words as the extraction benchmark does (\w runs).
func Words(s string) int { return len(wordRE.FindAllStringIndex(s, -1)) }

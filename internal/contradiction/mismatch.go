package contradiction

import "github.com/crosscheck-news/crosscheck/internal/news"

func (s Stage) mismatches(st *story) []news.Contradiction { return nil }

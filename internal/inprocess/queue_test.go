package inprocess_test

import (
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/inprocess"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/queuetest"
)

func TestConformance(t *testing.T) {
	queuetest.Run(t, func(t *testing.T) news.Queue {
		return inprocess.New(inprocess.Options{MaxDeliver: queuetest.MaxDeliver, RetryDelay: 20 * time.Millisecond})
	})
}

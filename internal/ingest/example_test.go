package ingest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

func ExampleReader_ReadNamed() {
	in := `{"url":"https://example.org/a","source":"Ledger","title":"Strike ends","text":"The strike is over."}
{"url": broken
`
	r := &ingest.Reader{}
	r.ReadNamed(context.Background(), "upload.jsonl", strings.NewReader(in),
		func(d news.Document) error { fmt.Println("article:", d.Source, d.Title); return nil },
		func(f ingest.Failure) { fmt.Println("failed:", strings.SplitN(f.Error(), ":", 3)[:2]) })
	// Output:
	// article: Ledger Strike ends
	// failed: [upload.jsonl 2]
}

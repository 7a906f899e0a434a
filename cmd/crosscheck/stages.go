package main

import (
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
)

// articleStages is the per-article pipeline, in order.
func articleStages() []pipeline.Named {
	return []pipeline.Named{
		{Name: "text", Stage: rawText{}},
		{Name: "metadata", Stage: ingest.Metadata{}},
	}
}

// storyStages is the cross-article pipeline, in order.
func storyStages() []pipeline.NamedStory {
	return nil
}

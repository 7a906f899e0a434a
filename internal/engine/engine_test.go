package engine

import (
	"context"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlite"
)

// openStore opens (or makes) the SQLite store at path, as the embedded
// mode's commands do.
func openStore(ctx context.Context, path string) (news.Store, error) { return sqlite.Open(ctx, path) }

// Every story belongs to exactly one of n rebuilders' shards.
func TestShardsShareStories(t *testing.T) {
	for _, id := range []string{"s-a", "s-b", "s-0123456789abcdef", "s-x-2"} {
		owners := 0
		for k := range 3 {
			if (&Rebuilder{shard: k, shards: 3}).mine(id) {
				owners++
			}
		}
		if owners != 1 {
			t.Errorf("story %s has %d owners among 3 shards", id, owners)
		}
	}
}

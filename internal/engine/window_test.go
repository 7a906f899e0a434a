package engine

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/cluster"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// docsSource emits the documents in order.
func docsSource(docs []news.Document) Source {
	return func(ctx context.Context, emit func(news.Document) error, _ func(ingest.Failure)) error {
		for _, d := range docs {
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}
}

const harbourText = "The Kestrel Bay port authority said on Monday that the northern harbour of Kestrel Bay will close " +
	"for dredging until March. Ferries to Gull Island will use the southern quay while dredgers deepen the channel " +
	"to eleven metres. Harbour master Ilse Varga said the work would cost 14 million crowns."

// windowDocs is a story on the Kestrel Bay harbour in early January 2022,
// then other news every few days until mid-February, past the 30-day window.
func windowDocs() []news.Document {
	day := func(m time.Month, d int) time.Time { return time.Date(2022, m, d, 9, 0, 0, 0, time.UTC) }
	docs := []news.Document{
		{URL: "https://gazette.example/harbour", Source: "Harbour Gazette", Title: "Northern harbour to close for dredging",
			Published: day(1, 10), Text: harbourText},
		{URL: "https://coast.example/harbour", Source: "Coast Daily", Title: "Kestrel Bay harbour closes for dredging",
			Published: day(1, 11), Text: harbourText + " Coast Daily reported the news first."},
	}
	others := [][2]string{
		{"Seagrass meadows recover after trawling ban", "Marine biologists at the Lindqvist Institute reported that seagrass meadows in Otter Sound have grown by a third since bottom trawling was banned. The survey counted juvenile cod in every transect."},
		{"Orlenz to rebuild its tram depot", "The Orlenz city council voted on Tuesday to rebuild the old tram depot as a public library, after a decade of debate over the listed brick halls."},
		{"Frost ruins apricot harvest", "A late frost ruined most of the apricot harvest in the Tamsin valley, growers' cooperative chairman Petr Holub said, the worst loss since 1997."},
		{"Dockers in Port Calla end strike", "Striking dockers in Port Calla reached an agreement with the terminal operator over night shifts, ending a walkout that had idled forty ships."},
		{"Chess prodigy wins national title", "Eleven-year-old Mira Oduya won the national chess championship in Veldhoven, beating the defending champion in a rapid play-off."},
		{"Museum returns bronze heads", "The Altmark Museum returned twelve bronze heads to the Benin Royal Court, ending a restitution dispute that lasted twenty years."},
	}
	for i, o := range others {
		docs = append(docs, news.Document{URL: "https://other.example/" + string(rune('a'+i)), Source: "Daily Other",
			Title: o[0], Text: o[1], Published: day(1, 12).AddDate(0, 0, 7*i)})
	}
	return docs
}

// lateHarbour is a wire copy of the harbour story 41 days after it: past
// the window, within the time decay's reach.
var lateHarbour = news.Document{URL: "https://wire.example/harbour", Source: "Wire", Title: "Kestrel Bay harbour stays closed",
	Published: time.Date(2022, 2, 20, 9, 0, 0, 0, time.UTC),
	Text:      harbourText + " The authority said on Sunday the channel is not yet deep enough."}

// With a window, a story out of it is archived in the store and not held
// in memory, a restart reads the window only (from the snapshot), and an
// article of the archived story brings it back through the store's index.
func TestStoryWindowRestartAndRecall(t *testing.T) {
	defer func(n int) { snapshotMin = n }(snapshotMin)
	snapshotMin = 1
	ctx := t.Context()
	db := filepath.Join(t.TempDir(), "window.db")
	open := func() (*Engine, news.Store) {
		t.Helper()
		store, err := openStore(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		e, err := New(ctx, store, Config{StoryWindow: 30, StoryWindowArticles: 0})
		if err != nil {
			t.Fatal(err)
		}
		return e, store
	}
	e, store := open()
	docs := windowDocs()
	if _, err := e.Run(ctx, docsSource(docs), func(err error) { t.Error(err) }, nil); err != nil {
		t.Fatal(err)
	}
	pairs, err := store.Assignments(ctx)
	if err != nil || len(pairs) != len(docs) {
		t.Fatalf("%d assignments, %v", len(pairs), err)
	}
	harbour := pairs[0][1]
	if pairs[1][1] != harbour {
		t.Fatalf("the two harbour articles are in %s and %s", harbour, pairs[1][1])
	}
	archived, err := store.(news.StoryArchive).ArchivedStories(ctx)
	if err != nil || !slices.Contains(archived, harbour) {
		t.Fatalf("archived stories %v (%v), want %s among them", archived, err, harbour)
	}
	c := e.clusterer.(*cluster.Clusterer)
	if _, held := c.StoryOf(pairs[0][0]); held {
		t.Error("the harbour story is still in memory")
	}
	held, _ := c.Len()
	store.Close()

	// A restart resumes from the snapshot, with the window only.
	e2, store2 := open()
	defer store2.Close()
	c2 := e2.clusterer.(*cluster.Clusterer)
	if e2.snapPlaced == 0 {
		t.Error("the restart did not use the snapshot")
	}
	if n, _ := c2.Len(); n != held || n >= len(docs) {
		t.Errorf("restart holds %d articles, the run held %d of %d", n, held, len(docs))
	}
	if _, in := c2.StoryOf(pairs[0][0]); in {
		t.Error("the restart holds the archived story")
	}

	// The late wire copy joins the archived story, which is active again.
	if _, err := e2.Run(ctx, docsSource([]news.Document{lateHarbour}), func(err error) { t.Error(err) }, nil); err != nil {
		t.Fatal(err)
	}
	pairs, err = store2.Assignments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if last := pairs[len(pairs)-1]; last[1] != harbour {
		t.Errorf("the late harbour article is in %s, want the archived story %s", last[1], harbour)
	}
	archived, err = store2.(news.StoryArchive).ArchivedStories(ctx)
	if err != nil || slices.Contains(archived, harbour) {
		t.Errorf("archived after the harbour story came back: %v, %v", archived, err)
	}
	if ids, _ := store2.StoryArticles(ctx, harbour); len(ids) != 3 {
		t.Errorf("harbour story has %d articles, want 3", len(ids))
	}
}

// Without a window nothing is archived, and stories archived by an earlier
// run with one come back into memory.
func TestNoStoryWindow(t *testing.T) {
	ctx := t.Context()
	db := filepath.Join(t.TempDir(), "nowindow.db")
	store, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(ctx, store, Config{StoryWindow: 30, StoryWindowArticles: 0})
	if err != nil {
		t.Fatal(err)
	}
	docs := windowDocs()
	if _, err := e.Run(ctx, docsSource(docs), func(err error) { t.Error(err) }, nil); err != nil {
		t.Fatal(err)
	}
	store.Close()
	store, err = openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	e, err = New(ctx, store, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := e.clusterer.(*cluster.Clusterer).Len(); n != len(docs) {
		t.Errorf("without a window the restart holds %d articles of %d", n, len(docs))
	}
	if archived, err := store.(news.StoryArchive).ArchivedStories(ctx); err != nil || len(archived) != 0 {
		t.Errorf("archived stories without a window: %v, %v", archived, err)
	}
}

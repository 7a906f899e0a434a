package news

import (
	"slices"
	"testing"
)

func TestOwnWordsAside(t *testing.T) {
	entries := []StanceEntry{
		{ArticleID: "a", Stance: Asserts, Voice: VoiceOutlet},                  // states it…
		{ArticleID: "a", Stance: Debunks, Voice: VoiceOutlet},                  // …to knock it down
		{ArticleID: "a", Stance: Asserts, By: "a blog", Voice: VoiceMedia},     // what it reports stays
		{ArticleID: "b", Stance: Asserts, Voice: VoiceOutlet},                  // states it…
		{ArticleID: "b", Stance: Denies, By: "the mayor", Voice: VoiceNamed},   // …and reports a denial
		{ArticleID: "c", Stance: Asserts, Voice: VoiceOutlet},                  // states it…
		{ArticleID: "c", Stance: Denies, By: "fans", Voice: VoiceFans},         // fans deny nothing
		{ArticleID: "d", Stance: Asserts, Voice: VoiceOutlet},                  // states it…
		{ArticleID: "d", Stance: Denies, By: "model", Voice: VoiceModel},       // the model's reading is no word
		{ArticleID: "e", Stance: Asserts, Voice: VoiceOutlet},                  // states it, and nobody there denies
		{ArticleID: "f", Stance: Denies, By: "Ada Moss", Voice: VoiceNamed},    // a speaker denies it…
		{ArticleID: "f", Stance: Asserts, By: "Ada Moss", Voice: VoiceNamed},   // …and is read to assert it: the denial stands
		{ArticleID: "f", Stance: Asserts, By: "Ivo Brandt", Voice: VoiceNamed}, // another speaker's assertion stays
	}
	var got []string
	for _, e := range OwnWordsAside(entries) {
		got = append(got, e.ArticleID+":"+string(e.Stance)+":"+e.By)
	}
	want := []string{"a:debunks:", "a:asserts:a blog", "b:denies:the mayor", "c:asserts:", "c:denies:fans",
		"d:asserts:", "d:denies:model", "e:asserts:", "f:denies:Ada Moss", "f:asserts:Ivo Brandt"}
	if !slices.Equal(got, want) {
		t.Errorf("OwnWordsAside =\n%v, want\n%v", got, want)
	}
	if len(entries) != 13 || entries[0].Stance != Asserts {
		t.Errorf("the entries given were changed: %+v", entries)
	}
}

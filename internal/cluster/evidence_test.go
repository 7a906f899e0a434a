package cluster

import (
	"fmt"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// blogPosts are posts of one invented blog on unrelated subjects; no two
// share a content word outside the blog's template.
var blogPosts = map[string]string{
	"bread": "Sourdough starters need flour and patience. Feed yours twice daily and keep it warm until it doubles; " +
		"rye ferments faster than wheat. Shape the dough gently, prove it overnight in a cold larder, slash the loaf " +
		"with a razor and bake it inside a lidded cast iron pot for a crackling crust and an open crumb. Leftover starter becomes crumpets, pancakes or crackers seasoned with rosemary.",
	"cycling": "The gravel route climbs past the reservoir before descending into the valley. Tyres forty millimetres " +
		"wide at low pressure make loose stretches safe. Carry two bottles, a spare tube and a pump, because the cafe " +
		"at the summit closes early in winter and the farm tracks beyond the ridge offer no shelter from westerly gales. Lights matter too: dusk arrives before five, and headlamps reveal potholes that daylight hides.",
	"garden": "Tomato seedlings went into greenhouse beds in April. Pinch out side shoots, irrigate at the roots and " +
		"apply potash once the first trusses set. Marigolds planted between rows deter whitefly, and opening vents " +
		"on sunny mornings stops blight spreading through humid foliage in late summer. Ripe fruit keeps longest picked with its calyx attached, stored stem down on newspaper.",
	"chess": "The Sicilian defence answers the king's pawn with a flank pawn. Black concedes the centre for counterplay " +
		"on the queenside and an open c-file. In the Najdorf variation the quiet move a6 prepares b5, and white usually " +
		"castles long before launching kingside pawns against the black monarch in a race of opposite attacks. Grandmasters memorise forcing lines twenty moves deep, yet amateurs gain more studying endgames.",
	"piano": "Scales played slowly with a metronome build evenness. Practise each hand separately, then together, " +
		"raising the tempo by four beats only after three clean repetitions. Pedal sparingly in Bach; Chopin nocturnes " +
		"need it, lifted exactly as the harmony changes. Recording yourself weekly reveals uneven rhythm, rushed runs and clumsy fingering that ears miss mid-performance.",
	"knots": "A bowline makes a fixed loop that will not slip or jam, and unties easily after bearing a load. Sailors " +
		"tie a reef knot to bundle sails, though it capsizes under strain; climbers prefer a figure eight, checked " +
		"by a partner before every ascent. Practise each knot blindfolded until fingers remember it, because storms rarely wait for daylight.",
}

// floodReports are two reports of one invented event.
var floodReports = []string{
	"Flooding closed the Pellworth bridge on Tuesday after the river Aske rose two metres overnight. Engineers said " +
		"the bridge would stay shut until divers inspect its piers, and the county diverted lorries through Hemsby.",
	"The river Aske burst its banks overnight and the Pellworth bridge was shut on Tuesday. County engineers will " +
		"send divers to inspect the piers before the bridge reopens; lorries are diverted through Hemsby.",
}

// filler is unrelated news, so that document frequencies mean something.
func filler() []*news.Article {
	topics := []string{"budget", "parking", "library", "school", "harbour", "hospital", "railway", "museum", "airport", "market"}
	var out []*news.Article
	for i, t := range topics {
		out = append(out, &news.Article{ID: fmt.Sprintf("other-%d", i), URL: fmt.Sprintf("https://news%d.example/%s", i, t),
			Text: fmt.Sprintf("The council voted on the %s plan on Monday, and residents of ward %d will be consulted before work starts in spring.", t, i)})
	}
	return out
}

func sameStory(c *Clusterer, a, b string) bool {
	x, _ := c.StoryOf(a)
	y, _ := c.StoryOf(b)
	return x == y
}

// TestLinkNeedsSharedWords checks repair's least evidence for a story
// merge: posts that share only a sign-off at their end are not merged
// however probable the story-pair model finds it, while two reports of one
// event are. The join threshold is out of reach, so every article starts
// its own story and only the link pass can bring them together; the link
// level is near 0, so the evidence is all that decides.
func TestLinkNeedsSharedWords(t *testing.T) {
	signoff := "\n\nThanks for reading. Subscribe for new posts by email, leave a comment below and share this post with your friends."
	var arts []*news.Article
	for name, text := range blogPosts {
		// each post from its own host: the site-template memory stays out of this
		arts = append(arts, &news.Article{ID: "post-" + name, URL: "https://" + name + ".example/post", Text: text + signoff})
	}
	for i, text := range floodReports {
		arts = append(arts, &news.Article{ID: fmt.Sprintf("event-%d", i), URL: fmt.Sprintf("https://outlet%d.example/flood", i), Text: text})
	}
	arts = append(arts, filler()...)
	run := func(centroid, lead float64) (*Clusterer, int) {
		cfg := DefaultConfig()
		cfg.Threshold, cfg.MergeThreshold = 0.9999, 0.9999
		cfg.LinkProb = 1e-9
		cfg.LinkCentroid, cfg.LinkLead = centroid, lead
		c := New(cfg)
		for _, a := range arts {
			c.Add(a)
		}
		c.Repair()
		together := 0
		for a := range blogPosts {
			for b := range blogPosts {
				if a < b && sameStory(c, "post-"+a, "post-"+b) {
					together++
				}
			}
		}
		return c, together
	}
	def := DefaultConfig()
	c, together := run(def.LinkCentroid, def.LinkLead)
	if together > 0 {
		t.Errorf("%d pairs of posts sharing only a sign-off are one story", together)
	}
	if !sameStory(c, "event-0", "event-1") {
		t.Error("two reports of one flood are two stories")
	}
	if _, together := run(0, 0); together == 0 {
		t.Error("without the least evidence no posts merged: the test no longer shows the rule")
	}
}

// TestSiteTemplateIsNotEvidence checks the site-template memory: posts of
// one blog whose extracted text kept the blog's name as the title, its
// tagline and its sign-off do not become one story once the template has
// been seen, while the same posts from different sites (where those lines
// are shared words like any other) still would.
func TestSiteTemplateIsNotEvidence(t *testing.T) {
	head := "Harbour Lane Journal\nNotes on whatever caught my eye this week, by Odile Marchetti.\n\n"
	tail := "\n\nThanks for reading the Harbour Lane Journal.\nSubscribe for new posts by email.\nLeave a comment below."
	names := []string{"bread", "cycling", "garden", "chess", "piano", "knots"}
	build := func(sameHost bool) *Clusterer {
		c := New(DefaultConfig())
		for _, a := range filler() {
			c.Add(a)
		}
		for i, name := range names {
			host := "harbourlane.example"
			if !sameHost {
				host = fmt.Sprintf("mirror%d.example", i)
			}
			c.Add(&news.Article{ID: "post-" + name, URL: "https://" + host + "/" + name, Title: "Harbour Lane Journal",
				Text: head + blogPosts[name] + tail})
		}
		c.Repair()
		return c
	}
	together := func(c *Clusterer) int {
		n := 0
		for i, a := range names {
			for _, b := range names[i+1:] {
				// the first two posts define the template: from the third on,
				// no post may be with another
				if (i >= 2 || slicesIndex(names, b) >= 2) && sameStory(c, "post-"+a, "post-"+b) {
					n++
				}
			}
		}
		return n
	}
	if n := together(build(true)); n > 0 {
		t.Errorf("%d pairs of one blog's posts on unrelated subjects, sharing only its template, are one story", n)
	}
	if n := together(build(false)); n == 0 {
		t.Error("the posts from different sites were not joined either: the test no longer shows the template rule")
	}
}

func slicesIndex(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

package claim

import "regexp"

// Predicates and the words that signal them. A relation needs two people:
// named in the sentence, or referred to as a pair ("they", "the duo").
var relations = []struct {
	predicate string
	trigger   *regexp.Regexp
	keys      []string // one of them occurs (lower-cased) wherever the trigger matches
}{
	{"married", regexp.MustCompile(`(?i)\b(married|engaged|wedding|tied the knot|husband|wife|fianc[eé]e?)\b`),
		[]string{"marri", "engag", "wedding", "knot", "husband", "wife", "fianc"}},
	{"dating", regexp.MustCompile(`(?i)\b(dating|romance|romantic(?:ally)?|relationship|the couple|boyfriend|girlfriend|an item|seeing each other|hooking up|shipp(?:ing|ed)|be(?:ing)? together|went on a date|on a date)\b`),
		[]string{"dating", "romanc", "romantic", "relationship", "couple", "boyfriend", "girlfriend", "item", "seeing",
			"hooking", "shipp", "together", "date"}},
	{"met", regexp.MustCompile(`(?i)\b(met|meet|acquainted|introduced|(?:seen|pictured|photographed|spotted|snapped|sitting|sat|posed|posing) (?:together|side by side)|(?:take|took|taking) (?:a )?(?:photo|picture|selfie)s? together|coz(?:y|ied|ying) up|cos(?:y|ied|ying) up)\b`),
		[]string{"met", "meet", "acquainted", "introduced", "together", "side by side", "coz", "cos"}},
	{"split", regexp.MustCompile(`(?i)\b(split|broke up|break-?up|separated|divorc\w*|parted ways|(?:her|his|their) ex\b|(?-i:\bex,? [A-Z])|ex-(?:boyfriend|girlfriend|husband|wife|partner|fianc[eé]e?))`),
		[]string{"split", "broke up", "break", "separated", "divorc", "parted", " ex", "ex-"}},
}

var (
	// noComment: a source says the people involved have not spoken.
	noComment = regexp.MustCompile(`(?i)\b(neither|nor|not|no|yet to|declined to|did ?n[o']t)\b[^.]{0,60}\b(comment\w*|spoken out|speak out|respond\w*|address\w*|confirm(?:ed)? n?or den(?:y|ied))\b`)
	pastTie   = regexp.MustCompile(`(?i)(\bex-?|\bformer |\bprevious )\s*$`)
	// partnerWord: a trigger naming a partner; "ex-" or "former" before it
	// says the two have split.
	partnerWord = regexp.MustCompile(`(?i)^(boyfriend|girlfriend|husband|wife|fianc[eé]e?|partner)$`)
	// firstMeeting: "had never met before", "for the first time": a first
	// meeting, not a denial.
	firstMeeting = regexp.MustCompile(`(?i)\bnever (?:had )?met\b[^.]{0,40}\bbefore\b|\bfor the first time\b`)
	// otherPerson points at a second person without naming them.
	otherPerson = regexp.MustCompile(`(?i)\b(him|with her|and her|between her|each other|one another)\b`)
	// weakTrigger words name a romance only in a romantic context: "their
	// relationship" may be a business one.
	weakTrigger    = map[string]bool{"relationship": true, "be together": true, "being together": true}
	romanceContext = regexp.MustCompile(`(?i)\b(dat(?:e|ing)|romanc\w*|romantic\w*|rumou?r\w*|couple|boyfriend|girlfriend|lovers?|in love|kiss\w*|fling|flirt\w*|engaged|single|ship\w*|sweetheart|split)\b`)
	// pairWords refer to the two people a story is about.
	pairWords = regexp.MustCompile(`(?i)\b(they|them|the pair|the duo|the two|the couple|both|neither|each other|their)\b`)
	negation  = regexp.MustCompile(`(?i)\b(not|no|never|nothing|neither|nor|denie[sd]|deny(?:ing)?|shut down|dismiss\w*|debunk\w*|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|haven't|hasn't|no longer|single)\b|n't\b`)
	// openQuestion: the text says the matter is unsettled.
	openQuestion = regexp.MustCompile(`(?i)\b(not (?:been )?confirmed (?:if|whether)|unclear (?:if|whether)|remains? (?:unknown|unclear|to be seen)|or not\b|whether)`)
	hedges       = regexp.MustCompile(`(?i)\b(rumou?rs?|rumou?red|reportedly|allegedly|speculat\w*|sparked|buzz|gossip|fans?|netizens|twitterati|the internet|social media|hop(?:e|es|eful|ing)|manifest\w*|shipp\w*|linked|apparently|seemingly|appear(?:s|ed)? to|might|may|could|would)\b`)
	fanWords     = regexp.MustCompile(`(?i)\b(fans?|netizens|twitterati|users?|viewers|followers|the internet|commenters)\b`)
	// roleSpeaker opens a sentence reporting what a role speaks for someone.
	roleSpeaker   = regexp.MustCompile(`(?i)\b(an?|the|another|one)?\s*(reps?|representatives?|spokes(?:person|man|woman)|publicists?|sources?|insiders?|friends?|pals?|lawyers?|attorneys?|managers?|agents?)\b([^.;]{0,80}?)\b(told|tells|confirmed|confirms|said|says|denied|denies|insisted|insists|added|explained|claimed|claims|revealed|shared)\b`)
	cueAfterName  = regexp.MustCompile(`(?i)^[\s,]*(?:has |had |have )?(?:also |later |previously |recently )?(told|tells|confirmed|confirms|said|says|denied|denies|insisted|insists|revealed|claimed|claims|explained|wrote|posted|shared)\b`)
	authorityRole = map[string]bool{"rep": true, "reps": true, "representative": true, "representatives": true,
		"spokesperson": true, "spokesman": true, "spokeswoman": true, "publicist": true, "publicists": true,
		"lawyer": true, "lawyers": true, "attorney": true, "attorneys": true, "manager": true, "managers": true,
		"agent": true, "agents": true}
)

// roleName normalises a role word.
func roleName(w string) string {
	switch w {
	case "rep", "reps", "representatives", "representative":
		return "representative"
	case "sources":
		return "source"
	case "insiders":
		return "insider"
	case "friends", "pals", "pal":
		return "friend"
	case "publicists":
		return "publicist"
	case "spokesman", "spokeswoman":
		return "spokesperson"
	case "lawyers", "attorney", "attorneys":
		return "lawyer"
	case "managers":
		return "manager"
	case "agents":
		return "agent"
	}
	return w
}

package quote

// cueVerbs are the verbs (and verb forms) that introduce speech. The value
// tells whether the form is a participle ("saying"), whose subject is the
// clause's subject rather than the nearest noun.
var cueVerbs = map[string]bool{}

func init() {
	for _, w := range []string{
		"say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "ask", "asks", "asked",
		"continue", "continues", "continued", "explain", "explains", "explained", "write", "writes", "wrote",
		"note", "notes", "noted", "state", "states", "stated", "declare", "declares", "declared",
		"argue", "argues", "argued", "insist", "insists", "insisted", "claim", "claims", "claimed",
		"reply", "replies", "replied", "respond", "responds", "responded", "recall", "recalls", "recalled",
		"conclude", "concludes", "concluded", "warn", "warns", "warned", "acknowledge", "acknowledges", "acknowledged",
		"admit", "admits", "admitted", "announce", "announces", "announced", "tweet", "tweets", "tweeted",
		"post", "posts", "posted", "joke", "jokes", "joked", "quip", "quips", "quipped", "gush", "gushes", "gushed",
		"reveal", "reveals", "revealed", "echo", "echoes", "echoed", "remark", "remarks", "remarked",
		"exclaim", "exclaims", "exclaimed", "caution", "cautions", "cautioned", "suggest", "suggests", "suggested",
		"predict", "predicts", "predicted", "complain", "complains", "complained", "concede", "concedes", "conceded",
		"observe", "observes", "observed", "shout", "shouts", "shouted", "yell", "yells", "yelled",
		"chant", "chants", "chanted", "read", "reads", "muse", "mused", "boast", "boasts", "boasted",
		"wonder", "wonders", "wondered", "emphasize", "emphasized", "stress", "stresses", "stressed",
		"urge", "urges", "urged", "promise", "promises", "promised", "vow", "vows", "vowed", "testify", "testified",
		"confirm", "confirms", "confirmed", "deny", "denies", "denied", "laugh", "laughed", "sigh", "sighed",
		"opine", "opined", "counter", "counters", "countered", "retort", "retorted", "blast", "blasted",
		"charge", "charged", "contend", "contends", "contended", "maintain", "maintains", "maintained",
		"assert", "asserts", "asserted", "allege", "alleged", "alleges", "describe", "described", "describes",
		"call", "calls", "called", "put", "goes", "went", "recount", "recounted", "share", "shares", "shared",
		"captioned", "caption", "report", "reports", "reported", "mock", "mocked", "tease", "teased", "scoff", "scoffed",
		"whisper", "whispered", "cry", "cried", "demand", "demanded", "thunder", "thundered", "snap", "snapped",
		"agree", "agreed", "disagree", "disagreed", "proclaim", "proclaimed", "elaborate", "elaborated",
		"begin", "began", "think", "thought", "believe", "believes", "believed", "worry", "worried", "hope", "hoped",
		"repeat", "repeated", "acknowledging", "tells", "sang", "sing", "pleaded", "begged", "interrupted",
		"clarified", "clarify", "emailed", "texted", "posits", "posited", "summed", "reiterated", "chimed",
		"answer", "answers", "answered", "interject", "interjects", "interjected", "assure", "assures", "assured",
		"barked", "pointed", "points", "commented", "replies", "retorts", "fired", "wrote", "gushes", "raved",
		"raves", "pleads", "begs", "quizzed", "joked", "scolded", "lamented", "laments", "fumed", "fumes",
		"retaliated", "pressed", "vented", "begins", "opined", "conceded", "surmised", "griped", "grumbled",
	} {
		cueVerbs[w] = false
	}
	for _, w := range []string{"saying", "telling", "adding", "writing", "noting", "explaining", "asking",
		"arguing", "insisting", "declaring", "stating", "calling", "warning", "tweeting", "posting", "captioning",
		"joking", "quipping", "responding", "replying", "claiming", "recalling", "describing", "admitting",
		"sharing", "announcing", "urging", "concluding", "continuing", "revealing", "proclaiming", "according",
		"chanting", "answering", "pointing", "commenting", "remarking", "assuring", "gushing"} {
		cueVerbs[w] = true
	}
}

// pronouns that can be speakers.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "you": true, "it": false}

// roleNouns are the heads of role speakers: someone speaking for others or
// known only by a role. The value is the role's canonical name.
var roleNouns = map[string]string{
	"rep": "representative", "reps": "representative", "representative": "representative", "representatives": "representative",
	"spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokespeople": "spokesperson",
	"publicist": "publicist", "source": "source", "sources": "source", "insider": "insider", "insiders": "insider",
	"friend": "friend", "friends": "friend", "pal": "friend", "user": "fan", "users": "fan",
	"fan": "fan", "fans": "fan", "follower": "fan", "followers": "fan", "commenter": "fan", "commenters": "fan",
	"official": "official", "officials": "official", "aide": "aide", "aides": "aide", "attorney": "lawyer", "lawyer": "lawyer",
	"lawyers": "lawyer", "attorneys": "lawyer", "statement": "statement", "report": "report", "witness": "witness",
	"eyewitness": "witness", "observer": "observer", "observers": "observer", "expert": "expert", "experts": "expert",
	"analyst": "analyst", "analysts": "analyst", "pollster": "pollster", "critic": "critic", "critics": "critic",
	"supporter": "supporter", "supporters": "supporter", "voter": "voter", "voters": "voter", "resident": "resident",
	"residents": "resident", "manager": "manager", "agent": "agent", "family": "family", "campaign": "campaign",
	"judge": "judge", "newspaper": "newspaper", "paper": "newspaper", "email": "email", "letter": "letter",
	"memo": "memo", "headline": "headline", "ad": "ad", "website": "website", "post": "post", "tweet": "tweet",
	"caption": "caption", "editorial": "editorial", "article": "article", "study": "study", "poll": "poll",
	"survey": "survey", "group": "group", "organization": "organization", "committee": "committee", "office": "office",
	"company": "company", "network": "network", "president": "president", "candidate": "candidate", "senator": "senator",
	"governor": "governor", "mayor": "mayor", "director": "director", "chairman": "chairman", "leader": "leader",
	"member": "member", "members": "member", "people": "people", "person": "person", "woman": "woman", "man": "man",
	"protester": "protester", "protesters": "protester", "activist": "activist", "activists": "activist",
	"economist": "economist", "professor": "professor", "adviser": "adviser", "advisor": "adviser", "strategist": "strategist",
	"staffer": "staffer", "staffers": "staffer", "reporter": "reporter", "reporters": "reporter", "host": "host",
	"anchor": "anchor", "writer": "writer", "author": "author", "doctor": "doctor", "police": "police", "officer": "officer",
	"officers": "officer", "prosecutors": "prosecutor", "prosecutor": "prosecutor", "democrats": "democrats",
	"republicans": "republicans", "administration": "administration", "department": "department", "agency": "agency",
	"spokesmen": "spokesperson", "actor": "actor", "actress": "actress", "star": "star", "singer": "singer", "mom": "mother",
	"mother": "mother", "father": "father", "dad": "father", "sister": "sister", "brother": "brother", "daughter": "daughter",
	"son": "son", "wife": "wife", "husband": "husband", "boyfriend": "boyfriend", "girlfriend": "girlfriend",
	"teammate": "teammate", "coach": "coach", "neighbor": "neighbor", "neighbour": "neighbour", "someone": "person",
	"owner": "owner", "founder": "founder", "ceo": "executive", "executive": "executive", "narrator": "narrator",
}

// speaksFor marks the roles that speak on someone's behalf, so that their
// For is worth resolving.
var speaksFor = map[string]bool{"representative": true, "spokesperson": true, "publicist": true, "source": true,
	"insider": true, "friend": true, "lawyer": true, "aide": true, "manager": true, "agent": true, "family": true,
	"campaign": true, "fan": true, "office": true}

// determiners that start a role noun phrase.
var determiners = map[string]bool{"a": true, "an": true, "the": true, "one": true, "another": true, "some": true,
	"two": true, "three": true, "many": true, "several": true, "his": true, "her": true, "their": true, "its": true,
	"other": true, "this": true, "that": true, "these": true, "those": true, "most": true, "multiple": true, "numerous": true}

// capStop are capitalised words that do not start a name.
var capStop = map[string]bool{"Yesterday": true, "Today": true, "Tonight": true, "I've": true, "I’ve": true,
	"I'm": true, "I’m": true, "I'd": true, "I’d": true, "I'll": true, "I’ll": true, "The": true, "A": true, "An": true, "But": true, "And": true, "Or": true, "In": true,
	"On": true, "At": true, "As": true, "For": true, "If": true, "When": true, "While": true, "After": true,
	"Before": true, "Since": true, "So": true, "Yet": true, "It": true, "He": true, "She": true, "They": true,
	"We": true, "I": true, "You": true, "This": true, "That": true, "These": true, "Those": true, "His": true,
	"Her": true, "Their": true, "Its": true, "Our": true, "My": true, "Your": true, "There": true, "Here": true,
	"What": true, "Who": true, "Why": true, "How": true, "Where": true, "Then": true, "Now": true, "Still": true,
	"Also": true, "Meanwhile": true, "However": true, "Thus": true, "Hence": true, "Therefore": true,
	"Moreover": true, "Furthermore": true, "Indeed": true, "Instead": true, "Nevertheless": true, "Nonetheless": true, "Later": true, "Earlier": true, "According": true,
	"One": true, "Another": true, "Some": true, "Speaking": true, "Asked": true, "Mr": true, "Yes": true, "No": true,
	"Not": true, "Even": true, "Just": true, "Only": true, "Though": true, "Although": true, "Because": true,
	"With": true, "Without": true, "From": true, "To": true, "By": true, "Of": true, "Last": true, "Next": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true, "Related": true, "Both": true, "All": true, "Many": true, "Most": true, "Every": true, "Each": true, "Neither": true, "Either": true,
	"Twitter": true, "Instagram": true, "Facebook": true, "TikTok": true, "Netflix": true, "YouTube": true,
	// prepositions and conjunctions that open a sentence
	"Within": true, "Upon": true, "Across": true, "Along": true, "Amid": true, "Among": true, "Around": true,
	"Behind": true, "Beyond": true, "Despite": true, "Inside": true, "Outside": true, "Toward": true, "Towards": true,
	"Throughout": true, "Unlike": true, "During": true, "Until": true, "Under": true, "Over": true, "Through": true,
	"Against": true, "Between": true, "About": true, "Into": true, "Once": true, "Whether": true, "Unless": true,
}

// honorifics may precede a name and belong to it.
var honorifics = map[string]bool{"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Sen.": true, "Rep.": true,
	"Gov.": true, "Gen.": true, "Pres.": true, "Prof.": true, "Lt.": true, "Col.": true, "Sgt.": true, "Rev.": true,
	"Det.": true, "Insp.": true, "Supt.": true, "Capt.": true, "Cmdr.": true, "Adm.": true, "Maj.": true, "Brig.": true,
	"Cpl.": true, "Pvt.": true, "Atty.": true, "Amb.": true, "Cllr.": true,
	"Mayor": true, "Senator": true, "President": true, "Governor": true, "Judge": true, "Secretary": true,
	"Speaker": true, "Chairman": true, "Congressman": true, "Congresswoman": true}

// media words: "in an Instagram post", "during an interview with Decider".
var mediumNouns = map[string]bool{"post": true, "statement": true, "interview": true, "tweet": true, "video": true,
	"caption": true, "op-ed": true, "email": true, "letter": true, "podcast": true, "episode": true, "story": true,
	"stories": true, "memo": true, "speech": true, "appearance": true, "press": true, "conference": true,
	"essay": true, "column": true, "blog": true, "message": true, "broadcast": true, "rally": true, "debate": true,
	"radio": true, "show": true, "livestream": true, "clip": true, "note": true, "release": true, "call": true}

// platforms: "on Twitter".
var platforms = map[string]bool{"Twitter": true, "Instagram": true, "TikTok": true, "Facebook": true, "X": true,
	"YouTube": true, "Snapchat": true, "Threads": true, "Reddit": true, "CNN": true, "Fox": true, "MSNBC": true,
	"Truth": true, "Weibo": true, "LinkedIn": true}

var months = map[string]bool{"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan.": true, "Feb.": true, "Aug.": true, "Sept.": true, "Sep.": true, "Oct.": true, "Nov.": true, "Dec.": true}

var weekdays = map[string]bool{"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true}

// notPersonWords mark capitalised sequences that name places, bodies and
// events rather than people.
var notPersonWords = map[string]bool{"Week": true, "Festival": true, "House": true, "Post": true, "News": true,
	"Times": true, "Party": true, "Street": true, "University": true, "Department": true, "Committee": true,
	"Company": true, "Inc.": true, "Network": true, "Show": true, "Awards": true, "Film": true, "Fashion": true,
	"Journal": true, "Court": true, "Congress": true, "Senate": true, "Council": true, "Center": true, "Centre": true,
	"Institute": true, "Foundation": true, "Association": true, "Office": true, "Agency": true, "Bureau": true,
	"City": true, "County": true, "State": true, "States": true, "Republic": true, "Kingdom": true, "Union": true,
	"Church": true, "School": true, "College": true, "Club": true, "Group": true, "Bank": true, "Corp.": true,
	"Airport": true, "Hotel": true, "Hall": true, "Park": true, "Island": true, "Islands": true, "River": true,
	"Day": true, "Days": true, "Games": true, "Cup": true, "League": true, "Magazine": true, "Press": true,
	"Radio": true, "TV": true, "Channel": true, "Studios": true, "Records": true, "Pictures": true, "Media": true,
	"Democrats": true, "Republicans": true, "Democratic": true, "Republican": true, "Administration": true,
	"Campaign": true, "Commission": true, "Service": true, "Services": true, "Force": true, "Army": true,
	"Navy": true, "Police": true, "Ministry": true, "Board": true, "Fund": true, "Trust": true, "Project": true,
	"Stories": true, "Twitter": true, "Instagram": true, "Netflix": true, "America": true, "American": true,
	"Americans": true, "Act": true, "Law": true, "Amendment": true, "Reform": true, "Care": true, "Security": true,
	"Week's": true, "Road": true, "Avenue": true, "Square": true, "Building": true, "Tower": true,
}

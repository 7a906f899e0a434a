package entity

import "strings"

// Gender of a person as the text tells it.
const (
	male   = "male"
	female = "female"
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// pronounGender maps third-person singular pronouns to a gender.
var pronounGender = map[string]string{
	"he": male, "him": male, "his": male, "himself": male, "he's": male, "he'd": male, "he'll": male,
	"she": female, "her": female, "hers": female, "herself": female, "she's": female, "she'd": female, "she'll": female,
}

// honorifics are titles before a name; gendered ones tell the gender.
var honorifics = map[string]string{
	"mr": male, "mister": male, "sir": male, "lord": male, "king": male, "prince": male, "duke": male,
	"mrs": female, "ms": female, "miss": female, "madam": female, "lady": female, "dame": female,
	"queen": female, "princess": female, "duchess": female,
	"dr": "", "prof": "", "professor": "", "rev": "", "sen": "", "senator": "", "rep": "",
	"gov": "", "governor": "", "president": "", "judge": "", "coach": "", "st": "",
	// religious and military titles
	"sheikh": male, "sheik": male, "shaikh": male, "imam": male, "ayatollah": male, "cardinal": male,
	"rabbi": "", "pastor": "", "bishop": "", "archbishop": "", "gen": "", "general": "", "col": "",
	"colonel": "", "maj": "", "capt": "", "captain": "", "lt": "", "sgt": "", "cmdr": "", "adm": "", "admiral": "",
	// ranks of soldiers and police officers
	"corporal": "", "corp": "", "corpl": "", "cpl": "", "sergeant": "", "pvt": "", "lieutenant": "",
	"brigadier": "", "commander": "", "marshal": "", "det": "", "detective": "", "inspector": "",
	"constable": "", "sheriff": "",
}

// kinship words name a family or relationship tie, with the gender of the
// related person when the word tells it. The key is the folded word; the
// relation name is the canonical form used in "relation:NAME" attributes.
var kinship = map[string]struct{ rel, gender string }{
	"sister": {"sister", female}, "sis": {"sister", female}, "brother": {"brother", male},
	"half-sister": {"sister", female}, "half-brother": {"brother", male},
	"mother": {"mother", female}, "mom": {"mother", female}, "mum": {"mother", female}, "mama": {"mother", female}, "momager": {"mother", female},
	"father": {"father", male}, "dad": {"father", male}, "daddy": {"father", male},
	"daughter": {"daughter", female}, "son": {"son", male},
	"wife": {"wife", female}, "husband": {"husband", male}, "spouse": {"spouse", ""},
	"ex-wife": {"ex-wife", female}, "ex-husband": {"ex-husband", male},
	"girlfriend": {"girlfriend", female}, "boyfriend": {"boyfriend", male}, "partner": {"partner", ""},
	"ex-girlfriend": {"ex-girlfriend", female}, "ex-boyfriend": {"ex-boyfriend", male}, "ex-partner": {"ex", ""}, "ex": {"ex", ""},
	"fiance": {"fiance", male}, "fiancee": {"fiancee", female},
	"niece": {"niece", female}, "nephew": {"nephew", male}, "aunt": {"aunt", female}, "uncle": {"uncle", male},
	"cousin": {"cousin", ""}, "grandmother": {"grandmother", female}, "grandfather": {"grandfather", male},
	"grandma": {"grandmother", female}, "grandpa": {"grandfather", male},
	"granddaughter": {"granddaughter", female}, "grandson": {"grandson", male},
	"stepdaughter": {"stepdaughter", female}, "stepson": {"stepson", male},
	"stepmother": {"stepmother", female}, "stepfather": {"stepfather", male},
	"child": {"child", ""}, "baby": {"child", ""}, "twin": {"twin", ""},
}

// roles are nouns that describe what a person is or does. occupation is
// false for evaluative nouns ("heartthrob") that describe without naming a
// job. gender is set for gendered nouns.
var roles = map[string]struct {
	occupation bool
	gender     string
}{
	"actor": {true, male}, "actress": {true, female}, "star": {true, ""}, "singer": {true, ""},
	"rapper": {true, ""}, "musician": {true, ""}, "songwriter": {true, ""}, "player": {true, ""},
	"founder": {true, ""}, "co-founder": {true, ""}, "cofounder": {true, ""}, "designer": {true, ""},
	"model": {true, ""}, "socialite": {true, ""}, "personality": {true, ""}, "director": {true, ""},
	"producer": {true, ""}, "writer": {true, ""}, "author": {true, ""}, "novelist": {true, ""},
	"politician": {true, ""}, "ceo": {true, ""}, "chef": {true, ""}, "athlete": {true, ""},
	"footballer": {true, ""}, "influencer": {true, ""}, "entrepreneur": {true, ""},
	"businessman": {true, male}, "businesswoman": {true, female}, "mogul": {true, ""},
	"comedian": {true, ""}, "host": {true, ""}, "presenter": {true, ""}, "journalist": {true, ""},
	"reporter": {true, ""}, "spokesman": {true, male}, "spokeswoman": {true, female}, "spokesperson": {true, ""},
	"lawyer": {true, ""}, "attorney": {true, ""}, "investor": {true, ""}, "boxer": {true, ""},
	"dancer": {true, ""}, "photographer": {true, ""}, "filmmaker": {true, ""}, "quarterback": {true, ""},
	"striker": {true, ""}, "coach": {true, ""}, "manager": {true, ""}, "executive": {true, ""},
	"chairman": {true, male}, "chairwoman": {true, female}, "senator": {true, ""}, "minister": {true, ""},
	"cyclist": {true, ""}, "swimmer": {true, ""}, "runner": {true, ""}, "golfer": {true, ""}, "skater": {true, ""},
	"painter": {true, ""}, "sculptor": {true, ""}, "architect": {true, ""}, "scientist": {true, ""},
	"youtuber": {true, ""}, "tiktoker": {true, ""}, "icon": {false, ""}, "legend": {false, ""},
	"heartthrob": {false, ""}, "hunk": {false, male}, "beauty": {false, female}, "alum": {false, ""},
	"alumna": {false, female}, "alumnus": {false, male}, "celebrity": {false, ""}, "mogul's": {false, ""},
}

// jobNouns are occupations of everyday news that name a person's job only
// right before the name ("nurse Liu Tianlun", "Canalys analyst Daniel
// Matte"), never as a description to resolve ("the doctor on duty" is no
// one named): they stay out of roles, which the resolver also reads.
var jobNouns = set(`nurse doctor surgeon paramedic pilot soldier firefighter farmer engineer analyst economist
activist lawmaker prosecutor diplomat researcher historian cleric banker`)

// roleStop are the function words that end a role phrase going left:
// determiners, prepositions, conjunctions, pronouns, auxiliaries and the
// adverbs that open or join clauses ("in limbo after writer Aaron Sorkin",
// "though director David Fincher").
var roleStop = set(`the a an and or but nor of in on at to for with by from as that this these those who which
her his their its our my your is was are were be been has have had said says told not no
about after before since until while when whereas though although because if than so also even then now just
only once into onto over under upon between against during without within through via per like including
whose where what whom whether it he she they we you i me him them us what's it's he's she's
will would can could may might must shall should do does did neither either nor both another`)

// roleVerbs are verbs that take a person's role as their object ("to play
// Apple co-founder Steve Wozniak"): they end a role phrase going left.
var roleVerbs = set(`play plays played playing portray portrays portrayed portraying meet meets met meeting
join joins joined joining replace replaces replaced replacing hire hires hired hiring call calls called calling
dubbed name names naming succeed succeeds succeeded succeeding interview interviews interviewed thank thanks
thanked praise praises praised blame blames blamed`)

// nationalities are demonyms that give a nationality when they modify a
// person ("Italian actor").
var nationalities = set(`afghan albanian algerian american angolan argentine argentinian armenian australian austrian
azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian
cameroonian canadian chilean chinese colombian congolese croatian cuban cypriot czech danish dominican dutch ecuadorian
egyptian emirati english estonian ethiopian fijian filipino finnish french georgian german ghanaian greek guatemalan
haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican japanese
jordanian kazakh kenyan korean kosovar kuwaiti latvian lebanese liberian libyan lithuanian luxembourgish malaysian
maltese mexican moldovan mongolian montenegrin moroccan nepali nepalese nigerian norwegian pakistani palestinian
panamanian paraguayan persian peruvian polish portuguese puerto qatari romanian russian rwandan saudi scottish senegalese
serbian singaporean slovak slovenian somali spanish sri sudanese swedish swiss syrian taiwanese thai tunisian turkish
ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean`)

// Belonging tells whether a word says where or what someone belongs to
// ("Algerian", "Kurdish", "Islamist"): an adjective, never a speaker or a
// name of its own.
func Belonging(word string) bool {
	w := strings.ToLower(word)
	return nationalities[w] || belongings[w]
}

// belongings are adjectives of belonging that are not nationalities.
var belongings = set(`arab arabic islamic islamist jihadist muslim christian jewish catholic protestant kurdish
shiite shia sunni european african asian western eastern latin hispanic`)

// numberWords are spelled-out numbers up to nineteen and the tens.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1,
}

// parseNumber reads "31", "four", "thirty-one" or "thirty one"; ok is false
// for anything else.
func parseNumber(s string) (int, bool) {
	s = Fold(s)
	if s == "" {
		return 0, false
	}
	n := 0
	digits := true
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			digits = false
			break
		}
		n = n*10 + int(s[i]-'0')
		if n > 1000 {
			return 0, false
		}
	}
	if digits {
		return n, true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == ' ' })
	switch len(parts) {
	case 1:
		v, ok := numberWords[parts[0]]
		return v, ok && parts[0] != "a"
	case 2:
		t, ok1 := numberWords[parts[0]]
		u, ok2 := numberWords[parts[1]]
		if ok1 && ok2 && t >= 20 && t%10 == 0 && u < 10 && u > 0 {
			return t + u, true
		}
	}
	return 0, false
}

// GivenGender is the gender a common given name tells ("male", "female"),
// or "" when it tells none; name is one word, in any case.
func GivenGender(name string) string { return givenNames[Fold(name)] }

// TitleGender is the gender a title before a name tells ("Queen", "Pope",
// "Mrs."): "male", "female", or "" when it tells none or is no title.
func TitleGender(word string) string {
	w := strings.ToLower(strings.TrimSuffix(word, "."))
	if g, ok := honorifics[w]; ok {
		return g
	}
	return offices[w]
}

// IsTitle tells whether a word standing before a name is a title, an
// office or a role ("Professor", "Rep.", "Pope", "spokesman"), in any case.
func IsTitle(word string) bool {
	w := strings.ToLower(strings.TrimSuffix(word, "."))
	return isTitle(w) || isOffice(w)
}

// offices are titles of one office holder that stand before a name and
// stay part of it ("Pope Francis", "Mayor Bill de Blasio"), with the
// gender they tell.
var offices = map[string]string{"pope": male, "mayor": "", "chancellor": "", "premier": "", "minister": "",
	"emperor": male, "empress": female, "tsar": male, "sultan": male, "emir": male, "pharaoh": male}

// genderedNouns are common nouns that tell a person's gender.
var genderedNouns = map[string]string{"man": male, "woman": female, "boy": male, "girl": female, "nun": female,
	"monk": male, "priest": male, "lady": female, "gentleman": male, "widow": female, "widower": male,
	"bride": female, "groom": male, "mum": female, "dad": male, "grandmother": female, "grandfather": male,
	"schoolgirl": female, "schoolboy": male, "waitress": female, "waiter": male, "heiress": female, "heir": male}

// NounGender is the gender a common noun heading a phrase that names a
// person tells ("the nun", "the woman", "the actress", "his mother"):
// "male", "female", or "".
func NounGender(word string) string {
	w := strings.ToLower(word)
	if g, ok := genderedNouns[w]; ok {
		return g
	}
	if k, ok := kinship[w]; ok {
		return k.gender
	}
	if r, ok := roles[w]; ok {
		return r.gender
	}
	return TitleGender(w)
}

// isOffice tells whether low (lower case) is one of the offices.
func isOffice(low string) bool { _, ok := offices[low]; return ok }

// givenNames are common given names whose gender is rarely ambiguous in
// English-language news. Names used for both genders are left out.
var givenNames = func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields(`james john robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter
noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse bryan billy
joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
philip louis harry liam oliver lucas leonardo marco luca giovanni francesco alessandro matteo lorenzo antonio giuseppe
pierre jean jacques hans klaus carlos miguel pedro diego javier ahmed mohammed mohamed ali omar ivan dmitri sergei
vladimir kanye tristan travis drake justin brad tom leonardo hugh ben elon jeff bill barack joe`) {
		m[w] = male
	}
	for _, w := range strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon
laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra
rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren
joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean
alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany
natalie isabella charlotte rose alexis kayla khloe khloé kourtney kris kylie kendall rihanna beyonce selena
ariana adele oprah hillary meghan kate camilla giulia francesca chiara sofia valentina elena alessandra isabelle sophie
claire chloe zoe lily mia ava ella scarlett penelope nina paula carmen lucia ana fatima aisha priya anastasia natasha
svetlana blanka agnieszka katarzyna`) {
		m[w] = female
	}
	return m
}()

// commonWords are English words that are also used as names ("True",
// "Will", "May"). A lower-case occurrence of one is not taken for a name.
var commonWords = set(`the a an and or but if of in on at to for with by from as is are was were be been being
it its this that these those he she they we you i me my our your his her their them us who whom which what when where
why how all any both each few more most other some such no nor not only own same so than too very can will just
should now new old one two three four five six seven eight nine ten first last next good great little long young
true false may might must shall would could mark bill rose hope grace joy faith june april august march summer autumn
winter spring dawn sky rich art bob pat sue ray max jack frank earl drew chase hunter page price king queen prince
white black brown green gray grey north south east west love star stone wood hill ford bush miles rice cash major
young penny ruby amber crystal lily daisy iris violet holly ivy jade pearl sunny storm river brook wolf fox bear lion
baby boy girl man woman son day night home today sis guy guys fans fan duo couple pair show film movie series`)

// shortForms maps English short forms of given names that do not begin
// like the full name to the full names (folded). Short forms that do begin
// alike ("chris", "dan") need no entry (givenAlike).
var shortForms = map[string][]string{
	"jim": {"james"}, "jimmy": {"james"}, "jamie": {"james"},
	"bill": {"william"}, "billy": {"william"}, "willy": {"william"}, "liam": {"william"},
	"bob": {"robert"}, "bobby": {"robert"}, "robbie": {"robert"}, "bert": {"robert", "albert", "herbert"},
	"mike": {"michael"}, "mick": {"michael"}, "mikey": {"michael"},
	"dick": {"richard"}, "rick": {"richard", "frederick"}, "ricky": {"richard"},
	"jack": {"john"}, "johnny": {"john"}, "tony": {"anthony", "antonio"},
	"peggy": {"margaret"}, "maggie": {"margaret"}, "meg": {"margaret"},
	"betty": {"elizabeth"}, "beth": {"elizabeth"}, "liz": {"elizabeth"}, "lizzie": {"elizabeth"},
	"kate": {"katherine", "catherine", "kathryn"}, "katie": {"katherine", "catherine", "kathryn"},
	"kathy": {"katherine", "kathryn"}, "cathy": {"catherine"},
	"sue": {"susan", "suzanne"}, "susie": {"susan"}, "chuck": {"charles"}, "charlie": {"charles"},
	"hank": {"henry"}, "harry": {"henry", "harold"}, "ted": {"edward", "theodore"}, "teddy": {"edward", "theodore"},
	"ned": {"edward"}, "larry": {"lawrence", "laurence"}, "sally": {"sarah"}, "molly": {"mary"}, "polly": {"mary"},
	"jerry": {"gerald", "jerome"}, "steve": {"stephen"}, "joe": {"joseph"}, "joey": {"joseph"},
	"andy": {"andrew"}, "drew": {"andrew"}, "sandy": {"alexander", "alexandra", "sandra"},
	"frank": {"francis", "franklin"}, "vicky": {"victoria"}, "becky": {"rebecca"}, "abby": {"abigail"},
	"dave": {"david"}, "patty": {"patricia"}, "tom": {"thomas"}, "tommy": {"thomas"}, "jenny": {"jennifer"},
}

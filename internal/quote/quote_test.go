package quote

import (
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		mention []news.Mention
		// names, when set, are the recogniser's PER mentions: the first
		// occurrence of each in text
		names  []string
		social []news.SocialPost
		want   []news.QuoteMention // only the fields set here are compared
		titles []string
		// notSpeaker, when set, is a speaker no quote may have
		notSpeaker string
	}{
		{
			name:    "an apposition is no subject, and a him in its relative clause is someone else",
			text:    apposText,
			mention: append(nerMentions(apposText, "Ivo Brandt", "Noor Vale"), laterMention(apposText, "a writer", "Noor Vale", "descriptor"), laterMention(apposText, "as Brandt", "Ivo Brandt", "ner")),
			want:    []news.QuoteMention{{Text: "He never gave up,", Speaker: "Noor Vale"}, {Text: "I wish I had more time,", Speaker: "Ivo Brandt"}},
		},
		{
			name:    "a name right before said is the subject a later he goes back to, whatever stands before the name",
			text:    valeText,
			mention: allMentions(valeText, "Omar Vale", "Ivo", "Brandt"),
			want:    []news.QuoteMention{{Text: "I hope he is gone. But we did not strike him,", Speaker: "Brandt"}},
		},
		{
			name:  "a name after for, right before says, is the object of for, not the subject",
			text:  "Ada Moss, a spokesman for Archbishop Ivo Brandt says the story is a hoax.\n“We have no priest of this name,” he told the Ledger.",
			names: []string{"Ada Moss", "Ivo Brandt"},
			want:  []news.QuoteMention{{Text: "We have no priest of this name,", Speaker: "Ada Moss"}},
		},
		{
			name: "a conjunction before a role phrase is not part of it",
			text: "The reporter posted on Twitter that a doctor said “the patients are on their way to the clinic.”",
			want: []news.QuoteMention{{Speaker: "a doctor"}},
		},
		{
			name:  "a him in a relative clause after a name is someone else: it tells nothing of the name's gender",
			text:  "Ivo Brandt was freed in May.\n\nNoor Vale, a writer who had been held with him, said she was tired.\n\n“It was cold,” he said.",
			names: []string{"Ivo Brandt", "Noor Vale"},
			want:  []news.QuoteMention{{Text: "It was cold,", Speaker: "Ivo Brandt"}},
		},
		{
			name:  "a name after an indefinite article is a common noun, not a person the pronoun can be",
			text:  "It happened to Ivo Brandt, a 30-year-old actor living in Lund. He lost his wallet when a stranger pulled a Noor Vale on him.\n\nAt the hospital, he was told that “it was done like proper surgery.”",
			names: []string{"Ivo Brandt", "Noor Vale"},
			want:  []news.QuoteMention{{Text: "it was done like proper surgery.", Speaker: "Ivo Brandt", Partial: true}},
		},
		{
			name:  "a name after an indefinite article and before an apposition is a person",
			text:  "Several papers quoted a Noor Vale, an employee of the broker. To the Courier, she says that the owner “did not need it anymore.”",
			names: []string{"Noor Vale"},
			want:  []news.QuoteMention{{Text: "did not need it anymore.", Speaker: "Noor Vale", Partial: true}},
		},
		{
			name:    "when the recogniser found no person, capitalised words are none either",
			text:    "The baby was born at the Lund Royal Infirmary, reports the Western Vale Herald.\n\n“It was a huge baby,” he told reporters.",
			mention: miscMentions("The baby was born at the Lund Royal Infirmary, reports the Western Vale Herald.\n\n“It was a huge baby,” he told reporters.", "Western Vale"),
			want:    []news.QuoteMention{{Text: "It was a huge baby,", Speaker: "he"}},
		},
		{
			name:  "a credit line under a pull quote names its speaker",
			text:  "Ann Lowe wants the cases dropped.\n\n“We are pouring money into it.”\nVale District Attorney Ann Lowe\nLowe said the change was fair.\n\n“Our officers must enforce the law everywhere.”\nOmar Diaz, Vale police commissioner\nDiaz said so in a statement.",
			names: []string{"Ann Lowe", "Omar Diaz"},
			want:  []news.QuoteMention{{Text: "We are pouring money into it.", Speaker: "Ann Lowe"}, {Text: "Our officers must enforce the law everywhere.", Speaker: "Omar Diaz"}},
		},
		{
			name:       "a capitalised adverbial opening the sentence is no speaker",
			text:       "Within hours of the vote, the militia posted a message warning it would strike “in any place” soon.",
			want:       []news.QuoteMention{{Text: "in any place", Partial: true}},
			notSpeaker: "Within",
		},
		{
			name:  "a name modifying a role noun is no clause subject",
			text:  "Omar Diaz was at the port on Monday.\n\nVale Harbour security officers rushed people out of the building. “You could smell the smoke,” he said.",
			names: []string{"Omar Diaz", "Vale Harbour"},
			want:  []news.QuoteMention{{Text: "You could smell the smoke,", Speaker: "Omar Diaz"}},
		},
		{
			name:  "a title before the name opens the clause: the pronoun goes to the nearer subject",
			text:  "Mark Olsen said the port would reopen.\n\nThe harbour was closed for a week.\n\nProfessor Ivo Brandt, director of the Centre for Port Studies at Lund Maritime College, said the damage was limited.\n\nHe said: “The cranes can be repaired within days.”",
			names: []string{"Mark Olsen", "Ivo Brandt"},
			want:  []news.QuoteMention{{Text: "The cranes can be repaired within days.", Speaker: "Ivo Brandt"}},
		},
		{
			name:       "a name inside what a role reported is not who speaks next",
			text:       "The ministry declined to comment.\n\nHowever, a Norwegian official claimed that the two former directors, Lars Eik and Odd Fjell, had done the same.\n\n“There is a chance it would go on,” he added.",
			names:      []string{"Lars Eik", "Odd Fjell"},
			want:       []news.QuoteMention{{Text: "There is a chance it would go on,"}},
			notSpeaker: "Lars Eik",
		},
		{
			name:  "a title's capitalised modifier opens the clause too",
			text:  "Colonel Ivo Brandt, a former officer, said he was shocked.\n\nLund Mayor Arne Holm told the paper he had met the family.\n\n“He was proud of it,” he said.",
			names: []string{"Ivo Brandt", "Arne Holm"},
			want:  []news.QuoteMention{{Text: "He was proud of it,", Speaker: "Arne Holm"}},
		},
		{
			name:       "a name after a preposition and a possessor is no subject",
			text:       "Lars Eik was seen on Monday.\n\nAn eager editor changed the page for Norway’s Lars Eik to say “this man has recently died.” It was soon changed back.",
			names:      []string{"Lars Eik"},
			want:       []news.QuoteMention{{Text: "this man has recently died."}},
			notSpeaker: "Lars Eik",
		},
		{
			name:  "a handle before the cue speaks, not a hashtag before it",
			text:  "This follows complaints that the phone bends, known as #Bendgate.\n\n\"If you buy one, you better be bald #HairGate,\" @redletter tweeted.",
			names: []string{"Bendgate"},
			want:  []news.QuoteMention{{Text: "If you buy one, you better be bald #HairGate,", Speaker: "@redletter"}},
		},
		{
			name:       "a hashtag is no person for a pronoun",
			text:       "Phones bend, a flaw known as #Bendgate.\n\n\"You better be bald,\" he said.",
			names:      []string{"Bendgate"},
			want:       []news.QuoteMention{{Text: "You better be bald,"}},
			notSpeaker: "Bendgate",
		},
		{
			name:  "one word inside a sentence is a term, not speech",
			text:  "Just when you thought the saga of the phone—think “Bendgate” and fake ads—could not get worse, it did. Asked if it was over, Ann Lowe said “it is far from over.”",
			names: []string{"Ann Lowe"},
			want:  []news.QuoteMention{{Text: "it is far from over.", Speaker: "Ann Lowe"}},
		},
		{
			name:   "a title after 'an article called' is no quote",
			text:   "The site ran its own test and concluded that \"the flaw is a bust\" in an article called \"The iPad 6 'Flaw' Is Not a Thing.\"\n\nNobody was hurt.",
			want:   nil,
			titles: []string{"The iPad 6 'Flaw' Is Not a Thing"},
		},
		{
			name:  "capitalised modifiers open the clause with the name",
			text:  "Lt. Col. Ivo Brandt said the raid followed days of watching.\n\nBrandt said locals had helped.\n\nDanish MP Arne Holm described the raid as a step forward.\n\n“His death will be welcome news,” he said.",
			names: []string{"Ivo Brandt", "Arne Holm"},
			want:  []news.QuoteMention{{Text: "His death will be welcome news,", Speaker: "Arne Holm"}},
		},
		{
			name:       "a capitalised word before a name opens no clause with it unless a title",
			text:       "Lena Park, 41, wrote a long post about her life. Born Tom Reed Park, she writes that she changed her name in her teens.\n\n“I was never a man,” she writes.",
			names:      []string{"Lena Park", "Tom Reed Park"},
			want:       []news.QuoteMention{{Text: "I was never a man,", Speaker: "Lena Park"}},
			notSpeaker: "Tom Reed Park",
		},
		{
			name:       "one of a list is no clause subject",
			text:       "Mark Olsen led the talks for the port.\n\nTalks later went on with officials, including Senator Tom Reyes, Senator Ivo Brandt, and director Arne Holm.\n\n“It went well,” he said.",
			names:      []string{"Mark Olsen", "Tom Reyes", "Ivo Brandt", "Arne Holm"},
			want:       []news.QuoteMention{{Text: "It went well,", Speaker: "Mark Olsen"}},
			notSpeaker: "Ivo Brandt",
		},
		{
			name:  "a line signing the quote above it names its speaker",
			text:  "Ivo Brandt will be on the panel. So will Tom Reyes and Arne Holm.\n\nHow have they reacted?\n\n\"Look, the league did not create these problems. The people in it did.\"\n\n--Tom Reyes\n\n“There is no comparison between me and Arne Dale. It’s night and day.”\n\n— Arne Holm, former player\n\nThe panel meets tonight.",
			names: []string{"Ivo Brandt", "Tom Reyes", "Arne Holm"},
			want: []news.QuoteMention{{Text: "Look, the league did not create these problems. The people in it did.", Speaker: "Tom Reyes"},
				{Text: "There is no comparison between me and Arne Dale. It’s night and day.", Speaker: "Arne Holm"}},
		},
		{
			name:  "another person's full name with the speaker's first name is no self-naming",
			text:  "Arne Holm spoke to the panel on Monday about his career.\n\n“There is no comparison between me and Arne Dale. It’s night and day.”",
			names: []string{"Arne Holm", "Arne Dale"},
			want:  []news.QuoteMention{{Text: "There is no comparison between me and Arne Dale. It’s night and day.", Speaker: "Arne Holm"}},
		},
		{
			name: "a phrase right next to the quote's own cue is its speaker, whatever names it holds",
			text: "According to investigators, long time employee Omar Diaz was seen in the restroom. “I was passing by the restroom when I heard somebody inside,” said one Texas Vale Turkey Farm employee.",
			mention: append(append(nerMentions("According to investigators, long time employee Omar Diaz was seen in the restroom. “I was passing by the restroom when I heard somebody inside,” said one Texas Vale Turkey Farm employee.", "Omar Diaz"), orgMentions("According to investigators, long time employee Omar Diaz was seen in the restroom. “I was passing by the restroom when I heard somebody inside,” said one Texas Vale Turkey Farm employee.", "Texas")...),
				news.Mention{Span: news.Span{Start: strings.Index("According to investigators, long time employee Omar Diaz was seen in the restroom. “I was passing by the restroom when I heard somebody inside,” said one Texas Vale Turkey Farm employee.", "Turkey Farm"), End: strings.Index("According to investigators, long time employee Omar Diaz was seen in the restroom. “I was passing by the restroom when I heard somebody inside,” said one Texas Vale Turkey Farm employee.", "Turkey Farm") + len("Turkey Farm")}, Text: "Turkey Farm", Type: news.LOC, Key: "loc:turkey farm", Name: "Turkey Farm", Via: "ner"}),
			want: []news.QuoteMention{{Text: "I was passing by the restroom when I heard somebody inside,", Speaker: "one Texas Vale Turkey Farm employee"}},
		},
		{
			name:    "a person heading the phrase before the cue speaks, not the body after it",
			text:    "Brands have not heeded the warning; as friend of the site Ann Lowe of Vale Media wrote in one of those rare comments worth reading:\n\n“Like it or not, the chain is winning with this story.”",
			mention: append(nerMentions("Brands have not heeded the warning; as friend of the site Ann Lowe of Vale Media wrote in one of those rare comments worth reading:\n\n“Like it or not, the chain is winning with this story.”", "Ann Lowe"), orgMentions("Brands have not heeded the warning; as friend of the site Ann Lowe of Vale Media wrote in one of those rare comments worth reading:\n\n“Like it or not, the chain is winning with this story.”", "Vale Media")...),
			want:    []news.QuoteMention{{Text: "Like it or not, the chain is winning with this story.", Speaker: "Ann Lowe"}},
		},
		{
			name:       "a role's phrase holds the body after it",
			text:       "Ann Lowe told the Ledger the plan would work.\n\nBut speaking to the Courier, an official at the Norwegian embassy said of the reports: “It is a nonsense.” He declined to comment further.",
			mention:    append(nerMentions("Ann Lowe told the Ledger the plan would work.\n\nBut speaking to the Courier, an official at the Norwegian embassy said of the reports: “It is a nonsense.” He declined to comment further.", "Ann Lowe"), orgMentions("Ann Lowe told the Ledger the plan would work.\n\nBut speaking to the Courier, an official at the Norwegian embassy said of the reports: “It is a nonsense.” He declined to comment further.", "Ledger", "Courier")...),
			want:       []news.QuoteMention{{Text: "It is a nonsense.", Speaker: "an official"}},
			notSpeaker: "the Norwegian embassy",
		},
		{
			name:    "a person right before the cue heads the title chain before it",
			text:    "The policy was announced on Monday.\n\n“This should free up police to pursue greater cases,” Vale County District Attorney Omar Diaz said in support.",
			mention: append(nerMentions("The policy was announced on Monday.\n\n“This should free up police to pursue greater cases,” Vale County District Attorney Omar Diaz said in support.", "Omar Diaz"), orgMentions("The policy was announced on Monday.\n\n“This should free up police to pursue greater cases,” Vale County District Attorney Omar Diaz said in support.", "Vale County")...),
			want:    []news.QuoteMention{{Text: "This should free up police to pursue greater cases,", Speaker: "Omar Diaz"}},
		},
		{
			name: "a paragraph ending 'announced the following.' introduces the block quote after it",
			text: "The king later held talks with officials, including Senator Tom Reyes, Ambassador Ivo Brandt and director Arne Holm. A statement by the Vale Palace later announced the following.\n\n“The two men sat in gold chairs. A small table in front of them held white flowers.”",
			mention: append(nerMentions("The king later held talks with officials, including Senator Tom Reyes, Ambassador Ivo Brandt and director Arne Holm. A statement by the Vale Palace later announced the following.\n\n“The two men sat in gold chairs. A small table in front of them held white flowers.”", "Tom Reyes", "Ivo Brandt", "Arne Holm"),
				news.Mention{Span: news.Span{Start: strings.Index("The king later held talks with officials, including Senator Tom Reyes, Ambassador Ivo Brandt and director Arne Holm. A statement by the Vale Palace later announced the following.\n\n“The two men sat in gold chairs. A small table in front of them held white flowers.”", "Vale Palace"), End: strings.Index("The king later held talks with officials, including Senator Tom Reyes, Ambassador Ivo Brandt and director Arne Holm. A statement by the Vale Palace later announced the following.\n\n“The two men sat in gold chairs. A small table in front of them held white flowers.”", "Vale Palace") + len("Vale Palace")}, Text: "Vale Palace", Type: news.LOC, Key: "loc:vale palace", Name: "Vale Palace", Via: "ner"}),
			want:       []news.QuoteMention{{Text: "The two men sat in gold chairs. A small table in front of them held white flowers.", Cue: "announced"}},
			notSpeaker: "Arne Holm",
		},
		{
			name:       "a sentence adverb is no speaker",
			text:       "The sale drew attention abroad.\n\n\"If you have 45 million to spare, now you have the chance.\"\n\nThus wrote the radio programme on Facebook on January 8.",
			want:       []news.QuoteMention{{Text: "If you have 45 million to spare, now you have the chance."}},
			notSpeaker: "Thus",
		},
		{
			name: "a demonym is no speaker",
			text: "Omar Diaz, Jordanian government spokesman, quoted by the radio, said the response “will be swift.”",
			mention: append(nerMentions("Omar Diaz, Jordanian government spokesman, quoted by the radio, said the response “will be swift.”", "Omar Diaz"),
				miscMentions("Omar Diaz, Jordanian government spokesman, quoted by the radio, said the response “will be swift.”", "Jordanian")...),
			want: []news.QuoteMention{{Text: "will be swift.", Speaker: "Omar Diaz", Partial: true}},
		},
		{
			name: "curly after attribution",
			text: "Jane Smith spoke on Monday.\n\n“We will win this race,” Smith said.",
			want: []news.QuoteMention{{Text: "We will win this race,", Speaker: "Jane Smith", Cue: "said"}},
		},
		{
			name: "straight marks, inverted cue and appositive",
			text: "\"Good economic news is bad news for them,\" said Geoff Garin, a Democratic pollster.",
			want: []news.QuoteMention{{Text: "Good economic news is bad news for them,", Speaker: "Geoff Garin", Cue: "said"}},
		},
		{
			name: "typewriter pairs",
			text: "''It is going to take a lot more than one report,'' he said.",
			want: []news.QuoteMention{{Text: "It is going to take a lot more than one report,", Speaker: "he", Cue: "said"}},
		},
		{
			name: "interrupted by attribution is one quote in pieces",
			text: "“I’m so lost,” she said, smiling. “That’s how I met him. I was in love from the first second.”",
			want: []news.QuoteMention{{Text: "I’m so lost, That’s how I met him. I was in love from the first second.", Cue: "said"}},
		},
		{
			name: "quote continued into the next paragraph",
			text: "Mary Jones told reporters: “The first part goes on.\n\n“And the second part ends here.”",
			want: []news.QuoteMention{{Text: "The first part goes on. And the second part ends here.", Speaker: "Mary Jones", Cue: "told"}},
		},
		{
			name: "nested quote has the inner speaker",
			text: "Kim Jones laughed about it. “At lunch, Paolo Rossi goes, ‘You will never guess who is coming to dinner,’” Kim Jones told some friends.",
			want: []news.QuoteMention{
				{Text: "At lunch, Paolo Rossi goes, ‘You will never guess who is coming to dinner,’", Speaker: "Kim Jones", Cue: "told", Parent: -1},
				{Text: "You will never guess who is coming to dinner,", Speaker: "Paolo Rossi", Cue: "goes", Parent: 0},
			},
		},
		{
			name: "partial quote in reported speech",
			text: "Peter Novak said in June that he is “absolutely single and happy about it” these days.",
			want: []news.QuoteMention{{Text: "absolutely single and happy about it", Partial: true, Speaker: "Peter Novak"}},
		},
		{
			name:   "a title with the comma inside the marks is a title",
			text:   "While talking about his new film, “The Quiet Harbour,” Peter Novak explained why he left the city.",
			titles: []string{"The Quiet Harbour"},
		},
		{
			name:   "titles and scare quotes are not quotes",
			text:   "Fans of “The Long Summer” called him a “setter-upper” last year.",
			titles: []string{"The Long Summer"},
		},
		{
			name: "role speaker for a named person, told_to",
			text: "Anna Berg was seen in Rome.\n\nA rep for Berg told TODAY, “They are friends and nothing more.”",
			want: []news.QuoteMention{{Text: "They are friends and nothing more.", Speaker: "Anna Berg's representative", Role: "representative", For: "Anna Berg", ToldTo: "TODAY"}},
		},
		{
			name: "role speaker resolved from a descriptor",
			text: "Marco Bellini starred in the film. Marco Bellini is 31. Bellini sings too.\n\nA representative for the actor said, “There is nothing to the story at all.”",
			want: []news.QuoteMention{{Speaker: "Marco Bellini's representative", Role: "representative", For: "Marco Bellini"}},
		},
		{
			name: "anonymous roles",
			text: "“She just met him that night, they are not dating,” an insider said.\n\nOne Twitter user wrote, “What a duo this would be for everyone.”",
			want: []news.QuoteMention{{Speaker: "an insider", Role: "insider"}, {Speaker: "One Twitter user", Role: "fan"}},
		},
		{
			name: "pronoun resolved to the clause subject of the right gender",
			text: "Laura Diaz met Tom Black in Paris. Later, Laura Diaz said she liked him.\n\nAt the show, Laura Diaz greeted Tom Black. “It was a lovely evening with old friends,” she said.",
			want: []news.QuoteMention{{Speaker: "Laura Diaz", Cue: "said"}},
		},
		{
			name: "medium and time",
			text: "Marco Bellini opened up.\n\n“I wanted to belong to that magical world,” he wrote in an Instagram post earlier this year.",
			want: []news.QuoteMention{{Speaker: "Marco Bellini", Medium: "Instagram post", When: "earlier this year", Cue: "wrote"}},
		},
		{
			name:  "told a country's media: the media, and a newspaper's name after it",
			text:  "“There is no sign of it in the port,” harbour spokesman Omar Vale told Lundish media Thursday. “We are told the paper is wrong,” the source told Lundish newspaper al-Bahr.",
			names: []string{"Omar Vale"},
			want:  []news.QuoteMention{{Speaker: "Omar Vale", ToldTo: "Lundish media"}, {ToldTo: "Lundish newspaper al-Bahr"}},
		},
		{
			name: "interview with an outlet",
			text: "Marco Bellini spoke during an August 2022 interview with Decider, saying, “It is difficult to find real love these days.”",
			want: []news.QuoteMention{{Speaker: "Marco Bellini", Medium: "August 2022 interview with Decider", ToldTo: "Decider", When: "August 2022"}},
		},
		{
			name: "embedded social posts deduplicated",
			text: "Fans loved it.\n\nJo @jo_fan what a duo I never knew I needed https://t.co/x\n\nJo @jo_fan what a duo I never knew I needed https://t.co/x",
			social: []news.SocialPost{post(16, "Jo @jo_fan what a duo I never knew I needed https://t.co/x"),
				post(76, "Jo @jo_fan what a duo I never knew I needed https://t.co/x")},
			want: []news.QuoteMention{{Text: "what a duo I never knew I needed", Speaker: "@jo_fan", Social: true, Medium: "Twitter"}},
		},
		{
			name: "a pronoun goes back to the name in the paragraph before, not to a subject further up",
			text: "Dan Kell, head of engineering at Verrin Telecom, said the search was hard.\n\n“The chances were slim,” he admitted.\n\n" +
				"The team found the message on Friday.\n\nThis is Ivo Marsh hearing the message of his late wife.\n\nHe said afterwards: “It is a wonderful sound.”",
			names: []string{"Dan Kell", "Ivo Marsh"},
			want:  []news.QuoteMention{{Speaker: "Dan Kell"}, {Speaker: "Ivo Marsh"}},
		},
		{
			name:  "posts pasted between two quotes do not part the speaker from the quote that goes on",
			text:  pastedText,
			names: []string{"Tomas Verrin"},
			social: []news.SocialPost{post(strings.Index(pastedText, "Tomas @"), "Tomas @tverrin a cruel act to leave a pony there https://t.co/x"),
				post(strings.Index(pastedText, "Nora @"), "Nora @nhale I would give the pony a home https://t.co/y")},
			want: []news.QuoteMention{{Speaker: "the trust", Cue: "said"}, {Speaker: "the trust"}, {Speaker: "@tverrin", Social: true}, {Speaker: "@nhale", Social: true}},
		},
		{
			name: "crowd members are fan role speakers, not the person named before",
			text: "Her daughter True danced in the clip.\n\nOne individual wrote “Yasss queen,” while another remarked, “She is so tall now!”\n\n" +
				"A third added, “This made my whole day.”\n\nAnother fan added: “I need more of these clips.”\n\n“Love this so much,” one wrote.",
			mention: nerMentions("Her daughter True danced in the clip.", "True"),
			want: []news.QuoteMention{{Speaker: "an unnamed person", Role: "fan", Cue: "wrote"}, {Speaker: "an unnamed person", Role: "fan"},
				{Speaker: "an unnamed person", Role: "fan"}, {Speaker: "Another fan", Role: "fan"}, {Speaker: "an unnamed person", Role: "fan"}},
		},
		{
			name:    "a heading word is never a speaker",
			text:    "Her daughter True danced in the clip.\n\nComments poured in: “What a pair they make.”",
			mention: nerMentions("Her daughter True danced in the clip.", "True"),
			want:    []news.QuoteMention{{Text: "What a pair they make.", Speaker: "-"}},
		},
		{
			name: "common noun phrase speakers",
			text: "“Outside countries should stick to their promises,” the foreign ministry said in a statement.\n\n" +
				"“Please do not touch the protester,” begins a scripted message.",
			want: []news.QuoteMention{{Speaker: "the foreign ministry"}, {Speaker: "a scripted message"}},
		},
		{
			name: "parenthesis inside the attribution",
			text: "Hillary Clinton met the caucus.\n\n“There is tremendous energy in a whole host of races,” Rep. Earl Blum (D-Ore.) said.",
			want: []news.QuoteMention{{Speaker: "Earl Blum", Cue: "said"}},
		},
		{
			name: "short attribution sentence before the quote",
			text: "“The party is running out of time,” said Craig Robinson, an editor.\n\nIowa State University's Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”",
			want: []news.QuoteMention{{Speaker: "Craig Robinson"}, {Speaker: "Dianne Bystrom", Cue: "agreed"}},
		},
		{
			name:    "named speaker from the entity stage",
			text:    "The singer Ava Lee arrived late. “I am so happy to be here tonight,” Lee said.",
			mention: []news.Mention{{Span: news.Span{Start: 11, End: 18}, Text: "Ava Lee", Type: news.PER, Key: "e1", Name: "Ava Lee"}, {Span: news.Span{Start: 73, End: 76}, Text: "Lee", Type: news.PER, Key: "e1", Name: "Ava Lee"}},
			want:    []news.QuoteMention{{Speaker: "Ava Lee", SpeakerKey: "e1"}},
		},
		{
			// A quotation between a determiner and a noun labels the noun.
			name: "a quoted label is no quote",
			text: "It is the third time this year that people have believed the “Tom Reid is dead” rumour.",
			want: nil,
		},
		{
			name: "an abbreviated rank belongs to the name",
			text: "“We found no sign of a break-in,” said Det. Ana Ruiz of the city police.",
			want: []news.QuoteMention{{Speaker: "Ana Ruiz", Cue: "said"}},
		},
		{
			// The one named before "'s representatives" is not the speaker.
			name:    "a possessive before a role noun",
			text:    "Reports said the singer had died. None of it is true.\n\nThe singer's representatives issued a statement.\n\n“She is alive and well, and asks fans to stop sharing the story.”",
			mention: []news.Mention{{Span: news.Span{Start: 55, End: 67}, Text: "The singer's", Type: news.PER, Key: "e1", Name: "Lena Park"}},
			want:    []news.QuoteMention{{Speaker: "Lena Park's representative"}},
		},
		{
			// "responded" is what the police did in a clause of their own;
			// the block is the reports' words.
			name: "according to, then an act in a subordinate clause",
			text: "According to the unconfirmed reports, Tom Reid was found dead after police responded to a call from a neighbour:\n\n" +
				"“At least one occupant confirmed the flat belongs to Reid but police have not confirmed the man’s identity.”",
			want: []news.QuoteMention{{Speaker: "the unconfirmed reports", Cue: "According"}},
		},
		{
			// "the calls" is a noun: the cue is "added", its subject the official
			name: "a cue word after a determiner is a noun",
			text: "Nothing showed the calls, which were monitored, involved any \"threatening activity or planning,\" the official added.",
			want: []news.QuoteMention{{Text: "threatening activity or planning,", Speaker: "the official", Cue: "added", Partial: true}},
		},
		{
			// the note speaks, not the son inside its phrase, nor the mother
			name: "a relative clause's antecedent inside a phrase",
			text: "Inside the box, the aunt found a card from her nephew that read, “The loan is repaid. Happy new year.” She wept.",
			want: []news.QuoteMention{{Text: "The loan is repaid. Happy new year.", Speaker: "-", Cue: "read"}},
		},
		{
			name:  "a relative clause's named antecedent",
			text:  "It began with a column in the city paper, the Harbour Gazette, that said \"smugglers\" had brought the fever in.",
			names: []string{"Harbour Gazette"},
			want:  []news.QuoteMention{{Text: "smugglers", Speaker: "Harbour Gazette", Cue: "said"}},
		},
		{
			name:  "not a name inside a relative clause",
			text:  "Family friend Ann Lowe, who lives in their hometown of Dover, NH, told reporters, “They must be stopped.”",
			names: []string{"Ann Lowe", "Dover", "NH"},
			want:  []news.QuoteMention{{Text: "They must be stopped.", Speaker: "Ann Lowe", Cue: "told"}},
		},
		{
			name:  "a name modifying the noun phrase that speaks",
			text:  "But the Peruvian ministry stated bluntly on Tuesday, “There was no such order.”",
			names: []string{"Peruvian"},
			want:  []news.QuoteMention{{Text: "There was no such order.", Speaker: "the Peruvian ministry", Cue: "stated"}},
		},
		{
			name:  "not the object of a preposition, nor a name in the reported clause",
			text:  "The commander of the AU force in Chad has said the death of Ramos would be a “proud day for the region”.",
			names: []string{"AU", "Chad", "Ramos"},
			want:  []news.QuoteMention{{Text: "proud day for the region", Speaker: "-", Partial: true}},
		},
		{
			name:  "a thing as the subject: no speaker, not the last person named",
			text:  "Mara Quist wrote the page in 2019.\n\nIt used to read: “All stories here are fiction.”",
			names: []string{"Mara Quist"},
			want:  []news.QuoteMention{{Text: "All stories here are fiction.", Speaker: "-", Cue: "read"}},
		},
		{
			name:    "the source is not whom it told",
			text:    "According to the Harbour Post, websites “known to be close” to the rebels reported it.",
			mention: orgMentions("According to the Harbour Post, websites “known to be close” to the rebels reported it.", "Harbour Post"),
			want:    []news.QuoteMention{{Text: "known to be close", Speaker: "Harbour Post", ToldTo: "-", Partial: true}},
		},
		{
			name: "no cue and the quote speaks of the person nearby: not theirs",
			text: "The kidnapping of Mara Quist was reported by the Harbour Post.\n\n“The reports began on forums, and claim Quist was taken while fighting.”",
			mention: nerMentions("The kidnapping of Mara Quist was reported by the Harbour Post.\n\n“The reports began on forums, and claim Quist was taken while fighting.”",
				"Mara Quist", "Quist"),
			want: []news.QuoteMention{{Text: "The reports began on forums, and claim Quist was taken while fighting.", Speaker: "-"}},
		},
		{
			name: "no cue and the quote names the person nearby by first name: not theirs",
			text: "Mara Quist landed the boat after an hour.\n\n“Mara’s catch is not the sort of fish you would want to meet while swimming.”",
			mention: nerMentions("Mara Quist landed the boat after an hour.\n\n“Mara’s catch is not the sort of fish you would want to meet while swimming.”",
				"Mara Quist"),
			want: []news.QuoteMention{{Text: "Mara’s catch is not the sort of fish you would want to meet while swimming.", Speaker: "-"}},
		},
		{
			name: "no cue and another source credited after the person: not theirs",
			text: "Dan Kerr spent years on the river. According to the Harbour Post, the Vale native is an expert and Kerr fishes there often.\n\n“The pike is the largest fish in its region, ranking behind the sturgeon.”",
			mention: append(nerMentions("Dan Kerr spent years on the river. According to the Harbour Post, the Vale native is an expert and Kerr fishes there often.\n\n“The pike is the largest fish in its region, ranking behind the sturgeon.”",
				"Dan Kerr", "Kerr"), orgMentions("Dan Kerr spent years on the river. According to the Harbour Post, the Vale native is an expert and Kerr fishes there often.\n\n“The pike is the largest fish in its region, ranking behind the sturgeon.”", "Harbour Post")...),
			want: []news.QuoteMention{{Text: "The pike is the largest fish in its region, ranking behind the sturgeon.", Speaker: "-"}},
		},
		{
			name: "no cue after a paragraph about the person: theirs",
			text: "Dan Kerr spent years on the river, and he says the fish are getting larger.\n\n“The pike is the largest fish in its region, ranking behind the sturgeon.”",
			mention: nerMentions("Dan Kerr spent years on the river, and he says the fish are getting larger.\n\n“The pike is the largest fish in its region, ranking behind the sturgeon.”",
				"Dan Kerr"),
			want: []news.QuoteMention{{Text: "The pike is the largest fish in its region, ranking behind the sturgeon.", Speaker: "Dan Kerr"}},
		},
		{
			name:       "a name after an outlet's noun is no pronoun's antecedent, whatever the recogniser said",
			text:       "A nun in Vale gave birth, according to the local newspaper Harbour Tidings.\n\n“I am so happy,” she said about the child.",
			names:      []string{"Harbour Tidings"},
			want:       []news.QuoteMention{{Text: "I am so happy,", Speaker: "she"}},
			notSpeaker: "Harbour Tidings",
		},
		{
			name:       "a title tells a gender: no she for a pope",
			text:       "She named her son after Pope Leo Varga.\n\n“I am so happy,” she admitted.",
			names:      []string{"Pope Leo Varga"},
			want:       []news.QuoteMention{{Text: "I am so happy,", Speaker: "she"}},
			notSpeaker: "Pope Leo Varga",
		},
		{
			name:       "a title before the name tells a gender: no he for a queen",
			text:       "He named his daughter after Queen Mara Lind. The soldier told reporters that he felt no guilt.\n\n“I am so proud,” he said.",
			names:      []string{"Mara Lind"},
			want:       []news.QuoteMention{{Text: "I am so proud,", Speaker: "he"}},
			notSpeaker: "Mara Lind",
		},
		{
			name:       "a phrase of the pronoun's gender between the name and the pronoun takes it",
			text:       "The boat was bought from Tal Sarim. The old widow told reporters that she felt no guilt.\n\n“I am so happy,” she said.",
			names:      []string{"Tal Sarim"},
			want:       []news.QuoteMention{{Text: "I am so happy,", Speaker: "she"}},
			notSpeaker: "Tal Sarim",
		},
		{
			name:       "a role and a speech verb between the name and the pronoun take it",
			text:       "The law was passed under Tal Sarim. A senior official claimed that Sarim had also banned it.\n\n“It may well go on,” he added.",
			names:      []string{"Tal Sarim"},
			want:       []news.QuoteMention{{Text: "It may well go on,", Speaker: "he"}},
			notSpeaker: "Tal Sarim",
		},
		{
			name:  "no such phrase: the name takes the pronoun",
			text:  "Tal Sarim bought the boat last year. The engine was old.\n\n“I am so happy,” she said.",
			names: []string{"Tal Sarim"},
			want:  []news.QuoteMention{{Text: "I am so happy,", Speaker: "Tal Sarim"}},
		},
		{
			name:  "no attribution: not the last person named as a possessor",
			text:  "The clip opens with Dan Kerr's speech on the strikes.\n\n“I call on my friends to rise up.”",
			names: []string{"Dan Kerr"},
			want:  []news.QuoteMention{{Text: "I call on my friends to rise up.", Speaker: "-"}},
		},
		{
			name: "a possessor is no pronoun's antecedent",
			text: "The video shows a clip of Dan Kerr’s speech, then a statement from the prisoner.\n\n“I call on my friends to rise up,” he says.",
			mention: nerMentions("The video shows a clip of Dan Kerr’s speech, then a statement from the prisoner.\n\n“I call on my friends to rise up,” he says.",
				"Dan Kerr"),
			want: []news.QuoteMention{{Text: "I call on my friends to rise up,", Speaker: "he", Cue: "says"}},
		},
		{
			name:       "a name in parentheses is an aside, not the speaker",
			text:       "That 8-Digit Calculator Is a Godsend Come Budget Time\nRep. Ann Lowe (D-Mich.) on the Apple Watch: “It tells me the time.”",
			names:      []string{"Ann Lowe"},
			want:       []news.QuoteMention{{Text: "It tells me the time.", Speaker: "Ann Lowe"}},
			notSpeaker: "D-Mich",
		},
		{
			name:  "a participle's subject may follow a preposition",
			text:  "The clip ends with footage of Dana Ruiz saying, “That makes me smart,” to laughter.",
			names: []string{"Dana Ruiz"},
			want:  []news.QuoteMention{{Text: "That makes me smart,", Speaker: "Dana Ruiz", Cue: "saying"}},
		},
		{
			name:  "not a possessor, and a cue after a possessive is a noun",
			text:  "The publicist told the site that despite Vantage's report last week, the show “was never going to be” a debate.",
			names: []string{"Vantage"},
			want:  []news.QuoteMention{{Text: "was never going to be", Speaker: "The publicist", Partial: true}},
		},
		{
			name: "not words of an earlier quote",
			text: "“Many fevers have spread among residents of the port of Tarvo,” it read. “Two cases were registered.”",
			want: []news.QuoteMention{{Text: "Many fevers have spread among residents of the port of Tarvo,"}, {Text: "Two cases were registered.", Speaker: "-"}},
		},
		{
			name: "a possessive with the apostrophe alone",
			text: "Holms said he was taking a break. “These claims are false,” said Holms’ agent in a statement.",
			want: []news.QuoteMention{{Text: "These claims are false,", Role: "agent", For: "Holms", Cue: "said"}},
		},
		{
			name:    "a label before a colon is no speaker",
			text:    "Ana Ruiz shared the page widely.\n\nURL: “city-council-votes-to-close-the-old-pier-video.”",
			mention: nerMentions("Ana Ruiz shared the page widely.", "Ana Ruiz"),
			want:    []news.QuoteMention{{Text: "city-council-votes-to-close-the-old-pier-video.", Speaker: "-"}},
		},
		{
			name:  "a time word before a name is not part of it",
			text:  "Talks went on. Yesterday Ana Ruiz said the city was “nearly ready to reopen the pier”.",
			names: []string{"Ana Ruiz"},
			want:  []news.QuoteMention{{Text: "nearly ready to reopen the pier", Speaker: "Ana Ruiz", Partial: true}},
		},
		{
			name:  "titles before a recognised name are not the speaker",
			text:  "The hearing went on. Rear Adm. Ana Ruiz said the port was “nearly ready to reopen”.",
			names: []string{"Ana Ruiz"},
			want:  []news.QuoteMention{{Text: "nearly ready to reopen", Speaker: "Ana Ruiz", Partial: true}},
		},
		{
			name: "an inverted cue's noun phrase ends in its head noun",
			text: "“The company pays badly,” says a recent report from the Ledger.",
			want: []news.QuoteMention{{Text: "The company pays badly,", Speaker: "a recent report", Cue: "says"}},
		},
		{
			name:   "a title with 'v.' is a title",
			text:   "Filming of “Harbour v. Tide: Dawn of Ships” moved to Leeds, the studio said.",
			want:   []news.QuoteMention{},
			titles: []string{"Harbour v. Tide: Dawn of Ships"},
		},
		{
			name:  "the object of a preposition before the cue is no subject",
			text:  "Lea Moss flew home. Activists on two sides of the border conflict reported seeing \"what appears to be a drone\" over the town.",
			names: []string{"Lea Moss"},
			want:  []news.QuoteMention{{Text: "what appears to be a drone", Speaker: "Activists", Partial: true}},
		},
		{
			name:  "a source close to a matter is the source",
			text:  "Lea Moss flew home. A source close to the situation said \"all of the ward was then sealed off.\"",
			names: []string{"Lea Moss"},
			want:  []news.QuoteMention{{Text: "all of the ward was then sealed off.", Speaker: "A source"}},
		},
		{
			name:   "a role of no one named is the role alone: the narrator of a film",
			text:   "Lea Moss limped. \"Despite some pain, our leader goes on,\" said the narrator of a documentary called “Improving the Lives of the People,” showing footage of Moss limping.",
			names:  []string{"Lea Moss"},
			want:   []news.QuoteMention{{Text: "Despite some pain, our leader goes on,", Speaker: "the narrator"}},
			titles: []string{"Improving the Lives of the People"},
		},
		{
			name:       "a pronoun with a contraction is no name",
			text:       "Lea Moss smiled. They've also started a fan page for the cake called \"Can This 20 Year Old Cake Get More Likes Than Lea Moss?\" that has 4,000 likes.",
			names:      []string{"Lea Moss"},
			want:       []news.QuoteMention{{Text: "Can This 20 Year Old Cake Get More Likes Than Lea Moss?", Partial: true}},
			notSpeaker: "They've",
		},
		{
			name:       "a capitalised run after a possessive is a thing, not the speaker",
			text:       "Lea Moss sang. He is also a truther who, on the track “Ferry Song” off his 2005 EP The Harbour of My Days, sang: “Where is the ferry at? Probably off in Leeds”",
			names:      []string{"Lea Moss"},
			want:       []news.QuoteMention{{Text: "Where is the ferry at? Probably off in Leeds"}},
			notSpeaker: "EP The Harbour",
			titles:     []string{"Ferry Song"},
		},
		{
			name:   "a hyphenated word inside the noun phrase before the cue",
			text:   "Lea Moss sang. And on a song called \"Ferry Song\" from his 2005 EP The Harbour of My Days, the Dover-born singer says: \"Where is the ferry at? Probably off in Leeds\"",
			names:  []string{"Lea Moss"},
			want:   []news.QuoteMention{{Text: "Where is the ferry at? Probably off in Leeds", Speaker: "the Dover-born singer"}},
			titles: []string{"Ferry Song"},
		},
		{
			name:  "a word in capitals before a noun is no name: the FAKE story",
			text:  "Fans of Lea Moss mourned. According to the FAKE story, “Sources say the singer has died at 34.”",
			names: []string{"Lea Moss"},
			want:  []news.QuoteMention{{Text: "Sources say the singer has died at 34.", Speaker: "the FAKE story"}},
		},
		{
			name:    "a participle clause between the subject and said holds no subject",
			text:    "Fearless Mr Vantrell, speaking after returning to his family home in Dunmore, West Lanark, said: \"We will win.\"",
			mention: nerMentions("Fearless Mr Vantrell, speaking after returning to his family home in Dunmore, West Lanark, said: \"We will win.\"", "Vantrell"),
			want:    []news.QuoteMention{{Text: "We will win.", Speaker: "Vantrell"}},
		},
		{
			name:   "a short Title Case name after a colon and no speech verb is a name",
			text:   "A truck seen in the war zone has brought woe to a family of roofers by way of the sign on its door: “Vale-2 Roofing”.",
			want:   []news.QuoteMention{},
			titles: []string{"Vale-2 Roofing"},
		},
		{
			name:   "a title opening a sentence is a title",
			text:   "The crew left on Monday. “Harbour v Tide: Dawn of Ships” opens in March.",
			want:   []news.QuoteMention{},
			titles: []string{"Harbour v Tide: Dawn of Ships"},
		},
		{
			name:       "the leader of a named body speaks for it, not for the person most named",
			text:       "Omar Diaz spoke. Omar Diaz left. “We will rebuild the harbour,” said the leader of the Harbour Guild, according to local papers.",
			names:      []string{"Omar Diaz", "Omar Diaz"},
			want:       []news.QuoteMention{{Text: "We will rebuild the harbour,"}},
			notSpeaker: "Omar Diaz's leader",
		},
		{
			name: "he is the nearest person whose gender does not disagree, not a farther one whose gender is known",
			text: "“We will act,” Rep. Jason Ward told reporters. Later Chairman Darrel Quist told the paper that trust was lost.\n\n“Nothing can be said,” he said.",
			mention: nerMentions("“We will act,” Rep. Jason Ward told reporters. Later Chairman Darrel Quist told the paper that trust was lost.\n\n“Nothing can be said,” he said.",
				"Jason Ward", "Darrel Quist"),
			want: []news.QuoteMention{{Text: "We will act,", Speaker: "Jason Ward"}, {Text: "Nothing can be said,", Speaker: "Darrel Quist"}},
		},
		{
			name: "he is the nearest man by his given name, though another was named with pronouns",
			text: "The clip opens with Omar Diaz and his speech. Then a man believed to be James Ward, 40, reads a statement:\n\n“I want to go home,” he says.",
			mention: nerMentions("The clip opens with Omar Diaz and his speech. Then a man believed to be James Ward, 40, reads a statement:\n\n“I want to go home,” he says.",
				"Omar Diaz", "James Ward"),
			want: []news.QuoteMention{{Text: "I want to go home,", Speaker: "James Ward"}},
		},
		{
			name:   "a title in a noun phrase after a writing verb is a title",
			text:   "Scott Rudin is producing the drama.\n\nWard, who also penned the harbour drama “The Tide Keepers,” has publicly said the film will be divided into three long scenes.",
			names:  []string{"Scott Rudin", "Ward"},
			want:   []news.QuoteMention{},
			titles: []string{"The Tide Keepers"},
		},
		{
			name:   "a title ending a sentence, the period inside the marks, is a title",
			text:   "His films bend the facts, as in his portrait of the mayor in \"The Tide Keepers.\" Ward himself has said so.",
			want:   []news.QuoteMention{},
			titles: []string{"The Tide Keepers"},
		},
		{
			name:   "a title after a writing verb is a title",
			text:   "Ward won an award in 2030 for writing “The Tide Keepers,” the film about the harbour.",
			want:   []news.QuoteMention{},
			titles: []string{"The Tide Keepers"},
		},
		{
			name:   "a long title after a work's noun is a title",
			text:   "He later admitted it, with his 2031 book, “Harbour: Wild Times, Rough Seas, Tall Tales & How the Port Got Big,” amplifying the row.",
			want:   []news.QuoteMention{},
			titles: []string{"Harbour: Wild Times, Rough Seas, Tall Tales & How the Port Got Big"},
		},
		{
			// a quote opening a sentence whose own attribution comes after
			// more words is another statement, not the quote before going on
			name:  "a sentence with its own attribution is no continuation",
			text:  "“The roof is fixed,” Ana Vale said. “We paid the crews on time” to keep the work going, she said.",
			names: []string{"Ana Vale"},
			want:  []news.QuoteMention{{Text: "The roof is fixed,", Speaker: "Ana Vale"}, {Text: "We paid the crews on time", Speaker: "Ana Vale"}},
		},
		{
			// an attribution introducing the next quote is not the one
			// before's, and words after a quote that ends its sentence
			// open another
			name:  "a later attribution introducing the next quote",
			text:  "“Then it all clicked into place.” When asked if the couple ran the Toy Vault channel, formerly the Toy Box channel, the ex-wife of Omar Diaz, Ana Vale, said: “Yes, they are the ones.”",
			names: []string{"Omar Diaz", "Ana Vale"},
			want:  []news.QuoteMention{{Text: "Then it all clicked into place."}, {Text: "Yes, they are the ones.", Speaker: "Ana Vale"}},
		},
		{
			name:       "words after a quote that ends its sentence are another sentence",
			text:       "Omar Diaz spoke first. “It all clicked into place.” Later that day, at the hall, Ana Vale said she was tired.",
			names:      []string{"Omar Diaz", "Ana Vale"},
			want:       []news.QuoteMention{{Text: "It all clicked into place."}},
			notSpeaker: "Ana Vale",
		},
		{
			name:  "a later attribution with a colon introduces the next quote",
			text:  "Omar Diaz spoke first. “We paid the crews” in the spring, the mayor's aide, Ana Vale, said: “Yes, and on time.”",
			names: []string{"Omar Diaz", "Ana Vale"},
			want:  []news.QuoteMention{{Text: "We paid the crews"}, {Text: "Yes, and on time."}},
		},
		{
			name: "a text reads",
			text: "“The roof is fixed. Welcome home,” the card reads beside a photo.",
			want: []news.QuoteMention{{Text: "The roof is fixed. Welcome home,", Speaker: "the card"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &news.Article{Text: tt.text}
			a.Mentions, a.Social = tt.mention, tt.social
			if tt.names != nil {
				a.Mentions = nerMentions(tt.text, tt.names...)
			}
			if err := (Extractor{}).Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if len(a.Quotes) != len(tt.want) {
				for _, q := range a.Quotes {
					t.Logf("got %+v", q)
				}
				t.Fatalf("got %d quotes, want %d", len(a.Quotes), len(tt.want))
			}
			for i, w := range tt.want {
				g := a.Quotes[i]
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("quote %d %s = %q, want %q", i, field, got, want)
					}
				}
				check("text", g.Text, w.Text)
				if tt.notSpeaker != "" && g.Speaker == tt.notSpeaker {
					t.Errorf("quote %d speaker = %q", i, g.Speaker)
				}
				if w.Speaker == "-" {
					w.Speaker = ""
					if g.Speaker != "" {
						t.Errorf("quote %d speaker = %q, want none", i, g.Speaker)
					}
				}
				check("speaker", g.Speaker, w.Speaker)
				check("speaker key", g.SpeakerKey, w.SpeakerKey)
				check("role", g.Role, w.Role)
				check("for", g.For, w.For)
				check("cue", g.Cue, w.Cue)
				if w.ToldTo == "-" {
					w.ToldTo = ""
					if g.ToldTo != "" {
						t.Errorf("quote %d told to %q, want none", i, g.ToldTo)
					}
				}
				check("told_to", g.ToldTo, w.ToldTo)
				check("medium", g.Medium, w.Medium)
				check("when", g.When, w.When)
				if g.Partial != w.Partial || g.Social != w.Social {
					t.Errorf("quote %d partial/social = %v/%v, want %v/%v", i, g.Partial, g.Social, w.Partial, w.Social)
				}
				if w.Parent != 0 || i > 0 && tt.want[0].Parent == -1 {
					if g.Parent != w.Parent {
						t.Errorf("quote %d parent = %d, want %d", i, g.Parent, w.Parent)
					}
				}
				// every piece lies inside the text and inside the span
				for _, p := range g.Pieces {
					if p.Start < 0 || p.End > len(a.Text) || !g.Span.Contains(p) {
						t.Errorf("quote %d piece %v outside span %v", i, p, g.Span)
					}
				}
			}
			var titles []string
			for _, m := range a.Mentions {
				if m.Via == "title" {
					titles = append(titles, m.Text)
				}
			}
			if len(tt.titles) > 0 || len(titles) > 0 {
				if len(titles) != len(tt.titles) || len(titles) > 0 && titles[0] != tt.titles[0] {
					t.Errorf("titles = %q, want %q", titles, tt.titles)
				}
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“A,” she said. “B.”", "\"x\" said Y", "''a'' b ''", "“open\n\n“more", "‘x’ “y ‘z’ w”", "a rep for X told Y, “z”",
		"\"", "“”", "’’’", "Mr. Smith said: \"Hello.\"\n\n\"Again.\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := &news.Article{Text: s}
		if err := (Extractor{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		for _, q := range a.Quotes {
			for _, sp := range append([]news.Span{q.Span, q.SpeakerSpan, q.CueSpan}, q.Pieces...) {
				if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
					t.Fatalf("span %v out of range for %q", sp, s)
				}
			}
			if q.Parent >= len(a.Quotes) {
				t.Fatalf("parent %d out of range", q.Parent)
			}
		}
		Attributions(s, a.Quotes)
	})
}

// post makes the SocialPost of "Name @handle body URL" written at start.
// pastedText has a quote, two pasted posts, and a quote with no
// attribution that goes on from the first.
const pastedText = "Singer Tomas Verrin tweeted about the pony.\n\n" +
	"“It is really unusual to get that sort of interest,” the trust said.\n\n" +
	"Tomas @tverrin a cruel act to leave a pony there https://t.co/x\n\n" +
	"Nora @nhale I would give the pony a home https://t.co/y\n\n" +
	"“Normally we get a dog, but when it is a pony we get a lot of interest.”"

func post(start int, s string) news.SocialPost {
	h := strings.Index(s, "@")
	sp := strings.IndexByte(s[h:], ' ') + h
	u := strings.Index(s, "https://")
	return news.SocialPost{Span: news.Span{Start: start, End: start + len(s)}, Handle: s[h:sp],
		Body: news.Span{Start: start + sp + 1, End: start + u - 1}, URL: s[u:]}
}

// nerMentions returns PER mentions as the recogniser gives them (Via "ner")
// for the first occurrence of each name in text.
const valeText = "A reporter asked about the health of the rebel leader, Omar Vale.\n\nIn response to a question about the reported death of rebel leader Omar Vale in a raid, (Army spokesman Col. Ivo) Brandt said the army had not targeted him.\n\n“I hope he is gone. But we did not strike him,” he said."

// allMentions returns PER mentions of every occurrence of each name, as the
// recogniser gives them.
func allMentions(text string, names ...string) []news.Mention {
	var out []news.Mention
	for _, n := range names {
		for i := 0; ; {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			s := news.Span{Start: i + j, End: i + j + len(n)}
			out = append(out, news.Mention{Span: s, Text: n, Type: news.PER, Key: "per:" + n, Name: n, Via: "ner"})
			i = s.End
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Span.Start < out[b].Span.Start })
	return out
}

func nerMentions(text string, names ...string) []news.Mention {
	var out []news.Mention
	for _, n := range names {
		if i := strings.Index(text, n); i >= 0 {
			out = append(out, news.Mention{Span: news.Span{Start: i, End: i + len(n)}, Text: n, Type: news.PER, Key: "per:" + n, Name: n, Via: "ner"})
		}
	}
	return out
}

func TestNounUse(t *testing.T) {
	for _, tc := range []struct {
		w, prev string
		want    bool
	}{
		{"report", "news", true},       // "a news report cut to him"
		{"report", "recent", true},     // "a recent report"
		{"post", "blog", true},         // "a blog post"
		{"report", "officials", false}, // "officials report that…"
		{"report", "they", false},
		{"said", "officials", false},
		{"report", "Esquire's", true},
	} {
		if got := nounUse(tc.w, tc.prev); got != tc.want {
			t.Errorf("nounUse(%q, %q) = %v, want %v", tc.w, tc.prev, got, tc.want)
		}
	}
}

const apposText = "Ivo Brandt had worked in Lund.\n\n“He never gave up,” his friend Noor Vale, a writer who had been held with him, wrote last year.\n\nIn the video, the man identified as Brandt reads a statement.\n\n“I wish I had more time,” he says."

// laterMention returns a PER mention of the last words of phrase (its
// first word too when it has one) at phrase's first occurrence in text, as
// the recogniser (via "ner") or the entity stage (via "descriptor") gives it.
func laterMention(text, phrase, name, via string) news.Mention {
	i := strings.Index(text, phrase)
	w := phrase
	if via == "ner" {
		sp := strings.LastIndex(phrase, " ")
		i, w = i+sp+1, phrase[sp+1:]
	}
	return news.Mention{Span: news.Span{Start: i, End: i + len(w)}, Text: w, Type: news.PER, Key: "per:" + name, Name: name, Via: via}
}

// orgMentions returns ORG mentions as the recogniser gives them for the
// first occurrence of each name in text.
func orgMentions(text string, names ...string) []news.Mention {
	out := nerMentions(text, names...)
	for i := range out {
		out[i].Type, out[i].Key = news.ORG, "org:"+out[i].Text
	}
	return out
}

// miscMentions returns MISC mentions as the recogniser gives them.
func miscMentions(text string, names ...string) []news.Mention {
	out := nerMentions(text, names...)
	for i := range out {
		out[i].Type, out[i].Key = news.MISC, "misc:"+out[i].Text
	}
	return out
}

// "“…,” he added" right after a quote of the same paragraph by a person
// the recogniser named continues that quote; after a quote by an
// organisation, or across a paragraph, the pronoun is resolved as before.
func TestHeAddedContinuesTheQuoteBefore(t *testing.T) {
	text := "Omar Diaz was charged.\n\n“We are working on it,” wrote police spokesman Ray Finch. “We can share little,” he added."
	x := newExtraction(&news.Article{Text: text})
	pos := strings.Index(text, "he added")
	prev := news.QuoteMention{Span: news.Span{Start: strings.Index(text, "“We are"), End: strings.Index(text, " wrote")},
		Speaker: "Ray Finch", SpeakerKey: "per:ray finch", Parent: -1}
	x.quotes = []news.QuoteMention{prev}
	if q, ok := x.quoteJustBefore(pos, false); !ok || q.Speaker != "Ray Finch" {
		t.Errorf("quoteJustBefore = %q, %v; want Ray Finch's", q.Speaker, ok)
	}
	x.gender = map[string]int{"Ray Finch": -1}
	if _, ok := x.quoteJustBefore(pos, true); ok {
		t.Error("a she continued a man's quote")
	}
	x.quotes[0].SpeakerKey = "org:police"
	if _, ok := x.quoteJustBefore(pos, false); ok {
		t.Error("an organisation's quote continued by he")
	}
	x.quotes[0].SpeakerKey = "per:ray finch"
	if _, ok := x.quoteJustBefore(strings.Index(text, "Omar"), false); ok {
		t.Error("a quote after the pronoun continued")
	}
	// a quote quoted inside the one before ("“At lunch, Kerry goes, ‘…,’”
	// Ray told friends. “…,” he added") is not the one that goes on
	inner := news.QuoteMention{Span: news.Span{Start: prev.Span.Start + 2, End: prev.Span.End - 2}, Speaker: "Kerry Vale",
		SpeakerKey: "per:kerry vale", Parent: 0}
	x.quotes = append(x.quotes, inner)
	if q, ok := x.quoteJustBefore(pos, false); !ok || q.Speaker != "Ray Finch" {
		t.Errorf("quoteJustBefore = %q, %v; want Ray Finch's, not the quote inside his", q.Speaker, ok)
	}
	// a paragraph that opens with a quote goes on with the speaker of the
	// quote and short attribution that end the paragraph before; one that
	// opens with narration does not
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"“He did not stop,” Haddad said.\n\n“He got what he deserved,” he added.", true},
		{"“He did not stop,” Haddad said.\n\nThe council met later. “It is over,” he added.", false},
	} {
		x := newExtraction(&news.Article{Text: tc.text})
		x.quotes = []news.QuoteMention{{Span: news.Span{Start: len("“"), End: strings.Index(tc.text, ",”")},
			Speaker: "Omar Haddad", SpeakerKey: "per:omar haddad", Parent: -1}}
		if _, ok := x.quoteJustBefore(strings.Index(tc.text, "he added"), false); ok != tc.want {
			t.Errorf("%q: quoteJustBefore ok = %v, want %v", tc.text, ok, tc.want)
		}
	}
}

// A line of one capitalised word after a quote is a bulleted item, not a
// signature: the rules do not make it the speaker.
func TestSignatureNeedsAFullName(t *testing.T) {
	text := "Ann Lowe will speak at the launch.\n\n“We cut prices by half.”\n\n- Delivery\n\n- Returns\n\nThe shop opens on Monday."
	a := &news.Article{Text: text}
	a.Mentions = nerMentions(text, "Ann Lowe")
	x := newExtraction(a)
	x.run()
	if len(x.quotes) != 1 || x.quotes[0].Speaker == "Delivery" || x.quotes[0].Cue != "" {
		t.Errorf("quotes %+v: a bulleted word signed the quote", x.quotes)
	}
}

// Words that can never speak are no speaker candidates: a month before a
// number is a date ("The Oct. 20 Lakeside Times story's correction
// reads:"), and a name the recogniser tagged right after a possessive is a
// thing of someone's ("Its URL reads, “…”").
func TestNoCandidates(t *testing.T) {
	for _, c := range []struct{ sentence, org, not string }{
		{"The Oct. 20 Lakeside Times story's correction reads:", "Lakeside Times", "Oct"},
		{"Its URL reads,", "URL", "URL"},
	} {
		a := &news.Article{Text: c.sentence}
		a.Mentions = orgMentions(c.sentence, c.org)
		x := newExtraction(a)
		ts := tokenize(c.sentence, news.Span{End: len(c.sentence)}, nil)
		for _, cd := range x.candidates(ts, 0, len(ts)) {
			if strings.HasPrefix(cd.text, c.not) {
				t.Errorf("%q: candidate %q", c.sentence, cd.text)
			}
		}
	}
}

package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// VeracityGold is a veracity folder's gold.json: each article's gold story,
// and each story's rumour with what journalists finally concluded.
type VeracityGold struct {
	Articles map[string]string        `json:"articles"` // article id -> gold story
	Stories  map[string]VeracityStory `json:"stories"`
}

// VeracityStory is one gold story.
type VeracityStory struct {
	Claim string `json:"claim"`
	Truth string `json:"truth"` // "true", "false", "unknown"
}

// LoadVeracityGold reads a gold.json file.
func LoadVeracityGold(path string) (*VeracityGold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	var g VeracityGold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("parse gold %s: %w", path, err)
	}
	if len(g.Articles) == 0 || len(g.Stories) == 0 {
		return nil, fmt.Errorf("gold %s: no articles or stories", path)
	}
	return &g, nil
}

// StatusRight reports whether a predicted status is right for a truth:
// true -> confirmed; false -> denied or disputed; unknown -> unverified or
// disputed.
func StatusRight(truth, status string) bool {
	switch truth {
	case "true":
		return status == "confirmed"
	case "false":
		return status == "denied" || status == "disputed"
	case "unknown":
		return status == "unverified" || status == "disputed"
	}
	return false
}

// VeracityRow is one gold story's result.
type VeracityRow struct {
	Gold      string // gold story id
	Truth     string
	GoldClaim string
	Articles  int    // gold articles
	Story     string // the predicted story holding most of them ("" when none)
	Held      int    // how many of the gold articles it holds
	Claim     string // its main claim ("" when it has none)
	Status    string
	Reason    string
	Right     bool
}

// PredictedStory is what an evaluation needs of one predicted story.
type PredictedStory struct {
	Claim, Status, Reason string
}

// ScoreVeracity scores predicted stories against gold: pred maps article id
// to predicted story id, stories gives each predicted story's main claim.
// It returns one row per gold story (sorted by id) and the share right.
func ScoreVeracity(g *VeracityGold, pred map[string]string, stories map[string]PredictedStory) ([]VeracityRow, float64) {
	members := map[string][]string{} // gold story -> its article ids
	for a, st := range g.Articles {
		members[st] = append(members[st], a)
	}
	ids := make([]string, 0, len(g.Stories))
	for id := range g.Stories {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var rows []VeracityRow
	right := 0
	for _, id := range ids {
		gs := g.Stories[id]
		row := VeracityRow{Gold: id, Truth: gs.Truth, GoldClaim: gs.Claim, Articles: len(members[id])}
		count := map[string]int{}
		for _, b := range members[id] {
			if p, ok := pred[b]; ok && p != "" {
				count[p]++
			}
		}
		for p, n := range count {
			if n > row.Held || n == row.Held && p < row.Story {
				row.Story, row.Held = p, n
			}
		}
		if ps, ok := stories[row.Story]; ok && row.Story != "" {
			row.Claim, row.Status, row.Reason = ps.Claim, ps.Status, ps.Reason
		}
		row.Right = StatusRight(gs.Truth, row.Status)
		if row.Right {
			right++
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return rows, 0
	}
	return rows, float64(right) / float64(len(rows))
}

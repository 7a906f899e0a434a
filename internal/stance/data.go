package stance

import (
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
)

// FNC-1 labels, in the model's output order.
const (
	Agree     = "agree"
	Disagree  = "disagree"
	Discuss   = "discuss"
	Unrelated = "unrelated"
)

// FNCLabels are the FNC-1 stance labels.
var FNCLabels = []string{Agree, Disagree, Discuss, Unrelated}

// Emergent labels, in the model's output order.
const (
	For       = "for"
	Against   = "against"
	Observing = "observing"
)

// EmergentLabels are the Emergent stance labels.
var EmergentLabels = []string{For, Against, Observing}

// Pair is one FNC-1 headline/body pair. Stance is empty when unlabelled.
type Pair struct {
	Headline string
	BodyID   int
	Stance   string
}

// ReadFNC reads an FNC-1 stances file (Headline,Body ID[,Stance]) and a
// bodies file (Body ID,articleBody).
func ReadFNC(stancesPath, bodiesPath string) ([]Pair, map[int]string, error) {
	brows, err := readCSV(bodiesPath)
	if err != nil {
		return nil, nil, err
	}
	bodies := make(map[int]string, len(brows))
	for i, r := range brows {
		if i == 0 || len(r) < 2 {
			continue
		}
		id, err := strconv.Atoi(r[0])
		if err != nil {
			return nil, nil, fmt.Errorf("bodies line %d: body id %q: %w", i+1, r[0], err)
		}
		bodies[id] = r[1]
	}
	srows, err := readCSV(stancesPath)
	if err != nil {
		return nil, nil, err
	}
	var pairs []Pair
	for i, r := range srows {
		if i == 0 || len(r) < 2 {
			continue
		}
		id, err := strconv.Atoi(r[1])
		if err != nil {
			return nil, nil, fmt.Errorf("stances line %d: body id %q: %w", i+1, r[1], err)
		}
		if _, ok := bodies[id]; !ok {
			return nil, nil, fmt.Errorf("stances line %d: unknown body id %d", i+1, id)
		}
		p := Pair{Headline: r[0], BodyID: id}
		if len(r) > 2 {
			p.Stance = r[2]
		}
		pairs = append(pairs, p)
	}
	return pairs, bodies, nil
}

// EmergentPair is one Emergent claim/article-headline pair.
type EmergentPair struct {
	Claim, Headline, Stance, ClaimID string
}

// ReadEmergent reads an Emergent CSV
// (id,claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId).
func ReadEmergent(path string) ([]EmergentPair, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, c := range []string{"claimHeadline", "articleHeadline", "articleHeadlineStance", "claimId"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("emergent %s: missing column %q", path, c)
		}
	}
	var out []EmergentPair
	for _, r := range rows[1:] {
		if len(r) < len(rows[0]) {
			continue
		}
		out = append(out, EmergentPair{
			Claim:    r[col["claimHeadline"]],
			Headline: r[col["articleHeadline"]],
			Stance:   r[col["articleHeadlineStance"]],
			ClaimID:  r[col["claimId"]],
		})
	}
	return out, nil
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		rows = append(rows, rec)
	}
}

// DevBody reports whether an FNC-1 body belongs to the dev split: the bodies
// whose FNV-1a hash of "fnc1-body:ID" is 0 mod 5 (about 20% of bodies, with
// all their headlines).
func DevBody(id int) bool { return hash5("fnc1-body:"+strconv.Itoa(id)) == 0 }

// DevClaim reports whether an Emergent claim belongs to the dev split: the
// claims whose FNV-1a hash of "emergent-claim:ID" is 0 mod 5.
func DevClaim(id string) bool { return hash5("emergent-claim:"+id) == 0 }

func hash5(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32() % 5
}

// SplitFNC separates pairs into train and dev by DevBody.
func SplitFNC(pairs []Pair) (train, dev []Pair) {
	for _, p := range pairs {
		if DevBody(p.BodyID) {
			dev = append(dev, p)
		} else {
			train = append(train, p)
		}
	}
	return train, dev
}

// SplitEmergent separates pairs into train and dev by DevClaim.
func SplitEmergent(pairs []EmergentPair) (train, dev []EmergentPair) {
	for _, p := range pairs {
		if DevClaim(p.ClaimID) {
			dev = append(dev, p)
		} else {
			train = append(train, p)
		}
	}
	return train, dev
}

// SplitFNCByStory is a harder split for experiments: stories are the
// connected components of bodies and headlines joined by related pairs; a
// story is dev when its smallest body id is a DevBody. Pairs whose headline
// and body fall in different parts are dropped, so dev headlines, bodies
// and topics are all unseen in train, as in the competition test set.
func SplitFNCByStory(pairs []Pair) (train, dev []Pair) {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	bkey := func(id int) string { return "b:" + strconv.Itoa(id) }
	for _, p := range pairs {
		find("h:" + p.Headline)
		find(bkey(p.BodyID))
		if p.Stance != Unrelated {
			parent[find("h:"+p.Headline)] = find(bkey(p.BodyID))
		}
	}
	minBody := map[string]int{}
	for _, p := range pairs {
		r := find(bkey(p.BodyID))
		if m, ok := minBody[r]; !ok || p.BodyID < m {
			minBody[r] = p.BodyID
		}
	}
	isDev := func(node string) bool {
		m, ok := minBody[find(node)]
		return ok && DevBody(m)
	}
	for _, p := range pairs {
		hd, bd := isDev("h:"+p.Headline), isDev(bkey(p.BodyID))
		switch {
		case hd && bd:
			dev = append(dev, p)
		case !hd && !bd:
			train = append(train, p)
		}
	}
	return train, dev
}

package eval

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"sort"
)

// FNCBody is one FNC-1 article body.
type FNCBody struct {
	ID   string
	Text string
}

// FNCStories reads FNC-1 bodies (in file order) and stances and returns the
// gold stories: connected components of bodies and headlines joined by a
// related (agree, disagree, discuss) pair, as body id -> story id (the
// smallest body id of the component, in file order). A body in no related
// pair is a story of its own.
func FNCStories(stancesPath, bodiesPath string) ([]FNCBody, map[string]string, error) {
	brows, err := readCSV(bodiesPath)
	if err != nil {
		return nil, nil, err
	}
	srows, err := readCSV(stancesPath)
	if err != nil {
		return nil, nil, err
	}
	var bodies []FNCBody
	for _, r := range brows[1:] {
		if len(r) < 2 {
			return nil, nil, fmt.Errorf("read bodies: short row")
		}
		bodies = append(bodies, FNCBody{ID: r[0], Text: r[1]})
	}
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
	for _, r := range srows[1:] {
		if len(r) < 3 {
			return nil, nil, fmt.Errorf("read stances: short row")
		}
		if r[2] == "unrelated" {
			continue
		}
		a, b := find("b\x00"+r[1]), find("h\x00"+r[0])
		if a != b {
			parent[a] = b
		}
	}
	comps := map[string][]string{}
	for _, b := range bodies {
		root := find("b\x00" + b.ID)
		comps[root] = append(comps[root], b.ID)
	}
	gold := map[string]string{}
	roots := make([]string, 0, len(comps))
	for r := range comps {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		for _, id := range comps[r] {
			gold[id] = "g" + comps[r][0]
		}
	}
	return bodies, gold, nil
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("read %s: empty", path)
	}
	return rows, nil
}

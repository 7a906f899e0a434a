package paraphrase

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Pair is one labelled sentence pair of the Microsoft Research Paraphrase
// Corpus: Same is true when the two sentences say the same thing.
type Pair struct {
	A, B string
	Same bool
}

// ReadMRPC reads an MRPC file: a header line, then tab-separated rows
// `Quality, #1 ID, #2 ID, #1 String, #2 String` with Quality 1 for a
// paraphrase and 0 otherwise.
func ReadMRPC(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read mrpc: %w", err)
	}
	defer f.Close()
	var out []Pair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 || line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 || (cols[0] != "0" && cols[0] != "1") {
			return nil, fmt.Errorf("read mrpc: %s:%d: want 5 tab-separated columns with quality 0 or 1", path, n)
		}
		out = append(out, Pair{A: cols[3], B: cols[4], Same: cols[0] == "1"})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read mrpc: %w", err)
	}
	return out, nil
}

package contradiction

import (
	"fmt"
	"strings"
	"testing"
)

func TestFigures(t *testing.T) {
	tests := []struct {
		sentence string
		want     string // "value unit [lo,hi]" per figure, joined by "; "
	}{
		{"Gunmen killed 15 villagers near the border.", "15 villager"},
		{"The toll rose to twenty-two people.", "22 people"},
		{"The firm paid $2.3 billion to settle.", "2.3e+09 money:USD"},
		{"About 2,000 protesters marched.", "2000 protester [1500,2500]"},
		{"At least 40 people were hurt.", "40 people [39.8,+Inf]"},
		{"Up to 40 people were hurt.", "40 people [0,40.2]"},
		{"Turnout was 54 percent.", "54 percent"},
		{"Some 15 Palestinian civilians died.", "15 civilian [13.5,16.5]"},
		{"In 2014, Flight 17 left at 10:30 from gate 4 in its 2nd week.", ""},
		{"Call 555-1234 or see No. 5 and #3, a 12-inch screen, 3-2 win, the 1990s.", ""},
		{"Six shots, then four more shots.", ""},
		{"It was four or five shots.", ""},
		{"Prices will start at $500, analysts believe.", ""},
		{"The 100m sprint was won in 9.58 seconds.", "100 m [95,105]; 9.58 second"},
		{"The firm paid $2 billion.", "2e+09 money:USD [1.9e+09,2.1e+09]"},
		{"Ozone reaches .20 parts per million.", "0.2 part"},
		{"Shares rose 31 cents to $28.39 a barrel, up 4.4%.", ""},
		{"The yield rose to 4.26 percent from 4.23 percent.", ""},
		{"The centre was near latitude 25.6 north.", ""},
		{"A margin of error of plus or minus 2 points.", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range figures(tokenize(tc.sentence, 0), func(int) bool { return false }) {
			g := fmt.Sprintf("%g %s", f.value, f.unit)
			if tol := f.value * 0.005; f.lo < f.value-tol-1e-9 || f.hi > f.value+tol+1e-9 {
				g += fmt.Sprintf(" [%.4g,%.4g]", f.lo, f.hi)
			}
			got = append(got, g)
		}
		if s := strings.Join(got, "; "); s != tc.want {
			t.Errorf("%q: got %q, want %q", tc.sentence, s, tc.want)
		}
	}
}

package stance

import (
	_ "embed"
	"sync"
)

// The embedded weights, written by `crosscheck train stance`.
var (
	//go:embed weights/fnc.gob.gz
	fncWeights []byte
	//go:embed weights/emergent.gob.gz
	emergentWeights []byte
)

var (
	defaultFNC      = sync.OnceValues(func() (*Model, error) { return LoadBytes(fncWeights) })
	defaultEmergent = sync.OnceValues(func() (*Model, error) { return LoadBytes(emergentWeights) })
)

// Default returns the embedded FNC-1 model (headline vs article body ->
// agree, disagree, discuss, unrelated). It is loaded once and shared.
func Default() (*Model, error) { return defaultFNC() }

// DefaultEmergent returns the embedded Emergent model (claim vs article
// headline -> for, against, observing). It is loaded once and shared.
func DefaultEmergent() (*Model, error) { return defaultEmergent() }

// PredictPairs labels FNC-1 pairs, analysing each body once.
func (m *Model) PredictPairs(pairs []Pair, bodies map[int]string) []string {
	prepared := map[int]*Body{}
	out := make([]string, len(pairs))
	for i, p := range pairs {
		b, ok := prepared[p.BodyID]
		if !ok {
			b = m.Prepare(bodies[p.BodyID])
			prepared[p.BodyID] = b
		}
		out[i], _ = m.PredictBody(p.Headline, b)
	}
	return out
}

// PredictEmergent labels Emergent pairs.
func (m *Model) PredictEmergent(pairs []EmergentPair) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i], _ = m.Predict(p.Claim, p.Headline)
	}
	return out
}

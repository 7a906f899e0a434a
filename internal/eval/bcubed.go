package eval

// BCubed scores a predicted clustering against a gold one over the items of
// gold, both given as item -> cluster id. For each item, precision is the
// share of its predicted cluster that shares its gold cluster and recall the
// share of its gold cluster that shares its predicted cluster; both are
// averaged over items. Items missing from pred count as singletons; items
// only in pred are ignored.
func BCubed(gold, pred map[string]string) (precision, recall, f1 float64) {
	if len(gold) == 0 {
		return 0, 0, 0
	}
	predOf := func(item string) string {
		if p, ok := pred[item]; ok {
			return "p\x00" + p
		}
		return "solo\x00" + item
	}
	goldSize := map[string]int{}
	predSize := map[string]int{}
	both := map[[2]string]int{}
	for item, g := range gold {
		p := predOf(item)
		goldSize[g]++
		predSize[p]++
		both[[2]string{g, p}]++
	}
	for item, g := range gold {
		p := predOf(item)
		n := float64(both[[2]string{g, p}])
		precision += n / float64(predSize[p])
		recall += n / float64(goldSize[g])
	}
	precision /= float64(len(gold))
	recall /= float64(len(gold))
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

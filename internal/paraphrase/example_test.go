package paraphrase_test

import (
	"fmt"

	"github.com/crosscheck-news/crosscheck/internal/paraphrase"
)

func ExampleModel_Same() {
	m, err := paraphrase.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Same(
		"The Senate passed the budget bill on Thursday by a vote of 62 to 38.",
		"On Thursday the Senate approved the budget bill, 62 votes to 38."))
	fmt.Println(m.Same(
		"The Senate passed the budget bill on Thursday by a vote of 62 to 38.",
		"Astronomers have found water ice in a crater near the moon's south pole."))
	// Output:
	// true
	// false
}

package fold_test

import (
	"fmt"

	"github.com/crosscheck-news/crosscheck/internal/fold"
)

func ExampleString() {
	fmt.Println(fold.String("Khloé"), fold.Equal("KLHOÉ", "klhoe"), fold.String("Morrone’s"))
	// Output: khloe true morrone's
}

// Package examples bundles the demo corpus: five real celebrity-news
// articles (TODAY, POPSUGAR, a Page Six relay, Sportskeeda, HELLO!) on one
// 2022 rumour, as plain text with Source and Date headers.
package examples

import "embed"

// FS holds the example articles under seeds/.
//
//go:embed seeds/*.txt
var FS embed.FS

// Package contradiction finds where a story's sources disagree, taking time
// into account.
package contradiction

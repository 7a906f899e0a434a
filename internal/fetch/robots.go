package fetch

import (
	"bufio"
	"bytes"
	"strings"
)

// robots is the part of a robots.txt (RFC 9309) that applies to one agent:
// its Allow and Disallow rules.
type robots struct {
	rules []rule
}

type rule struct {
	allow   bool
	pattern string
}

// parseRobots returns the rules of data for the product token agent
// (lower-case, e.g. "crosscheck"): those of every group naming the agent,
// else those of the "*" groups. Unknown lines are ignored.
func parseRobots(data []byte, agent string) *robots {
	var (
		mine, star []rule
		agents     []string // of the group being read
		inRules    bool     // a rule line was seen since the group's last user-agent line
		haveMine   bool
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, val = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(val))
		case "allow", "disallow":
			inRules = true
			if val == "" {
				continue // "Disallow:" with nothing allows everything
			}
			r := rule{allow: key == "allow", pattern: val}
			for _, a := range agents {
				switch {
				case a == "*":
					star = append(star, r)
				case a == agent:
					mine = append(mine, r)
					haveMine = true
				}
			}
		}
	}
	if haveMine {
		return &robots{rules: mine}
	}
	return &robots{rules: star}
}

// allowed reports whether path (with its query) may be fetched: the rule
// with the longest matching pattern decides, Allow winning a tie; no
// matching rule allows. /robots.txt itself is always allowed.
func (r *robots) allowed(path string) bool {
	if r == nil || path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, ru := range r.rules {
		if !match(ru.pattern, path) {
			continue
		}
		if n := len(ru.pattern); n > best || n == best && ru.allow {
			best, allow = n, ru.allow
		}
	}
	return allow
}

// match matches a robots.txt path pattern: a prefix, where * stands for
// any run of characters and a final $ anchors the end.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	if len(parts) == 1 {
		return !anchored || rest == ""
	}
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return true
}

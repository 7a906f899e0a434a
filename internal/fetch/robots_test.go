package fetch

import "testing"

func TestRobots(t *testing.T) {
	const txt = `# comments are ignored
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?

User-agent: crosscheck
User-agent: friendly
Disallow: /drafts
Allow: /drafts/public
Disallow:
`
	mine := parseRobots([]byte(txt), "crosscheck")
	star := parseRobots([]byte(txt), "somebot")
	tests := []struct {
		r    *robots
		path string
		want bool
	}{
		{mine, "/", true},
		{mine, "/drafts", false},
		{mine, "/drafts/x", false},
		{mine, "/drafts/public/1", true},
		{mine, "/private/x", true}, // its own group replaces the * group
		{star, "/private/x", false},
		{star, "/private/open/1", true},
		{star, "/doc.pdf", false},
		{star, "/doc.pdf?x=1", true},
		{star, "/search?q=1", false},
		{star, "/search", true},
		{star, "/robots.txt", true},
		{parseRobots([]byte("User-agent: *\nDisallow: /\n"), "crosscheck"), "/a", false},
		{parseRobots([]byte("User-agent: *\nDisallow: /\n"), "crosscheck"), "/robots.txt", true},
		{parseRobots([]byte(""), "crosscheck"), "/a", true},
		{parseRobots([]byte("User-agent: *\nDisallow: /a\nAllow: /a\n"), "crosscheck"), "/a", true}, // a tie: allow
		{parseRobots([]byte("User-agent: *\nDisallow: /a*b*c\n"), "crosscheck"), "/axxbyyc", false},
		{parseRobots([]byte("User-agent: *\nDisallow: /a*b*c\n"), "crosscheck"), "/axxbyy", true},
	}
	for _, tc := range tests {
		if got := tc.r.allowed(tc.path); got != tc.want {
			t.Errorf("allowed(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*$\nAllow: /a/b\n"), "/a/b")
	f.Add([]byte("user-agent:crosscheck\ndisallow:/**$$\n"), "/x$")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		parseRobots(data, "crosscheck").allowed(path)
	})
}

package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/plaintext"
)

// Failure is one input that could not be read, named by file and line.
type Failure struct {
	Path string
	Line int // 0 when the whole file failed
	Err  error
}

func (f Failure) Error() string {
	name := f.Path
	if name == "" {
		name = "<stdin>"
	}
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", name, f.Line, f.Err)
	}
	return fmt.Sprintf("%s: %v", name, f.Err)
}

func (f Failure) Unwrap() error { return f.Err }

// Formats the readers understand.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
	// FormatFeed is an RSS, Atom or JSON feed; its items are emitted as
	// FormatHTML or FormatText documents.
	FormatFeed = "feed"
	// FormatWARC is a WARC crawl; its HTML pages are emitted as FormatHTML
	// documents.
	FormatWARC = "warc"
)

// Reader streams documents from paths to emit and failures to fail. Emit is
// called in input order; an error from emit stops reading and is returned.
type Reader struct {
	// Stdin is read for the path "-"; os.Stdin when nil.
	Stdin io.Reader
	// MaxFileSize bounds text, HTML and feed files (JSONL and WARC are
	// streamed); default 64 MiB.
	MaxFileSize int64
	// FS, when set, resolves paths inside it instead of the OS file system
	// (used for the bundled examples).
	FS fs.FS
	// Consumed, when set, counts the bytes read from files (compressed
	// bytes for .gz), so a progress display can compare it with Size.
	Consumed *atomic.Int64
}

// Size counts the files Read would read under paths and their bytes, by
// the same walk; ok is false when a path is "-" (standard input, size
// unknown). Paths that cannot be read are left out, Read reports them.
func (r *Reader) Size(paths []string) (files int, bytes int64, ok bool) {
	add := func(p string) {
		if st, err := r.stat(p); err == nil && st.Mode().IsRegular() {
			files++
			bytes += st.Size()
		}
	}
	for _, p := range paths {
		if p == "-" {
			return files, bytes, false
		}
		st, err := r.stat(p)
		switch {
		case err != nil:
		case !st.IsDir():
			add(p)
		case r.FS != nil:
			_ = r.walk(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil || path != p && strings.HasPrefix(d.Name(), ".") {
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if d.Type().IsRegular() {
					add(path)
				}
				return nil
			})
		default:
			for _, f := range walkFollowing(p, func(Failure) {}) {
				add(f)
			}
		}
	}
	return files, bytes, true
}

// counting adds the bytes read through it to n.
type counting struct {
	io.Reader
	n *atomic.Int64
}

func (c counting) Read(b []byte) (int, error) {
	k, err := c.Reader.Read(b)
	c.n.Add(int64(k))
	return k, err
}

func (r *Reader) stat(p string) (fs.FileInfo, error) {
	if r.FS != nil {
		return fs.Stat(r.FS, p)
	}
	return os.Stat(p)
}

func (r *Reader) open(p string) (io.ReadCloser, error) {
	if r.FS != nil {
		return r.FS.Open(p)
	}
	return os.Open(p)
}

func (r *Reader) walk(root string, f fs.WalkDirFunc) error {
	if r.FS != nil {
		return fs.WalkDir(r.FS, root, f)
	}
	return filepath.WalkDir(root, f)
}

// Read reads every path in order: files, directories (recursively, in name
// order, skipping hidden entries) and "-" for standard input.
func (r *Reader) Read(ctx context.Context, paths []string, emit func(news.Document) error, fail func(Failure)) error {
	emit = cleanEmit(emit)
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if p == "-" {
			in := r.Stdin
			if in == nil {
				in = os.Stdin
			}
			err = r.readStream(ctx, "", "", in, emit, fail)
		} else {
			err = r.readPath(ctx, p, emit, fail)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) readPath(ctx context.Context, p string, emit func(news.Document) error, fail func(Failure)) error {
	st, err := r.stat(p)
	if err != nil {
		fail(Failure{Path: p, Err: cleanPathErr(err)})
		return nil
	}
	if !st.IsDir() {
		return r.readFile(ctx, p, emit, fail)
	}
	var files []string
	if r.FS != nil {
		werr := r.walk(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fail(Failure{Path: path, Err: cleanPathErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if werr != nil {
			return werr
		}
	} else {
		files = walkFollowing(p, fail)
	}
	sort.Strings(files)
	for _, f := range files {
		if err := r.readFile(ctx, f, emit, fail); err != nil {
			return err
		}
	}
	return nil
}

// walkFollowing lists the regular files under dir, skipping hidden
// entries and following symbolic links to files and directories; a broken
// link or a link back into a directory being walked (a loop) is reported,
// and the walk goes on.
func walkFollowing(dir string, fail func(Failure)) []string {
	var files []string
	active := map[string]bool{} // real paths of the directories being walked
	var walk func(path string)
	walk = func(path string) {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			fail(Failure{Path: path, Err: cleanPathErr(err)})
			return
		}
		if active[real] {
			fail(Failure{Path: path, Err: errors.New("symbolic link loop: leads back to " + real)})
			return
		}
		active[real] = true
		defer delete(active, real)
		entries, err := os.ReadDir(path)
		if err != nil {
			fail(Failure{Path: path, Err: cleanPathErr(err)})
			return
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			p := filepath.Join(path, e.Name())
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 {
				st, err := os.Stat(p)
				if err != nil {
					fail(Failure{Path: p, Err: fmt.Errorf("broken symbolic link: %w", cleanPathErr(err))})
					continue
				}
				mode = st.Mode().Type()
			}
			switch {
			case mode.IsDir():
				walk(p)
			case mode.IsRegular():
				files = append(files, p)
			}
		}
	}
	walk(dir)
	return files
}

func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *Reader) readFile(ctx context.Context, p string, emit func(news.Document) error, fail func(Failure)) error {
	f, err := r.open(p)
	if err != nil {
		fail(Failure{Path: p, Err: cleanPathErr(err)})
		return nil
	}
	defer f.Close()
	var in io.Reader = f
	if r.Consumed != nil {
		in = counting{f, r.Consumed}
	}
	return r.readStream(ctx, p, p, in, emit, fail)
}

// ReadNamed reads one input stream; name (a file name, not opened) chooses
// the format by extension, with content sniffing as fallback. Failures are
// reported under name.
func (r *Reader) ReadNamed(ctx context.Context, name string, in io.Reader, emit func(news.Document) error, fail func(Failure)) error {
	emit = cleanEmit(emit)
	return r.readStream(ctx, name, name, in, emit, fail)
}

// readStream reads one input: name chooses the format by extension (after
// stripping .gz), with content sniffing when the extension says nothing.
func (r *Reader) readStream(ctx context.Context, path, name string, in io.Reader, emit func(news.Document) error, fail func(Failure)) error {
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(2)
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".gz") || bytes.Equal(head, []byte{0x1f, 0x8b}) {
		if !bytes.Equal(head, []byte{0x1f, 0x8b}) {
			fail(Failure{Path: path, Err: errors.New("not gzip data despite the .gz extension")})
			return nil
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			// gzip's own errors already say "gzip: invalid header".
			fail(Failure{Path: path, Err: fmt.Errorf("not a readable gzip file: %s", strings.TrimPrefix(err.Error(), "gzip: "))})
			return nil
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
		lower = strings.TrimSuffix(lower, ".gz")
	}
	sniffed, err := sniff(br)
	if err != nil {
		fail(Failure{Path: path, Err: err})
		return nil
	}
	format, err := chooseFormat(lower, sniffed, br)
	if err != nil {
		fail(Failure{Path: path, Err: err})
		return nil
	}
	switch format {
	case FormatJSONL:
		return readJSONL(ctx, path, br, emit, fail)
	case FormatWARC:
		return readWARC(ctx, path, br, emit, fail)
	}
	max := r.MaxFileSize
	if max <= 0 {
		max = 64 << 20
	}
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		fail(Failure{Path: path, Err: fmt.Errorf("read: %w", err)})
		return nil
	}
	if int64(len(data)) > max {
		fail(Failure{Path: path, Err: fmt.Errorf("file larger than %d bytes", max)})
		return nil
	}
	if format == FormatFeed {
		return readFeed(ctx, path, data, emit, fail)
	}
	var doc news.Document
	if format == FormatHTML {
		doc = news.Document{Format: FormatHTML, HTML: string(data)}
	} else {
		doc, err = parseText(data)
		if err != nil {
			fail(Failure{Path: path, Err: err})
			return nil
		}
	}
	doc.Path = path
	return emit(doc)
}

// chooseFormat picks the format of a file named name (lower-cased, without
// .gz) from its extension, or from its content when the extension says
// nothing. A .json file is a JSON Feed when its content is one and JSONL
// otherwise; an .xml file is a feed or an HTML page.
func chooseFormat(name, sniffed string, br *bufio.Reader) (string, error) {
	ext := formatByExt(name)
	switch filepath.Ext(name) {
	case ".json":
		if sniffed == FormatFeed {
			return FormatFeed, nil
		}
	case ".xml":
		if sniffed == FormatFeed || sniffed == FormatHTML {
			return sniffed, nil
		}
		if head, _ := br.Peek(1); len(head) == 1 && head[0] == '<' {
			return "", errors.New("not a feed: the XML root element is not rss, rdf:RDF or feed")
		}
	}
	if err := checkFormat(ext, sniffed, br); err != nil {
		return "", err
	}
	if ext == "" {
		return sniffed, nil
	}
	return ext, nil
}

// checkFormat rejects a file whose content contradicts its extension. A .txt
// is always read as text (prose may start with "<" or "{"); an .html file
// needs markup; a .jsonl file must start with a JSON object.
func checkFormat(ext, sniffed string, br *bufio.Reader) error {
	switch {
	case ext == "" || ext == sniffed || ext == FormatText:
		return nil
	case ext == FormatHTML && sniffed == FormatText:
		head, _ := br.Peek(4096)
		if bytes.Contains(head, []byte("<")) && bytes.Contains(head, []byte(">")) {
			return nil // an HTML fragment without <html>
		}
	case ext == FormatJSONL && sniffed == FormatFeed:
		return errors.New("not JSONL: content is a JSON Feed (name it .json)")
	}
	return fmt.Errorf("not %s: content looks like %s", describe(ext), describe(sniffed))
}

func describe(format string) string {
	switch format {
	case FormatHTML:
		return "HTML"
	case FormatJSONL:
		return "JSONL"
	case FormatFeed:
		return "a feed"
	case FormatWARC:
		return "WARC"
	default:
		return "plain text"
	}
}

func formatByExt(name string) string {
	switch filepath.Ext(name) {
	case ".txt", ".text":
		return FormatText
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL
	case ".rss", ".atom", ".xml":
		return FormatFeed
	case ".warc":
		return FormatWARC
	}
	return ""
}

// sniff classifies the start of an input, rejecting empty and binary data.
func sniff(br *bufio.Reader) (string, error) {
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return "", fmt.Errorf("read: %w", err)
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) == 0 {
		if len(head) == 0 {
			return "", errors.New("empty file")
		}
		if len(head) < 4096 {
			return "", errors.New("empty file (only whitespace)")
		}
	}
	if bytes.HasPrefix(trimmed, []byte("WARC/1.")) {
		return FormatWARC, nil // checked first: WARC records may hold binary data
	}
	if isBinary(head) {
		return "", errors.New("binary data, not an article")
	}
	l := bytes.ToLower(trimmed[:min(len(trimmed), 512)])
	switch {
	case len(l) > 0 && l[0] == '{':
		if jsonFeed.Match(trimmed[:min(len(trimmed), 1024)]) {
			return FormatFeed, nil
		}
		return FormatJSONL, nil
	case len(l) > 0 && l[0] == '<' && isFeedRoot(trimmed[:min(len(trimmed), 1024)]):
		return FormatFeed, nil
	case bytes.HasPrefix(l, []byte("<!doctype html")), bytes.HasPrefix(l, []byte("<html")),
		bytes.HasPrefix(l, []byte("<?xml")) && bytes.Contains(l, []byte("<html")),
		bytes.HasPrefix(l, []byte("<!--")) && bytes.Contains(l, []byte("<html")),
		bytes.HasPrefix(l, []byte("<head")), bytes.HasPrefix(l, []byte("<body")):
		return FormatHTML, nil
	}
	return FormatText, nil
}

// jsonFeed matches the version key of a JSON Feed (jsonfeed.org).
var jsonFeed = regexp.MustCompile(`(?:^|[^\\])"version"\s*:\s*"https?://jsonfeed\.org/version/`)

// isFeedRoot reports whether the first element of an XML document (after
// the declaration, comments, processing instructions and doctype) is an RSS,
// RSS 1.0 (rdf:RDF) or Atom root.
func isFeedRoot(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 || i+1 >= len(b) {
			return false
		}
		b = b[i+1:]
		switch {
		case bytes.HasPrefix(b, []byte("!--")):
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				return false
			}
			b = b[end+3:]
			continue
		case b[0] == '?' || b[0] == '!':
			continue
		}
		end := bytes.IndexAny(b, " \t\r\n/>")
		if end < 0 {
			return false
		}
		name := strings.ToLower(string(b[:end]))
		if j := strings.IndexByte(name, ':'); j >= 0 && name != "rdf:rdf" {
			name = name[j+1:] // a prefixed Atom root, <atom:feed>
		}
		return name == "rss" || name == "feed" || name == "rdf:rdf"
	}
}

// isBinary reports NUL bytes or many control bytes in a sample. Invalid
// UTF-8 alone is no sign of binary data: a Latin-1 or Windows-1252 text is
// decoded (plaintext.Decode).
func isBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	return ctl*50 > len(b) && ctl > 8
}

// cleanEmit makes every document's text fields valid UTF-8 without control
// characters before they go on: spans are then always into clean text. A
// text's paragraph breaks lost to "nn" are put back (plaintext.RestoreBreaks).
func cleanEmit(emit func(news.Document) error) func(news.Document) error {
	return func(d news.Document) error {
		d.Title, d.Text = plaintext.Clean(d.Title), plaintext.RestoreBreaks(plaintext.Clean(d.Text))
		d.Source, d.Author, d.URL = plaintext.Clean(d.Source), plaintext.Clean(d.Author), plaintext.Clean(d.URL)
		return emit(d)
	}
}

package api

import (
	"context"
	"crypto/subtle"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
)

// Ingester stores the articles read from r. name tells the format by its
// extension (".jsonl", ".txt", ".html", optionally ".gz") as the readers
// choose it for files. It returns what happened; an error means the whole
// upload failed, while bad lines or documents are counted in the summary.
type Ingester interface {
	Ingest(ctx context.Context, name string, r io.Reader) (IngestSummary, error)
}

// IngestSummary is what one ingest did, as the CLI's closing summary.
type IngestSummary struct {
	Read      int      `json:"read"`
	New       int      `json:"new"`
	Unchanged int      `json:"unchanged"`
	Updated   int      `json:"updated"`
	Failed    int      `json:"failed"`
	Errors    []string `json:"errors"`
}

// uploadName picks the name given to the ingester: ?name= (its base name)
// when present, else one made from the Content-Type.
func uploadName(r *http.Request) (string, error) {
	if n := r.URL.Query().Get("name"); n != "" {
		n = path.Base(strings.ReplaceAll(n, "\\", "/"))
		switch ext := strings.ToLower(path.Ext(strings.TrimSuffix(n, ".gz"))); ext {
		case ".jsonl", ".ndjson", ".txt", ".html", ".htm":
			return n, nil
		}
		return "", Errorf(http.StatusBadRequest, "name must end in .jsonl, .ndjson, .txt, .html or .htm (optionally .gz)")
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return "", Errorf(http.StatusUnsupportedMediaType, "missing or bad Content-Type: use application/x-ndjson, text/plain or text/html, or ?name=FILE.EXT")
	}
	switch mt {
	case "application/x-ndjson", "application/jsonl", "application/json", "application/x-jsonlines":
		return "upload.jsonl", nil
	case "text/plain":
		return "upload.txt", nil
	case "text/html", "application/xhtml+xml":
		return "upload.html", nil
	}
	return "", Errorf(http.StatusUnsupportedMediaType, "unsupported Content-Type %q: use application/x-ndjson, text/plain or text/html", mt)
}

// authorised reports whether r carries the configured bearer token.
func (a *API) authorised(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(a.token)) == 1
}

func (a *API) ingest(r *http.Request) (any, error) {
	if a.token == "" || a.ingester == nil {
		return nil, Errorf(http.StatusForbidden, "ingest is disabled: start the server with an ingest token")
	}
	if !a.authorised(r) {
		return nil, Errorf(http.StatusUnauthorized, "ingest needs the header Authorization: Bearer TOKEN")
	}
	if r.ContentLength > a.maxIngest {
		return nil, &http.MaxBytesError{Limit: a.maxIngest}
	}
	name, err := uploadName(r)
	if err != nil {
		return nil, err
	}
	body := http.MaxBytesReader(nil, r.Body, a.maxIngest)
	defer body.Close()
	sum, err := a.ingester.Ingest(r.Context(), name, body)
	if err != nil {
		return nil, fmt.Errorf("ingest %s: %w", name, err)
	}
	if sum.Errors == nil {
		sum.Errors = []string{}
	}
	return sum, nil
}

package api

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
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
	// The whole body first, into a temporary file: an upload over the limit,
	// however it is sent, is refused with nothing stored, and the
	// connection is free before the analysis starts.
	f, err := spool(r.Body, a.maxIngest)
	if err != nil {
		return nil, err
	}
	run := func(ctx context.Context) (IngestSummary, error) {
		defer os.Remove(f.Name())
		defer f.Close()
		sum, err := a.ingester.Ingest(ctx, name, f)
		if sum.Errors == nil {
			sum.Errors = []string{}
		}
		if err != nil {
			return sum, fmt.Errorf("ingest %s: %w", name, err)
		}
		return sum, nil
	}
	if r.URL.Query().Get("wait") == "true" {
		sum, err := run(r.Context())
		if err != nil {
			return nil, err
		}
		return sum, nil
	}
	job := a.jobs.add(name)
	go func() {
		a.jobs.set(job.ID, func(j *IngestJob) { j.Status = "running" })
		// The upload outlives its request: only the server's end stops it.
		sum, err := run(context.WithoutCancel(r.Context()))
		now := time.Now().UTC()
		a.jobs.set(job.ID, func(j *IngestJob) {
			j.Summary, j.Finished, j.Status = &sum, &now, "done"
			if err != nil {
				j.Status, j.Error = "failed", err.Error()
			}
		})
	}()
	return withStatus{http.StatusAccepted, job, job.URL}, nil
}

// spool copies body, at most limit bytes, into a temporary file and returns
// it rewound; over the limit it returns *http.MaxBytesError.
func spool(body io.Reader, limit int64) (*os.File, error) {
	f, err := os.CreateTemp("", "crosscheck-upload-*")
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(f, http.MaxBytesReader(nil, io.NopCloser(body), limit)); err != nil {
		f.Close()
		os.Remove(f.Name())
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, err
		}
		return nil, Errorf(http.StatusBadRequest, "the upload was cut short: %v", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// IngestJob is an upload being ingested in the background, as
// GET /api/v1/ingests/{id} shows it.
type IngestJob struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Status   string         `json:"status"` // queued, running, done, failed
	Received time.Time      `json:"received"`
	Finished *time.Time     `json:"finished,omitempty"`
	Summary  *IngestSummary `json:"summary,omitempty"`
	Error    string         `json:"error,omitempty"`
	URL      string         `json:"url"`
}

// jobs keeps the most recent uploads' state.
type jobs struct {
	mu    sync.Mutex
	byID  map[string]*IngestJob
	order []string
	n     int
}

// maxJobs is how many uploads' states are kept.
const maxJobs = 200

func (js *jobs) add(name string) IngestJob {
	js.mu.Lock()
	defer js.mu.Unlock()
	if js.byID == nil {
		js.byID = map[string]*IngestJob{}
	}
	js.n++
	id := fmt.Sprintf("u%d-%d", time.Now().Unix(), js.n)
	j := &IngestJob{ID: id, Name: name, Status: "queued", Received: time.Now().UTC(), URL: "/api/v1/ingests/" + id}
	js.byID[id] = j
	js.order = append(js.order, id)
	if len(js.order) > maxJobs {
		delete(js.byID, js.order[0])
		js.order = js.order[1:]
	}
	return *j
}

func (js *jobs) set(id string, f func(*IngestJob)) {
	js.mu.Lock()
	defer js.mu.Unlock()
	if j, ok := js.byID[id]; ok {
		f(j)
	}
}

func (js *jobs) get(id string) (IngestJob, bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	j, ok := js.byID[id]
	if !ok {
		return IngestJob{}, false
	}
	return *j, true
}

// ingestStatus serves GET /api/v1/ingests/{id}: an upload's state, to the
// holder of the ingest token.
func (a *API) ingestStatus(r *http.Request) (any, error) {
	if a.token == "" || a.ingester == nil {
		return nil, Errorf(http.StatusForbidden, "ingest is disabled: start the server with an ingest token")
	}
	if !a.authorised(r) {
		return nil, Errorf(http.StatusUnauthorized, "ingest status needs the header Authorization: Bearer TOKEN")
	}
	j, ok := a.jobs.get(r.PathValue("id"))
	if !ok {
		return nil, news.ErrNotFound
	}
	return j, nil
}

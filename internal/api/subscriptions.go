package api

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Discoverer finds what to subscribe to at a URL: the URL itself when it is
// a feed or sitemap, else the feed a home page announces (follow.Web does).
type Discoverer interface {
	Discover(ctx context.Context, url string) (news.Subscription, error)
}

// Notifier is a Discoverer that wants to know of each subscription added
// through it (serve wakes its poller, so a new subscription is polled at
// once instead of within the minute).
type Notifier interface {
	Subscribed(news.Subscription)
}

// SubscriptionResult is the answer to adding a subscription.
type SubscriptionResult struct {
	Added        bool              `json:"added"` // false: the URL was subscribed already
	Subscription news.Subscription `json:"subscription"`
}

// TokenMatches reports whether got is the configured token want (never
// when want is empty), in constant time.
func TokenMatches(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(want)) == 1
}

// subscriptionStore returns the store's subscription part, or 404 when the
// store keeps none (a read-only store).
func (a *API) subscriptionStore() (news.SubscriptionStore, error) {
	ss, ok := a.store.(news.SubscriptionStore)
	if !ok {
		return nil, Errorf(http.StatusNotFound, "this store keeps no subscriptions")
	}
	return ss, nil
}

// guard refuses a change to the subscriptions unless the request carries
// the ingest token, exactly as POST /api/v1/articles does.
func (a *API) guard(r *http.Request) error {
	if a.token == "" {
		return Errorf(http.StatusForbidden, "changing subscriptions is disabled: start the server with an ingest token")
	}
	if !a.authorised(r) {
		return Errorf(http.StatusUnauthorized, "changing subscriptions needs the header Authorization: Bearer TOKEN")
	}
	return nil
}

func (a *API) subscriptions(r *http.Request) (any, error) {
	ss, err := a.subscriptionStore()
	if err != nil {
		return nil, err
	}
	list, err := ss.Subscriptions(r.Context())
	if list == nil {
		list = []news.Subscription{}
	}
	return list, err
}

func (a *API) addSubscription(r *http.Request) (any, error) {
	if err := a.guard(r); err != nil {
		return nil, err
	}
	if a.discoverer == nil {
		return nil, Errorf(http.StatusForbidden, "adding subscriptions is disabled: this server does not fetch")
	}
	ss, err := a.subscriptionStore()
	if err != nil {
		return nil, err
	}
	var body struct {
		URL string `json:"url"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		return nil, Errorf(http.StatusBadRequest, "want a JSON body {\"url\": \"https://...\"}: %v", err)
	}
	res, err := Subscribe(r.Context(), ss, a.discoverer, body.URL)
	if err != nil {
		return nil, err
	}
	if res.Added {
		return withStatus{http.StatusCreated, res, ""}, nil
	}
	return res, nil
}

// Subscribe subscribes to what d finds at u (the API's POST and the web
// UI's form): an error is an *Error with the status to answer, or the
// store's.
func Subscribe(ctx context.Context, ss news.SubscriptionStore, d Discoverer, u string) (SubscriptionResult, error) {
	u = strings.TrimSpace(u)
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return SubscriptionResult{}, Errorf(http.StatusBadRequest, "url must be an http or https URL")
	}
	sub, err := d.Discover(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			return SubscriptionResult{}, err
		}
		// The source's failure, not ours: say what it was.
		return SubscriptionResult{}, Errorf(http.StatusUnprocessableEntity, "%v", err)
	}
	added, err := ss.AddSubscription(ctx, &sub)
	if err != nil {
		return SubscriptionResult{}, err
	}
	if cur, err := ss.Subscription(ctx, sub.URL); err == nil {
		sub = *cur
	}
	if n, ok := d.(Notifier); ok && added {
		n.Subscribed(sub)
	}
	return SubscriptionResult{Added: added, Subscription: sub}, nil
}

// named returns the subscriptions ?url= names: by URL, or by the page their
// feed was found on (as `crosscheck follow`); none is 404.
func (a *API) named(r *http.Request) (news.SubscriptionStore, []news.Subscription, error) {
	if err := a.guard(r); err != nil {
		return nil, nil, err
	}
	ss, err := a.subscriptionStore()
	if err != nil {
		return nil, nil, err
	}
	hit, err := FindSubscriptions(r.Context(), ss, r.URL.Query().Get("url"))
	return ss, hit, err
}

// FindSubscriptions returns the subscriptions u names: by URL, or by the
// page their feed was found on (as `crosscheck follow` does); none is 404.
func FindSubscriptions(ctx context.Context, ss news.SubscriptionStore, u string) ([]news.Subscription, error) {
	u = strings.TrimSpace(u)
	if u == "" {
		return nil, Errorf(http.StatusBadRequest, "missing url: the subscription's URL or the page its feed was found on")
	}
	list, err := ss.Subscriptions(ctx)
	if err != nil {
		return nil, err
	}
	var hit []news.Subscription
	for _, s := range list {
		if s.URL == u || s.Site != "" && s.Site == u {
			hit = append(hit, s)
		}
	}
	if len(hit) == 0 {
		return nil, Errorf(http.StatusNotFound, "not subscribed: %s", u)
	}
	return hit, nil
}

func (a *API) removeSubscription(r *http.Request) (any, error) {
	ss, hit, err := a.named(r)
	if err != nil {
		return nil, err
	}
	removed := []string{}
	for _, s := range hit {
		if err := ss.RemoveSubscription(r.Context(), s.URL); err != nil && !errors.Is(err, news.ErrNotFound) {
			return nil, err
		}
		removed = append(removed, s.URL)
	}
	return map[string][]string{"removed": removed}, nil
}

func (a *API) pauseSubscription(paused bool) handlerFunc {
	return func(r *http.Request) (any, error) {
		ss, hit, err := a.named(r)
		if err != nil {
			return nil, err
		}
		out := []news.Subscription{}
		for _, s := range hit {
			if err := ss.SetPaused(r.Context(), s.URL, paused); err != nil {
				return nil, err
			}
			s.Paused = paused
			if cur, err := ss.Subscription(r.Context(), s.URL); err == nil {
				s = *cur
			}
			out = append(out, s)
		}
		return out, nil
	}
}

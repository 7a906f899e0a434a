package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// subscriptionRow is one subscription as the page shows it.
type subscriptionRow struct {
	news.Subscription
	State, SuccessAgo, NextIn, Every, ErrorText string
}

// subscriptionsBody is the subscriptions page: the list, the form, and
// what the last form submission did.
type subscriptionsBody struct {
	Rows     []subscriptionRow
	Kept     bool // the store keeps subscriptions
	CanAdd   bool // the server has a token and fetches
	CanEdit  bool // the server has a token
	Msg      string
	Failed   bool
	URLValue string // kept in the form after a failure
}

func (u *ui) subscriptionsPage(r *http.Request) (*page, error) {
	return u.subscriptions(r, subscriptionsBody{}, 0)
}

func (u *ui) subscriptions(r *http.Request, b subscriptionsBody, status int) (*page, error) {
	b.CanEdit = u.token != ""
	b.CanAdd = b.CanEdit && u.discoverer != nil
	ss, ok := u.store.(news.SubscriptionStore)
	b.Kept = ok
	if ok {
		list, err := ss.Subscriptions(r.Context())
		if err != nil {
			return nil, err
		}
		now := time.Now()
		for _, s := range list {
			b.Rows = append(b.Rows, describe(s, now))
		}
	}
	return &page{tmpl: "subscriptions", Title: "Subscriptions", Body: b, Status: status}, nil
}

// describe says a subscription's state in words, as `crosscheck follow list`.
func describe(s news.Subscription, now time.Time) subscriptionRow {
	row := subscriptionRow{Subscription: s, State: "active", SuccessAgo: "never", NextIn: "now", Every: "—", ErrorText: "—"}
	switch {
	case s.Paused:
		row.State = "paused"
	case s.Failures > 0:
		row.State = fmt.Sprintf("failing (%d)", s.Failures)
	}
	if !s.LastSuccess.IsZero() {
		row.SuccessAgo = words.Duration(now.Sub(s.LastSuccess)) + " ago"
	}
	switch {
	case s.Paused:
		row.NextIn = "—"
	case s.NextPoll.After(now):
		row.NextIn = "in " + words.Duration(s.NextPoll.Sub(now))
	}
	if s.Interval > 0 {
		row.Every = words.Duration(s.Interval)
	}
	if s.LastError != "" {
		row.ErrorText = words.Duration(now.Sub(s.LastErrorAt)) + " ago: " + s.LastError
	}
	return row
}

// changeSubscriptions answers the page's form: subscribe, pause, resume or
// remove the URL given, when the form carries the ingest token (the token
// guards this form exactly as it guards POST /api/v1/articles). The page is
// shown again with what happened, and the status says it too.
func (u *ui) changeSubscriptions(r *http.Request) (*page, error) {
	target, action := r.PostFormValue("url"), r.PostFormValue("action")
	fail := func(err error) (*page, error) {
		code, msg := api.StatusOf(err)
		return u.subscriptions(r, subscriptionsBody{Msg: msg, Failed: true, URLValue: target}, code)
	}
	if u.token == "" {
		return fail(api.Errorf(http.StatusForbidden, "changing subscriptions is disabled: start the server with an ingest token"))
	}
	if !api.TokenMatches(r.PostFormValue("token"), u.token) {
		return fail(api.Errorf(http.StatusUnauthorized, "wrong or missing token"))
	}
	ss, ok := u.store.(news.SubscriptionStore)
	if !ok {
		return fail(api.Errorf(http.StatusNotFound, "this store keeps no subscriptions"))
	}
	ctx := r.Context()
	if action == "subscribe" {
		if u.discoverer == nil {
			return fail(api.Errorf(http.StatusForbidden, "adding subscriptions is disabled: this server does not fetch"))
		}
		res, err := api.Subscribe(ctx, ss, u.discoverer, target)
		if err != nil {
			return fail(err)
		}
		msg := "Subscribed to " + res.Subscription.URL
		if !res.Added {
			msg = "Already subscribed to " + res.Subscription.URL
		}
		if res.Subscription.Site != "" {
			msg += " (announced by " + res.Subscription.Site + ")"
		}
		return u.subscriptions(r, subscriptionsBody{Msg: msg + "."}, 0)
	}
	if action != "pause" && action != "resume" && action != "remove" {
		return fail(api.Errorf(http.StatusBadRequest, "unknown action %q", action))
	}
	hit, err := api.FindSubscriptions(ctx, ss, target)
	if err != nil {
		return fail(err)
	}
	done := map[string]string{"pause": "Paused", "resume": "Resumed", "remove": "Unsubscribed from"}[action]
	msg := done
	for i, s := range hit {
		switch action {
		case "remove":
			err = ss.RemoveSubscription(ctx, s.URL)
			if errors.Is(err, news.ErrNotFound) {
				err = nil
			}
		default:
			err = ss.SetPaused(ctx, s.URL, action == "pause")
		}
		if err != nil {
			return nil, err
		}
		if i > 0 {
			msg += ","
		}
		msg += " " + s.URL
	}
	return u.subscriptions(r, subscriptionsBody{Msg: msg + "."}, 0)
}

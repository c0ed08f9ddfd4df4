// Package redis is a stub of github.com/redis/go-redis/v9 for tests: the
// real client's commands are methods of an embedded function type; these
// are on *Client, which the models name as well.
package redis

import (
	"context"
	"time"
)

type Client struct{}

type StatusCmd struct{}

type BoolCmd struct{}

type IntCmd struct{}

const KeepTTL = -1

func NewClient(opt *Options) *Client { return &Client{} }

type Options struct{ Addr string }

func (c *Client) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

func (c *Client) SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd {
	return &BoolCmd{}
}

func (c *Client) HSet(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}

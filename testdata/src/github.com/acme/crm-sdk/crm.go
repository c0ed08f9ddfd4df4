// Package crm stands for a vendor's SDK.
package crm

type Client struct{}

func (c *Client) Upsert(email, phone string) error { return nil }

// Package web stands for a web framework's context.
package web

type Context struct{ addr string }

func (c *Context) ClientIP() string { return c.addr }

func (c *Context) Path() string { return "/" }

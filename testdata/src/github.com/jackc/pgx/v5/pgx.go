// Package pgx is a stub of github.com/jackc/pgx/v5 for tests.
package pgx

import "context"

type Conn struct{}

type CommandTag struct{}

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (CommandTag, error) {
	return CommandTag{}, nil
}

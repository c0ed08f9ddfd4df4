// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo for tests.
package mongo

import "context"

type Collection struct{}

type InsertOneResult struct{}

type UpdateResult struct{}

func (c *Collection) InsertOne(ctx context.Context, document interface{}) (*InsertOneResult, error) {
	return nil, nil
}

func (c *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{}) (*UpdateResult, error) {
	return nil, nil
}

package drivers

import (
	"context"

	"github.com/jackc/pgx/v5"
	"go.mongodb.org/mongo-driver/mongo"
	"gorm.io/gorm"
)

type Child struct {
	ID   int64
	Name string `privacy:"user.childrens"`
}

type Class struct {
	ID    int64
	Title string
}

func save(ctx context.Context, db *gorm.DB, coll *mongo.Collection, conn *pgx.Conn, c *Child, k *Class) {
	db.Create(c)                                                         // want `user.childrens \(Child.Name\) reaches store sink gorm.DB.Create`
	db.Create(k)                                                         // a class is not personal data
	coll.InsertOne(ctx, c)                                               // want `reaches store sink mongo.Collection.InsertOne`
	conn.Exec(ctx, "INSERT INTO children VALUES ($1, $2)", c.ID, c.Name) // want `reaches store sink pgx.Conn.Exec`
	conn.Exec(ctx, "INSERT INTO classes VALUES ($1)", k.Title)
}

package models

import "strings"

// URLArg marks, for outbound sinks, which argument holds the destination
// (a URL string, a *url.URL or an *http.Request), so the engine can
// resolve the recipient from its host.
type URLArg struct {
	Index int
	Form  string // "url", "request", "addr" (host:port), "client" (receiver *http.Client), "conn" (a dialled connection)
}

// outbound registers the sends that leave the process for an outside
// party: net/http, net/smtp, raw connections.
func outbound(t map[string]*Model) {
	send := func(name string, from int, dest ...URLArg) {
		t[name] = &Model{Sink: &Sink{Kind: ThirdParty, From: from, Writer: -1, Dest: dest}, WriteInto: -1}
	}
	// Package-level helpers use http.DefaultClient.
	send("net/http.Get", 0, URLArg{0, "url"})
	send("net/http.Head", 0, URLArg{0, "url"})
	send("net/http.Post", 0, URLArg{0, "url"})
	send("net/http.PostForm", 0, URLArg{0, "url"})
	for _, m := range []string{"Get", "Head", "Post", "PostForm"} {
		send("(*net/http.Client)."+m, 1, URLArg{1, "url"}, URLArg{0, "client"})
	}
	send("(*net/http.Client).Do", 1, URLArg{1, "request"}, URLArg{0, "client"})
	send("(*net/http.Transport).RoundTrip", 1, URLArg{1, "request"})
	send("(net/http.RoundTripper).RoundTrip", 1, URLArg{1, "request"})
	// A client does not send the fields a server fills in on the
	// requests it receives (net/http: "ignored by the HTTP client").
	for _, n := range []string{"(*net/http.Client).Do", "(*net/http.Transport).RoundTrip", "(net/http.RoundTripper).RoundTrip"} {
		t[n].Sink.Ignore = []string{"RemoteAddr", "RequestURI"}
	}
	send("net/smtp.SendMail", 0, URLArg{0, "addr"})
	// Raw connections: the destination was fixed when dialling.
	send("(net.Conn).Write", 1, URLArg{0, "conn"})
	send("(*net.TCPConn).Write", 1, URLArg{0, "conn"})
	send("(*net.UDPConn).Write", 1, URLArg{0, "conn"})
	send("(*net.UDPConn).WriteTo", 1, URLArg{0, "conn"})
	send("(*crypto/tls.Conn).Write", 1, URLArg{0, "conn"})
}

// storage registers writes to databases, caches, files and cookies.
func storage(t map[string]*Model) {
	store := func(from int, names ...string) {
		for _, n := range names {
			t[n] = &Model{Sink: &Sink{Kind: Store, From: from, Writer: -1}, WriteInto: -1}
		}
	}
	each := func(format string, names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, strings.ReplaceAll(format, "%", n))
		}
		return out
	}
	sqlMethods := []string{"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext"}
	for _, recv := range []string{"*database/sql.DB", "*database/sql.Tx", "*database/sql.Conn"} {
		store(1, each("("+recv+").%", sqlMethods...)...)
	}
	store(1, each("(*database/sql.Stmt).%", sqlMethods...)...)
	for _, recv := range []string{"*github.com/jackc/pgx/v5.Conn", "*github.com/jackc/pgx/v5/pgxpool.Pool", "github.com/jackc/pgx/v5.Tx"} {
		store(1, each("("+recv+").%", "Exec", "Query", "QueryRow", "SendBatch", "CopyFrom")...)
	}
	store(1, each("(*gorm.io/gorm.DB).%", "Create", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns", "FirstOrCreate", "CreateInBatches")...)
	for _, p := range []string{"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo"} {
		store(1, each("(*"+p+".Collection).%", "InsertOne", "InsertMany", "UpdateOne", "UpdateMany", "UpdateByID",
			"ReplaceOne", "FindOneAndUpdate", "FindOneAndReplace", "BulkWrite")...)
	}
	redis := []string{"Set", "SetEx", "SetNX", "SetXX", "SetArgs", "GetSet", "HSet", "HMSet", "HSetNX", "LPush", "RPush",
		"SAdd", "ZAdd", "Append", "MSet", "MSetNX", "XAdd", "Publish"}
	for _, recv := range []string{"github.com/redis/go-redis/v9.cmdable", "github.com/redis/go-redis/v9.Cmdable",
		"*github.com/redis/go-redis/v9.Client", "github.com/redis/go-redis/v9.StatefulCmdable", "github.com/redis/go-redis/v9.Pipeliner"} {
		store(1, each("("+recv+").%", redis...)...)
	}
	// Writes that set their own expiry.
	for _, recv := range []string{"github.com/redis/go-redis/v9.cmdable", "github.com/redis/go-redis/v9.Cmdable",
		"*github.com/redis/go-redis/v9.Client", "github.com/redis/go-redis/v9.StatefulCmdable", "github.com/redis/go-redis/v9.Pipeliner"} {
		for _, m := range []string{"Set", "SetEx", "SetNX", "SetXX"} {
			t["("+recv+")."+m] = &Model{Sink: &Sink{Kind: Store, From: 1, Writer: -1, Expiry: 5, ExpiryForm: "redis"}, WriteInto: -1}
		}
	}
	store(0, "os.WriteFile")
	store(1, "(*os.File).Write", "(*os.File).WriteString", "(*os.File).WriteAt")
	t["net/http.SetCookie"] = &Model{Sink: &Sink{Kind: Cookie, From: 1, Writer: -1, Expiry: 2, ExpiryForm: "cookie"}, WriteInto: -1}
}

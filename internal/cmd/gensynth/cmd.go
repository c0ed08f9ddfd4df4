package main

import (
	"fmt"
	"strings"
)

// Main packages wire a group of APIs to one server. They matter to the
// analysis beyond their size: the retention rules are judged over the
// whole program in main packages (PV402), so every category stored must
// be covered by an erase function the program links in, and consent
// needs that reach an exported entry point end there. Nothing is planted
// in them.

func (g *gen) cmdUnits() ([]unit, string) {
	c := g.q
	var wire strings.Builder
	for _, a := range c.lower {
		fmt.Fprintf(&wire, "\t%s.New(db).Routes(mux)\n", a.name)
	}
	v := vars{"C": c.name, "K": c.kit.name, "WIRE": wire.String()}
	units := []unit{{file: "main.go", must: true, render: func(bool) string { return expand(cmdMain, v) }}}
	doc := "Command " + c.name + " serves " + itoa(len(c.lower)) + " of the HTTP APIs." + synthNote(g.p.cfg.Seed)
	return units, doc
}

const cmdMain = `func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// accessLog logs every request with the client address, which the
// statement allows in log files.
func accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		log.Printf("%s %s from %s in %s", r.Method, r.URL.Path, {{K}}.RealIP(r), time.Since(start))
	})
}

func main() {
	// The SQL driver is linked in by the deployment build.
	db, err := sql.Open(env("DB_DRIVER", "postgres"), os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("database: %v", err)
	}
	defer db.Close()

	mux := http.NewServeMux()
{{WIRE}}
	srv := &http.Server{
		Addr:              env("ADDR", ":8080"),
		Handler:           accessLog(mux),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	log.Printf("{{C}} listening on %s", srv.Addr)
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
`

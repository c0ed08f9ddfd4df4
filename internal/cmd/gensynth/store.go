package main

// Store packages keep one or two entities in SQL with database/sql: an
// INSERT of every personal field, lookups that wrap the e-mail address
// into their errors, credentials stored as SHA-256 hashes, visits (cookie
// ids, IPs), batch inserts in a transaction closure, and an erase function
// (//privacy:erase user) so that no retention finding (PV402) fires. Each
// repository implements its model's repository interface. Leaks planted
// here are a debug log of an e-mail address and plain-text passwords in a
// legacy import (PV502).

func (g *gen) storeUnits() ([]unit, string) {
	s := g.q
	v := vars{"ST": s.name, "K": s.kit.name}
	units := []unit{
		{file: s.name + ".go", must: true, render: func(bool) string { return expand(storeCommon, v) }},
	}
	for _, e := range s.entities {
		ev := entityVars(e).with("ST", s.name, "K", s.kit.name)
		file := lower(e.Name) + "_repo.go"
		units = append(units,
			unit{file: file, must: true, render: func(bool) string { return expand(storeRepo, ev) }},
			unit{file: file, must: true, rule: "PV101", render: func(planted bool) string {
				line := `log.Printf("{{ST}}: inserted {{e}} %d (plan %s)", x.ID, x.Plan)`
				if planted {
					line = `log.Printf("{{ST}}: inserted {{e}} %d <%s>", x.ID, x.{{EMAIL}})` + mark(true, "PV101")
				}
				return expand(storeInsert, ev.with("LOG", expand(line, ev)))
			}},
			unit{file: file, must: true, render: func(bool) string { return expand(storeGet, ev) }},
			unit{file: file, must: true, render: func(bool) string { return expand(storeList, ev) }},
			unit{file: file, must: true, render: func(bool) string { return expand(storeDelete, ev) }},
			unit{file: lower(e.Name) + "_creds.go", must: true, rule: "PV502", render: func(planted bool) string {
				hash, arg := "sum := sha256.Sum256([]byte(rec.Password))", "hex.EncodeToString(sum[:])"
				if planted {
					hash, arg = "// Rehashed at the first login.", "rec.Password"
				}
				return expand(storeCreds, ev.with("HASH", hash, "ARG", arg, "MARK", mark(planted, "PV502")))
			}},
			unit{file: lower(e.Name) + "_visits.go", must: true, render: func(bool) string { return expand(storeVisits, ev) }},
			unit{file: file, render: func(bool) string { return expand(storeBatch, ev) }},
			unit{file: file, render: func(bool) string { return expand(storeStatus, ev) }},
			unit{file: file, render: func(bool) string { return expand(storeSearch, ev) }},
			unit{file: file, render: func(bool) string { return expand(storeContact, ev) }},
		)
	}
	doc := "Package " + s.name + " keeps records in SQL." + synthNote(g.p.cfg.Seed)
	return units, doc
}

const storeCommon = `// Note records an action of this store in the audit trail; subject
// names the record.
func Note(action, subject string) {
	{{K}}.Record("{{ST}}."+action, subject)
}

// inTx runs f in a transaction, committing when it returns nil.
func inTx(ctx context.Context, db *sql.DB, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("{{ST}}: begin: %w", err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

type scanner interface {
	Scan(dest ...any) error
}
`

const storeRepo = `const (
	insert{{E}} = ` + "`" + `INSERT INTO {{T}} (account_id, email, name, phone, ip, street, city, postal_code, country, plan, status, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id` + "`" + `
	select{{E}} = ` + "`" + `SELECT id, account_id, email, name, phone, ip, street, city, postal_code, country, plan, status, score, created_at, updated_at FROM {{T}}` + "`" + `
)

// {{E}}Repo keeps {{M}}.{{E}} records in the {{T}} table.
type {{E}}Repo struct {
	db *sql.DB
}

// New{{E}}Repo returns a repository on db.
func New{{E}}Repo(db *sql.DB) *{{E}}Repo {
	return &{{E}}Repo{db: db}
}

var _ {{M}}.{{E}}Repository = (*{{E}}Repo)(nil)
`

const storeInsert = `// Insert stores x and sets its ID.
func (r *{{E}}Repo) Insert(ctx context.Context, x *{{M}}.{{E}}) error {
	a := x.Address
	err := r.db.QueryRowContext(ctx, insert{{E}}, x.AccountID, x.{{EMAIL}}, x.{{FULL}}, x.{{PHONE}}, x.{{IP}}, a.Street, a.City, a.PostalCode, a.Country, x.Plan, x.Status, x.CreatedAt).Scan(&x.ID)
	if err != nil {
		return fmt.Errorf("{{ST}}: insert {{e}}: %w", err)
	}
	{{LOG}}
	return nil
}
`

const storeGet = `func scan{{E}}(row scanner) (*{{M}}.{{E}}, error) {
	var x {{M}}.{{E}}
	a := &x.Address
	if err := row.Scan(&x.ID, &x.AccountID, &x.{{EMAIL}}, &x.{{FULL}}, &x.{{PHONE}}, &x.{{IP}}, &a.Street, &a.City, &a.PostalCode, &a.Country, &x.Plan, &x.Status, &x.Score, &x.CreatedAt, &x.UpdatedAt); err != nil {
		return nil, err
	}
	return &x, nil
}

// Get returns the {{e}} with the given id.
func (r *{{E}}Repo) Get(ctx context.Context, id int64) (*{{M}}.{{E}}, error) {
	x, err := scan{{E}}(r.db.QueryRowContext(ctx, select{{E}}+" WHERE id = $1", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("{{ST}}: {{e}} %d: %w", id, {{M}}.ErrNotFound)
	}
	return x, err
}

// FindByEmail returns the {{e}} registered with the address email.
func (r *{{E}}Repo) FindByEmail(ctx context.Context, email string) (*{{M}}.{{E}}, error) {
	x, err := scan{{E}}(r.db.QueryRowContext(ctx, select{{E}}+" WHERE email = $1", strings.ToLower(email)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("{{ST}}: no {{e}} with e-mail %q: %w", email, {{M}}.ErrNotFound)
	}
	return x, err
}
`

const storeList = `// ListByPlan returns the {{es}} on plan, oldest first.
func (r *{{E}}Repo) ListByPlan(ctx context.Context, plan string) ({{M}}.{{E}}List, error) {
	rows, err := r.db.QueryContext(ctx, select{{E}}+" WHERE plan = $1 ORDER BY created_at", plan)
	if err != nil {
		return nil, fmt.Errorf("{{ST}}: list {{es}}: %w", err)
	}
	defer rows.Close()
	var list {{M}}.{{E}}List
	for rows.Next() {
		x, err := scan{{E}}(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, *x)
	}
	return list, rows.Err()
}
`

const storeDelete = `// Delete erases the {{e}} with the given id, with its credentials and
// visits: the account deletion of the privacy statement.
//
//privacy:erase user
func (r *{{E}}Repo) Delete(ctx context.Context, id int64) error {
	return inTx(ctx, r.db, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM {{e}}_visits WHERE {{e}}_id = $1", id); err != nil {
			return fmt.Errorf("{{ST}}: delete visits of {{e}} %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM {{e}}_credentials WHERE {{e}}_id = $1", id); err != nil {
			return fmt.Errorf("{{ST}}: delete credentials of {{e}} %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM {{T}} WHERE id = $1", id); err != nil {
			return fmt.Errorf("{{ST}}: delete {{e}} %d: %w", id, err)
		}
		Note("{{e}}.deleted", strconv.FormatInt(id, 10))
		return nil
	})
}
`

const storeCreds = `// SaveCredentials stores the password hash of {{e}} id.
func (r *{{E}}Repo) SaveCredentials(ctx context.Context, id int64, hash string) error {
	_, err := r.db.ExecContext(ctx, "INSERT INTO {{e}}_credentials ({{e}}_id, hash) VALUES ($1, $2) ON CONFLICT ({{e}}_id) DO UPDATE SET hash = $2", id, hash)
	if err != nil {
		return fmt.Errorf("{{ST}}: credentials of {{e}} %d: %w", id, err)
	}
	return nil
}

// ImportLegacy copies {{es}} over from the previous system, which kept
// passwords reversibly.
func (r *{{E}}Repo) ImportLegacy(ctx context.Context, recs []{{M}}.{{E}}Signup) (int, error) {
	n := 0
	for _, rec := range recs {
		x := rec.New{{E}}(time.Now())
		if err := r.Insert(ctx, x); err != nil {
			return n, err
		}
		{{HASH}}
		if _, err := r.db.ExecContext(ctx, "INSERT INTO {{e}}_credentials ({{e}}_id, hash, legacy) VALUES ($1, $2, true)", x.ID, {{ARG}}); err != nil {{{MARK}}
			return n, fmt.Errorf("{{ST}}: import {{e}} %d: %w", x.ID, err)
		}
		n++
	}
	Note("{{e}}.imported", strconv.Itoa(n))
	return n, nil
}
`

const storeVisits = `// RecordVisit stores that the visitor vid, from ip, looked at {{e}} id.
func (r *{{E}}Repo) RecordVisit(ctx context.Context, id int64, vid {{M}}.VisitorID, ip string) error {
	_, err := r.db.ExecContext(ctx, "INSERT INTO {{e}}_visits ({{e}}_id, visitor, ip, at) VALUES ($1, $2, $3, now())", id, string(vid), ip)
	if err != nil {
		return fmt.Errorf("{{ST}}: visit of {{e}} %d: %w", id, err)
	}
	return nil
}

// CountVisits returns how many visits {{e}} id had since t.
func (r *{{E}}Repo) CountVisits(ctx context.Context, id int64, since time.Time) (int, error) {
	var n int
	err := r.db.QueryRowContext(ctx, "SELECT count(*) FROM {{e}}_visits WHERE {{e}}_id = $1 AND at >= $2", id, since).Scan(&n)
	return n, err
}
`

const storeBatch = `// InsertBatch stores list in one transaction, setting the IDs.
func (r *{{E}}Repo) InsertBatch(ctx context.Context, list {{M}}.{{E}}List) error {
	return inTx(ctx, r.db, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, insert{{E}})
		if err != nil {
			return fmt.Errorf("{{ST}}: prepare: %w", err)
		}
		defer stmt.Close()
		for i := range list {
			x := &list[i]
			a := x.Address
			if err := stmt.QueryRowContext(ctx, x.AccountID, x.{{EMAIL}}, x.{{FULL}}, x.{{PHONE}}, x.{{IP}}, a.Street, a.City, a.PostalCode, a.Country, x.Plan, x.Status, x.CreatedAt).Scan(&x.ID); err != nil {
				return fmt.Errorf("{{ST}}: batch insert {{e}} %d of %d: %w", i+1, len(list), err)
			}
		}
		return nil
	})
}
`

const storeStatus = `// UpdateStatus sets the status of {{e}} id.
func (r *{{E}}Repo) UpdateStatus(ctx context.Context, id int64, status string) error {
	res, err := r.db.ExecContext(ctx, "UPDATE {{T}} SET status = $2, updated_at = now() WHERE id = $1", id, status)
	if err != nil {
		return fmt.Errorf("{{ST}}: status of {{e}} %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("{{ST}}: {{e}} %d: %w", id, {{M}}.ErrNotFound)
	}
	return nil
}

// CountByStatus returns the number of {{es}} in each status.
func (r *{{E}}Repo) CountByStatus(ctx context.Context) (map[string]int, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT status, count(*) FROM {{T}} GROUP BY status")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]int)
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		out[status] = n
	}
	return out, rows.Err()
}
`

const storeSearch = `// Search returns a page of the {{es}} whose plan or status starts with
// prefix, newest first, and the total count.
func (r *{{E}}Repo) Search(ctx context.Context, prefix string, page {{M}}.Page) ({{M}}.{{E}}List, int, error) {
	var total int
	pattern := strings.ReplaceAll(prefix, "%", "") + "%"
	if err := r.db.QueryRowContext(ctx, "SELECT count(*) FROM {{T}} WHERE plan LIKE $1 OR status LIKE $1", pattern).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("{{ST}}: count {{es}}: %w", err)
	}
	from, to := page.Clamp(total)
	rows, err := r.db.QueryContext(ctx, select{{E}}+" WHERE plan LIKE $1 OR status LIKE $1 ORDER BY created_at DESC OFFSET $2 LIMIT $3", pattern, from, to-from)
	if err != nil {
		return nil, 0, fmt.Errorf("{{ST}}: search {{es}}: %w", err)
	}
	defer rows.Close()
	list := make({{M}}.{{E}}List, 0, to-from)
	for rows.Next() {
		x, err := scan{{E}}(rows)
		if err != nil {
			return nil, 0, err
		}
		list = append(list, *x)
	}
	return list, total, rows.Err()
}
`

const storeContact = `// UpdateContact stores new contact details of x.
func (r *{{E}}Repo) UpdateContact(ctx context.Context, x *{{M}}.{{E}}) error {
	a := x.Address
	_, err := r.db.ExecContext(ctx, "UPDATE {{T}} SET email = $2, name = $3, phone = $4, street = $5, city = $6, postal_code = $7, country = $8, updated_at = now() WHERE id = $1",
		x.ID, x.{{EMAIL}}, x.{{FULL}}, x.{{PHONE}}, a.Street, a.City, a.PostalCode, a.Country)
	if err != nil {
		return fmt.Errorf("{{ST}}: contact of {{e}} %d: %w", x.ID, err)
	}
	Note("{{e}}.contact_updated", strconv.FormatInt(x.ID, 10))
	return nil
}

// TouchIP records the address {{e}} id was last seen from.
func (r *{{E}}Repo) TouchIP(ctx context.Context, id int64, ip string) error {
	_, err := r.db.ExecContext(ctx, "UPDATE {{T}} SET ip = $2, updated_at = now() WHERE id = $1", id, ip)
	return err
}
`

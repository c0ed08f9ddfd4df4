package devices

import (
	"database/sql"

	"policyentries/app"
)

type Fix struct {
	Device int64
	Lat    float64 `privacy:"user.location.precise"`
}

func record(db *sql.DB, f *Fix) {
	if app.TrackingEnabled(f.Device) {
		db.Exec("INSERT INTO fixes VALUES ($1, $2)", f.Device, f.Lat)
	}
	db.Exec("INSERT INTO fixes VALUES ($1, $2)", f.Device, f.Lat) // want `user.location.precise \(Fix.Lat\) reaches store sink sql.DB.Exec outside a check for essential.service.operations.device_monitoring, which must gate its collection`
	db.Exec("INSERT INTO pings VALUES ($1)", f.Device)
}

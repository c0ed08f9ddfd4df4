package telemetry

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

const (
	upsertDevice = `INSERT INTO devices (id, tenant_id, hostname, os, agent_version, serial_number, imei, mac, assigned_user, user_email, phone_number, apps, last_ip)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
ON CONFLICT (id) DO UPDATE SET hostname = EXCLUDED.hostname, os = EXCLUDED.os, agent_version = EXCLUDED.agent_version,
  assigned_user = EXCLUDED.assigned_user, user_email = EXCLUDED.user_email, phone_number = EXCLUDED.phone_number,
  apps = EXCLUDED.apps, last_ip = EXCLUDED.last_ip, seen_at = now()`
	insertFix      = `INSERT INTO location_history (device_id, lat, lon, accuracy_m, fixed_at) VALUES ($1, $2, $3, $4, $5)`
	deleteDevices  = `DELETE FROM devices WHERE tenant_id = $1`
	insertAssigned = `INSERT INTO device_assignments (device_id, classroom) VALUES ($1, $2)`
	insertStudent  = `INSERT INTO device_assignments (device_id, classroom, student) VALUES ($1, $2, $3)`
	deleteStudents = `UPDATE device_assignments SET student = NULL WHERE device_id IN (SELECT id FROM devices WHERE tenant_id = $1)`
)

// Store is the device inventory in the tenant database.
type Store struct {
	db *sql.DB
}

// NewStore wraps db.
func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// SaveDevice inserts or refreshes a device row.
func (s *Store) SaveDevice(ctx context.Context, d Device, ip string) error {
	apps, err := json.Marshal(d.Apps)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, upsertDevice, d.ID, d.TenantID, d.Hostname, d.OS, d.AgentVersion, d.SerialNumber, d.IMEI, d.MAC, d.AssignedUser, d.UserEmail, d.PhoneNumber, apps, ip) // OK: every category here is erased by PurgeTenant
	if err != nil {
		return fmt.Errorf("telemetry: save device %d: %w", d.ID, err)
	}
	return nil
}

// SaveFix appends a GPS fix to the device's location history, which the map
// view and the geofencing reports read.
func (s *Store) SaveFix(ctx context.Context, deviceID int64, loc Location) error {
	_, err := s.db.ExecContext(ctx, insertFix, deviceID, loc.Lat, loc.Lon, loc.Accuracy, loc.At) // OK here: location history is kept forever and no erase function covers user.location; PV402 is a whole-program finding, reported in cmd/itsaasd at the import of this package
	return err
}

// PurgeTenant removes a tenant's devices when the tenant cancels (§8).
//
//privacy:erase user.device user.contact.email user.contact.phone_number user.name
func (s *Store) PurgeTenant(ctx context.Context, tenantID int64) error {
	_, err := s.db.ExecContext(ctx, deleteDevices, tenantID)
	return err
}

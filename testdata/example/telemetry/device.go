// Package telemetry receives check-ins from the endpoint agents deployed on
// managed laptops, phones and tablets, and keeps the device inventory that
// technicians work from.
package telemetry

import (
	"net"
	"net/http"
	"strings"
	"time"
)

// Device is one managed endpoint as its agent reports it.
type Device struct {
	ID           int64         `json:"id"`
	TenantID     int64         `json:"tenant_id"`
	Hostname     string        `json:"hostname"`
	OS           string        `json:"os"`
	AgentVersion string        `json:"agent_version"`
	SerialNumber string        `json:"serial_number"`                                  // BUG(PV701): a device serial number identifies the device and its user (§2 lists it), but carries no privacy tag
	IMEI         string        `json:"imei,omitempty" privacy:"user.device.device_id"` // OK: tagged
	MAC          string        `json:"mac" privacy:"user.device.device_id"`
	AssignedUser string        `json:"assigned_user,omitempty" privacy:"user.name"`
	UserEmail    string        `json:"user_email,omitempty" privacy:"user.contact.email"`
	PhoneNumber  string        `json:"phone_number,omitempty" privacy:"user.contact.phone_number"`
	Apps         []string      `json:"apps,omitempty" privacy:"user.device"`
	Network      NetworkConfig `json:"network"`
}

// NetworkConfig is the device's network setup. None of it is about a person.
type NetworkConfig struct {
	IPv6Enabled bool     `json:"ipv6_enabled"` // OK: a setting, not an IP address (no PV701)
	NameServer  string   `json:"name_server"`  // OK: a resolver, not a person's name (no PV701)
	SearchPath  []string `json:"search_path,omitempty"`
	Carrier     string   `json:"carrier,omitempty"`
	SignalDBm   int      `json:"signal_dbm,omitempty"`
}

// Location is one GPS fix.
type Location struct {
	Lat      float64   `json:"lat" privacy:"user.location.precise"`
	Lon      float64   `json:"lon" privacy:"user.location.precise"`
	Accuracy float64   `json:"accuracy_m"`
	At       time.Time `json:"at"`
}

// CheckIn is what an agent posts every few minutes.
type CheckIn struct {
	Device   Device    `json:"device"`
	Location *Location `json:"location,omitempty"`
	Uptime   int64     `json:"uptime_s"`
	Crash    string    `json:"crash,omitempty"` // stack trace of the last agent crash, if any
}

// RealIP returns the client address of r, honouring the load balancer's
// forwarding headers.
//
//privacy:source user.device.ip_address
func RealIP(r *http.Request) string {
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		first, _, _ := strings.Cut(xff, ",")
		return strings.TrimSpace(first)
	}
	if xr := r.Header.Get("X-Real-Ip"); xr != "" {
		return xr
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

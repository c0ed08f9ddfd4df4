package telemetry

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"runtime"
	"sync/atomic"
	"time"
)

// crashIngestURL is the crash-reporting service the agent team evaluated in
// 2016. It was never added to the list of service providers.
const crashIngestURL = "https://ingest.crashsink.example/api/v2/reports"

// Collector is the HTTP endpoint the agents post their check-ins to.
type Collector struct {
	Store *Store
	HTTP  *http.Client
	Debug bool

	droppedFixes atomic.Int64
}

// DroppedFixes reports how many GPS fixes could not be stored.
func (c *Collector) DroppedFixes() int64 { return c.droppedFixes.Load() }

// crashReport is what the crash-reporting service receives.
type crashReport struct {
	Service string `json:"service"`
	Version string `json:"version"`
	OS      string `json:"os"`
	Stack   string `json:"stack"`
	Device  Device `json:"device"`
}

// diagnostics is the anonymous variant: agent build and platform only.
type diagnostics struct {
	Service string `json:"service"`
	Version string `json:"version"`
	OS      string `json:"os"`
	Stack   string `json:"stack"`
	GoVer   string `json:"go"`
}

// ServeHTTP handles POST /agent/checkin.
func (c *Collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var in CheckIn
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&in); err != nil {
		http.Error(w, "malformed check-in", http.StatusBadRequest)
		return
	}
	ip := RealIP(r)
	log.Printf("agent checkin device=%d agent=%s from %s", in.Device.ID, in.Device.AgentVersion, ip) // OK: §2 discloses IP addresses in log files
	if c.Debug && in.Location != nil {
		fmt.Println("checkin", in.Device.IMEI, in.Location.Lat, in.Location.Lon) // BUG(PV101): IMEI and GPS position on stdout, which is shipped with the logs
	}
	if c.Debug {
		fmt.Println("checkin", in.Device.ID, in.Device.OS, in.Uptime) // OK: device id, OS and uptime only
	}

	ctx := r.Context()
	if err := c.Store.SaveDevice(ctx, in.Device, ip); err != nil {
		// The agent retries with backoff; the 503 shows in the access log.
		http.Error(w, "storage unavailable", http.StatusServiceUnavailable)
		return
	}
	if in.Location != nil {
		if err := c.Store.SaveFix(ctx, in.Device.ID, *in.Location); err != nil {
			c.droppedFixes.Add(1)
		}
	}
	if in.Crash != "" {
		go c.reportCrash(context.WithoutCancel(ctx), in.Device, in.Crash)
		go c.reportDiagnostics(context.WithoutCancel(ctx), in.Device.OS, in.Device.AgentVersion, in.Crash)
	}
	w.WriteHeader(http.StatusNoContent)
}

// reportCrash forwards an agent crash, with the device it happened on, so the
// agent team can reproduce it.
func (c *Collector) reportCrash(ctx context.Context, d Device, stack string) {
	body, err := json.Marshal(crashReport{Service: "agent", Version: d.AgentVersion, OS: d.OS, Stack: stack, Device: d})
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, crashIngestURL, bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req) // BUG(PV201): the whole Device (IMEI, MAC, user email, phone, apps) goes to a host that is no declared recipient
	if err != nil {
		return // best effort; the agent keeps the dump and sends it again
	}
	resp.Body.Close()
}

// reportDiagnostics forwards the crash without anything about the device's user.
func (c *Collector) reportDiagnostics(ctx context.Context, osName, version, stack string) {
	body, err := json.Marshal(diagnostics{Service: "agent", Version: version, OS: osName, Stack: stack, GoVer: runtime.Version()})
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, crashIngestURL, bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req) // OK: same host, but no personal data in the payload
	if err != nil {
		return
	}
	resp.Body.Close()
}

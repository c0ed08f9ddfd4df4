// Package notify fans account and tenant events out to the interested parties.
// Today that is the audit trail only; webhooks to tenant integrations will
// subscribe here as well.
package notify

import (
	"time"

	"example.com/itsaas/audit"
)

// AccountChanged records that something about an account changed. subject is
// how the account is named in the trail; change is a short verb phrase such as
// "created" or "password_reset_requested".
func AccountChanged(subject, change string) {
	audit.Record("account."+change, subject, stamp())
}

// TenantChanged records a change to a tenant's settings.
func TenantChanged(tenantID, setting string) {
	audit.Record("tenant.settings", tenantID, setting+" at "+stamp())
}

func stamp() string { return time.Now().UTC().Format(time.RFC3339) }

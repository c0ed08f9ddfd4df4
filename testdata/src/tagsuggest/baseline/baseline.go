// Package baseline exercises PV701's categories under the built-in
// baseline policy, which declares no finer device categories.
package baseline

import "net"

type Device struct {
	MAC       net.HardwareAddr // want `field Device.MAC looks like personal data \(user.device.device_id\)`
	IMEI      string           // want `field Device.IMEI looks like personal data \(user.device.device_id\)`
	Serial    string           // want `field Device.Serial looks like personal data \(user.device.device_id\)`
	UserAgent string           // want `field Device.UserAgent looks like personal data \(user.device\)`
	Location  string           // want `field Device.Location looks like personal data \(user.location\)`
}

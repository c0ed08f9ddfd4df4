package telemetry

import (
	"context"
	"fmt"
)

// RosterEntry is one line of the class roster a school district uploads so
// that carts of tablets can be assigned to classrooms.
type RosterEntry struct {
	DeviceID  int64  `json:"device_id"`
	Classroom string `json:"classroom"`
	Student   string `json:"student,omitempty" privacy:"user.childrens"`
}

// AssignStudents assigns each device to its classroom and to the pupil who
// uses it, so that teachers can find a lost tablet by the child's name.
func (s *Store) AssignStudents(ctx context.Context, roster []RosterEntry) error {
	for _, e := range roster {
		if _, err := s.db.ExecContext(ctx, insertStudent, e.DeviceID, e.Classroom, e.Student); err != nil { // BUG(PV403): stores children's names; §6 says we do not collect them
			return fmt.Errorf("telemetry: assign device %d: %w", e.DeviceID, err)
		}
	}
	return nil
}

// AssignClassrooms assigns each device to its classroom only; the pupils'
// names in the roster are dropped.
func (s *Store) AssignClassrooms(ctx context.Context, roster []RosterEntry) error {
	for _, e := range roster {
		if _, err := s.db.ExecContext(ctx, insertAssigned, e.DeviceID, e.Classroom); err != nil { // OK: only the device and the classroom are stored
			return fmt.Errorf("telemetry: assign device %d: %w", e.DeviceID, err)
		}
	}
	return nil
}

// PurgeStudentData removes any pupil names a tenant's rosters left behind
// (§6: we will take steps to delete that information).
//
//privacy:erase user.childrens
func (s *Store) PurgeStudentData(ctx context.Context, tenantID int64) error {
	_, err := s.db.ExecContext(ctx, deleteStudents, tenantID)
	return err
}

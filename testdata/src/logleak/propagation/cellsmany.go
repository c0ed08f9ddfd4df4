package propagation

import (
	"errors"
	"fmt"
	"log"
)

// A named result stored at every step of a long function (more than 64
// stores, as in a merge that runs git a dozen times) is still read where
// it is read.
func manySteps(u *User, step func() error) (err error) {
	defer log.Print("done")
	if err = step(); err != nil {
		return errors.New("step 0 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 1 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 2 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 3 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 4 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 5 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 6 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 7 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 8 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 9 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 10 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 11 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 12 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 13 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 14 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 15 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 16 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 17 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 18 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 19 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 20 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 21 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 22 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 23 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 24 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 25 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 26 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 27 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 28 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 29 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 30 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 31 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 32 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 33 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 34 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 35 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 36 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 37 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 38 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 39 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 40 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 41 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 42 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 43 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 44 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 45 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 46 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 47 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 48 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 49 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 50 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 51 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 52 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 53 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 54 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 55 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 56 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 57 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 58 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 59 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 60 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 61 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 62 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 63 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 64 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 65 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 66 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 67 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 68 failed")
	}
	if err = step(); err != nil {
		return errors.New("step 69 failed")
	}
	if err = fmt.Errorf("no user %s", u.Email); err != nil {
		log.Print("failed")
		return nil
	}
	return nil
}

func callManySteps(u *User, step func() error) {
	log.Print(manySteps(u, step))
}

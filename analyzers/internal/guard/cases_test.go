package guard_test

// Each case is Go source appended to the prelude. Markers: "// g: P..."
// on every send lists the purposes guaranteed there ("-" for none);
// "// ignored" and "// propagated" mark checks; "// wrap: SHAPE P..."
// marks a function that is a check of its own.
var cases = []struct {
	name string
	src  string
}{
	{"one branch only", `
func f(id int) {
	if PromoAllowed(id) {
		send(id) // g: marketing.communications.email
	} else {
		send(id) // g: -
	}
	send(id) // g: -
}
`},
	{"early return", `
func f(id int) {
	ok := PromoAllowed(id)
	if !ok {
		return
	}
	send(id) // g: marketing.communications.email
}
`},
	{"error early return", `
func f(id int) {
	if err := AdsConsent(id); err != nil {
		send(err) // g: -
		return
	}
	send(id) // g: marketing.advertising
}
`},
	{"error nil branch", `
func f(id int) {
	if err := AdsConsent(id); err == nil {
		send(id) // g: marketing.advertising
	}
	if nil == AdsConsent(id) {
		send(id) // g: marketing.advertising
	}
	err := AdsConsent(id)
	if err != nil {
		err = nil
	}
	if err == nil {
		send(id) // g: -
	}
}
`},
	{"and with another condition", `
func f(id int) {
	if flag && PromoAllowed(id) {
		send(id) // g: marketing.communications.email
	}
	if PromoAllowed(id) && id > 3 {
		send(id) // g: marketing.communications.email
	} else {
		send(id) // g: -
	}
}
`},
	{"or is not a guard", `
func f(id int) {
	if PromoAllowed(id) || flag {
		send(id) // g: -
	}
	if !PromoAllowed(id) || !flag {
		return
	}
	send(id) // g: marketing.communications.email
}
`},
	{"stored and tested later", `
func f(id int) {
	ok := PromoAllowed(id)
	send(id) // g: -
	log.Print("checked")
	if ok {
		send(id) // g: marketing.communications.email
	}
}
`},
	{"condition kept in a variable", `
func f(id int) {
	x := PromoAllowed(id) && flag
	if x {
		send(id) // g: marketing.communications.email
	}
	y := PromoAllowed(id) || flag
	if y {
		send(id) // g: -
	}
	no := !PromoAllowed(id)
	if no {
		return
	}
	send(id) // g: marketing.communications.email
}
`},
	{"variable assigned from two checks", `
func f(id int) {
	ok := Other(id)
	if flag {
		ok = PromoAllowed(id)
	}
	if ok {
		send(id) // g: -
	}
	v := PromoAllowed(id)
	if flag {
		v = v && Other(id)
	}
	if v {
		send(id) // g: marketing.communications.email
	}
}
`},
	{"tagless switch", `
func f(id int) {
	ok := PromoAllowed(id)
	switch {
	case !ok:
		send(id) // g: -
	case flag:
		send(id) // g: marketing.communications.email
	default:
		send(id) // g: marketing.communications.email
	}
	send(id) // g: -
}
`},
	{"switch on the result", `
func f(id int) {
	switch PromoAllowed(id) {
	case true:
		send(id) // g: marketing.communications.email
	case false:
		send(id) // g: -
	}
}
`},
	{"comparison with constants", `
func f(id int) {
	if PromoAllowed(id) == false {
		return
	}
	send(id) // g: marketing.communications.email
	if Other(id) != true {
		return
	}
	send(id) // g: analytics marketing.communications.email
}
`},
	{"loop after the check", `
func f(id int) {
	if !PromoAllowed(id) {
		return
	}
	for i := 0; i < id; i++ {
		send(i) // g: marketing.communications.email
	}
	for _, x := range ids {
		send(x) // g: marketing.communications.email
	}
}
`},
	{"check inside the loop", `
func f(id int) {
	for i := 0; i < id; i++ {
		send(i) // g: -
		if PromoAllowed(i) {
			send(i) // g: marketing.communications.email
		}
		send(i) // g: -
	}
	send(id) // g: -
}
`},
	{"loop until consent", `
func f(id int) {
	for !PromoAllowed(id) {
		id++
		send(id) // g: -
	}
	send(id) // g: marketing.communications.email
}
`},
	{"another purpose", `
func f(id int) {
	if !Other(id) {
		return
	}
	send(id) // g: analytics
	if AdsConsent(id) != nil {
		return
	}
	send(id) // g: analytics marketing.advertising
}
`},
	{"ignored results", `
func f(id int) {
	PromoAllowed(id) // ignored
	send(id) // g: -
	_ = PromoAllowed(id) // ignored
	ok := PromoAllowed(id) // ignored
	log.Print(ok)
	AdsConsent(id) // ignored
	v, _ := PromoPref(id) // ignored
	send(v) // g: -
	go PromoAllowed(id) // ignored
	defer AdsConsent(id) // ignored
	if ok == flag {
		send(id) // g: -
	}
}

type T struct{ ok bool }

func (t *T) g(id int) {
	t.ok = PromoAllowed(id) // ignored
	if t.ok {
		send(id) // g: -
	}
}
`},
	{"propagated results", `
func allowed(id int) bool { // wrap: bool marketing.communications.email
	return PromoAllowed(id) // propagated
}

func allowedErr(id int) error { // wrap: error marketing.advertising
	if err := AdsConsent(id); err != nil { // decides, so not propagated
		return fmt.Errorf("consent: %w", err)
	}
	return nil
}

func passErr(id int) error { // wrap: error marketing.advertising
	return AdsConsent(id) // propagated
}

func negated(id int) bool {
	return !PromoAllowed(id) // propagated
}

func viaBranch(id int) bool { // wrap: bool marketing.communications.email
	if !PromoAllowed(id) {
		return false
	}
	return true
}

func both(id int) bool { // wrap: bool analytics marketing.communications.email
	return PromoAllowed(id) && Other(id) // propagated (Other)
}

func either(id int) bool {
	return PromoAllowed(id) || Other(id) // propagated (Other)
}

// A sentinel error variable might be nil as far as the analysis knows.
var errNo = errors.New("no consent")

func sentinel(id int) error {
	if AdsConsent(id) != nil {
		return errNo
	}
	return nil
}

func pref(id int) (int, bool) { // wrap: bool marketing.communications.email
	v, ok := PromoPref(id) // propagated
	return v, ok
}
`},
	{"goroutine closure", `
func f(id int) {
	if !PromoAllowed(id) {
		return
	}
	go func() {
		send(id) // g: -
	}()
	defer func() {
		send(id) // g: -
	}()
	send(id) // g: marketing.communications.email
}
`},
	{"captured variable", `
func f(id int) {
	ok := PromoAllowed(id)
	go func() {
		if ok {
			send(id) // g: -
		}
	}()
	if ok {
		send(id) // g: marketing.communications.email
	}
}

func g(id int) {
	ok := PromoAllowed(id)
	func() { ok = flag }()
	if ok {
		send(id) // g: -
	}
}
`},
	{"double negation", `
func f(id int) {
	if !(!PromoAllowed(id)) {
		send(id) // g: marketing.communications.email
	}
	x := !PromoAllowed(id)
	if !x {
		send(id) // g: marketing.communications.email
	}
}
`},
	{"tuple results", `
func f(id int) {
	v, ok := PromoPref(id)
	if !ok {
		return
	}
	send(v) // g: marketing.communications.email
	tok, err := AdsToken(id)
	if err != nil {
		return
	}
	send(tok) // g: marketing.advertising marketing.communications.email
}
`},
	{"calls that do not return", `
func f(id int) {
	if !PromoAllowed(id) {
		panic("no consent")
	}
	send(id) // g: marketing.communications.email
}

func g(id int) {
	if err := AdsConsent(id); err != nil {
		log.Fatalf("no consent: %v", err)
	}
	send(id) // g: marketing.advertising
}

func h(id int) {
	if !Other(id) {
		os.Exit(1)
	}
	if !PromoAllowed(id) {
		runtime.Goexit()
	}
	send(id) // g: analytics marketing.communications.email
}
`},
	{"check after the sink", `
func f(id int) {
	send(id) // g: -
	if !PromoAllowed(id) {
		return
	}
}
`},
	{"flag set in a loop", `
func f(id int) {
	ok := false
	for i := 0; i < id; i++ {
		if PromoAllowed(i) {
			ok = true
		}
	}
	if ok {
		send(id) // g: marketing.communications.email
	}
	last := false
	for _, x := range ids {
		last = PromoAllowed(x)
	}
	if last {
		send(id) // g: marketing.communications.email
	}
	mixed := false
	for _, x := range ids {
		if Other(x) {
			mixed = true
		}
		if PromoAllowed(x) {
			mixed = true
		}
	}
	if mixed {
		send(id) // g: -
	}
}
`},
	{"code that cannot run", `
const debug = false

func f(id int) {
	if debug {
		send(id) // g: -
	}
	if debug && !PromoAllowed(id) {
		return
	}
	send(id) // g: -
	if !debug && !PromoAllowed(id) {
		return
	}
	send(id) // g: marketing.communications.email
}
`},
	{"no checks", `
func f(id int) {
	if flag {
		send(id) // g: -
	}
}
`},
}
